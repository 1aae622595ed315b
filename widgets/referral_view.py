"""执转破 and 执行救助 on the case in view. Bankruptcy review of a company respondent that cannot pay
(法发〔2017〕2号): proposed with a party's written consent (Ctrl+Shift+B), transferred on the
president's decision to the court that reviews it (Ctrl+Shift+X), ruled on there (Ctrl+Shift+G).
Judicial relief for an applicant in hardship, listed with each step: applied for (Ctrl+Shift+S),
approved or rejected by another supervisor (Ctrl+Shift+V), paid from the fund (Ctrl+Shift+F).

The backend refuses what the rules do not allow; this view says what it can before anything is
sent. Each action goes through the outbox, like every command.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QTableWidgetItem, QWidget

from console.case_detail import CaseDetail, Relief
from console.casework import Case
from console.commands import Action, Subject, Submit
from console.records import Collection
from console.store import Store
from widgets.action_dialogs import ReferralDialog, ReliefDecisionDialog, ReliefDialog, RulingDialog
from widgets.case_actions import CaseActionsTab
from widgets.case_tables import record_table
from widgets.names import format_date, format_yuan, name

# action → (shortcut, the permission it needs)
ACTIONS = {
    Action.REFER_FOR_BANKRUPTCY: ("Ctrl+Shift+B", "case.refer"),  # B for bankruptcy
    Action.TRANSFER_FOR_BANKRUPTCY: ("Ctrl+Shift+X", "bankruptcy.transfer"),  # X for transfer
    Action.RULE_ON_BANKRUPTCY: ("Ctrl+Shift+G", "case.refer"),
    Action.APPLY_FOR_RELIEF: ("Ctrl+Shift+S", "case.refer"),  # S for support
    Action.APPROVE_RELIEF: ("Ctrl+Shift+V", "funds.pay"),  # V for verdict: approved or rejected
    Action.PAY_RELIEF: ("Ctrl+Shift+F", "funds.pay"),  # F for the fund
}
RELIEF_CAP_YUAN = 306_000  # 36 months of the average wage, as the reference backend takes it


class ReferralView(CaseActionsTab):
    def __init__(self, store: Store, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(store, submit, ACTIONS, parent)
        self._relief: tuple[Relief, ...] = ()
        self.table = record_table(4, 1, self)
        self.lay_out(self.table, [self.tr("Relief"), self.tr("Reason"), self.tr("State"), self.tr("Steps")])
        self.show_case("", None, None)

    # what is shown

    def title(self, action: Action) -> str:
        return {
            Action.REFER_FOR_BANKRUPTCY: self.tr("Propose for &bankruptcy…"),
            Action.TRANSFER_FOR_BANKRUPTCY: self.tr("Trans&fer…"),
            Action.RULE_ON_BANKRUPTCY: self.tr("R&uling…"),
            Action.APPLY_FOR_RELIEF: self.tr("Apply for &relief…"),
            Action.APPROVE_RELIEF: self.tr("&Decide relief…"),
            Action.PAY_RELIEF: self.tr("&Pay relief…"),
        }[action]

    def show_case(self, backend: str, case: Case | None, detail: CaseDetail | None) -> None:
        self.show_detail(backend, case, detail)
        self._relief = (self._detail.relief or ()) if self._detail is not None else ()
        self.table.setRowCount(len(self._relief))
        for row, entry in enumerate(reversed(self._relief)):  # the newest first
            steps = self.tr("; ").join(
                f"{name('relief_state', s.state)} {format_date(s.at)} · {s.by}" for s in entry.history
            )
            for column, text in enumerate(
                (format_yuan(entry.amount, exact=True), entry.reason, name("relief_state", entry.state), steps)
            ):
                cell = QTableWidgetItem(text)
                if column == 0:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, cell)
        self.summary.setText(self._summary())
        self.refresh()

    def _summary(self) -> str:
        if self._case is None:
            return self.tr("Open a case to see its bankruptcy review and relief.")
        if self._detail is None:
            return self.tr("Loading the case's bankruptcy review and relief…")
        referral = self._detail.bankruptcy
        if referral is None:
            if self._case.respondent_type != "company":
                return self.tr("Bankruptcy review is for a company respondent only.")
            return self.tr("Not referred for bankruptcy review.")
        court = self._store.courts.get(self._backend, referral.court_id) if referral.court_id else None
        said = self.tr("Bankruptcy review: {state} (consent of the {party}).").format(
            state=name("referral_state", referral.state), party=name("party", referral.consent)
        )
        if referral.state == "transferred":
            said += " " + self.tr("{court} rules by {date}.").format(
                court=court.name if court else referral.court_id, date=format_date(referral.rule_by)
            )
        return said

    def _pending(self) -> Relief | None:
        return next((r for r in self._relief if r.state in ("applied", "approved")), None)

    # what can be done

    def refresh(self) -> None:
        super().refresh()
        self.warning.setText("")

    def reason_not(self, action: Action) -> str | None:
        case, referral, pending = self._case, self._detail.bankruptcy, self._pending()
        if self._detail.relief is None:
            return self.tr("This backend keeps no record of bankruptcy review or relief.")
        if case.kind == "preservation":
            return self.tr("A property-preservation case carries out its ruling only.")
        if action is Action.REFER_FOR_BANKRUPTCY:
            if case.respondent_type != "company":
                return self.tr("Bankruptcy review is for a company respondent only.")
            if referral is not None and referral.state != "refused":
                return self.tr("Referred already: {state}.").format(state=name("referral_state", referral.state))
            return self._owing(case)
        if action is Action.TRANSFER_FOR_BANKRUPTCY:
            return None if referral is not None and referral.state == "proposed" else self.tr("Propose it first.")
        if action is Action.RULE_ON_BANKRUPTCY:
            transferred = referral is not None and referral.state == "transferred"
            return None if transferred else self.tr("Not waiting for a ruling.")
        if action is Action.APPLY_FOR_RELIEF:
            if pending is not None:
                return self.tr("Relief of {amount} is {state}.").format(
                    amount=format_yuan(pending.amount), state=name("relief_state", pending.state)
                )
            return self._owing(case)
        if action is Action.APPROVE_RELIEF:
            return None if pending is not None and pending.state == "applied" else self.tr("No relief to decide.")
        return None if pending is not None and pending.state == "approved" else self.tr("No approved relief to pay.")

    def _owing(self, case: Case) -> str | None:
        if case.status != "open":
            return self.tr("{case} is closed.").format(case=case.number)
        return None if case.outstanding > 0 else self.tr("The case owes nothing more.")

    def act(self, action: Action) -> None:
        case, pending = self._case, self._pending()
        subject = Subject(Collection.CASES, case.id)
        if action is Action.REFER_FOR_BANKRUPTCY:
            dialog = ReferralDialog(case, self)
        elif action is Action.TRANSFER_FOR_BANKRUPTCY:
            dialog = RulingDialog(case, transfer=True, parent=self)
        elif action is Action.RULE_ON_BANKRUPTCY:
            dialog = RulingDialog(case, transfer=False, parent=self)
        elif action is Action.APPLY_FOR_RELIEF:
            dialog = ReliefDialog(case, min(case.outstanding, RELIEF_CAP_YUAN), self)
        else:
            subject = Subject(Collection.CASES, case.id, pending.id)
            dialog = ReliefDecisionDialog(case, pending.amount, deciding=action is Action.APPROVE_RELIEF, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        body = dialog.body()
        if action is Action.APPROVE_RELIEF and not dialog.approved():
            action = Action.REJECT_RELIEF
        summary = self.tr("{what} for {case}").format(what=name("action", action.name.lower()), case=case.number)
        self._submit(self._backend, action, subject, body, summary)
