"""Authority, checked by the server: each user sees and acts within their court's jurisdiction; an
escalation sent on waits for whom it was sent to; the approval threshold holds for the case, not
the hit; a coercive measure is decided by a president, never by whoever asked for it."""

from __future__ import annotations

import json

import pytest
import requests

from tests.support.backends import read_events
from tests.support.contract import a_large_hit, open_escalation, standby_team


@pytest.fixture(scope="module")
def courts(stepped_backend) -> dict:
    """A basic court with open cases and teams, its intermediate court, and accounts at each."""
    every = {court["id"]: court for court in stepped_backend.get("courts", page_size=500)["items"]}
    with_teams = {team["court_id"] for team in stepped_backend.get("teams", page_size=1000)["items"]}
    cases = stepped_backend.get("cases", status="open", page_size=1000)["items"]
    basic = next(
        c["court_id"] for c in cases if every[c["court_id"]]["level"] == "basic" and c["court_id"] in with_teams
    )
    city = every[basic]["parent_id"]
    for username, role, court in (
        ("basic.op", "operator", basic),
        ("basic.sup", "supervisor", basic),
        ("city.op", "operator", city),
    ):
        stepped_backend.add_user(username, role, court)
    return {
        "basic": basic,
        "city": city,
        "below_city": {key for key, court in every.items() if city in (key, court["parent_id"])},
        "names": {key: court["name"] for key, court in every.items()},
    }


def test_a_basic_court_reads_its_own_cases_and_teams_only(stepped_backend, courts):
    cases = stepped_backend.get("cases", username="basic.op", page_size=1000)["items"]
    assert cases and {case["court_id"] for case in cases} == {courts["basic"]}
    teams = stepped_backend.get("teams", username="basic.op", page_size=1000)["items"]
    assert teams and {team["court_id"] for team in teams} == {courts["basic"]}

    seen_by_city = {
        case["court_id"] for case in stepped_backend.get("cases", username="city.op", page_size=1000)["items"]
    }
    assert courts["basic"] in seen_by_city and seen_by_city <= courts["below_city"]
    elsewhere = next(
        c for c in stepped_backend.get("cases", page_size=1000)["items"] if c["court_id"] not in seen_by_city
    )
    refused = requests.get(
        stepped_backend.api(f"cases/{elsewhere['id']}"), headers=stepped_backend.auth("basic.op"), timeout=10
    )
    assert refused.status_code == 403 and refused.json()["type"].endswith(":outside-jurisdiction")
    assert courts["names"][elsewhere["court_id"]] in refused.json()["detail"]
    assert courts["names"][courts["basic"]] in refused.json()["detail"]
    audited = stepped_backend.get("audit", username="supervisor", actor="basic.op", page_size=1000)["items"]
    assert any(
        entry["action"] == "read"
        and entry["outcome"] == "outside-jurisdiction"
        and entry["object_id"] == f"/cases/{elsewhere['id']}"
        for entry in audited
    )


def test_a_command_outside_the_jurisdiction_is_refused_audited_and_changes_nothing(stepped_backend, courts):
    elsewhere = next(
        c
        for c in stepped_backend.get("cases", status="open", page_size=1000)["items"]
        if c["court_id"] != courts["basic"]
    )
    team = next(t for t in stepped_backend.get("teams", username="basic.op", page_size=1000)["items"])
    tasks_before = stepped_backend.get("tasks", case_id=elsewhere["id"])["items"]
    refused = stepped_backend.command(
        "tasks", {"case_id": elsewhere["id"], "team_id": team["id"], "kind": "service"}, username="basic.op"
    )
    assert refused.status_code == 403 and refused.json()["type"].endswith(":outside-jurisdiction")
    assert refused.headers["content-type"] == "application/problem+json"
    assert stepped_backend.get("tasks", case_id=elsewhere["id"])["items"] == tasks_before
    audited = stepped_backend.get("audit", username="supervisor", actor="basic.op", page_size=1000)["items"]
    assert any(
        entry["outcome"] == "outside-jurisdiction"
        and entry["action"] == "task.dispatch"
        and entry["case_id"] == elsewhere["id"]  # in the case's trail, for its court to see
        for entry in audited
    )


def test_the_stream_carries_the_jurisdictions_events_only(stepped_backend, courts):
    since = stepped_backend.newest_event()
    until = stepped_backend.step(120)
    teams = {t["id"]: t["court_id"] for t in stepped_backend.get("teams", page_size=1000)["items"]}
    case_courts: dict[str, str] = {}

    def court_of(data: dict) -> str | None:
        if "court_id" in data:
            return data["court_id"]
        if "team_id" in data:
            return teams[data["team_id"]]
        if "case_id" in data:
            if data["case_id"] not in case_courts:
                case_courts[data["case_id"]] = stepped_backend.get(f"cases/{data['case_id']}")["court_id"]
            return case_courts[data["case_id"]]
        return None

    everything = stepped_backend.events(since, until)
    expected = [e.id for e in everything if court_of(json.loads(e.data)) in (None, courts["basic"])]
    assert expected and len(expected) < len(everything)
    seen = read_events(stepped_backend, stepped_backend.auth("basic.op"), len(expected), last_event_id=since)
    assert [event.id for event in seen] == expected


