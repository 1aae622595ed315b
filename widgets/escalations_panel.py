"""Escalations: the queue an operator works down, by severity then age, with the acknowledgement
countdown, the owner and the state; an open P1 stands out. The selected one's timeline below."""

from __future__ import annotations

import time
from html import escape

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from console.commands import Submit
from console.domain import Escalation, EscalationState, Severity
from console.handling import is_above, urgency, waits_on
from console.records import Collection
from console.store import Changes, Store
from widgets.alarm import Alarm
from widgets.answering import ActionButton
from widgets.escalation_actions import EscalationActions
from widgets.live_store import LiveStore
from widgets.names import escalation_title, name
from widgets.plain_text import PlainLabel
from widgets.rows_model import SORT_ROLE, KeyOrder, RowsModel
from widgets.selection import Selected, Selection
from widgets.style import (
    OVERDUE_COLOR,
    SEVERITY_COLORS,
    format_duration,
    ink_on,
    mark_problem,
    over,
    readable,
)
from widgets.table_sizing import size_columns

TITLE_EMS = 12  # an escalation's title is what the queue is read for: it keeps this much, others give way
P1_BACKGROUND = QColor(229, 72, 77, 60)
FLASH_BACKGROUND = QColor(229, 72, 77, 190)


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
                return name("severity", escalation.severity.value)
            if column == self.TITLE:
                return escalation_title(escalation)
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
            # Each on the background it is drawn on (a P1's tint, the flash), readable there.
            base = QApplication.palette().color(QPalette.ColorRole.Base)
            if flashing:
                return QBrush(ink_on(over(base, FLASH_BACKGROUND)))  # a severity's own colour would vanish on it
            if escalation.severity == Severity.P1 and waiting:
                base = over(base, P1_BACKGROUND)
            if column == self.SEVERITY:
                return QBrush(readable(SEVERITY_COLORS[escalation.severity], base))
            if column == self.COUNTDOWN and waiting and now > escalation.ack_deadline:
                return QBrush(readable(OVERDUE_COLOR, base))
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


