"""The case work a backend publishes beside its teams: cases on their process nodes, tasks given to
teams, asset-query batches, the freezes and deductions ordered on their hits, the approvals that
wait for a supervisor, messages to teams, and the KPIs. Strict decoders, as in `console.domain`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from console.decoding import (
    MAX_ID_LENGTH,
    DecodeError,
    integer,
    listed,
    number,
    one_of,
    optional_text,
    optional_timestamp,
    required,
    text,
    timestamp,
)

MAX_AMOUNT = 1e13  # yuan: above any case's sum, below where a float stops counting fen
MAX_CHECK_IN_MINUTES = 120  # the longest interval between a team's check-ins on scene (API 1.6)

CASE_STATUSES = frozenset({"open", "closed"})
TASK_STATES = frozenset({"assigned", "accepted", "en_route", "on_scene", "done", "failed", "cancelled"})
TASK_OPEN_STATES = frozenset({"assigned", "accepted", "en_route", "on_scene"})
QUERY_STATES = frozenset({"running", "completed"})
RESULT_STATES = frozenset({"pending", "sent", "answered", "failed", "timed_out"})
MEASURE_KINDS = frozenset({"freeze", "deduct", "seal_up", "seize"})
MEASURE_STATES = frozenset({"awaiting_approval", "sent", "done", "failed", "rejected", "lapsed"})
APPROVAL_KINDS = MEASURE_KINDS | {"detention", "fine", "compel"}
MONEY_MEASURES = ("freeze", "deduct")  # what a backend before 1.2 took on any hit
COERCION_KINDS = frozenset({"detention", "fine", "compel"})  # decided by a president (DOMAIN.md, Coercion)
# The law's limits (DOMAIN.md, Coercion), for a backend that does not say its own in /me.
MAX_DETENTION_DAYS = 15
MAX_FINE_PERSON_YUAN = 100_000
FINE_ORGANISATION_YUAN = (50_000, 1_000_000)
APPROVAL_STATES = frozenset({"pending", "approved", "rejected"})
MESSAGE_STATES = frozenset({"sent", "delivered", "read"})
SUPERVISION_STATES = frozenset({"issued", "replied", "accepted", "returned"})


@dataclass(frozen=True, slots=True)
class Case:
    id: str
    number: str
    court_id: str
    kind: str
    track: str
    applicant: str
    respondent: str
    respondent_type: str  # person or company
    amount_sought: float
    amount_realised: float
    officer: str
    filed_at: float
    deadline: float
    status: str
    node: str  # a process node's code (console.catalogue.NODES)
    node_entered_at: float
    node_deadline: float | None
    overdue: bool
    tags: tuple[str, ...]
    flags: tuple[str, ...]
    lon: float
    lat: float
    version: int
    resumed_from: str | None = None  # the 终本 case this 执恢 case resumes
    resumed_as: str | None = None  # the 执恢 case that resumed this 终本 case
    warnings: WarningMoments | None = None  # None: a backend before 1.4

    @property
    def outstanding(self) -> float:
        """What the case still owes: the sum sought less what was realised."""
        return round(self.amount_sought - self.amount_realised, 2)


@dataclass(frozen=True, slots=True)
class WarningMoments:
    """When each process warning (流程预警) of a case begins, as its backend worked them out from
    its node's limit and its last activity; None where one cannot (`console.process_warnings`)."""

    due_soon_at: float | None
    overdue_at: float | None
    seriously_overdue_at: float | None
    idle_at: float | None
    last_activity_at: float


@dataclass(frozen=True, slots=True)
class NodeVisit:
    """One stay of a case at a process node, from the case's detail."""

    node: str
    entered_at: float
    left_at: float | None
    deadline: float | None
    overdue: bool


@dataclass(frozen=True, slots=True)
class Step:
    state: str
    at: float
    by: str
    note: str


