"""Inline messages ("Saved.", "Not saved: ...") instead of modal popups.

The state lives in a dynamic property the stylesheet keys on; screen readers
get the same words as an announcement.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QLabel, QWidget

OK = "ok"
ERROR = "error"


def repolish(widget: QWidget) -> None:
    """Re-read the stylesheet after a dynamic property changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def show_feedback(label: QLabel, message: str, state: str) -> None:
    label.setText(message)
    label.setProperty("state", state if message else "")
    label.setVisible(bool(message))
    repolish(label)
    if message:
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(label, message))


def clear_feedback(label: QLabel) -> None:
    show_feedback(label, "", "")
