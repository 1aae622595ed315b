"""Answers the modal dialog an action opens, as an operator would, without blocking the test."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog


def when_the_dialog_opens(fill: Callable[[QDialog], None], within_s: float = 30.0) -> None:
    """Fills the modal dialog that the next action opens, then accepts it (unless `fill` closed it;
    a dialog that refuses what it was given is closed all the same: a modal loop would hang the test).
    If none opens within `within_s`, it gives up: a later test's dialog is none of its business."""
    deadline = time.monotonic() + within_s

    def answer():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            if time.monotonic() < deadline:
                QTimer.singleShot(20, answer)
            return
        fill(dialog)
        if dialog.isVisible():
            dialog.accept()
        if dialog.isVisible():  # refused: closed, so that the test goes on to fail on what it expected
            dialog.reject()

    QTimer.singleShot(0, answer)
