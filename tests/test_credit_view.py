"""Credit punishment from the console, on a live backend: a respondent listed on a ground with its
term from the case view, the workbench's count for its court going up with it, "performed"
refused in the dialog while the case owes, then the listing removed at the applicant's request."""

from __future__ import annotations

from console.commands import Action
from console.records import Collection
from tests.support.dialogs import when_the_dialog_opens
from widgets.answering import why_not
from widgets.case_panel import CREDIT_TAB
from widgets.names import name
from widgets.panels import Panel
from widgets.selection import Selected

BACKEND = "快"


def listed_in(panel, court_name: str) -> int:
    table = panel.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == court_name)
    return table.item(row, 2).value


def test_a_respondent_is_listed_counted_for_its_court_and_removed_from_the_case_view(qtbot, desk):
    case = next(
        c
        for _, c in desk.store.cases
        if c.status == "open"
        and c.kind != "preservation"
        and c.outstanding > 0
        and not {"dishonest", "consumption_restricted", "exit_restricted"} & set(c.flags)
    )
    court = desk.store.courts.get(BACKEND, case.court_id).name
    workbench = desk.window.panels[Panel.COURT_FIGURES]
    workbench.recount()  # not waiting for its next count
    before = listed_in(workbench, court)
    panel = desk.window.panels[Panel.CASE]
    desk.window.selection.select(Selected(Collection.CASES, BACKEND, case.id))
    qtbot.waitUntil(lambda: panel.detail is not None and panel.detail.credit is not None, timeout=30_000)
    view = panel.credit
    assert not why_not(view.actions[Action.ORDER_CREDIT])

    def list_it(dialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData("dishonest"))
        dialog.ground.setCurrentIndex(dialog.ground.findData("obstructs"))
        dialog.extra.setValue(1)
        assert "3" in dialog.term.text()
        dialog.note.setText("暴力阻碍查封")

    when_the_dialog_opens(list_it)
    view.actions[Action.ORDER_CREDIT].trigger()
    qtbot.waitUntil(lambda: any(o.state == "in_force" for o in panel.detail.credit), timeout=30_000)
    order = next(o for o in panel.detail.credit if o.kind == "dishonest")
    assert (order.ground, order.source, order.extra_years) == ("obstructs", "art. 1(2)", 1)
    assert view.table.item(0, 0).text() == name("credit", "dishonest")
    assert name("ground", "obstructs") in view.table.item(0, 1).text()
    assert panel.tabs.tabText(CREDIT_TAB).endswith("(1)")
    qtbot.waitUntil(lambda: listed_in(workbench, court) == before + 1, timeout=30_000)

    view.table.clearSelection()
    assert why_not(view.actions[Action.REMOVE_CREDIT])  # which one: none picked
    view.table.selectRow(0)
    seen = {}

    def remove(dialog):
        dialog.reason.setCurrentIndex(dialog.reason.findData("performed"))
        dialog.accept()
        seen.update(refused=dialog.problem.text(), still_open=dialog.isVisible())
        dialog.reason.setCurrentIndex(dialog.reason.findData("applicant_request"))

    when_the_dialog_opens(remove)
    view.actions[Action.REMOVE_CREDIT].trigger()
    assert seen["still_open"] and seen["refused"]
    qtbot.waitUntil(lambda: panel.detail.credit[-1].state == "removed", timeout=30_000)
    assert panel.detail.credit[-1].end_reason == "applicant_request"
    qtbot.waitUntil(lambda: listed_in(workbench, court) == before, timeout=30_000)


def test_the_workbench_counts_what_the_cases_flags_say(qtbot, desk):
    workbench = desk.window.panels[Panel.COURT_FIGURES]
    workbench.recount()
    listed = sum("dishonest" in c.flags for _, c in desk.store.cases if c.kind != "preservation")
    assert listed and sum(workbench.table.item(r, 2).value for r in range(workbench.table.rowCount())) == listed
    assert f"{listed:,}" in workbench.summary.text()
