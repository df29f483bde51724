"""Today page: choosing and saving a pain score, the day's summary, the next session."""

from __future__ import annotations

import contextlib
from datetime import timedelta

import pytest
from gui_sample_data import TODAY, History, at
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from lbp_desktop.domain.overview import TodaySummary, today_summary
from lbp_desktop.domain.records import PainCheckIn, SessionRun, StepRecord
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
    assert page.score_button(4).accessibleName() == "Pain 4 out of 10"
    assert page.scale.low_label.text() == "0 = no pain"
    assert page.scale.high_label.text() == "10 = worst imaginable"
    assert "press End" in page.score_button(10).toolTip()  # 0 would choose 0, not 10


def test_alt_n_does_not_choose_a_score_for_the_user(qtbot, window: MainWindow, page) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert page.selected_score() is None


@pytest.mark.parametrize("where", ["scale", "area", "note", "save"])
def test_enter_saves_from_anywhere_in_the_pain_card(qtbot, page: TodayPage, where: str) -> None:
    qtbot.mouseClick(page.score_button(3), Qt.MouseButton.LeftButton)
    target: QWidget = {
        "scale": page.score_button(3),
        "area": page.area_button("buttock"),
        "note": page.ui.noteEdit,
        "save": page.ui.saveButton,
    }[where]
    target.setFocus()
    with qtbot.waitSignal(page.pain_log_requested) as blocker:
        qtbot.keyClick(target, Qt.Key.Key_Return)
    assert blocker.args[0] == 3


def test_enter_with_no_score_complains_and_emits_nothing(qtbot, page: TodayPage) -> None:
    page.ui.noteEdit.setFocus()
    qtbot.keyClicks(page.ui.noteEdit, "woke up stiff")
    with qtbot.assertNotEmitted(page.pain_log_requested):
        qtbot.keyClick(page.ui.noteEdit, Qt.Key.Key_Enter)
    assert page.ui.feedbackLabel.text() == NO_SCORE_MESSAGE
    assert page.note_text() == "woke up stiff"  # nothing lost


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
    assert page.ui.historyLabel.text() == "2 entries today, from <b>4</b> to <b>6</b> out of 10."
    rows = page.entry_list.rows()
    assert [row.when_label.text() for row in rows] == [
        "<b>13:40</b>",
        "<b>08:05</b>",
    ]  # latest first
    assert rows[0].accessibleName() == "Entry of 13:40 today: pain 4 out of 10, left leg"
    assert "stiff after sleeping" in rows[1].note_label.text()
    assert rows[0].note_label.isHidden()  # no note, no empty line
    assert page.ui.earlierLabel.isHidden()
    assert page.ui.weekValueLabel.text() == "3 of 3"
    assert "Weekly goal reached" in page.ui.weekDetailLabel.text()
    assert page.ui.streakValueLabel.text() == "3 days"
    assert page.ui.breaksValueLabel.text() == "3"


def test_show_summary_of_an_empty_history(page: TodayPage) -> None:
    page.show_summary(today_summary([], [], [], today=TODAY, weekly_goal=3))
    assert page.ui.historyLabel.text() == "Nothing noted yet today."
    assert page.entry_list.rows() == [] and page.entry_list.isHidden()
    assert page.ui.earlierLabel.isHidden()
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
    # ...and lists the last entries so a slip from last night can still be fixed.
    assert not page.ui.earlierLabel.isHidden()
    [row] = page.entry_list.rows()
    assert row.record_id == earlier.id
    assert row.when_label.text() == "<b>Yesterday<br>21:00</b>"


def test_earlier_entries_name_their_day(page: TodayPage) -> None:
    monday = PainCheckIn(at=at(TODAY - timedelta(days=2), 7, 30), score=7, area="buttock")
    page.show_summary(today_summary([monday], [], [], today=TODAY, weekly_goal=3))
    [row] = page.entry_list.rows()
    assert row.when_label.text() == "<b>Mon 9 Mar<br>07:30</b>"
    assert row.edit_button.accessibleName() == (
        "Edit the entry of Monday 9 Mar at 07:30: pain 7 out of 10, buttock"
    )