@dataclass(frozen=True, slots=True)
class Task:
    id: str
    case_id: str
    team_id: str
    court_id: str
    kind: str
    state: str
    target_lon: float
    target_lat: float
    created_by: str
    created_at: float
    updated_at: float
    note: str
    history: tuple[Step, ...]
    version: int
    # The check-in ladder on scene (API 1.6; None from an earlier backend): how often, when the next
    # is due, since when one is missed, and the last made.
    checkin_every_min: int | None = None
    checkin_due_at: float | None = None
    checkin_missed_at: float | None = None
    last_check_in_at: float | None = None

    @property
    def open(self) -> bool:
        return self.state in TASK_OPEN_STATES


@dataclass(frozen=True, slots=True)
class QueryResult:
    """One institution's answer within a query batch."""

    id: str
    institution: str
    category: str
    state: str
    answered_at: float | None
    hit: bool | None
    finding: str
    value: float | None  # an account's balance; None for property, which 询价 or 评估 values
    measures: tuple[str, ...]
    asset: str = ""  # deposit, real_estate, …; "" from a backend before 1.2
    takes: tuple[str, ...] = MONEY_MEASURES  # the measures its asset takes (none for information)


@dataclass(frozen=True, slots=True)
class Query:
    id: str
    case_id: str
    court_id: str
    respondent: str
    channel: str
    categories: tuple[str, ...]
    state: str
    created_by: str
    created_at: float
    completed_at: float | None
    results: tuple[QueryResult, ...]
    version: int

    @property
    def answered(self) -> int:
        return sum(1 for r in self.results if r.state in ("answered", "failed", "timed_out"))

    @property
    def hits(self) -> tuple[QueryResult, ...]:
        return tuple(r for r in self.results if r.hit)


@dataclass(frozen=True, slots=True)
class QueryProgress:
    """A `query.progress` event: one result of a batch moved on."""

    query_id: str
    case_id: str
    state: str
    completed_at: float | None
    result: QueryResult
    version: int


@dataclass(frozen=True, slots=True)
class Measure:
    """A measure ordered on a query's hit: money frozen or deducted by its amount, property sealed
    up or seized whole (no amount); a control measure holds until `expires_at`, then lapses unless
    renewed."""

    id: str
    kind: str
    query_id: str
    result_id: str
    case_id: str
    institution: str
    amount: float | None
    done_amount: float | None
    state: str
    requested_by: str
    approval_id: str | None
    updated_at: float
    version: int
    asset: str = ""
    reason: str = ""
    expires_at: float | None = None
    renewable_from: float | None = None

    @property
    def holding(self) -> bool:
        """Whether it holds its asset now, and so can be renewed."""
        return self.state == "done" and self.expires_at is not None


SETTLED_WITHOUT_EFFECT = ("rejected", "failed", "lapsed")


def already_ordered(measures: Iterable[Measure], query_id: str, result_id: str, kind: str) -> float:
    """What the freezes (or deductions) on a hit already claim: a backend refuses any beyond its value."""
    return round(
        sum(
            m.amount or 0.0
            for m in measures
            if (m.query_id, m.result_id, m.kind) == (query_id, result_id, kind)
            and m.state not in SETTLED_WITHOUT_EFFECT
        ),
        2,
    )


def deducting(measures: Iterable[Measure]) -> float:
    """The money a case's deductions (`measures`, all of the case's) still under way will take:
    a backend counts it as owed no longer."""
    return round(
        sum(m.amount or 0.0 for m in measures if m.kind == "deduct" and m.state in ("awaiting_approval", "sent")), 2
    )


def frozen(measures: Iterable[Measure]) -> float:
    """The money a case's freezes (`measures`, all of the case's) hold now, less what was deducted
    from the frozen accounts: what a backend counts against what the case still owes (超标的)."""
    measures = list(measures)
    held: dict[tuple[str, str], float] = {}
    for m in measures:
        if m.kind == "freeze" and m.state not in SETTLED_WITHOUT_EFFECT:
            held[m.query_id, m.result_id] = held.get((m.query_id, m.result_id), 0.0) + (m.amount or 0.0)
    for m in measures:
        if m.kind == "deduct" and m.state == "done" and (m.query_id, m.result_id) in held:
            held[m.query_id, m.result_id] -= m.done_amount or 0.0
    return round(sum(max(0.0, amount) for amount in held.values()), 2)


