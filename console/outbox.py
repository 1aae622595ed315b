"""The outbox: every operator command is written to SQLite before it is sent, sent with its
idempotency key, and retried until the backend answers, so that a command typed during an outage
is delivered once the backend returns, none lost and none applied twice, across restarts too.

No file is touched on the GUI thread: submitting hands the command to the outbox's writer thread,
which stores it and then wakes the senders; each backend's `CommandSender` delivers its commands
on a worker of its own. Every change of a command is reported through the sync queue.
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
from dataclasses import replace
from pathlib import Path

import requests

from console.api import ApiClient, ApiError, AuthFailed
from console.commands import Action, Command, CommandChanged, CommandState, Subject
from console.records import DECODERS, Collection
from console.session import BackendSession

log = logging.getLogger(__name__)

OUTBOX_FILE = "outbox.sqlite3"
SCHEMA_VERSION = 2  # 1 kept a path; 2 keeps the action and its subject
# Answers that say "not now" rather than "no": the command is tried again.
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
CLOSE_WAIT_S = 5.0
COLUMNS = (
    "id, backend, action, subject_kind, subject_id, subject_part, body, if_match, summary, created_at, state,"
    " attempts, last_error, status, answer"
)
CREATE = (
    "create table if not exists commands (id text primary key, backend text not null, action text not null,"
    " subject_kind text not null, subject_id text not null, subject_part text, body text not null,"
    " if_match integer, summary text not null, created_at real not null, state text not null,"
    " attempts integer not null, last_error text not null, status integer, answer text)"
)


def new_command(
    backend: str, action: Action, subject: Subject, body: dict, summary: str, if_match: int | None = None
) -> Command:
    """An operator's command as typed, not yet stored: its id is also its Idempotency-Key."""
    return Command(uuid.uuid4().hex, backend, action, subject, body, if_match, summary, time.time())


def _row(command: Command) -> tuple:
    answer = None if command.answer is None else json.dumps(command.answer, ensure_ascii=False)
    subject = command.subject
    return (
        command.id,
        command.backend,
        command.action.name,
        subject.kind.value,
        subject.id,
        subject.part,
        json.dumps(command.body, ensure_ascii=False),
        command.if_match,
        command.summary,
        command.created_at,
        command.state.value,
        command.attempts,
        command.last_error,
        command.status,
        answer,
    )


def _command(row: tuple) -> Command:
    """A command from its row (of COLUMNS)."""
    subject = Subject(Collection(row[3]), row[4], row[5])
    body, answer = json.loads(row[6]), None if row[14] is None else json.loads(row[14])
    return Command(
        row[0], row[1], Action[row[2]], subject, body, *row[7:10], CommandState(row[10]), *row[11:14], answer
    )


