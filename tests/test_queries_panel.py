"""Asset-query batches as the console holds them."""

from __future__ import annotations

from console.casework import Query, QueryProgress, QueryResult
from console.store import Store
from console.sync import EventReceived, SnapshotLoaded


def result(result_id: str, state: str) -> QueryResult:
    return QueryResult(result_id, "中国银行", "bank", state, None, False if state == "answered" else None, "", None, ())


def test_answers_that_arrive_in_one_tick_are_all_kept():
    # The backend sends one event per result that moved, all with the batch's new version.
    query = Query("Q1", "C1", "court", "张三", "national", ("bank",), "running", "system", 0.0, None,
                  (result("R1", "sent"), result("R2", "sent")), 2)
    store = Store()
    store.apply([SnapshotLoaded("b", [], [], 0, queries=[query])])
    store.apply([EventReceived("b", 1, QueryProgress("Q1", "C1", "completed", result("R1", "answered"), 3)),
                 EventReceived("b", 2, QueryProgress("Q1", "C1", "completed", result("R2", "answered"), 3))])
    assert store.queries.get("b", "Q1").answered == 2
    stale = QueryProgress("Q1", "C1", "running", result("R2", "sent"), 2)
    store.apply([EventReceived("b", 3, stale)])
    assert store.queries.get("b", "Q1").answered == 2
