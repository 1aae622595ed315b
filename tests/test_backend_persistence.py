"""The backend keeps its word across restarts and when a client falls too far behind."""

from __future__ import annotations

import json
import sqlite3

import pytest
import requests

from court_backend.events import EventLog
from court_backend.storage import DATABASE_FILE, open_database
from tests.support.backends import (
    CASES,
    apply,
    at,
    every_case,
    read_events,
    snapshot,
    start_backend,
    start_stepped_backend,
)
from tests.support.contract import an_open_case, run_query


def comparable(teams: dict[str, dict]) -> dict:
    return {
        team_id: (t["status"], t["status_since"], t["version"], t["task_id"], t["position"])
        for team_id, t in teams.items()
    }


def test_a_restart_on_the_same_data_loses_nothing_and_ids_keep_rising(tmp_path):
    first = start_backend(data_dir=tmp_path)
    try:
        headers = first.auth()
        before, cursor = snapshot(first, headers)
        seen_before_restart = read_events(first, headers, 150, last_event_id=cursor)
    finally:
        first.process.close()

    second = start_backend(data_dir=tmp_path)
    try:
        headers = second.auth()
        after, after_cursor = snapshot(second, headers)
        assert after_cursor >= int(seen_before_restart[-1].id)
        replay = read_events(second, headers, after_cursor - cursor + 20, last_event_id=cursor)
        ids = [int(e.id) for e in replay]
        assert ids == list(range(cursor + 1, cursor + 1 + len(replay)))
        # The events the first process published are still there, unchanged.
        assert [(e.type, e.data) for e in replay[:150]] == [(e.type, e.data) for e in seen_before_restart]
        # And the restarted state is exactly the old snapshot with every event since applied.
        apply(before, [e for e in replay if int(e.id) <= after_cursor])
        assert comparable(before) == comparable(after)
    finally:
        second.process.close()


def test_a_client_behind_the_retention_is_told_to_take_a_snapshot(tmp_path):
    backend = start_stepped_backend("--event-retention", "100", data_dir=tmp_path)
    try:
        headers = backend.auth()
        start = backend.newest_event()
        latest = backend.step(120)  # far more than 100 events
        assert latest > start + 300
        for too_old in (start, latest - 150):
            gone = requests.get(backend.api("events"), headers={**headers, "Last-Event-ID": str(too_old)}, timeout=10)
            assert gone.status_code == 410
            problem = gone.json()
            assert problem["type"].endswith(":events-gone")
            assert problem["oldest_event_id"] > too_old + 1
        recent = read_events(backend, headers, 5, last_event_id=latest - 5)
        assert [int(e.id) for e in recent] == list(range(latest - 4, latest + 1))
    finally:
        backend.process.close()


def test_events_are_kept_for_the_hours_asked_and_the_backend_says_how_far_back(tmp_path):
    backend = start_stepped_backend("--event-keep-hours", "0.25", data_dir=tmp_path)
    try:
        first = backend.newest_event()
        for _ in range(40):  # 40 minutes of the backend's clock
            stepped = requests.post(f"{backend.url}/_test/clock", json={"seconds": 60}, timeout=60)
        now = at(stepped.json()["now"])
        health = backend.get("health")
        kept_since = at(health["events_since"])
        # A quarter of an hour kept, pruned a minute at a time: the oldest event held is of the
        # first tick (30 s at most, stepped) within it.
        assert 15 * 60 - 30 <= now - kept_since <= 17 * 60
        assert health["oldest_event_id"] > first
        gone = requests.get(
            backend.api("events"), headers={**backend.auth(), "Last-Event-ID": str(first)}, timeout=10
        ).json()
        assert gone["events_since"] == health["events_since"] and gone["oldest_event_id"] == health["oldest_event_id"]
        assert f"keeps events back to {health['events_since']}" in gone["detail"]
        kept = read_events(backend, backend.auth(), 3, last_event_id=health["oldest_event_id"] - 1)
        assert [int(e.id) for e in kept] == [health["oldest_event_id"] + i for i in range(3)]
    finally:
        backend.process.close()


