"""The API's request and response bodies, as pydantic models: they validate what clients send and
they are the schemas of the published OpenAPI document."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from court_backend.catalogue import (
    CATEGORIES,
    CHANNELS,
    MEASURE_KINDS,
    MEASURES_FOR_ASSET,
    NODES,
    PERMISSION_MEANINGS,
    TASK_KINDS,
)
from court_backend.credit import GROUNDS
from court_backend.termination import ACTS

# The lengths and ranges of what a backend sends and a client sends: a client takes every value
# within them (the console's decoders are at least this wide) and may drop a record outside them.
Text = Annotated[str, Field(max_length=2000)]
ShortText = Annotated[str, Field(min_length=1, max_length=500)]
Id = Annotated[str, Field(min_length=1, max_length=128, description="an identifier")]
Code = Annotated[str, Field(min_length=1, max_length=64)]
Label = Annotated[str, Field(min_length=1, max_length=200)]
Timestamp = Annotated[
    str,
    Field(
        json_schema_extra={"format": "date-time"},
        description="RFC 3339 time with an offset, e.g. 2026-11-27T03:00:00.000Z or 2026-11-27T11:00:00+08:00",
    ),
]
Count = Annotated[int, Field(ge=0, le=2**53)]
Yuan = Annotated[float, Field(ge=0, le=1e13, description="yuan")]
Rate = Annotated[float, Field(ge=0, le=1)]
Longitude = Annotated[float, Field(ge=-180, le=180)]
Latitude = Annotated[float, Field(ge=-90, le=90)]
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
MAX_STEPS = 1000
Counts = Annotated[
    dict[Code, Count],
    Field(max_length=100, description="counts by key; a newer minor version may add keys"),
]
QueryCounts = Annotated[
    dict[Code, Yuan],
    Field(max_length=100, description="results by state, `hit`, `total` and `hit_value` (yuan found)"),
]

TaskKind = Enum("TaskKind", {k: k for k in TASK_KINDS}, type=str)
Channel = Enum("Channel", {k: k for k in CHANNELS}, type=str)
Category = Enum("Category", {k: k for k in CATEGORIES}, type=str)
NodeCode = Enum("NodeCode", {n.code: n.code for n in NODES}, type=str)
Asset = Enum("Asset", {k: k for k in MEASURES_FOR_ASSET}, type=str)
MeasureKind = Enum("MeasureKind", {k: k for k in MEASURE_KINDS}, type=str)
CreditGround = Enum("CreditGround", {k: k for k in GROUNDS}, type=str)


class Model(BaseModel):
    model_config = ConfigDict(extra="allow")


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


T = TypeVar("T")


class Page(Model, Generic[T]):
    items: Annotated[list[T], Field(max_length=1000)]
    cursor: Count = Field(
        description="Id of the last event this page reflects: stream from it for no gap and no overlap."
    )
    next_page_token: Annotated[str, Field(min_length=1, max_length=64)] | None


class Problem(Model):
    type: Annotated[str, Field(max_length=512)]
    title: ShortText
    status: Annotated[int, Field(ge=400, le=599)]
    detail: Text | None = None


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
    last_event_id: Count
    tick_age_s: Annotated[float, Field(ge=0)] | None = Field(
        description="seconds since the world last moved on (null: a stepped clock)"
    )
    oldest_event_id: Count | None = Field(
        None, description="the oldest event held: a stream resumes after it, or after any later one (1.6)"
    )
    events_since: Timestamp | None = Field(
        None, description="when the oldest event held was published: how far back the events reach (1.6)"
    )


class TokenRequest(StrictModel):
    username: Annotated[str, Field(min_length=1, max_length=64)]
    password: Annotated[str, Field(min_length=1, max_length=256)]


Role = Literal["observer", "operator", "supervisor", "president", "admin"]


class Token(Model):
    access_token: Annotated[str, Field(min_length=1, max_length=512)]
    token_type: Literal["bearer"]
    role: Role
    expires_in: Count


Permission = Enum("Permission", {name: name for name in PERMISSION_MEANINGS}, type=str)


class Limits(Model):
    """The limits the backend enforces on the user's commands."""

    approval_threshold_yuan: Yuan = Field(
        description="a measure that takes its case's measures together above this waits for a supervisor"
    )
    max_detention_days: Annotated[int, Field(ge=0, le=15)] = Field(
        description="the longest judicial detention that may be asked for"
    )
    max_fine_person_yuan: Yuan = Field(description="the largest fine on a person")
    min_fine_organisation_yuan: Yuan = Field(description="the smallest fine on an organisation")
    max_fine_organisation_yuan: Yuan = Field(description="the largest fine on an organisation")
    reveals_per_hour: Count = Field(description="reveals of a party's personal data a user may make in an hour")


class Me(Model):
    username: Id
    display_name: Label
    role: Role
    court_id: Id
    court_name: Label
    api_version: ApiVersion
    permissions: list[Permission | Code] = Field(
        max_length=100,
        description="What the user may do: the names of `Permission`. "
        + "; ".join(f"`{name}`: {meaning}" for name, meaning in PERMISSION_MEANINGS.items())
        + ". A newer minor version may add names; a client ignores a permission it does not know.",
    )
    limits: Limits


class Court(Model):
    id: Id
    name: Label
    level: Literal["high", "intermediate", "basic"]
    adcode: Code
    parent_id: Id | None
    lon: Longitude
    lat: Latitude
    version: Count


TeamStatus = Literal["standby", "en_route", "on_scene", "operating", "returning", "off_duty", "emergency"]


