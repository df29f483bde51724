"""Today: a quick pain score, the day's entries, the weekly check-in, what to do next.

The page renders a TodaySummary (and a suggested plan) and emits what the
user asked for; saving is the app's job, which answers with show_saved() or
show_error() for a new entry, show_entry_saved() or show_entry_error() for
an edit or a deletion, show_peg_saved() or show_peg_error() for the weekly
questions.

Order on the page, top to bottom: the pain score (the reason most people
open it, always in the same place), the weekly check-in when it is due, the
entries just made (to correct a slip at once), the next session, then the
week, the streak and the breaks.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QBoxLayout, QPushButton, QWidget

from lbp_desktop.domain.break_summary import BreakCounts
from lbp_desktop.domain.overview import TodaySummary
from lbp_desktop.domain.records import PainCheckIn, PegAnswer
from lbp_desktop.views.feedback import ERROR, OK, clear_feedback, show_feedback
from lbp_desktop.views.forms.ui_today_page import Ui_TodayPage
from lbp_desktop.views.today_entries import PainEntryList
from lbp_desktop.views.today_scale import ScoreScale
from lbp_desktop.views.words import long_date, plural, relative_day

if TYPE_CHECKING:
    # The dialog and the check-in card are imported when first used (see peg_card).
    from lbp_desktop.views.pain_entry_dialog import PainEntryDialog
    from lbp_desktop.views.peg_card import PegCard

NO_SCORE_MESSAGE = "Not saved yet: first choose a number from 0 to 10, then press Save."
NO_BREAKS_YET = "None yet today. Getting up and moving for a minute or two helps."
PEG_SKIPPED_MESSAGE = "The weekly check-in is skipped for this week; it comes back on Monday."
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _local_now() -> datetime:
    return datetime.now().astimezone()


class TodayPage(QWidget):
    # score 0-10, area (a PAIN_AREAS value) or None, note ("" when none)
    pain_log_requested = Signal(int, object, str)
    # record id, score, area or None, note, at: an aware datetime, or None when unchanged
    pain_edit_requested = Signal(str, int, object, str, object)
    pain_delete_requested = Signal(str)  # record id, after the user confirmed
    peg_submitted = Signal(int, int, int)  # pain, enjoyment, activity (0-10 each)
    peg_skipped = Signal()  # "Not this week"
    start_plan_requested = Signal(str)  # plan id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_TodayPage()
        self.ui.setupUi(self)
        self._viewport = self.ui.scrollArea.viewport()
        self._now: Callable[[], datetime] = _local_now
        self._entries: dict[str, PainCheckIn] = {}
        self._edit_dialog: PainEntryDialog | None = None
        self._edited_id: str | None = None
        self._focus_list_after_refresh = False
        self._suggested: str | None = None
        self._narrow = False
        self._wide_needs = 0

        self.scale = ScoreScale("Pain", name_prefix="score", parent=self.ui.painCard)
        self.ui.scoreRowLayout.addWidget(self.scale)
        self.ui.painQuestionLabel.setBuddy(self.scale)
        self.scale.group.idToggled.connect(self._on_score_toggled)
        self.scale.submitted.connect(self._on_save_clicked)
        # Number keys pick a score while the focus is anywhere in the card;
        # the note field still takes digits, as text fields claim them first.
        for digit in range(10):
            shortcut = QShortcut(QKeySequence(str(digit)), self.ui.painCard)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda d=digit: self.scale.choose(d, focus=True))

        self._area_buttons = {
            "lower_back": self.ui.areaLowerBackButton,
            "buttock": self.ui.areaButtockButton,
            "leg_left": self.ui.areaLeftLegButton,
            "leg_right": self.ui.areaRightLegButton,
        }
        for button in self._area_buttons.values():
            button.toggled.connect(self._on_area_toggled)
            button.installEventFilter(self)
        self.ui.saveButton.installEventFilter(self)
        self.ui.saveButton.clicked.connect(self._on_save_clicked)
        self.ui.noteEdit.returnPressed.connect(self._on_save_clicked)
        # Ctrl+S works from anywhere in the window while this page is showing:
        # a window shortcut on a hidden widget does not fire.
        save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self.ui.saveButton)
        save_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        save_shortcut.activated.connect(self.ui.saveButton.click)

        # Built when first due: most days it is not, and the first paint
        # should not wait for 33 buttons nobody sees.
        self._peg_card: PegCard | None = None

        self.entry_list = PainEntryList(self.ui.historyCard)
        self.ui.historyListLayout.addWidget(self.entry_list)
        self.entry_list.edit_clicked.connect(self.open_edit)
        self.entry_list.delete_confirmed.connect(self._on_delete_confirmed)
        self.entry_list.hide()
        self.ui.earlierLabel.hide()

        self.ui.startButton.clicked.connect(self._on_start_clicked)
        self.ui.nextCard.hide()

        self._viewport.installEventFilter(self)
        self._set_tab_order()
        self.setFocusProxy(self.scale)
        clear_feedback(self.ui.feedbackLabel)
        clear_feedback(self.ui.historyFeedbackLabel)
        self.ui.historyLabel.setText("Nothing noted yet today.")

    # -- keys, focus and width --------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._viewport:
            if event.type() == QEvent.Type.Resize:
                self._fit_width()
            return super().eventFilter(watched, event)
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in _ENTER
            and (watched is self.ui.saveButton or watched in self._area_buttons.values())
        ):
            # Enter saves from anywhere in the pain card, as in a dialog.
            self._on_save_clicked()
            return True
        return super().eventFilter(watched, event)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            *self.scale.buttons,
            *self._area_buttons.values(),
            self.ui.noteEdit,
            self.ui.saveButton,
            *(self._peg_card.focus_order() if self._peg_card is not None else ()),
            self.ui.historyLabel,
            *self.entry_list.focus_order(),
            self.ui.startButton,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _fit_width(self) -> None:
        """Two columns and rows of four in a wide window; stacked in a narrow one.

        The wide layout is kept while it fits; its width is remembered when it
        stops fitting, so the page does not flip back and forth at the edge.
        """
        available = self._viewport.width()
        if self._narrow and available >= self._wide_needs:
            self._arrange(narrow=False)
        if not self._narrow:
            needed = self.ui.scrollContents.minimumSizeHint().width()
            if needed > available:
                self._wide_needs = needed
                self._arrange(narrow=True)

    def _arrange(self, *, narrow: bool) -> None:
        self._narrow = narrow
        details = self.ui.detailsGrid
        for widget in (self.ui.areaLabel, self.ui.noteLabel, self.ui.noteEdit):
            details.removeWidget(widget)
        details.removeItem(self.ui.areaGrid)
        if narrow:  # each label above its field
            details.addWidget(self.ui.areaLabel, 0, 0)
            details.addLayout(self.ui.areaGrid, 1, 0)
            details.addWidget(self.ui.noteLabel, 2, 0)
            details.addWidget(self.ui.noteEdit, 3, 0)
            details.setColumnStretch(0, 1)
            details.setColumnStretch(1, 0)
        else:
            details.addWidget(self.ui.areaLabel, 0, 0)
            details.addLayout(self.ui.areaGrid, 0, 1)
            details.addWidget(self.ui.noteLabel, 1, 0)
            details.addWidget(self.ui.noteEdit, 1, 1)
            details.setColumnStretch(0, 0)
            details.setColumnStretch(1, 1)

        areas = self.ui.areaGrid
        columns = 2 if narrow else 4
        for button in self._area_buttons.values():
            areas.removeWidget(button)
        areas.removeItem(self.ui.areaSpacer)
        for index, button in enumerate(self._area_buttons.values()):
            areas.addWidget(button, index // columns, index % columns)
        areas.addItem(self.ui.areaSpacer, 0, columns)
        for column in range(5):
            areas.setColumnStretch(column, 1 if column == columns else 0)

        direction = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        self.ui.statsLayout.setDirection(direction)
        self.ui.scrollContents.updateGeometry()

    def is_narrow(self) -> bool:
        return self._narrow

    # -- the pain score ---------------------------------------------------------------------

    def _on_score_toggled(self, _score: int, checked: bool) -> None:
        if checked:
            clear_feedback(self.ui.feedbackLabel)

    def _on_area_toggled(self, checked: bool) -> None:
        # At most one area, and a second click on the chosen one clears it.
        if not checked:
            return
        sender = self.sender()
        for button in self._area_buttons.values():
            if button is not sender and button.isChecked():
                button.setChecked(False)

    def score_button(self, score: int) -> QPushButton:
        return self.scale.buttons[score]

    def area_button(self, area: str) -> QPushButton:
        return self._area_buttons[area]

    def selected_score(self) -> int | None:
        return self.scale.selected()

    def selected_area(self) -> str | None:
        for area, button in self._area_buttons.items():
            if button.isChecked():
                return area
        return None

    def note_text(self) -> str:
        return self.ui.noteEdit.text().strip()

    def _on_save_clicked(self) -> None:
        score = self.selected_score()
        if score is None:
            self.show_error(NO_SCORE_MESSAGE)
            self.scale.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.pain_log_requested.emit(score, self.selected_area(), self.note_text())

    def clear_entry(self) -> None:
        self.scale.clear()
        for button in self._area_buttons.values():
            button.setChecked(False)
        self.ui.noteEdit.clear()

    # -- editing and deleting entries -------------------------------------------------------

    def set_clock(self, now: Callable[[], datetime]) -> None:
        """Where "now" comes from when checking that a corrected time is not in the future."""
        self._now = now

    def open_edit(self, record_id: str) -> PainEntryDialog:
        """Open the correction dialog for one of the listed entries."""
        if self._edit_dialog is not None:
            self._edit_dialog.reject()
        from lbp_desktop.views.pain_entry_dialog import PainEntryDialog

        entry = self._entries[record_id]
        dialog = PainEntryDialog(entry, self._now, self)
        dialog.save_requested.connect(
            lambda score, area, note, at: self.pain_edit_requested.emit(
                record_id, score, area, note, at
            )
        )
        dialog.finished.connect(self._on_edit_finished)
        self._edit_dialog = dialog
        self._edited_id = record_id
        clear_feedback(self.ui.historyFeedbackLabel)
        dialog.open()
        return dialog

    def edit_dialog(self) -> PainEntryDialog | None:
        return self._edit_dialog

    def _on_edit_finished(self, _result: int) -> None:
        dialog, self._edit_dialog = self._edit_dialog, None
        record_id, self._edited_id = self._edited_id, None
        if dialog is not None:
            dialog.deleteLater()
        # Back where the user was: the same entry's Edit button (the rows may
        # have been rebuilt meanwhile), else the list, else the scale.
        try:
            target: QWidget = self.entry_list.row(record_id or "").edit_button
        except KeyError:
            target = self._first_list_button() or self.scale
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_delete_confirmed(self, record_id: str) -> None:
        self._focus_list_after_refresh = True
        clear_feedback(self.ui.historyFeedbackLabel)
        self.pain_delete_requested.emit(record_id)

    def _first_list_button(self) -> QWidget | None:
        rows = self.entry_list.rows()
        return rows[0].edit_button if rows else None

    def show_entry_saved(self, message: str) -> None:
        """The app stored an edit or a deletion: close the dialog and say so."""
        if self._edit_dialog is not None:
            self._edit_dialog.finish()
        show_feedback(self.ui.historyFeedbackLabel, message, OK)

    def show_entry_error(self, message: str) -> None:
        """An edit or a deletion failed: say why where the user is, keep what they typed."""
        if self._edit_dialog is not None:
            self._edit_dialog.show_error(message)
        else:
            show_feedback(self.ui.historyFeedbackLabel, message, ERROR)

    # -- the weekly check-in ----------------------------------------------------------------

    @property
    def peg_card(self) -> PegCard:
        if self._peg_card is None:
            from lbp_desktop.views.peg_card import PegCard

            card = PegCard(self.ui.scrollContents)
            content = self.ui.contentLayout
            content.insertWidget(content.indexOf(self.ui.painCard) + 1, card)
            card.submitted.connect(self.peg_submitted)
            card.skipped.connect(self._on_peg_skipped)
            card.closed.connect(lambda: self.scale.setFocus(Qt.FocusReason.OtherFocusReason))
            self._peg_card = card
            self._set_tab_order()
        return self._peg_card

    def _on_peg_skipped(self) -> None:
        show_feedback(self.ui.feedbackLabel, PEG_SKIPPED_MESSAGE, OK)
        self.scale.setFocus(Qt.FocusReason.OtherFocusReason)
        self.peg_skipped.emit()

    def show_peg_saved(self, answer: PegAnswer) -> None:
        """The app stored the answers: show the score (their mean) until closed."""
        self.peg_card.show_result(answer)

    def show_peg_error(self, message: str) -> None:
        self.peg_card.show_error(message)

    # -- the next session -------------------------------------------------------------------

    def set_suggestion(
        self, plan_id: str | None, name: str = "", minutes: float = 0.0, why: str = ""
    ) -> None:
        """The plan to do next, its length and why; None hides the card."""
        self._suggested = plan_id
        card = self.ui.nextCard
        if plan_id is None:
            card.hide()
            return
        # Imported here: plan_view pulls in the content model, which the
        # first paint does not need; a suggestion only comes once content is loaded.
        from lbp_desktop.views.plan_view import minutes_words

        length = minutes_words(minutes)
        self.ui.nextNameLabel.setText(name)
        self.ui.nextLengthLabel.setText(f"{length[0].upper()}{length[1:]}")
        self.ui.nextWhyLabel.setText(why)
        self.ui.nextWhyLabel.setVisible(bool(why))
        self.ui.startButton.setAccessibleName(f"Start {name}, {length}")
        self.ui.startButton.setToolTip(f"Start {name} now")
        card.setAccessibleName(f"Your next session: {name}, {length}. {why}".strip())
        card.show()

    def suggested_plan_id(self) -> str | None:
        return self._suggested

    def _on_start_clicked(self) -> None:
        if self._suggested is not None:
            self.start_plan_requested.emit(self._suggested)

    # -- what the app tells the page --------------------------------------------------------

    def show_saved(self, message: str) -> None:
        """The app stored the entry: confirm it and make the form ready for the next one."""
        self.clear_entry()
        show_feedback(self.ui.feedbackLabel, message, OK)

    def show_error(self, message: str) -> None:
        """Nothing was saved: say why, and keep what the user entered."""
        show_feedback(self.ui.feedbackLabel, message, ERROR)

    def show_summary(self, summary: TodaySummary) -> None:
        self.ui.greetingLabel.setText(f"Hello. Today is {long_date(summary.today)}.")
        self._show_history(summary)
        self._show_peg(summary)
        self._show_week(summary)
        self._show_streak(summary)
        self._show_breaks(summary)
        self._set_tab_order()
        self._fit_width()  # new rows or the check-in may need more room

    def _show_history(self, summary: TodaySummary) -> None:
        if summary.pain_today:
            self.ui.historyLabel.setText(_today_in_words(summary.pain_today))
        else:
            text = "Nothing noted yet today."
            last = summary.last_pain
            if last is not None:
                when = relative_day(last.at.date(), summary.today)
                text += f" The last time, {when}, it was {last.score} out of 10."
            self.ui.historyLabel.setText(escape(text))
        entries = summary.recent_pain or summary.pain_today
        self._entries = {entry.id: entry for entry in entries}
        self.entry_list.set_entries(entries, summary.today)
        self.ui.earlierLabel.setVisible(bool(entries) and summary.recent_are_earlier)
        if self._focus_list_after_refresh:
            self._focus_list_after_refresh = False
            (self._first_list_button() or self.scale).setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_peg(self, summary: TodaySummary) -> None:
        if summary.peg_due:
            self.peg_card.ask()
        elif self._peg_card is not None and self._peg_card.is_asking():
            self._peg_card.dismiss()
        # A shown result stays until the user closes it.

    def _show_week(self, summary: TodaySummary) -> None:
        done, goal = summary.sessions_this_week, summary.weekly_goal
        self.ui.weekValueLabel.setText(f"{done} of {goal}")
        self.ui.weekProgressBar.setMaximum(max(goal, 1))
        self.ui.weekProgressBar.setValue(min(done, max(goal, 1)))
        if summary.goal_reached:
            detail = "Weekly goal reached. Well done."
        else:
            detail = f"{plural(goal - done, 'more session')} to reach your goal."
        if summary.sessions_today:
            detail += f" {plural(summary.sessions_today, 'session')} today."
        self.ui.weekDetailLabel.setText(detail)
        self.ui.weekCard.setAccessibleName(f"Sessions this week: {done} of {goal}. {detail}")

    def _show_streak(self, summary: TodaySummary) -> None:
        days = summary.streak_days
        self.ui.streakValueLabel.setText(plural(days, "day"))
        if days == 0:
            detail = "A session today starts a new run."
        elif summary.sessions_today == 0:
            detail = "A session today keeps it going."
        else:
            detail = "Including today."
        self.ui.streakDetailLabel.setText(detail)
        self.ui.streakCard.setAccessibleName(f"Days in a row with a session: {days}. {detail}")

    def _show_breaks(self, summary: TodaySummary) -> None:
        taken, declined = break_parts(summary.break_counts)
        self.ui.breaksValueLabel.setText(str(summary.breaks_today))
        if not (taken or declined):
            self.ui.breaksDetailLabel.setText(NO_BREAKS_YET)
            detail = NO_BREAKS_YET
        else:
            # One line for the breaks, one for the reminders not taken up; a
            # narrow card wraps between the parts, never inside "on your own".
            lines = [", ".join(p.replace(" ", "\u00a0") for p in ps) for ps in (taken, declined)]
            self.ui.breaksDetailLabel.setText("\n".join(line for line in lines if line))
            detail = ", ".join([*taken, *declined]) + "."
        self.ui.breaksCard.setAccessibleName(
            f"Posture breaks today: {summary.breaks_today}. {detail}"
        )


def break_parts(counts: BreakCounts) -> tuple[list[str], list[str]]:
    """Today's breaks and the reminders not taken up, in short parts:
    (['2 when reminded', '1 on your own'], ['1 skipped', '1 put off']),
    leaving out what did not happen.

    A reminder put off and then taken is in both '1 when reminded' and
    '1 put off' (see ``break_summary``): they are never added up.
    """

    def parts(*pairs: tuple[int, str]) -> list[str]:
        return [f"{count} {words}" for count, words in pairs if count]

    return (
        parts((counts.taken, "when reminded"), (counts.natural, "on your own")),
        parts((counts.skipped, "skipped"), (counts.snoozed, "put off")),
    )


def _today_in_words(entries: tuple[PainCheckIn, ...]) -> str:
    """'1 entry today: 6 out of 10.', '3 entries today, from 4 to 6 out of 10.'"""
    scores = [entry.score for entry in entries]
    count = plural(len(scores), "entry", "entries")
    low, high = min(scores), max(scores)
    if len(scores) == 1:
        return f"{count} today: <b>{low}</b> out of 10."
    if low == high:
        return f"{count} today, all <b>{low}</b> out of 10."
    return f"{count} today, from <b>{low}</b> to <b>{high}</b> out of 10."
