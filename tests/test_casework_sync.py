"""The case work that a backend publishes (cases, tasks, queries, measures, approvals, KPIs) reaches
the console's store and stays equal to the backend's own view of it as events flow."""

from __future__ import annotations

import queue
from dataclasses import replace

import pytest

from console.casework import decode_case, decode_case_history, decode_kpis, decode_query, decode_task
from console.records import Collection
from console.store import Store
from tests.support.links import new_link, pump


@pytest.fixture
def followed(stepped_backend):
    """A link to the module's stepped backend, its store, and a way to step both on together."""
    sink: queue.SimpleQueue = queue.SimpleQueue()
    link = new_link("b1", stepped_backend.url, "operator", stepped_backend.password_of("operator"), sink, seed=5)
    store = Store()
    link.start()

    def step(seconds: float) -> None:
        newest = stepped_backend.step(seconds)
        pump(sink, store, lambda _: (link.last_event_id or 0) >= newest and sink.empty(), timeout=60)

    pump(sink, store, lambda s: len(s.teams) and not s.health["b1"].loading, timeout=60)
    yield store, step
    link.stop()


def snapshot(backend, collection: str) -> tuple[list, int]:
    items, token, cursor = [], None, None
    while True:
        page = backend.get(collection, page_size=1000, **({"page_token": token} if token else {}))
        items += page["items"]
        cursor = page["cursor"] if cursor is None else cursor
        token = page["next_page_token"]
        if not token:
            return items, cursor


def test_the_store_holds_what_the_backend_holds_once_it_has_caught_up(stepped_backend, followed):
    store, step = followed
    while not store.queries:
        step(300)
    fresh = {}
    for collection, decode in (
        (Collection.CASES, decode_case),
        (Collection.TASKS, decode_task),
        (Collection.QUERIES, decode_query),
    ):
        items, _ = snapshot(stepped_backend, collection)
        fresh[collection] = [decode(item) for item in items]
    for collection, objects in fresh.items():
        rows = store.rows(collection)
        assert len(rows) >= len(objects) > 0, collection
        for obj in objects:
            held = rows.get("b1", obj.id)
            assert held is not None and held.version >= obj.version, (collection, obj.id)
            if held.version == obj.version:
                if collection is Collection.CASES:  # a case's `overdue` turns with time alone: no event says so
                    held = replace(held, overdue=obj.overdue)
                assert held == obj, (collection, obj.id)


def test_query_progress_events_fill_in_the_batch_result_by_result(stepped_backend, followed):
    store, step = followed

    def partly_answered():
        return next((q for _, q in store.queries if 0 < q.answered < len(q.results)), None)

    while partly_answered() is None:
        step(30)
    query = partly_answered()
    while store.queries.get("b1", query.id).state != "completed":
        step(600)
    completed = store.queries.get("b1", query.id)
    # Several institutions often answer in one tick of the backend: not one answer may be lost.
    assert completed.answered == len(completed.results)
    served = next(
        item for item in stepped_backend.get("queries", case_id=query.case_id)["items"] if item["id"] == query.id
    )

    def answers(q):  # measures ordered on a hit since are not what this test is about
        return [(r.id, r.state, r.hit, r.value) for r in q.results]

    assert answers(completed) == answers(decode_query(served))


def test_a_case_detail_and_the_kpis_decode(stepped_backend):
    case_id = stepped_backend.get("cases", page_size=1)["items"][0]["id"]
    detail = stepped_backend.get(f"cases/{case_id}")
    history = decode_case_history(detail)
    assert history and history[-1].node == decode_case(detail).node
    kpis = decode_kpis(stepped_backend.get("kpis"))
    assert len(kpis.received_per_day) == 30 and kpis.open_cases > 0


def test_an_entry_of_the_kpis_that_the_console_cannot_read_is_skipped_alone(stepped_backend):
    record = stepped_backend.get("kpis")
    whole = decode_kpis(record)
    record["teams_by_status"] = {**record["teams_by_status"], "grounded": "many"}  # a newer backend's entry
    record["cases_received_per_day"] = [*record["cases_received_per_day"], {"date": "2026-12-02", "count": -1}]
    kpis = decode_kpis(record)
    assert kpis.teams_by_status == whole.teams_by_status and kpis.received_per_day == whole.received_per_day
    assert kpis.open_cases == whole.open_cases
