"""消极执行: the 25 situations of passive or selective enforcement (DOMAIN.md, Supervision: the
project's working catalogue, numbered as there), and the findings a supervisor confirms or
dismisses with a reason.

The backend detects, from its own data, every situation the data allows (`DETECTED`): from a
case's path through the nodes and its records (`of_case`), and from a measure that lapsed, a hit
left uncontrolled, a 终本 case's new hit and a 督办 unanswered (the world raises those as they
happen). A supervisor records the others by hand. Each instance is a finding, once per case (or
per measure, hit or order) and situation: its evidence says which nodes, dates and records show
it, and who the case's officer is.

A finding is kept in its own table (there may be hundreds of thousands), its key in memory.
"""

from __future__ import annotations

import json
import sqlite3

from court_backend import disposal
from court_backend.catalogue import COMPLAINT_LIMIT_DAYS, DAY_S, FINAL_NODES, NODE_BY_CODE
from court_backend.clock import utc_iso
from court_backend.records import Records, dumps, public

# number → (code, limit in days where the situation has one): DOMAIN.md's catalogue.
SITUATIONS: dict[int, tuple[str, float | None]] = {
    1: ("officer_not_assigned", 7),
    2: ("notice_not_sent", 10),
    3: ("network_query_late", 3),
    4: ("investigation_unfinished", 30),
    5: ("clue_not_checked", 7),
    6: ("hit_not_controlled", 3),
    7: ("control_not_disposed", 30),
    8: ("no_second_round", 30),
    9: ("measure_lapsed", None),
    10: ("funds_not_paid_out", 30),
    11: ("not_listed_as_dishonest", None),
    12: ("terminated_without_restriction", None),
    13: ("terminated_too_early", 90),
    14: ("terminated_unheard", None),
    15: ("pool_not_requeried", 182.5),
    16: ("pool_hit_ignored", 30),
    17: ("case_limit_passed", None),
    18: ("no_enforcement_act", 30),
    19: ("supervision_unanswered", None),
    20: ("complaint_not_concluded", COMPLAINT_LIMIT_DAYS),
    21: ("selective_enforcement", None),
    22: ("stay_too_long", 90),
    23: ("documents_not_served", 10),
    24: ("seizure_without_custody", None),
    25: ("completed_owing", None),
}
# What the data cannot show (a respondent's standing for the list, selective treatment among a
# respondent's cases, a stay, custody records): a supervisor records these by hand.
RECORDED_BY_HAND = frozenset({11, 21, 22, 24})
DETECTED = frozenset(SITUATIONS) - RECORDED_BY_HAND
STATES = ("open", "confirmed", "dismissed")
HELD_AT_MOST = 5_000  # findings not yet written
INVESTIGATION = frozenset(node.code for node in NODE_BY_CODE.values() if node.phase == "investigation")
DISPOSAL = frozenset(node.code for node in NODE_BY_CODE.values() if node.phase == "disposal")
SCHEMA = (
    "create table if not exists findings (id text primary key, key text not null unique, court_id text not null,"
    " situation integer not null, state text not null, doc text not null, case_id text)",
    "create index if not exists findings_court on findings (court_id)",
)


def fact(kind: str, at: float | None, *, node: str | None = None, ref: str | None = None, amount=None) -> dict:
    """One item of a finding's evidence: what happened (or was due) when, at which node or record."""
    return {"fact": kind, "at": None if at is None else utc_iso(at), "node": node, "ref": ref, "amount": amount}


def _visits(doc: dict) -> dict[str, dict]:
    """Each node the case passed, its first visit."""
    first: dict[str, dict] = {}
    for visit in doc["history"]:
        first.setdefault(visit["node"], visit)
    return first


def _late(start: float, end: float | None, limit_days: float, now: float) -> bool:
    """Whether what was due `limit_days` after `start` was done late (at `end`), or not yet at `now`."""
    return (end if end is not None else now) > start + limit_days * DAY_S


