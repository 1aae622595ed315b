"""The map's layers, search and following, as an operator uses them on a live reference backend."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolTip

from console.domain import TeamStatus
from console.records import Collection
from tests.support.consoles import step, step_until
from tests.support.mouse import drag
from widgets.map_panel import MapPanel
from widgets.panels import Panel
from widgets.selection import Selected


def live_map(desk) -> MapPanel:
    return desk.window.panels[Panel.MAP]


def on_screen(qtbot, panel: MapPanel, x: float, y: float) -> QPoint:
    """The viewport pixel of a map point, once the view has caught up with its range (at a paint)."""
    view_box = panel.view_box

    def caught_up() -> bool:
        (x0, x1), (y0, y1) = view_box.viewRange()
        middle = view_box.mapViewToScene(QPointF((x0 + x1) / 2, (y0 + y1) / 2))
        return (middle - view_box.sceneBoundingRect().center()).manhattanLength() < 1.0

    qtbot.waitUntil(caught_up, timeout=5_000)
    at = panel.plot.mapFromScene(view_box.mapViewToScene(QPointF(x, y)))
    return QPoint(at.x(), at.y())


def view_centre(panel: MapPanel) -> tuple[float, float]:
    view = panel.view()
    return (view.x0 + view.x1) / 2, (view.y0 + view.y1) / 2


def test_the_map_takes_its_background_and_boundary_colours_from_the_theme(make_window, settings):
    window = make_window(settings)
    panel = window.panels[Panel.MAP]
    dark = QPalette(panel.palette())
    for role, color in (
        (QPalette.ColorRole.Window, "#1e2430"),
        (QPalette.ColorRole.Base, "#161b24"),
        (QPalette.ColorRole.Text, "#dde3ec"),
    ):
        dark.setColor(role, QColor(color))
    panel.setPalette(dark)  # as a theme does through the application: a PaletteChange
    assert panel.plot.backgroundBrush().color() == QColor("#1e2430")
    boundaries = panel.layers["boundaries"]
    assert boundaries.land.brush.color() == QColor("#161b24")
    county = boundaries.levels["county"].pen.color()
    assert (county.red(), county.green(), county.blue()) == (0xDD, 0xE3, 0xEC)


def test_toggling_a_layer_hides_and_shows_it(qtbot, desk, stepped_backend):
    panel = live_map(desk)
    for name in ("boundaries", "courts", "teams", "trails", "tasks", "escalations"):
        layer = panel.layers[name]
        panel.layer_actions[name].trigger()
        assert not layer.visible and not any(item.isVisible() for item in layer.items), name
        panel.layer_actions[name].trigger()
        assert layer.visible and all(item.isVisible() for item in layer.items), name
    cases = panel.case_layer
    assert cases.circles.isVisible()  # far out: a circle per court
    panel.layer_actions["cases"].trigger()
    assert not cases.circles.isVisible() and not cases.counts.isVisible()
    panel.layer_actions["cases"].trigger()
    assert cases.circles.isVisible() and cases.counts.isVisible()
    panel.legend_action.trigger()
    assert not panel.legend.isVisible()


def test_a_hidden_layer_is_not_found_under_the_pointer(qtbot, desk, stepped_backend):
    panel = live_map(desk)
    backend, team = desk.store.teams[0]
    x, y = panel.team_layer.position(backend, team.id)
    scene_point = panel.view_box.mapViewToScene(QPointF(x, y))
    assert panel.hit_at(scene_point)[1].kind is Collection.TEAMS
    panel.layer_actions["teams"].trigger()
    found = panel.hit_at(scene_point)
    assert found is None or found[1].kind is not Collection.TEAMS


def test_cases_are_counted_per_court_far_out_and_shown_one_by_one_close_in(qtbot, desk, stepped_backend):
    panel = live_map(desk)
    store, cases = desk.store, panel.case_layer
    assert not panel.view().detail
    assert int(cases.totals.sum()) == len(store.cases)
    busiest = int(np.argmax(cases.totals))
    backend, court_id = cases.court_keys[busiest]
    assert cases.totals[busiest] == sum(1 for b, c in store.cases if (b, c.court_id) == (backend, court_id))
    overdue = sum(
        1 for b, c in store.cases if (b, c.court_id) == (backend, court_id) and c.status == "open" and c.overdue
    )
    assert cases.overdue[busiest] == overdue
    assert len(cases.points.x) == 0
    # A click on the court's circle (teams, parked at their courts, hidden) takes the map into it,
    # where each case is a point.
    for over in ("teams", "escalations"):
        panel.layer_actions[over].trigger()
    court = store.courts.get(backend, court_id)
    at = on_screen(qtbot, panel, float(panel.projection.x(court.lon)), court.lat)
    _, topmost = panel.hit_at(panel.plot.mapToScene(at))  # the busiest court's, or a smaller one drawn over it
    assert topmost.kind is Collection.COURTS
    QTest.mouseClick(panel.plot.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    qtbot.waitUntil(lambda: panel.view().detail, timeout=5_000)
    assert math.isclose(view_centre(panel)[0], topmost.x, abs_tol=1e-6)
    assert cases.points.isVisible() and not cases.circles.isVisible()
    view = panel.view()
    expected = {
        c.id
        for _, c in store.cases
        if view.x0 <= float(panel.projection.x(c.lon)) <= view.x1 and view.y0 <= c.lat <= view.y1
    }
    shown = {store.cases[int(row)][1].id for row in cases.in_view()}
    assert shown == expected and len(shown) > 0


def test_a_trail_grows_behind_a_moving_team(qtbot, desk, stepped_backend):
    panel = live_map(desk)
    trails = panel.trail_layer
    first = trails.trails.lengths().copy()
    step_until(qtbot, desk, stepped_backend, lambda: (trails.trails.lengths() > first).any(), every_s=30)
    row = int(np.argmax(trails.trails.lengths() - first))
    backend, team = desk.store.teams[row]
    x, y = panel.team_layer.position(backend, team.id)
    # The trail ends where the team's marker is, and it is drawn.
    assert trails.trails.x[row, -1] == x and trails.trails.y[row, -1] == y
    assert np.any(np.isclose(trails.lines.x, x) & np.isclose(trails.lines.y, y))


def test_a_task_line_joins_a_team_to_its_target(qtbot, desk, stepped_backend):
    panel = live_map(desk)
    store = desk.store

    def open_task():
        return next(((b, t) for b, t in store.tasks if t.open and store.teams.row(b, t.team_id) is not None), None)

    backend, task = step_until(qtbot, desk, stepped_backend, open_task)
    lines = panel.task_layer.lines

    def joined() -> bool:
        team_x, team_y = panel.team_layer.position(backend, task.team_id)
        target_x = float(panel.projection.x(task.target_lon))
        return any(
            math.isclose(lines.x[i], team_x)
            and math.isclose(lines.y[i], team_y)
            and math.isclose(lines.x[i + 1], target_x)
            and math.isclose(lines.y[i + 1], task.target_lat)
            for i in range(0, len(lines.x), 3)
        )

    qtbot.waitUntil(joined, timeout=5_000)
    assert len(lines.x) == 3 * sum(1 for b, t in store.tasks if t.open and store.teams.row(b, t.team_id) is not None)


def test_hovering_a_team_tells_its_name_status_and_court(qtbot, desk, stepped_backend):
    panel = live_map(desk)
    backend, team = desk.store.teams[5]
    court = desk.store.courts.get(backend, team.court_id)
    panel.centre_on(*panel.team_layer.position(backend, team.id), 0.0001)  # close in: it stands alone

    def hovered() -> bool:
        at = on_screen(qtbot, panel, *panel.team_layer.position(backend, team.id))
        QTest.mouseMove(panel.plot.viewport(), at)
        return team.name in QToolTip.text()

    qtbot.waitUntil(hovered, timeout=10_000)
    assert court.name in QToolTip.text() and court.name in panel.hover_tip
    qtbot.waitUntil(lambda: team.name in panel.team_layer.labels.drawn, timeout=5_000)  # close in, named


def test_clicking_a_case_point_selects_the_case(qtbot, desk, stepped_backend):
    panel = live_map(desk)
    store = desk.store
    pixel = 0.0001
    markers = list(zip(store.positions.lon, store.positions.lat, strict=True)) + [
        (e.lon, e.lat) for _, e in store.escalations if e.lon is not None
    ]
    marker_x = panel.projection.x([lon for lon, _ in markers])
    marker_y = np.array([lat for _, lat in markers])
    case_x, case_y = panel.case_layer.x, panel.case_layer.y

    def stands_alone(row: int) -> bool:
        """No team, escalation or other case near it: a click on it can mean only it."""
        x, y = case_x[row], case_y[row]
        others = np.hypot(case_x - x, case_y - y)
        others[row] = np.inf
        return np.hypot(marker_x - x, marker_y - y).min() > 0.05 and others.min() > 10 * pixel

    row = next(row for row in range(len(store.cases)) if stands_alone(row))
    backend, case = store.cases[row]
    x, y = case_x[row], case_y[row]
    panel.centre_on(float(x), float(y), pixel)
    at = on_screen(qtbot, panel, float(x), float(y))
    QTest.mouseClick(panel.plot.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    qtbot.waitUntil(lambda: desk.window.selection.current is not None, timeout=5_000)
    assert desk.window.selection.current == Selected(Collection.CASES, backend, case.id)
    ring = panel.highlight.data
    assert len(ring) == 1 and math.isclose(ring[0]["y"], case.lat)


def search(qtbot, panel: MapPanel, text: str) -> None:
    """Pastes `text` into the search box (QTest types ASCII only) and presses Enter."""
    panel.search.clear()
    panel.search.insert(text)
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)


def test_the_search_finds_a_case_a_team_and_a_court_and_says_when_nothing_matches(qtbot, desk, stepped_backend):
    panel = live_map(desk)
    store, selection = desk.store, desk.window.selection
    backend, case = store.cases[len(store.cases) // 2]
    search(qtbot, panel, case.number)
    assert selection.current == Selected(Collection.CASES, backend, case.id)
    centre = view_centre(panel)
    assert math.isclose(centre[0], float(panel.projection.x(case.lon)), abs_tol=1e-6)
    assert math.isclose(centre[1], case.lat, abs_tol=1e-6)
    assert panel.view().detail
    team_backend, team = store.teams[7]
    search(qtbot, panel, team.name)
    assert selection.current == Selected(Collection.TEAMS, team_backend, team.id)
    qtbot.waitUntil(lambda: panel.team_layer.labels.drawn[:1] == [team.name], timeout=5_000)  # named before any other
    court_backend, court = next((b, c) for b, c in store.courts if c.name.endswith("中级人民法院"))
    search(qtbot, panel, court.name)
    assert math.isclose(view_centre(panel)[0], float(panel.projection.x(court.lon)), abs_tol=1e-6)
    assert selection.current == Selected(Collection.COURTS, court_backend, court.id)  # picked everywhere
    assert math.isclose(panel.highlight.data[0]["y"], court.lat)
    search(qtbot, panel, "no such thing 404")
    assert "no such thing 404" in panel.search_message.text()
    assert math.isclose(view_centre(panel)[0], float(panel.projection.x(court.lon)), abs_tol=1e-6)  # the map stayed


def test_several_matches_are_offered_in_a_list_and_ctrl_f_finds_the_field(qtbot, desk, stepped_backend):
    panel = live_map(desk)
    desk.window.activateWindow()
    panel.plot.setFocus()
    qtbot.waitUntil(panel.plot.hasFocus, timeout=5_000)
    QTest.keyClick(panel.plot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(panel.search.hasFocus, timeout=5_000)
    search(qtbot, panel, "人民法院")
    qtbot.waitUntil(lambda: panel.matches.completer.popup().isVisible(), timeout=5_000)
    offered = panel.matches.completer.completionModel()
    assert offered.rowCount() > 1
    panel.matches.completer.popup().setCurrentIndex(offered.index(1, 0))
    qtbot.keyClick(panel.matches.completer.popup(), Qt.Key.Key_Return)
    picked = panel.matches.found[1]
    qtbot.waitUntil(
        lambda: math.isclose(view_centre(panel)[0], float(panel.projection.x(picked.lon)), abs_tol=1e-6), timeout=5_000
    )


@pytest.mark.usefixtures("unthrottled_mouse")
def test_following_keeps_the_team_in_the_middle_until_the_operator_pans(qtbot, desk, stepped_backend):
    panel = live_map(desk)
    store, selection = desk.store, desk.window.selection
    assert not panel.follow_action.isEnabled()
    team = next(
        (b, t) for b, t in store.teams if t.status in (TeamStatus.EN_ROUTE, TeamStatus.RETURNING)
    )  # one on the road
    backend, team = team
    selection.select(Selected(Collection.TEAMS, backend, team.id))
    panel.follow_action.trigger()
    assert panel.follow_action.isChecked() and team.name in panel.follow_label.text()
    start = store.position(backend, team.id)
    step(qtbot, desk, stepped_backend, 30)
    assert store.position(backend, team.id).at > start.at

    def centred() -> bool:
        x, y = panel.team_layer.position(backend, team.id)
        centre = view_centre(panel)
        return math.isclose(centre[0], x, abs_tol=1e-9) and math.isclose(centre[1], y, abs_tol=1e-9)

    qtbot.waitUntil(centred, timeout=5_000)
    assert math.isclose(view_centre(panel)[1], store.position(backend, team.id).lat, abs_tol=1e-9)
    viewport = panel.plot.viewport()
    on_screen(qtbot, panel, *view_centre(panel))
    drag(viewport, QPointF(viewport.width() / 2, viewport.height() / 2), QPointF(60, 40))
    assert not panel.follow_action.isChecked() and panel.follow_label.text() == ""
