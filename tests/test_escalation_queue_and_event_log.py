"""The escalation queue and the event log, on a live backend."""

from __future__ import annotations

from PySide6.QtCore import Qt

from console.domain import EscalationState, Severity
from tests.support.backends import open_enforcement_cases
from tests.support.consoles import step_until
from widgets.escalations_panel import EscalationsModel, sort_of
from widgets.event_log_panel import EventLogPanel
from widgets.panels import Panel
from widgets.rows_model import SORT_ROLE


def queue_rows(panel) -> list:
    return [panel.queue.index(row, 0).data(SORT_ROLE) for row in range(panel.queue.rowCount())]


def test_the_escalation_queue_puts_the_most_urgent_first(qtbot, desk, stepped_backend):
    panel = desk.window.panels[Panel.ESCALATIONS]
    step_until(qtbot, desk, stepped_backend, lambda: panel.queue.rowCount() >= 4, every_s=60)
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
    owned = stepped_backend.command(
        f"escalations/{chosen.id}/acknowledge",
        username="supervisor2",
        version=stepped_backend.get(f"escalations/{chosen.id}")["version"],
    )
    assert owned.status_code == 200, owned.text
    resolved = stepped_backend.command(
        f"escalations/{chosen.id}/resolve",
        {"outcome": "已处理"},
        username="supervisor2",
        version=owned.json()["version"],
    )
    assert resolved.status_code == 200, resolved.text
    row = desk.store.escalations.row("快", chosen.id)

    def shown_ids() -> set:
        return {
            panel.model.item(panel.queue.mapToSource(panel.queue.index(r, 0)).row())[1].id
            for r in range(panel.queue.rowCount())
        }

    qtbot.waitUntil(lambda: desk.store.escalations[row][1].state == EscalationState.RESOLVED, timeout=30_000)
    assert chosen.id not in shown_ids()
    panel.show_resolved.setChecked(True)
    assert chosen.id in shown_ids()


def test_field_emergencies_and_process_warnings_are_kept_apart(qtbot, desk, stepped_backend):
    panel = desk.window.panels[Panel.ESCALATIONS]

    def both_sorts() -> bool:
        sorts = {sort_of(e) for _, e in desk.store.escalations if e.state != EscalationState.RESOLVED}
        return sorts == {"field", "process"}

    # A query whose hits nobody freezes: in half an hour, a process escalation about its case.
    case = next(c for c in open_enforcement_cases(stepped_backend) if c["amount_sought"] > c["amount_realised"])
    asked = {"case_id": case["id"], "channel": "national", "categories": ["bank", "payment"]}
    assert stepped_backend.command("queries", asked).status_code == 201
    step_until(qtbot, desk, stepped_backend, both_sorts, every_s=120, at_most_s=3600)
    shown = panel.queue.rowCount()
    for wanted, about in (("field", "team_id"), ("process", "case_id")):
        panel.sort_of.setCurrentIndex(panel.sort_of.findData(wanted))
        rows = [
            panel.model.item(panel.queue.mapToSource(panel.queue.index(r, 0)).row())[1]
            for r in range(panel.queue.rowCount())
        ]
        assert rows and all(sort_of(e) == wanted and getattr(e, about) is not None for e in rows)
    panel.sort_of.setCurrentIndex(0)
    assert panel.queue.rowCount() >= shown
    assert panel.view_state()["sort_of"] is None


def test_the_event_log_follows_pauses_filters_and_stays_capped(qtbot, desk, stepped_backend):
    log = EventLogPanel(desk.live, capacity=300)
    qtbot.addWidget(log)
    step_until(qtbot, desk, stepped_backend, lambda: log.model.rowCount() == 300, every_s=30)
    log.pause.setChecked(True)
    frozen = [log.model.index(r, 3).data() for r in range(log.model.rowCount())]
    step_until(qtbot, desk, stepped_backend, lambda: log.model.held > 50, every_s=30)
    assert [log.model.index(r, 3).data() for r in range(log.model.rowCount())] == frozen
    assert "held" in log.held.text()
    log.pause.setChecked(False)
    ids = [log.model.index(r, 3).data() for r in range(log.model.rowCount())]
    assert len(ids) == 300 and ids == sorted(ids) and ids[-1] > frozen[-1]
    log.filter.setText("team.status")
    step_until(qtbot, desk, stepped_backend, lambda: log.filtered.rowCount() > 0, every_s=30)
    assert {log.filtered.index(r, 2).data() for r in range(log.filtered.rowCount())} == {"team.status"}
