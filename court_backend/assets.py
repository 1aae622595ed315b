"""Network query-and-control (网络执行查控): query batches answered institution by institution,
and the measures ordered on what they find, each as its asset takes it (money frozen and
deducted, property sealed up or seized, equity frozen), never more than the case still owes, with
supervisor approval above the threshold; a control measure holds for its legal term and lapses
unless renewed. Also the approvals themselves, which detention decisions use too.

Internal schedule fields start with an underscore and never leave the backend (`records.public`).
"""

from __future__ import annotations

import math
import random
from datetime import datetime

from court_backend.catalogue import (
    APPROVAL_THRESHOLD_YUAN,
    ASSET_OF_CATEGORY,
    CATEGORIES,
    CONTROL_MEASURES,
    CONTROL_TERM_DAYS,
    INSTITUTIONS,
    MEASURES_FOR_ASSET,
    MONEY_ASSETS,
    PROVINCIAL_INSTITUTIONS,
    RENEWAL_WARNING_DAYS,
)
from court_backend.clock import utc_iso
from court_backend.records import Records, public

# Chance that an institution of a category finds something, and the median minutes to answer.
HIT_RATE = {
    "bank": 0.25,
    "securities": 0.03,
    "payment": 0.2,
    "vehicle": 0.1,
    "real_estate": 0.08,
    "provident_fund": 0.15,
    "social_security": 0.2,
    "business_registration": 0.05,
    "ship": 0.005,
}
ANSWER_MINUTES = {"bank": 3.0, "payment": 5.0, "securities": 20.0}
DEFAULT_ANSWER_MINUTES = 30.0
TIMEOUT_S = 4 * 3600.0
FAILURE_RATE = 0.02
POOL_HIT_FACTOR = 0.02  # a 终本 respondent had nothing to find: a re-query seldom finds something new
MEASURE_MINUTES = {"freeze": 20.0, "deduct": 60.0, "seal_up": 240.0, "seize": 480.0}
DAY_S = 86_400.0
LIVE = ("awaiting_approval", "sent", "done")  # a measure that claims its asset: asked for, under way or holding
UNDER_WAY = ("awaiting_approval", "sent")  # a deduction still to take its money


def institutions_for(channel: str, categories: list[str]) -> list[tuple[str, str]]:
    local = channel == "provincial"
    return [
        (category, name)
        for category in categories
        for name in INSTITUTIONS[category]
        if (name in PROVINCIAL_INSTITUTIONS) == local or len(INSTITUTIONS[category]) == 1
    ]


