"""Escalations: the queue an operator works down, by severity then age, with the acknowledgement
countdown, the owner and the state; an open P1 stands out. The selected one's timeline below."""

from __future__ import annotations

import time
from html import escape

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QSplitter,
    QTableView,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.commands import Submit
from console.domain import Escalation, EscalationState, Severity
from console.records import Collection
from console.store import Changes, Store
from widgets.alarm import Alarm
from widgets.escalation_actions import EscalationActions
from widgets.live_store import LiveStore
from widgets.names import name
from widgets.plain_text import PlainLabel
from widgets.rows_model import SORT_ROLE, RowsModel
from widgets.selection import Selected, Selection
from widgets.style import (
    ERROR_STYLE,
    OVERDUE_COLOR,
    SEVERITY_COLORS,
    format_duration,
)
from widgets.table_sizing import size_columns

P1_BACKGROUND = QColor(229, 72, 77, 60)
FLASH_BACKGROUND = QColor(229, 72, 77, 190)
FLASH_FOREGROUND = QColor("#ffffff")


class EscalationsModel(RowsModel):
    COLLECTION = Collection.ESCALATIONS
    SEVERITY, TITLE, STATE, COUNTDOWN, OWNER, COURT, AGE, BACKEND = range(8)

    def __init__(self, live: LiveStore, alarm: Alarm, parent: QObject | None = None) -> None:
        super().__init__(live, parent)
        self._alarm = alarm
        self._pending: set[tuple[str, str]] = set()  # (backend, id) of escalations with an action on its way
        alarm.flashed.connect(self._on_flashed)
        live.changed.connect(self._on_commands)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._on_clock)
        self._clock.start()

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Sev."),
            self.tr("Escalation"),
            self.tr("State"),
            self.tr("Ack due"),
            self.tr("Owner"),
            self.tr("Court"),
            self.tr("Age"),
            self.tr("Backend"),
        )

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= self._rows:
            return None
        backend, escalation = self._store.escalations[index.row()]
        column, now = index.column(), time.time()
        waiting = escalation.state == EscalationState.OPEN
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.SEVERITY:
                return escalation.severity.value
            if column == self.TITLE:
                return escalation.title
            if column == self.STATE:
                if (backend, escalation.id) in self._pending:
                    return self.tr("{state} · sending…").format(state=name("escalation_state", escalation.state))
                return name("escalation_state", escalation.state)
            if column == self.COUNTDOWN:
                if not waiting:
                    return ""
                left = escalation.ack_deadline - now
                return format_duration(left) if left >= 0 else self.tr("overdue {by}").format(by=format_duration(-left))
            if column == self.OWNER:
                if escalation.owner is None and escalation.state == EscalationState.ESCALATED:
                    return "→ " + name("escalated_to", escalation.escalated_to)  # whose turn it is now
                return escalation.owner or ""
            if column == self.COURT:
                court = self._store.courts.get(backend, escalation.court_id)
                return court.name if court else escalation.court_id
            if column == self.AGE:
                return format_duration(now - escalation.raised_at)
            return backend
        if role == SORT_ROLE:
            # The queue: open before handled, then by severity, then the oldest first.
            return (escalation.state == EscalationState.RESOLVED, escalation.severity.value, escalation.raised_at)
        flashing = self._alarm.flash_on and self._alarm.is_alarming(backend, escalation.id)
        if role == Qt.ItemDataRole.ForegroundRole:
            if flashing:
                return QBrush(FLASH_FOREGROUND)  # a severity's own colour would vanish on the flash
            if column == self.SEVERITY:
                return QBrush(SEVERITY_COLORS[escalation.severity])
            if column == self.COUNTDOWN and waiting and now > escalation.ack_deadline:
                return QBrush(OVERDUE_COLOR)
        if role == Qt.ItemDataRole.BackgroundRole and flashing:
            return QBrush(FLASH_BACKGROUND)
        if role == Qt.ItemDataRole.BackgroundRole and escalation.severity == Severity.P1 and waiting:
            return QBrush(P1_BACKGROUND)
        if role == Qt.ItemDataRole.FontRole and escalation.severity == Severity.P1 and waiting:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _on_clock(self) -> None:
        self.refresh_columns(self.COUNTDOWN, self.AGE)

    def _on_flashed(self, _: bool) -> None:
        rows = [row for key in self._alarm.waiting if (row := self.rows().row(*key)) is not None and row < self._rows]
        if rows:
            self.dataChanged.emit(
                self.index(min(rows), 0),
                self.index(max(rows), self.columnCount() - 1),
                [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole],
            )

    def _on_commands(self, changes: Changes) -> None:
        if not changes.commands:
            return
        pending = {
            (c.backend, c.subject.id) for c in self._store.commands.pending() if c.subject.kind is self.COLLECTION
        }
        if pending != self._pending:
            self._pending = pending
            if self._rows:
                self.dataChanged.emit(self.index(0, self.STATE), self.index(self._rows - 1, self.STATE))


