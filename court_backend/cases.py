"""The case book: every enforcement case, its parties and amounts, and its path through the 37
process nodes, generated from the seed and moved along by the simulation.

Cases live in SQLite (there may be a million); the simulation keeps only a few numpy arrays (when
each case takes its next step) in memory. A case's future path is drawn when the case is created
and kept beside it, so a restarted backend carries on with the same story.
"""

from __future__ import annotations

import heapq
import json
import math
import random
import re
import sqlite3
import time
from collections import Counter, namedtuple
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from court_backend import (
    bankruptcy,
    coercion,
    credit,
    disposal,
    funds,
    parties,
    process_warnings,
    relief,
    termination,
)
from court_backend.catalogue import (
    CASE_KINDS,
    CASE_LIMIT_DAYS,
    CASE_TYPE_CODES,
    COMPLAINT_LIMIT_DAYS,
    DAY_S,
    FINAL_NODES,
    NEGATIVE_ENFORCEMENT_FACTOR,
    NODE_BY_CODE,
)
from court_backend.clock import utc_iso
from court_backend.geography import Court, Division, sites_near
from court_backend.records import Records, dumps
from court_backend.simulation import GIVEN, SURNAMES

SCHEMA = (
    "create table if not exists cases (id text primary key, court_id text not null, node text not null,"
    " status text not null, node_deadline real, lon real not null, lat real not null, filed_at real not null,"
    " closed_at real, sought real not null, realised real not null, doc text not null, plan text not null,"
    " next_step_at real)",
    "create index if not exists cases_court on cases (court_id)",
    "create index if not exists cases_node on cases (node)",
    "create index if not exists cases_lon on cases (lon)",
    # 执行信访, one row each, for the indicators to count by court
    "create table if not exists complaints (case_id text not null, id text not null, court_id text not null,"
    " received_at real not null, due_at real not null, concluded_at real not null, primary key (case_id, id))",
)
# What the indicators and the KPIs count a case by, kept beside its document (`indicators`,
# `kpis`): added to a book made before them, and filled in from its documents, once.
INDICATOR_COLUMNS = (
    ("deadline", "real"),
    ("outcome", "text"),
    ("gate_met", "integer"),
    ("listed_at", "real"),
    ("funds_due_at", "real"),  # money received and not paid out by then (`funds`)
)
CASE_COLUMNS = 19
# An open case as the teams and the warnings need it, kept in memory: its node and site, and what
# grades its warnings (`process_warnings`).
OpenCase = namedtuple("OpenCase", "node lon lat number officer entered_at deadline activity_at track")
OFFICERS_PER_COURT = {"basic": 12, "intermediate": 20, "high": 16}
ACTIVITY_GRAIN_S = DAY_S  # a task or a measure moves a case's last activity on once a day at most
FILED_PER_WRITE = 5_000  # a book filed at once is written this many cases at a time, not held whole
COMPANY_WORDS = [
    "华信",
    "蜀通",
    "天府",
    "锦城",
    "川渝",
    "兴达",
    "宏远",
    "恒泰",
    "金桥",
    "瑞丰",
    "鑫源",
    "长青",
    "新川",
    "巴蜀",
    "安和",
    "盛世",
    "利民",
    "远航",
    "康达",
    "嘉禾",
]
INDUSTRIES = [
    "建材",
    "商贸",
    "置业",
    "建筑工程",
    "物流",
    "餐饮管理",
    "农业开发",
    "科技",
    "机械设备",
    "酒业",
    "茶业",
    "文化传媒",
    "汽车销售",
    "医药",
]
PASSIVE_COURTS = 0.4  # of the courts, those with a passive officer
CORNERS_CUT = 0.3  # of a passive officer's cases, those closed cutting a corner (`_cut_corner`)
OWING_SHARE = 0.85  # what a case closed as 执行完毕 with money still owed realised of its sum
# The gate's conditions that a corner cut skips (`_cut_corner`).
SKIPPED = {"restriction": {"consumption_restriction", "dishonest_listing"}, "interview": {"applicant_interviewed"}}
COMPLAINT_PER_NODE = 0.004  # the chance that a case entering a node draws an enforcement complaint
COMPLAINT_DAYS = 12.0  # the median days to conclude one (a passive officer's take longer)
HISTORY_DAYS = 3 * 365  # the book opens with cases filed over three years: the indicators' 近三年
RECENT_DAYS = 120  # and most (RECENT_SHARE) over the last four months: the open cases, mostly
RECENT_SHARE = 0.6
CASE_NUMBER = re.compile(r"^(（\d{4}）川\d*(?:执[恢保异]?|司惩复?))(\d+)号$")


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(["", *GIVEN])


def _company(rng: random.Random, place: str) -> str:
    return f"{place}{rng.choice(COMPANY_WORDS)}{rng.choice(INDUSTRIES)}有限公司"


