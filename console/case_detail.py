"""A case's detail, fetched on demand: the case with its node history and its parties (personal
data masked) (`GET /cases/{id}`), its audit trail (`GET /audit?case_id=`), each entry checked
against its hash, and how far the backend's audit chain holds (`GET /audit/verification`), from a
backend the console follows.

The store holds every case but not their histories nor who did what to them; those are asked for
when an operator opens a case. `fetch_case_detail` blocks: run it on a worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.api import ApiError
from console.audit_chain import Verification, decode_verification, first_mismatch
from console.casework import (
    MAX_AMOUNT,
    Case,
    NodeVisit,
    Step,
    decode_case,
    decode_case_history,
    decode_steps,
    optional_note,
)
from console.decoding import (
    MAX_ID_LENGTH,
    DecodeError,
    integer,
    number,
    optional_text,
    optional_timestamp,
    required,
    text,
    timestamp,
)
from console.session import BackendSession

MASKED = ("id_number", "phone", "address")


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One command's trace in the backend's audit log: who did what to which object, and when."""

    id: int
    at: float
    actor: str
    action: str
    object_type: str
    object_id: str
    case_id: str | None
    request: dict  # what the operator asked for, as the command's body said it
    before: dict | None
    after: dict | None
    outcome: str = "done"  # or the problem type of a refusal, whose action is the permission it lacked


@dataclass(frozen=True, slots=True)
class Party:
    """A party as the case view shows it: personal data masked (or "" from a backend without it)."""

    role: str  # applicant or respondent
    type: str
    name: str
    id_number: str
    phone: str
    address: str


# The 终本 conditions an act recorded on the case meets; time meets one, a national query another.
ACT_MEETING = {
    "execution_notice": "execution_notice",
    "asset_report_order": "asset_report_order",
    "traditional_investigation": "traditional_investigation",
    "consumption_restriction": "consumption_restriction",
    "dishonest_listing": "dishonest_listing",
    "applicant_interviewed": "applicant_interview",
}


@dataclass(frozen=True, slots=True)
class Condition:
    """One condition of the 终本 gate (法〔2016〕373号): met, unmet or not required, and its article."""

    condition: str
    state: str
    source: str


@dataclass(frozen=True, slots=True)
class Act:
    """An act recorded on a case besides its nodes: the applicant heard, an investigation on the spot…"""

    act: str
    at: float
    by: str
    note: str


@dataclass(frozen=True, slots=True)
class Termination:
    """A case's 终本 gate: its checklist now while it is open, as it stood at 终本 after; then the
    pool's re-queries."""

    checklist: tuple[Condition, ...]
    decided_at: float | None
    decided_by: str | None
    requeries: int

    @property
    def unmet(self) -> tuple[str, ...]:
        return tuple(item.condition for item in self.checklist if item.state == "unmet")

    @property
    def to_record(self) -> list[str]:
        """The acts an operator can record (`POST /cases/{id}/acts`) to meet what is unmet."""
        return [ACT_MEETING[c] for c in self.unmet if c in ACT_MEETING]


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """Money into the case's account (`kind` received: from `source`) or out of it (paid: to `payee`)."""

    id: str
    kind: str
    amount: float
    at: float
    by: str
    source: str
    payee: str


@dataclass(frozen=True, slots=True)
class ToPayOut:
    """A receipt not yet wholly paid out: what is left of it, and the day it must be paid by."""

    receipt_id: str
    amount: float
    pay_by: float
    overdue: bool


@dataclass(frozen=True, slots=True)
class Ledger:
    """三个一 case funds: the case account's entries, and each receipt still to pay out."""

    entries: tuple[LedgerEntry, ...]
    received: float
    paid: float
    balance: float
    to_pay_out: tuple[ToPayOut, ...]


@dataclass(frozen=True, slots=True)
class Review:
    """复议 at the court above: asked for, then upheld or revoked."""

    state: str
    requested_at: float
    decide_by: float
    number: str


@dataclass(frozen=True, slots=True)
class Coercion:
    """A 拘传, fine or detention on the case: asked for, decided by a president (an emergency
    detention in force first), carried out by a team with judicial police, the family of a detained
    person told within 24 hours, reviewed by the court above on application."""

    id: str
    kind: str
    person: str
    act: str
    reason: str
    days: int | None
    amount: float | None
    emergency: bool
    state: str
    requested_by: str
    requested_at: float
    decided_by: str
    decision_number: str
    task_id: str
    family_notice_due: float | None
    family_notified_at: float | None
    family_notice_overdue: bool
    review_open_until: float | None
    review: Review | None

    @property
    def family_to_tell(self) -> bool:
        return self.family_notice_due is not None and self.family_notified_at is None


