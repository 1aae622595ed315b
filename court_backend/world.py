"""The backend's world: every court, case, team, task, query, escalation and approval, moved by the
simulation and changed by operators' commands, each change committed with its events and audit.

Commands check the caller's permission and the object's version, and refuse with a problem that
says why; they validate everything before changing anything, so a refusal changes nothing.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from court_backend import (
    audit,
    bankruptcy,
    campaigns,
    check_ins,
    coercion,
    credit,
    disposal,
    funds,
    indicators,
    kpis,
    parties,
    relief,
    situations,
    supervision,
    termination,
)
from court_backend.accounts import Principal
from court_backend.assets import Assets
from court_backend.authority import Jurisdiction, allow
from court_backend.cases import CaseBook
from court_backend.cases import present as present_case
from court_backend.catalogue import (
    API_VERSION,
    APPROVAL_THRESHOLD_YUAN,
    BAILIFF_TASKS,
    CATEGORIES,
    COERCION_KINDS,
    DAY_S,
    FINE_ORGANISATION_YUAN,
    MAX_DETENTION_DAYS,
    MAX_FINE_PERSON_YUAN,
    NODE_BY_CODE,
    PERMISSIONS,
    TASK_OPEN_STATES,
)
from court_backend.clock import Clock, epoch_of, utc_iso
from court_backend.escalations import (
    EMERGENCY_KINDS,
    FIELD_KINDS,
    FIELD_WEIGHTS,
    Escalations,
)
from court_backend.events import DEFAULT_KEEP_S, DEFAULT_RETENTION, EventLog
from court_backend.geography import build_courts, load_divisions
from court_backend.problems import Problem
from court_backend.records import Records, public
from court_backend.simulation import OPERATING, Simulation
from court_backend.storage import DATABASE_FILE, open_database, secret

WARM_UP_S = 7200.0
FILED_FIRST = 500  # cases filed before the backend listens: enough for the teams' first shift
FILING_CHUNK = 100  # cases filed at a time after that (some 30 ms), between the requests of the clients
FIELD_ESCALATION_PER_OPERATING_S = 1 / (5 * 3600.0)
LOST_CONTACT_AFTER_S = 120.0
UNFROZEN_HIT_AFTER_S = 1800.0
KPI_EVERY_S = 60.0
SUPERVISE_EVERY_S = 1800.0  # the simulation's courts above issue a 督办 on a seriously overdue case this often
SUPERVISION_DAYS = (3.0, 10.0)  # its deadline, this many days on
ANSWERED_IN_TIME = 0.85  # of the simulation's orders, those the court addressed answers before the deadline
REPLY_ACCEPTED = 0.8  # of their replies, those the issuing court accepts
FINDINGS_SWEEP_S = 3600.0  # every open case is looked at for passive enforcement this often, in turn
RELIEF_ACTIONS = {"approved": "approve_relief", "rejected": "reject_relief", "paid": "pay_relief"}  # as audited


@dataclass(frozen=True)
class Config:
    data_dir: Path
    seed: int = 1
    teams: int = 200
    cases: int = 50_000
    speed: float = 1.0
    event_retention: int = DEFAULT_RETENTION
    event_keep_s: float = DEFAULT_KEEP_S
    event_rate: float = 0.0  # extra heartbeats a second, for load tests
    stepped_clock: bool = False  # for tests: the simulation moves only when stepped (court_backend.clock)
    demo_accounts: bool = False  # a new data directory gets the demo's accounts (accounts.DEMO_ACCOUNTS)


BEIJING = timezone(timedelta(hours=8), "CST")


def _last_position(team) -> tuple[float | None, float | None]:
    """Where the centre last knew the team to be (`Team.reported`), or nowhere."""
    if team is None:
        return None, None
    position = team.reported or team.position_json()
    return position["lon"], position["lat"]


def _clock_time(at: float) -> str:
    """A moment as the centre reads it on its wall clock: 北京时间 hours and minutes."""
    return datetime.fromtimestamp(at, BEIJING).strftime("%H:%M")


def count_figures(database: Path, held: list[dict], now: float) -> tuple[dict, dict[str, dict[str, dict]]]:
    """The indicators, and the progress of the campaigns `held`: read from the database, off the
    loop thread (`World.figure_inputs`, `World.publish_figures`)."""
    return indicators.compute(database, now), campaigns.progress(database, held, now)


class World:
    def __init__(self, config: Config, clock: Clock) -> None:
        now = clock.now()
        self.config = config
        self.clock = clock
        self.database = config.data_dir / DATABASE_FILE
        db = open_database(config.data_dir)
        self.events = EventLog(db, config.event_retention, config.event_keep_s)
        self.records = Records(db, self.events, clock)
        divisions = load_divisions()
        self.courts = build_courts(divisions)
        self.court_by_id = {court.id: court for court in self.courts}
        self._high_court_id = next(court.id for court in self.courts if court.parent_id is None)
        self.jurisdiction = Jurisdiction(self.courts)
        self.personal_key = secret(db, "personal_data_key")  # derives the parties' personal data
        self.cases = CaseBook(
            self.records, self.courts, divisions, seed=config.seed, speed=config.speed, personal_key=self.personal_key
        )
        self.findings = situations.FindingBook(self.records)
        self.cases.examine = self._examine
        self._swept_to = ""  # the open cases are looked at in id order, a share of them each tick
        # A new book is filed in stages: enough for the teams' shift before the backend listens,
        # the rest once it does, published as it comes (a stepped clock files it all at once).
        self.cases.start_filing(config.cases, now)
        self.cases.file(config.cases if config.stepped_clock else FILED_FIRST, now, announce=False)
        self.rng = random.Random(config.seed * 104729 + 3)
        self.load_rng = random.Random(config.seed)
        self.simulation = Simulation(
            self.records,
            self.courts,
            self.cases.pick_open,
            seed=config.seed,
            teams=config.teams,
            speed=config.speed,
            now=now,
        )
        if not self.simulation.restore():
            self.simulation.warm_up(now, WARM_UP_S)
            self.simulation.mark_all_changed()
        self.assets = Assets(self.records, self.rng, config.speed)
        self.cases.controls = self.assets.controls
        for kind in ("task", "measure"):  # each moves its case's last activity on (its idle warning)
            self.records.watch(kind, lambda doc: self.cases.touch(doc["case_id"], epoch_of(doc["updated_at"])))
        self.records.watch("measure", self._find_lapsed)
        self.escalations = Escalations(self.records, self.rng, config.speed)
        self.records.court_from = self.court_from
        self.records.commit()
        self.kpis = self.compute_kpis(now)
        # The indicators and the campaigns' progress, as last counted and served: counted again
        # with the KPIs, and each court's change published (`publish_figures`).
        self.indicators: dict | None = None
        self.campaign_progress: dict[str, dict[str, dict]] = {}
        self.campaign_progress_at = now
        if not self.cases.filing:
            self._plan_campaigns(now)
        self._coercing = self._cases_coercing()
        self._awaiting_ruling = self._cases_awaiting_ruling()
        # The supervision orders still to answer, and not yet overdue: watched for their deadline.
        self._supervising = {
            o["id"] for o in self.records.all("supervision") if supervision.unanswered(o) and not o["overdue"]
        }
        # The simulation's own orders with a step still to come (`_supervise_by_the_courts`).
        self._courts_supervising = {o["id"] for o in self.records.all("supervision") if o.get("_next")}
        self._next_supervision = now  # the first at once: a centre opening its console sees one
        self._credit_expiring = self._credit_terms()
        self._upgrade_tasks()
        # The tasks on scene, whose teams check in (`check_ins`): followed as they come and go.
        self._on_scene = {t["id"] for t in self.records.all("task") if t["state"] == "on_scene"}
        self.records.watch("task", self._follow_scene)
        self._next_kpis = now + KPI_EVERY_S

    def file_more(self, now: float) -> bool:
        """Files the next chunk of a book still being filed, and publishes it; False once it is all
        filed (the KPIs are then computed afresh)."""
        if not self.cases.filing:
            return False
        self.cases.file(FILING_CHUNK, now, announce=True)
        self.records.commit()
        if not self.cases.filing:
            self._next_kpis = now
            self._plan_campaigns(now)
        return self.cases.filing

    def _plan_campaigns(self, now: float) -> None:
        """The demo's campaigns, their targets set from the whole book (`campaigns`), once."""
        campaigns.plan_demo(self.records, self.database, [court.id for court in self.courts], now)
        self.records.commit()

    def close(self) -> None:
        self.records.db.close()

    # the clock
    def tick(self, dt: float, now: float) -> None:
        self.simulation.tick(dt, now)
        moved, requery = self.cases.tick(now)
        for case in moved:
            self._examine(case, now)
            if case["node"] == "network_query_national":
                self.assets.launch(case, "national", list(CATEGORIES), now, "system")
            elif case["node"] == "network_query_provincial":
                self.assets.launch(case, "provincial", list(CATEGORIES), now, "system")
            elif case["node"] in coercion.NUMBERED:
                self._coerce_by_the_court(case, case["node"], now)
        for case in requery:  # the 终本 pool, every six months (`termination`)
            self.assets.launch(case, "national", list(CATEGORIES), now, "system", pooled=True)
        self.assets.tick(now, self._on_deducted)
        self._carry_out_coercions(now)
        self._end_credit_terms(now)
        self._warn_of_late_rulings(now)
        self._lapse_supervision(now)
        self._supervise_by_the_courts(now)
        self._sweep_for_findings(dt, now)
        self._raise_field_escalations(dt, now)
        self._climb_check_in_ladders(now)
        self._raise_system_escalations(now)
        self.escalations.tick(now)
        self.records.commit()

    def emit_heartbeats(self, count: int, now: float) -> None:
        """Load for tests: `count` extra heartbeats of teams in contact, each a true `team.position`."""
        self.simulation.heartbeat(self.load_rng, count, now)
        self.records.commit()

    def kpis_due(self, now: float) -> bool:
        if now < self._next_kpis:
            return False
        self._next_kpis = now + KPI_EVERY_S
        return True

    def kpi_inputs(self, now: float) -> tuple:
        """What `kpis.compute` needs from memory, taken on the loop thread."""
        statuses = [team.status for team in self.simulation.teams]
        open_escalations = [
            (e["severity"], _epoch(e["raised_at"])) for e in self.records.all("escalation") if e["state"] != "resolved"
        ]
        return self.database, now, statuses, open_escalations

    def compute_kpis(self, now: float) -> dict:
        return kpis.compute(*self.kpi_inputs(now))

    def publish_kpis(self, doc: dict) -> None:
        self.kpis = doc
        self.records.emit("kpi.updated", doc)
        self.records.commit()

    def figure_inputs(self, now: float) -> tuple:
        """What `count_figures` needs from memory, taken on the loop thread."""
        return self.database, list(self.records.all("campaign")), now

    def publish_figures(self, counted: dict, progress: dict[str, dict[str, dict]], now: float) -> None:
        """Keeps the indicators and the campaigns' progress as counted (`count_figures`), and
        publishes what changed of each court's: the figures a client holds stay the ones served."""
        before = {court["court_id"]: court for court in self.indicators["courts"]} if self.indicators else {}
        for court in counted["courts"]:
            if before.get(court["court_id"]) != court:
                update = {**court, "computed_at": counted["computed_at"], "since": counted["since"]}
                self.records.emit("indicator.updated", {**update, "targets": counted["targets"]})
        self.indicators = counted
        for campaign in self.records.all("campaign"):
            done, was = progress.get(campaign["id"]), self.campaign_progress.get(campaign["id"], {})
            if done is None:  # planned while they were counted
                continue
            for court in campaign["courts"]:
                if was.get(court["court_id"]) != done[court["court_id"]]:
                    self.records.emit("campaign.progress", campaigns.progress_of(campaign, court, done, now))
        self.campaign_progress.update(progress)
        self.campaign_progress_at = now
        self.records.commit()

    def _on_deducted(self, measure: dict, now: float) -> float:
        """A deduction carried out: the money arrives in the case account (`funds`), up to what the
        case still owes (it may have been paid meanwhile); answers what it took."""
        case = self.cases.get(measure["case_id"])
        taken = round(min(measure["done_amount"], max(0.0, funds.outstanding(case))), 2)
        if taken > 0:
            source = f"扣划 {measure['institution']}（{measure['id']}）"
            self.cases.modify(
                measure["case_id"], lambda doc: funds.receive(doc, taken, now, measure["requested_by"], source)
            )
        return taken

    def _credit_terms(self) -> dict[tuple[str, str], float]:
        """When each listing in force with a term ends, by (case, order)."""
        rows = self.records.db.execute(
            "select cases.id, json_extract(c.value, '$.id'), json_extract(c.value, '$.expires_at')"
            " from cases, json_each(cases.doc, '$.credit') c"
            " where json_extract(c.value, '$.state') = 'in_force' and json_extract(c.value, '$.expires_at') is not null"
        )
        return {(case_id, entry_id): expires_at for case_id, entry_id, expires_at in rows}

    def _end_credit_terms(self, now: float) -> None:
        """A listing whose term has ended comes off the list (法释〔2017〕7号 art. 2, 10)."""
        for case_id, entry_id, expires_at in self.cases.credit_terms:  # made on cases' paths since
            self._credit_expiring[case_id, entry_id] = expires_at
        self.cases.credit_terms.clear()
        for (case_id, entry_id), expires_at in sorted(self._credit_expiring.items()):
            if now < expires_at:
                continue
            del self._credit_expiring[case_id, entry_id]

            def expire(doc: dict, entry_id: str = entry_id) -> None:
                entry = credit.find(doc, entry_id)
                if entry["state"] == "in_force":
                    credit.end(doc, entry, "expired", "term_ended", now, "system")

            self.cases.modify(case_id, expire)

    def _lapse_supervision(self, now: float) -> None:
        """Each supervision order unanswered at its deadline: overdue, and an escalation to the
        court that issued it, once (situation 19)."""
        for order_id in sorted(self._supervising):
            order = self.records.get("supervision", order_id)
            if not supervision.unanswered(order) or order["overdue"]:
                self._supervising.discard(order_id)
            elif now >= order["_deadline_at"]:
                supervision.lapse(self.records, order, now)
                case = self.cases.get(order["case_ids"][0])
                self.escalations.raise_(
                    "supervision_overdue",
                    now,
                    court_id=order["issuer_court_id"],
                    case_id=case["id"],
                    lon=case["location"]["lon"],
                    lat=case["location"]["lat"],
                    about=f"supervision:{order_id}",
                    note=f"{order['number']}: {order['requirement']}",
                )
                evidence = [
                    situations.fact("supervision_issued", _epoch(order["issued_at"]), ref=order["number"]),
                    situations.fact("due", order["_deadline_at"]),
                    situations.fact("checked", now),
                ]
                self.findings.raise_(19, order_id, case, evidence, now)
                self._supervising.discard(order_id)

    def _supervise_by_the_courts(self, now: float) -> None:
        """The simulation's supervision: now and then a court above (the intermediate court or the
        high court) issues a 督办 on a seriously overdue case of a court below; the court addressed
        answers, mostly in time (an order left unanswered lapses, and its issuer is warned); the
        issuing court accepts the reply, or returns it, after some hours."""
        speed, rng = self.config.speed, self.rng
        for order_id in sorted(self._courts_supervising):
            order = self.records.get("supervision", order_id)
            step, at = order["_next"]
            if now < at:
                continue
            if step == "replied" and not supervision.unanswered(order):  # answered by an operator since
                order["_next"] = None
                self.records.put("supervision", order)
            else:
                by = f"court:{order['court_id'] if step == 'replied' else order['issuer_court_id']}"
                note = {
                    "replied": rng.choice(
                        ("已约谈承办人，限期办结", "已完成该节点办理，正推进后续程序", "已补充财产调查并报告")
                    ),
                    "accepted": "同意",
                    "returned": "办理情况不完整，请补充材料",
                }[step]
                supervision.move(self.records, order, step, now, by, note)
                order["_next"] = self._after(order, step, now)
            if order["_next"] is None:
                self._courts_supervising.discard(order_id)
        if now < self._next_supervision:
            return
        self._next_supervision = now + SUPERVISE_EVERY_S / speed
        supervised = {o["case_id"] for o in self.records.all("supervision") if o["state"] != "accepted"}
        late = [
            (court_id, case_id, case)
            for court_id, case_id, case in self.cases.open_cases(None)
            if case.deadline is not None
            and now > 2 * case.deadline - case.entered_at
            and self.court_by_id[court_id].parent_id is not None
            and case_id not in supervised
        ]
        if not late:
            return
        court_id, case_id, case = rng.choice(sorted(late))
        parent = self.court_by_id[court_id].parent_id
        issuer = parent if self.court_by_id[parent].parent_id is None or rng.random() < 0.5 else self._high_court_id
        days_over = int((now - case.deadline) / DAY_S)
        node = NODE_BY_CODE[case.node].name
        requirement = f"“{node}”节点已超期{days_over}天，请限期办理并报告"
        deadline = now + rng.uniform(*SUPERVISION_DAYS) * DAY_S / speed
        number = self.cases.next_number(issuer, "执督", now)
        order = supervision.issue(
            self.records, number, issuer, court_id, [case_id], requirement, deadline, now, f"court:{issuer}"
        )
        order["_next"] = (
            ("replied", now + rng.uniform(0.2, 0.9) * (deadline - now)) if rng.random() < ANSWERED_IN_TIME else None
        )
        self._supervising.add(order["id"])
        if order["_next"] is not None:
            self._courts_supervising.add(order["id"])

    def _after(self, order: dict, step: str, now: float) -> tuple[str, float] | None:
        """The simulation's next step on its own order after `step`: a decision some hours after a
        reply; a reply again some days after a return."""
        rng, speed = self.rng, self.config.speed
        if step == "replied":
            decision = "accepted" if rng.random() < REPLY_ACCEPTED else "returned"
            return decision, now + rng.uniform(2, 24) * 3600 / speed
        if step == "returned":
            return "replied", now + rng.uniform(1, 3) * DAY_S / speed
        return None

    def _cases_awaiting_ruling(self) -> set[str]:
        """The cases transferred for bankruptcy review whose ruling has not come."""
        rows = self.records.db.execute(
            "select id from cases where json_extract(doc, '$.bankruptcy.state') = 'transferred'"
        )
        return {case_id for (case_id,) in rows}

    def _warn_of_late_rulings(self, now: float) -> None:
        """Warns the case's court when the court it transferred a case to has not ruled within its
        30 days (法发〔2017〕2号); once for each transfer."""
        for case_id in sorted(self._awaiting_ruling):
            case = self.cases.get(case_id)
            referral = case.get("bankruptcy") or {}
            if referral.get("state") != "transferred":
                self._awaiting_ruling.discard(case_id)
            elif now >= referral["rule_by"]:
                self._raise_about_case("bankruptcy_ruling_due", case, f"ruling:{case_id}:{referral['rule_by']}", now)
                self._awaiting_ruling.discard(case_id)

    def _cases_coercing(self) -> set[str]:
        """The cases with a coercion still to carry out: a team to send, a family to tell."""
        rows = self.records.db.execute(
            "select distinct cases.id from cases, json_each(cases.doc, '$.coercions') c"
            " where json_extract(c.value, '$.state') in ('emergency', 'decided')"
        )
        return {case_id for (case_id,) in rows}

    def _carry_out_coercions(self, now: float) -> None:
        """Sends a team with judicial police to carry out each detention or 拘传 decided (送拘), as
        soon as one near its court stands by, and another when that task fails or is cancelled; a
        detained person is in custody once it is done. Warns of a family not yet told in time."""
        speed = self.config.speed
        for case_id in sorted(self._coercing):
            case = self.cases.get(case_id)
            pending = False
            for c in case.get("coercions", ()):
                if c["state"] not in ("emergency", "decided"):
                    continue
                if c["kind"] in coercion.CARRIED_OUT and not c.get("carried_out", False):
                    pending = True
                    self._follow_escort(case, c, now)
                due = coercion.family_notice_due(c, speed)
                if due is not None and c["family_notified_at"] is None:
                    pending = True
                    if (told_after := c.get("_tell_family_after")) is not None and now >= c["detained_at"] + told_after:
                        self._told_by_the_court(case_id, c, now)
                        continue
                    if now >= due - coercion.NOTICE_WARNING_HOURS * coercion.HOUR_S / speed:
                        self._raise_about_case("family_notice_due", case, f"notice:{case_id}:{c['id']}", now)
                    if now >= due:  # the 24 hours are out: warned again, louder
                        self._raise_about_case("family_notice_overdue", case, f"notice-late:{case_id}:{c['id']}", now)
            if not pending:
                self._coercing.discard(case_id)

    def _follow_escort(self, case: dict, c: dict, now: float) -> None:
        """A team sent when none is, or when the one sent failed or was called off; the coercion
        carried out when its task is done."""
        task = self.records.get("task", c["task_id"]) if c["task_id"] else None
        if task is None:
            self._send_escort(case, c, now)
        elif task["state"] not in TASK_OPEN_STATES:
            self.cases.modify(case["id"], lambda doc: coercion.escorted(coercion.find(doc, c["id"]), task, now))

    def _coerce_by_the_court(self, case: dict, kind: str, now: float) -> None:
        """A fine or a detention that the case's court decided by itself on the case's path (its
        president, off the console): numbered, carried out, and the family told, most often in time."""
        rng, respondent = self.rng, case["respondent"]
        company = respondent["type"] == "company"
        details = {
            "person": f"{respondent['name']}法定代表人" if company and kind == "detention" else respondent["name"],
            "act": "有能力履行而拒不履行生效法律文书确定的义务",
            "reason": "拒不履行",
            "days": rng.randint(5, MAX_DETENTION_DAYS) if kind == "detention" else None,
            "amount": None,
        }
        if kind == "fine":
            low, high = (1_000, 50_000) if not company else (FINE_ORGANISATION_YUAN[0], 300_000)
            details["amount"] = float(round(rng.uniform(low, high), -2))
        if coercion.punished_before(case, kind, details["person"], details["act"]):
            return
        court = f"court:{case['court_id']}"
        number = self.cases.next_number(case["court_id"], "司惩", now)
        late = rng.random() < 0.1  # now and then a family is told late: the centre is warned
        told_in_s = (rng.uniform(25, 30) if late else rng.uniform(1, 20)) * coercion.HOUR_S / self.config.speed

        def decide(doc: dict) -> None:
            c = coercion.ask(doc, kind, details, False, now, court)
            coercion.decide(c, True, number, now, court, "")
            c["_tell_family_after"] = told_in_s if kind == "detention" else None  # from the detention

        self.cases.modify(case["id"], decide)
        self._coercing.add(case["id"])

    def _told_by_the_court(self, case_id: str, c: dict, now: float) -> None:
        def tell(doc: dict) -> None:
            coercion.notify_family(coercion.find(doc, c["id"]), now, c["decided_by"], "电话通知其近亲属")

        self.cases.modify(case_id, tell)

    def _send_escort(self, case: dict, c: dict, now: float) -> None:
        where = case["location"]
        team = self.simulation.standby_team(
            self.court_by_id[case["court_id"]], where["lon"], where["lat"], bailiff=True
        )
        if team is None:
            return
        kind = coercion.TASK_KIND[c["kind"]]
        note = f"{c['decision_number'] or '拘传'}：{c['person']}"
        task = self.simulation.create_task(
            team, case["id"], case["location"]["lon"], case["location"]["lat"], kind, now, by="system", note=note
        )
        self.cases.modify(case["id"], lambda doc: coercion.find(doc, c["id"]).update(task_id=task["id"]))

    # passive enforcement (消极执行)
    def _examine(self, case: dict, now: float, announce: bool = True) -> None:
        """Raises a finding of each situation the case shows now, once."""
        shown = situations.of_case(case, now)
        if (pool := situations.pool_not_requeried(case, now)) is not None:
            shown.append(pool)
        for situation, evidence in shown:
            self.findings.raise_(situation, case["id"], case, evidence, now, announce)

    def _find_lapsed(self, measure: dict) -> None:
        """9: a control measure that lapsed without a renewal."""
        if measure["state"] == "lapsed":
            at = epoch_of(measure["updated_at"])
            evidence = [situations.fact("measure_lapsed", at, ref=measure["id"])]
            self.findings.raise_(9, measure["id"], self.cases.get(measure["case_id"]), evidence, at)

    def _sweep_for_findings(self, dt: float, now: float) -> None:
        """The next open cases in turn (all of them every FINDINGS_SWEEP_S), for what only time
        shows (a limit passed with nothing done); then, once the whole book is through, the hits
        left uncontrolled (6) and the new hits on 终本 cases left unresumed (16)."""
        share = max(1, math.ceil(self.cases.open_count * dt / FINDINGS_SWEEP_S))
        cases = self.cases.open_after(self._swept_to, share)
        for case in cases:
            self._examine(case, now)
        self._swept_to = cases[-1]["id"] if len(cases) == share else ""
        if self._swept_to:
            return
        hit_limit = situations.SITUATIONS[6][1] * DAY_S
        for query_id, result_id, answered_at in self.assets.unfrozen_hits():
            if now > answered_at + hit_limit:
                query = self.records.get("query", query_id)
                evidence = [
                    situations.fact("hit", answered_at, ref=f"{query_id}/{result_id}"),
                    situations.fact("due", answered_at + hit_limit),
                    situations.fact("checked", now),
                ]
                self.findings.raise_(6, f"{query_id}/{result_id}", self.cases.get(query["case_id"]), evidence, now)
        pool_limit = situations.SITUATIONS[16][1] * DAY_S
        for query in self.records.all("query"):
            if not (query.get("_pooled") and query["counts"]["hit"]):
                continue
            hit_at = min(_epoch(r["answered_at"]) for r in query["results"] if r["hit"])
            if now > hit_at + pool_limit and not (case := self.cases.get(query["case_id"])).get("resumed_as"):
                evidence = [
                    situations.fact("hit", hit_at, ref=query["id"]),
                    situations.fact("due", hit_at + pool_limit),
                    situations.fact("checked", now),
                ]
                self.findings.raise_(16, query["id"], case, evidence, now)

    # the check-in ladder (`check_ins`)
    def _upgrade_tasks(self) -> None:
        """Tasks from before check-ins (1.6) get their interval, and none made."""
        for task in self.records.all("task"):
            if "checkin_every_min" not in task:
                task.update(checkin_every_min=check_ins.interval_min(task["kind"], None), check_ins=[])
                task.update(checkin_due_at=None, checkin_missed_at=None)
                self.records.put("task", task)
        self.records.commit()

    def _follow_scene(self, task: dict) -> None:
        """A task put: on scene, its first check-in is due an interval on; off it, none is."""
        if task["state"] == "on_scene":
            if task["id"] not in self._on_scene:
                self._on_scene.add(task["id"])
                check_ins.begin(task, self.clock.now(), self.config.speed)
        elif task["id"] in self._on_scene:
            self._on_scene.discard(task["id"])
            check_ins.end(task)

    def _climb_check_in_ladders(self, now: float) -> None:
        """The simulated teams on scene check in when they planned to; a check-in missed climbs
        its ladder: the centre warned at once, a P2 at two minutes, a P1 at five."""
        speed = self.config.speed
        for task_id in sorted(self._on_scene):
            task = self.records.get("task", task_id)
            team = self.simulation.team(task["team_id"])
            due = task.get("_checkin_due")
            if due is None:  # on scene since before check-ins
                check_ins.begin(task, now, speed)
                self._put_task(task)
                continue
            planned = due + check_ins.planned_lateness(task_id, due, speed)
            if team is not None and now >= planned and now >= team.silent_until:
                self._check_in(task, team.id, check_ins.under_duress(task_id, due), now)
                continue
            for rung in range(task["_ladder"] + 1, check_ins.rung(task, now, speed) + 1):
                self._climb(task, team, rung, due, now)

    def _climb(self, task: dict, team, rung: int, due: float, now: float) -> None:
        task["_ladder"] = rung
        lon, lat = _last_position(team)
        if rung == 1:  # the centre is told at once
            task["checkin_missed_at"] = utc_iso(due)
            self._put_task(task)
        elif rung == 2:
            note = f"应于 {_clock_time(due)} 报平安（每 {task['checkin_every_min']} 分钟一次），逾时未报"
            escalation = self._raise_about_task("checkin_missed", task, now, note, about=f"checkin:{task['id']}:{due}")
            task["_checkin_escalation"] = escalation["id"]
            self.records.put("task", task)
        else:
            escalation = self.records.get("escalation", task.get("_checkin_escalation", ""))
            if escalation is not None and escalation["state"] != "resolved":
                where = "" if lon is None else f"；最后位置 {lon:.5f}, {lat:.5f}"
                note = f"逾时五分钟仍未报平安，升为一级{where}"
                self.escalations.raise_severity(escalation, "P1", now, note, lon=lon, lat=lat)

    def _check_in(self, task: dict, by: str, duress: bool, now: float) -> None:
        """A check-in, as the field device sends it: under duress it looks the same, and a P1
        is raised at once where the team is."""
        missed = task["checkin_missed_at"]
        check_ins.record(task, now, by, self.config.speed)
        self._put_task(task)
        escalation = self.records.get("escalation", task.pop("_checkin_escalation", ""))
        if missed and escalation is not None and escalation["state"] != "resolved":
            self.escalations.note(
                escalation, "checked_in", now, by, f"队伍已报平安（应于 {_clock_time(epoch_of(missed))} 报）"
            )
        if duress:
            self._raise_about_task("duress", task, now, "队员以胁迫暗号报平安：现场看似如常，实为求救")

    def _raise_about_task(self, kind: str, task: dict, now: float, note: str, about: str | None = None) -> dict:
        """Raises an escalation of `kind` about a task's team, where the centre last knew it to be."""
        lon, lat = _last_position(self.simulation.team(task["team_id"]))
        return self.escalations.raise_(
            kind,
            now,
            court_id=task["court_id"],
            case_id=task["case_id"],
            team_id=task["team_id"],
            lon=lon,
            lat=lat,
            about=about,
            note=note,
        )

    def _put_task(self, task: dict) -> None:
        task["updated_at"] = utc_iso(self.clock.now())
        task["version"] += 1
        self.records.put("task", task)
        self.records.emit("task.updated", task)

    def check_in(self, who: Principal, task_id: str, duress: bool, now: float) -> dict:
        """POST /tasks/{id}/check-ins: a team on scene says it is safe (or, with its silent
        code, that it is not); the answer is the same either way."""
        allow(who, "task.check_in")
        task = self.records.get("task", task_id)
        if task is None:
            raise Problem(404, "not-found", f"There is no task {task_id}.")
        self._within(who, task, f"Task {task_id}")
        if task["state"] != "on_scene":
            raise Problem(
                409, "task-not-on-scene", f"Task {task_id} is {task['state']}: only a team on scene checks in."
            )
        before = self.records.snapshot(task)
        self._check_in(task, who.username, duress, now)
        self._audit(who, "check_in", "task", task, before, {"duress": duress})
        return public(task)

    def _raise_field_escalations(self, dt: float, now: float) -> None:
        chance = dt * self.config.speed * FIELD_ESCALATION_PER_OPERATING_S
        for team in self.simulation.teams:
            if team.status != OPERATING or team.task_id is None or self.rng.random() >= chance:
                continue
            kind = self.rng.choices(FIELD_KINDS, FIELD_WEIGHTS)[0]
            task = self.records.get("task", team.task_id)
            self.escalations.raise_(
                kind, now, court_id=team.court.id, case_id=task["case_id"], team_id=team.id, lon=team.lon, lat=team.lat
            )
            if kind in EMERGENCY_KINDS:
                self.simulation.raise_emergency(team, now, lasting_s=900.0)

    def _raise_system_escalations(self, now: float) -> None:
        for team in self.simulation.teams:
            about = f"lost:{team.id}:{int(team.silent_until)}"
            if (
                team.silent_until > now
                and now - team.heartbeat_at > LOST_CONTACT_AFTER_S
                and about not in self.escalations.raised_for
            ):
                self.escalations.raise_(
                    "lost_contact",
                    now,
                    court_id=team.court.id,
                    team_id=team.id,
                    lon=team.lon,
                    lat=team.lat,
                    about=about,
                    case_id=None,
                )
        for query in self.assets.new_pool_hits():  # a 终本 case with something found: to be resumed (恢复执行)
            case = self.cases.get(query["case_id"])
            if not case.get("resumed_as"):
                self._raise_about_case("terminated_case_hit", case, f"pool:{case['id']}:{query['id']}", now)
        for query_id, result_id, answered_at in self.assets.unfrozen_hits():
            about = f"hit:{query_id}:{result_id}"
            if (
                now - answered_at > UNFROZEN_HIT_AFTER_S / self.config.speed
                and about not in self.escalations.raised_for
            ):
                case = self.cases.get(self.records.get("query", query_id)["case_id"])
                self._raise_about_case("hit_awaiting_freeze", case, about, now)
        for measure in self.assets.lapsing(now):  # 续行 due: once for each term
            about = f"lapse:{measure['id']}:{measure['expires_at']}"
            if about not in self.escalations.raised_for:  # the case loaded only to raise
                self._raise_about_case("measure_lapsing", self.cases.get(measure["case_id"]), about, now)

    def _raise_about_case(self, kind: str, case: dict, about: str, now: float) -> None:
        """Raises an escalation of `kind` at the case's site, once for what it is `about`."""
        if about not in self.escalations.raised_for:
            self.escalations.raise_(
                kind,
                now,
                court_id=case["court_id"],
                case_id=case["id"],
                lon=case["location"]["lon"],
                lat=case["location"]["lat"],
                about=about,
            )

    # reading
    def me(self, who: Principal) -> dict:
        return {
            "username": who.username,
            "display_name": who.display_name,
            "role": who.role,
            "court_id": who.court_id,
            "court_name": self.jurisdiction.name(who.court_id),
            "api_version": API_VERSION,
            "permissions": list(PERMISSIONS[who.role]),
            "limits": {
                "approval_threshold_yuan": APPROVAL_THRESHOLD_YUAN,
                "max_detention_days": MAX_DETENTION_DAYS,
                "max_fine_person_yuan": MAX_FINE_PERSON_YUAN,
                "min_fine_organisation_yuan": FINE_ORGANISATION_YUAN[0],
                "max_fine_organisation_yuan": FINE_ORGANISATION_YUAN[1],
                "reveals_per_hour": parties.REVEALS_PER_HOUR,
            },
        }

    def court_of(self, doc: dict) -> str | None:
        """The court an object belongs to: its own, its team's or its case's (None: the province's,
        e.g. the indicators)."""
        return self.court_from(doc.get("court_id"), doc.get("team_id"), doc.get("case_id"))

    def court_from(self, court_id: str | None, team_id: str | None, case_id: str | None) -> str | None:
        if court_id is not None:
            return court_id
        if team_id is not None:
            team = self.simulation.team(team_id)
            return team.court.id if team is not None else None
        case = self.cases.get(case_id) if case_id is not None else None
        return case["court_id"] if case is not None else None

    def _within(self, who: Principal, doc: dict, what: str) -> None:
        self.jurisdiction.within(who, self.court_of(doc), what)

    def case(self, who: Principal, case_id: str) -> dict:
        doc = self._their_case(who, case_id)
        return self._detail(doc, self.clock.now())

    def _detail(self, doc: dict, now: float) -> dict:
        """A case with its detail: history, 终本 gate, ledger, coercions."""
        controlled = self.assets.controls(doc["id"])
        return present_case(doc, history=True, now=now, controlled=controlled, speed=self.config.speed)

    def case_of_theirs(self, who: Principal, case_id: str | None) -> None:
        """403 unless `case_id` names a case of `who`'s jurisdiction (404 when there is none)."""
        if case_id is None:
            raise Problem(403, "outside-jurisdiction", "Only the high court reads the whole audit log: give a case_id.")
        self._their_case(who, case_id)

    def record(self, who: Principal, kind: str, record_id: str) -> dict:
        doc = self.records.get(kind, record_id)
        if doc is None:
            raise Problem(404, "not-found", f"There is no {kind} {record_id}.")
        self._within(who, doc, f"The {kind} {record_id}")
        return public(doc)

    # commands
    @staticmethod
    def _check_version(doc: dict, if_match: int | None, kind: str, last_change: tuple[str, str, str]) -> None:
        """428 without a version, 412 with a stale one; `last_change` is (what, who, when), for the
        412 to name who changed the object and how."""
        if if_match is None:
            raise Problem(428, "precondition-required", f"Send If-Match with the {kind}'s version (its ETag).")
        if not 1 <= if_match <= doc["version"]:
            raise Problem(
                412,
                "stale-version",
                f"The {kind} is at version {doc['version']}; it never had version {if_match}.",
                current_version=doc["version"],
            )
        if if_match != doc["version"]:
            change, by, at = last_change
            raise Problem(
                412,
                "stale-version",
                f"The {kind} changed since version {if_match}: {change} by {by} at {at}.",
                current_version=doc["version"],
                changed_by=by,
                change=change,
                changed_at=at,
            )

    def _audit(self, who: Principal, action: str, kind: str, doc: dict, before: dict | None, request: dict) -> None:
        self.records.audit(
            who.username,
            action,
            kind,
            doc["id"],
            doc.get("case_id", doc["id"] if kind == "case" else None),
            public(before),
            public(doc),
            request,
        )

    def _their_case(self, who: Principal, case_id: str) -> dict:
        """The case, of `who`'s jurisdiction (403 otherwise, 404 when there is none)."""
        case = self.cases.get(case_id)
        if case is None:
            raise Problem(404, "not-found", f"There is no case {case_id}.")
        self._within(who, case, f"Case {case['number']}")
        return case

    def _open_case(self, who: Principal, case_id: str) -> dict:
        case = self._their_case(who, case_id)
        if case["status"] != "open":
            raise Problem(409, "case-closed", f"Case {case['number']} is closed.")
        return case

    def _team(self, who: Principal, team_id: str):
        team = self.simulation.team(team_id)
        if team is None:
            raise Problem(404, "not-found", f"There is no team {team_id}.")
        self.jurisdiction.within(who, team.court.id, team.name)
        return team

    def _available_team(self, who: Principal, team_id: str, kind: str):
        """The team, standing by, with judicial police for a task that takes a person (`BAILIFF_TASKS`)."""
        team = self._team(who, team_id)
        if kind in BAILIFF_TASKS and not team.has_bailiff:
            raise Problem(
                409,
                "no-judicial-police",
                f"{team.name} has no judicial police (法警): it cannot take a person into custody or before the court.",
            )
        if not self.simulation.available(team):
            busy = f"on task {team.task_id}" if team.task_id else team.status
            raise Problem(
                409,
                "team-unavailable",
                f"{team.name} is not available: {busy}.",
                team_status=team.status,
                task_id=team.task_id,
            )
        return team

    def dispatch(
        self,
        who: Principal,
        case_id: str,
        team_id: str,
        kind: str,
        note: str,
        now: float,
        checkin_every_min: int | None = None,
    ) -> dict:
        allow(who, "task.dispatch")
        case = self._open_case(who, case_id)
        team = self._available_team(who, team_id, kind)
        lon, lat = case["location"]["lon"], case["location"]["lat"]
        task = self.simulation.create_task(team, case["id"], lon, lat, kind, now, who.username, note, checkin_every_min)
        request = {"case_id": case_id, "team_id": team_id, "kind": kind, "note": note}
        if checkin_every_min is not None:
            request["checkin_every_min"] = checkin_every_min
        self._audit(who, "dispatch", "task", task, None, request)
        return public(task)

    def _open_task(self, who: Principal, task_id: str, if_match: int | None) -> dict:
        task = self.records.get("task", task_id)
        if task is None:
            raise Problem(404, "not-found", f"There is no task {task_id}.")
        self._within(who, task, f"Task {task_id}")
        last = task["history"][-1]
        self._check_version(task, if_match, "task", (last["state"], last["by"], last["at"]))
        if task["state"] not in TASK_OPEN_STATES:
            raise Problem(409, "task-finished", f"Task {task_id} is {task['state']}.")
        return task

    def reassign(self, who: Principal, task_id: str, team_id: str, note: str, if_match: int | None, now: float) -> dict:
        allow(who, "task.dispatch")
        task = self._open_task(who, task_id, if_match)
        team = self._available_team(who, team_id, task["kind"])
        before = self.records.snapshot(task)
        self.simulation.reassign_task(task, team, now, who.username, note)
        self._audit(who, "reassign", "task", task, before, {"team_id": team_id, "note": note})
        return public(task)

    def cancel(self, who: Principal, task_id: str, note: str, if_match: int | None, now: float) -> dict:
        allow(who, "task.dispatch")
        task = self._open_task(who, task_id, if_match)
        before = self.records.snapshot(task)
        self.simulation.cancel_task(task, now, who.username, note)
        self._audit(who, "cancel", "task", task, before, {"note": note})
        return public(task)

    def message(self, who: Principal, team_id: str, text: str, now: float) -> dict:
        allow(who, "team.message")
        team = self._team(who, team_id)
        message = self.simulation.send_message(team, text, now, who.username)
        self._audit(who, "message", "message", message, None, {"team_id": team_id, "text": text})
        return public(message)

    def _escalation(self, who: Principal, escalation_id: str, if_match: int | None) -> dict:
        escalation = self.records.get("escalation", escalation_id)
        if escalation is None:
            raise Problem(404, "not-found", f"There is no escalation {escalation_id}.")
        self._within(who, escalation, f"Escalation {escalation_id}")
        last = escalation["timeline"][-1]
        self._check_version(escalation, if_match, "escalation", (last["action"], last["actor"], last["at"]))
        if escalation["state"] == "resolved":
            raise Problem(409, "escalation-resolved", f"Escalation {escalation_id} is resolved.")
        return escalation

    @staticmethod
    def _not_owned_by_another(escalation: dict, who: Principal) -> None:
        owner = escalation["owner"]
        if owner is not None and owner != who.username:
            raise Problem(409, "owned-by-another", f"{owner} owns this escalation.", owner=owner)

    def _at_its_level(self, escalation: dict, who: Principal) -> None:
        """An escalation sent on waits for whom it was sent to: a supervisor, or a supervisor of a
        court above its own; nobody else takes it, sends it on again or resolves it."""
        if escalation["state"] != "escalated":
            return
        court = self.jurisdiction.name(escalation["court_id"])
        if "escalation.take" not in PERMISSIONS[who.role]:
            raise Problem(403, "forbidden", "This escalation waits for a supervisor.", permission="escalation.take")
        if escalation["escalated_to"] == "court_above" and not self.jurisdiction.is_above(who, escalation["court_id"]):
            raise Problem(
                403,
                "forbidden",
                f"This escalation waits for a supervisor of a court above {court}.",
                permission="escalation.take",
            )

    def acknowledge(self, who: Principal, escalation_id: str, note: str, if_match: int | None, now: float) -> dict:
        allow(who, "escalation.handle")
        escalation = self._escalation(who, escalation_id, if_match)
        self._not_owned_by_another(escalation, who)
        self._at_its_level(escalation, who)
        if escalation["owner"] == who.username:
            raise Problem(
                409,
                "already-acknowledged",
                f"You own this escalation since {escalation['timeline'][-1]['at']}.",
                owner=who.username,
            )
        before = self.records.snapshot(escalation)
        state = "acknowledged" if escalation["state"] == "open" else escalation["state"]
        self.escalations.step(escalation, "acknowledged", state, now, who.username, note, owner=who.username)
        self._audit(who, "acknowledge", "escalation", escalation, before, {"note": note})
        return public(escalation)

    def escalate(
        self, who: Principal, escalation_id: str, to: str, reason: str, note: str, if_match: int | None, now: float
    ) -> dict:
        allow(who, "escalation.handle")
        escalation = self._escalation(who, escalation_id, if_match)
        self._not_owned_by_another(escalation, who)
        self._at_its_level(escalation, who)
        if to == "court_above" and self.court_by_id[escalation["court_id"]].parent_id is None:
            raise Problem(
                409, "no-court-above", f"{self.jurisdiction.name(escalation['court_id'])} has no court above it."
            )
        before = self.records.snapshot(escalation)
        # Escalating hands it on: the supervisors (or the court above) take it from here.
        self.escalations.step(
            escalation,
            f"escalated to {to}",
            "escalated",
            now,
            who.username,
            _with_note(reason, note),
            escalated_to=to,
            owner=None,
        )
        self._audit(who, "escalate", "escalation", escalation, before, {"to": to, "reason": reason, "note": note})
        return public(escalation)

    def resolve(
        self, who: Principal, escalation_id: str, outcome: str, note: str, if_match: int | None, now: float
    ) -> dict:
        allow(who, "escalation.handle")
        escalation = self._escalation(who, escalation_id, if_match)
        self._at_its_level(escalation, who)
        if escalation["owner"] != who.username:
            self._not_owned_by_another(escalation, who)
            raise Problem(409, "not-owned", "Acknowledge the escalation before resolving it.")
        before = self.records.snapshot(escalation)
        self.escalations.step(
            escalation,
            "resolved",
            "resolved",
            now,
            who.username,
            _with_note(outcome, note),
            outcome=outcome,
            resolved_at=utc_iso(now),
        )
        self._audit(who, "resolve", "escalation", escalation, before, {"outcome": outcome, "note": note})
        return public(escalation)

    def launch_query(self, who: Principal, case_id: str, channel: str, categories: list[str], now: float) -> dict:
        allow(who, "query.launch")
        case = self._open_case(who, case_id)
        query = self.assets.launch(
            case, channel, sorted(set(categories), key=list(CATEGORIES).index), now, who.username
        )
        if channel == "national" and "network_query_national" not in termination.done(case):
            self.cases.record_act(case_id, "network_query_national", now, who.username, query["id"])
        self._audit(
            who,
            "launch_query",
            "query",
            query,
            None,
            {"case_id": case_id, "channel": channel, "categories": categories},
        )
        return public(query)

    def order_measure(
        self,
        who: Principal,
        query_id: str,
        result_id: str,
        kind: str,
        amount: float | None,
        reason: str,
        now: float,
    ) -> dict:
        """A measure on a hit as its asset takes it, never beyond what the case still owes: money
        up to it; property (a registry gives no value, and a house cannot be halved) only while
        the money held falls short of it, or with the `reason` it must be taken all the same."""
        allow(who, "measure.order")
        query = self.records.get("query", query_id)
        result = None if query is None else next((r for r in query["results"] if r["id"] == result_id), None)
        if result is None:
            raise Problem(404, "not-found", f"There is no result {result_id} in query {query_id}.")
        self._within(who, query, f"Query {query_id}")
        if not result["hit"]:
            raise Problem(409, "no-hit", f"{result['institution']} found nothing to {kind}.")
        finding = result["finding"]
        if kind not in finding["measures"]:
            allowed = ", ".join(finding["measures"]) or "nothing: it is information, not an asset to take"
            raise Problem(
                409,
                "measure-not-for-asset",
                f"{finding['description']} is {finding['asset']}: it takes {allowed}, not {kind}.",
                allowed=finding["measures"],
            )
        case = self._open_case(who, query["case_id"])  # a closed case is resumed first (恢复执行)
        _not_suspended(case)
        # What it owes, less what its deductions under way will take.
        outstanding = round(funds.outstanding(case) - self.assets.deducting(case["id"]), 2)
        frozen = self.assets.frozen(case["id"])
        if finding["value"] is None:
            if amount is not None:
                raise Problem(422, "amount-not-for-property", f"{finding['description']} is taken whole.")
            taken = self.assets.live_on(result)
            if taken is not None:
                raise Problem(
                    409,
                    "already-controlled",
                    f"{finding['description']} is already under {taken['kind']} {taken['id']} ({taken['state']}).",
                    measure_id=taken["id"],
                )
            if outstanding <= 0 or (frozen >= outstanding and not reason):
                raise Problem(
                    422,
                    "over-control",
                    f"{case['number']} owes {outstanding:.2f} yuan and {frozen:.2f} is frozen already: "
                    "say why this property must be taken too.",
                    outstanding=outstanding,
                    frozen=frozen,
                )
        else:
            if amount is None:
                raise Problem(422, "amount-required", f"Say how much of {finding['description']} to {kind}.")
            ordered = self.assets.ordered(result, kind)
            if round(ordered + amount, 2) > finding["value"]:
                raise Problem(
                    422,
                    "amount-above-finding",
                    f"{amount:.2f} yuan is more than is left to {kind}: {finding['value']:.2f} found, "
                    f"{ordered:.2f} already ordered.",
                    found=finding["value"],
                    already_ordered=ordered,
                )
            held = frozen if kind == "freeze" else 0.0
            if round(held + amount, 2) > outstanding:
                raise Problem(
                    422,
                    "over-control",
                    f"{case['number']} owes {outstanding:.2f} yuan, {held:.2f} of it frozen already: "
                    f"{amount:.2f} more is beyond what is owed (超标的).",
                    outstanding=outstanding,
                    frozen=frozen,
                )
        measure = self.assets.order(query, result, kind, amount, reason, now, who.username)
        self._audit(
            who,
            kind,
            "measure",
            measure,
            None,
            {"query_id": query_id, "result_id": result_id, "amount": amount, "reason": reason},
        )
        return public(measure)

    def renew_measure(self, who: Principal, measure_id: str, note: str, if_match: int | None, now: float) -> dict:
        """续行: a control measure still holding holds for its term again, before it lapses."""
        allow(who, "measure.order")
        measure = self.records.get("measure", measure_id)
        if measure is None:
            raise Problem(404, "not-found", f"There is no measure {measure_id}.")
        self._within(who, measure, f"Measure {measure_id}")
        last = measure["history"][-1]
        self._check_version(measure, if_match, "measure", (last["state"], last["by"], last["at"]))
        if measure["state"] != "done" or measure["expires_at"] is None:
            raise Problem(
                409, "not-holding", f"{measure_id} is {measure['state']}: only a holding control measure is renewed."
            )
        if now < (renewable_from := self.assets.renewable_from(measure)):
            due = utc_iso(renewable_from)
            raise Problem(
                409,
                "renewal-not-due",
                f"{measure_id} holds until {measure['expires_at']}: it is renewed from {due}, for one term more.",
                renewable_from=due,
            )
        before = public(measure)
        self.assets.renew(measure, now, who.username, note)
        self._audit(who, "renew", "measure", measure, before, {"note": note})
        return public(measure)

    def reveal(self, who: Principal, case_id: str, role: str, reason: str, now: float) -> dict:
        """A party's personal data, unmasked, for a reason: audited, and at most REVEALS_PER_HOUR
        reveals an hour for each user."""
        allow(who, "party.reveal")
        case = self._their_case(who, case_id)
        if not reason.strip():
            raise Problem(422, "reason-required", "Say why you need this party's personal data.")
        recent = audit.times(self.records.db, who.username, "reveal", now - 3600)
        if len(recent) >= parties.REVEALS_PER_HOUR:
            wait = max(1, math.ceil(recent[0] + 3600 - now))
            raise Problem(
                429,
                "reveal-limit",
                f"{parties.REVEALS_PER_HOUR} reveals an hour at most: the next in {wait} s.",
                {"Retry-After": str(wait)},
                retry_after=wait,
            )
        self.records.audit(
            who.username, "reveal", "party", f"{case_id}/{role}", case_id, None, None, {"reason": reason}
        )
        self.records.commit()
        return parties.personal(case, role, self.personal_key)

    def request_coercion(
        self, who: Principal, case_id: str, kind: str, details: dict, emergency: bool, now: float
    ) -> dict:
        """Asks for a detention, a fine or a 拘传 with its grounds and the act it punishes; a
        president decides. An emergency detention is made at once, its approval completed after
        (`coercion`). The answer is the approval."""
        allow(who, "coercion.request")
        case = self._open_case(who, case_id)
        _not_suspended(case)
        if kind == "fine":
            low, high = (
                (0.01, MAX_FINE_PERSON_YUAN) if case["respondent"]["type"] == "person" else FINE_ORGANISATION_YUAN
            )
            if not low <= details["amount"] <= high:
                whom = "a person" if case["respondent"]["type"] == "person" else "an organisation"
                raise Problem(
                    422,
                    "fine-out-of-range",
                    f"A fine on {whom} is {low:,.0f} to {high:,.0f} yuan.",
                    min_yuan=low,
                    max_yuan=high,
                )
        details = {**details, "act": details.get("act") or details["reason"]}
        if kind != "compel" and (earlier := coercion.punished_before(case, kind, details["person"], details["act"])):
            raise Problem(
                409,
                "already-punished",
                f"{details['person']} is already {earlier['state']} for this act ({earlier['act']}): one act is"
                " punished once.",
                coercion_id=earlier["id"],
            )
        asked = {}
        self.cases.modify(
            case_id, lambda doc: asked.update(coercion.ask(doc, kind, details, emergency, now, who.username))
        )
        approval = self.assets.request_approval(
            kind,
            "case",
            case_id,
            case_id,
            now,
            who.username,
            {**details, "emergency": emergency, "coercion_id": asked["id"]},
        )
        self.cases.modify(case_id, lambda doc: coercion.find(doc, asked["id"]).update(approval_id=approval["id"]))
        if emergency:
            self._coercing.add(case_id)
        action = "emergency_detention" if emergency else f"request_{kind}"
        self._audit(who, action, "approval", approval, None, {"kind": kind, **details, "emergency": emergency})
        return public(approval)

    def notify_family(self, who: Principal, case_id: str, coercion_id: str, note: str, now: float) -> dict:
        """Records that a detained person's family was told (within 24 hours of the detention)."""
        allow(who, "coercion.request")
        case = self._their_case(who, case_id)
        c = self._coercion(case, coercion_id)
        if coercion.family_notice_due(c, self.config.speed) is None:
            raise Problem(409, "not-detained", f"No one is detained by {case['number']} coercion {coercion_id}.")
        if c["family_notified_at"] is not None:
            at = utc_iso(c["family_notified_at"])
            raise Problem(409, "already-notified", f"The family was told at {at}.", notified_at=at)
        return self._change_coercion(
            who, case, c, "notify_family", note, lambda c: coercion.notify_family(c, now, who.username, note), now
        )

    def apply_for_review(self, who: Principal, case_id: str, coercion_id: str, note: str, now: float) -> dict:
        """Records that the person fined or detained applied to the court above for review (复议),
        within 3 days of the decision; it is carried out meanwhile."""
        allow(who, "coercion.request")
        case = self._their_case(who, case_id)
        c = self._coercion(case, coercion_id)
        until = coercion.review_open_until(c, self.config.speed)
        if until is None:
            raise Problem(
                409,
                "review-not-open",
                f"Coercion {coercion_id} of {case['number']} is {c['state']}: only a decided fine or detention is"
                " reviewed, once.",
            )
        if now > until:
            raise Problem(
                409,
                "review-too-late",
                f"A review was to be applied for by {utc_iso(until)}, 3 days from the decision.",
                review_until=utc_iso(until),
            )
        speed = self.config.speed
        return self._change_coercion(
            who,
            case,
            c,
            "apply_for_review",
            note,
            lambda c: coercion.apply_for_review(c, now, who.username, note, speed),
            now,
        )

    def decide_review(
        self, who: Principal, case_id: str, coercion_id: str, uphold: bool, note: str, now: float
    ) -> dict:
        """The court above decides a review: a president of the court the deciding court answers to."""
        allow(who, "coercion.decide")
        case = self._their_case(who, case_id)
        c = self._coercion(case, coercion_id)
        above = self.court_by_id[case["court_id"]].parent_id
        if who.court_id != above:
            raise Problem(
                403,
                "not-the-court-above",
                f"A review of {case['number']}'s coercion is decided by the court above it ({above}).",
                court_id=above,
            )
        if c["review"] is None or c["review"]["state"] != "requested":
            raise Problem(409, "no-review-pending", f"No review of coercion {coercion_id} is waiting.")
        number = self.cases.next_number(who.court_id, "司惩复", now)
        answer = self._change_coercion(
            who,
            case,
            c,
            "decide_review",
            note,
            lambda c: coercion.decide_review(c, uphold, number, now, who.username, note),
            now,
        )
        self._call_off(who, coercion.find(self.cases.get(case_id), coercion_id), now, note)
        return answer

    @staticmethod
    def _coercion(case: dict, coercion_id: str) -> dict:
        c = coercion.find(case, coercion_id)
        if c is None:
            raise Problem(404, "not-found", f"{case['number']} has no coercion {coercion_id}.")
        return c

    def _change_coercion(self, who: Principal, case: dict, c: dict, action: str, note: str, change, now: float) -> dict:
        """Applies `change` to a coercion of the case; audited as the coercion before and after."""
        before = _coercion_trace(case, c)
        doc = self.cases.modify(case["id"], lambda doc: change(coercion.find(doc, c["id"])))
        self._audit(who, action, "coercion", _coercion_trace(doc, coercion.find(doc, c["id"])), before, {"note": note})
        return self._detail(doc, now)

    def record_act(self, who: Principal, case_id: str, act: str, note: str, now: float) -> dict:
        """Records an act done on an enforcement case (`termination.ACTS`), once; a listing or a
        restriction is ordered (`order_credit`, on the ground the case gives)."""
        allow(who, "case.record")
        case = self._enforcement_case(who, case_id)
        if act in credit.KIND_OF_NODE:
            kind = credit.KIND_OF_NODE[act]
            return self.order_credit(who, case_id, kind, credit.default_ground(case, kind), 0, note, now)
        passed = next((v["entered_at"] for v in case["history"] if v["node"] == act), None)
        recorded = next((a["at"] for a in case.get("acts", ()) if a["act"] == act), None)
        if passed is not None or recorded is not None:
            at = utc_iso(passed if passed is not None else recorded)
            raise Problem(409, "already-done", f"{act} was done on {case['number']} at {at}.", done_at=at)
        before = _case_trace(case)
        doc = self.cases.record_act(case_id, act, now, who.username, note)
        self._audit(who, "record_act", "case", _case_trace(doc), before, {"act": act, "note": note})
        return present_case(doc, history=False, now=now)

    def terminate(self, who: Principal, case_id: str, note: str, now: float) -> dict:
        """终本, once every condition of its gate is met (`termination`)."""
        allow(who, "case.terminate")
        case = self._enforcement_case(who, case_id)
        _not_suspended(case)
        unmet = termination.unmet(case, now, self.assets.controls(case_id))
        if unmet:
            raise Problem(
                409,
                "termination-conditions-unmet",
                f"{case['number']} cannot end in 终本 yet; not met: {', '.join(unmet)}.",
                unmet=unmet,
            )
        before = _case_trace(case)
        doc = self.cases.terminate(case_id, now, who.username)
        self._audit(who, "terminate", "case", _case_trace(doc), before, {"note": note})
        return present_case(doc, history=False, now=now)

    def resume(self, who: Principal, case_id: str, note: str, now: float) -> dict:
        """恢复执行: a new 执恢 case for what a 终本 case still owes; the answer is the new case."""
        allow(who, "case.terminate")
        case = self._their_case(who, case_id)
        if "terminated_for_now" not in case["flags"]:
            raise Problem(409, "not-terminated", f"{case['number']} did not end in 终本: there is nothing to resume.")
        if case.get("resumed_as"):
            resumed = self.cases.get(case["resumed_as"])
            raise Problem(
                409,
                "already-resumed",
                f"{case['number']} was resumed as {resumed['number']}.",
                resumed_as=case["resumed_as"],
            )
        doc = self.cases.resume(case_id, now, who.username)
        self._audit(who, "resume", "case", _case_trace(doc), None, {"resumed_from": case_id, "note": note})
        return present_case(doc, history=False, now=now)

    def receive_funds(self, who: Principal, case_id: str, amount: float, source: str, now: float) -> dict:
        """Money received into the case's account (`funds`): realised on the case."""
        allow(who, "funds.record")
        case = self._open_case(who, case_id)
        owed = funds.outstanding(case)
        if round(amount, 2) > owed:
            raise Problem(
                422,
                "above-outstanding",
                f"{case['number']} still owes {owed:.2f} yuan: {amount:.2f} cannot be received for it.",
                outstanding=owed,
            )
        before = _case_trace(case)
        doc = self.cases.modify(case_id, lambda doc: funds.receive(doc, amount, now, who.username, source))
        self._audit(who, "receive_funds", "case", _case_trace(doc), before, {"amount": amount, "source": source})
        return present_case(doc, history=False, now=now)

    def pay_out(self, who: Principal, case_id: str, amount: float, payee: str, now: float) -> dict:
        """Money paid out of the case's account, never above its balance; from a closed case too
        (a deduction may arrive after it closed)."""
        allow(who, "funds.pay")
        case = self._their_case(who, case_id)
        held = funds.balance(case)
        if round(amount, 2) > held:
            raise Problem(
                422,
                "above-balance",
                f"{case['number']} holds {held:.2f} yuan in its account: {amount:.2f} cannot be paid out.",
                balance=held,
            )
        before = _case_trace(case)
        doc = self.cases.modify(case_id, lambda doc: funds.pay(doc, amount, now, who.username, payee))
        self._audit(who, "pay_out", "case", _case_trace(doc), before, {"amount": amount, "payee": payee})
        return present_case(doc, history=False, now=now)

    def order_credit(
        self, who: Principal, case_id: str, kind: str, ground: str | None, extra_years: int, note: str, now: float
    ) -> dict:
        """Lists the respondent as dishonest on a ground of 法释〔2017〕7号 art. 1, or restricts its high
        consumption or its leaving the country (`credit`)."""
        allow(who, "credit.order")
        case = self._enforcement_case(who, case_id)
        _not_suspended(case)
        if (held := credit.in_force(case, kind)) is not None:
            raise Problem(
                409,
                "already-in-force",
                f"{case['number']} has its {kind} order in force since {utc_iso(held['ordered_at'])}.",
                credit_id=held["id"],
            )
        if kind != "dishonest" and (ground is not None or extra_years):
            raise Problem(422, "ground-not-for-restriction", "A restriction has no ground of the list nor a term.")
        if funds.outstanding(case) <= 0:
            raise Problem(409, "nothing-owed", f"{case['number']} owes nothing: its respondent has performed.")
        if kind == "dishonest":
            self._check_listing(case, ground, extra_years)
        before = _case_trace(case)
        speed = self.config.speed
        made = {}
        doc = self.cases.modify(
            case_id,
            lambda doc: made.update(credit.order(doc, kind, ground, extra_years, now, who.username, note, speed)),
        )
        if made["expires_at"] is not None:
            self._credit_expiring[case_id, made["id"]] = made["expires_at"]
        request = {"kind": kind, "ground": ground, "extra_years": extra_years, "note": note}
        self._audit(who, "order_credit", "case", _case_trace(doc), before, request)
        return self._detail(doc, now)

    def _check_listing(self, case: dict, ground: str | None, extra_years: int) -> None:
        """Whether the respondent may be listed: on a ground, the longer term for its grounds only,
        while it owes, and not while property under control covers what it owes (art. 2, 3(2))."""
        if ground is None:
            raise Problem(422, "ground-required", "Name the ground of the list (法释〔2017〕7号 art. 1).")
        if extra_years and ground == "able_but_refuses":
            raise Problem(
                422,
                "extension-not-allowed",
                "A respondent able but refusing is listed until it performs, without a term to extend (art. 2).",
            )
        owed = funds.outstanding(case)
        secured = self.assets.frozen(case["id"])
        if secured >= owed:
            raise Problem(
                409,
                "debt-secured",
                f"{secured:.2f} yuan under control covers the {owed:.2f} owed: not listed (art. 3(2)).",
                frozen=secured,
                outstanding=owed,
            )

    def remove_credit(self, who: Principal, case_id: str, credit_id: str, reason: str, note: str, now: float) -> dict:
        """Takes an order off: the respondent performed (nothing owed), settled, the applicant asked,
        the case ended otherwise, or it was wrongly made (法释〔2017〕7号 art. 10, 12)."""
        allow(who, "credit.order")
        case = self._their_case(who, case_id)
        entry = credit.find(case, credit_id)
        if entry is None:
            raise Problem(404, "not-found", f"{case['number']} has no credit order {credit_id}.")
        if entry["state"] != "in_force":
            raise Problem(409, "not-in-force", f"That order is {entry['state']} already.")
        if reason == "performed" and (owed := funds.outstanding(case)) > 0:
            raise Problem(
                409, "not-performed", f"{case['number']} still owes {owed:.2f} yuan: not performed.", outstanding=owed
            )
        before = _case_trace(case)
        doc = self.cases.modify(
            case_id, lambda doc: credit.end(doc, credit.find(doc, credit_id), "removed", reason, now, who.username)
        )
        self._credit_expiring.pop((case_id, credit_id), None)
        request = {"credit_id": credit_id, "reason": reason, "note": note}
        self._audit(who, "remove_credit", "case", _case_trace(doc), before, request)
        return self._detail(doc, now)

    def refer_for_bankruptcy(self, who: Principal, case_id: str, consent: str, note: str, now: float) -> dict:
        """拟移送: a company respondent that cannot pay, with a party's written consent (`bankruptcy`)."""
        allow(who, "case.refer")
        case = self._enforcement_case(who, case_id)
        if case["respondent"]["type"] != "company":
            raise Problem(
                409, "not-a-company", f"{case['number']}'s respondent is not a company: no bankruptcy review."
            )
        if (referral := case.get("bankruptcy")) is not None and referral["state"] != "refused":
            raise Problem(409, "already-referred", f"{case['number']} is referred already: {referral['state']}.")
        owed = funds.outstanding(case)
        if owed <= 0:
            raise Problem(409, "nothing-owed", f"{case['number']} owes nothing: its respondent has performed.")
        if (secured := self.assets.frozen(case_id)) >= owed:
            raise Problem(
                409,
                "debt-secured",
                f"{secured:.2f} yuan under control covers the {owed:.2f} owed: the respondent can pay this debt.",
                frozen=secured,
                outstanding=owed,
            )
        return self._change_case(
            who,
            case,
            "refer_for_bankruptcy",
            {"consent": consent, "note": note},
            lambda doc: bankruptcy.propose(doc, consent, now, who.username, note),
            now,
        )

    def transfer_for_bankruptcy(self, who: Principal, case_id: str, note: str, now: float) -> dict:
        """已移送: the president signs the decision; the court that hears bankruptcy (the intermediate
        court of the respondent's place, art. 3) rules within 30 days. Enforcement is suspended."""
        allow(who, "bankruptcy.transfer")
        case = self._open_case(who, case_id)
        if (case.get("bankruptcy") or {}).get("state") != "proposed":
            raise Problem(409, "not-proposed", f"{case['number']} is not proposed for bankruptcy review.")
        court = self.court_by_id[case["court_id"]]
        hearing = court.id if court.level == "intermediate" else court.parent_id
        speed = self.config.speed
        answer = self._change_case(
            who,
            case,
            "transfer_for_bankruptcy",
            {"note": note, "court_id": hearing},
            lambda doc: bankruptcy.transfer(doc, hearing, now, who.username, note, speed),
            now,
        )
        self._awaiting_ruling.add(case_id)
        return answer

    def rule_on_bankruptcy(self, who: Principal, case_id: str, accepted: bool, note: str, now: float) -> dict:
        """受理 or 不受理, recorded at the court the case was transferred to (403 elsewhere)."""
        allow(who, "case.refer")
        case = self._their_case(who, case_id)
        referral = case.get("bankruptcy") or {}
        if referral.get("state") != "transferred":
            raise Problem(409, "not-transferred", f"{case['number']} is not waiting for a bankruptcy ruling.")
        self.jurisdiction.within(who, referral["court_id"], f"The bankruptcy review of {case['number']}")
        return self._change_case(
            who,
            case,
            "rule_on_bankruptcy",
            {"accepted": accepted, "note": note},
            lambda doc: bankruptcy.rule(doc, accepted, now, who.username, note),
            now,
        )

    def apply_for_relief(self, who: Principal, case_id: str, amount: float, reason: str, now: float) -> dict:
        """执行救助 asked for the applicant in hardship: within the fund's cap and what is owed."""
        allow(who, "case.refer")
        case = self._enforcement_case(who, case_id)
        if (pending := relief.open_application(case)) is not None:
            raise Problem(
                409, "relief-pending", f"Relief {pending['id']} is {pending['state']}.", relief_id=pending["id"]
            )
        if amount > relief.CAP_YUAN:
            raise Problem(
                422, "above-relief-cap", f"Relief is at most {relief.CAP_YUAN:,} yuan.", cap_yuan=relief.CAP_YUAN
            )
        if round(amount, 2) > (owed := funds.outstanding(case)):
            raise Problem(422, "above-outstanding", f"{case['number']} still owes {owed:.2f} yuan.", outstanding=owed)
        return self._change_case(
            who,
            case,
            "apply_for_relief",
            {"amount": amount, "reason": reason},
            lambda doc: relief.apply(doc, amount, reason, now, who.username),
            now,
        )

    def decide_relief(self, who: Principal, case_id: str, relief_id: str, step: str, note: str, now: float) -> dict:
        """A supervisor, not the one who applied, approves or rejects relief, then has it paid."""
        allow(who, "funds.pay")
        case = self._their_case(who, case_id)
        entry = relief.find(case, relief_id)
        if entry is None:
            raise Problem(404, "not-found", f"{case['number']} has no relief {relief_id}.")
        needed = "approved" if step == "paid" else "applied"
        if entry["state"] != needed:
            raise Problem(409, "relief-not-" + needed, f"Relief {relief_id} is {entry['state']}.")
        if step != "paid" and entry["history"][0]["by"] == who.username:
            raise Problem(
                403, "two-person-rule", "Whoever applies for relief cannot decide it; another supervisor must."
            )
        return self._change_case(
            who,
            case,
            RELIEF_ACTIONS[step],
            {"relief_id": relief_id, "note": note},
            lambda doc: relief.move(doc, relief.find(doc, relief_id), step, now, who.username, note),
            now,
        )

    # supervision (督办)
    def issue_supervision(
        self, who: Principal, court_id: str, case_ids: list[str], requirement: str, deadline: float, now: float
    ) -> dict:
        """A supervisor's order to a court below theirs, on cases of that court, due by `deadline`."""
        allow(who, "supervision.issue")
        if court_id not in self.court_by_id:
            raise Problem(404, "not-found", f"There is no court {court_id}.")
        if not self.jurisdiction.is_above(who, court_id):
            raise Problem(
                403,
                "not-a-court-below",
                f"{self.jurisdiction.name(court_id)} is not below {self.jurisdiction.name(who.court_id)}.",
                court_id=court_id,
            )
        if deadline <= now:
            raise Problem(422, "deadline-passed", f"The deadline {utc_iso(deadline)} is not in the future.")
        for case_id in dict.fromkeys(case_ids):
            case = self.cases.get(case_id)
            if case is None:
                raise Problem(404, "not-found", f"There is no case {case_id}.")
            if case["court_id"] != court_id:
                raise Problem(
                    422,
                    "case-of-another-court",
                    f"{case['number']} is a case of {self.jurisdiction.name(case['court_id'])}.",
                    case_id=case_id,
                )
        number = self.cases.next_number(who.court_id, "执督", now)
        order = supervision.issue(
            self.records,
            number,
            who.court_id,
            court_id,
            list(dict.fromkeys(case_ids)),
            requirement,
            deadline,
            now,
            who.username,
        )
        self._supervising.add(order["id"])
        self._audit(who, "issue_supervision", "supervision", order, None, {"court_id": court_id, "case_ids": case_ids})
        return public(order)

    def answer_supervision(
        self, who: Principal, order_id: str, step: str, note: str, if_match: int | None, now: float
    ) -> dict:
        """The addressed court's reply (`replied`), or the issuer's `accepted` or `returned`."""
        order = self.records.get("supervision", order_id)
        if order is None:
            raise Problem(404, "not-found", f"There is no supervision order {order_id}.")
        self._within(who, order, f"Supervision order {order['number']}")
        if step == "replied":
            allow(who, "supervision.reply")
            if who.court_id != order["court_id"]:
                raise Problem(
                    403,
                    "not-the-addressed-court",
                    f"{order['number']} is addressed to {self.jurisdiction.name(order['court_id'])}: it replies.",
                )
            if not supervision.unanswered(order):
                raise Problem(
                    409, "not-awaiting-reply", f"{order['number']} is {order['state']}.", state=order["state"]
                )
        else:
            allow(who, "supervision.issue")
            if who.court_id != order["issuer_court_id"]:
                raise Problem(
                    403,
                    "not-the-issuing-court",
                    f"{order['number']} was issued by {self.jurisdiction.name(order['issuer_court_id'])}: it decides.",
                )
            if order["state"] != "replied":
                raise Problem(409, "not-replied", f"{order['number']} is {order['state']}.", state=order["state"])
        self._check_version(
            order,
            if_match,
            "supervision order",
            (order["state"], order["history"][-1]["by"], order["history"][-1]["at"]),
        )
        before = self.records.snapshot(order)
        supervision.move(self.records, order, step, now, who.username, note)
        if step == "returned" and not order["overdue"]:
            self._supervising.add(order_id)
        action = {"replied": "reply_supervision", "accepted": "accept_supervision", "returned": "return_supervision"}[
            step
        ]
        self._audit(who, action, "supervision", order, before, {"note": note})
        return public(order)

    def findings_seen(self, who: Principal, filters: dict, after_id: str, limit: int) -> list[dict]:
        courts = None if self.jurisdiction.sees_all(who) else self.jurisdiction.courts_of(who)
        return self.findings.page(filters, courts, after_id, limit)

    def finding(self, who: Principal, finding_id: str) -> dict:
        found = self.findings.get(finding_id)
        if found is None:
            raise Problem(404, "not-found", f"There is no finding {finding_id}.")
        self._within(who, found, f"The finding {finding_id}")
        return public(found)

    def _supervising_court(self, who: Principal, court_id: str) -> None:
        """Findings are the business of the courts above the court found (the high court's own,
        of the high court)."""
        if not (self.jurisdiction.is_above(who, court_id) or who.court_id == court_id == self._high_court_id):
            raise Problem(
                403,
                "not-a-court-above",
                f"{self.jurisdiction.name(who.court_id)} is not above {self.jurisdiction.name(court_id)}.",
                court_id=court_id,
            )

    def decide_finding(
        self, who: Principal, finding_id: str, state: str, reason: str, if_match: int | None, now: float
    ) -> dict:
        """A supervisor of a court above confirms a finding, or dismisses it, with a reason."""
        allow(who, "finding.decide")
        found = self.findings.get(finding_id)
        if found is None:
            raise Problem(404, "not-found", f"There is no finding {finding_id}.")
        self._within(who, found, f"The finding {finding_id}")
        self._supervising_court(who, found["court_id"])
        if found["state"] != "open":
            raise Problem(
                409,
                "already-decided",
                f"{finding_id} was {found['state']} by {found['decided_by']}.",
            )
        self._check_version(found, if_match, "finding", ("found", found["history"][-1]["by"], found["found_at"]))
        before = self.records.snapshot(found)
        self.findings.decide(found, state, reason, now, who.username)
        self._audit(
            who,
            "confirm_finding" if state == "confirmed" else "dismiss_finding",
            "finding",
            found,
            before,
            {"reason": reason},
        )
        return public(found)

    def record_finding(self, who: Principal, situation: int, case_id: str, note: str, now: float) -> dict:
        """A supervisor of a court above records by hand a situation on a case (confirmed as recorded)."""
        allow(who, "finding.decide")
        case = self._their_case(who, case_id)
        self._supervising_court(who, case["court_id"])
        found = self.findings.record(situation, case, note, now, who.username)
        if found is None:
            raise Problem(
                409,
                "already-found",
                f"Situation {situation} is found on {case['number']} already.",
                situation=situation,
            )
        self._audit(who, "record_finding", "finding", found, None, {"situation": situation, "note": note})
        return public(found)

    def value_property(self, who: Principal, case_id: str, request: dict, now: float) -> dict:
        """Property valued by 询价 or 评估 (`request`: asset, item, method, value, report), to be sold."""
        allow(who, "measure.order")
        case = self._enforcement_case(who, case_id)
        _not_suspended(case)
        return self._change_case(
            who,
            case,
            "value_property",
            request,
            lambda doc: disposal.value(
                doc,
                request["asset"],
                request["item"],
                request["method"],
                request["value"],
                request["report"],
                now,
                who.username,
            ),
            now,
        )

    def record_disposal_round(
        self,
        who: Principal,
        case_id: str,
        disposal_id: str,
        kind: str,
        reserve: float,
        price: float | None,
        note: str,
        now: float,
    ) -> dict:
        """An auction, a sale or a taking in payment, in the order and at the prices the rules allow
        (`disposal`); what it realises goes to the case."""
        allow(who, "measure.order")
        case = self._enforcement_case(who, case_id)
        _not_suspended(case)
        entry = disposal.find(case, disposal_id)
        if entry is None:
            raise Problem(404, "not-found", f"{case['number']} has no disposal {disposal_id}.")
        if entry["state"] not in disposal.ROUND_AFTER[kind]:
            raise Problem(
                409, "out-of-order", f"Disposal {disposal_id} is {entry['state']}: no {kind} now.", state=entry["state"]
            )
        least = disposal.least_reserve(entry, kind)
        if kind == "in_kind" and (round(reserve, 2) != least or price is None or round(price, 2) != least):
            raise Problem(
                422,
                "not-at-reserve",
                f"Taken in payment at the failed auction's reserve, {least:.2f} yuan.",
                reserve=least,
            )
        if round(reserve, 2) < least:
            raise Problem(422, "reserve-too-low", f"The least reserve here is {least:.2f} yuan.", reserve=least)
        if price is not None and round(price, 2) < round(reserve, 2):
            raise Problem(422, "below-reserve", f"Sold for less than the reserve, {reserve:.2f} yuan.", reserve=reserve)
        return self._change_case(
            who,
            case,
            "record_disposal_round",
            {"disposal_id": disposal_id, "kind": kind, "reserve": reserve, "price": price, "note": note},
            lambda doc: disposal.record_round(
                doc, disposal.find(doc, disposal_id), kind, reserve, price, now, who.username, note
            ),
            now,
        )

    def _change_case(self, who: Principal, case: dict, action: str, request: dict, change, now: float) -> dict:
        """Applies `change` to a case, audited; answers the case's detail."""
        before = _case_trace(case)
        doc = self.cases.modify(case["id"], change)
        self._audit(who, action, "case", _case_trace(doc), before, request)
        return self._detail(doc, now)

    def _enforcement_case(self, who: Principal, case_id: str) -> dict:
        case = self._open_case(who, case_id)
        if not termination.applies(case):
            raise Problem(
                409,
                "not-for-preservation",
                f"{case['number']} is a property-preservation case: it carries out its ruling only.",
            )
        return case

    def decide(
        self, who: Principal, approval_id: str, approve: bool, note: str, if_match: int | None, now: float
    ) -> dict:
        approval = self.records.get("approval", approval_id)
        if approval is None:
            raise Problem(404, "not-found", f"There is no approval {approval_id}.")
        coercion = approval["kind"] in COERCION_KINDS
        allow(who, "coercion.decide" if coercion else "approval.decide")
        self._within(who, approval, f"Approval {approval_id}")
        self._check_version(
            approval, if_match, "approval", (approval["state"], approval["decided_by"], approval["decided_at"])
        )
        if approval["state"] != "pending":
            raise Problem(409, "already-decided", f"Already {approval['state']} by {approval['decided_by']}.")
        if approval["requested_by"] == who.username:
            decider = "a president" if coercion else "another supervisor"
            raise Problem(403, "two-person-rule", f"Whoever asks for an approval cannot give it; {decider} must.")
        before = self.records.snapshot(approval)
        self.assets.decide(approval, approve, now, who.username, note)
        self._audit(who, "approve" if approve else "reject", "approval", approval, before, {"note": note})
        if coercion_id := approval["details"].get("coercion_id"):
            self._decide_coercion(who, approval, coercion_id, approve, note, now)
        return public(approval)

    def _decide_coercion(
        self, who: Principal, approval: dict, coercion_id: str, approve: bool, note: str, now: float
    ) -> None:
        """A president's decision on a coercion: its 决定书 (a 司惩 number) and, for a detention or a
        拘传, a team with judicial police to carry it out."""
        case = self.cases.get(approval["case_id"])
        kind = approval["kind"]
        number = (
            self.cases.next_number(case["court_id"], "司惩", now) if approve and kind in coercion.NUMBERED else None
        )
        c = coercion.find(case, coercion_id)
        before = _coercion_trace(case, c)
        doc = self.cases.modify(
            case["id"],
            lambda doc: coercion.decide(coercion.find(doc, coercion_id), approve, number, now, who.username, note),
        )
        decided = coercion.find(doc, coercion_id)
        self._audit(who, "decide", "coercion", _coercion_trace(doc, decided), before, {"note": note})
        self._coercing.add(case["id"])
        self._call_off(who, decided, now, note)

    def _call_off(self, who: Principal, c: dict, now: float, note: str) -> None:
        """Cancels, audited, the task still carrying out a coercion that no longer stands (released,
        revoked)."""
        if c["state"] in coercion.LIVE or c["task_id"] is None:
            return
        task = self.records.get("task", c["task_id"])
        if task is not None and task["state"] in TASK_OPEN_STATES:
            before = self.records.snapshot(task)
            self.simulation.cancel_task(task, now, who.username, note or c["state"])
            self._audit(who, "cancel", "task", task, before, {"note": note, "coercion": c["state"]})


