"""The safety questions: the first-run red-flag screen and the heat/ice check.

The rules live in lbp_desktop.domain.safety; these dialogs only ask the
questions, show the answer in plain words and hand the answers back to the
caller, which stores them. Every question starts unanswered (silence is not
a safe "no"), and Continue waits until each one has a Yes or a No.

exec() returns Accepted only when it is safe to go on; after a warning the
dialog closes with NOT_CLEAR instead, so "accepted" never means "blocked".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from html import escape
from typing import Literal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from lbp_desktop import APP_NAME
from lbp_desktop.domain.safety import (
    HEAT_ICE_CAP_S,
    HEAT_ICE_QUESTIONS,
    RED_FLAG_QUESTIONS,
    HeatIceCheck,
    ScreeningResult,
    check_heat_ice,
    screen_red_flags,
)

HeatIceKind = Literal["heat", "ice"]

# The result code of a dialog closed after a warning: not Accepted, not Rejected.
NOT_CLEAR = 2

DISCLAIMER = (
    f"{APP_NAME} guides you through gentle exercises for low back pain and keeps a "
    "diary of how you feel. It is <b>not a substitute for a doctor, physiotherapist or "
    "other clinician</b>, and it cannot tell you what is causing your pain."
)
SCREEN_INTRO = (
    "Before you start, please answer these questions. They check for rare signs that "
    "mean a doctor should see you before you exercise. Most people answer No to all of them."
)
PAUSED_TEXT = (
    "Guided sessions are paused until your answers change. You can look at your answers "
    "again at any time in Settings."
)
EMERGENCY_HEADING = "Please get urgent medical help now"
SOON_HEADING = "Please see a doctor soon"


def _label(text: str, parent: QWidget, *, role: str = "", name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        label.setProperty("role", role)
    if name:
        label.setAccessibleName(name)
    return label


class YesNoRow(QFrame):
    """One question with a Yes and a No button; neither is chosen at first."""

    answered = Signal()

    def __init__(self, number: int, question_id: str, question: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.question_id = question_id
        self.setProperty("role", "card")
        self.setAccessibleName(f"Question {number}: {question}")
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.setSpacing(12)
        self.label = _label(f"{number}. {escape(question)}", self, name=question)
        row.addWidget(self.label, 1)
        self.yes_button = QPushButton("Yes", self)
        self.no_button = QPushButton("No", self)
        for button, word in ((self.yes_button, "Yes"), (self.no_button, "No")):
            # Not an exclusive QButtonGroup: that makes Yes and No a single Tab
            # stop reached with the arrow keys; here each is its own Tab stop,
            # and Space chooses it (choosing it again keeps it chosen).
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setProperty("role", "chip")
            button.setMinimumWidth(84)
            button.setAccessibleName(f"{word}: {question}")
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.yes_button.clicked.connect(lambda: self.set_answer(True))
        self.no_button.clicked.connect(lambda: self.set_answer(False))

    def answer(self) -> bool | None:
        if self.yes_button.isChecked():
            return True
        if self.no_button.isChecked():
            return False
        return None

    def set_answer(self, value: bool) -> None:
        self.yes_button.setChecked(value)
        self.no_button.setChecked(not value)
        self.answered.emit()


class _QuestionDialog(QDialog):
    """Shared frame: a question page with Continue, and a result page with Close."""

    # Each kind of dialog says what its answers mean (see the two subclasses):
    # _judge turns complete answers into a result page or acceptance, and
    # _forget_result drops that result when the user goes back to the answers.
    _judge: Callable[[dict[str, bool]], None]
    _forget_result: Callable[[], None]

    def __init__(
        self,
        title: str,
        heading: str,
        intro_paragraphs: Sequence[str],
        questions: Sequence[tuple[str, str]],
        after_questions: str,
        previous: Mapping[str, bool] | None,
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumSize(640, 480)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget(self)
        outer.addWidget(self.pages)

        # ---------------------------------------------------- the questions
        self.questions_page = QWidget(self.pages)
        layout = QVBoxLayout(self.questions_page)
        layout.setSpacing(12)
        layout.setContentsMargins(24, 20, 24, 16)
        self.heading_label = _label(escape(heading), self.questions_page, role="heading")
        layout.addWidget(self.heading_label)
        self.intro_label = _label(
            "".join(f"<p>{p}</p>" for p in intro_paragraphs),
            self.questions_page,
            name="About these questions",
        )
        layout.addWidget(self.intro_label)

        self.scroll = QScrollArea(self.questions_page)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setAccessibleName("Questions")
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = QWidget(self.scroll)
        holder.setAccessibleName("Questions")
        rows = QVBoxLayout(holder)
        rows.setContentsMargins(0, 0, 8, 0)
        rows.setSpacing(8)
        self.rows: list[YesNoRow] = []
        for number, (question_id, question) in enumerate(questions, start=1):
            row = YesNoRow(number, question_id, question, holder)
            if previous is not None and question_id in previous:
                row.set_answer(bool(previous[question_id]))
            row.answered.connect(self._update_progress)
            rows.addWidget(row)
            self.rows.append(row)
        if after_questions:
            self.after_label = _label(after_questions, holder, name="Each time you use it")
            rows.addWidget(self.after_label)
        rows.addStretch(1)
        self.scroll.setWidget(holder)
        layout.addWidget(self.scroll, 1)

        self.progress_label = _label("", self.questions_page, role="hint", name="Progress")
        self.progress_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.progress_label)

        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        self.cancel_button = QPushButton("Not &now", self.questions_page)
        self.cancel_button.setAccessibleName("Not now: close without answering")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.continue_button = QPushButton("&Continue", self.questions_page)
        self.continue_button.setProperty("role", "primary")
        self.continue_button.setAccessibleName("Continue")
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self._continue)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.continue_button)
        layout.addLayout(buttons)
        self.pages.addWidget(self.questions_page)

        # ---------------------------------------------------- the result
        self.result_page = QWidget(self.pages)
        result = QVBoxLayout(self.result_page)
        result.setSpacing(16)
        result.setContentsMargins(28, 24, 28, 18)
        self.result_heading = _label("", self.result_page, role="heading")
        self.result_heading.setTextFormat(Qt.TextFormat.PlainText)
        result.addWidget(self.result_heading)
        self.result_text = _label("", self.result_page, name="What to do")
        self.result_text.setStyleSheet("QLabel { font-size: 14pt; }")
        result.addWidget(self.result_text)
        result.addStretch(1)
        result_buttons = QHBoxLayout()
        result_buttons.setSpacing(10)
        self.back_button = QPushButton("&Back to my answers", self.result_page)
        self.back_button.setAccessibleName("Back to my answers")
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self._back)
        self.close_button = QPushButton("C&lose", self.result_page)
        self.close_button.setProperty("role", "primary")
        self.close_button.setAccessibleName("Close")
        self.close_button.clicked.connect(lambda: self.done(NOT_CLEAR))
        result_buttons.addWidget(self.back_button)
        result_buttons.addStretch(1)
        result_buttons.addWidget(self.close_button)
        result.addLayout(result_buttons)
        self.pages.addWidget(self.result_page)

        self._update_progress()
        if self.rows:
            self.rows[0].yes_button.setFocus()
        layout.activate()
        result.activate()

    # ------------------------------------------------------------ answers

    def answers(self) -> dict[str, bool]:
        """The questions answered so far: id -> True for yes, False for no."""
        return {
            row.question_id: answer for row in self.rows if (answer := row.answer()) is not None
        }

    def all_answered(self) -> bool:
        return all(row.answer() is not None for row in self.rows)

    def showing_result(self) -> bool:
        return self.pages.currentWidget() is self.result_page

    def _update_progress(self) -> None:
        done = len(self.answers())
        total = len(self.rows)
        ready = done == total
        self.continue_button.setEnabled(ready)
        if ready:
            self.progress_label.setText("Every question is answered. Press Continue.")
        else:
            self.progress_label.setText(
                f"{done} of {total} answered. Please answer every question to continue."
            )

    def _continue(self) -> None:
        if not self.all_answered():
            return
        self._judge(self.answers())

    def _show_result(self, heading: str, html: str) -> None:
        self.result_heading.setText(heading)
        self.result_text.setText(html)
        self.pages.setCurrentWidget(self.result_page)
        self.close_button.setDefault(True)
        self.close_button.setFocus()

    def _back(self) -> None:
        self._forget_result()
        self.pages.setCurrentWidget(self.questions_page)
        self.continue_button.setDefault(True)
        self.continue_button.setFocus()

    def reject(self) -> None:
        # Escape on the result page means Close: the advice has been given.
        if self.showing_result():
            self.done(NOT_CLEAR)
        else:
            super().reject()


def _flagged_list(intro: str, questions: Sequence[str]) -> str:
    items = "".join(f"<li>{escape(q)}</li>" for q in questions)
    return f"<p>{intro}</p><ul>{items}</ul>"


class SafetyScreenDialog(_QuestionDialog):
    """First run: what the app is and is not, then the red-flag questions.

    exec() returns Accepted when nothing applies; after a warning the user
    closes the dialog and exec() returns NOT_CLEAR (Escape too); "Not now"
    rejects. result_screening() says what the answers mean either way.
    """

    def __init__(
        self, previous_answers: dict[str, bool] | None = None, parent: QWidget | None = None
    ) -> None:
        self._result: ScreeningResult | None = None
        super().__init__(
            f"{APP_NAME}: before you start",
            "Before you start",
            [DISCLAIMER, SCREEN_INTRO],
            [(q.id, q.question) for q in RED_FLAG_QUESTIONS],
            "",
            previous_answers,
            parent,
        )
        self.setAccessibleDescription(DISCLAIMER.replace("<b>", "").replace("</b>", ""))
        self.resize(880, 720)

    def result_screening(self) -> ScreeningResult | None:
        """What the last Continue found; None until the user presses it."""
        return self._result

    def _judge(self, answers: dict[str, bool]) -> None:
        result = screen_red_flags(answers)
        self._result = result
        if not result.blocks_sessions:
            self.accept()
            return
        heading = EMERGENCY_HEADING if result.urgency == "emergency" else SOON_HEADING
        said_yes = [q.question for q in RED_FLAG_QUESTIONS if q.id in result.flagged]
        paragraphs = f"<p>{escape(result.advice)}</p>"
        if said_yes:
            paragraphs += _flagged_list("You answered Yes to:", said_yes)
        if "Settings" not in result.advice:
            paragraphs += f"<p>{PAUSED_TEXT}</p>"
        self._show_result(heading, paragraphs)

    def _forget_result(self) -> None:
        self._result = None


def run_safety_screen(
    previous: dict[str, bool] | None = None, parent: QWidget | None = None
) -> tuple[dict[str, bool], ScreeningResult] | None:
    """Ask the red-flag questions; None when the user leaves before Continue.

    Otherwise the answers (to store) and what they mean: check
    result.blocks_sessions before starting any guided session.
    """
    dialog = SafetyScreenDialog(previous, parent)
    try:
        dialog.exec()
        result = dialog.result_screening()
        if result is None:
            return None
        return dialog.answers(), result
    finally:
        dialog.deleteLater()


# ------------------------------------------------------------------ heat and ice


def _kind_words(kind: HeatIceKind) -> tuple[str, str]:
    """('heat', 'a heat pack') or ('ice', 'an ice pack')."""
    if kind not in ("heat", "ice"):
        raise ValueError(f"kind must be 'heat' or 'ice', got {kind!r}")
    return kind, ("a heat pack" if kind == "heat" else "an ice pack")


def heat_ice_reminders(kind: HeatIceKind) -> list[str]:
    minutes = f"{HEAT_ICE_CAP_S / 60:g}"
    sleep = (
        "Never sleep on a heating pad, or with a heat pack on."
        if kind == "heat"
        else "Never fall asleep with an ice pack on."
    )
    return [
        "Keep a towel between the pack and your skin.",
        "Put no creams, gels or oils on the skin underneath.",
        sleep,
        "Check your skin during the interval; the app will remind you.",
        f"Use it for {minutes} minutes at most; the app stops it then.",
    ]


class HeatIceCheckDialog(_QuestionDialog):
    """Before the first heat or ice interval: five questions and the reminders.

    exec() returns Accepted when heat or ice is fine; when any answer is yes
    the dialog explains why not, and Close returns NOT_CLEAR.
    """

    def __init__(self, kind: HeatIceKind, parent: QWidget | None = None) -> None:
        word, pack = _kind_words(kind)
        self.kind: HeatIceKind = kind
        self._check: HeatIceCheck | None = None
        reminders = "".join(f"<li>{escape(r)}</li>" for r in heat_ice_reminders(kind))
        super().__init__(
            f"{APP_NAME}: before you use {word}",
            f"Before you use {pack}",
            [
                f"{pack.capitalize()} can ease back pain, but it is not safe for everyone. Please "
                "answer these five questions first."
            ],
            [(q.id, q.question) for q in HEAT_ICE_QUESTIONS],
            f"<p><b>Each time you use {pack}:</b></p><ul>{reminders}</ul>",
            None,
            parent,
        )
        self.resize(860, 700)

    def check(self) -> HeatIceCheck | None:
        """What the last Continue found; None until the user presses it."""
        return self._check

    def _judge(self, answers: dict[str, bool]) -> None:
        check = check_heat_ice(answers)
        self._check = check
        if check.allowed:
            self.accept()
            return
        word, pack = _kind_words(self.kind)
        said_yes = [q.question for q in HEAT_ICE_QUESTIONS if q.id in check.flagged]
        html = f"<p>{escape(check.text)}</p>"
        if said_yes:
            html += _flagged_list("You answered Yes to:", said_yes)
        html += f"<p>You can still carry on with your plan, without the {word} step.</p>"
        self._show_result(f"{pack.capitalize()} is not advised for you", html)

    def _forget_result(self) -> None:
        self._check = None


def run_heat_ice_check(
    kind: HeatIceKind, parent: QWidget | None = None
) -> tuple[dict[str, bool], HeatIceCheck] | None:
    """Ask the heat/ice questions; None when the user leaves before Continue.

    Otherwise the answers and the check: use heat or ice only if check.allowed.
    """
    dialog = HeatIceCheckDialog(kind, parent)
    try:
        dialog.exec()
        check = dialog.check()
        if check is None:
            return None
        return dialog.answers(), check
    finally:
        dialog.deleteLater()
