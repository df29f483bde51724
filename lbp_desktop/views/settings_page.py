"""Settings: everything the app lets people choose, each with a line on what
it does, in this order: your data (folder, backups, export, delete all),
goals, break reminders, sessions (sound and voice, heat and cold packs,
safety answers), appearance, the welcome tour, and what the app is.

Every action is a signal; the app does the work (and asks before a restore).
Deleting all data is the one the page confirms itself (DeleteDataDialog):
``delete_all_requested`` comes only after that. Setters never emit, so the
app can fill the page from stored settings.

Alt+letter: the window's nav and the reminders card take most letters, so
the page gives one to each row or group and Tab or the arrow keys go on from
there (test sound, the second pack, the other export buttons, the welcome
tour: Tab; the three colour choices: arrows).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, time
from itertools import pairwise
from os import PathLike
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import QAbstractButton, QButtonGroup, QListWidgetItem, QPushButton, QWidget

from lbp_desktop import APP_NAME, __version__
from lbp_desktop.domain.goal_history import MAX_GOAL
from lbp_desktop.domain.reminder_settings import ReminderSettings
from lbp_desktop.views.delete_data_dialog import DeleteDataDialog
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
EXPORT_FORMATS = ("pdf", "csv", "fhir")
NO_WEEKLY_PLAN = 0  # the goal spin's lowest value, shown as words
EQUIPMENT_KEYS = ("heat_pack", "cold_pack")


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
    export_requested = Signal(str)  # "pdf", "csv" or "fhir": the whole diary, to a file
    delete_all_requested = Signal()  # only after the person confirmed in DeleteDataDialog
    theme_changed = Signal(str)  # "system", "light" or "dark"
    weekly_goal_changed = Signal(int)  # sessions per week, 0 (no weekly plan) to 21
    preferred_time_changed = Signal(object)  # datetime.time, or None for "no set time"
    safety_review_requested = Signal()  # look at the red-flag answers again
    volume_changed = Signal(int)  # cue volume, 0-100 (once a drag ends, not on every step)
    voice_changed = Signal(bool)  # speak the cues or not
    test_sound_requested = Signal()
    equipment_changed = Signal(object)  # {"heat_pack": bool, "cold_pack": bool}
    onboarding_requested = Signal()  # show the welcome tour again
    # A valid ReminderSettings, once per change the user makes (not per keystroke).
    reminder_settings_changed = Signal(object)
    autostart_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SettingsPage()
        self.ui.setupUi(self)
        ui = self.ui
        self._theme_group = QButtonGroup(self)
        for index, radio in enumerate(self._theme_buttons()):
            self._theme_group.addButton(radio, index)
        self._theme_group.idToggled.connect(self._on_theme_toggled)
        ui.openFolderButton.clicked.connect(self.open_folder_requested)
        ui.backupButton.clicked.connect(self.backup_requested)
        ui.safetyReviewButton.clicked.connect(self.safety_review_requested)
        ui.restoreButton.clicked.connect(self._on_restore_clicked)
        ui.backupsList.itemSelectionChanged.connect(self._update_restore_button)
        ui.backupsList.itemActivated.connect(lambda _item: self._on_restore_clicked())
        for fmt, button in zip(EXPORT_FORMATS, self.export_buttons(), strict=True):
            button.clicked.connect(lambda _checked=False, f=fmt: self.export_requested.emit(f))
        ui.deleteButton.clicked.connect(self._on_delete_clicked)
        self._delete_dialog: DeleteDataDialog | None = None
        ui.goalSpin.setRange(NO_WEEKLY_PLAN, MAX_GOAL)  # the domain's bounds, not the form's
        ui.goalSpin.valueChanged.connect(self.weekly_goal_changed)
        # Like the reminders' times: no keyboard tracking, so timeChanged comes
        # when typing ends (or at once for the arrows), editingFinished when
        # leaving the box; only a change from the last value is emitted.
        self._preferred_time: time | None = None
        ui.preferredTimeCheck.toggled.connect(self._on_preferred_time_toggled)
        ui.preferredTimeEdit.timeChanged.connect(self._commit_preferred_time)
        ui.preferredTimeEdit.editingFinished.connect(self._commit_preferred_time)
        ui.preferredTimeEdit.setEnabled(False)
        # The slider does not track: the label follows a drag, the setting
        # changes once, when it ends (arrow keys change it step by step).
        ui.volumeSlider.sliderMoved.connect(self._show_volume)
        ui.volumeSlider.valueChanged.connect(self._on_volume_changed)
        ui.voiceCheck.toggled.connect(self.voice_changed)
        ui.testSoundButton.clicked.connect(self.test_sound_requested)
        ui.heatPackCheck.toggled.connect(self._on_equipment_toggled)
        ui.coldPackCheck.toggled.connect(self._on_equipment_toggled)
        ui.welcomeButton.clicked.connect(self.onboarding_requested)
        self.reminders = ui.remindersCard
        self.reminders.settings_changed.connect(self.reminder_settings_changed)
        self.reminders.autostart_toggled.connect(self.autostart_toggled)
        # Designer cannot see inside the code-built reminders card, so the
        # whole order is set here: top to bottom, as on screen.
        for first, second in pairwise(self.focus_order()):
            QWidget.setTabOrder(first, second)
        ui.versionLabel.setText(f"{APP_NAME}, version {__version__}")
        self.setFocusProxy(ui.openFolderButton)
        clear_feedback(ui.dataFeedbackLabel)
        self._sync_theme_focus()
        self.set_backups([])
        self.set_sound_status("")
        self._show_volume(ui.volumeSlider.value())

    def focus_order(self) -> list[QWidget]:
        """Every control of the page in Tab order."""
        ui = self.ui
        return [
            ui.dataPathLabel,
            ui.openFolderButton,
            ui.backupButton,
            ui.backupsList,
            ui.restoreButton,
            *self.export_buttons(),
            ui.deleteButton,
            ui.goalSpin,
            ui.preferredTimeCheck,
            ui.preferredTimeEdit,
            *self.reminders.focus_order(),
            ui.volumeSlider,
            ui.voiceCheck,
            ui.testSoundButton,
            ui.heatPackCheck,
            ui.coldPackCheck,
            ui.safetyReviewButton,
            *self._theme_buttons(),
            ui.welcomeButton,
            ui.versionLabel,
        ]

    def export_buttons(self) -> tuple[QPushButton, QPushButton, QPushButton]:
        """PDF, CSV and FHIR, in the order of EXPORT_FORMATS."""
        return (self.ui.exportPdfButton, self.ui.exportCsvButton, self.ui.exportFhirButton)

    def delete_dialog(self) -> DeleteDataDialog | None:
        """The delete confirmation while it is open (for tests and the app)."""
        return self._delete_dialog

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
        self._sync_theme_focus()

    def set_weekly_goal(self, sessions: int) -> None:
        """Sessions per week; 0 shows as "No weekly plan"."""
        self.ui.goalSpin.blockSignals(True)
        self.ui.goalSpin.setValue(sessions)
        self.ui.goalSpin.blockSignals(False)

    def set_preferred_time(self, value: time | None) -> None:
        """A time of day that suits the person for sessions, or None for none."""
        ui = self.ui
        for widget in (ui.preferredTimeCheck, ui.preferredTimeEdit):
            widget.blockSignals(True)
        try:
            ui.preferredTimeCheck.setChecked(value is not None)
            if value is not None:  # otherwise the box keeps what it showed, greyed out
                ui.preferredTimeEdit.setTime(QTime(value.hour, value.minute))
        finally:
            for widget in (ui.preferredTimeCheck, ui.preferredTimeEdit):
                widget.blockSignals(False)
        ui.preferredTimeEdit.setEnabled(value is not None)
        self._preferred_time = self._shown_preferred_time()

    def set_equipment(self, equipment: Mapping[str, object]) -> None:
        """``{"heat_pack": ..., "cold_pack": ...}``; anything but True (None for
        "not sure", a missing key) shows as not ticked."""
        for key, check in zip(EQUIPMENT_KEYS, self._pack_checks(), strict=True):
            check.blockSignals(True)
            check.setChecked(equipment.get(key) is True)
            check.blockSignals(False)

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

    def set_export_busy(self, text: str) -> None:
        """An export is being written: say so, and keep the export and delete
        buttons still until show_saved or show_error tells how it went."""
        self._set_data_actions_enabled(False)
        show_feedback(self.ui.dataFeedbackLabel, text, "")

    def show_saved(self, message: str) -> None:
        """Inline confirmation under the data section (e.g. after a backup)."""
        self._set_data_actions_enabled(True)
        show_feedback(self.ui.dataFeedbackLabel, message, OK)

    def show_error(self, message: str) -> None:
        self._set_data_actions_enabled(True)
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

    def preferred_time(self) -> time | None:
        return self._shown_preferred_time()

    def equipment(self) -> dict[str, bool]:
        return {
            key: check.isChecked()
            for key, check in zip(EQUIPMENT_KEYS, self._pack_checks(), strict=True)
        }

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
            self._sync_theme_focus()
            self.theme_changed.emit(THEME_CHOICES[index])

    def _theme_buttons(self) -> tuple[QPushButton, QPushButton, QPushButton]:
        ui = self.ui
        return (ui.themeSystemButton, ui.themeLightButton, ui.themeDarkButton)

    def _sync_theme_focus(self) -> None:
        # Alt+L ("Colours") lands on the chosen colours, as Tab into a radio group
        # would; the arrow keys then move between the chips and choose.
        checked = self._theme_group.checkedButton() or self.ui.themeSystemButton
        self.ui.themeChips.setFocusProxy(checked)

    def _pack_checks(self) -> tuple[QAbstractButton, QAbstractButton]:
        return (self.ui.heatPackCheck, self.ui.coldPackCheck)

    def _on_equipment_toggled(self, _checked: bool) -> None:
        self.equipment_changed.emit(self.equipment())

    def _shown_preferred_time(self) -> time | None:
        if not self.ui.preferredTimeCheck.isChecked():
            return None
        shown = self.ui.preferredTimeEdit.time()
        return time(shown.hour(), shown.minute())

    def _on_preferred_time_toggled(self, checked: bool) -> None:
        self.ui.preferredTimeEdit.setEnabled(checked)
        self._commit_preferred_time()

    def _commit_preferred_time(self, *_args: object) -> None:
        value = self._shown_preferred_time()
        if value != self._preferred_time:
            self._preferred_time = value
            self.preferred_time_changed.emit(value)

    def _set_data_actions_enabled(self, enabled: bool) -> None:
        for button in (*self.export_buttons(), self.ui.deleteButton):
            button.setEnabled(enabled)

    def _on_delete_clicked(self) -> None:
        if self._delete_dialog is not None:  # modal, so only a program can click twice
            self._delete_dialog.activateWindow()
            return
        # open(), not exec(): window-modal without a nested event loop, so the
        # app's asyncio loop keeps running (and tests can drive the dialog).
        dialog = DeleteDataDialog(self.data_location(), parent=self)
        dialog.accepted.connect(self.delete_all_requested)
        dialog.finished.connect(self._on_delete_dialog_finished)
        self._delete_dialog = dialog
        dialog.open()

    def _on_delete_dialog_finished(self, _result: int) -> None:
        dialog, self._delete_dialog = self._delete_dialog, None
        if dialog is not None:
            dialog.deleteLater()
        self.ui.deleteButton.setFocus()