class Assets:
    def __init__(self, records: Records, rng: random.Random, speed: float) -> None:
        self._records = records
        self._rng = rng
        self.speed = speed
        self._upgrade()
        # Only what is still moving is looked at on each tick.
        self._running = {q["id"] for q in records.all("query") if q["state"] == "running"}
        self._working = {m["id"] for m in records.all("measure") if m["state"] == "sent"}
        # Control measures holding an asset, by when they lapse unless renewed.
        self._holding = {
            m["id"]: datetime.fromisoformat(m["expires_at"]).timestamp()
            for m in records.all("measure")
            if m["state"] == "done" and m["expires_at"] is not None
        }
        # Hits nobody has acted on yet, with when they were answered: a flight risk as time passes.
        self._unfrozen = {
            (q["id"], r["id"]): datetime.fromisoformat(r["answered_at"]).timestamp()
            for q in records.all("query")
            if not q.get("_pooled")
            for r in q["results"]
            if r["hit"] and not r["measures"]
        }
        self._pool_hits: list[dict] = []  # re-queries of 终本 cases that found something, since last asked

    def _upgrade(self) -> None:
        """Queries and measures kept by a backend before 1.2 read as 1.2 writes them: each finding
        with its asset and the measures it takes (a registry's property without a value), each
        measure with its asset and no lapse date."""
        assets = {}
        for query in self._records.all("query"):
            for result in query["results"]:
                finding = result["finding"]
                if finding is None or "asset" in finding:
                    continue
                asset = ASSET_OF_CATEGORY[result["category"]]
                finding.update(asset=asset, measures=list(MEASURES_FOR_ASSET[asset]))
                if asset not in MONEY_ASSETS:
                    finding.update(kind="information" if asset == "information" else "property", value=None)
                assets[query["id"], result["id"]] = asset
                self._records.put("query", query)
        for measure in self._records.all("measure"):
            if "asset" not in measure:
                asset = assets.get((measure["query_id"], measure["result_id"]), "deposit")
                measure.update(asset=asset, reason="", expires_at=None, renewable_from=None)
                self._records.put("measure", measure)

    def unfrozen_hits(self) -> list[tuple[str, str, float]]:
        """(query id, result id, answered at) of every hit without a freeze or deduction."""
        return [(query_id, result_id, at) for (query_id, result_id), at in sorted(self._unfrozen.items())]

    def new_pool_hits(self) -> list[dict]:
        """The re-queries of 终本 cases that found something since the last call (`launch`)."""
        found, self._pool_hits = self._pool_hits, []
        return found

    # queries
    def launch(
        self, case: dict, channel: str, categories: list[str], now: float, by: str, pooled: bool = False
    ) -> dict:
        """A query batch for the case's respondent; `pooled` for the re-query of a 终本 case, whose
        respondent, found to have nothing, seldom has something a few months on: its first hit
        is told at once (`new_pool_hits`), not left awaiting a freeze."""
        targets = institutions_for(channel, categories)
        results = [
            {
                "id": f"R{index + 1:03d}",
                "institution": name,
                "category": category,
                "state": "pending",
                "sent_at": None,
                "answered_at": None,
                "hit": None,
                "finding": None,
                "measures": [],
                "_send_at": now + self._rng.uniform(1.0, 8.0) / self.speed,
            }
            for index, (category, name) in enumerate(targets)
        ]
        query = {
            "id": self._records.new_id("query", "Q"),
            "case_id": case["id"],
            "court_id": case["court_id"],
            "respondent": case["respondent"],
            "channel": channel,
            "categories": categories,
            "state": "running",
            "created_by": by,
            "created_at": utc_iso(now),
            "completed_at": None,
            "results": results,
            "counts": {},
            "version": 1,
            "_pooled": pooled,
        }
        self._count(query)
        self._records.put("query", query)
        self._running.add(query["id"])
        self._records.emit("query.created", public(query))
        return query

    @staticmethod
    def _count(query: dict) -> None:
        results = query["results"]
        states = [r["state"] for r in results]
        query["counts"] = {
            "total": len(results),
            "sent": sum(s != "pending" for s in states),
            "answered": sum(s == "answered" for s in states),
            "hit": sum(bool(r["hit"]) for r in results),
            "failed": states.count("failed"),
            "timed_out": states.count("timed_out"),
            "hit_value": round(sum(r["finding"]["value"] or 0.0 for r in results if r["finding"]), 2),
        }

    def _finding(self, category: str, respondent: dict) -> dict:
        """What an institution found: an account with its balance, or property (or equity) as a
        registry returns it, without a value (that comes from 询价 or 评估), or information on work
        and income; each with the measures its asset takes."""
        rng = self._rng
        asset = ASSET_OF_CATEGORY[category]
        finding = {"asset": asset, "value": None, "measures": list(MEASURES_FOR_ASSET[asset])}
        if asset in MONEY_ASSETS:
            scale = 5e5 if respondent["type"] == "company" else 4e4
            account = f"{rng.randrange(6222, 6299)} **** **** {rng.randrange(1000, 9999)}"
            return finding | {
                "kind": "account",
                "description": f"{CATEGORIES[category]}账户 {account}",
                "value": round(min(3e7, rng.lognormvariate(math.log(scale), 1.3)), 2),
            }
        if asset == "information":
            employer = "在职" if rng.random() < 0.6 else "曾参保，现已停缴"
            return finding | {"kind": "information", "description": f"{CATEGORIES[category]}：{employer}"}
        what = {
            "vehicle": "机动车 川A·" + str(rng.randrange(10000, 99999)),
            "real_estate": "房产一处",
            "equity": "股权",
            "ship": "船舶一艘",
        }[asset]
        return finding | {"kind": "property", "description": what}

    def _advance_result(self, query: dict, result: dict, now: float) -> bool:
        rng = self._rng
        if result["state"] == "pending" and now >= result["_send_at"]:
            result["state"], result["sent_at"] = "sent", utc_iso(now)
            minutes = ANSWER_MINUTES.get(result["category"], DEFAULT_ANSWER_MINUTES)
            result["_answer_at"] = (
                now + min(TIMEOUT_S * 1.5, 60 * rng.lognormvariate(math.log(minutes), 0.8)) / self.speed
            )
            result["_timeout_at"] = now + TIMEOUT_S / self.speed
            return True
        if result["state"] == "sent" and now >= min(result["_answer_at"], result["_timeout_at"]):
            if now >= result["_timeout_at"] and result["_answer_at"] > result["_timeout_at"]:
                result["state"] = "timed_out"
            elif rng.random() < FAILURE_RATE:
                result["state"] = "failed"
            else:
                result["state"], result["answered_at"] = "answered", utc_iso(now)
                pooled = query.get("_pooled", False)
                result["hit"] = rng.random() < HIT_RATE[result["category"]] * (POOL_HIT_FACTOR if pooled else 1.0)
                result["finding"] = self._finding(result["category"], query["respondent"]) if result["hit"] else None
                if result["hit"] and pooled:
                    self._pool_hits.append(query)
                elif result["hit"]:
                    self._unfrozen[(query["id"], result["id"])] = now
            return True
        return False

    # measures
    def ordered(self, result: dict, kind: str) -> float:
        """What freezes (or deductions) on a hit already claim: all but the rejected, failed and lapsed."""
        measures = (self._records.get("measure", measure_id) for measure_id in result["measures"])
        return round(sum(m["amount"] or 0.0 for m in measures if m["kind"] == kind and m["state"] in LIVE), 2)

    def controls(self, case_id: str) -> bool:
        """Whether a measure holds some of the case's property, or is about to take some."""
        return any(
            m["case_id"] == case_id and m["state"] in (LIVE if m["kind"] in CONTROL_MEASURES else UNDER_WAY)
            for m in self._records.all("measure")
        )

    def live_on(self, result: dict) -> dict | None:
        """A measure that claims the hit's asset now (asked for, under way or holding), if any."""
        measures = (self._records.get("measure", measure_id) for measure_id in result["measures"])
        return next((m for m in measures if m["state"] in LIVE), None)

    def deducting(self, case_id: str) -> float:
        """The money the case's deductions still under way will take."""
        return round(
            sum(
                m["amount"]
                for m in self._records.all("measure")
                if m["case_id"] == case_id and m["kind"] == "deduct" and m["state"] in UNDER_WAY
            ),
            2,
        )

    def frozen(self, case_id: str) -> float:
        """The money a case's freezes hold now, less what was deducted from the frozen accounts."""
        held = 0.0
        for query in self._records.all("query"):
            if query["case_id"] != case_id:
                continue
            for result in query["results"]:
                if result["measures"] and (result["finding"] or {}).get("asset") in MONEY_ASSETS:
                    deducted = sum(
                        m["done_amount"] or 0.0
                        for m in (self._records.get("measure", i) for i in result["measures"])
                        if m["kind"] == "deduct" and m["state"] == "done"
                    )
                    held += max(0.0, self.ordered(result, "freeze") - deducted)
        return round(held, 2)

    def needs_approval(self, case_id: str, kind: str, amount: float | None) -> bool:
        """Whether a measure waits for a supervisor: when it takes the case's measures together
        (all hits and orders, all but the failed) above the threshold, so that splitting an order
        gains nothing; and after a rejection of its kind on the case, so that ordering again what
        was refused needs a new approval."""
        claimed, rejected = 0.0, False
        for measure in self._records.all("measure"):
            if measure["case_id"] != case_id:
                continue
            rejected = rejected or (measure["kind"] == kind and measure["state"] == "rejected")
            if measure["state"] not in ("rejected", "failed"):
                claimed += measure["amount"] or 0.0
        return rejected or round(claimed + (amount or 0.0), 2) > APPROVAL_THRESHOLD_YUAN

    def order(
        self, query: dict, result: dict, kind: str, amount: float | None, reason: str, now: float, by: str
    ) -> dict:
        """A measure on a hit, waiting for a supervisor when `needs_approval` says so; `amount` is
        the money's (None for property), `reason` why it goes beyond what the case still owes."""
        needs_approval = self.needs_approval(query["case_id"], kind, amount)
        measure = {
            "id": self._records.new_id("measure", "F"),
            "kind": kind,
            "asset": result["finding"]["asset"],
            "query_id": query["id"],
            "result_id": result["id"],
            "case_id": query["case_id"],
            "institution": result["institution"],
            "amount": amount,
            "done_amount": None,
            "reason": reason,
            "state": "awaiting_approval" if needs_approval else "sent",
            "expires_at": None,
            "renewable_from": None,
            "requested_by": by,
            "approval_id": None,
            "created_at": utc_iso(now),
            "updated_at": utc_iso(now),
            "history": [{"state": "awaiting_approval" if needs_approval else "sent", "at": utc_iso(now), "by": by}],
            "version": 1,
        }
        if needs_approval:
            approval = self.request_approval(
                kind,
                "measure",
                measure["id"],
                query["case_id"],
                now,
                by,
                {"amount": amount, "institution": result["institution"]},
            )
            measure["approval_id"] = approval["id"]
        else:
            self._schedule(measure, now)
        result["measures"].append(measure["id"])
        self._unfrozen.pop((query["id"], result["id"]), None)
        self._records.put("measure", measure)
        self._records.emit("measure.created", public(measure))
        self._publish_progress(query, [result])
        return measure

    def _term_s(self, measure: dict) -> float:
        return CONTROL_TERM_DAYS[measure["asset"]] * DAY_S / self.speed

    def renew(self, measure: dict, now: float, by: str, note: str) -> None:
        """续行: a holding control measure holds for its term again from when it would have lapsed."""
        self._hold(measure, self._holding[measure["id"]] + self._term_s(measure))
        self._move_measure(measure, "done", now, by, note or f"renewed until {measure['expires_at']}")

    def _hold(self, measure: dict, until: float) -> None:
        """A control measure holds until `until`, and may be renewed within the warning before: so
        that no renewal adds more than one term to what is left (法释〔2022〕11号 art. 485)."""
        self._holding[measure["id"]] = until
        measure["expires_at"] = utc_iso(until)
        measure["renewable_from"] = utc_iso(self.renewable_from(measure))

    def renewable_from(self, measure: dict) -> float:
        return self._holding[measure["id"]] - RENEWAL_WARNING_DAYS * DAY_S / self.speed

    def lapsing(self, now: float) -> list[dict]:
        """The holding control measures whose renewal is due: within the warning before they lapse."""
        due = (self._records.get("measure", measure_id) for measure_id in sorted(self._holding))
        return [measure for measure in due if now >= self.renewable_from(measure)]

    def _publish_progress(self, query: dict, results: list[dict]) -> None:
        """One `query.progress` per changed result, each with a version of its own: a client that
        keeps the newest version of the batch applies every one of them, in order."""
        for result in results:
            query["version"] += 1
            self._records.emit(
                "query.progress",
                {
                    "query_id": query["id"],
                    "case_id": query["case_id"],
                    "state": query["state"],
                    "completed_at": query["completed_at"],
                    "counts": query["counts"],
                    "result": public(result),
                    "version": query["version"],
                },
            )
        self._records.put("query", query)

    def _schedule(self, measure: dict, now: float) -> None:
        self._working.add(measure["id"])
        minutes = MEASURE_MINUTES[measure["kind"]]
        measure["_done_at"] = now + 60 * self._rng.lognormvariate(math.log(minutes), 0.7) / self.speed

    def _move_measure(self, measure: dict, state: str, now: float, by: str = "system", note: str = "") -> None:
        measure["state"], measure["updated_at"] = state, utc_iso(now)
        measure["history"].append({"state": state, "at": utc_iso(now), "by": by, **({"note": note} if note else {})})
        measure["version"] += 1
        self._records.put("measure", measure)
        self._records.emit("measure.updated", public(measure))

    # approvals
    def request_approval(
        self, kind: str, subject_type: str, subject_id: str, case_id: str, now: float, by: str, details: dict
    ) -> dict:
        approval = {
            "id": self._records.new_id("approval", "A"),
            "kind": kind,
            "subject_type": subject_type,
            "subject_id": subject_id,
            "case_id": case_id,
            "details": details,
            "state": "pending",
            "requested_by": by,
            "requested_at": utc_iso(now),
            "decided_by": None,
            "decided_at": None,
            "note": "",
            "version": 1,
        }
        self._records.put("approval", approval)
        self._records.emit("approval.requested", approval)
        return approval

    def decide(self, approval: dict, approve: bool, now: float, by: str, note: str) -> None:
        approval.update(
            state="approved" if approve else "rejected",
            decided_by=by,
            decided_at=utc_iso(now),
            note=note,
            version=approval["version"] + 1,
        )
        self._records.put("approval", approval)
        self._records.emit("approval.decided", approval)
        if approval["subject_type"] == "measure":
            measure = self._records.get("measure", approval["subject_id"])
            if approve:
                self._schedule(measure, now)
                self._move_measure(measure, "sent", now, by, note)
            else:
                self._move_measure(measure, "rejected", now, by, note)

    # the clock
    def tick(self, now: float, on_deducted) -> None:
        for query_id in sorted(self._running):
            query = self._records.get("query", query_id)
            changed = [r for r in query["results"] if self._advance_result(query, r, now)]
            if not changed:
                continue
            self._count(query)
            if all(r["state"] in ("answered", "failed", "timed_out") for r in query["results"]):
                query["state"], query["completed_at"] = "completed", utc_iso(now)
                self._running.discard(query_id)
            self._publish_progress(query, changed)
        for measure_id in sorted(self._working):
            measure = self._records.get("measure", measure_id)
            if now >= measure["_done_at"]:
                self._working.discard(measure_id)
                if self._rng.random() < 0.05:
                    refused = "账户已销户" if measure["asset"] in MONEY_ASSETS else "权属存在争议"
                    self._move_measure(measure, "failed", now, note=f"协助执行单位未予协助：{refused}")
                    continue
                if measure["amount"] is not None:
                    query = self._records.get("query", measure["query_id"])
                    result = next(r for r in query["results"] if r["id"] == measure["result_id"])
                    measure["done_amount"] = round(min(measure["amount"], result["finding"]["value"]), 2)
                if measure["kind"] in CONTROL_MEASURES:
                    self._hold(measure, now + self._term_s(measure))
                if measure["kind"] == "deduct":  # what the case takes of it: never more than it is owed
                    measure["done_amount"] = on_deducted(measure, now)
                self._move_measure(measure, "done", now)
        for measure_id, expires_at in sorted(self._holding.items()):
            if now >= expires_at:  # not renewed in time: the asset is free again
                del self._holding[measure_id]
                measure = self._records.get("measure", measure_id)
                self._move_measure(measure, "lapsed", now, note="期限届满未续行，措施解除")
