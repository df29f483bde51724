"""Settings: where the data lives and its backups, light or dark, sound and
voice, break reminders and starting with the computer, the weekly goal, and
what the app is.

Every action is a signal; the app does the work (and asks before a restore).
Setters never emit, so the app can fill the page from stored settings.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from itertools import pairwise
from os import PathLike
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QListWidgetItem, QWidget

from lbp_desktop import APP_NAME, __version__
from lbp_desktop.domain.reminder_settings import ReminderSettings
from lbp_desktop.views.feedback import ERROR, OK, clear_feedback, show_feedback
from lbp_desktop.views.forms.ui_settings_page import Ui_SettingsPage
from lbp_desktop.views.theme import THEME_CHOICES, normalise_choice
from lbp_desktop.views.words import date_and_time

KIND_WORDS = {
    "daily": "made automatically (daily)",
    "weekly": "made automatically (weekly)",
    "manual": "made by you",
    "pre-migration": "made before an update",
}
_PATH_ROLE = Qt.ItemDataRole.UserRole


class BackupLike(Protocol):
    """What the page needs of a backup (lbp_desktop.storage.backups.Backup fits)."""

    @property
    def path(self) -> Path: ...
    @property
    def made_at(self) -> datetime: ...
    @property
    def kind(self) -> str: ...


def backup_words(backup: BackupLike) -> str:
    return f"{date_and_time(backup.made_at)}, {KIND_WORDS.get(backup.kind, backup.kind)}"


class SettingsPage(QWidget):
    open_folder_requested = Signal()
    backup_requested = Signal()
    restore_requested = Signal(str)  # path of the chosen backup; the app confirms first
    theme_changed = Signal(str)  # "system", "light" or "dark"
    weekly_goal_changed = Signal(int)  # sessions per week, 1-21
    safety_review_requested = Signal()  # look at the red-flag answers again
    volume_changed = Signal(int)  # cue volume, 0-100 (once a drag ends, not on every step)
    voice_changed = Signal(bool)  # speak the cues or not
    test_sound_requested = Signal()
    # A valid ReminderSettings, once per change the user makes (not per keystroke).
    reminder_settings_changed = Signal(object)
    autostart_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SettingsPage()
        self.ui.setupUi(self)
        self._theme_group = QButtonGroup(self)
        for index, radio in enumerate(
            (self.ui.themeSystemButton, self.ui.themeLightButton, self.ui.themeDarkButton)
        ):
            self._theme_group.addButton(radio, index)
        self._theme_group.idToggled.connect(self._on_theme_toggled)
        self.ui.openFolderButton.clicked.connect(self.open_folder_requested)
        self.ui.backupButton.clicked.connect(self.backup_requested)
        self.ui.safetyReviewButton.clicked.connect(self.safety_review_requested)
        self.ui.restoreButton.clicked.connect(self._on_restore_clicked)
        self.ui.backupsList.itemSelectionChanged.connect(self._update_restore_button)
        self.ui.backupsList.itemActivated.connect(lambda _item: self._on_restore_clicked())
        self.ui.goalSpin.valueChanged.connect(self.weekly_goal_changed)
        # The slider does not track: the label follows a drag, the setting
        # changes once, when it ends (arrow keys change it step by step).
        self.ui.volumeSlider.sliderMoved.connect(self._show_volume)
        self.ui.volumeSlider.valueChanged.connect(self._on_volume_changed)
        self.ui.voiceCheck.toggled.connect(self.voice_changed)
        self.ui.testSoundButton.clicked.connect(self.test_sound_requested)
        self.reminders = self.ui.remindersCard
        self.reminders.settings_changed.connect(self.reminder_settings_changed)
        self.reminders.autostart_toggled.connect(self.autostart_toggled)
        # Designer cannot see inside the code-built reminders card: Tab goes
        # through it between the sound and the goal sections, as on screen.
        order = [
            self.ui.testSoundButton,
            *self.reminders.focus_order(),
            self.ui.goalSpin,
            self.ui.safetyReviewButton,
            self.ui.versionLabel,
        ]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        self.ui.versionLabel.setText(f"{APP_NAME}, version {__version__}")
        self.setFocusProxy(self.ui.openFolderButton)
        clear_feedback(self.ui.dataFeedbackLabel)
        self.set_backups([])
        self.set_sound_status("")
        self._show_volume(self.ui.volumeSlider.value())

    # -- setters (never emit) -------------------------------------------------------------

    def set_safety_status(self, text: str) -> None:
        self.ui.safetyStatusLabel.setText(text)

    def set_data_location(self, path: str | PathLike[str]) -> None:
        self.ui.dataPathLabel.setText(str(path))

    def set_backups(self, backups: Sequence[BackupLike]) -> None:
        """Backups newest first, as lbp_desktop.storage.backups.list_backups gives them."""
        backups_list = self.ui.backupsList
        backups_list.clear()
        for backup in backups:
            item = QListWidgetItem(backup_words(backup))
            item.setData(_PATH_ROLE, str(backup.path))
            backups_list.addItem(item)
        if not backups:
            placeholder = QListWidgetItem("No backups yet. One is made automatically each day.")
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            backups_list.addItem(placeholder)
        self._update_restore_button()

    def set_theme(self, choice: str) -> None:
        index = THEME_CHOICES.index(normalise_choice(choice))
        self._theme_group.blockSignals(True)
        self._theme_group.button(index).setChecked(True)
        self._theme_group.blockSignals(False)

    def set_weekly_goal(self, sessions: int) -> None:
        self.ui.goalSpin.blockSignals(True)
        self.ui.goalSpin.setValue(sessions)
        self.ui.goalSpin.blockSignals(False)

    def set_volume(self, level: int) -> None:
        slider = self.ui.volumeSlider
        slider.blockSignals(True)
        slider.setValue(level)
        slider.blockSignals(False)
        self._show_volume(slider.value())

    def set_voice_enabled(self, enabled: bool) -> None:
        self.ui.voiceCheck.blockSignals(True)
        self.ui.voiceCheck.setChecked(enabled)
        self.ui.voiceCheck.blockSignals(False)

    def set_sound_status(self, text: str) -> None:
        """A short line under the sound settings, e.g. that no sound output was found."""
        self.ui.soundStatusLabel.setText(text)
        self.ui.soundStatusLabel.setVisible(bool(text))

    def set_reminder_settings(self, settings: ReminderSettings) -> None:
        self.reminders.set_settings(settings)

    def set_autostart(self, enabled: bool, *, supported: bool, where: str) -> None:
        """``where``: when supported, where the start-up entry is kept; when not,
        the reason, shown next to the greyed-out checkbox."""
        self.reminders.set_autostart(enabled, supported=supported, where=where)

    def set_idle_status(self, text: str) -> None:
        """E.g. that idle detection is not available here ("" hides the line)."""
        self.reminders.set_idle_status(text)

    def show_reminder_error(self, message: str) -> None:
        """Inline, at the end of the reminders section (e.g. autostart not written)."""
        self.reminders.show_error(message)

    def show_saved(self, message: str) -> None:
        """Inline confirmation under the data section (e.g. after a backup)."""
        show_feedback(self.ui.dataFeedbackLabel, message, OK)

    def show_error(self, message: str) -> None:
        show_feedback(self.ui.dataFeedbackLabel, message, ERROR)

    # -- getters ----------------------------------------------------------------------------

    def data_location(self) -> str:
        return self.ui.dataPathLabel.text()

    def theme_choice(self) -> str:
        return THEME_CHOICES[max(self._theme_group.checkedId(), 0)]

    def weekly_goal(self) -> int:
        return self.ui.goalSpin.value()

    def volume(self) -> int:
        return self.ui.volumeSlider.value()

    def voice_enabled(self) -> bool:
        return self.ui.voiceCheck.isChecked()

    def reminder_settings(self) -> ReminderSettings:
        return self.reminders.settings()

    def autostart_enabled(self) -> bool:
        return self.reminders.autostart_check.isChecked()

    def sound_status(self) -> str:
        return self.ui.soundStatusLabel.text()

    def selected_backup_path(self) -> str | None:
        item = self.ui.backupsList.currentItem()
        if item is None or not item.isSelected():
            return None
        path = item.data(_PATH_ROLE)
        return None if path is None else str(path)

    # -- internals --------------------------------------------------------------------------

    def _update_restore_button(self, *_args: object) -> None:
        self.ui.restoreButton.setEnabled(self.selected_backup_path() is not None)

    def _on_restore_clicked(self) -> None:
        path = self.selected_backup_path()
        if path is not None:
            self.restore_requested.emit(path)

    def _show_volume(self, level: int) -> None:
        self.ui.volumeValueLabel.setText(f"{level}%")
        self.ui.volumeSlider.setAccessibleDescription(f"{level} percent")

    def _on_volume_changed(self, level: int) -> None:
        self._show_volume(level)
        self.volume_changed.emit(level)

    def _on_theme_toggled(self, index: int, checked: bool) -> None:
        if checked:
            self.theme_changed.emit(THEME_CHOICES[index])
