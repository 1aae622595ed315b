"""The case detail panel on a live backend: it follows the shared selection, draws the case's place
in the 37 nodes as the backend tells it, keeps its tasks, queries and audit trail current, opens a
case by number, and shows what goes wrong instead of raising it."""

from __future__ import annotations

import subprocess
import sys
import time

import requests
from PySide6.QtCore import Qt

from console.catalogue import NODES
from console.records import Collection
from tests.support.consoles import step_until
from tests.support.dialogs import when_the_dialog_opens
from widgets.audit_export import AuditExportDialog
from widgets.case_panel import shown_objects
from widgets.panels import Panel
from widgets.queries_model import QueriesModel
from widgets.selection import Selected

BACKEND = "快"  # the fast console's profile


def open_cases(store, **wanted) -> list:
    return [
        case
        for backend, case in store.cases
        if backend == BACKEND and case.status == "open" and all(getattr(case, k) == v for k, v in wanted.items())
    ]


def test_a_selected_case_shows_its_number_and_its_place_in_the_flow_as_the_backend_says(qtbot, desk, stepped_backend):
    panel = desk.window.panels[Panel.CASE]
    case = open_cases(desk.store, overdue=True)[0]
    desk.window.selection.select(Selected(Collection.CASES, BACKEND, case.id))
    assert panel.header.number.text() == case.number
    assert "current" in panel.flow.marks(case.node)

    def agrees_with_the_backend() -> bool:
        answer = stepped_backend.get(f"cases/{case.id}")
        return (
            panel.detail is not None
            and panel.flow.current == answer["node"]
            and [(v.node, v.overdue) for v in panel.flow.history]
            == [(v["node"], v["overdue"]) for v in answer["history"]]
        )

    qtbot.waitUntil(agrees_with_the_backend, timeout=30_000)
    assert panel.flow.marks(panel.flow.current) >= {"current", "visited"}
    assert not panel.status.isVisible()
    # A node is marked overdue when a visit to it was late (the current one also when the case is late there).
    late = {v.node for v in panel.flow.history if v.overdue}
    assert late, "an overdue case has at least one overdue visit"
    for node in NODES:
        if node != panel.flow.current:
            assert ("overdue" in panel.flow.marks(node)) == (node in late), node
            assert ("visited" in panel.flow.marks(node)) == any(v.node == node for v in panel.flow.history), node
    untouched = next(node for node in NODES if not panel.flow.marks(node))
    assert "Not visited" in panel.flow.tooltip(untouched)
    assert "overdue" in panel.flow.tooltip(sorted(late)[0])


def test_an_escalation_or_a_query_that_names_a_case_shows_that_case(qtbot, desk, stepped_backend):
    panel, store = desk.window.panels[Panel.CASE], desk.store
    step_until(qtbot, desk, stepped_backend, lambda: any(e.case_id for _, e in store.escalations))
    escalation = next(e for _, e in store.escalations if e.case_id)
    desk.window.selection.select(Selected(Collection.ESCALATIONS, BACKEND, escalation.id))
    assert panel.shown == (BACKEND, escalation.case_id)
    assert panel.header.number.text() == store.cases.get(BACKEND, escalation.case_id).number
    other = next(c for c in open_cases(store) if c.id != escalation.case_id)
    launched = stepped_backend.command("queries", {"case_id": other.id, "channel": "national", "categories": ["bank"]})
    assert launched.status_code == 201, launched.text
    qtbot.waitUntil(lambda: store.queries.get(BACKEND, launched.json()["id"]) is not None, timeout=30_000)
    query = store.queries.get(BACKEND, launched.json()["id"])
    desk.window.selection.select(Selected(Collection.QUERIES, BACKEND, query.id))
    assert panel.shown == (BACKEND, query.case_id)
    assert query.id in {q.id for q in shown_objects(panel.queries)}
    # A team picked on the map leaves the case in view.
    team_backend, team = store.teams[0]
    desk.window.selection.select(Selected(Collection.TEAMS, team_backend, team.id))
    assert panel.shown == (BACKEND, query.case_id)
    qtbot.waitUntil(lambda: panel.detail is not None and panel.detail.case.id == query.case_id, timeout=30_000)


