"""Measures by asset type, as any client sees them (DOMAIN.md, "Network query-and-control"): each
hit names its asset and the measures it takes; nothing beyond what the case still owes (超标的);
a control measure holds for its legal term (法释〔2022〕11号 art. 485), is warned 30 days before it
lapses, renewed by a command, and lapses when it is not."""

from __future__ import annotations

from tests.support.backends import NOTHING_TO_DISPOSE, RunningBackend, at, every_case, unmet
from tests.support.contract import a_case_with, order, when

DAY_S = 86400
SPEED = 100_000  # the fast book's (tests/conftest.py)


def test_each_asset_takes_its_own_measures_and_a_registry_gives_no_value(fast_book):
    _, query, found = a_case_with(fast_book, ["bank", "real_estate", "social_security"], "deposit", "real_estate")
    house = found["real_estate"]
    assert (house["finding"]["measures"], house["finding"]["value"]) == (["seal_up"], None)
    frozen = order(fast_book, query, house, "freeze", amount=1000)
    assert frozen.status_code == 409 and frozen.json()["allowed"] == ["seal_up"], frozen.text
    by_amount = order(fast_book, query, house, "seal_up", amount=1000)
    assert by_amount.status_code == 422 and by_amount.json()["type"].endswith(":amount-not-for-property")
    account = found["deposit"]
    assert account["finding"]["measures"] == ["freeze", "deduct"] and account["finding"]["value"] > 0
    unsaid = order(fast_book, query, account, "freeze")
    assert unsaid.status_code == 422 and unsaid.json()["type"].endswith(":amount-required")
    assert not fast_book.get("measures", case_id=query["case_id"])["items"]  # a refusal changes nothing
    sealed = order(fast_book, query, house, "seal_up")
    assert sealed.status_code == 201 and (sealed.json()["asset"], sealed.json()["amount"]) == ("real_estate", None)
    twice = order(fast_book, query, house, "seal_up")
    assert twice.status_code == 409 and twice.json()["measure_id"] == sealed.json()["id"], twice.text

    _, query, found = a_case_with(fast_book, ["social_security"], "information")
    insured = found["information"]
    assert (insured["finding"]["measures"], insured["finding"]["kind"]) == ([], "information")
    refused = order(fast_book, query, insured, "freeze", amount=1)
    assert refused.status_code == 409 and refused.json()["type"].endswith(":measure-not-for-asset")


def test_nothing_is_controlled_beyond_what_the_case_still_owes(fast_book):
    case, query, found = a_case_with(
        fast_book, ["bank", "vehicle", "real_estate"], "deposit", ("vehicle", "real_estate"), owed_held=True
    )
    account = found["deposit"]
    owed = round(case["amount_sought"] - case["amount_realised"], 2)
    beyond = order(fast_book, query, account, "freeze", amount=round(owed + 0.01, 2))
    assert beyond.status_code == 422 and beyond.json()["type"].endswith(":over-control"), beyond.text
    assert beyond.json()["outstanding"] == owed
    assert order(fast_book, query, account, "freeze", amount=owed).status_code == 201
    again = order(fast_book, query, account, "freeze", amount=1)
    assert again.status_code == 422 and again.json()["frozen"] == owed  # what is frozen counts, not just this order
    # With all it owes frozen, its property is not sealed up too unless a reason says why.
    house = found.get("real_estate") or found["vehicle"]
    refused = order(fast_book, query, house, "seal_up")
    assert refused.status_code == 422 and refused.json()["frozen"] == owed, refused.text
    reason = "冻结款项系轮候冻结，不能实际扣划"
    with_reason = order(fast_book, query, house, "seal_up", reason=reason)
    assert with_reason.status_code == 201 and with_reason.json()["reason"] == reason, with_reason.text


