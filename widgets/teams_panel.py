"""Field teams: every team of every backend, its status and how long it has held it, live; and,
on scene, when it next checks in (报平安) or since when it has missed a check-in (API 1.6): such a
team is counted on a chip of its own and its row turns red at once, before the escalation that
follows two minutes later."""

from __future__ import annotations

import time
from collections import Counter

import numpy as np
from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLineEdit,
    QSizePolicy,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.domain import TeamStatus, out_of_contact
from console.records import Collection
from console.store import Changes, Store
from widgets.live_store import LiveStore
from widgets.names import name
from widgets.plain_text import plain_tooltip
from widgets.rows_model import SORT_ROLE, RowsModel
from widgets.selection import Selected, Selection
from widgets.style import (
    LOST_CONTACT_COLOR,
    STATUS_COLORS,
    format_duration,
    ink_on,
    readable,
)
from widgets.table_sizing import size_columns

LOST = "lost_contact"  # the chip of teams out of contact, beside the status chips
MISSED = "checkin_missed"  # and the chip of teams that missed a check-in on scene
LOST_CONTACT_BACKGROUND = QColor(107, 112, 121, 50)
CHECK_IN_MISSED_COLOR = QColor(214, 39, 40)
CHECK_IN_MISSED_BACKGROUND = QColor(214, 39, 40, 45)
CHIPS_PER_ROW = 5


def missed_check_in(store: Store, backend: str, team) -> float | None:
    """Since when the team's task on scene has missed its check-in, or None."""
    task = store.tasks.get(backend, team.task_id) if team.task_id else None
    return None if task is None or task.state != "on_scene" else task.checkin_missed_at


