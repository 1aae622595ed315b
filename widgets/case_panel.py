"""Case detail: the case the operator picked anywhere (or typed the number of), with its place in the
37 process nodes, its field tasks, its asset queries and its audit trail.

The case, its tasks and its queries come live from the store; its node history and audit trail are
fetched from its backend on a worker thread, again (at most every few seconds) when the case or one
of its objects moves on. A fetch for a case no longer shown is ignored when it returns.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.audit_chain import export_lines
from console.case_detail import MASKED, CaseDetail, Party, fetch_case_detail
from console.commands import Submit
from console.lookup import NUMBER_EXAMPLE, Match
from console.records import Collection
from console.session import BackendSession
from console.store import Changes, Store
from widgets.action_dialogs import RevealDialog
from widgets.background import run_in_background
from widgets.case_header import CaseHeader
from widgets.case_tables import AuditModel, PartiesModel, TasksModel
from widgets.coercion_view import CoercionView
from widgets.credit_view import CreditView
from widgets.disposal_view import DisposalView
from widgets.funds_view import FundsView
from widgets.live_store import LiveStore
from widgets.match_list import MatchList
from widgets.names import name
from widgets.node_flow import NodeFlow
from widgets.plain_text import PlainLabel, plain_tooltip
from widgets.queries_model import ProgressDelegate, QueriesModel
from widgets.referral_view import ReferralView
from widgets.rows_model import SORT_ROLE, CaseFilter, RowsModel
from widgets.selection import Selected, Selection
from widgets.style import mark_problem
from widgets.supervision_view import SupervisionView
from widgets.termination_view import TerminationView

log = logging.getLogger(__name__)

# A busy case (a query answering bank by bank) moves many times a second; its history is asked for
# at most this often.
REFRESH_INTERVAL_MS = 2000
# The objects whose changes come from operators' commands, and so add to a case's audit trail.
AUDITED = (Collection.ESCALATIONS, Collection.MEASURES, Collection.APPROVALS, Collection.SUPERVISION)
# The case's objects shown live beside its flow: a task or a batch that moves on adds to its history.
RELATED = (Collection.TASKS, Collection.QUERIES)
TERMINATION_TAB, DISPOSAL_TAB, FUNDS_TAB, COERCION_TAB, CREDIT_TAB, REFERRAL_TAB, SUPERVISION_TAB = range(4, 11)


class CasePanel(QWidget):
    notice = Signal(str)
    """Why an action asked for on the case cannot run, for the status bar."""

    def __init__(
        self,
        live: LiveStore,
        session_of: Callable[[str], BackendSession | None],
        selection: Selection,
        submit: Submit,
        parent: QWidget | None = None,
    ) -> None:
        """`session_of` gives the session of a followed backend, to fetch a case's history with;
        `submit` sends the 终本 gate's commands."""
        super().__init__(parent)
        self._store: Store = live.store
        self._session_of = session_of
        self._selection = selection
        self.shown: tuple[str, str] | None = None  # (backend, case id)
        self.detail: CaseDetail | None = None
        self.revealed: QMessageBox | None = None  # a party's personal data, shown until closed
        self._version: int | None = None  # of the case as last drawn
        self._request = 0  # the newest fetch; an answer to an older one is stale
        self._in_flight = False
        self._stale = False  # the case moved on during a fetch: fetch again when it returns
        self._related: frozenset = frozenset()  # (id, state) of the case's tasks and queries

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Open a case: its number or a part of it, a party, a court"))
        self.search.setClearButtonEnabled(True)
        self.search_message = PlainLabel(parent=self)
        self.matches = MatchList(self.search, self._store, kinds=(Collection.CASES,))  # as the window's search
        self.matches.chosen.connect(self._open)
        self.matches.said.connect(self._say)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 2)
        search_row.addWidget(self.search_message, 3)

        self.header = CaseHeader(self)
        self.status = PlainLabel(parent=self)
        self.status.setWordWrap(True)
        self.status.hide()
        self.flow = NodeFlow(self)
        # The case's tasks and batches, newest first: the store's tables, narrowed to the case shown.
        self.tasks = self._of_the_case(TasksModel(live, self), TasksModel.KIND, Qt.SortOrder.DescendingOrder)
        self.queries = self._of_the_case(QueriesModel(live, self), QueriesModel.AGE, Qt.SortOrder.AscendingOrder)
        self.audit = AuditModel(self._store, self)
        self.tabs = QTabWidget(self)
        self.task_view = self._table(self.tasks, stretch=TasksModel.NOTE)
        self.query_view = self._table(self.queries, stretch=QueriesModel.CATEGORIES)
        self.query_view.setItemDelegateForColumn(QueriesModel.PROGRESS, ProgressDelegate(self.query_view))
        for column in (QueriesModel.CASE, QueriesModel.RESPONDENT, QueriesModel.VALUE, QueriesModel.BACKEND):
            self.query_view.setColumnHidden(column, True)
        self.audit_view = self._table(self.audit, stretch=AuditModel.DETAIL)
        self.parties = PartiesModel(self)
        self.party_view = self._table(self.parties, stretch=PartiesModel.ADDRESS)
        self.termination = TerminationView(self._store, submit, self)
        self.disposals = DisposalView(self._store, submit, self)
        self.funds = FundsView(self._store, submit, self)
        self.coercions = CoercionView(self._store, submit, self)
        self.credit = CreditView(self._store, submit, self)
        self.referral = ReferralView(self._store, submit, self)
        self.supervision = SupervisionView(live, submit, self)
        self.case_tabs = (
            self.termination,
            self.disposals,
            self.funds,
            self.coercions,
            self.credit,
            self.referral,
            self.supervision,
        )
        for view in self.case_tabs:
            view.notice.connect(self.notice)
        for view in (self.task_view, self.query_view, self.audit_view, self.party_view, *self.case_tabs):
            self.tabs.addTab(view, "")
        for model in (self.tasks, self.queries, self.audit, self.parties):
            for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
                signal.connect(self._retitle_tabs)
        self._retitle_tabs()

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.flow)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        case_page = QWidget(self)
        case_layout = QVBoxLayout(case_page)
        case_layout.setContentsMargins(0, 0, 0, 0)
        case_layout.setSpacing(2)
        case_layout.addWidget(self.header)
        case_layout.addWidget(self.status)
        case_layout.addWidget(splitter, 1)
        case_layout.addLayout(self._trust_row())
        self.placeholder = QLabel(
            self.tr(
                "No case open. To open one: type its number, or a part of it, above (e.g. {example}); "
                "or press Ctrl+F and type a party's name or its court; or click it on the map or in a table."
            ).format(example=NUMBER_EXAMPLE),
            self,
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.placeholder)
        self.pages.addWidget(case_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addLayout(search_row)
        layout.addWidget(self.pages, 1)

        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_INTERVAL_MS)
        self._refresh.timeout.connect(self._on_refresh)
        selection.changed.connect(self._on_selected)
        live.changed.connect(self._on_changed)

    def _of_the_case(self, model: RowsModel, column: int, order: Qt.SortOrder) -> CaseFilter:
        narrowed = CaseFilter(self)
        narrowed.setSourceModel(model)
        narrowed.setSortRole(SORT_ROLE)
        narrowed.setDynamicSortFilter(True)
        narrowed.sort(column, order)
        narrowed.set_case(("", ""))  # no case yet: nothing
        return narrowed

    def _table(self, model, stretch: int) -> QTableView:
        view = QTableView(self)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        return view

    def _trust_row(self) -> QHBoxLayout:
        """How far the audit holds, its export, and the reveal of a party's personal data."""
        self.audit_state = PlainLabel(parent=self)
        self.audit_state.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export audit…"), self)
        self.export_button.setToolTip(self.tr("The case's audit trail as JSON Lines, verifiable offline"))
        self.export_button.clicked.connect(self._on_export)
        self.reveal_button = QPushButton(self.tr("Reveal personal data…"), self)
        self.reveal_button.clicked.connect(self._on_reveal)
        self.party_view.selectionModel().selectionChanged.connect(self._refresh_trust)
        row = QHBoxLayout()
        row.addWidget(self.audit_state, 1)
        row.addWidget(self.reveal_button)
        row.addWidget(self.export_button)
        return row

    def _retitle_tabs(self) -> None:
        for index, (title, model) in enumerate(
            (
                (self.tr("Tasks"), self.tasks),
                (self.tr("Queries"), self.queries),
                (self.tr("Audit trail"), self.audit),
                (self.tr("Parties"), self.parties),
            )
        ):
            self.tabs.setTabText(index, f"{title} ({model.rowCount()})")
        gate = self.detail.termination if self.detail is not None else None
        unmet = len(gate.unmet) if gate is not None and gate.decided_at is None else 0
        self.tabs.setTabText(
            TERMINATION_TAB,
            self.tr("终本 conditions ({unmet} unmet)").format(unmet=unmet) if unmet else self.tr("终本"),
        )
        selling = self.disposals.under_way()
        self.tabs.setTabText(
            DISPOSAL_TAB,
            self.tr("Disposal ({selling} being sold)").format(selling=selling) if selling else self.tr("Disposal"),
        )
        late = self.funds.overdue()
        self.tabs.setTabText(
            FUNDS_TAB, self.tr("Case funds ({late} overdue)").format(late=late) if late else self.tr("Case funds")
        )
        untold = self.coercions.overdue()
        self.tabs.setTabText(
            COERCION_TAB,
            self.tr("Coercive measures ({untold} family not told)").format(untold=untold)
            if untold
            else self.tr("Coercive measures"),
        )
        held = self.credit.in_force()
        self.tabs.setTabText(
            CREDIT_TAB,
            self.tr("Credit punishment ({held})").format(held=held) if held else self.tr("Credit punishment"),
        )
        self.tabs.setTabText(REFERRAL_TAB, self.tr("Bankruptcy and relief"))
        waiting = self.supervision.awaiting()
        self.tabs.setTabText(
            SUPERVISION_TAB,
            self.tr("Supervision ({waiting} awaiting a reply)").format(waiting=waiting)
            if waiting
            else self.tr("Supervision"),
        )

    # what to show

    def _case_of(self, selected: Selected) -> tuple[str, str] | None:
        """The case a selection names: a case, or the case of an escalation or of a query batch."""
        if selected.kind is Collection.CASES:
            return selected.backend, selected.id
        if selected.kind not in (Collection.ESCALATIONS, Collection.QUERIES):
            return None
        item = self._store.rows(selected.kind).get(selected.backend, selected.id)
        case_id = getattr(item, "case_id", None)
        return None if case_id is None else (selected.backend, case_id)

    def _on_selected(self, selected: Selected | None) -> None:
        # A team, or nothing, leaves the case in view: an operator who looks at a team on the map
        # usually still works on this case.
        case = None if selected is None else self._case_of(selected)
        if case is not None:
            self.show_case(*case)

    def show_case(self, backend: str, case_id: str) -> None:
        if (backend, case_id) == self.shown:
            return
        self.shown, self.detail, self._version = (backend, case_id), None, None
        self.tasks.set_case(self.shown)
        self.queries.set_case(self.shown)
        self.audit.show_entries(backend, ())
        self.parties.show_parties(())
        self._refresh_trust()
        self._related = self._related_now()
        self.pages.setCurrentIndex(1)
        self._draw()
        self._refresh.stop()
        self._fetch()

    def window_actions(self) -> list[QAction]:
        return [action for view in self.case_tabs for action in view.actions.values()]

    def view_state(self) -> dict:
        return {"search": self.search.text(), "tab": self.tabs.currentIndex()}

    def restore_view_state(self, state: dict) -> None:
        self.search.setText(state["search"])
        self.tabs.setCurrentIndex(state["tab"])

    def _open(self, match: Match) -> None:
        self._selection.select(Selected(Collection.CASES, match.backend, match.id))
        self.show_case(match.backend, match.id)  # also when that case was selected already but not shown

    def _say(self, text: str, problem: bool) -> None:
        mark_problem(self.search_message, problem)
        self.search_message.setText(text)

    # drawing

    def _draw(self) -> None:
        """The header and the flow from the freshest of what the store holds and what was fetched."""
        backend, case_id = self.shown
        case = self._store.cases.get(backend, case_id)
        if self.detail is not None and (case is None or self.detail.case.version >= case.version):
            case = self.detail.case
        if case is None:  # not in the store: the fetch brings it, or says why not
            for view in self.case_tabs:
                view.show_case(backend, None, None)
            self.header.show_missing(case_id)
            self.flow.show_case(None, (), False)
            return
        self._version = case.version
        for view in self.case_tabs:
            view.show_case(backend, case, self.detail)
        self._retitle_tabs()
        court = self._store.courts.get(backend, case.court_id)
        self.header.show_case(case, court.name if court else case.court_id)
        history = self.detail.history if self.detail is not None else ()
        self.flow.show_case(case.node, history, case.overdue)

    def _show_status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setToolTip(plain_tooltip(text) if error else "")
        mark_problem(self.status, error)
        self.status.setVisible(bool(text))

    # fetching

    def _fetch(self) -> None:
        backend, case_id = self.shown
        self._request += 1
        self._stale = False
        session = self._session_of(backend)
        if session is None:
            self._in_flight = False
            self._show_status(
                self.tr("Cannot load the case's history: not connected to {backend}.").format(backend=backend),
                error=True,
            )
            return
        self._in_flight = True
        if self.detail is None:
            self._show_status(self.tr("Loading the case's history and audit trail…"))
        run_in_background(self, partial(fetch_case_detail, session, case_id), partial(self._on_fetched, self._request))

    def _on_fetched(self, request: int, detail: CaseDetail | None, error: Exception | None) -> None:
        if request != self._request:
            return  # an answer for a case no longer shown, or overtaken by a newer fetch
        self._in_flight = False
        if error is not None:
            log.warning("case %s on %s: %s", self.shown[1], self.shown[0], error)
            self._show_status(
                self.tr("Could not load the case's detail: {error}").format(error=str(error)[:300]), error=True
            )
        else:
            self.detail = detail
            self.audit.show_entries(detail.backend, detail.audit)
            self._show_parties(detail)
            self._refresh_trust()
            self._show_status("")
            self._draw()
        if self._stale:
            self._stale = False
            self._refresh.start()

    def _on_refresh(self) -> None:
        if self.shown is None:
            return
        if self._in_flight:
            self._stale = True
        else:
            self._fetch()

    def _moved_on(self) -> None:
        """Something of the case changed: fetch its detail again, at most every REFRESH_INTERVAL_MS."""
        if self._in_flight:
            self._stale = True
        elif not self._refresh.isActive():
            self._refresh.start()

    def _related_now(self) -> frozenset:
        """(id, state) of the case's tasks and batches: when one moves on, its history grows."""
        return frozenset((item.id, item.state) for table in (self.tasks, self.queries) for item in shown_objects(table))

    def _on_changed(self, changes: Changes) -> None:
        if self.shown is None:
            return
        backend, case_id = self.shown
        courts_changed = changes.touched(Collection.COURTS)
        if changes.touched(Collection.CASES) or courts_changed:
            case = self._store.cases.get(backend, case_id)
            if case is not None and case.version != self._version:
                self._draw()
                self._moved_on()
            elif courts_changed:
                self._draw()
        related = self._related_now() if any(changes.touched(c) for c in RELATED) else self._related
        audited = any(
            getattr(item, "case_id", None) == case_id and item_backend == backend
            for collection in AUDITED
            for item_backend, item in self._changed_items(changes, collection)
        )
        if related != self._related or audited:
            self._related = related
            self._moved_on()
        if changes.touched(Collection.SUPERVISION):  # the supervision tab counts what awaits a reply
            self._retitle_tabs()
        if backend in changes.health:
            self._refresh_trust()

    # trust: the audit's state and export, and need to know

    def _show_parties(self, detail: CaseDetail) -> None:
        picked = self._picked_party()
        self.parties.show_parties(detail.parties)
        roles = [party.role for party in detail.parties]
        if picked is not None and picked.role in roles:
            self.party_view.selectRow(roles.index(picked.role))

    def _picked_party(self) -> Party | None:
        rows = self.party_view.selectionModel().selectedRows()
        return self.parties.parties[rows[0].row()] if rows and rows[0].row() < len(self.parties.parties) else None

    def _refresh_trust(self) -> None:
        detail = self.detail
        verification = detail.verification if detail is not None else None
        text, broken = "", False
        if detail is not None and detail.mismatch is not None:
            text, broken = (
                self.tr("Audit entry {id} of this case does not match its hash.").format(id=detail.mismatch),
                True,
            )
        elif verification is not None and not verification.ok:
            text, broken = self.tr("The audit chain is broken at entry {id}.").format(id=verification.broken_id), True
        elif verification is not None:
            text = self.tr("Audit verified to entry {id} ({at}).").format(
                id=verification.verified_to or 0, at=time.strftime("%H:%M", time.localtime(verification.checked_at))
            )
        self.audit_state.setText(text)
        mark_problem(self.audit_state, broken)
        self.export_button.setEnabled(verification is not None and bool(detail.audit_records))
        backend = self.shown[0] if self.shown else ""
        why = None
        if detail is None or not detail.parties:
            why = self.tr("Open a case first.")
        elif not self._store.may(backend, "party.reveal"):
            why = self.tr("Not allowed: it needs the permission to {permission}.").format(
                permission=name("permission", "party.reveal")
            )
        elif self._picked_party() is None:
            why = self.tr("Pick a party in the Parties tab.")
        self.reveal_button.setEnabled(why is None)
        self.reveal_button.setToolTip(
            why or self.tr("Show the picked party's ID number, phone and address, for a reason")
        )

    def _on_export(self) -> None:
        if self.detail is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the audit trail"),
            f"audit-{self.detail.case.number}.jsonl",
            self.tr("JSON Lines (*.jsonl)"),
        )
        if path:
            self.export_audit(Path(path))

    def export_audit(self, path: Path) -> None:
        """Writes the case's audit trail and the chain's head, for `court-backend audit verify --file`."""
        detail = self.detail
        try:
            path.write_text(export_lines(list(detail.audit_records), detail.verification), encoding="utf-8")
        except OSError as error:
            self._show_status(self.tr("Could not write {path}: {error}").format(path=path, error=error), error=True)
            return
        self._show_status(
            self.tr("%n audit entries written to {path}.", "", len(detail.audit_records)).format(path=path)
        )

    def _on_reveal(self) -> None:
        party, detail = self._picked_party(), self.detail
        session = self._session_of(self.shown[0]) if self.shown else None
        if party is None or detail is None or session is None:
            return
        dialog = RevealDialog(detail.case, f"{name('party', party.role)} {party.name}", self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        reason, case_id = dialog.reason.text().strip(), detail.case.id
        work = partial(session.call, lambda client: client.reveal(case_id, party.role, reason))
        run_in_background(self, work, partial(self._on_revealed, party))

    def _on_revealed(self, party: Party, shown: dict | None, error: Exception | None) -> None:
        if error is not None:
            self._show_status(self.tr("Not revealed: {error}").format(error=str(error)[:300]), error=True)
            return
        labels = (self.tr("ID number"), self.tr("Phone"), self.tr("Address"))
        lines = [f"{label}: {shown.get(key, '')}" for label, key in zip(labels, MASKED, strict=True)]
        self.revealed = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Personal data"), "\n".join(lines), parent=self
        )
        self.revealed.setInformativeText(
            self.tr("{party}. This reveal is kept in the audit log; the data is not kept here.").format(
                party=f"{name('party', party.role)} {party.name}"
            )
        )
        self.revealed.setTextFormat(Qt.TextFormat.PlainText)
        self.revealed.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.revealed.open()

    def _changed_items(self, changes: Changes, collection: Collection) -> list:
        rows = self._store.rows(collection)
        if changes.was_reset(collection):
            return list(rows)
        return [rows[row] for row in changes.rows(collection)]


def shown_objects(table: CaseFilter) -> list:
    """The objects a narrowed table shows, in its order."""
    model: RowsModel = table.sourceModel()
    return [model.item(table.mapToSource(table.index(row, 0)).row())[1] for row in range(table.rowCount())]
