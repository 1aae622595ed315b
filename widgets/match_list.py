"""A search box's matches, listed under it as the operator types: the one search of the window
(on the map) and the case panel's box find things by the same rules (`console.lookup`) and offer
them the same way. After a pause in typing, or on Enter, the matches are listed; Enter on a text
that names one thing, or a pick in the list, chooses it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit

from console.lookup import KINDS, Found, Match, lookup
from console.records import Collection
from console.store import Store

TYPING_PAUSE_MS = 200


class MatchList(QObject):
    chosen = Signal(object)
    """The Match the operator chose."""
    said = Signal(str, bool)
    """(what to say beside the box, whether it is a problem): how many match, or that none does;
    "" once the box is emptied or a match chosen."""

    def __init__(self, box: QLineEdit, store: Store, kinds: tuple[Collection, ...] = KINDS) -> None:
        super().__init__(box)
        self._box, self._store, self._kinds = box, store, kinds
        self.found: list[Match] = []
        self._model = QStandardItemModel(self)
        self.completer = QCompleter(self._model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setWidget(box)
        self.completer.activated[QModelIndex].connect(self._on_picked)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._list)
        box.textEdited.connect(self._on_typed)
        box.textChanged.connect(self._on_emptied)  # its clear button, or a restored view, empties it too
        box.returnPressed.connect(self.choose)

    def _on_typed(self, text: str) -> None:
        self.said.emit("", False)
        if text.strip():
            self._typing.start()
        else:
            self._typing.stop()
            self.completer.popup().hide()

    def _on_emptied(self, text: str) -> None:
        if not text:
            self._on_typed(text)

    def _list(self) -> None:
        text = self._box.text().strip()
        if text:
            self._show(text, lookup(self._store, text, self._kinds))

    def choose(self) -> None:
        """Chooses what the text names, when it names one thing; lists the matches otherwise."""
        self._typing.stop()
        text = self._box.text().strip()
        if not text:
            return
        found = lookup(self._store, text, self._kinds)
        if found.one() is None:
            self._show(text, found)
            return
        self.found = found.matches
        self.completer.popup().hide()
        self.said.emit("", False)
        self.chosen.emit(found.one())

    def _show(self, text: str, found: Found) -> None:
        self.found = found.matches
        if not found.total:
            self.completer.popup().hide()
            self.said.emit(self.tr("Nothing matches “{text}”").format(text=text), True)
            return
        if found.total > len(found.matches):
            said = self.tr("{shown} of {count} matches: type more to narrow them")
        else:
            said = self.tr("{count} matches: pick one")
        self.said.emit(said.format(shown=len(found.matches), count=found.total), False)
        self._model.clear()
        kinds = {
            Collection.CASES: self.tr("Case"),
            Collection.TEAMS: self.tr("Team"),
            Collection.COURTS: self.tr("Court"),
        }
        for match in self.found:
            label = f"{kinds[match.kind]}  {match.name}" + (f"  ·  {match.detail}" if match.detail else "")
            self._model.appendRow(QStandardItem(label))
        self.completer.complete()

    def _on_picked(self, index: QModelIndex) -> None:
        row = self.completer.completionModel().mapToSource(index).row()
        if 0 <= row < len(self.found):
            self.said.emit("", False)
            self.chosen.emit(self.found[row])