@dataclass(frozen=True, slots=True)
class Approval:
    id: str
    kind: str
    subject_id: str
    case_id: str
    # What is to be approved: the amount and institution of a measure, or who is to be detained, how long, why.
    amount: float | None
    subject: str
    days: int | None
    reason: str
    state: str
    requested_by: str
    requested_at: float
    decided_by: str | None
    decided_at: float | None
    note: str
    version: int
    emergency: bool = False  # a detention made on the spot, its approval completed after (补办)


@dataclass(frozen=True, slots=True)
class SupervisionOrder:
    """督办: a higher court's order to a court below it on some of its cases, with a requirement and
    a deadline; replied to by the court addressed, accepted or returned by the court that issued it."""

    id: str
    number: str
    issuer_court_id: str
    court_id: str  # the court addressed
    case_id: str  # the first of `case_ids`
    case_ids: tuple[str, ...]
    requirement: str
    deadline: float
    state: str  # issued, replied, accepted, returned
    issued_by: str
    issued_at: float
    reply: str
    replied_by: str | None
    closed_at: float | None
    overdue: bool
    history: tuple[Step, ...]
    version: int

    @property
    def awaiting_reply(self) -> bool:
        return self.state in ("issued", "returned")


@dataclass(frozen=True, slots=True)
class Message:
    id: str
    team_id: str
    text: str
    sent_at: float
    state: str
    version: int


@dataclass(frozen=True, slots=True)
class Kpis:
    computed_at: float
    received_per_day: tuple[tuple[str, int], ...]  # (date, count), oldest first
    closed_per_day: tuple[tuple[str, int], ...]
    open_cases: int
    closed_cases: int
    actual_closure_rate: float | None
    money_sought: float
    money_realised: float
    overdue_nodes: int
    overdue_nodes_by_court: tuple[tuple[str, int], ...]  # (court id, count), most first
    teams_by_status: dict[str, int]
    open_escalations_by_severity: dict[str, int]
    open_escalations_by_age: dict[str, int]  # age band → count, youngest band first


def _words(record: dict, name: str) -> tuple[str, ...]:
    values = listed(record, name, 50)
    if not all(isinstance(v, str) and 0 < len(v) <= MAX_ID_LENGTH for v in values):
        raise DecodeError(f"{name!r} must be a list of short strings")
    return tuple(values)


def optional_note(record: dict, name: str) -> str:
    """A note that may be absent or null: "" then."""
    value = record.get(name) if isinstance(record, dict) else None
    if value is None:
        return ""
    if not isinstance(value, str) or len(value) > 2000:
        raise DecodeError(f"{name!r} must be a string of at most 2000 characters")
    return value


def _place(record: dict, name: str) -> tuple[float, float]:
    place = required(record, name)
    return number(place, "lon", -180.0, 180.0), number(place, "lat", -90.0, 90.0)


def _party(record: dict, name: str) -> tuple[str, str]:
    party = required(record, name)
    return text(party, "name", 200), one_of(party, "type", frozenset({"person", "company"}))


def _amount(record: dict, name: str) -> float:
    return number(record, name, 0.0, MAX_AMOUNT)


def _boolean(record: dict, name: str) -> bool:
    value = required(record, name)
    if not isinstance(value, bool):
        raise DecodeError(f"{name!r} must be true or false")
    return value


def decode_steps(record: dict) -> tuple[Step, ...]:
    return tuple(
        Step(text(s, "state", 64), timestamp(s, "at"), text(s, "by", MAX_ID_LENGTH), optional_note(s, "note"))
        for s in listed(record, "history")
    )


