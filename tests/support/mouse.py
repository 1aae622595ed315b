"""Synthetic mouse events for the map: wheel turns and drags, as a hand would make them."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication


def wheel(widget, at: QPointF, steps: int) -> None:
    event = QWheelEvent(
        at,
        widget.mapToGlobal(at),
        QPoint(),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def mouse(widget, kind, at: QPointF, buttons) -> None:
    event = QMouseEvent(
        kind, at, widget.mapToGlobal(at), Qt.MouseButton.LeftButton, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, event)


def drag(widget, start: QPointF, offset: QPointF) -> None:
    held = Qt.MouseButton.LeftButton
    mouse(widget, QMouseEvent.Type.MouseButtonPress, start, held)
    mouse(widget, QMouseEvent.Type.MouseMove, start + offset * 0.5, held)
    mouse(widget, QMouseEvent.Type.MouseMove, start + offset, held)
    mouse(widget, QMouseEvent.Type.MouseButtonRelease, start + offset, Qt.MouseButton.NoButton)
