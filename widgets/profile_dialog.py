"""The connection profile dialog: every field checked as typed, each message beside its field, and a
Test button that logs in on a worker thread."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.api import probe
from console.profiles import Problem, Profile
from widgets.background import run_in_background
from widgets.names import name
from widgets.plain_text import PlainLabel
from widgets.style import mark_problem


class ProfileDialog(QDialog):
    def __init__(
        self, profile: Profile | None, others: list[Profile], keyring_available: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connection profile") if profile else self.tr("New connection profile"))
        self._others = others
        self._tests = 0
        existing = profile or Profile(name="", url="https://", username="")
        self.name = QLineEdit(existing.name)
        self.url = QLineEdit(existing.url)
        self.username = QLineEdit(existing.username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("unchanged") if profile else "")
        self.remember = QCheckBox(self.tr("Remember in the system keyring"))
        self.remember.setChecked(keyring_available)
        self.remember.setEnabled(keyring_available)
        if not keyring_available:
            self.remember.setToolTip(
                self.tr("This system has no keyring: the password is kept in memory for this session only.")
            )
        self.ca_bundle = QLineEdit(existing.ca_bundle)
        self.client_cert = QLineEdit(existing.client_cert)
        self.client_key = QLineEdit(existing.client_key)
        self.allow_insecure = QCheckBox(
            self.tr("Allow plain HTTP to this host (insecure: the password crosses the network in clear)")
        )
        self.allow_insecure.setChecked(existing.allow_insecure_http)
        self.autoconnect = QCheckBox(self.tr("Connect when the console starts"))
        self.autoconnect.setChecked(existing.autoconnect)
        self.errors = {
            field: self._error_label()
            for field in ("name", "url", "username", "ca_bundle", "client_cert", "client_key")
        }

        form = QFormLayout()
        form.addRow(self.tr("Name"), self._with_error(self.name, "name"))
        form.addRow(self.tr("URL"), self._with_error(self.url, "url"))
        form.addRow(self.tr("Username"), self._with_error(self.username, "username"))
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", self.remember)
        if not keyring_available:
            note = QLabel(self.tr("No system keyring: the password is kept in memory for this session only."))
            note.setWordWrap(True)
            form.addRow("", note)
        form.addRow(self.tr("CA bundle"), self._with_error(self._with_browse(self.ca_bundle), "ca_bundle"))
        form.addRow(self.tr("Client certificate"), self._with_error(self._with_browse(self.client_cert), "client_cert"))
        form.addRow(self.tr("Client key"), self._with_error(self._with_browse(self.client_key), "client_key"))
        form.addRow("", self.allow_insecure)
        form.addRow("", self.autoconnect)

        self.test_button = QPushButton(self.tr("&Test"))
        self.test_button.clicked.connect(self._on_test)
        self.test_result = PlainLabel()
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(test_row)
        layout.addWidget(self.buttons)
        for editor in (
            self.name,
            self.url,
            self.username,
            self.password,
            self.ca_bundle,
            self.client_cert,
            self.client_key,
        ):
            editor.textChanged.connect(self._on_edited)
        self.allow_insecure.toggled.connect(self._on_edited)
        self._on_edited()

    def _error_label(self) -> QLabel:
        label = PlainLabel()
        mark_problem(label)
        label.setWordWrap(True)
        label.hide()
        return label

    def _with_error(self, editor: QWidget, field: str) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(editor)
        column.addWidget(self.errors[field])
        return box

    def _with_browse(self, editor: QLineEdit) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(editor, 1)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(lambda: self._on_browse(editor))
        row.addWidget(browse)
        return box

    def _on_browse(self, editor: QLineEdit) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a PEM file"), editor.text(), self.tr("PEM files (*.pem *.crt *.key);;All files (*)")
        )
        if path:
            editor.setText(path)

    def profile(self) -> Profile:
        return Profile(
            name=self.name.text(),
            url=self.url.text(),
            username=self.username.text(),
            ca_bundle=self.ca_bundle.text().strip(),
            client_cert=self.client_cert.text().strip(),
            client_key=self.client_key.text().strip(),
            allow_insecure_http=self.allow_insecure.isChecked(),
            autoconnect=self.autoconnect.isChecked(),
        ).cleaned()

    def _on_edited(self) -> None:
        profile = self.profile()
        problems = profile.errors(self._others)
        for field, label in self.errors.items():
            label.setText(self._wording(field, problems[field], profile) if field in problems else "")
            label.setVisible(field in problems)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)
        self.test_button.setEnabled(not problems and bool(self.password.text()))

    def _wording(self, field: str, problem: Problem, profile: Profile) -> str:
        if problem == Problem.MISSING:
            return self.tr("A name is needed.") if field == "name" else self.tr("A username is needed.")
        return {
            Problem.BAD_NAME: self.tr("At most 64 characters, without slashes."),
            Problem.NAME_TAKEN: self.tr("There is already a profile named {name}.").format(name=profile.name),
            Problem.BAD_URL: self.tr("An address like https://court.example:8443"),
            Problem.BAD_PORT: self.tr("The port must be a number from 1 to 65535."),
            Problem.PLAIN_HTTP: self.tr("Plain HTTP beyond this machine: use https, or allow insecure HTTP below."),
            Problem.NO_SUCH_FILE: self.tr("No such file."),
            Problem.KEY_WITHOUT_CERT: self.tr("A key needs its certificate."),
        }[problem]

    def _on_test(self) -> None:
        profile, password = self.profile(), self.password.text()
        self._tests += 1
        ticket = self._tests  # only the latest test's answer is shown
        self.test_result.setText(self.tr("Testing…"))

        def _do_test() -> dict:  # on a worker thread
            return probe(profile.url, profile.username, password, verify=profile.verify, cert=profile.cert)

        def _on_tested(me, error) -> None:
            if ticket != self._tests:
                return
            if error is not None:
                self.test_result.setText(self.tr("Failed: {error}").format(error=str(error)[:300]))
            else:
                user, shown = str(me.get("username")), str(me.get("display_name") or me.get("username"))
                who = shown if shown == user else f"{shown} ({user})"
                role, court = name("role", str(me.get("role"))), me.get("court_name") or me.get("court_id")
                self.test_result.setText(
                    self.tr("Connected as {who}: {role}, {court}.").format(who=who, role=role, court=court)
                )

        run_in_background(self, _do_test, _on_tested)
