"""Coercion in law, as any client sees it: a detention asked for by an operator and decided by a
president gets its 决定书 (a 司惩 number), a team with judicial police to carry it out (送拘) and a
family notice due within 24 hours, warned when late; an emergency detention is in force at once and
approved after, or the person released; one act is punished once; review is for the court above,
within 3 days; and teams carry police plates and members with their roles."""

from __future__ import annotations

import json
import re

import pytest

from tests.support.backends import at, every_case, start_stepped_backend
from tests.support.contract import when

SPEED = 100_000  # the fast book's
HOUR_S = 3600 / SPEED
DECISION = re.compile(r"^（\d{4}）川\d+司惩\d+号$")


@pytest.fixture(scope="module")
def stepped_backend(fast_book):
    return fast_book


def a_case_near_police(backend) -> dict:
    """An open enforcement case against a person, at a court with a team with judicial police."""
    policed = {t["court_id"] for t in backend.get("teams", page_size=1000)["items"] if has_bailiff(t)}
    return next(
        c
        for c in every_case(backend)
        if c["status"] == "open"
        and c["kind"] != "preservation"
        and c["respondent"]["type"] == "person"
        and c["court_id"] in policed
    )


def has_bailiff(team: dict) -> bool:
    return any(member["role"] == "bailiff" for member in team["crew"])


def coercion_of(backend, case_id: str, coercion_id: str) -> dict:
    return next(c for c in backend.get(f"cases/{case_id}")["coercions"] if c["id"] == coercion_id)


def ask(backend, case: dict, **body) -> dict:
    asked = backend.command(f"cases/{case['id']}/coercions", {"person": case["respondent"]["name"], **body})
    assert asked.status_code == 201, asked.text
    return asked.json()


def decide(backend, approval: dict, approve: bool = True) -> None:
    verb = "approve" if approve else "reject"
    decided = backend.command(
        f"approvals/{approval['id']}/{verb}", {"note": "经审查"}, username="president", version=approval["version"]
    )
    assert decided.status_code == 200, decided.text


def test_a_detention_decided_by_a_president_is_numbered_carried_out_by_police_and_the_family_told(stepped_backend):
    case = a_case_near_police(stepped_backend)
    approval = ask(
        stepped_backend, case, kind="detention", days=15, reason="拒不申报财产", act="2026年11月拒不申报财产"
    )
    coercion_id = approval["details"]["coercion_id"]
    asked = coercion_of(stepped_backend, case["id"], coercion_id)
    assert (asked["state"], asked["approval_id"], asked["decision_number"]) == ("requested", approval["id"], None)
    assert asked["act"] == "2026年11月拒不申报财产" and asked["family_notice_due"] is None

    decide(stepped_backend, approval)
    decided = coercion_of(stepped_backend, case["id"], coercion_id)
    assert decided["state"] == "decided" and decided["decided_by"] == "president"
    assert DECISION.match(decided["decision_number"]), decided["decision_number"]
    assert decided["detained_at"] is None and decided["family_notice_due"] is None  # not taken yet

    def sent() -> dict | None:
        return coercion_of(stepped_backend, case["id"], coercion_id)["task_id"]

    first = stepped_backend.get(f"tasks/{stepped_backend.step_until(sent, every_s=0.05, at_most_s=5)}")
    assert (first["kind"], first["case_id"]) == ("detain", case["id"])
    assert decided["decision_number"] in first["note"]
    assert has_bailiff(stepped_backend.get(f"teams/{first['team_id']}"))
    called_off = stepped_backend.command(f"tasks/{first['id']}/cancel", {"note": "车辆故障"}, version=first["version"])
    assert called_off.status_code == 200, called_off.text

    def another() -> dict | None:
        now = coercion_of(stepped_backend, case["id"], coercion_id)
        return now if now["task_id"] not in (None, first["id"]) else None

    resent = stepped_backend.step_until(another, every_s=0.05, at_most_s=5)
    assert "escort_cancelled" in [step["state"] for step in resent["history"]]

    def in_custody() -> dict | None:
        now = coercion_of(stepped_backend, case["id"], coercion_id)
        return now if now["carried_out"] else None

    held = stepped_backend.step_until(in_custody, every_s=0.01, at_most_s=10)
    assert stepped_backend.get(f"tasks/{held['task_id']}")["state"] == "done"
    assert at(held["family_notice_due"]) - at(held["detained_at"]) == pytest.approx(24 * HOUR_S, abs=0.002)

    path = f"cases/{case['id']}/coercions/{coercion_id}/family-notice"
    told = stepped_backend.command(path, {"note": "电话通知其妻"})
    assert told.status_code == 201, told.text
    shown = next(c for c in told.json()["coercions"] if c["id"] == coercion_id)
    assert shown["family_notified_at"] is not None and not shown["family_notice_overdue"]
    again = stepped_backend.command(path, {"note": "再次通知"})
    assert again.status_code == 409 and again.json()["notified_at"] == shown["family_notified_at"]