def decode_case(record: dict) -> Case:
    applicant, _ = _party(record, "applicant")
    respondent, respondent_type = _party(record, "respondent")
    lon, lat = _place(record, "location")
    return Case(
        id=text(record, "id", MAX_ID_LENGTH),
        number=text(record, "number", 200),
        court_id=text(record, "court_id", MAX_ID_LENGTH),
        kind=text(record, "kind", 64),
        track=text(record, "track", 64),
        applicant=applicant,
        respondent=respondent,
        respondent_type=respondent_type,
        amount_sought=_amount(record, "amount_sought"),
        amount_realised=_amount(record, "amount_realised"),
        officer=text(record, "officer", 64),
        filed_at=timestamp(record, "filed_at"),
        deadline=timestamp(record, "deadline"),
        status=one_of(record, "status", CASE_STATUSES),
        node=text(record, "node", 64),
        node_entered_at=timestamp(record, "node_entered_at"),
        node_deadline=optional_timestamp(record, "node_deadline"),
        overdue=_boolean(record, "overdue"),
        tags=_words(record, "tags"),
        flags=_words(record, "flags"),
        lon=lon,
        lat=lat,
        version=integer(record, "version"),
        resumed_from=optional_text(record, "resumed_from"),
        resumed_as=optional_text(record, "resumed_as"),
        warnings=_warning_moments(record),
    )


def _warning_moments(record: dict) -> WarningMoments | None:
    moments = record.get("warnings")
    if moments is None:
        return None
    if not isinstance(moments, dict):
        raise DecodeError("'warnings' must be an object")
    return WarningMoments(
        optional_timestamp(moments, "due_soon_at"),
        optional_timestamp(moments, "overdue_at"),
        optional_timestamp(moments, "seriously_overdue_at"),
        optional_timestamp(moments, "idle_at"),
        timestamp(record, "last_activity_at"),
    )


def decode_case_history(record: dict) -> tuple[NodeVisit, ...]:
    """The node history of a case's detail (`GET /cases/{id}`)."""
    return tuple(
        NodeVisit(
            text(v, "node", 64),
            timestamp(v, "entered_at"),
            optional_timestamp(v, "left_at"),
            optional_timestamp(v, "deadline"),
            _boolean(v, "overdue"),
        )
        for v in listed(record, "history")
    )


def decode_task(record: dict) -> Task:
    lon, lat = _place(record, "target")
    return Task(
        id=text(record, "id", MAX_ID_LENGTH),
        case_id=text(record, "case_id", MAX_ID_LENGTH),
        team_id=text(record, "team_id", MAX_ID_LENGTH),
        court_id=text(record, "court_id", MAX_ID_LENGTH),
        kind=text(record, "kind", 64),
        state=one_of(record, "state", TASK_STATES),
        target_lon=lon,
        target_lat=lat,
        created_by=text(record, "created_by", MAX_ID_LENGTH),
        created_at=timestamp(record, "created_at"),
        updated_at=timestamp(record, "updated_at"),
        note=optional_note(record, "note"),
        history=decode_steps(record),
        version=integer(record, "version"),
        **_check_ins(record),
    )


def _check_ins(record: dict) -> dict:
    """A task's check-in ladder, from a backend that keeps one (1.6)."""
    if "checkin_every_min" not in record:
        return {}
    made = listed(record, "check_ins")
    for check_in in made:
        if not isinstance(check_in, dict):
            raise DecodeError("'check_ins' must be objects")
        text(check_in, "by", MAX_ID_LENGTH)
    minutes = integer(record, "checkin_every_min")
    if not 1 <= minutes <= MAX_CHECK_IN_MINUTES:
        raise DecodeError(f"'checkin_every_min' must be 1 to {MAX_CHECK_IN_MINUTES}")
    return {
        "checkin_every_min": minutes,
        "checkin_due_at": optional_timestamp(record, "checkin_due_at"),
        "checkin_missed_at": optional_timestamp(record, "checkin_missed_at"),
        "last_check_in_at": timestamp(made[-1], "at") if made else None,
    }


def decode_query_result(record: dict) -> QueryResult:
    hit = required(record, "hit")
    if hit is not None and not isinstance(hit, bool):
        raise DecodeError("'hit' must be true, false or null")
    finding = required(record, "finding")
    if finding is not None and not isinstance(finding, dict):
        raise DecodeError("'finding' must be an object or null")
    return QueryResult(
        id=text(record, "id", MAX_ID_LENGTH),
        institution=text(record, "institution", 200),
        category=text(record, "category", 64),
        state=one_of(record, "state", RESULT_STATES),
        answered_at=optional_timestamp(record, "answered_at"),
        hit=hit,
        finding="" if finding is None else text(finding, "description", 500),
        value=None if finding is None or finding.get("value") is None else _amount(finding, "value"),
        measures=_words(record, "measures"),
        asset="" if finding is None or "asset" not in finding else text(finding, "asset", 64),
        takes=MONEY_MEASURES if finding is None or "measures" not in finding else _words(finding, "measures"),
    )


