"""The main window: dock panels around the operator, a View menu for them, and a saved layout."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMessageBox,
    QToolBar,
    QWidget,
)

from console.commands import Command, CommandState
from console.connections import Connections
from console.domain import EscalationState, Severity
from console.region import Region
from console.store import Changes
from console.sync import LinkState
from widgets.alarm import Alarm
from widgets.audit_export import AuditExport
from widgets.field_actions import FieldActions
from widgets.i18n import current_language
from widgets.layouts import DEFAULT_LAYOUT, FONT_SCALE, LAYOUTS, arrange, layout_title
from widgets.live_store import LiveStore
from widgets.names import backend_name, name
from widgets.panels import PANELS, ActsOnTheWindow, KeepsItsView, Panel, Ports
from widgets.plain_text import PlainLabel, plain_tooltip
from widgets.selection import Selection
from widgets.theme import apply_theme, current_theme

log = logging.getLogger(__name__)

# Bump when the set or arrangement of docks changes: an older saved layout is then ignored.
LAYOUT_VERSION = 6
DEFAULT_SIZE = (1600, 900)


class MainWindow(QMainWindow):
    language_requested = Signal(str)
    """The operator chose another UI language (its code): the session rebuilds the window in it."""

    def __init__(
        self,
        live: LiveStore,
        connections: Connections,
        region: Region,
        settings: QSettings,
        layout: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._live = live
        self._settings = settings
        self.setWindowTitle(self.tr("Enforcement Command Centre"))
        self.setDockNestingEnabled(True)
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowNestedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
        )
        self.selection = Selection(self)
        self.alarm = Alarm(live, self)
        submit = live.submitting(connections.submit)
        ports = Ports(live, self.selection, submit, connections.session, self.alarm, region, connections)
        self.panels: dict[Panel, QWidget] = {spec.panel: spec.build(ports) for spec in PANELS}
        self.docks: dict[Panel, QDockWidget] = {
            spec.panel: self._dock(spec.panel, spec.title(), self.panels[spec.panel]) for spec in PANELS
        }
        self._banner = PlainLabel(parent=self)
        self._banner.setWordWrap(True)
        self._banner.setStyleSheet(
            "QLabel { background: #5c1f24; color: #ffdfe0; padding: 8px 12px; font-weight: bold; }"
        )
        self._banner_bar = QToolBar(self.tr("Alerts"), self)
        self._banner_bar.setObjectName("toolbar_alerts")
        self._banner_bar.setMovable(False)
        self._banner_bar.addWidget(self._banner)
        self._banner_bar.hide()
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self._banner_bar)
        self.layout_name: str | None = None
        self._layout_actions: dict[str, QAction] = {}
        self.field_actions = FieldActions(live, submit, self.selection, self._case_in_view, self)
        self.field_actions.notice.connect(self._on_notice)
        self.field_actions.case_search_requested.connect(self.find)
        self.audit_export = AuditExport(connections, self)
        self.audit_export.done.connect(self._on_notice)
        self.pending_label = PlainLabel(parent=self)
        self.statusBar().addPermanentWidget(self.pending_label)
        self.pending_label.hide()
        self._alarm_label = PlainLabel(parent=self)
        self.statusBar().addPermanentWidget(self._alarm_label)
        self.alarm.changed.connect(self._on_alarm)
        self.alarm.flashed.connect(self._on_alarm)
        # command id → the state last said in the status bar (what came before this window is not news)
        self._asked = False  # the operator said yes to quitting
        self._told: dict[str, CommandState] = {command.id: command.state for command in live.store.commands}
        self._build_menus()
        self._on_alarm()
        self.resize(*DEFAULT_SIZE)
        self._restore_geometry()
        saved = self._settings.value("ui/layout", DEFAULT_LAYOUT)
        self.use_layout(layout or (saved if saved in LAYOUTS else DEFAULT_LAYOUT))
        live.changed.connect(self._on_changed)

    def _dock(self, panel: Panel, title: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{panel}")  # the stable name saveState() keys the layout by
        dock.setWidget(widget)
        return dock

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        export_action = QAction(self.tr("&Export audit…"), self)
        export_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        export_action.setToolTip(self.tr("A backend's audit log over a time range, verifiable offline"))
        export_action.triggered.connect(self.audit_export.ask)
        file_menu.addAction(export_action)
        file_menu.addSeparator()
        clear_action = QAction(self.tr("&Clear the selection"), self)
        clear_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        clear_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        clear_action.triggered.connect(self._clear_selection)
        file_menu.addAction(clear_action)
        self.addAction(clear_action)
        find_action = QAction(self.tr("&Find a case, team or court…"), self)
        find_action.setShortcut(QKeySequence.StandardKey.Find)
        find_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        find_action.triggered.connect(self.find)
        file_menu.addAction(find_action)
        self.addAction(find_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))  # the platform's Quit key is none on some (Windows)
        quit_action.triggered.connect(self.quit_when_sure)
        file_menu.addAction(quit_action)
        actions_menu = self.menuBar().addMenu(self.tr("&Actions"))
        for panel in self.panels.values():
            if isinstance(panel, ActsOnTheWindow):
                panel.notice.connect(self._on_notice)
                for qaction in panel.window_actions():
                    actions_menu.addAction(qaction)
                actions_menu.addSeparator()
        for qaction in self.field_actions.actions.values():
            actions_menu.addAction(qaction)
            self.addAction(qaction)
        actions_menu.addSeparator()
        self.mute_action = QAction(self.tr("&Mute the alarm for this shift"), self, checkable=True)
        self.mute_action.setShortcut(QKeySequence("F9"))
        self.mute_action.toggled.connect(self.alarm.set_muted)
        actions_menu.addAction(self.mute_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for spec in PANELS:
            toggle = self.docks[spec.panel].toggleViewAction()
            toggle.setShortcut(QKeySequence(spec.shortcut))
            view_menu.addAction(toggle)
        view_menu.addSeparator()
        # Each group's actions carry their choice as data: a lambda per action would tie the window
        # into a reference cycle, freed by Python's collector at a moment of its own choosing.
        layouts = QActionGroup(self)
        layouts.triggered.connect(self._on_layout_action)
        for index, layout in enumerate(LAYOUTS, start=1):
            action = QAction(layout_title(layout), layouts, checkable=True)
            action.setShortcut(QKeySequence(f"Ctrl+Shift+{index}"))
            action.setData(layout)
            self._layout_actions[layout] = action
            view_menu.addAction(action)
        reset = QAction(self.tr("&Reset layout"), self)
        reset.triggered.connect(self.reset_layout)
        view_menu.addAction(reset)
        view_menu.addSeparator()
        theme_menu = view_menu.addMenu(self.tr("&Theme"))
        themes = QActionGroup(self)
        themes.triggered.connect(self._on_theme)
        for theme, title in (("dark", self.tr("Dark (video wall)")), ("light", self.tr("Light (duty desk)"))):
            action = QAction(title, themes, checkable=True)
            action.setChecked(theme == current_theme(QApplication.instance()))
            action.setData(theme)
            theme_menu.addAction(action)
        language_menu = view_menu.addMenu(self.tr("&Language"))
        languages = QActionGroup(self)
        languages.triggered.connect(self._on_language)
        # Each language is named in itself: an operator who cannot read the current one still finds theirs.
        for language, title in (("zh_CN", "中文"), ("en", "English")):
            action = QAction(title, languages, checkable=True)
            action.setChecked(language == current_language(QApplication.instance()))
            action.setData(language)
            language_menu.addAction(action)

    def _case_in_view(self) -> tuple[str, str] | None:
        """The case the case panel shows, if any: what a case action takes when no case is picked."""
        return self.panels[Panel.CASE].shown

    def view_states(self) -> dict[Panel, dict]:
        """How each panel is being looked at (zoom, filters, searches), for a window built again."""
        return {kind: panel.view_state() for kind, panel in self.panels.items() if isinstance(panel, KeepsItsView)}

    def restore_view_states(self, states: dict[Panel, dict]) -> None:
        for kind, state in states.items():
            self.panels[kind].restore_view_state(state)

    def _clear_selection(self) -> None:
        self.selection.select(None)
        self._on_notice(self.tr("Nothing picked."))

    def find(self) -> None:
        """The search, from anywhere: the map (shown and raised, when hidden or behind a tab) and its search box."""
        dock = self.docks[Panel.MAP]
        dock.show()
        dock.raise_()
        self.panels[Panel.MAP].focus_search()

    def use_layout(self, layout: str) -> None:
        """Switches to a named layout: as the operator last left it, else its default arrangement."""
        if self.layout_name is not None:
            self._save_state()
        self.layout_name = layout
        self._layout_actions[layout].setChecked(True)
        font = QApplication.font()
        font.setPointSizeF(font.pointSizeF() * FONT_SCALE[layout])
        self.setFont(font)
        state = self._settings.value(f"layouts/{layout}/state")
        version = self._settings.value(f"layouts/{layout}/version", type=int)
        if version != LAYOUT_VERSION or state is None:
            if state is not None:
                log.info(
                    "ignoring a saved %s layout of version %s (this console uses %s)", layout, version, LAYOUT_VERSION
                )
            self.reset_layout()
        elif not self.restoreState(state, LAYOUT_VERSION):
            log.info("the saved %s layout could not be restored; using its default", layout)
            self.reset_layout()

    def reset_layout(self) -> None:
        """Brings back the current layout's default arrangement."""
        arrange(self, self.docks, PANELS, self.layout_name)

    def _restore_geometry(self) -> None:
        geometry = self._settings.value("layout/geometry")
        if self._settings.value("layout/version", type=int) == LAYOUT_VERSION and geometry is not None:
            self.restoreGeometry(geometry)

    def _save_state(self) -> None:
        self._settings.setValue(f"layouts/{self.layout_name}/version", LAYOUT_VERSION)
        self._settings.setValue(f"layouts/{self.layout_name}/state", self.saveState(LAYOUT_VERSION))

    def save_layout(self) -> None:
        self._settings.setValue("layout/version", LAYOUT_VERSION)
        self._settings.setValue("layout/geometry", self.saveGeometry())
        self._settings.setValue("ui/layout", self.layout_name)
        self._save_state()
        self._settings.sync()

    def _on_alarm(self, *_: object) -> None:
        waiting = len(self.alarm.waiting)
        if self.alarm.muted:
            text = self.tr("Alarm muted (F9 turns it back on)")
            if waiting:
                text += " · " + self.tr("%n P1/P2 waiting", "", waiting)
            style = "QLabel { background: #8a6d1a; color: white; padding: 2px 8px; font-weight: bold; }"
        elif waiting:
            text = self.tr("Alarm: %n P1/P2 escalation(s) wait for acknowledgement", "", waiting)
            color = "#c62828" if self.alarm.flash_on else "#8c2f33"  # white reads on both (WCAG AA)
            style = f"QLabel {{ background: {color}; color: white; padding: 2px 8px; font-weight: bold; }}"
        else:
            text, style = "", ""
        self._alarm_label.setText(text)
        self._alarm_label.setStyleSheet(style)
        self._alarm_label.setVisible(bool(text))

    def _on_layout_action(self, action: QAction) -> None:
        self.use_layout(action.data())

    def _on_theme(self, action: QAction) -> None:
        apply_theme(QApplication.instance(), action.data())
        self._settings.setValue("ui/theme", action.data())

    def _on_language(self, action: QAction) -> None:
        self._settings.setValue("ui/language", action.data())
        self.language_requested.emit(action.data())

    def _on_notice(self, text: str) -> None:
        self.statusBar().showMessage(text, 15_000)

    def _show_pending(self) -> None:
        """Actions not yet delivered, always in sight: an operator must know what has not arrived."""
        pending = self._live.store.commands.pending()
        self.pending_label.setVisible(bool(pending))
        self.pending_label.setText(self.tr("%n action(s) waiting to be delivered", "", len(pending)))
        self.pending_label.setToolTip(
            plain_tooltip(
                "\n".join(f"{c.backend}: {c.summary}" + (f" ({c.last_error})" if c.last_error else "") for c in pending)
            )
        )

    def _on_changed(self, changes: Changes) -> None:
        if changes.commands:
            self._show_pending()
        for command_id in changes.commands:
            self._tell(self._live.store.commands.get(command_id))
        if not changes.health:
            return
        problems = [
            self.tr("{backend}: {state}. {detail}").format(
                backend=backend_name(h.backend), state=name("link_state", h.state), detail=h.detail
            )
            for h in self._live.store.health.values()
            if h.state in (LinkState.FAILED, LinkState.AUTH_FAILED, LinkState.OFFLINE)
        ]
        self._banner.setText("\n".join(problems))
        self._banner_bar.setVisible(bool(problems))

    def _tell(self, command: Command | None) -> None:
        """Says in the status bar that an action was sent, then done or refused (once each), without
        touching the selection or the map."""
        if command is None or self._told.get(command.id) == command.state:
            return
        if command.id not in self._told and command.state == CommandState.DELIVERED:
            # Done before this window heard of it (an earlier run's, read back from the outbox): no news.
            self._told[command.id] = command.state
            return
        self._told[command.id] = command.state
        backend = backend_name(command.backend)
        if command.state == CommandState.PENDING:
            self.statusBar().showMessage(
                self.tr("Sent to {backend}: {summary}…").format(backend=backend, summary=command.summary), 15_000
            )
        elif command.state == CommandState.DELIVERED:
            self.statusBar().showMessage(
                self.tr("Done at {backend}: {summary}").format(backend=backend, summary=command.summary), 15_000
            )
        elif command.state == CommandState.REFUSED:
            # A definite no from the backend: the operator must see it, not find it later.
            self.statusBar().showMessage(
                self.tr("Refused by {backend}: {summary}: {reason}").format(
                    backend=backend, summary=command.summary, reason=command.last_error
                )
            )

    def what_is_open(self) -> str:
        """What quitting now would leave behind (open P1/P2 escalations, actions not yet delivered), or ""."""
        urgent = [
            e
            for _, e in self._live.store.escalations
            if e.severity in (Severity.P1, Severity.P2) and e.state != EscalationState.RESOLVED
        ]
        pending = self._live.store.commands.pending()
        said = []
        if urgent:
            said.append(self.tr("%n P1/P2 escalation(s) still open", "", len(urgent)))
        if pending:
            said.append(self.tr("%n action(s) not yet delivered (kept, and sent at the next start)", "", len(pending)))
        return "\n".join(said)

    def quit_when_sure(self) -> None:
        """Quits, after asking when something is still open (File → Quit, Ctrl+Q)."""
        if self._sure_to_quit():
            self._asked = True
            self.close()

    def _sure_to_quit(self) -> bool:
        open_items = self.what_is_open()
        if not open_items:
            return True
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Quit the console?"), open_items, parent=self)
        box.setInformativeText(self.tr("Nobody at this desk will see what comes in meanwhile."))
        quit_button = box.addButton(self.tr("&Quit"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(self.tr("&Stay"), QMessageBox.ButtonRole.RejectRole))  # Enter stays
        box.exec()
        return box.clickedButton() is quit_button

    def closeEvent(self, event: QCloseEvent) -> None:
        # The window's own close button asks too; a close from the program (a signal, a test) does not.
        if event.spontaneous() and not self._asked and not self._sure_to_quit():
            event.ignore()
            return
        self.save_layout()
        super().closeEvent(event)
