"""The alarm for P1 and P2 escalations that nobody has acknowledged yet.

While one waits, its row in the queue flashes, the window asks for attention (and a tray message
says what arrived, where the desktop has a tray), and the platform's bell sounds every few seconds.
Sound is whatever the platform can play: where it cannot, nothing is heard and nothing fails. The
operator can mute the sound for the shift; the mute stays visible until it is lifted.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon, QWidget

from console.domain import EscalationState, Severity
from console.records import Collection
from console.store import Changes
from widgets.live_store import LiveStore
from widgets.names import escalation_title, name

ALARM_SEVERITIES = frozenset({Severity.P1, Severity.P2})
FLASH_MS = 500
BELL_EVERY_FLASHES = 8  # a bell every 4 s while an alarm waits


class Alarm(QObject):
    changed = Signal()
    """What is alarming, or whether the alarm is muted, changed."""
    flashed = Signal(bool)
    """The flash turned on (True) or off: rows and markers that alarm follow it."""

    def __init__(self, live: LiveStore, window: QWidget) -> None:
        super().__init__(window)
        self._store = live.store
        self.waiting: set[tuple[str, str]] = set()  # (backend, escalation id)
        self.muted = False
        self.flash_on = False
        self._flashes = 0
        self._tray: QSystemTrayIcon | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(FLASH_MS)
        self._timer.timeout.connect(self._on_flash)
        live.changed.connect(self._on_changed)

    def is_alarming(self, backend: str, escalation_id: str) -> bool:
        return (backend, escalation_id) in self.waiting

    def set_muted(self, muted: bool) -> None:
        if muted != self.muted:
            self.muted = muted
            self.changed.emit()

    def _on_changed(self, changes: Changes) -> None:
        if not changes.touched(Collection.ESCALATIONS):
            return
        waiting = {
            (backend, e.id)
            for backend, e in self._store.escalations
            if e.severity in ALARM_SEVERITIES and e.state == EscalationState.OPEN
        }
        if waiting == self.waiting:
            return
        arrived = waiting - self.waiting
        self.waiting = waiting
        if arrived:
            self._announce(arrived)
        if waiting and not self._timer.isActive():
            self._timer.start()
        elif not waiting:
            self._timer.stop()
            self.flash_on = False
            self.flashed.emit(False)
        self.changed.emit()

    def _announce(self, arrived: set[tuple[str, str]]) -> None:
        window = self.parent()  # not kept in an attribute: the window holds the alarm, a cycle would follow
        QApplication.alert(window)
        self._ring()
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self._tray is None:
            self._tray = QSystemTrayIcon(window.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning), self)
            self._tray.show()
        for backend, escalation_id in sorted(arrived):
            escalation = self._store.escalations.get(backend, escalation_id)
            if escalation is not None:
                self._tray.showMessage(
                    f"{name('severity', escalation.severity.value)} {escalation_title(escalation)}",
                    escalation.id,
                    QSystemTrayIcon.MessageIcon.Critical,
                )

    def _ring(self) -> None:
        if not self.muted:
            QApplication.beep()

    def _on_flash(self) -> None:
        self.flash_on = not self.flash_on
        self._flashes += 1
        if self._flashes % BELL_EVERY_FLASHES == 0:
            self._ring()
        self.flashed.emit(self.flash_on)
