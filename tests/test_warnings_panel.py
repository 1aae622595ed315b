"""The process warnings panel on a live backend: it lists what the backend lists and counts what
it counts, per court; it narrows by kind, court, node and officer; a court picked in the counts
narrows the list; Enter on a row opens its case."""

from __future__ import annotations

from PySide6.QtCore import Qt

from console.records import Collection
from tests.support.backends import at
from widgets.panels import Panel
from widgets.warnings_panel import WarningsModel

BACKEND = "快"


def every_warning(backend) -> list[dict]:
    items, token = [], None
    while True:
        page = backend.get("warnings", page_size=1000, **({"page_token": token} if token else {}))
        items += page["items"]
        if (token := page["next_page_token"]) is None:
            return items


def test_the_panel_lists_and_counts_what_the_backend_does_and_opens_a_case(qtbot, console_as, stepped_backend):
    desk = console_as("supervisor")
    panel = desk.window.panels[Panel.WARNINGS]
    counted = stepped_backend.get("warnings/counts")
    listed = every_warning(stepped_backend)
    panel.regrade(at(counted["at"]))  # at the backend's moment, not this machine's
    shown = {(w.case.id, w.grade, w.idle) for w in panel.model.warned}
    assert shown == {(w["case_id"], w["grade"], w["idle"]) for w in listed}
    assert panel.model.rowCount() == len(listed)

    by_court = {}
    for row in range(panel.counts.rowCount()):
        backend, court_id, _ = panel.counts.item(row, 0).data(Qt.ItemDataRole.UserRole)
        by_court[court_id] = [panel.counts.item(row, column).value for column in range(1, 5)]
    assert by_court == {
        c["court_id"]: [c["due_soon"], c["overdue"], c["seriously_overdue"], c["idle"]] for c in counted["courts"]
    }

    panel.kind.setCurrentIndex(panel.kind.findData("overdue"))
    assert panel.model.rowCount() == sum(w["grade"] == "overdue" for w in listed) > 0
    first = next(w for w in listed if w["grade"] == "overdue")
    row = next(
        r
        for r in range(panel.counts.rowCount())
        if panel.counts.item(r, 0).data(Qt.ItemDataRole.UserRole)[1] == first["court_id"]
    )
    panel.counts.selectRow(row)
    assert panel.court.currentData() == f"{BACKEND}/{first['court_id']}"
    assert panel.model.rowCount() == sum(w["grade"] == "overdue" and w["court_id"] == first["court_id"] for w in listed)
    panel.officer.setText(first["officer"])
    assert (
        1
        <= panel.model.rowCount()
        == sum(
            w["grade"] == "overdue" and w["court_id"] == first["court_id"] and w["officer"] == first["officer"]
            for w in listed
        )
    )
    assert str(panel.model.rowCount()) in panel.summary.text()

    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(0, WarningsModel.CASE))
    opened = panel.model.rows[0].case.id
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    selected = desk.window.selection.current
    assert (selected.kind, selected.id) == (Collection.CASES, opened)