def _span(
    visits: dict, situation: int, start: tuple[str, str], end: tuple[str, str], now: float, still_open: bool
) -> tuple[int, list[dict]] | None:
    """A situation measured from one moment of the path to another ((node, "entered" or "left")):
    late when the second came more than the limit after the first, or had not come by `now` on an
    open case."""
    first, last = visits.get(start[0]), visits.get(end[0])
    began = first and first[f"{start[1]}_at"]
    if began is None:
        return None
    ended = last[f"{end[1]}_at"] if last else None
    if ended is None and not still_open:
        return None
    limit = SITUATIONS[situation][1]
    if not _late(began, ended, limit, now):
        return None
    evidence = [fact(start[1], began, node=start[0]), fact("due", began + limit * DAY_S)]
    evidence.append(fact(end[1], ended, node=end[0]) if ended is not None else fact("checked", now, node=end[0]))
    return situation, evidence


def of_case(doc: dict, now: float) -> list[tuple[int, list[dict]]]:
    """The situations a case shows at `now`, each with its evidence."""
    visits, still_open = _visits(doc), doc["status"] == "open"
    found = []
    spans = [(1, ("filing_registration", "left"), ("assignment", "left"))]
    if doc["kind"] != "preservation":  # a 执保 case sends no notice and investigates nothing
        spans += [
            (2, ("assignment", "left"), ("asset_report_order", "left")),
            (3, ("network_query_national", "entered"), ("network_query_national", "left")),
        ]
    for node, situation in (("clue_verification", 5), ("service_of_documents", 23)):
        if node in visits:
            spans.append((situation, (node, "entered"), (node, "left")))
    for situation, start, end in spans:
        if (shown := _span(visits, situation, start, end, now, still_open)) is not None:
            found.append(shown)
    for shown in (
        _investigation(doc, now),
        _disposal_after_control(doc, visits, now),
        _second_round(doc, now),
        _funds(doc, now),
        _complaint(doc, now),
    ):
        if shown is not None:
            found.append(shown)
    found += _termination(doc)
    if still_open and now > doc["deadline"]:
        found.append((17, [fact("filed", doc["filed_at"]), fact("due", doc["deadline"]), fact("checked", now)]))
    closed_at = next((v["entered_at"] for v in doc["history"] if v["node"] in FINAL_NODES), None)
    if closed_at is not None and closed_at > doc["deadline"]:
        found.append((17, [fact("filed", doc["filed_at"]), fact("due", doc["deadline"]), fact("closed", closed_at)]))
    idle_since = doc.get("_activity_at", doc["node_entered_at"])
    if still_open and now > idle_since + SITUATIONS[18][1] * DAY_S:
        found.append((18, [fact("last_activity", idle_since, node=doc["node"]), fact("checked", now)]))
    if "completed" in visits and doc["amount_realised"] < doc["amount_sought"]:
        owed = round(doc["amount_sought"] - doc["amount_realised"], 2)
        found.append((25, [fact("entered", visits["completed"]["entered_at"], node="completed", amount=owed)]))
    return found


def _investigation(doc: dict, now: float) -> tuple[int, list[dict]] | None:
    """4: from the first investigation node entered to the first node after them, a month at most."""
    history = doc["history"]
    begun = next((i for i, v in enumerate(history) if v["node"] in INVESTIGATION), None)
    if begun is None:
        return None
    after = next((v for v in history[begun:] if v["node"] not in INVESTIGATION), None)
    if after is None and doc["status"] != "open":
        return None
    began, ended = history[begun]["entered_at"], after and after["entered_at"]
    if not _late(began, ended, SITUATIONS[4][1], now):
        return None
    evidence = [fact("entered", began, node=history[begun]["node"]), fact("due", began + SITUATIONS[4][1] * DAY_S)]
    evidence.append(fact("entered", ended, node=after["node"]) if after else fact("checked", now))
    return 4, evidence


def _disposal_after_control(doc: dict, visits: dict, now: float) -> tuple[int, list[dict]] | None:
    """7: property sealed up or seized, and not taken to valuation within 30 days."""
    controlled = next((visits[n] for n in ("seal_up", "seizure") if n in visits), None)
    if controlled is None or doc["kind"] == "preservation":
        return None
    valued = next((v for v in doc["history"] if v["node"] in DISPOSAL), None)
    if valued is None and doc["node"] not in ("seal_up", "seizure"):
        return None  # the property released, or the case gone on otherwise
    began, ended = controlled["entered_at"], valued and valued["entered_at"]
    if not _late(began, ended, SITUATIONS[7][1], now):
        return None
    evidence = [fact("entered", began, node=controlled["node"]), fact("due", began + SITUATIONS[7][1] * DAY_S)]
    evidence.append(fact("entered", ended, node=valued["node"]) if valued else fact("checked", now))
    return 7, evidence


