"""The console directs a backend it did not come with: a small one written from the contract alone
(tests/support/minimal_backend.py). It shows it, follows it, dispatches, instructs and
acknowledges there, and takes a new snapshot when told its events are gone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from console.commands import Action, CommandState, Subject
from console.credentials import Vault
from console.embedded import EmbeddedBackend
from console.paths import config_dir
from console.profiles import Profile, ProfileStore
from console.records import Collection
from console.sync import LinkState
from tests.support.backends import CASES, SEED
from tests.support.consoles import close
from tests.support.minimal_backend import PASSWORD, MinimalBackend
from widgets.app import ConsoleSession

NAME = "锦江"


@pytest.fixture
def second(qtbot, memory_keyring):
    backend = MinimalBackend()
    backend.start()
    ProfileStore(config_dir()).save([Profile(NAME, backend.url, "duty")])
    Vault().put(NAME, "duty", PASSWORD, remember=True)
    session = ConsoleSession(
        QSettings(str(config_dir() / "console.ini"), QSettings.Format.IniFormat),
        EmbeddedBackend(seed=SEED, cases=CASES),
    )
    session.window.show()
    session.start()
    qtbot.waitUntil(lambda: live(session) and not session.store.health[NAME].loading, timeout=30_000)
    yield session, backend
    close(session)
    backend.stop()


def live(session: ConsoleSession) -> bool:
    health = session.store.health.get(NAME)
    return health is not None and health.state == LinkState.LIVE


def delivered(qtbot, session: ConsoleSession, command) -> None:
    qtbot.waitUntil(
        lambda: (c := session.store.commands.get(command.id)) is not None and c.state != CommandState.PENDING,
        timeout=30_000,
    )
    settled = session.store.commands.get(command.id)
    assert settled.state == CommandState.DELIVERED, settled.last_error


def test_the_console_shows_and_follows_a_backend_written_from_the_contract(qtbot, second):
    session, _ = second
    store = session.store
    assert {team.id for _, team in store.teams} == {"T1", "T2"}
    assert {case.id for _, case in store.cases} == {"K1", "K2"} and store.escalations.get(NAME, "E1") is not None
    assert store.may(NAME, "task.dispatch")
    assert NAME not in store.kpis  # it publishes none (they are optional): live all the same
    moved_from = store.position(NAME, "T1").lon
    qtbot.waitUntil(lambda: store.position(NAME, "T1").lon > moved_from, timeout=10_000)


def test_the_console_dispatches_instructs_and_acknowledges_there(qtbot, second):
    session, backend = second
    store = session.store
    dispatch = session.connections.submit(
        NAME,
        Action.DISPATCH,
        Subject(Collection.CASES, "K2"),
        {"case_id": "K2", "team_id": "T2", "kind": "service"},
        "派",
    )
    delivered(qtbot, session, dispatch)
    qtbot.waitUntil(lambda: store.tasks.get(NAME, "W1") is not None, timeout=10_000)
    assert store.teams.get(NAME, "T2").task_id == "W1"

    message = session.connections.submit(
        NAME, Action.MESSAGE, Subject(Collection.TEAMS, "T1"), {"text": "注意安全"}, "令"
    )
    delivered(qtbot, session, message)
    assert backend.messages["M1"]["text"] == "注意安全"

    escalation = store.escalations.get(NAME, "E1")
    acknowledge = session.connections.submit(
        NAME,
        Action.ACKNOWLEDGE,
        Subject(Collection.ESCALATIONS, "E1"),
        {"note": "收到"},
        "签收",
        if_match=escalation.version,
    )
    delivered(qtbot, session, acknowledge)
    qtbot.waitUntil(lambda: store.escalations.get(NAME, "E1").owner == "duty", timeout=10_000)


def test_told_its_events_are_gone_the_console_takes_a_new_snapshot_and_follows_on(qtbot, second):
    session, backend = second
    snapshots = backend.snapshots
    backend.forget_events()
    qtbot.waitUntil(lambda: backend.snapshots > snapshots and live(session), timeout=30_000)
    moved_from = session.store.position(NAME, "T1").lon
    qtbot.waitUntil(lambda: session.store.position(NAME, "T1").lon > moved_from, timeout=10_000)
