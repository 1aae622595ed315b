"""Domain types as the console holds them, and strict decoders from the API's JSON.

A decoder either returns a well-formed object or raises `DecodeError` saying what was wrong; the
sync engine drops such a record and counts it, so one bad record never stops the rest.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

MAX_ID_LENGTH = 128
MAX_TEXT_LENGTH = 1024


class DecodeError(ValueError):
    """A record from a backend that does not match the contract."""


class TeamStatus(str, Enum):
    STANDBY = "standby"
    EN_ROUTE = "en_route"
    ON_SCENE = "on_scene"
    OPERATING = "operating"
    RETURNING = "returning"
    OFF_DUTY = "off_duty"
    EMERGENCY = "emergency"


class Severity(str, Enum):
    P1 = "P1"
    P2 = "P2"
    P3 = "P3"
    P4 = "P4"


class EscalationState(str, Enum):
    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    ESCALATED = "escalated"
    RESOLVED = "resolved"


class CourtLevel(str, Enum):
    HIGH = "high"
    INTERMEDIATE = "intermediate"
    BASIC = "basic"


@dataclass(frozen=True, slots=True)
class Court:
    backend: str
    id: str
    name: str
    level: CourtLevel
    parent_id: str | None
    lon: float
    lat: float
    version: int


@dataclass(slots=True)
class Team:
    backend: str
    id: str
    name: str
    court_id: str
    members: tuple[str, ...]
    vehicle: str
    status: TeamStatus
    status_since: float
    lon: float
    lat: float
    heading: float
    speed_kmh: float
    position_at: float
    version: int


@dataclass(frozen=True, slots=True)
class TeamPosition:
    """A `team.position` event: where a team is, also its heartbeat."""

    team_id: str
    lon: float
    lat: float
    heading: float
    speed_kmh: float
    at: float


@dataclass(frozen=True, slots=True)
class TeamStatusChange:
    """A `team.status` event."""

    team_id: str
    status: TeamStatus
    since: float
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


def _field(record: dict, name: str):
    if not isinstance(record, dict):
        raise DecodeError(f"expected an object, got {type(record).__name__}")
    if name not in record:
        raise DecodeError(f"missing field {name!r}")
    return record[name]


def _text(record: dict, name: str, limit: int = MAX_TEXT_LENGTH) -> str:
    value = _field(record, name)
    if not isinstance(value, str) or not value or len(value) > limit:
        raise DecodeError(f"{name!r} must be a non-empty string of at most {limit} characters")
    return value


def _optional_text(record: dict, name: str) -> str | None:
    return None if record.get(name) is None else _text(record, name, MAX_ID_LENGTH)


def _number(record: dict, name: str, low: float, high: float) -> float:
    value = _field(record, name)
    # bool is an int to Python, but `true` is no coordinate.
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or not low <= value <= high:
        raise DecodeError(f"{name!r} must be a number from {low} to {high}")
    return float(value)


def _integer(record: dict, name: str) -> int:
    value = _field(record, name)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise DecodeError(f"{name!r} must be a non-negative integer")
    return value


def _timestamp(record: dict, name: str) -> float:
    value = _field(record, name)
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise DecodeError(f"{name!r} must be an ISO 8601 time") from None
    if moment.tzinfo is None:
        raise DecodeError(f"{name!r} must carry a time zone")
    return moment.timestamp()


def _enum(record: dict, name: str, kind: type[Enum]):
    value = _field(record, name)
    try:
        return kind(value)
    except ValueError:
        raise DecodeError(f"{name!r} has an unknown value {str(value)[:40]!r}") from None


def decode_court(backend: str, record: dict) -> Court:
    return Court(
        backend=backend,
        id=_text(record, "id", MAX_ID_LENGTH),
        name=_text(record, "name"),
        level=_enum(record, "level", CourtLevel),
        parent_id=_optional_text(record, "parent_id"),
        lon=_number(record, "lon", -180.0, 180.0),
        lat=_number(record, "lat", -90.0, 90.0),
        version=_integer(record, "version"),
    )


def decode_team_position(record: dict, id_field: str = "team_id") -> TeamPosition:
    return TeamPosition(
        team_id=_text(record, id_field, MAX_ID_LENGTH),
        lon=_number(record, "lon", -180.0, 180.0),
        lat=_number(record, "lat", -90.0, 90.0),
        heading=_number(record, "heading", 0.0, 360.0),
        speed_kmh=_number(record, "speed_kmh", 0.0, 1000.0),
        at=_timestamp(record, "at"),
    )


def decode_team(backend: str, record: dict) -> Team:
    members = _field(record, "members")
    if not isinstance(members, list) or len(members) > 50 or not all(isinstance(m, str) and len(m) <= 64 for m in members):
        raise DecodeError("'members' must be a list of at most 50 names")
    position = _field(record, "position")
    if not isinstance(position, dict):
        raise DecodeError("'position' must be an object")
    position = decode_team_position({**position, "team_id": _text(record, "id", MAX_ID_LENGTH)})
    return Team(
        backend=backend,
        id=position.team_id,
        name=_text(record, "name"),
        court_id=_text(record, "court_id", MAX_ID_LENGTH),
        members=tuple(members),
        vehicle=_text(record, "vehicle", 64),
        status=_enum(record, "status", TeamStatus),
        status_since=_timestamp(record, "status_since"),
        lon=position.lon,
        lat=position.lat,
        heading=position.heading,
        speed_kmh=position.speed_kmh,
        position_at=position.at,
        version=_integer(record, "version"),
    )


def decode_team_status(record: dict) -> TeamStatusChange:
    return TeamStatusChange(
        team_id=_text(record, "team_id", MAX_ID_LENGTH),
        status=_enum(record, "status", TeamStatus),
        since=_timestamp(record, "since"),
        version=_integer(record, "version"),
    )


def _optional_timestamp(record: dict, name: str) -> float | None:
    return None if record.get(name) is None else _timestamp(record, name)


def decode_escalation(record: dict) -> Escalation:
    location = record.get("location") if isinstance(record, dict) else None
    if location is not None and not isinstance(location, dict):
        raise DecodeError("'location' must be an object or null")
    timeline = _field(record, "timeline")
    if not isinstance(timeline, list) or len(timeline) > 1000:
        raise DecodeError("'timeline' must be a list of at most 1000 steps")
    return Escalation(
        id=_text(record, "id", MAX_ID_LENGTH),
        kind=_text(record, "kind", MAX_ID_LENGTH),
        title=_text(record, "title"),
        severity=_enum(record, "severity", Severity),
        state=_enum(record, "state", EscalationState),
        court_id=_text(record, "court_id", MAX_ID_LENGTH),
        case_id=_optional_text(record, "case_id"),
        team_id=_optional_text(record, "team_id"),
        lon=None if location is None else _number(location, "lon", -180.0, 180.0),
        lat=None if location is None else _number(location, "lat", -90.0, 90.0),
        raised_at=_timestamp(record, "raised_at"),
        ack_deadline=_timestamp(record, "ack_deadline"),
        owner=_optional_text(record, "owner"),
        escalated_to=_optional_text(record, "escalated_to"),
        resolved_at=_optional_timestamp(record, "resolved_at"),
        timeline=tuple(TimelineEntry(_timestamp(step, "at"), _text(step, "actor", MAX_ID_LENGTH), _text(step, "action", 200),
                                     _text(step, "state", 64), step.get("note") if isinstance(step.get("note"), str) else "")
                       for step in timeline),
        version=_integer(record, "version"),
    )


# The event types this console understands, and how each payload is decoded. Other types are
# counted and passed over: a newer backend may publish more than this console knows.
EVENT_DECODERS = {
    "team.position": decode_team_position,
    "team.status": decode_team_status,
    "escalation.raised": decode_escalation,
    "escalation.updated": decode_escalation,
}
