"""Event log: every event as it arrives, newest at the bottom; filterable, pausable, and capped so
that a shift of events does not grow the console's memory."""

from __future__ import annotations

import time
from collections import deque

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.domain import Escalation, TeamPosition, TeamStatusChange
from console.store import Changes
from console.sync import EventReceived
from widgets.live_store import LiveStore
from widgets.names import escalation_title, name
from widgets.table_sizing import size_columns

CAPACITY = 5000


def summary(event: EventReceived) -> str:
    update = event.update
    if isinstance(update, TeamPosition):
        return f"{update.team_id}  {update.lon:.4f}, {update.lat:.4f}  {update.speed_kmh:.0f} km/h"
    if isinstance(update, TeamStatusChange):
        return f"{update.team_id} → {name('team_status', update.status)}"
    if isinstance(update, Escalation):
        owner = f" ({update.owner})" if update.owner else ""
        state = name("escalation_state", update.state)
        return f"{name('severity', update.severity.value)} {escalation_title(update)}: {state}{owner}"
    return ""


class EventLogModel(QAbstractTableModel):
    TIME, BACKEND, TYPE, ID, SUMMARY = range(5)

    def __init__(self, live: LiveStore, capacity: int = CAPACITY, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.capacity = capacity
        self._rows: deque[tuple[str, str, str, int, str]] = deque()
        self._held: deque[tuple[str, str, str, int, str]] = deque(maxlen=capacity)
        self.paused = False
        live.changed.connect(self._on_changed)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Time"), self.tr("Backend"), self.tr("Event"), self.tr("Id"), self.tr("What"))[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._rows[index.row()][index.column()]

    @property
    def held(self) -> int:
        return len(self._held)

    def set_paused(self, paused: bool) -> None:
        self.paused = paused
        if not paused:
            self._append(list(self._held))
            self._held.clear()

    def _on_changed(self, changes: Changes) -> None:
        if not changes.events:
            return
        stamp = time.strftime("%H:%M:%S")
        rows = [(stamp, e.backend, e.kind, e.event_id, summary(e)) for e in changes.events[-self.capacity :]]
        if self.paused:
            self._held.extend(rows)  # kept for the resume, up to the capacity
        else:
            self._append(rows)

    def _append(self, rows: list) -> None:
        if not rows:
            return
        overflow = len(self._rows) + len(rows) - self.capacity
        if overflow > 0:
            dropped = min(overflow, len(self._rows))
            self.beginRemoveRows(QModelIndex(), 0, dropped - 1)
            for _ in range(dropped):
                self._rows.popleft()
            self.endRemoveRows()
            rows = rows[-self.capacity :]
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()


class EventLogPanel(QWidget):
    def __init__(self, live: LiveStore, capacity: int = CAPACITY, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = live.store
        self.model = EventLogModel(live, capacity, self)
        self.filtered = QSortFilterProxyModel(self)
        self.filtered.setSourceModel(self.model)
        self.filtered.setFilterKeyColumn(-1)  # any column
        self.filtered.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter: event type, team, backend…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.filtered.setFilterFixedString)
        self.pause = QCheckBox(self.tr("Pause"))
        self.pause.toggled.connect(self._on_pause)
        self.held = QLabel(self)
        self.view = QTableView(self)
        self.view.setModel(self.filtered)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        size_columns(
            self.view,
            {EventLogModel.TIME: 6, EventLogModel.BACKEND: 7, EventLogModel.TYPE: 11, EventLogModel.ID: 5},
            stretch=EventLogModel.SUMMARY,
            padding=6,
        )
        self.view.setColumnHidden(EventLogModel.BACKEND, True)
        live.changed.connect(self._on_rows)  # after the model's own handler: it counts what it held
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.pause)
        bar.addWidget(self.held)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view)

    def view_state(self) -> dict:
        return {"filter": self.filter.text(), "paused": self.pause.isChecked()}

    def restore_view_state(self, state: dict) -> None:
        self.filter.setText(state["filter"])
        self.pause.setChecked(state["paused"])

    def _on_pause(self, paused: bool) -> None:
        self.model.set_paused(paused)
        self._on_rows()

    def _on_rows(self, changes: Changes | None = None) -> None:
        if changes is not None and changes.health:
            # Which backend an event came from matters once there is more than one.
            self.view.setColumnHidden(EventLogModel.BACKEND, len(self._store.health) < 2)
        self.held.setText(self.tr("{count} held").format(count=self.model.held) if self.model.paused else "")
        if not self.model.paused:
            self.view.scrollToBottom()
