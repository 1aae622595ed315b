"""The one selection every panel shares: a team, an escalation, a case or a query batch, anywhere.

Panels never talk to each other: each one tells the selection what the operator picked in it and
follows what was picked elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from console.records import Collection


@dataclass(frozen=True)
class Selected:
    kind: Collection  # of a team, an escalation, a case or a query batch
    backend: str
    id: str


class Selection(QObject):
    changed = Signal(object)
    """The new `Selected`, or None when nothing is."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.current: Selected | None = None

    def select(self, selected: Selected | None) -> None:
        if selected != self.current:
            self.current = selected
            self.changed.emit(selected)