class EscalationQueue(QSortFilterProxyModel):
    """The escalations in working order; resolved ones only when asked for."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.show_resolved = False
        self.setSortRole(SORT_ROLE)

    def set_show_resolved(self, show: bool) -> None:
        self.beginFilterChange()
        self.show_resolved = show
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        _, escalation = self.sourceModel().item(source_row)
        return self.show_resolved or escalation.state != EscalationState.RESOLVED

    def lessThan(self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex) -> bool:
        return left.data(SORT_ROLE) < right.data(SORT_ROLE)


class EscalationsPanel(QWidget):
    def __init__(
        self,
        live: LiveStore,
        selection: Selection,
        submit: Submit,
        alarm: Alarm,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store: Store = live.store
        self._selection = selection
        self._shown: tuple[str, str] | None = None  # (backend, id) of the escalation whose timeline shows
        self.model = EscalationsModel(live, alarm, self)
        self.queue = EscalationQueue(self)
        self.queue.setSourceModel(self.model)
        self.queue.setDynamicSortFilter(True)  # a handled escalation moves down the queue at once
        self.queue.sort(0)
        # While the queue takes rows out, Qt moves the current row by itself. Connected before the
        # view's selection model is, these run first.
        self._rows_leaving = False
        self.queue.rowsAboutToBeRemoved.connect(self._on_rows_leaving)
        self.queue.rowsRemoved.connect(self._on_rows_left)
        self.view = QTableView(self)
        self.view.setModel(self.queue)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        size_columns(
            self.view,
            {
                EscalationsModel.SEVERITY: 3,
                EscalationsModel.STATE: 9,
                EscalationsModel.COUNTDOWN: 9,
                EscalationsModel.OWNER: 9,
                EscalationsModel.COURT: 12,
                EscalationsModel.AGE: 6,
            },
            stretch=EscalationsModel.TITLE,
        )
        self.view.setColumnHidden(EscalationsModel.BACKEND, True)
        self.show_resolved = QCheckBox(self.tr("Show resolved"))
        self.show_resolved.toggled.connect(self.queue.set_show_resolved)
        self.timeline = QTextBrowser(self)
        self.timeline.setPlaceholderText(self.tr("Select an escalation to see its timeline."))
        self.actions = EscalationActions(live, submit, selection, self)
        self.next_action = QAction(self.tr("Next escalation"), self)
        self.next_action.setShortcut(QKeySequence("F8"))
        self.next_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.next_action.triggered.connect(self.pick_next)
        self.addAction(self.next_action)
        self.action_status = PlainLabel(parent=self)
        self.action_status.setWordWrap(True)
        self.actions.status_changed.connect(self._on_action_status)
        bar = QHBoxLayout()
        for qaction in (*self.actions.actions.values(), self.next_action):
            button = QToolButton(self)
            button.setDefaultAction(qaction)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            bar.addWidget(button)
        bar.addWidget(self.action_status, 1)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        selection.changed.connect(self._on_selected)
        live.changed.connect(self._on_changed)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.view)
        details = QWidget(self)
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addLayout(bar)
        details_layout.addWidget(self.timeline)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.show_resolved)
        layout.addWidget(splitter)

    def window_actions(self) -> list[QAction]:
        return [*self.actions.actions.values(), self.next_action]

    def pick_next(self) -> None:
        """Picks the next escalation of the queue after the picked one (the first when none is)."""
        rows = self.queue.rowCount()
        if rows:
            current = self.view.currentIndex()
            self.view.setFocus()
            self.view.selectRow((current.row() + 1) % rows if current.isValid() else 0)

    def _on_action_status(self, text: str, problem: bool) -> None:
        self.action_status.setText(text)
        style = ERROR_STYLE if problem else ""
        if self.action_status.styleSheet() != style:  # asked after every batch: restyled only on a change
            self.action_status.setStyleSheet(style)

    def selected(self) -> tuple[str, Escalation] | None:
        """The escalation the operator picked here (its latest state), if any."""
        if self._shown is None:
            return None
        row = self._store.escalations.row(*self._shown)
        return None if row is None else self._store.escalations[row]

    def _on_rows_leaving(self, *_: object) -> None:
        self._rows_leaving = True

    def _on_rows_left(self, *_: object) -> None:
        """The picked escalation may have left the queue (resolved, with resolved ones hidden): Qt
        then made a neighbour current, which the operator never picked. It is let go, and the
        picked escalation stays picked everywhere, its timeline shown."""
        if self._shown is not None:
            row = self._store.escalations.row(*self._shown)
            if row is None or not self.queue.mapFromSource(self.model.index(row, 0)).isValid():
                self.view.selectionModel().clear()
        self._rows_leaving = False

    def _on_current(self, current: QModelIndex, _: QModelIndex) -> None:
        if self._rows_leaving:
            return
        if current.isValid():
            backend, escalation = self.model.item(self.queue.mapToSource(current).row())
            self._shown = (backend, escalation.id)
            self._selection.select(Selected(Collection.ESCALATIONS, backend, escalation.id))
        self._show_timeline()

    def _on_selected(self, selected: Selected | None) -> None:
        if selected is None or selected.kind is not Collection.ESCALATIONS:
            self._shown = None
            # The current row goes too: picking the same row again must pick it again everywhere.
            self.view.selectionModel().clearCurrentIndex()
            self.view.clearSelection()
            self._show_timeline()
            return
        row = self._store.escalations.row(selected.backend, selected.id)
        index = self.queue.mapFromSource(self.model.index(row, 0)) if row is not None else None
        if index is not None and index.isValid() and index.row() != self.view.currentIndex().row():
            self.view.selectRow(index.row())

    def _on_changed(self, changes: Changes) -> None:
        if changes.touched(Collection.ESCALATIONS):
            self.view.setColumnHidden(EscalationsModel.BACKEND, len(self._store.escalations.backends()) < 2)
            self._show_timeline()

    def _show_timeline(self) -> None:
        chosen = self.selected()
        if chosen is None:
            self.timeline.clear()
            return
        _, escalation = chosen
        # Everything here comes from a backend: escaped, so that no text of theirs becomes markup.
        rows = "".join(
            f"<tr><td>{time.strftime('%H:%M:%S', time.localtime(step.at))}</td><td><b>{escape(step.actor)}</b></td>"
            f"<td>{escape(step.action)}</td><td>{escape(step.note)}</td></tr>"
            for step in escalation.timeline
        )
        where = escape(" · ".join(filter(None, [escalation.case_id, escalation.team_id])))
        self.timeline.setHtml(
            f"<p><b>{escalation.severity.value} {escape(escalation.title)}</b> {where}</p>"
            f"<table cellspacing='6'>{rows}</table>"
        )