def test_the_log_prunes_by_time_in_steps_and_keeps_what_is_recent(tmp_path):
    db = open_database(tmp_path)
    log = EventLog(db, retention=10_000, keep_s=100.0)
    for second in range(300):
        with db:
            log.append([("team.position", "{}", None)], float(second))
        log.published()
        if second >= 100:  # kept at least the time asked, and at most a tenth more (for so short a time)
            assert 100 <= second - log.oldest_at <= 110, (second, log.oldest_at)
            assert log.oldest_id == db.execute("select min(id) from events").fetchone()[0]
    assert [e.id for e in log.after(log.oldest_id - 1)] == list(range(log.oldest_id, 301))


def test_commands_their_answers_and_the_audit_survive_a_restart(tmp_path):
    first = start_backend(data_dir=tmp_path)
    try:
        team = next(t for t in first.get("teams", status="standby", page_size=1000)["items"] if t["task_id"] is None)
        case = first.get("cases", status="open", page_size=1)["items"][0]
        body = {"case_id": case["id"], "team_id": team["id"], "kind": "seal"}
        answer = first.command("tasks", body, key="restart-dispatch")
        assert answer.status_code == 201
    finally:
        first.process.close()

    second = start_backend(data_dir=tmp_path)
    try:
        replay = second.command("tasks", body, key="restart-dispatch")
        assert replay.status_code == 201 and replay.json() == answer.json()
        assert replay.headers["idempotent-replayed"] == "true"
        task = second.get("tasks/" + answer.json()["id"])
        assert task["case_id"] == case["id"] and task["kind"] == "seal"
        audit = second.get("audit", object_id=task["id"])["items"]
        assert [(a["actor"], a["action"]) for a in audit] == [("operator", "dispatch")]
        assert (
            len(
                [
                    t
                    for t in second.get("tasks", case_id=case["id"], page_size=1000)["items"]
                    if t["created_by"] == "operator"
                ]
            )
            == 1
        )
    finally:
        second.process.close()


def test_a_new_book_is_filed_after_the_backend_listens_and_a_restart_finishes_it(tmp_path):
    first = start_backend(data_dir=tmp_path)
    try:
        since = first.newest_event()
        early = len(every_case(first))
        assert 0 < early < CASES  # a first slice before it listens, the rest on after
        filed = [e for e in read_events(first, first.auth(), 150, last_event_id=since) if e.type == "case.updated"]
        assert filed, "cases filed after the backend listens are published"
    finally:
        first.process.close()  # cut short while filing

    second = start_stepped_backend(data_dir=tmp_path)  # files all that is left before it listens
    try:
        cases = every_case(second)
        assert len(cases) == CASES
        assert len({c["id"] for c in cases}) == CASES
    finally:
        second.process.close()


def test_cases_kept_by_an_earlier_version_have_their_parties_masked_at_the_next_start(tmp_path):
    first = start_stepped_backend(data_dir=tmp_path)
    first.process.close()
    with sqlite3.connect(tmp_path / DATABASE_FILE) as db:  # as a version before masking kept them
        for case_id, text in db.execute("select id, doc from cases").fetchall():
            doc = json.loads(text)
            for role in ("applicant", "respondent"):
                doc[role] = {"type": doc[role]["type"], "name": doc[role]["name"]}
            db.execute("update cases set doc = ? where id = ?", (json.dumps(doc, ensure_ascii=False), case_id))
    second = start_stepped_backend(data_dir=tmp_path)
    try:
        cases = second.get("cases", page_size=1000)["items"]
        assert len(cases) == 1000 and all("*" in case["respondent"]["id_number"] for case in cases)
    finally:
        second.process.close()


