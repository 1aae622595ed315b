"""The coercive measures of the case in view (拘传、罚款、拘留, decided by a president): each with
the person and the act it punishes, where it stands, its decision (决定书) number, the task that
carries it out (送拘, by a team with judicial police), the family notice a detention owes within
24 hours (warned when late), and the review at the court above. For the coercion picked in the
list: record the family told (Ctrl+Shift+J, 家), record an application for review (Ctrl+Shift+Y,
议) and, at the court above, decide it (Ctrl+Shift+U). A new one is asked for with Ctrl+Shift+D.

The backend refuses what the law does not allow (a second notice, a review out of time, a review
decided below); this view says the same before anything is sent. Each action goes through the
outbox, like every command.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QTableWidgetItem, QWidget

from console.case_detail import CaseDetail, Coercion
from console.casework import Case
from console.commands import Action, Subject, Submit
from console.records import Collection
from console.store import Store
from widgets.action_dialogs import NoteDialog, ReviewDecisionDialog
from widgets.answering import why_not
from widgets.case_actions import CaseActionsTab
from widgets.case_tables import record_table
from widgets.names import format_yuan, name
from widgets.style import mark_problem

# action → (shortcut, the permission it needs)
ACTIONS = {
    Action.NOTIFY_FAMILY: ("Ctrl+Shift+J", "coercion.request"),  # J for 家属 (jiāshǔ)
    Action.APPLY_FOR_REVIEW: ("Ctrl+Shift+Y", "coercion.request"),  # Y for 复议 (fùyì)
    Action.DECIDE_REVIEW: ("Ctrl+Shift+U", "coercion.decide"),  # U for the court above
}


def _when(at: float) -> str:
    return time.strftime("%m-%d %H:%M", time.localtime(at))


class CoercionView(CaseActionsTab):
    def __init__(self, store: Store, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(store, submit, ACTIONS, parent)
        self._coercions: tuple[Coercion, ...] = ()
        self.table = record_table(7, 2, self)
        self.table.itemSelectionChanged.connect(self.refresh)
        self.lay_out(
            self.table,
            [
                self.tr("Measure"),
                self.tr("Person"),
                self.tr("Act punished"),
                self.tr("State"),
                self.tr("Decision"),
                self.tr("Carried out by"),
                self.tr("Family told"),
            ],
        )
        self.show_case("", None, None)

    # what is shown

    def title(self, action: Action) -> str:
        return {
            Action.NOTIFY_FAMILY: self.tr("Family &told…"),
            Action.APPLY_FOR_REVIEW: self.tr("Review &applied for…"),
            Action.DECIDE_REVIEW: self.tr("Decide the re&view…"),
        }[action]

    def show_case(self, backend: str, case: Case | None, detail: CaseDetail | None) -> None:
        """The coercions of `case` (the freshest the case panel has), from its `detail` once fetched."""
        self.show_detail(backend, case, detail)
        picked = self.picked()
        self._coercions = (self._detail.coercions or ()) if self._detail is not None else ()
        self.table.setRowCount(len(self._coercions))
        for row, c in enumerate(reversed(self._coercions)):  # the newest first
            cells = (
                self._measure(c),
                c.person,
                c.act or c.reason,
                self._state(c),
                c.decision_number,
                self._carried_out(c),
                self._family(c),
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, c.id)
                if column == 2 and c.reason != c.act:
                    cell.setToolTip(self.tr("Grounds: {reason}").format(reason=c.reason))
                self.table.setItem(row, column, cell)
            if picked is not None and c.id == picked.id:
                self.table.selectRow(row)
        self.summary.setText(self._summary())
        self.refresh()

    def _measure(self, c: Coercion) -> str:
        if c.kind == "detention":
            return self.tr("{measure}, %n day(s)", "", c.days or 0).format(measure=name("coercion", c.kind))
        if c.kind == "fine":
            return f"{name('coercion', c.kind)} {format_yuan(c.amount or 0.0)}"
        return name("coercion", c.kind)

    def _state(self, c: Coercion) -> str:
        if c.review is None:
            return name("coercion_state", c.state)
        return f"{name('coercion_state', c.state)} · {name('review_state', c.review.state)}"

    def _carried_out(self, c: Coercion) -> str:
        if c.task_id:
            task = self._store.tasks.get(self._backend, c.task_id)
            team = self._store.teams.get(self._backend, task.team_id) if task is not None else None
            return team.name if team is not None else c.task_id
        if c.kind in ("detention", "compel") and c.state in ("decided", "emergency"):
            return self.tr("Waiting for a team with judicial police")
        return ""

    def _family(self, c: Coercion) -> str:
        if c.family_notified_at is not None:
            return self.tr("Told {when}").format(when=_when(c.family_notified_at))
        if c.family_notice_due is None:
            return ""
        if c.family_notice_overdue:
            return self.tr("Overdue since {when}").format(when=_when(c.family_notice_due))
        return self.tr("By {when}").format(when=_when(c.family_notice_due))

    def overdue(self) -> int:
        """How many families of detained people were not told in time: for the tab's title."""
        return sum(c.family_notice_overdue and c.family_to_tell for c in self._coercions)

    def _summary(self) -> str:
        if self._case is None:
            return self.tr("Open a case to see its coercive measures.")
        if self._detail is None:
            return self.tr("Loading the case's coercive measures…")
        if self._detail.coercions is None:
            return self.tr("This backend keeps no record of coercive measures on a case.")
        if not self._coercions:
            return self.tr("No coercive measure on this case. Ask for one with Ctrl+Shift+D: a president decides.")
        waiting = sum(c.state in ("requested", "emergency") for c in self._coercions)
        return self.tr(
            "%n coercive measure(s); a president's decision awaited on {waiting}.", "", len(self._coercions)
        ).format(waiting=waiting)

    def picked(self) -> Coercion | None:
        items = self.table.selectedItems()
        if not items:
            return None
        wanted = items[0].data(Qt.ItemDataRole.UserRole)
        return next((c for c in self._coercions if c.id == wanted), None)

    # what can be done

    def refresh(self) -> None:
        super().refresh()
        # Beside the buttons: a family still to tell, first of all; else why the family cannot be told now.
        untold = [c for c in self._coercions if c.family_to_tell]
        late = any(c.family_notice_overdue for c in untold)
        if untold:
            first = min(untold, key=lambda c: c.family_notice_due)
            text = self.tr("{person}'s family is to be told by {when} (within 24 hours of the detention).").format(
                person=first.person, when=_when(first.family_notice_due)
            )
        else:
            text = why_not(self.actions[Action.NOTIFY_FAMILY]) if self._coercions else ""
        self.warning.setText(text)
        mark_problem(self.warning, late)

    def reason_not(self, action: Action) -> str | None:
        if self._detail.coercions is None:
            return self.tr("This backend keeps no record of coercive measures on a case.")
        c = self.picked()
        if c is None:
            return self.tr("Pick a coercive measure in the list first.")
        if action is Action.NOTIFY_FAMILY:
            if c.family_notified_at is not None:
                return self.tr("The family was told {when}.").format(when=_when(c.family_notified_at))
            return None if c.family_to_tell else self.tr("No one is detained by it: there is no family to tell.")
        if action is Action.APPLY_FOR_REVIEW:
            if c.review is not None:
                return self.tr("Already reviewed once: {state}.").format(state=name("review_state", c.review.state))
            if c.review_open_until is None:
                return self.tr("Only a decided fine or detention is reviewed.")
            if time.time() > c.review_open_until:
                return self.tr("Too late: a review was to be applied for by {when}, 3 days from the decision.").format(
                    when=_when(c.review_open_until)
                )
            return None
        if c.review is None or c.review.state != "requested":
            return self.tr("No review of it is waiting for a decision.")
        court = self._store.courts.get(self._backend, self._case.court_id)
        health = self._store.health.get(self._backend)
        if court is not None and health is not None and health.court_id and health.court_id != court.parent_id:
            above = self._store.courts.get(self._backend, court.parent_id or "")
            return self.tr("Only the court above decides a review: {court}.").format(
                court=above.name if above else court.parent_id
            )
        return None

    def act(self, action: Action) -> None:
        case, c = self._case, self.picked()
        subject = Subject(Collection.CASES, case.id, c.id)
        what = f"{self._measure(c)} · {c.person}"
        if action is Action.DECIDE_REVIEW:
            dialog = ReviewDecisionDialog(f"{c.decision_number} · {what}", self)
        elif action is Action.NOTIFY_FAMILY:
            dialog = NoteDialog(
                self.tr("The family told"),
                self.tr("How, and whom"),
                self.tr("e.g. By telephone to his wife, 13:20"),
                self.tr("Record"),
                self,
            )
        else:
            dialog = NoteDialog(
                self.tr("Review applied for"),
                self.tr("Application"),
                self.tr("e.g. Applied in writing on receiving the decision"),
                self.tr("Record"),
                self,
            )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        summary = {
            Action.NOTIFY_FAMILY: self.tr("Family told: {what} ({case})"),
            Action.APPLY_FOR_REVIEW: self.tr("Review applied for: {what} ({case})"),
            Action.DECIDE_REVIEW: self.tr("Review decided: {what} ({case})"),
        }[action].format(what=what, case=case.number)
        self._submit(self._backend, action, subject, dialog.body(), summary)
