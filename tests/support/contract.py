"""What the backend tests look for on a reference backend: an open case, a team to send, an
escalation, a query answered, a hit worth more than the approval threshold, a case where assets
of some kinds were found; and the events a backend published, read back from its stream."""

from __future__ import annotations

import json
from collections.abc import Callable

from tests.support.backends import RunningBackend, open_enforcement_cases


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
    """An account found holding more than the approval threshold, from queries on the cases owing
    most that have no measure yet (so that the case's measures are the caller's alone, and the
    whole account can be frozen without going beyond what is owed)."""
    owing = sorted(
        (
            c
            for c in backend.get("cases", status="open", page_size=1000)["items"]
            if c["amount_sought"] - c["amount_realised"] > 2_000_000
            and not backend.get("measures", case_id=c["id"])["items"]
        ),
        key=lambda c: c["amount_realised"] - c["amount_sought"],
    )
    for case in owing[:12]:
        query = run_query(backend, case)
        for result in query["results"]:
            value = result["hit"] and result["finding"]["value"]
            if value and 1_000_000 < value <= case["amount_sought"] - case["amount_realised"]:
                return query, result
    raise AssertionError("no hit above the threshold in twelve queries")


def queried(backend: RunningBackend, case: dict, categories: list[str]) -> dict:
    """A national query on `case` to `categories`, once every institution has answered (stepped a
    second at a time: the fast book's hours)."""
    launched = backend.command("queries", {"case_id": case["id"], "channel": "national", "categories": categories})
    assert launched.status_code == 201, launched.text
    return backend.step_until(
        lambda: (found := backend.get(f"queries/{launched.json()['id']}"))["state"] == "completed" and found,
        every_s=1,
        at_most_s=120,
    )


def a_case_with(
    backend: RunningBackend, categories: list[str], *assets: str | tuple[str, ...], owed_held=False, where=None
):
    """(case, query, {asset: hit}): an open enforcement case that still owes, with no measure yet
    (and `where(case)`, when given), whose query to `categories` found each of `assets` (a tuple:
    one of them); with `owed_held`, an account holding all the case owes. A registry finds
    something one time in twelve, so the cases are asked again, up to three rounds, before it fails."""
    for listed in open_enforcement_cases(backend) * 3:
        case = backend.get(f"cases/{listed['id']}")  # the book moves fast: it may have closed since
        owing = case["amount_sought"] > case["amount_realised"]
        if case["status"] != "open" or not owing or backend.get("measures", case_id=case["id"])["items"]:
            continue
        if where is not None and not where(case):
            continue
        query = queried(backend, case, categories)
        found = {}
        for result in query["results"]:
            finding = result["finding"]
            if not result["hit"] or finding["asset"] in found:
                continue
            owed = case["amount_sought"] - case["amount_realised"]
            if owed_held and finding["value"] is not None and not 0 < owed < finding["value"]:
                continue
            found[finding["asset"]] = result
        if all(set(found) & ({asset} if isinstance(asset, str) else set(asset)) for asset in assets):
            after = backend.get(f"cases/{case['id']}")  # the fast book may have paid or closed it meanwhile
            if after["status"] == "open" and after["amount_sought"] > after["amount_realised"]:
                return after, query, found
    raise AssertionError(f"no open case where {', '.join(assets)} were found")


def order(backend: RunningBackend, query: dict, hit: dict, kind: str, **body):
    return backend.command(f"queries/{query['id']}/results/{hit['id']}/{kind}", body)
