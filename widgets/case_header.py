"""The head of a case's detail: who, where, how much, where it stands and how late, in four lines
that fit a small dock."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QWidget,
)

from console.casework import Case
from widgets.names import format_date, format_yuan, name
from widgets.plain_text import PlainLabel, plain_tooltip
from widgets.style import mark_problem

DAY_S = 86400.0


def _day(moment: float) -> str:
    """A date within the case's current node: the year goes without saying."""
    return time.strftime("%m-%d", time.localtime(moment))


class CaseHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._case: Case | None = None
        self._late = False
        self._node_late = False
        self.number = PlainLabel(parent=self)
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # to paste into other systems
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.number.setFont(font)
        self.status = PlainLabel(parent=self)
        self.court = PlainLabel(parent=self)
        self.dates = PlainLabel(parent=self)
        self.node = PlainLabel(parent=self)
        self.parties = PlainLabel(parent=self)
        self.money = PlainLabel(parent=self)
        self.realised = QProgressBar(self)
        self.realised.setRange(0, 1000)
        self.realised.setTextVisible(False)
        self.realised.setFixedSize(90, 8)
        self._chips = QHBoxLayout()
        self._chips.setSpacing(4)
        self.chips: list[QLabel] = []
        for label in (self.court, self.dates, self.node, self.parties):
            label.setTextFormat(Qt.TextFormat.PlainText)
            # Clipped rather than widening the dock: the whole line is in its tooltip.
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top = QHBoxLayout()
        top.addWidget(self.number)
        top.addWidget(self.status)
        top.addLayout(self._chips)
        top.addStretch(1)
        money = QHBoxLayout()
        money.addWidget(self.money)
        money.addWidget(self.realised)
        money.addStretch(1)
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 2, 6, 2)
        grid.setVerticalSpacing(1)
        grid.addLayout(top, 0, 0, 1, 2)
        grid.addWidget(self.court, 1, 0, 1, 2)
        grid.addWidget(self.dates, 2, 0)
        grid.addWidget(self.node, 2, 1)
        grid.addWidget(self.parties, 3, 0)
        grid.addLayout(money, 3, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

    def show_case(self, case: Case, court_name: str, now: float | None = None) -> None:
        self._case = case
        now = time.time() if now is None else now
        self.number.setText(case.number)
        self.status.setText(name("case_status", case.status))
        self.court.setText(
            " · ".join(
                [
                    court_name,
                    name("case_kind", case.kind),
                    name("track", case.track),
                    self.tr("officer {officer}").format(officer=case.officer),
                ]
            )
        )
        dates = self.tr("Filed {filed} · due {deadline}").format(
            filed=format_date(case.filed_at), deadline=format_date(case.deadline)
        )
        late = False
        if case.status == "open":
            days = (case.deadline - now) / DAY_S
            late = days < 0
            dates += " · " + (
                self.tr("%n day(s) overdue", "", int(-days) + 1) if late else self.tr("%n day(s) left", "", int(days))
            )
        self.dates.setText(dates)
        self._late = late
        node = self.tr("At {node} since {entered}").format(
            node=name("node", case.node), entered=_day(case.node_entered_at)
        )
        if case.node_deadline is not None:
            node += " · " + self.tr("due {deadline}").format(deadline=_day(case.node_deadline))
        self._node_late = case.overdue
        self.node.setText(node + (" · " + self.tr("overdue") if case.overdue else ""))
        self.parties.setText(
            self.tr("{applicant} against {respondent}").format(applicant=case.applicant, respondent=case.respondent)
        )
        for label in (self.court, self.dates, self.node, self.parties):
            label.setToolTip(plain_tooltip(label.text()))
        self.money.setText(
            self.tr("Realised {realised} of {sought}").format(
                realised=format_yuan(case.amount_realised), sought=format_yuan(case.amount_sought)
            )
        )
        fraction = case.amount_realised / case.amount_sought if case.amount_sought > 0 else 0.0
        self.realised.setValue(round(1000 * min(1.0, fraction)))
        self.realised.setToolTip(f"{fraction:.0%}")
        self._set_chips(
            [(name("flag", flag), True) for flag in case.flags] + [(name("tag", tag), False) for tag in case.tags]
        )

    def show_missing(self, case_id: str) -> None:
        """A case the store does not hold (yet): its id, and nothing that belongs to another case."""
        self._case, self._late, self._node_late = None, False, False
        self.number.setText(case_id)
        for label in (self.status, self.court, self.dates, self.node, self.parties, self.money):
            label.clear()
        self.realised.setValue(0)
        self._set_chips([])

    def _set_chips(self, chips: list[tuple[str, bool]]) -> None:
        for chip in self.chips:
            self._chips.removeWidget(chip)
            chip.deleteLater()
        self.chips = []
        for text, strong in chips:
            chip = PlainLabel(text, self)
            chip.setProperty("strong", strong)
            self._chips.addWidget(chip)
            self.chips.append(chip)
        self._restyle()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()
        super().changeEvent(event)

    def _restyle(self) -> None:
        """Colours from the palette, so that a light or a dark theme both read; red only for lateness."""
        palette = self.palette()
        accent = palette.color(QPalette.ColorRole.Highlight).name()
        quiet = palette.color(QPalette.ColorRole.Mid).name()
        for chip in self.chips:
            colour = accent if chip.property("strong") else quiet
            chip.setStyleSheet(f"QLabel {{ border: 1px solid {colour}; border-radius: 8px; padding: 0px 6px; }}")
        open_case = self._case is not None and self._case.status == "open"
        self.status.setStyleSheet(
            f"QLabel {{ background: {accent if open_case else quiet}; border-radius: 8px;"
            f" padding: 0px 6px; color: {palette.color(QPalette.ColorRole.HighlightedText).name()}; }}"
        )
        mark_problem(self.dates, self._late)
        mark_problem(self.node, self._node_late)