class Position(Model):
    lon: Longitude
    lat: Latitude
    heading: Annotated[float, Field(ge=0, le=360, description="degrees from north")]
    speed_kmh: Annotated[float, Field(ge=0, le=1000)]
    at: Timestamp


class CrewMember(Model):
    name: Code
    role: Literal["judge", "assistant", "clerk", "bailiff"] = Field(
        description="执行法官, 法官助理, 书记员, 法警 (judicial police: needed to take a person into custody)"
    )


class Team(Model):
    id: Id
    name: Label
    court_id: Id
    members: Annotated[list[Code], Field(max_length=50)]
    crew: Annotated[list[CrewMember], Field(max_length=50)] = Field(
        [], description="the members with their roles, in the order of `members` (1.3)"
    )
    vehicle: Code = Field(description="a police plate: 川, the prefecture's letter, four characters, 警")
    status: TeamStatus
    status_since: Timestamp
    task_id: Id | None
    position: Position
    version: Count


class Party(Model):
    type: Literal["person", "company"]
    name: Label
    id_number: Code = Field(
        description="ID number (a company's unified social credit code), masked: 510***********1234"
    )
    phone: Code = Field(description="masked: 138****5678")
    address: Label = Field(description="masked: the province only")


class RevealedParty(Model):
    """A party's personal data, unmasked (POST /cases/{case_id}/parties/{role}/reveal)."""

    type: Literal["person", "company"]
    name: Label
    id_number: Code = Field(description="ID number, or a company's unified social credit code")
    phone: Code
    address: Label


class RevealRequest(StrictModel):
    reason: Annotated[str, Field(max_length=500, description="why the operator needs it; required")] = ""


class Location(Model):
    lon: Longitude
    lat: Latitude


class NodeVisit(Model):
    node: NodeCode
    entered_at: Timestamp
    left_at: Timestamp | None
    deadline: Timestamp | None
    overdue: bool


class Case(Model):
    id: Id
    number: Label = Field(
        description="（year）川 + the court's code + the case type + its place in that sequence, in filing"
        " order: （2026）川0104执123号, （2026）川执12号 (the high court), （2026）川0104执恢3号"
    )
    court_id: Id
    kind: Literal["first", "resumed", "preservation", "non_litigation"]
    track: Literal["simple", "complex"]
    applicant: Party
    respondent: Party
    amount_sought: Yuan
    amount_realised: Yuan
    officer: Code
    filed_at: Timestamp
    deadline: Timestamp
    status: Literal["open", "closed"]
    node: NodeCode
    node_entered_at: Timestamp
    node_deadline: Timestamp | None
    overdue: bool
    tags: Annotated[list[Id], Field(max_length=50)]
    flags: Annotated[list[Id], Field(max_length=50)]
    location: Location
    version: Count
    resumed_from: Id | None = Field(None, description="the 终本 case this 执恢 case resumes (1.2)")
    resumed_as: Id | None = Field(None, description="the 执恢 case that resumed this 终本 case (1.2)")
    last_activity_at: Timestamp | None = Field(
        None, description="when a node, a task or a measure last moved on the case (1.4)"
    )
    warnings: CaseWarnings | None = Field(None, description="when each of its process warnings begins (1.4)")


class CaseWarnings(Model):
    """When each process warning (流程预警) of an open case begins, from its node's time limit: due
    soon in the last 20% of the limit or the last day, whichever is longer; overdue past the
    deadline; seriously overdue past twice the limit; idle with no node change, task or measure
    for 30 days (15 on the simple track). Null when it cannot: a node without a limit, a closed
    case. A client grades the case at any moment from these, as `GET /warnings` does."""

    due_soon_at: Timestamp | None
    overdue_at: Timestamp | None
    seriously_overdue_at: Timestamp | None
    idle_at: Timestamp | None


WarningGrade = Literal["due_soon", "overdue", "seriously_overdue"]


class CaseWarning(Model):
    """An open case with a process warning at the time asked: its grade and whether it is idle."""

    case_id: Id
    number: Label
    court_id: Id
    officer: Code
    node: NodeCode
    grade: WarningGrade | None = Field(description="the node's graded warning; null for an idle case within its limit")
    idle: bool
    node_entered_at: Timestamp
    node_deadline: Timestamp | None
    last_activity_at: Timestamp
    warnings: CaseWarnings


class WarningCount(Model):
    due_soon: Count
    overdue: Count
    seriously_overdue: Count
    idle: Count


class CourtWarnings(WarningCount):
    court_id: Id


class OfficerWarnings(WarningCount):
    court_id: Id
    officer: Code


class WarningCounts(Model):
    """The warnings of every open case seen, counted per court and per officer, at `at`."""

    at: Timestamp
    courts: list[CourtWarnings]
    officers: list[OfficerWarnings]


class IndicatorRates(Model):
    """The indicators of 基本解决执行难 (see `Indicators`); null where nothing is counted."""

    closed_in_limit: Rate | None = Field(
        description="有财产可供执行案件法定期限内实际执结率: enforced_in_limit / enforced"
    )
    termination_qualified: Rate | None = Field(
        description="无财产可供执行案件终本合格率: terminated_qualified / terminated_for_now"
    )
    complaints_concluded: Rate | None = Field(description="执行信访办结率: complaints_concluded / complaints")
    overall_closure: Rate | None = Field(description="近三年执行案件整体执结率: closed / filed")
    actual_enforcement: Rate | None = Field(description="实际执行率: enforced / closed")
    realisation: Rate | None = Field(description="执行到位率: realised / sought")


AssessedRate = Literal["closed_in_limit", "termination_qualified", "complaints_concluded", "overall_closure"]


