"""The Today page's list of recent pain entries, each with Edit and Delete.

Delete asks first, in the row itself: "Delete the entry of 13:40 (4 out of
10)? It cannot be undone." with Keep as the safe, focused choice. A
confirmation rather than a timed Undo: deleting is rare, a few seconds of
Undo are easy to miss for someone using a keyboard or a screen reader, and
the entry is gone from the diary the moment the app is asked to delete it.
The question sits in the row, not in a popup, so the rest of the page stays
usable and nothing jumps.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from lbp_desktop.domain.records import PainCheckIn
from lbp_desktop.views.words import DAY_NAMES, clock_time, short_date

# Record values (lbp_desktop.domain.records.PAIN_AREAS) in words.
AREA_WORDS = {
    "lower_back": "lower back",
    "buttock": "buttock",
    "leg_left": "left leg",
    "leg_right": "right leg",
    "hip": "hip",
    "upper_back": "upper back",
    "other": "somewhere else",
}


def area_words(area: str | None) -> str:
    return "" if area is None else AREA_WORDS.get(area, area)


def when_words(entry: PainCheckIn, today: date) -> str:
    """'13:40' today; 'Yesterday<br>21:00', 'Mon 9 Mar<br>21:00' before (two short
    lines keep the time column narrow enough for a half-screen window)."""
    day = entry.at.date()
    time = clock_time(entry.at)
    if day == today:
        return time
    if (today - day).days == 1:
        return f"Yesterday<br>{time}"
    return f"{DAY_NAMES[day.weekday()][:3]} {short_date(day)}<br>{time}"


def spoken_when(entry: PainCheckIn, today: date) -> str:
    """For screen readers: '13:40 today', 'yesterday at 21:00', 'Monday 9 Mar at 21:00'."""
    day = entry.at.date()
    time = clock_time(entry.at)
    if day == today:
        return f"{time} today"
    if (today - day).days == 1:
        return f"yesterday at {time}"
    return f"{DAY_NAMES[day.weekday()]} {short_date(day)} at {time}"


class EntryRow(QWidget):
    """One entry: when, score and area, the note under them; Edit and Delete."""

    def __init__(self, entry: PainCheckIn, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.setObjectName("painEntryRow")
        spoken = spoken_when(entry, today)
        summary = f"pain {entry.score} out of 10" + (
            f", {area_words(entry.area)}" if entry.area else ""
        )
        self.setAccessibleName(f"Entry of {spoken}: {summary}")

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 2, 0, 2)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        self.grid = grid
        self.when_label = QLabel(f"<b>{when_words(entry, today)}</b>")
        self.when_label.setTextFormat(Qt.TextFormat.RichText)
        # A narrow row breaks before the place, never inside "4 out of 10" or "left leg".
        what = f"<b>{entry.score}</b>&nbsp;out&nbsp;of&nbsp;10"
        if entry.area:
            place = escape(area_words(entry.area)).replace(" ", "&nbsp;")
            what += f" &nbsp;·&nbsp;{place}"
        self.what_label = QLabel(what)
        self.what_label.setTextFormat(Qt.TextFormat.RichText)
        self.what_label.setWordWrap(True)
        self.edit_button = QPushButton("Edit")
        self.edit_button.setObjectName("editEntryButton")
        self.edit_button.setAccessibleName(f"Edit the entry of {spoken}: {summary}")
        self.edit_button.setToolTip("Correct the score, place, note or time of this entry")
        self.delete_button = QPushButton("Delete")
        self.delete_button.setObjectName("deleteEntryButton")
        self.delete_button.setAccessibleName(f"Delete the entry of {spoken}: {summary}")
        for button in (self.edit_button, self.delete_button):
            button.setAutoDefault(False)
        grid.addWidget(self.when_label, 0, 0)
        grid.addWidget(self.what_label, 0, 1)
        grid.addWidget(self.edit_button, 0, 2)
        grid.addWidget(self.delete_button, 0, 3)
        grid.setColumnStretch(1, 1)

        self.note_label = QLabel(f"<i>{escape(entry.note)}</i>")
        self.note_label.setTextFormat(Qt.TextFormat.RichText)
        self.note_label.setWordWrap(True)
        self.note_label.setAccessibleName(f"Note: {entry.note}")
        grid.addWidget(self.note_label, 1, 1, 1, 3)
        # Only once it has a parent: showing a parentless label opens a window.
        self.note_label.setVisible(bool(entry.note))

        self.confirm_bar = QWidget()
        self.confirm_bar.setObjectName("deleteConfirmBar")
        bar = QHBoxLayout(self.confirm_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(10)
        self.confirm_label = QLabel(
            f"Delete the entry of {escape(spoken)} ({entry.score} out of 10)? It cannot be undone."
        )
        self.confirm_label.setWordWrap(True)
        self.confirm_yes_button = QPushButton("Delete it")
        self.confirm_yes_button.setObjectName("confirmDeleteButton")
        self.confirm_yes_button.setAccessibleName(f"Yes, delete the entry of {spoken}")
        self.confirm_keep_button = QPushButton("Keep it")
        self.confirm_keep_button.setObjectName("keepEntryButton")
        self.confirm_keep_button.setAccessibleName(f"Keep the entry of {spoken}")
        self.confirm_keep_button.setProperty("role", "primary")
        for button in (self.confirm_yes_button, self.confirm_keep_button):
            button.setAutoDefault(False)
            button.installEventFilter(self)
        bar.addWidget(self.confirm_label, 1)
        bar.addWidget(self.confirm_yes_button)
        bar.addWidget(self.confirm_keep_button)
        grid.addWidget(self.confirm_bar, 2, 0, 1, 4)
        self.confirm_bar.hide()

        self.delete_button.clicked.connect(self.ask_to_delete)
        self.confirm_keep_button.clicked.connect(self.keep)

    @property
    def record_id(self) -> str:
        return self.entry.id

    def is_confirming(self) -> bool:
        return not self.confirm_bar.isHidden()

    def ask_to_delete(self) -> None:
        self.edit_button.hide()
        self.delete_button.hide()
        self.confirm_bar.show()
        # The safe answer has the focus: a stray Enter or Space keeps the entry.
        self.confirm_keep_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def keep(self) -> None:
        self.confirm_bar.hide()
        self.edit_button.show()
        self.delete_button.show()
        self.delete_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_order(self) -> list[QWidget]:
        return [
            self.edit_button,
            self.delete_button,
            self.confirm_yes_button,
            self.confirm_keep_button,
        ]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
        ):
            self.keep()
            return True
        return super().eventFilter(watched, event)


class PainEntryList(QWidget):
    """Rows of entries, latest first. Says what the user asked; changes nothing itself."""

    edit_clicked = Signal(str)  # record id
    delete_confirmed = Signal(str)  # record id, after the user said yes

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Recent pain entries")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self._rows: list[EntryRow] = []

    def set_entries(self, entries: Sequence[PainCheckIn], today: date) -> None:
        for row in self._rows:
            self._layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        self._rows = [EntryRow(entry, today, self) for entry in entries]
        # One width for the time column, so the scores line up like a table
        # (measured with the stylesheet's font, hence the polish).
        for row in self._rows:
            row.when_label.ensurePolished()
        width = max((row.when_label.sizeHint().width() for row in self._rows), default=0)
        for row in self._rows:
            row.grid.setColumnMinimumWidth(0, width)
            self._layout.addWidget(row)
            row.edit_button.clicked.connect(
                lambda _=False, r=row: self.edit_clicked.emit(r.record_id)
            )
            row.confirm_yes_button.clicked.connect(
                lambda _=False, r=row: self.delete_confirmed.emit(r.record_id)
            )
        self.setVisible(bool(self._rows))

    def rows(self) -> list[EntryRow]:
        return list(self._rows)

    def row(self, record_id: str) -> EntryRow:
        for row in self._rows:
            if row.record_id == record_id:
                return row
        raise KeyError(record_id)

    def focus_order(self) -> list[QWidget]:
        return [widget for row in self._rows for widget in row.focus_order()]