def test_a_family_not_told_is_warned_before_the_24_hours_are_out_and_again_after(stepped_backend):
    case = a_case_near_police(stepped_backend)
    approval = ask(stepped_backend, case, kind="detention", days=5, reason="暴力抗拒执行")
    decide(stepped_backend, approval)
    stepped_backend.step_until(
        lambda: coercion_of(stepped_backend, case["id"], approval["details"]["coercion_id"])["carried_out"],
        every_s=0.01,
        at_most_s=10,
    )
    warned = stepped_backend.step_until_event(
        when(
            lambda kind, data: (
                kind == "escalation.raised" and data["kind"] == "family_notice_due" and data["case_id"] == case["id"]
            )
        ),
        every_s=HOUR_S,
        at_most_s=24 * HOUR_S,
    )
    assert warned["severity"] == "P2"
    late = coercion_of(stepped_backend, case["id"], approval["details"]["coercion_id"])
    assert at(warned["raised_at"]) >= at(late["family_notice_due"]) - 6 * HOUR_S - 0.001
    since = stepped_backend.newest_event()
    until = stepped_backend.step(7 * HOUR_S)
    assert coercion_of(stepped_backend, case["id"], late["id"])["family_notice_overdue"]
    raised = [json.loads(e.data) for e in stepped_backend.events(since, until) if e.type == "escalation.raised"]
    overdue = [e for e in raised if e["kind"] == "family_notice_overdue" and e["case_id"] == case["id"]]
    assert [e["severity"] for e in overdue] == ["P1"]  # raised again once the 24 hours are out, louder


def test_one_act_is_punished_once(stepped_backend):
    case = a_case_near_police(stepped_backend)
    first = ask(stepped_backend, case, kind="detention", days=10, reason="转移财产", act="转移车辆")
    path = f"cases/{case['id']}/coercions"
    person = case["respondent"]["name"]
    twice = stepped_backend.command(
        path, {"kind": "detention", "person": person, "days": 5, "reason": "再拘", "act": " 转移车辆 "}
    )
    assert twice.status_code == 409 and twice.json()["coercion_id"] == first["details"]["coercion_id"], twice.text
    with_a_fine = stepped_backend.command(
        path, {"kind": "fine", "person": person, "amount": 10_000, "reason": "转移财产", "act": "转移车辆"}
    )
    assert with_a_fine.status_code == 201, with_a_fine.text  # a fine and a detention may go together
    another_act = stepped_backend.command(
        path, {"kind": "detention", "person": person, "days": 5, "reason": "冲击执行现场", "act": "冲击执行现场"}
    )
    assert another_act.status_code == 201, another_act.text
    decide(stepped_backend, first, approve=False)
    after_refusal = stepped_backend.command(
        path, {"kind": "detention", "person": person, "days": 5, "reason": "转移财产", "act": "转移车辆"}
    )
    assert after_refusal.status_code == 201, after_refusal.text


def test_an_emergency_detention_is_in_force_at_once_and_approved_after_or_released(stepped_backend):
    case = a_case_near_police(stepped_backend)
    approval = ask(stepped_backend, case, kind="detention", days=3, reason="以暴力抗拒执行", emergency=True)
    assert approval["details"]["emergency"] and approval["state"] == "pending"
    held = coercion_of(stepped_backend, case["id"], approval["details"]["coercion_id"])
    assert held["state"] == "emergency" and held["detained_at"] and held["family_notice_due"]
    escort = stepped_backend.step_until(
        lambda: coercion_of(stepped_backend, case["id"], held["id"])["task_id"], every_s=0.05, at_most_s=5
    )
    decide(stepped_backend, approval, approve=False)
    released = coercion_of(stepped_backend, case["id"], held["id"])
    assert released["state"] == "released" and released["family_notice_due"] is None
    assert stepped_backend.get(f"tasks/{escort}")["state"] == "cancelled"  # the escort called off

    confirmed = ask(stepped_backend, case, kind="detention", days=3, reason="哄闹冲击执行现场", emergency=True)
    decide(stepped_backend, confirmed)
    done = coercion_of(stepped_backend, case["id"], confirmed["details"]["coercion_id"])
    assert done["state"] == "decided" and DECISION.match(done["decision_number"])
    assert [step["state"] for step in done["history"]] == ["emergency", "decided"]
    emergency_fine = stepped_backend.command(
        f"cases/{case['id']}/coercions",
        {"kind": "fine", "person": "x", "amount": 100, "reason": "x", "emergency": True},
    )
    assert emergency_fine.status_code == 422  # only a detention is made on the spot


