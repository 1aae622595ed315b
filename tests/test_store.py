"""The store on its own: each message of a batch applied alone, the newest version of each object
kept, a command's answer taken in at once, commands asked of by subject, and a new snapshot's
case work replacing the old one only when its last page has come."""

from __future__ import annotations

from dataclasses import replace

from console.casework import decode_case
from console.commands import Action, CommandChanged, CommandState, Subject
from console.domain import EscalationState, decode_escalation, decode_team
from console.outbox import new_command
from console.records import Collection
from console.store import Store
from console.sync import BackendRemoved, EventReceived, RowsLoaded
from tests.support.records import CASE, ESCALATION, TEAM, first_sight

ESCALATION_E1 = decode_escalation(ESCALATION)
SUBJECT = Subject(Collection.ESCALATIONS, "E1")


def case(case_id: str, version: int = 1):
    return replace(decode_case(CASE), id=case_id, version=version)


def test_a_message_that_fails_is_dropped_and_counted_and_the_rest_of_its_batch_applies():
    store = Store()
    store.apply([first_sight("A", teams=[decode_team(TEAM)])])
    changes = store.apply(
        [
            EventReceived("A", 1, object(), "team.unheard_of"),
            EventReceived("A", 2, ESCALATION_E1, "escalation.raised"),
        ]
    )
    assert store.teams.get("A", "T1") is not None
    assert store.escalations.get("A", "E1") == ESCALATION_E1
    health = store.health["A"]
    assert health.dropped == 1 and "EventReceived" in health.last_drop
    assert health.last_event_id == 2
    assert "A" in changes.health and changes.rows(Collection.ESCALATIONS) == {0}


def test_a_newer_version_replaces_its_row_and_an_older_one_arriving_late_is_ignored():
    store = Store()
    store.apply([first_sight("A", escalations=[ESCALATION_E1])])
    newer = replace(ESCALATION_E1, state=EscalationState.ACKNOWLEDGED, owner="operator", version=3)
    assert store.apply([EventReceived("A", 1, newer, "escalation.updated")]).rows(Collection.ESCALATIONS) == {0}
    late = replace(ESCALATION_E1, version=2)
    assert not store.apply([EventReceived("A", 2, late, "escalation.updated")]).touched(Collection.ESCALATIONS)
    assert store.escalations.get("A", "E1") == newer


def test_a_commands_answer_is_held_as_soon_as_it_comes_so_the_next_key_acts_on_it():
    store = Store()
    store.apply([first_sight("A", escalations=[ESCALATION_E1])])
    command = new_command("A", Action.ACKNOWLEDGE, SUBJECT, {}, "接手 E1", if_match=1)
    store.apply([CommandChanged(command)])
    assert store.commands.pending("A") == [command]
    answer = replace(ESCALATION_E1, state=EscalationState.ACKNOWLEDGED, owner="operator", version=2)
    delivered = replace(command, state=CommandState.DELIVERED, status=200)
    changes = store.apply([CommandChanged(delivered, answer)])
    assert store.escalations.get("A", "E1") == answer and changes.rows(Collection.ESCALATIONS) == {0}
    assert store.commands.pending("A") == [] and store.commands.about("A", SUBJECT) == [delivered]
    # The event that tells the same news later changes nothing.
    assert not store.apply([EventReceived("A", 1, answer, "escalation.updated")]).touched(Collection.ESCALATIONS)


def test_commands_are_asked_of_by_subject_and_follow_a_renamed_profile():
    store = Store()
    first = new_command("A", Action.ACKNOWLEDGE, SUBJECT, {}, "接手 E1")
    other = new_command("A", Action.ACKNOWLEDGE, Subject(Collection.ESCALATIONS, "E2"), {}, "接手 E2")
    second = new_command("A", Action.RESOLVE, SUBJECT, {"outcome": "已处置"}, "办结 E1")
    store.apply([CommandChanged(first), CommandChanged(other), CommandChanged(second)])
    assert store.commands.about("A", SUBJECT) == [first, second]
    assert store.commands.about("B", SUBJECT) == []
    store.apply([CommandChanged(replace(first, backend="B"))])
    assert [c.id for c in store.commands.about("A", SUBJECT)] == [second.id]
    assert [c.id for c in store.commands.about("B", SUBJECT)] == [first.id]
    assert len(store.commands) == 3 and len(store.commands.pending("A")) == 2


