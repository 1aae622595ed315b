"""The embedded backend's life is bound to the console's, however the console ends."""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import sys

import pytest

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
        shutil.rmtree(data_dir)  # a killed console cannot clean up after itself
    finally:
        console.kill()
        console.wait()
        console.stdout.close()
