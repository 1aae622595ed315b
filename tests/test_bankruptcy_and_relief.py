"""执转破 and 执行救助, as any client sees them: a company respondent's case proposed for bankruptcy
review with a party's consent, transferred on the president's decision to the court that reviews
it, and ruled on there only; a person's case refused; relief for an applicant in hardship within
the fund's cap, decided by a supervisor other than the asker, then paid; each counted by its flag."""

from __future__ import annotations

from tests.support.backends import at, open_enforcement_cases


def free_case(backend, respondent: str) -> dict:
    """An open enforcement case against a `respondent` (person or company) that owes, nothing frozen."""
    for listed in open_enforcement_cases(backend):
        if listed["respondent"]["type"] != respondent or listed["amount_sought"] <= listed["amount_realised"]:
            continue
        if not backend.get("measures", case_id=listed["id"])["items"]:
            return backend.get(f"cases/{listed['id']}")
    raise AssertionError(f"no open case against a {respondent}")


def test_a_company_case_is_proposed_transferred_by_the_president_and_ruled_on_by_the_court_above(
    stepped_backend,
):
    person = free_case(stepped_backend, "person")
    refused = stepped_backend.command(f"cases/{person['id']}/bankruptcy-referral", {"consent": "applicant"})
    assert refused.status_code == 409 and refused.json()["type"].endswith(":not-a-company"), refused.text

    case = free_case(stepped_backend, "company")
    path = f"cases/{case['id']}/bankruptcy-referral"
    early = stepped_backend.command(f"{path}/transfer", {"note": "x"}, username="president")
    assert early.status_code == 409 and early.json()["type"].endswith(":not-proposed"), early.text
    proposed = stepped_backend.command(path, {"consent": "respondent", "note": "被执行人书面同意"})
    assert proposed.status_code == 201, proposed.text
    assert proposed.json()["bankruptcy"]["state"] == "proposed"
    assert stepped_backend.command(path, {"consent": "applicant"}).status_code == 409  # once
    by_operator = stepped_backend.command(f"{path}/transfer", {"note": "x"})
    assert by_operator.status_code == 403 and by_operator.json()["permission"] == "bankruptcy.transfer"

    moved = stepped_backend.command(f"{path}/transfer", {"note": "院长签发移送决定"}, username="president")
    assert moved.status_code == 200, moved.text
    referral = moved.json()["bankruptcy"]
    courts = {c["id"]: c for c in stepped_backend.get("courts", page_size=1000)["items"]}
    own = courts[case["court_id"]]
    assert referral["court_id"] == (own["id"] if own["level"] == "intermediate" else own["parent_id"])
    assert courts[referral["court_id"]]["level"] == "intermediate" and referral["rule_by"]
    assert "bankruptcy_referred" in moved.json()["flags"]

    ruled = stepped_backend.command(f"{path}/ruling", {"accepted": False, "note": "不符合破产条件"})
    assert ruled.status_code == 200, ruled.text
    assert ruled.json()["bankruptcy"]["state"] == "refused" and "bankruptcy_referred" not in ruled.json()["flags"]
    assert [h["state"] for h in ruled.json()["bankruptcy"]["history"]] == ["proposed", "transferred", "refused"]
    audited = stepped_backend.get("audit", case_id=case["id"])["items"]
    assert "bankruptcy.transfer" in [e["action"] for e in audited if e["outcome"] == "forbidden"]
    trail = [e["action"] for e in audited if e["outcome"] == "done"]
    assert trail[-3:] == ["refer_for_bankruptcy", "transfer_for_bankruptcy", "rule_on_bankruptcy"]


def test_relief_within_the_cap_is_decided_by_another_supervisor_and_paid(stepped_backend):
    case = free_case(stepped_backend, "person")
    path = f"cases/{case['id']}/relief"
    owed = round(case["amount_sought"] - case["amount_realised"], 2)
    too_much = stepped_backend.command(path, {"amount": 306_001, "reason": "生活困难"})
    assert too_much.status_code == 422 and too_much.json()["cap_yuan"] == 306_000, too_much.text
    amount = round(min(owed, 20_000), 2)
    asked = stepped_backend.command(
        path, {"amount": amount, "reason": "申请执行人身患重病，生活困难"}, username="supervisor"
    )
    assert asked.status_code == 201, asked.text
    relief = asked.json()["relief"][-1]
    assert (relief["state"], relief["amount"]) == ("applied", amount)
    again = stepped_backend.command(path, {"amount": 1, "reason": "再次申请"})
    assert again.status_code == 409 and again.json()["relief_id"] == relief["id"]

    step = f"{path}/{relief['id']}"
    unpaid = stepped_backend.command(f"{step}/payment", {"note": "x"}, username="supervisor")
    assert unpaid.status_code == 409 and unpaid.json()["type"].endswith(":relief-not-approved")
    own = stepped_backend.command(f"{step}/approval", {"note": "同意"}, username="supervisor")
    assert own.status_code == 403 and own.json()["type"].endswith(":two-person-rule"), own.text
    stepped_backend.add_user("second.sup", "supervisor", case["court_id"])
    approved = stepped_backend.command(f"{step}/approval", {"note": "同意救助"}, username="second.sup")
    assert approved.status_code == 200 and approved.json()["relief"][-1]["state"] == "approved", approved.text
    paid = stepped_backend.command(f"{step}/payment", {"note": "已发放"}, username="second.sup")
    assert paid.status_code == 200, paid.text
    assert paid.json()["relief"][-1]["state"] == "paid" and "relief_granted" in paid.json()["flags"]
    assert paid.json()["amount_realised"] == case["amount_realised"]  # the fund pays, the debt stays


def test_a_transferred_case_is_suspended_and_a_ruling_late_past_30_days_is_warned(fast_book):
    case = free_case(fast_book, "company")
    path = f"cases/{case['id']}/bankruptcy-referral"
    assert fast_book.command(path, {"consent": "applicant"}).status_code == 201
    moved = fast_book.command(f"{path}/transfer", {"note": "院长签发移送决定"}, username="president")
    assert moved.status_code == 200, moved.text
    visits = len(moved.json()["history"])
    valuation = {"asset": "vehicle", "item": "重型货车一辆", "method": "appraisal", "value": 90_000, "report": "评-1"}
    for refused in (
        fast_book.command(f"cases/{case['id']}/disposals", valuation),
        fast_book.command(f"cases/{case['id']}/termination", {"note": "x"}, username="supervisor"),
    ):
        assert refused.status_code == 409 and refused.json()["type"].endswith(":enforcement-suspended"), refused.text

    def warned():
        raised = fast_book.get("escalations", case_id=case["id"])["items"]
        return next((e for e in raised if e["kind"] == "bankruptcy_ruling_due"), None)

    rule_by = at(moved.json()["bankruptcy"]["rule_by"])
    warning = fast_book.step_until(warned, every_s=2.0, at_most_s=120.0)
    assert at(warning["raised_at"]) >= rule_by
    assert len(fast_book.get(f"cases/{case['id']}")["history"]) == visits  # it waited, suspended

    ruled = fast_book.command(f"{path}/ruling", {"accepted": False, "note": "不予受理"})
    assert ruled.status_code == 200, ruled.text
    assert fast_book.command(f"cases/{case['id']}/disposals", valuation).status_code == 201  # enforcement goes on
