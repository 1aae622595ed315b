"""`enforcement-console`: starts the console, on its embedded court backend when none is configured."""

from __future__ import annotations

import argparse
import logging
import os
import queue
import signal
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pyqtgraph as pg
from pyqtgraph.util.garbage_collector import GarbageCollector
from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog

from console.connections import Connections
from console.credentials import Vault
from console.embedded import EmbeddedBackend
from console.outbox import Outbox
from console.paths import config_dir, data_dir
from console.profiles import Profile, ProfileStore
from console.region import load_region
from console.store import Changes, Store
from console.sync import LinkState
from resources import resource_path
from widgets.connection_panel import ask_password, follow
from widgets.i18n import DEFAULT_LANGUAGE, LANGUAGES, install_language
from widgets.layouts import LAYOUTS
from widgets.live_store import LiveStore
from widgets.main_window import DEFAULT_SIZE, MainWindow
from widgets.theme import DEFAULT_THEME, THEMES, apply_theme

log = logging.getLogger(__name__)

CJK_FONT_FILE = "ConsoleSansSC-Regular.otf"
CJK_FONT_FAMILY = "Console Sans SC"
SCREENSHOT_GIVE_UP_S = 90.0
PASSWORD_FILE_ENV = "ENFORCEMENT_CONSOLE_PASSWORD_FILE"
HEADLESS_PLATFORMS = ("offscreen", "minimal")  # no screen: nobody to ask a password of


class ConsoleSession(QObject):
    """One running console: the store, the connections that feed it, and the main window over them."""

    window_replaced = Signal(object)
    """The new main window, after a change of language rebuilt it over the same live state."""

    def __init__(self, settings: QSettings, embedded: EmbeddedBackend, layout: str | None = None) -> None:
        super().__init__()
        self.sink: queue.SimpleQueue = queue.SimpleQueue()
        self.store = Store()
        self.live = LiveStore(self.store, self.sink)
        outbox = Outbox(data_dir(), self.sink)
        self.connections = Connections(self.sink, ProfileStore(config_dir()), Vault(), outbox, embedded)
        if self.connections.uses_embedded():
            self.connections.launch_embedded()  # it boots while the window is built
        self.embedded = embedded
        self._settings = settings
        self._region = load_region()
        self.window = self._new_window(layout)

    def _new_window(self, layout: str | None) -> MainWindow:
        window = MainWindow(self.live, self.connections, self._region, self._settings, layout)
        window.language_requested.connect(self.change_language)
        return window

    def change_language(self, language: str) -> None:
        """Speaks `language` from now on: the window is built again in it, over the same live state,
        in the same place and layout, each panel looked at as it was (zoom, filters, searches)."""
        old = self.window
        old.save_layout()
        install_language(QApplication.instance(), language)
        self.window = self._new_window(old.layout_name)
        self.window.setGeometry(old.geometry())
        self.window.selection.select(old.selection.current)
        views = old.view_states()
        old.hide()
        old.deleteLater()
        self.live.replay()
        self.window.show()
        self.window.restore_view_states(views)
        self.window_replaced.emit(self.window)

    def start(
        self,
        only: str | None = None,
        ask: Callable[[Profile], str | None] | None = None,
        password: str | None = None,
    ) -> None:
        """Follows the embedded backend when no profile is configured, else the profiles that
        connect at start (or only the one named, with `password` when given), each with its kept
        password (read off the GUI thread) or, when none is kept, the one the operator is asked
        for (by `ask`, if given)."""
        if self.connections.uses_embedded():
            self.connections.start_embedded()
            return
        ask = ask or (lambda profile: ask_password(self.window, profile, self.connections))
        for profile in self.connections.profiles:
            if only is not None and profile.name == only and password is not None:
                self.connections.connect(profile, password)
            elif (only is None and profile.autoconnect) or profile.name == only:
                follow(self, profile, self.connections, ask)

    def is_live(self) -> bool:
        return bool(self.store.teams) and any(h.state == LinkState.LIVE for h in self.store.health.values())

    def shutdown(self) -> None:
        self.connections.shutdown()
        self.live.cleanup()


