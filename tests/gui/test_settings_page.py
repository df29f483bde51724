"""Settings page: every action is a signal; setters never emit."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, time
from pathlib import Path

import pytest
from gui_sample_data import TZ
from PySide6.QtCore import QLocale, QPoint, Qt, QTime
from PySide6.QtWidgets import QApplication, QDateTimeEdit, QWidget
from shots import not_blank, save_shot

from lbp_desktop import __version__
from lbp_desktop.domain.reminder_settings import IDLE_PAUSE, IDLE_RESET, ReminderSettings
from lbp_desktop.views.main_window import MainWindow
from lbp_desktop.views.reminder_settings_box import ReminderSettingsBox
from lbp_desktop.views.settings_page import SettingsPage
from lbp_desktop.views.theme import apply_theme


@dataclass(frozen=True)
class FakeBackup:  # the shape of lbp_desktop.storage.backups.Backup
    path: Path
    made_at: datetime
    kind: str


BACKUPS = [
    FakeBackup(
        Path("/data/backups/2026-03-11-manual"), datetime(2026, 3, 11, 14, 5, tzinfo=TZ), "manual"
    ),
    FakeBackup(
        Path("/data/backups/2026-03-10-daily"), datetime(2026, 3, 10, 9, 0, tzinfo=TZ), "daily"
    ),
]


@pytest.fixture
def page(window: MainWindow) -> SettingsPage:
    window.go_to("settings")
    return window.settings_page


def test_data_location_is_shown_as_selectable_text(page: SettingsPage) -> None:
    page.set_data_location("/home/ann/.local/share/lbp-desktop")
    label = page.ui.dataPathLabel
    assert label.text() == "/home/ann/.local/share/lbp-desktop"
    assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard


def test_open_folder_and_back_up_buttons_emit(qtbot, page: SettingsPage) -> None:
    with qtbot.waitSignal(page.open_folder_requested):
        qtbot.mouseClick(page.ui.openFolderButton, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.backup_requested):
        qtbot.mouseClick(page.ui.backupButton, Qt.MouseButton.LeftButton)


def test_backups_are_listed_in_words(page: SettingsPage) -> None:
    page.set_backups(BACKUPS)
    rows = [page.ui.backupsList.item(i).text() for i in range(page.ui.backupsList.count())]
    assert rows == [
        "Wednesday 11 March 2026 at 14:05, made by you",
        "Tuesday 10 March 2026 at 09:00, made automatically (daily)",
    ]


def test_restore_needs_a_selection_and_emits_its_path(qtbot, page: SettingsPage) -> None:
    page.set_backups(BACKUPS)
    assert not page.ui.restoreButton.isEnabled()
    page.ui.backupsList.setCurrentRow(1)
    assert page.ui.restoreButton.isEnabled()
    with qtbot.waitSignal(page.restore_requested) as blocker:
        qtbot.mouseClick(page.ui.restoreButton, Qt.MouseButton.LeftButton)
    assert blocker.args == [str(BACKUPS[1].path)]


def test_no_backups_says_so_and_offers_nothing_to_restore(page: SettingsPage) -> None:
    page.set_backups([])
    assert page.ui.backupsList.count() == 1
    assert page.ui.backupsList.item(0).text().startswith("No backups yet.")
    page.ui.backupsList.setCurrentRow(0)
    assert page.selected_backup_path() is None
    assert not page.ui.restoreButton.isEnabled()


def test_theme_choice_emits_and_setter_is_silent(qtbot, page: SettingsPage) -> None:
    with qtbot.assertNotEmitted(page.theme_changed):
        page.set_theme("dark")
    assert page.theme_choice() == "dark"
    page.set_theme("something odd")  # an old or hand-edited setting
    assert page.theme_choice() == "system"
    with qtbot.waitSignal(page.theme_changed) as blocker:
        qtbot.mouseClick(page.ui.themeLightButton, Qt.MouseButton.LeftButton)
    assert blocker.args == ["light"]


def test_theme_by_keyboard(qtbot, window: MainWindow, page: SettingsPage) -> None:
    with qtbot.waitSignal(page.theme_changed) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert blocker.args == ["dark"]


def test_weekly_goal_emits_within_1_to_21(qtbot, page: SettingsPage) -> None:
    with qtbot.assertNotEmitted(page.weekly_goal_changed):
        page.set_weekly_goal(4)
    assert page.weekly_goal() == 4
    with qtbot.waitSignal(page.weekly_goal_changed) as blocker:
        page.ui.goalSpin.stepUp()
    assert blocker.args == [5]
    assert (page.ui.goalSpin.minimum(), page.ui.goalSpin.maximum()) == (1, 21)


def test_about_shows_version_and_privacy(page: SettingsPage) -> None:
    assert __version__ in page.ui.versionLabel.text()
    privacy = page.ui.privacyLabel.text()
    assert "No account" in privacy and "no network" in privacy
    assert "stays on this computer" in privacy


def test_inline_feedback(page: SettingsPage) -> None:
    page.show_saved("Backup made.")
    assert page.ui.dataFeedbackLabel.isVisible()
    assert page.ui.dataFeedbackLabel.property("state") == "ok"
    page.show_error("The backup could not be made: disk full.")
    assert page.ui.dataFeedbackLabel.property("state") == "error"


def test_volume_setter_is_silent_and_the_value_is_shown(qtbot, page: SettingsPage) -> None:
    slider = page.ui.volumeSlider
    assert (slider.minimum(), slider.maximum()) == (0, 100)
    assert slider.accessibleName() == "Cue volume"
    with qtbot.assertNotEmitted(page.volume_changed):
        page.set_volume(60)
    assert page.volume() == 60
    assert page.ui.volumeValueLabel.text() == "60%"


def test_volume_by_keyboard(qtbot, window: MainWindow, page: SettingsPage) -> None:
    page.set_volume(80)
    qtbot.keyClick(window, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # the label's mnemonic
    slider = page.ui.volumeSlider
    assert slider.hasFocus()
    with qtbot.waitSignal(page.volume_changed) as blocker:
        qtbot.keyClick(slider, Qt.Key.Key_Right)
    assert blocker.args == [85]
    with qtbot.waitSignal(page.volume_changed) as blocker:
        qtbot.keyClick(slider, Qt.Key.Key_PageDown)
    assert blocker.args == [75]
    assert page.ui.volumeValueLabel.text() == "75%"


def test_dragging_the_volume_changes_it_once_when_let_go(qtbot, page: SettingsPage) -> None:
    page.set_volume(80)
    slider = page.ui.volumeSlider
    emitted: list[int] = []
    page.volume_changed.connect(emitted.append)
    slider.setSliderDown(True)
    for position in (70, 55, 40):
        slider.setSliderPosition(position)
    assert page.ui.volumeValueLabel.text() == "40%"  # the label follows the drag
    assert emitted == []
    slider.setSliderDown(False)
    assert emitted == [40]


def test_voice_checkbox_emits_and_setter_is_silent(
    qtbot, window: MainWindow, page: SettingsPage
) -> None:
    assert page.ui.voiceCheck.accessibleName() == "Speak the cues"
    with qtbot.assertNotEmitted(page.voice_changed):
        page.set_voice_enabled(True)
    assert page.voice_enabled()
    check = page.ui.voiceCheck
    on_the_box = QPoint(8, check.height() // 2)  # the box itself, not the empty row
    with qtbot.waitSignal(page.voice_changed) as blocker:
        qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=on_the_box)
    assert blocker.args == [False]
    with qtbot.waitSignal(page.voice_changed) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    assert blocker.args == [True]


def test_test_sound_button(qtbot, window: MainWindow, page: SettingsPage) -> None:
    assert page.ui.testSoundButton.accessibleName() == "Play a test sound"
    with qtbot.waitSignal(page.test_sound_requested):
        qtbot.mouseClick(page.ui.testSoundButton, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.test_sound_requested):
        qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)


def test_sound_status_line_shows_only_when_there_is_something_to_say(
    page: SettingsPage,
) -> None:
    label = page.ui.soundStatusLabel
    assert not label.isVisible()
    page.set_sound_status("No sound output was found, so the session will play without sounds.")
    assert label.isVisible()
    assert page.sound_status().startswith("No sound output was found")
    page.set_sound_status("")
    assert not label.isVisible()


# -- break reminders ------------------------------------------------------------------------

# Not the defaults, so a setter that ignored a field would show.
STORED = ReminderSettings(
    interval_min=45,
    idle_break_min=7,
    quiet_start=time(21, 30),
    quiet_end=time(6, 45),
    working_days=frozenset({0, 1, 2, 3, 4}),
    daily_max=12,
    snooze_min=(5, 15),
    idle_policy=IDLE_PAUSE,
    max_skips_per_day=2,
)


@pytest.fixture
def box(page: SettingsPage) -> ReminderSettingsBox:
    page.set_reminder_settings(STORED)
    page.ui.scrollArea.ensureWidgetVisible(page.reminders)
    return page.reminders


@pytest.fixture
def emitted(page: SettingsPage) -> list[ReminderSettings]:
    changes: list[ReminderSettings] = []
    page.reminder_settings_changed.connect(changes.append)
    return changes


def test_filling_the_reminders_emits_nothing_and_shows_every_field(
    qtbot, page: SettingsPage
) -> None:
    with qtbot.assertNotEmitted(page.reminder_settings_changed):
        page.set_reminder_settings(STORED)
    box = page.reminders
    assert box.interval_spin.value() == 45
    assert box.idle_spin.value() == 7
    assert box.idle_pause_radio.isChecked() and not box.idle_reset_radio.isChecked()
    assert box.quiet_check.isChecked()
    assert box.quiet_start_edit.time().toString("HH:mm") == "21:30"
    assert box.quiet_end_edit.time().toString("HH:mm") == "06:45"
    assert [check.isChecked() for check in box.day_checks] == [True] * 5 + [False] * 2
    assert box.daily_max_check.isChecked() and box.daily_max_spin.value() == 12
    assert box.skip_cap_check.isChecked() and box.skip_cap_spin.value() == 2
    assert page.reminder_settings() == STORED


def test_filling_with_everything_off_greys_out_the_numbers(qtbot, page: SettingsPage) -> None:
    off = ReminderSettings(quiet_start=None, quiet_end=None, daily_max=None)
    with qtbot.assertNotEmitted(page.reminder_settings_changed):
        page.set_reminder_settings(off)
    box = page.reminders
    assert not box.quiet_check.isChecked()
    assert not box.quiet_start_edit.isEnabled() and not box.quiet_end_edit.isEnabled()
    assert not box.daily_max_check.isChecked() and not box.daily_max_spin.isEnabled()
    assert not box.skip_cap_check.isChecked() and not box.skip_cap_spin.isEnabled()
    assert box.idle_reset_radio.isChecked()  # the default: time away was a break


def test_typing_a_new_interval_is_one_change(
    qtbot, box: ReminderSettingsBox, emitted: list[ReminderSettings]
) -> None:
    spin = box.interval_spin
    assert (spin.minimum(), spin.maximum()) == (5, 240)
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "60")
    assert emitted == []  # not while typing
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert emitted == [replace(STORED, interval_min=60)]


def test_idle_minutes_and_what_time_away_does(
    qtbot, box: ReminderSettingsBox, emitted: list[ReminderSettings]
) -> None:
    assert (box.idle_spin.minimum(), box.idle_spin.maximum()) == (1, 60)
    box.idle_spin.stepUp()
    assert emitted == [replace(STORED, idle_break_min=8)]
    box.idle_reset_radio.click()
    assert emitted[1:] == [replace(STORED, idle_break_min=8, idle_policy=IDLE_RESET)]
    box.idle_pause_radio.click()
    assert emitted[2:] == [replace(STORED, idle_break_min=8, idle_policy=IDLE_PAUSE)]
    assert len(emitted) == 3  # one change per choice, not one per radio toggled


def test_quiet_hours_off_and_on_again(
    qtbot, box: ReminderSettingsBox, emitted: list[ReminderSettings]
) -> None:
    box.quiet_check.click()
    assert emitted == [replace(STORED, quiet_start=None, quiet_end=None)]
    assert not box.quiet_start_edit.isEnabled()
    box.quiet_check.click()  # the times shown before come back
    assert emitted[1:] == [STORED]
    assert box.quiet_start_edit.isEnabled()


def test_quiet_hours_by_the_arrow_keys(
    qtbot, box: ReminderSettingsBox, emitted: list[ReminderSettings]
) -> None:
    edit = box.quiet_end_edit
    edit.setFocus()
    edit.setCurrentSection(QDateTimeEdit.Section.HourSection)
    qtbot.keyClick(edit, Qt.Key.Key_Up)
    edit.editingFinished.emit()  # leaving the box: nothing new to say
    assert emitted == [replace(STORED, quiet_end=time(7, 45))]


def test_equal_quiet_times_say_so_and_are_not_emitted(
    qtbot, box: ReminderSettingsBox, emitted: list[ReminderSettings]
) -> None:
    label = box.quiet_feedback_label
    assert not label.isVisible()
    box.quiet_end_edit.setTime(QTime(21, 30))
    assert emitted == []
    assert label.isVisible() and label.property("state") == "error"
    assert "different times" in label.text()
    box.interval_spin.stepUp()  # held back until the quiet hours make sense
    assert emitted == []
    box.quiet_end_edit.setTime(QTime(7, 0))
    assert not label.isVisible()
    assert emitted == [replace(STORED, interval_min=46, quiet_end=time(7, 0))]


def test_equal_quiet_times_are_fine_while_quiet_hours_are_off(
    qtbot, box: ReminderSettingsBox, emitted: list[ReminderSettings]
) -> None:
    box.quiet_end_edit.setTime(QTime(21, 30))
    box.quiet_check.click()
    assert not box.quiet_feedback_label.isVisible()
    assert emitted == [replace(STORED, quiet_start=None, quiet_end=None)]


def test_working_days(qtbot, box: ReminderSettingsBox, emitted: list[ReminderSettings]) -> None:
    box.day_checks[5].click()  # Saturday on
    assert emitted == [replace(STORED, working_days=frozenset({0, 1, 2, 3, 4, 5}))]
    for check in box.day_checks:
        if check.isChecked():
            check.click()
    assert emitted[-1] == replace(STORED, working_days=frozenset())
    assert "no reminders will come" in box.days_hint_label.text()
    box.day_checks[2].click()
    assert emitted[-1].working_days == frozenset({2})
    assert "only on the days that are ticked" in box.days_hint_label.text()


def test_day_names_follow_the_locale(qtbot) -> None:
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    before = QLocale()
    QLocale.setDefault(german)
    try:
        box = ReminderSettingsBox()
        qtbot.addWidget(box)
    finally:
        QLocale.setDefault(before)
    short = QLocale.FormatType.ShortFormat
    assert [check.text() for check in box.day_checks] == [
        german.dayName(day, short) for day in range(1, 8)
    ]
    assert box.day_checks[0].accessibleName() == "Working day: Montag"
    assert box.day_checks[6].accessibleName() == "Working day: Sonntag"


def test_daily_maximum_on_and_off(
    qtbot, box: ReminderSettingsBox, emitted: list[ReminderSettings]
) -> None:
    assert (box.daily_max_spin.minimum(), box.daily_max_spin.maximum()) == (1, 100)
    box.daily_max_check.click()
    assert emitted == [replace(STORED, daily_max=None)]
    assert not box.daily_max_spin.isEnabled()
    box.daily_max_check.click()
    box.daily_max_spin.setValue(30)
    assert emitted[1:] == [STORED, replace(STORED, daily_max=30)]


def test_skip_cap_on_and_off(qtbot, page: SettingsPage, emitted: list[ReminderSettings]) -> None:
    no_cap = replace(STORED, max_skips_per_day=None)
    page.set_reminder_settings(no_cap)
    box = page.reminders
    assert not box.skip_cap_spin.isEnabled()
    assert (box.skip_cap_spin.minimum(), box.skip_cap_spin.maximum()) == (0, 100)
    box.skip_cap_check.click()
    assert emitted == [replace(STORED, max_skips_per_day=3)]  # a sensible number to start
    box.skip_cap_spin.setValue(0)  # never skip: a choice some people make
    assert emitted[-1].max_skips_per_day == 0
    box.skip_cap_check.click()
    assert emitted[-1] == no_cap
    assert len(emitted) == 3


def test_snooze_lengths_have_no_control_and_are_kept(
    qtbot, box: ReminderSettingsBox, emitted: list[ReminderSettings]
) -> None:
    box.interval_spin.stepDown()
    assert emitted[0].snooze_min == (5, 15)


def test_reminder_mnemonics(qtbot, window: MainWindow, box: ReminderSettingsBox) -> None:
    def alt(key: Qt.Key) -> None:
        qtbot.keyClick(window, key, Qt.KeyboardModifier.AltModifier)

    alt(Qt.Key.Key_M)
    assert box.interval_spin.hasFocus()
    alt(Qt.Key.Key_A)
    assert box.idle_spin.hasFocus()
    alt(Qt.Key.Key_G)
    assert box.day_checks[0].hasFocus()
    # Only focused: a label's button buddy would be pressed (down now, clicked later).
    assert box.day_checks[0].isChecked() and not box.day_checks[0].isDown()
    with qtbot.waitSignal(box.settings_changed) as blocker:
        alt(Qt.Key.Key_Q)
    assert blocker.args[0].quiet_start is None
    with qtbot.waitSignal(box.settings_changed) as blocker:
        alt(Qt.Key.Key_F)
    assert blocker.args[0].daily_max is None
    with qtbot.waitSignal(box.settings_changed) as blocker:
        alt(Qt.Key.Key_I)
    assert blocker.args[0].max_skips_per_day is None
    box.set_autostart(False, supported=True, where="")
    with qtbot.waitSignal(window.settings_page.autostart_toggled) as blocker:
        alt(Qt.Key.Key_H)
    assert blocker.args == [True]


def test_every_reminder_control_has_an_accessible_name(box: ReminderSettingsBox) -> None:
    names = [widget.accessibleName() for widget in box.focus_order()]
    assert all(names), names
    assert len(set(names)) == len(names)


def test_tab_goes_through_the_reminders_between_sound_and_goal(qtbot, page: SettingsPage) -> None:
    box = page.reminders

    def tab_from(widget: QWidget) -> QWidget | None:
        widget.setFocus()
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        return QApplication.focusWidget()

    assert tab_from(page.ui.testSoundButton) is box.interval_spin
    box.quiet_end_edit.setFocus()
    box.quiet_end_edit.setCurrentSection(QDateTimeEdit.Section.MinuteSection)
    qtbot.keyClick(box.quiet_end_edit, Qt.Key.Key_Tab)  # from the hours, Tab goes to minutes
    assert QApplication.focusWidget() is box.day_checks[0]
    assert tab_from(box.day_checks[6]) is box.daily_max_check
    assert tab_from(box.autostart_check) is page.ui.goalSpin
    assert tab_from(page.ui.goalSpin) is page.ui.safetyReviewButton


def test_autostart_toggle_and_silent_setter(qtbot, page: SettingsPage) -> None:
    check = page.reminders.autostart_check
    with qtbot.assertNotEmitted(page.autostart_toggled):
        page.set_autostart(True, supported=True, where=AUTOSTART_ENTRY)
    assert page.autostart_enabled() and check.isEnabled()
    assert AUTOSTART_ENTRY in page.reminders.autostart_hint_label.text()
    with qtbot.waitSignal(page.autostart_toggled) as blocker:
        check.click()
    assert blocker.args == [False]
    assert page.reminder_settings() == ReminderSettings()  # not a reminder setting


def test_autostart_unsupported_is_greyed_out_with_the_reason(page: SettingsPage) -> None:
    reason = "Starting with the computer is not available on this system yet."
    page.set_autostart(True, supported=False, where=reason)
    check = page.reminders.autostart_check
    assert not check.isEnabled()
    assert not check.isChecked()  # it cannot be on where it is not possible
    assert page.reminders.autostart_hint_label.text() == reason
    assert check.toolTip() == reason
    assert check.accessibleDescription() == reason


def test_reminder_error_shows_until_the_next_change(
    qtbot, box: ReminderSettingsBox, page: SettingsPage
) -> None:
    page.show_reminder_error("Could not add the app to your start-up programs: disk full.")
    label = box.feedback_label
    assert label.isVisible() and label.property("state") == "error"
    assert label.text().startswith("Could not add the app")
    box.autostart_check.click()
    assert not label.isVisible()


def test_idle_status_line(page: SettingsPage) -> None:
    label = page.reminders.idle_status_label
    assert not label.isVisible()
    page.set_idle_status(IDLE_UNAVAILABLE)
    assert label.isVisible() and label.text() == IDLE_UNAVAILABLE
    page.set_idle_status("")
    assert not label.isVisible()


def test_the_page_fits_the_default_window_width(
    qtbot, window: MainWindow, page: SettingsPage
) -> None:
    window.resize(1040, 720)
    qtbot.waitUntil(lambda: window.width() == 1040)
    area = page.ui.scrollArea
    QApplication.processEvents()
    assert not area.horizontalScrollBar().isVisible()
    assert area.verticalScrollBar().isVisible()  # taller than the window: it scrolls
    card = page.reminders
    assert card.width() <= area.viewport().width()


AUTOSTART_ENTRY = "/home/ann/.config/autostart/lbp-desktop.desktop"
IDLE_UNAVAILABLE = "Idle detection is not available here: breaks are timed by the clock only."


@pytest.fixture(params=["light", "dark"])
def scheme(request, qapp):
    apply_theme(qapp, request.param)
    yield request.param
    apply_theme(qapp, "system")


def test_reminders_screenshots(qtbot, scheme: str, window: MainWindow, page: SettingsPage) -> None:
    window.resize(1040, 720)
    page.set_reminder_settings(ReminderSettings(max_skips_per_day=3))
    page.set_idle_status(IDLE_UNAVAILABLE)
    page.set_autostart(True, supported=True, where=AUTOSTART_ENTRY)
    bar = page.ui.scrollArea.verticalScrollBar()
    card = page.reminders
    QApplication.processEvents()
    bar.setValue(card.y() - 12)
    assert not_blank(save_shot(window, f"settings-reminders-{scheme}"))
    bar.setValue(card.y() + card.height() - page.ui.scrollArea.viewport().height() + 12)
    assert not_blank(save_shot(window, f"settings-reminders-end-{scheme}"))
    # Problems: equal quiet times, no autostart here, an error from the app.
    card.quiet_end_edit.setTime(QTime(22, 0))
    page.set_autostart(
        False,
        supported=False,
        where="Starting with the computer is not available on this system.",
    )
    page.show_reminder_error("Could not change the start-up programs: the folder is read-only.")
    bar.setValue(card.y() - 12)
    assert not_blank(save_shot(window, f"settings-reminders-problems-{scheme}"))
    bar.setValue(bar.maximum())
    assert not_blank(save_shot(window, f"settings-reminders-problems-end-{scheme}"))
