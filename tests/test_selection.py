"""One selection shared by every panel: pick a team or an escalation anywhere, and the others follow."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from console.domain import EscalationState
from console.records import Collection
from tests.support.consoles import loaded, step_until
from widgets.panels import Panel
from widgets.selection import Selected


def key_of(row: tuple) -> tuple[str, str]:
    """(backend, id) of a row of the store."""
    backend, item = row
    return backend, item.id


def test_a_team_picked_in_the_table_is_ringed_and_brought_into_sight(qtbot, session):
    qtbot.waitUntil(lambda: loaded(session), timeout=30_000)
    window = session.window
    view_box = window.panels[Panel.MAP].view_box
    view_box.scaleBy((0.05, 0.05))  # zoomed in far: most teams are out of sight
    table = window.panels[Panel.TEAMS]
    table.view.selectRow(3)
    backend, team = table.model.item(table.proxy.mapToSource(table.proxy.index(3, 0)).row())
    assert window.selection.current == Selected(Collection.TEAMS, backend, team.id)
    position = session.store.position(backend, team.id)
    ring = window.panels[Panel.MAP].highlight.data
    assert len(ring) == 1 and math.isclose(ring[0]["y"], position.lat, abs_tol=1e-6)
    (x0, x1), (y0, y1) = view_box.viewRange()
    assert x0 < float(window.panels[Panel.MAP].projection.x(position.lon)) < x1 and y0 < position.lat < y1


def test_a_team_clicked_on_the_map_is_picked_in_the_table(qtbot, session):
    qtbot.waitUntil(lambda: loaded(session), timeout=30_000)
    window = session.window
    map_panel = window.panels[Panel.MAP]
    team = session.store.position(*key_of(session.store.teams[10]))
    scene_point = map_panel.view_box.mapViewToScene(QPointF(float(map_panel.projection.x(team.lon)), team.lat))
    viewport = map_panel.plot.viewport()
    at = map_panel.plot.mapFromScene(scene_point)
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(at.x(), at.y()))
    qtbot.waitUntil(lambda: window.selection.current is not None, timeout=5_000)
    picked = window.selection.current
    assert picked.kind is Collection.TEAMS
    chosen = session.store.position(picked.backend, picked.id)
    # Markers can overlap: whichever was under the pointer, it was within a marker's reach of the click.
    where = map_panel.plot.mapFromScene(
        map_panel.view_box.mapViewToScene(QPointF(float(map_panel.projection.x(chosen.lon)), chosen.lat))
    )
    assert abs(where.x() - at.x()) <= 10 and abs(where.y() - at.y()) <= 10
    table = window.panels[Panel.TEAMS]
    row = table.proxy.mapToSource(table.view.currentIndex()).row()
    assert table.model.item(row)[1].id == picked.id


def test_an_escalation_picked_in_its_queue_is_shown_on_the_map(qtbot, desk, stepped_backend):
    session = desk
    step_until(qtbot, desk, stepped_backend, lambda: any(e.lon is not None for _, e in desk.store.escalations))
    window = session.window
    queue = window.panels[Panel.ESCALATIONS]
    row = next(
        r
        for r in range(queue.queue.rowCount())
        if queue.model.item(queue.queue.mapToSource(queue.queue.index(r, 0)).row())[1].lon is not None
    )
    queue.view.selectRow(row)
    backend, escalation = queue.model.item(queue.queue.mapToSource(queue.queue.index(row, 0)).row())
    assert window.selection.current == Selected(Collection.ESCALATIONS, backend, escalation.id)
    ring = window.panels[Panel.MAP].highlight.data
    assert len(ring) == 1 and math.isclose(ring[0]["y"], escalation.lat, abs_tol=1e-6)
    assert not window.panels[Panel.TEAMS].view.selectionModel().hasSelection()


def test_escalations_are_marked_where_they_happen_and_pulse_until_acknowledged(qtbot, desk, stepped_backend):
    session = desk

    def an_open_one_placed() -> bool:
        return any(e.lon is not None and e.state == EscalationState.OPEN for _, e in desk.store.escalations)

    step_until(qtbot, desk, stepped_backend, an_open_one_placed)
    markers = session.window.panels[Panel.MAP].escalations
    placed = [e for _, e in session.store.escalations if e.state != EscalationState.RESOLVED and e.lon is not None]
    assert len(markers.data) == len(placed)
    assert sorted(round(float(y), 6) for y in markers.data["y"]) == sorted(round(e.lat, 6) for e in placed)
    first = list(markers.data["size"])
    qtbot.waitUntil(lambda: list(markers.data["size"]) != first, timeout=5_000)  # the open ones swell and shrink


def test_a_row_picked_again_after_something_else_was_picked_is_picked_again(qtbot, desk, stepped_backend):
    queue = desk.window.panels[Panel.ESCALATIONS]
    step_until(qtbot, desk, stepped_backend, lambda: queue.queue.rowCount() > 0)
    queue.view.selectRow(0)
    first = desk.window.selection.current
    assert first is not None and first.kind is Collection.ESCALATIONS
    desk.window.selection.select(Selected(Collection.TEAMS, *key_of(desk.store.teams[0])))
    queue.view.selectRow(0)
    assert desk.window.selection.current.kind is Collection.ESCALATIONS
