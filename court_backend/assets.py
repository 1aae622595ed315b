"""Network query-and-control (网络执行查控): query batches answered institution by institution,
and the freezes and deductions ordered on what they find, with supervisor approval above the
threshold. Also the approvals themselves, which detention decisions use too.

Internal schedule fields start with an underscore and never leave the backend (`records.public`).
"""

from __future__ import annotations

import math
import random
from datetime import datetime

from court_backend.catalogue import (
    APPROVAL_THRESHOLD_YUAN,
    CATEGORIES,
    INSTITUTIONS,
    PROVINCIAL_INSTITUTIONS,
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
MEASURE_MINUTES = {"freeze": 20.0, "deduct": 60.0}


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
        # Only what is still moving is looked at on each tick.
        self._running = {q["id"] for q in records.all("query") if q["state"] == "running"}
        self._working = {m["id"] for m in records.all("measure") if m["state"] == "sent"}
        # Hits nobody has acted on yet, with when they were answered: a flight risk as time passes.
        self._unfrozen = {
            (q["id"], r["id"]): datetime.fromisoformat(r["answered_at"]).timestamp()
            for q in records.all("query")
            for r in q["results"]
            if r["hit"] and not r["measures"]
        }

    def unfrozen_hits(self) -> list[tuple[str, str, float]]:
        """(query id, result id, answered at) of every hit without a freeze or deduction."""
        return [(query_id, result_id, at) for (query_id, result_id), at in sorted(self._unfrozen.items())]

    # queries
    def launch(
        self, case: dict, channel: str, categories: list[str], now: float, by: str, hit_factor: float = 1.0
    ) -> dict:
        """A query batch for the case's respondent; `hit_factor` scales the chance of each hit (a
        respondent found to have nothing seldom has something a few months on)."""
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
            "_hit_factor": hit_factor,
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
            "hit_value": round(sum(r["finding"]["value"] for r in results if r["finding"]), 2),
        }

    def _finding(self, category: str, respondent: dict) -> dict:
        rng = self._rng
        scale = 5e5 if respondent["type"] == "company" else 4e4
        value = round(min(3e7, rng.lognormvariate(math.log(scale), 1.3)), 2)
        if category in ("bank", "payment", "securities", "provident_fund", "social_security"):
            account = f"{rng.randrange(6222, 6299)} **** **** {rng.randrange(1000, 9999)}"
            return {"kind": "account", "description": f"{CATEGORIES[category]}账户 {account}", "value": value}
        what = {
            "vehicle": "机动车 川A·" + str(rng.randrange(10000, 99999)),
            "real_estate": "房产一处",
            "business_registration": "股权",
            "ship": "船舶一艘",
        }.get(category, "财产")
        return {"kind": "property", "description": what, "value": value}

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
                result["hit"] = rng.random() < HIT_RATE[result["category"]] * query.get("_hit_factor", 1.0)
                result["finding"] = self._finding(result["category"], query["respondent"]) if result["hit"] else None
                if result["hit"]:
                    self._unfrozen[(query["id"], result["id"])] = now
            return True
        return False

    # measures
    def ordered(self, result: dict, kind: str) -> float:
        """What freezes (or deductions) on a hit already claim: all but the rejected and failed."""
        measures = (self._records.get("measure", measure_id) for measure_id in result["measures"])
        return round(
            sum(m["amount"] for m in measures if m["kind"] == kind and m["state"] not in ("rejected", "failed")), 2
        )

    def needs_approval(self, case_id: str, kind: str, amount: float) -> bool:
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
                claimed += measure["amount"]
        return rejected or round(claimed + amount, 2) > APPROVAL_THRESHOLD_YUAN

    def order(self, query: dict, result: dict, kind: str, amount: float, now: float, by: str) -> dict:
        """A freeze or deduction on a hit, waiting for a supervisor when `needs_approval` says so."""
        needs_approval = self.needs_approval(query["case_id"], kind, amount)
        measure = {
            "id": self._records.new_id("measure", "F"),
            "kind": kind,
            "query_id": query["id"],
            "result_id": result["id"],
            "case_id": query["case_id"],
            "institution": result["institution"],
            "amount": amount,
            "done_amount": None,
            "state": "awaiting_approval" if needs_approval else "sent",
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
                    self._move_measure(measure, "failed", now, note="the institution refused: account closed")
                    continue
                query = self._records.get("query", measure["query_id"])
                result = next(r for r in query["results"] if r["id"] == measure["result_id"])
                measure["done_amount"] = round(min(measure["amount"], result["finding"]["value"]), 2)
                self._move_measure(measure, "done", now)
                if measure["kind"] == "deduct":
                    on_deducted(measure["case_id"], measure["done_amount"], now)