def test_a_command_on_the_case_shows_in_its_queries_and_its_audit_trail(qtbot, desk, stepped_backend):
    panel = desk.window.panels[Panel.CASE]
    case = next(c for c in open_cases(desk.store) if not any(q.case_id == c.id for _, q in desk.store.queries))
    desk.window.selection.select(Selected(Collection.CASES, BACKEND, case.id))
    qtbot.waitUntil(lambda: panel.detail is not None, timeout=30_000)
    assert panel.queries.rowCount() == 0
    launched = stepped_backend.command("queries", {"case_id": case.id, "channel": "national", "categories": ["bank"]})
    assert launched.status_code == 201, launched.text
    query_id = launched.json()["id"]
    qtbot.waitUntil(lambda: [q.id for q in shown_objects(panel.queries)] == [query_id], timeout=30_000)
    assert panel.tabs.tabText(1).endswith("(1)")
    progress = panel.queries.index(0, QueriesModel.PROGRESS).data()
    assert progress.endswith(f"/{len(shown_objects(panel.queries)[0].results)}")

    def audited() -> bool:
        return any(e.object_id == query_id and e.action == "launch_query" for e in panel.audit.entries)

    qtbot.waitUntil(audited, timeout=30_000)
    row = next(r for r, e in enumerate(panel.audit.entries) if e.object_id == query_id)
    assert panel.audit.index(row, panel.audit.ACTOR).data() == "operator"
    assert panel.audit.index(row, panel.audit.DETAIL).data()  # what was asked, in words


def test_the_search_field_opens_a_case_by_its_number_and_says_when_none_matches(qtbot, desk, stepped_backend):
    panel, selection = desk.window.panels[Panel.CASE], desk.window.selection
    first, second = open_cases(desk.store)[:2]
    panel.search.setText(first.number.replace("（", "(").replace("）", ")"))  # as typed on an ASCII keyboard
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert panel.shown == (BACKEND, first.id)
    assert selection.current == Selected(Collection.CASES, BACKEND, first.id)
    assert panel.search_message.text() == ""
    unique_part = next(
        part
        for part in (second.number[i : i + 9] for i in range(len(second.number) - 8))
        if sum(part in c.number for _, c in desk.store.cases) == 1
    )
    panel.search.setText(unique_part)
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert panel.shown == (BACKEND, second.id)
    panel.search.setText("（1999）京执99999号")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert "1999" in panel.search_message.text()
    assert panel.shown == (BACKEND, second.id)
    panel.search.setText("执")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert panel.search_message.text() and panel.shown == (BACKEND, second.id)


def test_a_failed_fetch_is_shown_in_the_panel(qtbot, desk, stepped_backend):
    panel = desk.window.panels[Panel.CASE]
    desk.window.selection.select(Selected(Collection.CASES, BACKEND, "no-such-case"))
    qtbot.waitUntil(lambda: "404" in panel.status.text(), timeout=30_000)
    assert panel.status.isVisible()
    assert panel.header.number.text() == "no-such-case"
    assert panel.audit.rowCount() == 0
    desk.window.selection.select(Selected(Collection.CASES, "elsewhere", "c1"))
    assert "not connected" in panel.status.text()
    # A late answer for the case before is not shown over this one.
    case = open_cases(desk.store)[0]
    desk.window.selection.select(Selected(Collection.CASES, BACKEND, case.id))
    desk.window.selection.select(Selected(Collection.CASES, BACKEND, "no-such-case"))
    qtbot.waitUntil(lambda: "404" in panel.status.text(), timeout=30_000)
    assert panel.detail is None


