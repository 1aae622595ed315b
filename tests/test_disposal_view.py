"""Disposal of property from the console, on a live backend: a valuation recorded, a first auction
refused in the dialog below 70% of the value then recorded unsold, the item taken in payment at its
reserve; what it realised shown on the tab and on the case; an item that has ended takes no round."""

from __future__ import annotations

from console.commands import Action
from console.records import Collection
from tests.support.dialogs import when_the_dialog_opens
from widgets.answering import why_not
from widgets.names import name
from widgets.panels import Panel
from widgets.selection import Selected

BACKEND = "快"


def test_an_item_is_valued_auctioned_and_taken_in_payment_from_the_case_view(qtbot, console_as):
    desk = console_as("operator")
    panel = desk.window.panels[Panel.CASE]
    case = next(
        c for _, c in desk.store.cases if c.status == "open" and c.kind != "preservation" and c.outstanding > 30_000
    )
    desk.window.selection.select(Selected(Collection.CASES, BACKEND, case.id))
    qtbot.waitUntil(lambda: panel.detail is not None and panel.detail.disposals is not None, timeout=30_000)
    view = panel.disposals
    before = len(panel.detail.disposals)
    assert "Pick an item" in why_not(view.actions[Action.RECORD_DISPOSAL_ROUND])

    def value(dialog):
        dialog.asset.setCurrentIndex(dialog.asset.findData("vehicle"))
        dialog.item.setText("小型轿车一辆")
        dialog.value.setValue(20_000)
        dialog.report.setText("川评字〔2026〕118号")

    when_the_dialog_opens(value)
    view.actions[Action.VALUE_PROPERTY].trigger()
    qtbot.waitUntil(lambda: len(panel.detail.disposals) == before + 1, timeout=30_000)
    assert view.table.item(0, 0).text() == f"{name('property', 'vehicle')} · 小型轿车一辆"
    assert name("disposal_state", "valued") == view.table.item(0, 3).text()

    view.table.selectRow(0)
    refused = []

    def too_low(dialog):
        dialog.reserve.setValue(13_999)
        dialog.accept()
        refused.append(dialog.problem.text())
        dialog.reserve.setValue(14_000)

    when_the_dialog_opens(too_low)
    view.actions[Action.RECORD_DISPOSAL_ROUND].trigger()
    qtbot.waitUntil(lambda: panel.detail.disposals[-1].state == "unsold_once", timeout=30_000)
    assert refused and refused[0]  # said in the dialog, before anything was sent

    view.table.selectRow(0)

    def take(dialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData("in_kind"))
        assert not dialog.reserve.isEnabled() and dialog.price.value() == 14_000

    when_the_dialog_opens(take)
    view.actions[Action.RECORD_DISPOSAL_ROUND].trigger()
    qtbot.waitUntil(lambda: panel.detail.disposals[-1].state == "taken_in_kind", timeout=30_000)
    assert panel.detail.case.amount_realised == round(case.amount_realised + 14_000, 2)
    qtbot.waitUntil(lambda: view.table.item(0, 4).text() != "", timeout=30_000)
    view.table.selectRow(0)
    assert "ended" in why_not(view.actions[Action.RECORD_DISPOSAL_ROUND])
