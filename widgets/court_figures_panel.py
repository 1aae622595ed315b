"""Court figures: for every court, its open enforcement cases, its respondents on the list of
dishonest judgment debtors (失信), restricted in their high consumption (限高) or in leaving the
country (限制出境), its cases transferred for bankruptcy review (执转破) and its applicants granted
judicial relief (执行救助), live, with the totals of every backend followed. Sortable by any
column; each is ordered on its case's view (the credit tab, the bankruptcy and relief tab)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from console.court_figures import FLAGS, figures_by_court
from console.records import Collection
from console.store import Changes
from widgets.live_store import LiveStore
from widgets.plain_text import PlainLabel
from widgets.table_sizing import filling

REDRAW_MS = 1000  # counted again at most this often: a batch of cases changes a few flags


class Count(QTableWidgetItem):
    """A number that sorts as one."""

    def __init__(self, value: int) -> None:
        super().__init__(f"{value:,}")
        self.value = value
        self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return self.value < other.value if isinstance(other, Count) else super().__lt__(other)


class CourtFiguresPanel(QWidget):
    def __init__(self, live: LiveStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = live.store
        self.summary = PlainLabel(parent=self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 2 + len(FLAGS), self)
        columns = (  # (header, what it counts)
            (self.tr("Court"), ""),
            (self.tr("Open"), self.tr("Open enforcement cases")),
            (self.tr("Dishonest"), self.tr("On the list of dishonest judgment debtors")),
            (self.tr("Restricted"), self.tr("Restricted in high consumption")),
            (self.tr("Exit ban"), self.tr("Restricted in leaving the country")),
            (self.tr("Bankruptcy"), self.tr("Transferred for bankruptcy review, not refused")),
            (self.tr("Relief"), self.tr("Applicants paid judicial relief")),
        )
        for column, (header, meaning) in enumerate(columns):
            item = QTableWidgetItem(header)
            item.setToolTip(meaning)
            self.table.setHorizontalHeaderItem(column, item)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self._redraw = QTimer(self, singleShot=True, interval=REDRAW_MS)
        self._redraw.timeout.connect(self.recount)
        live.changed.connect(self._on_changed)
        self.recount()

    def _on_changed(self, changes: Changes) -> None:
        if (changes.touched(Collection.CASES) or changes.touched(Collection.COURTS)) and not self._redraw.isActive():
            self._redraw.start()

    def recount(self) -> None:
        rows = figures_by_court(self._store)
        with filling(self.table):  # filled in place, then sorted as the operator left it
            self.table.setRowCount(len(rows))
            for row, court in enumerate(rows):
                self.table.setItem(row, 0, QTableWidgetItem(court.court))
                for column, value in enumerate((court.open_cases, *court.counts), start=1):
                    self.table.setItem(row, column, Count(value))
        total = [f"{sum(r.counts[i] for r in rows):,}" for i in range(len(FLAGS))]
        self.summary.setText(
            self.tr(
                "Dishonest list {0} · high consumption restricted {1} · exit restricted {2} · transferred for"
                " bankruptcy {3} · relief paid {4}, in %n court(s).",
                "",
                len(rows),
            ).format(*total)
        )