class TeamsModel(RowsModel):
    """One row per team, in the store's order; the clock columns refresh every second."""

    COLLECTION = Collection.TEAMS
    TEAM, COURT, STATUS, TIME_IN_STATUS, HEARTBEAT, CHECK_IN, BACKEND = range(7)

    def __init__(self, live: LiveStore, parent: QObject | None = None) -> None:
        super().__init__(live, parent)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        # The ages count on, and a check-in missed turns its row red, with the clock alone.
        self._clock.timeout.connect(lambda: self.refresh_columns(self.TEAM, self.CHECK_IN))
        self._clock.start()

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Team"),
            self.tr("Court"),
            self.tr("Status"),
            self.tr("Time in status"),
            self.tr("Last heartbeat"),
            self.tr("Check-in"),
            self.tr("Backend"),
        )

    def check_in_due(self, backend: str, team) -> tuple[float, bool] | None:
        """When the team on scene checks in next, and whether it has missed that; None off scene."""
        task = self._store.tasks.get(backend, team.task_id) if team.task_id else None
        if task is None or task.state != "on_scene" or task.checkin_due_at is None:
            return None
        return task.checkin_due_at, task.checkin_missed_at is not None

    def _check_in_text(self, due: tuple[float, bool] | None, now: float) -> str:
        if due is None:
            return ""
        at, missed = due
        if missed:
            return self.tr("Late {age}").format(age=format_duration(now - at))
        return self.tr("In {age}").format(age=format_duration(max(0.0, at - now)))

    def last_fix_at(self, row: int) -> float:
        return float(self._store.positions.at[row])

    def lost(self, row: int, now: float) -> bool:
        return out_of_contact(self.last_fix_at(row), now)

    def missed(self, row: int) -> bool:
        return missed_check_in(self._store, *self.item(row)) is not None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= self._rows:
            return None
        row = index.row()
        backend, team = self.item(row)
        column, now = index.column(), time.time()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TEAM:
                # "成都市锦江区人民法院执行一组" reads as "执行一组" beside its court's column.
                court = self.court_name(backend, team)
                if team.name.startswith(court) and len(team.name) > len(court):
                    return team.name[len(court) :]
                return team.name
            if column == self.COURT:
                return self.court_name(backend, team)
            if column == self.STATUS:
                return name("team_status", team.status)
            if column == self.TIME_IN_STATUS:
                return format_duration(now - team.status_since)
            if column == self.BACKEND:
                return backend
            if column == self.CHECK_IN:
                return self._check_in_text(self.check_in_due(backend, team), now)
            age = format_duration(now - self.last_fix_at(row))
            return (
                self.tr("Lost contact ({age})").format(age=age)
                if self.lost(row, now)
                else self.tr("{age} ago").format(age=age)
            )
        if role == SORT_ROLE:
            if column == self.TIME_IN_STATUS:
                return now - team.status_since
            if column == self.HEARTBEAT:
                return now - self.last_fix_at(row)
            if column == self.STATUS:
                return list(STATUS_COLORS).index(team.status)
            if column == self.CHECK_IN:  # the missed first, the longest missed first; off scene last
                due = self.check_in_due(backend, team)
                return float("inf") if due is None else due[0] - now
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.DecorationRole and column == self.STATUS:
            return STATUS_COLORS[team.status]
        missed = self.missed(row)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.CHECK_IN and missed:
            return QBrush(readable(CHECK_IN_MISSED_COLOR))
        if role == Qt.ItemDataRole.ForegroundRole and column == self.HEARTBEAT and self.lost(row, now):
            return QBrush(readable(LOST_CONTACT_COLOR))
        if role == Qt.ItemDataRole.BackgroundRole and missed:
            return QBrush(CHECK_IN_MISSED_BACKGROUND)
        if role == Qt.ItemDataRole.BackgroundRole and self.lost(row, now):
            return QBrush(LOST_CONTACT_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TEAM:
            return plain_tooltip(
                self.tr("{name}\n{vehicle} · {members}").format(
                    name=team.name, vehicle=team.vehicle, members=self.tr("、").join(self.crew(team))
                )
            )
        return None

    def crew(self, team) -> list[str]:
        """Each member, with their role when the backend says it (执行法官, 法官助理, 书记员, 法警)."""
        if not team.roles:
            return list(team.members)
        return [
            self.tr("{member} ({role})").format(member=member, role=name("crew", role)) if role else member
            for member, role in zip(team.members, team.roles, strict=True)
        ]

    def court_name(self, backend: str, team) -> str:
        court = self._store.courts.get(backend, team.court_id)
        return court.name if court else team.court_id


class TeamsFilter(QSortFilterProxyModel):
    """Which teams show: of the chosen statuses (all when none is), out of contact only when asked,
    and whose team or court name contains the typed text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.statuses: set[TeamStatus] = set()
        self.lost_only = False
        self.missed_only = False
        self.text = ""

    def change(self, **what) -> None:
        self.beginFilterChange()
        for attribute, value in what.items():
            setattr(self, attribute, value)
        self.endFilterChange()

    @property
    def active(self) -> bool:
        return bool(self.statuses or self.lost_only or self.missed_only or self.text)

    def refresh(self) -> None:
        """Filters again as statuses change (kept off the live path: rows must not jump each second)."""
        if self.active:
            self.change()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model: TeamsModel = self.sourceModel()
        backend, team = model.item(source_row)
        if self.statuses and team.status not in self.statuses:
            return False
        if self.lost_only and not model.lost(source_row, time.time()):
            return False
        if self.missed_only and not model.missed(source_row):
            return False
        if self.text:
            return self.text in team.name or self.text in model.court_name(backend, team)
        return True


def _dot(color: QColor) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(color)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)


class StatusChips(QWidget):
    """One toggle per status with its count, one for teams out of contact, and one for teams that
    missed a check-in on scene."""

    def __init__(self, filter_model: TeamsFilter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filter = filter_model
        self.buttons: dict[TeamStatus | str, QToolButton] = {}
        grid = QGridLayout(self)  # two rows of four: a narrow dock still shows every chip whole
        grid.setContentsMargins(4, 2, 4, 2)
        grid.setSpacing(4)
        chips = [*STATUS_COLORS.items(), (LOST, LOST_CONTACT_COLOR), (MISSED, CHECK_IN_MISSED_COLOR)]
        for position, (key, color) in enumerate(chips):
            button = QToolButton(self)
            button.setCheckable(True)
            button.setIcon(_dot(color))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setProperty("chip_color", color.name())
            button.toggled.connect(self._on_toggled)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            grid.addWidget(button, position // CHIPS_PER_ROW, position % CHIPS_PER_ROW)
            self.buttons[key] = button
        self._restyle()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()
        super().changeEvent(event)

    def _restyle(self) -> None:
        """A style sheet keeps the palette it was polished with: set again, it takes the theme's."""
        for button in self.buttons.values():
            button.setStyleSheet(
                f"QToolButton:checked {{ background: {button.property('chip_color')};"
                f" color: {ink_on(QColor(button.property('chip_color'))).name()}; }}"
            )

    def update_counts(self, store: Store) -> None:
        counts = Counter(team.status for _, team in store.teams)
        lost = int(np.count_nonzero(out_of_contact(store.positions.at, time.time())))
        missed = sum(missed_check_in(store, backend, team) is not None for backend, team in store.teams)
        for status, button in self.buttons.items():
            if status == LOST:
                button.setText(self.tr("Lost contact {n}").format(n=lost))
            elif status == MISSED:
                button.setText(self.tr("Check-in missed {n}").format(n=missed))
            else:
                button.setText(f"{name('team_status', status)} {counts.get(status, 0)}")

    def _on_toggled(self) -> None:
        chosen = {s for s, button in self.buttons.items() if s not in (LOST, MISSED) and button.isChecked()}
        lost, missed = self.buttons[LOST].isChecked(), self.buttons[MISSED].isChecked()
        self._filter.change(statuses=chosen, lost_only=lost, missed_only=missed)


class TeamsPanel(QWidget):
    def __init__(self, live: LiveStore, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = live.store
        self._selection = selection
        self.model = TeamsModel(live, self)
        self.proxy = TeamsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setDynamicSortFilter(False)  # rows would jump under the operator's eyes every second
        self.view = QTableView(self)
        # While a filter takes rows out, Qt moves the current row by itself; connected before the
        # view's selection model is, these run first, and the move is not taken for a pick.
        self._rows_leaving = False
        self.proxy.rowsAboutToBeRemoved.connect(self._on_rows_leaving)
        self.proxy.rowsRemoved.connect(self._on_rows_left)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(TeamsModel.COURT, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        size_columns(
            self.view,
            {
                TeamsModel.TEAM: 7,
                TeamsModel.STATUS: 9,
                TeamsModel.TIME_IN_STATUS: 10,
                TeamsModel.HEARTBEAT: 12,
                TeamsModel.CHECK_IN: 12,
            },
            stretch=TeamsModel.COURT,
            least=9,
            given_up=(TeamsModel.HEARTBEAT, TeamsModel.CHECK_IN),
        )
        self.view.setColumnHidden(TeamsModel.BACKEND, True)
        self.chips = StatusChips(self.proxy, self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Filter by team or court…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self.proxy.change(text=text.strip()))
        live.changed.connect(self._on_changed)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        selection.changed.connect(self._on_selected)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._on_clock)
        self._clock.start()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.chips)
        layout.addWidget(self.search)
        layout.addWidget(self.view)
        self._on_clock()

    def view_state(self) -> dict:
        return {"search": self.search.text(), "chips": [key for key, b in self.chips.buttons.items() if b.isChecked()]}

    def restore_view_state(self, state: dict) -> None:
        self.search.setText(state["search"])
        for key in state["chips"]:
            self.chips.buttons[key].setChecked(True)

    def _on_clock(self) -> None:
        self.chips.update_counts(self._store)
        self.proxy.refresh()

    def _on_rows_leaving(self, *_: object) -> None:
        self._rows_leaving = True

    def _on_rows_left(self, *_: object) -> None:
        """The picked team may have been filtered out: Qt then made a neighbour current, which the
        operator never picked. It is let go; the picked team stays picked everywhere."""
        self._rows_leaving = False
        selected = self._selection.current
        current = self.view.currentIndex()
        if current.isValid():
            backend, team = self.model.item(self.proxy.mapToSource(current).row())
            if selected != Selected(Collection.TEAMS, backend, team.id):
                self.view.selectionModel().clear()

    def _on_current(self, current: QModelIndex, _: QModelIndex) -> None:
        if current.isValid() and not self._rows_leaving:
            backend, team = self.model.item(self.proxy.mapToSource(current).row())
            self._selection.select(Selected(Collection.TEAMS, backend, team.id))

    def _on_selected(self, selected: Selected | None) -> None:
        if selected is None or selected.kind is not Collection.TEAMS:
            # The current row goes too: picking the same row again must pick it again everywhere.
            self.view.selectionModel().clearCurrentIndex()
            self.view.clearSelection()
            return
        row = self._store.teams.row(selected.backend, selected.id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid() and index.row() != self.view.currentIndex().row():
            self.view.selectRow(index.row())
            self.view.scrollTo(index)

    def _on_changed(self, changes: Changes) -> None:
        # Which backend a team belongs to matters once there is more than one.
        if changes.was_reset(Collection.TEAMS):
            self.view.setColumnHidden(TeamsModel.BACKEND, len(self._store.teams.backends()) < 2)
