"""The event log: every event the backend publishes, numbered, stored, and handed to stream readers.

Ids are strictly increasing integers that continue upward across restarts. The newest events are
also kept in memory, so that live readers and short resumes never touch the disk. The log keeps
the events of the last `keep_s` seconds of the backend's clock, and at most the last `retention`
of them; a reader who asks to resume from before them is told so (410), and how far back the log
reaches, and takes a fresh snapshot. All methods run on the server's event-loop thread.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections import deque
from dataclasses import dataclass

MEMORY_EVENTS = 50_000
DEFAULT_KEEP_S = 24 * 3600.0  # a day: every shift of it can be replayed
DEFAULT_RETENTION = 12_000_000  # beyond a day at the demo's rate (some 110 events a second)
PRUNE_ROWS = 10_000  # pruned at least this many events at a time (or a tenth of the retention)...
PRUNE_S = 60.0  # ...or this much of the time kept (or a tenth of it): short deletes, now and then


@dataclass(frozen=True)
class Event:
    id: int
    type: str
    data: str  # the payload, already encoded as JSON
    court_id: str | None = None  # the court it belongs to; None: the whole province's


class EventLog:
    def __init__(
        self, db: sqlite3.Connection, retention: int = DEFAULT_RETENTION, keep_s: float = DEFAULT_KEEP_S
    ) -> None:
        """Opens the log over a database holding the `events` and `meta` tables (see `storage`)."""
        self._db = db
        self.retention = retention
        self.keep_s = keep_s
        (last,) = db.execute("select coalesce(max(id), 0) from events").fetchone()
        # The highest id ever issued survives even a log pruned to nothing.
        stored = db.execute("select value from meta where key = 'last_event_id'").fetchone()
        self.last_id: int = max(last, int(stored[0]) if stored else 0)
        (oldest,) = db.execute("select coalesce(min(id), ?) from events", (self.last_id + 1,)).fetchone()
        self.oldest_id: int = oldest
        # When the oldest event held was appended (None: none held, or one from before times were kept).
        self.oldest_at: float | None = self._appended_at(oldest)
        self._recent: deque[Event] = deque(maxlen=MEMORY_EVENTS)
        self._appended = asyncio.Event()
        self._staged: tuple[list[Event], int] | None = None  # appended, not yet committed

    def _appended_at(self, event_id: int) -> float | None:
        row = self._db.execute("select at from events where id = ?", (event_id,)).fetchone()
        return None if row is None else row[0]

    def append(self, items: list[tuple[str, str, str | None]], at: float) -> None:
        """Stores a batch of (type, JSON data, court) as consecutive events appended `at` (the
        backend's clock), in the caller's transaction; readers see them once it has committed
        (`published`)."""
        self._staged = None  # what a failed transaction had appended is gone with it
        if not items:
            return
        events = [Event(self.last_id + offset, *item) for offset, item in enumerate(items, start=1)]
        self._db.executemany(
            "insert into events (id, type, data, court_id, at) values (?, ?, ?, ?, ?)",
            [(e.id, e.type, e.data, e.court_id, at) for e in events],
        )
        self._db.execute("insert or replace into meta (key, value) values ('last_event_id', ?)", (str(events[-1].id),))
        # Pruned in short steps, not on every batch.
        keep_from = events[-1].id - self.retention + 1
        pruned = keep_from - self.oldest_id >= max(1, min(self.retention // 10, PRUNE_ROWS))
        oldest_at = self.oldest_at if self.oldest_at is not None else at
        if at - oldest_at > self.keep_s + min(self.keep_s / 10, PRUNE_S):
            # The first event young enough: the ids run with the time, so the scan stops there.
            row = self._db.execute("select id from events where at >= ? order by id limit 1", (at - self.keep_s,))
            keep_from, pruned = max(keep_from, row.fetchone()[0]), True
        if pruned:
            self._db.execute("delete from events where id < ?", (keep_from,))
            oldest_at = self._appended_at(keep_from)
        self._staged = (events, keep_from if pruned else self.oldest_id, oldest_at)

    def published(self) -> None:
        """Takes in what the caller has committed since `append`, and wakes the readers. (A
        transaction that failed leaves the log as it was: its events are appended again, with
        the same ids, when the caller retries.)"""
        if self._staged is not None:
            events, self.oldest_id, self.oldest_at = self._staged
            self.last_id = events[-1].id
            self._recent.extend(events)
            self._staged = None
        self._appended.set()
        self._appended = asyncio.Event()

    def can_resume_after(self, event_id: int) -> bool:
        """Whether every event after `event_id` is still held (or yet to come)."""
        return self.oldest_id - 1 <= event_id <= self.last_id

    def after(self, event_id: int, limit: int = 1000) -> list[Event]:
        """Up to `limit` events with ids above `event_id`, in order."""
        if event_id >= self.last_id:
            return []
        if self._recent and event_id >= self._recent[0].id - 1:
            start = event_id - self._recent[0].id + 1
            return [self._recent[i] for i in range(start, min(start + limit, len(self._recent)))]
        rows = self._db.execute(
            "select id, type, data, court_id from events where id > ? order by id limit ?", (event_id, limit)
        ).fetchall()
        return [Event(*row) for row in rows]

    async def wait_after(self, event_id: int) -> None:
        """Returns once an event with an id above `event_id` exists."""
        while event_id >= self.last_id:
            await self._appended.wait()