def test_a_freeze_split_across_hits_of_a_case_waits_for_a_supervisor(stepped_backend):
    query, large = a_large_hit(stepped_backend)
    small = next(r for r in query["results"] if r["hit"] and r["finding"]["value"] and r["id"] != large["id"])
    base = f"queries/{query['id']}/results"
    first = stepped_backend.command(f"{base}/{small['id']}/freeze", {"amount": min(small["finding"]["value"], 500_000)})
    assert first.status_code == 201 and first.json()["state"] == "sent"
    rest = round(1_000_000 - first.json()["amount"] + 1, 2)  # under the threshold on its hit, above it for the case
    second = stepped_backend.command(f"{base}/{large['id']}/freeze", {"amount": rest})
    assert second.status_code == 201 and second.json()["state"] == "awaiting_approval"


def test_a_measure_ordered_again_after_a_rejection_needs_a_new_approval(stepped_backend):
    query, hit = a_large_hit(stepped_backend)
    path = f"queries/{query['id']}/results/{hit['id']}/deduct"
    asked = stepped_backend.command(path, {"amount": 1_000_001})
    assert asked.json()["state"] == "awaiting_approval"
    approval = stepped_backend.get(f"approvals/{asked.json()['approval_id']}")
    rejected = stepped_backend.command(
        f"approvals/{approval['id']}/reject", {"note": "证据不足"}, username="supervisor", version=approval["version"]
    )
    assert rejected.status_code == 200
    again = stepped_backend.command(path, {"amount": 10_000})
    assert again.status_code == 201 and again.json()["state"] == "awaiting_approval"


def test_an_escalation_sent_to_the_court_above_waits_for_a_supervisor_there(stepped_backend, courts):
    escalation = open_escalation(stepped_backend)
    court = escalation["court_id"]
    stepped_backend.add_user(f"sup.{court.lower()}", "supervisor", court)
    own = stepped_backend.command(
        f"escalations/{escalation['id']}/acknowledge", {"note": ""}, version=escalation["version"]
    )
    assert own.status_code == 200, own.text
    sent = stepped_backend.command(
        f"escalations/{escalation['id']}/escalate",
        {"to": "court_above", "reason": "需上级法院协调"},
        version=own.json()["version"],
    )
    assert sent.status_code == 200 and sent.json()["owner"] is None
    version = sent.json()["version"]
    for username in ("operator", "operator2", f"sup.{court.lower()}"):
        for verb, body in (("acknowledge", {"note": ""}), ("escalate", {"to": "supervisor", "reason": "退回"})):
            refused = stepped_backend.command(
                f"escalations/{escalation['id']}/{verb}", body, username=username, version=version
            )
            assert refused.status_code == 403, (username, verb, refused.text)
    refused = stepped_backend.command(
        f"escalations/{escalation['id']}/resolve", {"outcome": "自行处理"}, version=version
    )
    assert refused.status_code == 403
    taken = stepped_backend.command(
        f"escalations/{escalation['id']}/acknowledge", {"note": "上级接手"}, username="supervisor", version=version
    )
    assert taken.status_code == 200 and taken.json()["owner"] == "supervisor"
    resolved = stepped_backend.command(
        f"escalations/{escalation['id']}/resolve",
        {"outcome": "协调完毕"},
        username="supervisor",
        version=taken.json()["version"],
    )
    assert resolved.status_code == 200 and resolved.json()["state"] == "resolved"


def test_a_coercive_measure_is_asked_for_by_an_operator_and_decided_by_a_president(stepped_backend):
    case = next(
        c
        for c in stepped_backend.get("cases", status="open", page_size=200)["items"]
        if c["respondent"]["type"] == "person"
    )
    path = f"cases/{case['id']}/coercions"
    too_much = stepped_backend.command(
        path, {"kind": "fine", "person": "张三", "amount": 100_001, "reason": "妨害执行"}
    )
    assert too_much.status_code == 422 and too_much.json()["type"].endswith(":fine-out-of-range")
    too_long = stepped_backend.command(path, {"kind": "detention", "person": "张三", "days": 16, "reason": "拒不履行"})
    assert too_long.status_code == 422
    assert stepped_backend.command(path, {"kind": "compel", "person": "张三", "reason": "拒不到庭"}).status_code == 201
    fine = stepped_backend.command(path, {"kind": "fine", "person": "张三", "amount": 50_000, "reason": "妨害执行"})
    assert fine.status_code == 201 and fine.json()["kind"] == "fine" and fine.json()["details"]["amount"] == 50_000
    approval = fine.json()
    url = f"approvals/{approval['id']}/approve"
    for username in ("operator", "supervisor"):
        refused = stepped_backend.command(url, username=username, version=approval["version"])
        assert refused.status_code == 403, username
    assert (
        stepped_backend.command(
            path, {"kind": "compel", "person": "x", "reason": "x"}, username="president"
        ).status_code
        == 403
    )
    decided = stepped_backend.command(url, {"note": "同意"}, username="president", version=approval["version"])
    assert decided.status_code == 200 and decided.json()["decided_by"] == "president"
    me = stepped_backend.get("me", "president")
    assert "coercion.decide" in me["permissions"] and "approval.decide" not in me["permissions"]
    assert me["limits"]["max_fine_person_yuan"] == 100_000


def test_a_team_outside_the_jurisdiction_is_not_sent(stepped_backend, courts):
    case = stepped_backend.get("cases", username="basic.op", status="open", page_size=1)["items"][0]
    team = standby_team(stepped_backend)
    if team["court_id"] == courts["basic"]:
        team = next(
            t
            for t in stepped_backend.get("teams", status="standby", page_size=1000)["items"]
            if t["court_id"] != courts["basic"]
        )
    refused = stepped_backend.command(
        "tasks", {"case_id": case["id"], "team_id": team["id"], "kind": "service"}, username="basic.op"
    )
    assert refused.status_code == 403 and team["name"] in refused.json()["detail"]
