"""Directing field work from the console, against a live backend: dispatch with suggested teams, an
instruction followed to its reading, an asset query, and a detention that a president decides."""

from __future__ import annotations

import pytest

from console.commands import Action, CommandState, Subject
from console.dispatch import AVAILABLE
from console.records import Collection
from console.sync import LinkState
from tests.support.backends import RunningBackend
from tests.support.consoles import loaded, settled, step_until
from tests.support.dialogs import when_the_dialog_opens
from widgets.answering import why_not
from widgets.panels import Panel
from widgets.selection import Selected

BACKEND = "快"


def open_case(session):
    backend, case = next((b, c) for b, c in session.store.cases if c.status == "open")
    session.window.selection.select(Selected(Collection.CASES, backend, case.id))
    return backend, case


def test_dispatch_suggests_available_teams_nearest_first_and_the_task_is_followed(qtbot, desk, stepped_backend):
    backend, case = open_case(desk)
    actions = desk.window.field_actions
    assert not why_not(actions.actions[Action.DISPATCH])
    chosen: dict = {}

    def fill(dialog):
        assert dialog.suggestions, "no team available"
        etas = [s.eta_min for s in dialog.suggestions]
        assert etas == sorted(etas)
        assert all(s.team.status in AVAILABLE for s in dialog.suggestions)
        dialog.operation.setCurrentIndex(dialog.operation.findData("search"))
        assert dialog.check_in.value() == 10  # 搜查: a check-in every ten minutes on scene, unless said
        dialog.operation.setCurrentIndex(dialog.operation.findData("investigation"))
        assert dialog.check_in.value() == 20
        dialog.check_in.setValue(7)
        chosen["team"] = dialog.chosen_team()  # the first, nearest in time, is picked for the operator

    when_the_dialog_opens(fill)
    actions.actions[Action.DISPATCH].trigger()
    command = settled(qtbot, desk, backend, Action.DISPATCH, Subject(Collection.CASES, case.id))
    assert command.state == CommandState.DELIVERED, command.last_error

    def task():
        return desk.store.tasks.get(backend, command.answer["id"])

    assert task() is not None and task().kind == "investigation"  # the answer is in the store with the command
    assert task().team_id == chosen["team"] and task().checkin_every_min == 7
    step_until(qtbot, desk, stepped_backend, lambda: task().state in ("en_route", "on_scene", "done"))
    assert [step.state for step in task().history][:2] == ["assigned", "accepted"]


def test_an_instruction_is_followed_until_the_team_has_read_it(qtbot, desk, stepped_backend):
    backend, team = next((b, t) for b, t in desk.store.teams if b == BACKEND)
    desk.window.selection.select(Selected(Collection.TEAMS, backend, team.id))
    notices: list[str] = []
    desk.window.field_actions.notice.connect(notices.append)
    when_the_dialog_opens(lambda dialog: dialog.text.setText("到达后先与派出所民警会合"))
    desk.window.field_actions.actions[Action.MESSAGE].trigger()
    step_until(qtbot, desk, stepped_backend, lambda: any("Read" in n for n in notices))
    assert any("Delivered" in n for n in notices)


def test_an_asset_query_launched_from_the_console_runs_for_the_case(qtbot, desk, stepped_backend):
    backend, case = open_case(desk)

    def fill(dialog):
        for category, box in dialog.categories.items():
            box.setChecked(category in ("bank", "vehicle"))

    when_the_dialog_opens(fill)
    desk.window.field_actions.actions[Action.LAUNCH_QUERY].trigger()
    command = settled(qtbot, desk, backend, Action.LAUNCH_QUERY, Subject(Collection.CASES, case.id))
    assert command.state == CommandState.DELIVERED, command.last_error

    def launched():
        return desk.store.queries.get(backend, command.answer["id"])

    assert set(launched().categories) == {"bank", "vehicle"}
    step_until(qtbot, desk, stepped_backend, lambda: launched().answered > 0)


@pytest.fixture
def supervisor_console(console_as):
    return console_as("supervisor")


def test_a_detention_waits_for_a_president(qtbot, supervisor_console, stepped_backend):
    backend, case = open_case(supervisor_console)

    def fill(dialog):
        dialog.person.setText("张某")
        dialog.days.setValue(10)
        dialog.reason.setText("暴力阻碍查封")

    when_the_dialog_opens(fill)
    supervisor_console.window.field_actions.actions[Action.REQUEST_COERCION].trigger()
    subject = Subject(Collection.CASES, case.id)
    command = settled(qtbot, supervisor_console, backend, Action.REQUEST_COERCION, subject)
    assert command.state == CommandState.DELIVERED, command.last_error

    def asked():
        return supervisor_console.store.approvals.get(backend, command.answer["id"])

    qtbot.waitUntil(lambda: asked() is not None, timeout=30_000)
    panel = supervisor_console.window.panels[Panel.APPROVALS]

    def row() -> int:  # found again each time: approvals of other tests arrive and the queue re-sorts
        return next(
            r
            for r in range(panel.queue.rowCount())
            if panel.model.item(panel.queue.mapToSource(panel.queue.index(r, 0)).row())[1].id == asked().id
        )

    panel.view.selectRow(row())
    assert not panel.approve.isEnabled() and "president" in panel.status.text()
    decided = stepped_backend.command(
        f"approvals/{asked().id}/approve", {"note": ""}, username="president", version=asked().version
    )
    assert decided.status_code == 200, decided.text
    qtbot.waitUntil(lambda: asked().state == "approved", timeout=30_000)
    qtbot.waitUntil(lambda: "president" in panel.queue.index(row(), panel.model.STATE).data())


def test_an_action_taken_while_the_backend_is_down_is_delivered_once_when_it_returns(qtbot, session):
    qtbot.waitUntil(lambda: loaded(session), timeout=30_000)
    backend, case = open_case(session)
    url = session.store.health[backend].url
    session.embedded.stop()
    qtbot.waitUntil(lambda: session.store.health[backend].state != LinkState.LIVE, timeout=30_000)

    def fill(dialog):
        for category, box in dialog.categories.items():
            box.setChecked(category == "bank")

    when_the_dialog_opens(fill)
    session.window.field_actions.actions[Action.LAUNCH_QUERY].trigger()
    pending = session.window.pending_label
    qtbot.waitUntil(pending.isVisible)
    assert pending.text() == "1 action(s) waiting to be delivered"
    session.embedded.start()
    assert session.embedded.wait_ready() == url
    qtbot.waitUntil(lambda: not pending.isVisible(), timeout=60_000)
    command = settled(qtbot, session, backend, Action.LAUNCH_QUERY, Subject(Collection.CASES, case.id))
    assert command.state == CommandState.DELIVERED
    launched = [
        q
        for q in RunningBackend(session.embedded, url).get("queries", case_id=case.id, username="operator")["items"]
        if q["created_by"] == session.store.health[backend].user
    ]
    assert len(launched) == 1
