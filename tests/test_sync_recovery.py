"""A backend killed mid-stream and restarted: the console ends up with the backend's state,
every event applied once, none lost."""

from __future__ import annotations

import os
import queue
import random
import signal

from console.embedded import EmbeddedBackend
from console.session import BackendSession, Credentials, Endpoint
from console.store import Store
from console.sync import BackendLink, EventReceived, LinkState
from tests.support.backends import CASES, SEED, RunningBackend, apply, read_events, snapshot
from tests.support.links import pump


def test_the_console_recovers_from_a_killed_backend_without_loss_or_repeats(tmp_path):
    process = EmbeddedBackend(seed=SEED, cases=CASES, data_dir=tmp_path)
    process.start()
    url = process.wait_ready()
    sink: queue.SimpleQueue = queue.SimpleQueue()
    endpoint = Endpoint(url, Credentials("operator", process.password_of("operator")))
    link = BackendLink(BackendSession("b1", endpoint), sink, rng=random.Random(5))
    store = Store()
    received: list[int] = []

    def record(messages: list) -> None:
        received.extend(m.event_id for m in messages if isinstance(m, EventReceived))

    link.start()
    try:
        record(pump(sink, store, lambda s: s.health["b1"].events_received >= 100 if "b1" in s.health else False))
        os.kill(process.pid, signal.SIGKILL)
        record(pump(sink, store, lambda s: s.health["b1"].state == LinkState.RECONNECTING))
        process.stop()
        process.start()
        assert process.wait_ready() == url
        count_at_restart = store.health["b1"].events_received
        record(
            pump(
                sink,
                store,
                lambda s: (
                    s.health["b1"].state == LinkState.LIVE and s.health["b1"].events_received > count_at_restart + 100
                ),
                timeout=60,
            )
        )

        backend = RunningBackend(process, url)
        headers = backend.auth()
        truth, cursor = snapshot(backend, headers)
        record(pump(sink, store, lambda s: link.last_event_id is not None and link.last_event_id >= cursor))
        link.stop()
        while True:
            try:
                message = sink.get_nowait()
            except queue.Empty:
                break
            record([message])
            store.apply([message])
        if link.last_event_id > cursor:
            apply(truth, read_events(backend, headers, link.last_event_id - cursor, last_event_id=cursor))
    finally:
        link.stop()
        process.close()

    assert received == list(range(received[0], received[0] + len(received))), "an event was lost or applied twice"
    assert received[-1] == link.last_event_id
    for backend_name, team in store.teams:
        expected, position = truth[team.id], store.position(backend_name, team.id)
        assert (team.status.value, team.task_id) == (expected["status"], expected["task_id"])
        assert (position.lon, position.lat) == (expected["position"]["lon"], expected["position"]["lat"])
