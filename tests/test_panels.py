"""The escalation queue and the event log, on a live backend."""

from __future__ import annotations

from PySide6.QtCore import Qt

from console.domain import EscalationState, Severity
from widgets.escalations_panel import SORT_ROLE, EscalationsModel
from widgets.event_log_panel import EventLogPanel


def queue_rows(panel) -> list:
    return [panel.queue.index(row, 0).data(SORT_ROLE) for row in range(panel.queue.rowCount())]


def test_the_escalation_queue_puts_the_most_urgent_first(qtbot, fast_console, fast_backend):
    panel = fast_console.window.escalations_panel
    qtbot.waitUntil(lambda: panel.queue.rowCount() >= 4, timeout=30_000)
    keys = queue_rows(panel)
    assert keys == sorted(keys)
    top = panel.model.item(panel.queue.mapToSource(panel.queue.index(0, 0)).row())[1]
    assert top.state != EscalationState.RESOLVED
    open_p1 = [
        row
        for row in range(panel.model.rowCount())
        if panel.model.item(row)[1].severity == Severity.P1 and panel.model.item(row)[1].state == EscalationState.OPEN
    ]
    for row in open_p1:
        assert panel.model.index(row, EscalationsModel.TITLE).data(Qt.ItemDataRole.BackgroundRole) is not None
    panel.view.selectRow(0)
    assert "raised" in panel.timeline.toPlainText()

    # Resolved elsewhere (another console): it leaves the queue at once, and "Show resolved" brings it back.
    chosen = next(
        e
        for _, e in (
            panel.model.item(panel.queue.mapToSource(panel.queue.index(r, 0)).row())
            for r in range(panel.queue.rowCount())
        )
        if e.owner is None
    )
    owned = fast_backend.command(
        f"escalations/{chosen.id}/acknowledge",
        username="supervisor2",
        version=fast_backend.get(f"escalations/{chosen.id}")["version"],
    )
    assert owned.status_code == 200, owned.text
    resolved = fast_backend.command(
        f"escalations/{chosen.id}/resolve",
        {"outcome": "已处理"},
        username="supervisor2",
        version=owned.json()["version"],
    )
    assert resolved.status_code == 200, resolved.text
    row = fast_console.store.escalations.row("快", chosen.id)

    def shown_ids() -> set:
        return {
            panel.model.item(panel.queue.mapToSource(panel.queue.index(r, 0)).row())[1].id
            for r in range(panel.queue.rowCount())
        }

    qtbot.waitUntil(lambda: fast_console.store.escalations[row][1].state == EscalationState.RESOLVED, timeout=30_000)
    assert chosen.id not in shown_ids()
    panel.show_resolved.setChecked(True)
    assert chosen.id in shown_ids()


def test_the_event_log_follows_pauses_filters_and_stays_capped(qtbot, fast_console):
    log = EventLogPanel(fast_console.live, capacity=300)
    qtbot.addWidget(log)
    qtbot.waitUntil(lambda: log.model.rowCount() == 300, timeout=30_000)
    log.pause.setChecked(True)
    frozen = [log.model.index(r, 3).data() for r in range(log.model.rowCount())]
    qtbot.waitUntil(lambda: log.model.held > 50, timeout=30_000)
    assert [log.model.index(r, 3).data() for r in range(log.model.rowCount())] == frozen
    assert "held" in log.held.text()
    log.pause.setChecked(False)
    ids = [log.model.index(r, 3).data() for r in range(log.model.rowCount())]
    assert len(ids) == 300 and ids == sorted(ids) and ids[-1] > frozen[-1]
    log.filter.setText("team.status")
    qtbot.waitUntil(lambda: log.filtered.rowCount() > 0, timeout=30_000)
    assert {log.filtered.index(r, 2).data() for r in range(log.filtered.rowCount())} == {"team.status"}
