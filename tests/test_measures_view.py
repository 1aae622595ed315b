"""Measures by asset type in the asset-queries panel, on the fast book: property is offered only
what it takes, whole, with no amount, and once; the day a control measure lapses is shown; once
warned, it is renewed from the console before it does."""

from __future__ import annotations

import pytest

from console.catalogue import PHASE_OF
from console.commands import Action, Subject
from console.records import Collection
from tests.support.consoles import settled, step, step_until
from tests.support.contract import a_case_with
from tests.support.dialogs import when_the_dialog_opens
from widgets.names import format_date, name
from widgets.panels import Panel

BACKEND = "快"


@pytest.fixture(scope="module")
def stepped_backend(fast_book):
    """The consoles of this module follow the fast book, where a seal-up's years pass in minutes."""
    return fast_book


def far_from_paid(case: dict) -> bool:
    """A case not yet controlling, selling or paying: no money comes to it while a test steps minutes."""
    return PHASE_OF[case["node"]] not in ("control", "disposal", "funds", "closing")


def test_property_is_sealed_up_whole_shown_with_its_lapse_date_and_renewed(qtbot, desk, stepped_backend):
    _, query, found = a_case_with(stepped_backend, ["real_estate"], "real_estate", where=far_from_paid)
    house = found["real_estate"]
    panel = desk.window.panels[Panel.QUERIES]

    def answered() -> bool:  # the batch as the backend has it, hit and all
        batch = desk.store.queries.get(BACKEND, query["id"])
        return batch is not None and any(hit.id == house["id"] for hit in batch.hits)

    qtbot.waitUntil(answered, timeout=30_000)

    def batch(row: int):
        return panel.model.item(panel.proxy.mapToSource(panel.proxy.index(row, 0)).row())[1]

    panel.view.selectRow(next(row for row in range(panel.proxy.rowCount()) if batch(row).id == query["id"]))
    assert panel.shown()[1].id == query["id"]
    assert name("measure", "seal_up") not in panel.detail.toPlainText()
    seen = {}

    def order(dialog):
        dialog.hit.setCurrentIndex(dialog.hit.findData(house["id"]))
        seen.update(
            kinds=[dialog.kind.itemData(i) for i in range(dialog.kind.count())],
            amount_shown=dialog.form.isRowVisible(dialog.amount),
            reason_shown=dialog.form.isRowVisible(dialog.reason),
        )

    subject = Subject(Collection.QUERIES, query["id"], house["id"])
    for _ in range(3):  # a registry refuses one seal-up in twenty: then it is ordered again
        when_the_dialog_opens(order)
        panel.measure_action.trigger()
        assert seen == {"kinds": ["seal_up"], "amount_shown": False, "reason_shown": True}
        command = settled(qtbot, desk, BACKEND, Action.SEAL_UP, subject)
        assert command.status == 201, command.last_error
        measure_id = command.answer["id"]

        def carried_out(measure_id=measure_id):
            measure = desk.store.measures.get(BACKEND, measure_id)
            return measure is not None and measure.state in ("done", "failed") and measure

        measure = step_until(qtbot, desk, stepped_backend, carried_out, every_s=1, at_most_s=60)
        if measure.state == "done":
            break
    assert measure.state == "done"
    refused = {}

    def again(dialog):  # a house is sealed up once
        dialog.hit.setCurrentIndex(dialog.hit.findData(house["id"]))
        dialog.accept()
        refused.update(text=dialog.problem.text(), open=dialog.isVisible())

    when_the_dialog_opens(again)
    panel.measure_action.trigger()
    assert refused["open"] and name("measure", "seal_up") in refused["text"]
    sealed = f"{name('measure', 'seal_up')}: {name('measure_state', 'done')}, until"
    qtbot.waitUntil(lambda: f"{sealed} {format_date(measure.expires_at)}" in panel.detail.toPlainText(), timeout=10_000)

    # Renewed once due: within 30 days (of the book's time) of its lapse.
    step(qtbot, desk, stepped_backend, measure.renewable_from - measure.updated_at + 1)
    when_the_dialog_opens(lambda dialog: dialog.note.setText("申请执行人申请续封"))
    panel.renew_action.trigger()
    qtbot.waitUntil(
        lambda: desk.store.measures.get(BACKEND, measure_id).expires_at > measure.expires_at, timeout=30_000
    )
    renewed = desk.store.measures.get(BACKEND, measure_id)
    assert f"{sealed} {format_date(renewed.expires_at)}" in panel.detail.toPlainText()
