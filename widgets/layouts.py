"""The named layouts of the main window: 值班台 (the duty desk, every panel at hand) and 大屏 (the
video wall: the map dominant, the queue and the teams beside it, large type).

Where each panel stands in a layout is declared with the panel (`widgets.panels`); here is how a
layout shares the window out: the width between the two sides, the height between the slots of
each. An operator who rearranges a layout keeps it (the main window saves each layout's state
under its name), and "Reset layout" brings the default back.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

from widgets.panels import Panel, PanelSpec, Side

LAYOUTS = ("duty", "wall")
DEFAULT_LAYOUT = "duty"
# Type on the wall is read from across the room.
FONT_SCALE = {"duty": 1.0, "wall": 1.5}
AREAS = {Side.LEFT: Qt.DockWidgetArea.LeftDockWidgetArea, Side.RIGHT: Qt.DockWidgetArea.RightDockWidgetArea}


@dataclass(frozen=True)
class Shape:
    left: float  # share of the width on the left
    heights: dict[Side, tuple[float, ...]]  # share of the height of each slot, top to bottom


SHAPES = {
    # The map large on the left, case work under it; on the right the escalations to work on, the
    # teams, and the connection with the event log behind it.
    "duty": Shape(0.58, {Side.LEFT: (0.68, 0.32), Side.RIGHT: (0.38, 0.38, 0.24)}),
    # The map takes most of the wall with the KPIs in a band under it, wide enough for their
    # charts; the escalation queue and the teams stand beside them. The rest stays one click away
    # in the View menu.
    "wall": Shape(0.7, {Side.LEFT: (0.68, 0.32), Side.RIGHT: (0.5, 0.5)}),
}


def layout_title(layout: str) -> str:
    return {
        "duty": QCoreApplication.translate("Layouts", "Duty desk"),
        "wall": QCoreApplication.translate("Layouts", "Video wall"),
    }[layout]


def arrange(window: QMainWindow, docks: dict[Panel, QDockWidget], specs: tuple[PanelSpec, ...], layout: str) -> None:
    """Puts every dock where `layout` places it: each side a column of slots, each slot's docks
    tabbed (the first raised), and the layout's shares of the width and height."""
    for dock in docks.values():
        dock.setFloating(False)  # first: a dock already taken out of the window would float on
        window.removeDockWidget(dock)
    shape = SHAPES[layout]
    heads: dict[Side, list[QDockWidget]] = {}
    for side in Side:
        placed = sorted(
            ((spec.places[layout], docks[spec.panel]) for spec in specs if spec.places[layout].side is side),
            key=lambda item: (item[0].slot, item[0].tab),
        )
        slots: dict[int, list[QDockWidget]] = {}
        for place, dock in placed:
            slots.setdefault(place.slot, []).append(dock)
        heads[side] = _column(window, AREAS[side], list(slots.values()))
    # A dock hidden where it was placed: one out of the layout would be missing from the saved
    # state, and a restored layout would leave it as it happened to be.
    for spec in specs:
        docks[spec.panel].setVisible(not spec.places[layout].hidden)
    width, height = window.width(), window.height()
    tops = [heads[Side.LEFT][0], heads[Side.RIGHT][0]]
    window.resizeDocks(tops, [int(width * shape.left), int(width * (1 - shape.left))], Qt.Orientation.Horizontal)
    for side, column in heads.items():
        window.resizeDocks(column, [int(height * share) for share in shape.heights[side]], Qt.Orientation.Vertical)


def _column(window: QMainWindow, area: Qt.DockWidgetArea, slots: list[list[QDockWidget]]) -> list[QDockWidget]:
    """Puts a column of slots in `area`; returns the first dock of each slot (for sizing)."""
    heads = [slot[0] for slot in slots]
    # The column first, the tabs after: splitting a dock that has tabs would add a tab, not a row.
    for index, head in enumerate(heads):
        if index == 0:
            window.addDockWidget(area, head)
        else:
            window.splitDockWidget(heads[index - 1], head, Qt.Orientation.Vertical)
    for slot in slots:
        for dock in slot[1:]:
            window.tabifyDockWidget(slot[0], dock)
        slot[0].raise_()
    return heads
