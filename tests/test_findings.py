"""Findings of passive enforcement (消极执行), as any client sees them: each finding the backend
detected is borne out by its case's raw record (read through the API and measured again here),
the situations a sample of cases shows are all found, and only a supervisor of a court above
confirms or dismisses a finding, with a reason, once; the situations the data cannot show are
recorded by hand."""

from __future__ import annotations

import random

from tests.support.backends import at

DAY_S = 86_400.0
# situation → (node and moment it runs from, node and moment it ends at, limit in days)
SPANS = {
    1: (("filing_registration", "left"), ("assignment", "left"), 7),
    2: (("assignment", "left"), ("asset_report_order", "left"), 10),
    3: (("network_query_national", "entered"), ("network_query_national", "left"), 3),
    5: (("clue_verification", "entered"), ("clue_verification", "left"), 7),
    23: (("service_of_documents", "entered"), ("service_of_documents", "left"), 10),
}


def every_finding(backend, **filters) -> list[dict]:
    found, token = [], None
    while True:
        page = backend.get(
            "findings", username="supervisor", page_size=500, **filters, **({"page_token": token} if token else {})
        )
        found += page["items"]
        token = page["next_page_token"]
        if not token:
            return found


def spans_shown(case: dict, now: float) -> set[int]:
    """The span situations a case shows, measured from its history alone."""
    first = {}
    for visit in case["history"]:
        first.setdefault(visit["node"], visit)
    shown = set()
    for situation, ((start, began), (end, ended), days) in SPANS.items():
        if case["kind"] == "preservation" and situation in (2, 3):
            continue
        if start not in first or first[start][f"{began}_at"] is None:
            continue
        done = first.get(end, {}).get(f"{ended}_at")
        if done is None and case["status"] != "open":
            continue
        if (at(done) if done else now) > at(first[start][f"{began}_at"]) + days * DAY_S:
            shown.add(situation)
    return shown


def test_each_finding_is_borne_out_by_its_case_and_a_sample_of_cases_is_found_whole(stepped_backend):
    findings = every_finding(stepped_backend)
    assert len({f["situation"] for f in findings}) >= 8  # the filed book's past already shows many
    by_case: dict[str, set[int]] = {}
    for finding in findings:
        by_case.setdefault(finding["case_id"], set()).add(finding["situation"])
    rng = random.Random(5)
    sample = rng.sample(findings, 60) + [
        {"case_id": case_id} for case_id in rng.sample(sorted({f["case_id"] for f in findings}), 20)
    ]
    cases = stepped_backend.get("cases", page_size=1000)["items"]
    sample += [{"case_id": c["id"]} for c in rng.sample(cases, 40)]
    for item in sample:
        case = stepped_backend.get(f"cases/{item['case_id']}")
        checked = max((at(e["at"]) for e in item.get("evidence", ()) if e["fact"] == "checked"), default=None)
        now = checked or at(stepped_backend.get("warnings/counts")["at"])
        shown = spans_shown(case, now)
        found = by_case.get(case["id"], set())
        if "situation" not in item:  # a case: every span situation it shows is found, and no other
            assert shown == found & set(SPANS), (case["id"], shown, found)
            continue
        assert item["court_id"] == case["court_id"] and item["officer"] == case["officer"]
        assert item["case_number"] == case["number"] and item["state"] == "open"
        situation = item["situation"]
        if situation in SPANS:
            assert situation in shown, (item, case["history"])
        elif situation == 17:
            assert now > at(case["deadline"]) or any(e["fact"] == "closed" for e in item["evidence"])
        elif situation == 18:
            assert now > at(case["last_activity_at"]) + 30 * DAY_S
        elif situation == 20:
            late = [
                c for c in case["complaints"] if (at(c["concluded_at"]) if c["concluded_at"] else now) > at(c["due_at"])
            ]
            assert late and all(at(c["due_at"]) - at(c["received_at"]) == 30 * DAY_S for c in case["complaints"])
        elif situation == 10:
            received = [e for e in case["ledger"]["entries"] if e["kind"] == "received"]
            assert received and any(e["fact"] == "received" for e in item["evidence"])
        due = [at(e["at"]) for e in item["evidence"] if e["fact"] == "due"]
        ended = [at(e["at"]) for e in item["evidence"] if e["fact"] not in ("due", "filed") and e["at"]]
        assert not due or max(ended) > due[0], item  # what shows it came after the limit ran out


