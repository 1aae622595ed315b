"""执转破 and 执行救助 from the console, on a live backend: a company respondent's case proposed for
bankruptcy review, the transfer left to a president, the ruling recorded, the court figures
counting it; relief applied for, refused in the dialog above the cap, decided by another
supervisor and paid from the console."""

from __future__ import annotations

from console.commands import Action
from console.records import Collection
from tests.support.dialogs import when_the_dialog_opens
from widgets.answering import why_not
from widgets.names import name
from widgets.panels import Panel
from widgets.selection import Selected

BACKEND = "快"


def open_case(qtbot, session, respondent: str):
    panel = session.window.panels[Panel.CASE]
    case = next(
        c
        for _, c in session.store.cases
        if c.status == "open" and c.kind != "preservation" and c.outstanding > 0 and c.respondent_type == respondent
    )
    session.window.selection.select(Selected(Collection.CASES, BACKEND, case.id))
    qtbot.waitUntil(lambda: panel.detail is not None and panel.detail.relief is not None, timeout=30_000)
    return panel, case


def test_a_company_case_is_proposed_transferred_by_a_president_and_ruled_on(qtbot, console_as, stepped_backend):
    desk = console_as("supervisor")
    panel, case = open_case(qtbot, desk, "company")
    view = panel.referral
    when_the_dialog_opens(lambda dialog: dialog.consent.setCurrentIndex(dialog.consent.findData("applicant")))
    view.actions[Action.REFER_FOR_BANKRUPTCY].trigger()
    qtbot.waitUntil(lambda: panel.detail.bankruptcy is not None, timeout=30_000)
    assert panel.detail.bankruptcy.state == "proposed" and name("referral_state", "proposed") in view.summary.text()
    assert name("permission", "bankruptcy.transfer") in why_not(view.actions[Action.TRANSFER_FOR_BANKRUPTCY])

    moved = stepped_backend.command(
        f"cases/{case.id}/bankruptcy-referral/transfer", {"note": "院长签发"}, username="president"
    )
    assert moved.status_code == 200, moved.text
    qtbot.waitUntil(lambda: panel.detail.bankruptcy.state == "transferred", timeout=30_000)
    assert "suspended" in why_not(panel.disposals.actions[Action.VALUE_PROPERTY])  # 中止执行
    assert "suspended" in why_not(panel.termination.actions[Action.TERMINATE])
    figures = desk.window.panels[Panel.COURT_FIGURES]
    figures.recount()
    court = desk.store.courts.get(BACKEND, case.court_id).name
    row = next(r for r in range(figures.table.rowCount()) if figures.table.item(r, 0).text() == court)
    assert figures.table.item(row, 5).value >= 1  # transferred for bankruptcy

    when_the_dialog_opens(lambda dialog: dialog.accepted_box.setCurrentIndex(0))
    view.actions[Action.RULE_ON_BANKRUPTCY].trigger()
    qtbot.waitUntil(lambda: panel.detail.bankruptcy.state == "accepted", timeout=30_000)
    assert why_not(view.actions[Action.REFER_FOR_BANKRUPTCY])  # referred already


def test_relief_is_applied_for_decided_by_another_supervisor_and_paid(qtbot, console_as, stepped_backend):
    desk = console_as("supervisor")
    panel, case = open_case(qtbot, desk, "person")
    view = panel.referral
    seen = {}

    def apply(dialog):
        dialog.amount.setValue(dialog._limit + 1)
        dialog.reason.setText("申请执行人身患重病，无收入")
        dialog.accept()
        seen.update(refused=dialog.problem.text(), still_open=dialog.isVisible())
        dialog.amount.setValue(min(5000.0, dialog._limit))

    when_the_dialog_opens(apply)
    view.actions[Action.APPLY_FOR_RELIEF].trigger()
    assert seen["still_open"] and seen["refused"]
    qtbot.waitUntil(lambda: bool(panel.detail.relief), timeout=30_000)
    relief = panel.detail.relief[-1]
    assert relief.state == "applied" and view.table.item(0, 2).text() == name("relief_state", "applied")

    stepped_backend.add_user("relief.sup", "supervisor", case.court_id)
    approved = stepped_backend.command(f"cases/{case.id}/relief/{relief.id}/approval", username="relief.sup")
    assert approved.status_code == 200, approved.text
    qtbot.waitUntil(lambda: panel.detail.relief[-1].state == "approved", timeout=30_000)
    when_the_dialog_opens(lambda dialog: dialog.note.setText("已发放"))
    view.actions[Action.PAY_RELIEF].trigger()
    qtbot.waitUntil(lambda: panel.detail.relief[-1].state == "paid", timeout=30_000)
    assert why_not(view.actions[Action.PAY_RELIEF])
