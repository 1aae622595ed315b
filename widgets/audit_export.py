"""File → Export audit: a followed backend's audit entries over a time range, as JSON Lines that
`court-backend audit verify --file` checks offline (each entry with its own hash and its
predecessor's, then the chain's head at export). The fetch and the writing run on a worker."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QDateTime, QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from console.audit_chain import export_range
from console.connections import Connections
from widgets.background import run_in_background
from widgets.names import backend_name
from widgets.plain_text import PlainLabel
from widgets.style import mark_problem

DEFAULT_HOURS = 8  # a shift


class AuditExportDialog(QDialog):
    def __init__(self, backends: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export the audit log"))
        form = QFormLayout(self)
        self.backend = QComboBox(self)
        for backend in backends:
            self.backend.addItem(backend_name(backend), backend)
        form.addRow(self.tr("Backend"), self.backend)
        now = QDateTime.currentDateTime()
        self.since = QDateTimeEdit(now.addSecs(-DEFAULT_HOURS * 3600), self)
        self.until = QDateTimeEdit(now, self)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        form.addRow(self.tr("From"), self.since)
        form.addRow(self.tr("To"), self.until)
        self.path = QLineEdit(str(Path.home() / "audit.jsonl"), self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._on_browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow(self.tr("File"), row)
        self.problem = PlainLabel(parent=self)
        mark_problem(self.problem)
        self.problem.setWordWrap(True)
        self.problem.hide()
        form.addRow("", self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _on_browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path.text(), "JSON Lines (*.jsonl)")
        if path:
            self.path.setText(path)

    def accept(self) -> None:
        if self.backend.count() == 0:
            self._refuse(self.tr("No backend is followed."))
        elif self.since.dateTime() >= self.until.dateTime():
            self._refuse(self.tr("The range ends before it starts."))
        elif not self.path.text().strip() or not Path(self.path.text()).expanduser().parent.is_dir():
            self._refuse(self.tr("Choose a file in a folder that exists."))
        else:
            super().accept()

    def _refuse(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()


class AuditExport(QObject):
    """Runs an export chosen in the dialog; `done` says how it went, for the status bar."""

    done = Signal(str)

    def __init__(self, connections: Connections, parent: QWidget) -> None:
        super().__init__(parent)
        self._connections = connections

    def ask(self) -> None:
        backends = [name for name in self._connections.links if self._connections.session(name) is not None]
        dialog = AuditExportDialog(backends, self.parent())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.export(
            dialog.backend.currentData(),
            dialog.since.dateTime().toSecsSinceEpoch(),
            dialog.until.dateTime().toSecsSinceEpoch(),
            Path(dialog.path.text()).expanduser(),
        )

    def export(self, backend: str, since: float, until: float, path: Path) -> None:
        session = self._connections.session(backend)
        if session is None:
            self.done.emit(self.tr("Not exported: {backend} is no longer followed.").format(backend=backend))
            return
        self.done.emit(self.tr("Exporting the audit log of {backend}…").format(backend=backend_name(backend)))
        run_in_background(self, partial(export_range, session, since, until, path), partial(self._on_done, path))

    def _on_done(self, path: Path, count: int | None, error: Exception | None) -> None:
        if error is not None:
            self.done.emit(self.tr("Not exported: {error}").format(error=str(error)[:300]))
        else:
            self.done.emit(self.tr("%n audit entries written to {path}.", "", count).format(path=path))
