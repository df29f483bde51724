"""What every onboarding step is, and the small helpers the steps share.

A step knows nothing of the others or of storage: ``fill`` shows an
``OnboardingAnswers``, ``collect`` returns it with this step's part replaced.
The dialog (dialog.py) moves between them.
"""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QButtonGroup,
    QHBoxLayout,
    QRadioButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from lbp_desktop.domain.onboarding import OnboardingAnswers

TIME_FORMAT = "HH:mm"  # 24-hour, as every other time in the app


def time_edit(name: str) -> QTimeEdit:
    edit = QTimeEdit()
    edit.setDisplayFormat(TIME_FORMAT)
    edit.setWrapping(True)
    edit.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
    edit.setMinimumWidth(96)
    edit.setAccessibleName(name)
    return edit


def to_qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def from_qtime(value: QTime) -> time:
    return time(value.hour(), value.minute())


def column(widget: QWidget, spacing: int = 14) -> QVBoxLayout:
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(spacing)
    return layout


def row(*widgets: QWidget, spacing: int = 8) -> QHBoxLayout:
    line = QHBoxLayout()
    line.setContentsMargins(0, 0, 0, 0)
    line.setSpacing(spacing)
    for widget in widgets:
        line.addWidget(widget)
    line.addStretch(1)
    return line


def radio(label: str, name: str, group: QButtonGroup) -> QRadioButton:
    """A choice in an exclusive group (one Tab stop; the arrow keys move between them)."""
    button = QRadioButton(label)
    button.setAccessibleName(name)
    group.addButton(button)
    return button


class Step(QWidget):
    """One step: its name, what the track calls it, and its heading."""

    # A line the dialog keeps in view under the step (say, "4 of 13 answered").
    status_changed = Signal()

    name = ""
    title = ""  # short, under the step track
    heading_text = ""

    def heading(self) -> str:
        return self.heading_text

    def fill(self, answers: OnboardingAnswers) -> None:
        """Show ``answers``; emits nothing."""

    def collect(self, answers: OnboardingAnswers) -> OnboardingAnswers:
        return answers

    def first_focus(self) -> QWidget | None:
        return None

    def status(self) -> str:
        return ""

    def problem(self) -> str:
        """Why Next cannot go on yet, in words; "" when it can."""
        return ""

    def before_next(self, answers: OnboardingAnswers) -> bool:
        """True when the step took Next itself (say, to show advice first)."""
        return False

    def before_back(self) -> bool:
        """True when the step took Back itself (say, back from advice to answers)."""
        return False
