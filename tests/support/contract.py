"""What the backend tests look for on a reference backend: an open case, a team to send, an
escalation, a query answered, a hit worth more than the approval threshold; and the events a
backend published, read back from its stream."""

from __future__ import annotations

import json
from collections.abc import Callable

from tests.support.backends import RunningBackend


def standby_team(backend: RunningBackend) -> dict:
    return next(t for t in backend.get("teams", status="standby", page_size=1000)["items"] if t["task_id"] is None)


def an_open_case(backend: RunningBackend) -> dict:
    return backend.get("cases", status="open", page_size=1)["items"][0]


def told(backend: RunningBackend, since: int, matches: Callable[[str, dict], bool]) -> dict:
    """The first event published after `since`, up to now, whose data satisfies `matches(type, data)`."""
    for event in backend.events(since, backend.newest_event()):
        data = json.loads(event.data)
        if matches(event.type, data):
            return data
    raise AssertionError("no such event was published")


def when(matches: Callable[[str, dict], bool]) -> Callable[[str, dict], dict | None]:
    """For `RunningBackend.step_until`: the data of the first event that `matches`."""
    return lambda kind, data: data if matches(kind, data) else None


def open_escalation(backend: RunningBackend, severities=("P3", "P4")) -> dict:
    """An open escalation of one of `severities`: one already open, or the next one raised (the
    stepped backend is stepped on until one is: a P1 comes about every 20 minutes of its time, at
    random, and is still open when found, its minute to acknowledge outlasting a step)."""
    for escalation in backend.get("escalations", state="open", page_size=1000)["items"]:
        if escalation["severity"] in severities:
            return escalation
    return backend.step_until_event(
        when(lambda kind, data: kind == "escalation.raised" and data["severity"] in severities),
        every_s=30,
        at_most_s=6 * 3600,
    )


def run_query(backend: RunningBackend, case: dict) -> dict:
    """A query on `case` to banks and payment platforms, stepped on until every institution has answered."""
    launched = backend.command(
        "queries", {"case_id": case["id"], "channel": "national", "categories": ["bank", "payment"]}
    )
    assert launched.status_code == 201, launched.text
    query = launched.json()
    assert query["state"] == "running" and query["counts"]["total"] == len(query["results"]) > 20

    def answered() -> dict | None:
        found = backend.get("queries/" + query["id"])
        return found if found["state"] == "completed" else None

    # Banks answer in minutes, the slowest in hours (or time out after four).
    return backend.step_until(answered, every_s=600, at_most_s=6 * 3600)


def a_large_hit(backend: RunningBackend) -> tuple[dict, dict]:
    """A hit worth more than the approval threshold, from queries on companies' cases that have no
    measure yet (so that the case's measures are the caller's alone)."""
    companies = [
        c
        for c in backend.get("cases", status="open", page_size=1000)["items"]
        if c["respondent"]["type"] == "company" and not backend.get("measures", case_id=c["id"])["items"]
    ]
    for case in companies[:12]:
        query = run_query(backend, case)
        for result in query["results"]:
            if result["hit"] and result["finding"]["value"] > 1_000_000:
                return query, result
    raise AssertionError("no hit above the threshold in twelve queries")
