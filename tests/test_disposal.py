"""Disposal of property, as any client sees it (法释〔2016〕18号): a value from 询价 or 评估, a first
auction at no less than 70% of it, a second at no less than 80% of the first's reserve, then 变卖 at
no less than the second's or 以物抵债 at a failed auction's reserve; what a sale fetches goes into
the case account up to what the case owes. The simulation's own disposals keep the same rules."""

from __future__ import annotations

from tests.support.backends import every_case, open_enforcement_cases

DISPOSAL_NODES = {"appraisal", "price_inquiry", "online_auction", "sale", "settlement_in_kind"}


def kept_the_rules(disposal: dict) -> None:
    rounds = disposal["rounds"]
    kinds = [r["kind"] for r in rounds]
    assert kinds in (
        [],
        ["first_auction"],
        ["first_auction", "second_auction"],
        ["first_auction", "in_kind"],
        ["first_auction", "second_auction", "sale"],
        ["first_auction", "second_auction", "in_kind"],
    ), kinds
    if rounds:
        assert rounds[0]["reserve"] >= round(0.7 * disposal["value"], 2)
    auctions = [r for r in rounds if r["kind"].endswith("auction")]
    if len(auctions) == 2:
        assert auctions[1]["reserve"] >= round(0.8 * auctions[0]["reserve"], 2)
    for before, after in zip(rounds, rounds[1:], strict=False):
        assert before["price"] is None  # only the last round sells
        if after["kind"] in ("sale", "in_kind"):
            assert after["reserve"] == before["reserve"]
    for sold in (r for r in rounds if r["price"] is not None):
        assert sold["price"] >= sold["reserve"]
        assert sold["kind"] != "in_kind" or sold["price"] == sold["reserve"]


def test_the_simulation_values_before_it_sells_and_sells_as_the_rules_allow(stepped_backend):
    seen = {"valued": 0, "sold": 0, "in_kind": 0}
    for case in every_case(stepped_backend):
        if case["kind"] == "preservation" or case["amount_realised"] == 0 and case["node"] not in DISPOSAL_NODES:
            continue
        detail = stepped_backend.get(f"cases/{case['id']}")
        visited = {visit["node"] for visit in detail["history"]}
        valued = bool({"appraisal", "price_inquiry"} & visited)
        assert bool(detail["disposals"]) == valued, case["number"]
        for disposal in detail["disposals"]:
            kept_the_rules(disposal)
            seen["valued"] += 1
            seen["sold"] += disposal["state"] in ("sold", "sold_off")
            seen["in_kind"] += disposal["state"] == "taken_in_kind"
    assert all(seen.values()), seen


def test_an_operator_values_auctions_twice_and_sells_off_within_the_rules(stepped_backend):
    case = next(
        c
        for c in open_enforcement_cases(stepped_backend)
        if c["amount_sought"] - c["amount_realised"] > 10_000 and c["node"] not in DISPOSAL_NODES
    )
    owed = round(case["amount_sought"] - case["amount_realised"], 2)
    path = f"cases/{case['id']}/disposals"
    valued = stepped_backend.command(
        path,
        {"asset": "real_estate", "item": "住宅一套", "method": "appraisal", "value": 100_000, "report": "川评2026-118"},
    )
    assert valued.status_code == 201, valued.text
    disposal = valued.json()["disposals"][-1]
    assert (disposal["state"], disposal["next_least_reserve"]) == ("valued", 70_000)
    rounds = f"{path}/{disposal['id']}/rounds"

    def record(kind: str, reserve: float, price: float | None = None):
        return stepped_backend.command(rounds, {"kind": kind, "reserve": reserve, "price": price})

    def refused(answer, status: int, problem: str) -> dict:
        assert answer.status_code == status and answer.json()["type"].endswith(":" + problem), answer.text
        return answer.json()

    assert refused(record("second_auction", 70_000), 409, "out-of-order")["state"] == "valued"
    assert refused(record("first_auction", 69_999.99), 422, "reserve-too-low")["reserve"] == 70_000
    assert record("first_auction", 80_000).json()["disposals"][-1]["state"] == "unsold_once"
    assert refused(record("second_auction", 63_999.99), 422, "reserve-too-low")["reserve"] == 64_000
    refused(record("in_kind", 70_000, 70_000), 422, "not-at-reserve")  # at the failed auction's reserve
    second = record("second_auction", 64_000).json()["disposals"][-1]
    assert (second["state"], second["next_least_reserve"]) == ("unsold_twice", 64_000)
    refused(record("sale", 64_000, 63_000), 422, "below-reserve")

    price = round(owed + 64_000, 2)  # more than the case owes: the rest is the respondent's
    sold = record("sale", 64_000, price)
    assert sold.status_code == 200, sold.text
    after = sold.json()
    assert after["disposals"][-1]["state"] == "sold_off" and after["disposals"][-1]["proceeds"] == owed
    assert after["amount_realised"] == case["amount_sought"]
    receipt = after["ledger"]["entries"][-1]
    assert (receipt["kind"], receipt["amount"], receipt["source"]) == ("received", owed, "变卖价款")
    refused(record("in_kind", 64_000, 64_000), 409, "out-of-order")  # ended
    audited = stepped_backend.get("audit", case_id=case["id"])["items"]
    assert [e["action"] for e in audited if e["outcome"] == "done"][-4:] == [
        "value_property",
        "record_disposal_round",
        "record_disposal_round",
        "record_disposal_round",
    ]


def test_property_taken_in_payment_realises_without_money_and_preservation_sells_nothing(stepped_backend):
    cases = [c for c in open_enforcement_cases(stepped_backend) if c["amount_sought"] - c["amount_realised"] > 50_000]
    case = cases[-1]
    path = f"cases/{case['id']}/disposals"
    body = {"asset": "vehicle", "item": "小型轿车一辆", "method": "online_inquiry", "value": 20_000, "report": "网询-7"}
    disposal = stepped_backend.command(path, body).json()["disposals"][-1]
    rounds = f"{path}/{disposal['id']}/rounds"
    stepped_backend.command(rounds, {"kind": "first_auction", "reserve": 14_000})
    received = stepped_backend.get(f"cases/{case['id']}")["ledger"]["received"]
    taken = stepped_backend.command(rounds, {"kind": "in_kind", "reserve": 14_000, "price": 14_000})
    assert taken.status_code == 200, taken.text
    after = taken.json()
    assert after["disposals"][-1]["state"] == "taken_in_kind"
    assert after["amount_realised"] == round(case["amount_realised"] + 14_000, 2)
    assert after["ledger"]["received"] == received  # no money came in

    preservation = next(c for c in every_case(stepped_backend) if c["kind"] == "preservation" and c["status"] == "open")
    answer = stepped_backend.command(f"cases/{preservation['id']}/disposals", body)
    assert answer.status_code == 409 and answer.json()["type"].endswith(":not-for-preservation"), answer.text
