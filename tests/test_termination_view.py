"""The 终本 gate in the case view, on a live backend: the checklist as the backend keeps it, 终本
refused with the unmet conditions named before anything is sent, an act recorded from the console,
then 终本 decided from it once every condition holds."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QLocale, Qt

from console.commands import Action, CommandState, Subject
from console.records import Collection
from tests.support.backends import NOTHING_TO_DISPOSE, meet_what_an_operator_can, open_enforcement_cases, owing, unmet
from tests.support.consoles import settled
from tests.support.dialogs import when_the_dialog_opens
from widgets.answering import why_not
from widgets.names import cite
from widgets.panels import Panel
from widgets.selection import Selected

BACKEND = "快"
DAY_S = 86400


def test_the_gate_is_shown_refused_while_unmet_then_met_from_the_console_and_decided(
    qtbot, console_as, stepped_backend
):
    desk = console_as("supervisor")
    panel = desk.window.panels[Panel.CASE]
    cases = open_enforcement_cases(stepped_backend)
    newest = max(datetime.fromisoformat(c["filed_at"]).timestamp() for c in cases)
    case = next(
        c
        for c in cases
        if newest - datetime.fromisoformat(c["filed_at"]).timestamp() > 91 * DAY_S
        and c["node"] in NOTHING_TO_DISPOSE
        and owing(c)
        and "applicant_interviewed" in unmet(stepped_backend.get(f"cases/{c['id']}"))
    )
    desk.window.selection.select(Selected(Collection.CASES, BACKEND, case["id"]))
    view = panel.termination
    qtbot.waitUntil(lambda: panel.detail is not None and view.table.rowCount() == 9, timeout=30_000)
    shown_unmet = [
        view.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        for row in range(view.table.rowCount())
        if "Not met" in view.table.item(row, 1).text()
    ]
    assert shown_unmet == unmet(stepped_backend.get(f"cases/{case['id']}"))
    assert "unmet" in panel.tabs.tabText(4)

    terminate = view.actions[Action.TERMINATE]
    assert why_not(terminate).startswith("Not yet:") and "Applicant told and heard" in why_not(terminate)
    notices: list[str] = []
    view.notice.connect(notices.append)
    terminate.trigger()
    assert notices == [why_not(terminate)]
    assert not desk.store.commands.about(BACKEND, Subject(Collection.CASES, case["id"]))  # nothing was sent

    conditions = [view.table.item(row, 0).data(Qt.ItemDataRole.UserRole) for row in range(view.table.rowCount())]
    view.table.selectRow(conditions.index("applicant_interviewed"))
    when_the_dialog_opens(lambda dialog: dialog.note.setText("电话告知申请执行人，同意终本"))
    view.actions[Action.RECORD_ACT].trigger()
    command = settled(qtbot, desk, BACKEND, Action.RECORD_ACT, Subject(Collection.CASES, case["id"]))
    assert command.state == CommandState.DELIVERED, command.last_error
    assert command.body["act"] == "applicant_interview"  # the row picked is the act proposed
    qtbot.waitUntil(lambda: "applicant_interviewed" not in panel.detail.termination.unmet, timeout=30_000)

    meet_what_an_operator_can(stepped_backend, case["id"])
    qtbot.waitUntil(lambda: not panel.detail.termination.unmet and not why_not(terminate), timeout=30_000)
    when_the_dialog_opens(lambda dialog: dialog.note.setText("穷尽财产调查措施，未发现可供执行财产"))
    terminate.trigger()
    command = settled(qtbot, desk, BACKEND, Action.TERMINATE, Subject(Collection.CASES, case["id"]))
    assert command.state == CommandState.DELIVERED, command.last_error
    qtbot.waitUntil(lambda: desk.store.cases.get(BACKEND, case["id"]).status == "closed", timeout=30_000)
    qtbot.waitUntil(lambda: "Terminated (终本) on" in view.summary.text(), timeout=30_000)
    assert "by supervisor" in view.summary.text()
    assert "Only a case whose current enforcement procedure" not in why_not(view.actions[Action.RESUME])


def test_articles_are_cited_as_a_court_writes_them_in_chinese():
    before = QLocale()
    try:
        QLocale.setDefault(QLocale("zh_CN"))
        assert cite("art. 1(1), art. 2(1)") == "第一条第（一）项、第二条第（一）项"
        assert cite("art. 5") == "第五条" and cite("art. 14(12)") == "第十四条第（十二）项"
        assert cite("第五条") == "第五条"  # a backend that cites in Chinese already is left alone
        QLocale.setDefault(QLocale("en"))
        assert cite("art. 1(4)") == "art. 1(4)"
    finally:
        QLocale.setDefault(before)