def test_one_entry_today_and_equal_scores_in_words(page: TodayPage) -> None:
    one = [PainCheckIn(at=at(TODAY, 9), score=6)]
    page.show_summary(today_summary(one, [], [], today=TODAY, weekly_goal=3))
    assert page.ui.historyLabel.text() == "1 entry today: <b>6</b> out of 10."
    same = [PainCheckIn(at=at(TODAY, h), score=2) for h in (8, 12, 18)]
    page.show_summary(today_summary(same, [], [], today=TODAY, weekly_goal=3))
    assert page.ui.historyLabel.text() == "3 entries today, all <b>2</b> out of 10."
    assert len(page.entry_list.rows()) == 3


def test_a_hand_made_summary_without_recent_entries_lists_today(page: TodayPage) -> None:
    entry = PainCheckIn(at=at(TODAY, 9), score=4)
    summary = TodaySummary(
        today=TODAY,
        pain_today=(entry,),
        last_pain=entry,
        sessions_today=0,
        sessions_this_week=0,
        weekly_goal=3,
        streak_days=0,
        breaks_today=0,
    )
    page.show_summary(summary)
    assert [row.record_id for row in page.entry_list.rows()] == [entry.id]


def test_the_week_counts_sessions_by_the_adherence_rule(page: TodayPage) -> None:
    step = StepRecord(
        exercise_id="pelvic-tilt", started_at=at(TODAY, 7), ended_at=at(TODAY, 7, 1),
        planned_s=60, done_s=60,
    )  # fmt: skip
    runs = [
        SessionRun(at=at(TODAY, 7), plan_id="gentle-start", outcome="stopped_for_pain"),
        SessionRun(at=at(TODAY, 9), plan_id="gentle-start", outcome="partial", steps=(step,)),
        SessionRun(at=at(TODAY, 11), plan_id="gentle-start", outcome="partial"),  # nothing done
    ]
    page.show_summary(today_summary([], runs, [], today=TODAY, weekly_goal=3))
    assert page.ui.weekValueLabel.text() == "2 of 3"


def test_notes_are_shown_as_text_not_markup(page: TodayPage) -> None:
    sneaky = PainCheckIn(at=at(TODAY, 9), score=3, note="<b>bold</b> & <script>")
    page.show_summary(today_summary([sneaky], [], [], today=TODAY, weekly_goal=3))
    [row] = page.entry_list.rows()
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;" in row.note_label.text()


# -- the next session ---------------------------------------------------------------------------


def test_no_suggestion_no_card(page: TodayPage) -> None:
    assert page.ui.nextCard.isHidden()
    page.set_suggestion("gentle-start", "Gentle start", 11.7, "A good plan to begin with.")
    page.set_suggestion(None)
    assert page.ui.nextCard.isHidden()
    assert page.suggested_plan_id() is None


def test_suggestion_card_names_the_plan_its_length_and_why(qtbot, page: TodayPage) -> None:
    page.set_suggestion(
        "core-builder",
        "Core builder",
        14.5,
        "The plan you completed most recently. 2 more sessions to reach this week's goal.",
    )
    assert not page.ui.nextCard.isHidden()
    assert page.ui.nextNameLabel.text() == "Core builder"
    assert page.ui.nextLengthLabel.text() == "About 14 minutes"
    assert page.ui.nextWhyLabel.text().endswith("2 more sessions to reach this week's goal.")
    assert page.ui.startButton.accessibleName() == "Start Core builder, about 14 minutes"
    with qtbot.waitSignal(page.start_plan_requested) as blocker:
        qtbot.mouseClick(page.ui.startButton, Qt.MouseButton.LeftButton)
    assert blocker.args == ["core-builder"]


