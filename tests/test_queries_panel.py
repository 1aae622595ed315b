"""The asset-queries panel, on a live backend: batches, their progress, the case filter, the shared
selection and the measures ordered on hits."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from console.casework import Query, QueryProgress, QueryResult
from console.records import Collection
from console.store import Store
from console.sync import EventReceived, RowsLoaded
from tests.support.consoles import step, step_until
from tests.support.dialogs import when_the_dialog_opens
from tests.support.records import first_sight
from widgets.names import format_yuan, name
from widgets.queries_model import QueriesModel
from widgets.queries_panel import QueriesPanel
from widgets.selection import Selected

BACKEND = "快"


def shown_queries(panel: QueriesPanel) -> list[Query]:
    return [
        panel.model.item(panel.proxy.mapToSource(panel.proxy.index(row, 0)).row())[1]
        for row in range(panel.proxy.rowCount())
    ]


def row_of(panel: QueriesPanel, query_id: str) -> int | None:
    return next((row for row, query in enumerate(shown_queries(panel)) if query.id == query_id), None)


def cell(panel: QueriesPanel, query_id: str, column: int) -> str | None:
    row = row_of(panel, query_id)
    return None if row is None else panel.proxy.index(row, column).data()


def new_panel(qtbot, console) -> QueriesPanel:
    panel = QueriesPanel(console.live, console.window.selection, console.connections.submit)
    qtbot.addWidget(panel)
    return panel


def launch(console, backend, categories=("bank",)) -> dict:
    _, case = next((b, c) for b, c in console.store.cases if c.status == "open")
    response = backend.command("queries", {"case_id": case.id, "channel": "national", "categories": list(categories)})
    assert response.status_code == 201, response.text
    return response.json()


def result(result_id: str, state: str) -> QueryResult:
    return QueryResult(result_id, "中国银行", "bank", state, None, False if state == "answered" else None, "", None, ())


def test_answers_that_arrive_in_one_tick_are_all_kept_and_a_late_one_is_not():
    # The backend sends one event per result that moved, each with a newer version of the batch.
    query = Query(
        "Q1",
        "C1",
        "court",
        "张三",
        "national",
        ("bank",),
        "running",
        "system",
        0.0,
        None,
        (result("R1", "sent"), result("R2", "sent")),
        2,
    )
    store = Store()
    store.apply([first_sight("b")])
    store.apply([RowsLoaded("b", 1, Collection.QUERIES, [query], final=True)])
    store.apply(
        [
            EventReceived("b", 1, QueryProgress("Q1", "C1", "running", None, result("R1", "answered"), 3)),
            EventReceived("b", 2, QueryProgress("Q1", "C1", "completed", 5.0, result("R2", "answered"), 4)),
        ]
    )
    assert store.queries.get("b", "Q1").answered == 2
    late = QueryProgress("Q1", "C1", "running", None, result("R2", "sent"), 3)
    store.apply([EventReceived("b", 3, late)])
    assert store.queries.get("b", "Q1").answered == 2 and store.queries.get("b", "Q1").state == "completed"


def test_a_launched_query_appears_on_top_and_its_progress_grows_to_the_backends_count(qtbot, desk, stepped_backend):
    panel = new_panel(qtbot, desk)
    launched = launch(desk, stepped_backend)
    qtbot.waitUntil(lambda: row_of(panel, launched["id"]) == 0, timeout=30_000)
    case = desk.store.cases.get(BACKEND, launched["case_id"])
    assert cell(panel, launched["id"], QueriesModel.CASE) == case.number
    assert cell(panel, launched["id"], QueriesModel.CHANNEL) == name("channel", "national")
    total = len(launched["results"])

    def progress() -> str | None:
        return cell(panel, launched["id"], QueriesModel.PROGRESS)

    assert progress() == f"0/{total}"
    step_until(qtbot, desk, stepped_backend, lambda: progress() != f"0/{total}", every_s=5)
    held = desk.store.queries.get(BACKEND, launched["id"])
    assert progress() == f"{held.answered}/{total}"
    # Every answer reaches the table: once the batch is complete, the figures are the backend's.
    completed = name("query_state", "completed")
    step_until(
        qtbot, desk, stepped_backend, lambda: cell(panel, launched["id"], QueriesModel.STATE) == completed, every_s=60
    )
    counts = stepped_backend.get(f"queries/{launched['id']}")["counts"]
    assert progress() == f"{counts['answered'] + counts['failed'] + counts['timed_out']}/{total}"
    assert cell(panel, launched["id"], QueriesModel.HITS) == str(counts["hit"])


def test_picking_a_batch_selects_its_case_and_the_filter_keeps_that_case_only(qtbot, desk, stepped_backend):
    panel = new_panel(qtbot, desk)
    selection = desk.window.selection
    launched = launch(desk, stepped_backend)
    other = next(c for _, c in desk.store.cases if c.status == "open" and c.id != launched["case_id"])
    body = {"case_id": other.id, "channel": "provincial", "categories": ["bank"]}
    assert stepped_backend.command("queries", body).status_code == 201  # batches of two cases at least
    step(qtbot, desk, stepped_backend, 5)
    assert row_of(panel, launched["id"]) is not None and panel.proxy.rowCount() >= 2
    assert not panel.only_case.isEnabled()

    # Keyboard: the table takes the focus, and the arrows pick a batch.
    assert panel.focusProxy() is panel.view and panel.view.focusPolicy() & Qt.FocusPolicy.TabFocus
    panel.view.setCurrentIndex(panel.proxy.index(0, 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    assert panel.view.currentIndex().row() == 1
    picked = shown_queries(panel)[1]
    assert selection.current == Selected(Collection.CASES, BACKEND, picked.case_id)
    assert picked.respondent in panel.detail.toPlainText()

    # A case picked elsewhere is followed; with the filter on, only its batches show.
    selection.select(Selected(Collection.CASES, BACKEND, launched["case_id"]))
    assert panel.only_case.isEnabled()
    assert desk.store.cases.get(BACKEND, launched["case_id"]).number in panel.only_case.text()
    current = panel.model.item(panel.proxy.mapToSource(panel.view.currentIndex()).row())[1]
    assert current.case_id == launched["case_id"]
    panel.only_case.setChecked(True)
    assert {q.case_id for q in shown_queries(panel)} == {launched["case_id"]}
    assert launched["id"] in {q.id for q in shown_queries(panel)}
    panel.only_case.setChecked(False)
    assert len({q.case_id for q in shown_queries(panel)}) > 1


def test_a_freeze_ordered_on_a_hit_shows_with_its_state(qtbot, desk, stepped_backend):
    panel = new_panel(qtbot, desk)
    store = desk.store

    def a_hit() -> tuple[Query, QueryResult] | None:
        """A hit of a case with no measure yet: a small freeze there goes through without approval
        (the threshold is the case's, all its measures together)."""
        return next(
            (
                (q, r)
                for _, q in store.queries
                for r in q.hits
                if not any(m.case_id == q.case_id for _, m in store.measures)
            ),
            None,
        )

    free = [
        c
        for _, c in store.cases
        if c.status == "open" and c.kind != "preservation" and not any(m.case_id == c.id for _, m in store.measures)
    ]
    for case in free[:5]:  # banks asked now answer within minutes: a hit soon, without hours stepped
        body = {"case_id": case.id, "channel": "national", "categories": ["bank"]}
        assert stepped_backend.command("queries", body).status_code == 201
    query, hit = step_until(qtbot, desk, stepped_backend, a_hit, every_s=30)
    panel.view.selectRow(row_of(panel, query.id))
    assert hit.institution in panel.detail.toPlainText()
    response = stepped_backend.command(f"queries/{query.id}/results/{hit.id}/freeze", {"amount": 1000})
    assert response.status_code == 201, response.text
    measure_id = response.json()["id"]

    def state_shown() -> bool:
        measure = store.measures.get(BACKEND, measure_id)
        if measure is None:
            return False
        return (
            f"{name('measure', 'freeze')} {format_yuan(1000)}: {name('measure_state', measure.state)}"
            in panel.detail.toPlainText()
        )

    qtbot.waitUntil(state_shown)  # the answer is in the store with the command
    # A second freeze on the hit is offered what is left of its value, not the whole of it again,
    # and never more than the case still owes (超标的).
    offered = {}

    def look(dialog):
        dialog.hit.setCurrentIndex(dialog.hit.findData(hit.id))
        claimed = 0 if store.measures.get(BACKEND, measure_id).state == "failed" else 1000
        case = store.cases.get(BACKEND, query.case_id)
        offered.update(
            amount=dialog.amount.value(),
            left=round(max(0.0, min(hit.value, case.amount_sought - case.amount_realised) - claimed), 2),
            ordered_shown=dialog.ordered.isVisible() == bool(claimed),
        )
        dialog.reject()

    when_the_dialog_opens(look)
    panel.measure_action.trigger()
    assert offered["amount"] == offered["left"] and offered["ordered_shown"]
    # It follows the freeze as the institution carries it out: some twenty minutes, at times hours.
    step_until(
        qtbot,
        desk,
        stepped_backend,
        lambda: store.measures.get(BACKEND, measure_id).state in ("done", "failed"),
        every_s=600,
        at_most_s=6 * 3600,
    )
    assert state_shown()


def test_a_batch_of_a_case_the_console_does_not_hold_shows_its_case_id(qtbot, desk):
    panel = new_panel(qtbot, desk)
    qtbot.waitUntil(lambda: panel.proxy.rowCount() > 0, timeout=30_000)
    backend, query = desk.store.queries[0]
    orphan = replace(query, id="Q-orphan", case_id="C-unknown", version=1)
    desk.store.apply([EventReceived(backend, 10**12, orphan)])
    qtbot.waitUntil(lambda: cell(panel, "Q-orphan", QueriesModel.CASE) == "C-unknown", timeout=10_000)
