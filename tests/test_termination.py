"""终本 management, as any client sees it (DOMAIN.md; 法〔2016〕373号): a gate of conditions before
终本, refused by the backend while one is unmet and shown as a checklist; the 终本 pool re-queried
every six months, a new hit raising an escalation; 恢复执行 as a new 执恢 case linked to the old
one; 终本合格率 from the gate, which only a passive officer's 终本 now and then fails (found as
situation 12 or 14)."""

from __future__ import annotations

from tests.support.backends import (
    NOTHING_TO_DISPOSE,
    at,
    every_case,
    meet_what_an_operator_can,
    open_enforcement_cases,
    owing,
    unmet,
)

DAY_S = 86400
CORNERS = {"consumption_restriction", "dishonest_listing", "applicant_interviewed"}


def test_every_case_in_the_pool_passed_the_gate_or_is_found_and_the_indicator_says_so(stepped_backend):
    terminated = [c for c in every_case(stepped_backend) if "terminated_for_now" in c["flags"]]
    assert terminated
    unqualified = 0
    for case in terminated:
        detail = stepped_backend.get(f"cases/{case['id']}")
        assert case["kind"] != "preservation", case["number"]
        assert at(detail["termination"]["decided_at"]) - at(case["filed_at"]) > 90 * DAY_S, case["number"]
        if unmet(detail):  # a passive officer's corner cut: the respondent let be, or the applicant unheard
            unqualified += 1
            assert set(unmet(detail)) <= CORNERS, (case["number"], unmet(detail))
            found = {f["situation"] for f in stepped_backend.get("findings", case_id=case["id"])["items"]}
            assert found & {12, 14}, (case["number"], found)
    assert 0 < unqualified < len(terminated) / 10  # now and then
    kpis = stepped_backend.get("kpis")
    assert kpis["terminated_cases"] == len(terminated)
    assert kpis["termination_qualified_rate"] == round(1 - unqualified / len(terminated), 4)


def test_the_gate_refuses_termination_until_every_condition_is_met(stepped_backend):
    cases = open_enforcement_cases(stepped_backend)
    newest_filed = max(at(c["filed_at"]) for c in cases)  # the book is filed up to now
    old_enough = [c for c in cases if newest_filed - at(c["filed_at"]) > 91 * DAY_S]
    case = next(
        c
        for c in old_enough
        if owing(c) and unmet(stepped_backend.get(f"cases/{c['id']}")) and c["node"] in NOTHING_TO_DISPOSE
    )
    before = stepped_backend.get(f"cases/{case['id']}")

    refused = stepped_backend.command(
        f"cases/{case['id']}/termination", {"note": "无可供执行财产"}, username="supervisor"
    )
    assert refused.status_code == 409, refused.text
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert refused.json()["type"].endswith(":termination-conditions-unmet")
    assert refused.json()["unmet"] == unmet(before)
    unchanged = stepped_backend.get(f"cases/{case['id']}")
    assert (unchanged["status"], unchanged["version"]) == ("open", before["version"])
    trail = stepped_backend.get("audit", case_id=case["id"])["items"]
    assert any(entry["outcome"] == "termination-conditions-unmet" for entry in trail)

    assert stepped_backend.command(f"cases/{case['id']}/termination", username="operator").status_code == 403
    meet_what_an_operator_can(stepped_backend, case["id"])
    again = stepped_backend.command(f"cases/{case['id']}/acts", {"act": "applicant_interview"})
    assert again.status_code == 409 and again.json()["type"].endswith(":already-done"), again.text
    assert not unmet(stepped_backend.get(f"cases/{case['id']}"))

    done = stepped_backend.command(f"cases/{case['id']}/termination", {"note": "无可供执行财产"}, username="supervisor")
    assert done.status_code == 200, done.text
    assert done.json()["status"] == "closed" and "terminated_for_now" in done.json()["flags"]
    assert {"consumption_restricted"} <= set(done.json()["flags"])
    detail = stepped_backend.get(f"cases/{case['id']}")
    assert detail["node"] == "terminated_for_now"
    assert detail["termination"]["decided_by"] == "supervisor" and not unmet(detail)
    assert any(entry["action"] == "terminate" for entry in stepped_backend.get("audit", case_id=case["id"])["items"])


