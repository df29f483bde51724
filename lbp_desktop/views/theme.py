"""Light and dark: follow the system, or keep the one the user chose.

Qt (>= 6.5) reports the system scheme through ``QStyleHints.colorScheme()``
and ``colorSchemeChanged``; since 6.8 an app may ask for one with
``setColorScheme``. Platforms that cannot honour the request (older desktops,
the offscreen platform of the tests) keep reporting what they had, so then
an explicit palette of our own stands in. ui/theme.qss only sets sizes and
spacing and takes its colours from the palette, so it works on both.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from lbp_desktop.paths import ui_dir

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

# The Qt namespace is imported inside the functions that need it, never at
# module level: its first import builds ~94 enums (~40 ms here), and the
# "system" theme is applied before the first paint without needing it.

THEME_CHOICES = ("system", "light", "dark")
_CHOICE_PROPERTY = "lbpThemeChoice"
_WATCHING_PROPERTY = "lbpThemeWatching"


def _scheme_for(choice: str) -> Qt.ColorScheme:
    from PySide6.QtCore import Qt

    return Qt.ColorScheme.Dark if choice == "dark" else Qt.ColorScheme.Light


Role = QPalette.ColorRole
Group = QPalette.ColorGroup

# Window, text, base, alternate base, button, highlight, mid, midlight, link, placeholder.
_LIGHT = {
    Role.Window: "#f3f3f3",
    Role.WindowText: "#1b1b1b",
    Role.Base: "#ffffff",
    Role.AlternateBase: "#eaedf1",
    Role.Text: "#1b1b1b",
    Role.Button: "#e8e8e8",
    Role.ButtonText: "#1b1b1b",
    Role.BrightText: "#ffffff",
    Role.Highlight: "#1d63ad",
    Role.HighlightedText: "#ffffff",
    Role.Light: "#ffffff",
    Role.Midlight: "#dcdcdc",
    Role.Mid: "#a9a9a9",
    Role.Dark: "#8a8a8a",
    Role.Shadow: "#5a5a5a",
    Role.Link: "#0b5cad",
    Role.LinkVisited: "#6a3d9a",
    Role.ToolTipBase: "#ffffdc",
    Role.ToolTipText: "#1b1b1b",
    Role.PlaceholderText: "#6b6b6b",
    Role.Accent: "#1d63ad",
}
_DARK = {
    Role.Window: "#1f2023",
    Role.WindowText: "#ececec",
    Role.Base: "#27282c",
    Role.AlternateBase: "#2e3035",
    Role.Text: "#ececec",
    Role.Button: "#34363b",
    Role.ButtonText: "#ececec",
    Role.BrightText: "#ffffff",
    Role.Highlight: "#3a7fc9",
    Role.HighlightedText: "#ffffff",
    Role.Light: "#4a4c52",
    Role.Midlight: "#3b3d42",
    Role.Mid: "#5d6068",
    Role.Dark: "#151618",
    Role.Shadow: "#000000",
    Role.Link: "#7ab8ff",
    Role.LinkVisited: "#c49bff",
    Role.ToolTipBase: "#34363b",
    Role.ToolTipText: "#ececec",
    Role.PlaceholderText: "#a0a3aa",
    Role.Accent: "#3a7fc9",
}
_DISABLED_TEXT = {"light": "#8c8c8c", "dark": "#7d8087"}


def normalise_choice(value: object) -> str:
    """A stored setting from an older or hand-edited file falls back to system."""
    text = str(value).strip().lower() if value is not None else ""
    return text if text in THEME_CHOICES else "system"


def fallback_palette(scheme: str) -> QPalette:
    colours = _DARK if scheme == "dark" else _LIGHT
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(Group.Disabled, role, QColor(_DISABLED_TEXT[scheme]))
    return palette


def palette_is_dark(palette: QPalette) -> bool:
    return palette.color(Role.Window).lightness() < 128


def effective_scheme(app: QApplication) -> str:
    """ "light" or "dark": what the user sees now, whatever asked for it."""
    from PySide6.QtCore import Qt

    reported = app.styleHints().colorScheme()
    if reported == Qt.ColorScheme.Dark:
        scheme = "dark"
    elif reported == Qt.ColorScheme.Light:
        scheme = "light"
    else:
        scheme = "dark" if palette_is_dark(app.palette()) else "light"
    # A fallback palette wins over what the platform reports.
    choice = normalise_choice(app.property(_CHOICE_PROPERTY))
    if choice != "system" and reported != _scheme_for(choice):
        return choice
    return scheme


@cache
def load_stylesheet() -> str:
    path = ui_dir() / "theme.qss"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def apply_theme(app: QApplication, choice: str) -> None:
    """Apply "system", "light" or "dark" (see effective_scheme for the result)."""
    choice = normalise_choice(choice)
    app.setProperty(_CHOICE_PROPERTY, choice)
    hints = app.styleHints()
    if choice == "system":
        hints.unsetColorScheme()
        app.setPalette(QPalette())  # an empty palette means the platform's own again
    else:
        wanted = _scheme_for(choice)
        hints.setColorScheme(wanted)
        if hints.colorScheme() == wanted:
            app.setPalette(QPalette())
        else:
            app.setPalette(fallback_palette(choice))
    # Setting the sheet again repolishes every widget, so palette(...) colours
    # in it are looked up afresh.
    app.setStyleSheet(load_stylesheet())
    _watch_system_scheme(app)


def _watch_system_scheme(app: QApplication) -> None:
    if app.property(_WATCHING_PROPERTY):
        return
    app.setProperty(_WATCHING_PROPERTY, True)

    def on_scheme_changed(_scheme: Qt.ColorScheme) -> None:
        # Only "system" follows the desktop; an explicit choice stays put.
        if normalise_choice(app.property(_CHOICE_PROPERTY)) == "system":
            app.setPalette(QPalette())
            app.setStyleSheet(load_stylesheet())

    app.styleHints().colorSchemeChanged.connect(on_scheme_changed)
