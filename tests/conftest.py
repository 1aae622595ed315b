"""Shared fixtures: an offscreen Qt, real reference backends on loopback, a keyring of the tests' own,
and checks that fail a test leaving a worker thread, a pool task, a timer or a window behind."""

from __future__ import annotations

import gc
import os
import queue
import threading
import traceback
from weakref import WeakKeyDictionary

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import keyring.backends.fail
import pyqtgraph as pg
import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication

from console.connections import Connections
from console.credentials import Vault
from console.embedded import EmbeddedBackend
from console.outbox import Outbox
from console.paths import config_dir, data_dir
from console.profiles import Profile, ProfileStore
from console.region import load_region
from console.store import Store
from tests.support.backends import CASES, SEED, start_backend, start_stepped_backend
from tests.support.consoles import close, loaded
from tests.support.keyrings import MemoryKeyring
from widgets.app import ConsoleSession, collect_garbage_on_gui_thread
from widgets.i18n import current_language, install_language
from widgets.live_store import LiveStore
from widgets.main_window import MainWindow

POOL_WAIT_MS = 5000


@pytest.fixture(scope="session")
def backend():
    """One backend shared by the tests that only read from it (its clock is the wall clock)."""
    running = start_backend()
    yield running
    running.process.close()


@pytest.fixture(scope="module")
def stepped_backend():
    """A backend of the module's own that moves only when a test steps its clock: queries answer,
    escalations arise and KPIs are computed as soon as a test asks, the same way each run."""
    running = start_stepped_backend()
    yield running
    running.process.close()


@pytest.fixture(scope="module")
def fast_book():
    """A small book of the module's own whose months pass in minutes of a stepped clock: the 终本
    pool's six-monthly re-queries, a freeze's year before it lapses."""
    running = start_stepped_backend(speed=100_000, cases=400)
    yield running
    running.process.close()


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


@pytest.fixture
def unthrottled_mouse():
    """Lets synthetic drags through: pyqtgraph drops moves closer than 10 ms, which no hand makes."""
    rate_limit = pg.getConfigOption("mouseRateLimit")
    pg.setConfigOptions(mouseRateLimit=-1)
    yield
    pg.setConfigOptions(mouseRateLimit=rate_limit)


# Leak checks (napari's conftest does the like): what a test starts, it ends.


def _where() -> str:
    """The test's line that started something (the first frame in tests/, but this file)."""
    for frame in reversed(traceback.extract_stack()[:-2]):
        if "/tests/" in frame.filename and not frame.filename.endswith("conftest.py"):
            return f"{os.path.basename(frame.filename)}:{frame.lineno}"
    return "?"


def _settle() -> None:
    """Lets closed windows go: their cycles collected, their deferred deletions done."""
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


@pytest.fixture(autouse=True)
def no_leaked_threads():
    """Fails a test that leaves a sync worker or a backend reader running behind it."""
    before = set(threading.enumerate())
    yield
    leaked = [
        t.name
        for t in threading.enumerate()
        if t not in before and t.is_alive() and t.name.startswith(("sync-", "embedded-backend-output"))
    ]
    assert not leaked, f"threads left running: {leaked}"


@pytest.fixture(autouse=True)
def no_leaked_pool_tasks(qapp):
    """Fails a test that leaves work on the thread pool (a fetch whose answer nobody waits for)."""
    yield
    assert QThreadPool.globalInstance().waitForDone(POOL_WAIT_MS), "tasks left running on the thread pool"


@pytest.fixture(autouse=True)
def no_leaked_timers(monkeypatch, qapp):
    """Fails a test that leaves a timer running once its windows are closed and gone."""
    started: WeakKeyDictionary[QTimer, str] = WeakKeyDictionary()
    start = QTimer.start

    def noted_start(self, *args):
        started[self] = _where()
        start(self, *args)

    monkeypatch.setattr(QTimer, "start", noted_start)
    yield
    monkeypatch.undo()

    def running() -> list[str]:
        return sorted(
            {where for timer, where in list(started.items()) if shiboken6.isValid(timer) and timer.isActive()}
        )

    if running():  # closed windows may still be on their way out: let them go, then look again
        _settle()
    assert not running(), f"timers left running, started at {running()}"


@pytest.fixture(autouse=True)
def no_leaked_windows(qapp):
    """Fails a test that leaves a window of its own open."""
    before = set(QApplication.topLevelWidgets())
    yield

    def left() -> list[str]:
        return [
            type(w).__name__
            for w in QApplication.topLevelWidgets()
            if w not in before and shiboken6.isValid(w) and w.isVisible()
        ]

    if left():
        _settle()
    assert not left(), f"windows left open: {left()}"


# Consoles.


@pytest.fixture
def make_window(qtbot):
    """Main windows over an empty store, with no backend: for the layout alone."""
    opened = []

    def make(settings) -> MainWindow:
        sink: queue.SimpleQueue = queue.SimpleQueue()
        connections = Connections(sink, ProfileStore(config_dir()), Vault(), Outbox(data_dir(), sink))
        live = LiveStore(Store(), sink)
        window = MainWindow(live, connections, load_region(), settings)
        opened.append((live, connections))  # the test may keep only a panel: the window lives on
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    for live, connections in opened:
        connections.shutdown()
        live.cleanup()


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def session(qtbot, settings):
    """The console on an embedded backend of its own, as `enforcement-console` starts it."""
    running = ConsoleSession(settings, EmbeddedBackend(seed=SEED, cases=CASES))
    running.start()
    running.window.show()
    yield running
    close(running)


@pytest.fixture
def console_as(qtbot, memory_keyring, stepped_backend):
    """Starts a console on the module's stepped backend (profile "快"), signed in as one of its demo accounts."""
    sessions: list[ConsoleSession] = []

    def start(username: str) -> ConsoleSession:
        ProfileStore(config_dir()).save([Profile("快", stepped_backend.url, username)])
        Vault().put("快", username, stepped_backend.password_of(username), remember=True)
        session = ConsoleSession(
            QSettings(str(config_dir() / "console.ini"), QSettings.Format.IniFormat),
            EmbeddedBackend(seed=SEED, cases=CASES),
        )
        sessions.append(session)
        session.window.show()
        session.start()
        qtbot.waitUntil(lambda: loaded(session), timeout=30_000)
        return session

    yield start
    for session in sessions:
        close(session)


@pytest.fixture
def desk(console_as):
    """The duty desk: a console on the module's stepped backend, signed in as an operator."""
    return console_as("operator")
