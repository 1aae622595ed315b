"""督办: a supervision order from a higher court to a court below it, on a case or a group of its
cases, with a requirement and a deadline (DOMAIN.md, Supervision). The addressed court replies
with what it did; the issuing court accepts the reply or returns it for more; an order unanswered
at its deadline raises an escalation to the issuing court, once (situation 19).

States: `issued` → `replied` → `accepted`, or `returned` → `replied` again. An order is the
addressed court's object: those who see that court see it, and so does the court that issued it
(always above it).
"""

from __future__ import annotations

from court_backend.clock import utc_iso
from court_backend.records import Records, public

OPEN = ("issued", "replied", "returned")


def issue(
    records: Records,
    number: str,
    issuer_court_id: str,
    court_id: str,
    case_ids: list[str],
    requirement: str,
    deadline: float,
    now: float,
    by: str,
) -> dict:
    order = {
        "id": records.new_id("supervision", "D"),
        "number": number,
        "issuer_court_id": issuer_court_id,
        "court_id": court_id,
        "case_id": case_ids[0],
        "case_ids": case_ids,
        "requirement": requirement,
        "deadline": utc_iso(deadline),
        "state": "issued",
        "issued_by": by,
        "issued_at": utc_iso(now),
        "reply": None,
        "replied_by": None,
        "closed_at": None,
        "overdue": False,
        "history": [{"state": "issued", "at": utc_iso(now), "by": by, "note": requirement}],
        "version": 1,
        "_deadline_at": deadline,
    }
    records.put("supervision", order)
    records.emit("supervision.issued", public(order))
    return order


def move(records: Records, order: dict, state: str, now: float, by: str, note: str) -> None:
    """A reply (`replied`, `note` what was done), or the issuer's `accepted` or `returned`."""
    order["state"] = state
    if state == "replied":
        order["reply"], order["replied_by"] = note, by
    if state == "accepted":
        order["closed_at"] = utc_iso(now)
    order["history"].append({"state": state, "at": utc_iso(now), "by": by, "note": note})
    order["version"] += 1
    records.put("supervision", order)
    records.emit("supervision.updated", public(order))


def unanswered(order: dict) -> bool:
    """Waiting for the addressed court's answer: issued, or returned for more."""
    return order["state"] in ("issued", "returned")


def lapse(records: Records, order: dict, now: float) -> None:
    """Past its deadline unanswered: overdue from now on."""
    order["overdue"] = True
    note = "办理期限届满，未回复"  # the court system's own words, as the records it keeps
    order["history"].append({"state": order["state"], "at": utc_iso(now), "by": "system", "note": note})
    order["version"] += 1
    records.put("supervision", order)
    records.emit("supervision.updated", public(order))
