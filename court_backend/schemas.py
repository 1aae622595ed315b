"""The API's request and response bodies, as pydantic models: they validate what clients send and
they are the schemas of the published OpenAPI document."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from court_backend.catalogue import CATEGORIES, CHANNELS, NODES, PERMISSION_MEANINGS, TASK_KINDS

Text = Annotated[str, Field(max_length=2000)]
ShortText = Annotated[str, Field(min_length=1, max_length=500)]
Timestamp = Annotated[str, Field(description="ISO 8601 time in UTC, e.g. 2026-11-27T03:00:00.000Z")]

TaskKind = Enum("TaskKind", {k: k for k in TASK_KINDS}, type=str)
Channel = Enum("Channel", {k: k for k in CHANNELS}, type=str)
Category = Enum("Category", {k: k for k in CATEGORIES}, type=str)
NodeCode = Enum("NodeCode", {n.code: n.code for n in NODES}, type=str)


class Model(BaseModel):
    model_config = ConfigDict(extra="allow")


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


T = TypeVar("T")


class Page(Model, Generic[T]):
    items: list[T]
    cursor: int = Field(
        description="Id of the last event this page reflects: stream from it for no gap and no overlap."
    )
    next_page_token: str | None


class Problem(Model):
    type: str
    title: str
    status: int
    detail: str | None = None


ApiVersion = Annotated[
    str,
    Field(
        pattern=r"^[0-9]+\.[0-9]+$",
        description="MAJOR.MINOR of this contract: a client refuses another major and takes a newer minor",
    ),
]


class Health(Model):
    status: Literal["ok", "stalled"]
    api_version: ApiVersion
    last_event_id: int
    tick_age_s: float | None = Field(description="seconds since the world last moved on (null: a stepped clock)")


class TokenRequest(StrictModel):
    username: Annotated[str, Field(min_length=1, max_length=64)]
    password: Annotated[str, Field(min_length=1, max_length=256)]


Role = Literal["observer", "operator", "supervisor", "president", "admin"]


class Token(Model):
    access_token: str
    token_type: Literal["bearer"]
    role: Role
    expires_in: int


Permission = Enum("Permission", {name: name for name in PERMISSION_MEANINGS}, type=str)


class Limits(Model):
    """The limits the backend enforces on the user's commands."""

    approval_threshold_yuan: float = Field(
        description="a measure that takes its case's measures together above this waits for a supervisor"
    )
    max_detention_days: int = Field(description="the longest judicial detention that may be asked for")
    max_fine_person_yuan: float = Field(description="the largest fine on a person")
    min_fine_organisation_yuan: float = Field(description="the smallest fine on an organisation")
    max_fine_organisation_yuan: float = Field(description="the largest fine on an organisation")
    reveals_per_hour: int = Field(description="reveals of a party's personal data a user may make in an hour")


class Me(Model):
    username: str
    display_name: str
    role: Role
    court_id: str
    court_name: str
    api_version: ApiVersion
    permissions: list[Permission | str] = Field(
        description="What the user may do: the names of `Permission`. "
        + "; ".join(f"`{name}`: {meaning}" for name, meaning in PERMISSION_MEANINGS.items())
        + ". A newer minor version may add names; a client ignores a permission it does not know."
    )
    limits: Limits


class Court(Model):
    id: str
    name: str
    level: Literal["high", "intermediate", "basic"]
    adcode: str
    parent_id: str | None
    lon: float
    lat: float
    version: int


class Position(Model):
    lon: float
    lat: float
    heading: float
    speed_kmh: float
    at: Timestamp


class Team(Model):
    id: str
    name: str
    court_id: str
    members: list[str]
    vehicle: str
    status: Literal["standby", "en_route", "on_scene", "operating", "returning", "off_duty", "emergency"]
    status_since: Timestamp
    task_id: str | None
    position: Position
    version: int


class Party(Model):
    type: Literal["person", "company"]
    name: str
    id_number: str = Field(description="ID number (a company's unified social credit code), masked: 510***********1234")
    phone: str = Field(description="masked: 138****5678")
    address: str = Field(description="masked: the province only")


class RevealedParty(Model):
    """A party's personal data, unmasked (POST /cases/{case_id}/parties/{role}/reveal)."""

    type: Literal["person", "company"]
    name: str
    id_number: str = Field(description="ID number, or a company's unified social credit code")
    phone: str
    address: str


class RevealRequest(StrictModel):
    reason: Annotated[str, Field(max_length=500, description="why the operator needs it; required")] = ""


class Location(Model):
    lon: float
    lat: float


