"""The confirmation before "Delete all my data".

It says what goes and what stays (the same list as storage/wipe.py), points
to an export for anyone who wants a copy, and keeps the red button greyed
out until the person ticks that they understand. Cancel is the default, so
Enter and Escape both leave everything as it is. The dialog only answers;
the app does the deleting.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lbp_desktop import APP_NAME

GOES = (
    "your pain diary and every session you recorded, for all years",
    "your settings: weekly goal, reminders, sound, heat and cold packs",
    "all backups (they are kept in the same folder)",
    "plans you added yourself, for example from your physiotherapist",
    "files set aside earlier because they could not be read",
)
STAYS = (
    "reports and files you exported and saved somewhere else (PDF, CSV, FHIR)",
    "any other files you put in the data folder yourself",
)
COPY_FIRST = (
    "Want to keep a copy? Choose Cancel, then use one of the Export buttons to save your "
    "diary outside the data folder first. A backup will not do: backups are deleted too."
)
UNDERSTAND = "I &understand that this deletes my data for good"

# One red for the one button that destroys something. It is not in the
# palette, so it is set here; white on it reads at 6.9:1, light or dark.
_DANGER_STYLE = """
QPushButton#deleteButton:enabled {
    background: #b3261e;
    color: #ffffff;
    font-weight: 600;
    border: 2px solid #b3261e;
    border-radius: 8px;
    padding: 6px 20px;
}
QPushButton#deleteButton:enabled:hover {
    background: #8c1d17;
    border-color: #8c1d17;
}
QPushButton#deleteButton:enabled:focus {
    border-color: palette(window-text);
}
QPushButton#deleteButton:disabled {
    background: palette(button);
    color: palette(mid);
    border: 2px solid palette(mid);
    border-radius: 8px;
    padding: 6px 20px;
}
"""


def _plain(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _bullets(items: tuple[str, ...], parent: QWidget, into: QVBoxLayout) -> list[QLabel]:
    # Plain labels, not a rich-text list: their wrapped height is measured
    # right. The dot has a column of its own, so a wrapped line hangs under
    # the words, not under the dot.
    labels = []
    for item in items:
        row = QHBoxLayout()
        row.setContentsMargins(12, 0, 0, 0)
        row.setSpacing(8)
        dot = QLabel("•", parent)
        dot.setAlignment(Qt.AlignmentFlag.AlignTop)
        label = _plain(item, parent)
        row.addWidget(dot)
        row.addWidget(label, 1)
        into.addLayout(row)
        labels.append(label)
    return labels


class DeleteDataDialog(QDialog):
    """Accepted only through the red button, which needs the tick first."""

    def __init__(self, data_dir: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{APP_NAME}: delete all your data")
        self.setModal(True)
        self.setMinimumWidth(620)
        self.setStyleSheet(_DANGER_STYLE)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.setContentsMargins(24, 22, 24, 18)

        heading = QLabel("Delete all your data?", self)
        heading.setProperty("role", "sectionTitle")
        layout.addWidget(heading)

        intro = QLabel("This deletes everything the app keeps in its data folder:", self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        # On a line of its own, as in Settings: a path broken mid-sentence is hard to read.
        self.path_label = QLabel(data_dir, self)
        self.path_label.setProperty("role", "path")
        self.path_label.setTextFormat(Qt.TextFormat.PlainText)
        self.path_label.setWordWrap(True)
        self.path_label.setAccessibleName("Data folder")
        self.path_label.setVisible(bool(data_dir))
        layout.addWidget(self.path_label)
        lists = QVBoxLayout()
        lists.setSpacing(4)
        self.goes_labels = _bullets(GOES, self, lists)
        lists.addSpacing(8)
        lists.addWidget(_plain("It does not delete:", self))
        self.stays_labels = _bullets(STAYS, self, lists)
        layout.addLayout(lists)
        undone = _plain("This cannot be undone.", self)
        font = undone.font()
        font.setBold(True)
        undone.setFont(font)
        layout.addWidget(undone)

        self.copy_hint_label = QLabel(COPY_FIRST, self)
        self.copy_hint_label.setProperty("role", "hint")
        self.copy_hint_label.setWordWrap(True)
        self.copy_hint_label.setAccessibleName("Keeping a copy first")
        layout.addWidget(self.copy_hint_label)

        self.understood_check = QCheckBox(UNDERSTAND, self)
        self.understood_check.setAccessibleName("I understand that this deletes my data for good")
        layout.addSpacing(4)
        layout.addWidget(self.understood_check)

        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        self.delete_button = QPushButton("&Delete all my data", self)
        self.delete_button.setObjectName("deleteButton")
        self.delete_button.setAccessibleName("Delete all my data")
        self.delete_button.setEnabled(False)
        self.delete_button.setAccessibleDescription("Tick that you understand first")
        self.cancel_button = QPushButton("Cancel, keep my data", self)
        self.cancel_button.setAccessibleName("Cancel and keep my data")
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout.addSpacing(6)
        layout.addLayout(buttons)

        self.understood_check.toggled.connect(self._on_understood)
        self.delete_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        # Cancel is the default: Enter anywhere but on the red button keeps the data.
        self.cancel_button.setDefault(True)
        self.understood_check.setFocus()
        layout.activate()
        # A window does not size itself by height-for-width: left alone, it came
        # out too short and the wrapped lines were cut. Measure it for its width.
        width = self.minimumWidth()
        self.setMinimumHeight(self.heightForWidth(width))
        self.resize(width, self.minimumHeight())

    def summary(self) -> str:
        """What goes and what stays, as the dialog says it (one line each)."""
        return "\n".join(
            label.text() for label in self.findChildren(QLabel) if label.text() not in ("", "•")
        )

    def _on_understood(self, checked: bool) -> None:
        self.delete_button.setEnabled(checked)
        self.delete_button.setAccessibleDescription(
            "Deletes your data now" if checked else "Tick that you understand first"
        )

    def accept(self) -> None:
        # Only ever with the tick: accept() from anywhere else is refused too.
        if self.understood_check.isChecked():
            super().accept()