@dataclass(frozen=True, slots=True)
class CreditOrder:
    """The respondent listed as dishonest, or restricted in its high consumption or its leaving the
    country: in force until removed or (a listing with a term) expired; published (a listing), and
    answered by the agencies that carry it out."""

    id: str
    kind: str
    ground: str  # "" for a restriction
    source: str  # the article of 法释〔2017〕7号 of the ground
    extra_years: int
    state: str
    ordered_at: float
    ordered_by: str
    expires_at: float | None
    publication: str  # publishing, published, or "" for a restriction
    agencies: tuple[tuple[str, float | None], ...]  # (agency, when it answered)
    ended_at: float | None
    end_reason: str


@dataclass(frozen=True, slots=True)
class Referral:
    """执转破: proposed with a party's consent, transferred to the court that reviews bankruptcy on
    the president's decision, then accepted or refused there."""

    state: str
    consent: str
    court_id: str
    rule_by: float | None
    history: tuple[Step, ...]

    @property
    def suspends(self) -> bool:
        """Whether it suspends the case's enforcement (中止执行): from the transfer on, unless refused."""
        return self.state in ("transferred", "accepted")


@dataclass(frozen=True, slots=True)
class Relief:
    """执行救助 for the applicant: applied, approved or rejected, paid."""

    id: str
    amount: float
    reason: str
    state: str
    history: tuple[Step, ...]


@dataclass(frozen=True, slots=True)
class DisposalRound:
    """One auction (first, second), a sale (变卖) or a taking in payment (以物抵债)."""

    kind: str
    reserve: float
    price: float | None  # None: not sold
    at: float
    by: str


@dataclass(frozen=True, slots=True)
class Disposal:
    """Property valued by 询价 or 评估 and sold as the rules allow (法释〔2016〕18号)."""

    id: str
    asset: str
    item: str
    method: str
    value: float
    report: str
    state: str
    proceeds: float | None  # what it realised on the case; None before it was sold or taken
    next_least_reserve: float | None  # the least reserve (or a sale's least price) next; None once ended
    rounds: tuple[DisposalRound, ...]
    history: tuple[Step, ...]

    @property
    def ended(self) -> bool:
        return self.state in DISPOSAL_ENDED


@dataclass(frozen=True)
class CaseDetail:
    backend: str
    case: Case
    history: tuple[NodeVisit, ...]
    audit: tuple[AuditEntry, ...]
    parties: tuple[Party, ...] = ()
    acts: tuple[Act, ...] = ()
    termination: Termination | None = None  # None: no gate (a 执保 case, one closed otherwise, an older backend)
    ledger: Ledger | None = None  # None: a backend before 1.2
    coercions: tuple[Coercion, ...] | None = None  # None: a backend before 1.3
    credit: tuple[CreditOrder, ...] | None = None  # None: a backend before 1.3
    bankruptcy: Referral | None = None
    relief: tuple[Relief, ...] | None = None  # None: a backend before 1.3
    disposals: tuple[Disposal, ...] | None = None  # None: a backend before 1.4
    audit_records: tuple[dict, ...] = ()  # as the backend sent them, with their hashes: for export
    verification: Verification | None = None  # None: a backend that does not verify its chain
    mismatch: int | None = None  # the first of the case's entries that does not match its hash


def decode_parties(record: dict) -> tuple[Party, ...]:
    parties = []
    for role in ("applicant", "respondent"):
        party = required(record, role)
        said = {key: party.get(key) if isinstance(party.get(key), str) else "" for key in MASKED}
        parties.append(
            Party(role, text(party, "type", 16), text(party, "name", 200), **{k: v[:200] for k, v in said.items()})
        )
    return tuple(parties)


CONDITION_STATES = frozenset({"met", "unmet", "not_required"})


def decode_acts(record: dict) -> tuple[Act, ...]:
    acts = record.get("acts") or []
    if not isinstance(acts, list):
        raise DecodeError("'acts' must be a list")
    return tuple(
        Act(text(a, "act", 64), timestamp(a, "at"), text(a, "by", MAX_ID_LENGTH), optional_note(a, "note"))
        for a in acts
    )


