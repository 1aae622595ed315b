"""Process warnings (流程预警): the worklist of every open case warned of now, across the backends
followed: due soon, overdue, seriously overdue on its node, or idle. Graded from the moments each
case's backend says each warning begins (API 1.4), again every minute and as cases change.

Filtered by kind, court, node, officer and days in the node; sorted by any column (the most
serious, longest over first). Beside it, the warnings counted per court or per officer; picking a
court there narrows the list to it. Enter or a double click on a row opens its case.
"""

from __future__ import annotations

import time

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.catalogue import NODES
from console.process_warnings import GRADES, KINDS, Warned, counts, warned_cases
from console.records import Collection
from console.store import Changes
from widgets.court_figures_panel import Count
from widgets.list_model import ListModel, counts_table, list_view
from widgets.live_store import LiveStore
from widgets.names import name
from widgets.plain_text import PlainLabel
from widgets.selection import Selected, Selection
from widgets.style import WARNING_COLORS, readable
from widgets.table_sizing import filling, size_columns

REGRADE_MS = 60_000  # a warning begins with time alone: graded again this often
REDRAW_MS = 5000  # and at most this often as cases change: over 300,000 cases a grading takes a quarter second
COUNTS_SHARE = 1000  # the counts beside the list: 3 parts to its 5
DAY_S = 86_400
KIND_RANK = {kind: rank for rank, kind in enumerate(("idle", *GRADES))}  # sorts the most serious last


def court_key(backend: str, court_id: str) -> str:
    """A court of a backend, as the court filter holds it."""
    return f"{backend}/{court_id}"


