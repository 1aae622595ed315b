"""执转破: an enforcement case against a company that cannot pay its debts, referred for bankruptcy
review (《最高人民法院关于执行案件移送破产审查若干问题的指导意见》, 法发〔2017〕2号). A case document
keeps its referral in `bankruptcy`.

- **Conditions** (art. 2): the respondent is a company (企业法人); the respondent, or the applicant
  of any of its enforcement cases, consents in writing; it cannot pay its debts due and its
  assets cannot cover them (here: the money under control does not cover what the case owes).
- **States**: 拟移送 (`proposed`, by the case officer, with the consent) → 已移送 (`transferred`,
  the president signing the decision to transfer: enforcement is suspended, 中止执行) → the court of
  the respondent's domicile rules within 30 days of receiving the file: 受理 (`accepted`) or 不受理
  (`refused`: enforcement goes on). Bankruptcy is heard by an intermediate court as a rule (art. 3).
"""

from __future__ import annotations

from court_backend.catalogue import DAY_S
from court_backend.clock import utc_iso

RULE_WITHIN_DAYS = 30
FLAG = "bankruptcy_referred"  # from transferred on, while not refused


def suspends(doc: dict) -> bool:
    """Whether the case's enforcement is suspended (中止执行): from the transfer on, unless refused."""
    return (doc.get("bankruptcy") or {}).get("state") in ("transferred", "accepted")


def propose(doc: dict, consent: str, at: float, by: str, note: str) -> None:
    doc["bankruptcy"] = {
        "state": "proposed",
        "consent": consent,
        "court_id": None,
        "rule_by": None,
        "history": [{"state": "proposed", "at": at, "by": by, "note": note}],
    }


def transfer(doc: dict, court_id: str, at: float, by: str, note: str, speed: float) -> None:
    """The president's decision to transfer: to `court_id`, which rules within 30 days."""
    referral = doc["bankruptcy"]
    referral.update(state="transferred", court_id=court_id, rule_by=at + RULE_WITHIN_DAYS * DAY_S / speed)
    referral["history"].append({"state": "transferred", "at": at, "by": by, "note": note})
    doc["flags"] = sorted(set(doc["flags"]) | {FLAG})


def rule(doc: dict, accepted: bool, at: float, by: str, note: str) -> None:
    referral = doc["bankruptcy"]
    state = "accepted" if accepted else "refused"
    referral["state"] = state
    referral["history"].append({"state": state, "at": at, "by": by, "note": note})
    if not accepted:  # enforcement goes on
        doc["flags"] = [flag for flag in doc["flags"] if flag != FLAG]


def present(doc: dict) -> dict | None:
    referral = doc.get("bankruptcy")
    if referral is None:
        return None
    return {
        "state": referral["state"],
        "consent": referral["consent"],
        "court_id": referral["court_id"],
        "rule_by": None if referral["rule_by"] is None else utc_iso(referral["rule_by"]),
        "history": [
            {"state": h["state"], "at": utc_iso(h["at"]), "by": h["by"], "note": h["note"]} for h in referral["history"]
        ],
    }
