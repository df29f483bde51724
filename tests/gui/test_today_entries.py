"""Correcting and deleting pain entries from the Today page."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from gui_sample_data import TODAY, TZ, at
from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone
from PySide6.QtWidgets import QApplication

from lbp_desktop.domain.overview import today_summary
from lbp_desktop.domain.records import PainCheckIn
from lbp_desktop.views.main_window import MainWindow
from lbp_desktop.views.pain_entry_dialog import PainEntryDialog
from lbp_desktop.views.today_page import TodayPage

# The offscreen platform says this when a dialog's size limits change; harmless.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

NOW = at(TODAY, 14, 5)
MORNING = PainCheckIn(at=at(TODAY, 8, 5), score=6, area="lower_back", note="stiff after sleeping")
NOON = PainCheckIn(at=at(TODAY, 13, 40, ), score=4, area="leg_left")  # fmt: skip


@pytest.fixture
def page(window: MainWindow) -> TodayPage:
    page = window.today_page
    page.set_clock(lambda: NOW)
    page.show_summary(today_summary([MORNING, NOON], [], [], today=TODAY, weekly_goal=3))
    return page


def _open(qtbot, page: TodayPage, entry: PainCheckIn) -> PainEntryDialog:
    qtbot.mouseClick(page.entry_list.row(entry.id).edit_button, Qt.MouseButton.LeftButton)
    dialog = page.edit_dialog()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    # A window manager activates a new dialog; offscreen, the test does.
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def _set_time(dialog: PainEntryDialog, day: datetime) -> None:
    dialog.when_edit.setDateTime(
        QDateTime(QDate(day.year, day.month, day.day), QTime(day.hour, day.minute), QTimeZone.utc())
    )


# -- the list -----------------------------------------------------------------------------------


def test_each_entry_has_edit_and_delete_named_for_screen_readers(page: TodayPage) -> None:
    rows = page.entry_list.rows()
    assert [row.record_id for row in rows] == [NOON.id, MORNING.id]
    assert rows[0].edit_button.accessibleName() == (
        "Edit the entry of 13:40 today: pain 4 out of 10, left leg"
    )
    assert rows[1].delete_button.accessibleName() == (
        "Delete the entry of 08:05 today: pain 6 out of 10, lower back"
    )


def test_tab_reaches_edit_and_delete_after_the_summary(qtbot, page: TodayPage) -> None:
    page.ui.historyLabel.setFocus()
    rows = page.entry_list.rows()
    order = [rows[0].edit_button, rows[0].delete_button, rows[1].edit_button]
    for expected in order:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is expected


# -- editing ------------------------------------------------------------------------------------


def test_edit_opens_a_dialog_with_the_entry_filled_in(qtbot, page: TodayPage) -> None:
    dialog = _open(qtbot, page, MORNING)
    assert dialog.isVisible()
    assert dialog.scale.selected() == 6
    assert dialog.selected_area() == "lower_back"
    assert dialog.note_edit.text() == "stiff after sleeping"
    assert dialog.when_edit.text() == "Wed 11 Mar 2026   08:05"
    assert dialog.changed_time() is None


def test_saving_a_corrected_score_area_and_note(qtbot, page: TodayPage) -> None:
    dialog = _open(qtbot, page, MORNING)
    qtbot.mouseClick(dialog.scale.buttons[5], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.area_buttons["buttock"], Qt.MouseButton.LeftButton)
    dialog.note_edit.clear()
    qtbot.keyClicks(dialog.note_edit, "  stiff, better after a walk ")
    with qtbot.waitSignal(page.pain_edit_requested) as blocker:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    # The time was left alone: None, so the stored seconds are kept as they are.
    assert blocker.args == [MORNING.id, 5, "buttock", "stiff, better after a walk", None]
    assert dialog.isVisible()  # open until the app says it is stored


def test_clearing_the_area_sends_none(qtbot, page: TodayPage) -> None:
    dialog = _open(qtbot, page, NOON)
    qtbot.mouseClick(dialog.area_buttons["leg_left"], Qt.MouseButton.LeftButton)
    assert dialog.selected_area() is None
    with qtbot.waitSignal(page.pain_edit_requested) as blocker:
        dialog.save_button.click()
    assert blocker.args[2] is None


def test_a_corrected_time_keeps_the_entry_offset(qtbot, page: TodayPage) -> None:
    dialog = _open(qtbot, page, MORNING)
    _set_time(dialog, at(TODAY - timedelta(days=1), 22, 30))
    with qtbot.waitSignal(page.pain_edit_requested) as blocker:
        dialog.save_button.click()
    when = blocker.args[4]
    assert when == datetime(2026, 3, 10, 22, 30, tzinfo=TZ)
    assert when.utcoffset() == TZ.utcoffset(None)


def test_a_time_in_the_future_is_refused_and_nothing_is_lost(qtbot, page: TodayPage) -> None:
    dialog = _open(qtbot, page, NOON)
    qtbot.mouseClick(dialog.scale.buttons[2], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.note_edit, "after lunch")
    _set_time(dialog, at(TODAY, 14, 6))  # one minute after now
    with qtbot.assertNotEmitted(page.pain_edit_requested):
        dialog.save_button.click()
    message = dialog.feedback_label.text()
    assert message == (
        "Not saved: Wednesday 11 March 2026 at 14:06 has not happened yet. "
        "Choose a time up to now (14:05 today)."
    )
    assert dialog.feedback_label.property("state") == "error"
    assert dialog.feedback_label.isVisible()
    assert QApplication.focusWidget() is dialog.when_edit
    assert (dialog.scale.selected(), dialog.note_edit.text()) == (2, "after lunch")
    # The message does not cover the buttons: the dialog grew to fit it.
    assert dialog.feedback_label.geometry().bottom() < dialog.save_button.geometry().top()
    # Now is allowed; the message goes once the time changes.
    _set_time(dialog, NOW)
    assert not dialog.feedback_label.isVisible()
    with qtbot.waitSignal(page.pain_edit_requested) as blocker:
        dialog.save_button.click()
    assert blocker.args[1:] == [2, "leg_left", "after lunch", NOW]


def test_the_future_is_judged_by_the_instant_not_the_digits(qtbot, window: MainWindow) -> None:
    # An entry made in Mumbai (+05:30) keeps its own clock: 19:00 there is
    # 14:30 in the +01:00 the computer is in now, after 14:05.
    mumbai = timezone(timedelta(hours=5, minutes=30))
    far = PainCheckIn(at=datetime(2026, 3, 11, 18, 0, tzinfo=mumbai), score=3)
    page = window.today_page
    page.set_clock(lambda: NOW)
    page.show_summary(today_summary([far], [], [], today=TODAY, weekly_goal=3))
    dialog = _open(qtbot, page, far)
    assert dialog.when_edit.text() == "Wed 11 Mar 2026   18:00"
    _set_time(dialog, datetime(2026, 3, 11, 19, 0))
    with qtbot.assertNotEmitted(page.pain_edit_requested):
        dialog.save_button.click()
    assert "Choose a time up to now (18:35 today)" in dialog.feedback_label.text()
    _set_time(dialog, datetime(2026, 3, 11, 18, 30))
    with qtbot.waitSignal(page.pain_edit_requested) as blocker:
        dialog.save_button.click()
    assert blocker.args[4] == datetime(2026, 3, 11, 18, 30, tzinfo=mumbai)


def test_a_failed_write_is_shown_in_the_dialog_which_stays_open(qtbot, page: TodayPage) -> None:
    dialog = _open(qtbot, page, NOON)
    qtbot.mouseClick(dialog.scale.buttons[7], Qt.MouseButton.LeftButton)
    page.pain_edit_requested.connect(
        lambda *_args: page.show_entry_error("Your change could not be written to disk.")
    )
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.feedback_label.text() == "Your change could not be written to disk."
    assert dialog.scale.selected() == 7


def test_a_stored_edit_closes_the_dialog_and_says_so(qtbot, page: TodayPage) -> None:
    dialog = _open(qtbot, page, NOON)
    page.pain_edit_requested.connect(lambda *_args: page.show_entry_saved("Entry corrected."))
    dialog.save_button.click()
    assert page.edit_dialog() is None
    assert not dialog.isVisible()
    assert page.ui.historyFeedbackLabel.text() == "Entry corrected."
    assert page.ui.historyFeedbackLabel.property("state") == "ok"
    # Back where the user was, once the window is active again.
    assert page.window().focusWidget() is page.entry_list.row(NOON.id).edit_button


@pytest.mark.parametrize("how", ["cancel", "escape"])
def test_cancel_changes_nothing(qtbot, page: TodayPage, how: str) -> None:
    dialog = _open(qtbot, page, NOON)
    qtbot.mouseClick(dialog.scale.buttons[9], Qt.MouseButton.LeftButton)
    with qtbot.assertNotEmitted(page.pain_edit_requested):
        if how == "cancel":
            dialog.cancel_button.click()
        else:
            qtbot.keyClick(dialog.scale.buttons[9], Qt.Key.Key_Escape)
    assert page.edit_dialog() is None


@pytest.mark.parametrize("where", ["scale", "note", "area"])
def test_enter_saves_the_dialog(qtbot, page: TodayPage, where: str) -> None:
    dialog = _open(qtbot, page, NOON)
    target = {
        "scale": dialog.scale.buttons[4],
        "note": dialog.note_edit,
        "area": dialog.area_buttons["buttock"],
    }[where]
    target.setFocus()
    with qtbot.waitSignal(page.pain_edit_requested) as blocker:
        qtbot.keyClick(target, Qt.Key.Key_Return)
    assert blocker.args[1] == 4
    assert not dialog.area_buttons["buttock"].isChecked()  # Enter saved, it did not toggle


def test_digits_and_arrows_in_the_dialog(qtbot, page: TodayPage) -> None:
    dialog = _open(qtbot, page, NOON)
    qtbot.keyClick(dialog.scale.buttons[4], Qt.Key.Key_7)
    assert dialog.scale.selected() == 7
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    assert dialog.scale.selected() == 6
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_End)
    assert dialog.scale.selected() == 10


def test_an_area_the_page_does_not_offer_is_shown_and_kept(qtbot, window: MainWindow) -> None:
    hip = PainCheckIn(at=at(TODAY, 9), score=5, area="hip")
    page = window.today_page
    page.show_summary(today_summary([hip], [], [], today=TODAY, weekly_goal=3))
    assert "hip" in page.entry_list.row(hip.id).what_label.text()
    dialog = _open(qtbot, page, hip)
    assert dialog.area_buttons["hip"].isChecked()
    with qtbot.waitSignal(page.pain_edit_requested) as blocker:
        dialog.save_button.click()
    assert blocker.args[2] == "hip"


# -- deleting -----------------------------------------------------------------------------------


def test_delete_asks_first_with_keep_focused(qtbot, page: TodayPage) -> None:
    row = page.entry_list.row(MORNING.id)
    with qtbot.assertNotEmitted(page.pain_delete_requested):
        qtbot.mouseClick(row.delete_button, Qt.MouseButton.LeftButton)
    assert row.is_confirming()
    assert row.confirm_label.text() == (
        "Delete the entry of 08:05 today (6 out of 10)? It cannot be undone."
    )
    assert QApplication.focusWidget() is row.confirm_keep_button
    assert row.edit_button.isHidden() and row.delete_button.isHidden()


@pytest.mark.parametrize("how", ["keep", "escape", "space on keep"])
def test_keeping_the_entry(qtbot, page: TodayPage, how: str) -> None:
    row = page.entry_list.row(MORNING.id)
    row.delete_button.click()
    with qtbot.assertNotEmitted(page.pain_delete_requested):
        if how == "keep":
            qtbot.mouseClick(row.confirm_keep_button, Qt.MouseButton.LeftButton)
        elif how == "escape":
            qtbot.keyClick(row.confirm_keep_button, Qt.Key.Key_Escape)
        else:
            qtbot.keyClick(row.confirm_keep_button, Qt.Key.Key_Space)
    assert not row.is_confirming()
    assert QApplication.focusWidget() is row.delete_button


def test_confirmed_delete_emits_the_id_and_focus_stays_in_the_list(qtbot, page: TodayPage) -> None:
    row = page.entry_list.row(NOON.id)
    row.delete_button.click()

    def store_deleted(record_id: str) -> None:
        # What the app does: delete, refresh the summary, confirm.
        rest = [e for e in (MORNING, NOON) if e.id != record_id]
        page.show_summary(today_summary(rest, [], [], today=TODAY, weekly_goal=3))
        page.show_entry_saved("Entry deleted.")

    page.pain_delete_requested.connect(store_deleted)
    with qtbot.waitSignal(page.pain_delete_requested) as blocker:
        qtbot.mouseClick(row.confirm_yes_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [NOON.id]
    assert [r.record_id for r in page.entry_list.rows()] == [MORNING.id]
    assert page.ui.historyFeedbackLabel.text() == "Entry deleted."
    assert QApplication.focusWidget() is page.entry_list.row(MORNING.id).edit_button


def test_a_failed_delete_says_why_in_the_list(qtbot, page: TodayPage) -> None:
    row = page.entry_list.row(NOON.id)
    row.delete_button.click()
    page.pain_delete_requested.connect(
        lambda _id: page.show_entry_error("The entry could not be deleted: disk full.")
    )
    row.confirm_yes_button.click()
    assert page.ui.historyFeedbackLabel.text() == "The entry could not be deleted: disk full."
    assert page.ui.historyFeedbackLabel.property("state") == "error"
