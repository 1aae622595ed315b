"""Cases go as the law lets them (DOMAIN.md, lifecycle rules), seen through the API as any client
sees them: 执行完毕 only with the whole sum realised (or else found: a passive officer's corner cut,
situation 25); a 执保 case only preserves and closes (no
execution notice, no asset-report order, no 失信, no 终本); 终本 only after 3 months from filing."""

from __future__ import annotations

from datetime import datetime

from tests.support.backends import every_case

ENFORCEMENT_ONLY = {"execution_notice", "asset_report_order", "dishonest_listing", "terminated_for_now"}


def visited(backend, case: dict) -> dict[str, float]:
    """When the case entered each node it passed through."""
    history = backend.get(f"cases/{case['id']}")["history"]
    return {visit["node"]: datetime.fromisoformat(visit["entered_at"]).timestamp() for visit in history}


def test_cases_complete_when_paid_or_are_found_preserve_only_and_terminate_for_now_after_three_months(
    stepped_backend,
):
    checked = {"completed": 0, "preservation": 0, "terminated_for_now": 0}
    for case in every_case(stepped_backend):
        if case["status"] != "closed" and case["kind"] != "preservation":
            continue
        nodes = visited(stepped_backend, case)
        if "completed" in nodes:
            checked["completed"] += 1
            if case["amount_realised"] != case["amount_sought"]:  # a passive officer's corner cut: found
                found = {f["situation"] for f in stepped_backend.get("findings", case_id=case["id"])["items"]}
                assert 25 in found, case["number"]
        if case["kind"] == "preservation":
            checked["preservation"] += 1
            assert not ENFORCEMENT_ONLY & set(nodes) and "dishonest" not in case["flags"], case["number"]
        if "terminated_for_now" in nodes:
            checked["terminated_for_now"] += 1
            filed = datetime.fromisoformat(case["filed_at"]).timestamp()
            assert nodes["terminated_for_now"] - filed >= 90 * 86400, case["number"]
    assert all(checked.values()), checked  # each rule was put to the test