def test_a_case_closed_cutting_a_corner_is_found_from_its_record(stepped_backend):
    """Now and then a passive officer's 终本 lets the respondent be (12) or leaves the applicant
    unheard (14), or a case is closed as 执行完毕 with money owed (25): each is borne out by its case."""
    cut = [f for f in every_finding(stepped_backend) if f["situation"] in (12, 14, 25)]
    assert {f["situation"] for f in cut} == {12, 14, 25}
    for finding in cut:
        case = stepped_backend.get(f"cases/{finding['case_id']}")
        if finding["situation"] == 25:
            assert "completed" in {v["node"] for v in case["history"]}
            assert case["amount_realised"] < case["amount_sought"]
            continue
        condition = {12: "consumption_restriction", 14: "applicant_interviewed"}[finding["situation"]]
        checklist = {item["condition"]: item["state"] for item in case["termination"]["checklist"]}
        assert "terminated_for_now" in case["flags"] and checklist[condition] == "unmet", (case["number"], checklist)


def test_only_a_supervisor_above_confirms_or_dismisses_a_finding_with_a_reason_once(stepped_backend):
    courts = {c["id"]: c for c in stepped_backend.get("courts", page_size=1000)["items"]}
    findings = [f for f in every_finding(stepped_backend, state="open") if courts[f["court_id"]]["level"] == "basic"]
    first, second = findings[0], findings[1]
    court = courts[first["court_id"]]
    stepped_backend.add_user("own_sup", "supervisor", court["id"])
    stepped_backend.add_user("parent_sup", "supervisor", court["parent_id"])
    path = f"findings/{first['id']}"

    def refused(answer, status: int, problem: str) -> None:
        assert answer.status_code == status and answer.json()["type"].endswith(":" + problem), answer.text

    refused(stepped_backend.command(f"{path}/confirmation", {"reason": "属实"}, version=1), 403, "forbidden")
    refused(
        stepped_backend.command(f"{path}/confirmation", {"reason": "属实"}, username="own_sup", version=1),
        403,
        "not-a-court-above",
    )
    refused(
        stepped_backend.command(f"{path}/dismissal", {"reason": ""}, username="parent_sup", version=1),
        422,
        "invalid-request",
    )
    refused(
        stepped_backend.command(f"{path}/dismissal", {"reason": "已补正"}, username="parent_sup"),
        428,
        "precondition-required",
    )
    assert stepped_backend.get(path, username="supervisor")["state"] == "open"  # each refusal changed nothing

    confirmed = stepped_backend.command(
        f"{path}/confirmation", {"reason": "经核查属实"}, username="parent_sup", version=1
    )
    assert confirmed.status_code == 200, confirmed.text
    assert confirmed.json()["state"] == "confirmed" and confirmed.json()["reason"] == "经核查属实"
    assert confirmed.json()["decided_by"] == "parent_sup"
    refused(
        stepped_backend.command(f"{path}/dismissal", {"reason": "改判"}, username="supervisor", version=2),
        409,
        "already-decided",
    )
    dismissed = stepped_backend.command(
        f"findings/{second['id']}/dismissal", {"reason": "系统延迟登记，实际按时办理"}, username="supervisor", version=1
    )
    assert dismissed.status_code == 200 and dismissed.json()["state"] == "dismissed", dismissed.text
    trail = stepped_backend.get("audit", username="supervisor", case_id=first["case_id"])["items"]
    assert any(e["action"] == "confirm_finding" and e["actor"] == "parent_sup" for e in trail)
    assert any(e["outcome"] == "not-a-court-above" and e["actor"] == "own_sup" for e in trail)
    seen = {f["id"] for f in every_finding(stepped_backend, court_id=court["id"])}
    assert first["id"] in seen


def test_a_situation_the_data_cannot_show_is_recorded_by_hand_once(stepped_backend):
    case = stepped_backend.get("cases", page_size=50, status="open")["items"][7]
    body = {"situation": 21, "case_id": case["id"], "note": "同一被执行人三案，仅一案发放案款，余案长期未执行"}
    refused = stepped_backend.command("findings", body)
    assert refused.status_code == 403, refused.text  # an operator records none
    assert stepped_backend.command("findings", {**body, "situation": 26}, username="supervisor").status_code == 422
    recorded = stepped_backend.command("findings", body, username="supervisor")
    assert recorded.status_code == 201, recorded.text
    finding = recorded.json()
    assert finding["source"] == "recorded" and finding["state"] == "confirmed" and finding["situation"] == 21
    assert finding["evidence"][0]["note"] == body["note"] and finding["officer"] == case["officer"]
    again = stepped_backend.command("findings", body, username="supervisor")
    assert again.status_code == 409 and again.json()["type"].endswith(":already-found")
    assert [f["id"] for f in every_finding(stepped_backend, case_id=case["id"], situation=21)] == [finding["id"]]
