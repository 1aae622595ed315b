"""KPIs: the indicators a duty desk reads at a glance. Cases received and closed per day, the actual
closure rate and the money realised against the money sought, overdue nodes by court, teams by
status and open escalations by severity and by age.

The indicators come from each backend's KPI document (recomputed about once a minute, summed when
several backends are followed); teams by status and escalations by severity are counted from the
store itself, which is live. Redraws are throttled: a burst of changes costs one redraw.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from console.casework import Kpis
from console.domain import Court, EscalationState, Severity
from console.records import Collection
from console.store import Changes, Rows, Store
from widgets.live_store import LiveStore
from widgets.names import format_yuan, name
from widgets.style import SEVERITY_COLORS, STATUS_COLORS

REDRAW_MS = 500  # at most two redraws a second: charts need no more, and a burst costs one
TOP_COURTS = 10
WINDOW_DAYS = 30
BAR_HEIGHT = 0.7
RECEIVED_PEN = pg.mkPen(QColor("#5b8def"), width=2)
CLOSED_PEN = pg.mkPen(QColor("#35b36b"), width=2)
OVERDUE_BRUSH = pg.mkBrush(QColor("#f08c2e"))
STATUS_BRUSHES = {status: pg.mkBrush(color) for status, color in STATUS_COLORS.items()}
SEVERITY_BRUSHES = {severity: pg.mkBrush(color) for severity, color in SEVERITY_COLORS.items()}
# Older is worse: the age bands go from amber to red, youngest first.
AGE_BRUSHES = [pg.mkBrush(QColor(color)) for color in ("#d6b52a", "#e0a030", "#f08c2e", "#ea6a3a", "#e5484d")]


@dataclass(frozen=True)
class Indicators:
    """The KPI documents of every backend, summed."""

    computed_at: float  # of the oldest document: the figures are at least this fresh
    dates: tuple[str, ...]
    received: np.ndarray
    closed: np.ndarray
    closure_rate: float | None
    money_sought: float
    money_realised: float
    overdue_nodes: int
    overdue_by_court: tuple[tuple[str, int], ...]  # (court name, count), most first
    escalations_by_age: dict[str, int]  # age band → count, youngest band first


def short_court_name(name: str) -> str:
    """ "成都市锦江区人民法院" reads as "成都市锦江区" on an axis where every court is one."""
    return name.removesuffix("人民法院") or name


def combine(kpis: dict[str, Kpis], courts: Rows[Court]) -> Indicators | None:
    if not kpis:
        return None
    received: Counter[str] = Counter()
    closed: Counter[str] = Counter()
    overdue: list[tuple[str, int]] = []
    ages: dict[str, int] = {}
    weighted_rate = rated_cases = 0.0
    for backend, document in kpis.items():
        received.update(dict(document.received_per_day))
        closed.update(dict(document.closed_per_day))
        for court_id, count in document.overdue_nodes_by_court:
            court = courts.get(backend, court_id)
            overdue.append((short_court_name(court.name) if court else court_id, count))
        for band, count in document.open_escalations_by_age.items():
            ages[band] = ages.get(band, 0) + count
        if document.actual_closure_rate is not None:
            # Each backend's rate counts as much as the cases it closed.
            weighted_rate += document.actual_closure_rate * document.closed_cases
            rated_cases += document.closed_cases
    dates = tuple(sorted(set(received) | set(closed))[-WINDOW_DAYS:])
    values = list(kpis.values())
    return Indicators(
        computed_at=min(k.computed_at for k in values),
        dates=dates,
        received=np.array([received[d] for d in dates], dtype=float),
        closed=np.array([closed[d] for d in dates], dtype=float),
        closure_rate=weighted_rate / rated_cases if rated_cases else None,
        money_sought=sum(k.money_sought for k in values),
        money_realised=sum(k.money_realised for k in values),
        overdue_nodes=sum(k.overdue_nodes for k in values),
        overdue_by_court=tuple(sorted(overdue, key=lambda item: -item[1])[:TOP_COURTS]),
        escalations_by_age=ages,
    )


class Chart(QWidget):
    """A titled pyqtgraph plot that takes its colours from the widget's palette. The title is a
    QLabel, not the plot's own: a narrow dock clips it instead of pushing the plot out of view."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(title, self)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)  # on two lines, rather than clipped, in a narrow chart
        self.view = pg.PlotWidget(self)
        self.plot = self.view.getPlotItem()
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        self._apply_palette()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
        super().changeEvent(event)

    def _apply_palette(self) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        faint = QColor(text)
        faint.setAlpha(110)
        self.view.setBackground(palette.color(QPalette.ColorRole.Window))
        for side in ("left", "bottom"):
            axis = self.plot.getAxis(side)
            axis.setPen(pg.mkPen(faint))
            axis.setTextPen(pg.mkPen(text))


