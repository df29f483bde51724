"""Steps 1 and 2: what the app is and is not, and the red-flag questions."""

from __future__ import annotations

from dataclasses import replace
from html import escape

from PySide6.QtWidgets import QWidget

from lbp_desktop import APP_NAME
from lbp_desktop.domain.onboarding import STEP_SAFETY, STEP_WELCOME, OnboardingAnswers
from lbp_desktop.domain.safety import RED_FLAG_QUESTIONS, ScreeningResult
from lbp_desktop.views.onboarding.base import Step, column
from lbp_desktop.views.onboarding.parts import bullets, card, text
from lbp_desktop.views.safety_dialogs import (
    EMERGENCY_HEADING,
    PAUSED_TEXT,
    SCREEN_INTRO,
    SOON_HEADING,
    YesNoRow,
)

# ------------------------------------------------------------------ 1 welcome

WELCOME_WHAT = (
    f"{APP_NAME} helps you look after your back at home: short guided exercises, a "
    "diary of your pain, and reminders to get up and move while you use the computer. "
    "Everything stays on this computer."
)
WELCOME_NOT = (
    "It is not a substitute for a doctor, physiotherapist or other clinician. It cannot "
    "tell you what is causing your pain, and it never gives a diagnosis."
)
WELCOME_HELP = (
    "Get medical help straight away if you have numbness around your bottom or genitals, "
    "new trouble controlling your bladder or bowels, or legs that are weak or getting "
    "weaker. See your GP or a physiotherapist if your pain keeps getting worse, or is no "
    "better after about 2 weeks."
)
WELCOME_HOW = (
    "Setting up takes a few minutes, in 6 short steps. You can skip at any time, and "
    "change every answer later in Settings."
)
WELCOME_HELPER = (
    "Setting this up for someone else? Please go through it with them: the questions "
    "are about their back."
)


class WelcomeStep(Step):
    name = STEP_WELCOME
    title = "Welcome"
    heading_text = f"Welcome to {APP_NAME}"

    def __init__(self) -> None:
        super().__init__()
        layout = column(self)
        self.what_label = text(WELCOME_WHAT, name="What the app does")
        layout.addWidget(self.what_label)
        frame, box = card("What it is not, and when to get help", tone="note")
        box.addWidget(text("What it is not", role="cardTitle"))
        self.not_label = text(WELCOME_NOT, name="What it is not")
        box.addWidget(self.not_label)
        box.addSpacing(6)
        box.addWidget(text("When to get help", role="cardTitle"))
        self.help_label = text(WELCOME_HELP, name="When to get help")
        box.addWidget(self.help_label)
        layout.addWidget(frame)
        layout.addWidget(text(WELCOME_HOW, name="How this works"))
        layout.addWidget(text(WELCOME_HELPER, role="hint", name="Setting up for someone else"))
        layout.addStretch(1)


# ------------------------------------------------------------------ 2 safety

SAFETY_HELPER = "If you are helping someone, please ask them and answer as they would."
SAFETY_LATER = "You can also answer later: the app asks before your first guided session."
SAFETY_ALL_ANSWERED = "Every question is answered. Thank you."
SAFETY_STILL_FINISH = (
    "You can still finish setting up the app, and use the pain diary and the break reminders."
)


class SafetyStep(Step):
    """The red-flag questions; any Yes shows the advice before moving on.

    The questions start unanswered (silence is not a safe "no"). Unlike the
    player's own screen, Next does not wait for every answer: onboarding must
    never trap anyone, and the player's gate asks again before the first
    guided session while any answer is missing.
    """

    name = STEP_SAFETY
    title = "Safety"
    heading_text = "A few safety questions"

    def __init__(self) -> None:
        super().__init__()
        self._advice: ScreeningResult | None = None
        # Two pages, one shown: not a QStackedWidget, whose height-for-width is
        # that of its tallest page, so the short advice would scroll as far as
        # the questions.
        layout = column(self, 0)

        self.questions_page = QWidget()
        questions = column(self.questions_page, 10)
        self.intro_label = text(SCREEN_INTRO, name="About these questions")
        questions.addWidget(self.intro_label)
        questions.addWidget(text(SAFETY_HELPER, role="hint"))
        self.rows: list[YesNoRow] = []
        for number, question in enumerate(RED_FLAG_QUESTIONS, start=1):
            row = YesNoRow(number, question.id, question.question, self.questions_page)
            row.answered.connect(self.status_changed)
            questions.addWidget(row)
            self.rows.append(row)
        questions.addStretch(1)
        layout.addWidget(self.questions_page)

        self.advice_page = QWidget()
        advice = column(self.advice_page, 12)
        self.advice_label = text("", role="advice", rich=True, name="What to do")
        advice.addWidget(self.advice_label)
        frame, box = card("You can still set up the app", tone="note")
        self.still_label = text(SAFETY_STILL_FINISH)
        box.addWidget(self.still_label)
        advice.addWidget(frame)
        advice.addStretch(1)
        layout.addWidget(self.advice_page)
        self._show(self.questions_page)

    def _show(self, page: QWidget) -> None:
        # Hide first: never both at once, not even for a frame.
        for other in (self.questions_page, self.advice_page):
            if other is not page:
                other.setVisible(False)
        page.setVisible(True)
        self.status_changed.emit()

    # -- answers

    def answers(self) -> dict[str, bool]:
        return {row.question_id: value for row in self.rows if (value := row.answer()) is not None}

    def fill(self, answers: OnboardingAnswers) -> None:
        for row in self.rows:
            value = answers.safety.get(row.question_id)
            row.yes_button.setChecked(value is True)
            row.no_button.setChecked(value is False)
        self.show_questions()

    def collect(self, answers: OnboardingAnswers) -> OnboardingAnswers:
        return replace(answers, safety=self.answers())

    def first_focus(self) -> QWidget | None:
        if self.showing_advice():
            return None
        return next(
            (row.yes_button for row in self.rows if row.answer() is None),
            self.rows[0].yes_button,
        )

    def status(self) -> str:
        if self.showing_advice():
            return ""
        done, total = len(self.answers()), len(self.rows)
        if done == total:
            return SAFETY_ALL_ANSWERED
        return f"{done} of {total} answered. {SAFETY_LATER}"

    # -- the advice

    def heading(self) -> str:
        if self._advice is None:
            return self.heading_text
        return EMERGENCY_HEADING if self._advice.urgency == "emergency" else SOON_HEADING

    def showing_advice(self) -> bool:
        return not self.advice_page.isHidden()

    def show_questions(self) -> None:
        self._advice = None
        self._show(self.questions_page)

    def before_next(self, answers: OnboardingAnswers) -> bool:
        if self.showing_advice():
            # The advice was read: go on. Coming back later shows the answers.
            self.show_questions()
            return False
        result = answers.screening()
        if not result.flagged:
            return False
        self._advice = result
        said_yes = [q.question for q in RED_FLAG_QUESTIONS if q.id in result.flagged]
        html = f"<p>{escape(result.advice)}</p><p>You answered Yes to:</p>{bullets(said_yes)}"
        if "Settings" not in result.advice:
            html += f"<p>{escape(PAUSED_TEXT)}</p>"
        self.advice_label.setText(html)
        self._show(self.advice_page)
        return True

    def before_back(self) -> bool:
        if not self.showing_advice():
            return False
        self.show_questions()
        return True