class CourtIndicators(Model):
    """A court's own cases filed in the window: the counts each rate is made of, and the rates. A
    jurisdiction's figures are its courts' counts added up."""

    court_id: Id
    filed: Count
    closed: Count = Field(description="of those filed, closed (终本 included)")
    enforced: Count = Field(description="closed as 执行完毕 or performed by settlement (实际执结)")
    enforced_in_limit: Count = Field(description="of those, closed within the legal limit (6 months; 3 non-litigation)")
    terminated_for_now: Count = Field(description="closed by 终本")
    terminated_qualified: Count = Field(description="of those, with every 终本 condition met")
    complaints: Count = Field(description="enforcement complaints (执行信访) received")
    complaints_concluded: Count
    sought: Yuan = Field(description="the sums sought in the closed cases")
    realised: Yuan = Field(description="what was realised in them")
    rates: IndicatorRates


class Indicators(Model):
    """The indicators of 基本解决执行难, per court seen, over the cases filed (and complaints
    received) since `since`, three years before `computed_at`; recomputed at most once a minute
    (1.5)."""

    computed_at: Timestamp
    since: Timestamp
    targets: dict[AssessedRate, Rate]
    courts: list[CourtIndicators]


class CourtIndicatorsUpdate(CourtIndicators):
    """A court's indicators as counted again at `computed_at`, published when any of them changed
    (1.6): a client holding `GET /indicators` keeps it whole from these."""

    computed_at: Timestamp
    since: Timestamp
    targets: dict[AssessedRate, Rate]


class CampaignFigures(Model):
    closed: Count = Field(description="cases closed")
    realised: Yuan = Field(description="money realised in them")
    listed: Count = Field(description="respondents listed as dishonest (纳入失信)")


class CampaignCourt(Model):
    court_id: Id
    targets: CampaignFigures
    done: CampaignFigures = Field(description="from the campaign's start to its end, or to `computed_at`")


class Campaign(Model):
    """专项执行行动: a time-boxed campaign (百日执行攻坚战, 司法大拜年, …) over some courts, each with
    its targets and its progress, counted at most once a minute (1.5)."""

    id: Id
    kind: Code
    name: Label
    starts_at: Timestamp
    ends_at: Timestamp
    computed_at: Timestamp
    courts: list[CampaignCourt] = Field(description="the courts seen of those it covers")
    version: Count


class CampaignProgress(CampaignCourt):
    """A court's part of a campaign as counted again at `computed_at`, published when it changed
    (1.6), with the campaign's own fields: a client that did not know the campaign learns it."""

    campaign_id: Id
    kind: Code
    name: Label
    starts_at: Timestamp
    ends_at: Timestamp
    computed_at: Timestamp


class Act(Model):
    act: Code = Field(description="one of the acts of `ActRequest`")
    at: Timestamp
    by: Id
    note: Text = ""


class TerminationCondition(Model):
    condition: Code = Field(
        description="three_months_since_filing, execution_notice, asset_report_order, network_investigation,"
        " traditional_investigation, no_property_to_dispose, consumption_restriction, dishonest_listing,"
        " applicant_interviewed;"
        " a newer minor version may add conditions"
    )
    state: Literal["met", "unmet", "not_required"]
    source: Label = Field(description="the article of 法〔2016〕373号 that sets the condition")


class Termination(Model):
    """The 终本 gate of an enforcement case: its checklist now while the case is open, as it stood
    when 终本 was decided after; then the pool's re-queries (every six months for five years)."""

    checklist: Annotated[list[TerminationCondition], Field(max_length=50)]
    decided_at: Timestamp | None
    decided_by: Id | None
    requeries: Count


class CaseDetail(Case):
    history: Annotated[list[NodeVisit], Field(max_length=MAX_STEPS)]
    acts: Annotated[list[Act], Field(max_length=MAX_STEPS)] = Field(
        [], description="acts recorded on the case besides its nodes (1.2)"
    )
    termination: Termination | None = Field(
        None, description="the 终本 gate; null for a case that cannot end in 终本 or closed otherwise (1.2)"
    )
    ledger: Ledger | None = Field(None, description="the case's funds (1.2)")
    coercions: Annotated[list[Coercion], Field(max_length=MAX_STEPS)] = Field(
        [], description="the 拘传, fines and detentions asked for on the case (1.3)"
    )
    credit: Annotated[list[CreditOrder], Field(max_length=MAX_STEPS)] = Field(
        [], description="the credit punishment ordered on the case's respondent (1.3)"
    )
    bankruptcy: BankruptcyReferral | None = Field(None, description="the case referred for bankruptcy review (1.3)")
    relief: Annotated[list[Relief], Field(max_length=MAX_STEPS)] = Field(
        [], description="judicial relief (执行救助) asked for the applicant (1.3)"
    )
    disposals: Annotated[list[Disposal], Field(max_length=MAX_STEPS)] = Field(
        [], description="property valued and sold: 询价/评估, auctions, 变卖, 以物抵债 (1.4)"
    )
    complaints: Annotated[list[Complaint], Field(max_length=MAX_STEPS)] = Field(
        [], description="enforcement complaints (执行信访) about the case (1.5)"
    )


class Complaint(Model):
    """执行信访: a party's complaint about the enforcement of a case, to be concluded within 30 days
    of its receipt (法〔2021〕227号 art. 5) (1.5)."""

    id: Id
    party: Literal["applicant", "respondent"] = Field(description="the party who complained")
    received_at: Timestamp
    due_at: Timestamp
    concluded_at: Timestamp | None = Field(description="when it was concluded; null while it is open")
    overdue: bool = Field(description="not concluded by `due_at`")