def plan_path(rng: random.Random, kind: str) -> list[str]:
    """The nodes a case will pass through, drawn once, as the law lets it go (DOMAIN.md): a 执保 case
    carries out its preservation ruling and closes; an enforcement case finds assets, settles or
    finds nothing, and is 执行完毕 only when the whole sum is realised (a partial recovery ends in
    和解 or goes to 终本). A path to 终本 meets its gate (`termination`) on the way. (A passive
    officer may cut a corner of it: `CaseBook._cut_corner`.)"""
    if kind == "preservation":
        control = rng.choices([["freeze"], ["seal_up"], ["seizure"]], [60, 30, 10])[0]
        return ["filing_review", "filing_registration", "assignment", *control, "closing_review", "archived"]
    path = ["filing_review", "filing_registration", "assignment", "execution_notice", "asset_report_order"]
    path += ["asset_declaration"] if rng.random() < 0.6 else []
    path += ["service_of_documents"] if rng.random() < 0.5 else []
    path += ["network_query_national", "network_query_provincial"]
    path += ["clue_verification"] if rng.random() < 0.3 else []
    path += ["traditional_investigation"] if rng.random() < 0.2 else []
    path += ["reward_notice"] if rng.random() < 0.05 else []
    path += ["audit_investigation"] if rng.random() < 0.02 else []
    outcome = rng.random()
    if outcome < 0.55:
        control = rng.choices([["freeze", "deduction"], ["seal_up"], ["seizure"]], [65, 25, 10])[0]
        path += control
        if control != ["freeze", "deduction"]:
            path += [rng.choice(["appraisal", "price_inquiry"]), "online_auction"]
            # Unsold, it is auctioned again; unsold twice, sold off (变卖) or taken by the applicant
            # in kind (以物抵债): 法释〔2016〕18号 arts. 26-27.
            path += rng.choices(
                [[], ["online_auction"], ["online_auction", "sale"], ["online_auction", "settlement_in_kind"]],
                [60, 15, 15, 10],
            )[0]
        path += ["funds_received", "funds_paid_out"]
        if rng.random() < 0.7:
            return [*path, "closing_review", "completed", "archived"]  # the whole sum realised
        if rng.random() < 0.5:
            return [*path, "settlement", "closing_review", "archived"]  # the rest settled
        return _to_termination(path, rng)  # the rest not found
    if outcome < 0.65:
        return [*path, "settlement", "funds_received", "funds_paid_out", "closing_review", "archived"]
    path += ["exit_restriction"] if rng.random() < 0.1 else []
    path += ["fine"] if rng.random() < 0.05 else []
    path += ["detention"] if rng.random() < 0.03 else []
    path += ["criminal_referral"] if rng.random() < 0.01 else []
    return _to_termination(path, rng)


def _to_termination(path: list[str], rng: random.Random) -> list[str]:
    """`path` on to 终本 through its gate: property investigated on the spot too, the respondent
    restricted, listed as dishonest when it did not report its property (and now and then on
    other grounds), the applicant heard at the closing review (`CaseBook._enter`)."""
    if "traditional_investigation" not in path:
        path.insert(path.index("network_query_provincial") + 1, "traditional_investigation")
    path += ["consumption_restriction"]
    path += ["dishonest_listing"] if "asset_declaration" not in path or rng.random() < 0.3 else []
    return [*path, "closing_review", "terminated_for_now", "archived"]


def stay_s(rng: random.Random, node: str, pace: float = 1.0) -> float:
    """How long a case stays at a node: about one in twenty overstays the node's limit, but most
    of a passive officer's cases do (`pace`)."""
    if node == "archived":
        return math.inf
    limit = NODE_BY_CODE[node].limit_days or 20.0
    return limit * DAY_S * rng.lognormvariate(math.log(0.45), 0.5) * pace


@dataclass
class Filing:
    """The cases still to be filed, in the order they are: the court, kind, number and filing time
    of each, drawn at once (the site of each court's cases when it first has one)."""

    rng: random.Random
    spatial: np.random.Generator  # draws the sites
    courts: list[Court]
    cases_of: Counter  # by court index: how many cases it gets
    chosen: list[int]  # the court index of each case to file
    first: int  # the first case's number (its id)
    filed_at: list[float]  # when each case was filed
    kinds: list[str]
    numbers: list[str]  # each court's numbered in the order its cases were filed, whatever the filing order
    sites: dict[int, list[list[float]]] = field(default_factory=dict)  # by court: drawn when first needed
    filed: int = 0  # of the plan's cases


def _numbered(number: str) -> tuple[str, int]:
    """A case number's prefix (year, court code, case type) and its place in that sequence."""
    prefix, place = CASE_NUMBER.match(number).groups()
    return prefix, int(place)


