"""Passive enforcement (消极执行): the findings of the backends followed, each one of the 25
situations on a case, with its evidence and the case's officer (API 1.5).

Filtered by state (those to review first), situation, court and officer; beside the list, the
findings of the situation and court chosen counted per officer, the most first: who lets cases
lie. Picking a finding opens its
case and shows its evidence below. A supervisor of a court above confirms it (Ctrl+Alt+C) or
dismisses it (Ctrl+Alt+X), with a reason; and records by hand, on the case picked anywhere, a
situation the data cannot show (Ctrl+Alt+F). The panel says who may act rather than offering a
step the backend would refuse; each goes through the outbox at the version shown.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QBrush
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.casework import is_above
from console.commands import Action, CommandState, Subject, Submit
from console.findings import FINDING_STATES, SITUATIONS, Evidence, Finding, tally
from console.records import Collection
from console.store import Changes
from widgets.action_dialogs import FindingDialog, NoteDialog
from widgets.answering import panel_action
from widgets.court_figures_panel import Count
from widgets.list_model import ListModel, counts_table, list_view
from widgets.live_store import LiveStore
from widgets.names import format_date, format_yuan, name
from widgets.plain_text import PlainLabel
from widgets.selection import Selected, Selection
from widgets.style import OVERDUE_COLOR, mark_problem, readable
from widgets.table_sizing import filling, size_columns
from widgets.warnings_panel import court_key

REDRAW_MS = 2000  # the list is built again at most this often as findings come
COUNTS_SHARE = 1000  # the counts beside the list: 2 parts to its 5
# action → (shortcut, what the panel says the step is)
STEPS = {
    Action.CONFIRM_FINDING: "Ctrl+Alt+C",
    Action.DISMISS_FINDING: "Ctrl+Alt+X",
    Action.RECORD_FINDING: "Ctrl+Alt+F",
}


def situation_title(situation: int) -> str:
    return f"{situation}. {name('situation', str(situation))}"


def evidence_line(item: Evidence) -> str:
    """One item of evidence as the operator reads it: what, where, when."""
    parts = [name("fact", item.fact)]
    if item.node:
        parts.append(f"“{name('node', item.node)}”")
    if item.at is not None:
        parts.append(format_date(item.at))
    if item.fact == "supervision_issued":  # an order's number; other references are the backend's ids
        parts.append(item.ref)
    if item.amount is not None:
        parts.append(format_yuan(item.amount))
    if item.note:
        parts.append(item.note)
    return " ".join(parts)


class FindingsModel(ListModel):
    """The findings shown: those of the narrowing, in the order asked (there may be tens of
    thousands)."""

    SITUATION, STATE, CASE, COURT, OFFICER, SINCE, EVIDENCE = range(7)

    def __init__(self, live: LiveStore, parent: QObject | None = None) -> None:
        super().__init__((self.SINCE, Qt.SortOrder.DescendingOrder), parent)
        self._store = live.store
        self.state: str | None = "open"
        self.situation: int | None = None
        self.court: str | None = None  # `court_key`
        self.officer = ""
        self.headers = (
            self.tr("Situation"),
            self.tr("State"),
            self.tr("Case"),
            self.tr("Court"),
            self.tr("Officer"),
            self.tr("Since"),
            self.tr("Evidence"),
        )

    def narrow(self, **wanted) -> None:
        for key, value in wanted.items():
            setattr(self, key, value)
        self.show_rows([(backend, f) for backend, f in self._store.findings if self.keeps(backend, f)])

    def keeps(self, backend: str, f: Finding, by_state_and_officer: bool = True) -> bool:
        """Whether the filters keep `f`; the counts ask without the state and the officer, by which
        they count."""
        return (
            (self.situation is None or f.situation == self.situation)
            and (self.court is None or self.court == court_key(backend, f.court_id))
            and (
                not by_state_and_officer
                or ((self.state is None or f.state == self.state) and (not self.officer or self.officer in f.officer))
            )
        )

    def sort_key(self, column: int):
        return {
            self.SITUATION: lambda row: row[1].situation,
            self.SINCE: lambda row: row[1].since,
            self.STATE: lambda row: FINDING_STATES.index(row[1].state),
        }.get(column, lambda row: self._text(row, column))

    def _text(self, row: tuple[str, Finding], column: int) -> str:
        backend, f = row
        if column == self.SITUATION:
            return situation_title(f.situation)
        if column == self.STATE:
            return name("finding_state", f.state)
        if column == self.CASE:
            return f.case_number
        if column == self.COURT:
            return self._store.court_name(backend, f.court_id)
        if column == self.OFFICER:
            return f.officer
        if column == self.SINCE:
            return format_date(f.since)
        return " → ".join(evidence_line(item) for item in f.evidence)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.SINCE:
                return self.tr("When its limit ran out (without a limit, its first evidence)")
            return self._text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATE and row[1].state == "confirmed":
            return QBrush(readable(OVERDUE_COLOR))
        return None


class FindingsPanel(QWidget):
    def __init__(self, live: LiveStore, selection: Selection, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = live.store
        self._selection = selection
        self._submit = submit
        self.model = FindingsModel(live, self)

        self.state = QComboBox(self)
        for state in FINDING_STATES:
            self.state.addItem(name("finding_state", state), state)
        self.state.addItem(self.tr("Every state"), None)
        self.situation = QComboBox(self)
        self.situation.addItem(self.tr("Every situation"), None)
        for situation in SITUATIONS:
            self.situation.addItem(situation_title(situation), situation)
        self.situation.setMinimumContentsLength(16)
        self.situation.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.court = QComboBox(self)
        self.officer = QLineEdit(self)
        self.officer.setPlaceholderText(self.tr("Officer"))
        self.officer.setClearButtonEnabled(True)
        filters = QHBoxLayout()
        for widget in (self.state, self.situation, self.court, self.officer):
            filters.addWidget(widget)
        filters.addStretch(1)

        self.summary = PlainLabel(parent=self)
        self.summary.setWordWrap(True)
        states = (name("finding_state", "open"), name("finding_state", "confirmed"))
        self.counts = counts_table([self.tr("Officer"), *states, self.tr("All")], self)
        self.counts.horizontalHeaderItem(3).setToolTip(self.tr("Every finding but the dismissed"))
        self.view = list_view(self.model, self)
        size_columns(
            self.view,
            {
                FindingsModel.SITUATION: 22,
                FindingsModel.STATE: 8,
                FindingsModel.CASE: 16,
                FindingsModel.COURT: 12,
                FindingsModel.OFFICER: 6,
                FindingsModel.SINCE: 8,
            },
            stretch=FindingsModel.EVIDENCE,
            least=8,
            given_up=(FindingsModel.COURT, FindingsModel.SINCE),
        )
        self.detail = PlainLabel(parent=self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.counts)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([2 * COUNTS_SHARE, 5 * COUNTS_SHARE])

        self.actions: dict[Action, QAction] = {}
        self.status = PlainLabel(parent=self)
        self.status.setWordWrap(True)
        bar = QHBoxLayout()
        for action, shortcut in STEPS.items():
            qaction = panel_action(self._title(action), shortcut, self, bar)
            qaction.triggered.connect(lambda _=False, action=action: self._step(action))
            self.actions[action] = qaction
        bar.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.detail)
        layout.addLayout(bar)

        self.state.currentIndexChanged.connect(lambda: self._narrow(state=self.state.currentData()))
        self.situation.currentIndexChanged.connect(lambda: self._narrow(situation=self.situation.currentData()))
        self.court.currentIndexChanged.connect(lambda: self._narrow(court=self.court.currentData()))
        self.officer.textChanged.connect(lambda text: self._narrow(officer=text.strip()))
        self.counts.itemSelectionChanged.connect(self._on_counted)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        self._redraw = QTimer(self, singleShot=True, interval=REDRAW_MS)
        self._redraw.timeout.connect(self.redraw)
        live.changed.connect(self._on_changed)
        selection.changed.connect(self._on_selected)
        self.redraw()

    def _title(self, action: Action) -> str:
        return {
            Action.CONFIRM_FINDING: self.tr("&Confirm…"),
            Action.DISMISS_FINDING: self.tr("Dis&miss…"),
            Action.RECORD_FINDING: self.tr("&Record on the case…"),
        }[action]

    def _on_changed(self, changes: Changes) -> None:
        if changes.touched(Collection.FINDINGS) and not self._redraw.isActive():
            self._redraw.start()
        if changes.touched(Collection.FINDINGS) or changes.health or changes.commands:
            self._refresh()

    def redraw(self) -> None:
        """Builds the list, the courts and the counts again from the store."""
        self._keeping_current(self.model.narrow)
        self._refill_courts()
        self._recount()
        self._summarise()

    def _keeping_current(self, change) -> None:
        picked = self.picked()
        change()
        if picked is not None:
            row = next((r for r, (_, f) in enumerate(self.model.rows) if f.id == picked[1].id), None)
            if row is not None:  # kept, without opening its case anew for the window
                self.view.selectionModel().blockSignals(True)
                self.view.setCurrentIndex(self.model.index(row, 0))
                self.view.selectionModel().blockSignals(False)
        self._refresh()

    def _refill_courts(self) -> None:
        chosen = self.court.currentData()
        courts = {(backend, f.court_id) for backend, f in self._store.findings}
        self.court.blockSignals(True)
        self.court.clear()
        self.court.addItem(self.tr("Every court"), None)
        for label, court in sorted((self._store.court_name(*court), court) for court in courts):
            self.court.addItem(label, court_key(*court))
        self.court.setCurrentIndex(max(0, self.court.findData(chosen)))
        self.court.blockSignals(False)

    def _recount(self) -> None:
        counted = tally((b, f) for b, f in self._store.findings if self.model.keeps(b, f, by_state_and_officer=False))
        self.counts.blockSignals(True)
        with filling(self.counts):
            self.counts.setRowCount(len(counted))
            for row, ((backend, court_id, officer), states) in enumerate(counted.items()):
                cell = QTableWidgetItem(f"{officer} · {self._store.court_name(backend, court_id)}")
                cell.setData(Qt.ItemDataRole.UserRole, (backend, court_id, officer))
                self.counts.setItem(row, 0, cell)
                self.counts.setItem(row, 1, Count(states["open"]))
                self.counts.setItem(row, 2, Count(states["confirmed"]))
                self.counts.setItem(row, 3, Count(states["open"] + states["confirmed"]))
        self.counts.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        self.counts.blockSignals(False)

    def _on_counted(self) -> None:
        """An officer picked in the counts narrows the list to them."""
        items = self.counts.selectedItems()
        if not items:
            return
        backend, court_id, officer = self.counts.item(items[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        self.court.setCurrentIndex(max(0, self.court.findData(court_key(backend, court_id))))
        self.officer.setText(officer)

    def _on_selected(self, selected: Selected | None) -> None:
        """A court picked anywhere (the map, the indicators) narrows the list to it, when it has any."""
        if selected is not None and selected.kind is Collection.COURTS:
            index = self.court.findData(court_key(selected.backend, selected.id))
            if index >= 0:
                self.court.setCurrentIndex(index)
        self._refresh()

    def _narrow(self, **wanted) -> None:
        self._keeping_current(lambda: self.model.narrow(**wanted))
        if {"court", "situation"} & set(wanted):
            self._recount()
        self._summarise()

    def _summarise(self) -> None:
        shown = self.model.rows
        officers = {(backend, f.court_id, f.officer) for backend, f in shown}
        self.summary.setText(
            self.tr("%n finding(s) listed, of {officers} officer(s) in {courts} court(s).", "", len(shown)).format(
                officers=f"{len(officers):,}", courts=f"{len({o[:2] for o in officers}):,}"
            )
        )

    def picked(self) -> tuple[str, Finding] | None:
        current = self.view.currentIndex()
        if not current.isValid() or current.row() >= len(self.model.rows):
            return None
        backend, finding = self.model.rows[current.row()]
        return backend, self._store.findings.get(backend, finding.id) or finding  # as the store holds it now

    def _on_current(self, current: QModelIndex, _: QModelIndex) -> None:
        picked = self.picked()
        if picked is not None:
            self._selection.select(Selected(Collection.CASES, picked[0], picked[1].case_id))
        self._refresh()

    def _picked_case(self) -> tuple[str, str] | None:
        """The case picked anywhere in the window: (backend, case id)."""
        current = self._selection.current
        if current is None or current.kind != Collection.CASES:
            return None
        return current.backend, current.id

    def why_not(self, action: Action) -> str | None:
        """Why this user may not take `action` now; None when they may."""
        if action == Action.RECORD_FINDING:
            case = self._picked_case()
            if case is None:
                return self.tr("Pick a case to record a finding on it.")
            backend, court_id = case[0], getattr(self._store.cases.get(*case), "court_id", None)
        else:
            picked = self.picked()
            if picked is None:
                return self.tr("Pick a finding.")
            backend, finding = picked
            court_id = finding.court_id
            if finding.state != "open":
                return self.tr("It is {state} already.").format(state=name("finding_state", finding.state))
            latest = self._store.commands.latest(backend, Subject(Collection.FINDINGS, finding.id))
            if latest is not None and latest.state == CommandState.PENDING:
                return self.tr("Your decision is on its way.")
        if not self._store.may(backend, "finding.decide"):
            return self.tr("Not allowed: it needs the permission to {permission}.").format(
                permission=name("permission", "finding.decide")
            )
        health = self._store.health.get(backend)
        mine = health.court_id if health is not None else ""
        top = self._store.courts.get(backend, mine)
        if court_id is None or not (
            is_above(self._store.courts, backend, mine, court_id) or (court_id == mine and top and not top.parent_id)
        ):
            return self.tr("Only a court above {court} does this.").format(
                court=self._store.court_name(backend, court_id or "")
            )
        return None

    def _refresh(self) -> None:
        reasons = {action: self.why_not(action) for action in STEPS}
        for action, qaction in self.actions.items():
            qaction.setEnabled(reasons[action] is None)
        picked = self.picked()
        refused = None
        if picked is not None:
            latest = self._store.commands.latest(picked[0], Subject(Collection.FINDINGS, picked[1].id))
            if latest is not None and latest.state == CommandState.REFUSED:
                refused = self.tr("Refused: {reason}").format(reason=latest.last_error)
        self.status.setText(refused or reasons[Action.CONFIRM_FINDING] or "")
        mark_problem(self.status, refused is not None)
        self.detail.setText("" if picked is None else self._describe(*picked))

    def _describe(self, backend: str, finding: Finding) -> str:
        lines = [f"{situation_title(finding.situation)} · {finding.case_number} · {finding.officer}"]
        lines += [f"· {evidence_line(item)}" for item in finding.evidence]
        if finding.state != "open":
            lines.append(
                self.tr("{state} by {who} on {when}: {reason}").format(
                    state=name("finding_state", finding.state),
                    who=finding.decided_by or "",
                    when=format_date(finding.decided_at),
                    reason=finding.reason,
                )
            )
        return "\n".join(lines)

    def _step(self, action: Action) -> None:
        if (reason := self.why_not(action)) is not None:
            self.status.setText(reason)
            return
        step = self._title(action).replace("&", "").rstrip("…")
        if action == Action.RECORD_FINDING:
            backend, case_id = self._picked_case()
            case = self._store.cases.get(backend, case_id)
            dialog = FindingDialog(case, self._store.court_name(backend, case.court_id), self)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                summary = f"{step} {case.number}"
                self._submit(backend, action, Subject(Collection.CASES, case_id), dialog.body(), summary)
            return
        backend, finding = self.picked()
        placeholder, unsaid = {
            Action.CONFIRM_FINDING: (
                self.tr("e.g. The officer confirmed no query was made; passed to the inspection office"),
                self.tr("Say why it is confirmed: it goes on the officer's record."),
            ),
            Action.DISMISS_FINDING: (
                self.tr("e.g. The query was made on paper on 3 March and entered late"),
                self.tr("Say why it is dismissed."),
            ),
        }[action]
        dialog = NoteDialog(f"{step} · {finding.case_number}", self.tr("Reason"), placeholder, step, self, unsaid)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._submit(
            backend,
            action,
            Subject(Collection.FINDINGS, finding.id),
            {"reason": dialog.body()["note"]},
            f"{step} {finding.case_number}",
            if_match=finding.version,
        )
