"""The merged live state of every backend, applied in batches on the GUI thread.

Objects are keyed by (backend, id). `apply()` takes a batch of messages from the sync workers and
returns a `Changes` that says what moved, so that the Qt models can emit ranged signals and the map
can redraw once per batch, whatever the batch's size. Rows only ever grow between snapshots; a
snapshot of a backend replaces that backend's objects and is reported as a reset.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from console.domain import Court, Escalation, Team, TeamPosition, TeamStatusChange
from console.outbox import Command, CommandChanged, CommandState
from console.sync import (
    EventReceived,
    HealthChanged,
    LinkState,
    RecordDropped,
    SnapshotLoaded,
)

Key = tuple[str, str]


@dataclass
class BackendHealth:
    backend: str
    url: str = ""
    state: LinkState = LinkState.CONNECTING
    detail: str = ""
    role: str = ""
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
    escalations_reset: bool = False
    escalation_rows: set[int] = field(default_factory=set)  # changed rows, appended ones included
    events: list[EventReceived] = field(default_factory=list)  # the batch's events, for the event log
    # The time carried by the batch's oldest position: how far behind the backend this batch is.
    oldest_position_at: float | None = None

    def __bool__(self) -> bool:
        return bool(self.teams_reset or self.team_rows or self.positions_moved or self.courts_changed or self.health
                    or self.commands or self.escalations_reset or self.escalation_rows or self.events)


class Store:
    def __init__(self) -> None:
        self.courts: dict[Key, Court] = {}
        self.teams: list[Team] = []
        self._team_row: dict[Key, int] = {}
        self.health: dict[str, BackendHealth] = {}
        self.commands: dict[str, Command] = {}  # by id: what operators asked for, and how it went
        # Escalations in the order they arrived (rows only grow between snapshots), with their backend.
        self.escalations: list[tuple[str, Escalation]] = []
        self._escalation_row: dict[Key, int] = {}
        self._listeners: list[Callable[[Changes], None]] = []

    def subscribe(self, listener: Callable[[Changes], None]) -> Callable[[], None]:
        """Calls `listener` after each batch that changed something; returns the unsubscribe."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def pending_commands(self, backend: str | None = None) -> list[Command]:
        return [c for c in self.commands.values()
                if c.state == CommandState.PENDING and (backend is None or c.backend == backend)]

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
                    health.role = message.role
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
        if changes:
            for listener in list(self._listeners):
                listener(changes)
        return changes

    def _health(self, backend: str) -> BackendHealth:
        if backend not in self.health:
            self.health[backend] = BackendHealth(backend)
        return self.health[backend]

    def escalation_row(self, backend: str, escalation_id: str) -> int | None:
        return self._escalation_row.get((backend, escalation_id))

    def _apply_snapshot(self, message: SnapshotLoaded, changes: Changes) -> None:
        backend = message.backend
        self.escalations = [e for e in self.escalations if e[0] != backend] + [(backend, e) for e in message.escalations]
        self._escalation_row = {(b, e.id): row for row, (b, e) in enumerate(self.escalations)}
        changes.escalations_reset = True
        self.courts = {key: c for key, c in self.courts.items() if key[0] != backend}
        self.courts.update(((backend, c.id), c) for c in message.courts)
        self.teams = [t for t in self.teams if t.backend != backend] + list(message.teams)
        self._team_row = {(t.backend, t.id): row for row, t in enumerate(self.teams)}
        changes.teams_reset = changes.courts_changed = changes.positions_moved = True
        changes.team_rows.clear()

    def _apply_escalation(self, backend: str, escalation: Escalation, changes: Changes) -> None:
        row = self._escalation_row.get((backend, escalation.id))
        if row is None:
            row = len(self.escalations)
            self.escalations.append((backend, escalation))
            self._escalation_row[(backend, escalation.id)] = row
        elif escalation.version < self.escalations[row][1].version:
            return  # an older state that arrived late
        else:
            self.escalations[row] = (backend, escalation)
        if not changes.escalations_reset:
            changes.escalation_rows.add(row)

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
        if isinstance(update, Escalation):
            self._apply_escalation(message.backend, update, changes)
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
            changes.positions_moved = True
        elif isinstance(update, TeamStatusChange):
            if update.version < team.version:
                return
            team.status, team.status_since, team.version = update.status, update.since, update.version
        if not changes.teams_reset:
            changes.team_rows.add(row)
