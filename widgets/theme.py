"""The console's two looks: dark for the video wall and a darkened room, light for a duty desk by a
window. A theme is a QApplication palette (Fusion style, so that every platform honours it); the
panels take their colours from the palette and follow a change through `QEvent.PaletteChange`.
Status and severity colours stay the same in both; text drawn in them is made readable on each
(`style.readable`), and every text colour of the palette reads at WCAG AA on its background."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from widgets.style import repaint_problem

THEMES = ("dark", "light")
DEFAULT_THEME = "dark"

_COLORS = {
    "dark": {
        QPalette.ColorRole.Window: "#1e2430",
        QPalette.ColorRole.WindowText: "#dde3ec",
        QPalette.ColorRole.Base: "#161b24",
        QPalette.ColorRole.AlternateBase: "#1c222d",
        QPalette.ColorRole.Text: "#dde3ec",
        QPalette.ColorRole.PlaceholderText: "#8f99a8",
        QPalette.ColorRole.Button: "#2a3140",
        QPalette.ColorRole.ButtonText: "#dde3ec",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Highlight: "#3d6fd6",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#2a3140",
        QPalette.ColorRole.ToolTipText: "#eef2f7",
        QPalette.ColorRole.Link: "#7aa7ff",
        QPalette.ColorRole.Light: "#3a4356",
        QPalette.ColorRole.Midlight: "#323a4b",
        QPalette.ColorRole.Mid: "#4a5468",
        QPalette.ColorRole.Dark: "#12161d",
        QPalette.ColorRole.Shadow: "#0a0c10",
    },
    "light": {
        QPalette.ColorRole.Window: "#eef1f5",
        QPalette.ColorRole.WindowText: "#1d2330",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f4f6f9",
        QPalette.ColorRole.Text: "#1d2330",
        QPalette.ColorRole.PlaceholderText: "#5f6878",
        QPalette.ColorRole.Button: "#e2e6ec",
        QPalette.ColorRole.ButtonText: "#1d2330",
        QPalette.ColorRole.BrightText: "#000000",
        QPalette.ColorRole.Highlight: "#2f64c8",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#ffffff",
        QPalette.ColorRole.ToolTipText: "#1d2330",
        QPalette.ColorRole.Link: "#2457b3",
        QPalette.ColorRole.Light: "#ffffff",
        QPalette.ColorRole.Midlight: "#e8ebf0",
        QPalette.ColorRole.Mid: "#b9c0cb",
        QPalette.ColorRole.Dark: "#8e97a5",
        QPalette.ColorRole.Shadow: "#5c6370",
    },
}


def palette(theme: str) -> QPalette:
    colors = _COLORS[theme]
    result = QPalette()
    for role, color in colors.items():
        result.setColor(role, QColor(color))
    # Disabled controls: the text fades so that an unavailable action reads as such.
    faded = QColor(colors[QPalette.ColorRole.Text])
    faded.setAlphaF(0.45)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        result.setColor(QPalette.ColorGroup.Disabled, role, faded)
    return result


def is_dark(widget_palette: QPalette) -> bool:
    return widget_palette.color(QPalette.ColorRole.Window).lightness() < 128


def apply_theme(app: QApplication, theme: str) -> None:
    """Applies a theme to the whole application; every widget receives a PaletteChange."""
    if theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r}: choose one of {', '.join(THEMES)}")
    app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(palette(theme))
    app.setProperty("console_theme", theme)
    # A problem said next to a control (`style.mark_problem`) takes the new theme's red.
    for widget in app.allWidgets():
        if widget.property("problem"):
            repaint_problem(widget)


def current_theme(app: QApplication) -> str:
    return app.property("console_theme") or DEFAULT_THEME
