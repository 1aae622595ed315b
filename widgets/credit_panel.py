"""The credit punishment workbench: for every court, its open enforcement cases and the respondents
on the list of dishonest judgment debtors (失信), restricted in their high consumption (限高) or
in leaving the country (限制出境), live, with the totals of every backend followed. Sortable by
any column; a case's orders themselves are made and lifted on the case view's credit tab
(Ctrl+Shift+L, Ctrl+Shift+W)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from console.credit import credit_by_court
from console.records import Collection
from console.store import Changes
from widgets.live_store import LiveStore
from widgets.plain_text import PlainLabel

REDRAW_MS = 1000  # counted again at most this often: a batch of cases changes a few flags


class Count(QTableWidgetItem):
    """A number that sorts as one."""

    def __init__(self, value: int) -> None:
        super().__init__(f"{value:,}")
        self.value = value
        self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return self.value < other.value if isinstance(other, Count) else super().__lt__(other)


class CreditPanel(QWidget):
    def __init__(self, live: LiveStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = live.store
        self.summary = PlainLabel(parent=self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Court"),
                self.tr("Open cases"),
                self.tr("Dishonest list"),
                self.tr("High consumption restricted"),
                self.tr("Exit restricted"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
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
        rows = credit_by_court(self._store)
        self.table.setSortingEnabled(False)  # filled in place, then sorted as the operator left it
        self.table.setRowCount(len(rows))
        for row, court in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(court.court))
            counts = (court.open_cases, court.dishonest, court.consumption_restricted, court.exit_restricted)
            for column, value in enumerate(counts, start=1):
                self.table.setItem(row, column, Count(value))
        self.table.setSortingEnabled(True)
        self.summary.setText(
            self.tr(
                "Dishonest list {dishonest} · high consumption restricted {restricted} · exit restricted {exit},"
                " in %n court(s).",
                "",
                len(rows),
            ).format(
                dishonest=f"{sum(r.dishonest for r in rows):,}",
                restricted=f"{sum(r.consumption_restricted for r in rows):,}",
                exit=f"{sum(r.exit_restricted for r in rows):,}",
            )
        )