def a_holding_freeze(backend: RunningBackend) -> tuple[dict, dict]:
    """(case, measure): a freeze carried out on an account (one institution in twenty refuses one,
    and a case of the fast book may close before its freeze is ordered: then another is frozen)."""
    for _ in range(5):
        case, query, found = a_case_with(backend, ["bank"], "deposit")
        amount = min(found["deposit"]["finding"]["value"], case["amount_sought"] - case["amount_realised"], 1000.0)
        response = order(backend, query, found["deposit"], "freeze", amount=round(amount, 2))
        if response.status_code == 409 and response.json()["type"].endswith(":case-closed"):
            continue
        assert response.status_code == 201, response.text
        ordered = response.json()
        done = backend.step_until(
            lambda path=f"measures/{ordered['id']}": (m := backend.get(path))["state"] in ("done", "failed") and m,
            every_s=1,
        )
        if done["state"] == "done":
            return case, done
    raise AssertionError("five freezes refused")


def test_a_freeze_holds_a_year_is_warned_before_it_lapses_renewed_then_lapses(fast_book):
    case, done = a_holding_freeze(fast_book)
    term = at(done["expires_at"]) - at(done["updated_at"])
    assert abs(term - 365 * DAY_S / SPEED) < 1  # a year of the book's time

    def lapsing(kind: str, data: dict) -> bool:
        return kind == "escalation.raised" and data["kind"] == "measure_lapsing" and data["case_id"] == case["id"]

    early = fast_book.command(f"measures/{done['id']}/renewal", version=done["version"])
    assert early.status_code == 409 and early.json()["renewable_from"] == done["renewable_from"], early.text
    warned = fast_book.step_until_event(when(lapsing), every_s=10, at_most_s=term)
    assert at(done["expires_at"]) - at(warned["raised_at"]) <= 30 * DAY_S / SPEED + 1
    assert fast_book.command(f"measures/{done['id']}/renewal").status_code == 428
    current = fast_book.get(f"measures/{done['id']}")
    renewed = fast_book.command(f"measures/{done['id']}/renewal", {"note": "续冻一年"}, version=current["version"])
    assert renewed.status_code == 200, renewed.text
    assert abs(at(renewed.json()["expires_at"]) - at(done["expires_at"]) - term) < 1
    assert renewed.json()["history"][-1]["note"] == "续冻一年"

    def lapsed(kind: str, data: dict) -> bool:
        return kind == "measure.updated" and data["id"] == done["id"] and data["state"] == "lapsed"

    gone = fast_book.step_until_event(when(lapsed), every_s=20, at_most_s=2.5 * term)
    assert at(gone["updated_at"]) >= at(renewed.json()["expires_at"])
    found = fast_book.get("findings", username="supervisor", situation=9, case_id=case["id"])["items"]
    assert [f["evidence"][0]["ref"] for f in found] == [done["id"]]  # situation 9: lapsed without renewal
    again = fast_book.command(f"measures/{done['id']}/renewal", version=gone["version"])
    assert again.status_code == 409 and again.json()["type"].endswith(":not-holding")


def test_deductions_under_way_count_against_what_is_owed_and_a_closed_case_takes_no_measure(fast_book):
    case, query, found = a_case_with(fast_book, ["bank"], "deposit", owed_held=True)
    owed = round(case["amount_sought"] - case["amount_realised"], 2)
    assert order(fast_book, query, found["deposit"], "deduct", amount=owed).status_code == 201
    again = order(fast_book, query, found["deposit"], "deduct", amount=1)  # the first has not arrived yet
    assert again.status_code == 422 and again.json()["outstanding"] == 0, again.text

    hit = next(
        (q, r)
        for c in every_case(fast_book)
        if c["status"] == "closed"
        for q in fast_book.get("queries", case_id=c["id"])["items"]
        for r in q["results"]
        if r["hit"] and "freeze" in r["finding"]["measures"]
    )
    refused = order(fast_book, *hit, "freeze", amount=1)
    assert refused.status_code == 409 and refused.json()["type"].endswith(":case-closed"), refused.text


def test_property_under_a_measure_holds_termination_back(fast_book):
    case, query, found = a_case_with(
        fast_book, ["bank"], "deposit", where=lambda case: case["node"] in NOTHING_TO_DISPOSE
    )
    assert "no_property_to_dispose" not in unmet(fast_book.get(f"cases/{case['id']}"))
    assert order(fast_book, query, found["deposit"], "freeze", amount=1).status_code == 201
    assert "no_property_to_dispose" in unmet(fast_book.get(f"cases/{case['id']}"))