class WarningsModel(ListModel):
    """The warned cases shown: those of the narrowing (`narrow`), in the order asked (`sort`)."""

    GRADE, CASE, COURT, OFFICER, NODE, IN_NODE, OVER, IDLE = range(8)

    def __init__(self, live: LiveStore, parent: QObject | None = None) -> None:
        super().__init__((self.GRADE, Qt.SortOrder.DescendingOrder), parent)
        self._store = live.store
        self.warned: list[Warned] = []  # every case warned of
        self.now = time.time()
        self.kind: str | None = None
        self.court: str | None = None  # `court_key`
        self.node: str | None = None
        self.officer = ""
        self.min_days = 0
        self.headers = (
            self.tr("Warning"),
            self.tr("Case"),
            self.tr("Court"),
            self.tr("Officer"),
            self.tr("Node"),
            self.tr("In node"),
            self.tr("Warned for"),
            self.tr("No progress for"),
        )

    def regrade(self, now: float) -> None:
        self.now = now
        self.warned = warned_cases(self._store, now)
        self.narrow()

    def narrow(self, **wanted) -> None:
        """Shows the cases of one kind, court, node and officer, at least some days in their node."""
        for key, value in wanted.items():
            setattr(self, key, value)
        least = self.now - self.min_days * DAY_S
        self.show_rows(
            [
                w
                for w in self.warned
                if (self.kind is None or self.kind in w.kinds)
                and (self.court is None or self.court == court_key(w.backend, w.case.court_id))
                and (self.node is None or w.case.node == self.node)
                and (not self.officer or self.officer in w.case.officer)
                and w.case.node_entered_at <= least
            ]
        )

    def sort_key(self, column: int):
        """What a column sorts by: the most serious, longest warned last; days as numbers; text as shown."""
        if column == self.GRADE:
            return lambda w: (KIND_RANK[w.grade or "idle"], -w.since)
        if column == self.IN_NODE:
            return lambda w: -w.case.node_entered_at
        if column == self.OVER:
            return lambda w: -w.since
        if column == self.IDLE:
            return lambda w: -w.case.warnings.last_activity_at
        if column == self.COURT:
            return lambda w: self._court(w)
        if column == self.NODE:
            return lambda w: name("node", w.case.node)
        return lambda w: w.case.number if column == self.CASE else w.case.officer

    def _court(self, w: Warned) -> str:
        return self._store.court_name(w.backend, w.case.court_id)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        w, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.GRADE:
                return name("warning", w.grade or "idle")
            if column in (self.IN_NODE, self.OVER, self.IDLE):
                since = {self.IN_NODE: w.case.node_entered_at, self.OVER: w.since}.get(
                    column, w.case.warnings.last_activity_at
                )
                return self.tr("%n day(s)", "", int((self.now - since) / DAY_S))
            if column == self.COURT:
                return self._court(w)
            if column == self.NODE:
                return name("node", w.case.node)
            return w.case.number if column == self.CASE else w.case.officer
        if role == Qt.ItemDataRole.ForegroundRole and column == self.GRADE:
            return QBrush(readable(WARNING_COLORS[w.grade or "idle"]))
        if role == Qt.ItemDataRole.ForegroundRole and column == self.IDLE and w.idle:  # idle besides its grade
            return QBrush(readable(WARNING_COLORS["overdue"]))
        if role == Qt.ItemDataRole.ToolTipRole and column == self.IDLE and w.idle:
            return self.tr("No node change, task or measure for this long: idle")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.IN_NODE, self.OVER, self.IDLE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class WarningsPanel(QWidget):
    def __init__(self, live: LiveStore, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = live.store
        self._selection = selection
        self.model = WarningsModel(live, self)

        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Every warning"), None)
        for kind in reversed(KINDS[:3]):
            self.kind.addItem(name("warning", kind), kind)
        self.kind.addItem(name("warning", "idle"), "idle")
        self.court = QComboBox(self)
        self.node = QComboBox(self)
        self.node.addItem(self.tr("Every node"), None)
        for node in NODES:
            self.node.addItem(name("node", node), node)
        self.officer = QLineEdit(self)
        self.officer.setPlaceholderText(self.tr("Officer"))
        self.officer.setClearButtonEnabled(True)
        self.min_days = QSpinBox(self)
        self.min_days.setRange(0, 3650)
        self.min_days.setPrefix(self.tr("In node ≥ "))
        self.min_days.setSuffix(self.tr(" d"))
        self.by = QComboBox(self)
        self.by.addItem(self.tr("Count by court"), False)
        self.by.addItem(self.tr("Count by officer"), True)
        filters = QHBoxLayout()
        for widget in (self.kind, self.court, self.node, self.officer, self.min_days):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.by)

        self.summary = PlainLabel(parent=self)
        self.summary.setWordWrap(True)
        short = {
            "due_soon": self.tr("Soon"),
            "overdue": self.tr("Over"),
            "seriously_overdue": self.tr("Serious"),
            "idle": self.tr("Idle"),
        }
        self.counts = counts_table([self.tr("Court"), *(short[kind] for kind in KINDS)], self)
        for column, kind in enumerate(KINDS, start=1):
            self.counts.horizontalHeaderItem(column).setToolTip(name("warning", kind))
        self.counts.setSortingEnabled(True)
        self.view = list_view(self.model, self)
        size_columns(
            self.view,
            {
                WarningsModel.GRADE: 12,
                WarningsModel.CASE: 16,
                WarningsModel.COURT: 12,
                WarningsModel.OFFICER: 6,
                WarningsModel.IN_NODE: 8,
                WarningsModel.OVER: 8,
                WarningsModel.IDLE: 9,
            },
            stretch=WarningsModel.NODE,
            least=8,
            given_up=(WarningsModel.IN_NODE, WarningsModel.COURT),
        )
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.counts)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([3 * COUNTS_SHARE, 5 * COUNTS_SHARE])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)

        self.kind.currentIndexChanged.connect(lambda: self._narrow(kind=self.kind.currentData()))
        self.court.currentIndexChanged.connect(self._on_court)
        self.node.currentIndexChanged.connect(lambda: self._narrow(node=self.node.currentData()))
        self.officer.textChanged.connect(lambda text: self._narrow(officer=text.strip()))
        self.min_days.valueChanged.connect(lambda days: self._narrow(min_days=days))
        self.by.currentIndexChanged.connect(self._recount)
        self.counts.itemSelectionChanged.connect(self._on_counted_court)
        self.view.activated.connect(self._open)
        self._redraw = QTimer(self, singleShot=True, interval=REDRAW_MS)
        self._redraw.timeout.connect(self.regrade)
        self._clock = QTimer(self, interval=REGRADE_MS)
        self._clock.timeout.connect(self.regrade)
        self._clock.start()
        live.changed.connect(self._on_changed)
        selection.changed.connect(self._on_selected)
        self.regrade()

    def _on_changed(self, changes: Changes) -> None:
        if (changes.touched(Collection.CASES) or changes.touched(Collection.COURTS)) and not self._redraw.isActive():
            self._redraw.start()

    def regrade(self, now: float | None = None) -> None:
        """Grades every case again at `now` (this machine's clock by default)."""
        self._keeping_current(lambda: self.model.regrade(time.time() if now is None else now))
        self._refill_courts()
        self._recount()
        self._summarise()

    def _keeping_current(self, change) -> None:
        """Makes `change` to the rows shown, the case picked staying picked where it still is."""
        current = self.view.currentIndex()
        picked = self.model.rows[current.row()].case.id if current.isValid() else None
        change()
        row = next((r for r, w in enumerate(self.model.rows) if w.case.id == picked), None)
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row, current.column()))

    def _refill_courts(self) -> None:
        chosen = self.court.currentData()
        courts = {(w.backend, w.case.court_id) for w in self.model.warned}
        named = sorted((self._store.court_name(*court), court) for court in courts)
        self.court.blockSignals(True)
        self.court.clear()
        self.court.addItem(self.tr("Every court"), None)
        for label, court in named:
            self.court.addItem(label, court_key(*court))
        self.court.setCurrentIndex(max(0, self.court.findData(chosen)))
        self.court.blockSignals(False)
        if self.court.currentData() != chosen:  # its court has no warning now
            self.model.narrow(court=None)

    def _recount(self) -> None:
        by_officer = bool(self.by.currentData())
        counted = counts(self.model.warned, by_officer)
        self.counts.setHorizontalHeaderItem(0, QTableWidgetItem(self.tr("Officer") if by_officer else self.tr("Court")))
        self.counts.blockSignals(True)
        with filling(self.counts):
            self.counts.setRowCount(len(counted))
            for row, ((backend, court_id, officer), kinds) in enumerate(counted.items()):
                label = (
                    f"{officer} · {self._store.court_name(backend, court_id)}"
                    if by_officer
                    else self._store.court_name(backend, court_id)
                )
                cell = QTableWidgetItem(label)
                cell.setData(Qt.ItemDataRole.UserRole, (backend, court_id, officer))
                self.counts.setItem(row, 0, cell)
                for column, kind in enumerate(KINDS, start=1):
                    self.counts.setItem(row, column, Count(kinds[kind]))
        self.counts.sortByColumn(KINDS.index("seriously_overdue") + 1, Qt.SortOrder.DescendingOrder)
        self.counts.blockSignals(False)

    def _on_court(self) -> None:
        self._narrow(court=self.court.currentData())

    def _on_counted_court(self) -> None:
        """A court (or an officer) picked in the counts narrows the list to it."""
        items = self.counts.selectedItems()
        if not items:
            return
        backend, court_id, officer = self.counts.item(items[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        self.court.setCurrentIndex(max(0, self.court.findData(court_key(backend, court_id))))
        if officer:
            self.officer.setText(officer)

    def _on_selected(self, selected: Selected | None) -> None:
        """A court picked anywhere (the map, the indicators) narrows the list to it, when it has any."""
        if selected is not None and selected.kind is Collection.COURTS:
            index = self.court.findData(court_key(selected.backend, selected.id))
            if index >= 0:
                self.court.setCurrentIndex(index)

    def _narrow(self, **wanted) -> None:
        self._keeping_current(lambda: self.model.narrow(**wanted))
        self._summarise()

    def _summarise(self) -> None:
        shown = self.model.rows
        tally = {kind: sum(kind in w.kinds for w in shown) for kind in KINDS}
        self.summary.setText(
            self.tr(
                "%n case(s) listed: seriously overdue {serious} · overdue {overdue} · due soon {soon} · idle {idle}.",
                "",
                len(shown),
            ).format(
                serious=f"{tally['seriously_overdue']:,}",
                overdue=f"{tally['overdue']:,}",
                soon=f"{tally['due_soon']:,}",
                idle=f"{tally['idle']:,}",
            )
        )

    def _open(self, index: QModelIndex) -> None:
        w = self.model.rows[index.row()]
        self._selection.select(Selected(Collection.CASES, w.backend, w.case.id))
