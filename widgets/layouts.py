"""The named layouts of the main window: 值班台 (the duty desk, every panel at hand) and 大屏 (the
video wall: the map dominant, the queue and the teams beside it, large type).

Each layout has a default arrangement of the docks; an operator who rearranges one keeps it (the
main window saves each layout's state under its name), and "Reset layout" brings the default back.
Docks are found by name, so an arrangement places only the docks the window has.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

LAYOUTS = ("duty", "wall")
DEFAULT_LAYOUT = "duty"
# Type on the wall is read from across the room.
FONT_SCALE = {"duty": 1.0, "wall": 1.5}

Docks = dict[str, QDockWidget]


def layout_title(layout: str) -> str:
    return {
        "duty": QCoreApplication.translate("Layouts", "Duty desk"),
        "wall": QCoreApplication.translate("Layouts", "Video wall"),
    }[layout]


def _place(window: QMainWindow, docks: Docks, area: Qt.DockWidgetArea, column: list[list[str]]) -> list[QDockWidget]:
    """Puts a column of docks in `area`: each inner list is one slot, its docks tabbed, the first raised.
    Returns the first dock of each slot (for sizing)."""
    slots = [[docks[name] for name in slot if name in docks] for slot in column]
    slots = [slot for slot in slots if slot]
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


def _clear(window: QMainWindow, docks: Docks) -> None:
    for dock in docks.values():
        dock.setFloating(False)  # first: a dock already taken out of the window would float on
        window.removeDockWidget(dock)


def _show(docks: Docks, hidden: set[str]) -> None:
    """Hides the `hidden` docks where they were placed: a dock out of the layout would be missing
    from the saved state, and a restored layout would leave it as it happened to be."""
    for name, dock in docks.items():
        dock.setVisible(name not in hidden)


def arrange_duty(window: QMainWindow, docks: Docks) -> None:
    """The map large on the left, case work under it; on the right the escalations to work on,
    the teams, and the connection with the event log behind it."""
    _clear(window, docks)
    left = _place(
        window, docks, Qt.DockWidgetArea.LeftDockWidgetArea, [["map"], ["case", "queries", "approvals", "kpis"]]
    )
    right = _place(
        window, docks, Qt.DockWidgetArea.RightDockWidgetArea, [["escalations"], ["teams"], ["connection", "event_log"]]
    )
    _show(docks, hidden=set())
    width = window.width()
    window.resizeDocks([left[0], right[0]], [int(width * 0.58), int(width * 0.42)], Qt.Orientation.Horizontal)
    height = window.height()
    if len(left) == 2:
        window.resizeDocks(left, [int(height * 0.68), int(height * 0.32)], Qt.Orientation.Vertical)
    window.resizeDocks(
        right, [int(height * 0.38), int(height * 0.38), int(height * 0.24)][: len(right)], Qt.Orientation.Vertical
    )


def arrange_wall(window: QMainWindow, docks: Docks) -> None:
    """The map takes most of the wall with the KPIs in a band under it, wide enough for their
    charts; the escalation queue and the teams stand beside them. The rest stays one click away in
    the View menu."""
    _clear(window, docks)
    left = _place(window, docks, Qt.DockWidgetArea.LeftDockWidgetArea, [["map"], ["kpis"]])
    right = _place(
        window,
        docks,
        Qt.DockWidgetArea.RightDockWidgetArea,
        [["escalations", "case", "queries", "approvals"], ["teams", "connection", "event_log"]],
    )
    _show(docks, hidden={"connection", "event_log", "case", "queries", "approvals"})
    width, height = window.width(), window.height()
    window.resizeDocks([left[0], right[0]], [int(width * 0.7), int(width * 0.3)], Qt.Orientation.Horizontal)
    window.resizeDocks(left, [int(height * 0.68), int(height * 0.32)][: len(left)], Qt.Orientation.Vertical)
    window.resizeDocks(right, [int(height * 0.5), int(height * 0.5)][: len(right)], Qt.Orientation.Vertical)


ARRANGEMENTS: dict[str, Callable[[QMainWindow, Docks], None]] = {"duty": arrange_duty, "wall": arrange_wall}