class BankruptcyReferral(Model):
    """执转破 (法发〔2017〕2号): 拟移送 with a party's consent, 已移送 on the president's decision (the
    case's enforcement suspended), then 受理 or 不受理 by the court it went to within 30 days."""

    state: Literal["proposed", "transferred", "accepted", "refused"]
    consent: Literal["respondent", "applicant"] = Field(description="who consented in writing")
    court_id: Id | None = Field(description="the court that reviews it, once transferred")
    rule_by: Timestamp | None = Field(description="30 days from the transfer")
    history: Annotated[list[Step], Field(max_length=MAX_STEPS)]


class Relief(Model):
    """执行救助: asked for the applicant, approved or rejected by a supervisor other than the asker,
    then paid from the relief fund (not realised on the case)."""

    id: Id = Field(description="within its case")
    amount: Yuan
    reason: Text
    state: Literal["applied", "approved", "rejected", "paid"]
    history: Annotated[list[Step], Field(max_length=MAX_STEPS)]


class ReferralRequest(StrictModel):
    consent: Literal["respondent", "applicant"] = Field(
        description="who consented in writing: the respondent, or the applicant of one of its cases"
    )
    note: Text = ""


class RulingRequest(StrictModel):
    accepted: bool = Field(description="受理 (true) or 不受理 (false)")
    note: Text = ""


PropertyAsset = Literal["real_estate", "vehicle", "ship", "equity"]
DisposalRoundKind = Literal["first_auction", "second_auction", "sale", "in_kind"]


class DisposalRound(Model):
    kind: DisposalRoundKind = Field(
        description="网络司法拍卖 (first, second), 变卖 (sale) or 以物抵债 (in_kind, to the applicant)"
    )
    reserve: Yuan = Field(description="the auction's 起拍价; a sale's least price; in kind, the price taken at")
    price: Yuan | None = Field(description="what it sold or was taken for; null when not sold")
    at: Timestamp
    by: Id


class Disposal(Model):
    """Property valued by 询价 or 评估 and sold (法释〔2016〕18号): a first auction at no less than 70%
    of the value, a second after a failed first at no less than 80% of the first's reserve, then 变卖
    at no less than the second's reserve or 以物抵债 at a failed auction's reserve. The proceeds are
    realised on the case up to what it owes; a sale's go into the case account."""

    id: Id = Field(description="within its case")
    asset: PropertyAsset
    item: Label = Field(description="what is sold")
    method: Literal["negotiation", "directed_inquiry", "online_inquiry", "appraisal"] = Field(
        description="how it was valued: 当事人议价, 定向询价, 网络询价 or 委托评估 (法释〔2018〕15号 art. 2)"
    )
    value: Yuan = Field(description="the value found, never the registry's")
    report: Label = Field(description="the valuation report's or inquiry's number")
    state: Literal["valued", "unsold_once", "unsold_twice", "sold", "sold_off", "taken_in_kind", "not_sold"]
    proceeds: Yuan | None = Field(description="what the sale or taking realised on the case; null before")
    next_least_reserve: Yuan | None = Field(
        description="the least reserve of the next auction, or a sale's least price; null once ended"
    )
    rounds: Annotated[list[DisposalRound], Field(max_length=MAX_STEPS)]
    history: Annotated[list[Step], Field(max_length=MAX_STEPS)]


class ValuationRequest(StrictModel):
    asset: PropertyAsset
    item: Annotated[str, Field(min_length=1, max_length=200)] = Field(description="what is to be sold")
    method: Literal["negotiation", "directed_inquiry", "online_inquiry", "appraisal"]
    value: Annotated[float, Field(ge=0.01, le=1e12, description="yuan, as the report found")]
    report: Annotated[str, Field(min_length=1, max_length=200)] = Field(description="the report's number")


class DisposalRoundRequest(StrictModel):
    kind: DisposalRoundKind
    reserve: Annotated[float, Field(ge=0.01, le=1e12)] = Field(
        description="起拍价, or a sale's least price; in kind, the failed auction's reserve"
    )
    price: Annotated[float, Field(ge=0.01, le=1e12)] | None = Field(
        None, description="what it sold or was taken for; omitted when not sold"
    )
    note: Text = ""


class ReliefRequest(StrictModel):
    amount: Annotated[float, Field(ge=0.01, le=1e12, description="yuan, at most 36 months' average wage")]
    reason: ShortText = Field(description="the applicant's hardship")


class AgencyAnswer(Model):
    agency: Label = Field(description="an agency that carries the order out or punishes jointly (联合惩戒)")
    state: Literal["sent", "acknowledged"]
    answered_at: Timestamp | None


class CreditOrder(Model):
    """The respondent on the list of dishonest judgment debtors (法释〔2017〕7号), or restricted in
    its high consumption or its leaving the country: in force until removed, or (a listing with a
    term) until it expires. A listing is published within three working days."""

    id: Id = Field(description="within its case")
    kind: Literal["dishonest", "consumption_restriction", "exit_restriction"]
    ground: CreditGround | None = Field(description="the listing's ground (art. 1); null for a restriction")
    source: Label | None = Field(description="the article of 法释〔2017〕7号 of the ground")
    extra_years: Annotated[int, Field(ge=0, le=3)] = Field(description="the term extended (art. 2)")
    state: Literal["in_force", "removed", "expired"]
    ordered_at: Timestamp
    ordered_by: Id
    note: Text
    expires_at: Timestamp | None = Field(description="the end of a listing's term; null: until performed or removed")
    publication: Literal["publishing", "published"] | None = Field(description="a listing's; null for a restriction")
    published_at: Timestamp | None
    agencies: Annotated[list[AgencyAnswer], Field(max_length=20)]
    ended_at: Timestamp | None
    ended_by: Id | None
    end_reason: Code | None = Field(
        description="performed, settled, applicant_request, case_ended, wrongly_listed, term_ended"
    )