def decode_termination(record: dict) -> Termination | None:
    gate = record.get("termination")
    if gate is None:
        return None
    if not isinstance(gate, dict) or not isinstance(gate.get("checklist"), list):
        raise DecodeError("'termination' must be an object with a checklist")
    checklist = []
    for item in gate["checklist"]:
        state = text(item, "state", 64)
        if state not in CONDITION_STATES:
            raise DecodeError(f"a 终本 condition has an unknown state {state[:40]!r}")
        checklist.append(Condition(text(item, "condition", 64), state, text(item, "source", 200)))
    return Termination(
        tuple(checklist),
        optional_timestamp(gate, "decided_at"),
        optional_text(gate, "decided_by"),
        integer(gate, "requeries"),
    )


LEDGER_KINDS = frozenset({"received", "paid"})


def decode_ledger(record: dict) -> Ledger | None:
    ledger = record.get("ledger")
    if ledger is None:
        return None
    if not isinstance(ledger, dict) or not isinstance(ledger.get("entries"), list):
        raise DecodeError("'ledger' must be an object with entries")
    if not isinstance(ledger.get("to_pay_out"), list):
        raise DecodeError("'ledger' must say what is still to pay out")
    entries = []
    for entry in ledger["entries"]:
        kind = text(entry, "kind", 16)
        if kind not in LEDGER_KINDS:
            raise DecodeError(f"a ledger entry has an unknown kind {kind[:40]!r}")
        entries.append(
            LedgerEntry(
                text(entry, "id", MAX_ID_LENGTH),
                kind,
                number(entry, "amount", 0.0, MAX_AMOUNT),
                timestamp(entry, "at"),
                text(entry, "by", MAX_ID_LENGTH),
                optional_note(entry, "source"),
                optional_note(entry, "payee"),
            )
        )
    owed = tuple(
        ToPayOut(
            text(item, "receipt_id", MAX_ID_LENGTH),
            number(item, "amount", 0.0, MAX_AMOUNT),
            timestamp(item, "pay_by"),
            item.get("overdue") is True,
        )
        for item in ledger["to_pay_out"]
    )
    return Ledger(
        tuple(entries),
        number(ledger, "received", 0.0, MAX_AMOUNT),
        number(ledger, "paid", 0.0, MAX_AMOUNT),
        number(ledger, "balance", 0.0, MAX_AMOUNT),
        owed,
    )


COERCION_KINDS = frozenset({"detention", "fine", "compel"})
COERCION_STATES = frozenset({"requested", "emergency", "decided", "rejected", "released", "revoked"})
REVIEW_STATES = frozenset({"requested", "upheld", "revoked"})


def decode_coercions(record: dict) -> tuple[Coercion, ...] | None:
    coercions = record.get("coercions")
    if coercions is None:
        return None
    if not isinstance(coercions, list):
        raise DecodeError("'coercions' must be a list")
    return tuple(_coercion(item) for item in coercions)


def _coercion(item: dict) -> Coercion:
    if not isinstance(item, dict):
        raise DecodeError("a coercion must be an object")
    kind, state = text(item, "kind", 16), text(item, "state", 16)
    if kind not in COERCION_KINDS or state not in COERCION_STATES:
        raise DecodeError(f"a coercion has an unknown kind or state {kind[:20]!r}/{state[:20]!r}")
    review = item.get("review")
    if review is not None:
        if not isinstance(review, dict) or text(review, "state", 16) not in REVIEW_STATES:
            raise DecodeError("a coercion's review must be an object with a known state")
        review = Review(
            review["state"],
            timestamp(review, "requested_at"),
            timestamp(review, "decide_by"),
            optional_text(review, "number") or "",
        )
    return Coercion(
        id=text(item, "id", MAX_ID_LENGTH),
        kind=kind,
        person=text(item, "person", 200),
        act=optional_note(item, "act"),
        reason=optional_note(item, "reason"),
        days=None if item.get("days") is None else integer(item, "days"),
        amount=None if item.get("amount") is None else number(item, "amount", 0.0, MAX_AMOUNT),
        emergency=item.get("emergency") is True,
        state=state,
        requested_by=text(item, "requested_by", MAX_ID_LENGTH),
        requested_at=timestamp(item, "requested_at"),
        decided_by=optional_text(item, "decided_by") or "",
        decision_number=optional_text(item, "decision_number") or "",
        task_id=optional_text(item, "task_id") or "",
        family_notice_due=optional_timestamp(item, "family_notice_due"),
        family_notified_at=optional_timestamp(item, "family_notified_at"),
        family_notice_overdue=item.get("family_notice_overdue") is True,
        review_open_until=optional_timestamp(item, "review_open_until"),
        review=review,
    )


