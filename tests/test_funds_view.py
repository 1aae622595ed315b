"""The case account in the case view, on a live backend: the ledger as the backend keeps it, money
received recorded from the console, a payout above the balance refused before anything is sent,
then the balance paid out to the applicant by a supervisor; an operator may not pay out."""

from __future__ import annotations

from console.commands import Action
from console.records import Collection
from tests.support.dialogs import when_the_dialog_opens
from widgets.answering import why_not
from widgets.names import format_yuan, name
from widgets.panels import Panel
from widgets.selection import Selected

BACKEND = "快"


def open_case_in_view(qtbot, desk):
    panel = desk.window.panels[Panel.CASE]
    case = next(
        c
        for _, c in desk.store.cases
        if c.status == "open" and c.kind != "preservation" and c.amount_sought - c.amount_realised > 5000
    )
    desk.window.selection.select(Selected(Collection.CASES, BACKEND, case.id))
    qtbot.waitUntil(lambda: panel.detail is not None and panel.detail.ledger is not None, timeout=30_000)
    return panel, case


def test_money_is_received_and_paid_out_within_the_balance_from_the_case_view(qtbot, console_as):
    desk = console_as("supervisor")
    panel, case = open_case_in_view(qtbot, desk)
    view = panel.funds
    before = len(panel.detail.ledger.entries)

    def receive(dialog):
        dialog.amount.setValue(3000)
        dialog.party.setText("被执行人转账")

    when_the_dialog_opens(receive)
    view.actions[Action.RECEIVE_FUNDS].trigger()
    qtbot.waitUntil(lambda: len(panel.detail.ledger.entries) == before + 1, timeout=30_000)
    balance = panel.detail.ledger.balance
    assert balance >= 3000 and format_yuan(balance, exact=True) in view.summary.text()
    assert view.table.item(0, 1).text() == name("ledger", "received") and view.table.item(0, 3).text() == "被执行人转账"

    seen = {}

    def pay(dialog):
        seen.update(amount=dialog.amount.value(), payee=dialog.party.text())
        dialog.amount.setValue(balance + 1)
        dialog.accept()
        seen.update(refused=dialog.problem.text(), still_open=dialog.isVisible())
        dialog.amount.setValue(balance)

    when_the_dialog_opens(pay)
    view.actions[Action.PAY_OUT].trigger()
    assert (seen["amount"], seen["payee"]) == (balance, case.applicant)  # the balance, to the applicant
    assert seen["still_open"] and format_yuan(balance) in seen["refused"]
    qtbot.waitUntil(lambda: panel.detail.ledger.balance == 0, timeout=30_000)
    assert view.table.item(0, 1).text() == name("ledger", "paid") and view.table.item(0, 3).text() == case.applicant
    assert why_not(view.actions[Action.PAY_OUT])  # nothing left to pay out


def test_an_operator_records_money_but_may_not_pay_it_out(qtbot, desk):
    panel, _ = open_case_in_view(qtbot, desk)
    assert not why_not(panel.funds.actions[Action.RECEIVE_FUNDS])
    assert name("permission", "funds.pay") in why_not(panel.funds.actions[Action.PAY_OUT])
