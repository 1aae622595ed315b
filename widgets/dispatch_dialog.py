"""Sending a team to a case: the operation, and a team among the available ones, nearest in time
first; or another team for a task already given (re-tasking)."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from console.casework import MAX_CHECK_IN_MINUTES, Case, Task
from console.catalogue import TASK_KINDS, check_in_minutes
from console.dispatch import suggest_teams
from console.domain import BAILIFF_TASKS, Team
from console.store import Store
from widgets.names import name
from widgets.plain_text import PlainLabel
from widgets.style import mark_problem

MAX_NOTE = 500


class DispatchDialog(QDialog):
    """`task` given: re-tasking it to another team; otherwise a new task for `case`."""

    def __init__(
        self, store: Store, backend: str, case: Case, task: Task | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._case, self._task = case, task
        self.setWindowTitle(self.tr("Reassign the task") if task else self.tr("Dispatch a team"))
        self.resize(780, 420)  # the team named in full beside its judicial police
        form = QFormLayout(self)
        form.addRow(self.tr("Case"), PlainLabel(f"{case.number} · {case.respondent} · {name('node', case.node)}", self))
        self.operation = QComboBox(self)
        for kind in TASK_KINDS:
            self.operation.addItem(name("task", kind), kind)
        if task is not None:
            self.operation.setCurrentIndex(max(0, self.operation.findData(task.kind)))
            self.operation.setEnabled(False)
        form.addRow(self.tr("Operation"), self.operation)
        self.check_in = QSpinBox(self)
        self.check_in.setRange(1, MAX_CHECK_IN_MINUTES)
        self.check_in.setSuffix(self.tr(" min"))
        self.check_in.setToolTip(
            self.tr("On scene the team checks in this often; a check-in missed is escalated (P2 at 2 min, P1 at 5)")
        )
        self.check_in.setValue(check_in_minutes(self.operation.currentData()))
        self.operation.currentIndexChanged.connect(
            lambda: self.check_in.setValue(check_in_minutes(self.operation.currentData()))
        )
        if task is None:
            form.addRow(self.tr("Check in every"), self.check_in)
        else:
            self.check_in.hide()
        self.suggestions = suggest_teams(store, backend, case.lon, case.lat, time.time())
        if task is not None:
            self.suggestions = [s for s in self.suggestions if s.team.id != task.team_id]
        self.teams = QTableWidget(len(self.suggestions), 6, self)
        self.teams.setHorizontalHeaderLabels(
            [
                self.tr("Team"),
                self.tr("Court"),
                self.tr("Status"),
                self.tr("Judicial police"),
                self.tr("Distance"),
                self.tr("Travel time"),
            ]
        )
        for row, suggestion in enumerate(self.suggestions):
            court = store.courts.get(backend, suggestion.team.court_id)
            cells = (
                suggestion.team.name,
                court.name if court else suggestion.team.court_id,
                name("team_status", suggestion.team.status),
                self._bailiffs(suggestion.team),
                self.tr("{km:.1f} km").format(km=suggestion.distance_km),
                self.tr("{min:.0f} min").format(min=suggestion.eta_min),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.teams.setItem(row, column, item)
        self.teams.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.teams.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.teams.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.teams.verticalHeader().hide()
        header = self.teams.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a few rows: measuring them is cheap
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if self.suggestions:
            self.teams.selectRow(0)  # the nearest in time: Enter dispatches it
        form.addRow(self.tr("Available teams"), self.teams)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("What the team should know"))
        self.note.setMaxLength(MAX_NOTE)
        form.addRow(self.tr("Note"), self.note)
        self.problem = PlainLabel(parent=self)
        mark_problem(self.problem)
        self.problem.setWordWrap(True)
        self.problem.setVisible(not self.suggestions)
        self.problem.setText(
            self.tr("No team of this backend is available (standing by without a task, and in contact).")
        )
        form.addRow("", self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Reassign") if task else self.tr("Dispatch"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.teams.setFocus()

    def _bailiffs(self, team: Team) -> str:
        if team.has_bailiff is None:
            return ""  # a backend before 1.3 does not say
        return self.tr("%n officer(s)", "", team.roles.count("bailiff")) if team.has_bailiff else self.tr("none")

    def chosen(self) -> Team | None:
        rows = self.teams.selectionModel().selectedRows()
        return self.suggestions[rows[0].row()].team if rows else None

    def chosen_team(self) -> str | None:
        team = self.chosen()
        return team.id if team is not None else None

    def accept(self) -> None:
        team = self.chosen()
        if team is None:
            self.problem.setText(self.tr("Pick the team to send."))
        elif self.operation.currentData() in BAILIFF_TASKS and team.has_bailiff is False:
            self.problem.setText(
                self.tr("{team} has no judicial police: only a team with them takes a person.").format(team=team.name)
            )
        else:
            super().accept()
            return
        self.problem.show()

    def body(self) -> dict:
        note = self.note.text().strip()
        if self._task is not None:
            return {"team_id": self.chosen_team(), "note": note}
        kind = self.operation.currentData()
        body = {"case_id": self._case.id, "team_id": self.chosen_team(), "kind": kind, "note": note}
        if self.check_in.value() != check_in_minutes(kind):  # the default goes unsaid: a backend before 1.6 has none
            body["checkin_every_min"] = self.check_in.value()
        return body