class EscalationQueue(KeyOrder):
    """The escalations in working order, of one sort (`sort_of`) when asked for; resolved ones only
    when asked for."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.show_resolved = False
        self.sort_of: str | None = None
        self.setSortRole(SORT_ROLE)

    def set_show_resolved(self, show: bool) -> None:
        self.beginFilterChange()
        self.show_resolved = show
        self.endFilterChange()

    def set_sort_of(self, sort_of: str | None) -> None:
        self.beginFilterChange()
        self.sort_of = sort_of
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        _, escalation = self.sourceModel().item(source_row)
        if self.sort_of is not None and sort_of(escalation) != self.sort_of:
            return False
        return self.show_resolved or escalation.state != EscalationState.RESOLVED


def sort_of(escalation: Escalation) -> str:
    """A field emergency (突发事件: about a team in the field) or a process warning or 督办 (流程预警
    与督办: about a case's course), kept apart (DOMAIN.md, Wording)."""
    return "field" if escalation.team_id is not None else "process"


class EscalationsPanel(QWidget):
    notice = Signal(str)
    """Why an action asked for from here cannot run, or that nothing waits: for the status bar."""

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
                EscalationsModel.SEVERITY: 4,
                EscalationsModel.STATE: 9,
                EscalationsModel.COUNTDOWN: 9,
                EscalationsModel.OWNER: 9,
                EscalationsModel.COURT: 12,
                EscalationsModel.AGE: 6,
            },
            stretch=EscalationsModel.TITLE,
            least=TITLE_EMS,
            given_up=(EscalationsModel.AGE, EscalationsModel.COURT, EscalationsModel.OWNER),
        )
        self.view.setColumnHidden(EscalationsModel.BACKEND, True)
        self.show_resolved = QCheckBox(self.tr("Show resolved"))
        self.show_resolved.toggled.connect(self.queue.set_show_resolved)
        self.sort_of = QComboBox(self)
        self.sort_of.addItem(self.tr("Every escalation"), None)
        self.sort_of.addItem(self.tr("Field emergencies (突发事件)"), "field")
        self.sort_of.addItem(self.tr("Process warnings and 督办"), "process")
        self.sort_of.setToolTip(self.tr("Field emergencies are about a team; process warnings and 督办, about a case"))
        self.sort_of.currentIndexChanged.connect(lambda: self.queue.set_sort_of(self.sort_of.currentData()))
        self.timeline = QTextBrowser(self)
        self.timeline.setPlaceholderText(self.tr("Select an escalation to see its timeline."))
        self.actions = EscalationActions(live, submit, selection, self)
        self.actions.notice.connect(self.notice)
        self.next_action = QAction(self.tr("Next to do"), self)
        self.next_action.setShortcut(QKeySequence("F8"))
        self.next_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.next_action.triggered.connect(self.pick_next)
        self.next_action.setToolTip(self.tr("The most urgent escalation that waits on you (F8)"))
        self.addAction(self.next_action)
        self.action_status = PlainLabel(parent=self)
        self.action_status.setWordWrap(True)
        self.actions.status_changed.connect(self._on_action_status)
        bar = QHBoxLayout()
        for qaction in (*self.actions.actions.values(), self.next_action):
            bar.addWidget(ActionButton(qaction, self))
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
        filters = QHBoxLayout()
        filters.addWidget(self.sort_of)
        filters.addWidget(self.show_resolved)
        filters.addStretch(1)
        layout.addLayout(filters)
        layout.addWidget(splitter)

    def view_state(self) -> dict:
        return {"show_resolved": self.show_resolved.isChecked(), "sort_of": self.sort_of.currentData()}

    def restore_view_state(self, state: dict) -> None:
        self.show_resolved.setChecked(state["show_resolved"])
        self.sort_of.setCurrentIndex(max(0, self.sort_of.findData(state.get("sort_of"))))

    def window_actions(self) -> list[QAction]:
        return [*self.actions.actions.values(), self.next_action]

    def pick_next(self) -> None:
        """Picks the most urgent escalation that waits on this operator (theirs to take, or theirs
        already): the highest severity, then the nearest deadline; pressed again, the one after."""
        waiting = sorted(self._waiting_on_me(), key=lambda item: urgency(item[1]))
        if not waiting:
            self.notice.emit(self.tr("Nothing waits on you: no open escalation is yours to take."))
            return
        keys = [(backend, escalation.id) for backend, escalation in waiting]
        after = keys.index(self._shown) + 1 if self._shown in keys else 0
        backend, escalation = waiting[after % len(waiting)]
        self._selection.select(Selected(Collection.ESCALATIONS, backend, escalation.id))
        self.view.setFocus()

    def _waiting_on_me(self) -> list[tuple[str, Escalation]]:
        pending = {
            (c.backend, c.subject.id)
            for c in self._store.commands.pending()
            if c.subject.kind is Collection.ESCALATIONS
        }
        found = []
        for backend, escalation in self._store.escalations:
            health = self._store.health.get(backend)
            if health is None or escalation.state == EscalationState.RESOLVED:
                continue
            above = is_above(
                lambda court_id, b=backend: self._store.courts.get(b, court_id), escalation.court_id, health.court_id
            )
            mine = (backend, escalation.id) in pending
            if waits_on(escalation, health.user, health.role, health.permissions, mine, above):
                found.append((backend, escalation))
        return found

    def _on_action_status(self, text: str, problem: bool) -> None:
        self.action_status.setText(text)
        mark_problem(self.action_status, problem)  # asked after every batch: restyled only on a change

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

    def _actor(self, backend: str, actor: str) -> str:
        """Who took a step, as the operator knows them: a team by its name, the backend as the system."""
        if actor == "system":
            return self.tr("System")
        team = self._store.teams.get(backend, actor)
        return team.name if team else actor

    def _show_timeline(self) -> None:
        chosen = self.selected()
        if chosen is None:
            self.timeline.clear()
            return
        backend, escalation = chosen
        # Everything here comes from a backend: escaped, so that no text of theirs becomes markup.
        rows = "".join(
            f"<tr><td>{time.strftime('%H:%M:%S', time.localtime(step.at))}</td>"
            f"<td><b>{escape(self._actor(backend, step.actor))}</b></td>"
            f"<td>{escape(name('escalation_step', step.action))}</td><td>{escape(step.note)}</td></tr>"
            for step in escalation.timeline
        )
        # The case by its number and the team by its name: an operator knows them so, not by their ids.
        case = self._store.cases.get(backend, escalation.case_id) if escalation.case_id else None
        team = self._store.teams.get(backend, escalation.team_id) if escalation.team_id else None
        where = escape(
            " · ".join(
                filter(
                    None,
                    [
                        case.number if case else escalation.case_id,
                        team.name if team else escalation.team_id,
                    ],
                )
            )
        )
        title = escape(escalation_title(escalation))
        self.timeline.setHtml(
            f"<p><b>{name('severity', escalation.severity.value)} {title}</b> {where}</p>"
            f"<table cellspacing='6'>{rows}</table>"
        )