class NodeVisit(Model):
    node: NodeCode
    entered_at: Timestamp
    left_at: Timestamp | None
    deadline: Timestamp | None
    overdue: bool


class Case(Model):
    id: str
    number: str
    court_id: str
    kind: Literal["first", "resumed", "preservation", "non_litigation"]
    track: Literal["simple", "complex"]
    applicant: Party
    respondent: Party
    amount_sought: float
    amount_realised: float
    officer: str
    filed_at: Timestamp
    deadline: Timestamp
    status: Literal["open", "closed"]
    node: NodeCode
    node_entered_at: Timestamp
    node_deadline: Timestamp | None
    overdue: bool
    tags: list[str]
    flags: list[str]
    location: Location
    version: int


class CaseDetail(Case):
    history: list[NodeVisit]


class Step(Model):
    state: str
    at: Timestamp
    by: str
    note: str | None = None


class Task(Model):
    id: str
    case_id: str
    team_id: str
    court_id: str
    kind: TaskKind
    state: Literal["assigned", "accepted", "en_route", "on_scene", "done", "failed", "cancelled"]
    target: Location
    created_by: str
    created_at: Timestamp
    updated_at: Timestamp
    note: str
    history: list[Step]
    version: int


class DispatchRequest(StrictModel):
    case_id: Annotated[str, Field(min_length=1, max_length=64)]
    team_id: Annotated[str, Field(min_length=1, max_length=64)]
    kind: TaskKind
    note: Text = ""


class ReassignRequest(StrictModel):
    team_id: Annotated[str, Field(min_length=1, max_length=64)]
    note: Text = ""


class NoteRequest(StrictModel):
    note: Text = ""


class Message(Model):
    id: str
    team_id: str
    text: str
    sent_at: Timestamp
    state: Literal["sent", "delivered", "read"]
    delivered_at: Timestamp | None
    read_at: Timestamp | None
    version: int


class MessageRequest(StrictModel):
    text: ShortText


class Finding(Model):
    kind: Literal["account", "property"]
    description: str
    value: float


class QueryResult(Model):
    id: str
    institution: str
    category: Category
    state: Literal["pending", "sent", "answered", "failed", "timed_out"]
    sent_at: Timestamp | None
    answered_at: Timestamp | None
    hit: bool | None
    finding: Finding | None
    measures: list[str]


class Query(Model):
    id: str
    case_id: str
    court_id: str
    respondent: Party
    channel: Channel
    categories: list[Category]
    state: Literal["running", "completed"]
    created_by: str
    created_at: Timestamp
    completed_at: Timestamp | None
    results: list[QueryResult]
    counts: dict[str, float]
    version: int


class QueryRequest(StrictModel):
    case_id: Annotated[str, Field(min_length=1, max_length=64)]
    channel: Channel
    categories: Annotated[list[Category], Field(min_length=1, max_length=len(CATEGORIES))]


class MeasureRequest(StrictModel):
    amount: Annotated[float, Field(ge=0.01, le=1e12, description="Yuan to freeze or deduct, in fen (two decimals)")]


class Measure(Model):
    id: str
    kind: Literal["freeze", "deduct"]
    query_id: str
    result_id: str
    case_id: str
    institution: str
    amount: float
    done_amount: float | None
    state: Literal["awaiting_approval", "sent", "done", "failed", "rejected"]
    requested_by: str
    approval_id: str | None
    created_at: Timestamp
    updated_at: Timestamp
    history: list[Step]
    version: int


class Approval(Model):
    id: str
    kind: Literal["freeze", "deduct", "detention", "fine", "compel"]
    subject_type: str
    subject_id: str
    case_id: str
    details: dict
    state: Literal["pending", "approved", "rejected"]
    requested_by: str
    requested_at: Timestamp
    decided_by: str | None
    decided_at: Timestamp | None
    note: str
    version: int


class DetentionRequest(StrictModel):
    kind: Literal["detention"]
    person: Annotated[str, Field(min_length=1, max_length=100)]
    days: Annotated[int, Field(ge=1, le=15, description="Judicial detention: at most 15 days")]
    reason: ShortText


class FineRequest(StrictModel):
    kind: Literal["fine"]
    person: Annotated[str, Field(min_length=1, max_length=100)]
    amount: Annotated[
        float,
        Field(gt=0, le=1_000_000, description="Yuan: a person up to 100,000; an organisation 50,000 to 1,000,000"),
    ]
    reason: ShortText


class CompelRequest(StrictModel):
    kind: Literal["compel"]
    person: Annotated[str, Field(min_length=1, max_length=100)]
    reason: ShortText


