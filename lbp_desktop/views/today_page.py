"""Today: a quick pain score, and how the day and week are going.

The page renders a TodaySummary and emits what the user asked for; saving is
the app's job, which answers with show_saved() or show_error().
"""

from __future__ import annotations

from html import escape
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QButtonGroup, QPushButton, QWidget

from lbp_desktop.domain.overview import TodaySummary
from lbp_desktop.domain.records import PainCheckIn
from lbp_desktop.views.feedback import ERROR, OK, clear_feedback, show_feedback
from lbp_desktop.views.forms.ui_today_page import Ui_TodayPage
from lbp_desktop.views.words import clock_time, long_date, plural, relative_day

SCORES = range(11)
# Record values (lbp_desktop.domain.records.PAIN_AREAS) for the four choices offered.
AREA_WORDS = {
    "lower_back": "lower back",
    "buttock": "buttock",
    "leg_left": "left leg",
    "leg_right": "right leg",
    "hip": "hip",
    "upper_back": "upper back",
    "other": "somewhere else",
}
NO_SCORE_MESSAGE = "Not saved yet: first choose a number from 0 to 10, then press Save."


class TodayPage(QWidget):
    # score 0-10, area (a PAIN_AREAS value) or None, note ("" when none)
    pain_log_requested = Signal(int, object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_TodayPage()
        self.ui.setupUi(self)
        self._score_group = QButtonGroup(self)
        self._score_buttons: list[QPushButton] = []
        self._build_score_row()
        self._area_buttons = {
            "lower_back": self.ui.areaLowerBackButton,
            "buttock": self.ui.areaButtockButton,
            "leg_left": self.ui.areaLeftLegButton,
            "leg_right": self.ui.areaRightLegButton,
        }
        for button in self._area_buttons.values():
            button.toggled.connect(self._on_area_toggled)
        self.ui.saveButton.clicked.connect(self._on_save_clicked)
        # Ctrl+S works from anywhere in the window while this page is showing:
        # a window shortcut on a hidden widget does not fire.
        save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self.ui.saveButton)
        save_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        save_shortcut.activated.connect(self.ui.saveButton.click)
        self._set_tab_order()
        self.setFocusProxy(self._score_buttons[0])
        clear_feedback(self.ui.feedbackLabel)
        self.ui.historyLabel.setText("Nothing noted yet today.")

    # -- the 0-10 scale ---------------------------------------------------------------------

    def _build_score_row(self) -> None:
        for score in SCORES:
            button = QPushButton(str(score), self.ui.painCard)
            button.setObjectName(f"score{score}Button")
            button.setCheckable(True)
            button.setProperty("role", "score")
            words = {0: ", no pain", 10: ", worst imaginable"}.get(score, "")
            button.setAccessibleName(f"Pain {score} out of 10{words}")
            button.setToolTip(f"{score} out of 10{words} (press {score % 10} or use the arrows)")
            button.installEventFilter(self)
            self._score_group.addButton(button, score)
            self.ui.scoreRowLayout.addWidget(button, 1)
            self._score_buttons.append(button)
        self._score_group.idToggled.connect(self._on_score_toggled)
        # Number keys pick a score while the focus is anywhere in the card;
        # the note field still takes digits, as text fields claim them first.
        for digit in range(10):
            shortcut = QShortcut(QKeySequence(str(digit)), self.ui.painCard)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda d=digit: self._choose_score(d, focus=True))
        self.ui.painQuestionLabel.setBuddy(self._score_buttons[0])
        self._update_roving_focus()

    def _update_roving_focus(self) -> None:
        # One tab stop for the whole scale (the chosen number, else 0); the
        # arrow keys move inside it, like a radio group.
        current = self.selected_score()
        anchor = self._score_buttons[current if current is not None else 0]
        for button in self._score_buttons:
            policy = Qt.FocusPolicy.StrongFocus if button is anchor else Qt.FocusPolicy.ClickFocus
            button.setFocusPolicy(policy)
        self.ui.painQuestionLabel.setBuddy(anchor)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(watched, QPushButton)
            and watched in self._score_buttons
        ):
            key = event.key()
            index = self._score_buttons.index(watched)
            target = {
                Qt.Key.Key_Left: index - 1,
                Qt.Key.Key_Down: index - 1,
                Qt.Key.Key_Right: index + 1,
                Qt.Key.Key_Up: index + 1,
                Qt.Key.Key_Home: 0,
                Qt.Key.Key_End: 10,
            }.get(Qt.Key(key))
            if target is not None:
                self._choose_score(max(0, min(10, target)), focus=True)
                return True
        return super().eventFilter(watched, event)

    def _choose_score(self, score: int, *, focus: bool = False) -> None:
        button = self._score_buttons[score]
        button.setChecked(True)
        if focus:
            button.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_score_toggled(self, _score: int, checked: bool) -> None:
        if checked:
            clear_feedback(self.ui.feedbackLabel)
            self._update_roving_focus()

    def _on_area_toggled(self, checked: bool) -> None:
        # At most one area, and a second click on the chosen one clears it.
        if not checked:
            return
        sender = self.sender()
        for button in self._area_buttons.values():
            if button is not sender and button.isChecked():
                button.setChecked(False)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            *self._score_buttons,
            *self._area_buttons.values(),
            self.ui.noteEdit,
            self.ui.saveButton,
            self.ui.historyLabel,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- what the user chose ----------------------------------------------------------------

    def score_button(self, score: int) -> QPushButton:
        return self._score_buttons[score]

    def area_button(self, area: str) -> QPushButton:
        return self._area_buttons[area]

    def selected_score(self) -> int | None:
        chosen = self._score_group.checkedId()
        return None if chosen < 0 else chosen

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
            self._score_buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.pain_log_requested.emit(score, self.selected_area(), self.note_text())

    def clear_entry(self) -> None:
        self._score_group.setExclusive(False)  # an exclusive group cannot be emptied
        for button in self._score_buttons:
            button.setChecked(False)
        self._score_group.setExclusive(True)
        for button in self._area_buttons.values():
            button.setChecked(False)
        self.ui.noteEdit.clear()
        self._update_roving_focus()

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
        self._show_week(summary)
        self._show_streak(summary)
        self._show_breaks(summary)

    def _show_history(self, summary: TodaySummary) -> None:
        if summary.pain_today:
            rows = "".join(_entry_row(entry) for entry in summary.pain_today)
            self.ui.historyLabel.setText(f'<table cellspacing="0" cellpadding="3">{rows}</table>')
            return
        text = "Nothing noted yet today."
        last = summary.last_pain
        if last is not None:
            when = relative_day(last.at.date(), summary.today)
            text += f" The last time, {when}, it was {last.score} out of 10."
        self.ui.historyLabel.setText(escape(text))

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
        self.ui.breaksValueLabel.setText(str(summary.breaks_today))
        self.ui.breaksDetailLabel.setText("Getting up and moving for a minute or two helps.")
        self.ui.breaksCard.setAccessibleName(f"Posture breaks today: {summary.breaks_today}")


def _entry_row(entry: PainCheckIn) -> str:
    where = escape(AREA_WORDS.get(entry.area, entry.area)) if entry.area else ""
    note = f"<i>{escape(entry.note)}</i>" if entry.note else ""
    cells = (
        f"<b>{clock_time(entry.at)}</b>",
        f"<b>{entry.score}</b> out of 10",
        where,
        note,
    )
    return "<tr>" + "".join(f'<td style="padding-right: 18px">{c}</td>' for c in cells) + "</tr>"