def _second_round(doc: dict, now: float) -> tuple[int, list[dict]] | None:
    """8: an auction that failed, and no next round within 30 days (while the item is for sale)."""
    for item in doc.get("disposals", ()):
        rounds = item["rounds"]
        for index, held in enumerate(rounds):
            if held["price"] is not None or held["kind"] not in ("first_auction", "second_auction"):
                continue
            following = rounds[index + 1] if index + 1 < len(rounds) else None
            if following is None and item["state"] in disposal.ENDED:
                continue
            ended = following and following["at"]
            if _late(held["at"], ended, SITUATIONS[8][1], now):
                evidence = [fact("auction_failed", held["at"], ref=item["id"])]
                evidence.append(fact("due", held["at"] + SITUATIONS[8][1] * DAY_S))
                evidence.append(fact("next_round", ended, ref=item["id"]) if ended else fact("checked", now))
                return 8, evidence
    return None


def _funds(doc: dict, now: float) -> tuple[int, list[dict]] | None:
    """10: money received and not wholly paid out within 30 days (the oldest receipts first)."""
    ledger = doc.get("ledger", ())
    payouts = [(e["at"], e["amount"]) for e in ledger if e["kind"] == "paid"]
    received = 0.0
    for entry in ledger:
        if entry["kind"] != "received":
            continue
        received += entry["amount"]
        paid, cleared = 0.0, None
        for at, amount in payouts:
            paid += amount
            if paid >= received - 0.005:
                cleared = at
                break
        if _late(entry["at"], cleared, SITUATIONS[10][1], now):
            evidence = [fact("received", entry["at"], amount=entry["amount"]), fact("due", entry["at"] + 30 * DAY_S)]
            evidence.append(fact("paid", cleared) if cleared is not None else fact("checked", now))
            return 10, evidence
    return None


def _complaint(doc: dict, now: float) -> tuple[int, list[dict]] | None:
    """20: an enforcement complaint (执行信访) not concluded within 30 days of its receipt."""
    for complaint in doc.get("complaints", ()):
        concluded = complaint["concluded_at"] if complaint["concluded_at"] <= now else None
        if _late(complaint["received_at"], concluded, SITUATIONS[20][1], now):
            evidence = [fact("complaint_received", complaint["received_at"], ref=complaint["id"])]
            evidence.append(fact("due", complaint["due_at"]))
            evidence.append(
                fact("complaint_concluded", concluded, ref=complaint["id"]) if concluded else fact("checked", now)
            )
            return 20, evidence
    return None


def _termination(doc: dict) -> list[tuple[int, list[dict]]]:
    """12, 13, 14: a 终本 without the consumption restriction, within three months of filing, or
    without the applicant heard (the gate refuses each; a book from before it may hold them)."""
    decided = doc.get("termination")
    if decided is None or decided.get("at") is None:
        return []
    at, unmet = decided["at"], {c["condition"] for c in decided["checklist"] if c["state"] == "unmet"}
    found = []
    for situation, condition in ((12, "consumption_restriction"), (14, "applicant_interviewed")):
        if condition in unmet:
            found.append((situation, [fact("terminated", at, node="terminated_for_now")]))
    if at < doc["filed_at"] + SITUATIONS[13][1] * DAY_S:
        found.append((13, [fact("filed", doc["filed_at"]), fact("terminated", at, node="terminated_for_now")]))
    return found


def pool_not_requeried(doc: dict, now: float) -> tuple[int, list[dict]] | None:
    """15: a 终本 case of the pool not queried again when due: every six months from 终本, five years."""
    decided = doc.get("termination")
    if decided is None or doc.get("resumed_as") or decided.get("requeries") is None:
        return None
    due = decided["at"] + (decided["requeries"] + 1) * SITUATIONS[15][1] * DAY_S
    if now <= due or decided["requeries"] >= 10:
        return None
    return 15, [fact("terminated", decided["at"], node="terminated_for_now"), fact("due", due), fact("checked", now)]


