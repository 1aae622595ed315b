"""Actions that always answer. An action that cannot run now stays enabled, so that its key and its
menu item are still heard, and says why instead of acting: the reason is in its menu text and
status tip, and is said in the status bar when it is triggered. Its buttons grey out, with the
reason shown beside them by their panel."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QBoxLayout, QToolButton, QWidget

from widgets.plain_text import plain_tooltip

WHY_NOT = "why_not"  # the action's property holding why it cannot run now ("" when it can)


def window_action(title: str, shortcut: str, parent: QObject) -> QAction:
    """An action whose key works anywhere in the window, once per press (a key held down is one command)."""
    qaction = QAction(title, parent)
    qaction.setShortcut(QKeySequence(shortcut))
    qaction.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    qaction.setAutoRepeat(False)
    return qaction


def panel_action(title: str, shortcut: str, panel: QWidget, bar: QBoxLayout) -> QAction:
    """An action of a panel, its key working within the panel, with its button on `bar`."""
    qaction = QAction(title, panel)
    qaction.setShortcut(QKeySequence(shortcut))
    qaction.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    panel.addAction(qaction)
    button = QToolButton(panel)
    button.setDefaultAction(qaction)
    bar.addWidget(button)
    return qaction


def offer(qaction: QAction, title: str, shortcut: str, why_not: str | None) -> None:
    """Says what `qaction` does (`title`, its `shortcut`), or that it cannot run now and why."""
    short = title.replace("&", "")
    qaction.setProperty(WHY_NOT, why_not or "")  # first: each setter below tells the buttons, which read it
    qaction.setIconText(short)
    qaction.setText(title if not why_not else f"{title} — {why_not}")
    qaction.setStatusTip(why_not or "")
    qaction.setToolTip(plain_tooltip(why_not) if why_not else f"{short} ({shortcut})")


def why_not(qaction: QAction) -> str:
    """Why `qaction` cannot run now, or "" when it can."""
    return qaction.property(WHY_NOT) or ""


class ActionButton(QToolButton):
    """A panel's button for an action: greyed while the action cannot run."""

    def __init__(self, qaction: QAction, parent: QWidget) -> None:
        super().__init__(parent)
        self.setDefaultAction(qaction)
        self.setToolButtonStyle(self.toolButtonStyle().ToolButtonTextOnly)
        # Qt sets a button's state from its action before the action's `changed` is emitted: this
        # runs after it, and has the last word.
        qaction.changed.connect(self._follow)
        self._follow()

    def _follow(self) -> None:
        qaction = self.defaultAction()
        self.setEnabled(qaction.isEnabled() and not why_not(qaction))
