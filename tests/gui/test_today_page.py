"""Today page: choosing and saving a pain score, and showing the day's summary."""

from __future__ import annotations

from datetime import timedelta

import pytest
from gui_sample_data import TODAY, History, at
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from lbp_desktop.domain.overview import today_summary
from lbp_desktop.domain.records import PainCheckIn
from lbp_desktop.views.main_window import MainWindow
from lbp_desktop.views.today_page import NO_SCORE_MESSAGE, TodayPage


@pytest.fixture
def page(window: MainWindow) -> TodayPage:
    return window.today_page


def test_save_emits_the_chosen_score_area_and_note(qtbot, page: TodayPage) -> None:
    qtbot.mouseClick(page.score_button(7), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.area_button("leg_right"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.ui.noteEdit, "  after the drive home ")
    with qtbot.waitSignal(page.pain_log_requested) as blocker:
        qtbot.mouseClick(page.ui.saveButton, Qt.MouseButton.LeftButton)
    assert blocker.args == [7, "leg_right", "after the drive home"]


def test_save_without_area_or_note_sends_none_and_empty(qtbot, page: TodayPage) -> None:
    qtbot.mouseClick(page.score_button(0), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.pain_log_requested) as blocker:
        qtbot.mouseClick(page.ui.saveButton, Qt.MouseButton.LeftButton)
    assert blocker.args == [0, None, ""]


def test_save_with_nothing_chosen_refuses_with_an_inline_message(qtbot, page: TodayPage) -> None:
    with qtbot.assertNotEmitted(page.pain_log_requested):
        qtbot.mouseClick(page.ui.saveButton, Qt.MouseButton.LeftButton)
    label = page.ui.feedbackLabel
    assert label.isVisible()
    assert label.text() == NO_SCORE_MESSAGE
    assert label.property("state") == "error"
    # The focus goes where the missing answer is.
    assert QApplication.focusWidget() is page.score_button(0)
    # Choosing a number clears the complaint.
    qtbot.mouseClick(page.score_button(3), Qt.MouseButton.LeftButton)
    assert not label.isVisible()


def test_ctrl_s_saves_from_anywhere_on_the_page(qtbot, window: MainWindow, page: TodayPage) -> None:
    qtbot.mouseClick(page.score_button(5), Qt.MouseButton.LeftButton)
    window.nav_button("today").setFocus()
    with qtbot.waitSignal(page.pain_log_requested) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args[0] == 5


def test_number_keys_and_arrows_choose_the_score(qtbot, page: TodayPage) -> None:
    page.score_button(0).setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_4)
    assert page.selected_score() == 4
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    assert page.selected_score() == 5
    assert QApplication.focusWidget() is page.score_button(5)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_End)
    assert page.selected_score() == 10
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    assert page.selected_score() == 10  # stays on the scale
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Home)
    assert page.selected_score() == 0


def test_digits_typed_in_the_note_stay_in_the_note(qtbot, page: TodayPage) -> None:
    qtbot.mouseClick(page.score_button(2), Qt.MouseButton.LeftButton)
    page.ui.noteEdit.setFocus()
    qtbot.keyClicks(page.ui.noteEdit, "walked 30 min")
    assert page.ui.noteEdit.text() == "walked 30 min"
    assert page.selected_score() == 2


def test_the_scale_is_one_tab_stop(page: TodayPage) -> None:
    tabbable = [
        n for n in range(11) if page.score_button(n).focusPolicy() & Qt.FocusPolicy.TabFocus
    ]
    assert tabbable == [0]
    page.score_button(6).click()
    tabbable = [
        n for n in range(11) if page.score_button(n).focusPolicy() & Qt.FocusPolicy.TabFocus
    ]
    assert tabbable == [6]


def test_alt_n_focuses_the_scale(qtbot, window: MainWindow, page: TodayPage) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is page.score_button(0)


