"""The check-in ladder (报平安) of a team on scene: every few minutes the team says it is safe; a
check-in missed is told to the centre at once, becomes a P2 escalation two minutes after it was
due and rises to P1 at five, with the team's last position. A duress check-in (the team's silent
code: the field device shows it as any other) raises a P1 at once.

A task carries its interval (`checkin_every_min`, by its kind unless the dispatcher set one), when
the next check-in is due, since when it is missed, and the check-ins made. Durations run on the
simulation's clock, like every other (`speed`).
"""

from __future__ import annotations

import random

from court_backend.clock import utc_iso

EVERY_MIN = {"search": 10, "evict": 10}  # 搜查, 强制腾退: the most dangerous, the most often
DEFAULT_EVERY_MIN = 20
P2_AFTER_S = 120.0  # after the check-in was due
P1_AFTER_S = 300.0
MAX_CHECK_INS = 200  # kept on the task, the latest
# How late the simulated teams check in: most a little early, some late within the warning, a few
# late enough for a P2, fewer for a P1 (seconds after due, by share).
LATENESS = ((0.88, (-90.0, 0.0)), (0.09, (20.0, 110.0)), (0.02, (130.0, 290.0)), (0.01, (320.0, 900.0)))
DURESS_SHARE = 0.0005  # of the simulated check-ins, those made with the silent code


def interval_min(kind: str, asked: int | None) -> int:
    return asked if asked is not None else EVERY_MIN.get(kind, DEFAULT_EVERY_MIN)


def begin(task: dict, now: float, speed: float) -> None:
    """The task's team is on scene: the first check-in is due one interval on."""
    task["check_ins"] = task.get("check_ins", [])
    _due(task, now + task["checkin_every_min"] * 60.0 / speed)


def end(task: dict) -> None:
    """The task left the scene (done, failed, cancelled): no check-in is due any more."""
    task["checkin_due_at"] = task["checkin_missed_at"] = None
    task.pop("_checkin_due", None)
    task.pop("_ladder", None)


def record(task: dict, now: float, by: str, speed: float) -> None:
    """A check-in, on time or late: the next one is due an interval from now."""
    task["check_ins"] = [*task["check_ins"], {"at": utc_iso(now), "by": by}][-MAX_CHECK_INS:]
    task["checkin_missed_at"] = None
    _due(task, now + task["checkin_every_min"] * 60.0 / speed)


def _due(task: dict, at: float) -> None:
    task["checkin_due_at"], task["_checkin_due"], task["_ladder"] = utc_iso(at), at, 0


def rung(task: dict, now: float, speed: float) -> int:
    """How far up the ladder a task's missed check-in has come by `now`: 0 not missed, 1 missed
    (the centre warned), 2 a P2, 3 a P1."""
    due = task.get("_checkin_due")
    if due is None or now < due:
        return 0
    late = (now - due) * speed
    return 3 if late >= P1_AFTER_S else 2 if late >= P2_AFTER_S else 1


def planned_lateness(task_id: str, due: float, speed: float) -> float:
    """When after `due` a simulated team checks in (seconds; before it when negative): drawn from
    the task and the moment, so that the plan holds across ticks and restarts."""
    rng = random.Random(f"{task_id}/{due}")
    shares, spans = zip(*LATENESS, strict=True)
    low, high = rng.choices(spans, shares)[0]
    return rng.uniform(low, high) / speed


def under_duress(task_id: str, due: float) -> bool:
    """Whether a simulated team checks in with its silent code this time (rarely)."""
    return random.Random(f"{task_id}/{due}/duress").random() < DURESS_SHARE
