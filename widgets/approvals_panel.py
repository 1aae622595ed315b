"""Approvals: freezes and deductions above the threshold, waiting for a supervisor, and coercive
measures (detentions, fines, 拘传), waiting for a president.

The two-person rule is kept in sight: whoever asked cannot decide, and the panel says so rather
than offering a button the backend would refuse. A decision goes through the outbox at the version
shown, so that two supervisors deciding at once cannot both win.
"""

from __future__ import annotations

import time

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QActionGroup, QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.casework import COERCION_KINDS, Approval
from console.commands import Action, CommandState, Subject, Submit
from console.records import Collection
from console.store import Changes, Store
from widgets.live_store import LiveStore
from widgets.names import format_yuan, name
from widgets.plain_text import PlainLabel, plain_tooltip
from widgets.rows_model import SORT_ROLE, KeyOrder, RowsModel
from widgets.selection import Selected, Selection
from widgets.style import OVERDUE_COLOR, format_duration, mark_problem, readable
from widgets.table_sizing import size_columns


class ApprovalsModel(RowsModel):
    COLLECTION = Collection.APPROVALS
    KIND, CASE, WHAT, REQUESTED_BY, AGE, STATE = range(6)

    def __init__(self, live: LiveStore, parent: QObject | None = None) -> None:
        super().__init__(live, parent)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Approval"),
            self.tr("Case"),
            self.tr("What"),
            self.tr("Asked by"),
            self.tr("Waiting"),
            self.tr("State"),
        )

    def what(self, approval: Approval) -> str:
        if approval.kind == "detention" and approval.emergency:
            return self.tr(
                "{person}, {days} days, already detained in an emergency (approval to follow): {reason}"
            ).format(person=approval.subject, days=approval.days, reason=approval.reason)
        if approval.kind == "detention":
            return self.tr("{person}, {days} days: {reason}").format(
                person=approval.subject, days=approval.days, reason=approval.reason
            )
        if approval.kind == "fine":
            return self.tr("{person}, {amount}: {reason}").format(
                person=approval.subject, amount=format_yuan(approval.amount or 0.0), reason=approval.reason
            )
        if approval.kind == "compel":
            return self.tr("{person}: {reason}").format(person=approval.subject, reason=approval.reason)
        if approval.amount is None:  # property, sealed up or seized whole
            return approval.subject
        return f"{format_yuan(approval.amount)} · {approval.subject}"

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= self._rows:
            return None
        backend, approval = self.item(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.KIND:
                return name("approval", approval.kind)
            if column == self.CASE:
                case = self._store.cases.get(backend, approval.case_id)
                return case.number if case else approval.case_id
            if column == self.WHAT:
                return self.what(approval)
            if column == self.REQUESTED_BY:
                return approval.requested_by
            if column == self.AGE:
                return format_duration(time.time() - approval.requested_at) if approval.state == "pending" else ""
            state = name("approval_state", approval.state)
            return f"{state} · {approval.decided_by}" if approval.decided_by else state
        if role == Qt.ItemDataRole.ToolTipRole and column == self.WHAT:
            return plain_tooltip(self.what(approval))
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATE and approval.state == "pending":
            return QBrush(readable(OVERDUE_COLOR))
        if role == SORT_ROLE:
            return (approval.state != "pending", -approval.requested_at)  # waiting first, the newest on top
        return None


class ApprovalsPanel(QWidget):
    def __init__(self, live: LiveStore, selection: Selection, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store: Store = live.store
        self._selection = selection
        self._submit = submit
        self.model = ApprovalsModel(live, self)
        self.queue = KeyOrder(self)
        self.queue.setSourceModel(self.model)
        self.queue.setDynamicSortFilter(True)
        self.queue.sort(0)
        self.view = QTableView(self)
        self.view.setModel(self.queue)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        size_columns(
            self.view,
            {
                ApprovalsModel.KIND: 5,
                ApprovalsModel.CASE: 15,
                ApprovalsModel.REQUESTED_BY: 7,
                ApprovalsModel.AGE: 5,
                ApprovalsModel.STATE: 10,
            },
            stretch=ApprovalsModel.WHAT,
        )
        group = QActionGroup(self)
        group.setExclusionPolicy(QActionGroup.ExclusionPolicy.None_)
        group.triggered.connect(self._on_decide)
        self.approve = QAction(self.tr("&Approve"), group)
        self.approve.setData(Action.APPROVE)
        self.reject = QAction(self.tr("Re&ject"), group)
        self.reject.setData(Action.REJECT)
        self.status = PlainLabel(parent=self)
        self.status.setWordWrap(True)
        bar = QHBoxLayout()
        for qaction in (self.approve, self.reject):
            button = QToolButton(self)
            button.setDefaultAction(qaction)
            bar.addWidget(button)
        bar.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(bar)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        live.changed.connect(self._on_changed)
        self._refresh()

    def picked(self) -> tuple[str, Approval] | None:
        current = self.view.currentIndex()
        if not current.isValid():
            return None
        backend, approval = self.model.item(self.queue.mapToSource(current).row())
        return backend, self._store.approvals.get(backend, approval.id) or approval

    def _on_current(self, current: QModelIndex, _: QModelIndex) -> None:
        picked = self.picked()
        if picked is not None:
            self._selection.select(Selected(Collection.CASES, picked[0], picked[1].case_id))
        self._refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touched(Collection.APPROVALS) or changes.health or changes.commands:
            self._refresh()

    def _refresh(self) -> None:
        picked = self.picked()
        why, problem = None, False
        if picked is None:
            why = self.tr("Pick an approval.")
        else:
            backend, approval = picked
            health = self._store.health.get(backend)
            decisions = self._store.commands.about(backend, Subject(Collection.APPROVALS, approval.id))
            if approval.state != "pending":
                why = self.tr("Already decided.")
            elif not self._store.may(backend, needed := self.permission_for(approval)):
                who = self.tr("a president") if needed == "coercion.decide" else self.tr("a supervisor")
                why = self.tr("Only {who} decides: it needs the permission to {permission}.").format(
                    who=who, permission=name("permission", needed)
                )
            elif health is not None and approval.requested_by == health.user:
                why = self.tr("You asked for it: someone else must decide (two-person rule).")
            elif decisions and decisions[-1].state == CommandState.PENDING:
                why = self.tr("Your decision is on its way.")
            elif decisions and decisions[-1].state == CommandState.REFUSED:
                why, problem = self.tr("Refused: {reason}").format(reason=decisions[-1].last_error), True
        for qaction in (self.approve, self.reject):
            qaction.setEnabled(why is None or problem)
        self.status.setText(why or "")
        mark_problem(self.status, problem)

    @staticmethod
    def permission_for(approval: Approval) -> str:
        """What deciding `approval` takes: a president's for a coercive measure, else a supervisor's."""
        return "coercion.decide" if approval.kind in COERCION_KINDS else "approval.decide"

    def _on_decide(self, qaction: QAction) -> None:
        picked = self.picked()
        if picked is None:
            return
        backend, approval = picked
        decision: Action = qaction.data()
        summary = (self.tr("Approve {what}") if decision is Action.APPROVE else self.tr("Reject {what}")).format(
            what=f"{name('approval', approval.kind)} {self.model.what(approval)}"
        )
        subject = Subject(Collection.APPROVALS, approval.id)
        self._submit(backend, decision, subject, {"note": ""}, summary, if_match=approval.version)
