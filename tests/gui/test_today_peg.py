"""The weekly PEG check-in card on the Today page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from gui_sample_data import TODAY, at
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from lbp_desktop.domain.overview import TodaySummary, today_summary
from lbp_desktop.domain.peg_schedule import iso_week_key
from lbp_desktop.domain.records import PainCheckIn, PegAnswer
from lbp_desktop.views.main_window import MainWindow
from lbp_desktop.views.peg_card import ASKING, HIDDEN, RESULT, PegCard
from lbp_desktop.views.today_page import PEG_SKIPPED_MESSAGE, TodayPage

LAST_WEEK = [PainCheckIn(at=at(TODAY - timedelta(days=6), 9), score=5)]


def _summary(**kwargs: object) -> TodaySummary:
    return today_summary(LAST_WEEK, [], [], today=TODAY, weekly_goal=3, **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def page(window: MainWindow) -> TodayPage:
    page = window.today_page
    page.show_summary(_summary(pegs=[]))
    return page


@pytest.fixture
def card(page: TodayPage) -> PegCard:
    return page.peg_card


def _answer(card: PegCard, pain: int, enjoyment: int, activity: int) -> None:
    for field, value in (("pain", pain), ("enjoyment", enjoyment), ("activity", activity)):
        card.scales[field].buttons[value].click()


# -- when it shows ------------------------------------------------------------------------------


def test_shown_when_due(card: PegCard) -> None:
    assert card.state == ASKING
    assert not card.isHidden()


@pytest.mark.parametrize(
    "kwargs",
    [
        {},  # the app did not ask for the PEG
        {"pegs": [PegAnswer(at=at(TODAY - timedelta(days=2), 9), pain=4, enjoyment=3, activity=5)]},
        {"pegs": [], "peg_skipped_week": iso_week_key(TODAY)},
    ],
    ids=["not asked", "answered this week", "skipped this week"],
)
def test_hidden_when_not_due(window: MainWindow, kwargs: dict[str, object]) -> None:
    page = window.today_page
    page.show_summary(_summary(**kwargs))
    assert page.peg_card.isHidden() and page.peg_card.state == HIDDEN


def test_not_on_the_first_day(window: MainWindow) -> None:
    page = window.today_page
    first_day = [PainCheckIn(at=at(TODAY, 9), score=5)]
    page.show_summary(today_summary(first_day, [], [], today=TODAY, weekly_goal=3, pegs=[]))
    assert page.peg_card.isHidden()


def test_the_three_questions_with_their_anchors(card: PegCard) -> None:
    labels = [card.question_labels[f].text() for f in ("pain", "enjoyment", "activity")]
    assert "your pain on average in the past week" in labels[0]
    assert "interfered with your enjoyment of life" in labels[1]
    assert "interfered with your general activity" in labels[2]
    assert card.scales["pain"].low_label.text() == "0 = no pain"
    assert card.scales["pain"].high_label.text() == "10 = worst imaginable"
    assert card.scales["enjoyment"].low_label.text() == "0 = does not interfere"
    assert card.scales["activity"].high_label.text() == "10 = completely interferes"
    assert card.scales["enjoyment"].buttons[10].accessibleName() == (
        "Enjoyment of life 10 out of 10, completely interferes"
    )


# -- answering ----------------------------------------------------------------------------------


def test_save_emits_the_three_answers_and_shows_the_mean(qtbot, page: TodayPage) -> None:
    card = page.peg_card
    _answer(card, 6, 5, 5)
    with qtbot.waitSignal(page.peg_submitted) as blocker:
        qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [6, 5, 5]
    stored = PegAnswer(at=at(TODAY, 10), pain=6, enjoyment=5, activity=5)
    page.show_peg_saved(stored)
    assert card.state == RESULT
    assert card.result_label.text().startswith("Thank you. Your score this week is 5.3 out of 10")
    assert "pain 6, enjoyment of life 5, general activity 5" in card.result_label.text()
    assert card.form.isHidden()
    # The refresh after saving says "not due": the score stays until closed.
    page.show_summary(_summary(pegs=[stored]))
    assert card.state == RESULT and not card.isHidden()
    qtbot.mouseClick(card.close_button, Qt.MouseButton.LeftButton)
    assert card.isHidden()
    # Next week the questions come back blank.
    page.show_summary(_summary(pegs=[]))
    assert card.state == ASKING
    assert card.values() == {"pain": None, "enjoyment": None, "activity": None}


def test_a_missing_answer_is_named_and_nothing_is_lost(qtbot, page: TodayPage) -> None:
    card = page.peg_card
    card.scales["pain"].buttons[7].click()
    with qtbot.assertNotEmitted(page.peg_submitted):
        card.save_button.click()
    assert card.feedback_label.text() == (
        "Not saved yet: please answer all three questions (questions 2 and 3 still open). "
        "Your other answers are kept."
    )
    assert card.feedback_label.property("state") == "error"
    assert QApplication.focusWidget() is card.scales["enjoyment"].buttons[0]
    assert card.values() == {"pain": 7, "enjoyment": None, "activity": None}
    card.scales["enjoyment"].buttons[2].click()
    assert not card.feedback_label.isVisible()
    card.save_button.click()
    assert "question 3 still open" in card.feedback_label.text()


def test_a_failed_write_keeps_the_answers(qtbot, page: TodayPage) -> None:
    card = page.peg_card
    _answer(card, 3, 2, 4)
    page.peg_submitted.connect(lambda *_a: page.show_peg_error("Not saved: the disk is full."))
    card.save_button.click()
    assert card.state == ASKING
    assert card.feedback_label.text() == "Not saved: the disk is full."
    assert card.values() == {"pain": 3, "enjoyment": 2, "activity": 4}


def test_a_refresh_while_answering_keeps_the_answers(page: TodayPage) -> None:
    card = page.peg_card
    card.scales["pain"].buttons[8].click()
    page.show_summary(_summary(pegs=[]))
    assert card.values()["pain"] == 8


def test_not_this_week(qtbot, page: TodayPage) -> None:
    card = page.peg_card
    card.scales["pain"].buttons[8].click()
    with qtbot.waitSignal(page.peg_skipped):
        qtbot.mouseClick(card.skip_button, Qt.MouseButton.LeftButton)
    assert card.isHidden()
    assert page.ui.feedbackLabel.text() == PEG_SKIPPED_MESSAGE
    assert QApplication.focusWidget() is page.score_button(0)
    # The app stores the skip; its next summary keeps the card away.
    page.show_summary(_summary(pegs=[], peg_skipped_week=iso_week_key(TODAY)))
    assert card.isHidden()
    # Next week: blank again.
    page.show_summary(_summary(pegs=[]))
    assert card.values()["pain"] is None


# -- the keyboard -------------------------------------------------------------------------------


def test_keyboard_only(qtbot, page: TodayPage) -> None:
    card = page.peg_card
    pain = card.scales["pain"]
    pain.setFocus()
    assert QApplication.focusWidget() is pain.buttons[0]
    qtbot.keyClick(pain.buttons[0], Qt.Key.Key_6)
    assert pain.selected() == 6
    # Each question is one tab stop: Tab goes to the next question.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is card.scales["enjoyment"].buttons[0]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_5)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_End)
    with qtbot.waitSignal(page.peg_submitted) as blocker:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert blocker.args == [6, 5, 10]


def test_digits_on_the_check_in_do_not_change_the_pain_score(qtbot, page: TodayPage) -> None:
    enjoyment = page.peg_card.scales["enjoyment"]
    enjoyment.setFocus()
    qtbot.keyClick(enjoyment.buttons[0], Qt.Key.Key_3)
    assert enjoyment.selected() == 3
    assert page.selected_score() is None


def test_mnemonics(qtbot, window: MainWindow, page: TodayPage) -> None:
    _answer(page.peg_card, 1, 1, 1)
    with qtbot.waitSignal(page.peg_submitted):
        qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    with qtbot.waitSignal(page.peg_skipped):
        qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
