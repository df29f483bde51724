"""The 'Your plan changed' card: lines, undo, close, keyboard, and a picture."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from lbp_desktop.domain.content import ContentLibrary
from lbp_desktop.domain.progression import ProgressionState, any_moved, apply_feedback
from lbp_desktop.views.progression_notice import (
    CHANGED_TITLE,
    NOTES_TITLE,
    UNDONE_TITLE,
    ProgressionNotice,
)
from lbp_desktop.views.theme import apply_theme

# The offscreen platform cannot pass a window's changed size hints on (the card
# showing and hiding changes them); a real platform can. Other GUI tests do the same.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
LINES = [
    "Bird-dog: now 2 sets of 6 each side, holding 8 s (was 5, holding 7 s), "
    "because you found it too easy twice.",
    "Curl-up: a little easier, now 2 sets of 5, holding 7 s (was holding 8 s), because it "
    "hurt last time. If it keeps hurting, stop this exercise and ask a physiotherapist.",
]


@pytest.fixture
def page(qtbot) -> tuple[QWidget, ProgressionNotice]:
    """The notice above a stand-in for the plan list, as on the Session page."""
    page = QWidget()
    layout = QVBoxLayout(page)
    notice = ProgressionNotice(page)
    layout.addWidget(notice)
    layout.addWidget(QLabel("Choose a plan", page), 1)
    qtbot.addWidget(page)
    page.resize(760, 420)
    page.show()
    qtbot.waitExposed(page)
    return page, notice


def test_hidden_until_there_is_something_to_say(page) -> None:
    _, notice = page
    assert not notice.isVisible()
    notice.show_changes("run-1", [])
    assert not notice.isVisible()
    notice.show_changes("run-1", ["  "])
    assert not notice.isVisible()


def test_shows_one_line_per_change(page) -> None:
    _, notice = page
    notice.show_changes("run-1", LINES)
    assert notice.isVisible()
    assert notice.title() == CHANGED_TITLE
    assert notice.lines() == LINES
    labels = [
        label
        for label in notice.findChildren(QLabel)
        if label is not notice.title_label and label.accessibleName() in LINES
    ]
    assert [label.accessibleName() for label in labels] == LINES
    assert labels[0].text().startswith("<b>Bird-dog</b>: now 2 sets of 6")
    assert notice.accessibleName() == CHANGED_TITLE
    assert notice.undo_button.isVisible()
    assert notice.undo_button.accessibleName() == "Undo these changes"
    assert notice.close_button.accessibleName() == "Close this notice"
    # New changes replace the old lines.
    notice.show_changes("run-2", LINES[:1])
    assert notice.lines() == LINES[:1]
    assert notice.run_id == "run-2"


def test_undo_emits_the_run_id(qtbot, page) -> None:
    _, notice = page
    notice.show_changes("run-7", LINES)
    with qtbot.waitSignal(notice.undo_requested, timeout=1000) as blocker:
        qtbot.mouseClick(notice.undo_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["run-7"]


def test_undo_and_close_work_from_the_keyboard(qtbot, page) -> None:
    container, notice = page
    notice.show_changes("run-8", LINES)
    for button in (notice.undo_button, notice.close_button):
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    notice.undo_button.setFocus()
    with qtbot.waitSignal(notice.undo_requested, timeout=1000) as blocker:
        qtbot.keyClick(notice.undo_button, Qt.Key.Key_Space)
    assert blocker.args == ["run-8"]
    assert notice.undo_button.nextInFocusChain() is notice.close_button
    with qtbot.waitSignal(notice.dismissed, timeout=1000):
        qtbot.keyClick(notice.undo_button, Qt.Key.Key_Escape)
    assert not notice.isVisible()
    assert container.isVisible()


def test_close_hides_it(qtbot, page) -> None:
    _, notice = page
    notice.show_changes("run-1", LINES)
    with qtbot.waitSignal(notice.dismissed, timeout=1000):
        qtbot.mouseClick(notice.close_button, Qt.MouseButton.LeftButton)
    assert not notice.isVisible()
    assert notice.lines() == []
    assert notice.run_id == ""


def test_after_undo_it_says_so_and_offers_no_second_undo(qtbot, page) -> None:
    _, notice = page
    notice.show_changes("run-1", LINES)
    notice.show_undone("Your doses are back to what they were before this session.")
    assert notice.isVisible()
    assert notice.title() == UNDONE_TITLE
    assert notice.lines() == ["Your doses are back to what they were before this session."]
    assert not notice.undo_button.isVisible()
    assert notice.close_button.isVisible()
    with qtbot.assertNotEmitted(notice.undo_requested):
        notice.undo_button.click()  # hidden and disabled: nothing happens


def test_notes_only_have_no_undo(page) -> None:
    _, notice = page
    note = (
        "Cat-cow: it hurt last time. There is no easier step for it in this plan, so it "
        "stays as it is. If it keeps hurting, stop this exercise and ask a physiotherapist."
    )
    notice.show_changes("run-3", [note], can_undo=False)
    assert notice.title() == NOTES_TITLE
    assert not notice.undo_button.isVisible()
    assert notice.run_id == ""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshot(qtbot, qapp, library: ContentLibrary, scheme: str) -> None:
    # Real sentences: two sessions of core-builder ratings.
    state = ProgressionState()
    changes: tuple = ()
    for number, ratings in enumerate(
        [
            {"bird-dog": "too_easy", "curl-up": "about_right", "bridge": "too_easy"},
            {"bird-dog": "too_easy", "curl-up": "it_hurt", "bridge": "too_easy"},
        ]
    ):
        state, changes = apply_feedback(
            state,
            ratings,
            library,
            run_id=f"run-{number}",
            at=datetime(2026, 3, 11, 9, tzinfo=UTC),
            plan_id="core-builder",
        )
    assert len(changes) == 3 and any_moved(changes)
    apply_theme(qapp, scheme)
    try:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(28, 22, 28, 22)
        notice = ProgressionNotice(page)
        layout.addWidget(notice)
        layout.addStretch(1)
        qtbot.addWidget(page)
        page.resize(780, 360)
        notice.show_changes("run-1", [change.text for change in changes])
        page.show()
        qtbot.waitExposed(page)
        QApplication.processEvents()
        QApplication.processEvents()
        SHOTS.mkdir(parents=True, exist_ok=True)
        name = "progression_notice" if scheme == "light" else "progression_notice-dark"
        assert page.grab().save(str(SHOTS / f"{name}.png"))
        # Every line fits: nothing cut off at the bottom of the card.
        assert notice.geometry().bottom() < page.height()
    finally:
        apply_theme(qapp, "system")
