"""A table model over a Python list of rows, narrowed and sorted in plain Python over the rows' own
values: a proxy asking every row through Qt takes seconds over tens of thousands of rows. A model
gives its headers, what a column sorts by (`sort_key`) and what each cell shows (`data`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTableWidget, QWidget


class ListModel(QAbstractTableModel):
    def __init__(self, order: tuple[int, Qt.SortOrder], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list = []  # those shown, in the order asked
        self.headers: tuple[str, ...] = ()
        self.order = order

    def sort_key(self, column: int) -> Callable:
        raise NotImplementedError

    def show_rows(self, rows: list) -> None:
        """Shows `rows`, in the order asked."""
        self.beginResetModel()
        self.rows = rows
        self._sort_rows()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.order = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._sort_rows()
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        column, order = self.order
        self.rows.sort(key=self.sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


def list_view(model: ListModel, parent: QWidget) -> QTableView:
    """A read-only view of a list model: whole rows picked one at a time, any column sorting, rows
    of one height (so that tens of thousands scroll smoothly)."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.sortByColumn(*model.order)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    return view


def counts_table(headers: list[str], parent: QWidget) -> QTableWidget:
    """A read-only table of counts beside a list: whole rows picked one at a time, the first column
    (what is counted) taking the room left, the counts as wide as they need."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.setSortingEnabled(True)
    return table