class FindingBook:
    """The findings, by id, in their own table; the key of each (situation and what it is about)
    in memory, so that a situation seen again is not found twice."""

    def __init__(self, records: Records) -> None:
        self._records = records
        self._db: sqlite3.Connection = records.db
        for statement in SCHEMA:
            self._db.execute(statement)
        if "case_id" not in {row[1] for row in self._db.execute("pragma table_info(findings)")}:
            self._db.execute("alter table findings add column case_id text")  # a table made before it
            self._db.execute("update findings set case_id = json_extract(doc, '$.case_id')")
        self._db.execute("create index if not exists findings_case on findings (case_id)")  # a case's findings
        self._db.commit()
        self._keys = {key for (key,) in self._db.execute("select key from findings")}
        self._dirty: dict[str, dict] = {}
        (self._count,) = self._db.execute("select count(*) from findings").fetchone()
        records.add_saver(self._save)

    def raise_(self, situation: int, about: str, case: dict, evidence: list[dict], now: float, announce=True):
        """A detected finding, unless this situation was found of `about` already."""
        key = f"{situation}:{about}"
        if key in self._keys:
            return None
        return self._put_new(key, situation, case, evidence, now, "system", "detected", announce)

    def record(self, situation: int, case: dict, note: str, now: float, by: str) -> dict | None:
        """A finding a supervisor records by hand (confirmed as they record it); None when this
        situation was found on the case already."""
        key = f"{situation}:{case['id']}"
        if key in self._keys:
            return None
        evidence = [{**fact("noted", now), "note": note}]
        finding = self._put_new(key, situation, case, evidence, now, by, "recorded", False)
        self.decide(finding, "confirmed", note, now, by)
        return finding

    def _put_new(self, key, situation, case, evidence, now, by, source, announce) -> dict:
        self._count += 1
        finding = {
            "id": f"F{self._count:07d}",
            "situation": situation,
            "case_id": case["id"],
            "case_number": case["number"],
            "court_id": case["court_id"],
            "officer": case["officer"],
            "evidence": evidence,
            "source": source,
            "found_at": utc_iso(now),
            "state": "open",
            "decided_by": None,
            "decided_at": None,
            "reason": None,
            "history": [{"state": "open", "at": utc_iso(now), "by": by, "note": ""}],
            "version": 1,
            "_key": key,
        }
        self._keys.add(key)
        self._dirty[finding["id"]] = finding
        if len(self._dirty) >= HELD_AT_MOST:  # a book filed at once: written as it goes, not held whole
            with self._db:
                self._save(self._db)
        if announce:
            self._records.emit("finding.raised", public(finding))
        return finding

    def decide(self, finding: dict, state: str, reason: str, now: float, by: str) -> None:
        finding.update(state=state, decided_by=by, decided_at=utc_iso(now), reason=reason)
        finding["history"].append({"state": state, "at": utc_iso(now), "by": by, "note": reason})
        finding["version"] += 1
        self._dirty[finding["id"]] = finding
        self._records.emit("finding.updated", public(finding))

    def get(self, finding_id: str) -> dict | None:
        if finding_id in self._dirty:
            return self._dirty[finding_id]
        row = self._db.execute("select doc from findings where id = ?", (finding_id,)).fetchone()
        return None if row is None else json.loads(row[0])

    def page(self, filters: dict, courts: frozenset[str] | None, after_id: str, limit: int) -> list[dict]:
        """Findings in id order after `after_id`, of `courts` (all when None), narrowed by court,
        situation, state and case."""
        clauses, params = ["id > ?"], [after_id]
        for column in ("court_id", "situation", "state"):
            if filters.get(column) is not None:
                clauses.append(f"{column} = ?")
                params.append(filters[column])
        if filters.get("case_id"):
            clauses.append("case_id = ?")
            params.append(filters["case_id"])
        if courts is not None:
            clauses.append(f"court_id in ({', '.join('?' * len(courts))})")
            params += sorted(courts)
        rows = self._db.execute(
            f"select doc from findings where {' and '.join(clauses)} order by id limit ?", (*params, limit)
        )
        return [public(json.loads(text)) for (text,) in rows]

    def _save(self, db: sqlite3.Connection) -> None:
        if self._dirty:
            db.executemany(
                "insert or replace into findings values (?, ?, ?, ?, ?, ?, ?)",
                [
                    (f["id"], f["_key"], f["court_id"], f["situation"], f["state"], dumps(f), f["case_id"])
                    for f in self._dirty.values()
                ],
            )
            self._dirty.clear()