def _not_suspended(case: dict) -> None:
    """Refuses to act on a case whose enforcement is suspended (中止执行) for bankruptcy review: from
    the transfer on, unless refused (民诉法解释 (2015) art. 513; 企业破产法 art. 19 once accepted)."""
    if bankruptcy.suspends(case):
        raise Problem(
            409,
            "enforcement-suspended",
            f"{case['number']} is suspended: transferred for bankruptcy review ({case['bankruptcy']['state']}).",
        )


def _case_trace(doc: dict) -> dict:
    """What the audit keeps of a case a command changed: where it stands, not its whole history."""
    return {key: doc[key] for key in ("id", "number", "node", "status", "flags", "amount_realised", "version")} | {
        "acts": [act["act"] for act in doc.get("acts", ())]
    }


def _coercion_trace(case: dict, c: dict) -> dict:
    """What the audit keeps of a coercion: all of it, named by its case."""
    kept = {key: value for key, value in c.items() if not key.startswith("_")}
    return {**kept, "id": f"{case['id']}/{c['id']}", "case_id": case["id"], "history": len(c["history"])}


def _with_note(said: str, note: str) -> str:
    """A timeline entry's text: the reason or outcome, and the operator's note when there is one."""
    return f"{said} ({note})" if note else said


def _epoch(iso: str) -> float:
    return datetime.fromisoformat(iso).timestamp()
