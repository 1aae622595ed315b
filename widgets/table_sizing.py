"""Table columns sized in units of the font (ems), kept so when the font changes: the video-wall
layout enlarges the type, and a column fitted to the desk's font would cut its header off."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView


class _FontFollower(QObject):
    def __init__(self, view: QTableView, widths: dict[int, float], padding: int) -> None:
        super().__init__(view)
        self._view, self._widths, self._padding = view, widths, padding
        view.installEventFilter(self)
        self.apply()

    def apply(self) -> None:
        metrics = self._view.fontMetrics()
        self._view.verticalHeader().setDefaultSectionSize(metrics.height() + self._padding)
        em = metrics.horizontalAdvance("M")
        header = self._view.horizontalHeader()
        for column, width in self._widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, round(width * em))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FontChange:
            self.apply()
        return False


def size_columns(view: QTableView, widths: dict[int, float], stretch: int, padding: int = 8) -> None:
    """Gives each column of `widths` that many ems (the operator may still drag it), rows a height
    that fits the font, and the rest of the width to `stretch`; again whenever the font changes."""
    view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    _FontFollower(view, widths, padding)
