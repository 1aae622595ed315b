"""How the console looks and speaks: the named layouts, the two themes, and the two languages."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from resources.translations.update import update
from tests.support.consoles import loaded, marker_positions
from widgets.i18n import install_language
from widgets.panels import Panel
from widgets.theme import apply_theme, is_dark

TRANSLATIONS = Path(__file__).resolve().parents[1] / "resources" / "translations"


@pytest.fixture
def english():
    """Tests here change the application's theme too: each leaves it dark, as the console starts."""
    yield
    apply_theme(QApplication.instance(), "dark")


def view_menu(window):
    return next(a.menu() for a in window.menuBar().actions() if a.menu() and a.menu().title() in ("&View", "视图(&V)"))


def test_the_video_wall_gives_the_map_most_of_the_room_in_large_type(english, qtbot, make_window, settings):
    window = make_window(settings)
    desk_font = window.font().pointSizeF()
    window.use_layout("wall")
    qtbot.waitUntil(lambda: window.docks["map"].width() > 0.6 * window.width())
    team_column = window.panels[Panel.TEAMS].view.horizontalHeader().sectionSize(0)
    assert window.font().pointSizeF() > 1.4 * desk_font
    assert not window.docks["event_log"].isVisible() and window.docks["escalations"].isVisible()
    metrics = window.panels[Panel.TEAMS].view.fontMetrics()
    assert team_column >= metrics.horizontalAdvance(
        window.panels[Panel.TEAMS].model.headerData(0, Qt.Orientation.Horizontal)
    )
    window.use_layout("duty")
    assert all(dock.isVisible() for dock in window.docks.values())
    assert window.font().pointSizeF() == desk_font


def test_each_named_layout_keeps_what_the_operator_made_of_it(english, make_window, settings):
    window = make_window(settings)
    window.use_layout("wall")
    window.docks["teams"].close()
    window.use_layout("duty")
    assert window.docks["teams"].isVisible()
    window.use_layout("wall")
    assert not window.docks["teams"].isVisible() and not window.docks["event_log"].isVisible()
    window.close()
    again = make_window(settings)  # the next start: the layout last used, as it was left
    assert again.layout_name == "wall" and not again.docks["teams"].isVisible()
    again.reset_layout()
    assert again.docks["teams"].isVisible() and not again.docks["event_log"].isVisible()


def test_a_theme_chosen_in_the_menu_applies_at_once_and_is_remembered(english, qtbot, make_window, settings):
    apply_theme(QApplication.instance(), "dark")  # as the console starts
    window = make_window(settings)
    theme_menu = next(a.menu() for a in view_menu(window).actions() if a.menu() and a.menu().title() == "&Theme")
    next(a for a in theme_menu.actions() if a.text().startswith("Light")).trigger()
    qtbot.waitUntil(lambda: not is_dark(window.palette()))
    assert window.panels[Panel.TEAMS].view.palette().color(QPalette.ColorRole.Base).lightness() > 200
    chip = next(iter(window.panels[Panel.TEAMS].chips.buttons.values())).grab().toImage()
    assert chip.pixelColor(chip.width() - 6, chip.height() // 2).lightness() > 150  # the chips too, style sheet and all
    assert settings.value("ui/theme") == "light"
    next(a for a in theme_menu.actions() if a.text().startswith("Dark")).trigger()
    qtbot.waitUntil(lambda: is_dark(window.panels[Panel.TEAMS].view.palette()))


def test_the_ui_speaks_chinese_and_switches_to_english_over_the_same_live_state(english, qtbot, session):
    install_language(QApplication.instance(), "zh_CN")
    session.change_language("zh_CN")
    qtbot.waitUntil(lambda: loaded(session), timeout=30_000)
    assert session.window.windowTitle() == "执行指挥中心"
    assert session.window.docks["teams"].windowTitle() == "外勤队伍"
    assert view_menu(session.window).title() == "视图(&V)"
    teams, size = len(session.store.teams), session.window.size()
    language_menu = next(
        a.menu() for a in view_menu(session.window).actions() if a.menu() and a.menu().title() == "语言(&L)"
    )
    next(a for a in language_menu.actions() if a.text() == "English").trigger()
    assert session.window.windowTitle() == "Enforcement Command Centre"
    assert session.window.docks["teams"].windowTitle() == "Field teams"
    # The new window shows the same store at once, the map and the alarm included.
    assert session.window.panels[Panel.TEAMS].model.rowCount() == teams
    assert len(marker_positions(session.window)) == teams
    assert session.window.isVisible() and session.window.size() == size


def test_every_string_of_the_ui_has_its_chinese_and_the_compiled_file_is_current(tmp_path):
    ts, qm = tmp_path / "console_zh_CN.ts", tmp_path / "console_zh_CN.qm"
    shutil.copy(TRANSLATIONS / "console_zh_CN.ts", ts)
    update(ts, qm)
    text = ts.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text, (
        "strings without a translation: run resources/translations/update.py and translate"
    )
    assert text == (TRANSLATIONS / "console_zh_CN.ts").read_text(encoding="utf-8"), (
        "the .ts is out of date with the source"
    )
    assert qm.read_bytes() == (TRANSLATIONS / "console_zh_CN.qm").read_bytes(), "the .qm is out of date with the .ts"


def test_no_ui_string_hides_from_the_translation_tools():
    """pyside6-lupdate does not look inside f-strings: a tr() there would never be translated."""
    hidden = [
        f"{path.name}:{number}"
        for path in sorted((TRANSLATIONS.parents[1] / "widgets").glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"""\bf(["']).*?\{[^{}]*\b(tr|translate)\(""", line)
    ]
    assert not hidden, f"tr() inside an f-string: {hidden}"