CoercionRequest = Annotated[DetentionRequest | FineRequest | CompelRequest, Field(discriminator="kind")]


class TimelineEntry(Model):
    at: Timestamp
    actor: str
    action: str
    state: str
    note: str


class Escalation(Model):
    id: str
    kind: str
    title: str
    severity: Literal["P1", "P2", "P3", "P4"]
    state: Literal["open", "acknowledged", "escalated", "resolved"]
    source: Literal["team", "system"]
    court_id: str
    case_id: str | None
    team_id: str | None
    location: Location | None
    raised_at: Timestamp
    ack_deadline: Timestamp
    owner: str | None
    escalated_to: Literal["supervisor", "court_above"] | None
    resolved_at: Timestamp | None
    outcome: str | None
    timeline: list[TimelineEntry]
    version: int


class EscalateRequest(StrictModel):
    to: Literal["supervisor", "court_above"]
    reason: ShortText
    note: Text = ""


class ResolveRequest(StrictModel):
    outcome: ShortText
    note: Text = ""


class AuditEntry(Model):
    id: int
    at: Timestamp
    actor: str
    action: str
    object_type: str
    object_id: str
    case_id: str | None
    before: dict | None
    after: dict | None
    request: dict | None
    outcome: str = Field(description="`done`, or the problem type of a refusal (e.g. `forbidden`)")
    prev_hash: str = Field(description="the hash of the entry before, 64 zeros for the first")
    hash: str = Field(description="SHA-256 of this entry without `hash`, as JSON with sorted keys and no spaces")


class AuditVerification(Model):
    ok: bool
    entries: int = Field(description="entries that hold, from the first")
    verified_to: int | None = Field(description="the id of the last entry that holds")
    broken_id: int | None = Field(description="the first entry that does not hold")
    head: str = Field(description="the hash of the last entry that holds")
    checked_at: Timestamp


class AuditPage(Model):
    items: list[AuditEntry]
    next_page_token: str | None


class Kpis(Model):
    computed_at: Timestamp
    cases_received_per_day: list[dict]
    cases_closed_per_day: list[dict]
    open_cases: int
    closed_cases: int
    actual_closure_rate: float | None
    money_sought: float
    money_realised: float
    realisation_rate: float | None
    average_days_to_close: float | None
    closed_within_limit_rate: float | None
    overdue_nodes: int
    overdue_nodes_by_court: list[dict]
    teams_by_status: dict[str, int]
    open_escalations_by_severity: dict[str, int]
    open_escalations_by_age: dict[str, int]


class TeamPositionEvent(Position):
    team_id: str
    version: int  # the team's: a heartbeat changes its position, and so its version


class TeamStatusEvent(Model):
    team_id: str
    status: str
    task_id: str | None
    since: Timestamp
    version: int


class QueryProgressEvent(Model):
    query_id: str
    case_id: str
    state: Literal["running", "completed"]
    completed_at: Timestamp | None = None
    counts: dict[str, float]
    result: QueryResult
    version: int


# Every event type of the stream, and the schema of its JSON data.
EVENT_TYPES: dict[str, tuple[type[BaseModel], str]] = {
    "team.position": (
        TeamPositionEvent,
        "A team's position; also its heartbeat (at least every 30 s while in contact).",
    ),
    "team.status": (TeamStatusEvent, "A team's status changed, or its task."),
    "team.message": (Message, "A message to a team was sent, delivered or read."),
    "task.created": (Task, "A task was assigned to a team."),
    "task.updated": (Task, "A task moved on: accepted, en route, on scene, done, failed, re-tasked or cancelled."),
    "case.node": (Case, "A case entered its next process node."),
    "case.updated": (Case, "A case changed outside its flow (an amount realised, a flag)."),
    "query.created": (Query, "A query batch was launched."),
    "query.progress": (
        QueryProgressEvent,
        "One institution's part of a query batch moved on, or a measure was ordered on "
        "it; each event carries a newer version of the batch.",
    ),
    "measure.created": (Measure, "A freeze or deduction was ordered."),
    "measure.updated": (Measure, "A freeze or deduction moved on."),
    "approval.requested": (Approval, "An action waits for a supervisor's approval."),
    "approval.decided": (Approval, "A supervisor approved or rejected."),
    "escalation.raised": (Escalation, "A team or the system raised an escalation."),
    "escalation.updated": (
        Escalation,
        "An escalation was acknowledged, escalated (by hand or by its deadline) or resolved.",
    ),
    "kpi.updated": (Kpis, "The indicators were recomputed (about once a minute)."),
}