class Outbox:
    """The commands file, written by a thread of its own; senders read and update it from theirs."""

    def __init__(self, directory: Path, sink: queue.SimpleQueue) -> None:
        self.path = directory / OUTBOX_FILE
        self._sink = sink
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()  # one statement at a time, whichever thread
        self._opened = threading.Event()
        self._closed = False
        self._unusable = ""  # why the file could not be opened, if it could not
        self._listeners: list[threading.Event] = []
        self._work: queue.SimpleQueue = queue.SimpleQueue()
        self._writer = threading.Thread(target=self._do_write, name="sync-outbox", daemon=True)
        self._writer.start()

    def wake_on_submit(self, event: threading.Event) -> None:
        self._listeners.append(event)

    # on the GUI thread: each returns at once, the work is the writer's

    def submit(self, command: Command) -> None:
        """Stores a command (durably, before anything is sent), then wakes the senders. It is
        reported pending at once, so that the operator sees it whatever the disk is doing."""
        self._sink.put(CommandChanged(command))
        self._work.put(lambda: self._do_insert(command))

    def report_since(self, since: float) -> None:
        """Reports the commands made since `since`, and every one still pending."""
        self._work.put(lambda: self._report(self._read("created_at >= ? or state = ?", (since, CommandState.PENDING))))

    def withdraw(self, backend: str) -> None:
        """Gives up a backend's pending commands (its profile is gone) and reports them withdrawn."""
        self._work.put(lambda: self._report(self._do_withdraw(backend)))

    def rename(self, old: str, new: str) -> None:
        """Moves a backend's commands to its new name (its profile was renamed) and reports its pending ones."""
        self._work.put(lambda: self._report(self._do_rename(old, new)))

    def close(self) -> None:
        """Finishes what was handed over, then closes the file."""
        self._work.put(None)
        self._writer.join(CLOSE_WAIT_S)
        with self._lock:
            self._closed = True
            if self._db is not None:
                self._db.close()

    # on the writer thread

    def _do_write(self) -> None:
        try:
            self._do_open()
        except (sqlite3.Error, OSError) as error:
            self._unusable = str(error)
            log.error("the outbox %s cannot be opened (%s): commands are refused, none sent", self.path, error)
        finally:
            self._opened.set()
        while (work := self._work.get()) is not None:
            try:
                work()
            except Exception:  # that piece of work is lost, and said so; the writer goes on
                log.exception("the outbox %s could not be written", self.path)

    def _do_open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, check_same_thread=False)
        with self._lock, db:
            db.execute("pragma journal_mode=wal")
            version = db.execute("pragma user_version").fetchone()[0]
            old = db.execute("select 1 from sqlite_master where name = 'commands'").fetchone() is not None
            if old and version < SCHEMA_VERSION:
                _migrate_paths(db)
            db.execute(CREATE)
            db.execute(f"pragma user_version = {SCHEMA_VERSION}")
            self._db = db

    def _do_insert(self, command: Command) -> None:
        """Stores a command; one that cannot be stored is not sent either, and is reported refused
        with the reason (never left showing as on its way)."""
        try:
            with self._lock:
                if self._db is None:
                    raise sqlite3.OperationalError(self._unusable or "the outbox is closed")
                with self._db:
                    self._db.execute(f"insert into commands ({COLUMNS}) values ({', '.join('?' * 15)})", _row(command))
        except sqlite3.Error as error:
            log.error("command %s could not be stored in the outbox %s: %s", command.id, self.path, error)
            unsent = replace(command, state=CommandState.REFUSED, last_error=f"not stored, so not sent: {error}")
            self._sink.put(CommandChanged(unsent))
            return
        for event in self._listeners:
            event.set()

    def _do_withdraw(self, backend: str) -> list[Command]:
        with self._lock, self._db:
            rows = self._db.execute(
                f"select {COLUMNS} from commands where backend = ? and state = ? order by created_at",
                (backend, CommandState.PENDING),
            ).fetchall()
            self._db.execute(
                "update commands set state = ? where backend = ? and state = ?",
                (CommandState.WITHDRAWN, backend, CommandState.PENDING),
            )
        return [replace(_command(row), state=CommandState.WITHDRAWN) for row in rows]

    def _do_rename(self, old: str, new: str) -> list[Command]:
        with self._lock, self._db:
            self._db.execute("update commands set backend = ? where backend = ?", (new, old))
        return self.pending(new)

    def _report(self, commands: list[Command]) -> None:
        for command in commands:
            self._sink.put(CommandChanged(command))

    # on any worker

    def _read(self, where: str, params: tuple) -> list[Command]:
        self._opened.wait()
        with self._lock:
            if self._closed or self._db is None:
                return []  # a sender still winding down at quit finds nothing more to do
            rows = self._db.execute(
                f"select {COLUMNS} from commands where {where} order by created_at", params
            ).fetchall()
        return [_command(row) for row in rows]

    def pending(self, backend: str) -> list[Command]:
        return self._read("backend = ? and state = ?", (backend, CommandState.PENDING))

    def get(self, command_id: str) -> Command | None:
        found = self._read("id = ?", (command_id,))
        return found[0] if found else None

    def update(self, command: Command) -> bool:
        """Records a try or the answer of a command. A settled one stays as it is (False then),
        except that a definite answer still overrides a withdrawal: the backend did act on it."""
        answer = None if command.answer is None else json.dumps(command.answer, ensure_ascii=False)
        answered = command.state in (CommandState.DELIVERED, CommandState.REFUSED)
        self._opened.wait()
        with self._lock:
            if self._closed or self._db is None:
                return False
            with self._db:
                cursor = self._db.execute(
                    "update commands set state = ?, attempts = ?, last_error = ?, status = ?, answer = ?"
                    " where id = ? and (state = ? or (state = ? and ?))",
                    (
                        command.state,
                        command.attempts,
                        command.last_error,
                        command.status,
                        answer,
                        command.id,
                        CommandState.PENDING,
                        CommandState.WITHDRAWN,
                        answered,
                    ),
                )
        return cursor.rowcount == 1