class BarChart(Chart):
    """Horizontal bars, the first at the top, each labelled on the left with its name and count:
    the figures read without an axis to follow."""

    def __init__(self, title: str, rows: int, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.plot.hideAxis("bottom")
        self.plot.invertY(True)
        self.bars = pg.BarGraphItem(x0=np.zeros(0), y=np.zeros(0), height=BAR_HEIGHT, width=np.zeros(0), brushes=[])
        self.plot.addItem(self.bars)
        self._rows = rows  # room kept for this many bars, so that bars keep their thickness
        self.keys: tuple = ()

    def show_bars(self, keys: Sequence, labels: Sequence[str], values: Sequence[float], brushes: list) -> None:
        self.keys = tuple(keys)
        count = len(values)
        widths = np.asarray(values, dtype=float)
        self.bars.setOpts(
            x0=np.zeros(count), y=np.arange(count, dtype=float), height=BAR_HEIGHT, width=widths, brushes=brushes
        )
        self.plot.getAxis("left").setTicks(
            [[(row, f"{label}  {int(value)}") for row, (label, value) in enumerate(zip(labels, values, strict=True))]]
        )
        self.plot.setYRange(-0.5, max(count, min(self._rows, self.room())) - 0.5, padding=0)
        self.plot.setXRange(0, max(float(widths.max()) if count else 0.0, 1.0), padding=0.02)

    def room(self) -> int:
        """How many bars fit with their labels apart, at the chart's height now (at most its rows)."""
        if not self.isVisible():
            return self._rows  # not laid out yet: a resize draws it again when it is shown
        return max(1, min(self._rows, int(self.view.height() / (self.fontMetrics().height() * 1.1))))

    def values(self) -> dict:
        """What the bars show now, by key."""
        return dict(zip(self.keys, (int(v) for v in self.bars.opts["width"]), strict=True))


class Headline(QWidget):
    """A caption over one big figure, with a line of detail beside it."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel(caption, self)
        self.figure = QLabel(self)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.figure.setFont(font)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        layout = QGridLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.setHorizontalSpacing(8)
        layout.setVerticalSpacing(0)
        layout.addWidget(self.caption, 0, 0, 1, 2)
        layout.addWidget(self.figure, 1, 0)
        layout.addWidget(self.detail, 1, 1)
        layout.setColumnStretch(1, 1)
        self._apply_palette()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
        super().changeEvent(event)

    def _apply_palette(self) -> None:
        # The caption and detail step back, so that the figure is what the eye meets first.
        # Blended from the text and the background, so that it reads in any theme.
        text, background = (
            self.palette().color(QPalette.ColorRole.WindowText),
            self.palette().color(QPalette.ColorRole.Window),
        )
        muted = QPalette(self.palette())
        muted.setColor(
            QPalette.ColorRole.WindowText,
            QColor.fromRgbF(
                *(0.65 * t + 0.35 * b for t, b in zip(text.getRgbF()[:3], background.getRgbF()[:3], strict=True))
            ),
        )
        self.caption.setPalette(muted)
        self.detail.setPalette(muted)


class KpiPanel(QWidget):
    def __init__(self, live: LiveStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store: Store = live.store
        self._dirty: set[str] = {"kpis", "teams", "escalations"}
        self.indicators: Indicators | None = None

        self.empty = QLabel(self.tr("No indicators yet: waiting for the first KPI document from the backends."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)

        self.closure = Headline(self.tr("Actual enforcement rate"))
        self.money = Headline(self.tr("Money realised of money sought"))
        self.money_bar = QProgressBar(self.money)
        self.money_bar.setRange(0, 1000)
        self.money_bar.setTextVisible(False)  # the figure beside it says the share
        self.money_bar.setMaximumHeight(self.fontMetrics().height() // 2)
        self.money.layout().addWidget(self.money_bar, 2, 0, 1, 2)
        self.overdue = Headline(self.tr("Overdue nodes"))
        self.freshness = QLabel(self)
        self.freshness.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.freshness.setToolTip(
            self.tr(
                "Teams by status and escalations by severity are counted live; "
                "the other indicators come from the backends about once a minute."
            )
        )

        self.daily = Chart(self.tr("Cases received and closed per day"))
        self.daily.plot.showGrid(y=True, alpha=0.15)
        self.legend = self.daily.plot.addLegend(offset=(4, 2), colCount=2)
        self.received_curve = self.daily.plot.plot(name=self.tr("Received"), pen=RECEIVED_PEN)
        self.closed_curve = self.daily.plot.plot(name=self.tr("Closed"), pen=CLOSED_PEN)
        self.teams = BarChart(self.tr("Teams by status"), len(STATUS_COLORS))
        self.courts = BarChart(self.tr("Overdue nodes by court"), TOP_COURTS)
        self.severity = BarChart(self.tr("Open escalations by severity"), len(Severity))
        self.ages = BarChart(self.tr("Open escalations by age"), len(AGE_BRUSHES))

        headlines = QGridLayout()
        headlines.setContentsMargins(0, 0, 0, 0)
        headlines.addWidget(self.closure, 0, 0)
        headlines.addWidget(self.money, 0, 1)
        headlines.addWidget(self.overdue, 0, 2)
        headlines.addWidget(self.freshness, 0, 3)
        headlines.setColumnStretch(1, 2)
        headlines.setColumnStretch(3, 1)
        self.charts = QGridLayout()
        self.charts.setContentsMargins(2, 0, 2, 2)
        self.charts.setSpacing(4)
        self._in_a_row: bool | None = None
        self._arrange_charts(in_a_row=False)
        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(headlines)
        layout.addLayout(self.charts, 1)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.empty)
        self.pages.addWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(REDRAW_MS)
        self._redraw_timer.timeout.connect(self._on_redraw)
        live.changed.connect(self._on_changed)
        self._apply_palette()
        self._on_redraw()

    def _arrange_charts(self, in_a_row: bool) -> None:
        """Two rows of charts, or, in a wide and low band (under the map on the wall), one row."""
        if in_a_row == self._in_a_row:
            return
        self._in_a_row = in_a_row
        grid = self.charts
        for chart in (self.daily, self.teams, self.courts, self.severity, self.ages):
            grid.removeWidget(chart)
        for index in range(6):
            grid.setColumnStretch(index, 0)
            grid.setRowStretch(index, 0)
        if in_a_row:
            for column, chart in enumerate((self.daily, self.courts, self.teams, self.severity, self.ages)):
                grid.addWidget(chart, 0, column)
                grid.setColumnStretch(column, 2 if chart in (self.daily, self.courts) else 1)
            grid.setRowStretch(0, 1)
            return
        grid.addWidget(self.daily, 0, 0, 1, 2)
        grid.addWidget(self.teams, 0, 2)
        grid.addWidget(self.courts, 1, 0)
        grid.addWidget(self.severity, 1, 1)
        grid.addWidget(self.ages, 1, 2)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        grid.setRowStretch(0, 2)
        grid.setRowStretch(1, 3)  # ten courts need the room more than the daily lines

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange_charts(in_a_row=event.size().width() > 2.6 * event.size().height())
        self._dirty.add("kpis")  # how many courts fit depends on the height
        self._redraw_timer.start()
        super().resizeEvent(event)

    def _on_changed(self, changes: Changes) -> None:
        if changes.kpis or changes.touched(Collection.COURTS):
            self._dirty.add("kpis")
        if changes.touched(Collection.TEAMS):
            self._dirty.add("teams")
        if changes.touched(Collection.ESCALATIONS):
            self._dirty.add("escalations")
        if self._dirty and not self._redraw_timer.isActive():
            self._redraw_timer.start()

    def _on_redraw(self) -> None:
        dirty, self._dirty = self._dirty, set()
        if "kpis" in dirty:
            self.indicators = combine(self._store.kpis, self._store.courts)
            if self.indicators is not None:
                self._show_indicators(self.indicators)
        if "teams" in dirty:
            counts = Counter(team.status for _, team in self._store.teams)
            self.teams.show_bars(
                list(STATUS_COLORS),
                [name("team_status", s) for s in STATUS_COLORS],
                [counts.get(s, 0) for s in STATUS_COLORS],
                list(STATUS_BRUSHES.values()),
            )
        if "escalations" in dirty:
            counts = Counter(e.severity for _, e in self._store.escalations if e.state != EscalationState.RESOLVED)
            self.severity.show_bars(
                list(Severity),
                [name("severity", s.value) for s in Severity],
                [counts.get(s, 0) for s in Severity],
                list(SEVERITY_BRUSHES.values()),
            )
        self.pages.setCurrentIndex(0 if self.indicators is None else 1)

    def _show_indicators(self, indicators: Indicators) -> None:
        rate = indicators.closure_rate
        self.closure.figure.setText("—" if rate is None else f"{rate:.1%}")
        self.closure.detail.setText(self.tr("of closed cases"))
        sought, realised = indicators.money_sought, indicators.money_realised
        share = realised / sought if sought else 0.0
        self.money.figure.setText(f"{share:.1%}" if sought else "—")
        self.money.detail.setText(
            self.tr("{realised}\nof {sought}").format(realised=format_yuan(realised), sought=format_yuan(sought))
        )
        self.money_bar.setValue(round(min(share, 1.0) * 1000))
        self.overdue.figure.setText(str(indicators.overdue_nodes))
        self.overdue.detail.setText(self.tr("open cases\npast a limit"))
        self.freshness.setText(
            self.tr("as of {time}").format(time=time.strftime("%H:%M:%S", time.localtime(indicators.computed_at)))
        )
        days = np.arange(len(indicators.dates), dtype=float)
        self.received_curve.setData(days, indicators.received)
        self.closed_curve.setData(days, indicators.closed)
        # Headroom above the lines for the legend, which would hide the newest days otherwise.
        top = max(float(indicators.received.max(initial=0)), float(indicators.closed.max(initial=0)), 1.0)
        self.daily.plot.setYRange(0, top * 1.6, padding=0)
        # A date every week: thirty labels would run into each other.
        self.daily.plot.getAxis("bottom").setTicks(
            [
                [
                    (float(i), date[5:])
                    for i, date in enumerate(indicators.dates)
                    if (len(indicators.dates) - 1 - i) % 7 == 0
                ],
                [],
            ]
        )
        shown = indicators.overdue_by_court[: self.courts.room()]  # the most overdue first: a low chart cuts the tail
        names = [court for court, _ in shown]
        self.courts.show_bars(names, names, [count for _, count in shown], [OVERDUE_BRUSH] * len(names))
        bands = list(indicators.escalations_by_age)
        self.ages.show_bars(
            bands,
            [name("age_band", band) for band in bands],
            [indicators.escalations_by_age[b] for b in bands],
            [AGE_BRUSHES[min(i, len(AGE_BRUSHES) - 1)] for i in range(len(bands))],
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
        super().changeEvent(event)

    def _apply_palette(self) -> None:
        self.legend.setLabelTextColor(self.palette().color(QPalette.ColorRole.WindowText))
        for _, label in self.legend.items:
            label.setText(label.text)  # pyqtgraph keeps the new colour for the next text; render it now
        self.legend.setBrush(pg.mkBrush(self.palette().color(QPalette.ColorRole.Window)))
