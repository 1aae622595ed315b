"""The case work that a backend publishes (cases, tasks, queries, measures, approvals, KPIs) reaches
the console's store and stays equal to the backend's own view of it as events flow."""

from __future__ import annotations

import queue
import random

import pytest

from console.casework import (
    decode_case,
    decode_case_history,
    decode_kpis,
    decode_query,
    decode_task,
)
from console.store import Store
from console.sync import BackendLink, Credentials

from .test_sync import pump


@pytest.fixture
def live_store(fast_backend):
    sink: queue.SimpleQueue = queue.SimpleQueue()
    link = BackendLink(
        "b1", fast_backend.url, Credentials("operator", fast_backend.password), sink, rng=random.Random(5)
    )
    link.start()
    yield sink, Store()
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


def test_the_store_holds_what_the_backend_holds_once_it_has_caught_up(fast_backend, live_store):
    sink, store = live_store
    pump(sink, store, lambda s: len(s.cases) > 0 and len(s.queries) > 0 and "b1" in s.kpis, timeout=60)
    fresh = {}
    for collection, decode in (("cases", decode_case), ("tasks", decode_task), ("queries", decode_query)):
        items, cursor = snapshot(fast_backend, collection)
        fresh[collection] = ([decode(item) for item in items], cursor)
    caught_up = max(cursor for _, cursor in fresh.values())
    pump(sink, store, lambda s: (s.health["b1"].last_event_id or 0) >= caught_up, timeout=60)
    for collection, (objects, _) in fresh.items():
        rows = getattr(store, collection)
        assert len(rows) >= len(objects) > 0, collection
        for obj in objects:
            held = rows.get("b1", obj.id)
            assert held is not None and held.version >= obj.version, (collection, obj.id)
            if held.version == obj.version:
                assert held == obj, (collection, obj.id)


def test_query_progress_events_fill_in_the_batch_result_by_result(fast_backend, live_store):
    sink, store = live_store

    def some_progress(s: Store) -> bool:
        return any(0 < query.answered < len(query.results) for _, query in s.queries)

    pump(sink, store, some_progress, timeout=60)
    _, query = next((b, q) for b, q in store.queries if 0 < q.answered < len(q.results))
    pump(sink, store, lambda s: s.queries.get("b1", query.id).state == "completed", timeout=60)
    completed = store.queries.get("b1", query.id)
    # Several institutions often answer in one tick of the backend: not one answer may be lost.
    assert completed.answered == len(completed.results)
    served = next(
        item for item in fast_backend.get("queries", case_id=query.case_id)["items"] if item["id"] == query.id
    )

    def answers(q):  # measures ordered on a hit since are not what this test is about
        return [(r.id, r.state, r.hit, r.value) for r in q.results]

    assert answers(completed) == answers(decode_query(served))


def test_a_case_detail_and_the_kpis_decode(fast_backend):
    case_id = fast_backend.get("cases", page_size=1)["items"][0]["id"]
    detail = fast_backend.get(f"cases/{case_id}")
    history = decode_case_history(detail)
    assert history and history[-1].node == decode_case(detail).node
    kpis = decode_kpis(fast_backend.get("kpis"))
    assert len(kpis.received_per_day) == 30 and kpis.open_cases > 0
