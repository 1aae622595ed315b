"""执行救助: relief from the state's judicial-relief fund for an applicant left in hardship because
its respondent cannot pay (《关于加强和规范人民法院国家司法救助工作的意见》, 法发〔2016〕16号). A case
document keeps its applications in `relief`.

An operator applies for the applicant with the reason and the amount; a supervisor other than the
one who applied approves or rejects it; an approved grant is paid from the fund (it is not money
realised on the case: the debt stays owed). At most 36 months of the local average monthly wage
(中政委〔2014〕3号, 法发〔2016〕16号: 一般不超过三十六个月的月平均工资总额; taken here as ¥8,500 a
month), and never more than the case still owes; one application open at a time.
"""

from __future__ import annotations

from court_backend.clock import utc_iso

MONTHLY_WAGE_YUAN = 8_500
CAP_YUAN = 36 * MONTHLY_WAGE_YUAN
FLAG = "relief_granted"


def open_application(doc: dict) -> dict | None:
    return next((r for r in doc.get("relief", ()) if r["state"] in ("applied", "approved")), None)


def find(doc: dict, relief_id: str) -> dict | None:
    return next((r for r in doc.get("relief", ()) if r["id"] == relief_id), None)


def apply(doc: dict, amount: float, reason: str, at: float, by: str) -> dict:
    entries = doc.setdefault("relief", [])
    entry = {
        "id": str(len(entries) + 1),
        "amount": amount,
        "reason": reason,
        "state": "applied",
        "history": [{"state": "applied", "at": at, "by": by, "note": reason}],
    }
    entries.append(entry)
    return entry


def move(doc: dict, entry: dict, state: str, at: float, by: str, note: str) -> None:
    entry["state"] = state
    entry["history"].append({"state": state, "at": at, "by": by, "note": note})
    if state == "paid":
        doc["flags"] = sorted(set(doc["flags"]) | {FLAG})


def present(doc: dict) -> list[dict]:
    return [
        {
            "id": r["id"],
            "amount": r["amount"],
            "reason": r["reason"],
            "state": r["state"],
            "history": [
                {"state": h["state"], "at": utc_iso(h["at"]), "by": h["by"], "note": h["note"]} for h in r["history"]
            ],
        }
        for r in doc.get("relief", ())
    ]
