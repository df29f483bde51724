"""A card on the Session page: how the user's ratings changed their plan.

It renders sentences the domain wrote (lbp_desktop.domain.progression) and
emits the user's wish to undo them; storing and undoing is the app's job,
which answers with show_undone(). Hidden while there is nothing to say.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

CHANGED_TITLE = "Your plan changed"
NOTES_TITLE = "About your exercises"  # only notes (nothing moved, so nothing to undo)
UNDONE_TITLE = "Changes undone"


class ProgressionNotice(QFrame):
    undo_requested = Signal(str)  # the run id whose changes the user wants back
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressionNotice")
        self.setProperty("role", "card")  # the theme's card, like the other notices
        self._run_id = ""
        self._lines: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        self.title_label = QLabel(CHANGED_TITLE, self)
        self.title_label.setObjectName("progressionTitle")
        self.title_label.setProperty("role", "sectionTitle")
        layout.addWidget(self.title_label)
        self._lines_box = QVBoxLayout()
        self._lines_box.setSpacing(4)
        layout.addLayout(self._lines_box)
        row = QHBoxLayout()
        row.addStretch(1)
        self.undo_button = QPushButton("&Undo these changes", self)
        self.undo_button.setObjectName("progressionUndoButton")
        self.undo_button.setAccessibleName("Undo these changes")
        self.undo_button.setToolTip("Go back to the doses you had before this session (Alt+U)")
        self.undo_button.setAutoDefault(False)
        self.undo_button.clicked.connect(self._on_undo)
        self.close_button = QPushButton("Close", self)
        self.close_button.setObjectName("progressionCloseButton")
        self.close_button.setAccessibleName("Close this notice")
        self.close_button.setToolTip("Keep the changes and close this notice (Esc)")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self._on_close)
        row.addWidget(self.undo_button)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        QWidget.setTabOrder(self.undo_button, self.close_button)
        self.hide()

    # -- what the app tells the notice ------------------------------------------------------

    def show_changes(self, run_id: str, lines: Sequence[str], *, can_undo: bool = True) -> None:
        """One line per change of a session (DosageChange.text). ``can_undo`` is
        False when the lines are only notes and no dose moved."""
        lines = [line for line in lines if line.strip()]
        if not lines:
            self.clear()
            return
        self._run_id = run_id if can_undo else ""
        self._show(CHANGED_TITLE if can_undo else NOTES_TITLE, lines, undo=can_undo)

    def show_undone(self, text: str) -> None:
        """The app put the old doses back: say so; there is nothing left to undo."""
        self._run_id = ""
        if not text.strip():
            self.clear()
            return
        self._show(UNDONE_TITLE, [text], undo=False)

    def clear(self) -> None:
        self._run_id = ""
        self._set_lines([])
        self.hide()

    # -- reading it back --------------------------------------------------------------------

    @property
    def run_id(self) -> str:
        return self._run_id

    def title(self) -> str:
        return self.title_label.text()

    def lines(self) -> list[str]:
        return list(self._lines)

    # -- inside -----------------------------------------------------------------------------

    def _show(self, title: str, lines: list[str], *, undo: bool) -> None:
        self.title_label.setText(title)
        self._set_lines(lines)
        self.undo_button.setVisible(undo)
        self.undo_button.setEnabled(undo)
        self.setAccessibleName(title)
        self.setAccessibleDescription(" ".join(lines))
        self.show()
        QAccessible.updateAccessibility(
            QAccessibleAnnouncementEvent(self, f"{title}. {' '.join(lines)}")
        )

    def _set_lines(self, lines: list[str]) -> None:
        while self._lines_box.count():
            item = self._lines_box.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self._lines = list(lines)
        for line in lines:
            label = QLabel(_line_html(line), self)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAccessibleName(line)
            self._lines_box.addWidget(label)

    def _on_undo(self) -> None:
        if self._run_id:
            self.undo_requested.emit(self._run_id)

    def _on_close(self) -> None:
        self.clear()
        self.dismissed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Esc anywhere in the card closes it (the buttons pass the key up).
        if event.key() == Qt.Key.Key_Escape:
            self._on_close()
            event.accept()
            return
        super().keyPressEvent(event)


def _line_html(line: str) -> str:
    """The exercise's name in bold, so a list of changes scans quickly."""
    name, colon, rest = line.partition(": ")
    if not colon or len(name) > 60:
        return escape(line)
    return f"<b>{escape(name)}</b>: {escape(rest)}"
