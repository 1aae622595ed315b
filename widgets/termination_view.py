"""The 终本 gate of the case in view: its checklist (法〔2016〕373号), what is still unmet, and the
actions that meet it and decide: record an act as done (Ctrl+Shift+R), terminate the current
enforcement procedure (终本, Ctrl+Shift+T), and resume a 终本 case (恢复执行, Ctrl+Shift+H).

The backend checks the gate again and refuses 终本 while a condition is unmet; this view says the
same before anything is sent. Each action goes through the outbox, like every command.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.case_detail import ACT_MEETING, CaseDetail
from console.casework import Case
from console.commands import Action, Subject, Submit
from console.records import Collection
from console.store import Store
from widgets.action_dialogs import ActDialog, DecisionDialog
from widgets.answering import why_not
from widgets.case_actions import CaseActionsTab
from widgets.case_tables import record_table
from widgets.names import cite, format_date, name
from widgets.plain_text import PlainLabel

# action → (shortcut, the permission it needs)
ACTIONS = {
    Action.RECORD_ACT: ("Ctrl+Shift+R", "case.record"),
    Action.TERMINATE: ("Ctrl+Shift+T", "case.terminate"),
    Action.RESUME: ("Ctrl+Shift+H", "case.terminate"),  # H for 恢复 (huīfù)
}
MARKS = {"met": "✓", "unmet": "✗", "not_required": "–"}  # the state without colour too


class TerminationView(CaseActionsTab):
    def __init__(self, store: Store, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(store, submit, ACTIONS, parent)
        self.summary = PlainLabel(parent=self)
        self.summary.setWordWrap(True)
        self.table = record_table(3, 0, self)
        self.table.itemSelectionChanged.connect(self.refresh)
        self.why = PlainLabel(parent=self)
        self.why.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.why)
        layout.addLayout(self.buttons)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Condition"), self.tr("State"), self.tr("Rule (法〔2016〕373号)")]
        )
        self.show_case("", None, None)

    # what is shown

    def title(self, action: Action) -> str:
        return {
            Action.RECORD_ACT: self.tr("&Record as done…"),
            Action.TERMINATE: self.tr("&Terminate the current enforcement procedure (终本)…"),
            Action.RESUME: self.tr("Resume en&forcement (恢复执行)…"),
        }[action]

    def show_case(self, backend: str, case: Case | None, detail: CaseDetail | None) -> None:
        """The gate of `case` (the freshest the case panel has), from its `detail` once fetched."""
        self.show_detail(backend, case, detail)
        gate = self._detail.termination if self._detail is not None else None
        picked = self._picked_condition()
        self.table.setRowCount(0 if gate is None else len(gate.checklist))
        bold = QFont(self.font())
        bold.setBold(True)
        for row, item in enumerate(gate.checklist if gate is not None else ()):
            cells = (
                name("condition", item.condition),
                f"{MARKS.get(item.state, '?')} {name('condition_state', item.state)}",
                cite(item.source),
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.condition)
                if item.state == "unmet":
                    cell.setFont(bold)
                self.table.setItem(row, column, cell)
            if item.condition == picked:
                self.table.selectRow(row)
        self.summary.setText(self._summary())
        self.refresh()

    def _summary(self) -> str:
        case, detail = self._case, self._detail
        if case is None:
            return self.tr("Open a case to see its 终本 conditions.")
        if detail is None:
            return self.tr("Loading the case's 终本 conditions…")
        gate = detail.termination
        if case.resumed_as:
            resumed = self._store.cases.get(self._backend, case.resumed_as)
            return self.tr("Terminated (终本), then resumed as {case}.").format(
                case=resumed.number if resumed else case.resumed_as
            )
        if gate is None:
            if case.kind == "preservation":
                return self.tr("A property-preservation case carries out its ruling only: it never ends in 终本.")
            return self.tr("This case did not end in 终本, and no longer can: it is closed.")
        if gate.decided_at is not None:
            return self.tr(
                "Terminated (终本) on {date} by {who}; re-queried %n time(s) since (every 6 months for 5 years).",
                "",
                gate.requeries,
            ).format(date=format_date(gate.decided_at), who=gate.decided_by)
        if gate.unmet:
            return self.tr("%n condition(s) of 终本 not met yet.", "", len(gate.unmet))
        return self.tr("Every condition of 终本 is met: a supervisor may terminate the current enforcement procedure.")

    def _picked_condition(self) -> str | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    # what can be done

    def refresh(self) -> None:
        super().refresh()
        # Beside the buttons, why the action the case is up to cannot run: 终本, or 恢复执行 after it.
        case = self._case
        up_to = Action.RESUME if case is not None and "terminated_for_now" in case.flags else Action.TERMINATE
        self.why.setText(why_not(self.actions[up_to]))

    def reason_not(self, action: Action) -> str | None:
        case, gate = self._case, self._detail.termination
        if action is Action.RESUME:
            if "terminated_for_now" not in case.flags:
                return self.tr("Only a case whose current enforcement procedure was terminated (终本) can be resumed.")
            if case.resumed_as:
                return self.tr("Already resumed.")
            return None
        if case.status != "open":
            return self.tr("{case} is closed.").format(case=case.number)
        if gate is None:
            return self.tr("This case has no 终本 conditions: a property-preservation case never ends in 终本.")
        if action is Action.RECORD_ACT:
            if not gate.to_record:
                unmet = set(gate.unmet) - set(ACT_MEETING)
                if "network_investigation" in unmet:
                    return self.tr("Nothing to record: launch a national asset query (Ctrl+Shift+A) instead.")
                return self.tr("Nothing to record: every condition an act meets is met.")
            return None
        if gate.unmet:
            return self.tr("Not yet: {conditions}.").format(
                conditions=self.tr(", ").join(name("condition", c) for c in gate.unmet)
            )
        return None

    def act(self, action: Action) -> None:
        case = self._case
        subject = Subject(Collection.CASES, case.id)
        if action is Action.RECORD_ACT:
            gate = self._detail.termination
            picked = ACT_MEETING.get(self._picked_condition() or "")
            dialog = ActDialog(case, gate.to_record, picked, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            body = dialog.body()
            summary = self.tr("Recorded for {case}: {act}").format(case=case.number, act=name("act", body["act"]))
        elif action is Action.TERMINATE:
            dialog = DecisionDialog(
                self.tr("Termination of the current enforcement procedure (终本)"),
                case,
                self.tr(
                    "The case closes, and its respondent's property is queried every 6 months for 5 years; "
                    "a find can resume it (恢复执行)."
                ),
                self.tr("Terminate (终本)"),
                self,
            )
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            body, summary = dialog.body(), self.tr("终本 of {case}").format(case=case.number)
        else:
            dialog = DecisionDialog(
                self.tr("Resume enforcement (恢复执行)"),
                case,
                self.tr("A new case (执恢) is filed for what is still owed, with the same parties."),
                self.tr("Resume"),
                self,
            )
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            body, summary = dialog.body(), self.tr("恢复执行 of {case}").format(case=case.number)
        self._submit(self._backend, action, subject, body, summary)
