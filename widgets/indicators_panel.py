"""The jurisdiction view: the indicators of 基本解决执行难 of every court (API 1.5), the province
over its intermediate courts (each with the courts below it) over its basic courts; a court's row
holds the figures of its jurisdiction, added up from its courts' counts.

Each rate is coloured against its target (met, within ten points, further below); the courts of a
level are ranked by the rate chosen. Any column sorts. A court picked here is picked everywhere
(the map centres on it; the worklists narrow to it), and one picked elsewhere is found here.
Read from the store, where each backend's first sight brings them and each court's
`indicator.updated` keeps them (counted again about once a minute).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.domain import Court, CourtLevel
from console.indicators import RATES, Indicators, add_up, ranks, rate
from console.records import Collection
from console.store import Changes
from widgets.live_store import LiveStore
from widgets.names import format_date, format_yuan
from widgets.plain_text import PlainLabel
from widgets.selection import Selected, Selection
from widgets.style import mark_problem, readable, shortfall_color

COURT, RANK = 0, 1
TARGET_TOLERANCE = 0.1  # a rate within ten points of its target is a little short
FIRST_RATE = 2
RATE_NAMES = tuple(RATES)
FILED, CLOSED = FIRST_RATE + len(RATE_NAMES), FIRST_RATE + len(RATE_NAMES) + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole  # (backend, court id)


def rate_title(name: str) -> str:
    return {
        "closed_in_limit": QCoreApplication.translate("IndicatorsPanel", "Enforced in limit"),
        "termination_qualified": QCoreApplication.translate("IndicatorsPanel", "终本 qualified"),
        "complaints_concluded": QCoreApplication.translate("IndicatorsPanel", "Complaints concluded"),
        "overall_closure": QCoreApplication.translate("IndicatorsPanel", "Closed, 3 years"),
        "actual_enforcement": QCoreApplication.translate("IndicatorsPanel", "Actual enforcement rate"),
        "realisation": QCoreApplication.translate("IndicatorsPanel", "Realisation rate"),
    }[name]


def rate_meaning(name: str) -> str:
    return {
        "closed_in_limit": QCoreApplication.translate(
            "IndicatorsPanel",
            "有财产可供执行案件法定期限内实际执结率: of the cases with property, those actually enforced "
            "within the legal limit (6 months; 3 for a non-litigation title)",
        ),
        "termination_qualified": QCoreApplication.translate(
            "IndicatorsPanel", "无财产可供执行案件终本合格率: of the 终本 cases, those that met every condition"
        ),
        "complaints_concluded": QCoreApplication.translate(
            "IndicatorsPanel", "执行信访办结率: of the enforcement complaints received, those concluded"
        ),
        "overall_closure": QCoreApplication.translate(
            "IndicatorsPanel", "近三年执行案件整体执结率: of the cases filed in three years, those closed"
        ),
        "actual_enforcement": QCoreApplication.translate(
            "IndicatorsPanel", "实际执行率: of the closed cases, those enforced, performed or settled"
        ),
        "realisation": QCoreApplication.translate(
            "IndicatorsPanel", "执行到位率: of the sums sought in the closed cases, what was realised"
        ),
    }[name]


class CourtRow(QTreeWidgetItem):
    """A court's row: it sorts by each column's number, not its text."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        column = self.treeWidget().sortColumn() if self.treeWidget() else COURT
        mine, theirs = self.data(column, SORT_ROLE), other.data(column, SORT_ROLE)
        if mine is None or theirs is None:  # nothing counted: last
            return theirs is None and mine is not None
        return mine < theirs


