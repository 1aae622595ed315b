"""The Court Backend API's rules, checked over HTTP: reading, commands, idempotency, versions,
roles, approvals and the audit log."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

import pytest
import requests

from court_backend.catalogue import PERMISSIONS, ROLES
from court_backend.openapi import DOCUMENT
from tests.support.backends import start_backend
from tests.support.contract import a_large_hit, an_open_case, open_escalation, run_query, standby_team, told, when
from widgets.field_actions import ACTIONS


def test_the_served_contract_is_the_one_in_the_repository(backend):
    served = requests.get(backend.api("openapi.json"), timeout=10).json()
    assert served == json.loads(DOCUMENT.read_text("utf-8")), "run: python -m court_backend.openapi"
    assert served["openapi"].startswith("3.1")
    assert {"team.position", "case.node", "query.progress", "escalation.raised", "kpi.updated"} <= set(
        served["x-event-types"]
    )


@pytest.mark.parametrize(("username", "may_approve"), [("operator", False), ("supervisor", True), ("observer", False)])
def test_me_tells_the_role_and_what_it_may_do(backend, username, may_approve):
    me = backend.get("me", username)
    assert me["role"] == username
    assert ("approval.decide" in me["permissions"]) == may_approve
    assert ("task.dispatch" in me["permissions"]) == (username != "observer")
    assert me["limits"]["approval_threshold_yuan"] == 1_000_000


def test_cases_carry_their_flow_and_filter_by_court_node_and_box(backend):
    page = backend.get("cases", page_size=50)
    assert len(page["items"]) == 50 and page["next_page_token"]
    second = backend.get("cases", page_size=50, page_token=page["next_page_token"])
    assert not {c["id"] for c in page["items"]} & {c["id"] for c in second["items"]}
    case = page["items"][0]
    detail = requests.get(backend.api(f"cases/{case['id']}"), headers=backend.auth(), timeout=10)
    assert detail.headers["etag"] == f'"{detail.json()["version"]}"'
    history = detail.json()["history"]
    assert history[-1]["node"] == detail.json()["node"] and history[0]["node"] == "filing_review"
    assert "（" in case["number"] and "执" in case["number"]
    court_cases = backend.get("cases", court_id=case["court_id"], page_size=1000)["items"]
    assert court_cases and all(c["court_id"] == case["court_id"] for c in court_cases)
    lon, lat = case["location"]["lon"], case["location"]["lat"]
    boxed = backend.get("cases", bbox=f"{lon - 0.01},{lat - 0.01},{lon + 0.01},{lat + 0.01}")["items"]
    assert case["id"] in {c["id"] for c in boxed}
    assert all(abs(c["location"]["lon"] - lon) <= 0.01 for c in boxed)
    overdue = backend.get("cases", overdue="true", page_size=100)["items"]
    assert overdue and all(c["overdue"] and c["status"] == "open" for c in overdue)
    node = backend.get("cases", node="assignment", page_size=100)["items"]
    assert all(c["node"] == "assignment" for c in node)


@pytest.mark.parametrize(
    "params",
    [
        {"bbox": "1,2,3"},
        {"bbox": "104,31,103,30"},
        {"node": "nowhere"},
        {"page_size": 0},
        {"page_size": 5000},
        {"overdue": "perhaps"},
    ],
)
def test_bad_filters_are_422_problems(backend, params):
    response = requests.get(backend.api("cases"), params=params, headers=backend.auth(), timeout=10)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"


def test_dispatch_creates_a_task_once_per_key(stepped_backend):
    team, case = standby_team(stepped_backend), an_open_case(stepped_backend)
    first_cursor = stepped_backend.newest_event()
    key = uuid.uuid4().hex
    body = {"case_id": case["id"], "team_id": team["id"], "kind": "service", "note": "送达执行通知书"}
    first = stepped_backend.command("tasks", body, key=key)
    assert first.status_code == 201, first.text
    task = first.json()
    assert task["state"] == "assigned" and task["team_id"] == team["id"] and task["created_by"] == "operator"
    assert first.headers["etag"] == f'"{task["version"]}"'
    again = stepped_backend.command("tasks", body, key=key)
    assert again.status_code == 201 and again.json() == task and again.headers["idempotent-replayed"] == "true"
    tasks = stepped_backend.get("tasks", case_id=case["id"], page_size=1000)["items"]
    assert [t["id"] for t in tasks].count(task["id"]) == 1
    assert len([t for t in tasks if t["created_by"] == "operator"]) == 1
    reused = stepped_backend.command("tasks", {**body, "kind": "seal"}, key=key)
    assert reused.status_code == 422 and reused.json()["type"].endswith(":idempotency-key-reused")
    busy = stepped_backend.command("tasks", body)
    assert busy.status_code == 409 and busy.json()["task_id"] == task["id"]
    assert stepped_backend.get("teams/" + team["id"])["task_id"] == task["id"]
    # The team's new task is news on the stream too, not only in a later snapshot.
    status = told(
        stepped_backend, first_cursor, lambda kind, data: kind == "team.status" and data["team_id"] == team["id"]
    )
    assert status["task_id"] == task["id"]
    audit = stepped_backend.get("audit", object_id=task["id"])["items"]
    assert [(a["actor"], a["action"]) for a in audit] == [("operator", "dispatch")]
    assert audit[0]["before"] is None and audit[0]["after"]["id"] == task["id"]


def test_a_command_without_a_key_is_400_and_an_observer_is_403(stepped_backend):
    team, case = standby_team(stepped_backend), an_open_case(stepped_backend)
    body = {"case_id": case["id"], "team_id": team["id"], "kind": "notice"}
    headers = {**stepped_backend.auth(), "Content-Type": "application/json"}
    missing = requests.post(stepped_backend.api("tasks"), json=body, headers=headers, timeout=10)
    assert missing.status_code == 400 and missing.json()["type"].endswith(":idempotency-key-missing")
    observer = stepped_backend.command("tasks", body, username="observer")
    assert observer.status_code == 403 and observer.headers["content-type"] == "application/problem+json"
    assert stepped_backend.get("teams/" + team["id"])["task_id"] is None


def test_a_task_is_re_tasked_with_its_version_and_a_stale_one_is_refused(stepped_backend):
    case = an_open_case(stepped_backend)
    first_team = standby_team(stepped_backend)
    task = stepped_backend.command(
        "tasks", {"case_id": case["id"], "team_id": first_team["id"], "kind": "investigation"}
    ).json()
    second_team = standby_team(stepped_backend)
    unversioned = stepped_backend.command(f"tasks/{task['id']}/reassign", {"team_id": second_team["id"]})
    assert unversioned.status_code == 428
    moved = stepped_backend.command(
        f"tasks/{task['id']}/reassign", {"team_id": second_team["id"]}, version=task["version"]
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["team_id"] == second_team["id"]
    stale = stepped_backend.command(f"tasks/{task['id']}/cancel", {"note": "不再需要"}, version=task["version"])
    assert stale.status_code == 412
    assert stale.json()["changed_by"] == "operator" and stale.json()["current_version"] == moved.json()["version"]
    cancelled = stepped_backend.command(
        f"tasks/{task['id']}/cancel", {"note": "不再需要"}, version=moved.json()["version"]
    )
    assert cancelled.json()["state"] == "cancelled"
    assert stepped_backend.get("teams/" + second_team["id"])["task_id"] is None


def test_a_message_reaches_a_team(stepped_backend):
    team = next(t for t in stepped_backend.get("teams", page_size=1000)["items"])
    sent = stepped_backend.command(f"teams/{team['id']}/messages", {"text": "注意安全，十分钟后到场"})
    assert sent.status_code == 201 and sent.json()["state"] == "sent"
    delivered = stepped_backend.step_until_event(
        when(lambda kind, data: kind == "team.message" and data["id"] == sent.json()["id"] and data["state"] != "sent")
    )
    assert delivered["delivered_at"] is not None


def test_two_operators_never_both_own_an_escalation(stepped_backend):
    escalation = open_escalation(stepped_backend)
    missing = stepped_backend.command(f"escalations/{escalation['id']}/acknowledge", {"note": "我来处理"})
    assert missing.status_code == 428
    taken = stepped_backend.command(
        f"escalations/{escalation['id']}/acknowledge", {"note": "我来处理"}, version=escalation["version"]
    )
    assert taken.status_code == 200, taken.text
    owned = taken.json()
    assert owned["state"] == "acknowledged" and owned["owner"] == "operator"
    stale = stepped_backend.command(
        f"escalations/{escalation['id']}/acknowledge", username="operator2", version=escalation["version"]
    )
    assert stale.status_code == 412
    assert stale.json()["changed_by"] == "operator" and stale.json()["change"] == "acknowledged"
    second = stepped_backend.command(
        f"escalations/{escalation['id']}/acknowledge", username="operator2", version=owned["version"]
    )
    assert second.status_code == 409 and second.json()["owner"] == "operator"
    not_theirs = stepped_backend.command(
        f"escalations/{escalation['id']}/resolve", {"outcome": "已处理"}, username="operator2", version=owned["version"]
    )
    assert not_theirs.status_code == 409 and "operator" in not_theirs.json()["detail"]
    resolved = stepped_backend.command(
        f"escalations/{escalation['id']}/resolve", {"outcome": "现场秩序恢复"}, version=owned["version"]
    )
    assert resolved.status_code == 200
    timeline = resolved.json()["timeline"]
    assert [(t["action"], t["actor"]) for t in timeline[-2:]] == [
        ("acknowledged", "operator"),
        ("resolved", "operator"),
    ]
    audit = stepped_backend.get("audit", object_id=escalation["id"])["items"]
    assert [a["action"] for a in audit] == ["acknowledge", "resolve"]
    assert audit[1]["before"]["state"] == "acknowledged" and audit[1]["after"]["state"] == "resolved"


def test_escalating_hands_an_escalation_to_the_supervisors(stepped_backend):
    escalation = open_escalation(stepped_backend)
    owned = stepped_backend.command(f"escalations/{escalation['id']}/acknowledge", version=escalation["version"]).json()
    no_reason = stepped_backend.command(
        f"escalations/{escalation['id']}/escalate", {"to": "supervisor"}, version=owned["version"]
    )
    assert no_reason.status_code == 422
    escalated = stepped_backend.command(
        f"escalations/{escalation['id']}/escalate",
        {"to": "supervisor", "reason": "需指挥长决定", "note": "当事人情绪激动"},
        version=owned["version"],
    ).json()
    assert escalated["state"] == "escalated" and escalated["owner"] is None
    assert escalated["timeline"][-1]["note"] == "需指挥长决定 (当事人情绪激动)"
    by_operator = stepped_backend.command(f"escalations/{escalation['id']}/acknowledge", version=escalated["version"])
    assert by_operator.status_code == 403
    taken = stepped_backend.command(
        f"escalations/{escalation['id']}/acknowledge", username="supervisor", version=escalated["version"]
    )
    assert taken.status_code == 200 and taken.json()["owner"] == "supervisor"


def test_an_unacknowledged_p1_escalates_itself(stepped_backend):
    p1 = open_escalation(stepped_backend, severities=("P1",))
    escalated = stepped_backend.step_until_event(
        when(lambda kind, data: kind == "escalation.updated" and data["id"] == p1["id"]), every_s=5
    )
    assert escalated["state"] == "escalated" and escalated["escalated_to"] == "supervisor"
    assert (escalated["timeline"][-1]["action"], escalated["timeline"][-1]["actor"]) == ("auto_escalated", "system")


def test_a_query_is_answered_institution_by_institution(stepped_backend):
    since = stepped_backend.newest_event()
    query = run_query(stepped_backend, an_open_case(stepped_backend))
    counts = query["counts"]
    assert counts["answered"] + counts["failed"] + counts["timed_out"] == counts["total"]
    assert counts["hit"] == sum(1 for r in query["results"] if r["hit"])
    published = stepped_backend.events(since, stepped_backend.newest_event())
    progress = [json.loads(e.data) for e in published if e.type == "query.progress"]
    mine = [p for p in progress if p["query_id"] == query["id"]]
    # Every institution is reported twice: sent, then answered (or failed, or timed out).
    assert len(mine) == 2 * counts["total"]
    assert [p["counts"]["sent"] for p in mine] == sorted(p["counts"]["sent"] for p in mine)


def test_a_large_freeze_waits_for_a_supervisor_who_did_not_ask(stepped_backend):
    query, hit = a_large_hit(stepped_backend)
    path = f"queries/{query['id']}/results/{hit['id']}/freeze"
    too_much = stepped_backend.command(path, {"amount": hit["finding"]["value"] + 1})
    assert too_much.status_code == 422
    measure = stepped_backend.command(path, {"amount": hit["finding"]["value"]}).json()
    assert measure["state"] == "awaiting_approval" and measure["approval_id"]
    approval = stepped_backend.get("approvals/" + measure["approval_id"])
    assert (approval["state"], approval["requested_by"], approval["kind"]) == ("pending", "operator", "freeze")
    assert (
        stepped_backend.command(f"approvals/{approval['id']}/approve", version=approval["version"]).status_code == 403
    )
    approved = stepped_backend.command(
        f"approvals/{approval['id']}/approve", {"note": "同意冻结"}, username="supervisor", version=approval["version"]
    )
    assert approved.status_code == 200 and approved.json()["decided_by"] == "supervisor"

    def carried_out(kind, data):
        return kind == "measure.updated" and data["id"] == measure["id"] and data["state"] in ("done", "failed")

    done = stepped_backend.step_until_event(when(carried_out), every_s=300, at_most_s=6 * 3600)
    assert [step["state"] for step in done["history"]][:2] == ["awaiting_approval", "sent"]

    self_asked = stepped_backend.command(
        f"queries/{query['id']}/results/{hit['id']}/deduct", {"amount": 1_000_001}, username="supervisor"
    ).json()
    own = stepped_backend.get("approvals/" + self_asked["approval_id"])
    refused = stepped_backend.command(f"approvals/{own['id']}/approve", username="supervisor", version=own["version"])
    assert refused.status_code == 403 and refused.json()["type"].endswith(":two-person-rule")
    other = stepped_backend.command(
        f"approvals/{own['id']}/reject", {"note": "证据不足"}, username="supervisor2", version=own["version"]
    )
    assert other.status_code == 200 and other.json()["state"] == "rejected"


def test_each_step_of_a_task_is_told_once_as_it_was(stepped_backend):
    since = stepped_backend.newest_event()
    body = {
        "case_id": an_open_case(stepped_backend)["id"],
        "team_id": standby_team(stepped_backend)["id"],
        "kind": "investigation",
    }
    task = stepped_backend.command("tasks", body).json()

    def en_route(kind, data):
        return kind == "task.updated" and data["id"] == task["id"] and data["state"] == "en_route"

    stepped_backend.step_until_event(when(en_route))
    steps = [
        (data["version"], data["state"])
        for event in stepped_backend.events(since, stepped_backend.newest_event())
        if event.type in ("task.created", "task.updated") and (data := json.loads(event.data))["id"] == task["id"]
    ]
    # Accepting and heading out happen in one tick: each is still its own event, with its own version.
    assert steps[:3] == [(1, "assigned"), (2, "accepted"), (3, "en_route")]


def test_a_team_in_an_emergency_is_told_as_such(stepped_backend):
    in_danger = set()

    def emergency(kind, data):
        if kind == "escalation.raised" and data["kind"] in ("sos", "violent_resistance", "injury", "self_harm_threat"):
            in_danger.add(data["team_id"])
        return (
            data if kind == "team.status" and data["team_id"] in in_danger and data["status"] == "emergency" else None
        )

    stepped_backend.step_until_event(emergency, every_s=30, at_most_s=12 * 3600)


def test_orders_on_one_hit_count_together_against_its_value_and_the_threshold(stepped_backend):
    query, hit = a_large_hit(stepped_backend)
    path, value = f"queries/{query['id']}/results/{hit['id']}/freeze", hit["finding"]["value"]
    first = stepped_backend.command(path, {"amount": 600_000})
    assert first.status_code == 201 and first.json()["state"] == "sent"
    # Split in two, the freeze is above the threshold all the same: the second part waits for a supervisor.
    second = stepped_backend.command(path, {"amount": round(value - 600_000, 2)})
    assert second.status_code == 201 and second.json()["state"] == "awaiting_approval"
    beyond = stepped_backend.command(path, {"amount": 1})
    assert beyond.status_code == 422 and beyond.json()["already_ordered"] == value
    assert stepped_backend.command(path, {"amount": 0.004}).status_code == 422  # nothing below a fen
    assert (
        stepped_backend.command(f"queries/{query['id']}/results/{hit['id']}/deduct", {"amount": 1}).status_code == 201
    )


def test_the_two_person_rule_on_a_detention(stepped_backend):
    case = an_open_case(stepped_backend)
    too_long = stepped_backend.command(
        f"cases/{case['id']}/coercions", {"kind": "detention", "person": "张三", "days": 16, "reason": "拒不履行"}
    )
    assert too_long.status_code == 422
    asked = stepped_backend.command(
        f"cases/{case['id']}/coercions", {"kind": "detention", "person": "张三", "days": 15, "reason": "拒不履行"}
    )
    assert asked.status_code == 201
    approval = asked.json()
    assert approval["kind"] == "detention" and approval["state"] == "pending" and approval["requested_by"] == "operator"
    by_operator = stepped_backend.command(f"approvals/{approval['id']}/approve", version=approval["version"])
    assert by_operator.status_code == 403
    decided = stepped_backend.command(
        f"approvals/{approval['id']}/approve",
        {"note": "同意拘留十五日"},
        username="president",
        version=approval["version"],
    )
    assert (
        decided.status_code == 200
        and decided.json()["state"] == "approved"
        and decided.json()["decided_by"] == "president"
    )
    twice = stepped_backend.command(
        f"approvals/{approval['id']}/reject", username="president", version=decided.json()["version"]
    )
    assert twice.status_code == 409


def test_kpis_describe_the_book(backend):
    kpis = backend.get("kpis")
    assert len(kpis["cases_received_per_day"]) == 30
    assert kpis["open_cases"] + kpis["closed_cases"] > 0
    assert 0 <= kpis["realisation_rate"] <= 1 and sum(kpis["teams_by_status"].values()) == 200


@pytest.mark.parametrize(
    "path",
    [
        "tasks",
        "tasks/W000001/reassign",
        "tasks/W000001/cancel",
        "teams/T0001/messages",
        "escalations/E000001/acknowledge",
        "escalations/E000001/escalate",
        "escalations/E000001/resolve",
        "queries",
        "queries/Q000001/results/R001/freeze",
        "cases/K000001/coercions",
        "approvals/A000001/approve",
    ],
)
def test_an_observer_may_command_nothing(backend, path):
    bodies = {
        "tasks": {"case_id": "K000001", "team_id": "T0001", "kind": "service"},
        "tasks/W000001/reassign": {"team_id": "T0002"},
        "teams/T0001/messages": {"text": "x"},
        "escalations/E000001/escalate": {"to": "supervisor", "reason": "x"},
        "escalations/E000001/resolve": {"outcome": "x"},
        "queries": {"case_id": "K000001", "channel": "national", "categories": ["bank"]},
        "queries/Q000001/results/R001/freeze": {"amount": 1},
        "cases/K000001/coercions": {"kind": "detention", "person": "x", "days": 1, "reason": "x"},
    }
    response = backend.command(path, bodies.get(path), username="observer", version=1)
    assert response.status_code == 403, response.text
    assert response.json()["type"].endswith(":forbidden")


def test_the_same_seed_tells_the_same_story(backend):
    twin = start_backend()
    try:
        for path in ("cases", "teams"):
            ours = backend.get(path, page_size=200)["items"]
            theirs = twin.get(path, page_size=200)["items"]
            keys = (
                ("id", "number", "court_id", "amount_sought")
                if path == "cases"
                else ("id", "name", "members", "court_id")
            )
            assert [[item[k] for k in keys] for item in ours] == [[item[k] for k in keys] for item in theirs]
            if path == "cases":  # the same people; their personal data is each backend's own (its key)
                assert [c["respondent"]["name"] for c in ours] == [c["respondent"]["name"] for c in theirs]
    finally:
        twin.process.close()


def test_the_document_names_every_permission_and_limit_the_server_grants(backend):
    document = json.loads(DOCUMENT.read_text("utf-8"))
    components = document["components"]["schemas"]
    published = set(components["Permission"]["enum"])
    assert published == set().union(*PERMISSIONS.values())
    meanings = components["Me"]["properties"]["permissions"]["description"]
    assert all(f"`{permission}`" in meanings for permission in published)
    for username in ROLES:
        me = backend.get("me", username)
        assert set(me["permissions"]) <= published
        assert set(me["limits"]) == set(components["Limits"]["properties"]) == set(components["Limits"]["required"])
        assert me["api_version"] == document["info"]["version"]
    assert backend.get("health")["api_version"] == document["info"]["version"]


def test_the_console_asks_for_no_permission_or_limit_that_the_document_does_not_name():
    """The console's vocabulary, as its code reads it, is the published one: nothing of its own."""
    document = json.loads(DOCUMENT.read_text("utf-8"))
    components = document["components"]["schemas"]
    code = "\n".join(path.read_text("utf-8") for folder in ("console", "widgets") for path in Path(folder).glob("*.py"))
    asked = set(re.findall(r'may\([^,]+,\s*"([^"]+)"\)', code))
    asked |= set(re.findall(r'"([a-z]+\.[a-z]+)" (?:not )?in permissions', code))
    asked |= set(re.findall(r'"permission:([^"]+)"', code))
    asked |= {permission for _, permission, _ in ACTIONS.values()}
    assert asked and asked <= set(components["Permission"]["enum"]), asked - set(components["Permission"]["enum"])
    limits = set(re.findall(r'limits\.get\("([^"]+)"', code))
    assert limits and limits <= set(components["Limits"]["properties"])


