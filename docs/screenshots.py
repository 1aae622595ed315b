"""Writes the README's and the operator's guide's pictures: each layout in each theme and language,
each panel, and the guide's moments (a search listing its matches, an action that says why it cannot
run, quitting with work open), made by the console itself on its embedded backend (offscreen, seeded).

    python -m docs.screenshots [--out docs/screenshots] [--after 20]

The console runs live for `--after` seconds first, so that escalations, queries and KPIs have
arrived; a case with history and an escalation are then picked, so that the detail panels show
something.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from console.commands import Action
from console.domain import EscalationState
from console.embedded import EmbeddedBackend
from console.records import Collection
from widgets.app import ConsoleSession, collect_garbage_on_gui_thread, use_bundled_cjk_font
from widgets.i18n import install_language
from widgets.panels import PANELS, Panel
from widgets.selection import Selected
from widgets.theme import apply_theme

ROOT = Path(__file__).resolve().parent.parent
PANEL_SIZE = (900, 560)


def settle(app: QApplication, seconds: float) -> None:
    """Lets the console run (and its backend move on) for a while."""
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    app.processEvents()


def pick_something(session: ConsoleSession) -> None:
    """Picks a case that has moved through several nodes, and then an open escalation."""
    store = session.store
    cases = [(backend, case) for backend, case in store.cases if case.status == "open"]
    if cases:
        backend, case = max(cases, key=lambda pair: (pair[1].overdue, pair[1].version))
        session.window.selection.select(Selected(Collection.CASES, backend, case.id))
    if any(e.state != EscalationState.RESOLVED for _, e in store.escalations):
        session.window.panels[Panel.ESCALATIONS].view.selectRow(0)


def shoot(app: QApplication, session: ConsoleSession, out: Path, tag: str) -> list[Path]:
    written = []
    for layout in ("duty", "wall"):
        session.window.use_layout(layout)
        settle(app, 1.0)
        path = out / f"layout-{layout}-{tag}.png"
        session.window.grab().save(str(path))
        written.append(path)
    session.window.use_layout("duty")
    return written


def with_popup(window: QWidget, popup: QWidget) -> QPixmap:
    """The window as the operator sees it with a popup (its own top-level window) over it."""
    picture = window.grab()
    painter = QPainter(picture)
    painter.drawPixmap(popup.geometry().topLeft() - window.geometry().topLeft(), popup.grab())
    painter.end()
    return picture


def shoot_guide(app: QApplication, session: ConsoleSession, out: Path, language: str) -> list[Path]:
    window = session.window
    written = []
    # A search: part of a case number, and the matches listed as it is typed.
    code = next(c for _, case in session.store.cases if (c := case.number.split("川")[1][:4]).isdigit())
    window.find()
    QTest.keyClicks(window.panels[Panel.MAP].search, code)  # a court's code: several of its cases
    settle(app, 1.0)
    popup = window.panels[Panel.MAP].matches.completer.popup()
    path = out / f"guide-search-{language}.png"
    with_popup(window, popup).save(str(path))
    written.append(path)
    popup.hide()
    window.panels[Panel.MAP].search.clear()
    # An action that cannot run: F2 with no escalation picked says why, in the status bar and its menu.
    window.selection.select(None)
    settle(app, 0.5)
    window.panels[Panel.ESCALATIONS].actions.actions[Action.ACKNOWLEDGE].trigger()
    settle(app, 0.5)
    path = out / f"guide-refusal-{language}.png"
    window.grab().save(str(path))
    written.append(path)
    # Quitting with escalations open: asked first.
    path = out / f"guide-quit-{language}.png"

    def grab_and_stay() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(50, grab_and_stay)
            return
        settle(app, 0.3)
        with_popup(window, box).save(str(path))
        box.reject()

    if window.what_is_open():
        QTimer.singleShot(0, grab_and_stay)
        window.quit_when_sure()
        written.append(path)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--after", type=float, default=20.0, help="seconds of live data first (default 20)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ["ENFORCEMENT_CONSOLE_CONFIG_DIR"] = tempfile.mkdtemp(prefix="console-shots-config-")
    os.environ["ENFORCEMENT_CONSOLE_DATA_DIR"] = tempfile.mkdtemp(prefix="console-shots-data-")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication(sys.argv[:1])
    use_bundled_cjk_font(app)
    collect_garbage_on_gui_thread(app)
    pg.setConfigOptions(antialias=True)
    apply_theme(app, "dark")
    install_language(app, "zh_CN")
    settings = QSettings(
        os.path.join(os.environ["ENFORCEMENT_CONSOLE_CONFIG_DIR"], "console.ini"), QSettings.Format.IniFormat
    )
    session = ConsoleSession(settings, EmbeddedBackend(seed=3, speed=30.0))
    session.window.show()
    session.start()
    settle(app, args.after)
    written: list[Path] = []
    for language in ("zh_CN", "en"):
        if language != "zh_CN":
            session.change_language(language)
            settle(app, 1.0)
        for theme in ("dark", "light"):
            apply_theme(app, theme)
            pick_something(session)
            settle(app, 2.0)
            written += shoot(app, session, args.out, f"{theme}-{language}")
        apply_theme(app, "dark")
        written += shoot_guide(app, session, args.out, language)
    install_language(app, "zh_CN")
    session.change_language("zh_CN")
    apply_theme(app, "dark")
    pick_something(session)
    settle(app, 2.0)
    for spec in PANELS:
        name = spec.panel.value
        dock = session.window.docks[spec.panel]
        widget = dock.widget()
        dock.setFloating(True)
        dock.resize(*PANEL_SIZE)
        settle(app, 0.5)
        path = args.out / f"panel-{name}.png"
        widget.grab().save(str(path))
        written.append(path)
        dock.setFloating(False)
    session.window.close()
    session.shutdown()
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
