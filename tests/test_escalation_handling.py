"""Handling escalations from the console: acknowledge, escalate, resolve through the outbox; a second
operator told who was faster; an observer kept to reading; the alarm for P1 and P2."""

from __future__ import annotations

import time

import pytest

from console.domain import EscalationState, Severity
from console.outbox import CommandState
from widgets.escalation_actions import NoteDialog
from widgets.selection import Selected


def pick_open(qtbot, session, min_left_s: float = 3.0):
    """An open escalation with time left before it escalates itself (at 300 times the speed, a P3
    has 6 s), picked in the shared selection."""
    store = session.store

    def candidate():
        waiting = [
            (b, e)
            for b, e in store.escalations
            if e.state == EscalationState.OPEN and e.owner is None and e.ack_deadline - time.time() >= min_left_s
        ]
        return max(waiting, key=lambda pair: pair[1].ack_deadline, default=None)

    qtbot.waitUntil(lambda: candidate() is not None, timeout=60_000)
    backend, escalation = candidate()
    session.window.selection.select(Selected("escalation", backend, escalation.id))
    return backend, escalation


def command_state(session, path: str):
    commands = [c for c in session.store.commands.values() if c.path == path]
    return commands[-1] if commands else None


def test_an_operator_acknowledges_then_resolves_and_the_timeline_says_who(qtbot, fast_console):
    backend, escalation = pick_open(qtbot, fast_console)
    actions = fast_console.window.escalations_panel.actions
    assert actions.actions["acknowledge"].isEnabled() and not actions.actions["resolve"].isEnabled()
    actions.actions["acknowledge"].trigger()
    qtbot.waitUntil(
        lambda: fast_console.store.escalations.get(backend, escalation.id).owner == "operator", timeout=30_000
    )
    acknowledged = fast_console.store.escalations.get(backend, escalation.id)
    assert acknowledged.state == EscalationState.ACKNOWLEDGED
    assert acknowledged.timeline[-1].actor == "operator" and acknowledged.timeline[-1].action == "acknowledged"
    qtbot.waitUntil(lambda: "operator" in fast_console.window.escalations_panel.timeline.toPlainText())
    qtbot.waitUntil(lambda: actions.actions["resolve"].isEnabled())
    assert not actions.actions["acknowledge"].isEnabled()
    actions.submit("resolve", {"outcome": "队伍已安全撤离，现场平稳"})
    qtbot.waitUntil(
        lambda: fast_console.store.escalations.get(backend, escalation.id).state == EscalationState.RESOLVED,
        timeout=30_000,
    )
    assert fast_console.store.escalations.get(backend, escalation.id).timeline[-1].note == "队伍已安全撤离，现场平稳"


def test_a_second_operator_is_told_who_took_it_and_nothing_is_overwritten(qtbot, fast_console, fast_backend):
    backend, escalation = pick_open(qtbot, fast_console)
    taken = fast_backend.command(
        f"escalations/{escalation.id}/acknowledge", {"note": ""}, username="operator2", version=escalation.version
    )
    assert taken.status_code == 200, taken.text
    # The console has not heard of it yet (no event loop turn since): it acts on the version it shows.
    fast_console.window.escalations_panel.actions.actions["acknowledge"].trigger()
    path = f"escalations/{escalation.id}/acknowledge"
    qtbot.waitUntil(
        lambda: (c := command_state(fast_console, path)) is not None and c.state == CommandState.REFUSED, timeout=30_000
    )
    assert command_state(fast_console, path).status == 412
    status = fast_console.window.escalations_panel.action_status.text()
    assert "operator2" in status and "acknowledged" in status
    qtbot.waitUntil(
        lambda: fast_console.store.escalations.get(backend, escalation.id).owner == "operator2", timeout=30_000
    )
    assert fast_backend.get(f"escalations/{escalation.id}")["owner"] == "operator2"
    assert not fast_console.window.escalations_panel.actions.actions["acknowledge"].isEnabled()
    assert "operator2" in fast_console.window.escalations_panel.actions.actions["acknowledge"].toolTip()


def test_escalating_needs_a_reason_and_hands_the_escalation_to_a_supervisor(qtbot, fast_console):
    backend, escalation = pick_open(qtbot, fast_console)
    dialog = NoteDialog("escalate", escalation)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() != NoteDialog.DialogCode.Accepted and dialog.problem.isVisibleTo(dialog)
    dialog.note.setPlainText("当事人聚集人员围堵，请求指挥长协调公安支援")
    dialog.accept()
    assert dialog.result() == NoteDialog.DialogCode.Accepted
    fast_console.window.escalations_panel.actions.submit("escalate", dialog.body())
    qtbot.waitUntil(
        lambda: fast_console.store.escalations.get(backend, escalation.id).state == EscalationState.ESCALATED,
        timeout=30_000,
    )
    escalated = fast_console.store.escalations.get(backend, escalation.id)
    assert escalated.escalated_to == "supervisor" and escalated.owner is None
    # Now it waits for a supervisor: an operator may not take it back.
    assert not fast_console.window.escalations_panel.actions.actions["acknowledge"].isEnabled()


def test_an_escalation_left_unacknowledged_escalates_itself_and_the_queue_shows_it(qtbot, fast_console):
    def self_escalated():
        return next(
            (
                e
                for _, e in fast_console.store.escalations
                if e.state == EscalationState.ESCALATED and e.timeline[-1].actor == "system"
            ),
            None,
        )

    qtbot.waitUntil(lambda: self_escalated() is not None, timeout=60_000)
    model = fast_console.window.escalations_panel.model
    row = fast_console.store.escalations.row(
        *next((b, e.id) for b, e in fast_console.store.escalations if e.id == self_escalated().id)
    )
    assert model.index(row, model.OWNER).data().startswith("→")


@pytest.fixture
def observer_console(console_as):
    return console_as("observer")


def test_an_observer_reads_only_and_a_bypassed_refusal_is_shown(qtbot, observer_console):
    backend, escalation = pick_open(qtbot, observer_console)
    actions = observer_console.window.escalations_panel.actions
    assert not any(action.isEnabled() for action in actions.actions.values())
    assert "Observer" in observer_console.window.escalations_panel.action_status.text()
    actions.submit("acknowledge", {"note": ""})  # as if the UI were bypassed: the backend refuses
    path = f"escalations/{escalation.id}/acknowledge"
    qtbot.waitUntil(
        lambda: (c := command_state(observer_console, path)) is not None and c.state == CommandState.REFUSED,
        timeout=30_000,
    )
    assert command_state(observer_console, path).status == 403
    assert observer_console.window.escalations_panel.action_status.text().startswith("Refused")


def test_a_p1_or_p2_sounds_the_alarm_until_acknowledged_and_the_mute_stays_visible(qtbot, fast_console):
    alarm = fast_console.window.alarm
    qtbot.waitUntil(lambda: bool(alarm.waiting), timeout=60_000)
    backend, escalation_id = next(iter(alarm.waiting))
    assert fast_console.store.escalations.get(backend, escalation_id).severity in (Severity.P1, Severity.P2)
    label = fast_console.window._alarm_label
    assert label.isVisibleTo(fast_console.window) and "P1/P2" in label.text()
    qtbot.waitUntil(lambda: alarm.flash_on)  # the row flashes
    fast_console.window.mute_action.trigger()
    assert alarm.muted and "muted" in label.text()
    fast_console.window.mute_action.trigger()
    assert not alarm.muted and "muted" not in label.text()