def test_a_review_is_decided_by_the_court_above_within_its_days(stepped_backend):
    case = a_case_near_police(stepped_backend)
    court = next(c for c in stepped_backend.get("courts", page_size=1000)["items"] if c["id"] == case["court_id"])
    stepped_backend.add_user("above.president", "president", court["parent_id"])
    approval = ask(stepped_backend, case, kind="fine", amount=20_000, reason="拒不协助调查")
    decide(stepped_backend, approval)
    coercion_id = approval["details"]["coercion_id"]
    path = f"cases/{case['id']}/coercions/{coercion_id}/review"
    applied = stepped_backend.command(path, {"note": "被罚款人不服，申请复议"})
    assert applied.status_code == 201, applied.text
    assert stepped_backend.command(path, {"note": "again"}).status_code == 409

    decision = {"outcome": "revoked", "note": "罚款不当"}
    by_own = stepped_backend.command(f"{path}/decision", decision, username="president")
    assert by_own.status_code == 403 and by_own.json()["court_id"] == court["parent_id"], by_own.text
    revoked = stepped_backend.command(f"{path}/decision", decision, username="above.president")
    assert revoked.status_code == 201, revoked.text
    shown = next(c for c in revoked.json()["coercions"] if c["id"] == coercion_id)
    assert shown["state"] == "revoked" and shown["review"]["state"] == "revoked"
    assert re.match(r"^（\d{4}）川\d+司惩复\d+号$", shown["review"]["number"]), shown["review"]["number"]
    audited = stepped_backend.get("audit", "supervisor", object_id=f"{case['id']}/{coercion_id}")["items"]
    assert [(e["action"], e["actor"]) for e in audited] == [
        ("decide", "president"),
        ("apply_for_review", "operator"),
        ("decide_review", "above.president"),
    ]

    late = ask(stepped_backend, case, kind="fine", amount=5_000, reason="妨害执行", act="伪造证据")
    decide(stepped_backend, late)
    stepped_backend.step(3 * 24 * HOUR_S + 0.01)
    too_late = stepped_backend.command(
        f"cases/{case['id']}/coercions/{late['details']['coercion_id']}/review", {"note": "申请复议"}
    )
    assert too_late.status_code == 409 and too_late.json()["type"].endswith(":review-too-late"), too_late.text


def test_only_a_team_with_judicial_police_takes_a_person(stepped_backend):
    teams = stepped_backend.get("teams", page_size=1000)["items"]
    for team in teams:
        assert re.match(r"^川[A-HJ-NP-Z]·[0-9A-HJ-NP-Z]{4}警$", team["vehicle"]), team["vehicle"]
        roles = [member["role"] for member in team["crew"]]
        assert roles[:2] == ["judge", "clerk"] and [m["name"] for m in team["crew"]] == team["members"]
    without = next(
        t
        for t in stepped_backend.get("teams", status="standby", page_size=1000)["items"]
        if t["task_id"] is None and not has_bailiff(t)
    )
    case = next(c for c in every_case(stepped_backend) if c["status"] == "open")
    refused = stepped_backend.command("tasks", {"case_id": case["id"], "team_id": without["id"], "kind": "detain"})
    assert refused.status_code == 409 and refused.json()["type"].endswith(":no-judicial-police"), refused.text


@pytest.fixture
def fast_province():
    """A book of the tests' usual size whose months pass in minutes: enough cases on their way to a
    detention for one to get there."""
    running = start_stepped_backend(speed=100_000)
    yield running
    running.process.close()


def test_a_courts_own_detention_on_a_cases_path_is_decided_numbered_carried_out_and_its_family_told(fast_province):
    fast_book = fast_province
    seen: dict[str, str] = {}  # case → its detention, of every case found at the node

    def detained() -> dict | None:
        for listed in fast_book.get("cases", node="detention", page_size=100)["items"]:
            for c in fast_book.get(f"cases/{listed['id']}")["coercions"]:
                if c["kind"] == "detention":
                    seen.setdefault(listed["id"], c["id"])
        return coercion_of(fast_book, *next(iter(seen.items()))) if seen else None

    c = fast_book.step_until(detained, every_s=0.1, at_most_s=60)
    assert c["kind"] == "detention" and c["state"] == "decided" and c["decided_by"].startswith("court:")
    assert DECISION.match(c["decision_number"]) and 5 <= c["days"] <= 15

    def told() -> dict | None:
        """One carried out (a court without a team of judicial police free waits for one)."""
        detained()
        carried = (coercion_of(fast_book, case_id, c_id) for case_id, c_id in seen.items())
        return next((now for now in carried if now["family_notified_at"] and now["task_id"]), None)

    done = fast_book.step_until(told, every_s=HOUR_S, at_most_s=240 * HOUR_S)
    assert 0 < at(done["family_notified_at"]) - at(done["detained_at"]) <= 31 * HOUR_S  # late now and then
    assert fast_book.get(f"tasks/{done['task_id']}")["kind"] == "detain"
