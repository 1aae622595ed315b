"""三个一 case funds: one ledger per case of the money received into the court's case account (执行款
专户) and paid out of it. The balance is what was received less what was paid, and nothing is paid
out above it; each receipt is paid out within 30 days of its arrival (最高人民法院关于执行款物管理
工作的规定, 法发〔2017〕6号 art. 7), the oldest first.

A case document keeps its `ledger` (a list of entries) and `_funds_due_at`, the day its oldest
receipt not yet paid out must be: the one field the indicators count overdue ledgers by.
"""

from __future__ import annotations

from court_backend.clock import utc_iso

DAY_S = 86_400.0
PAY_OUT_WITHIN_DAYS = 30
ACCOUNT = "执行款专户"


def outstanding(doc: dict) -> float:
    """What the case still owes: the sum sought less what was realised (received)."""
    return round(doc["amount_sought"] - doc["amount_realised"], 2)


def balance(doc: dict) -> float:
    entries = doc.get("ledger", ())
    received = sum(e["amount"] for e in entries if e["kind"] == "received")
    return round(received - sum(e["amount"] for e in entries if e["kind"] == "paid"), 2)


def receive(doc: dict, amount: float, at: float, by: str, source: str) -> None:
    """Money into the case account: the case has it realised."""
    _enter(doc, {"kind": "received", "amount": amount, "at": at, "by": by, "account": ACCOUNT, "source": source})
    doc["amount_realised"] = round(doc["amount_realised"] + amount, 2)


def realise_in_kind(doc: dict, amount: float) -> None:
    """Property taken by the applicant in payment (以物抵债): realised on the case, without money."""
    doc["amount_realised"] = round(doc["amount_realised"] + amount, 2)


def pay(doc: dict, amount: float, at: float, by: str, payee: str) -> None:
    """Money out of the case account to `payee` (the caller checks it is within the balance)."""
    _enter(doc, {"kind": "paid", "amount": amount, "at": at, "by": by, "payee": payee})


def _enter(doc: dict, entry: dict) -> None:
    ledger = doc.setdefault("ledger", [])
    ledger.append({"id": str(len(ledger) + 1), **entry})
    unpaid = _unpaid(ledger)
    doc["_funds_due_at"] = unpaid[0][1] if unpaid else None


def _unpaid(ledger: list[dict]) -> list[tuple[dict, float, float]]:
    """(receipt, pay by, amount still to pay) of each receipt not wholly paid out, oldest first:
    payouts pay the oldest receipts first."""
    paid = sum(e["amount"] for e in ledger if e["kind"] == "paid")
    unpaid = []
    for entry in ledger:
        if entry["kind"] != "received":
            continue
        covered = min(paid, entry["amount"])
        paid -= covered
        if round(entry["amount"] - covered, 2) > 0:
            unpaid.append((entry, entry["at"] + PAY_OUT_WITHIN_DAYS * DAY_S, round(entry["amount"] - covered, 2)))
    return unpaid


def present(doc: dict, now: float) -> dict:
    """The ledger as the API shows it: its entries, totals, and each receipt still to pay out by when."""
    ledger = doc.get("ledger", [])
    received = round(sum(e["amount"] for e in ledger if e["kind"] == "received"), 2)
    return {
        "entries": [
            {
                "id": e["id"],
                "kind": e["kind"],
                "amount": e["amount"],
                "at": utc_iso(e["at"]),
                "by": e["by"],
                "account": e.get("account"),
                "source": e.get("source"),
                "payee": e.get("payee"),
            }
            for e in ledger
        ],
        "received": received,
        "paid": round(received - balance(doc), 2),
        "balance": balance(doc),
        "to_pay_out": [
            {"receipt_id": e["id"], "amount": left, "pay_by": utc_iso(due), "overdue": now > due}
            for e, due, left in _unpaid(ledger)
        ],
    }
