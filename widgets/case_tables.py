"""The tables of one case's detail: its field tasks and its asset-query batches, live from the store,
and its audit trail, as fetched. Newest first: what an operator opens a case for is what just happened.
"""

from __future__ import annotations

import time

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    Qt,
)
from PySide6.QtGui import QBrush, QPainter, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from console.case_detail import AuditEntry
from console.store import Changes, Store
from widgets.live_store import LiveStore
from widgets.names import format_yuan, name
from widgets.plain_text import plain_tooltip
from widgets.team_style import OVERDUE_COLOR

FRACTION_ROLE = Qt.ItemDataRole.UserRole
# The names.py kind of each audited object's state.
STATE_NAMES = {
    "task": "task_state",
    "query": "query_state",
    "measure": "measure_state",
    "approval": "approval_state",
    "escalation": "escalation_state",
}


def _when(moment: float) -> str:
    return time.strftime("%m-%d %H:%M", time.localtime(moment))


class CaseObjectsModel(QAbstractTableModel):
    """The objects of one `Rows` collection (tasks, queries) that belong to the case shown.

    It watches the store itself: an object of the case that appears is inserted at the top, one
    that changes is repainted, and a snapshot of the collection rescans it.
    """

    def __init__(self, live: LiveStore, collection: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store: Store = live.store
        self._collection = collection
        self._case: tuple[str, str] | None = None
        self._rows: list[int] = []  # rows of the store's collection, newest object first
        live.changed.connect(self._on_changed)

    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def item(self, row: int) -> tuple[str, object]:
        return getattr(self._store, self._collection)[self._rows[row]]

    def items(self) -> list:
        return [self.item(row)[1] for row in range(len(self._rows))]

    def show_case(self, case: tuple[str, str] | None) -> None:
        self.beginResetModel()
        self._case = case
        self._rows = self._scan()
        self.endResetModel()

    def _belongs(self, row: int) -> bool:
        backend, item = getattr(self._store, self._collection)[row]
        return (backend, item.case_id) == self._case

    def _scan(self) -> list[int]:
        if self._case is None:
            return []
        collection = getattr(self._store, self._collection)
        return sorted(
            (row for row in range(len(collection)) if self._belongs(row)),
            key=lambda row: collection[row][1].created_at,
            reverse=True,
        )

    def _on_changed(self, changes: Changes) -> None:
        if self._case is None or not changes.touched(self._collection):
            return
        if self._collection in changes.reset:
            self.show_case(self._case)
            return
        shown = set(self._rows)
        for row in sorted(changes.changed_rows(self._collection)):
            if row in shown:
                at = self._rows.index(row)
                self.dataChanged.emit(self.index(at, 0), self.index(at, self.columnCount() - 1))
            elif self._belongs(row):
                self.beginInsertRows(QModelIndex(), 0, 0)
                self._rows.insert(0, row)
                self.endInsertRows()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None


class TasksModel(CaseObjectsModel):
    KIND, TEAM, STATE, UPDATED, NOTE = range(5)

    def __init__(self, live: LiveStore, parent: QObject | None = None) -> None:
        super().__init__(live, "tasks", parent)

    def headers(self) -> tuple[str, ...]:
        return self.tr("Operation"), self.tr("Team"), self.tr("State"), self.tr("Updated"), self.tr("Note")

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        backend, task = self.item(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.KIND:
                return name("task", task.kind)
            if column == self.TEAM:
                team = self._store.team(backend, task.team_id)
                return team.name if team else task.team_id
            if column == self.STATE:
                return name("task_state", task.state)
            if column == self.UPDATED:
                return _when(task.updated_at)
            return task.note
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATE and task.state == "failed":
            return QBrush(OVERDUE_COLOR)
        return None


class QueriesModel(CaseObjectsModel):
    CHANNEL, CATEGORIES, PROGRESS, HITS, STATE, LAUNCHED = range(6)

    def __init__(self, live: LiveStore, parent: QObject | None = None) -> None:
        super().__init__(live, "queries", parent)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Channel"),
            self.tr("Institutions"),
            self.tr("Answered"),
            self.tr("Hits"),
            self.tr("State"),
            self.tr("Launched"),
        )

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        _, query = self.item(index.row())
        column, total = index.column(), len(query.results)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.CHANNEL:
                return name("channel", query.channel)
            if column == self.CATEGORIES:
                return "、".join(name("category", c) for c in query.categories)
            if column == self.PROGRESS:
                return f"{query.answered}/{total}"
            if column == self.HITS:
                found = sum(r.value or 0.0 for r in query.hits)
                return f"{len(query.hits)} · {format_yuan(found)}" if query.hits else "0"
            if column == self.STATE:
                return name("query_state", query.state)
            return f"{_when(query.created_at)} {query.created_by}"
        if role == FRACTION_ROLE and column == self.PROGRESS:
            return query.answered / total if total else 0.0
        return None


class ProgressDelegate(QStyledItemDelegate):
    """A thin bar under the count: how far a batch has got, readable down a column at a glance."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().paint(painter, option, index)
        fraction = index.data(FRACTION_ROLE)
        if fraction is None:
            return
        palette = option.palette
        bar = QRectF(option.rect.adjusted(4, option.rect.height() - 5, -4, -2))
        painter.save()
        painter.fillRect(bar, palette.color(QPalette.ColorRole.Midlight))
        painter.fillRect(
            QRectF(bar.left(), bar.top(), bar.width() * max(0.0, min(1.0, fraction)), bar.height()),
            palette.color(QPalette.ColorRole.Highlight),
        )
        painter.restore()


class AuditModel(QAbstractTableModel):
    WHEN, ACTOR, ACTION, DETAIL = range(4)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._backend = ""
        self.entries: list[AuditEntry] = []

    def show_entries(self, backend: str, entries: tuple[AuditEntry, ...]) -> None:
        self.beginResetModel()
        self._backend = backend
        self.entries = sorted(entries, key=lambda e: e.id, reverse=True)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Details"))[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.entries):
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(entry.at)),
                entry.actor,
                name("action", entry.action),
                self.detail(entry),
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.DETAIL:
            return plain_tooltip(f"{entry.object_type} {entry.object_id}")
        return None

    def detail(self, entry: AuditEntry) -> str:
        """What the command asked for, in the operator's words, and the state it moved its object to."""
        parts = []
        for key, value in entry.request.items():
            if key == "case_id" or value in (None, "", []):
                continue
            if key == "channel":
                parts.append(name("channel", str(value)))
            elif key == "categories" and isinstance(value, list):
                parts.append("、".join(name("category", str(c)) for c in value))
            elif key == "team_id":
                team = self._store.team(self._backend, str(value))
                parts.append(team.name if team else str(value))
            elif key == "kind":
                parts.append(name("task", str(value)))
            elif key == "amount" and isinstance(value, (int, float)) and not isinstance(value, bool):
                parts.append(format_yuan(float(value)))
            else:
                parts.append(str(value)[:200])
        kind = STATE_NAMES.get(entry.object_type, "")
        before = (entry.before or {}).get("state")
        after = (entry.after or {}).get("state")
        if isinstance(after, str) and before != after:
            moved = f"→ {name(kind, after)}"
            parts.append(f"{name(kind, before)} {moved}" if isinstance(before, str) else moved)
        return " · ".join(parts)