class CreditRequest(StrictModel):
    kind: Literal["dishonest", "consumption_restriction", "exit_restriction"]
    ground: CreditGround | None = Field(None, description="for a listing: its ground (法释〔2017〕7号 art. 1)")
    extra_years: Annotated[int, Field(ge=0, le=3)] = Field(
        0, description="for a listing on grounds (2) to (6): 1 to 3 years beyond its 2 (art. 2)"
    )
    note: Text = ""


class CreditRemoval(StrictModel):
    reason: Literal["performed", "settled", "applicant_request", "case_ended", "wrongly_listed"] = Field(
        description="法释〔2017〕7号 art. 10: performed (nothing owed), settled and performed, the applicant's"
        " written request, the case ended otherwise; art. 12: wrongly listed"
    )
    note: Text = ""


class CoercionStep(Model):
    state: Code = Field(
        description="requested, emergency, decided, rejected, released, revoked, carried_out, escort_failed,"
        " escort_cancelled, family_notified, review_requested, review_upheld, review_revoked"
    )
    at: Timestamp
    by: Id
    note: Text


class Review(Model):
    """复议 at the court above: applied for within 3 days of the decision, decided within 5; the
    decision is carried out meanwhile."""

    state: Literal["requested", "upheld", "revoked"]
    requested_at: Timestamp
    requested_by: Id
    decide_by: Timestamp
    decided_at: Timestamp | None
    decided_by: Id | None
    number: Label | None = Field(description="the court above's 司惩复 case number")
    note: Text


class Coercion(Model):
    """A 拘传, fine or detention: asked for with its grounds and the act it punishes, decided by a
    president (an emergency detention is made at once and approved after, or the person released);
    carried out by a team with judicial police; the family of a detained person told within 24 h;
    reviewed by the court above when the person applies."""

    id: Id = Field(description="within its case")
    kind: Literal["detention", "fine", "compel"]
    person: Label
    act: Text = Field(description="the act punished: one act is punished once (民诉法解释 art. 184)")
    reason: Text
    days: Annotated[int, Field(ge=1, le=15)] | None
    amount: Yuan | None
    emergency: bool
    state: Literal["requested", "emergency", "decided", "rejected", "released", "revoked"]
    requested_by: Id
    requested_at: Timestamp
    approval_id: Id | None
    decided_by: Id | None
    decided_at: Timestamp | None
    decision_number: Label | None = Field(description="the 决定书's 司惩 case number: a fine or a detention")
    task_id: Id | None = Field(description="the task that carries out a detention (送拘) or a 拘传")
    carried_out: bool = Field(False, description="its task done: a detained person in custody from then")
    detained_at: Timestamp | None
    family_notice_due: Timestamp | None = Field(description="24 hours from the detention")
    family_notified_at: Timestamp | None
    family_notice_overdue: bool
    review_open_until: Timestamp | None = Field(description="the last moment to apply for review")
    review: Review | None
    history: Annotated[list[CoercionStep], Field(max_length=MAX_STEPS)]


class LedgerEntry(Model):
    id: Id
    kind: Literal["received", "paid"]
    amount: Yuan
    at: Timestamp
    by: Id
    account: Label | None = Field(None, description="the account money was received into")
    source: Text | None = Field(None, description="where money received came from")
    payee: Label | None = Field(None, description="to whom money was paid")


class ToPayOut(Model):
    receipt_id: Id
    amount: Yuan = Field(description="what of the receipt is still to pay out")
    pay_by: Timestamp = Field(description="30 days from its arrival (法发〔2017〕6号 art. 7)")
    overdue: bool


class Ledger(Model):
    """三个一 case funds: one ledger per case; `balance` is always `received` less `paid`."""

    entries: Annotated[list[LedgerEntry], Field(max_length=MAX_STEPS)]
    received: Yuan
    paid: Yuan
    balance: Yuan
    to_pay_out: Annotated[list[ToPayOut], Field(max_length=MAX_STEPS)] = Field(
        description="each receipt not yet wholly paid out, oldest first: payouts pay the oldest first"
    )


class ReceiptRequest(StrictModel):
    amount: Annotated[float, Field(ge=0.01, le=1e12, description="yuan, in fen (two decimals)")]
    source: ShortText = Field(description="where the money came from: the payer, a transfer, a sale")


class PayoutRequest(StrictModel):
    amount: Annotated[float, Field(ge=0.01, le=1e12, description="yuan, in fen (two decimals)")]
    payee: Annotated[str, Field(min_length=1, max_length=200, description="to whom: the applicant, usually")]


class ActRequest(StrictModel):
    act: Literal[ACTS]
    note: Text = ""


CheckInMinutes = Annotated[int, Field(ge=1, le=120)]


class CheckIn(Model):
    at: Timestamp
    by: Id


class Step(Model):
    state: Code
    at: Timestamp
    by: Id
    note: Text | None = None


class Task(Model):
    id: Id
    case_id: Id
    team_id: Id
    court_id: Id
    kind: TaskKind
    state: Literal["assigned", "accepted", "en_route", "on_scene", "done", "failed", "cancelled"]
    target: Location
    created_by: Id
    created_at: Timestamp
    updated_at: Timestamp
    note: Text
    history: Annotated[list[Step], Field(max_length=MAX_STEPS)]
    checkin_every_min: CheckInMinutes = Field(
        description="how often its team on scene checks in (报平安), in minutes (1.6)"
    )
    checkin_due_at: Timestamp | None = Field(description="when the next check-in is due; null off scene (1.6)")
    checkin_missed_at: Timestamp | None = Field(
        description="the check-in due and not made: the centre is warned at once, a P2 escalation follows two "
        "minutes after it, a P1 five (1.6)"
    )
    check_ins: Annotated[list[CheckIn], Field(max_length=200)] = Field(description="the latest, oldest first (1.6)")
    version: Count


