"""Commands survive outages and restarts: written before they are sent, delivered exactly once."""

from __future__ import annotations

import queue
import random
import uuid
from dataclasses import replace

from console.embedded import EmbeddedBackend
from console.outbox import CommandChanged, CommandSender, CommandState, Outbox
from console.paths import data_dir

from .conftest import CASES, SEED, RunningBackend


def until_command(sink: queue.SimpleQueue, condition, timeout: float = 60.0):
    """Waits for a CommandChanged that satisfies `condition`; other messages are passed over."""
    while True:
        message = sink.get(timeout=timeout)
        if isinstance(message, CommandChanged) and condition(message.command):
            return message.command


def messages_to(backend: RunningBackend, team_id: str, text: str) -> list[dict]:
    return [m for m in backend.get("messages", team_id=team_id, page_size=1000)["items"] if m["text"] == text]


def test_a_command_typed_during_an_outage_is_delivered_once_when_the_backend_returns(tmp_path):
    process = EmbeddedBackend(seed=SEED, cases=CASES, data_dir=tmp_path / "backend")
    process.start()
    url = process.wait_ready()
    process.stop()  # the outage begins
    outbox, sink = Outbox(data_dir()), queue.SimpleQueue()
    sender = CommandSender(outbox, "b1", process.credentials, sink, rng=random.Random(4))
    sender.start(url)
    try:
        text = f"停电期间下达的指令 {uuid.uuid4().hex[:6]}"
        command = outbox.submit("b1", "teams/T0001/messages", {"text": text}, summary="指令 T0001")
        assert outbox.pending("b1") == [command]  # on disk before any try
        until_command(sink, lambda c: c.id == command.id and c.attempts >= 2)
        assert outbox.get(command.id).state == CommandState.PENDING
        process.start()
        assert process.wait_ready() == url
        delivered = until_command(sink, lambda c: c.id == command.id and c.state != CommandState.PENDING)
        assert delivered.state == CommandState.DELIVERED and delivered.status == 201
        assert len(messages_to(RunningBackend(process, url), "T0001", text)) == 1
    finally:
        sender.stop()
        outbox.close()
        process.stop()


def test_a_pending_command_outlives_the_console_and_is_delivered_once(tmp_path):
    process = EmbeddedBackend(seed=SEED, cases=CASES, data_dir=tmp_path / "backend")
    process.start()
    url = process.wait_ready()
    process.stop()
    text = f"重启之后送达 {uuid.uuid4().hex[:6]}"
    first_outbox, sink = Outbox(data_dir()), queue.SimpleQueue()
    first_sender = CommandSender(first_outbox, "b1", process.credentials, sink, rng=random.Random(5))
    first_sender.start(url)
    command = first_outbox.submit("b1", "teams/T0002/messages", {"text": text}, summary="指令 T0002")
    until_command(sink, lambda c: c.id == command.id and c.attempts >= 1)
    first_sender.stop()  # the console quits with the command still pending
    first_outbox.close()

    outbox = Outbox(data_dir())
    assert [c.id for c in outbox.pending("b1")] == [command.id]
    sender = CommandSender(outbox, "b1", process.credentials, sink, rng=random.Random(6))
    process.start()
    try:
        assert process.wait_ready() == url
        sender.start(url)
        delivered = until_command(sink, lambda c: c.id == command.id and c.state != CommandState.PENDING)
        assert delivered.state == CommandState.DELIVERED
        assert len(messages_to(RunningBackend(process, url), "T0002", text)) == 1
        assert outbox.pending("b1") == []
    finally:
        sender.stop()
        outbox.close()
        process.stop()


def test_a_definite_refusal_is_kept_with_its_reason(backend):
    outbox, sink = Outbox(data_dir()), queue.SimpleQueue()
    sender = CommandSender(outbox, "b1", backend.process.credentials, sink)
    sender.start(backend.url)
    try:
        command = outbox.submit("b1", "teams/T9999/messages", {"text": "无此队伍"}, summary="指令 T9999")
        refused = until_command(sink, lambda c: c.id == command.id and c.state != CommandState.PENDING)
        assert refused.state == CommandState.REFUSED and refused.status == 404
        assert "T9999" in refused.last_error
    finally:
        sender.stop()
        outbox.close()


def test_the_outbox_holds_no_secret(backend):
    outbox = Outbox(data_dir())
    outbox.submit("b1", "teams/T0001/messages", {"text": "x"}, summary="指令")
    outbox.close()
    assert backend.password.encode() not in (data_dir() / "outbox.sqlite3").read_bytes()


def test_a_renamed_profile_keeps_its_commands_and_a_removed_ones_are_withdrawn_for_good():
    outbox = Outbox(data_dir())
    try:
        owed = outbox.submit("绵阳", "teams/T0001/messages", {"text": "改名之前"}, summary="指令 T0001")
        other = outbox.submit("成都", "teams/T0002/messages", {"text": "别的法院"}, summary="指令 T0002")
        assert [c.id for c in outbox.rename("绵阳", "德阳")] == [owed.id]
        assert outbox.pending("绵阳") == [] and outbox.get(owed.id).backend == "德阳"
        assert [(c.id, c.state) for c in outbox.withdraw("德阳")] == [(owed.id, CommandState.WITHDRAWN)]
        # A sender that was still trying it cannot bring it back, but an answer it got meanwhile stands.
        assert not outbox.update(replace(owed, attempts=1, last_error="timed out"))
        assert outbox.get(owed.id).state == CommandState.WITHDRAWN
        assert outbox.update(replace(owed, state=CommandState.DELIVERED, attempts=1, status=201, answer={"id": "M1"}))
        assert outbox.get(owed.id).state == CommandState.DELIVERED
        assert outbox.pending("成都") == [other]
    finally:
        outbox.close()
