"""Commands survive outages and restarts: written before they are sent, delivered exactly once, and
never written on the GUI thread."""

from __future__ import annotations

import json
import queue
import random
import sqlite3
import uuid
from dataclasses import replace

from console.commands import Action, CommandChanged, CommandState, Subject
from console.embedded import EmbeddedBackend
from console.outbox import OUTBOX_FILE, CommandSender, Outbox, new_command
from console.paths import data_dir
from console.records import Collection
from console.session import BackendSession, Credentials, Endpoint
from tests.support.backends import CASES, SEED, RunningBackend


def until_command(sink: queue.SimpleQueue, condition, timeout: float = 60.0) -> CommandChanged:
    """Waits for a CommandChanged that satisfies `condition(command)`; other messages are passed over."""
    while True:
        message = sink.get(timeout=timeout)
        if isinstance(message, CommandChanged) and condition(message.command):
            return message


def messages_to(backend: RunningBackend, team_id: str, text: str) -> list[dict]:
    return [m for m in backend.get("messages", team_id=team_id, page_size=1000)["items"] if m["text"] == text]


def instruction(backend: str, team_id: str, text: str):
    return new_command(backend, Action.MESSAGE, Subject(Collection.TEAMS, team_id), {"text": text}, f"指令 {team_id}")


def sender_to(outbox: Outbox, process: EmbeddedBackend, url: str, sink: queue.SimpleQueue, seed: int) -> CommandSender:
    session = BackendSession("b1", Endpoint(url, Credentials("supervisor", process.password_of("supervisor"))))
    return CommandSender(outbox, session, sink, rng=random.Random(seed))


def test_a_command_typed_during_an_outage_is_delivered_once_when_the_backend_returns(tmp_path):
    process = EmbeddedBackend(seed=SEED, cases=CASES, data_dir=tmp_path / "backend")
    process.start()
    url = process.wait_ready()
    process.stop()  # the outage begins
    sink = queue.SimpleQueue()
    outbox = Outbox(data_dir(), sink)
    sender = sender_to(outbox, process, url, sink, seed=4)
    sender.start()
    try:
        text = f"停电期间下达的指令 {uuid.uuid4().hex[:6]}"
        command = instruction("b1", "T0001", text)
        outbox.submit(command)
        assert until_command(sink, lambda c: c.id == command.id).command == command  # shown pending at once
        until_command(sink, lambda c: c.id == command.id and c.attempts >= 2)
        assert outbox.get(command.id).state == CommandState.PENDING
        process.start()
        assert process.wait_ready() == url
        delivered = until_command(sink, lambda c: c.id == command.id and c.state != CommandState.PENDING)
        assert delivered.command.state == CommandState.DELIVERED and delivered.command.status == 201
        assert len(messages_to(RunningBackend(process, url), "T0001", text)) == 1
        # Its answer, the message, comes with it for the store: no wait for the event.
        assert delivered.result.text == text and delivered.result.team_id == "T0001"
    finally:
        sender.stop()
        outbox.close()
        process.close()


def test_a_pending_command_outlives_the_console_and_is_delivered_once(tmp_path):
    process = EmbeddedBackend(seed=SEED, cases=CASES, data_dir=tmp_path / "backend")
    process.start()
    url = process.wait_ready()
    process.stop()
    text = f"重启之后送达 {uuid.uuid4().hex[:6]}"
    sink = queue.SimpleQueue()
    first_outbox = Outbox(data_dir(), sink)
    first_sender = sender_to(first_outbox, process, url, sink, seed=5)
    first_sender.start()
    command = instruction("b1", "T0002", text)
    first_outbox.submit(command)
    until_command(sink, lambda c: c.id == command.id and c.attempts >= 1)
    first_sender.stop()  # the console quits with the command still pending
    first_outbox.close()

    outbox = Outbox(data_dir(), sink)
    assert [c.id for c in outbox.pending("b1")] == [command.id]
    sender = sender_to(outbox, process, url, sink, seed=6)
    process.start()
    try:
        assert process.wait_ready() == url
        sender.start()
        delivered = until_command(sink, lambda c: c.id == command.id and c.state != CommandState.PENDING)
        assert delivered.command.state == CommandState.DELIVERED
        assert len(messages_to(RunningBackend(process, url), "T0002", text)) == 1
        assert outbox.pending("b1") == []
    finally:
        sender.stop()
        outbox.close()
        process.close()


def test_a_definite_refusal_is_kept_with_its_reason(backend):
    sink = queue.SimpleQueue()
    outbox = Outbox(data_dir(), sink)
    sender = sender_to(outbox, backend.process, backend.url, sink, seed=7)
    sender.start()
    try:
        command = instruction("b1", "T9999", "无此队伍")
        outbox.submit(command)
        refused = until_command(sink, lambda c: c.id == command.id and c.state != CommandState.PENDING)
        assert refused.command.state == CommandState.REFUSED and refused.command.status == 404
        assert "T9999" in refused.command.last_error and refused.result is None
    finally:
        sender.stop()
        outbox.close()