def _migrate_paths(db: sqlite3.Connection) -> None:
    """An outbox of schema 1 kept each command's path: its action and subject are read from it once.
    A path that names no known action (it cannot be sent typed) is withdrawn, and says so."""
    rows = db.execute(
        "select id, backend, path, body, if_match, summary, created_at, state, attempts, last_error, status, answer"
        " from commands"
    ).fetchall()
    db.execute("alter table commands rename to commands_v1")
    db.execute(CREATE)
    for id_, backend, path, body, if_match, summary, created_at, state, attempts, error, status, answer in rows:
        typed = Action.of_path(path, json.loads(body))
        if typed is None:
            typed = (Action.DISPATCH, Subject(Collection.CASES, "?"))
            state, error = CommandState.WITHDRAWN, f"not understood by this console: {path}"
        action, subject = typed
        db.execute(
            f"insert into commands ({COLUMNS}) values ({', '.join('?' * 15)})",
            (
                id_,
                backend,
                action.name,
                subject.kind.value,
                subject.id,
                subject.part,
                body,
                if_match,
                summary,
                created_at,
                state,
                attempts,
                error,
                status,
                answer,
            ),
        )
    db.execute("drop table commands_v1")


def _post(client: ApiClient, command: Command) -> tuple[int, dict, float | None]:
    """Sends a command; a token refused is raised (the session then signs in again and resends it,
    under the same key), any other answer returned for the sender to judge."""
    status, answer, asked_s = client.command(command.path, command.body, command.id, command.if_match)
    if status == 401:
        raise AuthFailed(f"HTTP 401: {answer.get('detail') or 'the token was refused'}", 401)
    return status, answer, asked_s


class CommandSender:
    """Delivers one backend's pending commands in order, on a worker thread, until each is answered."""

    def __init__(
        self, outbox: Outbox, session: BackendSession, sink: queue.SimpleQueue, *, rng: random.Random | None = None
    ) -> None:
        self._outbox, self._session, self._sink = outbox, session, sink
        self.backend = session.name
        self._rng = rng or random.Random()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._do_run, name=f"sync-{self.backend}-commands", daemon=True)
        outbox.wake_on_submit(self._wake)

    def start(self) -> None:
        """Starts sending (once the backend's address is known: the embedded one picks its port)."""
        self._thread.start()

    def request_stop(self) -> None:
        self._stopping.set()
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        self.request_stop()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _do_run(self) -> None:
        failures = 0
        while not self._stopping.is_set():
            try:
                pending = self._outbox.pending(self.backend)
                if not pending:
                    self._wake.wait()
                    self._wake.clear()
                    continue
                settled, asked_s = self._do_deliver(pending[0])
            except sqlite3.Error as error:
                # The answer, if one came, was not recorded: the command is sent again under its
                # key, and the backend answers it as it did.
                log.error("commands to %s: the outbox could not be read or written (%s)", self.backend, error)
                settled, asked_s = False, None
            if settled:
                failures = 0
                continue
            failures += 1
            delay = self._session.backoff.next_delay(failures, self._rng.random(), asked_s)
            log.info("commands to %s: next try in %.1f s", self.backend, delay)
            # Only stopping ends the wait: a command submitted meanwhile goes after it, in order,
            # rather than cut short a backoff (or a Retry-After the backend asked for).
            self._stopping.wait(delay)
            self._wake.clear()

    def _do_deliver(self, command: Command) -> tuple[bool, float | None]:
        """One try; (True, None) when the command is settled (delivered or refused), else (False,
        how long the backend asked to be left alone, if it did)."""
        try:
            status, answer, asked_s = self._session.call(lambda client: _post(client, command))
        except ApiError as error:
            return self._retry(command, str(error)), error.retry_after_s
        except (requests.RequestException, OSError) as error:
            return self._retry(command, str(error)), None
        if status in RETRY_STATUSES:
            return self._retry(command, f"HTTP {status}"), asked_s
        if status >= 400:
            detail = str(answer.get("detail") or answer.get("title") or f"HTTP {status}")
            self._settle(
                replace(
                    command,
                    state=CommandState.REFUSED,
                    attempts=command.attempts + 1,
                    status=status,
                    answer=answer,
                    last_error=detail,
                )
            )
        else:
            delivered = replace(
                command,
                state=CommandState.DELIVERED,
                attempts=command.attempts + 1,
                status=status,
                answer=answer,
                last_error="",
            )
            self._settle(delivered, self._decode(delivered))
        return True, None

    def _decode(self, command: Command) -> object | None:
        """The object a delivered command's answer describes, for the store to take in at once."""
        try:
            return DECODERS[command.action.answer](command.answer)
        except Exception as error:  # the event that follows will bring it: only the shortcut is lost
            log.warning("command %s to %s: its answer does not decode (%s)", command.id, self.backend, error)
            return None

    def _retry(self, command: Command, error: str) -> bool:
        log.info("command %s to %s not delivered yet: %s", command.id, self.backend, error)
        self._settle(replace(command, attempts=command.attempts + 1, last_error=error))
        return False

    def _settle(self, command: Command, result: object | None = None) -> None:
        if self._outbox.update(command):
            self._sink.put(CommandChanged(command, result))