class CaseBook:
    def __init__(
        self,
        records: Records,
        courts: list[Court],
        divisions: dict[str, Division],
        *,
        seed: int,
        speed: float,
        personal_key: bytes,
    ) -> None:
        """`personal_key` derives the parties' personal data (`parties`)."""
        self._db = records.db
        self._personal_key = personal_key
        self._records = records
        self._courts = {court.id: court for court in courts}
        self._seed = seed
        self._rng = random.Random(seed * 7919 + 17)  # the cases' story from the start on
        self._filing: Filing | None = None
        self._officers: dict[str, list[str]] = {}
        self._passive: set[tuple[str, str]] = set()  # (court, officer) of the passive officers
        self._touched: dict[str, float] = {}  # case → its last activity, as `touch` last read it
        self.speed = speed
        for statement in SCHEMA:
            self._db.execute(statement)
        self._db.commit()
        self._dirty: dict[str, tuple] = {}
        self._complained: dict[tuple[str, str], tuple] = {}  # complaint rows to write
        self._add_indicator_columns()
        records.add_saver(self._save)
        self._divisions = divisions
        self._mask_parties()
        # Listings with a term that the book's path made, for the world to end when they expire.
        self.credit_terms: list[tuple[str, str, float]] = []
        self._order_credit_of_flags()
        self._load_schedule()
        # What a case shows of passive enforcement, looked for as it is filed: the world's to say.
        self.examine: Callable[[dict, float, bool], None] = lambda doc, now, announce: None
        # Whether a measure holds (or is about to take) a case's property: the world's to say (`Assets.controls`).
        self.controls: Callable[[str], bool] = lambda case_id: False
        self._sequence: Counter[str] = Counter()  # the last number given, by its prefix: year, court, case type
        numbers = self._db.execute(
            "select json_extract(doc, '$.number') from cases union all"
            " select json_extract(c.value, '$.decision_number') from cases, json_each(cases.doc, '$.coercions') c"
            " union all"
            " select json_extract(c.value, '$.review.number') from cases, json_each(cases.doc, '$.coercions') c"
        )
        for (number,) in numbers:
            if number is not None:
                prefix, last = _numbered(number)
                self._sequence[prefix] = max(self._sequence[prefix], last)
        (self._resumed,) = self._db.execute("select count(*) from cases where id like 'KH%'").fetchone()

    # filing
    def start_filing(self, count: int, now: float) -> None:
        """Plans a new book of `count` cases filed over the past months (an existing book keeps its
        own size; one whose filing a stop cut short is finished); `file` then makes them, a chunk
        at a time."""
        held = self.count
        meta = dict(self._db.execute("select key, value from meta where key in ('book_size', 'book_planned_at')"))
        if "book_size" not in meta:
            if held:
                return  # a book made before its size was kept: as it is
            meta = {"book_size": str(count), "book_planned_at": repr(now)}
            with self._db:
                self._db.executemany("insert into meta (key, value) values (?, ?)", meta.items())
        if "book_planned_at" not in meta:
            return  # a book made before its plan was kept (so that a stop could resume it): as it is
        count, planned_at = int(meta["book_size"]), float(meta["book_planned_at"])
        if held >= count:
            return
        # The plan, the same for a seed and the moment it was made: the story does not depend on
        # when the chunks are filed, nor on the cases moving meanwhile; a stop resumes it.
        rng = random.Random(self._seed * 7919 + 17)
        courts = list(self._courts.values())
        weights = [{"basic": 10.0, "intermediate": 1.5, "high": 0.05}[c.level] for c in courts]
        chosen = rng.choices(range(len(courts)), weights, k=count)
        kinds = rng.choices(list(CASE_KINDS), [70, 15, 10, 5], k=count)
        spatial = np.random.default_rng(rng.getrandbits(64))
        # Filed over the book's years, most over its last months; numbered in the order filed.
        recent = planned_at - RECENT_DAYS * DAY_S
        spans = [(planned_at - HISTORY_DAYS * DAY_S, recent), (recent, planned_at)]
        filed_at = [rng.uniform(*spans[rng.random() < RECENT_SHARE]) for _ in chosen]
        numbers, numbered = [""] * count, Counter()
        for i in sorted(range(count), key=filed_at.__getitem__):
            prefix = self.number_prefix(courts[chosen[i]].id, CASE_TYPE_CODES[kinds[i]], filed_at[i])
            numbered[prefix] += 1
            numbers[i] = f"{prefix}{numbered[prefix]}号"
        for prefix, last in numbered.items():  # the plan's numbers are taken, filed or not
            self._sequence[prefix] = max(self._sequence[prefix], last)
        # The newest first: the cases a centre works on, open mostly, are there from the start.
        order = sorted(range(count), key=lambda i: -filed_at[i])[held:]
        self._filing = Filing(
            rng,
            spatial,
            courts,
            Counter(chosen),
            [chosen[i] for i in order],
            held + 1,
            [filed_at[i] for i in order],
            [kinds[i] for i in order],
            [numbers[i] for i in order],
        )

    @property
    def filing(self) -> bool:
        """Whether cases of the planned book are still to be filed."""
        return self._filing is not None and self._filing.filed < len(self._filing.chosen)

    def file(self, count: int, now: float, announce: bool) -> None:
        """Files the next `count` cases of the plan, each walked to where it stands today; when
        `announce`, each is published (`case.updated`) for the clients already following."""
        filing = self._filing
        if filing is None:
            return
        rng, rows = filing.rng, []
        for index in filing.chosen[filing.filed : filing.filed + count]:
            court = filing.courts[index]
            if index not in filing.sites:  # a court's sites are drawn with its first case, all at once
                division = self._divisions.get(court.adcode)
                filing.sites[index] = sites_near(court, division, filing.cases_of[index], filing.spatial).tolist()
            lon, lat = filing.sites[index].pop()
            filed_at = filing.filed_at[filing.filed]
            case_id = f"K{filing.first + filing.filed:06d}"
            kind, number = filing.kinds[filing.filed], filing.numbers[filing.filed]
            doc, plan, next_step_at = self._new_case(case_id, number, kind, court, (lon, lat), filed_at, rng)
            filing.filed += 1
            # The past went at its own pace; only what is left of today's stay runs at `speed`.
            while next_step_at <= now:
                if plan:
                    next_step_at = self._step(doc, plan, next_step_at, 1.0, rng)
                else:  # archived in the 终本 pool: re-queried every six months
                    next_step_at = self._next_requery(doc, next_step_at, 1.0)
            next_step_at = now + (next_step_at - now) / self.speed
            rows.append(self._row(doc, plan, next_step_at))
            self._track(doc)
            if not math.isinf(next_step_at):
                heapq.heappush(self._waiting, (next_step_at, doc["id"]))
            if announce:
                self._records.emit("case.updated", present(doc, history=False, now=now))
            self.examine(doc, now, announce)
            if len(rows) == FILED_PER_WRITE:
                self._insert(rows)
                rows = []
        self._insert(rows)

    def _insert(self, rows: list[tuple]) -> None:
        with self._db:
            self._write(self._db, rows)

    def _write(self, db: sqlite3.Connection, rows) -> None:
        db.executemany(f"insert or replace into cases values ({', '.join('?' * CASE_COLUMNS)})", rows)
        db.executemany("insert or replace into complaints values (?, ?, ?, ?, ?, ?)", self._complained.values())
        self._complained.clear()

    def _add_indicator_columns(self) -> None:
        """Adds what the indicators and the KPIs count by to a book made before them, from its
        documents."""
        if not add_indicator_columns(self._db):
            return
        after = ""
        while rows := self._db.execute(
            "select id, doc from cases where id > ? order by id limit ?", (after, FILED_PER_WRITE)
        ).fetchall():  # a chunk at a time: a book may be a million cases
            with self._db:
                for case_id, text in rows:
                    doc = json.loads(text)
                    self._db.execute(
                        "update cases set deadline = ?, outcome = ?, gate_met = ?, listed_at = ?, funds_due_at = ?"
                        " where id = ?",
                        (*_counted_by(doc), case_id),
                    )
                    for complaint in doc.get("complaints", ()):
                        self._complaint_row(doc, complaint)
                self._write(self._db, ())
            after = rows[-1][0]

    def _complaint_row(self, doc: dict, complaint: dict) -> None:
        self._complained[doc["id"], complaint["id"]] = (
            doc["id"],
            complaint["id"],
            doc["court_id"],
            complaint["received_at"],
            complaint["due_at"],
            complaint["concluded_at"],
        )

    def _officers_of(self, court: Court) -> list[str]:
        """The court's enforcement officers (承办人), the same for a seed: each has many cases; now
        and then one of them is passive (`_pace`)."""
        if court.id not in self._officers:
            names = random.Random(f"{self._seed}/{court.id}/officers")
            count = OFFICERS_PER_COURT[court.level]
            self._officers[court.id] = officers = sorted({_person(names) for _ in range(count)})
            if names.random() < PASSIVE_COURTS:
                self._passive.add((court.id, names.choice(officers)))
        return self._officers[court.id]

    def _pace(self, doc: dict) -> float:
        """How much longer than others the case's officer keeps it at a node: a passive officer
        (消极执行) keeps it NEGATIVE_ENFORCEMENT_FACTOR times as long."""
        self._officers_of(self._courts[doc["court_id"]])
        return NEGATIVE_ENFORCEMENT_FACTOR if (doc["court_id"], doc["officer"]) in self._passive else 1.0

    def _new_case(
        self,
        case_id: str,
        number: str,
        kind: str,
        court: Court,
        site: tuple[float, float],
        filed_at: float,
        rng: random.Random,
    ) -> tuple[dict, list[str], float]:
        lon, lat = site
        company = rng.random() < 0.35
        place = self._divisions[court.adcode].name[:2] if court.adcode in self._divisions else "四川"
        respondent = (
            {"type": "company", "name": _company(rng, place)} if company else {"type": "person", "name": _person(rng)}
        )
        applicant = (
            {"type": "company", "name": _company(rng, place)}
            if rng.random() < 0.4
            else {"type": "person", "name": _person(rng)}
        )
        sought = round(min(5e7, rng.lognormvariate(math.log(6e5 if company else 6e4), 1.1)), 2)
        plan = plan_path(rng, kind)
        tags = [tag for tag, p in (("livelihood", 0.18), ("campaign_hundred_days", 0.05)) if rng.random() < p]
        doc = {
            "id": case_id,
            "number": number,
            "court_id": court.id,
            "kind": kind,
            "track": "complex" if (company and sought > 1e6) or rng.random() < 0.15 else "simple",
            "applicant": applicant,
            "respondent": respondent,
            "amount_sought": sought,
            "amount_realised": 0.0,
            "officer": rng.choice(self._officers_of(court)),
            "tags": tags,
            "location": {"lon": lon, "lat": lat},
        }
        for role in parties.ROLES:  # the parties as everyone sees them: personal data masked
            doc[role] = parties.masked(doc, role, self._personal_key)
        self._cut_corner(doc, plan)
        self._open_file(doc, filed_at)
        self._enter(doc, plan.pop(0), filed_at, rng, plan, 1.0)
        return doc, plan, filed_at + stay_s(rng, doc["node"], self._pace(doc))

    def _cut_corner(self, doc: dict, plan: list[str]) -> None:
        """Now and then a passive officer closes a case cutting a corner: a 终本 with the respondent
        neither restricted nor listed (situation 12) or without the applicant heard (14), or 执行完毕
        with money still owed (25). Drawn from the case's own generator: the rest of the book is
        drawn as it would be without."""
        if self._pace(doc) == 1.0:
            return
        rng = random.Random(f"{self._seed}/{doc['id']}/corners")
        if rng.random() >= CORNERS_CUT:
            return
        if "terminated_for_now" in plan:
            doc["_cut"] = rng.choice(("restriction", "interview"))
            if doc["_cut"] == "restriction":  # neither restricted nor listed
                plan[:] = [node for node in plan if node not in ("consumption_restriction", "dishonest_listing")]
        elif "completed" in plan:
            doc["_cut"] = "owing"

    def _next_number(self, court: Court, kind: str, filed_at: float) -> str:
        return self.next_number(court.id, CASE_TYPE_CODES[kind], filed_at)

    def number_prefix(self, court_id: str, type_code: str, at: float) -> str:
        """What the numbers of the court's cases of `type_code` (执, 执恢, 司惩, …) in the year of
        `at` begin with: （2026）川0104执."""
        return f"（{time.gmtime(at).tm_year}）川{self._courts[court_id].number_code}{type_code}"

    def next_number(self, court_id: str, type_code: str, at: float) -> str:
        """The next number of the court's cases of `type_code` in the year of `at`."""
        prefix = self.number_prefix(court_id, type_code, at)
        self._sequence[prefix] += 1
        return f"{prefix}{self._sequence[prefix]}号"

    @staticmethod
    def _open_file(doc: dict, filed_at: float) -> None:
        """A new case's times, state and records, filed at `filed_at`, before it enters its first node."""
        limit_days = CASE_LIMIT_DAYS["non_litigation" if doc["kind"] == "non_litigation" else "litigation"]
        doc.update(
            filed_at=filed_at,
            deadline=filed_at + limit_days * DAY_S,
            status="open",
            node=None,
            node_entered_at=None,
            node_deadline=None,
            flags=[],
            history=[],
            acts=[],
            ledger=[],
            _funds_due_at=None,
            version=0,
        )

    def _enter(self, doc: dict, node: str, at: float, rng: random.Random, plan: list[str], speed: float) -> None:
        """The case enters `node` at `at`, on a clock going at `speed` (the past went at 1)."""
        if doc["history"]:
            doc["history"][-1]["left_at"] = at
        limit = NODE_BY_CODE[node].limit_days
        deadline = at + limit * DAY_S if limit else None
        doc["history"].append({"node": node, "entered_at": at, "left_at": None, "deadline": deadline})
        doc["node"], doc["node_entered_at"], doc["node_deadline"] = node, at, deadline
        doc["_activity_at"] = at
        doc["version"] += 1
        if node in ("appraisal", "price_inquiry"):
            disposal.plan_on_path(doc, node, plan, at, rng)
        elif node in ("online_auction", "sale", "settlement_in_kind"):
            disposal.round_on_path(doc, at)
        elif node == "funds_received":  # the whole sum when the plan completes the case, else a part
            share = (
                (OWING_SHARE if doc.get("_cut") == "owing" else 1.0) if "completed" in plan else rng.uniform(0.2, 0.9)
            )
            received = round(doc["amount_sought"] * share - doc["amount_realised"], 2)
            if received > 0 and ("completed" in plan or not disposal.realised_on_path(doc)):  # a sale's part is all
                funds.receive(doc, received, at, doc["officer"], _source_of(doc))
        elif node == "funds_paid_out" and funds.balance(doc) > 0:
            funds.pay(doc, funds.balance(doc), at, doc["officer"], doc["applicant"]["name"])
        elif node in credit.KIND_OF_NODE and not credit.in_force(doc, credit.KIND_OF_NODE[node]):
            self._order_credit(doc, credit.KIND_OF_NODE[node], at, speed)
        elif node == "closing_review" and plan[:1] == ["terminated_for_now"] and doc.get("_cut") != "interview":
            # The applicant told of the case and heard before 终本 (`termination`, art. 5).
            doc.setdefault("acts", []).append({"act": "applicant_interview", "at": at, "by": doc["officer"]})
        elif node == "terminated_for_now":
            doc["flags"] = sorted(set(doc["flags"]) | {"terminated_for_now"})
            checklist = termination.checklist(doc, at, self.controls(doc["id"]))
            doc["termination"] = {"at": at, "by": doc["officer"], "checklist": checklist}
            if doc["respondent"]["type"] == "company" and rng.random() < 0.2:
                doc["flags"] = sorted(set(doc["flags"]) | {"bankruptcy_candidate"})
        if node in FINAL_NODES:
            doc["status"] = "closed"
        elif rng.random() < COMPLAINT_PER_NODE * self._pace(doc):
            self._complain(doc, at, rng)
        court = f"court:{doc['court_id']}"
        if (ended := _credit_ends(doc, node)) is not None:  # the respondent is punished no longer
            credit.end_all(doc, ended, at, court)
            if node == "completed" and doc.get("resumed_from"):  # the 终本 case it resumed is performed too
                self.modify(doc["resumed_from"], lambda old: credit.end_all(old, "performed", at, court))
        if node == "archived" and "termination" in doc:  # into the pool: re-queried from now on
            doc["termination"]["requeries"] = 0

    def _complain(self, doc: dict, at: float, rng: random.Random) -> None:
        """执行信访: a party's complaint about the case's enforcement, received at `at`; the court
        concludes it within 30 days (法〔2021〕227号 art. 5), a passive officer's often later. Its
        conclusion is drawn now, like the case's path, and holds once its time has come."""
        days = COMPLAINT_DAYS * rng.lognormvariate(0.0, 0.6) * self._pace(doc)
        complaints = doc.setdefault("complaints", [])
        complaint = {
            "id": f"X{len(complaints) + 1}",
            "received_at": at,
            "due_at": at + COMPLAINT_LIMIT_DAYS * DAY_S,
            "concluded_at": at + days * DAY_S,
            "party": rng.choice(("applicant", "respondent")),
        }
        complaints.append(complaint)
        self._complaint_row(doc, complaint)

    def _order_credit(self, doc: dict, kind: str, at: float, speed: float) -> None:
        """An order the case's court made on the case's path; one with a term is queued for the
        world to end when it expires (`credit_terms`)."""
        ground = credit.default_ground(doc, kind)
        entry = credit.order(doc, kind, ground, 0, at, f"court:{doc['court_id']}", "", speed)
        if entry["expires_at"] is not None:
            self.credit_terms.append((doc["id"], entry["id"], entry["expires_at"]))

    def _step(self, doc: dict, plan: list[str], at: float, speed: float, rng: random.Random) -> float:
        """Moves a case to its next planned node at `at`; returns when it moves again: never into
        终本 before its gate is met (`termination`; the case waits at its closing review), but for
        the condition a passive officer skipped (`_cut_corner`)."""
        if not plan:
            return math.inf
        unmet = termination.unmet(doc, at, self.controls(doc["id"])) if plan[0] == "terminated_for_now" else []
        if set(unmet) - SKIPPED.get(doc.get("_cut"), set()):  # all but time
            met_at = doc["filed_at"] + (termination.AFTER_FILING_DAYS + rng.uniform(0, 1)) * DAY_S
            return max(met_at, at + DAY_S / speed)
        self._enter(doc, plan.pop(0), at, rng, plan, speed)
        if doc["node"] == "archived" and "termination" in doc:  # the pool's first re-query, six months after 终本
            return max(at, doc["termination"]["at"] + termination.REQUERY_EVERY_DAYS * DAY_S / speed)
        moves_at = at + stay_s(rng, doc["node"], self._pace(doc)) / speed
        earliest = doc["filed_at"] + termination.AFTER_FILING_DAYS * DAY_S
        if plan[:2] == ["closing_review", "terminated_for_now"]:  # the last measure works on till then
            moves_at = max(moves_at, earliest - rng.uniform(1, 3) * DAY_S)
        return moves_at

    # storage
    @staticmethod
    def _row(doc: dict, plan: list[str], next_step_at: float) -> tuple:
        closed_at = next((h["entered_at"] for h in doc["history"] if h["node"] in FINAL_NODES), None)
        return (
            doc["id"],
            doc["court_id"],
            doc["node"],
            doc["status"],
            doc["node_deadline"],
            doc["location"]["lon"],
            doc["location"]["lat"],
            doc["filed_at"],
            closed_at,
            doc["amount_sought"],
            doc["amount_realised"],
            dumps(doc),
            json.dumps(plan),
            None if math.isinf(next_step_at) else next_step_at,
            *_counted_by(doc),
        )

    def _save(self, db: sqlite3.Connection) -> None:
        if self._dirty or self._complained:
            self._write(db, self._dirty.values())
            self._dirty.clear()

    def _mask_parties(self) -> None:
        """Masks the parties of the cases filed before they were (by an earlier version), once."""
        rows = self._db.execute(
            "select id, doc from cases where json_extract(doc, '$.respondent.id_number') is null"
        ).fetchall()
        if not rows:
            return
        with self._db:
            for case_id, text in rows:
                doc = json.loads(text)
                for role in parties.ROLES:
                    doc[role] = parties.masked(doc, role, self._personal_key)
                self._db.execute("update cases set doc = ? where id = ?", (dumps(doc), case_id))

    def _order_credit_of_flags(self) -> None:
        """Gives the credit flags of cases made before 1.3 (flags alone) their orders, once: made when
        the case passed their node (or recorded them), ended when it was performed or ended."""
        if self._db.execute("select 1 from meta where key = 'credit_orders'").fetchone():
            return  # done at an earlier start: not every start reads every case again
        rows = self._db.execute(
            "select id, doc from cases where json_extract(doc, '$.credit') is null"
            " and (doc like '%\"dishonest\"%' or doc like '%\"consumption_restricted\"%')"
        ).fetchall()
        with self._db:
            self._db.execute("insert into meta (key, value) values ('credit_orders', '1.3')")
            for case_id, text in rows:
                doc = json.loads(text)
                doc["credit"] = []
                steps = [(v["entered_at"], v["node"]) for v in doc["history"]]
                for at, step in sorted(steps + [(a["at"], a["act"]) for a in doc.get("acts", ())]):
                    if step in credit.KIND_OF_NODE and not credit.in_force(doc, credit.KIND_OF_NODE[step]):
                        self._order_credit(doc, credit.KIND_OF_NODE[step], at, 1.0)
                    if (ended := _credit_ends(doc, step)) is not None:
                        credit.end_all(doc, ended, at, f"court:{doc['court_id']}")
                self._db.execute("update cases set doc = ? where id = ?", (dumps(doc), case_id))

    def _load_schedule(self) -> None:
        rows = self._db.execute("select next_step_at, id from cases where next_step_at is not null").fetchall()
        self._waiting: list[tuple[float, str]] = rows
        heapq.heapify(self._waiting)
        # Open cases by court, for the teams the courts send out and for the warnings.
        self._open: dict[str, dict[str, OpenCase]] = {}
        rows = self._db.execute(
            "select id, court_id, node, lon, lat, json_extract(doc, '$.number'), json_extract(doc, '$.officer'),"
            " json_extract(doc, '$.node_entered_at'), node_deadline,"
            " coalesce(json_extract(doc, '$._activity_at'), json_extract(doc, '$.node_entered_at')),"
            " json_extract(doc, '$.track') from cases where status = 'open'"
        )
        for case_id, court_id, *open_case in rows:
            self._open.setdefault(court_id, {})[case_id] = OpenCase(*open_case)

    def pick_open(self, court: Court, rng: random.Random) -> tuple[str, str, float, float] | None:
        """An open case of the court, at random: (id, node, lon, lat)."""
        cases = self._open.get(court.id)
        if not cases:
            return None
        case_id = rng.choice(sorted(cases)) if len(cases) < 64 else rng.choice(list(cases))
        case = cases[case_id]
        return case_id, case.node, case.lon, case.lat

    def _track(self, doc: dict) -> None:
        court_cases = self._open.setdefault(doc["court_id"], {})
        if doc["status"] == "open":
            court_cases[doc["id"]] = OpenCase(
                doc["node"],
                doc["location"]["lon"],
                doc["location"]["lat"],
                doc["number"],
                doc["officer"],
                doc["node_entered_at"],
                doc["node_deadline"],
                _activity_at(doc),
                doc["track"],
            )
        else:
            court_cases.pop(doc["id"], None)

    # warnings
    def touch(self, case_id: str, at: float) -> None:
        """A task or a measure moved on the case: its last activity, once a day at most (a task
        moves many times a day: the case is read only when a day may have passed)."""
        if at - self._touched.get(case_id, -math.inf) < ACTIVITY_GRAIN_S:
            return
        doc = self.get(case_id)
        if doc is None or doc["status"] != "open":
            return
        self._touched[case_id] = _activity_at(doc)
        if at - _activity_at(doc) >= ACTIVITY_GRAIN_S:
            self.modify(case_id, lambda doc: doc.update(_activity_at=at))
            self._touched[case_id] = at

    def open_cases(self, courts: frozenset[str] | None) -> list[tuple[str, str, OpenCase]]:
        """(court, case id, the open case) of every open case of `courts` (all when None): a copy,
        to grade off the event loop (`process_warnings`)."""
        chosen = self._open.keys() if courts is None else courts & self._open.keys()
        return [(court_id, case_id, case) for court_id in chosen for case_id, case in self._open[court_id].items()]

    def _load(self, case_id: str) -> tuple[dict, list[str], float] | None:
        """A case, its remaining path and when it moves next; a change of this tick included."""
        row = self._dirty.get(case_id)
        if row is None:
            row = self._db.execute("select * from cases where id = ?", (case_id,)).fetchone()
        if row is None:
            return None
        return json.loads(row[11]), json.loads(row[12]), math.inf if row[13] is None else row[13]

    def modify(self, case_id: str, change) -> dict:
        """Applies `change(doc)` to a case outside its planned path (an amount realised, a flag)."""
        doc, plan, next_step_at = self._load(case_id)
        change(doc)
        doc["version"] += 1
        self._dirty[case_id] = self._row(doc, plan, next_step_at)
        self._track(doc)
        self._records.emit("case.updated", present(doc, history=False, now=self._records.clock.now()))
        return doc

    def page(self, filters: dict, after_id: str, limit: int) -> list[dict]:
        """Cases in id order after `after_id`, filtered by court, node, status, overdue, a
        bounding box (west, south, east, north) and the courts of a jurisdiction."""
        clauses, params = ["id > ?"], [after_id]
        for column in ("court_id", "node", "status"):
            if filters.get(column):
                clauses.append(f"{column} = ?")
                params.append(filters[column])
        if filters.get("courts") is not None:
            courts = sorted(filters["courts"])
            clauses.append(f"court_id in ({', '.join('?' * len(courts))})")
            params += courts
        if filters.get("overdue") is not None:
            clauses.append(
                "status = 'open' and node_deadline < ?"
                if filters["overdue"]
                else "not (status = 'open' and coalesce(node_deadline, 1e18) < ?)"
            )
            params.append(self._records.clock.now())
        if filters.get("bbox"):
            west, south, east, north = filters["bbox"]
            clauses.append("lon between ? and ? and lat between ? and ?")
            params += [west, east, south, north]
        rows = self._db.execute(
            f"select doc from cases where {' and '.join(clauses)} order by id limit ?", (*params, limit)
        ).fetchall()
        return [json.loads(text) for (text,) in rows]

    @property
    def count(self) -> int:
        (count,) = self._db.execute("select count(*) from cases").fetchone()
        return count

    @property
    def open_count(self) -> int:
        return sum(len(cases) for cases in self._open.values())

    def open_after(self, after_id: str, limit: int) -> list[dict]:
        """The next `limit` open cases in id order after `after_id`, as they are now."""
        rows = self._db.execute(
            "select id, doc from cases where id > ? and status = 'open' order by id limit ?", (after_id, limit)
        ).fetchall()
        return [json.loads(self._dirty[case_id][11] if case_id in self._dirty else text) for case_id, text in rows]

    def get(self, case_id: str) -> dict | None:
        loaded = self._load(case_id)
        return None if loaded is None else loaded[0]

    # the simulation
    def tick(self, now: float, limit: int = 200) -> tuple[list[dict], list[dict]]:
        """Moves every case whose next step is due; returns the cases that moved, and the 终本
        cases of the pool due for their re-query (the next one is then scheduled)."""
        moved, requery = [], []
        while self._waiting and self._waiting[0][0] <= now and len(moved) + len(requery) < limit:
            due_at, case_id = heapq.heappop(self._waiting)
            doc, plan, next_step_at = self._load(case_id)
            if next_step_at != due_at:
                continue  # rescheduled by a command since (`_reschedule`)
            if not plan:  # archived in the 终本 pool: re-queried, unless resumed since
                self.examine(doc, now, True)  # a re-query come late (the backend was down) is situation 15
                self._reschedule(doc, plan, self._next_requery(doc, now, self.speed))
                if not doc.get("resumed_as"):
                    requery.append(doc)
                continue
            if bankruptcy.suspends(doc):  # suspended for bankruptcy review (中止执行): it waits
                self._reschedule(doc, plan, now + DAY_S / self.speed)
                continue
            self._reschedule(doc, plan, self._step(doc, plan, now, self.speed, self._rng))
            moved.append(doc)
            self._records.emit("case.node", present(doc, history=False, now=now))
        return moved, requery

    @staticmethod
    def _next_requery(doc: dict, now: float, speed: float) -> float:
        """Counts a re-query of a 终本 case; when the next is due (never after the pool's five years)."""
        if doc.get("resumed_as"):  # out of the pool
            return math.inf
        pool = doc["termination"]
        pool["requeries"] += 1
        if pool["requeries"] >= termination.POOL_YEARS * 2:
            return math.inf
        return now + termination.REQUERY_EVERY_DAYS * DAY_S / speed

    def _reschedule(self, doc: dict, plan: list[str], next_step_at: float) -> None:
        self._dirty[doc["id"]] = self._row(doc, plan, next_step_at)
        self._track(doc)
        if not math.isinf(next_step_at):
            heapq.heappush(self._waiting, (next_step_at, doc["id"]))

    # operators' casework
    def record_act(self, case_id: str, act: str, at: float, by: str, note: str) -> dict:
        """Records an act done on a case outside its path (the applicant heard, an investigation on
        the spot, an order issued)."""

        def record(doc: dict) -> None:
            doc.setdefault("acts", []).append({"act": act, "at": at, "by": by, **({"note": note} if note else {})})

        return self.modify(case_id, record)

    def terminate(self, case_id: str, at: float, by: str) -> dict:
        """终本 by a command: the case closes now, and is archived into the pool (the gate is the
        caller's to check)."""
        doc, _, _ = self._load(case_id)
        plan = ["archived"]
        self._enter(doc, "terminated_for_now", at, self._rng, plan, self.speed)
        doc["termination"]["by"] = by
        self._reschedule(doc, plan, at + stay_s(self._rng, "closing_review") / self.speed)
        self._records.emit("case.node", present(doc, history=False, now=at))
        return doc

    def resume(self, case_id: str, at: float, by: str) -> dict:
        """恢复执行: a new 执恢 case for what a 终本 case still owes, with the same parties, linked both
        ways; the old case leaves the pool."""
        old, old_plan, old_next_at = self._load(case_id)
        court = self._courts[old["court_id"]]
        self._resumed += 1
        doc = {
            "id": f"KH{self._resumed:06d}",  # apart from the book's K000001…, which may still be filing
            "number": self._next_number(court, "resumed", at),
            "court_id": court.id,
            "kind": "resumed",
            "track": old["track"],
            "applicant": old["applicant"],
            "respondent": old["respondent"],
            "amount_sought": funds.outstanding(old),
            "amount_realised": 0.0,
            "officer": old["officer"],
            "tags": old["tags"],
            "location": old["location"],
            "resumed_from": case_id,
            "_parties_of": old.get("_parties_of") or f"{old['id']}/{old['number']}",
        }
        self._open_file(doc, at)
        plan = plan_path(self._rng, "resumed")
        self._enter(doc, plan.pop(0), at, self._rng, plan, self.speed)
        self._reschedule(doc, plan, at + stay_s(self._rng, doc["node"]) / self.speed)
        self._records.emit("case.updated", present(doc, history=False, now=at))
        old["resumed_as"] = doc["id"]
        old["version"] += 1
        self._reschedule(old, old_plan, old_next_at if old_plan else math.inf)  # archived still, when not yet
        self._records.emit("case.updated", present(old, history=False, now=at))
        return doc