class IndicatorsPanel(QWidget):
    def __init__(self, live: LiveStore, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = live.store
        self._selection = selection
        self._items: dict[tuple[str, str], CourtRow] = {}

        self.rank_by = QComboBox(self)
        for name in RATE_NAMES:
            self.rank_by.addItem(self.tr("Rank by: {rate}").format(rate=rate_title(name)), name)
        self.rank_by.setCurrentIndex(RATE_NAMES.index("overall_closure"))
        self.status = PlainLabel(parent=self)
        self.status.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.rank_by)
        bar.addWidget(self.status, 1)

        self.tree = QTreeWidget(self)
        headers = [self.tr("Court"), self.tr("Rank")] + [rate_title(n) for n in RATE_NAMES]
        headers += [self.tr("Filed"), self.tr("Closed")]
        self.tree.setHeaderLabels(headers)
        for index, name in enumerate(RATE_NAMES, start=FIRST_RATE):
            self.tree.headerItem().setToolTip(index, rate_meaning(name))
        self.tree.headerItem().setToolTip(RANK, self.tr("Its place among the courts of its level, by the rate chosen"))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(COURT, Qt.SortOrder.AscendingOrder)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COURT, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)

        self.rank_by.currentIndexChanged.connect(self._build)
        self.tree.currentItemChanged.connect(self._on_current)
        selection.changed.connect(self._on_selected)
        live.changed.connect(self._on_changed)
        self._build()

    def _on_changed(self, changes: Changes) -> None:
        if changes.indicators or changes.touched(Collection.COURTS):
            self._build()

    # the tree
    def _build(self) -> None:
        picked = self.picked()
        expanded = {key for key, item in self._items.items() if item.isExpanded()}
        self.tree.setSortingEnabled(False)
        self.tree.clear()
        self._items.clear()
        ranked_by = self.rank_by.currentData()
        for backend, figures in sorted(self._store.indicators.items()):
            if figures is None:
                continue
            courts = {court.id: court for b, court in self._store.courts if b == backend}
            below: dict[str | None, list[Court]] = {}
            for court in courts.values():
                below.setdefault(court.parent_id, []).append(court)
            areas = {court_id: self._area(court_id, below, figures) for court_id in courts}
            places = {
                level: ranks({c.id: rate(areas[c.id], ranked_by) for c in courts.values() if c.level == level})
                for level in (CourtLevel.INTERMEDIATE, CourtLevel.BASIC)
            }
            peers = {level: sum(c.level == level for c in courts.values()) for level in places}
            for top in below.get(None, []):
                self.tree.addTopLevelItem(self._row(backend, top, below, areas, places, peers, figures))
        self.tree.setSortingEnabled(True)
        for key, item in self._items.items():
            item.setExpanded(key in expanded or item.parent() is None)
        if picked is not None and picked in self._items:  # kept, without picking it anew for the window
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(self._items[picked])
            self.tree.blockSignals(False)
        self._say()

    def _area(self, court_id: str, below: dict, figures: Indicators) -> dict[str, float]:
        """A court's figures and those of every court below it, added up."""
        courts, stack = [], [court_id]
        while stack:
            current = stack.pop()
            courts.append(current)
            stack.extend(c.id for c in below.get(current, []))
        return add_up(figures.counts[c] for c in courts if c in figures.counts)

    def _row(self, backend, court: Court, below, areas, places, peers, figures) -> CourtRow:
        counts = areas[court.id]
        row = CourtRow([court.name])
        row.setData(COURT, KEY_ROLE, (backend, court.id))
        row.setData(COURT, SORT_ROLE, court.name)
        if below.get(court.id):
            row.setToolTip(COURT, self.tr("Figures of its jurisdiction: itself and the courts below it"))
        place = places.get(court.level, {}).get(court.id)
        row.setText(RANK, "" if place is None else f"{place}/{peers[court.level]}")
        row.setData(RANK, SORT_ROLE, place)
        for column, name in enumerate(RATE_NAMES, start=FIRST_RATE):
            value = rate(counts, name)
            part, whole = RATES[name]
            row.setData(column, SORT_ROLE, value)
            row.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if value is None:
                row.setText(column, "—")
                continue
            row.setText(column, f"{value:.1%}")
            shown = format_yuan if name == "realisation" else (lambda n: f"{int(n):,}")
            row.setToolTip(column, f"{shown(counts[part])} / {shown(counts[whole])}")
            target = figures.targets.get(name)
            if target is not None:
                row.setForeground(column, QBrush(readable(shortfall_color(target - value, TARGET_TOLERANCE))))
                if value < target:
                    font = QFont(row.font(column))
                    font.setBold(True)
                    row.setFont(column, font)
        for column, name in ((FILED, "filed"), (CLOSED, "closed")):
            row.setText(column, f"{int(counts[name]):,}")
            row.setData(column, SORT_ROLE, counts[name])
            row.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._items[backend, court.id] = row
        for child in below.get(court.id, []):
            row.addChild(self._row(backend, child, below, areas, places, peers, figures))
        return row

    def _say(self) -> None:
        held = self._store.indicators
        problems = [
            self.tr("{backend} publishes no indicators (a backend before API 1.5).").format(backend=backend)
            for backend, figures in sorted(held.items())
            if figures is None
        ]
        figures = next((figures for _, figures in sorted(held.items()) if figures is not None), None)
        if figures is not None:
            said = self.tr("Cases filed since {since}, as of {at}. Green meets the target, bold is below it.").format(
                since=format_date(figures.since), at=time.strftime("%H:%M", time.localtime(figures.computed_at))
            )
        else:
            said = self.tr("No indicators yet.")
        self.status.setText(" ".join([said, *problems]))
        mark_problem(self.status, bool(problems))

    # the selection
    def picked(self) -> tuple[str, str] | None:
        item = self.tree.currentItem()
        return None if item is None else item.data(COURT, KEY_ROLE)

    def _on_current(self, current: QTreeWidgetItem | None, _) -> None:
        if current is not None:
            backend, court_id = current.data(COURT, KEY_ROLE)
            self._selection.select(Selected(Collection.COURTS, backend, court_id))

    def _on_selected(self, selected: Selected | None) -> None:
        if selected is None or selected.kind is not Collection.COURTS:
            return
        item = self._items.get((selected.backend, selected.id))
        if item is not None and item is not self.tree.currentItem():
            self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)
