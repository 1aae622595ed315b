"""Domain types as the console holds them, and strict decoders from the API's JSON.

A decoder either returns a well-formed object or raises `DecodeError` saying what was wrong; the
sync engine drops such a record and counts it, so one bad record never stops the rest.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from console.decoding import (
    MAX_ID_LENGTH,
    DecodeError,
    enum_value,
    integer,
    number,
    optional_text,
    optional_timestamp,
    required,
    text,
    timestamp,
)

# A team that has sent no position for this long is out of contact: it cannot be reached or sent.
LOST_CONTACT_S = 90.0
MAX_NOTE_LENGTH = 2000
CREW_ROLES = frozenset({"judge", "assistant", "clerk", "bailiff"})  # 执行法官, 法官助理, 书记员, 法警
BAILIFF_TASKS = frozenset({"detain", "compel"})  # they take a person: only a team with judicial police goes
# A fix stamped further ahead than clocks drift apart is a broken one: kept, it would hide every
# true fix after it (they would look older) and keep the team from ever showing out of contact.
MAX_CLOCK_AHEAD_S = 3600.0


def out_of_contact(last_fix_at: float | np.ndarray, now: float) -> bool | np.ndarray:
    """Whether a team whose last fix was at `last_fix_at` is out of contact at `now` (for many teams
    at once, given an array of fix times)."""
    return now - last_fix_at > LOST_CONTACT_S


class TeamStatus(StrEnum):
    STANDBY = "standby"
    EN_ROUTE = "en_route"
    ON_SCENE = "on_scene"
    OPERATING = "operating"
    RETURNING = "returning"
    OFF_DUTY = "off_duty"
    EMERGENCY = "emergency"


class Severity(StrEnum):
    P1 = "P1"
    P2 = "P2"
    P3 = "P3"
    P4 = "P4"


class EscalationState(StrEnum):
    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    ESCALATED = "escalated"
    RESOLVED = "resolved"


class CourtLevel(StrEnum):
    HIGH = "high"
    INTERMEDIATE = "intermediate"
    BASIC = "basic"


@dataclass(frozen=True, slots=True)
class Court:
    id: str
    name: str
    level: CourtLevel
    parent_id: str | None
    lon: float
    lat: float
    version: int


@dataclass(frozen=True, slots=True)
class Team:
    """A field team as its backend last described it; where it is lives beside it, in the store's
    position arrays (a position event moves the team without making a new one)."""

    id: str
    name: str
    court_id: str
    members: tuple[str, ...]
    vehicle: str
    status: TeamStatus
    status_since: float
    task_id: str | None
    version: int
    roles: tuple[str, ...] = ()  # each member's role (`CREW_ROLES`; "" when unknown); none from a backend before 1.3

    @property
    def has_bailiff(self) -> bool | None:
        """Whether judicial police (法警) are on the team; None when the backend does not say."""
        return "bailiff" in self.roles if self.roles else None


@dataclass(frozen=True, slots=True)
class TeamPosition:
    """A `team.position` event: where a team is, also its heartbeat."""

    team_id: str
    lon: float
    lat: float
    heading: float
    speed_kmh: float
    at: float
    version: int | None = None  # the team's, when the backend tells it (a heartbeat moves it on)


@dataclass(frozen=True, slots=True)
class TeamStatusChange:
    """A `team.status` event."""

    team_id: str
    status: TeamStatus
    since: float
    task_id: str | None
    version: int


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    at: float
    actor: str
    action: str
    state: str
    note: str


@dataclass(frozen=True, slots=True)
class Escalation:
    """An escalation as its backend last described it (`escalation.raised` / `.updated` events)."""

    id: str
    kind: str
    title: str
    severity: Severity
    state: EscalationState
    court_id: str
    case_id: str | None
    team_id: str | None
    lon: float | None
    lat: float | None
    raised_at: float
    ack_deadline: float
    owner: str | None
    escalated_to: str | None
    resolved_at: float | None
    timeline: tuple[TimelineEntry, ...]
    version: int


def decode_court(record: dict) -> Court:
    return Court(
        id=text(record, "id", MAX_ID_LENGTH),
        name=text(record, "name"),
        level=enum_value(record, "level", CourtLevel),
        parent_id=optional_text(record, "parent_id"),
        lon=number(record, "lon", -180.0, 180.0),
        lat=number(record, "lat", -90.0, 90.0),
        version=integer(record, "version"),
    )


def decode_team_position(record: dict, id_field: str = "team_id") -> TeamPosition:
    at = timestamp(record, "at")
    if at > time.time() + MAX_CLOCK_AHEAD_S:
        raise DecodeError("'at' is more than an hour ahead of this machine's clock")
    return TeamPosition(
        team_id=text(record, id_field, MAX_ID_LENGTH),
        lon=number(record, "lon", -180.0, 180.0),
        lat=number(record, "lat", -90.0, 90.0),
        heading=number(record, "heading", 0.0, 360.0),
        speed_kmh=number(record, "speed_kmh", 0.0, 1000.0),
        at=at,
        version=None if record.get("version") is None else integer(record, "version"),
    )


def decode_team(record: dict) -> tuple[Team, TeamPosition]:
    """A team of a snapshot, and where it was then."""
    members = required(record, "members")
    if (
        not isinstance(members, list)
        or len(members) > 50
        or not all(isinstance(m, str) and len(m) <= 64 for m in members)
    ):
        raise DecodeError("'members' must be a list of at most 50 names")
    position = required(record, "position")
    if not isinstance(position, dict):
        raise DecodeError("'position' must be an object")
    crew = record.get("crew") or []
    if not isinstance(crew, list) or len(crew) > 50 or not all(isinstance(m, dict) for m in crew):
        raise DecodeError("'crew' must be a list of at most 50 members")
    roles = tuple(m["role"] if isinstance(m.get("role"), str) and m["role"] in CREW_ROLES else "" for m in crew)
    team_id = text(record, "id", MAX_ID_LENGTH)
    team = Team(
        id=team_id,
        name=text(record, "name"),
        court_id=text(record, "court_id", MAX_ID_LENGTH),
        members=tuple(members),
        vehicle=text(record, "vehicle", 64),
        status=enum_value(record, "status", TeamStatus),
        status_since=timestamp(record, "status_since"),
        task_id=optional_text(record, "task_id"),
        version=integer(record, "version"),
        roles=roles if len(roles) == len(members) else (),
    )
    return team, decode_team_position({**position, "team_id": team_id})


def decode_team_status(record: dict) -> TeamStatusChange:
    return TeamStatusChange(
        team_id=text(record, "team_id", MAX_ID_LENGTH),
        status=enum_value(record, "status", TeamStatus),
        since=timestamp(record, "since"),
        task_id=optional_text(record, "task_id"),
        version=integer(record, "version"),
    )


def _note(step: dict) -> str:
    note = step.get("note")
    if note is None:
        return ""
    if not isinstance(note, str) or len(note) > MAX_NOTE_LENGTH:
        raise DecodeError(f"a timeline note must be a string of at most {MAX_NOTE_LENGTH} characters")
    return note


def decode_escalation(record: dict) -> Escalation:
    location = record.get("location") if isinstance(record, dict) else None
    if location is not None and not isinstance(location, dict):
        raise DecodeError("'location' must be an object or null")
    timeline = required(record, "timeline")
    if not isinstance(timeline, list) or len(timeline) > 1000:
        raise DecodeError("'timeline' must be a list of at most 1000 steps")
    return Escalation(
        id=text(record, "id", MAX_ID_LENGTH),
        kind=text(record, "kind", MAX_ID_LENGTH),
        title=text(record, "title"),
        severity=enum_value(record, "severity", Severity),
        state=enum_value(record, "state", EscalationState),
        court_id=text(record, "court_id", MAX_ID_LENGTH),
        case_id=optional_text(record, "case_id"),
        team_id=optional_text(record, "team_id"),
        lon=None if location is None else number(location, "lon", -180.0, 180.0),
        lat=None if location is None else number(location, "lat", -90.0, 90.0),
        raised_at=timestamp(record, "raised_at"),
        ack_deadline=timestamp(record, "ack_deadline"),
        owner=optional_text(record, "owner"),
        escalated_to=optional_text(record, "escalated_to"),
        resolved_at=optional_timestamp(record, "resolved_at"),
        timeline=tuple(
            TimelineEntry(
                timestamp(step, "at"),
                text(step, "actor", MAX_ID_LENGTH),
                text(step, "action", 200),
                text(step, "state", 64),
                _note(step),
            )
            for step in timeline
        ),
        version=integer(record, "version"),
    )