class Screenshot:
    """Grabs the main window once the console has shown `after_s` seconds of live data, then quits."""

    def __init__(self, session: ConsoleSession, path: Path, after_s: float) -> None:
        self._session, self._path, self._after_ms = session, path, int(after_s * 1000)
        self._armed = False
        # Always the same size, whatever size the window was last left at (or the screen allows,
        # offscreen): pictures of the console compare with each other.
        session.window.resize(*DEFAULT_SIZE)
        session.live.changed.connect(self._on_changed)
        QTimer.singleShot(int((SCREENSHOT_GIVE_UP_S + after_s) * 1000), self._on_give_up)

    def _on_changed(self, _: Changes) -> None:
        if not self._armed and self._session.is_live():
            self._armed = True
            QTimer.singleShot(self._after_ms, lambda: self._take(0))

    def _on_give_up(self) -> None:
        if not self._armed:
            print(
                f"enforcement-console: no live data after {SCREENSHOT_GIVE_UP_S:.0f} s; the screenshot shows why",
                file=sys.stderr,
            )
            self._take(1)

    def _take(self, exit_code: int) -> None:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        if not self._session.window.grab().save(str(self._path)):
            print(f"enforcement-console: cannot write {self._path}", file=sys.stderr)
            exit_code = 1
        QApplication.instance().exit(exit_code)


def close_everything() -> None:
    """Closes every window, the dialogs first (their event loops end: nothing waits on them), then
    the main window, which saves its layout; the console quits with its last window."""
    app = QApplication.instance()
    for widget in app.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
    app.closeAllWindows()


def _cannot_ask(profile: Profile) -> None:
    """A headless console has nobody to ask a password of: it says so and exits, rather than wait."""
    print(
        f"enforcement-console: no password for the profile {profile.name!r} and no screen to ask on: "
        f"pass it with --password-stdin or in a file named by ${PASSWORD_FILE_ENV}",
        file=sys.stderr,
    )
    QTimer.singleShot(0, lambda: QApplication.instance().exit(2))


def _give_up_when_refused(session: ConsoleSession, profile: str, _: Changes) -> None:
    """A headless console whose backend refuses it (a wrong password, a refused certificate) has
    nobody to tell on screen: it says why and exits, rather than wait for nothing."""
    health = session.store.health.get(profile)
    if health is not None and health.state in (LinkState.AUTH_FAILED, LinkState.FAILED):
        print(f"enforcement-console: {profile}: {health.state}: {health.detail}", file=sys.stderr)
        QApplication.instance().exit(2)


def collect_garbage_on_gui_thread(app: QApplication) -> None:
    """Python collects reference cycles on whichever thread happens to allocate; a cycle holding Qt
    objects collected on a sync worker crashes Qt. Automatic collection is turned off and done on
    the GUI thread, on a timer, by pyqtgraph's GarbageCollector (made for this very reason)."""
    if getattr(app, "garbage_collector", None) is None:
        app.garbage_collector = GarbageCollector(interval=0.5)


