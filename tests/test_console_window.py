"""The console as an operator meets it: it starts on its embedded backend and shows it live."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from console.domain import TeamStatus, decode_team
from console.embedded import EmbeddedBackend
from console.sync import LinkState, SnapshotLoaded
from widgets.app import ConsoleSession
from widgets.main_window import MainWindow
from widgets.selection import Selected
from widgets.teams_panel import LOST, TeamsModel

from .conftest import CASES, SEED
from .test_misbehaving_backend import TEAM


def marker_positions(window: MainWindow) -> dict[tuple[str, str], tuple[float, float]]:
    teams = window.map_panel.team_layer
    return {key: (float(x), float(y)) for key, x, y in zip(teams.keys, teams.markers.x, teams.markers.y, strict=True)}


def test_the_console_goes_live_on_its_embedded_backend_and_teams_move_on_the_map(qtbot, session):
    qtbot.waitUntil(session.is_live, timeout=30_000)
    window = session.window
    health = session.store.health["embedded"]
    assert health.url.startswith("http://127.0.0.1:")
    assert len(session.store.teams) == 200 and len(session.store.courts) == 211
    assert window.teams_panel.model.rowCount() == 200
    first = marker_positions(window)
    assert len(first) == 200

    def a_marker_moved() -> bool:
        now = marker_positions(window)
        return any(now[key] != first[key] for key in first)

    qtbot.waitUntil(a_marker_moved, timeout=15_000)
    connection = window.connection_panel.model
    qtbot.waitUntil(lambda: health.events_received > 0, timeout=10_000)
    assert connection.data(connection.index(0, connection.STATE)) == "Live"
    assert connection.data(connection.index(0, connection.BACKEND)) == "Embedded backend"
    assert int(connection.data(connection.index(0, connection.EVENTS)).replace(",", "")) > 0


def test_the_teams_table_shows_what_the_store_holds(qtbot, session):
    qtbot.waitUntil(session.is_live, timeout=30_000)
    model = session.window.teams_panel.model
    team = session.store.teams[0]
    court = session.store.courts[(team.backend, team.court_id)]
    assert model.data(model.index(0, TeamsModel.COURT)) == court.name
    assert court.name + model.data(model.index(0, TeamsModel.TEAM)) == team.name
    assert model.data(model.index(0, TeamsModel.HEARTBEAT)).endswith("ago")
    assert session.window.teams_panel.view.isColumnHidden(TeamsModel.BACKEND)  # one backend: no need to say which


def test_quitting_stops_the_backend_the_console_started(qtbot, settings):
    running = ConsoleSession(settings, EmbeddedBackend(seed=SEED, cases=CASES))
    qtbot.addWidget(running.window)
    running.start()
    qtbot.waitUntil(running.is_live, timeout=30_000)
    process = running.embedded._process
    running.shutdown()
    assert process.poll() is not None
    assert all(not link.running for link in running.connections.links.values())


def test_a_backend_that_cannot_start_is_explained_in_the_window(qtbot, settings):
    running = ConsoleSession(settings, EmbeddedBackend(seed=SEED, cases=CASES, teams=0))  # refused by court-backend
    qtbot.addWidget(running.window)
    running.start()
    running.window.show()
    try:

        def failed() -> bool:
            health = running.store.health.get("embedded")
            return health is not None and health.state == LinkState.FAILED

        qtbot.waitUntil(failed, timeout=30_000)
        banner = running.window._banner
        assert banner.isVisible()
        assert "failed to start" in banner.text() and "--teams must be between 1 and 2000" in banner.text()
    finally:
        running.shutdown()


def test_the_dock_layout_comes_back_at_the_next_start(make_window, settings):
    window = make_window(settings)
    window.docks["teams"].close()
    window.docks["connection"].setFloating(True)
    window.removeDockWidget(window.docks["map"])
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window.docks["map"])
    window.docks["map"].show()
    window.close()

    again = make_window(settings)
    assert not again.docks["teams"].isVisible()
    assert again.docks["connection"].isFloating()
    assert again.dockWidgetArea(again.docks["map"]) == Qt.DockWidgetArea.RightDockWidgetArea

    again.reset_layout()
    assert all(dock.isVisible() and not dock.isFloating() for dock in again.docks.values())
    assert again.dockWidgetArea(again.docks["map"]) == Qt.DockWidgetArea.LeftDockWidgetArea


def test_a_layout_saved_by_another_version_falls_back_to_the_default(make_window, settings):
    settings.setValue("layouts/duty/version", 0)
    settings.setValue("layouts/duty/state", b"not a layout")
    window = make_window(settings)
    assert all(dock.isVisible() for dock in window.docks.values())


def test_every_dock_can_be_reopened_from_the_view_menu(make_window, settings):
    window = make_window(settings)
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    for dock in window.findChildren(QDockWidget):
        dock.close()
        toggle = next(a for a in view_menu.actions() if a is dock.toggleViewAction())
        toggle.trigger()
        assert dock.isVisible()


def test_status_chips_count_and_filter_the_teams(qtbot, session):
    qtbot.waitUntil(session.is_live, timeout=30_000)
    panel = session.window.teams_panel
    qtbot.waitUntil(
        lambda: (
            panel.chips.buttons[TeamStatus.STANDBY].text().split()[-1].isdigit()
            and sum(int(b.text().split()[-1]) for k, b in panel.chips.buttons.items() if k != LOST) == 200
        ),
        timeout=10_000,
    )
    panel.chips.buttons[TeamStatus.STANDBY].setChecked(True)
    shown = [
        panel.model.teams()[panel.proxy.mapToSource(panel.proxy.index(r, 0)).row()]
        for r in range(panel.proxy.rowCount())
    ]
    assert shown and all(team.status == TeamStatus.STANDBY for team in shown)
    panel.chips.buttons[TeamStatus.STANDBY].setChecked(False)
    court = panel.model.court_name(session.store.teams[0])
    panel.search.setText(court)
    shown = [
        panel.model.teams()[panel.proxy.mapToSource(panel.proxy.index(r, 0)).row()]
        for r in range(panel.proxy.rowCount())
    ]
    assert shown and all(panel.model.court_name(team) == court or court in team.name for team in shown)
    panel.search.clear()
    assert panel.proxy.rowCount() == 200


def test_a_name_that_looks_like_markup_is_shown_as_it_is(make_window, settings, qtbot):
    window = make_window(settings)
    hostile = "<img width=12000 height=12000 src=x>"
    team = decode_team("快", {**TEAM, "name": hostile})
    window._live.store.apply([SnapshotLoaded("快", [], [team], 0)])
    window.selection.select(Selected("team", "快", team.id))
    qtbot.waitUntil(lambda: window.map_panel.follow_action.isEnabled(), timeout=5_000)
    window.map_panel.follow_action.setChecked(True)
    assert window.map_panel.follow_label.text().endswith(hostile)
    assert window.width() < 3000 and window.map_panel.follow_label.sizeHint().height() < 200
