"""Small widgets the onboarding steps share: text, cards, choices, the step track."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)


def text(
    words: str, *, role: str = "body", name: str = "", rich: bool = False, parent=None
) -> QLabel:
    """A wrapped label; ``role`` picks its size from the onboarding's stylesheet."""
    label = QLabel(words, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setProperty("role", role)
    # Selectable text would otherwise take a Tab stop of its own.
    label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if name:
        label.setAccessibleName(name)
    return label


def inline(words: str) -> QLabel:
    """Words inside a row of controls: on one line, so the row reads as a sentence."""
    label = QLabel(words)
    label.setProperty("role", "body")
    return label


def bullets(items: Sequence[str]) -> str:
    """A bulleted list as rich text: a table, so wrapped lines hang under their
    words and the bullets sit close to the left edge (a <ul> indents by 40 px)."""
    rows = "".join(
        f"<tr><td style='padding: 2px 10px 2px 2px;'>\u2022</td>"
        f"<td style='padding: 2px 0px;'>{escape(item)}</td></tr>"
        for item in items
    )
    return f"<table cellspacing='0' cellpadding='0'>{rows}</table>"


def card(name: str, *, tone: str = "") -> tuple[QFrame, QVBoxLayout]:
    """A framed box; ``tone`` "note" is the calm tinted one for safety words."""
    frame = QFrame()
    frame.setProperty("role", "card")
    if tone:
        frame.setProperty("tone", tone)
    frame.setAccessibleName(name)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(14, 10, 14, 12)
    layout.setSpacing(6)
    return frame, layout


class ChoiceRow(QFrame):
    """A question with a few chip buttons; at most one chosen, none at first.

    Not an exclusive QButtonGroup: each chip is its own Tab stop (as in the
    red-flag rows), and Space chooses it.
    """

    changed = Signal()

    def __init__(
        self, question: str, choices: Sequence[tuple[str, str]], *, hint: str = ""
    ) -> None:
        """``choices``: (key, label) pairs; the label may carry an & mnemonic."""
        super().__init__()
        self.setProperty("role", "card")
        self.setAccessibleName(question)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 8, 14, 8)
        row.setSpacing(10)
        words = QVBoxLayout()
        words.setSpacing(2)
        self.label = text(question, name=question)
        words.addWidget(self.label)
        if hint:
            self.hint_label = text(hint, role="hint")
            words.addWidget(self.hint_label)
        row.addLayout(words, 1)
        self.buttons: dict[str, QPushButton] = {}
        for key, label in choices:
            button = QPushButton(label)
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setProperty("role", "chip")
            button.setMinimumWidth(96)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setAccessibleName(f"{label.replace('&', '')}: {question}")
            button.clicked.connect(lambda _checked=False, k=key: self.choose(k))
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
            self.buttons[key] = button

    def chosen(self) -> str | None:
        return next((key for key, button in self.buttons.items() if button.isChecked()), None)

    def choose(self, key: str | None) -> None:
        for other, button in self.buttons.items():
            button.setChecked(other == key)
        self.changed.emit()


class StepTrack(QWidget):
    """Six short bars with the step names under them: done, here, to come.

    Painted from the palette, so it follows light and dark. Purely a picture
    for the eye; the "Step 2 of 6" line above says the same in words, and the
    track's accessible name says it to a screen reader.
    """

    _BAR = 6  # px
    _GAP = 8

    def __init__(self, titles: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.titles = tuple(titles)
        self.current = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.set_current(0)

    def set_current(self, index: int) -> None:
        self.current = index
        self.setAccessibleName(f"Step {index + 1} of {len(self.titles)}: {self.titles[index]}")
        self.update()

    def _label_font(self, bold: bool) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(9.0, self.font().pointSizeF() - 1))
        font.setBold(bold)
        return font

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self._label_font(True))
        return QSize(480, self._BAR + 6 + metrics.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.sizeHint().height())

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        count = len(self.titles)
        width = (self.width() - self._GAP * (count - 1)) / count
        for index, title in enumerate(self.titles):
            x = index * (width + self._GAP)
            reached = index <= self.current
            colour = palette.color(
                QPalette.ColorRole.Highlight if reached else QPalette.ColorRole.Midlight
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(QRectF(x, 0, width, self._BAR), 3, 3)
            here = index == self.current
            font = self._label_font(here)
            painter.setFont(font)
            role = QPalette.ColorRole.WindowText if here else QPalette.ColorRole.PlaceholderText
            painter.setPen(palette.color(role))
            metrics = QFontMetrics(font)
            shown = metrics.elidedText(title, Qt.TextElideMode.ElideRight, int(width))
            painter.drawText(
                QRectF(x, self._BAR + 4, width, metrics.height()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                shown,
            )
        painter.end()
