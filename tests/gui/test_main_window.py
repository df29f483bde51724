"""The window opens, every page is reachable by mouse and keyboard, and the
small services it offers the app (status, geometry, closing) work."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QSpinBox,
    QTextBrowser,
    QWidget,
)

from lbp_desktop import APP_NAME
from lbp_desktop.views.main_window import PAGE_NAMES, MainWindow, bring_to_front
from lbp_desktop.views.plan_view import PlanView

MNEMONICS = {
    "today": Qt.Key.Key_T,
    "session": Qt.Key.Key_S,
    "exercises": Qt.Key.Key_X,
    "progress": Qt.Key.Key_P,
    "settings": Qt.Key.Key_E,
}


def test_window_opens_on_today_with_the_app_name(window: MainWindow) -> None:
    assert window.isVisible()
    assert window.windowTitle() == APP_NAME
    assert window.current_page_name() == "today"
    assert window.nav_button("today").isChecked()


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_each_page_reachable_by_clicking_the_nav(qtbot, window: MainWindow, name: str) -> None:
    if name == "today":
        window.go_to("settings")
    with qtbot.waitSignal(window.page_changed) as blocker:
        qtbot.mouseClick(window.nav_button(name), Qt.MouseButton.LeftButton)
    assert blocker.args == [name]
    assert window.current_page_name() == name
    assert window.ui.pages.currentWidget() is window.page(name)


@pytest.mark.parametrize(("number", "name"), list(enumerate(PAGE_NAMES, start=1)))
def test_each_page_reachable_by_ctrl_number(
    qtbot, window: MainWindow, plans: list[PlanView], number: int, name: str
) -> None:
    window.session_page.set_plans(plans)
    if name == "today":
        window.go_to("progress")
    key = Qt.Key(Qt.Key.Key_0.value + number)
    qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_name() == name
    # The keyboard user lands inside the page, not stuck on the old one.
    focus = QApplication.focusWidget()
    assert focus is not None and window.page(name).isAncestorOf(focus)


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_each_page_reachable_by_alt_mnemonic(qtbot, window: MainWindow, name: str) -> None:
    if name == "today":
        window.go_to("session")
    qtbot.keyClick(window, MNEMONICS[name], Qt.KeyboardModifier.AltModifier)
    # A mnemonic "animates" the click, so it lands a moment later.
    qtbot.waitUntil(lambda: window.current_page_name() == name)


def test_ctrl_number_on_an_empty_page_focuses_its_nav_button(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_name() == "session"
    assert QApplication.focusWidget() is window.nav_button("session")


def test_unknown_page_is_an_error(window: MainWindow) -> None:
    with pytest.raises(ValueError, match="unknown page"):
        window.go_to("nowhere")


def test_status_bar_messages(window: MainWindow) -> None:
    window.show_status("Backup made.", timeout_ms=0)
    assert window.status_text() == "Backup made."
    window.clear_status()
    assert window.status_text() == ""


def test_geometry_round_trip(qtbot, window: MainWindow) -> None:
    # Within the offscreen screen (800x600): restoreGeometry keeps a window on screen.
    window.resize(760, 540)
    window.move(20, 10)
    qtbot.waitUntil(lambda: window.width() == 760)
    state = window.save_geometry_state()
    assert isinstance(state, str) and state.isascii()

    other = MainWindow()
    qtbot.addWidget(other)
    assert other.restore_geometry_state(state)
    assert (other.width(), other.height()) == (760, 540)


@pytest.mark.parametrize("bad", ["", "not base64 at all!", "aGVsbG8="])
def test_restore_geometry_rejects_junk(window: MainWindow, bad: str) -> None:
    size = window.size()
    assert not window.restore_geometry_state(bad)
    assert window.size() == size


def test_closing_signal_on_close(qtbot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.closing, timeout=1000):
        window.close()
    assert not window.isVisible()


def _record_raise(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    # The offscreen platform has no window stacking and warns on raise(), so
    # record the call instead of making it; a real desktop does the raising.
    calls: list[str] = []
    monkeypatch.setattr(window, "raise_", lambda: calls.append("raise"))
    return calls


def test_bring_to_front_restores_a_minimised_window(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _record_raise(window, monkeypatch)
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    bring_to_front(window)
    qtbot.waitUntil(lambda: not window.isMinimized())
    assert window.isVisible()
    assert calls == ["raise"]


def test_bring_to_front_shows_a_hidden_window(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _record_raise(window, monkeypatch)
    window.hide()
    bring_to_front(window)
    qtbot.waitExposed(window)
    assert window.isVisible()
    assert calls == ["raise"]


INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QSpinBox, QListWidget, QTextBrowser)


def test_every_control_has_an_accessible_name(window: MainWindow) -> None:
    controls = [
        w
        for w in window.findChildren(QWidget)
        if isinstance(w, INTERACTIVE)
        # a spin box's or combo box's inner line edit is named through its owner
        and not isinstance(w.parentWidget(), QAbstractSpinBox | QComboBox)
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]
    assert len(controls) > 25
    nameless = [
        w.objectName() or repr(w)
        for w in controls
        if not w.accessibleName() and not (isinstance(w, QAbstractButton) and w.text())
    ]
    assert nameless == []


def _mnemonic(text: str) -> str | None:
    index = text.replace("&&", "").find("&")
    return None if index < 0 else text.replace("&&", "")[index + 1].lower()


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_mnemonics_do_not_clash_with_the_nav(window: MainWindow, name: str) -> None:
    # Alt+letter must do one thing: a page's letters differ from the nav's and each other's.
    nav = [_mnemonic(window.nav_button(n).text()) for n in PAGE_NAMES]
    page = window.page(name)
    letters = [_mnemonic(b.text()) for b in page.findChildren(QAbstractButton)]
    letters += [_mnemonic(lbl.text()) for lbl in page.findChildren(QLabel) if lbl.buddy()]
    letters = [letter for letter in letters if letter]
    assert len(set(letters)) == len(letters), letters
    assert not set(letters) & set(nav), letters


def test_pages_wait_for_first_use_so_the_first_paint_is_quick(qtbot) -> None:
    fresh = MainWindow()
    qtbot.addWidget(fresh)
    assert fresh.ui.pages.count() == 1  # only the placeholder
    fresh.go_to("progress")
    assert fresh.current_page_name() == "progress"
    fresh.build_pages()
    assert fresh.ui.pages.count() == len(PAGE_NAMES)
    assert fresh.current_page_name() == "progress"
    assert fresh.ui.pages.currentWidget() is fresh.progress_page


def test_started_in_the_tray_the_icon_and_page_come_with_the_first_show(qtbot) -> None:
    from PySide6.QtWidgets import QApplication

    window = MainWindow()
    qtbot.addWidget(window)
    window.show_current_page_when_shown()
    assert window.built_pages() == []
    window.show()
    assert window.built_pages() == ["today"]
    icon = QApplication.instance().windowIcon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} >= {16, 32, 48, 256}
