"""The table model of the store's collections: one row per object of a collection (escalations,
teams, queries, ...), in the store's order; a proxy sorts and filters it for each view.

Rows only grow between snapshots, so a batch costs at most one `beginInsertRows` for the rows it
appended and one ranged `dataChanged` for the rows it changed; a snapshot resets the model.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from console.records import Collection
from console.store import Changes, Rows
from widgets.live_store import LiveStore

SORT_ROLE = Qt.ItemDataRole.UserRole  # what a proxy sorts a column by, where it is not the text shown


class KeyOrder(QSortFilterProxyModel):
    """Rows in the order of their `SORT_ROLE` keys as Python compares them (tuples, say: a queue's
    state, then severity, then age), which Qt's own comparison does not."""

    def lessThan(self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex) -> bool:
        return left.data(SORT_ROLE) < right.data(SORT_ROLE)


class RowsModel(QAbstractTableModel):
    """Subclasses name their columns in `headers()` (translated) and give `data()`."""

    COLLECTION: Collection

    def __init__(self, live: LiveStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = live.store
        self._rows = len(self.rows())
        # Translated once: a change of language builds the window, and its models, anew.
        self._headers = self.headers()
        live.changed.connect(self._on_changed)

    def rows(self) -> Rows:
        return self._store.rows(self.COLLECTION)

    def item(self, row: int) -> tuple[str, object]:
        """The (backend, object) shown in `row`."""
        return self.rows()[row]

    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._headers[section]

    def case_of(self, backend: str, item: object) -> tuple[str, str] | None:
        """The case an object belongs to, for `CaseFilter`: objects of a case have its `case_id`."""
        case_id = getattr(item, "case_id", None)
        return None if case_id is None else (backend, case_id)

    def _on_changed(self, changes: Changes) -> None:
        rows = len(self.rows())
        if changes.was_reset(self.COLLECTION):
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
            return
        if rows > self._rows:
            self.beginInsertRows(QModelIndex(), self._rows, rows - 1)
            self._rows = rows
            self.endInsertRows()
        changed = changes.rows(self.COLLECTION)
        if changed:
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), self.columnCount() - 1))

    def refresh_columns(self, first: int, last: int) -> None:
        """Repaints columns that change with the clock alone (an age, a countdown)."""
        if self._rows:
            self.dataChanged.emit(self.index(0, first), self.index(self._rows - 1, last))


class CaseFilter(QSortFilterProxyModel):
    """All rows, or only those of one case (by the source's CASE_ROLE)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.case: tuple[str, str] | None = None  # (backend, case id) when narrowed to one case

    def set_case(self, case: tuple[str, str] | None) -> None:
        self.beginFilterChange()
        self.case = case
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if self.case is None:
            return True
        model: RowsModel = self.sourceModel()
        return model.case_of(*model.item(source_row)) == self.case
