"""The disposal of property on the case in view (财产处置, 法释〔2016〕18号): each item, how it was
valued (询价 or 评估, never the registry), its auctions, its sale or its taking in payment, what it
realised on the case and the least reserve of its next round. Record a valuation (Ctrl+Shift+I, for
inquiry) and, for the picked item, its next round (Ctrl+Shift+O, for outcome).

The backend refuses what the rules do not allow (a round out of order, a reserve below the least,
a price below the reserve); this view says what it can before anything is sent. Each action goes
through the outbox, like every command.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QTableWidgetItem, QWidget

from console.case_detail import NEXT_ROUNDS, CaseDetail, Disposal, DisposalRound
from console.casework import Case
from console.commands import Action, Subject, Submit
from console.records import Collection
from console.store import Store
from widgets.action_dialogs import DisposalRoundDialog, ValuationDialog
from widgets.case_actions import CaseActionsTab
from widgets.case_tables import record_table
from widgets.names import format_date, format_yuan, name

# action → (shortcut, the permission it needs)
ACTIONS = {
    Action.VALUE_PROPERTY: ("Ctrl+Shift+I", "measure.order"),
    Action.RECORD_DISPOSAL_ROUND: ("Ctrl+Shift+O", "measure.order"),
}
ITEM, VALUED, ROUNDS, STATE, PROCEEDS, NEXT = range(6)


class DisposalView(CaseActionsTab):
    def __init__(self, store: Store, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(store, submit, ACTIONS, parent)
        self._disposals: tuple[Disposal, ...] = ()
        self.table = record_table(6, ITEM, self)
        self.table.itemSelectionChanged.connect(self.refresh)
        self.lay_out(
            self.table,
            [
                self.tr("Item"),
                self.tr("Valued"),
                self.tr("Rounds"),
                self.tr("State"),
                self.tr("Realised"),
                self.tr("Next reserve"),
            ],
        )
        self.show_case("", None, None)

    # what is shown

    def title(self, action: Action) -> str:
        return {
            Action.VALUE_PROPERTY: self.tr("Record a &valuation…"),
            Action.RECORD_DISPOSAL_ROUND: self.tr("Record an &auction or sale…"),
        }[action]

    def show_case(self, backend: str, case: Case | None, detail: CaseDetail | None) -> None:
        """The disposals of `case` (the freshest the case panel has), from its `detail` once fetched."""
        self.show_detail(backend, case, detail)
        picked = self.picked()
        self._disposals = (self._detail.disposals or ()) if self._detail is not None else ()
        self.table.setRowCount(len(self._disposals))
        for row, disposal in enumerate(reversed(self._disposals)):  # the newest first
            rounds = [self._round(r) for r in disposal.rounds]
            cells = (
                f"{name('property', disposal.asset)} · {disposal.item}",
                f"{format_yuan(disposal.value)} · {name('valuation', disposal.method)}",
                self.tr("; ").join(rounds),
                name("disposal_state", disposal.state),
                "" if disposal.proceeds is None else format_yuan(disposal.proceeds, exact=True),
                "" if disposal.next_least_reserve is None else format_yuan(disposal.next_least_reserve, exact=True),
            )
            tips = {
                VALUED: self.tr("Report {report}, {when} · {by}").format(
                    report=disposal.report, when=format_date(disposal.history[0].at), by=disposal.history[0].by
                ),
                ROUNDS: "\n".join(
                    f"{line} · {format_date(r.at)} · {r.by}" for line, r in zip(rounds, disposal.rounds, strict=True)
                ),
                NEXT: self.tr("The least reserve of its next auction, or a sale's least price"),
            }
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, disposal.id)
                cell.setToolTip(tips.get(column, text))
                if column in (PROCEEDS, NEXT):
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, cell)
            if picked is not None and disposal.id == picked.id:
                self.table.selectRow(row)
        self.summary.setText(self._summary())
        self.refresh()

    def _round(self, step: DisposalRound) -> str:
        kind = name("disposal_round", step.kind)
        if step.price is None:
            return self.tr("{round} at {reserve}: not sold").format(round=kind, reserve=format_yuan(step.reserve))
        return self.tr("{round} at {reserve}: {price}").format(
            round=kind, reserve=format_yuan(step.reserve), price=format_yuan(step.price)
        )

    def _summary(self) -> str:
        if self._case is None:
            return self.tr("Open a case to see the property it sells.")
        if self._detail is None:
            return self.tr("Loading the case's disposals…")
        if self._detail.disposals is None:
            return self.tr("This backend keeps no record of property sold on a case.")
        if not self._disposals:
            return self.tr("Nothing valued or sold on {case}.").format(case=self._case.number)
        realised = sum(d.proceeds or 0.0 for d in self._disposals)
        return self.tr("%n item(s) being sold; realised so far: {realised}.", "", self.under_way()).format(
            realised=format_yuan(realised, exact=True)
        )

    def picked(self) -> Disposal | None:
        items = self.table.selectedItems()
        if not items:
            return None
        wanted = items[0].data(Qt.ItemDataRole.UserRole)
        return next((d for d in self._disposals if d.id == wanted), None)

    # what can be done

    def reason_not(self, action: Action) -> str | None:
        case = self._case
        if self._detail.disposals is None:
            return self.tr("This backend keeps no record of property sold on a case.")
        if case.kind == "preservation":
            return self.tr("A property-preservation case carries out its ruling only: nothing is sold.")
        if case.status != "open":
            return self.tr("{case} is closed.").format(case=case.number)
        if action is Action.RECORD_DISPOSAL_ROUND:
            disposal = self.picked()
            if disposal is None:
                return self.tr("Pick an item in the list first.")
            if disposal.ended:
                return self.tr("That item's disposal has ended.")
        return None

    def act(self, action: Action) -> None:
        case = self._case
        if action is Action.VALUE_PROPERTY:
            dialog = ValuationDialog(case, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            body = dialog.body()
            subject = Subject(Collection.CASES, case.id)
            summary = self.tr("Valuation of {item} for {case}").format(item=body["item"], case=case.number)
        else:
            disposal = self.picked()
            dialog = DisposalRoundDialog(disposal, list(NEXT_ROUNDS[disposal.state]), self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            body = dialog.body()
            subject = Subject(Collection.CASES, case.id, disposal.id)
            summary = self.tr("{round} of {item} for {case}").format(
                round=name("disposal_round", body["kind"]), item=disposal.item, case=case.number
            )
        self._submit(self._backend, action, subject, body, summary)

    def under_way(self) -> int:
        """How many items are being sold: for the tab's title."""
        return sum(not d.ended for d in self._disposals)
