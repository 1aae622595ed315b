"""Handling escalations from the console: acknowledge, escalate, resolve through the outbox; a second
operator told who was faster; an observer kept to reading; the alarm for P1 and P2."""

from __future__ import annotations

import pytest

from console.commands import Action, CommandState, Subject
from console.domain import EscalationState, Severity
from console.records import Collection
from tests.support.consoles import pick_open, step_until
from widgets.answering import why_not
from widgets.escalation_actions import NoteDialog
from widgets.panels import Panel
from widgets.selection import Selected

ACKNOWLEDGE, ESCALATE, RESOLVE = Action.ACKNOWLEDGE, Action.ESCALATE, Action.RESOLVE


def last_command(console, name: str, escalation_id: str):
    commands = console.store.commands.about(name, Subject(Collection.ESCALATIONS, escalation_id))
    return commands[-1] if commands else None


def test_an_operator_acknowledges_then_resolves_and_the_timeline_says_who(qtbot, desk, stepped_backend):
    backend, escalation = pick_open(qtbot, desk, stepped_backend)
    actions = desk.window.panels[Panel.ESCALATIONS].actions
    assert not why_not(actions.actions[ACKNOWLEDGE]) and why_not(actions.actions[RESOLVE])
    actions.actions[ACKNOWLEDGE].trigger()
    actions.actions[ACKNOWLEDGE].trigger()  # pressed twice before anything came back: one command
    assert len(desk.store.commands.about(backend, Subject(Collection.ESCALATIONS, escalation.id))) == 1
    qtbot.waitUntil(lambda: desk.store.escalations.get(backend, escalation.id).owner == "operator", timeout=30_000)
    acknowledged = desk.store.escalations.get(backend, escalation.id)
    assert acknowledged.state == EscalationState.ACKNOWLEDGED
    assert acknowledged.timeline[-1].actor == "operator" and acknowledged.timeline[-1].action == "acknowledged"
    qtbot.waitUntil(lambda: "operator" in desk.window.panels[Panel.ESCALATIONS].timeline.toPlainText())
    qtbot.waitUntil(lambda: not why_not(actions.actions[RESOLVE]))
    assert why_not(actions.actions[ACKNOWLEDGE])
    panel = desk.window.panels[Panel.ESCALATIONS]
    step_until(qtbot, desk, stepped_backend, lambda: panel.queue.rowCount() >= 3)  # neighbours for it
    actions.submit(RESOLVE, {"outcome": "队伍已安全撤离，现场平稳"})
    qtbot.waitUntil(
        lambda: desk.store.escalations.get(backend, escalation.id).state == EscalationState.RESOLVED,
        timeout=30_000,
    )
    assert desk.store.escalations.get(backend, escalation.id).timeline[-1].note == "队伍已安全撤离，现场平稳"
    # It leaves the queue (resolved ones are hidden) and stays the one picked: F2 never moves on by itself.
    qtbot.waitUntil(lambda: not panel.view.currentIndex().isValid())
    assert desk.window.selection.current == Selected(Collection.ESCALATIONS, backend, escalation.id)
    assert "队伍已安全撤离，现场平稳" in panel.timeline.toPlainText()  # its timeline still shown


def test_a_second_operator_is_told_who_took_it_and_nothing_is_overwritten(qtbot, desk, stepped_backend):
    backend, escalation = pick_open(qtbot, desk, stepped_backend)
    taken = stepped_backend.command(
        f"escalations/{escalation.id}/acknowledge", {"note": ""}, username="operator2", version=escalation.version
    )
    assert taken.status_code == 200, taken.text
    # The console has not heard of it yet (no event loop turn since): it acts on the version it shows.
    desk.window.panels[Panel.ESCALATIONS].actions.actions[ACKNOWLEDGE].trigger()
    qtbot.waitUntil(
        lambda: (c := last_command(desk, backend, escalation.id)) is not None and c.state == CommandState.REFUSED,
        timeout=30_000,
    )
    assert last_command(desk, backend, escalation.id).status == 412
    status = desk.window.panels[Panel.ESCALATIONS].action_status.text()
    assert "operator2" in status and "acknowledged" in status
    qtbot.waitUntil(lambda: desk.store.escalations.get(backend, escalation.id).owner == "operator2", timeout=30_000)
    assert stepped_backend.get(f"escalations/{escalation.id}")["owner"] == "operator2"
    assert why_not(desk.window.panels[Panel.ESCALATIONS].actions.actions[ACKNOWLEDGE])
    assert "operator2" in desk.window.panels[Panel.ESCALATIONS].actions.actions[ACKNOWLEDGE].toolTip()


