"""The weekly PEG questions on the Today page (Krebs et al., J Gen Intern Med 2009).

Three items, each 0 to 10; the score is their mean. The questions keep the
published wording, which is free to use and is what the score's meaning
rests on. The pain item uses the app's pain anchors (0 no pain, 10 worst
imaginable, as on every pain scale here); the two interference items use
the published PEG anchors, "does not interfere" and "completely
interferes". When the PEG is due is decided in ``domain.peg_schedule``.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from lbp_desktop.domain.records import PegAnswer
from lbp_desktop.views.feedback import ERROR, clear_feedback, show_feedback
from lbp_desktop.views.today_scale import PAIN_HIGH, PAIN_LOW, ScoreScale

NOT_INTERFERE = "does not interfere"
COMPLETELY = "completely interferes"


class PegItem(NamedTuple):
    field: str  # of PegAnswer
    short: str  # starts the scale buttons' accessible names
    question: str
    low: str
    high: str


PEG_ITEMS = (
    PegItem(
        "pain",
        "Pain on average",
        "What number best describes your pain on average in the past week?",
        PAIN_LOW,
        PAIN_HIGH,
    ),
    PegItem(
        "enjoyment",
        "Enjoyment of life",
        "What number best describes how, during the past week, pain has interfered "
        "with your enjoyment of life?",
        NOT_INTERFERE,
        COMPLETELY,
    ),
    PegItem(
        "activity",
        "General activity",
        "What number best describes how, during the past week, pain has interfered "
        "with your general activity?",
        NOT_INTERFERE,
        COMPLETELY,
    ),
)

ASKING = "asking"
RESULT = "result"
HIDDEN = "hidden"


def result_words(answer: PegAnswer) -> str:
    return (
        f"Thank you. Your score this week is {answer.score:.1f} out of 10, the average of "
        f"your three answers (pain {answer.pain}, enjoyment of life {answer.enjoyment}, "
        f"general activity {answer.activity}). Lower means pain gets in the way less."
    )


class PegCard(QFrame):
    """Asks the three questions; after saving, shows the score until closed."""

    submitted = Signal(int, int, int)  # pain, enjoyment, activity
    skipped = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pegCard")
        self.setProperty("role", "card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Weekly check-in: three questions about the past week")
        layout = QVBoxLayout(self)
        layout.setSpacing(10)

        self.title_label = QLabel("Your weekly check-in")
        self.title_label.setProperty("role", "sectionTitle")
        self.title_label.setWordWrap(True)
        layout.addWidget(self.title_label)

        self.form = QWidget()
        form = QVBoxLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        form.setSpacing(8)
        intro = QLabel(
            "Three questions about the past 7 days, once a week (the PEG scale). Over the "
            "weeks they show how much pain gets in the way of your life."
        )
        intro.setProperty("role", "hint")
        intro.setWordWrap(True)
        form.addWidget(intro)
        self.scales: dict[str, ScoreScale] = {}
        self.question_labels: dict[str, QLabel] = {}
        for number, item in enumerate(PEG_ITEMS, start=1):
            field, question = item.field, item.question
            label = QLabel(f"<b>{number}.</b> {question}")
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            scale = ScoreScale(
                item.short, item.low, item.high, name_prefix=f"peg_{field}_", parent=self.form
            )
            scale.setAccessibleName(f"Question {number}: {question}")
            label.setBuddy(scale)
            scale.chosen.connect(lambda _score: clear_feedback(self.feedback_label))
            scale.submitted.connect(self._on_save)
            form.addSpacing(4)
            form.addWidget(label)
            form.addWidget(scale)
            self.scales[field] = scale
            self.question_labels[field] = label

        buttons = QHBoxLayout()
        buttons.setSpacing(12)
        self.save_button = QPushButton("Save &my answers")
        self.save_button.setObjectName("pegSaveButton")
        self.save_button.setProperty("role", "primary")
        self.save_button.setAccessibleName("Save my answers to the weekly check-in")
        self.skip_button = QPushButton("Not this wee&k")
        self.skip_button.setObjectName("pegSkipButton")
        self.skip_button.setAccessibleName("Not this week: skip the weekly check-in until Monday")
        self.skip_button.setToolTip("The questions come back next week")
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        form.addSpacing(4)
        form.addLayout(buttons)
        layout.addWidget(self.form)

        self.feedback_label = QLabel()
        self.feedback_label.setObjectName("pegFeedbackLabel")
        self.feedback_label.setProperty("role", "feedback")
        self.feedback_label.setWordWrap(True)
        self.feedback_label.setAccessibleName("Weekly check-in result")
        layout.addWidget(self.feedback_label)
        clear_feedback(self.feedback_label)

        self.result = QWidget()
        result = QHBoxLayout(self.result)
        result.setContentsMargins(0, 0, 0, 0)
        result.setSpacing(12)
        self.result_label = QLabel()
        self.result_label.setObjectName("pegResultLabel")
        self.result_label.setWordWrap(True)
        self.close_button = QPushButton("&Close")
        self.close_button.setObjectName("pegCloseButton")
        self.close_button.setAccessibleName("Close the weekly check-in")
        result.addWidget(self.result_label, 1)
        result.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.result)

        self.save_button.clicked.connect(self._on_save)
        self.skip_button.clicked.connect(self._on_skip)
        self.close_button.clicked.connect(self._on_close)
        self._state = HIDDEN
        self.hide()

    # -- state ------------------------------------------------------------------------------

    @property
    def state(self) -> str:
        return self._state

    def is_asking(self) -> bool:
        return self._state == ASKING

    def ask(self) -> None:
        """Show the questions; answers already chosen stay chosen."""
        if self._state == ASKING:
            return
        self._state = ASKING
        self.form.show()
        self.result.hide()
        self.show()

    def dismiss(self) -> None:
        # Next week starts with a blank form, not last week's answers.
        self.clear()
        self._state = HIDDEN
        self.hide()

    def clear(self) -> None:
        for scale in self.scales.values():
            scale.clear()
        clear_feedback(self.feedback_label)

    def values(self) -> dict[str, int | None]:
        return {field: scale.selected() for field, scale in self.scales.items()}

    def focus_order(self) -> list[QWidget]:
        return [
            *(scale.focus_button() for scale in self.scales.values()),
            self.save_button,
            self.skip_button,
            self.close_button,
        ]

    # -- the user ---------------------------------------------------------------------------

    def _on_save(self) -> None:
        chosen = self.values()
        missing = [
            n for n, (field, *_rest) in enumerate(PEG_ITEMS, start=1) if chosen[field] is None
        ]
        if missing:
            which = " and ".join(str(n) for n in missing)
            noun = "question" if len(missing) == 1 else "questions"
            self.show_error(
                f"Not saved yet: please answer all three questions ({noun} {which} still "
                "open). Your other answers are kept."
            )
            first = PEG_ITEMS[missing[0] - 1].field
            self.scales[first].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        clear_feedback(self.feedback_label)
        pain, enjoyment, activity = (chosen[item.field] for item in PEG_ITEMS)
        assert pain is not None and enjoyment is not None and activity is not None
        self.submitted.emit(pain, enjoyment, activity)

    def _on_skip(self) -> None:
        self.dismiss()
        self.skipped.emit()

    def _on_close(self) -> None:
        self.dismiss()
        self.closed.emit()

    # -- the app ----------------------------------------------------------------------------

    def show_result(self, answer: PegAnswer) -> None:
        """Saved: the score (the mean) in words, until the user closes it."""
        self._state = RESULT
        self.clear()
        self.result_label.setText(result_words(answer))
        self.form.hide()
        self.result.show()
        self.show()
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_error(self, message: str) -> None:
        """Not saved: say why and keep the answers."""
        show_feedback(self.feedback_label, message, ERROR)
