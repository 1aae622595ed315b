"""The console as an operator meets it: it starts on its embedded backend and shows it live."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget

from console.domain import TeamStatus, decode_team
from console.embedded import EmbeddedBackend
from console.records import Collection
from console.sync import LinkState
from tests.support.backends import CASES, SEED
from tests.support.consoles import loaded, marker_positions
from tests.support.records import TEAM, first_sight
from widgets.app import ConsoleSession
from widgets.panels import PANELS, Panel
from widgets.selection import Selected
from widgets.teams_panel import LOST, TeamsModel


def test_the_console_goes_live_on_its_embedded_backend_and_teams_move_on_the_map(qtbot, session):
    qtbot.waitUntil(lambda: loaded(session), timeout=30_000)
    window = session.window
    health = session.store.health["embedded"]
    assert health.url.startswith("http://127.0.0.1:")
    assert len(session.store.teams) == 200 and len(session.store.courts) == 211
    assert window.panels[Panel.TEAMS].model.rowCount() == 200
    first = marker_positions(window)
    assert len(first) == 200

    def a_marker_moved() -> bool:
        now = marker_positions(window)
        return any(now[key] != first[key] for key in first)

    qtbot.waitUntil(a_marker_moved, timeout=15_000)
    connection = window.panels[Panel.CONNECTION].model
    qtbot.waitUntil(lambda: health.events_received > 0, timeout=10_000)
    assert connection.data(connection.index(0, connection.STATE)) == "Live"
    assert connection.data(connection.index(0, connection.BACKEND)) == "Embedded backend"
    assert int(connection.data(connection.index(0, connection.EVENTS)).replace(",", "")) > 0


def test_the_teams_table_shows_what_the_store_holds(qtbot, session):
    qtbot.waitUntil(lambda: loaded(session), timeout=30_000)
    model = session.window.panels[Panel.TEAMS].model
    backend, team = session.store.teams[0]
    court = session.store.courts.get(backend, team.court_id)
    assert model.data(model.index(0, TeamsModel.COURT)) == court.name
    assert court.name + model.data(model.index(0, TeamsModel.TEAM)) == team.name
    assert model.data(model.index(0, TeamsModel.HEARTBEAT)).endswith("ago")
    assert session.window.panels[Panel.TEAMS].view.isColumnHidden(
        TeamsModel.BACKEND
    )  # one backend: no need to say which


def test_quitting_stops_the_backend_the_console_started(qtbot, settings):
    running = ConsoleSession(settings, EmbeddedBackend(seed=SEED, cases=CASES))
    qtbot.addWidget(running.window)
    running.start()
    qtbot.waitUntil(lambda: loaded(running), timeout=30_000)
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
    window.docks[Panel.TEAMS].close()
    window.docks[Panel.CONNECTION].setFloating(True)
    window.removeDockWidget(window.docks[Panel.MAP])
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window.docks[Panel.MAP])
    window.docks[Panel.MAP].show()
    window.close()

    again = make_window(settings)
    assert not again.docks[Panel.TEAMS].isVisible()
    assert again.docks[Panel.CONNECTION].isFloating()
    assert again.dockWidgetArea(again.docks[Panel.MAP]) == Qt.DockWidgetArea.RightDockWidgetArea

    again.reset_layout()
    assert all(dock.isVisible() and not dock.isFloating() for dock in again.docks.values())
    assert again.dockWidgetArea(again.docks[Panel.MAP]) == Qt.DockWidgetArea.LeftDockWidgetArea


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


def test_every_shortcut_of_the_window_does_one_thing(make_window, settings):
    window = make_window(settings)
    keys: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            keys.setdefault(key.toString(), []).append(action.text())
    assert len(keys) >= len(PANELS) + 10  # the panels, the layouts, F2–F4, F8, F9, Ctrl+F, Ctrl+Q…
    assert {key: names for key, names in keys.items() if len(names) > 1} == {}


def test_status_chips_count_and_filter_the_teams(qtbot, session):
    qtbot.waitUntil(lambda: loaded(session), timeout=30_000)
    panel = session.window.panels[Panel.TEAMS]
    qtbot.waitUntil(
        lambda: (
            panel.chips.buttons[TeamStatus.STANDBY].text().split()[-1].isdigit()
            and sum(int(b.text().split()[-1]) for k, b in panel.chips.buttons.items() if k != LOST) == 200
        ),
        timeout=10_000,
    )
    panel.chips.buttons[TeamStatus.STANDBY].setChecked(True)

    def shown() -> list:
        return [
            panel.model.item(panel.proxy.mapToSource(panel.proxy.index(r, 0)).row())
            for r in range(panel.proxy.rowCount())
        ]

    assert shown() and all(team.status == TeamStatus.STANDBY for _, team in shown())
    panel.chips.buttons[TeamStatus.STANDBY].setChecked(False)
    court = panel.model.court_name(*session.store.teams[0])
    panel.search.setText(court)
    assert shown() and all(panel.model.court_name(b, team) == court or court in team.name for b, team in shown())
    panel.search.clear()
    assert panel.proxy.rowCount() == 200


def test_a_name_that_looks_like_markup_is_shown_as_it_is(make_window, settings, qtbot):
    window = make_window(settings)
    hostile = "<img width=12000 height=12000 src=x>"
    team, position = decode_team({**TEAM, "name": hostile})
    window._live.store.apply([first_sight("快", teams=[(team, position)])])
    window.selection.select(Selected(Collection.TEAMS, "快", team.id))
    qtbot.waitUntil(lambda: window.panels[Panel.MAP].follow_action.isEnabled(), timeout=5_000)
    window.panels[Panel.MAP].follow_action.setChecked(True)
    assert window.panels[Panel.MAP].follow_label.text().endswith(hostile)
    assert window.width() < 3000 and window.panels[Panel.MAP].follow_label.sizeHint().height() < 200
