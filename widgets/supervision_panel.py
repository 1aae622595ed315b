"""Supervision orders (督办): the orders a court issued to the courts below it and those addressed
to it, across the backends followed; the ones awaiting a reply first, the nearest deadline on top,
an overdue one marked. Picking an order opens its case. The court addressed replies with what it
did (Ctrl+Alt+R); the court that issued it accepts the reply (Ctrl+Alt+A) or returns it for more
(Ctrl+Alt+T). The panel says who may act rather than offering a button the backend would refuse;
each step goes through the outbox at the version shown."""

from __future__ import annotations

import time

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QBrush
from PySide6.QtWidgets import QAbstractItemView, QDialog, QHBoxLayout, QTableView, QVBoxLayout, QWidget

from console.casework import SupervisionOrder
from console.commands import Action, CommandState, Subject, Submit
from console.records import Collection
from console.store import Changes, Store
from widgets.action_dialogs import NoteDialog
from widgets.answering import panel_action
from widgets.live_store import LiveStore
from widgets.names import format_date, name
from widgets.plain_text import PlainLabel, plain_tooltip
from widgets.rows_model import SORT_ROLE, KeyOrder, RowsModel
from widgets.selection import Selected, Selection
from widgets.style import OVERDUE_COLOR, mark_problem, readable
from widgets.supervision_view import order_state
from widgets.table_sizing import size_columns

# action → (shortcut, the permission it needs, who acts: the court addressed or the one that issued)
STEPS = {
    Action.REPLY_TO_SUPERVISION: ("Ctrl+Alt+R", "supervision.reply", "addressed"),
    Action.ACCEPT_SUPERVISION: ("Ctrl+Alt+A", "supervision.issue", "issuer"),
    Action.RETURN_SUPERVISION: ("Ctrl+Alt+T", "supervision.issue", "issuer"),
}


class SupervisionModel(RowsModel):
    COLLECTION = Collection.SUPERVISION
    NUMBER, STATE, COURTS, CASES, REQUIREMENT, DEADLINE, REPLY = range(7)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Order"),
            self.tr("State"),
            self.tr("From → to"),
            self.tr("Cases"),
            self.tr("Requirement"),
            self.tr("Answer by"),
            self.tr("Reply"),
        )

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= self._rows:
            return None
        backend, order = self.item(index.row())
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._text(backend, order, column)
            return plain_tooltip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        if role == Qt.ItemDataRole.ForegroundRole and column in (self.STATE, self.DEADLINE):
            late = order.awaiting_reply and (order.overdue or order.deadline < time.time())
            return QBrush(readable(OVERDUE_COLOR)) if late else None
        if role == SORT_ROLE:  # awaiting a reply first, then replied, then closed; the nearest deadline on top
            return ({"issued": 0, "returned": 0, "replied": 1}.get(order.state, 2), order.deadline)
        return None

    def _text(self, backend: str, order: SupervisionOrder, column: int) -> str:
        if column == self.NUMBER:
            return order.number
        if column == self.STATE:
            return order_state(order)
        if column == self.COURTS:
            court = self._store.court_name
            return f"{court(backend, order.issuer_court_id)} → {court(backend, order.court_id)}"
        if column == self.CASES:
            numbers = [getattr(self._store.cases.get(backend, c), "number", c) for c in order.case_ids]
            return "、".join(numbers)
        if column == self.REQUIREMENT:
            return order.requirement
        if column == self.DEADLINE:
            return format_date(order.deadline)
        return f"{order.reply} · {order.replied_by}" if order.reply else ""


