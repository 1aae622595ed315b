"""The embedded backend's life is bound to the console's, however the console ends."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys

import pytest

from console.embedded import EmbeddedBackend
from console.sync import LinkState
from tests.support.consoles import loaded

PARENT = """
import signal
from console.embedded import EmbeddedBackend
backend = EmbeddedBackend(seed=7, cases=1000)
backend.start()
backend.wait_ready()
print(backend.pid, backend.data_dir, flush=True)
signal.pause()  # a console at work, until it is killed
"""


@pytest.mark.skipif(not hasattr(os, "pidfd_open"), reason="waits on a pidfd (Linux)")
def test_the_backend_stops_when_the_console_is_killed():
    console = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True)
    try:
        pid, data_dir = console.stdout.readline().split()
        backend = os.pidfd_open(int(pid))  # readable once the process has ended
        try:
            assert select.select([backend], [], [], 0)[0] == []
            console.send_signal(signal.SIGKILL)
            assert select.select([backend], [], [], 15)[0] == [backend], "the backend outlived the console"
        finally:
            os.close(backend)
        # A killed console cannot clean up after itself: the next console to start one does.
        assert os.path.isdir(data_dir)
        console.wait()  # reaped, as its shell would: a zombie still counts as running
        fresh = EmbeddedBackend(seed=7, cases=10)
        fresh.start()
        fresh.wait_ready()
        fresh.stop()
        assert not os.path.exists(data_dir)
    finally:
        console.kill()
        console.wait()
        console.stdout.close()


def test_a_backend_that_dies_is_started_again_and_the_console_carries_on(qtbot, session):
    qtbot.waitUntil(lambda: loaded(session), timeout=60_000)
    embedded, health = session.embedded, session.store.health["embedded"]
    died = embedded.pid
    os.kill(died, signal.SIGKILL)
    qtbot.waitUntil(lambda: health.state == LinkState.RECONNECTING, timeout=30_000)
    qtbot.waitUntil(lambda: embedded.pid not in (None, died) and health.state == LinkState.LIVE, timeout=60_000)
    assert embedded.restarts == 1
    received = health.events_received
    qtbot.waitUntil(lambda: health.events_received > received, timeout=30_000)