def add_indicator_columns(db: sqlite3.Connection) -> bool:
    """Adds the columns the indicators and the KPIs count by, and their indexes, to a cases table
    without them (or some of them: a book of 1.5 has all but `funds_due_at`); whether it did (the
    caller fills them in)."""
    held = {row[1] for row in db.execute("pragma table_info(cases)")}
    missing = [(column, kind) for column, kind in INDICATOR_COLUMNS if column not in held]
    if not missing:
        return False
    with db:
        for column, kind in missing:
            db.execute(f"alter table cases add column {column} {kind}")
        # the indicators read these alone, and never the documents beside them
        db.execute(
            "create index if not exists cases_indicators on cases (filed_at, court_id, closed_at, deadline,"
            " outcome, gate_met, sought, realised, listed_at)"
        )
        db.execute("create index if not exists cases_funds_due on cases (funds_due_at) where funds_due_at is not null")
    return True


def _counted_by(doc: dict) -> tuple:
    """What the indicators count a case by: its time limit, how it ended (None while open), for a
    终本 case whether its gate was met (`indicators`), when its respondent was first listed as
    dishonest (`campaigns`), and when money it holds is due to be paid out (`funds`, `kpis`)."""
    visited = [visit["node"] for visit in doc["history"]]
    ended = next((node for node in visited if node in FINAL_NODES), None)
    if ended == "archived":  # closed without a decision of its own: settled, or a preservation carried out
        ended = "settled" if "settlement" in visited else "preserved" if doc["kind"] == "preservation" else "closed"
    decided = doc.get("termination")
    gate_met = None
    if ended == "terminated_for_now" and decided is not None:
        gate_met = int(all(item["state"] != "unmet" for item in decided["checklist"]))
    listed = [c["ordered_at"] for c in doc.get("credit", ()) if c["kind"] == "dishonest"]
    return doc["deadline"], ended, gate_met, min(listed, default=None), doc.get("_funds_due_at")


