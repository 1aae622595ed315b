"""Coercive measures in the case view, on a live backend: a detention made on the spot from the console
with the act it punishes, decided by a president, its decision number and the team with judicial
police that carries it out shown, the family's 24 hours warned, then the family told from the
console; a fine outside the law's limits refused in the dialog; a review decided only above; a
team without judicial police refused for a detention before anything is sent."""

from __future__ import annotations

from console.commands import Action
from console.records import Collection
from tests.support.consoles import step_until
from tests.support.dialogs import when_the_dialog_opens
from widgets.answering import why_not
from widgets.names import name
from widgets.panels import Panel
from widgets.selection import Selected

BACKEND = "快"


def open_case_in_view(qtbot, desk):
    panel = desk.window.panels[Panel.CASE]
    case = next(
        c
        for _, c in desk.store.cases
        if c.status == "open" and c.kind != "preservation" and c.respondent_type == "person"
    )
    desk.window.selection.select(Selected(Collection.CASES, BACKEND, case.id))
    qtbot.waitUntil(lambda: panel.detail is not None and panel.detail.coercions is not None, timeout=30_000)
    return panel, case


def test_a_detention_made_on_the_spot_is_approved_after_carried_out_and_the_family_told(qtbot, desk, stepped_backend):
    panel, case = open_case_in_view(qtbot, desk)
    view = panel.coercions
    assert "Ctrl+Shift+D" in view.summary.text()

    def ask(dialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData("detention"))
        dialog.days.setValue(10)
        dialog.emergency.setChecked(True)
        dialog.act.setText("拒不交出被查封车辆")
        dialog.reason.setText("拒不履行，隐匿查封财产")

    when_the_dialog_opens(ask)
    desk.window.field_actions.actions[Action.REQUEST_COERCION].trigger()
    qtbot.waitUntil(lambda: len(panel.detail.coercions) == 1, timeout=30_000)
    asked = panel.detail.coercions[0]
    assert (asked.kind, asked.act, asked.state) == ("detention", "拒不交出被查封车辆", "emergency")
    assert view.table.item(0, 3).text() == name("coercion_state", "emergency")
    assert "24" in view.warning.text() and case.respondent in view.warning.text()  # in custody: tell the family
    assert view.table.item(0, 2).text() == "拒不交出被查封车辆"

    approval = next(a for a in stepped_backend.get("approvals", case_id=case.id)["items"] if a["kind"] == "detention")
    decided = stepped_backend.command(
        f"approvals/{approval['id']}/approve", {"note": "同意"}, username="president", version=approval["version"]
    )
    assert decided.status_code == 200, decided.text
    qtbot.waitUntil(lambda: panel.detail.coercions[0].state == "decided", timeout=30_000)
    number = panel.detail.coercions[0].decision_number
    assert "司惩" in number and view.table.item(0, 4).text() == number

    step_until(qtbot, desk, stepped_backend, lambda: panel.detail.coercions[0].task_id, every_s=60)
    task = panel.detail.coercions[0].task_id
    qtbot.waitUntil(lambda: view.table.item(0, 5).text() not in ("", task), timeout=30_000)  # the team's name

    view.table.clearSelection()
    assert why_not(view.actions[Action.NOTIFY_FAMILY])  # which one: none picked
    view.table.selectRow(0)
    assert not why_not(view.actions[Action.NOTIFY_FAMILY])
    assert name("permission", "coercion.decide") in why_not(view.actions[Action.DECIDE_REVIEW])

    def told(dialog):
        dialog.note.setText("电话通知其妻，10:20")

    when_the_dialog_opens(told)
    view.actions[Action.NOTIFY_FAMILY].trigger()
    qtbot.waitUntil(lambda: panel.detail.coercions[0].family_notified_at is not None, timeout=30_000)
    assert view.warning.text() != "" and "24 hours" not in view.warning.text()  # told: no longer due
    view.table.selectRow(0)
    assert why_not(view.actions[Action.NOTIFY_FAMILY])  # told once


def test_a_fine_outside_the_law_is_refused_in_the_dialog(qtbot, desk):
    open_case_in_view(qtbot, desk)
    seen = {}

    def fine(dialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData("fine"))
        seen["days_shown"] = dialog.days.isVisibleTo(dialog)
        dialog.amount.setValue(dialog.amount.maximum())
        dialog.person.setText("张某")
        dialog.reason.setText("")
        dialog.accept()
        seen["no_reason"] = dialog.problem.text()
        dialog.reason.setText("妨害执行")
        seen["body"] = dialog.body()
        dialog.reject()

    when_the_dialog_opens(fine)
    desk.window.field_actions.actions[Action.REQUEST_COERCION].trigger()
    qtbot.waitUntil(lambda: "body" in seen, timeout=30_000)
    assert not seen["days_shown"] and seen["no_reason"]
    assert seen["body"] == {"kind": "fine", "person": "张某", "reason": "妨害执行", "amount": 100_000}


def test_a_team_without_judicial_police_is_not_sent_to_detain(qtbot, desk):
    panel, case = open_case_in_view(qtbot, desk)
    seen = {}

    def dispatch(dialog):
        dialog.operation.setCurrentIndex(dialog.operation.findData("detain"))
        row = next(r for r, s in enumerate(dialog.suggestions) if s.team.has_bailiff is False)
        dialog.teams.selectRow(row)
        seen["column"] = dialog.teams.item(row, 3).text()
        dialog.accept()
        seen["refused"] = dialog.problem.text()
        seen["open"] = dialog.isVisible()
        dialog.reject()

    when_the_dialog_opens(dispatch)
    desk.window.field_actions.actions[Action.DISPATCH].trigger()
    qtbot.waitUntil(lambda: "open" in seen, timeout=30_000)
    assert seen["open"] and "judicial police" in seen["refused"]
