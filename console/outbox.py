"""The outbox: every operator command is written to SQLite before it is sent, sent with its
idempotency key, and retried until the backend answers, so that a command typed during an outage
is delivered once the backend returns, none lost and none applied twice, across restarts too.

Submitting runs on the GUI thread (a small local write); sending runs on each backend's worker
(`CommandSender`), which reports every change of a command through the sync queue.
"""

from __future__ import annotations

import json
import logging
import queue
import random
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

import requests

from console.api import ApiClient, ApiError, AuthFailed
from console.sync import BACKOFF_BASE_S, BACKOFF_CAP_S, RETRY_AFTER_CAP_S, Credentials

log = logging.getLogger(__name__)

OUTBOX_FILE = "outbox.sqlite3"
# Answers that say "not now" rather than "no": the command is tried again.
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


class CommandState(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"  # given up when its backend's profile was removed (unless an answer came after all)


@dataclass(frozen=True)
class Command:
    id: str  # also its Idempotency-Key
    backend: str
    path: str
    body: dict
    if_match: int | None
    summary: str
    created_at: float
    state: CommandState = CommandState.PENDING
    attempts: int = 0
    last_error: str = ""
    status: int | None = None
    answer: dict | None = None


@dataclass(frozen=True)
class CommandChanged:
    """A command was submitted, tried, delivered or refused."""

    command: Command


COLUMNS = "id, backend, path, body, if_match, summary, created_at, state, attempts, last_error, status, answer"


class Outbox:
    def __init__(self, directory: Path) -> None:
        self.path = directory / OUTBOX_FILE
        self._db = sqlite3.connect(self.path, check_same_thread=False)
        self._lock = threading.Lock()
        with self._lock, self._db:
            self._db.execute("pragma journal_mode=wal")
            self._db.execute(
                "create table if not exists commands (id text primary key, backend text not null,"
                " path text not null, body text not null, if_match integer, summary text not null,"
                " created_at real not null, state text not null, attempts integer not null,"
                " last_error text not null, status integer, answer text)"
            )
        self._listeners: list[threading.Event] = []
        self._closed = False

    def wake_on_submit(self, event: threading.Event) -> None:
        self._listeners.append(event)

    def submit(self, backend: str, path: str, body: dict, summary: str, if_match: int | None = None) -> Command:
        """Stores a command (durably, before anything is sent) and wakes the senders."""
        command = Command(uuid.uuid4().hex, backend, path, body, if_match, summary, time.time())
        row = (
            command.id,
            backend,
            path,
            json.dumps(body, ensure_ascii=False),
            if_match,
            summary,
            command.created_at,
            command.state.value,
            command.attempts,
            command.last_error,
            command.status,
            None,
        )
        with self._lock, self._db:
            self._db.execute(f"insert into commands ({COLUMNS}) values ({', '.join('?' * 12)})", row)
        for event in self._listeners:
            event.set()
        return command

    def _read(self, where: str, params: tuple) -> list[Command]:
        with self._lock:
            if self._closed:
                return []  # a sender still winding down at quit finds nothing more to do
            rows = self._db.execute(
                f"select {COLUMNS} from commands where {where} order by created_at", params
            ).fetchall()
        return self._commands(rows)

    @staticmethod
    def _commands(rows: list) -> list[Command]:
        return [
            Command(
                r[0],
                r[1],
                r[2],
                json.loads(r[3]),
                r[4],
                r[5],
                r[6],
                CommandState(r[7]),
                r[8],
                r[9],
                r[10],
                None if r[11] is None else json.loads(r[11]),
            )
            for r in rows
        ]

    def pending(self, backend: str) -> list[Command]:
        return self._read("backend = ? and state = ?", (backend, CommandState.PENDING.value))

    def get(self, command_id: str) -> Command | None:
        found = self._read("id = ?", (command_id,))
        return found[0] if found else None

    def recent(self, since: float) -> list[Command]:
        return self._read("created_at >= ? or state = ?", (since, CommandState.PENDING.value))

    def update(self, command: Command) -> bool:
        """Records a try or the answer of a command. A settled one stays as it is (False then),
        except that a definite answer still overrides a withdrawal: the backend did act on it."""
        answer = None if command.answer is None else json.dumps(command.answer, ensure_ascii=False)
        answered = command.state in (CommandState.DELIVERED, CommandState.REFUSED)
        with self._lock, self._db:
            if self._closed:
                return False
            cursor = self._db.execute(
                "update commands set state = ?, attempts = ?, last_error = ?, status = ?, answer = ?"
                " where id = ? and (state = ? or (state = ? and ?))",
                (
                    command.state.value,
                    command.attempts,
                    command.last_error,
                    command.status,
                    answer,
                    command.id,
                    CommandState.PENDING.value,
                    CommandState.WITHDRAWN.value,
                    answered,
                ),
            )
        return cursor.rowcount == 1

    def withdraw(self, backend: str) -> list[Command]:
        """Gives up a backend's pending commands (its profile is gone); returns them as withdrawn."""
        with self._lock, self._db:
            rows = self._db.execute(
                f"select {COLUMNS} from commands where backend = ? and state = ? order by created_at",
                (backend, CommandState.PENDING.value),
            ).fetchall()
            self._db.execute(
                "update commands set state = ? where backend = ? and state = ?",
                (CommandState.WITHDRAWN.value, backend, CommandState.PENDING.value),
            )
        return [replace(c, state=CommandState.WITHDRAWN) for c in self._commands(rows)]

    def rename(self, old: str, new: str) -> list[Command]:
        """Moves a backend's commands to its new name (its profile was renamed); returns its pending ones."""
        with self._lock, self._db:
            self._db.execute("update commands set backend = ? where backend = ?", (new, old))
        return self.pending(new)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._db.close()


class CommandSender:
    """Delivers one backend's pending commands in order, on a worker thread, until each is answered."""

    def __init__(
        self,
        outbox: Outbox,
        backend: str,
        credentials: Credentials,
        sink: queue.SimpleQueue,
        *,
        verify: bool | str = True,
        cert: str | tuple[str, str] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self._outbox, self.backend, self._credentials, self._sink = outbox, backend, credentials, sink
        self._verify, self._cert = verify, cert
        self._rng = rng or random.Random()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._asked_s: float | None = None
        self._thread: threading.Thread | None = None
        outbox.wake_on_submit(self._wake)

    def start(self, url: str) -> None:
        """Starts sending to `url` (known once the backend is reachable: the embedded one picks its port)."""
        self._thread = threading.Thread(
            target=self._do_run, args=(url,), name=f"sync-{self.backend}-commands", daemon=True
        )
        self._thread.start()

    def request_stop(self) -> None:
        self._stopping.set()
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        self.request_stop()
        if self._thread is not None and self._thread.is_alive():
            self._thread.join(timeout)

    def _do_run(self, url: str) -> None:
        client = ApiClient(url, verify=self._verify, cert=self._cert)
        attempt = 0
        try:
            while not self._stopping.is_set():
                pending = self._outbox.pending(self.backend)
                if not pending:
                    self._wake.wait()
                    self._wake.clear()
                    continue
                if self._do_deliver(client, pending[0]):
                    attempt = 0
                    continue
                delay = self._rng.uniform(0.0, min(BACKOFF_CAP_S, BACKOFF_BASE_S * 2**attempt))
                if self._asked_s is not None:
                    delay = max(delay, min(self._asked_s, RETRY_AFTER_CAP_S))  # a busy backend said when
                attempt += 1
                log.info("commands to %s: next try in %.1f s", self.backend, delay)
                self._wake.wait(delay)
                self._wake.clear()
        finally:
            client.close()

    def _do_deliver(self, client: ApiClient, command: Command) -> bool:
        """One try; True when the command is settled (delivered or refused), False to retry later
        (not before `_asked_s`, when the backend said so)."""
        self._asked_s = None
        try:
            if client.token is None:
                client.login(self._credentials.username, self._credentials.password)
            status, answer, self._asked_s = client.command(command.path, command.body, command.id, command.if_match)
        except AuthFailed as error:
            client.token = None
            return self._retry(command, str(error))
        except ApiError as error:
            self._asked_s = error.retry_after_s
            return self._retry(command, str(error))
        except (requests.RequestException, OSError) as error:
            return self._retry(command, str(error))
        if status == 401:
            client.token = None  # the token expired: log in again and send the same command
            return self._retry(command, "the session expired")
        if status in RETRY_STATUSES:
            return self._retry(command, f"HTTP {status}")
        state = CommandState.DELIVERED if status < 400 else CommandState.REFUSED
        detail = "" if status < 400 else str(answer.get("detail") or answer.get("title") or f"HTTP {status}")
        self._settle(
            replace(
                command, state=state, attempts=command.attempts + 1, status=status, answer=answer, last_error=detail
            )
        )
        return True

    def _retry(self, command: Command, error: str) -> bool:
        log.info("command %s to %s not delivered yet: %s", command.id, self.backend, error)
        self._settle(replace(command, attempts=command.attempts + 1, last_error=error))
        return False

    def _settle(self, command: Command) -> None:
        if self._outbox.update(command):
            self._sink.put(CommandChanged(command))
