"""Directing field work from the picked case or team: dispatch a team (F6), re-task (Shift+F6),
send an instruction (F7), launch an asset query (Ctrl+Shift+A), ask for a 拘传, a fine or a detention (Ctrl+Shift+D).

Every action goes through the outbox, so that it survives an outage and is sent exactly once.
What the backend would refuse (no permission, nothing picked) answers with the reason instead of
acting; what happens to an instruction afterwards (delivered, read) is reported as it happens.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QDialog, QWidget

from console.casework import Case, Task
from console.commands import Action, CommandState, Subject, Submit
from console.records import Collection
from console.store import Changes, Store
from widgets.action_dialogs import CoercionDialog, MessageDialog, QueryDialog
from widgets.answering import offer, why_not, window_action
from widgets.dispatch_dialog import DispatchDialog
from widgets.live_store import LiveStore
from widgets.names import backend_name, name
from widgets.selection import Selection

# action → (shortcut, the permission it needs, what must be picked)
ACTIONS = {
    Action.DISPATCH: ("F6", "task.dispatch", Collection.CASES),
    Action.REASSIGN: ("Shift+F6", "task.dispatch", Collection.TASKS),
    Action.MESSAGE: ("F7", "team.message", Collection.TEAMS),
    # Not Ctrl+Shift+Q: one Shift away from Quit.
    Action.LAUNCH_QUERY: ("Ctrl+Shift+A", "query.launch", Collection.CASES),
    Action.REQUEST_COERCION: ("Ctrl+Shift+D", "coercion.request", Collection.CASES),
}


class FieldActions(QObject):
    notice = Signal(str)
    """Something the operator should read in the status bar: an instruction delivered, read, or why
    an action cannot run."""
    case_search_requested = Signal()
    """An action needs a case: the way forward is the case search."""

    def __init__(
        self,
        live: LiveStore,
        submit: Submit,
        selection: Selection,
        case_in_view: Callable[[], tuple[str, str] | None],
        parent: QWidget,
    ) -> None:
        """`case_in_view`: the case the operator has open (backend, id), which a case action takes
        when what is picked is no case (a team, an escalation without one, nothing)."""
        super().__init__(parent)
        self._store: Store = live.store
        self._submit = submit
        self._selection = selection
        self._case_in_view = case_in_view
        self._sent: dict[str, str] = {}  # command id → the team of an instruction, until its message is known
        self._messages: dict[tuple[str, str], str] = {}  # (backend, message id) → the state last reported
        self._titles = {
            Action.DISPATCH: self.tr("&Dispatch a team…"),
            Action.REASSIGN: self.tr("&Reassign the task…"),
            Action.MESSAGE: self.tr("Send an &instruction…"),
            Action.LAUNCH_QUERY: self.tr("Launch an asset &query…"),
            Action.REQUEST_COERCION: self.tr("Ask for a coercive measure (compelled appearance, fine, de&tention)…"),
        }
        group = QActionGroup(self)
        group.setExclusionPolicy(QActionGroup.ExclusionPolicy.None_)
        group.triggered.connect(self._on_triggered)
        self.actions: dict[Action, QAction] = {}
        for action, (shortcut, _, _) in ACTIONS.items():
            qaction = window_action(self._titles[action], shortcut, group)
            qaction.setData(action)
            self.actions[action] = qaction
        live.changed.connect(self._on_changed)
        selection.changed.connect(self._on_selected)
        self.refresh()

    # what is picked
    def picked_case(self) -> tuple[str, Case] | None:
        selected = self._selection.current
        backend, case_id = (selected.backend, None) if selected is not None else ("", None)
        if selected is not None and selected.kind is Collection.CASES:
            case_id = selected.id
        elif selected is not None and selected.kind in (Collection.ESCALATIONS, Collection.QUERIES):
            item = self._store.rows(selected.kind).get(selected.backend, selected.id)
            case_id = item.case_id if item else None
        if case_id is None and (in_view := self._case_in_view()) is not None:
            backend, case_id = in_view
        case = self._store.cases.get(backend, case_id) if case_id else None
        return None if case is None else (backend, case)

    def picked_team(self) -> tuple[str, str, str] | None:
        """(backend, team id, team name) of the picked team, or of the picked case's open task."""
        selected = self._selection.current
        if selected is not None and selected.kind is Collection.TEAMS:
            team = self._store.teams.get(selected.backend, selected.id)
            return None if team is None else (selected.backend, team.id, team.name)
        task = self.picked_task()
        if task is None:
            return None
        team = self._store.teams.get(task[0], task[1].team_id)
        return None if team is None else (task[0], team.id, team.name)

    def picked_task(self) -> tuple[str, Task] | None:
        """The newest open task of the picked case, or the open task of the picked team."""
        selected = self._selection.current
        if selected is not None and selected.kind is Collection.TEAMS:
            tasks = [t for b, t in self._store.tasks if b == selected.backend and t.team_id == selected.id and t.open]
            return (selected.backend, max(tasks, key=lambda t: t.created_at)) if tasks else None
        picked = self.picked_case()
        if picked is None:
            return None
        backend, case = picked
        tasks = [t for b, t in self._store.tasks if b == backend and t.case_id == case.id and t.open]
        return (backend, max(tasks, key=lambda t: t.created_at)) if tasks else None

    # enabling
    def _on_selected(self, _: object) -> None:
        self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.health or changes.touched(Collection.TASKS) or changes.touched(Collection.CASES):
            self.refresh()
        if changes.commands or changes.touched(Collection.MESSAGES):
            self._report_messages()

    def refresh(self) -> None:
        targets = {
            Collection.CASES: self.picked_case(),
            Collection.TASKS: self.picked_task(),
            Collection.TEAMS: self.picked_team(),
        }
        for action, (shortcut, permission, needs) in ACTIONS.items():
            target = targets[needs]
            why = None
            if target is None:
                why = {
                    Collection.CASES: self.tr("Pick a case first (Ctrl+F finds one by its number or a party)."),
                    Collection.TASKS: self.tr("Pick a case or a team with a task under way first."),
                    Collection.TEAMS: self.tr("Pick a team first (in the teams panel or on the map)."),
                }[needs]
            elif needs is Collection.CASES and target[1].status != "open":
                why = self.tr("{case} is closed: pick an open case.").format(case=target[1].number)
            elif not self._store.may(target[0], permission):
                health = self._store.health.get(target[0])
                why = self.tr("Not allowed as {role} at {backend}: it needs the permission to {permission}.").format(
                    role=name("role", health.role) if health else "?",
                    backend=backend_name(target[0]),
                    permission=name("permission", permission),
                )
            offer(self.actions[action], self._titles[action], shortcut, why)

    # acting
    def _on_triggered(self, qaction: QAction) -> None:
        if refusal := why_not(qaction):
            self.notice.emit(refusal)
            if self.picked_case() is None and ACTIONS[qaction.data()][2] is Collection.CASES:
                self.case_search_requested.emit()
            return
        {
            Action.DISPATCH: self._act_dispatch,
            Action.REASSIGN: self._act_reassign,
            Action.MESSAGE: self._act_message,
            Action.LAUNCH_QUERY: self._act_query,
            Action.REQUEST_COERCION: self._act_coercion,
        }[qaction.data()]()

    def _act_dispatch(self) -> None:
        picked = self.picked_case()
        if picked is None:
            return
        backend, case = picked
        dialog = DispatchDialog(self._store, backend, case, parent=self.parent())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            body = dialog.body()
            self._submit(
                backend,
                Action.DISPATCH,
                Subject(Collection.CASES, case.id),
                body,
                self.tr("Dispatch {team} to {case}: {operation}").format(
                    team=self._team_name(backend, body["team_id"]),
                    case=case.number,
                    operation=name("task", body["kind"]),
                ),
            )

    def _act_reassign(self) -> None:
        task = self.picked_task()
        case = self._store.cases.get(task[0], task[1].case_id) if task else None
        if task is None or case is None:
            return
        backend, current = task
        dialog = DispatchDialog(self._store, backend, case, current, parent=self.parent())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            body = dialog.body()
            self._submit(
                backend,
                Action.REASSIGN,
                Subject(Collection.TASKS, current.id),
                body,
                self.tr("Reassign the task of {case} to {team}").format(
                    case=case.number, team=self._team_name(backend, body["team_id"])
                ),
                if_match=current.version,
            )

    def _team_name(self, backend: str, team_id: str) -> str:
        team = self._store.teams.get(backend, team_id)
        return team.name if team else team_id

    def _act_message(self) -> None:
        picked = self.picked_team()
        if picked is None:
            return
        backend, team_id, team_name = picked
        dialog = MessageDialog(team_name, parent=self.parent())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            command = self._submit(
                backend,
                Action.MESSAGE,
                Subject(Collection.TEAMS, team_id),
                dialog.body(),
                self.tr("Instruction to {team}").format(team=team_name),
            )
            self._sent[command.id] = team_name

    def _act_query(self) -> None:
        picked = self.picked_case()
        if picked is None:
            return
        backend, case = picked
        dialog = QueryDialog(case, parent=self.parent())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._submit(
                backend,
                Action.LAUNCH_QUERY,
                Subject(Collection.CASES, case.id),
                dialog.body(),
                self.tr("Asset query for {case}").format(case=case.number),
            )

    def _act_coercion(self) -> None:
        picked = self.picked_case()
        if picked is None:
            return
        backend, case = picked
        health = self._store.health.get(backend)
        dialog = CoercionDialog(case, health.limits if health else {}, parent=self.parent())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            body = dialog.body()
            self._submit(
                backend,
                Action.REQUEST_COERCION,
                Subject(Collection.CASES, case.id),
                body,
                self.tr("{measure} for {case}: a president's decision asked").format(
                    measure=name("coercion", body["kind"]), case=case.number
                ),
            )

    def _report_messages(self) -> None:
        """Follows each instruction sent from here: delivered, then read, as the team's device says."""
        for command_id, team_name in list(self._sent.items()):
            command = self._store.commands.get(command_id)
            if command is None or command.state == CommandState.PENDING:
                continue
            if command.state == CommandState.REFUSED or not isinstance((command.answer or {}).get("id"), str):
                del self._sent[command_id]
                continue
            message = self._store.messages.get(command.backend, command.answer["id"])
            state = message.state if message else "sent"
            key = (command.backend, command.answer["id"])
            if self._messages.get(key) != state:
                self._messages[key] = state
                self.notice.emit(
                    self.tr("Instruction to {team}: {state}").format(team=team_name, state=name("message_state", state))
                )
            if state == "read":
                del self._sent[command_id]
