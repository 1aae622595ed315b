"""Shared fixtures: an offscreen Qt, a real reference backend on loopback, and leak checks."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import queue
import threading
import time
import uuid

import keyring
import keyring.backend
import keyring.backends.fail
import keyring.errors
import pytest
import requests
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from console.connections import Connections
from console.credentials import Vault
from console.embedded import EmbeddedBackend
from console.outbox import Outbox
from console.paths import config_dir, data_dir
from console.profiles import Profile, ProfileStore
from console.region import load_region
from console.store import Store
from widgets.app import ConsoleSession, collect_garbage_on_gui_thread
from widgets.i18n import current_language, install_language
from widgets.live_store import LiveStore
from widgets.main_window import MainWindow

SEED = 7
CASES = 3000  # a small book: generating the default 50,000 takes seconds at every start


class RunningBackend:
    """A reference backend in its own process, as a black-box client sees it."""

    def __init__(self, process: EmbeddedBackend, url: str) -> None:
        self.process = process
        self.url = url
        self.password = process.credentials.password

    def api(self, path: str) -> str:
        return f"{self.url}/api/v1/{path.lstrip('/')}"

    def token(self, username: str = "operator") -> str:
        response = requests.post(
            self.api("auth/token"), json={"username": username, "password": self.password}, timeout=10
        )
        response.raise_for_status()
        return response.json()["access_token"]

    def auth(self, username: str = "operator") -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token(username)}"}

    def get(self, path: str, username: str = "operator", **params) -> dict:
        response = requests.get(self.api(path), params=params, headers=self.auth(username), timeout=10)
        assert response.status_code == 200, response.text
        return response.json()

    def command(
        self,
        path: str,
        body: dict | None = None,
        *,
        username: str = "operator",
        key: str | None = None,
        version: int | None = None,
    ) -> requests.Response:
        """POSTs a command with a fresh Idempotency-Key (or the one given) and If-Match when a version is given."""
        headers = self.auth(username)
        headers["Idempotency-Key"] = key or uuid.uuid4().hex
        if version is not None:
            headers["If-Match"] = f'"{version}"'
        return requests.post(self.api(path), json=body or {}, headers=headers, timeout=10)


def when_the_dialog_opens(fill, within_s: float = 30.0) -> None:
    """Fills the modal dialog that the next action opens, then accepts it (unless `fill` closed it).
    If none opens within `within_s`, it gives up: a later test's dialog is none of its business."""
    deadline = time.monotonic() + within_s

    def answer():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            if time.monotonic() < deadline:
                QTimer.singleShot(20, answer)
            return
        fill(dialog)
        if dialog.isVisible():
            dialog.accept()

    QTimer.singleShot(0, answer)


def start_backend(**options) -> RunningBackend:
    process = EmbeddedBackend(seed=SEED, cases=CASES, **options)
    process.start()
    return RunningBackend(process, process.wait_ready())


@pytest.fixture(scope="session")
def backend():
    """One backend shared by the tests that only read from it."""
    running = start_backend()
    yield running
    running.process.stop()


@pytest.fixture(scope="session")
def fast_backend():
    """A backend whose clock runs 300 times faster: queries answer and escalations arise in seconds."""
    running = start_backend(speed=300.0)
    yield running
    running.process.stop()


class MemoryKeyring(keyring.backend.KeyringBackend):
    """An OS keyring stand-in for tests: this machine has none."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    stand_in = MemoryKeyring()
    keyring.set_keyring(stand_in)
    yield stand_in
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def console_dirs(tmp_path, monkeypatch):
    """Every test gets its own config and data directories: nothing touches the real ones."""
    monkeypatch.setenv("ENFORCEMENT_CONSOLE_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("ENFORCEMENT_CONSOLE_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture(autouse=True, scope="session")
def garbage_collected_on_the_gui_thread(qapp):
    """As in the console: a cycle of Qt objects collected on a sync worker would crash."""
    collect_garbage_on_gui_thread(qapp)


@pytest.fixture(autouse=True)
def english_ui(qapp):
    """Tests read the UI's English source strings: a test that changed the language (the console's
    main() installs the saved one, Chinese by default) has it undone."""
    yield
    if current_language(qapp) != "en":
        install_language(qapp, "en")


@pytest.fixture(autouse=True)
def no_leaked_threads():
    """Fails a test that leaves a sync worker or a backend reader running behind it."""
    before = set(threading.enumerate())
    yield
    leaked = [
        t
        for t in threading.enumerate()
        if t not in before and t.is_alive() and t.name.startswith(("sync-", "embedded-backend-output"))
    ]
    assert not leaked, f"threads left running: {[t.name for t in leaked]}"


@pytest.fixture
def make_window(qtbot):
    """Main windows over an empty store, with no backend: for the layout alone."""
    opened = []

    def make(settings) -> MainWindow:
        sink: queue.SimpleQueue = queue.SimpleQueue()
        connections = Connections(sink, ProfileStore(config_dir()), Vault(), Outbox(data_dir()))
        window = MainWindow(LiveStore(Store(), sink), connections, load_region(), settings)
        opened.append((window, connections))  # the test may keep only a panel: the window lives on
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    for _, connections in opened:
        connections.shutdown()


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def session(qtbot, settings):
    running = ConsoleSession(settings, EmbeddedBackend(seed=SEED, cases=CASES))
    running.start()
    running.window.show()
    yield running
    running.shutdown()
    running.window.close()  # the window of the moment: a change of language replaces it


@pytest.fixture
def console_as(qtbot, memory_keyring, fast_backend):
    """Starts a console on the fast backend (profile "快"), signed in as one of its demo accounts."""
    sessions: list[ConsoleSession] = []

    def start(username: str) -> ConsoleSession:
        ProfileStore(config_dir()).save([Profile("快", fast_backend.url, username)])
        Vault().put("快", username, fast_backend.password, remember=True)
        session = ConsoleSession(
            QSettings(str(config_dir() / "console.ini"), QSettings.Format.IniFormat),
            EmbeddedBackend(seed=SEED, cases=CASES),
        )
        sessions.append(session)
        session.window.show()
        session.start()
        qtbot.waitUntil(session.is_live, timeout=30_000)
        return session

    yield start
    for session in sessions:
        session.shutdown()
        session.window.close()


@pytest.fixture
def fast_console(console_as):
    """The console on the fast backend, where escalations arise every few seconds, as an operator."""
    return console_as("operator")
