"""The embedded default: the reference court backend started as a child process on loopback.

A console with no backend configured starts one, with a fresh data directory, where the backend
makes the demo's accounts, each with a random password of its own, written to a file that only this
user can read (`court-backend --demo-accounts`); the console signs in with its user's password from
that file, and no password ever passes on a command line. The GUI thread only launches and stops
the process; waiting for it to listen happens on the sync worker (`wait_ready`). A backend that
dies after it was up is started again on its port and data, so that the console's link resumes
where it was.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from console.session import Credentials

log = logging.getLogger(__name__)

READY = re.compile(r"^court-backend: listening on (https?://\S+)\s*$")
DEMO_ACCOUNTS_FILE = "demo-accounts.json"  # the backend writes it (mode 0600) in its data directory
START_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 5.0
MAX_RESTARTS = 5  # in a row: a backend that keeps dying is left dead, and its link says so
STEADY_S = 300.0  # up this long, a backend that dies is no longer "in a row"
DATA_PREFIX = "court-backend-"  # of the fresh data directories, in the system's temporary directory
OWNER_FILE = "console.pid"  # in a fresh data directory: which console it is for
# A city-sized book: a fresh backend generates it at every start, and 50,000 cases (the backend's
# own default) would keep a new user waiting several seconds for the first picture.
EMBEDDED_CASES = 20_000


class EmbeddedStartError(RuntimeError):
    """The embedded backend did not come up; the message says why, for the operator."""


class EmbeddedBackend:
    def __init__(
        self,
        *,
        seed: int = 1,
        teams: int = 200,
        cases: int = EMBEDDED_CASES,
        speed: float = 1.0,
        username: str = "supervisor",
        data_dir: Path | None = None,
        options: tuple[str, ...] = (),
    ) -> None:
        """`data_dir`, when given, is used and kept; otherwise a fresh one lives as long as the process.

        `options` are further `court-backend` options (e.g. ``("--event-retention", "1000")``).
        """
        self.username = username  # the demo account the console signs in as
        self._seed, self._teams, self._cases, self._speed, self._options = seed, teams, cases, speed, options
        self._port = 0
        self._process: subprocess.Popen | None = None
        self._keep_data = data_dir is not None
        self._data_dir: Path | None = data_dir
        self._ready = threading.Event()
        self._url: str | None = None
        self._output_tail: list[str] = []
        self._reader: threading.Thread | None = None
        self._lock = threading.Lock()  # the process and its reader, replaced when it is started again
        self.restarts = 0
        self._launched_at = 0.0

    def start(self) -> None:
        """Launches the process; returns at once.

        Started again after `stop()`, it listens on the port it had and carries on from its data,
        so that links reconnect and resume.
        """
        self._ready.clear()
        self._url = None
        if self._data_dir is None:
            self._data_dir = Path(tempfile.mkdtemp(prefix=DATA_PREFIX))
            (self._data_dir / OWNER_FILE).write_text(str(os.getpid()))
        with self._lock:
            self._launch()

    def _launch(self) -> None:
        command = [
            sys.executable,
            "-m",
            "court_backend",
            "--host",
            "127.0.0.1",
            "--port",
            str(self._port),
            "--data",
            str(self._data_dir),
            "--seed",
            str(self._seed),
            "--teams",
            str(self._teams),
            "--cases",
            str(self._cases),
            "--speed",
            str(self._speed),
            "--exit-with-stdin",
            "--demo-accounts",
            *self._options,
        ]
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        try:
            # Its own session: a Ctrl+C at the terminal reaches the console, which stops the backend
            # in order. Its stdin is a pipe that closes when the console dies, however it dies, and
            # the backend then stops too (--exit-with-stdin).
            process = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                env=env,
                text=True,
                encoding="utf-8",
                errors="replace",
                start_new_session=True,
            )
        except OSError as error:
            self._output_tail.append(f"cannot run {sys.executable}: {error}")
            self._ready.set()
            return
        self._process = process
        self._launched_at = time.monotonic()
        self._reader = threading.Thread(
            target=self._do_read_output, args=(process,), name="embedded-backend-output", daemon=True
        )
        self._reader.start()

    def _do_read_output(self, process: subprocess.Popen) -> None:
        """Reads the child's output until it exits (an unread pipe would block it); starts it again
        if it died on its own after it was up."""
        for line in process.stdout:
            line = line.rstrip()
            match = READY.match(line)
            if match and not self._ready.is_set():
                self._url = match.group(1)
                self._port = int(self._url.rsplit(":", 1)[1])
                self._ready.set()
            log.info("court-backend: %s", line)
            self._output_tail = (self._output_tail + [line])[-20:]
        was_up = self._ready.is_set() and self._url is not None
        self._ready.set()
        code = process.wait()
        with self._lock:
            if self._process is not process:
                return  # stopped on purpose
            if time.monotonic() - self._launched_at > STEADY_S:
                self.restarts = 0  # it ran well for a while: five more chances
            if not was_up or self.restarts >= MAX_RESTARTS:
                log.error("the embedded court backend exited (code %s); it is not started again", code)
                return
            self.restarts += 1
            log.error(
                "the embedded court backend stopped unexpectedly (exit code %s); starting it again (%d of %d)",
                code,
                self.restarts,
                MAX_RESTARTS,
            )
            process.stdin.close()
            process.stdout.close()
            self._ready.clear()
            self._launch()

    def wait_ready(self) -> str:
        """Blocks until the backend listens and returns its URL (call it on a worker thread)."""
        if not self._keep_data:
            _remove_orphaned_data()  # meanwhile, and off the GUI thread: there may be hundreds of MB
        if not self._ready.wait(START_TIMEOUT_S):
            with self._lock:
                if self._process is not None:
                    self._process.kill()  # hung: it must not linger until the console quits
            raise EmbeddedStartError(f"the embedded court backend did not start within {START_TIMEOUT_S:.0f} s")
        if self._url is None:
            last = next((line for line in reversed(self._output_tail) if line.strip()), "no output")
            code = self._process.poll() if self._process else None
            exited = f" (exit code {code})" if code is not None else ""
            raise EmbeddedStartError(f"the embedded court backend failed to start{exited}: {last}")
        return self._url

    def ready(self) -> tuple[str, Credentials]:
        """Blocks until the backend listens; returns its URL and the credentials to sign in with
        (call it on a worker thread)."""
        url = self.wait_ready()
        return url, Credentials(self.username, self.password_of(self.username))

    def password_of(self, username: str) -> str:
        """A demo account's password, from the file the backend wrote in its data directory."""
        try:
            passwords = json.loads((self._data_dir / DEMO_ACCOUNTS_FILE).read_text("utf-8"))
            return passwords[username]
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise EmbeddedStartError(f"the embedded court backend's demo accounts cannot be read: {error}") from None

    @property
    def data_dir(self) -> Path | None:
        return self._data_dir

    @property
    def pid(self) -> int | None:
        return None if self._process is None else self._process.pid

    def stop(self) -> None:
        """Stops the process; its data stay, for `start` to carry on from (its world, its accounts)."""
        with self._lock:
            process, self._process = self._process, None
            reader = self._reader
        if process is not None:
            process.stdin.close()
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(STOP_TIMEOUT_S)
                except subprocess.TimeoutExpired:
                    log.warning("the embedded court backend ignored SIGTERM; killing it")
                    process.kill()
                    process.wait()
        if reader is not None:
            reader.join(STOP_TIMEOUT_S)
        if process is not None:
            process.stdout.close()

    def close(self) -> None:
        """Stops the process for good: a fresh data directory goes with it."""
        self.stop()
        if self._data_dir is not None and not self._keep_data:
            shutil.rmtree(self._data_dir, ignore_errors=True)
            self._data_dir = None


def _remove_orphaned_data() -> None:
    """Removes the fresh data directories of consoles that died without cleaning up (killed)."""
    if os.name != "posix":
        return  # telling a live process from a dead one by its id is a POSIX idiom (os.kill(pid, 0))
    for directory in Path(tempfile.gettempdir()).glob(DATA_PREFIX + "*"):
        try:
            owner = int((directory / OWNER_FILE).read_text())
        except (OSError, ValueError):
            continue  # not one of ours, or not yet claimed
        if owner != os.getpid() and not _alive(owner):
            log.info("removing %s, left by a console that is gone", directory)
            shutil.rmtree(directory, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: alive
    return True
