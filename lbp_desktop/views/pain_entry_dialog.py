"""Correct one pain entry: the same score, place and note as the Today page, plus the time.

The dialog checks what it can see (a time still to come) and says so in
the dialog, keeping everything typed. Saving is the app's job: the dialog
asks with ``save_requested`` and stays open until the app answers with
``finish()`` or ``show_error()``, so a failed write loses nothing either.

The time is edited as wall-clock digits in the offset the entry was
recorded with: an entry made at 21:00 in Lisbon still reads 21:00 here,
and moving it to 20:30 keeps it in Lisbon time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from itertools import pairwise

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lbp_desktop.domain.overview import in_the_future
from lbp_desktop.domain.records import MAX_NOTE_CHARS, PainCheckIn
from lbp_desktop.views.feedback import ERROR, clear_feedback, show_feedback
from lbp_desktop.views.today_entries import AREA_WORDS
from lbp_desktop.views.today_scale import ScoreScale
from lbp_desktop.views.words import clock_time, date_and_time, long_date

# The places the Today page offers; an entry with another (from an import or
# an older version) shows that one too, so saving never drops it.
OFFERED_AREAS = ("lower_back", "buttock", "leg_left", "leg_right")
NO_SCORE = "Not saved yet: choose a number from 0 to 10."


def _future_message(moment: datetime, now: datetime) -> str:
    latest = now.astimezone(moment.tzinfo)
    if latest.date() == moment.date():
        limit = f"{clock_time(latest)} today"
    else:
        limit = f"{clock_time(latest)} on {long_date(latest.date())}"
    return (
        f"Not saved: {date_and_time(moment)} has not happened yet. "
        f"Choose a time up to now ({limit})."
    )


class PainEntryDialog(QDialog):
    # score 0-10, area (a PAIN_AREAS value) or None, note, at: aware datetime or None (unchanged)
    save_requested = Signal(int, object, str, object)

    def __init__(
        self,
        entry: PainCheckIn,
        now: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.entry = entry
        self._now = now
        self.setObjectName("painEntryDialog")
        self.setWindowTitle("Correct a pain entry")
        self.setAccessibleName("Correct a pain entry")
        self.setWindowModality(Qt.WindowModality.WindowModal)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 18)
        layout.setSpacing(10)
        intro = QLabel(
            f"Your entry of {date_and_time(entry.at)}. Change what needs correcting, "
            "then press Save."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.score_label = QLabel("How was your &pain?")
        self.score_label.setProperty("role", "sectionTitle")
        self.scale = ScoreScale("Pain", name_prefix="editScore", parent=self)
        self.scale.choose(entry.score)
        self.score_label.setBuddy(self.scale)
        layout.addWidget(self.score_label)
        layout.addWidget(self.scale)

        form = QGridLayout()
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(10)
        form.setColumnStretch(1, 1)
        area_label = QLabel("Where was it? (optional)")
        area_row = QHBoxLayout()
        area_row.setSpacing(8)
        self.area_buttons: dict[str, QPushButton] = {}
        areas = list(OFFERED_AREAS)
        if entry.area is not None and entry.area not in areas:
            areas.append(entry.area)
        for area in areas:
            words = AREA_WORDS.get(area, area)
            button = QPushButton(words[0].upper() + words[1:])
            button.setObjectName(f"editArea_{area}")
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setProperty("role", "chip")
            button.setAccessibleName(f"Where: {words}")
            button.setChecked(area == entry.area)
            button.toggled.connect(self._on_area_toggled)
            self.area_buttons[area] = button
            area_row.addWidget(button)
        area_row.addStretch(1)
        form.addWidget(area_label, 0, 0)
        form.addLayout(area_row, 0, 1)

        note_label = QLabel("&Note (optional)")
        self.note_edit = QLineEdit(entry.note)
        self.note_edit.setMaxLength(MAX_NOTE_CHARS)
        self.note_edit.setClearButtonEnabled(True)
        self.note_edit.setAccessibleName("Note about your pain (optional)")
        note_label.setBuddy(self.note_edit)
        form.addWidget(note_label, 1, 0)
        form.addWidget(self.note_edit, 1, 1)

        when_label = QLabel("&When")
        self.when_edit = QDateTimeEdit()
        # English words to match the rest of the app, whatever the system locale;
        # UTC digits so no daylight-saving gap of this computer moves a time.
        self.when_edit.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        self.when_edit.setTimeZone(QTimeZone.utc())
        self.when_edit.setDisplayFormat("ddd d MMM yyyy   HH:mm")
        self.when_edit.setCalendarPopup(True)
        wall = entry.at
        self.when_edit.setDateTime(
            QDateTime(
                QDate(wall.year, wall.month, wall.day),
                QTime(wall.hour, wall.minute),
                QTimeZone.utc(),
            )
        )
        self.when_edit.setAccessibleName("When it was: date and time")
        self.when_edit.setToolTip("Any time up to now")
        when_label.setBuddy(self.when_edit)
        when_row = QHBoxLayout()
        when_row.addWidget(self.when_edit)
        when_row.addStretch(1)
        form.addWidget(when_label, 2, 0)
        form.addLayout(when_row, 2, 1)
        layout.addLayout(form)

        self.feedback_label = QLabel()
        self.feedback_label.setObjectName("editFeedbackLabel")
        self.feedback_label.setProperty("role", "feedback")
        self.feedback_label.setWordWrap(True)
        self.feedback_label.setAccessibleName("Save result")
        layout.addWidget(self.feedback_label)
        clear_feedback(self.feedback_label)

        buttons = QHBoxLayout()
        buttons.setSpacing(12)
        self.save_button = QPushButton("&Save")
        self.save_button.setObjectName("saveEditButton")
        self.save_button.setProperty("role", "primary")
        self.save_button.setAccessibleName("Save the corrected entry")
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("cancelEditButton")
        self.cancel_button.setAccessibleName("Cancel: keep the entry as it was")
        self.cancel_button.setAutoDefault(False)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.save_button.clicked.connect(self._on_save)
        self.cancel_button.clicked.connect(self.reject)
        self.scale.submitted.connect(self._on_save)
        self.scale.chosen.connect(lambda _score: clear_feedback(self.feedback_label))
        self.when_edit.dateTimeChanged.connect(lambda _when: clear_feedback(self.feedback_label))
        chain: list[QWidget] = [
            self.scale.focus_button(),
            *self.area_buttons.values(),
            self.note_edit,
            self.when_edit,
            self.save_button,
            self.cancel_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.scale.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- what the user chose ----------------------------------------------------------------

    def _on_area_toggled(self, checked: bool) -> None:
        # At most one place, and a second click on the chosen one clears it.
        if not checked:
            return
        sender = self.sender()
        for button in self.area_buttons.values():
            if button is not sender and button.isChecked():
                button.setChecked(False)

    def selected_area(self) -> str | None:
        for area, button in self.area_buttons.items():
            if button.isChecked():
                return area
        return None

    def chosen_time(self) -> datetime:
        """The time shown, in the entry's own offset."""
        day = self.when_edit.date().toPython()
        clock = self.when_edit.time().toPython()
        return datetime(
            day.year, day.month, day.day, clock.hour, clock.minute, tzinfo=self.entry.at.tzinfo
        )

    def changed_time(self) -> datetime | None:
        """The new time, or None when the user left it as it was (to the minute)."""
        chosen = self.chosen_time()
        original = self.entry.at.replace(second=0, microsecond=0)
        return None if chosen == original else chosen

    def _on_save(self) -> None:
        score = self.scale.selected()
        if score is None:
            self.show_error(NO_SCORE)
            self.scale.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        at = self.changed_time()
        if at is not None and in_the_future(at, self._now()):
            self.show_error(_future_message(at, self._now()))
            self.when_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        clear_feedback(self.feedback_label)
        self.save_requested.emit(score, self.selected_area(), self.note_edit.text().strip(), at)

    # -- what the app tells the dialog ------------------------------------------------------

    def show_error(self, message: str) -> None:
        """Not saved: say why in the dialog and keep everything as the user left it."""
        show_feedback(self.feedback_label, message, ERROR)
        self._fit_height()

    def _fit_height(self) -> None:
        # A window's minimum height underestimates wrapped text; grow to what
        # the text needs at this width, so the message never covers a field.
        layout = self.layout()
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def finish(self) -> None:
        """The app stored the change."""
        self.accept()
