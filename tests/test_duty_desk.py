"""A shift at the duty desk, driven with the keys an operator presses: every action answers (why it
cannot run, that it was sent, then done), F8 goes to what waits on this operator, Ctrl+F finds a
case from anywhere as one types, and quitting with work open asks first."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from console.commands import Action, Subject
from console.domain import EscalationState
from console.handling import urgency
from console.records import Collection
from tests.support.consoles import pick_open, step, step_until
from tests.support.dialogs import when_the_dialog_opens
from widgets.answering import ActionButton, why_not
from widgets.escalations_panel import TITLE_EMS, EscalationsModel
from widgets.names import escalation_title
from widgets.panels import Panel
from widgets.selection import Selected
from widgets.teams_panel import TeamsModel


def status(console) -> str:
    return console.window.statusBar().currentMessage()


def press(qtbot, console, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """Presses `key` where the operator's focus is: the escalation queue, as at a desk."""
    view = console.window.panels[Panel.ESCALATIONS].view
    console.window.activateWindow()
    view.setFocus()
    qtbot.keyClick(view, key, modifier)


def test_an_action_with_nothing_picked_says_why_and_opens_the_search(qtbot, desk):
    desk.window.selection.select(None)
    dispatch = desk.window.field_actions.actions[Action.DISPATCH]
    assert "Pick a case first" in dispatch.text() and "Pick a case first" in dispatch.statusTip()
    press(qtbot, desk, Qt.Key.Key_F6)
    assert "Pick a case first" in status(desk)
    qtbot.waitUntil(desk.window.panels[Panel.MAP].search.hasFocus, timeout=5_000)
    press(qtbot, desk, Qt.Key.Key_F2)
    assert "Pick an escalation first" in status(desk) and "F8" in status(desk)


def test_escape_clears_the_selection_and_a_closed_case_is_not_dispatched_to(qtbot, desk):
    backend, closed = next((b, c) for b, c in desk.store.cases if c.status == "closed")
    desk.window.selection.select(Selected(Collection.CASES, backend, closed.id))
    press(qtbot, desk, Qt.Key.Key_F6)
    assert "is closed" in status(desk) and QApplication.activeModalWidget() is None
    press(qtbot, desk, Qt.Key.Key_Escape)
    assert desk.window.selection.current is None


