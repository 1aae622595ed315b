"""Acknowledge, escalate, resolve: the operator's actions on the escalation picked anywhere.

Each action is a window-wide shortcut (F2, F3, F4) and a button in the escalations panel. It goes
through the outbox with the escalation's version (If-Match), so that an action taken during an
outage is delivered when the backend returns, and one taken on a state that another operator has
already changed is refused rather than overwriting theirs. What the console knows would be refused
answers with the reason instead of acting; what is on its way, or was refused, is said next to the
buttons.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QWidget,
)

from console.commands import Action, Command, CommandState, Subject, Submit
from console.domain import Escalation
from console.handling import ESCALATION_ACTIONS, Refusal, escalation_refusal, is_above
from console.records import Collection
from console.store import Changes
from widgets.answering import offer, why_not, window_action
from widgets.live_store import LiveStore
from widgets.names import escalation_title, name
from widgets.plain_text import PlainLabel
from widgets.selection import Selection
from widgets.style import mark_problem

SHORTCUTS = {Action.ACKNOWLEDGE: "F2", Action.ESCALATE: "F3", Action.RESOLVE: "F4"}
MAX_NOTE = 500


class NoteDialog(QDialog):
    """Asks for the reason of an escalation (and where it goes) or the outcome of a resolution."""

    def __init__(self, action: Action, escalation: Escalation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Escalate {title}") if action is Action.ESCALATE else self.tr("Resolve {title}"))
        self.setWindowTitle(self.windowTitle().format(title=escalation_title(escalation)))
        self._action = action
        form = QFormLayout(self)
        self.target = QComboBox(self)
        self.target.addItem(self.tr("To a supervisor"), "supervisor")
        self.target.addItem(self.tr("To the court above"), "court_above")
        if action is Action.ESCALATE:
            form.addRow(self.tr("Escalate"), self.target)
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText(
            self.tr("Why it goes up, and what has been done")
            if action is Action.ESCALATE
            else self.tr("What was done, and how it ended")
        )
        self.note.setTabChangesFocus(True)
        form.addRow(self.tr("Reason") if action is Action.ESCALATE else self.tr("Outcome"), self.note)
        self.problem = PlainLabel(parent=self)
        mark_problem(self.problem)
        self.problem.hide()
        form.addRow("", self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.note.setFocus()

    def accept(self) -> None:
        text = self.note.toPlainText().strip()
        if not text:
            self.problem.setText(self.tr("Say why: the note goes into the escalation's record."))
        elif len(text) > MAX_NOTE:
            self.problem.setText(self.tr("At most {n} characters, please.").format(n=MAX_NOTE))
        else:
            super().accept()
            return
        self.problem.show()
        self.note.setFocus()

    def body(self) -> dict:
        text = self.note.toPlainText().strip()
        if self._action is Action.ESCALATE:
            return {"to": self.target.currentData(), "reason": text}
        return {"outcome": text}


class EscalationActions(QObject):
    status_changed = Signal(str, bool)
    """(text, is_a_problem): what the operator should know about acting on the picked escalation."""
    notice = Signal(str)
    """Why an action asked for cannot run: for the status bar."""

    def __init__(self, live: LiveStore, submit: Submit, selection: Selection, parent: QWidget) -> None:
        super().__init__(parent)
        self._store = live.store
        self._submit = submit
        self._selection = selection
        self._titles = {
            Action.ACKNOWLEDGE: self.tr("Acknowledge"),
            Action.ESCALATE: self.tr("Escalate…"),
            Action.RESOLVE: self.tr("Resolve…"),
        }
        self.actions: dict[Action, QAction] = {}
        group = QActionGroup(self)
        group.setExclusionPolicy(QActionGroup.ExclusionPolicy.None_)
        group.triggered.connect(self._on_triggered)
        for action in ESCALATION_ACTIONS:
            qaction = window_action(self._titles[action], SHORTCUTS[action], group)
            qaction.setData(action)
            parent.addAction(qaction)
            self.actions[action] = qaction
        live.changed.connect(self._on_changed)
        selection.changed.connect(self._on_selected)
        self.refresh()

    def picked(self) -> tuple[str, Escalation] | None:
        selected = self._selection.current
        if selected is None or selected.kind is not Collection.ESCALATIONS:
            return None
        escalation = self._store.escalations.get(selected.backend, selected.id)
        return None if escalation is None else (selected.backend, escalation)

    def _commands(self, backend: str, escalation_id: str) -> list[Command]:
        return self._store.commands.about(backend, Subject(Collection.ESCALATIONS, escalation_id))

    def _on_selected(self, _: object) -> None:
        self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touched(Collection.ESCALATIONS) or changes.commands or changes.health:
            self.refresh()

    def refresh(self) -> None:
        picked = self.picked()
        if picked is None:
            for action, qaction in self.actions.items():
                why = self.tr("Pick an escalation first (F8 goes to the most urgent one).")
                offer(qaction, self._titles[action], SHORTCUTS[action], why)
            self.status_changed.emit("", False)
            return
        backend, escalation = picked
        health = self._store.health.get(backend)
        user, role, permissions = (health.user, health.role, health.permissions) if health is not None else ("", "", ())
        above = health is not None and is_above(
            lambda court_id: self._store.courts.get(backend, court_id), escalation.court_id, health.court_id
        )
        commands = self._commands(backend, escalation.id)
        pending = [c for c in commands if c.state == CommandState.PENDING]
        reasons = {
            action: escalation_refusal(action, escalation, user, role, permissions, bool(pending), above)
            for action in ESCALATION_ACTIONS
        }
        for action, qaction in self.actions.items():
            why = self._reason_text(reasons[action], backend, escalation, role) if reasons[action] else None
            offer(qaction, self._titles[action], SHORTCUTS[action], why)
        self.status_changed.emit(
            *self._status(backend, escalation, commands, pending, reasons[Action.ACKNOWLEDGE], role)
        )

    def _status(
        self,
        backend: str,
        escalation: Escalation,
        commands: list[Command],
        pending: list[Command],
        refusal: Refusal | None,
        role: str,
    ) -> tuple[str, bool]:
        if pending:
            command = pending[-1]
            text = self.tr("Sending “{summary}”…").format(summary=command.summary)
            if command.last_error:
                text += " " + self.tr("Not delivered yet ({error}); it will be retried.").format(
                    error=command.last_error
                )
            return text, False
        if commands and commands[-1].state == CommandState.REFUSED:
            return self.tr("Refused: {reason}").format(reason=commands[-1].last_error), True
        if refusal in (
            Refusal.READ_ONLY,
            Refusal.OWNED_BY_ANOTHER,
            Refusal.FOR_SUPERVISORS,
            Refusal.FOR_THE_COURT_ABOVE,
            Refusal.NOT_SIGNED_IN,
        ):
            return self._reason_text(refusal, backend, escalation, role), False
        return "", False

    def _reason_text(self, refusal: Refusal, backend: str, escalation: Escalation, role: str) -> str:
        court = self._store.courts.get(backend, escalation.court_id)
        return {
            Refusal.READ_ONLY: self.tr("Signed in as {role}, without the permission to {permission}.").format(
                role=name("role", role), permission=name("permission", "escalation.handle")
            ),
            Refusal.NOT_SIGNED_IN: self.tr("Not signed in to this escalation's backend yet."),
            Refusal.RESOLVED: self.tr("This escalation is resolved."),
            Refusal.OWNED_BY_ANOTHER: self.tr("{owner} owns this escalation: it stays theirs.").format(
                owner=escalation.owner
            ),
            Refusal.FOR_SUPERVISORS: self.tr(
                "This escalation waits for a supervisor: it needs the permission to {permission}."
            ).format(permission=name("permission", "escalation.take")),
            Refusal.FOR_THE_COURT_ABOVE: self.tr(
                "This escalation was sent to the court above {court}: only a supervisor there takes it."
            ).format(court=court.name if court else escalation.court_id),
            Refusal.ALREADY_YOURS: self.tr("You own this escalation already."),
            Refusal.NOT_YOURS: self.tr("Acknowledge it first: only its owner resolves it."),
            Refusal.PENDING: self.tr("An action on it is on its way."),
        }[refusal]

    def _on_triggered(self, qaction: QAction) -> None:
        self.take(qaction.data())

    def take(self, action: Action) -> None:
        """Takes `action` on the picked escalation, asking for its note where one is needed."""
        picked = self.picked()
        if refusal := why_not(self.actions[action]):
            self.notice.emit(refusal)
            return
        if picked is None:
            return
        if action is Action.ACKNOWLEDGE:
            self.submit(action, {"note": ""})
            return
        dialog = NoteDialog(action, picked[1], self.parent())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            if refusal := why_not(self.actions[action]):  # things moved on while the note was written
                self.notice.emit(refusal)
                return
            self.submit(action, dialog.body())

    def submit(self, action: Action, body: dict) -> None:
        """Sends `action` on the picked escalation, at the version the console shows, through the outbox."""
        picked = self.picked()
        if picked is None:
            return
        backend, escalation = picked
        court = self._store.courts.get(backend, escalation.court_id)
        where = court.name if court else escalation.court_id
        summary = self.tr("{action}: {title} ({court})").format(
            action=self._titles[action].replace("&", "").rstrip("…"), title=escalation_title(escalation), court=where
        )
        subject = Subject(Collection.ESCALATIONS, escalation.id)
        self._submit(backend, action, subject, body, summary, if_match=escalation.version)
