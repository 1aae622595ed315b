"""Directing field work from the console, against a live backend: dispatch with suggested teams, an
instruction followed to its reading, an asset query, and a detention under the two-person rule."""

from __future__ import annotations

import pytest

from console.dispatch import AVAILABLE
from console.outbox import CommandState
from console.sync import LinkState
from widgets.selection import Selected

from .conftest import RunningBackend, when_the_dialog_opens

BACKEND = "快"


def settled(qtbot, session, path: str):
    """The last command sent to `path`, once its backend has answered."""

    def last():
        commands = [c for c in session.store.commands.values() if c.path == path]
        return max(commands, key=lambda c: c.created_at) if commands else None

    qtbot.waitUntil(lambda: last() is not None and last().state != CommandState.PENDING, timeout=30_000)
    return last()


def open_case(session):
    backend, case = next((b, c) for b, c in session.store.cases if c.status == "open")
    session.window.selection.select(Selected("case", backend, case.id))
    return backend, case


def test_dispatch_suggests_available_teams_nearest_first_and_the_task_is_followed(qtbot, fast_console):
    backend, case = open_case(fast_console)
    actions = fast_console.window.field_actions
    assert actions.actions["dispatch"].isEnabled()
    chosen: dict = {}

    def fill(dialog):
        assert dialog.suggestions, "no team available"
        etas = [s.eta_min for s in dialog.suggestions]
        assert etas == sorted(etas)
        assert all(s.team.status in AVAILABLE for s in dialog.suggestions)
        dialog.operation.setCurrentIndex(dialog.operation.findData("investigation"))
        chosen["team"] = dialog.chosen_team()  # the first, nearest in time, is picked for the operator

    # At 300 times the speed the simulated courts dispatch too: the suggested team may be taken
    # between the suggestion and the order. The backend then refuses (409), and the operator tries again.
    for _ in range(5):
        when_the_dialog_opens(fill)
        actions.actions["dispatch"].trigger()
        command = settled(qtbot, fast_console, "tasks")
        if command.state == CommandState.DELIVERED:
            break
        assert command.status == 409 and "available" in command.last_error, command.last_error
    assert command.state == CommandState.DELIVERED

    def task():
        return fast_console.store.tasks.get(backend, command.answer["id"])

    qtbot.waitUntil(lambda: task() is not None, timeout=30_000)
    assert task().kind == "investigation"
    qtbot.waitUntil(lambda: task().state in ("en_route", "on_scene", "done", "failed"), timeout=60_000)
    assert [step.state for step in task().history][:2] == ["assigned", "accepted"]


def test_an_instruction_is_followed_until_the_team_has_read_it(qtbot, fast_console):
    backend, team = BACKEND, next(t for t in fast_console.store.teams if t.backend == BACKEND)
    fast_console.window.selection.select(Selected("team", backend, team.id))
    when_the_dialog_opens(lambda dialog: dialog.text.setText("到达后先与派出所民警会合"))
    with qtbot.waitSignal(
        fast_console.window.field_actions.notice, timeout=30_000, check_params_cb=lambda text: "Read" in text
    ):
        fast_console.window.field_actions.actions["message"].trigger()


def test_an_asset_query_launched_from_the_console_runs_for_the_case(qtbot, fast_console):
    backend, case = open_case(fast_console)

    def fill(dialog):
        for category, box in dialog.categories.items():
            box.setChecked(category in ("bank", "vehicle"))

    when_the_dialog_opens(fill)
    fast_console.window.field_actions.actions["query"].trigger()
    command = settled(qtbot, fast_console, "queries")
    assert command.state == CommandState.DELIVERED, command.last_error

    def launched():
        return fast_console.store.queries.get(backend, command.answer["id"])

    qtbot.waitUntil(lambda: launched() is not None, timeout=30_000)
    assert set(launched().categories) == {"bank", "vehicle"}
    qtbot.waitUntil(lambda: launched().answered > 0, timeout=60_000)


@pytest.fixture
def supervisor_console(console_as):
    return console_as("supervisor")


def test_a_detention_waits_for_another_supervisor(qtbot, supervisor_console, fast_backend):
    backend, case = open_case(supervisor_console)

    def fill(dialog):
        dialog.person.setText("张某")
        dialog.days.setValue(10)
        dialog.reason.setText("暴力阻碍查封")

    when_the_dialog_opens(fill)
    supervisor_console.window.field_actions.actions["detention"].trigger()
    command = settled(qtbot, supervisor_console, f"cases/{case.id}/detentions")
    assert command.state == CommandState.DELIVERED, command.last_error

    def asked():
        return supervisor_console.store.approvals.get(backend, command.answer["id"])

    qtbot.waitUntil(lambda: asked() is not None, timeout=30_000)
    panel = supervisor_console.window.approvals_panel

    def row() -> int:  # found again each time: approvals of other tests arrive and the queue re-sorts
        return next(
            r
            for r in range(panel.queue.rowCount())
            if panel.model.item(panel.queue.mapToSource(panel.queue.index(r, 0)).row())[1].id == asked().id
        )

    panel.view.selectRow(row())
    assert not panel.approve.isEnabled() and "two-person" in panel.status.text()
    decided = fast_backend.command(
        f"approvals/{asked().id}/approve", {"note": ""}, username="supervisor2", version=asked().version
    )
    assert decided.status_code == 200, decided.text
    qtbot.waitUntil(lambda: asked().state == "approved", timeout=30_000)
    qtbot.waitUntil(lambda: "supervisor2" in panel.queue.index(row(), panel.model.STATE).data())


def test_an_action_taken_while_the_backend_is_down_is_delivered_once_when_it_returns(qtbot, session):
    qtbot.waitUntil(session.is_live, timeout=30_000)
    backend, case = open_case(session)
    url = session.store.health[backend].url
    session.embedded.stop()
    qtbot.waitUntil(lambda: session.store.health[backend].state != LinkState.LIVE, timeout=30_000)

    def fill(dialog):
        for category, box in dialog.categories.items():
            box.setChecked(category == "bank")

    when_the_dialog_opens(fill)
    session.window.field_actions.actions["query"].trigger()
    pending = session.window.pending_label
    qtbot.waitUntil(pending.isVisible)
    assert pending.text() == "1 action(s) waiting to be delivered"
    session.embedded.start()
    assert session.embedded.wait_ready() == url
    qtbot.waitUntil(lambda: not pending.isVisible(), timeout=60_000)
    assert settled(qtbot, session, "queries").state == CommandState.DELIVERED
    launched = [
        q
        for q in RunningBackend(session.embedded, url).get("queries", case_id=case.id, username="operator")["items"]
        if q["created_by"] == session.store.health[backend].user
    ]
    assert len(launched) == 1