def decode_query(record: dict) -> Query:
    respondent, _ = _party(record, "respondent")
    return Query(
        id=text(record, "id", MAX_ID_LENGTH),
        case_id=text(record, "case_id", MAX_ID_LENGTH),
        court_id=text(record, "court_id", MAX_ID_LENGTH),
        respondent=respondent,
        channel=text(record, "channel", 64),
        categories=_words(record, "categories"),
        state=one_of(record, "state", QUERY_STATES),
        created_by=text(record, "created_by", MAX_ID_LENGTH),
        created_at=timestamp(record, "created_at"),
        completed_at=optional_timestamp(record, "completed_at"),
        results=tuple(decode_query_result(r) for r in listed(record, "results")),
        version=integer(record, "version"),
    )


def decode_query_progress(record: dict) -> QueryProgress:
    return QueryProgress(
        query_id=text(record, "query_id", MAX_ID_LENGTH),
        case_id=text(record, "case_id", MAX_ID_LENGTH),
        state=one_of(record, "state", QUERY_STATES),
        completed_at=optional_timestamp(record, "completed_at"),
        result=decode_query_result(required(record, "result")),
        version=integer(record, "version"),
    )


def decode_measure(record: dict) -> Measure:
    done_amount = record.get("done_amount") if isinstance(record, dict) else None
    return Measure(
        id=text(record, "id", MAX_ID_LENGTH),
        kind=one_of(record, "kind", MEASURE_KINDS),
        query_id=text(record, "query_id", MAX_ID_LENGTH),
        result_id=text(record, "result_id", MAX_ID_LENGTH),
        case_id=text(record, "case_id", MAX_ID_LENGTH),
        institution=text(record, "institution", 200),
        amount=None if record.get("amount") is None else _amount(record, "amount"),
        done_amount=None if done_amount is None else _amount(record, "done_amount"),
        state=one_of(record, "state", MEASURE_STATES),
        requested_by=text(record, "requested_by", MAX_ID_LENGTH),
        approval_id=optional_text(record, "approval_id"),
        updated_at=timestamp(record, "updated_at"),
        version=integer(record, "version"),
        asset="" if record.get("asset") is None else text(record, "asset", 64),
        reason=optional_note(record, "reason"),
        expires_at=optional_timestamp(record, "expires_at"),
        renewable_from=optional_timestamp(record, "renewable_from"),
    )


def _subject(details: dict) -> str:
    """Whom an approval is about: a measure's institution, or a coercion's person ("" when neither;
    a field sent as null is not there)."""
    for key in ("institution", "person"):
        if details.get(key) is not None:
            return text(details, key, 200)
    return ""


def decode_approval(record: dict) -> Approval:
    details = required(record, "details")
    if not isinstance(details, dict):
        raise DecodeError("'details' must be an object")
    return Approval(
        id=text(record, "id", MAX_ID_LENGTH),
        kind=one_of(record, "kind", APPROVAL_KINDS),
        subject_id=text(record, "subject_id", MAX_ID_LENGTH),
        case_id=text(record, "case_id", MAX_ID_LENGTH),
        amount=None if details.get("amount") is None else _amount(details, "amount"),
        subject=_subject(details),
        days=None if details.get("days") is None else integer(details, "days"),
        reason=optional_note(details, "reason"),
        state=one_of(record, "state", APPROVAL_STATES),
        requested_by=text(record, "requested_by", MAX_ID_LENGTH),
        requested_at=timestamp(record, "requested_at"),
        decided_by=optional_text(record, "decided_by"),
        decided_at=optional_timestamp(record, "decided_at"),
        note=optional_note(record, "note"),
        version=integer(record, "version"),
        emergency=details.get("emergency") is True,
    )