class DispatchRequest(StrictModel):
    case_id: Id
    team_id: Id
    kind: TaskKind
    note: Text = ""
    checkin_every_min: CheckInMinutes | None = Field(
        None, description="how often the team checks in on scene; by default 10 for search and eviction, else 20 (1.6)"
    )


class CheckInRequest(StrictModel):
    duress: bool = Field(
        False,
        description="made with the team's silent code: answered like any other, and a P1 escalation is raised at once",
    )


class ReassignRequest(StrictModel):
    team_id: Id
    note: Text = ""


class NoteRequest(StrictModel):
    note: Text = ""


class SupervisionRequest(StrictModel):
    court_id: Id = Field(description="the court addressed: below the issuer's")
    case_ids: Annotated[list[Id], Field(min_length=1, max_length=100)] = Field(
        description="the case or the group of cases, all of the addressed court"
    )
    requirement: ShortText = Field(description="what the court is to do")
    deadline: datetime = Field(description="by when it answers: in the future")


class SupervisionStepRequest(StrictModel):
    note: ShortText = Field(description="the reply: what was done; or why it is accepted or returned")


class SupervisionOrder(Model):
    """督办: a higher court's order to a court below it on a case or a group of its cases, with a
    requirement and a deadline; replied to by the addressed court, then accepted or returned by
    the issuer. Unanswered at its deadline, it is `overdue` and raises a `supervision_overdue`
    escalation to the issuing court, once (1.4)."""

    id: Id
    number: Label = Field(description="（year）川 + the issuing court's code + 执督 + its place: （2026）川执督3号")
    issuer_court_id: Id
    court_id: Id = Field(description="the court addressed")
    case_id: Id = Field(description="the first of `case_ids`: the case it is filed under")
    case_ids: Annotated[list[Id], Field(min_length=1, max_length=100)]
    requirement: ShortText
    deadline: Timestamp
    state: Literal["issued", "replied", "accepted", "returned"]
    issued_by: Id
    issued_at: Timestamp
    reply: ShortText | None = Field(description="the latest reply: what the addressed court did")
    replied_by: Id | None
    closed_at: Timestamp | None = Field(description="when the issuer accepted the reply")
    overdue: bool = Field(description="its deadline passed while it waited for an answer")
    history: Annotated[list[Step], Field(max_length=MAX_STEPS)]
    version: Count


class Evidence(Model):
    """One item of a finding's evidence: what happened, or was due, when; at which node, or which
    record (`ref`: a measure, a hit as query/result, an order's number, a complaint)."""

    fact: Literal[
        "filed",
        "entered",
        "left",
        "due",
        "checked",
        "closed",
        "last_activity",
        "auction_failed",
        "next_round",
        "received",
        "paid",
        "complaint_received",
        "complaint_concluded",
        "terminated",
        "measure_lapsed",
        "hit",
        "supervision_issued",
        "noted",
    ] = Field(description="`due`: when the limit ran out; `checked`: when it was seen still not done")
    at: Timestamp | None
    node: NodeCode | None = None
    ref: Label | None = None
    amount: Yuan | None = None
    note: Text | None = Field(None, description="what a supervisor who recorded the finding by hand wrote")


class SupervisionFinding(Model):
    """A finding of passive or selective enforcement (消极执行): one of the 25 situations of
    DOMAIN.md (by its number), on a case, with its evidence and the case's officer. Detected by
    the backend (`source` detected) or recorded by a supervisor (recorded, confirmed at once); a
    supervisor of a court above confirms or dismisses a detected one with a reason (1.5)."""

    id: Id
    situation: Annotated[int, Field(ge=1, le=25)]
    case_id: Id
    case_number: Label
    court_id: Id
    officer: Code
    evidence: Annotated[list[Evidence], Field(max_length=MAX_STEPS)]
    source: Literal["detected", "recorded"]
    found_at: Timestamp
    state: Literal["open", "confirmed", "dismissed"]
    decided_by: Id | None
    decided_at: Timestamp | None
    reason: ShortText | None
    history: Annotated[list[Step], Field(max_length=MAX_STEPS)]
    version: Count


class FindingDecision(StrictModel):
    reason: ShortText = Field(description="why it is confirmed or dismissed")


class FindingRequest(StrictModel):
    situation: Annotated[int, Field(ge=1, le=25)] = Field(description="the situation's number (DOMAIN.md)")
    case_id: Id
    note: ShortText = Field(description="what shows it: the evidence, in words")


class ReviewDecision(StrictModel):
    outcome: Literal["upheld", "revoked"]
    note: Text = ""


class Message(Model):
    id: Id
    team_id: Id
    text: ShortText
    sent_at: Timestamp
    state: Literal["sent", "delivered", "read"]
    delivered_at: Timestamp | None
    read_at: Timestamp | None
    version: Count


class MessageRequest(StrictModel):
    text: ShortText


class Finding(Model):
    """What a hit found: an account with its balance; property or equity as a registry gives it,
    without a value (询价 or 评估 gives that); or information on work and income, with nothing to
    take. `measures` are those its asset takes (a client offers only these)."""

    kind: Literal["account", "property", "information"]
    asset: Asset
    description: ShortText
    value: Yuan | None
    measures: Annotated[list[MeasureKind], Field(max_length=len(MEASURE_KINDS))]