def _activity_at(doc: dict) -> float:
    """When a node, a task or a measure last moved on the case (a book before 1.4: its node)."""
    return doc.get("_activity_at", doc["node_entered_at"])


def _credit_ends(doc: dict, node: str) -> str | None:
    """Why entering `node` ends the case's credit punishment (法释〔2017〕7号 art. 10), if it does:
    performed, ended otherwise, or archived settled (not after 终本, whose pool keeps the listing)."""
    if node in ENDS_CREDIT:
        return ENDS_CREDIT[node]
    if node == "archived" and doc.get("termination") is None:
        return "settled" if any(visit["node"] == "settlement" for visit in doc["history"]) else "case_ended"
    return None


def _source_of(doc: dict) -> str:
    """Where money realised on a case's path came from, by the nodes it went through."""
    visited = {visit["node"] for visit in doc["history"]}
    for node, source in (
        ("settlement", "和解履行款"),
        ("sale", "变卖价款"),
        ("online_auction", "拍卖价款"),
        ("deduction", "扣划存款"),
    ):
        if node in visited:
            return source
    return "被执行人交付"


TIME_FIELDS = ("filed_at", "deadline", "node_entered_at", "node_deadline")
DETAIL_FIELDS = (
    "history",
    "acts",
    "termination",
    "ledger",
    "coercions",
    "credit",
    "bankruptcy",
    "relief",
    "disposals",
    "complaints",
)
# The nodes that end a respondent's credit punishment, and why (法释〔2017〕7号 art. 10).
ENDS_CREDIT = {
    "completed": "performed",
    "terminated": "case_ended",
    "not_enforced": "case_ended",
}  # shown with the case's detail only


