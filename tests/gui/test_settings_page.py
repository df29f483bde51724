"""Settings page: every action is a signal; setters never emit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from gui_sample_data import TZ
from PySide6.QtCore import QPoint, Qt

from lbp_desktop import __version__
from lbp_desktop.views.main_window import MainWindow
from lbp_desktop.views.settings_page import SettingsPage


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
