"""Field teams: every team of every backend, its status and how long it has held it, live."""

from __future__ import annotations

import time

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.store import Changes, Store
from widgets.live_store import LiveStore
from widgets.team_style import (
    LOST_CONTACT_COLOR,
    STATUS_COLORS,
    format_duration,
    is_lost_contact,
    status_label,
)

SORT_ROLE = Qt.ItemDataRole.UserRole


class TeamsModel(QAbstractTableModel):
    """One row per team, in the store's order; the clock columns refresh every second."""

    TEAM, COURT, STATUS, TIME_IN_STATUS, HEARTBEAT, BACKEND = range(6)

    def __init__(self, live: LiveStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store: Store = live.store
        self._rows = len(self._store.teams)
        live.changed.connect(self._on_changed)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._on_clock)
        self._clock.start()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Team"), self.tr("Court"), self.tr("Status"), self.tr("Time in status"), self.tr("Last heartbeat"),
                self.tr("Backend"))[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= self._rows:
            return None
        team = self._store.teams[index.row()]
        column, now = index.column(), time.time()
        if role == Qt.ItemDataRole.DisplayRole:
            court = self._store.courts.get((team.backend, team.court_id))
            if column == self.TEAM:
                # "成都市锦江区人民法院执行一组" reads as "执行一组" beside its court's column.
                if court and team.name.startswith(court.name) and len(team.name) > len(court.name):
                    return team.name[len(court.name):]
                return team.name
            if column == self.COURT:
                return court.name if court else team.court_id
            if column == self.STATUS:
                return status_label(team.status)
            if column == self.TIME_IN_STATUS:
                return format_duration(now - team.status_since)
            if column == self.BACKEND:
                return team.backend
            if is_lost_contact(team, now):
                return self.tr("Lost contact ({age})").format(age=format_duration(now - team.position_at))
            return self.tr("{age} ago").format(age=format_duration(now - team.position_at))
        if role == SORT_ROLE:
            if column == self.TIME_IN_STATUS:
                return now - team.status_since
            if column == self.HEARTBEAT:
                return now - team.position_at
            if column == self.STATUS:
                return list(STATUS_COLORS).index(team.status)
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.DecorationRole and column == self.STATUS:
            return STATUS_COLORS[team.status]
        if role == Qt.ItemDataRole.ForegroundRole and column == self.HEARTBEAT and is_lost_contact(team, now):
            return QBrush(LOST_CONTACT_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TEAM:
            return self.tr("{name}\n{vehicle} · {members}").format(name=team.name, vehicle=team.vehicle, members="、".join(team.members))
        return None

    def _on_changed(self, changes: Changes) -> None:
        if changes.teams_reset:
            self.beginResetModel()
            self._rows = len(self._store.teams)
            self.endResetModel()
        elif changes.team_rows:
            # One signal for the span of changed rows: cheaper for the view than one per row.
            self.dataChanged.emit(self.index(min(changes.team_rows), 0), self.index(max(changes.team_rows), self.BACKEND))

    def teams(self) -> list:
        return self._store.teams

    def _on_clock(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, self.TIME_IN_STATUS), self.index(self._rows - 1, self.HEARTBEAT))


class TeamsPanel(QWidget):
    def __init__(self, live: LiveStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TeamsModel(live, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setDynamicSortFilter(False)  # rows would jump under the operator's eyes every second
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(TeamsModel.COURT, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(TeamsModel.COURT, QHeaderView.ResizeMode.Stretch)
        # Fixed widths: fitting columns to their contents would measure every row on every update.
        em = self.fontMetrics().horizontalAdvance("M")
        for column, width in ((TeamsModel.TEAM, 7), (TeamsModel.STATUS, 9), (TeamsModel.TIME_IN_STATUS, 10), (TeamsModel.HEARTBEAT, 12)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width * em)
        self.view.setColumnHidden(TeamsModel.BACKEND, True)
        live.changed.connect(self._on_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def _on_changed(self, changes: Changes) -> None:
        # Which backend a team belongs to matters once there is more than one.
        if changes.teams_reset:
            self.view.setColumnHidden(TeamsModel.BACKEND, len({t.backend for t in self.model.teams()}) < 2)