def test_start_from_the_keyboard(qtbot, window: MainWindow, page: TodayPage) -> None:
    page.set_suggestion("gentle-start", "Gentle start", 11.7, "")
    assert page.ui.nextWhyLabel.isHidden()  # no reason given, no empty line
    with qtbot.waitSignal(page.start_plan_requested) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert blocker.args == ["gentle-start"]
    page.ui.startButton.setFocus()
    with qtbot.waitSignal(page.start_plan_requested):
        qtbot.keyClick(page.ui.startButton, Qt.Key.Key_Space)


# -- fitting the window -------------------------------------------------------------------------


def _clipped(root: QWidget) -> list[str]:
    """Visible labels and buttons narrower or shorter than their text needs."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or not isinstance(widget, QLabel | QPushButton):
            continue
        if widget.width() < widget.minimumSizeHint().width():
            found.append(f"{widget.objectName() or widget.text()!r}: too narrow")
        elif isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
            if widget.height() < widget.heightForWidth(widget.width()):
                found.append(f"{widget.objectName() or widget.text()!r}: too short")
        elif widget.height() < widget.minimumSizeHint().height():
            found.append(f"{widget.objectName() or widget.text()!r}: too short")
    return found


@pytest.mark.parametrize(("width", "height", "narrow"), [(1040, 720, False), (720, 520, True)])
def test_nothing_is_clipped_at_the_default_and_minimum_sizes(
    qtbot, window: MainWindow, page: TodayPage, history: History, width, height, narrow
) -> None:
    checkins, runs, breaks = history
    page.show_summary(today_summary(checkins, runs, breaks, today=TODAY, weekly_goal=4, pegs=[]))
    page.set_suggestion(
        "gentle-start",
        "Gentle start",
        11.7,
        "The plan you completed most recently. 1 more session to reach this week's goal.",
    )
    assert not page.peg_card.isHidden() and not page.ui.nextCard.isHidden()
    window.resize(width, height)
    qtbot.waitUntil(lambda: page.is_narrow() is narrow)
    # Wrapping text settles over a few layout passes, as it does on screen.
    with contextlib.suppress(qtbot.TimeoutError):
        qtbot.waitUntil(lambda: not _clipped(page.ui.scrollContents), timeout=1000)
    assert _clipped(page.ui.scrollContents) == []
    assert not page.ui.scrollArea.horizontalScrollBar().isVisible()
    # Ten is on screen: in one row, or in the second row of a narrow window.
    assert page.scale.columns == (6 if narrow else 11)


def test_a_narrow_window_that_widens_again_goes_back_to_rows(
    qtbot, window: MainWindow, page: TodayPage
) -> None:
    window.resize(720, 520)
    qtbot.waitUntil(page.is_narrow)
    window.resize(1040, 720)
    qtbot.waitUntil(lambda: not page.is_narrow())
    assert page.ui.detailsGrid.getItemPosition(page.ui.detailsGrid.indexOf(page.ui.noteEdit)) == (
        1, 1, 1, 1,
    )  # fmt: skip


def test_earlier_entries_fit_the_minimum_size(qtbot, window: MainWindow, page: TodayPage) -> None:
    # Earlier days take the widest time column ("Yesterday", "Sun 8 Mar").
    entries = [
        PainCheckIn(at=at(TODAY - timedelta(days=1), 21, 10), score=5, note="tight by evening"),
        PainCheckIn(at=at(TODAY - timedelta(days=1), 8), score=3, area="leg_right"),
        PainCheckIn(at=at(TODAY - timedelta(days=3), 9, 30), score=10, area="buttock"),
    ]
    page.show_summary(today_summary(entries, [], [], today=TODAY, weekly_goal=3))
    window.resize(720, 520)
    qtbot.waitUntil(page.is_narrow)
    with contextlib.suppress(qtbot.TimeoutError):
        qtbot.waitUntil(lambda: not _clipped(page.ui.scrollContents), timeout=1000)
    assert _clipped(page.ui.scrollContents) == []
    assert not page.ui.scrollArea.horizontalScrollBar().isVisible()
