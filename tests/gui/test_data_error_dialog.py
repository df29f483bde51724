"""The unreadable-file dialog: plain words, and the user's choice comes back."""

from __future__ import annotations

from datetime import date, datetime

from gui_sample_data import TZ
from PySide6.QtCore import Qt, QTimer

from lbp_desktop.views.data_error_dialog import (
    DataErrorChoice,
    DataErrorDialog,
    ask_about_unreadable_file,
)

MESSAGE = "Your diary file for 2026 could not be read. It has been left exactly as it was."


def test_words_and_buttons_with_a_backup(qtbot) -> None:
    dialog = DataErrorDialog(MESSAGE, date(2026, 3, 9), data_dir="/data", file_name="x.json")
    qtbot.addWidget(dialog)
    text = dialog.message_label.text()
    assert MESSAGE in text
    assert "Nothing has been deleted" in text
    assert text.count("exactly as it was") == 1  # said once, not twice
    assert "Monday 9 March 2026" in text
    assert dialog.restore_button is not None
    assert dialog.restore_button.text() == "&Restore the backup from 9 March 2026"
    assert dialog.restore_button.isDefault()
    assert dialog.open_folder_button.text() == "&Open data folder"
    assert dialog.quit_button.text() == "&Quit"


def test_without_a_backup_there_is_no_restore_button(qtbot) -> None:
    dialog = DataErrorDialog(MESSAGE, None)
    qtbot.addWidget(dialog)
    assert dialog.restore_button is None
    assert "no good backup" in dialog.message_label.text()
    assert dialog.open_folder_button.isDefault()
    assert not dialog.details_button.isVisible()


def test_each_button_returns_its_choice(qtbot) -> None:
    for attribute, choice in [
        ("restore_button", DataErrorChoice.RESTORE),
        ("open_folder_button", DataErrorChoice.OPEN_FOLDER),
        ("quit_button", DataErrorChoice.QUIT),
    ]:
        dialog = DataErrorDialog(MESSAGE, datetime(2026, 3, 9, 7, 30, tzinfo=TZ))
        qtbot.addWidget(dialog)
        QTimer.singleShot(0, getattr(dialog, attribute).click)
        assert dialog.ask() is choice


def test_escape_means_quit(qtbot) -> None:
    dialog = DataErrorDialog(MESSAGE, date(2026, 3, 9))
    qtbot.addWidget(dialog)
    QTimer.singleShot(0, lambda: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    assert dialog.ask() is DataErrorChoice.QUIT


def test_technical_details_on_request(qtbot) -> None:
    dialog = DataErrorDialog(
        MESSAGE, None, data_dir="/d", file_name="records/2026.json", detail="line 3: bad JSON"
    )
    qtbot.addWidget(dialog)
    assert dialog.details_text.isHidden()
    dialog.details_button.click()
    assert not dialog.details_text.isHidden()
    assert "records/2026.json" in dialog.details_text.toPlainText()
    assert "line 3: bad JSON" in dialog.details_text.toPlainText()


def test_ask_helper(qtbot) -> None:
    def click_open_folder() -> None:
        from PySide6.QtWidgets import QApplication

        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, DataErrorDialog)
        dialog.open_folder_button.click()

    QTimer.singleShot(0, click_open_folder)
    assert ask_about_unreadable_file(MESSAGE, backup_date=None) is DataErrorChoice.OPEN_FOLDER
