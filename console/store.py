"""The merged live state of every backend, applied in batches on the GUI thread.

Objects are kept by collection (`console.records.Collection`), each a `Rows` keyed by (backend,
id); where the teams are lives beside them in `TeamPositions`, numpy arrays that the map reads
whole. `apply()` takes a batch of messages from the sync workers and returns a `Changes` that says,
collection by collection, what moved, so that the Qt models can emit ranged signals and the map
can redraw once per batch, whatever the batch's size. Each message is applied on its own: one that
fails is dropped, counted against its backend and logged, and the rest of the batch goes on.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Generic, TypeVar

import numpy as np

from console.campaigns import Campaign, CourtProgress
from console.casework import Approval, Case, Kpis, Measure, Message, Query, QueryProgress, SupervisionOrder, Task
from console.commands import Command, CommandChanged, CommandState, Subject
from console.domain import Court, Escalation, Team, TeamPosition, TeamStatusChange
from console.findings import Finding
from console.indicators import CourtUpdate, Indicators
from console.records import CASE_WORK, FIRST_SIGHT, Collection
from console.sync import (
    BackendRemoved,
    EventReceived,
    HealthChanged,
    LinkState,
    RecordDropped,
    RowsLoaded,
    SnapshotLoaded,
)

log = logging.getLogger(__name__)

Key = tuple[str, str]
T = TypeVar("T")

# The collection that an event, or a command's answer, carrying a whole object of each type updates.
COLLECTION_OF: dict[type, Collection] = {
    Escalation: Collection.ESCALATIONS,
    Case: Collection.CASES,
    Task: Collection.TASKS,
    Query: Collection.QUERIES,
    Measure: Collection.MEASURES,
    Approval: Collection.APPROVALS,
    Message: Collection.MESSAGES,
    SupervisionOrder: Collection.SUPERVISION,
    Finding: Collection.FINDINGS,
}


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

    def backends(self) -> set[str]:
        return {backend for backend, _ in self._items}

    def replace_backend(self, backend: str, objects: Iterable[T]) -> list[int]:
        """Holds `objects` as all there is of `backend`; returns, for each row now, the row it had
        before (-1 for one that is new)."""
        kept = [(row, item) for row, item in enumerate(self._items) if item[0] != backend]
        fresh = newest(objects)
        self._items = [item for _, item in kept] + [(backend, o) for o in fresh]
        self._row = {(b, o.id): row for row, (b, o) in enumerate(self._items)}
        return [row for row, _ in kept] + [-1] * len(fresh)

    def retain(self, backend: str, ids: set[str]) -> bool:
        """Keeps of `backend` only the objects whose id is in `ids`; True when any went."""
        gone = [o.id for b, o in self._items if b == backend and o.id not in ids]
        if gone:
            self.replace_backend(backend, [o for b, o in self._items if b == backend and o.id in ids])
        return bool(gone)

    def put_all(self, backend: str, items: list[T]) -> list[int]:
        """`put` for many (a page of a snapshot): the rows that changed or were appended."""
        fresh = newest(items)
        keys = [(backend, item.id) for item in fresh]
        if self._row.keys().isdisjoint(keys):  # all of them new, as in a first load: appended at once
            start = len(self._items)
            self._items.extend((backend, item) for item in fresh)
            self._row.update(zip(keys, range(start, start + len(keys)), strict=True))
            return list(range(start, len(self._items)))
        return [row for row in (self.put(backend, item) for item in fresh) if row is not None]

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


class TeamPositions:
    """Where each team is and since when, row for row with the store's teams, as whole arrays:
    a position event writes one row, and the map reads every team at once."""

    def __init__(self) -> None:
        self.lon = self.lat = self.heading = self.speed_kmh = self.at = np.zeros(0)

    def __len__(self) -> int:
        return len(self.at)

    def reorder(self, before: list[int], fresh: list[TeamPosition]) -> None:
        """After the teams were replaced: row r holds the position row `before[r]` held, or, for
        a team that is new (-1), the next of `fresh`, in order."""
        old = np.asarray(before, dtype=np.int64)
        kept = old >= 0
        for name in ("lon", "lat", "heading", "speed_kmh", "at"):  # TeamPosition's fields, and these arrays
            values = np.empty(len(old))
            values[kept] = getattr(self, name)[old[kept]]
            values[~kept] = [getattr(position, name) for position in fresh]
            setattr(self, name, values)

    def put(self, row: int, position: TeamPosition) -> bool:
        """Moves a team; False when `position` is older than the fix held (it arrived late)."""
        if position.at < self.at[row]:
            return False
        self.lon[row], self.lat[row], self.heading[row] = position.lon, position.lat, position.heading
        self.speed_kmh[row], self.at[row] = position.speed_kmh, position.at
        return True

    def of(self, row: int, team_id: str = "") -> TeamPosition:
        return TeamPosition(
            team_id,
            float(self.lon[row]),
            float(self.lat[row]),
            float(self.heading[row]),
            float(self.speed_kmh[row]),
            float(self.at[row]),
        )


class CommandLog:
    """What operators asked for, as the outbox reports it: by id, and by what each is about."""

    def __init__(self) -> None:
        self._by_id: dict[str, Command] = {}
        self._by_subject: dict[tuple[str, Subject], list[str]] = {}

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[Command]:
        return iter(self._by_id.values())

    def get(self, command_id: str) -> Command | None:
        return self._by_id.get(command_id)

    def put(self, command: Command) -> None:
        held = self._by_id.get(command.id)
        if held is None:
            self._by_subject.setdefault((command.backend, command.subject), []).append(command.id)
        elif held.backend != command.backend:  # its profile was renamed
            self._forget(held)
            self._by_subject.setdefault((command.backend, command.subject), []).append(command.id)
        if held is not None and held.state != CommandState.PENDING and command.state == CommandState.PENDING:
            # A report read from the outbox before the command was settled, come after the settling.
            command = replace(held, backend=command.backend)
        self._by_id[command.id] = command

    def _forget(self, command: Command) -> None:
        ids = self._by_subject.get((command.backend, command.subject), [])
        if command.id in ids:
            ids.remove(command.id)

    def about(self, backend: str, subject: Subject) -> list[Command]:
        """The commands about `subject`, oldest first."""
        return [self._by_id[i] for i in self._by_subject.get((backend, subject), ())]

    def latest(self, backend: str, subject: Subject) -> Command | None:
        """The newest command about `subject`: whether one is on its way, or why it was refused."""
        ids = self._by_subject.get((backend, subject))
        return self._by_id[ids[-1]] if ids else None

    def pending(self, backend: str | None = None) -> list[Command]:
        return [
            c
            for c in self._by_id.values()
            if c.state == CommandState.PENDING and (backend is None or c.backend == backend)
        ]


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
    display_name: str = ""
    court_id: str = ""
    latency_ms: float | None = None
    events_received: int = 0
    last_event_id: int | None = None  # of the newest event applied
    last_event_at: float | None = None  # wall-clock time of the newest event applied
    dropped: int = 0
    last_drop: str = ""
    loading: frozenset[Collection] = frozenset()  # the case work still to come after the first sight


@dataclass
class RowChanges:
    """What changed in one collection in a batch: all of it (a snapshot), or these rows (appended ones included)."""

    reset: bool = False
    rows: set[int] = field(default_factory=set)

    def __bool__(self) -> bool:
        return self.reset or bool(self.rows)


NOTHING = RowChanges()


@dataclass
class Changes:
    collections: dict[Collection, RowChanges] = field(default_factory=dict)
    moved: set[int] = field(default_factory=set)  # team rows whose position moved (all, when the teams were reset)
    health: set[str] = field(default_factory=set)
    commands: set[str] = field(default_factory=set)
    kpis: set[str] = field(default_factory=set)  # backends whose KPIs changed
    indicators: set[str] = field(default_factory=set)  # backends whose indicators changed
    campaigns: set[str] = field(default_factory=set)  # backends whose campaigns changed
    events: list[EventReceived] = field(default_factory=list)  # the batch's events, for the event log
    # The time carried by the batch's oldest position: how far behind the backend this batch is.
    oldest_position_at: float | None = None

    def __bool__(self) -> bool:
        return bool(
            any(self.collections.values())
            or self.moved
            or self.health
            or self.commands
            or self.kpis
            or self.indicators
            or self.campaigns
            or self.events
        )

    def of(self, collection: Collection) -> RowChanges:
        return self.collections.get(collection, NOTHING)

    def touched(self, collection: Collection) -> bool:
        return bool(self.of(collection))

    def was_reset(self, collection: Collection) -> bool:
        return self.of(collection).reset

    def rows(self, collection: Collection) -> set[int]:
        """The rows changed or appended, when the collection was not reset."""
        return self.of(collection).rows

    def mark(self, collection: Collection, row: int | None) -> None:
        if row is not None:
            changes = self.collections.setdefault(collection, RowChanges())
            if not changes.reset:
                changes.rows.add(row)

    def mark_all(self, collection: Collection, rows: list[int]) -> None:
        if rows:
            changes = self.collections.setdefault(collection, RowChanges())
            if not changes.reset:
                changes.rows.update(rows)

    def reset(self, collection: Collection) -> None:
        self.collections[collection] = RowChanges(reset=True)


class Store:
    def __init__(self) -> None:
        self._rows: dict[Collection, Rows] = {collection: Rows() for collection in Collection}
        self.positions = TeamPositions()
        self.health: dict[str, BackendHealth] = {}
        self.commands = CommandLog()
        self.kpis: dict[str, Kpis] = {}
        # By backend, once its first sight is loaded: None from one that publishes none.
        self.indicators: dict[str, Indicators | None] = {}
        self.campaigns: dict[str, dict[str, Campaign] | None] = {}
        self._listeners: list[Callable[[Changes], None]] = []
        self._load: dict[str, int] = {}  # by backend: the snapshot whose case work is taken in
        self._seen: dict[tuple[str, Collection], set[str]] = {}  # ids held of a collection still loading
        self._held: dict[str, list[QueryProgress]] = {}  # progress of batches whose page has not come yet

    def rows(self, collection: Collection) -> Rows:
        return self._rows[collection]

    @property
    def courts(self) -> Rows[Court]:
        return self._rows[Collection.COURTS]

    def court_name(self, backend: str, court_id: str) -> str:
        """A court's name, or its id while the store holds no such court."""
        court = self.courts.get(backend, court_id)
        return court.name if court else court_id

    @property
    def teams(self) -> Rows[Team]:
        return self._rows[Collection.TEAMS]

    @property
    def escalations(self) -> Rows[Escalation]:
        return self._rows[Collection.ESCALATIONS]

    @property
    def cases(self) -> Rows[Case]:
        return self._rows[Collection.CASES]

    @property
    def tasks(self) -> Rows[Task]:
        return self._rows[Collection.TASKS]

    @property
    def queries(self) -> Rows[Query]:
        return self._rows[Collection.QUERIES]

    @property
    def measures(self) -> Rows[Measure]:
        return self._rows[Collection.MEASURES]

    @property
    def approvals(self) -> Rows[Approval]:
        return self._rows[Collection.APPROVALS]

    @property
    def messages(self) -> Rows[Message]:
        return self._rows[Collection.MESSAGES]

    @property
    def supervision(self) -> Rows[SupervisionOrder]:
        return self._rows[Collection.SUPERVISION]

    @property
    def findings(self) -> Rows[Finding]:
        return self._rows[Collection.FINDINGS]

    def position(self, backend: str, team_id: str) -> TeamPosition | None:
        row = self.teams.row(backend, team_id)
        return None if row is None else self.positions.of(row, team_id)

    def subscribe(self, listener: Callable[[Changes], None]) -> Callable[[], None]:
        """Calls `listener` after each batch that changed something; returns the unsubscribe."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def everything(self) -> Changes:
        """A batch that says everything changed: for views built over a store already filled."""
        return Changes(
            collections={collection: RowChanges(reset=True) for collection in Collection},
            moved=set(range(len(self.teams))),
            health=set(self.health),
            commands={c.id for c in self.commands},
            kpis=set(self.kpis),
            indicators=set(self.indicators),
            campaigns=set(self.campaigns),
        )

    def may(self, backend: str, permission: str) -> bool:
        """Whether the console's user at `backend` holds `permission` (as the backend's /me said)."""
        health = self.health.get(backend)
        return health is not None and permission in health.permissions

    def apply(self, messages: Iterable[object], now: float | None = None) -> Changes:
        now = time.time() if now is None else now
        changes = Changes()
        for message in messages:
            try:
                self._apply(message, changes, now)
            except Exception as error:  # a defect, or a message no one foresaw: it alone is lost
                log.exception("could not apply %s", type(message).__name__)
                backend = getattr(message, "backend", None) or getattr(getattr(message, "command", None), "backend", "")
                health = self._health(backend)
                health.dropped += 1
                health.last_drop = f"could not apply {type(message).__name__}: {type(error).__name__}: {error}"[:500]
                changes.health.add(backend)
        if changes:
            for listener in list(self._listeners):
                listener(changes)
        return changes

    def _apply(self, message: object, changes: Changes, now: float) -> None:
        if isinstance(message, EventReceived):
            self._apply_event(message, changes, now)
        elif isinstance(message, SnapshotLoaded):
            self._apply_snapshot(message, changes)
        elif isinstance(message, RowsLoaded):
            self._apply_rows(message, changes)
        elif isinstance(message, HealthChanged):
            health = self._health(message.backend)
            health.url, health.state, health.detail = message.url, message.state, message.detail
            if message.role:
                health.role, health.user, health.permissions = message.role, message.user, message.permissions
                health.limits, health.display_name, health.court_id = (
                    message.limits,
                    message.display_name,
                    message.court_id,
                )
            if message.latency_ms is not None:
                health.latency_ms = message.latency_ms
            changes.health.add(message.backend)
        elif isinstance(message, CommandChanged):
            command, held = message.command, self.commands.get(message.command.id)
            if command.backend not in self.health and held is not None and held.backend in self.health:
                # Settled by the sender of a profile since renamed: it belongs to the new name.
                command = replace(command, backend=held.backend)
            self.commands.put(command)
            changes.commands.add(command.id)
            if message.result is not None and command.backend in self.health:
                # (An answer for a backend no longer followed would bring back what it left behind.)
                self._put(command.backend, message.result, changes)
        elif isinstance(message, RecordDropped):
            health = self._health(message.backend)
            health.dropped += 1
            health.last_drop = message.reason
            changes.health.add(message.backend)
        elif isinstance(message, BackendRemoved):
            self._forget_backend(message.backend, changes)
        else:
            raise TypeError(f"not a message the store takes: {message!r}")

    def _health(self, backend: str) -> BackendHealth:
        if backend not in self.health:
            self.health[backend] = BackendHealth(backend)
        return self.health[backend]

    def _replace_teams(self, backend: str, teams: list[Team], positions: list[TeamPosition], changes: Changes) -> None:
        fresh: dict[str, tuple[Team, TeamPosition]] = {}
        for team, position in zip(teams, positions, strict=True):
            if team.id not in fresh or team.version > fresh[team.id][0].version:
                fresh[team.id] = (team, position)
        before = self.teams.replace_backend(backend, [team for team, _ in fresh.values()])
        self.positions.reorder(before, [position for _, position in fresh.values()])
        changes.reset(Collection.TEAMS)
        changes.moved = set(range(len(self.teams)))

    def _apply_snapshot(self, message: SnapshotLoaded, changes: Changes) -> None:
        backend = message.backend
        self._replace_teams(backend, message.rows[Collection.TEAMS], message.positions, changes)
        for collection in FIRST_SIGHT:
            if collection is not Collection.TEAMS:
                self.rows(collection).replace_backend(backend, message.rows[collection])
                changes.reset(collection)
        if message.kpis is not None:
            self.kpis[backend] = message.kpis
            changes.kpis.add(backend)
        self.indicators[backend] = message.indicators
        changes.indicators.add(backend)
        held = message.campaigns
        self.campaigns[backend] = None if held is None else {campaign.id: campaign for campaign in held}
        changes.campaigns.add(backend)
        # The case work comes page by page: what was held of it stays until its pages have come.
        self._load[backend] = message.load
        for collection in CASE_WORK:
            self._seen[(backend, collection)] = set()
        self._held.pop(backend, None)
        self._health(backend).loading = frozenset(CASE_WORK)
        changes.health.add(backend)

    def _apply_rows(self, message: RowsLoaded, changes: Changes) -> None:
        backend, collection = message.backend, message.collection
        seen = self._seen.get((backend, collection))
        if self._load.get(backend) != message.load or seen is None:
            return  # a page of a snapshot since replaced
        rows = self.rows(collection)
        seen.update(item.id for item in message.items)
        changes.mark_all(collection, rows.put_all(backend, message.items))
        if collection is Collection.QUERIES:
            held, self._held[backend] = self._held.pop(backend, []), []
            for progress in held:
                self._apply_query_progress(backend, progress, changes)
        if message.final:
            del self._seen[(backend, collection)]
            if collection is Collection.QUERIES:
                self._held.pop(backend, None)  # progress of batches that this snapshot does not hold
            if rows.retain(backend, seen):
                changes.reset(collection)  # objects of an older snapshot that this one no longer has
            health = self._health(backend)
            health.loading = health.loading - {collection}
            changes.health.add(backend)

    def _forget_backend(self, backend: str, changes: Changes) -> None:
        self._replace_teams(backend, [], [], changes)
        for collection in Collection:
            if collection is not Collection.TEAMS:
                self.rows(collection).replace_backend(backend, [])
                changes.reset(collection)
        for key in [key for key in self._seen if key[0] == backend]:
            del self._seen[key]
        self._load.pop(backend, None)
        self._held.pop(backend, None)
        self.kpis.pop(backend, None)
        self.indicators.pop(backend, None)
        self.campaigns.pop(backend, None)
        self.health.pop(backend, None)
        changes.kpis.add(backend)
        changes.indicators.add(backend)
        changes.campaigns.add(backend)
        changes.health.add(backend)

    def _put(self, backend: str, item: object, changes: Changes) -> None:
        """A whole object, from an event or a command's answer: it replaces an older version."""
        collection = COLLECTION_OF[type(item)]
        changes.mark(collection, self.rows(collection).put(backend, item))
        seen = self._seen.get((backend, collection))
        if seen is not None:
            seen.add(item.id)

    def _apply_query_progress(self, backend: str, progress: QueryProgress, changes: Changes) -> None:
        query = self.queries.get(backend, progress.query_id)
        if query is None:
            if (backend, Collection.QUERIES) in self._seen:
                self._held.setdefault(backend, []).append(progress)  # its batch is still to come
            return  # otherwise a batch this snapshot does not hold: the next snapshot will
        if progress.version <= query.version:
            return  # news already reflected
        results = tuple(progress.result if r.id == progress.result.id else r for r in query.results)
        moved_on = replace(
            query, state=progress.state, completed_at=progress.completed_at, results=results, version=progress.version
        )
        changes.mark(Collection.QUERIES, self.queries.put(backend, moved_on))

    def _apply_event(self, message: EventReceived, changes: Changes, now: float) -> None:
        backend = message.backend
        health = self._health(backend)
        health.events_received += 1
        health.last_event_id = message.event_id
        health.last_event_at = now
        changes.health.add(backend)
        changes.events.append(message)
        update = message.update
        if update is None:
            return
        if type(update) in COLLECTION_OF:
            self._put(backend, update, changes)
        elif isinstance(update, TeamPosition):
            if changes.oldest_position_at is None or update.at < changes.oldest_position_at:
                changes.oldest_position_at = update.at
            row = self.teams.row(backend, update.team_id)
            if row is not None and self.positions.put(row, update):
                changes.moved.add(row)
        elif isinstance(update, TeamStatusChange):
            team = self.teams.get(backend, update.team_id)
            if team is not None:  # else a team this snapshot does not hold; the next snapshot will
                changed = replace(
                    team,
                    status=update.status,
                    status_since=update.since,
                    task_id=update.task_id,
                    version=update.version,
                )
                changes.mark(Collection.TEAMS, self.teams.put(backend, changed))
        elif isinstance(update, QueryProgress):
            self._apply_query_progress(backend, update, changes)
        elif isinstance(update, Kpis):
            self.kpis[backend] = update
            changes.kpis.add(backend)
        elif isinstance(update, CourtUpdate):
            self.indicators[backend] = update.applied_to(self.indicators.get(backend))
            changes.indicators.add(backend)
        elif isinstance(update, CourtProgress):
            held = self.campaigns.get(backend) or {}
            self.campaigns[backend] = {**held, update.campaign.id: update.applied_to(held.get(update.campaign.id))}
            changes.campaigns.add(backend)
        else:
            raise TypeError(f"not an update the store takes: {type(update).__name__}")
