"""The "Break reminders" card of the Settings page.

It shows a ``ReminderSettings`` as sentences with controls in them and
emits a new, valid one once per change the user makes. Spin boxes do not
track the keyboard, so typing "45" is one change, not two. Filling the card
from stored settings emits nothing. Whether a combination is allowed is the
domain's rule (``ReminderSettings`` refuses it); the card only says so in
words and keeps the last valid settings until the user fixes it.

The mnemonics (M, A, Q, G, F, I, H) are the letters the rest of the window
leaves free; controls inside a row are reached with Tab or the arrow keys.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import time
from itertools import pairwise

from PySide6.QtCore import QLocale, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QButtonGroup,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from lbp_desktop.domain.reminder_settings import (
    DAILY_MAX_RANGE,
    IDLE_BREAK_RANGE_MIN,
    IDLE_PAUSE,
    IDLE_RESET,
    INTERVAL_RANGE_MIN,
    SKIPS_RANGE,
    ReminderSettings,
)
from lbp_desktop.views.feedback import ERROR, clear_feedback, show_feedback

QUIET_SAME_TIMES = "Not saved yet: quiet hours must start and end at different times."
DAYS_HINT = "Reminders come only on the days that are ticked."
NO_DAYS_HINT = "No day is ticked, so no reminders will come."
AUTOSTART_ON_LOGIN = "When you log in, the app starts in the tray, ready with your reminders."
AUTOSTART_UNAVAILABLE = "Starting with the computer is not available on this system."
# Shown while the box is unticked, so ticking it offers a sensible number.
DEFAULT_SKIP_CAP = 3
_TIME_FORMAT = "HH:mm"  # 24-hour, as every other time in the app
_INDENT = 28  # radio buttons and hints under a sentence line up under its words


def _hint(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    return label


def _spin(bounds: tuple[int, int], name: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(*bounds)
    # One change when typing ends (Enter or leaving the box), not one per digit.
    spin.setKeyboardTracking(False)
    spin.setMinimumWidth(90)
    spin.setAccessibleName(name)
    return spin


def _time_edit(name: str) -> QTimeEdit:
    edit = QTimeEdit()
    edit.setDisplayFormat(_TIME_FORMAT)
    edit.setKeyboardTracking(False)
    edit.setWrapping(True)  # 23:00 plus an hour is 00:00: quiet hours may cross midnight
    edit.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
    edit.setMinimumWidth(100)
    edit.setAccessibleName(name)
    return edit


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setSpacing(8)
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row


def _to_qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def _from_qtime(value: QTime) -> time:
    return time(value.hour(), value.minute())


class ReminderSettingsBox(QFrame):
    settings_changed = Signal(object)  # a valid ReminderSettings
    autostart_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("remindersCard")
        self.setProperty("role", "card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Break reminders")
        self._settings = ReminderSettings()
        self._filling = False
        layout = QVBoxLayout(self)
        layout.setSpacing(8)

        title = QLabel("Break reminders")
        title.setProperty("role", "sectionTitle")
        layout.addWidget(title)
        layout.addWidget(
            _hint("Gentle nudges from the tray to stand up, move or stretch for a moment.")
        )

        # Every N minutes of computer use.
        self.interval_spin = _spin(INTERVAL_RANGE_MIN, "Minutes of computer use between reminders")
        interval_label = QLabel("Re&mind me every")
        interval_label.setBuddy(self.interval_spin)
        layout.addSpacing(6)
        layout.addLayout(
            _row(interval_label, self.interval_spin, QLabel("minutes of computer use"))
        )

        # Time away: how long, and what it does to the count.
        self.idle_spin = _spin(IDLE_BREAK_RANGE_MIN, "Minutes away that count as time away")
        idle_label = QLabel("When I've been &away for")
        idle_label.setBuddy(self.idle_spin)
        layout.addSpacing(6)
        layout.addLayout(_row(idle_label, self.idle_spin, QLabel("minutes:")))
        self.idle_reset_radio = QRadioButton("Start the count again (the time away was a break)")
        self.idle_reset_radio.setAccessibleName(
            "After time away, start the count again: the time away was a break"
        )
        self.idle_pause_radio = QRadioButton(
            "Only leave the time away out (the count goes on where it was)"
        )
        self.idle_pause_radio.setAccessibleName(
            "After time away, only leave the time away out: the count goes on where it was"
        )
        self._idle_group = QButtonGroup(self)
        self._idle_group.addButton(self.idle_reset_radio)
        self._idle_group.addButton(self.idle_pause_radio)
        self.idle_status_label = _hint()
        self.idle_status_label.setAccessibleName("Idle detection")
        idle_box = QVBoxLayout()
        idle_box.setContentsMargins(_INDENT, 0, 0, 0)
        idle_box.setSpacing(4)
        idle_box.addWidget(self.idle_reset_radio)
        idle_box.addWidget(self.idle_pause_radio)
        idle_box.addWidget(self.idle_status_label)
        layout.addLayout(idle_box)

        # Quiet hours.
        self.quiet_check = QCheckBox("&Quiet hours from")
        self.quiet_check.setAccessibleName("Quiet hours")
        self.quiet_start_edit = _time_edit("Quiet hours start")
        self.quiet_end_edit = _time_edit("Quiet hours end")
        layout.addSpacing(6)
        layout.addLayout(
            _row(self.quiet_check, self.quiet_start_edit, QLabel("to"), self.quiet_end_edit)
        )
        self.quiet_feedback_label = QLabel()
        self.quiet_feedback_label.setProperty("role", "feedback")
        self.quiet_feedback_label.setWordWrap(True)
        self.quiet_feedback_label.setAccessibleName("Quiet hours problem")
        layout.addWidget(self.quiet_feedback_label)
        layout.addWidget(
            _hint("No reminders in these hours, for example at night. They may run past midnight.")
        )

        # Working days, in the user's language.
        days_label = QLabel("Workin&g days")
        layout.addSpacing(6)
        layout.addWidget(days_label)
        locale = QLocale()
        self.day_checks: list[QCheckBox] = []
        self.days_row = QWidget()
        self.days_row.setAccessibleName("Working days")
        days_row = QHBoxLayout(self.days_row)
        days_row.setContentsMargins(0, 0, 0, 0)
        days_row.setSpacing(14)
        for weekday in range(7):  # Monday is 0, as in the domain; Qt counts Monday as 1
            check = QCheckBox(locale.dayName(weekday + 1, QLocale.FormatType.ShortFormat))
            check.setAccessibleName(
                f"Working day: {locale.dayName(weekday + 1, QLocale.FormatType.LongFormat)}"
            )
            self.day_checks.append(check)
            days_row.addWidget(check)
        days_row.addStretch(1)
        # The label's buddy is the row, not Monday: a button buddy would be
        # clicked by the mnemonic, and Alt+G should only go to the days.
        self.days_row.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.days_row.setFocusProxy(self.day_checks[0])
        days_label.setBuddy(self.days_row)
        layout.addWidget(self.days_row)
        self.days_hint_label = _hint(DAYS_HINT)
        layout.addWidget(self.days_hint_label)

        # A daily maximum of reminders.
        self.daily_max_check = QCheckBox("Stop a&fter")
        self.daily_max_check.setAccessibleName("Limit the number of reminders a day")
        self.daily_max_spin = _spin(DAILY_MAX_RANGE, "Most reminders a day")
        layout.addSpacing(6)
        layout.addLayout(_row(self.daily_max_check, self.daily_max_spin, QLabel("reminders a day")))
        layout.addWidget(_hint("Then no more reminders until tomorrow. Untick for no limit."))

        # A daily cap on skips (USER-VOICES: an honest soft limit, not a strict mode).
        self.skip_cap_check = QCheckBox("L&imit skips to")
        self.skip_cap_check.setAccessibleName("Limit the number of skips a day")
        self.skip_cap_spin = _spin(SKIPS_RANGE, "Most skips a day")
        layout.addSpacing(6)
        layout.addLayout(_row(self.skip_cap_check, self.skip_cap_spin, QLabel("a day")))
        layout.addWidget(
            _hint(
                "After that, a reminder can still be put off for a few minutes, but not "
                "skipped. Untick for no limit."
            )
        )

        # Start on login.
        self.autostart_check = QCheckBox("Start wit&h the computer (in the tray)")
        self.autostart_check.setAccessibleName("Start with the computer, in the tray")
        self.autostart_hint_label = _hint(AUTOSTART_ON_LOGIN)
        self.autostart_hint_label.setAccessibleName("Start with the computer: details")
        layout.addSpacing(6)
        layout.addWidget(self.autostart_check)
        layout.addWidget(self.autostart_hint_label)

        self.feedback_label = QLabel()
        self.feedback_label.setProperty("role", "feedback")
        self.feedback_label.setWordWrap(True)
        self.feedback_label.setAccessibleName("Break reminders message")
        layout.addWidget(self.feedback_label)

        order = self.focus_order()
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        self._connect()
        self.set_settings(self._settings)
        self.set_idle_status("")
        clear_feedback(self.quiet_feedback_label)
        clear_feedback(self.feedback_label)

    def _connect(self) -> None:
        for spin in (self.interval_spin, self.idle_spin, self.daily_max_spin, self.skip_cap_spin):
            spin.valueChanged.connect(self._commit)
        # With keyboard tracking off, timeChanged comes once typing ends, and at
        # once for the arrows; editingFinished covers leaving the box. _commit
        # emits only what differs from the last settings, so never twice.
        for edit in (self.quiet_start_edit, self.quiet_end_edit):
            edit.timeChanged.connect(self._commit)
            edit.editingFinished.connect(self._commit)
        self._idle_group.buttonToggled.connect(self._on_idle_toggled)
        for check in (self.quiet_check, self.daily_max_check, self.skip_cap_check):
            check.toggled.connect(self._on_switch_toggled)
        for check in self.day_checks:
            check.toggled.connect(self._commit)
        self.autostart_check.toggled.connect(self._on_autostart_toggled)

    # -- the app ----------------------------------------------------------------------------

    def set_settings(self, settings: ReminderSettings) -> None:
        """Show ``settings``; emits nothing."""
        self._filling = True
        try:
            self._settings = settings
            self.interval_spin.setValue(settings.interval_min)
            self.idle_spin.setValue(settings.idle_break_min)
            pause = settings.idle_policy == IDLE_PAUSE
            (self.idle_pause_radio if pause else self.idle_reset_radio).setChecked(True)
            start, end = settings.quiet_start, settings.quiet_end
            self.quiet_check.setChecked(start is not None)
            # Without quiet hours the times keep what they showed (the usual night
            # at first), greyed out, ready for when the box is ticked again.
            if start is not None and end is not None:
                self.quiet_start_edit.setTime(_to_qtime(start))
                self.quiet_end_edit.setTime(_to_qtime(end))
            for weekday, check in enumerate(self.day_checks):
                check.setChecked(weekday in settings.working_days)
            self.daily_max_check.setChecked(settings.daily_max is not None)
            if settings.daily_max is not None:
                self.daily_max_spin.setValue(settings.daily_max)
            self.skip_cap_check.setChecked(settings.max_skips_per_day is not None)
            self.skip_cap_spin.setValue(
                DEFAULT_SKIP_CAP
                if settings.max_skips_per_day is None
                else settings.max_skips_per_day
            )
        finally:
            self._filling = False
        clear_feedback(self.quiet_feedback_label)
        self._sync_enabled()

    def settings(self) -> ReminderSettings:
        """The settings last filled in or emitted (always valid)."""
        return self._settings

    def set_autostart(self, enabled: bool, *, supported: bool, where: str) -> None:
        """``where``: when supported, where the start-up entry is kept (shown as a
        detail); when not, the reason, shown instead. Emits nothing."""
        check = self.autostart_check
        check.blockSignals(True)
        check.setChecked(enabled and supported)
        check.blockSignals(False)
        check.setEnabled(supported)
        if supported:
            # On a line of its own: a path wrapped mid-sentence is hard to read.
            text = AUTOSTART_ON_LOGIN + (f"\nSet up in: {where}" if where else "")
        else:
            text = where or AUTOSTART_UNAVAILABLE
        self.autostart_hint_label.setText(text)
        check.setToolTip(text)
        check.setAccessibleDescription(text)

    def set_idle_status(self, text: str) -> None:
        self.idle_status_label.setText(text)
        self.idle_status_label.setVisible(bool(text))

    def show_error(self, message: str) -> None:
        show_feedback(self.feedback_label, message, ERROR)

    def focus_order(self) -> list[QWidget]:
        return [
            self.interval_spin,
            self.idle_spin,
            self.idle_reset_radio,
            self.idle_pause_radio,
            self.quiet_check,
            self.quiet_start_edit,
            self.quiet_end_edit,
            *self.day_checks,
            self.daily_max_check,
            self.daily_max_spin,
            self.skip_cap_check,
            self.skip_cap_spin,
            self.autostart_check,
        ]

    # -- the user ---------------------------------------------------------------------------

    def _on_idle_toggled(self, _button: object, checked: bool) -> None:
        if checked:  # the radio that went off toggles too: one change, not two
            self._commit()

    def _on_switch_toggled(self, _checked: bool) -> None:
        self._sync_enabled()
        self._commit()

    def _on_autostart_toggled(self, checked: bool) -> None:
        clear_feedback(self.feedback_label)
        self.autostart_toggled.emit(checked)

    def _sync_enabled(self) -> None:
        quiet = self.quiet_check.isChecked()
        self.quiet_start_edit.setEnabled(quiet)
        self.quiet_end_edit.setEnabled(quiet)
        self.daily_max_spin.setEnabled(self.daily_max_check.isChecked())
        self.skip_cap_spin.setEnabled(self.skip_cap_check.isChecked())
        any_day = any(check.isChecked() for check in self.day_checks)
        self.days_hint_label.setText(DAYS_HINT if any_day else NO_DAYS_HINT)

    def _commit(self, *_args: object) -> None:
        if self._filling:
            return
        self._sync_enabled()
        quiet = self.quiet_check.isChecked()
        start = _from_qtime(self.quiet_start_edit.time())
        end = _from_qtime(self.quiet_end_edit.time())
        if quiet and start == end:
            show_feedback(self.quiet_feedback_label, QUIET_SAME_TIMES, ERROR)
            return
        clear_feedback(self.quiet_feedback_label)
        try:
            settings = replace(
                self._settings,
                interval_min=self.interval_spin.value(),
                idle_break_min=self.idle_spin.value(),
                idle_policy=IDLE_PAUSE if self.idle_pause_radio.isChecked() else IDLE_RESET,
                quiet_start=start if quiet else None,
                quiet_end=end if quiet else None,
                working_days=frozenset(
                    day for day, check in enumerate(self.day_checks) if check.isChecked()
                ),
                daily_max=self.daily_max_spin.value() if self.daily_max_check.isChecked() else None,
                max_skips_per_day=(
                    self.skip_cap_spin.value() if self.skip_cap_check.isChecked() else None
                ),
            )
        except ValueError as error:
            # The controls' ranges come from the domain, so this is a safety net.
            self.show_error(f"Not saved: {error}.")
            return
        if settings != self._settings:
            clear_feedback(self.feedback_label)
            self._settings = settings
            self.settings_changed.emit(settings)