def test_a_case_filed_less_than_three_months_ago_waits_whatever_else_is_done(stepped_backend):
    cases = open_enforcement_cases(stepped_backend)
    newest_filed = max(at(c["filed_at"]) for c in cases)
    case = next(
        c
        for c in cases
        if owing(c) and newest_filed - at(c["filed_at"]) < 30 * DAY_S and c["node"] in NOTHING_TO_DISPOSE
    )
    meet_what_an_operator_can(stepped_backend, case["id"])
    refused = stepped_backend.command(f"cases/{case['id']}/termination", username="supervisor")
    assert refused.status_code == 409, refused.text
    assert refused.json()["unmet"] == ["three_months_since_filing"]


def test_property_under_disposal_holds_termination_back(stepped_backend):
    case = next(c for c in open_enforcement_cases(stepped_backend) if c["node"] == "online_auction")
    assert "no_property_to_dispose" in unmet(stepped_backend.get(f"cases/{case['id']}"))
    refused = stepped_backend.command(f"cases/{case['id']}/termination", username="supervisor")
    assert refused.status_code == 409 and "no_property_to_dispose" in refused.json()["unmet"], refused.text


def test_a_preservation_case_has_no_gate_and_takes_no_enforcement_act(stepped_backend):
    case = next(c for c in every_case(stepped_backend) if c["kind"] == "preservation" and c["status"] == "open")
    assert stepped_backend.get(f"cases/{case['id']}")["termination"] is None
    refused = stepped_backend.command(f"cases/{case['id']}/acts", {"act": "dishonest_listing"})
    assert refused.status_code == 409 and refused.json()["type"].endswith(":not-for-preservation"), refused.text
    assert "dishonest" not in stepped_backend.get(f"cases/{case['id']}")["flags"]


def test_the_pool_is_requeried_and_a_hit_is_resumed_as_a_linked_case(fast_book):
    pool = [c for c in every_case(fast_book) if "terminated_for_now" in c["flags"]]
    assert pool

    escalation = fast_book.step_until_event(
        lambda kind, data: data if kind == "escalation.raised" and data["kind"] == "terminated_case_hit" else None,
        every_s=60,
        at_most_s=3600,
    )
    fast_book.step_until(lambda: all(fast_book.get(f"cases/{c['id']}")["termination"]["requeries"] for c in pool), 60)
    old = fast_book.get(f"cases/{escalation['case_id']}")
    queries = fast_book.get("queries", case_id=old["id"])["items"]
    decided = at(old["termination"]["decided_at"])  # a re-query of the pool found it, not the first investigation
    assert any(q["counts"]["hit"] and at(q["created_at"]) > decided for q in queries)

    resumed = fast_book.command(f"cases/{old['id']}/resumption", {"note": "发现财产"}, username="supervisor")
    assert resumed.status_code == 201, resumed.text
    new = resumed.json()
    assert (new["kind"], new["status"], new["resumed_from"]) == ("resumed", "open", old["id"])
    assert "执恢" in new["number"] and new["court_id"] == old["court_id"]
    assert new["amount_sought"] == round(old["amount_sought"] - old["amount_realised"], 2)
    assert new["respondent"] == old["respondent"]  # the same party, its masked data the same too
    assert fast_book.get(f"cases/{old['id']}")["resumed_as"] == new["id"]

    twice = fast_book.command(f"cases/{old['id']}/resumption", username="supervisor")
    assert twice.status_code == 409 and twice.json()["resumed_as"] == new["id"], twice.text
    never_ended = next(c for c in every_case(fast_book) if c["status"] == "open")
    refused = fast_book.command(f"cases/{never_ended['id']}/resumption", username="supervisor")
    assert refused.status_code == 409 and refused.json()["type"].endswith(":not-terminated"), refused.text