CREDIT_KINDS = frozenset({"dishonest", "consumption_restriction", "exit_restriction"})
CREDIT_STATES = frozenset({"in_force", "removed", "expired"})


def decode_credit(record: dict) -> tuple[CreditOrder, ...] | None:
    orders = record.get("credit")
    if orders is None:
        return None
    if not isinstance(orders, list):
        raise DecodeError("'credit' must be a list")
    return tuple(_credit_order(item) for item in orders)


def _credit_order(item: dict) -> CreditOrder:
    if not isinstance(item, dict):
        raise DecodeError("a credit order must be an object")
    kind, state = text(item, "kind", 32), text(item, "state", 16)
    if kind not in CREDIT_KINDS or state not in CREDIT_STATES:
        raise DecodeError(f"a credit order has an unknown kind or state {kind[:20]!r}/{state[:20]!r}")
    agencies = item.get("agencies")
    if not isinstance(agencies, list) or len(agencies) > 20 or not all(isinstance(a, dict) for a in agencies):
        raise DecodeError("a credit order's agencies must be a list of objects")
    return CreditOrder(
        id=text(item, "id", MAX_ID_LENGTH),
        kind=kind,
        ground=optional_text(item, "ground") or "",
        source=optional_text(item, "source") or "",
        extra_years=integer(item, "extra_years"),
        state=state,
        ordered_at=timestamp(item, "ordered_at"),
        ordered_by=text(item, "ordered_by", MAX_ID_LENGTH),
        expires_at=optional_timestamp(item, "expires_at"),
        publication=optional_text(item, "publication") or "",
        agencies=tuple((text(a, "agency", 200), optional_timestamp(a, "answered_at")) for a in agencies),
        ended_at=optional_timestamp(item, "ended_at"),
        end_reason=optional_text(item, "end_reason") or "",
    )


REFERRAL_STATES = frozenset({"proposed", "transferred", "accepted", "refused"})
RELIEF_STATES = frozenset({"applied", "approved", "rejected", "paid"})
DISPOSAL_STATES = frozenset({"valued", "unsold_once", "unsold_twice", "sold", "sold_off", "taken_in_kind", "not_sold"})
DISPOSAL_ENDED = frozenset({"sold", "sold_off", "taken_in_kind", "not_sold"})
DISPOSAL_ROUNDS = frozenset({"first_auction", "second_auction", "sale", "in_kind"})
PROPERTY = ("real_estate", "vehicle", "ship", "equity")  # what a court values and sells
VALUATION_METHODS = ("negotiation", "directed_inquiry", "online_inquiry", "appraisal")  # 议价, 定向/网络询价, 评估
# a disposal's state → the rounds that may follow it
NEXT_ROUNDS = {
    "valued": ("first_auction",),
    "unsold_once": ("second_auction", "in_kind"),
    "unsold_twice": ("sale", "in_kind"),
}


def decode_referral(record: dict) -> Referral | None:
    referral = record.get("bankruptcy")
    if referral is None:
        return None
    if not isinstance(referral, dict) or text(referral, "state", 16) not in REFERRAL_STATES:
        raise DecodeError("'bankruptcy' must be a referral in a known state")
    return Referral(
        referral["state"],
        text(referral, "consent", 16),
        optional_text(referral, "court_id") or "",
        optional_timestamp(referral, "rule_by"),
        decode_steps(referral),
    )


def decode_relief(record: dict) -> tuple[Relief, ...] | None:
    entries = record.get("relief")
    if entries is None:
        return None
    if not isinstance(entries, list) or not all(isinstance(r, dict) for r in entries):
        raise DecodeError("'relief' must be a list of objects")
    decoded = []
    for r in entries:
        state = text(r, "state", 16)
        if state not in RELIEF_STATES:
            raise DecodeError(f"relief in an unknown state {state[:20]!r}")
        decoded.append(
            Relief(
                text(r, "id", MAX_ID_LENGTH),
                number(r, "amount", 0.0, MAX_AMOUNT),
                optional_note(r, "reason"),
                state,
                decode_steps(r),
            )
        )
    return tuple(decoded)


