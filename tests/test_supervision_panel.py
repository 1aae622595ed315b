"""督办 from the console, on a live backend: a supervisor of the high court issues an order from a
basic court's case view; the panel lists it and leaves the reply to the court addressed; once
that court has replied, the supervisor accepts the reply from the panel."""

from __future__ import annotations

from PySide6.QtCore import Qt

from console.commands import Action
from console.records import Collection
from tests.support.dialogs import when_the_dialog_opens
from widgets.answering import why_not
from widgets.panels import Panel
from widgets.selection import Selected

BACKEND = "快"


def test_an_order_is_issued_from_the_case_view_and_its_reply_accepted_in_the_panel(qtbot, console_as, stepped_backend):
    desk = console_as("supervisor")
    courts = desk.store.courts
    case = next(
        c
        for _, c in desk.store.cases
        if c.status == "open" and c.kind != "preservation" and courts.get(BACKEND, c.court_id).level == "basic"
    )
    panel = desk.window.panels[Panel.CASE]
    desk.window.selection.select(Selected(Collection.CASES, BACKEND, case.id))
    qtbot.waitUntil(lambda: panel.detail is not None and panel.detail.case.id == case.id, timeout=30_000)
    view = panel.supervision
    assert not why_not(view.actions[Action.ISSUE_SUPERVISION])

    def issue(dialog):
        dialog.requirement.setText("七日内完成网络查控并报告")

    when_the_dialog_opens(issue)
    view.actions[Action.ISSUE_SUPERVISION].trigger()
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=30_000)
    order = next(o for _, o in desk.store.supervision if case.id in o.case_ids)
    assert order.state == "issued" and "执督" in view.table.item(0, 0).text()
    assert view.awaiting() == 1 and "1" in panel.tabs.tabText(panel.tabs.indexOf(view))

    orders = desk.window.panels[Panel.SUPERVISION]
    row = next(r for r in range(orders.queue.rowCount()) if orders.queue.index(r, 0).data() == order.number)
    orders.view.setCurrentIndex(orders.queue.index(row, 0))
    court = courts.get(BACKEND, case.court_id).name
    assert court in orders.why_not(Action.REPLY_TO_SUPERVISION)  # only the court addressed replies
    assert orders.why_not(Action.ACCEPT_SUPERVISION)  # nothing to decide yet

    stepped_backend.add_user("court_op", "operator", case.court_id)
    replied = stepped_backend.command(
        f"supervision-orders/{order.id}/reply", {"note": "已完成网络查控"}, username="court_op", version=order.version
    )
    assert replied.status_code == 200, replied.text
    qtbot.waitUntil(lambda: desk.store.supervision.get(BACKEND, order.id).state == "replied", timeout=30_000)
    qtbot.waitUntil(lambda: orders.actions[Action.ACCEPT_SUPERVISION].isEnabled(), timeout=5_000)
    when_the_dialog_opens(lambda dialog: dialog.note.setText("同意"))
    orders.actions[Action.ACCEPT_SUPERVISION].trigger()
    qtbot.waitUntil(lambda: desk.store.supervision.get(BACKEND, order.id).state == "accepted", timeout=30_000)
    assert view.awaiting() == 0


def test_a_finding_is_dismissed_with_a_reason_and_another_recorded_by_hand_on_its_case(qtbot, console_as):
    desk = console_as("supervisor")
    panel = desk.window.panels[Panel.FINDINGS]
    qtbot.waitUntil(lambda: len(desk.store.findings) > 0, timeout=30_000)
    panel.redraw()
    panel.situation.setCurrentIndex(panel.situation.findData(3))
    assert panel.model.rows and {f.situation for _, f in panel.model.rows} == {3}
    assert {f.state for _, f in panel.model.rows} == {"open"}  # those to review, first
    counted = {panel.counts.item(row, 0).data(Qt.ItemDataRole.UserRole) for row in range(panel.counts.rowCount())}
    assert counted == {(b, f.court_id, f.officer) for b, f in desk.store.findings if f.situation == 3}  # of the 3rd
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    _, finding = panel.picked()
    assert desk.window.selection.current == Selected(Collection.CASES, BACKEND, finding.case_id)  # its case opens
    assert "3日内未发起网络查控" in panel.detail.text() or "No network query" in panel.detail.text()
    assert panel.why_not(Action.DISMISS_FINDING) is None  # the high court's supervisor decides
    team_backend, team = desk.store.teams[0]
    desk.window.selection.select(Selected(Collection.TEAMS, team_backend, team.id))
    panel.redraw()  # as findings come: the finding stays picked, the window's pick is left alone
    assert panel.picked()[1].id == finding.id
    assert desk.window.selection.current == Selected(Collection.TEAMS, team_backend, team.id)
    panel.view.setCurrentIndex(panel.model.index(1, 0))
    panel.view.setCurrentIndex(panel.model.index(0, 0))  # picked again: its case opens

    when_the_dialog_opens(lambda dialog: dialog.note.setText("系线下查询后补录"))
    panel.actions[Action.DISMISS_FINDING].trigger()
    qtbot.waitUntil(lambda: desk.store.findings.get(BACKEND, finding.id).state == "dismissed", timeout=30_000)
    dismissed = desk.store.findings.get(BACKEND, finding.id)
    assert dismissed.reason == "系线下查询后补录" and dismissed.decided_by == "supervisor"

    def record(dialog):
        dialog.situation.setCurrentIndex(dialog.situation.findData(22))
        dialog.note.setText("暂缓执行已逾四个月未恢复")

    when_the_dialog_opens(record)
    panel.actions[Action.RECORD_FINDING].trigger()
    qtbot.waitUntil(
        lambda: any(f.case_id == finding.case_id and f.situation == 22 for _, f in desk.store.findings), timeout=30_000
    )
    recorded = next(f for _, f in desk.store.findings if f.case_id == finding.case_id and f.situation == 22)
    assert recorded.state == "confirmed" and recorded.source == "recorded"
    assert recorded.evidence[0].note == "暂缓执行已逾四个月未恢复"
