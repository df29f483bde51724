"""The dialog shown when a data file cannot be read.

It takes plain strings and dates, not store objects, and only returns what
the user chose; the app does the restoring. The words matter more than the
widgets here: the person may think their diary is gone, and it is not.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lbp_desktop import APP_NAME
from lbp_desktop.views.words import clock_time, day_month, long_date


class DataErrorChoice(enum.Enum):
    RESTORE = "restore"  # restore the latest good backup of the file
    OPEN_FOLDER = "open_folder"  # show the data folder; nothing is changed
    QUIT = "quit"  # leave everything as it is


def when_words(moment: date | datetime) -> str:
    if isinstance(moment, datetime):
        return f"{long_date(moment.date())} at {clock_time(moment)}"
    return long_date(moment)


def button_date(moment: date | datetime) -> str:
    return day_month(moment.date() if isinstance(moment, datetime) else moment)


class DataErrorDialog(QDialog):
    def __init__(
        self,
        message: str,
        backup_date: date | datetime | None = None,
        *,
        data_dir: str = "",
        file_name: str = "",
        detail: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """message: what happened, in plain words (str() of a StoreError);
        backup_date: when the latest good backup of the file was made, if any;
        data_dir, file_name, detail: shown under "Technical details" for whoever helps."""
        super().__init__(parent)
        self.setWindowTitle(f"{APP_NAME}: some data could not be read")
        self.setModal(True)
        self.setMinimumWidth(600)
        self._choice = DataErrorChoice.QUIT

        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.setContentsMargins(24, 22, 24, 18)

        heading = QLabel("Some of your data could not be read", self)
        heading.setProperty("role", "sectionTitle")
        heading.setWordWrap(True)
        layout.addWidget(heading)

        paragraphs = [
            escape(message),
            "<b>Nothing has been deleted.</b>",
        ]
        if backup_date is not None:
            paragraphs.append(
                f"The latest good backup is from <b>{when_words(backup_date)}</b>. Restoring "
                "it brings your data back as it was then; anything recorded after that is "
                "not in the backup. The unreadable file is kept aside, not deleted."
            )
        else:
            paragraphs.append(
                "There is no good backup of this file yet. You can open the data folder to "
                "look, or quit; the file will still be there for someone to help you with."
            )
        self.message_label = QLabel("".join(f"<p>{p}</p>" for p in paragraphs), self)
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.RichText)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setAccessibleName("What happened")
        layout.addWidget(self.message_label)

        technical = [
            line
            for line in (
                f"Data folder: {data_dir}" if data_dir else "",
                f"File: {file_name}" if file_name else "",
                f"Reason: {detail}" if detail else "",
            )
            if line
        ]
        self.details_button = QPushButton("&Technical details", self)
        self.details_button.setCheckable(True)
        self.details_button.setAccessibleName("Show technical details")
        self.details_text = QPlainTextEdit("\n".join(technical), self)
        self.details_text.setReadOnly(True)
        self.details_text.setAccessibleName("Technical details")
        self.details_text.setMaximumHeight(110)
        self.details_text.setVisible(False)
        self.details_button.toggled.connect(self.details_text.setVisible)
        self.details_button.setVisible(bool(technical))
        details_row = QHBoxLayout()
        details_row.addWidget(self.details_button)
        details_row.addStretch(1)
        layout.addLayout(details_row)
        layout.addWidget(self.details_text)

        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        self.restore_button: QPushButton | None = None
        if backup_date is not None:
            self.restore_button = QPushButton(
                f"&Restore the backup from {button_date(backup_date)}", self
            )
            self.restore_button.setProperty("role", "primary")
            self.restore_button.clicked.connect(lambda: self._finish(DataErrorChoice.RESTORE))
            buttons.addWidget(self.restore_button)
        self.open_folder_button = QPushButton("&Open data folder", self)
        self.open_folder_button.clicked.connect(lambda: self._finish(DataErrorChoice.OPEN_FOLDER))
        self.quit_button = QPushButton("&Quit", self)
        self.quit_button.clicked.connect(lambda: self._finish(DataErrorChoice.QUIT))
        buttons.addWidget(self.open_folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        layout.addLayout(buttons)

        # The helpful button is the default: restore when there is a backup.
        default = self.restore_button or self.open_folder_button
        default.setDefault(True)
        default.setFocus()
        # Settle the size limits before the native window exists: changing them
        # afterwards is a round trip to the window system for nothing.
        layout.activate()

    def _finish(self, choice: DataErrorChoice) -> None:
        self._choice = choice
        self.accept()

    def reject(self) -> None:
        # Escape or the window's close button: quit, touching nothing.
        self._choice = DataErrorChoice.QUIT
        super().reject()

    def choice(self) -> DataErrorChoice:
        return self._choice

    def ask(self) -> DataErrorChoice:
        """Run the dialog and return what the user chose."""
        self.exec()
        return self._choice


def ask_about_unreadable_file(
    message: str,
    backup_date: date | datetime | None = None,
    *,
    data_dir: str = "",
    file_name: str = "",
    detail: str = "",
    parent: QWidget | None = None,
) -> DataErrorChoice:
    """Show the dialog and return the user's choice (QUIT on Escape or close)."""
    dialog = DataErrorDialog(
        message,
        backup_date,
        data_dir=data_dir,
        file_name=file_name,
        detail=detail,
        parent=parent,
    )
    return dialog.ask()
