"""Steps 3 to 5: goals, reminders to move, heat and cold packs.

Every choice is a plain option with words (radio buttons, or Yes / No /
Not sure chips), never a bare tick box: "Yes, ..." and "No, ..." say what
each answer does.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import time

from PySide6.QtCore import QTime
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lbp_desktop.domain.onboarding import (
    DEFAULT_SESSIONS_PER_WEEK,
    MAX_SESSIONS_PER_WEEK,
    NO_WEEKLY_PLAN,
    STEP_GOALS,
    STEP_PACKS,
    STEP_REMINDERS,
    OnboardingAnswers,
)
from lbp_desktop.domain.reminder_settings import INTERVAL_RANGE_MIN
from lbp_desktop.domain.safety import HEAT_ICE_CAP_S
from lbp_desktop.views.feedback import ERROR, clear_feedback, show_feedback
from lbp_desktop.views.onboarding.base import (
    Step,
    column,
    from_qtime,
    radio,
    row,
    time_edit,
    to_qtime,
)
from lbp_desktop.views.onboarding.parts import ChoiceRow, bullets, card, inline, text

# ------------------------------------------------------------------ 3 goals

GOALS_SESSIONS_QUESTION = "How many sessions a week?"
GOALS_SESSIONS_HINT = (
    "Little and often helps most. Short sessions count: many take about 10 minutes."
)
GOALS_TIME_QUESTION = "What time of day suits you?"
GOALS_TIME_HINT = "The same time each day makes it easier to keep going."
_PRESET_GOALS = {
    3: "&3 a week",
    DEFAULT_SESSIONS_PER_WEEK: f"&{DEFAULT_SESSIONS_PER_WEEK} a week (a good aim to start with)",
    7: "Every &day",
}
_PRESET_TIMES = (("&Morning", time(9, 0)), ("A&fternoon", time(14, 0)), ("&Evening", time(19, 0)))
# Below this width the two questions stand one above the other.
_SIDE_BY_SIDE_MIN = 820


class GoalsStep(Step):
    name = STEP_GOALS
    title = "Goals"
    heading_text = "Your goals"

    def __init__(self) -> None:
        super().__init__()
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.columns.setContentsMargins(0, 0, 0, 0)
        self.columns.setSpacing(28)
        sessions, when = QWidget(), QWidget()
        self._build_sessions(column(sessions, 8))
        self._build_time(column(when, 8))
        self.columns.addWidget(sessions, 1)
        self.columns.addWidget(when, 1)
        self.goal_group.buttonToggled.connect(self._sync)
        self.time_group.buttonToggled.connect(self._sync)
        for first, second in (
            (self.goal_none_radio, self.goal_spin),  # after the group, its number
            (self.goal_spin, self.time_none_radio),
            (self.time_none_radio, self.time_edit),
        ):
            QWidget.setTabOrder(first, second)

    def _build_sessions(self, layout: QVBoxLayout) -> None:
        layout.addWidget(text(GOALS_SESSIONS_QUESTION, role="question"))
        layout.addWidget(text(GOALS_SESSIONS_HINT, role="hint"))
        layout.addSpacing(4)
        self.goal_group = QButtonGroup(self)
        self.goal_radios: dict[int, QRadioButton] = {}
        for goal, label in _PRESET_GOALS.items():
            self.goal_radios[goal] = radio(
                label, f"{label.replace('&', '')}: {goal} sessions a week", self.goal_group
            )
            layout.addWidget(self.goal_radios[goal])
        self.goal_other_radio = radio(
            "An&other number:", "Another number of sessions a week", self.goal_group
        )
        self.goal_spin = QSpinBox()
        self.goal_spin.setRange(1, MAX_SESSIONS_PER_WEEK)
        self.goal_spin.setValue(4)
        self.goal_spin.setMinimumWidth(80)
        self.goal_spin.setAccessibleName("Sessions a week")
        layout.addLayout(row(self.goal_other_radio, self.goal_spin, inline("a week")))
        self.goal_none_radio = radio(
            "No fixed plan: &when I can",
            "No fixed plan: I'll do sessions when I can",
            self.goal_group,
        )
        layout.addWidget(self.goal_none_radio)
        layout.addStretch(1)

    def _build_time(self, layout: QVBoxLayout) -> None:
        layout.addWidget(text(GOALS_TIME_QUESTION, role="question"))
        layout.addWidget(text(GOALS_TIME_HINT, role="hint"))
        layout.addSpacing(4)
        self.time_group = QButtonGroup(self)
        self.time_none_radio = radio("&Any time", "Any time: no set time", self.time_group)
        layout.addWidget(self.time_none_radio)
        self.time_radios: dict[time, QRadioButton] = {}
        for label, when in _PRESET_TIMES:
            words = f"{label}, about {when:%H:%M}"
            self.time_radios[when] = radio(words, words.replace("&", ""), self.time_group)
            layout.addWidget(self.time_radios[when])
        self.time_other_radio = radio("At &this time:", "At a time I choose", self.time_group)
        self.time_edit = time_edit("The time I choose for a session")
        self.time_edit.setTime(QTime(12, 0))
        layout.addLayout(row(self.time_other_radio, self.time_edit))
        layout.addStretch(1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        wide = event.size().width() >= _SIDE_BY_SIDE_MIN
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)
        super().resizeEvent(event)

    def _sync(self, *_args: object) -> None:
        self.goal_spin.setEnabled(self.goal_other_radio.isChecked())
        self.time_edit.setEnabled(self.time_other_radio.isChecked())

    def fill(self, answers: OnboardingAnswers) -> None:
        goal = answers.sessions_per_week
        if goal == NO_WEEKLY_PLAN:
            self.goal_none_radio.setChecked(True)
        elif goal in self.goal_radios:
            self.goal_radios[goal].setChecked(True)
        else:
            self.goal_spin.setValue(goal)
            self.goal_other_radio.setChecked(True)
        when = answers.preferred_time
        if when is None:
            self.time_none_radio.setChecked(True)
        elif when in self.time_radios:
            self.time_radios[when].setChecked(True)
        else:
            self.time_edit.setTime(to_qtime(when))
            self.time_other_radio.setChecked(True)
        self._sync()

    def collect(self, answers: OnboardingAnswers) -> OnboardingAnswers:
        chosen = self.goal_group.checkedButton()
        if chosen is self.goal_none_radio:
            goal = NO_WEEKLY_PLAN
        elif chosen is self.goal_other_radio:
            goal = self.goal_spin.value()
        else:
            goal = next(
                (g for g, button in self.goal_radios.items() if button is chosen),
                answers.sessions_per_week,
            )
        chosen = self.time_group.checkedButton()
        if chosen is self.time_other_radio:
            when: time | None = from_qtime(self.time_edit.time())
        else:
            when = next((t for t, button in self.time_radios.items() if button is chosen), None)
        return replace(answers, sessions_per_week=goal, preferred_time=when)

    def first_focus(self) -> QWidget | None:
        return self.goal_group.checkedButton() or self.goal_radios[DEFAULT_SESSIONS_PER_WEEK]


# ------------------------------------------------------------------ 4 reminders

REMINDERS_INTRO = (
    "While you use the computer, the app can remind you now and then to stand up and "
    "move for a minute. Moving often is one of the best things for a sore back."
)
INTERVAL_QUESTION = "How often should it remind you?"
QUIET_QUESTION = "Quiet hours, with no reminders (for example at night)"
QUIET_SAME = "Quiet hours must start and end at different times."
AUTOSTART_QUESTION = "Start the app when the computer starts?"
AUTOSTART_YES = "&Yes, start it with the computer"
AUTOSTART_NO = "N&o, only when I open it"
AUTOSTART_HINT = (
    "Started with the computer, the app waits quietly in the tray (the small icons by "
    "the clock), ready with your reminders. Otherwise reminders come only while it is open."
)
AUTOSTART_UNAVAILABLE = "Starting with the computer is not available on this system."


class RemindersStep(Step):
    name = STEP_REMINDERS
    title = "Reminders"
    heading_text = "Reminders to move"

    def __init__(self, *, autostart_supported: bool = True, autostart_note: str = "") -> None:
        super().__init__()
        layout = column(self, 8)
        layout.addWidget(text(REMINDERS_INTRO, name="About break reminders"))
        layout.addSpacing(8)

        layout.addWidget(text(INTERVAL_QUESTION, role="question"))
        self.interval_spin = QSpinBox()
        self.interval_spin.setRange(*INTERVAL_RANGE_MIN)
        self.interval_spin.setSingleStep(5)
        self.interval_spin.setMinimumWidth(90)
        self.interval_spin.setAccessibleName("Minutes of computer use between reminders")
        interval_label = inline("E&very")
        interval_label.setBuddy(self.interval_spin)
        layout.addLayout(row(interval_label, self.interval_spin, inline("minutes of computer use")))

        layout.addSpacing(14)
        layout.addWidget(text(QUIET_QUESTION, role="question"))
        self.quiet_group = QButtonGroup(self)
        self.quiet_on_radio = radio("&Quiet from", "Quiet hours: no reminders", self.quiet_group)
        self.quiet_start_edit = time_edit("Quiet hours start")
        self.quiet_end_edit = time_edit("Quiet hours end")
        layout.addLayout(
            row(self.quiet_on_radio, self.quiet_start_edit, inline("to"), self.quiet_end_edit)
        )
        self.quiet_off_radio = radio(
            "No &quiet hours", "No quiet hours: reminders at any time", self.quiet_group
        )
        layout.addWidget(self.quiet_off_radio)
        self.quiet_feedback_label = QLabel()
        self.quiet_feedback_label.setProperty("role", "feedback")
        self.quiet_feedback_label.setWordWrap(True)
        self.quiet_feedback_label.setAccessibleName("Quiet hours problem")
        layout.addWidget(self.quiet_feedback_label)
        clear_feedback(self.quiet_feedback_label)
        self.quiet_group.buttonToggled.connect(self._sync)
        for edit in (self.quiet_start_edit, self.quiet_end_edit):
            edit.timeChanged.connect(lambda _t: clear_feedback(self.quiet_feedback_label))

        layout.addSpacing(8)
        layout.addWidget(text(AUTOSTART_QUESTION, role="question"))
        self.autostart_group = QButtonGroup(self)
        self.autostart_yes_radio = radio(
            AUTOSTART_YES, "Yes, start the app with the computer", self.autostart_group
        )
        self.autostart_no_radio = radio(
            AUTOSTART_NO, "No, do not start the app with the computer", self.autostart_group
        )
        layout.addWidget(self.autostart_yes_radio)
        layout.addWidget(self.autostart_no_radio)
        self.autostart_supported = autostart_supported
        note = AUTOSTART_HINT if autostart_supported else autostart_note or AUTOSTART_UNAVAILABLE
        self.autostart_note_label = text(note, role="hint", name="Start with the computer")
        layout.addWidget(self.autostart_note_label)
        for button in (self.autostart_yes_radio, self.autostart_no_radio):
            button.setEnabled(autostart_supported)
        layout.addStretch(1)

        for first, second in (
            (self.interval_spin, self.quiet_on_radio),
            (self.quiet_on_radio, self.quiet_start_edit),
            (self.quiet_start_edit, self.quiet_end_edit),
            (self.quiet_end_edit, self.autostart_yes_radio),
        ):
            QWidget.setTabOrder(first, second)

    def _sync(self, *_args: object) -> None:
        quiet = self.quiet_on_radio.isChecked()
        self.quiet_start_edit.setEnabled(quiet)
        self.quiet_end_edit.setEnabled(quiet)
        if not quiet:
            clear_feedback(self.quiet_feedback_label)

    def fill(self, answers: OnboardingAnswers) -> None:
        settings = answers.reminders
        self.interval_spin.setValue(settings.interval_min)
        start, end = settings.quiet_start, settings.quiet_end
        (self.quiet_on_radio if start is not None else self.quiet_off_radio).setChecked(True)
        # Without quiet hours the boxes still offer the usual night, greyed out.
        self.quiet_start_edit.setTime(to_qtime(start or time(22, 0)))
        self.quiet_end_edit.setTime(to_qtime(end or time(7, 0)))
        login = answers.start_on_login and self.autostart_supported
        (self.autostart_yes_radio if login else self.autostart_no_radio).setChecked(True)
        self._sync()
        clear_feedback(self.quiet_feedback_label)

    def problem(self) -> str:
        same = self.quiet_start_edit.time() == self.quiet_end_edit.time()
        if self.quiet_on_radio.isChecked() and same:
            show_feedback(self.quiet_feedback_label, QUIET_SAME, ERROR)
            self.quiet_end_edit.setFocus()
            return QUIET_SAME
        return ""

    def collect(self, answers: OnboardingAnswers) -> OnboardingAnswers:
        quiet = self.quiet_on_radio.isChecked()
        start = from_qtime(self.quiet_start_edit.time())
        end = from_qtime(self.quiet_end_edit.time())
        try:
            settings = replace(
                answers.reminders,
                interval_min=self.interval_spin.value(),
                quiet_start=start if quiet else None,
                quiet_end=end if quiet else None,
            )
        except ValueError:
            settings = answers.reminders  # the same start and end: problem() says so
        login = self.autostart_supported and self.autostart_yes_radio.isChecked()
        return replace(answers, reminders=settings, start_on_login=login)

    def first_focus(self) -> QWidget | None:
        return self.interval_spin


# ------------------------------------------------------------------ 5 heat and cold

PACKS_INTRO = (
    "Some people find that warmth or cold eases back pain for a while. Warmth has some "
    "evidence behind it; cold has much less. Neither is needed: moving is what helps most. "
    "The app only suggests heat or cold plans if you have a pack."
)
PACKS_SAFETY = (
    f"At most {HEAT_ICE_CAP_S / 60:g} minutes at a time.",
    "Always keep a towel between the pack and your skin, with no creams underneath.",
    "Never fall asleep with a pack on, or on a heating pad.",
    "Not on skin that feels numb or is broken.",
    "If you have Raynaud's, diabetes with nerve damage or poor circulation, ask your GP "
    "or pharmacist first.",
)
PACKS_CHECK = "Before your first heat or cold session, the app asks a few more questions."
_PACK_CHOICES = (("yes", "Yes"), ("no", "No"), ("unsure", "Not sure"))


def _pack_value(key: str | None) -> bool | None:
    return {"yes": True, "no": False}.get(key or "")


def _pack_key(value: bool | None) -> str | None:
    return None if value is None else ("yes" if value else "no")


class PacksStep(Step):
    name = STEP_PACKS
    title = "Heat and cold"
    heading_text = "Heat and cold packs"

    def __init__(self) -> None:
        super().__init__()
        layout = column(self, 10)
        layout.addWidget(text(PACKS_INTRO, name="About heat and cold"))
        self.heat_row = ChoiceRow(
            "Do you have a heat pack or a heating pad?",
            _PACK_CHOICES,
            hint="A wheat bag or a hot-water bottle counts too.",
        )
        self.cold_row = ChoiceRow(
            "Do you have a cold pack?",
            _PACK_CHOICES,
            hint="A bag of frozen peas wrapped in a tea towel works too.",
        )
        layout.addWidget(self.heat_row)
        layout.addWidget(self.cold_row)
        frame, box = card("If you use heat or cold", tone="note")
        box.addWidget(text("If you use heat or cold", role="cardTitle"))
        self.safety_label = text(bullets(PACKS_SAFETY), rich=True, name="Heat and cold safety")
        box.addWidget(self.safety_label)
        box.addWidget(text(PACKS_CHECK, role="hint"))
        layout.addWidget(frame)
        layout.addStretch(1)

    def fill(self, answers: OnboardingAnswers) -> None:
        self.heat_row.choose(_pack_key(answers.heat_pack))
        self.cold_row.choose(_pack_key(answers.cold_pack))

    def collect(self, answers: OnboardingAnswers) -> OnboardingAnswers:
        return replace(
            answers,
            heat_pack=_pack_value(self.heat_row.chosen()),
            cold_pack=_pack_value(self.cold_row.chosen()),
        )

    def first_focus(self) -> QWidget | None:
        return self.heat_row.buttons["yes"]
