"""The supervision orders (督办) on the case in view: each order that names it, with its state,
the courts that issued it and that it is addressed to, what it requires and by when, and the
latest reply. A supervisor of a court above the case's issues one (Ctrl+Shift+Q); the court
addressed replies, and the issuing court accepts or returns the reply, in the supervision panel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QTableWidgetItem, QWidget

from console.case_detail import CaseDetail
from console.casework import Case, SupervisionOrder, is_above
from console.commands import Action, Subject, Submit
from console.records import Collection
from console.store import Changes
from widgets.action_dialogs import SupervisionDialog
from widgets.case_actions import CaseActionsTab
from widgets.case_tables import record_table
from widgets.live_store import LiveStore
from widgets.names import format_date, name

# action → (shortcut, the permission it needs)
ACTIONS = {Action.ISSUE_SUPERVISION: ("Ctrl+Shift+Q", "supervision.issue")}  # Q for 催 (cuī, urge)


def order_state(order: SupervisionOrder) -> str:
    """Its state, marked overdue when its deadline passed while it waited for an answer."""
    state = name("supervision_state", order.state)
    if order.overdue:
        return QCoreApplication.translate("Supervision", "{state} · overdue").format(state=state)
    return state


class SupervisionView(CaseActionsTab):
    def __init__(self, live: LiveStore, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(live.store, submit, ACTIONS, parent)
        self._orders: list[SupervisionOrder] = []
        self.table = record_table(6, 3, self)
        self.lay_out(
            self.table,
            [
                self.tr("Order"),
                self.tr("State"),
                self.tr("From → to"),
                self.tr("Requirement"),
                self.tr("Answer by"),
                self.tr("Reply"),
            ],
        )
        live.changed.connect(self._on_changed)
        self.show_case("", None, None)

    def title(self, action: Action) -> str:
        return self.tr("&Issue a supervision order (督办)…")

    def _on_changed(self, changes: Changes) -> None:
        if changes.touched(Collection.SUPERVISION) and self._case is not None:
            self.show_case(self._backend, self._case, self._detail)

    def show_case(self, backend: str, case: Case | None, detail: CaseDetail | None) -> None:
        self.show_detail(backend, case, detail)
        self._orders = (
            sorted(
                (o for b, o in self._store.supervision if b == backend and case.id in o.case_ids),
                key=lambda o: -o.issued_at,
            )
            if case is not None
            else []
        )
        self.table.setRowCount(len(self._orders))
        for row, order in enumerate(self._orders):
            cells = (
                order.number,
                order_state(order),
                f"{self._court(order.issuer_court_id)} → {self._court(order.court_id)}",
                order.requirement,
                format_date(order.deadline),
                f"{order.reply} · {order.replied_by}" if order.reply else "",
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(row, column, cell)
        self.summary.setText(self._summary())
        self.refresh()

    def _court(self, court_id: str) -> str:
        return self._store.court_name(self._backend, court_id)

    def _summary(self) -> str:
        if self._case is None:
            return self.tr("Open a case to see the supervision orders on it.")
        waiting = sum(o.awaiting_reply for o in self._orders)
        late = sum(o.overdue and o.awaiting_reply for o in self._orders)
        if not self._orders:
            return self.tr("No supervision order names {case}.").format(case=self._case.number)
        return self.tr(
            "%n order(s) on this case; {waiting} awaiting a reply, {late} of them overdue.", "", len(self._orders)
        ).format(waiting=waiting, late=late)

    def reason_not(self, action: Action) -> str | None:
        case = self._case
        health = self._store.health.get(self._backend)
        mine = health.court_id if health is not None else ""
        if case.status != "open":
            return self.tr("{case} is closed.").format(case=case.number)
        if not is_above(self._store.courts, self._backend, mine, case.court_id):
            return self.tr("Only a court above {court} issues it a supervision order.").format(
                court=self._court(case.court_id)
            )
        return None

    def act(self, action: Action) -> None:
        case = self._case
        dialog = SupervisionDialog(case, self._court(case.court_id), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        summary = self.tr("Supervision order to {court} on {case}").format(
            court=self._court(case.court_id), case=case.number
        )
        self._submit(self._backend, action, Subject(Collection.CASES, case.id), dialog.body(), summary)

    def awaiting(self) -> int:
        """How many orders on the case wait for a reply: for the tab's title."""
        return sum(o.awaiting_reply for o in self._orders)
