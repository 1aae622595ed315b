"""流程预警: the graded warnings on an open case's node, and idle cases (DOMAIN.md, process nodes).

From the node's time limit (its deadline less when the case entered it):

- **due soon** (临期) from the last 20% of the limit or the last day, whichever is longer;
- **overdue** (超期) once past the deadline;
- **seriously overdue** (严重超期) once past twice the limit;
- **idle** (长期未结/无进展), besides its grade: no node change, task or measure for 30 days, 15 for
  a case on the simple track (繁简分流).

A case carries the moments each begins (`thresholds`), so that any client grades it at any time
without asking again; `grade` says which holds at a moment. A node without a limit, and a closed
case, have none.
"""

from __future__ import annotations

from collections import Counter

from court_backend.catalogue import DAY_S
from court_backend.clock import utc_iso

GRADES = ("due_soon", "overdue", "seriously_overdue")  # in rising order
DUE_SOON_SHARE = 0.2
IDLE_DAYS = {"simple": 15, "complex": 30}


def thresholds(status: str, entered_at: float, deadline: float | None, activity_at: float, track: str) -> dict:
    """When each warning begins for a case: epoch seconds, or None when it cannot."""
    if status != "open":
        return {"due_soon_at": None, "overdue_at": None, "seriously_overdue_at": None, "idle_at": None}
    idle_at = activity_at + IDLE_DAYS[track] * DAY_S
    if deadline is None:
        return {"due_soon_at": None, "overdue_at": None, "seriously_overdue_at": None, "idle_at": idle_at}
    limit = deadline - entered_at
    return {
        "due_soon_at": deadline - max(DUE_SOON_SHARE * limit, DAY_S),
        "overdue_at": deadline,
        "seriously_overdue_at": entered_at + 2 * limit,
        "idle_at": idle_at,
    }


def grade(moments: dict, now: float) -> str | None:
    """The graded warning that holds at `now`, the most serious first; None for none."""
    for name in reversed(GRADES):
        at = moments[f"{name}_at"]
        if at is not None and now >= at:
            return name
    return None


def idle(moments: dict, now: float) -> bool:
    return moments["idle_at"] is not None and now >= moments["idle_at"]


def find(open_cases: list[tuple], filters: dict, now: float) -> list[dict]:
    """The open cases (court, case id, `cases.OpenCase`) with a warning at `now`, in case id order,
    narrowed by `filters` (court_id, officer, node, grade: a grade or "idle")."""
    wanted = filters.get("grade")
    found = []
    for court_id, case_id, case in open_cases:
        if (
            (filters.get("court_id") and court_id != filters["court_id"])
            or (filters.get("officer") and case.officer != filters["officer"])
            or (filters.get("node") and case.node != filters["node"])
        ):
            continue
        moments = thresholds("open", case.entered_at, case.deadline, case.activity_at, case.track)
        graded, idled = grade(moments, now), idle(moments, now)
        if (
            not (graded or idled)
            or (wanted == "idle" and not idled)
            or (wanted not in (None, "idle") and graded != wanted)
        ):
            continue
        found.append(
            {
                "case_id": case_id,
                "number": case.number,
                "court_id": court_id,
                "officer": case.officer,
                "node": case.node,
                "grade": graded,
                "idle": idled,
                "node_entered_at": utc_iso(case.entered_at),
                "node_deadline": None if case.deadline is None else utc_iso(case.deadline),
                "last_activity_at": utc_iso(case.activity_at),
                "warnings": {name: None if at is None else utc_iso(at) for name, at in moments.items()},
            }
        )
    found.sort(key=lambda item: item["case_id"])
    return found


def count(open_cases: list[tuple], now: float) -> dict:
    """The warnings of the open cases counted per court and per officer, at `now`."""
    by_court: dict[str, Counter] = {}
    by_officer: dict[tuple[str, str], Counter] = {}
    for court_id, _, case in open_cases:
        moments = thresholds("open", case.entered_at, case.deadline, case.activity_at, case.track)
        for kind in (grade(moments, now), "idle" if idle(moments, now) else None):
            if kind is not None:
                by_court.setdefault(court_id, Counter())[kind] += 1
                by_officer.setdefault((court_id, case.officer), Counter())[kind] += 1
    return {
        "at": utc_iso(now),
        "courts": [{"court_id": court, **_kinds(c)} for court, c in sorted(by_court.items())],
        "officers": [
            {"court_id": court, "officer": officer, **_kinds(c)} for (court, officer), c in sorted(by_officer.items())
        ],
    }


def _kinds(counted: Counter) -> dict[str, int]:
    return {kind: counted[kind] for kind in (*GRADES, "idle")}