def decode_disposals(record: dict) -> tuple[Disposal, ...] | None:
    entries = record.get("disposals")
    if entries is None:
        return None
    if not isinstance(entries, list) or not all(isinstance(d, dict) for d in entries):
        raise DecodeError("'disposals' must be a list of objects")
    decoded = []
    for d in entries:
        state = text(d, "state", 16)
        if state not in DISPOSAL_STATES:
            raise DecodeError(f"a disposal in an unknown state {state[:20]!r}")
        rounds = d.get("rounds")
        if not isinstance(rounds, list) or not all(isinstance(r, dict) for r in rounds):
            raise DecodeError("a disposal's 'rounds' must be a list of objects")
        decoded.append(
            Disposal(
                text(d, "id", MAX_ID_LENGTH),
                text(d, "asset", 32),
                text(d, "item", 200),
                text(d, "method", 32),
                number(d, "value", 0.0, MAX_AMOUNT),
                text(d, "report", 200),
                state,
                _optional_yuan(d, "proceeds"),
                _optional_yuan(d, "next_least_reserve"),
                tuple(_decode_round(r) for r in rounds),
                decode_steps(d),
            )
        )
    return tuple(decoded)


def _decode_round(record: dict) -> DisposalRound:
    kind = text(record, "kind", 16)
    if kind not in DISPOSAL_ROUNDS:
        raise DecodeError(f"a disposal round of an unknown kind {kind[:20]!r}")
    return DisposalRound(
        kind,
        number(record, "reserve", 0.0, MAX_AMOUNT),
        _optional_yuan(record, "price"),
        timestamp(record, "at"),
        text(record, "by", MAX_ID_LENGTH),
    )


def _optional_yuan(record: dict, name: str) -> float | None:
    return None if record.get(name) is None else number(record, name, 0.0, MAX_AMOUNT)


def _object(record: dict, name: str) -> dict | None:
    value = required(record, name)
    if value is not None and not isinstance(value, dict):
        raise DecodeError(f"{name!r} must be an object or null")
    return value


def decode_audit_entry(record: dict) -> AuditEntry:
    return AuditEntry(
        id=integer(record, "id"),
        at=timestamp(record, "at"),
        actor=text(record, "actor", MAX_ID_LENGTH),
        action=text(record, "action", 64),
        object_type=text(record, "object_type", 64),
        object_id=text(record, "object_id", MAX_ID_LENGTH),
        case_id=optional_text(record, "case_id"),
        request=_object(record, "request") or {},
        before=_object(record, "before"),
        after=_object(record, "after"),
        outcome=text(record, "outcome", 64) if "outcome" in record else "done",
    )


def fetch_case_detail(session: BackendSession, case_id: str) -> CaseDetail:
    """Reads the case's detail and audit trail, signed in as the backend's session is.

    Raises `ApiError` when the backend refuses or answers out of contract. Blocks: call it on a worker.
    """
    record, entries, verified = session.call(
        lambda client: (client.case(case_id), client.audit(case_id=case_id), _verification(client))
    )
    try:
        case = decode_case(record)
        history = decode_case_history(record)
        parties = decode_parties(record)
        acts, termination, ledger = decode_acts(record), decode_termination(record), decode_ledger(record)
        coercions, credit = decode_coercions(record), decode_credit(record)
        referral, relief, disposals = decode_referral(record), decode_relief(record), decode_disposals(record)
        audit = tuple(decode_audit_entry(entry) for entry in entries)
        verification = None if verified is None else decode_verification(verified)
    except DecodeError as error:
        raise ApiError(f"case {case_id}: the backend's answer breaks the contract: {error}") from None
    if case.id != case_id:
        raise ApiError(f"asked for case {case_id}, the backend answered with case {case.id}")
    strangers = {entry.case_id for entry in audit} - {case_id}
    if strangers:
        raise ApiError(f"case {case_id}: the audit trail holds entries of case {sorted(map(str, strangers))[0]}")
    return CaseDetail(
        session.name,
        case,
        history,
        audit,
        parties,
        acts,
        termination,
        ledger,
        coercions,
        credit,
        referral,
        relief,
        disposals,
        tuple(entries),
        verification,
        first_mismatch(entries),
    )


def _verification(client) -> dict | None:
    try:
        return client.audit_verification()
    except ApiError as error:
        if error.status == 404:
            return None  # a backend that does not verify its chain: the view says nothing of it
        raise