def test_areas_are_one_at_most_and_can_be_cleared(qtbot, page: TodayPage) -> None:
    qtbot.mouseClick(page.area_button("lower_back"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.area_button("buttock"), Qt.MouseButton.LeftButton)
    assert page.selected_area() == "buttock"
    assert not page.area_button("lower_back").isChecked()
    qtbot.mouseClick(page.area_button("buttock"), Qt.MouseButton.LeftButton)
    assert page.selected_area() is None


def test_score_buttons_have_anchor_words_for_screen_readers(page: TodayPage) -> None:
    assert page.score_button(0).accessibleName() == "Pain 0 out of 10, no pain"
    assert page.score_button(10).accessibleName() == "Pain 10 out of 10, worst imaginable"
    assert page.ui.anchorLowLabel.text() == "0 = no pain"
    assert page.ui.anchorHighLabel.text() == "10 = worst imaginable"


def test_show_saved_confirms_and_resets_the_form(qtbot, page: TodayPage) -> None:
    qtbot.mouseClick(page.score_button(8), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.area_button("leg_left"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.ui.noteEdit, "bad night")
    page.show_saved("Saved: pain 8 out of 10 at 14:05.")
    assert page.ui.feedbackLabel.text() == "Saved: pain 8 out of 10 at 14:05."
    assert page.ui.feedbackLabel.property("state") == "ok"
    assert page.selected_score() is None
    assert page.selected_area() is None
    assert page.note_text() == ""


def test_show_error_keeps_what_the_user_entered(qtbot, page: TodayPage) -> None:
    qtbot.mouseClick(page.score_button(8), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.ui.noteEdit, "bad night")
    page.show_error("Your entry could not be written to disk. Please try again.")
    assert page.ui.feedbackLabel.property("state") == "error"
    assert page.selected_score() == 8
    assert page.note_text() == "bad night"


def test_show_summary_in_words(page: TodayPage, history: History) -> None:
    checkins, runs, breaks = history
    page.show_summary(today_summary(checkins, runs, breaks, today=TODAY, weekly_goal=3))
    assert page.ui.greetingLabel.text() == "Hello. Today is Wednesday 11 March 2026."
    history_text = page.ui.historyLabel.text()
    assert history_text.index("13:40") < history_text.index("08:05")  # latest first
    assert "left leg" in history_text and "stiff after sleeping" in history_text
    assert page.ui.weekValueLabel.text() == "3 of 3"
    assert "Weekly goal reached" in page.ui.weekDetailLabel.text()
    assert page.ui.streakValueLabel.text() == "3 days"
    assert page.ui.breaksValueLabel.text() == "3"


def test_show_summary_of_an_empty_history(page: TodayPage) -> None:
    page.show_summary(today_summary([], [], [], today=TODAY, weekly_goal=3))
    assert page.ui.historyLabel.text() == "Nothing noted yet today."
    assert page.ui.weekValueLabel.text() == "0 of 3"
    assert page.ui.weekDetailLabel.text() == "3 more sessions to reach your goal."
    assert page.ui.streakValueLabel.text() == "0 days"
    assert page.ui.streakDetailLabel.text() == "A session today starts a new run."


def test_show_summary_mentions_the_last_score_when_none_today(page: TodayPage) -> None:
    earlier = PainCheckIn(at=at(TODAY - timedelta(days=1), 21), score=5)
    page.show_summary(today_summary([earlier], [], [], today=TODAY, weekly_goal=3))
    assert page.ui.historyLabel.text() == (
        "Nothing noted yet today. The last time, yesterday, it was 5 out of 10."
    )


def test_notes_are_shown_as_text_not_markup(page: TodayPage) -> None:
    sneaky = PainCheckIn(at=at(TODAY, 9), score=3, note="<b>bold</b> & <script>")
    page.show_summary(today_summary([sneaky], [], [], today=TODAY, weekly_goal=3))
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;" in page.ui.historyLabel.text()