def use_bundled_cjk_font(app: QApplication) -> None:
    """Adds the bundled CJK font behind the platform's own, so Chinese renders on any machine."""
    if QFontDatabase.addApplicationFont(str(resource_path("fonts", CJK_FONT_FILE))) < 0:
        log.warning("the bundled CJK font could not be loaded; Chinese may show as boxes")
        return
    font = app.font()
    font.setFamilies([font.family(), CJK_FONT_FAMILY])
    app.setFont(font)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="enforcement-console",
        description="Enforcement command-centre console. With no connection profile, it starts the reference court "
        "backend on loopback (the embedded default) and follows it; profiles are added in its Connection panel.",
    )
    parser.add_argument("--screenshot", type=Path, metavar="PATH", help="write a PNG of the main window and exit")
    parser.add_argument(
        "--after",
        type=float,
        default=5.0,
        metavar="SECONDS",
        help="seconds of live data before the screenshot (default 5)",
    )
    parser.add_argument("--profile", metavar="NAME", help="connect to this connection profile (only)")
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help=f"with --profile: its password is the first line of standard input (or in ${PASSWORD_FILE_ENV},"
        " a file only you may read)",
    )
    parser.add_argument("--seed", type=int, default=1, help="seed of the embedded backend's simulation (default 1)")
    parser.add_argument("--layout", choices=LAYOUTS, help="start with this named layout: duty (值班台) or wall (大屏)")
    parser.add_argument(
        "--theme", choices=THEMES, help="dark (for the wall) or light; default: the last one chosen, else dark"
    )
    parser.add_argument("--lang", choices=LANGUAGES, help="the UI's language; default: the last one chosen, else zh_CN")
    return parser


def _choice(value: str | None, settings: QSettings, key: str, choices: tuple[str, ...], default: str) -> str:
    """The command line's choice, else the one saved in the settings (if still valid), else the default."""
    saved = settings.value(key, default)
    return value or (saved if saved in choices else default)


def _given_password(args: argparse.Namespace) -> str | None:
    """The password given for `--profile`: standard input's first line, or the first line of the
    file PASSWORD_FILE_ENV names (refused when others may read it); None when none is given."""
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n") or None
    path = os.environ.get(PASSWORD_FILE_ENV)
    if not path:
        return None
    try:
        mode = Path(path).stat().st_mode
        if mode & 0o077:
            raise PasswordNotGiven(f"{path} may be read by others (mode {mode & 0o777:o}): chmod 600 it")
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise PasswordNotGiven(f"cannot read {path}: {error}") from None
    if not lines or not lines[0]:
        raise PasswordNotGiven(f"{path} is empty")
    return lines[0]


class PasswordNotGiven(ValueError):
    """The password named for a headless run cannot be had; the message says why."""


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.password_stdin and args.profile is None:
        parser.error("--password-stdin needs --profile")
    try:
        password = _given_password(args) if args.profile is not None else None
    except PasswordNotGiven as error:
        print(f"enforcement-console: {error}", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("EnforcementConsole")
    app.setApplicationName("enforcement-console")
    use_bundled_cjk_font(app)
    collect_garbage_on_gui_thread(app)
    pg.setConfigOptions(antialias=True)
    settings = QSettings(str(config_dir() / "console.ini"), QSettings.Format.IniFormat)
    apply_theme(app, _choice(args.theme, settings, "ui/theme", THEMES, DEFAULT_THEME))
    install_language(app, _choice(args.lang, settings, "ui/language", LANGUAGES, DEFAULT_LANGUAGE))
    session = ConsoleSession(settings, EmbeddedBackend(seed=args.seed), args.layout)
    if args.profile is not None and session.connections.profile(args.profile) is None:
        known = ", ".join(p.name for p in session.connections.profiles) or "none"
        print(f"enforcement-console: no connection profile named {args.profile!r} (profiles: {known})", file=sys.stderr)
        session.shutdown()
        return 2
    app.aboutToQuit.connect(session.shutdown)
    # Ctrl+C or a polite kill closes the windows like File → Quit, a dialog open meanwhile too: the
    # layout is saved and the embedded backend stopped. (Python runs the handler at the next timer
    # tick of the console.) So does closing its terminal (SIGHUP, where the platform has it).
    for signum in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if signum is not None:
            signal.signal(signum, lambda *_: QTimer.singleShot(0, close_everything))
    session.window.show()
    headless = app.platformName() in HEADLESS_PLATFORMS
    if headless and args.profile is not None:
        session.live.changed.connect(partial(_give_up_when_refused, session, args.profile))
    session.start(only=args.profile, ask=_cannot_ask if headless else None, password=password)
    if args.screenshot is not None:
        session.screenshot = Screenshot(session, args.screenshot, args.after)
    return app.exec()