def test_the_document_says_what_a_missing_header_gets_and_the_backend_does_it(stepped_backend):
    document = json.loads(DOCUMENT.read_text("utf-8"))
    commands = [op for item in document["paths"].values() for method, op in item.items() if method == "post"]
    for operation in commands:
        for header in (p for p in operation.get("parameters", []) if p["in"] == "header"):
            status = {"Idempotency-Key": "400", "if-match": "428"}[header["name"]]
            assert not header["required"] and status in header["description"] and status in operation["responses"]
    escalation = open_escalation(stepped_backend)
    path = stepped_backend.api(f"escalations/{escalation['id']}/acknowledge")
    no_key = requests.post(path, json={"note": ""}, headers=stepped_backend.auth(), timeout=10)
    assert no_key.status_code == 400 and no_key.json()["type"].endswith(":idempotency-key-missing")
    no_version = stepped_backend.command(f"escalations/{escalation['id']}/acknowledge", {"note": ""})
    assert no_version.status_code == 428 and no_version.json()["type"].endswith(":precondition-required")


def test_each_refusal_the_backend_makes_is_published_with_its_status_and_fields():
    """Every `Problem(status, "name", …, field=…)` in the backend's code is in `x-problem-types`,
    with that status, and the fields it carries among those published for it."""
    published = json.loads(DOCUMENT.read_text("utf-8"))["x-problem-types"]
    code = "".join(path.read_text("utf-8") for path in (Path(__file__).parent.parent / "court_backend").glob("*.py"))
    raised = re.findall(r'Problem\(\s*(\d+),\s*"([a-z-]+)",(.*?)\)\n', code, re.DOTALL)
    assert len(raised) > 30
    for status, name, rest in raised:
        fields = set(re.findall(r"\b([a-z_]+)=", rest)) - {"headers"}
        assert name in published and published[name]["status"] == int(status), (name, status)
        assert fields <= set(published[name]["fields"]), (name, fields)