def test_the_case_shows_its_parties_masked_reveals_one_for_a_reason_and_exports_a_verifiable_audit(
    qtbot, desk, stepped_backend, tmp_path
):
    panel = desk.window.panels[Panel.CASE]
    case = open_cases(desk.store)[3]
    desk.window.selection.select(Selected(Collection.CASES, BACKEND, case.id))
    qtbot.waitUntil(lambda: panel.detail is not None and panel.parties.rowCount() == 2, timeout=30_000)
    respondent = panel.parties.parties[1]
    assert respondent.role == "respondent" and "*" in respondent.id_number + respondent.phone
    assert panel.audit_state.text().startswith("Audit verified to entry")
    assert not panel.reveal_button.isEnabled() and "Parties tab" in panel.reveal_button.toolTip()

    panel.party_view.selectRow(1)
    assert panel.reveal_button.isEnabled()

    def give_no_reason_then_one(dialog):
        dialog.accept()  # refused: the reason is required, and said next to the field
        assert dialog.isVisible() and "reason" in dialog.problem.text()
        dialog.reason.setText("核实送达地址")

    when_the_dialog_opens(give_no_reason_then_one)
    panel.reveal_button.click()
    qtbot.waitUntil(lambda: panel.revealed is not None and panel.revealed.isVisible(), timeout=30_000)
    shown = panel.revealed.text()
    assert respondent.id_number[-4:] in shown and "*" not in shown
    panel.revealed.close()

    def revealed_in_the_trail() -> bool:
        return any(e.action == "reveal" and e.request == {"reason": "核实送达地址"} for e in panel.audit.entries)

    panel._moved_on()
    qtbot.waitUntil(revealed_in_the_trail, timeout=30_000)
    export = tmp_path / "audit.jsonl"
    panel.export_audit(export)
    checked = subprocess.run(
        [sys.executable, "-m", "court_backend", "audit", "verify", "--file", str(export)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert checked.returncode == 0 and checked.stdout.startswith(f"ok {len(panel.detail.audit_records)} entries")


def test_an_observer_cannot_reveal_and_is_told_which_permission_it_lacks(qtbot, console_as, stepped_backend):
    watcher = console_as("observer")
    panel = watcher.window.panels[Panel.CASE]
    qtbot.waitUntil(lambda: len(open_cases(watcher.store)) > 0, timeout=30_000)
    watcher.window.selection.select(Selected(Collection.CASES, BACKEND, open_cases(watcher.store)[0].id))
    qtbot.waitUntil(lambda: panel.detail is not None, timeout=30_000)
    panel.party_view.selectRow(0)
    assert not panel.reveal_button.isEnabled()
    assert "reveal parties' personal data" in panel.reveal_button.toolTip()

    # Tried anyway, past the console: the backend refuses, and the case's trail shows the refusal.
    case_id = panel.detail.case.id
    refused = requests.post(
        stepped_backend.api(f"cases/{case_id}/parties/applicant/reveal"),
        json={"reason": "好奇"},
        headers=stepped_backend.auth("observer"),
        timeout=10,
    )
    assert refused.status_code == 403
    panel._moved_on()
    qtbot.waitUntil(lambda: any(e.outcome == "forbidden" for e in panel.audit.entries), timeout=30_000)
    row = next(r for r, e in enumerate(panel.audit.entries) if e.outcome == "forbidden")
    assert panel.audit.index(row, panel.audit.ACTION).data().startswith("Refused (forbidden)")


def test_a_time_range_of_the_audit_log_is_exported_and_verifies_offline(qtbot, desk, stepped_backend, tmp_path):
    assert stepped_backend.command("teams/T0001/messages", {"text": "收队"}).status_code == 201
    said: list[str] = []
    desk.window.audit_export.done.connect(said.append)
    export = tmp_path / "shift.jsonl"
    desk.window.audit_export.export(BACKEND, 0, time.time() + 10 * 365 * 86400, export)
    qtbot.waitUntil(lambda: said and "written" in said[-1], timeout=30_000)
    checked = subprocess.run(
        [sys.executable, "-m", "court_backend", "audit", "verify", "--file", str(export)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    entries = len(export.read_text(encoding="utf-8").splitlines()) - 1
    assert entries > 1 and checked.returncode == 0 and checked.stdout.strip() == f"ok {entries} entries"

    dialog = AuditExportDialog([BACKEND], desk.window)
    dialog.since.setDateTime(dialog.until.dateTime().addSecs(60))
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "ends before it starts" in dialog.problem.text()
