"""The check-in ladder of a team on scene (报平安), as any client sees it: a check-in missed is told at
once on the task, becomes a P2 escalation two minutes after it was due and the same escalation a
P1 at five, where the team last was; a duress check-in is answered like any other and raises a P1
at once; a check-in off scene is refused and changes nothing."""

from __future__ import annotations

import json

from tests.support.backends import RunningBackend, at
from tests.support.contract import an_open_case, standby_team, told

STEP_S = 30  # the stepped clock's tick: the ladder's times are this exact


def on_scene_task(backend: RunningBackend) -> dict:
    return backend.step_until(
        lambda: next((t for t in backend.get("tasks", page_size=1000)["items"] if t["state"] == "on_scene"), None),
        every_s=STEP_S,
    )


def test_a_missed_check_in_climbs_from_a_warning_to_a_p2_to_a_p1_with_the_times_right(stepped_backend):
    warned: dict[tuple[str, float], float] = {}  # (team, when its check-in was due) → when its task said it missed
    raised: dict[str, dict] = {}  # escalation id → as raised
    since, stepped = stepped_backend.newest_event(), 0
    while stepped < 4 * 3600:
        until = stepped_backend.step(STEP_S)
        stepped += STEP_S
        for event in stepped_backend.events(since, until):
            data = json.loads(event.data)
            if event.type == "task.updated" and data["checkin_missed_at"]:
                warned.setdefault((data["team_id"], at(data["checkin_missed_at"])), at(data["updated_at"]))
            elif event.type == "escalation.raised" and data["kind"] == "checkin_missed":
                raised[data["id"]] = data
            elif event.type == "escalation.updated" and data["kind"] == "checkin_missed" and data["severity"] == "P1":
                first = raised[data["id"]]
                break
        else:
            since = until
            continue
        break
    else:
        raise AssertionError("no check-in was missed for five minutes in four hours")
    assert first["severity"] == "P2" and first["source"] == "system" and first["team_id"] == data["team_id"]
    due = max(due for team, due in warned if team == data["team_id"] and due <= at(first["raised_at"]))
    assert 0 <= warned[data["team_id"], due] - due < STEP_S  # told at once, on the task
    assert 120 <= at(first["raised_at"]) - due < 120 + STEP_S
    rose = next(step for step in data["timeline"] if step["action"] == "severity_raised")
    assert 300 <= at(rose["at"]) - due < 300 + STEP_S
    assert at(data["ack_deadline"]) - at(rose["at"]) == 60  # a P1's minute, from when it rose
    team = stepped_backend.get(f"teams/{data['team_id']}")
    assert data["location"] == {"lon": team["position"]["lon"], "lat": team["position"]["lat"]}  # where it last was


def test_a_duress_check_in_is_answered_like_any_other_and_raises_a_p1_at_once(stepped_backend):
    task = on_scene_task(stepped_backend)
    path = f"tasks/{task['id']}/check-ins"
    normal = stepped_backend.command(path, {})
    assert normal.status_code == 201, normal.text
    before = stepped_backend.newest_event()
    duress = stepped_backend.command(path, {"duress": True})
    assert duress.status_code == 201, duress.text
    shown, usual = duress.json(), normal.json()
    assert set(shown) == set(usual) and set(shown["check_ins"][-1]) == set(usual["check_ins"][-1])
    assert "duress" not in duress.text and shown["checkin_missed_at"] is None
    assert at(shown["checkin_due_at"]) - at(shown["check_ins"][-1]["at"]) == task["checkin_every_min"] * 60
    # Raised in the same step as the answer: on the stream before anything else happens.
    alarm = told(stepped_backend, before, lambda kind, data: kind == "escalation.raised" and data["kind"] == "duress")
    assert alarm["severity"] == "P1" and alarm["team_id"] == task["team_id"] and alarm["source"] == "team"
    assert alarm["case_id"] == task["case_id"] and alarm["location"] is not None


def test_a_check_in_off_scene_or_out_of_range_is_refused_and_changes_nothing(stepped_backend):
    case, team = an_open_case(stepped_backend), standby_team(stepped_backend)
    for minutes in (0, 121):
        body = {"case_id": case["id"], "team_id": team["id"], "kind": "search", "checkin_every_min": minutes}
        assert stepped_backend.command("tasks", body).status_code == 422
    task = stepped_backend.command("tasks", {"case_id": case["id"], "team_id": team["id"], "kind": "search"}).json()
    assert task["checkin_every_min"] == 10 and task["checkin_due_at"] is None  # 搜查: every ten minutes
    refused = stepped_backend.command(f"tasks/{task['id']}/check-ins", {})
    assert refused.status_code == 409 and refused.json()["type"].endswith(":task-not-on-scene")
    assert stepped_backend.get(f"tasks/{task['id']}")["version"] == task["version"]
    assert stepped_backend.command(f"tasks/{task['id']}/check-ins", {}, username="observer").status_code == 403
    other = standby_team(stepped_backend)
    body = {"case_id": case["id"], "team_id": other["id"], "kind": "service", "checkin_every_min": 5}
    assert stepped_backend.command("tasks", body).json()["checkin_every_min"] == 5
