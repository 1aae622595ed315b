"""Campaigns (专项执行行动, API 1.5): the campaign picked, its dates and the share of its time gone,
and each court's progress against its targets: cases closed, money realised, respondents listed
as dishonest. A figure is on track (green) when it reached at least the share of its target that
the campaign's time has run, behind (amber) within twenty points of it, far behind (red) below.
Any column sorts; a court picked here is picked everywhere. Read from the store, where each
backend's first sight brings them and each court's `campaign.progress` keeps them (counted again
about once a minute).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.campaigns import MEASURES, Campaign, share
from console.records import Collection
from console.store import Changes
from widgets.live_store import LiveStore
from widgets.names import campaign_title, format_date, format_yuan
from widgets.plain_text import PlainLabel
from widgets.selection import Selected, Selection
from widgets.style import mark_problem, readable, shortfall_color
from widgets.table_sizing import filling

KEY_ROLE = Qt.ItemDataRole.UserRole  # (backend, court id)
PACE_TOLERANCE = 0.2  # a figure within twenty points of the time gone is a little behind


class Progress(QTableWidgetItem):
    """A figure against its target, "done / target (share)"; it sorts by the share."""

    def __init__(self, text: str, reached: float | None) -> None:
        super().__init__(text)
        self.reached = -1.0 if reached is None else reached
        self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return self.reached < other.reached if isinstance(other, Progress) else super().__lt__(other)


class CampaignsPanel(QWidget):
    def __init__(self, live: LiveStore, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = live.store
        self._selection = selection

        self.campaign = QComboBox(self)
        self.campaign.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.summary = PlainLabel(parent=self)
        self.summary.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.campaign)
        bar.addWidget(self.summary, 1)
        self.table = QTableWidget(0, 1 + len(MEASURES), self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Court"), self.tr("Cases closed"), self.tr("Money realised"), self.tr("Listed as dishonest")]
        )
        self.table.setSortingEnabled(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

        self.campaign.currentIndexChanged.connect(self._show)
        live.changed.connect(self._on_changed)
        self.table.itemSelectionChanged.connect(self._on_picked)
        self._list_campaigns()

    def _on_changed(self, changes: Changes) -> None:
        if changes.campaigns:
            self._list_campaigns()
        elif changes.touched(Collection.COURTS):  # their names
            self._show()

    def _list_campaigns(self) -> None:
        chosen = self.campaign.currentData()
        self.campaign.blockSignals(True)
        self.campaign.clear()
        campaigns = {backend: held for backend, held in self._store.campaigns.items() if held is not None}
        several = len(campaigns) > 1
        for held_by, held in sorted(campaigns.items()):
            for campaign in sorted(held.values(), key=lambda c: -c.starts_at):  # the latest first
                title = campaign_title(campaign)
                self.campaign.addItem(f"{title} · {held_by}" if several else title, (held_by, campaign.id))
        self.campaign.setCurrentIndex(max(0, self.campaign.findData(chosen)))
        self.campaign.blockSignals(False)
        self._show()

    def picked_campaign(self) -> tuple[str, Campaign] | None:
        chosen = self.campaign.currentData()
        if chosen is None:
            return None
        backend, campaign_id = chosen
        campaign = (self._store.campaigns.get(backend) or {}).get(campaign_id)
        return None if campaign is None else (backend, campaign)

    def _show(self) -> None:
        picked = self.picked_campaign()
        if picked is None:
            self.table.setRowCount(0)
            self._say(None)
            return
        backend, campaign = picked
        elapsed = campaign.elapsed(campaign.computed_at)  # the backend's time: its clock may not be ours
        kept = self.picked_court()
        with filling(self.table):
            self.table.setRowCount(len(campaign.courts))
            for row, court in enumerate(campaign.courts):
                name = QTableWidgetItem(self._store.court_name(backend, court.court_id))
                name.setData(KEY_ROLE, (backend, court.court_id))
                self.table.setItem(row, 0, name)
                for column, measure in enumerate(MEASURES, start=1):
                    figure = self._progress(measure, court.done[measure], court.targets[measure], elapsed)
                    self.table.setItem(row, column, figure)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # the furthest behind first
        row = next((r for r in range(self.table.rowCount()) if self.table.item(r, 0).data(KEY_ROLE) == kept), None)
        if row is not None:  # kept, without picking it anew for the window
            self.table.blockSignals(True)
            self.table.selectRow(row)
            self.table.blockSignals(False)
        self._say(picked)

    def picked_court(self) -> tuple[str, str] | None:
        items = self.table.selectedItems()
        return None if not items else self.table.item(items[0].row(), 0).data(KEY_ROLE)

    def _progress(self, measure: str, done: float, target: float, elapsed: float) -> Progress:
        shown = format_yuan if measure == "realised" else (lambda n: f"{int(n):,}")
        reached = share(done, target)
        text = f"{shown(done)} / {shown(target)}" + ("" if reached is None else f" ({reached:.0%})")
        item = Progress(text, reached)
        if reached is not None:
            item.setForeground(QBrush(readable(shortfall_color(elapsed - reached, PACE_TOLERANCE))))
        return item

    def _say(self, picked: tuple[str, Campaign] | None) -> None:
        problems = [
            self.tr("{backend} runs no campaigns (a backend before API 1.5).").format(backend=backend)
            for backend, held in sorted(self._store.campaigns.items())
            if held is None
        ]
        if picked is None:
            said = self.tr("No campaign.")
        else:
            _, campaign = picked
            days = round((campaign.ends_at - campaign.starts_at) / 86_400)
            gone = min(days, max(0, int((campaign.computed_at - campaign.starts_at) / 86_400) + 1))  # day 1 first
            totals = {m: sum(c.done[m] for c in campaign.courts) for m in MEASURES}
            goals = {m: sum(c.targets[m] for c in campaign.courts) for m in MEASURES}
            said = self.tr(
                "{start} – {end}: day {gone} of {days}. Closed {closed} of {closed_goal}, realised {realised} of "
                "{realised_goal}, listed {listed} of {listed_goal}."
            ).format(
                start=format_date(campaign.starts_at),
                end=format_date(campaign.ends_at),
                gone=gone,
                days=days,
                closed=f"{int(totals['closed']):,}",
                closed_goal=f"{int(goals['closed']):,}",
                realised=format_yuan(totals["realised"]),
                realised_goal=format_yuan(goals["realised"]),
                listed=f"{int(totals['listed']):,}",
                listed_goal=f"{int(goals['listed']):,}",
            )
        self.summary.setText(" ".join([said, *problems]))
        mark_problem(self.summary, bool(problems))

    def _on_picked(self) -> None:
        picked = self.picked_court()
        if picked is not None:
            self._selection.select(Selected(Collection.COURTS, *picked))
