"""The main window: navigation on the left, one page at a time on the right.

The window exposes its four pages (``today_page``, ``session_page``,
``progress_page``, ``settings_page``) so the composition root can connect
their signals; it holds no business rules itself.

Pages are built on first use, not in ``__init__``: importing and building
them costs more than the rest of the window, and the first paint should not
wait for pages nobody is looking at yet. ``build_pages()`` builds them all,
which the app does right after the first paint. For the same reason the Qt
namespace is imported inside the methods that use it: its first import
builds ~94 enums, ~40 ms measured here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow, QPushButton, QVBoxLayout, QWidget

from lbp_desktop import APP_NAME
from lbp_desktop.views.forms.ui_main_window import Ui_MainWindow

if TYPE_CHECKING:
    from collections.abc import Callable

    from lbp_desktop.views.gallery_page import GalleryPage
    from lbp_desktop.views.progress_page import ProgressPage
    from lbp_desktop.views.session_page import SessionPage
    from lbp_desktop.views.settings_page import SettingsPage
    from lbp_desktop.views.today_page import TodayPage

PAGE_NAMES = ("today", "session", "exercises", "progress", "settings")
STATUS_TIMEOUT_MS = 8000


class MainWindow(QMainWindow):
    closing = Signal()  # emitted from closeEvent, before the window closes
    page_changed = Signal(str)  # one of PAGE_NAMES
    page_built = Signal(str)  # a page was just built: time to connect and fill it
    session_view_changed = Signal(bool)  # a guided session's player is (not) on the page

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setWindowTitle(APP_NAME)
        self._pages: dict[str, QWidget] = {}
        self._session_view: QWidget | None = None  # a running guided session
        self._close_handler: Callable[[], bool] | None = None
        self._build_on_show = False
        self._banner_column: QVBoxLayout | None = None
        self._banners: list[QWidget] = []
        # Holds the place of the pages until they are built, so the first
        # paint shows the window's real frame and not an empty stack.
        self._placeholder: QWidget | None = QWidget()
        self._placeholder.setAccessibleName("Loading")
        self.ui.pages.addWidget(self._placeholder)
        self._nav: dict[str, QPushButton] = {
            "today": self.ui.navTodayButton,
            "session": self.ui.navSessionButton,
            "exercises": self.ui.navExercisesButton,
            "progress": self.ui.navProgressButton,
            "settings": self.ui.navSettingsButton,
        }
        for name in PAGE_NAMES:
            # toggled, not clicked: arrow keys between the buttons check them too.
            self._nav[name].toggled.connect(lambda checked, n=name: checked and self.go_to(n))
        for number, name in enumerate(PAGE_NAMES, start=1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda n=name: self.go_to(n, focus=True))
        self._nav["today"].setChecked(True)

    # -- pages, built on first use ------------------------------------------------------------

    def _build_page(self, page_name: str) -> QWidget:
        if page_name == "today":
            from lbp_desktop.views.today_page import TodayPage

            page: QWidget = TodayPage()
        elif page_name == "session":
            from lbp_desktop.views.session_page import SessionPage

            page = SessionPage()
        elif page_name == "exercises":
            from lbp_desktop.views.gallery_page import GalleryPage

            page = GalleryPage()
        elif page_name == "progress":
            from lbp_desktop.views.progress_page import ProgressPage

            page = ProgressPage()
        elif page_name == "settings":
            from lbp_desktop.views.settings_page import SettingsPage

            page = SettingsPage()
        else:
            raise ValueError(f"unknown page {page_name!r}; expected one of {PAGE_NAMES}")
        self._pages[page_name] = page
        self.ui.pages.addWidget(page)
        if self._nav[page_name].isChecked():
            self._show(page)
        self.page_built.emit(page_name)
        return page

    def _show(self, page: QWidget) -> None:
        self.ui.pages.setCurrentWidget(page)
        if self._placeholder is not None:
            self.ui.pages.removeWidget(self._placeholder)
            self._placeholder.deleteLater()
            self._placeholder = None

    def page(self, page_name: str) -> QWidget:
        return self._pages.get(page_name) or self._build_page(page_name)

    def built_pages(self) -> list[str]:
        return [name for name in PAGE_NAMES if name in self._pages]

    def show_current_page(self) -> None:
        """Build (if need be) and show the page whose nav button is checked."""
        self.page(self._checked_page_name())

    def show_current_page_when_shown(self) -> None:
        """Started hidden (in the tray): build the page when the window first shows."""
        self._build_on_show = True

    def showEvent(self, event) -> None:
        if self._build_on_show:
            # Started hidden in the tray: the page, and the app icon, come now.
            from lbp_desktop.views.app_icon import ensure_app_icon

            self._build_on_show = False
            ensure_app_icon()
            self.show_current_page()
        super().showEvent(event)

    def build_pages(self) -> None:
        """Build every page now (tests, screenshots); the checked one is shown."""
        for name in PAGE_NAMES:
            self.page(name)

    def _checked_page_name(self) -> str:
        return next(n for n in PAGE_NAMES if self._nav[n].isChecked())

    @property
    def today_page(self) -> TodayPage:
        return self.page("today")  # type: ignore[return-value]

    @property
    def session_page(self) -> SessionPage:
        return self.page("session")  # type: ignore[return-value]

    @property
    def exercises_page(self) -> GalleryPage:
        return self.page("exercises")  # type: ignore[return-value]

    @property
    def progress_page(self) -> ProgressPage:
        return self.page("progress")  # type: ignore[return-value]

    @property
    def settings_page(self) -> SettingsPage:
        return self.page("settings")  # type: ignore[return-value]

    # -- pages --------------------------------------------------------------------------------

    def go_to(self, page_name: str, *, focus: bool = False) -> None:
        """Show a page by name; with focus, move the keyboard focus into it."""
        from PySide6.QtCore import Qt  # not at import: see the module docstring

        before = self.ui.pages.currentWidget()
        page = self.page(page_name)
        if page_name == "session" and self._session_view is not None:
            page = self._session_view  # a guided session is on: show it, not the plan list
        self._nav[page_name].setChecked(True)
        changed = before is not page
        self._show(page)
        if focus:
            page.setFocus(Qt.FocusReason.ShortcutFocusReason)
            focused = QApplication.focusWidget()
            if focused is None or not page.isAncestorOf(focused):
                # Nothing to focus on the page (say, no plans yet): its nav button
                # at least tells a keyboard user where they are.
                self._nav[page_name].setFocus(Qt.FocusReason.ShortcutFocusReason)
        if changed:
            self.page_changed.emit(page_name)

    def show_session_view(self, view: QWidget | None) -> None:
        """While a guided session runs, the Session page shows its player.

        ``None`` ends that: the Session page shows the plans again.
        """
        old = self._session_view
        self._session_view = view
        if (old is None) != (view is None):
            self.session_view_changed.emit(view is not None)
        if view is not None:
            self.ui.pages.addWidget(view)
            self.go_to("session", focus=True)
        if old is not None and old is not view:
            showing_old = self.ui.pages.currentWidget() is old
            self.ui.pages.removeWidget(old)
            old.deleteLater()  # the finished session's page and everything it owns
            if showing_old:
                self.go_to("session")

    def session_view(self) -> QWidget | None:
        return self._session_view

    def current_page_name(self) -> str:
        current = self.ui.pages.currentWidget()
        if current is not None and current is self._session_view:
            return "session"
        return next(
            (name for name, page in self._pages.items() if page is current),
            self._checked_page_name(),
        )

    # -- banners ------------------------------------------------------------------------------

    def show_banner(self, banner: QWidget) -> None:
        """A card above the pages (whatever page is shown) until it closes itself."""
        if self._banner_column is None:
            # Built on first use: the first paint needs no column for banners.
            layout = self.ui.centralLayout
            index = layout.indexOf(self.ui.pages)
            stretch = layout.stretch(index)
            layout.removeWidget(self.ui.pages)
            column = QVBoxLayout()
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(self.ui.pages, 1)
            layout.insertLayout(index, column, stretch)
            self._banner_column = column
        # A margin around the card, gone with it.
        holder = QWidget()
        margins = QVBoxLayout(holder)
        margins.setContentsMargins(16, 12, 16, 0)
        margins.addWidget(banner)
        banner.destroyed.connect(holder.deleteLater)
        self._banners.append(banner)
        banner.destroyed.connect(lambda: self._banners.remove(banner))
        self._banner_column.insertWidget(self._banner_column.count() - 1, holder)
        banner.show()

    def banners(self) -> list[QWidget]:
        return [b for b in self._banners if not b.isHidden()]

    def nav_button(self, page_name: str) -> QPushButton:
        return self._nav[page_name]

    # -- status bar ---------------------------------------------------------------------------

    def show_status(self, message: str, timeout_ms: int = STATUS_TIMEOUT_MS) -> None:
        """A short note at the bottom; 0 keeps it until replaced."""
        self.ui.statusBar.showMessage(message, timeout_ms)

    def clear_status(self) -> None:
        self.ui.statusBar.clearMessage()

    def status_text(self) -> str:
        return self.ui.statusBar.currentMessage()

    # -- geometry -----------------------------------------------------------------------------

    def save_geometry_state(self) -> str:
        """Size and position as base64 text, for the settings file."""
        return bytes(self.saveGeometry().toBase64().data()).decode("ascii")

    def restore_geometry_state(self, state: str) -> bool:
        """False (and nothing changes) when the text is empty or not a saved geometry."""
        if not state:
            return False
        try:
            raw = QByteArray.fromBase64(state.encode("ascii"))
        except UnicodeEncodeError:
            return False
        return bool(raw) and self.restoreGeometry(raw)

    def set_close_handler(self, handler: Callable[[], bool] | None) -> None:
        """``handler`` decides whether a close really closes (False: it was
        hidden to the tray, or the user chose to keep the app)."""
        self._close_handler = handler

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()  # size and place are worth keeping either way
        handler = self._close_handler
        if handler is not None and not handler():
            event.ignore()
            return
        super().closeEvent(event)


def bring_to_front(window: QWidget) -> None:
    """Show a window that a second launch asked for: restore, raise, focus."""
    from PySide6.QtCore import Qt

    if window.isMinimized():
        # A window minimised from maximised comes back maximised.
        if window.windowState() & Qt.WindowState.WindowMaximized:
            window.showMaximized()
        else:
            window.showNormal()
    elif not window.isVisible():
        window.show()
    window.raise_()
    window.activateWindow()
