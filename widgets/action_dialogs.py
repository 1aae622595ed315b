"""The small forms behind the field actions: an asset query for a case, a measure on a hit and its
renewal, money received into a case's account or paid out of it, a coercive measure to be decided
and the steps after (the family told, a review applied for and decided), an instruction to a team,
a reason to reveal a party's personal data, an act recorded for the 终本 gate, 终本 or 恢复执行
decided, property valued and sold. Each says what is wrong next to the field, and keeps the dialog
open until it is right."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from console.case_detail import PROPERTY, VALUATION_METHODS, Disposal
from console.casework import (
    FINE_ORGANISATION_YUAN,
    MAX_DETENTION_DAYS,
    MAX_FINE_PERSON_YUAN,
    SETTLED_WITHOUT_EFFECT,
    Case,
    Measure,
    Query,
    already_ordered,
    deducting,
    frozen,
)
from console.catalogue import CATEGORIES, CHANNELS
from console.commands import Action, Subject
from console.findings import RECORDED_BY_HAND, SITUATIONS
from console.records import Collection
from widgets.names import format_date, format_yuan, name
from widgets.plain_text import PlainLabel
from widgets.style import mark_problem

MAX_MESSAGE = 500
REVEAL_WIDTH = 480  # the reason's field and the note on the audit, unwrapped
DEFAULT_SUPERVISION_DAYS = 7  # a 督办's deadline, unless changed


class _Form(QDialog):
    """A form with a problem line above its OK and Cancel."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        self.problem = PlainLabel(parent=self)
        mark_problem(self.problem)
        self.problem.setWordWrap(True)
        self.problem.hide()

    def add_note(self, label: str, placeholder: str = "") -> QLineEdit:
        """A line of text for the record under `label` (a note, reasons, how it was done)."""
        note = QLineEdit(self)
        note.setMaxLength(MAX_MESSAGE)
        note.setPlaceholderText(placeholder)
        self.form.addRow(label, note)
        return note

    def add_yuan(self, label: str, highest: float = 1e12) -> QDoubleSpinBox:
        """An amount of money to the fen, under `label`."""
        amount = QDoubleSpinBox(self)
        amount.setRange(0.0, highest)
        amount.setDecimals(2)
        amount.setGroupSeparatorShown(True)
        amount.setSuffix(" " + self.tr("yuan"))
        self.form.addRow(label, amount)
        return amount

    def finish(self, ok_text: str) -> None:
        self.form.addRow("", self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.form.addRow(buttons)

    def refuse(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()


class QueryDialog(_Form):
    def __init__(self, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Launch an asset query"), parent)
        self._case = case
        self.form.addRow(self.tr("Case"), PlainLabel(f"{case.number} · {case.respondent}", self))
        self.channel = QComboBox(self)
        for channel in CHANNELS:
            self.channel.addItem(name("channel", channel), channel)
        self.form.addRow(self.tr("Channel"), self.channel)
        grid = QGridLayout()
        self.categories: dict[str, QCheckBox] = {}
        for index, category in enumerate(CATEGORIES):
            box = QCheckBox(name("category", category), self)
            box.setChecked(True)
            grid.addWidget(box, index // 3, index % 3)
            self.categories[category] = box
        self.form.addRow(self.tr("Institutions"), grid)
        self.finish(self.tr("Launch"))

    def accept(self) -> None:
        if not self.chosen():
            self.refuse(self.tr("Choose at least one kind of institution."))
            return
        super().accept()

    def chosen(self) -> list[str]:
        return [category for category, box in self.categories.items() if box.isChecked()]

    def body(self) -> dict:
        return {"case_id": self._case.id, "channel": self.channel.currentData(), "categories": self.chosen()}


class MeasureDialog(_Form):
    """A measure on one of a batch's hits, as its asset takes it: money frozen or deducted by an
    amount (up to what is left of the account, and never beyond what the case still owes),
    property sealed up or seized whole, with a reason when the money frozen covers the debt."""

    def __init__(
        self,
        query: Query,
        measures: list[Measure],
        owed: float | None,
        threshold_yuan: float | None,
        parent: QWidget | None = None,
    ) -> None:
        """`measures`: all of the case's, of every batch; `owed`: what the case still owes (None
        when this console does not hold the case)."""
        super().__init__(self.tr("Order a measure on a hit"), parent)
        self._query = query
        self._measures = measures
        self._owed = None if owed is None else round(owed - deducting(measures), 2)  # deductions under way too
        self._frozen = frozen(measures)
        self.hit = QComboBox(self)
        for hit in query.hits:
            if hit.takes:
                value = format_yuan(hit.value) if hit.value is not None else self.tr("to be valued (询价/评估)")
                self.hit.addItem(f"{hit.institution} · {hit.finding} · {value}", hit.id)
        self.form.addRow(self.tr("Hit"), self.hit)
        self.kind = QComboBox(self)
        self.form.addRow(self.tr("Measure"), self.kind)
        self.amount = self.add_yuan(self.tr("Amount"))
        self.ordered = PlainLabel(parent=self)
        self.form.addRow("", self.ordered)
        self.owed = PlainLabel(parent=self)
        self.owed.setWordWrap(True)
        if owed is not None:
            self.owed.setText(
                self.tr("The case still owes {owed}; {frozen} of it is frozen.").format(
                    owed=format_yuan(owed), frozen=format_yuan(self._frozen)
                )
            )
        self.form.addRow("", self.owed)
        self.reason = self.add_note(
            self.tr("Reason"), self.tr("Why it must be taken though the money frozen covers the debt")
        )
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        if threshold_yuan is not None:
            self.note.setText(
                self.tr("Above {limit} a supervisor must approve it, and not the one who asks.").format(
                    limit=format_yuan(threshold_yuan)
                )
            )
        self.form.addRow("", self.note)
        self.hit.currentIndexChanged.connect(self._on_hit)
        self.kind.currentIndexChanged.connect(self._on_kind)
        self._on_hit()
        self.finish(self.tr("Order"))

    def _hit(self):
        return next((h for h in self._query.hits if h.id == self.hit.currentData()), None)

    def money(self) -> bool:
        """Whether the hit is an account, taken by an amount; property is taken whole."""
        hit = self._hit()
        return hit is not None and hit.value is not None

    def _ordered(self) -> float:
        return already_ordered(self._measures, self._query.id, self.hit.currentData(), self.kind.currentData())

    def _left(self) -> float:
        """What is left of the account to freeze or deduct, and never beyond what the case owes."""
        left = max(0.0, round((self._hit().value or 0.0) - self._ordered(), 2))
        if self._owed is None:
            return left
        held = self._frozen if self.kind.currentData() == "freeze" else 0.0
        return max(0.0, min(left, round(self._owed - held, 2)))

    def _taken(self) -> Measure | None:
        """A measure that holds (or is about to hold) the picked property already."""
        return next(
            (
                m
                for m in self._measures
                if (m.query_id, m.result_id) == (self._query.id, self.hit.currentData())
                and m.state not in SETTLED_WITHOUT_EFFECT
            ),
            None,
        )

    def _covered(self) -> bool:
        return self._owed is not None and self._frozen >= self._owed

    def _on_hit(self) -> None:
        hit = self._hit()
        self.kind.blockSignals(True)
        self.kind.clear()
        for kind in hit.takes if hit is not None else ():
            self.kind.addItem(name("measure", kind), kind)
        self.kind.blockSignals(False)
        self._on_kind()

    def _on_kind(self) -> None:
        if self._hit() is None:
            return
        money = self.money()
        self.form.setRowVisible(self.amount, money)
        self.form.setRowVisible(self.reason, not money)
        self.amount.setValue(self._left() if money else 0.0)
        ordered = self._ordered() if money else 0.0
        self.ordered.setVisible(ordered > 0)
        self.ordered.setText(
            self.tr("{ordered} of the {value} found is already ordered.").format(
                ordered=format_yuan(ordered), value=format_yuan(self._hit().value or 0.0)
            )
        )

    def accept(self) -> None:
        if self._hit() is None:
            self.refuse(self.tr("This batch has no hit to act on: information on work or income is not taken."))
        elif self._owed is not None and self._owed <= 0:
            self.refuse(self.tr("The case owes nothing more: nothing is taken for it."))
        elif self.money() and self.amount.value() <= 0:
            self.refuse(self.tr("The amount must be above zero; nothing is left to take here."))
        elif self.money() and round(self.amount.value(), 2) > self._left():
            self.refuse(
                self.tr("At most {left}: what is left of the account, within what the case still owes.").format(
                    left=format_yuan(self._left())
                )
            )
        elif not self.money() and (taken := self._taken()) is not None:
            self.refuse(
                self.tr("Already under a {measure} ({state}).").format(
                    measure=name("measure", taken.kind), state=name("measure_state", taken.state)
                )
            )
        elif not self.money() and self._covered() and not self.reason.text().strip():
            self.refuse(self.tr("The money frozen covers what the case owes: say why this property must be taken too."))
        else:
            super().accept()

    def action(self) -> Action:
        return {
            "freeze": Action.FREEZE,
            "deduct": Action.DEDUCT,
            "seal_up": Action.SEAL_UP,
            "seize": Action.SEIZE,
        }[self.kind.currentData()]

    def subject(self) -> Subject:
        """The hit the measure is ordered on."""
        return Subject(Collection.QUERIES, self._query.id, self.hit.currentData())

    def body(self) -> dict:
        if self.money():
            return {"amount": round(self.amount.value(), 2)}
        return {"reason": self.reason.text().strip()} if self.reason.text().strip() else {}

    def summary(self) -> str:
        """What is ordered, for the outbox: the measure and its amount, or the property taken."""
        hit = self._hit()
        return f"{self.kind.currentText()} {format_yuan(self.amount.value()) if self.money() else hit.finding}"


class RenewDialog(_Form):
    """续行: one of a batch's control measures still holding, renewed for its term before it lapses."""

    def __init__(self, measures: list[Measure], findings: dict[str, str], parent: QWidget | None = None) -> None:
        """`measures`: the holding ones; `findings`: what each hit found, by result id."""
        super().__init__(self.tr("Renew a measure before it lapses"), parent)
        self._measures = {m.id: m for m in measures}
        self.measure = QComboBox(self)
        for m in sorted(measures, key=lambda m: m.expires_at or 0.0):
            until = format_date(m.expires_at)
            self.measure.addItem(
                self.tr("{measure} · {institution} · {finding} · until {date}, renewable from {from_date}").format(
                    measure=name("measure", m.kind),
                    institution=m.institution,
                    finding=findings.get(m.result_id, ""),
                    date=until,
                    from_date=format_date(m.renewable_from),
                ),
                m.id,
            )
        self.form.addRow(self.tr("Measure"), self.measure)
        self.form.addRow(
            "",
            PlainLabel(
                self.tr("Within 30 days of the lapse, it holds again for its legal term from the day it would lapse."),
                self,
            ),
        )
        self.note = self.add_note(self.tr("Note"), self.tr("e.g. The applicant asked for the renewal"))
        self.finish(self.tr("Renew"))

    def chosen(self) -> Measure:
        return self._measures[self.measure.currentData()]

    def body(self) -> dict:
        return {"note": self.note.text().strip()}


class FundsDialog(_Form):
    """Money received into a case's account (from where), up to what the case still owes; or paid
    out of it (to whom), up to its balance."""

    def __init__(self, case: Case, paying: bool, limit: float, parent: QWidget | None = None) -> None:
        title = self.tr("Pay out of the case's account") if paying else self.tr("Record money received")
        super().__init__(title, parent)
        self._paying, self._limit = paying, limit
        self.form.addRow(self.tr("Case"), PlainLabel(case.number, self))
        self.amount = self.add_yuan(self.tr("Amount"))
        self.amount.setValue(limit if paying else 0.0)
        self.form.addRow("", PlainLabel(self._at_most(), self))
        self.party = QLineEdit(case.applicant if paying else "", self)
        self.party.setMaxLength(200)
        if not paying:
            self.party.setPlaceholderText(self.tr("e.g. Transfer from the respondent"))
        self.form.addRow(self.tr("To") if paying else self.tr("From"), self.party)
        self.finish(self.tr("Pay out") if paying else self.tr("Record"))

    def _at_most(self) -> str:
        limit = format_yuan(self._limit, exact=True)
        if self._paying:
            return self.tr("The account holds {balance}.").format(balance=limit)
        return self.tr("The case still owes {owed}.").format(owed=limit)

    def accept(self) -> None:
        amount = round(self.amount.value(), 2)
        if amount <= 0:
            self.refuse(self.tr("The amount must be above zero."))
        elif amount > self._limit:
            self.refuse(self.tr("At most that: {limit}.").format(limit=format_yuan(self._limit, exact=True)))
        elif not self.party.text().strip():
            self.refuse(
                self.tr("Say to whom it is paid.") if self._paying else self.tr("Say where the money came from.")
            )
        else:
            super().accept()

    def body(self) -> dict:
        return {
            "amount": round(self.amount.value(), 2),
            "payee" if self._paying else "source": self.party.text().strip(),
        }


class CoercionDialog(_Form):
    """Asking for a 拘传, a fine or a judicial detention, which a president decides, never the
    asker: the person, the act it punishes (one act is punished once), the grounds; a fine within
    the law's limits for a person or an organisation; a detention of at most `max_days`, made on the
    spot in an emergency and approved after."""

    def __init__(self, case: Case, limits: dict, parent: QWidget | None = None) -> None:
        """`limits`: the backend's (`max_detention_days`, the fines' bounds), or the law's."""
        super().__init__(self.tr("Ask for a coercive measure"), parent)
        self.setMinimumWidth(REVEAL_WIDTH)
        self._case = case
        if case.respondent_type == "person":
            self._fine = (0.01, float(limits.get("max_fine_person_yuan", MAX_FINE_PERSON_YUAN)))
        else:
            self._fine = (
                float(limits.get("min_fine_organisation_yuan", FINE_ORGANISATION_YUAN[0])),
                float(limits.get("max_fine_organisation_yuan", FINE_ORGANISATION_YUAN[1])),
            )
        self.form.addRow(self.tr("Case"), PlainLabel(case.number, self))
        self.kind = QComboBox(self)
        for kind in ("detention", "fine", "compel"):
            self.kind.addItem(name("coercion", kind), kind)
        self.form.addRow(self.tr("Measure"), self.kind)
        self.person = QLineEdit(case.respondent if case.respondent_type == "person" else "", self)
        self.person.setMaxLength(100)
        self.person.setPlaceholderText(self.tr("e.g. the respondent's legal representative"))
        self.form.addRow(self.tr("Person"), self.person)
        self.days = QSpinBox(self)
        max_days = int(limits.get("max_detention_days", MAX_DETENTION_DAYS))
        self.days.setRange(1, max_days)
        self.days.setValue(min(15, max_days))
        self.days.setSuffix(" " + self.tr("days"))
        self.form.addRow(self.tr("Detention"), self.days)
        self.emergency = QCheckBox(self.tr("Already detained on the spot (emergency): approval follows"), self)
        self.form.addRow("", self.emergency)
        self.amount = self.add_yuan(self.tr("Fine"), self._fine[1])
        self.amount.setValue(self._fine[0] if self._fine[0] > 1 else 0.0)  # an organisation's least fine
        self.fine_limits = PlainLabel(
            self.tr("{low} to {high} for this respondent.").format(
                low=format_yuan(self._fine[0]), high=format_yuan(self._fine[1])
            ),
            self,
        )
        self.form.addRow("", self.fine_limits)
        self.act = self.add_note(self.tr("Act punished"), self.tr("e.g. Hid the car under seal on 28 November"))
        self.reason = self.add_note(self.tr("Grounds"), self.tr("e.g. Obstructed the seizure by force"))
        self.kind.currentIndexChanged.connect(self._show_fields)
        self.finish(self.tr("Ask for approval"))
        self._show_fields()

    def _show_fields(self) -> None:
        kind = self.kind.currentData()
        for field, shown in (
            (self.days, kind == "detention"),
            (self.emergency, kind == "detention"),
            (self.amount, kind == "fine"),
            (self.fine_limits, kind == "fine"),
            (self.act, kind != "compel"),
        ):
            self.form.setRowVisible(field, shown)
        if kind != "detention":
            self.emergency.setChecked(False)

    def accept(self) -> None:
        kind = self.kind.currentData()
        low, high = self._fine
        if not self.person.text().strip():
            self.refuse(self.tr("Name the person."))
        elif kind == "fine" and not low <= round(self.amount.value(), 2) <= high:
            self.refuse(
                self.tr("A fine on this respondent is {low} to {high}.").format(
                    low=format_yuan(low), high=format_yuan(high)
                )
            )
        elif not self.reason.text().strip():
            self.refuse(self.tr("Give the grounds: the president who decides reads them."))
        else:
            super().accept()

    def body(self) -> dict:
        kind = self.kind.currentData()
        body = {"kind": kind, "person": self.person.text().strip(), "reason": self.reason.text().strip()}
        if kind != "compel" and self.act.text().strip():
            body["act"] = self.act.text().strip()
        if kind == "detention":
            body |= {"days": self.days.value(), "emergency": self.emergency.isChecked()}
        if kind == "fine":
            body["amount"] = round(self.amount.value(), 2)
        return body


GROUNDS = (
    "able_but_refuses",
    "obstructs",
    "evades",
    "breaks_reporting",
    "breaks_consumption_order",
    "breaks_settlement",
)  # 法释〔2017〕7号 art. 1(1) to (6)
REMOVAL_REASONS = ("performed", "settled", "applicant_request", "case_ended", "wrongly_listed")


class CreditDialog(_Form):
    """An order of credit punishment: the list of dishonest judgment debtors on a ground of
    法释〔2017〕7号 art. 1 (for two years, one to three more when aggravated; until performed for
    one able but refusing), or a restriction on high consumption or on leaving the country."""

    def __init__(self, case: Case, kinds: list[str], ground: str, parent: QWidget | None = None) -> None:
        """`kinds`: those not in force; `ground`: the one the case suggests."""
        super().__init__(self.tr("Credit punishment"), parent)
        self.setMinimumWidth(REVEAL_WIDTH)
        self.form.addRow(self.tr("Case"), PlainLabel(f"{case.number} · {case.respondent}", self))
        self.kind = QComboBox(self)
        for kind in kinds:
            self.kind.addItem(name("credit", kind), kind)
        self.form.addRow(self.tr("Order"), self.kind)
        self.ground = QComboBox(self)
        for index, code in enumerate(GROUNDS, start=1):
            self.ground.addItem(self.tr("({n}) {ground}").format(n=index, ground=name("ground", code)), code)
        self.ground.setCurrentIndex(GROUNDS.index(ground))
        self.form.addRow(self.tr("Ground"), self.ground)
        self.extra = QSpinBox(self)
        self.extra.setRange(0, 3)
        self.extra.setSuffix(" " + self.tr("year(s)"))
        self.form.addRow(self.tr("Extended by"), self.extra)
        self.term = PlainLabel(parent=self)
        self.form.addRow(self.tr("Term"), self.term)
        self.note = self.add_note(self.tr("Note"), self.tr("e.g. Drove the car under seal away"))
        for signal in (self.kind.currentIndexChanged, self.ground.currentIndexChanged, self.extra.valueChanged):
            signal.connect(self._show_fields)
        self.finish(self.tr("Make the order"))
        self._show_fields()

    def _show_fields(self) -> None:
        listing = self.kind.currentData() == "dishonest"
        until_performed = self.ground.currentData() == "able_but_refuses"
        for field in (self.ground, self.extra, self.term):
            self.form.setRowVisible(field, listing)
        self.extra.setEnabled(not until_performed)
        if until_performed:
            self.extra.setValue(0)
            self.term.setText(self.tr("Until the respondent performs (art. 2)"))
        else:
            years = 2 + self.extra.value()
            self.term.setText(self.tr("%n year(s) (art. 2: two, one to three more when aggravated)", "", years))

    def body(self) -> dict:
        kind = self.kind.currentData()
        body = {"kind": kind, "note": self.note.text().strip()}
        if kind == "dishonest":
            body |= {"ground": self.ground.currentData(), "extra_years": self.extra.value()}
        return body


class CreditRemovalDialog(_Form):
    """Taking an order of credit punishment off, for a reason of 法释〔2017〕7号 art. 10 or 12; not
    "performed" while the case still owes."""

    def __init__(self, order: str, owed: float, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Remove credit punishment"), parent)
        self.setMinimumWidth(REVEAL_WIDTH)
        self._owed = owed
        self.form.addRow(self.tr("Order"), PlainLabel(order, self))
        self.reason = QComboBox(self)
        for reason in REMOVAL_REASONS:
            self.reason.addItem(name("end_reason", reason), reason)
        self.reason.setCurrentIndex(0 if owed <= 0 else REMOVAL_REASONS.index("applicant_request"))
        self.form.addRow(self.tr("Reason"), self.reason)
        self.note = self.add_note(self.tr("Note"))
        self.finish(self.tr("Remove"))

    def accept(self) -> None:
        if self.reason.currentData() == "performed" and self._owed > 0:
            self.refuse(
                self.tr("Not performed: the case still owes {owed}.").format(owed=format_yuan(self._owed, exact=True))
            )
        else:
            super().accept()

    def body(self) -> dict:
        return {"reason": self.reason.currentData(), "note": self.note.text().strip()}


class ReferralDialog(_Form):
    """拟移送: a company respondent's case proposed for bankruptcy review, with whose written consent."""

    def __init__(self, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Propose for bankruptcy review"), parent)
        self.setMinimumWidth(REVEAL_WIDTH)
        self.form.addRow(self.tr("Case"), PlainLabel(f"{case.number} · {case.respondent}", self))
        self.consent = QComboBox(self)
        for party in ("respondent", "applicant"):
            self.consent.addItem(name("party", party), party)
        self.form.addRow(self.tr("Written consent of"), self.consent)
        self.note = self.add_note(
            self.tr("Note"), self.tr("e.g. Its debts far exceed its assets; it has stopped trading")
        )
        self.finish(self.tr("Propose"))

    def body(self) -> dict:
        return {"consent": self.consent.currentData(), "note": self.note.text().strip()}


class RulingDialog(_Form):
    """The president's transfer of a case for bankruptcy review, or the ruling of the court it went to."""

    def __init__(self, case: Case, transfer: bool, parent: QWidget | None = None) -> None:
        title = self.tr("Transfer for bankruptcy review") if transfer else self.tr("Bankruptcy ruling")
        super().__init__(title, parent)
        self.setMinimumWidth(REVEAL_WIDTH)
        self.form.addRow(self.tr("Case"), PlainLabel(f"{case.number} · {case.respondent}", self))
        self.accepted_box: QComboBox | None = None
        if transfer:
            suspended = self.tr("Its enforcement is suspended; the court rules within 30 days.")
            self.form.addRow("", PlainLabel(suspended, self))
        else:
            self.accepted_box = QComboBox(self)
            self.accepted_box.addItem(self.tr("Accepted for bankruptcy"), True)
            self.accepted_box.addItem(self.tr("Refused: enforcement goes on"), False)
            self.form.addRow(self.tr("Ruling"), self.accepted_box)
        self.note = self.add_note(self.tr("Note"))
        self.finish(self.tr("Transfer") if transfer else self.tr("Record"))

    def body(self) -> dict:
        body = {"note": self.note.text().strip()}
        if self.accepted_box is not None:
            body["accepted"] = self.accepted_box.currentData()
        return body


class ReliefDialog(_Form):
    """执行救助 asked for the applicant in hardship, up to `limit` (the fund's cap, what is owed)."""

    def __init__(self, case: Case, limit: float, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Apply for judicial relief"), parent)
        self.setMinimumWidth(REVEAL_WIDTH)
        self._limit = limit
        self.form.addRow(self.tr("Applicant"), PlainLabel(case.applicant, self))
        self.amount = self.add_yuan(self.tr("Amount"))
        at_most = self.tr("At most {limit}: 36 months' average wage, within what is owed.")
        self.form.addRow("", PlainLabel(at_most.format(limit=format_yuan(limit, exact=True)), self))
        self.reason = self.add_note(
            self.tr("Hardship"), self.tr("e.g. Seriously ill, no income, the respondent cannot pay")
        )
        self.finish(self.tr("Apply"))

    def accept(self) -> None:
        amount = round(self.amount.value(), 2)
        if not 0 < amount <= self._limit:
            self.refuse(self.tr("Above zero and at most {limit}.").format(limit=format_yuan(self._limit, exact=True)))
        elif not self.reason.text().strip():
            self.refuse(self.tr("Say what the hardship is: the supervisor who decides reads it."))
        else:
            super().accept()

    def body(self) -> dict:
        return {"amount": round(self.amount.value(), 2), "reason": self.reason.text().strip()}


class ReliefDecisionDialog(_Form):
    """Relief approved or rejected (`deciding`), or paid from the fund."""

    def __init__(self, case: Case, amount: float, deciding: bool, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Decide relief") if deciding else self.tr("Pay relief"), parent)
        self.setMinimumWidth(REVEAL_WIDTH)
        self.form.addRow(self.tr("Relief"), PlainLabel(f"{format_yuan(amount, exact=True)} · {case.applicant}", self))
        self.outcome: QComboBox | None = None
        if deciding:
            self.outcome = QComboBox(self)
            self.outcome.addItem(self.tr("Approve"), True)
            self.outcome.addItem(self.tr("Reject"), False)
            self.form.addRow(self.tr("Decision"), self.outcome)
        self.note = self.add_note(self.tr("Note"))
        self.finish(self.tr("Decide") if deciding else self.tr("Pay"))

    def approved(self) -> bool:
        return self.outcome is not None and self.outcome.currentData() is True

    def body(self) -> dict:
        return {"note": self.note.text().strip()}


class NoteDialog(_Form):
    """A note for a step on the record: how a family was told, a review applied for, a reply to a
    supervision order; `unsaid` is what the dialog says while the note is empty."""

    def __init__(
        self,
        title: str,
        label: str,
        placeholder: str,
        ok_text: str,
        parent: QWidget | None = None,
        unsaid: str | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.setMinimumWidth(REVEAL_WIDTH)
        self._unsaid = unsaid or self.tr("Say how and by whom: it goes on the record.")
        self.note = self.add_note(label, placeholder)
        self.finish(ok_text)

    def accept(self) -> None:
        if not self.note.text().strip():
            self.refuse(self._unsaid)
        else:
            super().accept()

    def body(self) -> dict:
        return {"note": self.note.text().strip()}


class ReviewDecisionDialog(_Form):
    """The court above's decision on review: upheld or revoked, with its reasons."""

    def __init__(self, coercion: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Decide the review"), parent)
        self.setMinimumWidth(REVEAL_WIDTH)
        self.form.addRow(self.tr("Decision under review"), PlainLabel(coercion, self))
        self.outcome = QComboBox(self)
        self.outcome.addItem(self.tr("Upheld"), "upheld")
        self.outcome.addItem(self.tr("Revoked"), "revoked")
        self.form.addRow(self.tr("Outcome"), self.outcome)
        self.note = self.add_note(self.tr("Reasons"))
        self.finish(self.tr("Decide"))

    def accept(self) -> None:
        if not self.note.text().strip():
            self.refuse(self.tr("Give the reasons: the parties and the court below are told them."))
        else:
            super().accept()

    def body(self) -> dict:
        return {"outcome": self.outcome.currentData(), "note": self.note.text().strip()}


class RevealDialog(_Form):
    """Asking to see a party's personal data unmasked: the reason is required, and audited."""

    def __init__(self, case: Case, party: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Reveal personal data"), parent)
        self.setMinimumWidth(REVEAL_WIDTH)
        self.form.addRow(self.tr("Case"), PlainLabel(case.number, self))
        self.form.addRow(self.tr("Party"), PlainLabel(party, self))
        self.reason = self.add_note(self.tr("Reason"), self.tr("e.g. To serve the notice at the home address"))
        note = PlainLabel(self.tr("Who asked, when and why is kept in the audit log."), self)
        note.setWordWrap(True)
        self.form.addRow("", note)
        self.finish(self.tr("Reveal"))

    def accept(self) -> None:
        if not self.reason.text().strip():
            self.refuse(self.tr("Say why you need it: the reason is kept in the audit log."))
        else:
            super().accept()


class MessageDialog(_Form):
    def __init__(self, team_name: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Instruction to {team}").format(team=team_name), parent)
        self.text = QLineEdit(self)
        self.text.setMaxLength(MAX_MESSAGE)
        self.text.setPlaceholderText(self.tr("e.g. Wait for police support before entering"))
        self.text.setMinimumWidth(420)
        self.form.addRow(self.tr("Instruction"), self.text)
        self.finish(self.tr("Send"))

    def accept(self) -> None:
        if not self.text.text().strip():
            self.refuse(self.tr("Write the instruction to send."))
            return
        super().accept()

    def body(self) -> dict:
        return {"text": self.text.text().strip()}


class ActDialog(_Form):
    """Recording an act done on a case for the 终本 gate: which (one not done yet), and a note."""

    def __init__(self, case: Case, acts: list[str], picked: str | None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Record as done"), parent)
        self.setMinimumWidth(REVEAL_WIDTH)
        self.form.addRow(self.tr("Case"), PlainLabel(f"{case.number} · {case.respondent}", self))
        self.act = QComboBox(self)
        for act in acts:
            self.act.addItem(name("act", act), act)
        if picked in acts:
            self.act.setCurrentIndex(acts.index(picked))
        self.form.addRow(self.tr("Done"), self.act)
        self.note = self.add_note(self.tr("Note"), self.tr("e.g. Applicant told by phone and heard"))
        self.finish(self.tr("Record"))

    def body(self) -> dict:
        return {"act": self.act.currentData(), "note": self.note.text().strip()}


class DecisionDialog(_Form):
    """终本 or 恢复执行 of a case: what it does, and the reason, which is kept in the audit log."""

    def __init__(self, title: str, case: Case, explanation: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setMinimumWidth(REVEAL_WIDTH)
        self.form.addRow(self.tr("Case"), PlainLabel(f"{case.number} · {case.respondent}", self))
        said = PlainLabel(explanation, self)
        said.setWordWrap(True)
        self.form.addRow("", said)
        self.note = self.add_note(self.tr("Reason"))
        self.finish(ok_text)

    def accept(self) -> None:
        if not self.note.text().strip():
            self.refuse(self.tr("Give the reason: it is kept in the audit log."))
        else:
            super().accept()

    def body(self) -> dict:
        return {"note": self.note.text().strip()}


class SupervisionDialog(_Form):
    """督办 to the court of `case`: what it is to do, and by when (in the future)."""

    def __init__(self, case: Case, court: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Issue a supervision order (督办)"), parent)
        self.setMinimumWidth(REVEAL_WIDTH)
        self._case = case
        self.form.addRow(self.tr("To"), PlainLabel(court, self))
        self.form.addRow(self.tr("Case"), PlainLabel(f"{case.number} · {case.respondent}", self))
        self.requirement = self.add_note(
            self.tr("Requirement"), self.tr("e.g. Finish the asset investigation and report")
        )
        self.deadline = QDateTimeEdit(QDateTime.currentDateTime().addDays(DEFAULT_SUPERVISION_DAYS), self)
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.form.addRow(self.tr("Answer by"), self.deadline)
        self.finish(self.tr("Issue"))

    def accept(self) -> None:
        if not self.requirement.text().strip():
            self.refuse(self.tr("Say what the court is to do."))
        elif self.deadline.dateTime() <= QDateTime.currentDateTime():
            self.refuse(self.tr("The deadline must be in the future."))
        else:
            super().accept()

    def body(self) -> dict:
        deadline = self.deadline.dateTime().toUTC().toString(Qt.DateFormat.ISODate)
        return {
            "court_id": self._case.court_id,
            "case_ids": [self._case.id],
            "requirement": self.requirement.text().strip(),
            "deadline": deadline,
        }


class FindingDialog(_Form):
    """A finding of passive enforcement recorded by hand on `case`: which of the 25 situations
    (those the data cannot show first), and what shows it."""

    def __init__(self, case: Case, court: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Record a finding of passive enforcement"), parent)
        self.setMinimumWidth(REVEAL_WIDTH)
        self._case = case
        self.form.addRow(self.tr("Case"), PlainLabel(f"{case.number} · {court} · {case.officer}", self))
        self.situation = QComboBox(self)
        for situation in sorted(SITUATIONS, key=lambda s: (s not in RECORDED_BY_HAND, s)):
            self.situation.addItem(f"{situation}. {name('situation', str(situation))}", situation)
        self.form.addRow(self.tr("Situation"), self.situation)
        self.note = self.add_note(
            self.tr("What shows it"), self.tr("e.g. Of three cases against the respondent, only one was paid")
        )
        self.finish(self.tr("Record"))

    def accept(self) -> None:
        if not self.note.text().strip():
            self.refuse(self.tr("Say what shows it: the evidence goes on the record."))
        else:
            super().accept()

    def body(self) -> dict:
        return {"situation": self.situation.currentData(), "case_id": self._case.id, "note": self.note.text().strip()}


class ValuationDialog(_Form):
    """Property valued by 询价 or 评估, to be sold: what it is, how it was valued, the value found
    and the report's number (the registry's word is no value)."""

    def __init__(self, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Record a valuation"), parent)
        self.setMinimumWidth(REVEAL_WIDTH)
        self.form.addRow(self.tr("Case"), PlainLabel(f"{case.number} · {case.respondent}", self))
        self.asset = QComboBox(self)
        for asset in PROPERTY:
            self.asset.addItem(name("property", asset), asset)
        self.form.addRow(self.tr("Property"), self.asset)
        self.item = QLineEdit(self)
        self.item.setMaxLength(200)
        self.item.setPlaceholderText(self.tr("e.g. The flat at 12 Renmin Road, 3rd floor"))
        self.form.addRow(self.tr("Item"), self.item)
        self.method = QComboBox(self)
        for method in VALUATION_METHODS:
            self.method.addItem(name("valuation", method), method)
        self.method.setCurrentIndex(VALUATION_METHODS.index("appraisal"))
        self.form.addRow(self.tr("Valued by"), self.method)
        self.value = self.add_yuan(self.tr("Value found"))
        self.report = QLineEdit(self)
        self.report.setMaxLength(200)
        self.report.setPlaceholderText(self.tr("e.g. 川评字〔2026〕118号"))
        self.form.addRow(self.tr("Report"), self.report)
        self.form.addRow("", PlainLabel(self.tr("The first auction's reserve will be at least 70% of this."), self))
        self.finish(self.tr("Record"))

    def accept(self) -> None:
        if not self.item.text().strip():
            self.refuse(self.tr("Say what is to be sold."))
        elif self.value.value() <= 0:
            self.refuse(self.tr("Enter the value the report found."))
        elif not self.report.text().strip():
            self.refuse(self.tr("Enter the report's number: it is the value's evidence."))
        else:
            super().accept()

    def body(self) -> dict:
        return {
            "asset": self.asset.currentData(),
            "item": self.item.text().strip(),
            "method": self.method.currentData(),
            "value": round(self.value.value(), 2),
            "report": self.report.text().strip(),
        }


class DisposalRoundDialog(_Form):
    """The next round of a disposal, of those its state allows: its reserve (no lower than the
    rules allow) and whether it sold, for how much (no less than the reserve). Taken in payment
    (以物抵债), the price is the failed auction's reserve exactly."""

    def __init__(self, disposal: Disposal, kinds: list[str], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Record an auction or a sale"), parent)
        self.setMinimumWidth(REVEAL_WIDTH)
        self._disposal = disposal
        self.form.addRow(self.tr("Item"), PlainLabel(f"{disposal.item} · {format_yuan(disposal.value)}", self))
        self.kind = QComboBox(self)
        for kind in kinds:
            self.kind.addItem(name("disposal_round", kind), kind)
        self.form.addRow(self.tr("Round"), self.kind)
        self.reserve = self.add_yuan(self.tr("Reserve"))
        self.least = PlainLabel(parent=self)
        self.least.setWordWrap(True)
        self.form.addRow("", self.least)
        self.sold = QCheckBox(self.tr("Sold"), self)
        self.form.addRow("", self.sold)
        self.price = self.add_yuan(self.tr("Price"))
        self.note = self.add_note(self.tr("Note"), self.tr("e.g. No bids; 京东拍卖 lot 4471"))
        self.kind.currentIndexChanged.connect(self._follow)
        self.sold.toggled.connect(self._follow)
        self._follow()
        self.finish(self.tr("Record"))

    def _in_kind(self) -> bool:
        return self.kind.currentData() == "in_kind"

    def _least(self) -> float:
        """The least reserve of the round chosen; taken in payment, the failed auction's reserve."""
        if self._in_kind():
            return self._disposal.rounds[-1].reserve
        return self._disposal.next_least_reserve or 0.0

    def _follow(self) -> None:
        """A taking in payment is at the reserve, and is a taking; a sale's price waits for "sold"."""
        least = self._least()
        if self._in_kind() or self.reserve.value() < least:
            self.reserve.setValue(least)
        if self._in_kind():
            self.sold.setChecked(True)
            self.price.setValue(least)
            self.least.setText(
                self.tr("Taken by the applicant at the failed auction's reserve, {least}.").format(
                    least=format_yuan(least, exact=True)
                )
            )
        else:
            self.least.setText(
                self.tr("At least {least}, as the rules allow.").format(least=format_yuan(least, exact=True))
            )
        self.reserve.setEnabled(not self._in_kind())
        self.sold.setEnabled(not self._in_kind())
        self.price.setEnabled(self.sold.isChecked() and not self._in_kind())

    def accept(self) -> None:
        reserve, price = round(self.reserve.value(), 2), round(self.price.value(), 2)
        if reserve < round(self._least(), 2):
            self.refuse(self.tr("The reserve is below the least the rules allow."))
        elif self.sold.isChecked() and price < reserve:
            self.refuse(self.tr("Sold for less than the reserve: the rules do not allow it."))
        else:
            super().accept()

    def body(self) -> dict:
        body = {
            "kind": self.kind.currentData(),
            "reserve": round(self.reserve.value(), 2),
            "note": self.note.text().strip(),
        }
        if self.sold.isChecked():
            body["price"] = round(self.price.value(), 2)
        return body
