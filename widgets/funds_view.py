"""The case account of the case in view (三个一: one case, one account, one ledger): the money
received into it and paid out of it, the balance, and each receipt still to pay out with the day
it must be paid by (30 days from its arrival), warned when that day is near or past. Money
received is recorded (Ctrl+Shift+K, 款), up to what the case still owes, and paid out within the
balance (Ctrl+Shift+P).

The backend keeps the ledger and refuses a receipt above what is owed and a payout above the
balance; this view says the same before anything is sent. Each action goes through the outbox,
like every command.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QTableWidgetItem,
    QWidget,
)

from console.case_detail import CaseDetail, Ledger
from console.casework import Case
from console.commands import Action, Subject, Submit
from console.records import Collection
from console.store import Store
from widgets.action_dialogs import FundsDialog
from widgets.answering import why_not
from widgets.case_actions import CaseActionsTab
from widgets.case_tables import record_table
from widgets.names import format_date, format_yuan, name
from widgets.style import mark_problem

# action → (shortcut, the permission it needs)
ACTIONS = {
    Action.RECEIVE_FUNDS: ("Ctrl+Shift+K", "funds.record"),  # K for 款 (kuǎn)
    Action.PAY_OUT: ("Ctrl+Shift+P", "funds.pay"),
}
WARN_DAYS = 5  # a receipt this close to its payout day is warned before it is overdue
DAY_S = 86400.0


class FundsView(CaseActionsTab):
    def __init__(self, store: Store, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(store, submit, ACTIONS, parent)
        self._ledger: Ledger | None = None
        self.table = record_table(5, 3, self)
        self.lay_out(
            self.table, [self.tr("Date"), self.tr("Entry"), self.tr("Amount"), self.tr("From / to"), self.tr("By")]
        )
        self.show_case("", None, None)

    # what is shown

    def title(self, action: Action) -> str:
        return {
            Action.RECEIVE_FUNDS: self.tr("Record money &received…"),
            Action.PAY_OUT: self.tr("&Pay out…"),
        }[action]

    def show_case(self, backend: str, case: Case | None, detail: CaseDetail | None) -> None:
        """The ledger of `case` (the freshest the case panel has), from its `detail` once fetched."""
        self.show_detail(backend, case, detail)
        self._ledger = self._detail.ledger if self._detail is not None else None
        entries = self._ledger.entries if self._ledger is not None else ()
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(reversed(entries)):  # the newest first
            cells = (
                time.strftime("%Y-%m-%d %H:%M", time.localtime(entry.at)),
                name("ledger", entry.kind),
                format_yuan(entry.amount, exact=True),
                entry.source if entry.kind == "received" else entry.payee,
                entry.by,
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 2:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, cell)
        self.summary.setText(self._summary())
        self.refresh()

    def overdue(self) -> int:
        """How many receipts are past their payout day: for the tab's title."""
        return sum(item.overdue for item in self._ledger.to_pay_out) if self._ledger is not None else 0

    def _summary(self) -> str:
        if self._case is None:
            return self.tr("Open a case to see its account.")
        if self._detail is None:
            return self.tr("Loading the case's account…")
        if self._ledger is None:
            return self.tr("This backend keeps no ledger of case money.")
        ledger = self._ledger
        return self.tr("Received {received} · paid out {paid} · balance {balance}.").format(
            received=format_yuan(ledger.received, exact=True),
            paid=format_yuan(ledger.paid, exact=True),
            balance=format_yuan(ledger.balance, exact=True),
        )

    def _warning(self) -> tuple[str, bool]:
        """The receipt to pay out first, when its day is near or past: (what to say, whether late)."""
        owed = self._ledger.to_pay_out if self._ledger is not None else ()
        if not owed:
            return "", False
        first = owed[0]
        if first.overdue:
            return self.tr("{amount} was to be paid out by {date}: %n receipt(s) overdue.", "", self.overdue()).format(
                amount=format_yuan(first.amount), date=format_date(first.pay_by)
            ), True
        if first.pay_by - time.time() <= WARN_DAYS * DAY_S:
            return self.tr("{amount} is to be paid out by {date}.").format(
                amount=format_yuan(first.amount), date=format_date(first.pay_by)
            ), False
        return "", False

    # what can be done

    def refresh(self) -> None:
        super().refresh()
        # Beside the buttons: the receipt to pay out first when its day is near, else why money
        # cannot be recorded now.
        warning, late = self._warning()
        self.warning.setText(warning or why_not(self.actions[Action.RECEIVE_FUNDS]))
        mark_problem(self.warning, late)

    def reason_not(self, action: Action) -> str | None:
        case = self._case
        if self._ledger is None:
            return self.tr("This backend keeps no ledger of case money.")
        if action is Action.PAY_OUT:  # from a closed case too: money may arrive after it closed
            return self.tr("The case's account holds nothing to pay out.") if self._ledger.balance <= 0 else None
        if case.status != "open":
            return self.tr("{case} is closed.").format(case=case.number)
        if case.outstanding <= 0:
            return self.tr("The case owes nothing more.")
        return None

    def act(self, action: Action) -> None:
        case = self._case
        paying = action is Action.PAY_OUT
        dialog = FundsDialog(case, paying, self._ledger.balance if paying else case.outstanding, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        body = dialog.body()
        if action is Action.PAY_OUT:
            summary = self.tr("Paid out {amount} to {payee} for {case}").format(
                amount=format_yuan(body["amount"]), payee=body["payee"], case=case.number
            )
        else:
            summary = self.tr("Received {amount} for {case}").format(
                amount=format_yuan(body["amount"]), case=case.number
            )
        self._submit(self._backend, action, Subject(Collection.CASES, case.id), body, summary)
