"""Asset queries (网络查控): every query batch, newest first, with how far its institutions have
answered, what it found and its state; below, the picked batch by institution category and its
hits, with the measures ordered on each and the day each lapses unless renewed. A measure is
ordered on a hit as its asset takes it (Ctrl+Shift+M) and renewed before it lapses (Ctrl+Shift+N).

Picking a batch selects its case for every panel; a case picked elsewhere is followed here, and
"Selected case only" narrows the table to that case's batches.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from console.casework import Measure, Query, QueryResult
from console.commands import Action, Subject, Submit
from console.lookup import NUMBER_EXAMPLE
from console.records import Collection
from console.store import Changes, Store
from widgets.action_dialogs import MeasureDialog, RenewDialog
from widgets.answering import ActionButton, offer, why_not, window_action
from widgets.live_store import LiveStore
from widgets.names import format_date, format_yuan, name
from widgets.queries_model import ProgressDelegate, QueriesModel
from widgets.rows_model import SORT_ROLE, CaseFilter
from widgets.selection import Selected, Selection


class QueriesPanel(QWidget):
    notice = Signal(str)
    """Why the measure asked for cannot run: for the status bar."""

    def __init__(self, live: LiveStore, selection: Selection, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store: Store = live.store
        self._selection = selection
        self._submit = submit
        self._shown: tuple[str, str] | None = None  # (backend, query id) of the batch shown below
        self._case: tuple[str, str] | None = None  # (backend, case id) of the case last selected anywhere
        self.model = QueriesModel(live, self)
        self.proxy = CaseFilter(self)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSourceModel(self.model)
        self.proxy.setDynamicSortFilter(True)  # a new batch shows at the top at once
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(QueriesModel.AGE, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setTabKeyNavigation(False)  # Tab leaves the table for the detail, arrows move in it
        self.view.setAlternatingRowColors(True)
        self.view.setItemDelegateForColumn(QueriesModel.PROGRESS, ProgressDelegate(self.view))
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QueriesModel.RESPONDENT, QHeaderView.ResizeMode.Stretch)
        # Fixed widths: fitting columns to their contents would measure every row on every update.
        metrics = self.fontMetrics()
        em = metrics.horizontalAdvance("M")
        padding = em  # the cell's margins and the sort arrow
        channel = min(10 * em, max(metrics.horizontalAdvance(name("channel", c)) for c in ("national", "provincial")))
        for column, width in (
            (QueriesModel.CASE, metrics.horizontalAdvance(NUMBER_EXAMPLE)),  # a usual case number
            (QueriesModel.CHANNEL, channel),
            (QueriesModel.PROGRESS, 5 * em),
            (QueriesModel.HITS, 2 * em),
            (QueriesModel.VALUE, 6 * em),
            (QueriesModel.STATE, 6 * em),
            (QueriesModel.AGE, 4 * em),
            (QueriesModel.BACKEND, 6 * em),
        ):
            header.resizeSection(column, width + padding)
        for column in (QueriesModel.CATEGORIES, QueriesModel.LAUNCHED_BY, QueriesModel.BACKEND):
            self.view.setColumnHidden(column, True)
        self.only_case = QCheckBox(self.tr("&Selected case only"), self)
        self.only_case.setEnabled(False)  # until a case is selected somewhere
        self.only_case.setToolTip(self.tr("Pick a batch here, or a case in another panel."))
        self.only_case.toggled.connect(self._on_only_case)
        self.detail = QTextBrowser(self)
        self.detail.setPlaceholderText(self.tr("Select a query batch to see its answers and hits."))
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        selection.changed.connect(self._on_selected)
        live.changed.connect(self._on_changed)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        # M for measure (not one Shift from Ctrl+F), N for renew
        self.measure_action = window_action(self.tr("&Measure on a hit…"), "Ctrl+Shift+M", self)
        self.measure_action.triggered.connect(self._on_measure)
        self.renew_action = window_action(self.tr("Re&new a measure…"), "Ctrl+Shift+N", self)
        self.renew_action.triggered.connect(self._on_renew)
        top = QHBoxLayout()
        top.addWidget(self.only_case, 1)
        for action in (self.measure_action, self.renew_action):
            self.addAction(action)
            top.addWidget(ActionButton(action, self))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter)
        self._enable_measure()
        self.setFocusProxy(self.view)

    def view_state(self) -> dict:
        return {"only_case": self.only_case.isChecked()}

    def restore_view_state(self, state: dict) -> None:
        if self.only_case.isEnabled():
            self.only_case.setChecked(state["only_case"])

    def window_actions(self) -> list[QAction]:
        return [self.measure_action, self.renew_action]

    def shown(self) -> tuple[str, Query] | None:
        """The batch shown below (its latest state), if any."""
        if self._shown is None:
            return None
        row = self._store.queries.row(*self._shown)
        return None if row is None else self._store.queries[row]

    def _on_only_case(self, only: bool) -> None:
        self.proxy.set_case(self._case if only else None)

    def _on_current(self, current: QModelIndex, _: QModelIndex) -> None:
        if current.isValid():
            backend, query = self.model.item(self.proxy.mapToSource(current).row())
            self._shown = (backend, query.id)
            self._selection.select(Selected(Collection.CASES, backend, query.case_id))
        self._show_detail()

    def _on_selected(self, selected: Selected | None) -> None:
        if selected is None or selected.kind is not Collection.CASES:
            self._clear()
            return
        self._case = (selected.backend, selected.id)
        case = self._store.cases.get(selected.backend, selected.id)
        self.only_case.setEnabled(True)
        self.only_case.setText(self.tr("&Selected case only: {case}").format(case=case.number if case else selected.id))
        if self.only_case.isChecked():
            self.proxy.set_case(self._case)
        shown = self.shown()
        if shown is not None and (shown[0], shown[1].case_id) == self._case:
            return  # picked here: the batch stays
        # Picked elsewhere: show the case's newest batch, if it has one.
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if self.model.case_of(*self.model.item(self.proxy.mapToSource(index).row())) == self._case:
                self.view.selectRow(row)
                self.view.scrollTo(index)
                return
        self._clear()

    def _clear(self) -> None:
        self._shown = None
        # The current index goes too: picking the same row again must select its case again.
        self.view.selectionModel().clearCurrentIndex()
        self.view.clearSelection()
        self._show_detail()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touched(Collection.QUERIES):
            self.view.setColumnHidden(QueriesModel.BACKEND, len(self._store.queries.backends()) < 2)
        if changes.health:
            self._enable_measure()
        if self._shown is None:
            return
        row = self._store.queries.row(*self._shown)
        if (
            changes.was_reset(Collection.QUERIES)
            or row in changes.rows(Collection.QUERIES)
            or changes.touched(Collection.MEASURES)
            or changes.touched(Collection.CASES)
        ):
            self._show_detail()

    def _enable_measure(self) -> None:
        shown = self.shown()
        allowed = shown is not None and self._store.may(shown[0], "measure.order")
        not_allowed = self.tr("Not allowed: it needs the permission to {permission}.").format(
            permission=name("permission", "measure.order")
        )
        if shown is None or not shown[1].hits:
            why = self.tr("Pick a query batch with a hit first (in the asset queries panel).")
        elif not any(hit.takes for hit in shown[1].hits):
            why = self.tr("This batch found information on work or income only: nothing to take.")
        else:
            why = None if allowed else not_allowed
        offer(self.measure_action, self.tr("&Measure on a hit…"), "Ctrl+Shift+M", why)
        if shown is None or not self._holding(*shown):
            why = self.tr("Pick a query batch with a freeze, seal-up or seizure still holding first.")
        else:
            why = None if allowed else not_allowed
        offer(self.renew_action, self.tr("Re&new a measure…"), "Ctrl+Shift+N", why)

    def _measures_of_case(self, backend: str, case_id: str) -> list[Measure]:
        return [m for b, m in self._store.measures if b == backend and m.case_id == case_id]

    def _holding(self, backend: str, query: Query) -> list[Measure]:
        return [m for b, m in self._store.measures if b == backend and m.query_id == query.id and m.holding]

    def _on_measure(self) -> None:
        if refusal := why_not(self.measure_action):
            self.notice.emit(refusal)
            return
        backend, query = self.shown()
        health = self._store.health.get(backend)
        case = self._store.cases.get(backend, query.case_id)
        dialog = MeasureDialog(
            query,
            self._measures_of_case(backend, query.case_id),
            None if case is None else case.outstanding,
            health.limits.get("approval_threshold_yuan") if health else None,
            self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._submit(
                backend,
                dialog.action(),
                dialog.subject(),
                dialog.body(),
                self.tr("{measure} for {case}").format(
                    measure=dialog.summary(), case=self.model.case_number(backend, query)
                ),
            )

    def _on_renew(self) -> None:
        if refusal := why_not(self.renew_action):
            self.notice.emit(refusal)
            return
        backend, query = self.shown()
        dialog = RenewDialog(self._holding(backend, query), {hit.id: hit.finding for hit in query.hits}, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            measure = dialog.chosen()
            self._submit(
                backend,
                Action.RENEW,
                Subject(Collection.MEASURES, measure.id),
                dialog.body(),
                self.tr("Renewed {measure} at {institution} for {case}").format(
                    measure=name("measure", measure.kind),
                    institution=measure.institution,
                    case=self.model.case_number(backend, query),
                ),
                if_match=measure.version,
            )

    def _show_detail(self) -> None:
        self._enable_measure()
        shown = self.shown()
        if shown is None:
            self.detail.clear()
            return
        backend, query = shown
        scrolled = self.detail.verticalScrollBar().value()  # kept: a live update must not throw the reader back
        self.detail.setHtml(self._detail_html(backend, query))
        self.detail.verticalScrollBar().setValue(scrolled)

    def _value(self, hit: QueryResult) -> str:
        """An account's balance; property is valued by 询价 or 评估, information not at all."""
        if hit.value is not None:
            return format_yuan(hit.value)
        return self.tr("to be valued (询价/评估)") if hit.takes else "—"

    def _measure_line(self, measure: Measure) -> str:
        """ "Freeze ¥1,000: Done, until 2027-12-03"; property without an amount."""
        said = name("measure", measure.kind)
        if measure.amount is not None:
            said = f"{said} {format_yuan(measure.amount)}"
        state = name("measure_state", measure.state)
        if measure.holding:
            return self.tr("{measure}: {state}, until {date}").format(
                measure=said, state=state, date=format_date(measure.expires_at)
            )
        return self.tr("{measure}: {state}").format(measure=said, state=state)

    def _detail_html(self, backend: str, query: Query) -> str:
        # Everything here comes from a backend: escaped, so that no text of theirs becomes markup.
        categories: dict[str, list[int]] = {}  # category → [answered, total, hits], in the batch's order
        for result in query.results:
            counts = categories.setdefault(result.category, [0, 0, 0])
            counts[0] += result.state in ("answered", "failed", "timed_out")
            counts[1] += 1
            counts[2] += bool(result.hit)
        measures: dict[str, list] = {}
        for measure_backend, measure in self._store.measures:
            if measure_backend == backend and measure.query_id == query.id:
                measures.setdefault(measure.result_id, []).append(measure)
        category_rows = "".join(
            f"<tr><td>{escape(name('category', category))}</td><td align='right'>{answered}/{total}</td>"
            f"<td align='right'>{hits}</td></tr>"
            for category, (answered, total, hits) in categories.items()
        )
        hit_rows = "".join(
            f"<tr><td>{escape(hit.institution)}</td><td>{escape(hit.finding)}</td>"
            f"<td align='right'>{escape(self._value(hit))}</td><td>"
            + "<br>".join(escape(self._measure_line(m)) for m in measures.get(hit.id, []))
            + "</td></tr>"
            for hit in query.hits
        )
        title = self.tr("{case} · {respondent} · {channel} · {state}").format(
            case=self.model.case_number(backend, query),
            respondent=query.respondent,
            channel=name("channel", query.channel),
            state=name("query_state", query.state),
        )
        head = (
            "<tr>"
            + "".join(
                f"<th align='left'>{escape(h)}</th>"
                for h in (self.tr("Institution"), self.tr("Finding"), self.tr("Value"), self.tr("Measures"))
            )
            + "</tr>"
        )
        no_hits, category, answered, hits = (
            escape(text)
            for text in (self.tr("No hits yet."), self.tr("Category"), self.tr("Answered"), self.tr("Hits"))
        )
        hits_table = f"<table cellspacing='4'>{head}{hit_rows}</table>" if hit_rows else f"<p>{no_hits}</p>"
        categories_table = (
            f"<table cellspacing='4'><tr><th align='left'>{category}</th>"
            f"<th align='right'>{answered}</th>"
            f"<th align='right'>{hits}</th></tr>{category_rows}</table>"
        )
        # Side by side: the hits, what the operator acts on, show without scrolling past the categories.
        return (
            f"<p><b>{escape(title)}</b></p><table width='100%'><tr>"
            f"<td valign='top' width='30%'>{categories_table}</td>"
            f"<td valign='top' width='70%'>{hits_table}</td></tr></table>"
        )
