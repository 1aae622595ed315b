"""The merged live state of every backend, applied in batches on the GUI thread.

Objects are keyed by (backend, id). `apply()` takes a batch of messages from the sync workers and
returns a `Changes` that says what moved, so that the Qt models can emit ranged signals and the map
can redraw once per batch, whatever the batch's size. Rows only ever grow between snapshots; a
snapshot of a backend replaces that backend's objects and is reported as a reset.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Generic, TypeVar

from console.casework import (
    Approval,
    Case,
    Kpis,
    Measure,
    Message,
    Query,
    QueryProgress,
    Task,
)
from console.domain import Court, Escalation, Team, TeamPosition, TeamStatusChange
from console.outbox import Command, CommandChanged, CommandState
from console.sync import (
    BackendRemoved,
    EventReceived,
    HealthChanged,
    LinkState,
    RecordDropped,
    SnapshotLoaded,
)

Key = tuple[str, str]
T = TypeVar("T")


def newest(objects: Iterable[T]) -> list[T]:
    """One of each id, its newest version, in the order the ids first came: a snapshot's pages may
    list an object twice (it moved between pages, or between two filtered requests)."""
    kept: dict[str, T] = {}
    for item in objects:
        held = kept.get(item.id)
        if held is None or item.version > held.version:
            kept[item.id] = item
    return list(kept.values())


class Rows(Generic[T]):
    """Objects of one kind from every backend, one row each, in the order they first arrived.

    Rows only grow between snapshots, so that a table model can append and update by row; a newer
    version replaces an older one in its row, and an older one arriving late is ignored.
    """

    def __init__(self) -> None:
        self._items: list[tuple[str, T]] = []
        self._row: dict[Key, int] = {}

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, row: int) -> tuple[str, T]:
        return self._items[row]

    def __iter__(self) -> Iterator[tuple[str, T]]:
        return iter(self._items)

    def row(self, backend: str, object_id: str) -> int | None:
        return self._row.get((backend, object_id))

    def get(self, backend: str, object_id: str) -> T | None:
        row = self._row.get((backend, object_id))
        return None if row is None else self._items[row][1]

    def replace_backend(self, backend: str, objects: Iterable[T]) -> None:
        self._items = [item for item in self._items if item[0] != backend] + [(backend, o) for o in newest(objects)]
        self._row = {(b, o.id): row for row, (b, o) in enumerate(self._items)}

    def put(self, backend: str, item: T) -> int | None:
        """Stores `item` unless the same or a newer version is held; returns its row when it did."""
        row = self._row.get((backend, item.id))
        if row is None:
            row = len(self._items)
            self._items.append((backend, item))
            self._row[(backend, item.id)] = row
            return row
        if item.version <= self._items[row][1].version:
            return None
        self._items[row] = (backend, item)
        return row


@dataclass
class BackendHealth:
    backend: str
    url: str = ""
    state: LinkState = LinkState.CONNECTING
    detail: str = ""
    role: str = ""
    user: str = ""
    permissions: tuple[str, ...] = ()
    limits: dict[str, float] = field(default_factory=dict)
    latency_ms: float | None = None
    events_received: int = 0
    last_event_id: int | None = None  # of the newest event applied
    last_event_at: float | None = None  # wall-clock time of the newest event applied
    dropped: int = 0
    last_drop: str = ""


@dataclass
class Changes:
    teams_reset: bool = False
    team_rows: set[int] = field(default_factory=set)
    positions_moved: bool = False
    courts_changed: bool = False
    health: set[str] = field(default_factory=set)
    commands: set[str] = field(default_factory=set)
    # Of the `Rows` collections (escalations, cases, ...): which were replaced by a snapshot, and
    # which rows changed in the others, appended ones included.
    reset: set[str] = field(default_factory=set)
    rows: dict[str, set[int]] = field(default_factory=dict)
    kpis: set[str] = field(default_factory=set)  # backends whose KPIs changed
    events: list[EventReceived] = field(default_factory=list)  # the batch's events, for the event log
    # The time carried by the batch's oldest position: how far behind the backend this batch is.
    oldest_position_at: float | None = None

    def __bool__(self) -> bool:
        return bool(
            self.teams_reset
            or self.team_rows
            or self.positions_moved
            or self.courts_changed
            or self.health
            or self.commands
            or self.reset
            or self.rows
            or self.kpis
            or self.events
        )

    def touched(self, collection: str) -> bool:
        """Whether anything in a `Rows` collection changed in this batch."""
        return collection in self.reset or collection in self.rows

    def changed_rows(self, collection: str) -> set[int]:
        return self.rows.get(collection, set())

    def mark(self, collection: str, row: int | None) -> None:
        if row is not None and collection not in self.reset:
            self.rows.setdefault(collection, set()).add(row)


# The collections a snapshot replaces, and the collection that an event of each type updates.
SNAPSHOT_ROWS = ("escalations", "cases", "tasks", "queries", "measures", "approvals")
COLLECTION_OF: dict[type, str] = {
    Escalation: "escalations",
    Case: "cases",
    Task: "tasks",
    Query: "queries",
    Measure: "measures",
    Approval: "approvals",
    Message: "messages",
}


class Store:
    def __init__(self) -> None:
        self.courts: dict[Key, Court] = {}
        self.teams: list[Team] = []
        self._team_row: dict[Key, int] = {}
        self.health: dict[str, BackendHealth] = {}
        self.commands: dict[str, Command] = {}  # by id: what operators asked for, and how it went
        self.escalations: Rows[Escalation] = Rows()
        self.cases: Rows[Case] = Rows()
        self.tasks: Rows[Task] = Rows()
        self.queries: Rows[Query] = Rows()
        self.measures: Rows[Measure] = Rows()
        self.approvals: Rows[Approval] = Rows()
        self.messages: Rows[Message] = Rows()
        self.kpis: dict[str, Kpis] = {}
        self._listeners: list[Callable[[Changes], None]] = []

    def subscribe(self, listener: Callable[[Changes], None]) -> Callable[[], None]:
        """Calls `listener` after each batch that changed something; returns the unsubscribe."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def everything(self) -> Changes:
        """A batch that says everything changed: for views built over a store already filled."""
        return Changes(
            teams_reset=True,
            positions_moved=True,
            courts_changed=True,
            health=set(self.health),
            commands=set(self.commands),
            reset={*SNAPSHOT_ROWS, "messages"},
            kpis=set(self.kpis),
        )

    def may(self, backend: str, permission: str) -> bool:
        """Whether the console's user at `backend` holds `permission` (as the backend's /me said)."""
        health = self.health.get(backend)
        return health is not None and permission in health.permissions

    def pending_commands(self, backend: str | None = None) -> list[Command]:
        return [
            c
            for c in self.commands.values()
            if c.state == CommandState.PENDING and (backend is None or c.backend == backend)
        ]

    def team(self, backend: str, team_id: str) -> Team | None:
        row = self._team_row.get((backend, team_id))
        return None if row is None else self.teams[row]

    def team_row(self, backend: str, team_id: str) -> int | None:
        return self._team_row.get((backend, team_id))

    def apply(self, messages: Iterable[object], now: float | None = None) -> Changes:
        now = time.time() if now is None else now
        changes = Changes()
        for message in messages:
            if isinstance(message, EventReceived):
                self._apply_event(message, changes, now)
            elif isinstance(message, SnapshotLoaded):
                self._apply_snapshot(message, changes)
            elif isinstance(message, HealthChanged):
                health = self._health(message.backend)
                health.url, health.state, health.detail = message.url, message.state, message.detail
                if message.role:
                    health.role, health.user, health.permissions = message.role, message.user, message.permissions
                    health.limits = message.limits
                if message.latency_ms is not None:
                    health.latency_ms = message.latency_ms
                changes.health.add(message.backend)
            elif isinstance(message, CommandChanged):
                self.commands[message.command.id] = message.command
                changes.commands.add(message.command.id)
            elif isinstance(message, RecordDropped):
                health = self._health(message.backend)
                health.dropped += 1
                health.last_drop = message.reason
                changes.health.add(message.backend)
            elif isinstance(message, BackendRemoved):
                self._replace_backend(
                    message.backend, [], [], {collection: [] for collection in (*SNAPSHOT_ROWS, "messages")}, changes
                )
                self.kpis.pop(message.backend, None)
                self.health.pop(message.backend, None)
                changes.kpis.add(message.backend)
                changes.health.add(message.backend)
        if changes:
            for listener in list(self._listeners):
                listener(changes)
        return changes

    def _health(self, backend: str) -> BackendHealth:
        if backend not in self.health:
            self.health[backend] = BackendHealth(backend)
        return self.health[backend]

    def _apply_snapshot(self, message: SnapshotLoaded, changes: Changes) -> None:
        rows = {collection: getattr(message, collection) for collection in SNAPSHOT_ROWS}
        self._replace_backend(message.backend, message.courts, message.teams, rows, changes)
        if message.kpis is not None:
            self.kpis[message.backend] = message.kpis
            changes.kpis.add(message.backend)

    def _replace_backend(
        self, backend: str, courts: list[Court], teams: list[Team], rows: dict[str, list], changes: Changes
    ) -> None:
        """Puts what a backend holds now in place of what was held of it before."""
        for collection, objects in rows.items():
            getattr(self, collection).replace_backend(backend, objects)
            changes.reset.add(collection)
            changes.rows.pop(collection, None)
        self.courts = {key: c for key, c in self.courts.items() if key[0] != backend}
        self.courts.update(((backend, c.id), c) for c in courts)
        self.teams = [t for t in self.teams if t.backend != backend] + newest(teams)
        self._team_row = {(t.backend, t.id): row for row, t in enumerate(self.teams)}
        changes.teams_reset = changes.courts_changed = changes.positions_moved = True
        changes.team_rows.clear()

    def _apply_query_progress(self, backend: str, progress: QueryProgress, changes: Changes) -> None:
        query = self.queries.get(backend, progress.query_id)
        if query is None or progress.version <= query.version:
            return  # a batch this snapshot does not hold, or news already reflected
        results = tuple(progress.result if r.id == progress.result.id else r for r in query.results)
        moved_on = replace(
            query, state=progress.state, completed_at=progress.completed_at, results=results, version=progress.version
        )
        changes.mark("queries", self.queries.put(backend, moved_on))

    def _apply_event(self, message: EventReceived, changes: Changes, now: float) -> None:
        health = self._health(message.backend)
        health.events_received += 1
        health.last_event_id = message.event_id
        health.last_event_at = now
        changes.health.add(message.backend)
        changes.events.append(message)
        update = message.update
        if update is None:
            return
        collection = COLLECTION_OF.get(type(update))
        if collection is not None:
            changes.mark(collection, getattr(self, collection).put(message.backend, update))
            return
        if isinstance(update, QueryProgress):
            self._apply_query_progress(message.backend, update, changes)
            return
        if isinstance(update, Kpis):
            self.kpis[message.backend] = update
            changes.kpis.add(message.backend)
            return
        row = self._team_row.get((message.backend, getattr(update, "team_id", "")))
        if row is None:
            return  # a team this snapshot does not hold; the next snapshot will
        team = self.teams[row]
        if isinstance(update, TeamPosition):
            if changes.oldest_position_at is None or update.at < changes.oldest_position_at:
                changes.oldest_position_at = update.at
            if update.at < team.position_at:
                return  # an older fix that arrived late
            team.lon, team.lat, team.heading = update.lon, update.lat, update.heading
            team.speed_kmh, team.position_at = update.speed_kmh, update.at
            if update.version is not None:
                team.version = max(team.version, update.version)
            changes.positions_moved = True
        elif isinstance(update, TeamStatusChange):
            if update.version < team.version:
                return
            team.status, team.status_since, team.version = update.status, update.since, update.version
            team.task_id = update.task_id
        if not changes.teams_reset:
            changes.team_rows.add(row)
