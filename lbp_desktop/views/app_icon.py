"""The app's own icon, given to Qt when a window of ours is first shown.

Not at start: with the icon set, Qt decodes every size for each new
top-level window (X11 wants them all in _NET_WM_ICON), which measured about
5 MB and two threads for an app that only sits in the tray.
"""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from lbp_desktop import paths


def app_icon() -> QIcon:
    """The app icon from its PNGs (files are read only when a size is drawn)."""
    icon = QIcon()
    for png in paths.app_icon_files():
        icon.addFile(str(png))
    return icon


def ensure_app_icon() -> None:
    """Give every window the app icon; only the first call does anything."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and not app.property(_GIVEN):
        app.setWindowIcon(app_icon())
        app.setProperty(_GIVEN, True)


_GIVEN = "lbpAppIconGiven"