def _termination(doc: dict, now: float, controlled: bool) -> dict | None:
    """The 终本 gate of a case: its checklist now while the case is open, as it stood at 终本 after;
    and the pool's re-queries. None for a case that cannot end in 终本, or closed otherwise."""
    decided = doc.get("termination")
    if decided is None:
        if doc["status"] != "open" or not termination.applies(doc):
            return None
        checklist = termination.checklist(doc, now, controlled)
        return {"checklist": checklist, "decided_at": None, "decided_by": None, "requeries": 0}
    return {
        "checklist": decided["checklist"],
        "decided_at": utc_iso(decided["at"]),
        "decided_by": decided["by"],
        "requeries": decided.get("requeries", 0),
    }


def present(doc: dict, *, history: bool, now: float, controlled: bool = False, speed: float = 1.0) -> dict:
    """A case as the API shows it at `now`: times in ISO 8601, `overdue` worked out, history when
    asked (with the 终本 gate, for which `controlled` says whether a measure holds its property)."""
    shown = {key: value for key, value in doc.items() if key not in DETAIL_FIELDS and not key.startswith("_")}
    for key in TIME_FIELDS:
        shown[key] = None if doc[key] is None else utc_iso(doc[key])
    shown["overdue"] = doc["status"] == "open" and doc["node_deadline"] is not None and doc["node_deadline"] < now
    activity_at = _activity_at(doc)
    shown["last_activity_at"] = utc_iso(activity_at)
    moments = process_warnings.thresholds(
        doc["status"], doc["node_entered_at"], doc["node_deadline"], activity_at, doc["track"]
    )
    shown["warnings"] = {name: None if at is None else utc_iso(at) for name, at in moments.items()}
    if history:
        shown["acts"] = [
            {"act": a["act"], "at": utc_iso(a["at"]), "by": a["by"], "note": a.get("note", "")}
            for a in doc.get("acts", ())
        ]
        shown["termination"] = _termination(doc, now, controlled)
        shown["ledger"] = funds.present(doc, now)
        shown["coercions"] = coercion.present(doc, now, speed)
        shown["credit"] = credit.present(doc, now)
        shown["bankruptcy"] = bankruptcy.present(doc)
        shown["relief"] = relief.present(doc)
        shown["disposals"] = disposal.present(doc)
        shown["complaints"] = [
            {
                "id": c["id"],
                "party": c["party"],
                "received_at": utc_iso(c["received_at"]),
                "due_at": utc_iso(c["due_at"]),
                "concluded_at": utc_iso(c["concluded_at"]) if c["concluded_at"] <= now else None,
                "overdue": min(now, c["concluded_at"]) > c["due_at"],
            }
            for c in doc.get("complaints", ())
        ]
        shown["history"] = [
            {
                "node": h["node"],
                "entered_at": utc_iso(h["entered_at"]),
                "left_at": None if h["left_at"] is None else utc_iso(h["left_at"]),
                "deadline": None if h["deadline"] is None else utc_iso(h["deadline"]),
                "overdue": h["deadline"] is not None and (h["left_at"] or now) > h["deadline"],
            }
            for h in doc["history"]
        ]
    return shown