def test_escalating_needs_a_reason_and_hands_the_escalation_to_a_supervisor(qtbot, desk, stepped_backend):
    backend, escalation = pick_open(qtbot, desk, stepped_backend)
    dialog = NoteDialog(ESCALATE, escalation)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() != NoteDialog.DialogCode.Accepted and dialog.problem.isVisibleTo(dialog)
    dialog.note.setPlainText("当事人聚集人员围堵，请求指挥长协调公安支援")
    dialog.accept()
    assert dialog.result() == NoteDialog.DialogCode.Accepted
    desk.window.panels[Panel.ESCALATIONS].actions.submit(ESCALATE, dialog.body())
    qtbot.waitUntil(
        lambda: desk.store.escalations.get(backend, escalation.id).state == EscalationState.ESCALATED,
        timeout=30_000,
    )
    escalated = desk.store.escalations.get(backend, escalation.id)
    assert escalated.escalated_to == "supervisor" and escalated.owner is None
    # Now it waits for a supervisor: an operator may not take it back.
    assert why_not(desk.window.panels[Panel.ESCALATIONS].actions.actions[ACKNOWLEDGE])


def test_an_escalation_left_unacknowledged_escalates_itself_and_the_queue_shows_it(qtbot, desk, stepped_backend):
    def self_escalated():
        return next(
            (
                e
                for _, e in desk.store.escalations
                if e.state == EscalationState.ESCALATED and e.timeline[-1].actor == "system"
            ),
            None,
        )

    step_until(qtbot, desk, stepped_backend, self_escalated)
    model = desk.window.panels[Panel.ESCALATIONS].model
    row = desk.store.escalations.row(*next((b, e.id) for b, e in desk.store.escalations if e.id == self_escalated().id))
    assert model.index(row, model.OWNER).data().startswith("→")


@pytest.fixture
def observer_console(console_as):
    return console_as("observer")


def test_an_observer_reads_only_and_a_bypassed_refusal_is_shown(qtbot, observer_console, stepped_backend):
    backend, escalation = pick_open(qtbot, observer_console, stepped_backend)
    actions = observer_console.window.panels[Panel.ESCALATIONS].actions
    assert all(why_not(action) for action in actions.actions.values())
    assert "Observer" in observer_console.window.panels[Panel.ESCALATIONS].action_status.text()
    actions.submit(ACKNOWLEDGE, {"note": ""})  # as if the UI were bypassed: the backend refuses
    qtbot.waitUntil(
        lambda: (
            (c := last_command(observer_console, backend, escalation.id)) is not None
            and c.state == CommandState.REFUSED
        ),
        timeout=30_000,
    )
    assert last_command(observer_console, backend, escalation.id).status == 403
    assert observer_console.window.panels[Panel.ESCALATIONS].action_status.text().startswith("Refused")


def test_a_p1_or_p2_sounds_the_alarm_until_acknowledged_and_the_mute_stays_visible(qtbot, desk, stepped_backend):
    alarm = desk.window.alarm
    step_until(qtbot, desk, stepped_backend, lambda: alarm.waiting)
    backend, escalation_id = next(iter(alarm.waiting))
    assert desk.store.escalations.get(backend, escalation_id).severity in (Severity.P1, Severity.P2)
    label = desk.window._alarm_label
    assert label.isVisibleTo(desk.window) and "P1/P2" in label.text()
    qtbot.waitUntil(lambda: alarm.flash_on)  # the row flashes
    desk.window.mute_action.trigger()
    assert alarm.muted and "muted" in label.text()
    desk.window.mute_action.trigger()
    assert not alarm.muted and "muted" not in label.text()
