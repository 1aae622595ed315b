"""三个一 case funds, as any client sees them: one ledger per case whose balance is always what was
received less what was paid, money realised only as it is received (or as property is taken in
payment), nothing paid out above the balance, and each receipt to pay out within 30 days (法发〔2017〕6号
art. 7), counted when late."""

from __future__ import annotations

from tests.support.backends import at, every_case

DAY_S = 86400


def test_every_ledger_balances_and_holds_what_the_case_realised(stepped_backend):
    realised = [c for c in every_case(stepped_backend) if c["amount_realised"] > 0]
    assert realised
    late = 0
    for case in realised:
        detail = stepped_backend.get(f"cases/{case['id']}")
        ledger = detail["ledger"]
        received = round(sum(e["amount"] for e in ledger["entries"] if e["kind"] == "received"), 2)
        paid = round(sum(e["amount"] for e in ledger["entries"] if e["kind"] == "paid"), 2)
        assert (ledger["received"], ledger["paid"]) == (received, paid), case["number"]
        assert ledger["balance"] == round(received - paid, 2) >= 0, case["number"]
        in_kind = sum(d["proceeds"] for d in detail["disposals"] if d["state"] == "taken_in_kind")
        assert round(received + in_kind, 2) == case["amount_realised"], case["number"]
        assert round(sum(r["amount"] for r in ledger["to_pay_out"]), 2) == ledger["balance"], case["number"]
        for owed in ledger["to_pay_out"]:
            receipt = next(e for e in ledger["entries"] if e["id"] == owed["receipt_id"])
            assert at(owed["pay_by"]) - at(receipt["at"]) == 30 * DAY_S
        late += any(owed["overdue"] for owed in ledger["to_pay_out"])
    assert stepped_backend.get("kpis")["funds_overdue_cases"] == late


def test_money_received_is_realised_and_paid_out_only_within_the_balance(stepped_backend):
    case = next(
        c
        for c in every_case(stepped_backend)
        if c["status"] == "open" and c["kind"] != "preservation" and c["amount_sought"] - c["amount_realised"] > 2000
    )
    path = f"cases/{case['id']}/funds"
    owed = round(case["amount_sought"] - case["amount_realised"], 2)
    beyond = stepped_backend.command(f"{path}/receipts", {"amount": round(owed + 0.01, 2), "source": "转账"})
    assert beyond.status_code == 422 and beyond.json()["outstanding"] == owed, beyond.text
    received = stepped_backend.command(f"{path}/receipts", {"amount": 1200.5, "source": "被执行人自动履行"})
    assert received.status_code == 201, received.text
    assert received.json()["amount_realised"] == round(case["amount_realised"] + 1200.5, 2)
    ledger = stepped_backend.get(f"cases/{case['id']}")["ledger"]
    balance = ledger["balance"]
    assert balance >= 1200.5 and ledger["to_pay_out"][-1]["amount"] == 1200.5

    applicant = case["applicant"]["name"]
    by_operator = stepped_backend.command(f"{path}/payouts", {"amount": 100, "payee": applicant})
    assert by_operator.status_code == 403 and by_operator.json()["permission"] == "funds.pay"
    above = stepped_backend.command(
        f"{path}/payouts", {"amount": round(balance + 0.01, 2), "payee": applicant}, username="supervisor"
    )
    assert above.status_code == 422 and above.json()["balance"] == balance, above.text
    assert stepped_backend.get(f"cases/{case['id']}")["ledger"] == ledger  # a refusal changes nothing

    paid = stepped_backend.command(f"{path}/payouts", {"amount": balance, "payee": applicant}, username="supervisor")
    assert paid.status_code == 201, paid.text
    after = stepped_backend.get(f"cases/{case['id']}")["ledger"]
    assert (after["balance"], after["to_pay_out"]) == (0, [])
    assert after["entries"][-1] | {"at": None} == {
        "id": after["entries"][-1]["id"],
        "kind": "paid",
        "amount": balance,
        "at": None,
        "by": "supervisor",
        "account": None,
        "source": None,
        "payee": applicant,
    }