def test_a_command_the_outbox_cannot_store_is_refused_with_the_reason_and_not_sent(tmp_path):
    (tmp_path / OUTBOX_FILE).mkdir()  # where the file should be: SQLite cannot open it
    sink = queue.SimpleQueue()
    outbox = Outbox(tmp_path, sink)
    try:
        command = instruction("b1", "T0001", "存不下的指令")
        outbox.submit(command)
        assert until_command(sink, lambda c: c.id == command.id).command == command  # shown pending at once
        refused = until_command(sink, lambda c: c.id == command.id and c.state != CommandState.PENDING).command
        assert refused.state == CommandState.REFUSED and refused.last_error.startswith("not stored, so not sent")
        assert outbox.pending("b1") == []
        outbox.rename("b1", "b2")  # the writer lives on after its failures
        again = instruction("b1", "T0001", "再试一次")
        outbox.submit(again)
        until_command(sink, lambda c: c.id == again.id and c.state == CommandState.REFUSED)
    finally:
        outbox.close()


def test_a_sender_outlives_a_failing_disk_and_delivers_once(backend, monkeypatch):
    sink = queue.SimpleQueue()
    outbox = Outbox(data_dir(), sink)
    record = Outbox.update
    failures = []

    def update_on_a_failing_disk(self, command):
        if command.state == CommandState.DELIVERED and not failures:
            failures.append(command.id)
            raise sqlite3.OperationalError("disk I/O error")
        return record(self, command)

    monkeypatch.setattr(Outbox, "update", update_on_a_failing_disk)
    sender = sender_to(outbox, backend.process, backend.url, sink, seed=8)
    sender.start()
    try:
        text = f"磁盘故障时的指令 {uuid.uuid4().hex[:6]}"
        command = instruction("b1", "T0002", text)
        outbox.submit(command)
        delivered = until_command(sink, lambda c: c.id == command.id and c.state == CommandState.DELIVERED)
        assert failures == [command.id] and delivered.command.status == 201  # the answer to a second try
        assert len(messages_to(backend, "T0002", text)) == 1  # sent twice under its key: applied once
    finally:
        sender.stop()
        outbox.close()


def test_the_outbox_holds_no_secret(backend):
    outbox = Outbox(data_dir(), queue.SimpleQueue())
    outbox.submit(instruction("b1", "T0001", "x"))
    outbox.close()
    assert backend.password_of("operator").encode() not in (data_dir() / OUTBOX_FILE).read_bytes()


def test_a_renamed_profile_keeps_its_commands_and_a_removed_ones_are_withdrawn_for_good():
    sink = queue.SimpleQueue()
    outbox = Outbox(data_dir(), sink)
    try:
        owed, other = instruction("绵阳", "T0001", "改名之前"), instruction("成都", "T0002", "别的法院")
        outbox.submit(owed)
        outbox.submit(other)
        outbox.rename("绵阳", "德阳")
        moved = until_command(sink, lambda c: c.id == owed.id and c.backend == "德阳").command
        assert outbox.pending("绵阳") == [] and outbox.get(owed.id).backend == "德阳" == moved.backend
        outbox.withdraw("德阳")
        assert until_command(sink, lambda c: c.id == owed.id and c.state == CommandState.WITHDRAWN)
        # A sender that was still trying it cannot bring it back, but an answer it got meanwhile stands.
        assert not outbox.update(replace(owed, backend="德阳", attempts=1, last_error="timed out"))
        assert outbox.get(owed.id).state == CommandState.WITHDRAWN
        answered = replace(
            owed, backend="德阳", state=CommandState.DELIVERED, attempts=1, status=201, answer={"id": "M1"}
        )
        assert outbox.update(answered)
        assert outbox.get(owed.id).state == CommandState.DELIVERED
        assert outbox.pending("成都") == [other]
    finally:
        outbox.close()


def test_an_older_consoles_outbox_is_read_typed_and_its_pending_commands_kept():
    path = data_dir() / OUTBOX_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as db:
        db.execute(
            "create table commands (id text primary key, backend text not null, path text not null, body text not null,"
            " if_match integer, summary text not null, created_at real not null, state text not null,"
            " attempts integer not null, last_error text not null, status integer, answer text)"
        )
        rows = [
            ("c1", "b1", "escalations/E7/acknowledge", {"note": ""}, 3, 1.0),
            ("c2", "b1", "tasks", {"case_id": "C9", "team_id": "T1", "kind": "service", "note": ""}, None, 2.0),
            ("c3", "b1", "queries/Q4/results/R2/freeze", {"amount": 10.0}, None, 3.0),
            ("c4", "b1", "no/such/route", {}, None, 4.0),
        ]
        db.executemany(
            "insert into commands values (?, ?, ?, ?, ?, 'x', ?, 'pending', 0, '', null, null)",
            [(i, b, p, json.dumps(body), v, at) for i, b, p, body, v, at in rows],
        )
    db.close()
    outbox = Outbox(data_dir(), queue.SimpleQueue())
    try:
        pending = outbox.pending("b1")
        assert [(c.id, c.action, c.subject, c.if_match) for c in pending] == [
            ("c1", Action.ACKNOWLEDGE, Subject(Collection.ESCALATIONS, "E7"), 3),
            ("c2", Action.DISPATCH, Subject(Collection.CASES, "C9"), None),
            ("c3", Action.FREEZE, Subject(Collection.QUERIES, "Q4", "R2"), None),
        ]
        assert [c.path for c in pending] == ["escalations/E7/acknowledge", "tasks", "queries/Q4/results/R2/freeze"]
        lost = outbox.get("c4")
        assert lost.state == CommandState.WITHDRAWN and "no/such/route" in lost.last_error
    finally:
        outbox.close()
