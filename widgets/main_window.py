"""The main window: dock panels around the operator, a View menu for them, and a saved layout."""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QToolBar, QWidget

from console.connections import Connections
from console.outbox import CommandState
from console.region import Region
from console.store import Changes
from console.sync import LinkState
from widgets.connection_panel import ConnectionPanel, state_label
from widgets.escalations_panel import EscalationsPanel
from widgets.event_log_panel import EventLogPanel
from widgets.kpi_panel import KpiPanel
from widgets.live_store import LiveStore
from widgets.map_panel import MapPanel
from widgets.queries_panel import QueriesPanel
from widgets.selection import Selection
from widgets.teams_panel import TeamsPanel

log = logging.getLogger(__name__)

# Bump when the set or arrangement of docks changes: an older saved layout is then ignored.
LAYOUT_VERSION = 2
DEFAULT_SIZE = (1600, 900)


class MainWindow(QMainWindow):
    def __init__(self, live: LiveStore, connections: Connections, region: Region, settings: QSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._live = live
        self._settings = settings
        self.setWindowTitle(self.tr("Enforcement Command Centre"))
        self.setDockNestingEnabled(True)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowNestedDocks
                            | QMainWindow.DockOption.AllowTabbedDocks)
        self.selection = Selection(self)
        self.map_panel = MapPanel(live, region, self.selection)
        self.teams_panel = TeamsPanel(live, self.selection)
        self.connection_panel = ConnectionPanel(live, connections)
        self.escalations_panel = EscalationsPanel(live, self.selection)
        self.event_log_panel = EventLogPanel(live)
        self.kpi_panel = KpiPanel(live)
        self.queries_panel = QueriesPanel(live, self.selection)
        self.docks = {
            "map": self._dock("map", self.tr("Map"), self.map_panel),
            "escalations": self._dock("escalations", self.tr("Escalations"), self.escalations_panel),
            "teams": self._dock("teams", self.tr("Field teams"), self.teams_panel),
            "connection": self._dock("connection", self.tr("Connection"), self.connection_panel),
            "event_log": self._dock("event_log", self.tr("Event log"), self.event_log_panel),
            "kpis": self._dock("kpis", self.tr("KPIs"), self.kpi_panel),
            "queries": self._dock("queries", self.tr("Asset queries"), self.queries_panel),
        }
        self._banner = QLabel(self)
        self._banner.setWordWrap(True)
        self._banner.setStyleSheet("QLabel { background: #5c1f24; color: #ffdfe0; padding: 8px 12px; font-weight: bold; }")
        self._banner_bar = QToolBar(self.tr("Alerts"), self)
        self._banner_bar.setObjectName("toolbar_alerts")
        self._banner_bar.setMovable(False)
        self._banner_bar.addWidget(self._banner)
        self._banner_bar.hide()
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self._banner_bar)
        self._build_menus()
        self._default_state = self._arrange_default()
        self._restore_layout()
        live.changed.connect(self._on_changed)

    def _dock(self, name: str, title: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{name}")  # the stable name saveState() keys the layout by
        dock.setWidget(widget)
        return dock

    def _arrange_default(self) -> QByteArray:
        """The duty-desk arrangement: the map large on the left; on the right the escalations to
        work on (the asset queries behind them), the teams (the KPIs behind them), and the
        connection with the event log behind it."""
        self.resize(*DEFAULT_SIZE)
        for dock in self.docks.values():
            dock.setFloating(False)
            dock.show()
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.docks["map"])
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.docks["escalations"])
        self.splitDockWidget(self.docks["escalations"], self.docks["teams"], Qt.Orientation.Vertical)
        self.splitDockWidget(self.docks["teams"], self.docks["connection"], Qt.Orientation.Vertical)
        self.tabifyDockWidget(self.docks["connection"], self.docks["event_log"])
        self.tabifyDockWidget(self.docks["escalations"], self.docks["queries"])
        self.tabifyDockWidget(self.docks["teams"], self.docks["kpis"])
        self.docks["connection"].raise_()
        self.docks["escalations"].raise_()
        self.docks["teams"].raise_()
        self.resizeDocks([self.docks["map"], self.docks["teams"]], [950, 650], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["escalations"], self.docks["teams"], self.docks["connection"]], [330, 330, 200],
                         Qt.Orientation.Vertical)
        return self.saveState(LAYOUT_VERSION)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for index, dock in enumerate(self.docks.values(), start=1):
            toggle = dock.toggleViewAction()
            toggle.setShortcut(QKeySequence(f"Ctrl+{index}"))
            view_menu.addAction(toggle)
        view_menu.addSeparator()
        reset = QAction(self.tr("&Reset layout"), self)
        reset.triggered.connect(self.reset_layout)
        view_menu.addAction(reset)

    def reset_layout(self) -> None:
        self.restoreState(self._default_state, LAYOUT_VERSION)
        for dock in self.docks.values():
            dock.show()

    def _restore_layout(self) -> None:
        version = self._settings.value("layout/version", type=int)
        geometry = self._settings.value("layout/geometry")
        state = self._settings.value("layout/state")
        if version != LAYOUT_VERSION or state is None:
            if state is not None:
                log.info("ignoring a saved layout of version %s (this console uses %s)", version, LAYOUT_VERSION)
            return
        if geometry is not None:
            self.restoreGeometry(geometry)
        if not self.restoreState(state, LAYOUT_VERSION):
            log.info("the saved layout could not be restored; using the default")
            self.reset_layout()

    def save_layout(self) -> None:
        self._settings.setValue("layout/version", LAYOUT_VERSION)
        self._settings.setValue("layout/geometry", self.saveGeometry())
        self._settings.setValue("layout/state", self.saveState(LAYOUT_VERSION))
        self._settings.sync()

    def _on_changed(self, changes: Changes) -> None:
        for command_id in changes.commands:
            command = self._live.store.commands[command_id]
            if command.state == CommandState.REFUSED:
                # A definite no from the backend: the operator must see it, not find it later.
                self.statusBar().showMessage(self.tr("Refused by {backend}: {summary}: {reason}").format(
                    backend=command.backend, summary=command.summary, reason=command.last_error))
        if not changes.health:
            return
        problems = [
            self.tr("{backend}: {state}. {detail}").format(backend=h.backend, state=state_label(h.state), detail=h.detail)
            for h in self._live.store.health.values() if h.state in (LinkState.FAILED, LinkState.AUTH_FAILED)
        ]
        self._banner.setText("\n".join(problems))
        self._banner_bar.setVisible(bool(problems))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)
