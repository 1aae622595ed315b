"""The GUI thread never waits on a file or the keyring: every statement of the outbox and every
call to the keyring, through a shift's work (start, a command, a profile added and removed), runs
on another thread."""

from __future__ import annotations

import sqlite3
import threading

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from console.commands import Action, CommandState, Subject
from console.credentials import Vault
from console.embedded import EmbeddedBackend
from console.paths import config_dir
from console.profiles import Profile, ProfileStore
from console.records import Collection
from tests.support.backends import CASES, SEED
from tests.support.consoles import close, loaded
from tests.support.dialogs import when_the_dialog_opens
from widgets.app import ConsoleSession
from widgets.panels import Panel

GUI = threading.main_thread().name


def test_the_outbox_and_the_keyring_are_used_off_the_gui_thread(qtbot, memory_keyring, stepped_backend, monkeypatch):
    statements: list[str] = []  # the thread of each SQL statement
    connect = sqlite3.connect

    def traced(*args, **kwargs):
        db = connect(*args, **kwargs)
        db.set_trace_callback(lambda _: statements.append(threading.current_thread().name))
        return db

    monkeypatch.setattr(sqlite3, "connect", traced)
    ProfileStore(config_dir()).save([Profile("快", stepped_backend.url, "operator")])
    Vault().put("快", "operator", stepped_backend.password_of("operator"), remember=True)
    memory_keyring.threads.clear()  # the test's own setting up

    session = ConsoleSession(
        QSettings(str(config_dir() / "console.ini"), QSettings.Format.IniFormat),
        EmbeddedBackend(seed=SEED, cases=CASES),
    )
    try:
        session.window.show()
        session.start()
        qtbot.waitUntil(lambda: loaded(session), timeout=30_000)

        command = session.connections.submit(
            "快", Action.MESSAGE, Subject(Collection.TEAMS, "T0001"), {"text": "原地待命"}, "指令"
        )
        qtbot.waitUntil(lambda: (c := session.store.commands.get(command.id)) and c.state == CommandState.DELIVERED)

        panel = session.window.panels[Panel.CONNECTION]

        def fill(dialog):
            dialog.name.setText("再一个")
            dialog.url.setText(stepped_backend.url)
            dialog.username.setText("observer")
            dialog.password.setText(stepped_backend.password_of("observer"))

        when_the_dialog_opens(fill)
        panel.actions_by_name["add"].trigger()
        qtbot.waitUntil(lambda: "再一个" in session.store.teams.backends(), timeout=30_000)
        panel.view.selectRow([panel.model.backend(r) for r in range(panel.model.rowCount())].index("再一个"))
        when_the_dialog_opens(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
        panel.actions_by_name["remove"].trigger()
        qtbot.waitUntil(lambda: ("enforcement-console", "再一个:observer") not in memory_keyring.passwords)
    finally:
        close(session)

    assert statements and GUI not in statements, "the GUI thread ran an outbox statement"
    # Read at start, written when the profile was added, forgotten when it was removed.
    assert len(memory_keyring.threads) >= 3 and GUI not in memory_keyring.threads, "the GUI thread used the keyring"
