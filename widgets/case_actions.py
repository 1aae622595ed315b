"""A tab of the case view with actions of its own on the case in view (its 终本 gate, its account).
Each action has a window-wide key and a button; it is offered, or refused with the reasons every
such action shares (no case open, its detail not loaded yet, a permission lacking, the case's
enforcement suspended for bankruptcy review) and then with the tab's own. A refused action says
why in the status bar instead of acting."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QTableWidget, QVBoxLayout, QWidget

from console.case_detail import CaseDetail
from console.casework import Case
from console.commands import Action, Submit
from console.store import Store
from widgets.answering import ActionButton, offer, why_not, window_action
from widgets.names import name
from widgets.plain_text import PlainLabel

# What a backend refuses on a case suspended for bankruptcy review (`enforcement-suspended`).
REFUSED_WHILE_SUSPENDED = frozenset(
    {Action.TERMINATE, Action.ORDER_CREDIT, Action.VALUE_PROPERTY, Action.RECORD_DISPOSAL_ROUND}
)


class CaseActionsTab(QWidget):
    notice = Signal(str)
    """Why an action asked for cannot run, for the status bar."""

    def __init__(
        self, store: Store, submit: Submit, actions: dict[Action, tuple[str, str]], parent: QWidget | None
    ) -> None:
        """`actions`: each action's (shortcut, the permission it needs)."""
        super().__init__(parent)
        self._store = store
        self._submit = submit
        self._backend = ""
        self._case: Case | None = None
        self._detail: CaseDetail | None = None
        self._needs = actions
        self.actions: dict[Action, QAction] = {}
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        for action, (shortcut, _) in actions.items():
            qaction = window_action(self.title(action), shortcut, self)
            qaction.triggered.connect(lambda _=False, action=action: self._on_triggered(action))
            self.actions[action] = qaction
            self.buttons.addWidget(ActionButton(qaction, self))

    def lay_out(self, table: QTableWidget, headers: list[str]) -> None:
        """The tab's `summary` over its records' `table`, and a `warning` beside its buttons below."""
        self.summary = PlainLabel(parent=self)
        self.summary.setWordWrap(True)
        self.warning = PlainLabel(parent=self)
        self.warning.setWordWrap(True)
        self.buttons.insertWidget(0, self.warning, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(table, 1)
        layout.addLayout(self.buttons)
        table.setHorizontalHeaderLabels(headers)

    def title(self, action: Action) -> str:
        """What the action is called, with its mnemonic, in the language of the moment."""
        raise NotImplementedError

    def reason_not(self, action: Action) -> str | None:
        """Why the tab's case does not allow `action` now, once a case is open, loaded and allowed."""
        raise NotImplementedError

    def act(self, action: Action) -> None:
        """Asks for what the action needs and submits it."""
        raise NotImplementedError

    def show_detail(self, backend: str, case: Case | None, detail: CaseDetail | None) -> None:
        """Keeps `case` (the freshest the case panel has) and its `detail` when it is of that case."""
        self._backend, self._case = backend, case
        self._detail = detail if detail is not None and case is not None and detail.case.id == case.id else None

    def refresh(self) -> None:
        for action, (shortcut, permission) in self._needs.items():
            offer(self.actions[action], self.title(action), shortcut, self._why_not(action, permission))

    def _why_not(self, action: Action, permission: str) -> str | None:
        if self._case is None:
            return self.tr("Open a case first (Ctrl+F finds one by its number or a party).")
        if self._detail is None:
            return self.tr("Wait for the case's detail to load.")
        if not self._store.may(self._backend, permission):
            return self.tr("Not allowed: it needs the permission to {permission}.").format(
                permission=name("permission", permission)
            )
        referral = self._detail.bankruptcy
        if action in REFUSED_WHILE_SUSPENDED and referral is not None and referral.suspends:
            return self.tr("Enforcement is suspended: the case is transferred for bankruptcy review.")
        return self.reason_not(action)

    def _on_triggered(self, action: Action) -> None:
        if refusal := why_not(self.actions[action]):
            self.notice.emit(refusal)
            return
        self.act(action)
