"""Connection: each backend's URL, state, events received and the age of its last event."""

from __future__ import annotations

import time

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.store import BackendHealth, Changes, Store
from console.sync import LinkState
from widgets.live_store import LiveStore
from widgets.team_style import format_duration

STATE_COLORS = {
    LinkState.LIVE: QColor("#35b36b"),
    LinkState.STARTING: QColor("#f2b134"),
    LinkState.CONNECTING: QColor("#f2b134"),
    LinkState.RECONNECTING: QColor("#f2b134"),
    LinkState.AUTH_FAILED: QColor("#e5484d"),
    LinkState.FAILED: QColor("#e5484d"),
    LinkState.STOPPED: QColor("#8a8f98"),
}


def state_label(state: LinkState) -> str:
    return {
        LinkState.STARTING: QCoreApplication.translate("LinkState", "Starting"),
        LinkState.CONNECTING: QCoreApplication.translate("LinkState", "Connecting"),
        LinkState.LIVE: QCoreApplication.translate("LinkState", "Live"),
        LinkState.RECONNECTING: QCoreApplication.translate("LinkState", "Reconnecting"),
        LinkState.AUTH_FAILED: QCoreApplication.translate("LinkState", "Authentication failed"),
        LinkState.FAILED: QCoreApplication.translate("LinkState", "Failed"),
        LinkState.STOPPED: QCoreApplication.translate("LinkState", "Stopped"),
    }[state]


class ConnectionModel(QAbstractTableModel):
    BACKEND, URL, STATE, EVENTS, LAST_EVENT, DROPPED, DETAIL = range(7)

    def __init__(self, live: LiveStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store: Store = live.store
        self._backends: list[str] = sorted(self._store.health)
        live.changed.connect(self._on_changed)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._on_clock)
        self._clock.start()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._backends)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Backend"), self.tr("URL"), self.tr("State"), self.tr("Events"), self.tr("Last event"),
                self.tr("Dropped"), self.tr("Detail"))[section]

    def health(self, row: int) -> BackendHealth:
        return self._store.health[self._backends[row]]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._backends):
            return None
        health = self.health(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.BACKEND:
                return health.backend
            if column == self.URL:
                return health.url or "—"
            if column == self.STATE:
                return state_label(health.state)
            if column == self.EVENTS:
                return f"{health.events_received:,}"
            if column == self.LAST_EVENT:
                if health.last_event_at is None:
                    return "—"
                return self.tr("{age} ago").format(age=format_duration(time.time() - health.last_event_at))
            if column == self.DROPPED:
                return f"{health.dropped:,}"
            return health.detail or health.last_drop
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATE:
            return QBrush(STATE_COLORS[health.state])
        if role == Qt.ItemDataRole.ForegroundRole and column == self.DROPPED and health.dropped:
            return QBrush(STATE_COLORS[LinkState.FAILED])
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.DETAIL, self.DROPPED):
            return health.detail or health.last_drop or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.EVENTS, self.DROPPED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _on_changed(self, changes: Changes) -> None:
        if not changes.health:
            return
        backends = sorted(self._store.health)
        if backends != self._backends:
            self.beginResetModel()
            self._backends = backends
            self.endResetModel()
            return
        rows = [self._backends.index(b) for b in changes.health]
        self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), 6))

    def _on_clock(self) -> None:
        if self._backends:
            self.dataChanged.emit(self.index(0, self.LAST_EVENT), self.index(len(self._backends) - 1, self.LAST_EVENT))


class ConnectionPanel(QWidget):
    def __init__(self, live: LiveStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ConnectionModel(live, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
