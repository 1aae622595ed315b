"""The credit punishment of the case in view (信用惩戒): its respondent on the list of dishonest
judgment debtors (the ground of 法释〔2017〕7号 art. 1 and the term), restricted in its high
consumption or its leaving the country; each order's state, publication and the answers of the
agencies that carry it out. Order one (Ctrl+Shift+L, 列入) and, for the picked order, remove it
for its reason (Ctrl+Shift+W, withdraw).

The backend refuses what the rules do not allow (a second order of a kind in force, a listing
while property under control covers the debt, "performed" while money is owed); this view says
what it can before anything is sent. Each action goes through the outbox, like every command.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QTableWidgetItem, QWidget

from console.case_detail import CaseDetail, CreditOrder
from console.casework import Case
from console.commands import Action, Subject, Submit
from console.records import Collection
from console.store import Store
from widgets.action_dialogs import CreditDialog, CreditRemovalDialog
from widgets.answering import why_not
from widgets.case_actions import CaseActionsTab
from widgets.case_tables import record_table
from widgets.names import cite, format_date, name
from widgets.style import mark_problem

# action → (shortcut, the permission it needs)
ACTIONS = {
    Action.ORDER_CREDIT: ("Ctrl+Shift+L", "credit.order"),  # L for 列入 (lièrù)
    Action.REMOVE_CREDIT: ("Ctrl+Shift+W", "credit.order"),  # W for withdraw
}
KINDS = ("dishonest", "consumption_restriction", "exit_restriction")


class CreditView(CaseActionsTab):
    def __init__(self, store: Store, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(store, submit, ACTIONS, parent)
        self._orders: tuple[CreditOrder, ...] = ()
        self.table = record_table(6, 1, self)
        self.table.itemSelectionChanged.connect(self.refresh)
        self.lay_out(
            self.table,
            [
                self.tr("Order"),
                self.tr("Ground"),
                self.tr("Ordered"),
                self.tr("Until"),
                self.tr("State"),
                self.tr("Published · agencies"),
            ],
        )
        self.show_case("", None, None)

    # what is shown

    def title(self, action: Action) -> str:
        return {
            Action.ORDER_CREDIT: self.tr("&List or restrict…"),
            Action.REMOVE_CREDIT: self.tr("Re&move…"),
        }[action]

    def show_case(self, backend: str, case: Case | None, detail: CaseDetail | None) -> None:
        """The orders of `case` (the freshest the case panel has), from its `detail` once fetched."""
        self.show_detail(backend, case, detail)
        picked = self.picked()
        self._orders = (self._detail.credit or ()) if self._detail is not None else ()
        self.table.setRowCount(len(self._orders))
        for row, order in enumerate(reversed(self._orders)):  # the newest first
            cells = (
                name("credit", order.kind),
                self.tr("{ground} ({source})").format(ground=name("ground", order.ground), source=cite(order.source))
                if order.ground
                else "",
                f"{format_date(order.ordered_at)} · {order.ordered_by}",
                self._until(order),
                self._state(order),
                self._answers(order),
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, order.id)
                if column == 1:
                    cell.setToolTip(cells[1])
                if column == 5:
                    cell.setToolTip("\n".join(self._agency_lines(order)))
                self.table.setItem(row, column, cell)
            if picked is not None and order.id == picked.id:
                self.table.selectRow(row)
        self.summary.setText(self._summary())
        self.refresh()

    def _until(self, order: CreditOrder) -> str:
        if order.expires_at is not None:
            return format_date(order.expires_at)
        return self.tr("Until performed") if order.kind == "dishonest" else self.tr("Until lifted")

    def _state(self, order: CreditOrder) -> str:
        if order.state == "in_force" or order.ended_at is None:
            return name("credit_state", order.state)
        ended = f"{name('credit_state', order.state)} {format_date(order.ended_at)}"
        return f"{ended} · {name('end_reason', order.end_reason)}"

    def _answers(self, order: CreditOrder) -> str:
        answered = sum(at is not None for _, at in order.agencies)
        agencies = self.tr("{answered}/{all} agencies answered").format(answered=answered, all=len(order.agencies))
        if order.publication == "published":
            return self.tr("Published · {agencies}").format(agencies=agencies)
        if order.publication == "publishing":
            return self.tr("To be published (within 3 working days) · {agencies}").format(agencies=agencies)
        return agencies

    def _agency_lines(self, order: CreditOrder) -> list[str]:
        return [
            self.tr("{agency}: answered {when}").format(agency=agency, when=format_date(at))
            if at is not None
            else self.tr("{agency}: sent, no answer yet").format(agency=agency)
            for agency, at in order.agencies
        ]

    def _summary(self) -> str:
        if self._case is None:
            return self.tr("Open a case to see its credit punishment.")
        if self._detail is None:
            return self.tr("Loading the case's credit punishment…")
        if self._detail.credit is None:
            return self.tr("This backend keeps no record of credit punishment on a case.")
        held = [name("credit", o.kind) for o in self._orders if o.state == "in_force"]
        if not held:
            return self.tr("Nothing in force on {respondent}.").format(respondent=self._case.respondent)
        return self.tr("In force on {respondent}: {orders}.").format(
            respondent=self._case.respondent, orders=self.tr("; ").join(held)
        )

    def picked(self) -> CreditOrder | None:
        items = self.table.selectedItems()
        if not items:
            return None
        wanted = items[0].data(Qt.ItemDataRole.UserRole)
        return next((o for o in self._orders if o.id == wanted), None)

    def _not_in_force(self) -> list[str]:
        held = {o.kind for o in self._orders if o.state == "in_force"}
        return [kind for kind in KINDS if kind not in held]

    # what can be done

    def refresh(self) -> None:
        super().refresh()
        self.warning.setText(why_not(self.actions[Action.ORDER_CREDIT]))
        mark_problem(self.warning, False)

    def reason_not(self, action: Action) -> str | None:
        case = self._case
        if self._detail.credit is None:
            return self.tr("This backend keeps no record of credit punishment on a case.")
        if action is Action.REMOVE_CREDIT:
            order = self.picked()
            if order is None:
                return self.tr("Pick an order in the list first.")
            return None if order.state == "in_force" else self.tr("That order is no longer in force.")
        if case.kind == "preservation":
            return self.tr("A property-preservation case carries out its ruling only: no credit punishment.")
        if case.status != "open":
            return self.tr("{case} is closed.").format(case=case.number)
        if case.outstanding <= 0:
            return self.tr("The case owes nothing more: its respondent has performed.")
        if not self._not_in_force():
            return self.tr("Every order is in force already.")
        return None

    def act(self, action: Action) -> None:
        case = self._case
        if action is Action.ORDER_CREDIT:
            reported = any(visit.node == "asset_declaration" for visit in self._detail.history)
            dialog = CreditDialog(
                case, self._not_in_force(), "able_but_refuses" if reported else "breaks_reporting", self
            )
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            body = dialog.body()
            subject = Subject(Collection.CASES, case.id)
            summary = self.tr("{order} for {case}").format(order=name("credit", body["kind"]), case=case.number)
        else:
            order = self.picked()
            dialog = CreditRemovalDialog(name("credit", order.kind), case.outstanding, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            body = dialog.body()
            subject = Subject(Collection.CASES, case.id, order.id)
            summary = self.tr("{order} removed for {case}").format(order=name("credit", order.kind), case=case.number)
        self._submit(self._backend, action, subject, body, summary)

    def in_force(self) -> int:
        """How many orders hold: for the tab's title."""
        return sum(o.state == "in_force" for o in self._orders)
