"""The asset-query batches as a table, for the queries panel and a case's queries tab alike: one
row per batch, with how far its institutions have answered (drawn as a bar by `ProgressDelegate`),
what it found, its state and age. Each view hides the columns it has no room or use for."""

from __future__ import annotations

import time

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from console.casework import Query
from console.records import Collection
from widgets.live_store import LiveStore
from widgets.names import format_yuan, name
from widgets.plain_text import plain_tooltip
from widgets.rows_model import SORT_ROLE, RowsModel
from widgets.style import format_duration

PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 1  # (answered, total) of a batch
NUMERIC = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def found_value(query: Query) -> float:
    return sum(r.value for r in query.hits if r.value is not None)


class QueriesModel(RowsModel):
    COLLECTION = Collection.QUERIES
    CASE, RESPONDENT, CHANNEL, CATEGORIES, PROGRESS, HITS, VALUE, STATE, AGE, LAUNCHED_BY, BACKEND = range(11)

    def __init__(self, live: LiveStore, parent: QObject | None = None) -> None:
        super().__init__(live, parent)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(lambda: self.refresh_columns(self.AGE, self.AGE))
        self._clock.start()

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Case"),
            self.tr("Respondent"),
            self.tr("Channel"),
            self.tr("Institutions"),
            self.tr("Answered"),
            self.tr("Hits"),
            self.tr("Value found"),
            self.tr("State"),
            self.tr("Age"),
            self.tr("Launched by"),
            self.tr("Backend"),
        )

    def case_number(self, backend: str, query: Query) -> str:
        case = self._store.cases.get(backend, query.case_id)
        return case.number if case else query.case_id

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= self._rows:
            return None
        backend, query = self.item(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(column, backend, query)
        if role == SORT_ROLE:
            if column == self.PROGRESS:
                return query.answered / len(query.results) if query.results else 1.0
            if column == self.HITS:
                return len(query.hits)
            if column == self.VALUE:
                return found_value(query)
            if column == self.AGE:
                return -query.created_at  # the youngest first when ascending
            return self._text(column, backend, query)
        if role == PROGRESS_ROLE and column == self.PROGRESS:
            return query.answered, len(query.results)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.HITS, self.VALUE, self.AGE):
            return NUMERIC
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.CASE:
                return plain_tooltip(
                    self.tr("Batch {query} · launched by {who}").format(query=query.id, who=query.created_by)
                )
            if column in (self.RESPONDENT, self.CHANNEL, self.CATEGORIES):
                return plain_tooltip(self._text(column, backend, query))  # narrow columns cut long names short
        return None

    def _text(self, column: int, backend: str, query: Query) -> str:
        if column == self.CASE:
            return self.case_number(backend, query)
        if column == self.RESPONDENT:
            return query.respondent
        if column == self.CHANNEL:
            return name("channel", query.channel)
        if column == self.CATEGORIES:
            return "、".join(name("category", c) for c in query.categories)
        if column == self.PROGRESS:
            return f"{query.answered}/{len(query.results)}"
        if column == self.HITS:
            return str(len(query.hits))
        if column == self.VALUE:
            return format_yuan(found_value(query))
        if column == self.STATE:
            return name("query_state", query.state)
        if column == self.AGE:
            return format_duration(time.time() - query.created_at)
        if column == self.LAUNCHED_BY:
            return query.created_by
        return backend


class ProgressDelegate(QStyledItemDelegate):
    """A batch's answers as a bar with "answered/total" over it, in the view's palette."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        progress = index.data(PROGRESS_ROLE)
        if progress is None:
            super().paint(painter, option, index)
            return
        answered, total = progress
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        bar = option.rect.adjusted(4, 4, -4, -4)
        highlight = option.palette.color(QPalette.ColorRole.Highlight)
        track = QColor(highlight)
        track.setAlpha(45)
        fill = QColor(highlight)
        fill.setAlpha(150)
        painter.save()
        # On the view's base colour, so that the bar reads the same on a selected row as on any other.
        painter.fillRect(bar, option.palette.color(QPalette.ColorRole.Base))
        painter.fillRect(bar, track)
        done = bar.width() * answered // total if total else bar.width()
        painter.fillRect(QRect(bar.left(), bar.top(), done, bar.height()), fill)
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        painter.drawText(bar, Qt.AlignmentFlag.AlignCenter, f"{answered}/{total}")
        painter.restore()
