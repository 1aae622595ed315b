"""The event log: every event the backend publishes, numbered, stored, and handed to stream readers.

Ids are strictly increasing integers that continue upward across restarts. The newest events are
also kept in memory, so that live readers and short resumes never touch the disk. All methods run
on the server's event-loop thread.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections import deque
from dataclasses import dataclass
from pathlib import Path

MEMORY_EVENTS = 50_000


@dataclass(frozen=True)
class Event:
    id: int
    type: str
    data: str  # the payload, already encoded as JSON


class EventLog:
    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        db.execute("create table if not exists events (id integer primary key, type text not null, data text not null)")
        db.commit()
        (last,) = db.execute("select coalesce(max(id), 0) from events").fetchone()
        self.last_id: int = last
        self._recent: deque[Event] = deque(maxlen=MEMORY_EVENTS)
        self._appended = asyncio.Event()

    @classmethod
    def open(cls, data_dir: Path) -> "EventLog":
        db = sqlite3.connect(data_dir / "events.sqlite3", check_same_thread=False)
        db.execute("pragma journal_mode=wal")
        db.execute("pragma synchronous=normal")
        return cls(db)

    def append(self, items: list[tuple[str, dict]]) -> None:
        """Stores a batch of (type, payload) as consecutive events and wakes the readers."""
        if not items:
            return
        events = []
        for offset, (event_type, payload) in enumerate(items, start=1):
            data = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
            events.append(Event(self.last_id + offset, event_type, data))
        self._db.executemany("insert into events (id, type, data) values (?, ?, ?)", [(e.id, e.type, e.data) for e in events])
        self._db.commit()
        self.last_id = events[-1].id
        self._recent.extend(events)
        self._appended.set()
        self._appended = asyncio.Event()

    def after(self, event_id: int, limit: int = 1000) -> list[Event]:
        """Up to `limit` events with ids above `event_id`, in order."""
        if event_id >= self.last_id:
            return []
        if self._recent and event_id >= self._recent[0].id - 1:
            start = event_id - self._recent[0].id + 1
            return [self._recent[i] for i in range(start, min(start + limit, len(self._recent)))]
        rows = self._db.execute(
            "select id, type, data from events where id > ? order by id limit ?", (event_id, limit)
        ).fetchall()
        return [Event(*row) for row in rows]

    async def wait_after(self, event_id: int) -> None:
        """Returns once an event with an id above `event_id` exists."""
        while event_id >= self.last_id:
            await self._appended.wait()

    def close(self) -> None:
        self._db.close()