def test_ctrl_f_from_anywhere_lists_the_cases_as_one_types(qtbot, desk):
    panel = desk.window.panels[Panel.MAP]
    # A court's code (the digits after 川): several cases share it; the high court's 川执 has none.
    code = next(c for _, case in desk.store.cases if (c := case.number.split("川")[1][:4]).isdigit())
    press(qtbot, desk, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(panel.search.hasFocus, timeout=5_000)
    qtbot.keyClicks(panel.search, code)  # no Enter: the matches come as one types
    qtbot.waitUntil(lambda: panel.matches.completer.popup().isVisible(), timeout=5_000)
    assert panel.matches.completer.completionModel().rowCount() > 1
    assert all(code in match.name for match in panel.matches.found if match.kind is Collection.CASES)
    assert "match" in panel.search_message.text()
    assert desk.window.selection.current is None or desk.window.selection.current.kind is not Collection.CASES
    case_box = desk.window.panels[Panel.CASE]  # the case panel's box finds them the same way
    qtbot.keyClicks(case_box.search, code)
    qtbot.waitUntil(lambda: case_box.matches.completer.popup().isVisible(), timeout=5_000)
    assert case_box.matches.found and all(match.kind is Collection.CASES for match in case_box.matches.found)


def test_f2_on_an_escalation_another_operator_owns_says_whose_and_changes_nothing(qtbot, desk, stepped_backend):
    backend, escalation = pick_open(qtbot, desk, stepped_backend)
    taken = stepped_backend.command(
        f"escalations/{escalation.id}/acknowledge", {"note": ""}, username="operator2", version=escalation.version
    )
    assert taken.status_code == 200, taken.text
    qtbot.waitUntil(lambda: desk.store.escalations.get(backend, escalation.id).owner == "operator2", timeout=30_000)
    press(qtbot, desk, Qt.Key.Key_F2)
    assert "operator2 owns this escalation" in status(desk)
    assert desk.store.commands.about(backend, Subject(Collection.ESCALATIONS, escalation.id)) == []
    assert desk.window.selection.current == Selected(Collection.ESCALATIONS, backend, escalation.id)


def test_f8_goes_to_the_most_urgent_escalation_that_waits_on_this_operator(qtbot, desk, stepped_backend):
    store = desk.store

    def unowned() -> list:
        return [(b, e) for b, e in store.escalations if e.state == EscalationState.OPEN and e.owner is None]

    step_until(qtbot, desk, stepped_backend, lambda: len(unowned()) >= 3)
    backend, taken = unowned()[0]
    answer = stepped_backend.command(
        f"escalations/{taken.id}/acknowledge", {"note": ""}, username="operator2", version=taken.version
    )
    assert answer.status_code == 200, answer.text
    qtbot.waitUntil(lambda: store.escalations.get(backend, taken.id).owner == "operator2", timeout=30_000)
    waiting = sorted((e for _, e in unowned()), key=urgency)
    desk.window.selection.select(None)
    picked = []
    for _ in waiting:
        press(qtbot, desk, Qt.Key.Key_F8)
        picked.append(desk.window.selection.current.id)
    assert picked == [e.id for e in waiting]  # severity first, then the nearest deadline, never operator2's
    press(qtbot, desk, Qt.Key.Key_F8)
    assert desk.window.selection.current.id == waiting[0].id  # and round again


def buttons(console) -> dict[str, bool]:
    """The escalation panel's buttons, by their text, and whether each can be pressed."""
    panel = console.window.panels[Panel.ESCALATIONS]
    return {button.text(): button.isEnabled() for button in panel.findChildren(ActionButton)}


def test_an_action_says_it_was_sent_then_done_and_the_selection_stays(qtbot, desk, stepped_backend):
    desk.window.selection.select(None)
    assert buttons(desk) == {"Acknowledge": False, "Escalate…": False, "Resolve…": False, "Next to do": True}
    backend, escalation = pick_open(qtbot, desk, stepped_backend)
    assert buttons(desk)["Acknowledge"] and not buttons(desk)["Resolve…"]  # the button says what the key does
    press(qtbot, desk, Qt.Key.Key_F2)
    assert "Sent to" in status(desk)
    qtbot.waitUntil(lambda: "Done at" in status(desk), timeout=30_000)
    assert escalation_title(escalation) in status(desk)  # in the console's language
    assert desk.window.selection.current == Selected(Collection.ESCALATIONS, backend, escalation.id)
    assert why_not(desk.window.panels[Panel.ESCALATIONS].actions.actions[Action.ACKNOWLEDGE])


def test_quitting_with_escalations_open_asks_first_and_staying_keeps_the_console(qtbot, desk, stepped_backend):
    step_until(qtbot, desk, stepped_backend, desk.window.what_is_open)
    asked = {}

    def stay(box) -> None:
        assert isinstance(box, QMessageBox)
        asked["text"] = box.text()
        box.reject()  # Escape, or Enter on the default button: stay

    when_the_dialog_opens(stay)
    press(qtbot, desk, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert "P1/P2" in asked["text"] and desk.window.isVisible()


def language_action(window, title: str):
    menus = [a.menu() for a in window.menuBar().actions() if a.menu()]
    return next(
        a for menu in menus for sub in menu.actions() if sub.menu() for a in sub.menu().actions() if a.text() == title
    )


def test_switching_language_keeps_zoom_selection_filters_and_searches(qtbot, desk):
    window = desk.window
    backend, team = desk.store.teams[5]
    window.selection.select(Selected(Collection.TEAMS, backend, team.id))
    map_panel, teams = window.panels[Panel.MAP], window.panels[Panel.TEAMS]
    map_panel.centre_on(104.0, 30.6, 0.002)
    (x0, x1), (y0, y1) = map_panel.view_box.viewRange()
    map_panel.search.setText("0104")
    teams.search.setText("一组")
    next(iter(teams.chips.buttons.values())).setChecked(True)
    window.panels[Panel.ESCALATIONS].show_resolved.setChecked(True)
    language_action(window, "中文").trigger()
    qtbot.waitUntil(lambda: desk.window is not window and desk.window.isVisible(), timeout=10_000)
    again = desk.window
    assert again.windowTitle() == "执行指挥中心"
    assert again.selection.current == Selected(Collection.TEAMS, backend, team.id)
    map_panel, teams = again.panels[Panel.MAP], again.panels[Panel.TEAMS]

    def as_it_was() -> bool:  # the same place, at the same zoom (a toolbar of another height aside)
        (a0, a1), (b0, b1) = map_panel.view_box.viewRange()
        return (
            math.isclose((a0 + a1) / 2, (x0 + x1) / 2, abs_tol=(x1 - x0) / 50)
            and math.isclose((b0 + b1) / 2, (y0 + y1) / 2, abs_tol=(y1 - y0) / 50)
            and math.isclose(b1 - b0, y1 - y0, rel_tol=0.05)
        )

    qtbot.waitUntil(as_it_was, timeout=5_000)
    assert map_panel.search.text() == "0104" and teams.search.text() == "一组"
    assert next(iter(teams.chips.buttons.values())).isChecked()
    assert again.panels[Panel.ESCALATIONS].show_resolved.isChecked()
    language_action(again, "English").trigger()


def test_on_the_video_wall_escalation_titles_get_the_width_and_columns_fit_their_content(qtbot, desk, stepped_backend):
    window = desk.window
    window.resize(1920, 1080)
    window.use_layout("wall")
    step_until(qtbot, desk, stepped_backend, lambda: window.panels[Panel.ESCALATIONS].queue.rowCount() >= 2)
    view = window.panels[Panel.ESCALATIONS].view
    em = view.fontMetrics().horizontalAdvance("M")
    # The title keeps its width; the columns that can give way (age, court, owner) do, in that order.
    qtbot.waitUntil(lambda: view.columnWidth(EscalationsModel.TITLE) >= TITLE_EMS * em, timeout=5_000)
    qtbot.waitUntil(
        lambda: view.isColumnHidden(EscalationsModel.AGE), timeout=5_000
    )  # the wall's large type: it gave way
    window.use_layout("duty")
    qtbot.waitUntil(lambda: not view.isColumnHidden(EscalationsModel.AGE), timeout=5_000)  # room again: back
    em = view.fontMetrics().horizontalAdvance("M")
    assert view.columnWidth(EscalationsModel.TITLE) >= TITLE_EMS * em
    window.use_layout("wall")
    teams = window.panels[Panel.TEAMS].view
    widths = [teams.columnWidth(column) for column in range(teams.model().columnCount())]
    longest = max(teams.fontMetrics().horizontalAdvance(team.name[-4:]) for _, team in desk.store.teams)
    assert widths[0] >= longest  # the team's name (its last characters: 执行一组) whole
    step(qtbot, desk, stepped_backend, 30)
    fitted = [c for c in range(len(widths)) if not teams.isColumnHidden(c) and c != TeamsModel.COURT]  # not the stretch
    assert all(teams.columnWidth(c) >= widths[c] for c in fitted)  # rows arrived: no column narrowed
    window.use_layout("duty")
