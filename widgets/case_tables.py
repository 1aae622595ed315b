"""The tables of one case's detail that only it shows: its field tasks, live from the store, and its
audit trail, as fetched. Newest first: what an operator opens a case for is what just happened.
Also the read-only table its 终本 checklist and its ledger are shown in.
"""

from __future__ import annotations

import time

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QWidget

from console.case_detail import AuditEntry, Party
from console.records import Collection
from console.store import Store
from widgets.names import format_yuan, name
from widgets.plain_text import plain_tooltip
from widgets.rows_model import SORT_ROLE, RowsModel
from widgets.style import OVERDUE_COLOR, readable

# The names.py kind of each audited object's state.
STATE_NAMES = {
    "task": "task_state",
    "query": "query_state",
    "measure": "measure_state",
    "approval": "approval_state",
    "escalation": "escalation_state",
}


def record_table(columns: int, stretch: int, parent: QWidget) -> QTableWidget:
    """A read-only table of a case's records, a row picked at a time, each column as wide as what
    it holds but `stretch`, which takes the rest."""
    table = QTableWidget(0, columns, parent)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _when(moment: float) -> str:
    return time.strftime("%m-%d %H:%M", time.localtime(moment))


class TasksModel(RowsModel):
    """The field tasks; a case's view filters them by case and sorts them newest first."""

    COLLECTION = Collection.TASKS
    KIND, TEAM, STATE, UPDATED, NOTE = range(5)

    def headers(self) -> tuple[str, ...]:
        return self.tr("Operation"), self.tr("Team"), self.tr("State"), self.tr("Updated"), self.tr("Note")

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= self._rows:
            return None
        backend, task = self.item(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.KIND:
                return name("task", task.kind)
            if column == self.TEAM:
                team = self._store.teams.get(backend, task.team_id)
                return team.name if team else task.team_id
            if column == self.STATE:
                return name("task_state", task.state)
            if column == self.UPDATED:
                return _when(task.updated_at)
            return task.note
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATE and task.state == "failed":
            return QBrush(readable(OVERDUE_COLOR))
        if role == SORT_ROLE:
            return task.created_at
        return None


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
                self.what(entry),
                self.detail(entry),
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.DETAIL:
            return plain_tooltip(f"{entry.object_type} {entry.object_id}")
        if role == Qt.ItemDataRole.ForegroundRole and entry.outcome != "done":
            return QBrush(readable(OVERDUE_COLOR))
        return None

    def what(self, entry: AuditEntry) -> str:
        """The action, or for a refusal what was refused: the permission it took, and why not."""
        if entry.outcome == "done":
            return name("action", entry.action)
        return self.tr("Refused ({outcome}): {permission}").format(
            outcome=entry.outcome, permission=name("permission", entry.action)
        )

    def detail(self, entry: AuditEntry) -> str:
        """What the command asked for, in the operator's words, and the state it moved its object to;
        for a refusal, the backend's reason."""
        if entry.outcome != "done":
            return str(entry.request.get("detail", ""))[:300]
        parts = []
        for key, value in entry.request.items():
            if key == "case_id" or value in (None, "", []):
                continue
            if key == "channel":
                parts.append(name("channel", str(value)))
            elif key == "categories" and isinstance(value, list):
                parts.append("、".join(name("category", str(c)) for c in value))
            elif key == "team_id":
                team = self._store.teams.get(self._backend, str(value))
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


class PartiesModel(QAbstractTableModel):
    """The case's two parties, their personal data masked as the backend sent it."""

    ROLE, NAME, ID_NUMBER, PHONE, ADDRESS = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.parties: tuple[Party, ...] = ()

    def show_parties(self, parties: tuple[Party, ...]) -> None:
        self.beginResetModel()
        self.parties = parties
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.parties)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Party"), self.tr("Name"), self.tr("ID number"), self.tr("Phone"), self.tr("Address"))[
                section
            ]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.parties) or role != Qt.ItemDataRole.DisplayRole:
            return None
        party = self.parties[index.row()]
        return (name("party", party.role), party.name, party.id_number, party.phone, party.address)[index.column()]