class QueryResult(Model):
    id: Id
    institution: Label
    category: Category
    state: Literal["pending", "sent", "answered", "failed", "timed_out"]
    sent_at: Timestamp | None
    answered_at: Timestamp | None
    hit: bool | None
    finding: Finding | None
    measures: Annotated[list[Id], Field(max_length=50)]


class Query(Model):
    id: Id
    case_id: Id
    court_id: Id
    respondent: Party
    channel: Channel
    categories: Annotated[list[Category], Field(max_length=50)]
    state: Literal["running", "completed"]
    created_by: Id
    created_at: Timestamp
    completed_at: Timestamp | None
    results: Annotated[list[QueryResult], Field(max_length=MAX_STEPS)]
    counts: QueryCounts
    version: Count


class QueryRequest(StrictModel):
    case_id: Id
    channel: Channel
    categories: Annotated[list[Category], Field(min_length=1, max_length=len(CATEGORIES))]


class MeasureRequest(StrictModel):
    amount: Annotated[
        float | None,
        Field(ge=0.01, le=1e12, description="Yuan to freeze or deduct, in fen (two decimals); none for property"),
    ] = None
    reason: Annotated[
        str,
        Field(max_length=2000, description="Why property is taken though the money frozen covers what is owed"),
    ] = ""


class Measure(Model):
    """A measure on a hit. A control measure (freeze, seal_up, seize) holds its asset until
    `expires_at` and is `lapsed` after unless renewed; money measures carry their `amount`."""

    id: Id
    kind: MeasureKind
    asset: Asset
    query_id: Id
    result_id: Id
    case_id: Id
    institution: Label
    amount: Yuan | None
    done_amount: Yuan | None
    reason: Text
    state: Literal["awaiting_approval", "sent", "done", "failed", "rejected", "lapsed"]
    expires_at: Timestamp | None
    renewable_from: Timestamp | None = Field(None, description="from when it may be renewed: 30 days before it lapses")
    requested_by: Id
    approval_id: Id | None
    created_at: Timestamp
    updated_at: Timestamp
    history: Annotated[list[Step], Field(max_length=MAX_STEPS)]
    version: Count


class ApprovalDetails(Model):
    """What is asked for: a measure's amount and institution, or a coercion's person and grounds."""

    amount: Yuan | None = None
    institution: Label | None = None
    person: Label | None = None
    days: Annotated[int, Field(ge=1, le=15)] | None = None
    reason: Text | None = None
    act: Text | None = Field(None, description="the act a coercion punishes (1.3)")
    emergency: bool | None = Field(None, description="a detention made on the spot, to be approved after (1.3)")
    coercion_id: Id | None = Field(None, description="the coercion in the case's `coercions` (1.3)")


class Approval(Model):
    id: Id
    kind: Literal["freeze", "deduct", "seal_up", "seize", "detention", "fine", "compel"]
    subject_type: Code
    subject_id: Id
    case_id: Id
    details: ApprovalDetails
    state: Literal["pending", "approved", "rejected"]
    requested_by: Id
    requested_at: Timestamp
    decided_by: Id | None
    decided_at: Timestamp | None
    note: Text
    version: Count


PunishedAct = Annotated[
    str,
    Field(
        max_length=500,
        description="the act punished, as the decision will name it (1.3); the reason when left out. The same"
        " person is not fined or detained twice for one act",
    ),
]


class DetentionRequest(StrictModel):
    kind: Literal["detention"]
    person: Annotated[str, Field(min_length=1, max_length=100)]
    days: Annotated[int, Field(ge=1, le=15, description="Judicial detention: at most 15 days")]
    reason: ShortText
    act: PunishedAct = ""
    emergency: bool = Field(
        False,
        description="made on the spot in an emergency (哄闹、冲击、以暴力威胁抗拒执行): in force at once, the"
        " president's approval completed after (补办) (1.3)",
    )


class FineRequest(StrictModel):
    kind: Literal["fine"]
    person: Annotated[str, Field(min_length=1, max_length=100)]
    amount: Annotated[
        float,
        Field(gt=0, le=1_000_000, description="Yuan: a person up to 100,000; an organisation 50,000 to 1,000,000"),
    ]
    reason: ShortText
    act: PunishedAct = ""


class CompelRequest(StrictModel):
    kind: Literal["compel"]
    person: Annotated[str, Field(min_length=1, max_length=100)]
    reason: ShortText


CoercionRequest = Annotated[DetentionRequest | FineRequest | CompelRequest, Field(discriminator="kind")]


class TimelineEntry(Model):
    at: Timestamp
    actor: Id
    action: Label
    state: Code
    note: Text


class Escalation(Model):
    id: Id
    kind: Code
    title: ShortText
    severity: Literal["P1", "P2", "P3", "P4"]
    state: Literal["open", "acknowledged", "escalated", "resolved"]
    source: Literal["team", "system"]
    court_id: Id
    case_id: Id | None
    team_id: Id | None
    location: Location | None
    raised_at: Timestamp
    ack_deadline: Timestamp
    owner: Id | None
    escalated_to: Literal["supervisor", "court_above"] | None
    resolved_at: Timestamp | None
    outcome: ShortText | None
    timeline: Annotated[list[TimelineEntry], Field(max_length=MAX_STEPS)]
    version: Count


class EscalateRequest(StrictModel):
    to: Literal["supervisor", "court_above"]
    reason: ShortText
    note: Text = ""


class ResolveRequest(StrictModel):
    outcome: ShortText
    note: Text = ""


Recorded = Annotated[dict, Field(max_length=100, description="what the entry recorded, field by field")]