def decode_supervision_order(record: dict) -> SupervisionOrder:
    case_ids = listed(record, "case_ids", 100)
    if not case_ids or not all(isinstance(c, str) and 0 < len(c) <= MAX_ID_LENGTH for c in case_ids):
        raise DecodeError("'case_ids' must be a list of case ids")
    return SupervisionOrder(
        id=text(record, "id", MAX_ID_LENGTH),
        number=text(record, "number", 200),
        issuer_court_id=text(record, "issuer_court_id", MAX_ID_LENGTH),
        court_id=text(record, "court_id", MAX_ID_LENGTH),
        case_id=text(record, "case_id", MAX_ID_LENGTH),
        case_ids=tuple(case_ids),
        requirement=text(record, "requirement", 500),
        deadline=timestamp(record, "deadline"),
        state=one_of(record, "state", SUPERVISION_STATES),
        issued_by=text(record, "issued_by", MAX_ID_LENGTH),
        issued_at=timestamp(record, "issued_at"),
        reply=optional_note(record, "reply"),
        replied_by=optional_text(record, "replied_by"),
        closed_at=optional_timestamp(record, "closed_at"),
        overdue=_boolean(record, "overdue"),
        history=decode_steps(record),
        version=integer(record, "version"),
    )


def decode_message(record: dict) -> Message:
    return Message(
        id=text(record, "id", MAX_ID_LENGTH),
        team_id=text(record, "team_id", MAX_ID_LENGTH),
        text=text(record, "text", 500),
        sent_at=timestamp(record, "sent_at"),
        state=one_of(record, "state", MESSAGE_STATES),
        version=integer(record, "version"),
    )


def _counts(record: dict, name: str) -> dict[str, int]:
    """A KPI's counts by key; an entry that is not a count is skipped alone (a newer backend's)."""
    value = required(record, name)
    if not isinstance(value, dict) or len(value) > 100:
        raise DecodeError(f"{name!r} must be an object of at most 100 counts")
    return {str(key)[:64]: count for key in value if (count := _or_none(integer, value, key)) is not None}


def _series(record: dict, name: str, key: str) -> tuple[tuple[str, int], ...]:
    """A KPI's series of (key, count) points; a point that is not one is skipped alone."""
    points = (
        _or_none(lambda point: (text(point, key, MAX_ID_LENGTH), integer(point, "count")), p)
        for p in listed(record, name, 400)
    )
    return tuple(point for point in points if point is not None)


def _or_none(decode: Callable, *args):
    """What `decode(*args)` gives, or None when it refuses."""
    try:
        return decode(*args)
    except DecodeError:
        return None


def _rate(record: dict, name: str) -> float | None:
    return None if record.get(name) is None else number(record, name, 0.0, 1.0)


def decode_kpis(record: dict) -> Kpis:
    return Kpis(
        computed_at=timestamp(record, "computed_at"),
        received_per_day=_series(record, "cases_received_per_day", "date"),
        closed_per_day=_series(record, "cases_closed_per_day", "date"),
        open_cases=integer(record, "open_cases"),
        closed_cases=integer(record, "closed_cases"),
        actual_closure_rate=_rate(record, "actual_closure_rate"),
        money_sought=_amount(record, "money_sought"),
        money_realised=_amount(record, "money_realised"),
        overdue_nodes=integer(record, "overdue_nodes"),
        overdue_nodes_by_court=_series(record, "overdue_nodes_by_court", "court_id"),
        teams_by_status=_counts(record, "teams_by_status"),
        open_escalations_by_severity=_counts(record, "open_escalations_by_severity"),
        open_escalations_by_age=_counts(record, "open_escalations_by_age"),
    )


def is_above(store_courts, backend: str, upper_id: str, court_id: str) -> bool:
    """Whether court `upper_id` of `backend` is above `court_id` (its parent, or higher): the courts
    a supervisor there may issue a 督办 to. `store_courts`: the store's courts."""
    court = store_courts.get(backend, court_id)
    while court is not None and court.parent_id is not None:
        if court.parent_id == upper_id:
            return True
        court = store_courts.get(backend, court.parent_id)
    return False