class SupervisionPanel(QWidget):
    def __init__(self, live: LiveStore, selection: Selection, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store: Store = live.store
        self._selection = selection
        self._submit = submit
        self.model = SupervisionModel(live, self)
        self.queue = KeyOrder(self)
        self.queue.setSourceModel(self.model)
        self.queue.setDynamicSortFilter(True)
        self.queue.sort(0)
        self.view = QTableView(self)
        self.view.setModel(self.queue)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        size_columns(
            self.view,
            {
                SupervisionModel.NUMBER: 12,
                SupervisionModel.STATE: 16,
                SupervisionModel.COURTS: 24,
                SupervisionModel.CASES: 14,
                SupervisionModel.REQUIREMENT: 24,
                SupervisionModel.DEADLINE: 8,
            },
            stretch=SupervisionModel.REPLY,
        )
        self.actions: dict[Action, QAction] = {}
        self.status = PlainLabel(parent=self)
        self.status.setWordWrap(True)
        bar = QHBoxLayout()
        for action, (shortcut, _, _) in STEPS.items():
            qaction = panel_action(self._title(action), shortcut, self, bar)
            qaction.triggered.connect(lambda _=False, action=action: self._step(action))
            self.actions[action] = qaction
        bar.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(bar)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        live.changed.connect(self._on_changed)
        self._refresh()

    def _title(self, action: Action) -> str:
        return {
            Action.REPLY_TO_SUPERVISION: self.tr("&Reply…"),
            Action.ACCEPT_SUPERVISION: self.tr("&Accept…"),
            Action.RETURN_SUPERVISION: self.tr("Re&turn…"),
        }[action]

    def picked(self) -> tuple[str, SupervisionOrder] | None:
        current = self.view.currentIndex()
        if not current.isValid():
            return None
        return self.model.item(self.queue.mapToSource(current).row())  # the store's own, as it is now

    def _on_current(self, current: QModelIndex, _: QModelIndex) -> None:
        picked = self.picked()
        if picked is not None:
            self._selection.select(Selected(Collection.CASES, picked[0], picked[1].case_id))
        self._refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touched(Collection.SUPERVISION) or changes.health or changes.commands:
            self._refresh()

    def why_not(self, action: Action) -> str | None:
        """Why the picked order does not take `action` from this user now; None when it does."""
        picked = self.picked()
        if picked is None:
            return self.tr("Pick an order.")
        backend, order = picked
        _, permission, who = STEPS[action]
        health = self._store.health.get(backend)
        mine = health.court_id if health is not None else ""
        acting = order.court_id if who == "addressed" else order.issuer_court_id
        if not self._store.may(backend, permission):
            return self.tr("Not allowed: it needs the permission to {permission}.").format(
                permission=name("permission", permission)
            )
        if mine != acting:
            return self.tr("Only {court} does this.").format(court=self._store.court_name(backend, acting))
        if who == "addressed" and not order.awaiting_reply:
            return self.tr("It waits for no reply: {state}.").format(state=order_state(order))
        if who == "issuer" and order.state != "replied":
            return self.tr("There is no reply to decide: {state}.").format(state=order_state(order))
        latest = self._store.commands.latest(backend, Subject(Collection.SUPERVISION, order.id))
        if latest is not None and latest.state == CommandState.PENDING:
            return self.tr("Your answer is on its way.")
        return None

    def _refresh(self) -> None:
        reasons = {action: self.why_not(action) for action in STEPS}
        for action, qaction in self.actions.items():
            qaction.setEnabled(reasons[action] is None)
        picked = self.picked()
        refused = None
        if picked is not None:
            latest = self._store.commands.latest(picked[0], Subject(Collection.SUPERVISION, picked[1].id))
            if latest is not None and latest.state == CommandState.REFUSED:
                refused = self.tr("Refused: {reason}").format(reason=latest.last_error)
        open_reasons = [r for r in reasons.values() if r is not None]
        self.status.setText(refused or (open_reasons[0] if len(open_reasons) == len(STEPS) else ""))
        mark_problem(self.status, refused is not None)

    def _step(self, action: Action) -> None:
        if (reason := self.why_not(action)) is not None:
            self.status.setText(reason)
            return
        backend, order = self.picked()
        label, placeholder, unsaid = {
            Action.REPLY_TO_SUPERVISION: (
                self.tr("What was done"),
                self.tr("e.g. The asset-report order was served on 3 December"),
                self.tr("Say what the court did: the court that issued the order reads it."),
            ),
            Action.ACCEPT_SUPERVISION: (
                self.tr("Note"),
                self.tr("e.g. Done as required"),
                self.tr("Say why it is accepted."),
            ),
            Action.RETURN_SUPERVISION: (
                self.tr("What is still wanted"),
                self.tr("e.g. Report the network query's results too"),
                self.tr("Say what is still wanted of the court."),
            ),
        }[action]
        step = self._title(action).replace("&", "").rstrip("…")  # Reply, Accept, Return: without its mnemonic
        dialog = NoteDialog(f"{step} · {order.number}", label, placeholder, step, self, unsaid)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        summary = f"{step} {order.number}"
        self._submit(
            backend, action, Subject(Collection.SUPERVISION, order.id), dialog.body(), summary, if_match=order.version
        )
