"""Colour and contrast: every team status and every severity has a colour of its own, still told
apart with the common colour-vision deficiencies (simulated); every text colour reads at WCAG AA
(4.5:1) in both themes, the palette's own and the text drawn in a status or severity colour."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel

from tests.support.vision import VISIONS, difference
from widgets.style import (
    AA_CONTRAST,
    LOST_CONTACT_COLOR,
    OVERDUE_COLOR,
    SEVERITY_COLORS,
    STATUS_COLORS,
    contrast,
    ink_on,
    mark_problem,
    readable,
)
from widgets.theme import THEMES, apply_theme, palette

APART = 15.0  # ΔE*ab: clearly different at a glance, not merely noticeable (2.3)
STATUSES = {**{status.value: color for status, color in STATUS_COLORS.items()}, "lost contact": LOST_CONTACT_COLOR}
SEVERITIES = {severity.value: color for severity, color in SEVERITY_COLORS.items()}


@pytest.mark.parametrize("vision", VISIONS)
@pytest.mark.parametrize("colours", [STATUSES, SEVERITIES], ids=["statuses", "severities"])
def test_each_status_and_severity_has_a_colour_told_apart_in_every_vision(colours, vision):
    closest = min((difference(colours[a], colours[b], vision), a, b) for a, b in itertools.combinations(colours, 2))
    assert closest[0] >= APART, closest


@pytest.mark.parametrize("theme", THEMES)
def test_the_palette_s_text_reads_at_aa_on_its_backgrounds(theme):
    colours = palette(theme)
    role = QPalette.ColorRole
    for text, background in (
        (role.Text, role.Base),
        (role.Text, role.AlternateBase),
        (role.WindowText, role.Window),
        (role.ButtonText, role.Button),
        (role.PlaceholderText, role.Base),
        (role.HighlightedText, role.Highlight),
        (role.ToolTipText, role.ToolTipBase),
        (role.Link, role.Base),
    ):
        ratio = contrast(colours.color(text), colours.color(background))
        assert ratio >= AA_CONTRAST, (theme, text.name, background.name, round(ratio, 2))


@pytest.mark.parametrize("theme", THEMES)
def test_text_in_a_status_or_severity_colour_is_made_readable_on_each_theme(theme):
    colours = palette(theme)
    for background in (colours.color(QPalette.ColorRole.Base), colours.color(QPalette.ColorRole.Window)):
        for name, colour in {**STATUSES, **SEVERITIES, "overdue": OVERDUE_COLOR}.items():
            shown = readable(colour, background)
            assert contrast(shown, background) >= AA_CONTRAST, (theme, name)
            assert shown.hue() == colour.hue() or colour.saturation() < 30, (
                theme,
                name,
            )  # the same hue, darker or lighter
    for name, colour in STATUSES.items():
        assert contrast(ink_on(colour), colour) >= AA_CONTRAST, name  # a checked chip's label on its colour


@pytest.mark.parametrize("theme", THEMES)
def test_a_problem_said_next_to_a_control_reads_at_aa(qtbot, theme):
    app = QApplication.instance()
    apply_theme(app, theme)
    try:
        label = QLabel("无权操作")
        qtbot.addWidget(label)
        mark_problem(label)
        label.ensurePolished()
        shown = label.palette().color(QPalette.ColorRole.WindowText)
        window = app.palette().color(QPalette.ColorRole.Window)
        assert shown != app.palette().color(QPalette.ColorRole.WindowText)  # it is marked
        assert contrast(shown, window) >= AA_CONTRAST, (theme, shown.name())
        mark_problem(label, False)
        assert label.palette().color(QPalette.ColorRole.WindowText) == app.palette().color(
            QPalette.ColorRole.WindowText
        )
    finally:
        apply_theme(app, "dark")