class AuditEntry(Model):
    id: Count
    at: Timestamp
    actor: Id
    action: Code
    object_type: Code
    object_id: Id
    case_id: Id | None
    before: Recorded | None
    after: Recorded | None
    request: Recorded | None
    outcome: Code = Field(description="`done`, or the problem type of a refusal (e.g. `forbidden`)")
    prev_hash: Sha256 = Field(description="the hash of the entry before, 64 zeros for the first")
    hash: Sha256 = Field(
        description="SHA-256 of this entry without `hash`, as JSON in UTF-8: keys sorted by code point, no"
        ' whitespace, non-ASCII characters as they are (only `"`, `\\` and control characters escaped), numbers'
        " as they are sent in this entry (an integer without a fraction; any other number in the shortest"
        " form that reads back to the same double, a whole one with `.0`, e.g. `1000000.0`)"
    )


class AuditVerification(Model):
    ok: bool
    entries: Count = Field(description="entries that hold, from the first")
    verified_to: Count | None = Field(description="the id of the last entry that holds")
    broken_id: Count | None = Field(description="the first entry that does not hold")
    head: Sha256 = Field(description="the hash of the last entry that holds")
    checked_at: Timestamp


class AuditPage(Model):
    items: Annotated[list[AuditEntry], Field(max_length=1000)]
    next_page_token: Annotated[str, Field(min_length=1, max_length=64)] | None


class DayCount(Model):
    date: Annotated[str, Field(json_schema_extra={"format": "date"}, description="a day, YYYY-MM-DD")]
    count: Count


class CourtCount(Model):
    court_id: Id
    count: Count


class Kpis(Model):
    """The indicators of the cases the user may see (`GET /kpis` is optional: a backend without it
    answers 404, and a client shows no indicators). A client skips an entry (a point of a series, a
    count) it cannot read, alone. A rate is null when what it divides by is zero."""

    computed_at: Timestamp
    cases_received_per_day: Annotated[
        list[DayCount],
        Field(max_length=400, description="cases filed each day, oldest first: one point for every day, zeros too"),
    ]
    cases_closed_per_day: Annotated[
        list[DayCount], Field(max_length=400, description="cases closed each day, as `cases_received_per_day`")
    ]
    open_cases: Count
    closed_cases: Count
    actual_closure_rate: Rate | None = Field(
        description="实际执行率: cases closed by performance (money realised), of all cases closed"
    )
    money_sought: Yuan = Field(description="the sums sought by the closed cases")
    money_realised: Yuan = Field(description="the sums realised by the closed cases")
    realisation_rate: Rate | None = Field(description="执行到位率: `money_realised` of `money_sought`")
    average_days_to_close: Annotated[float, Field(ge=0)] | None = Field(description="from filing to closing")
    closed_within_limit_rate: Rate | None = Field(
        description="cases closed within their legal limit (6 months from filing), of all cases closed"
    )
    terminated_cases: Count = Field(0, description="终本 cases decided through the 终本 gate (1.2)")
    termination_qualified_rate: Rate | None = Field(
        None,
        description="无财产可供执行案件终本合格率: of `terminated_cases`, those whose every 终本 condition was met"
        " when 终本 was decided (1.2)",
    )
    funds_overdue_cases: Count = Field(
        0, description="cases holding money received more than 30 days ago and not yet paid out (1.2)"
    )
    overdue_nodes: Count = Field(description="open cases past the time limit of the node they are in")
    overdue_nodes_by_court: Annotated[
        list[CourtCount], Field(max_length=400, description="`overdue_nodes` by court, the most first")
    ]
    teams_by_status: Counts = Field(description="keys: the team statuses of `Team.status`")
    open_escalations_by_severity: Counts = Field(description="keys: `P1` to `P4`")
    open_escalations_by_age: Counts = Field(
        description="keys, youngest first: `<1 min`, `1–5 min`, `5–30 min`, `30 min–4 h`, `>4 h` (since raised)"
    )


class TeamPositionEvent(Position):
    team_id: Id
    version: Count  # the team's: a heartbeat changes its position, and so its version


class TeamStatusEvent(Model):
    team_id: Id
    status: TeamStatus
    task_id: Id | None
    since: Timestamp
    version: Count


class QueryProgressEvent(Model):
    query_id: Id
    case_id: Id
    state: Literal["running", "completed"]
    completed_at: Timestamp | None = None
    counts: QueryCounts
    result: QueryResult
    version: Count


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
    "measure.created": (Measure, "A measure was ordered on a hit."),
    "measure.updated": (Measure, "A measure moved on: done, failed, renewed or lapsed."),
    "approval.requested": (Approval, "An action waits for a supervisor's approval."),
    "approval.decided": (Approval, "A supervisor approved or rejected."),
    "supervision.issued": (SupervisionOrder, "A higher court issued a supervision order (督办) (1.4)."),
    "finding.raised": (SupervisionFinding, "A situation of passive enforcement was detected on a case (1.5)."),
    "finding.updated": (SupervisionFinding, "A finding was confirmed or dismissed (1.5)."),
    "supervision.updated": (
        SupervisionOrder,
        "A supervision order was replied to, accepted, returned, or passed its deadline unanswered (1.4).",
    ),
    "escalation.raised": (Escalation, "A team or the system raised an escalation."),
    "escalation.updated": (
        Escalation,
        "An escalation was acknowledged, escalated (by hand or by its deadline) or resolved.",
    ),
    "kpi.updated": (Kpis, "The indicators were recomputed (about once a minute)."),
    "indicator.updated": (
        CourtIndicatorsUpdate,
        "A court's indicators of 基本解决执行难 changed as they were counted again (about once a minute) (1.6).",
    ),
    "campaign.progress": (
        CampaignProgress,
        "A court's progress in a campaign changed as it was counted again (about once a minute) (1.6).",
    ),
}
