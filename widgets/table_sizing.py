"""Table columns sized from what they hold: each column as wide as its header and the rows in sight need,
up to a most in units of the font (ems), and the rest of the width to the column that matters.
Measured when the first rows arrive and again when the font changes (the video wall enlarges the
type); as more rows arrive a column only grows, at most every few seconds, to show a longer value
whole: columns that shrink and jump under the eye are worse than a wide one, and measuring every
row of a live table on every update would cost too much. Where the column that matters would fall
below its least width (a narrow dock, the video wall's large type), the columns that can be given
up are hidden, in their order, until it has it; they come back when there is room."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView, QTableWidget

GROW_AT_MOST_EVERY_MS = 3000


class _ColumnFitter(QObject):
    def __init__(
        self, view: QTableView, most: dict[int, float], padding: int, stretch: int, least: float, given_up: tuple
    ) -> None:
        super().__init__(view)
        self._view, self._most, self._padding = view, most, padding
        self._stretch, self._least, self._given_up = stretch, least, given_up
        self._widths: dict[int, int] = {}  # each fitted column's width, hidden or not
        self._fitted_to_rows = False
        self._growing = QTimer(self)
        self._growing.setSingleShot(True)
        self._growing.setInterval(GROW_AT_MOST_EVERY_MS)
        self._growing.timeout.connect(self._grow)
        view.installEventFilter(self)
        # Measured on the rows in sight: a live table's thousands of rows would block the screen.
        view.horizontalHeader().setResizeContentsPrecision(0)
        model = view.model()
        model.rowsInserted.connect(self._on_rows)
        model.modelReset.connect(self._on_rows)
        model.layoutChanged.connect(self._on_rows)
        self.fit()

    def _on_rows(self, *_: object) -> None:
        if not self._fitted_to_rows and self._view.model().rowCount():
            self.fit()
        elif not self._growing.isActive():
            self._growing.start()

    def _needed(self, column: int, most: float, em: int) -> int:
        header = self._view.horizontalHeader()
        needed = max(header.sectionSizeHint(column), self._view.sizeHintForColumn(column) + em // 2)
        return min(needed, round(most * em))

    def _grow(self) -> None:
        em = self._view.fontMetrics().horizontalAdvance("M")
        header = self._view.horizontalHeader()
        for column, most in self._most.items():
            needed = self._needed(column, most, em)
            if needed > max(self._widths.get(column, 0), header.sectionSize(column)):  # never below a drag
                self._widths[column] = needed
                header.resizeSection(column, needed)
        self._make_room()

    def fit(self) -> None:
        metrics = self._view.fontMetrics()
        self._view.verticalHeader().setDefaultSectionSize(metrics.height() + self._padding)
        em = metrics.horizontalAdvance("M")
        header = self._view.horizontalHeader()
        self._fitted_to_rows = self._view.model().rowCount() > 0
        for column, most in self._most.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self._widths[column] = self._needed(column, most, em)
            header.resizeSection(column, self._widths[column])
        self._make_room()

    def _make_room(self) -> None:
        """Keeps of the columns that can be given up those that leave the stretch column its least
        width, the last to be given up kept first."""
        if not self._given_up:
            return
        header, em = self._view.horizontalHeader(), self._view.fontMetrics().horizontalAdvance("M")
        kept = [
            header.sectionSize(column)
            for column in range(header.count())
            if column != self._stretch and column not in self._given_up and not self._view.isColumnHidden(column)
        ]
        room = self._view.viewport().width() - sum(kept) - round(self._least * em)
        keeping = True  # once one is given up, so are those given up before it, however narrow
        for column in reversed(self._given_up):
            width = self._widths.get(column, header.sectionSize(column))
            keeping = keeping and width <= room
            self._view.setColumnHidden(column, not keeping)
            if keeping:
                room -= width

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FontChange:
            self.fit()
        elif event.type() == QEvent.Type.Resize:  # once the view has laid out its viewport anew
            QTimer.singleShot(0, self, self._make_room)
        return False


def size_columns(
    view: QTableView,
    most: dict[int, float],
    stretch: int,
    padding: int = 8,
    least: float = 0.0,
    given_up: tuple[int, ...] = (),
) -> None:
    """Gives each column of `most` the width its header and rows need, at most that many ems (the
    operator may still drag it), rows a height that fits the font, and the rest of the width to
    `stretch`; again whenever the font changes. While `stretch` would have fewer than `least` ems,
    the columns of `given_up` are hidden, the first first."""
    view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    _ColumnFitter(view, most, padding, stretch, least, given_up)


@contextmanager
def filling(table: QTableWidget) -> Iterator[None]:
    """Fills a table's cells at once, sorted after: a column sized to its contents is measured once
    when they are all in, not after each cell (which measures its rows again each time: seconds
    over a few hundred rows, with the window frozen)."""
    header = table.horizontalHeader()
    fitted = [
        c for c in range(header.count()) if header.sectionResizeMode(c) == QHeaderView.ResizeMode.ResizeToContents
    ]
    sorting = table.isSortingEnabled()
    table.setSortingEnabled(False)
    for column in fitted:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
    try:
        yield
    finally:
        for column in fitted:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.setSortingEnabled(sorting)
