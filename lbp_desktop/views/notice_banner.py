"""A card across the top of the window: one message and a few plain choices.

Used for things that wait for the user without stopping them, such as an
interrupted session that can be carried on. Each choice closes the card.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


@dataclass(frozen=True)
class BannerChoice:
    text: str  # with an & mnemonic, e.g. "&Carry on"
    accessible_name: str
    action: Callable[[], None]
    primary: bool = False


class NoticeBanner(QFrame):
    def __init__(
        self,
        title: str,
        message: str,
        choices: Sequence[BannerChoice],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setAccessibleName(title)
        self.setAccessibleDescription(message)
        layout = QVBoxLayout(self)
        self.title_label = QLabel(title)
        self.title_label.setProperty("role", "sectionTitle")
        self.message_label = QLabel(message)
        self.message_label.setWordWrap(True)
        layout.addWidget(self.title_label)
        layout.addWidget(self.message_label)
        row = QHBoxLayout()
        row.addStretch(1)
        self.buttons: list[QPushButton] = []
        for choice in choices:
            button = QPushButton(choice.text)
            button.setAccessibleName(choice.accessible_name)
            if choice.primary:
                button.setProperty("role", "primary")
                button.setDefault(True)
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
            row.addWidget(button)
            self.buttons.append(button)
        layout.addLayout(row)

    def button(self, accessible_name: str) -> QPushButton:
        return next(b for b in self.buttons if b.accessibleName() == accessible_name)

    def _choose(self, choice: BannerChoice) -> None:
        self.hide()
        self.deleteLater()
        choice.action()