def test_a_new_snapshot_replaces_the_case_work_only_when_its_last_page_has_come():
    store = Store()
    store.apply([first_sight("A", load=1), RowsLoaded("A", 1, Collection.CASES, [case("K1"), case("K2")], final=True)])
    assert Collection.CASES not in store.health["A"].loading

    store.apply([first_sight("A", load=2)])
    assert {c.id for _, c in store.cases} == {"K1", "K2"}  # held while the new pages come
    assert Collection.CASES in store.health["A"].loading
    store.apply(
        [
            RowsLoaded("A", 1, Collection.CASES, [case("K9")], final=True),  # a page of the replaced snapshot
            RowsLoaded("A", 2, Collection.CASES, [case("K2", version=2)], final=False),
            EventReceived("A", 1, case("K4", version=1), "case.updated"),  # news of a case while loading
        ]
    )
    assert {c.id for _, c in store.cases} == {"K1", "K2", "K4"}

    changes = store.apply([RowsLoaded("A", 2, Collection.CASES, [case("K3")], final=True)])
    assert {c.id for _, c in store.cases} == {"K2", "K3", "K4"}
    assert store.cases.get("A", "K2").version == 2
    assert changes.was_reset(Collection.CASES) and Collection.CASES not in store.health["A"].loading


def test_a_removed_backend_leaves_nothing_behind():
    store = Store()
    store.apply(
        [
            first_sight("A", teams=[decode_team(TEAM)], escalations=[ESCALATION_E1]),
            first_sight("B", teams=[decode_team(TEAM)]),
            RowsLoaded("A", 1, Collection.CASES, [case("K1")], final=True),
        ]
    )
    b_position = store.position("B", "T1")
    store.apply([BackendRemoved("A")])
    assert store.teams.backends() == {"B"} and not store.escalations and not store.cases
    assert "A" not in store.health and store.position("B", "T1") == b_position


def test_an_answer_for_a_backend_no_longer_followed_brings_nothing_back():
    store = Store()
    store.apply([first_sight("A", escalations=[ESCALATION_E1])])
    command = new_command("A", Action.ACKNOWLEDGE, SUBJECT, {}, "接手 E1", if_match=1)
    store.apply([CommandChanged(command), BackendRemoved("A")])
    answer = replace(ESCALATION_E1, state=EscalationState.ACKNOWLEDGED, version=2)
    store.apply([CommandChanged(replace(command, state=CommandState.DELIVERED, status=200), answer)])
    assert not store.escalations and store.commands.get(command.id).state == CommandState.DELIVERED


def test_a_command_settled_by_the_sender_of_a_renamed_profile_stays_with_the_new_name():
    store = Store()
    store.apply([first_sight("A", escalations=[ESCALATION_E1])])
    command = new_command("A", Action.ACKNOWLEDGE, SUBJECT, {}, "接手 E1", if_match=1)
    store.apply([CommandChanged(command), BackendRemoved("A"), first_sight("B", escalations=[ESCALATION_E1])])
    store.apply([CommandChanged(replace(command, backend="B"))])  # the outbox's report of the rename
    answer = replace(ESCALATION_E1, state=EscalationState.ACKNOWLEDGED, version=2)
    store.apply([CommandChanged(replace(command, state=CommandState.DELIVERED, status=200), answer)])
    assert [c.state for c in store.commands.about("B", SUBJECT)] == [CommandState.DELIVERED]
    assert store.commands.about("A", SUBJECT) == [] and store.escalations.get("B", "E1") == answer


def test_a_settled_command_never_goes_back_to_pending():
    store = Store()
    command = new_command("A", Action.ACKNOWLEDGE, SUBJECT, {}, "接手 E1")
    delivered = replace(command, state=CommandState.DELIVERED, status=200)
    store.apply([CommandChanged(delivered), CommandChanged(command)])  # a report read before the settling
    assert store.commands.get(command.id) == delivered and not store.commands.pending()
