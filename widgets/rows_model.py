"""A table model over one of the store's `Rows` collections (escalations, queries, ...).

Rows only grow between snapshots, so a batch costs at most one `beginInsertRows` for the rows it
appended and one ranged `dataChanged` for the rows it changed; a snapshot resets the model.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from console.store import Changes, Rows
from widgets.live_store import LiveStore


class RowsModel(QAbstractTableModel):
    """Subclasses name their `COLUMNS` (header texts, translated in `headers()`) and give `data()`."""

    def __init__(self, live: LiveStore, collection: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = live.store
        self._collection = collection
        self._rows = len(self.rows())
        live.changed.connect(self._on_changed)

    def rows(self) -> Rows:
        return getattr(self._store, self._collection)

    def item(self, row: int) -> tuple[str, object]:
        """The (backend, object) shown in `row`."""
        return self.rows()[row]

    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.headers()[section]

    def _on_changed(self, changes: Changes) -> None:
        rows = len(self.rows())
        if self._collection in changes.reset:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
            return
        if rows > self._rows:
            self.beginInsertRows(QModelIndex(), self._rows, rows - 1)
            self._rows = rows
            self.endInsertRows()
        changed = changes.changed_rows(self._collection)
        if changed:
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), self.columnCount() - 1))
