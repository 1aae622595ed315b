"""Connection: every backend this console follows or could follow, its health, and the profiles.

One row per backend: its URL (marked when insecure), state, role, latency, events a second,
events received, age of the last event, records dropped, commands still pending, and what went
wrong last. Profiles are added, edited, removed, connected and disconnected from here.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from console.connections import Connections
from console.profiles import Profile
from console.store import BackendHealth, Changes, Store
from console.sync import LinkState
from widgets.background import run_in_background
from widgets.live_store import LiveStore
from widgets.names import backend_name, name
from widgets.plain_text import plain_tooltip
from widgets.profile_dialog import ProfileDialog
from widgets.style import format_duration, readable

log = logging.getLogger(__name__)

STATE_COLORS = {
    LinkState.LIVE: QColor("#35b36b"),
    LinkState.STARTING: QColor("#f2b134"),
    LinkState.CONNECTING: QColor("#f2b134"),
    LinkState.RECONNECTING: QColor("#f2b134"),
    LinkState.OFFLINE: QColor("#e5484d"),
    LinkState.AUTH_FAILED: QColor("#e5484d"),
    LinkState.FAILED: QColor("#e5484d"),
    LinkState.STOPPED: QColor("#8a8f98"),
}
WARNING = QColor("#e5484d")


class ConnectionModel(QAbstractTableModel):
    COLUMNS = BACKEND, URL, STATE, ROLE, LATENCY, RATE, EVENTS, LAST_EVENT, DROPPED, PENDING, DETAIL = range(11)

    def __init__(self, live: LiveStore, connections: Connections, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store: Store = live.store
        self._connections = connections
        self._backends: list[str] = self._names()
        self._rates: dict[str, float] = {}
        self._counted: dict[str, tuple[float, int]] = {}
        live.changed.connect(self._on_changed)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._on_clock)
        self._clock.start()

    def _names(self) -> list[str]:
        return sorted(set(self._store.health) | {p.name for p in self._connections.profiles})

    def refresh(self) -> None:
        """Rows again after the profiles changed."""
        self.beginResetModel()
        self._backends = self._names()
        self.endResetModel()

    def backend(self, row: int) -> str:
        return self._backends[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._backends)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Backend"),
            self.tr("URL"),
            self.tr("State"),
            self.tr("Signed in as"),
            self.tr("Latency"),
            self.tr("Events/s"),
            self.tr("Events"),
            self.tr("Last event"),
            self.tr("Dropped"),
            self.tr("Pending"),
            self.tr("Detail"),
        )[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._backends):
            return None
        backend = self._backends[index.row()]
        health: BackendHealth | None = self._store.health.get(backend)
        profile: Profile | None = self._connections.profile(backend)
        column = index.column()
        insecure = profile is not None and profile.insecure
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(column, backend, health, profile, insecure)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.STATE and health is not None:
                return QBrush(readable(STATE_COLORS[health.state]))
            if (column == self.DROPPED and health and health.dropped) or (column == self.URL and insecure):
                return QBrush(readable(WARNING))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.URL and insecure:
                return self.tr(
                    "Plain HTTP to another machine: what is sent, the password included, can be read on the way."
                )
            if column in (self.DETAIL, self.DROPPED) and health is not None:
                return plain_tooltip(health.detail or health.last_drop) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.LATENCY,
            self.RATE,
            self.EVENTS,
            self.DROPPED,
            self.PENDING,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def signed_in_as(self, backend: str, health: BackendHealth) -> str:
        """Who the console is signed in as there: 指挥长甲 (supervisor) · Supervisor · 四川省高级人民法院."""
        if not health.role:
            return ""
        who = f"{health.display_name} ({health.user})" if health.display_name not in ("", health.user) else health.user
        court = self._store.courts.get(backend, health.court_id) if health.court_id else None
        where = court.name if court is not None else health.court_id
        return " · ".join(part for part in (who, name("role", health.role), where) if part)

    def _text(
        self, column: int, backend: str, health: BackendHealth | None, profile: Profile | None, insecure: bool
    ) -> str:
        if column == self.BACKEND:
            return backend_name(backend)
        if column == self.URL:
            url = (health.url if health and health.url else profile.url if profile else "") or "—"
            return self.tr("{url}  (insecure)").format(url=url) if insecure else url
        if column == self.STATE:
            return name("link_state", health.state if health else None)
        if health is None:
            return ""
        if column == self.ROLE:
            return self.signed_in_as(backend, health)
        if column == self.LATENCY:
            return "—" if health.latency_ms is None else f"{health.latency_ms:.0f} ms"
        if column == self.RATE:
            return f"{self._rates.get(backend, 0.0):,.0f}"
        if column == self.EVENTS:
            return f"{health.events_received:,}"
        if column == self.LAST_EVENT:
            if health.last_event_at is None:
                return "—"
            return self.tr("{age} ago").format(age=format_duration(time.time() - health.last_event_at))
        if column == self.DROPPED:
            return f"{health.dropped:,}"
        if column == self.PENDING:
            return f"{len(self._store.commands.pending(backend)):,}"
        return health.detail or health.last_drop

    def _on_changed(self, changes: Changes) -> None:
        if not (changes.health or changes.commands):
            return
        if self._names() != self._backends:
            self.refresh()
            return
        self.dataChanged.emit(self.index(0, 0), self.index(len(self._backends) - 1, len(self.COLUMNS) - 1))

    def _on_clock(self) -> None:
        now = time.monotonic()
        for backend, health in self._store.health.items():
            then, count = self._counted.get(backend, (now, health.events_received))
            if now > then:
                self._rates[backend] = (health.events_received - count) / (now - then)
            self._counted[backend] = (now, health.events_received)
        if self._backends:
            self.dataChanged.emit(self.index(0, self.RATE), self.index(len(self._backends) - 1, self.LAST_EVENT))


class ConnectionPanel(QWidget):
    def __init__(self, live: LiveStore, connections: Connections, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = live.store
        self._connections = connections
        self.model = ConnectionModel(live, connections, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _: self.edit_profile())
        self.toolbar = QToolBar(self)
        self.actions_by_name = {}
        for key, text, slot in (
            ("add", self.tr("Add…"), self.add_profile),
            ("edit", self.tr("Edit…"), self.edit_profile),
            ("remove", self.tr("Remove"), self.remove_profile),
            ("connect", self.tr("Connect"), self.connect_selected),
            ("disconnect", self.tr("Disconnect"), self.disconnect_selected),
        ):
            action = QAction(text, self)
            action.triggered.connect(slot)
            self.toolbar.addAction(action)
            self.actions_by_name[key] = action
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        self._on_selection()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view)

    def selected(self) -> Profile | None:
        rows = self.view.selectionModel().selectedRows()
        return self._connections.profile(self.model.backend(rows[0].row())) if rows else None

    def _on_selection(self) -> None:
        profile = self.selected()
        connected = profile is not None and self._connections.followed(profile.name)
        self.actions_by_name["edit"].setEnabled(profile is not None)
        self.actions_by_name["remove"].setEnabled(profile is not None)
        self.actions_by_name["connect"].setEnabled(profile is not None and not connected)
        self.actions_by_name["disconnect"].setEnabled(connected)

    def add_profile(self) -> None:
        self._edit(None)

    def edit_profile(self) -> None:
        profile = self.selected()
        if profile is not None:
            self._edit(profile)

    def _edit(self, profile: Profile | None) -> None:
        others = [p for p in self._connections.profiles if profile is None or p.name != profile.name]
        dialog = ProfileDialog(profile, others, self._connections.vault.persistent, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        edited = dialog.profile().cleaned()
        followed = profile is None or self._connections.followed(profile.name)
        moved = self._connections.save_profile(edited, replacing=profile.name if profile else None)
        typed, keep = dialog.password.text(), dialog.remember.isChecked()
        connections = self._connections

        def _do_keep() -> str | None:  # on a worker: the keyring may take its time
            if moved is not None:
                connections.move_password(moved, edited)
            if typed:
                connections.remember(edited, typed, keep)
                return typed
            return connections.password(edited)

        run_in_background(self, _do_keep, partial(self._on_kept, edited, followed))
        self.model.refresh()
        self._on_selection()

    def _on_kept(self, profile: Profile, follow: bool, password: str | None, error: Exception | None) -> None:
        if error is not None:
            log.warning("the password of %s could not be kept: %s", profile.name, type(error).__name__)
        if password and follow and self._connections.profile(profile.name) is not None:
            self._connections.connect(profile, password)
        self._on_selection()

    def remove_profile(self) -> None:
        profile = self.selected()
        if profile is None:
            return
        question = self.tr("Remove {name} and forget its password? What it shows goes from every panel.").format(
            name=profile.name
        )
        pending = len(self._store.commands.pending(profile.name))
        if pending:
            question += "\n" + self.tr("%n action(s) not yet delivered to it will be withdrawn.", "", pending)
        answer = QMessageBox.question(self, self.tr("Remove profile"), question)
        if answer == QMessageBox.StandardButton.Yes:
            removed = self._connections.remove_profile(profile.name)
            if removed is not None:
                run_in_background(self, partial(self._connections.forget_password, removed), _logged)
            self.model.refresh()
            self._on_selection()

    def connect_selected(self) -> None:
        profile = self.selected()
        if profile is not None:
            follow(
                self,
                profile,
                self._connections,
                partial(ask_password, self, connections=self._connections),
                self._on_selection,
            )

    def disconnect_selected(self) -> None:
        profile = self.selected()
        if profile is not None:
            self._connections.disconnect(profile.name)
        self._on_selection()


def follow(
    owner: QObject,
    profile: Profile,
    connections: Connections,
    ask: Callable[[Profile], str | None],
    then: Callable[[], None] = lambda: None,
) -> None:
    """Follows a profile's backend with its kept password (read off the GUI thread), or the one
    `ask` gets from the operator when none is kept; then calls `then`. A lookup still under way
    when `owner` goes is forgotten."""

    def _on_password(password: str | None, error: Exception | None) -> None:
        if error is not None:
            log.warning("the keyring could not be read for %s: %s", profile.name, type(error).__name__)
        password = password or ask(profile)
        if password and connections.profile(profile.name) is not None:
            connections.connect(profile, password)
        then()

    run_in_background(owner, partial(connections.password, profile), _on_password)


def ask_password(parent: QWidget | None, profile: Profile, connections: Connections) -> str | None:
    """Asks for a profile's password; kept in the keyring when there is one (written off the GUI
    thread), else for the session."""
    where = (
        QCoreApplication.translate("Password", "It will be kept in the system keyring.")
        if connections.vault.persistent
        else QCoreApplication.translate(
            "Password", "No system keyring here: it is kept in memory for this session only."
        )
    )
    password, accepted = QInputDialog.getText(
        parent,
        QCoreApplication.translate("Password", "Password for {name}").format(name=profile.name),
        QCoreApplication.translate("Password", "Password of {user} at {url}.\n{where}").format(
            user=profile.username, url=profile.url, where=where
        ),
        QLineEdit.EchoMode.Password,
    )
    if not accepted or not password:
        return None
    run_in_background(parent, partial(connections.remember, profile, password, True), _logged)
    return password


def _logged(_: object, error: Exception | None) -> None:
    if error is not None:
        log.warning("the keyring refused a change: %s", type(error).__name__)