def test_queries_and_measures_kept_by_1_1_read_as_1_2_at_the_next_start(tmp_path):
    first = start_stepped_backend(data_dir=tmp_path)
    query = run_query(first, an_open_case(first))
    hit = next(r for r in query["results"] if r["hit"])
    measure = first.command(f"queries/{query['id']}/results/{hit['id']}/freeze", {"amount": 1}).json()
    first.process.close()
    with sqlite3.connect(tmp_path / DATABASE_FILE) as db:  # as 1.1 kept them
        for kind, record_id, text in db.execute("select kind, id, doc from records").fetchall():
            doc = json.loads(text)
            if kind == "query":
                for result in doc["results"]:
                    if result["finding"]:
                        result["finding"] = {k: result["finding"][k] for k in ("kind", "description", "value")}
            elif kind == "measure":
                doc = {k: v for k, v in doc.items() if k not in ("asset", "reason", "expires_at", "renewable_from")}
            db.execute("update records set doc = ? where kind = ? and id = ?", (json.dumps(doc), kind, record_id))
    second = start_stepped_backend(data_dir=tmp_path)
    try:
        upgraded = second.get(f"queries/{query['id']}")["results"][int(hit["id"][1:]) - 1]["finding"]
        assert (upgraded["asset"], upgraded["measures"]) == (hit["finding"]["asset"], hit["finding"]["measures"])
        kept = second.get(f"measures/{measure['id']}")
        assert (kept["asset"], kept["reason"], kept["id"]) == (hit["finding"]["asset"], "", measure["id"])
    finally:
        second.process.close()


def test_events_of_a_transaction_that_failed_are_neither_published_nor_numbered(tmp_path):
    db = open_database(tmp_path)
    log = EventLog(db)

    def failing_commit(items) -> None:
        with pytest.raises(sqlite3.OperationalError), db:
            log.append(items, 0.0)
            raise sqlite3.OperationalError("database or disk is full")

    failing_commit([("team.position", "{}", None)])
    with db:
        log.append([], 0.0)  # a commit with no events of its own
    log.published()
    assert log.last_id == 0 and log.after(0) == []
    failing_commit([("team.position", "{}", None)])
    with db:
        log.append([("case.node", "{}", "C510104")], 0.0)
    log.published()
    assert [(e.id, e.type, e.court_id) for e in log.after(0)] == [(1, "case.node", "C510104")]
    assert db.execute("select count(*) from events").fetchone() == (1,)


def test_a_book_of_1_5_gets_the_column_of_money_due_at_the_next_start(tmp_path):
    first = start_stepped_backend(data_dir=tmp_path)
    late = first.get("kpis")["funds_overdue_cases"]
    first.process.close()
    assert late > 0
    with sqlite3.connect(tmp_path / DATABASE_FILE) as db:  # as 1.5 kept its cases
        db.execute("drop index cases_funds_due")
        db.execute("alter table cases drop column funds_due_at")
    second = start_stepped_backend(data_dir=tmp_path)
    try:
        assert second.get("kpis")["funds_overdue_cases"] == late
    finally:
        second.process.close()


def test_credit_flags_kept_by_1_2_become_orders_at_the_next_start(tmp_path):
    first = start_stepped_backend(data_dir=tmp_path)
    first.process.close()
    with sqlite3.connect(tmp_path / DATABASE_FILE) as db:  # as 1.2 kept them: flags alone
        db.execute("delete from meta where key = 'credit_orders'")  # 1.2 knew of no credit orders
        for case_id, text in db.execute("select id, doc from cases").fetchall():
            doc = json.loads(text)
            if doc.pop("credit", None) is not None:
                db.execute("update cases set doc = ? where id = ?", (json.dumps(doc, ensure_ascii=False), case_id))
    second = start_stepped_backend(data_dir=tmp_path)
    try:
        flagged = [c for c in second.get("cases", page_size=1000)["items"] if "dishonest" in c["flags"]]
        assert flagged
        for case in flagged[:20]:
            detail = second.get(f"cases/{case['id']}")
            listed = [c for c in detail["credit"] if c["kind"] == "dishonest" and c["state"] == "in_force"]
            passed = next(v for v in detail["history"] if v["node"] == "dishonest_listing")
            assert len(listed) == 1 and listed[0]["ordered_at"] == passed["entered_at"], detail["number"]
    finally:
        second.process.close()
