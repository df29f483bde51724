"""Settings page: every action is a signal; setters never emit."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, time
from itertools import pairwise
from pathlib import Path

import pytest
from gui_sample_data import TZ
from PySide6.QtCore import QLocale, QPoint, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDateTimeEdit,
    QFrame,
    QLabel,
    QWidget,
)
from shots import not_blank, save_shot

from lbp_desktop import __version__
from lbp_desktop.domain.reminder_settings import IDLE_PAUSE, IDLE_RESET, ReminderSettings
from lbp_desktop.views.delete_data_dialog import DeleteDataDialog
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


DATA_DIR = "/home/ann/.local/share/lbp-desktop"


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
    # Alt+L goes to the colours chosen now; the arrow keys move and choose.
    page.set_theme("system")
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert page.ui.themeSystemButton.hasFocus()
    with qtbot.waitSignal(page.theme_changed) as blocker:
        qtbot.keyClick(page.ui.themeSystemButton, Qt.Key.Key_Right)
    assert blocker.args == ["light"]
    with qtbot.waitSignal(page.theme_changed) as blocker:
        qtbot.keyClick(page.ui.themeLightButton, Qt.Key.Key_Right)
    assert blocker.args == ["dark"]
    assert page.ui.themeDarkButton.hasFocus()
    page.ui.openFolderButton.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert page.ui.themeDarkButton.hasFocus()  # back to the one chosen, not the first
    assert page.theme_choice() == "dark"


def test_weekly_goal_emits_within_0_to_21(qtbot, page: SettingsPage) -> None:
    with qtbot.assertNotEmitted(page.weekly_goal_changed):
        page.set_weekly_goal(4)
    assert page.weekly_goal() == 4
    with qtbot.waitSignal(page.weekly_goal_changed) as blocker:
        page.ui.goalSpin.stepUp()
    assert blocker.args == [5]
    assert (page.ui.goalSpin.minimum(), page.ui.goalSpin.maximum()) == (0, 21)


def test_no_weekly_plan_is_the_lowest_choice_in_words(qtbot, page: SettingsPage) -> None:
    spin = page.ui.goalSpin
    with qtbot.assertNotEmitted(page.weekly_goal_changed):
        page.set_weekly_goal(0)
    assert spin.text() == "No weekly plan"
    page.set_weekly_goal(1)
    assert spin.text() == "1"
    with qtbot.waitSignal(page.weekly_goal_changed) as blocker:
        spin.stepDown()
    assert blocker.args == [0]
    assert spin.text() == "No weekly plan"
    assert "No weekly plan" in page.ui.goalHintLabel.text()  # the hint says what it means


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
    # No letter of its own (the window has none left): Alt+C, then Tab.
    qtbot.keyClick(window, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(page.ui.voiceCheck, Qt.Key.Key_Tab)
    assert page.ui.testSoundButton.hasFocus()
    with qtbot.waitSignal(page.test_sound_requested):
        qtbot.keyClick(page.ui.testSoundButton, Qt.Key.Key_Space)


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


# -- export and delete ----------------------------------------------------------------------


def test_export_buttons_ask_for_the_whole_diary_in_each_format(
    qtbot, window: MainWindow, page: SettingsPage
) -> None:
    asked: list[str] = []
    page.export_requested.connect(asked.append)
    for button in page.export_buttons():
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked == ["pdf", "csv", "fhir"]
    with qtbot.waitSignal(page.export_requested) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert blocker.args == ["pdf"]
    names = [button.accessibleName() for button in page.export_buttons()]
    assert all("whole diary" in name for name in names), names
    assert "physiotherapist or doctor" in page.ui.exportHintLabel.text()


def test_while_an_export_is_written_the_data_buttons_wait(page: SettingsPage) -> None:
    data_actions = [*page.export_buttons(), page.ui.deleteButton]
    page.set_export_busy("Writing the PDF report…")
    assert not any(button.isEnabled() for button in data_actions)
    label = page.ui.dataFeedbackLabel
    assert label.isVisible() and label.text() == "Writing the PDF report…"
    assert label.property("state") == ""  # neither saved nor failed yet
    page.show_saved("Saved to /home/ann/Documents/back-care.pdf.")
    assert all(button.isEnabled() for button in data_actions)
    page.set_export_busy("Writing the CSV file…")
    page.show_error("Not saved: the disk is full.")
    assert all(button.isEnabled() for button in data_actions)
    assert label.property("state") == "error"


def open_delete_dialog(qtbot, page: SettingsPage) -> DeleteDataDialog:
    page.set_data_location(DATA_DIR)
    qtbot.mouseClick(page.ui.deleteButton, Qt.MouseButton.LeftButton)
    dialog = page.delete_dialog()
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def test_delete_asks_first_and_its_button_waits_for_the_tick(qtbot, page: SettingsPage) -> None:
    with qtbot.assertNotEmitted(page.delete_all_requested):
        dialog = open_delete_dialog(qtbot, page)
        assert dialog.isVisible() and dialog.isModal()
        assert not dialog.delete_button.isEnabled()
        dialog.delete_button.click()  # a disabled button does nothing
        dialog.accept()  # and nor does accepting any other way
        assert dialog.isVisible()
    dialog.understood_check.click()
    assert dialog.delete_button.isEnabled()
    dialog.understood_check.click()
    assert not dialog.delete_button.isEnabled()  # untick: greyed out again
    dialog.understood_check.click()
    with qtbot.waitSignal(page.delete_all_requested):
        qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: page.delete_dialog() is None)


def test_delete_says_what_goes_and_what_stays(qtbot, page: SettingsPage) -> None:
    dialog = open_delete_dialog(qtbot, page)
    assert dialog.path_label.text() == DATA_DIR
    text = dialog.summary()
    for goes in ("pain diary", "settings", "backups", "plans you added yourself"):
        assert goes in text, goes
    assert "It does not delete" in text
    assert "exported and saved somewhere else" in text
    assert "cannot be undone" in text
    hint = dialog.copy_hint_label.text()
    assert "Export" in hint and "backups are deleted too" in hint
    dialog.reject()


@pytest.mark.parametrize("key", [Qt.Key.Key_Escape, Qt.Key.Key_Return])
def test_escape_and_enter_cancel_even_once_ticked(qtbot, page: SettingsPage, key: Qt.Key) -> None:
    dialog = open_delete_dialog(qtbot, page)
    assert dialog.cancel_button.isDefault()
    assert not dialog.delete_button.isDefault()
    assert dialog.understood_check.hasFocus()
    qtbot.keyClick(dialog.understood_check, Qt.Key.Key_Space)
    assert dialog.understood_check.isChecked()
    with qtbot.assertNotEmitted(page.delete_all_requested):
        qtbot.keyClick(dialog.understood_check, key)
        qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == DeleteDataDialog.DialogCode.Rejected
    qtbot.waitUntil(lambda: page.delete_dialog() is None)
    # Back where the person was (offscreen, no window manager activates the window again).
    assert page.window().focusWidget() is page.ui.deleteButton


def test_delete_by_keyboard_alone(qtbot, window: MainWindow, page: SettingsPage) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.delete_dialog() is not None)
    dialog = page.delete_dialog()
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    with qtbot.waitSignal(dialog.understood_check.toggled):  # a mnemonic clicks a moment later
        qtbot.keyClick(dialog, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # "I understand"
    assert dialog.delete_button.isEnabled()
    with qtbot.waitSignal(page.delete_all_requested):
        qtbot.keyClick(dialog, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)


def test_a_second_click_does_not_open_a_second_dialog(qtbot, page: SettingsPage) -> None:
    dialog = open_delete_dialog(qtbot, page)
    page.ui.deleteButton.click()
    assert page.delete_dialog() is dialog
    assert len(page.findChildren(DeleteDataDialog)) == 1
    dialog.reject()


# -- goals, packs, welcome ----------------------------------------------------------------------


def test_preferred_time_setter_is_silent(qtbot, page: SettingsPage) -> None:
    edit = page.ui.preferredTimeEdit
    with qtbot.assertNotEmitted(page.preferred_time_changed):
        page.set_preferred_time(time(7, 30))
        assert page.preferred_time() == time(7, 30)
        assert page.ui.preferredTimeCheck.isChecked() and edit.isEnabled()
        assert edit.time().toString("HH:mm") == "07:30"
        page.set_preferred_time(None)
    assert page.preferred_time() is None
    assert not page.ui.preferredTimeCheck.isChecked() and not edit.isEnabled()
    assert edit.time().toString("HH:mm") == "07:30"  # kept, greyed out, for the next tick


def test_preferred_time_on_changed_and_off(qtbot, window: MainWindow, page: SettingsPage) -> None:
    page.set_preferred_time(None)
    emitted: list[time | None] = []
    page.preferred_time_changed.connect(emitted.append)
    page.ui.preferredTimeEdit.setTime(QTime(18, 0))  # greyed out: not a choice yet
    assert emitted == []
    with qtbot.waitSignal(page.preferred_time_changed):  # a mnemonic clicks a moment later
        qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert emitted == [time(18, 0)]
    edit = page.ui.preferredTimeEdit
    edit.setFocus()
    edit.setCurrentSection(QDateTimeEdit.Section.HourSection)
    qtbot.keyClick(edit, Qt.Key.Key_Down)
    edit.editingFinished.emit()  # leaving the box: nothing new to say
    assert emitted == [time(18, 0), time(17, 0)]
    page.ui.preferredTimeCheck.click()
    assert emitted == [time(18, 0), time(17, 0), None]
    assert not edit.isEnabled()


def test_packs_setter_is_silent_and_not_sure_shows_unticked(qtbot, page: SettingsPage) -> None:
    with qtbot.assertNotEmitted(page.equipment_changed):
        page.set_equipment({"heat_pack": True, "cold_pack": False})
        assert page.equipment() == {"heat_pack": True, "cold_pack": False}
        page.set_equipment({"heat_pack": None, "cold_pack": True})  # "not sure" from the tour
        assert page.equipment() == {"heat_pack": False, "cold_pack": True}
        page.set_equipment({})
    assert page.equipment() == {"heat_pack": False, "cold_pack": False}


def test_ticking_a_pack_says_what_there_is(qtbot, window: MainWindow, page: SettingsPage) -> None:
    page.set_equipment({"heat_pack": False, "cold_pack": True})
    with qtbot.waitSignal(page.equipment_changed) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    assert blocker.args == [{"heat_pack": True, "cold_pack": True}]
    qtbot.keyClick(page.ui.heatPackCheck, Qt.Key.Key_Tab)
    assert page.ui.coldPackCheck.hasFocus()
    with qtbot.waitSignal(page.equipment_changed) as blocker:
        qtbot.keyClick(page.ui.coldPackCheck, Qt.Key.Key_Space)
    assert blocker.args == [{"heat_pack": True, "cold_pack": False}]


def test_packs_carry_the_safety_line_from_the_content(page: SettingsPage) -> None:
    safety = page.ui.packsSafetyLabel.text()
    # The heat and ice cautions: a cloth between pack and skin, 20 minutes at most.
    assert "towel or cloth between a pack and your skin" in safety
    assert "no more than 20 minutes at a time" in safety


def test_the_welcome_tour_can_be_seen_again(qtbot, page: SettingsPage) -> None:
    with qtbot.waitSignal(page.onboarding_requested):
        qtbot.mouseClick(page.ui.welcomeButton, Qt.MouseButton.LeftButton)
    hint = page.ui.welcomeHintLabel.text()
    assert "live on this page too" in hint
    for answer in ("weekly goal", "reminders", "heat and cold packs", "safety questions"):
        assert answer in hint, answer


# -- the page as a whole ----------------------------------------------------------------------

SECTIONS = (
    "dataCard",
    "goalCard",
    "remindersCard",
    "soundCard",
    "packsCard",
    "safetyCard",
    "appearanceCard",
    "welcomeCard",
    "aboutCard",
)


def card(page: SettingsPage, name: str) -> QFrame:
    found = page.findChild(QFrame, name)
    assert found is not None, name
    return found


def test_sections_come_in_their_order(page: SettingsPage) -> None:
    QApplication.processEvents()
    tops = [card(page, name).y() for name in SECTIONS]
    assert tops == sorted(tops)
    assert len(set(tops)) == len(tops)


def test_every_section_explains_itself(page: SettingsPage) -> None:
    # Each card has a plain line saying what it is for (a hint, or the intro text).
    for name in SECTIONS:
        lines = [
            label.text()
            for label in card(page, name).findChildren(QLabel)
            if label.property("role") == "hint" or label.objectName().endswith("IntroLabel")
        ]
        if name == "aboutCard":
            lines = [page.ui.privacyLabel.text()]
        assert any(len(line.split()) >= 5 for line in lines), name


def test_the_page_letters(page: SettingsPage) -> None:
    # One letter per row or group; the nav has T, S, X, P and E.
    def letter(text: str) -> str | None:
        at = text.replace("&&", "").find("&")
        return None if at < 0 else text.replace("&&", "")[at + 1].lower()

    owners = {
        letter(widget.text()): widget.objectName() or widget.text()
        for widget in [*page.findChildren(QAbstractButton), *page.findChildren(QLabel)]
        if letter(widget.text()) and (not isinstance(widget, QLabel) or widget.buddy())
    }
    mine = {key: owners[key] for key in "obrnywdu" + "ckvl"}
    assert mine == {
        "o": "openFolderButton",
        "b": "backupButton",
        "r": "restoreButton",
        "n": "exportPdfButton",
        "y": "deleteButton",
        "w": "goalLabel",
        "d": "preferredTimeCheck",
        "u": "volumeLabel",
        "c": "voiceCheck",
        "k": "heatPackCheck",
        "v": "safetyReviewButton",
        "l": "themeLabel",
    }


def next_control(widget: QWidget, controls: set[QWidget]) -> QWidget:
    """The next of ``controls`` in the focus chain (inner editors are skipped)."""
    step = widget.nextInFocusChain()
    while step not in controls:
        assert step is not widget, "the chain came round without finding one"
        step = step.nextInFocusChain()
    return step


def test_tab_order_is_top_to_bottom(page: SettingsPage) -> None:
    order = page.focus_order()
    assert len(set(order)) == len(order)
    chain = [order[0]]
    while len(chain) < len(order):
        chain.append(next_control(chain[-1], set(order)))
    assert chain == order
    # On screen, too: each control is below (or on the row of) the one before.
    contents = page.ui.scrollContents
    tops = [widget.mapTo(contents, QPoint(0, 0)).y() for widget in order]
    assert all(later >= earlier - 40 for earlier, later in pairwise(tops)), tops


def test_every_control_on_the_page_is_named(page: SettingsPage) -> None:
    nameless = [
        widget.objectName()
        for widget in page.focus_order()
        if not widget.accessibleName()
        and not (isinstance(widget, QAbstractButton) and widget.text())
    ]
    assert nameless == []


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


def test_tab_goes_through_the_reminders_between_goals_and_sound(qtbot, page: SettingsPage) -> None:
    box = page.reminders
    page.set_preferred_time(time(18, 0))

    def tab_from(widget: QWidget) -> QWidget | None:
        widget.setFocus()
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        return QApplication.focusWidget()

    page.ui.preferredTimeEdit.setFocus()
    page.ui.preferredTimeEdit.setCurrentSection(QDateTimeEdit.Section.MinuteSection)
    qtbot.keyClick(page.ui.preferredTimeEdit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is box.interval_spin
    box.quiet_end_edit.setFocus()
    box.quiet_end_edit.setCurrentSection(QDateTimeEdit.Section.MinuteSection)
    qtbot.keyClick(box.quiet_end_edit, Qt.Key.Key_Tab)  # from the hours, Tab goes to minutes
    assert QApplication.focusWidget() is box.day_checks[0]
    assert tab_from(box.day_checks[6]) is box.daily_max_check
    assert tab_from(box.autostart_check) is page.ui.volumeSlider
    assert tab_from(page.ui.testSoundButton) is page.ui.heatPackCheck


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
    for name in SECTIONS:
        assert card(page, name).width() <= area.viewport().width(), name
    data = card(page, "dataCard")
    for button in (*page.export_buttons(), page.ui.deleteButton):
        right = button.mapTo(data, QPoint(button.width(), 0)).x()
        assert right <= data.width(), button.objectName()
        assert button.width() >= button.sizeHint().width(), button.objectName()  # not squashed


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


def fill_like_a_real_person(page: SettingsPage) -> None:
    page.set_data_location(DATA_DIR)
    page.set_backups(BACKUPS)
    page.set_weekly_goal(3)
    page.set_preferred_time(time(18, 30))
    page.set_equipment({"heat_pack": True, "cold_pack": False})
    page.set_reminder_settings(ReminderSettings(max_skips_per_day=3))
    page.set_autostart(True, supported=True, where=AUTOSTART_ENTRY)
    page.set_safety_status("You answered the safety questions; none showed a warning sign.")
    page.show_saved("Backup made: 2026-03-11-manual")


def test_page_screenshots(qtbot, scheme: str, window: MainWindow, page: SettingsPage) -> None:
    window.resize(1040, 720)
    fill_like_a_real_person(page)
    bar = page.ui.scrollArea.verticalScrollBar()
    QApplication.processEvents()
    for name in SECTIONS:
        bar.setValue(card(page, name).y() - 12)
        short = name.removesuffix("Card")
        assert not_blank(save_shot(window, f"settings-{short}-{scheme}"))
    assert bar.value() == bar.maximum()  # the last section is reached


def test_no_weekly_plan_screenshot(qtbot, scheme: str, window: MainWindow, page: SettingsPage):
    window.resize(1040, 720)
    fill_like_a_real_person(page)
    page.set_weekly_goal(0)
    page.set_preferred_time(None)
    QApplication.processEvents()
    page.ui.scrollArea.verticalScrollBar().setValue(card(page, "goalCard").y() - 12)
    assert not_blank(save_shot(window, f"settings-goal-none-{scheme}"))


def test_delete_dialog_screenshots(qtbot, scheme: str, page: SettingsPage) -> None:
    dialog = open_delete_dialog(qtbot, page)
    assert not_blank(save_shot(dialog, f"settings-delete-dialog-{scheme}"))
    dialog.understood_check.setChecked(True)
    assert not_blank(save_shot(dialog, f"settings-delete-dialog-ticked-{scheme}"))
    dialog.reject()
