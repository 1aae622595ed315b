"""流程预警, as any client sees it: each open case says when each warning begins, from its node's
limit (due soon in the last 20% or the last day, overdue past the deadline, seriously overdue past
twice the limit; idle after 30 days without a node, task or measure, 15 on the simple track); the
warnings list and the counts per court and officer agree with a recomputation from the raw
cases; a basic court sees only its own; a task dispatched moves an idle case's activity on."""

from __future__ import annotations

from collections import Counter

from tests.support.backends import at
from tests.support.contract import standby_team

DAY_S = 86_400
GRADES = ("seriously_overdue", "overdue", "due_soon")


def every(backend, path: str, username: str = "operator", **filters) -> list[dict]:
    items, token = [], None
    while True:
        page = backend.get(
            path, username=username, page_size=1000, **filters, **({"page_token": token} if token else {})
        )
        items += page["items"]
        token = page["next_page_token"]
        if token is None:
            return items


def graded(case: dict, now: float) -> tuple[str | None, bool]:
    """The grade and idleness a client works out from the case's own record."""
    moments = case["warnings"]
    grade = next((g for g in GRADES if moments[f"{g}_at"] and now >= at(moments[f"{g}_at"])), None)
    return grade, bool(moments["idle_at"]) and now >= at(moments["idle_at"])


def test_each_open_case_carries_its_warnings_from_its_nodes_limit_and_the_list_agrees(stepped_backend):
    counts = stepped_backend.get("warnings/counts")
    now = at(counts["at"])  # the stepped clock stands still while the test reads
    cases = every(stepped_backend, "cases", status="open")
    listed = {w["case_id"]: w for w in every(stepped_backend, "warnings")}
    expected_courts: dict[str, Counter] = {}
    for case in cases:
        moments, entered = case["warnings"], at(case["node_entered_at"])
        if case["node_deadline"] is not None:
            deadline = at(case["node_deadline"])
            limit = deadline - entered
            assert at(moments["overdue_at"]) == deadline
            assert at(moments["due_soon_at"]) == deadline - max(0.2 * limit, DAY_S)
            assert at(moments["seriously_overdue_at"]) == entered + 2 * limit
        idle_days = 15 if case["track"] == "simple" else 30
        assert at(moments["idle_at"]) == at(case["last_activity_at"]) + idle_days * DAY_S
        assert at(case["last_activity_at"]) >= entered
        grade, idle = graded(case, now)
        if grade or idle:
            warned = listed.pop(case["id"])
            assert (warned["grade"], warned["idle"], warned["number"]) == (grade, idle, case["number"])
            for kind in (grade, "idle" if idle else None):
                if kind:
                    expected_courts.setdefault(case["court_id"], Counter())[kind] += 1
    assert not listed  # nothing listed that the cases do not warn of
    assert sum(c["overdue"] + c["seriously_overdue"] for c in counts["courts"]) > 0  # the rule was put to the test
    for court in counts["courts"]:
        expected = expected_courts.pop(court["court_id"])
        assert {k: court[k] for k in (*GRADES, "idle")} == {k: expected[k] for k in (*GRADES, "idle")}
    assert not expected_courts
    per_officer = Counter()
    for officer in counts["officers"]:
        per_officer[officer["court_id"]] += officer["overdue"]
    assert per_officer == Counter({c["court_id"]: c["overdue"] for c in counts["courts"] if c["overdue"]})


def test_filters_narrow_the_list_and_a_basic_court_sees_only_its_own(stepped_backend):
    overdue = every(stepped_backend, "warnings", grade="overdue")
    assert overdue and {w["grade"] for w in overdue} == {"overdue"}
    first = overdue[0]
    mine = every(stepped_backend, "warnings", court_id=first["court_id"], officer=first["officer"])
    assert first["case_id"] in {w["case_id"] for w in mine}
    assert {(w["court_id"], w["officer"]) for w in mine} == {(first["court_id"], first["officer"])}
    idle = every(stepped_backend, "warnings", grade="idle")
    assert all(w["idle"] for w in idle)

    courts = {c["id"]: c for c in stepped_backend.get("courts", page_size=1000)["items"]}
    basic = next(w["court_id"] for w in overdue if courts[w["court_id"]]["level"] == "basic")
    stepped_backend.add_user("basic_watcher", "operator", basic)
    seen = every(stepped_backend, "warnings", username="basic_watcher")
    assert seen and {w["court_id"] for w in seen} == {basic}
    counted = stepped_backend.get("warnings/counts", username="basic_watcher")
    assert [c["court_id"] for c in counted["courts"]] == [basic]


def test_a_task_dispatched_to_an_idle_case_moves_its_activity_on(stepped_backend):
    idle = every(stepped_backend, "warnings", grade="idle")
    case = stepped_backend.get(f"cases/{idle[0]['case_id']}")
    team = standby_team(stepped_backend)
    body = {"case_id": case["id"], "team_id": team["id"], "kind": "investigation", "note": "核查财产线索"}
    dispatched = stepped_backend.command("tasks", body)
    assert dispatched.status_code == 201, dispatched.text
    after = stepped_backend.get(f"cases/{case['id']}")
    assert at(after["last_activity_at"]) == at(dispatched.json()["created_at"]) > at(case["last_activity_at"])
    assert after["version"] > case["version"]
    assert case["id"] not in {w["case_id"] for w in every(stepped_backend, "warnings", grade="idle")}
