"""Shared bookkeeping of the backend's world: stored records, the events a change publishes, the
audit log and the idempotency keys. A tick or a command changes records and queues events; `commit`
writes all of it in one transaction, so the stored state always matches the event log."""

from __future__ import annotations

import copy
import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from court_backend import audit
from court_backend.clock import Clock
from court_backend.events import EventLog

SCHEMA = (
    "create table if not exists records (kind text not null, id text not null, doc text not null,"
    " primary key (kind, id))",
    "create table if not exists idempotency (username text not null, key text not null, fingerprint text not null,"
    " status integer not null, body text not null, created_at real not null, primary key (username, key))",
)


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def public(value):
    """A record as the API shows it: keys starting with an underscore are the backend's own
    bookkeeping (schedules, dedup keys) and never leave it."""
    if isinstance(value, dict):
        return {key: public(item) for key, item in value.items() if not key.startswith("_")}
    if isinstance(value, list):
        return [public(item) for item in value]
    return value


@dataclass(frozen=True)
class StoredResponse:
    fingerprint: str
    status: int
    body: str


class Records:
    """Records by kind and id, held in memory and written through to SQLite at each commit."""

    def __init__(self, db: sqlite3.Connection, events: EventLog, clock: Clock) -> None:
        self.clock = clock
        self.db = db
        self.events = events
        for statement in SCHEMA:
            db.execute(statement)
        db.commit()
        audit.prepare(db)
        self._by_kind: dict[str, dict[str, dict]] = {}
        for kind, record_id, doc in db.execute("select kind, id, doc from records"):
            self._by_kind.setdefault(kind, {})[record_id] = json.loads(doc)
        self._dirty: set[tuple[str, str]] = set()
        self._pending: list[tuple[str, str, tuple]] = []
        # The court an event belongs to, from its payload's (court_id, team_id, case_id): the world
        # says (World.court_from), so that each stream carries only its reader's jurisdiction.
        self.court_from: Callable[[str | None, str | None, str | None], str | None] = lambda *_: None
        self._audit: list[audit.Entry] = []
        self._responses: list[tuple] = []
        self._savers: list[Callable[[sqlite3.Connection], None]] = []
        # Told of each record of their kind put: for what follows from it (a case's last activity).
        self._watchers: dict[str, list[Callable[[dict], None]]] = {}
        self._counters = {kind: len(items) for kind, items in self._by_kind.items()}

    # records
    def get(self, kind: str, record_id: str) -> dict | None:
        return self._by_kind.get(kind, {}).get(record_id)

    def all(self, kind: str) -> Iterator[dict]:
        return iter(self._by_kind.get(kind, {}).values())

    def new_id(self, kind: str, prefix: str) -> str:
        self._counters[kind] = self._counters.get(kind, 0) + 1
        return f"{prefix}{self._counters[kind]:06d}"

    def put(self, kind: str, doc: dict) -> dict:
        self._by_kind.setdefault(kind, {})[doc["id"]] = doc
        self._dirty.add((kind, doc["id"]))
        for watcher in self._watchers.get(kind, ()):
            watcher(doc)
        return doc

    def watch(self, kind: str, watcher: Callable[[dict], None]) -> None:
        self._watchers.setdefault(kind, []).append(watcher)

    def snapshot(self, doc: dict | None) -> dict | None:
        """A copy to keep as the "before" of a change."""
        return copy.deepcopy(doc)

    # events and audit
    def emit(self, event_type: str, payload: dict) -> None:
        """Queues an event for the next `commit`, as `payload` is now: the object may change again
        before then, and each event must tell its own step."""
        keys = (payload.get("court_id"), payload.get("team_id"), payload.get("case_id"))
        self._pending.append((event_type, dumps(public(payload)), keys))

    def audit(
        self,
        actor: str,
        action: str,
        object_type: str,
        object_id: str,
        case_id: str | None,
        before: dict | None,
        after: dict | None,
        request: dict | None,
        outcome: str = audit.DONE,
    ) -> None:
        """Queues an audit entry for the next `commit`, which chains it on to the log."""
        self._audit.append(
            audit.Entry(
                self.clock.now(), actor, action, object_type, object_id, case_id, before, after, request, outcome
            )
        )

    def add_saver(self, saver: Callable[[sqlite3.Connection], None]) -> None:
        """Registers state kept outside `records` (cases, teams) to be written at every commit."""
        self._savers.append(saver)

    def commit(self) -> None:
        """Writes the changed records, the queued events, the audit entries and the answers to
        idempotent commands in one transaction: a command's effect and its stored answer stand or
        fall together."""
        with self.db:
            self.db.execute("begin immediate")  # the audit chain's head is read and extended under one lock
            self.db.executemany(
                "insert or replace into records (kind, id, doc) values (?, ?, ?)",
                [(kind, record_id, dumps(self._by_kind[kind][record_id])) for kind, record_id in self._dirty],
            )
            audit.append(self.db, self._audit)
            self.db.executemany("insert or replace into idempotency values (?, ?, ?, ?, ?, ?)", self._responses)
            pending = [(kind, data, self.court_from(*keys)) for kind, data, keys in self._pending]
            self.events.append(pending, self.clock.now())
            for saver in self._savers:
                saver(self.db)
        self._dirty.clear()
        self._audit.clear()
        self._responses.clear()
        self._pending.clear()
        self.events.published()

    # idempotency
    def stored_response(self, username: str, key: str) -> StoredResponse | None:
        row = self.db.execute(
            "select fingerprint, status, body from idempotency where username = ? and key = ?", (username, key)
        ).fetchone()
        return None if row is None else StoredResponse(*row)

    def store_response(self, username: str, key: str, fingerprint: str, status: int, body: str) -> None:
        """Keeps a command's answer for replay; written by the next `commit`."""
        self._responses.append((username, key, fingerprint, status, body, time.time()))
