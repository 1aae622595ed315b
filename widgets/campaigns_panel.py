"""Campaigns (专项执行行动, API 1.5): the campaign picked, its dates and the share of its time gone,
and each court's progress against its targets: cases closed, money realised, respondents listed
as dishonest. A figure is on track (green) when it reached at least the share of its target that
the campaign's time has run, behind (amber) within twenty points of it, far behind (red) below.
Any column sorts; a court picked here is picked everywhere. Fetched from each backend followed
at once, then every minute, and on Shift+F5.
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

from console.campaigns import MEASURES, Campaign, fetch_campaigns, share
from console.records import Collection
from console.store import Changes
from widgets.answering import panel_action
from widgets.fetching import Fetches
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
    def __init__(self, live: LiveStore, selection: Selection, session_of, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = live.store
        self._selection = selection
        self.campaigns: dict[str, list[Campaign]] = {}
        self.missing: dict[str, str] = {}
        self.fetches = Fetches(live, session_of, fetch_campaigns, self)
        self.fetches.fetched.connect(self._on_fetched)

        self.campaign = QComboBox(self)
        self.campaign.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.summary = PlainLabel(parent=self)
        self.summary.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.campaign)
        bar.addWidget(self.summary, 1)
        self.refresh_action = panel_action(self.tr("Refresh"), "Shift+F5", self, bar)
        self.refresh_action.triggered.connect(self.fetches.fetch)
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
        self.fetches.fetch()
        self._say(None)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touched(Collection.COURTS):  # their names
            self._show()

    def _on_fetched(self, backend: str, campaigns: list[Campaign] | None, error: Exception | None) -> None:
        self.missing.pop(backend, None)
        if error is not None:
            self.missing[backend] = self.tr("Could not load the campaigns of {backend}: {error}").format(
                backend=backend, error=error
            )
        elif campaigns is None:
            self.campaigns.pop(backend, None)
            self.missing[backend] = self.tr("{backend} runs no campaigns (a backend before API 1.5).").format(
                backend=backend
            )
        else:
            self.campaigns[backend] = campaigns
        chosen = self.campaign.currentData()
        self.campaign.blockSignals(True)
        self.campaign.clear()
        several = len(self.campaigns) > 1
        for held_by, held in sorted(self.campaigns.items()):
            for campaign in sorted(held, key=lambda c: -c.starts_at):  # the latest first
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
        return next(((backend, c) for c in self.campaigns.get(backend, ()) if c.id == campaign_id), None)

    def _show(self) -> None:
        picked = self.picked_campaign()
        if picked is None:
            self.table.setRowCount(0)
            self._say(None)
            return
        backend, campaign = picked
        elapsed = campaign.elapsed(campaign.computed_at)  # the backend's time: its clock may not be ours
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
        self._say(picked)

    def _progress(self, measure: str, done: float, target: float, elapsed: float) -> Progress:
        shown = format_yuan if measure == "realised" else (lambda n: f"{int(n):,}")
        reached = share(done, target)
        text = f"{shown(done)} / {shown(target)}" + ("" if reached is None else f" ({reached:.0%})")
        item = Progress(text, reached)
        if reached is not None:
            item.setForeground(QBrush(readable(shortfall_color(elapsed - reached, PACE_TOLERANCE))))
        return item

    def _say(self, picked: tuple[str, Campaign] | None) -> None:
        problems = list(self.missing.values())
        if picked is None:
            said = self.tr("Loading the campaigns…") if self.fetches.asking else self.tr("No campaign.")
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
        items = self.table.selectedItems()
        if items:
            backend, court_id = self.table.item(items[0].row(), 0).data(KEY_ROLE)
            self._selection.select(Selected(Collection.COURTS, backend, court_id))
