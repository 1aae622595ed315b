"""Text from a backend shown as it is: names, numbers and messages are never taken for markup (a
team named `<img width=12000 …>` must not grow the window, or a tooltip, to 12,000 pixels)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class PlainLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` literally (Qt guesses whether a tooltip is markup)."""
    return "<qt>" + escape(text).replace("\n", "<br>") + "</qt>" if text else ""
