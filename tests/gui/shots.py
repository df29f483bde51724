"""Screenshots for people to look at: build/screenshots/, and a check that a
picture is not blank."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def save_shot(widget: QWidget, name: str, *, settle: int = 2) -> Path:
    """Grab ``widget`` into SHOTS/name.png once pending layouts have settled
    (``settle`` turns of the event loop, as the app's loop would run them)."""
    for _ in range(settle):
        QApplication.processEvents()
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    assert widget.grab().save(str(path))
    return path


def not_blank(path: Path) -> bool:
    image = QImage(str(path))
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 25) for y in range(0, image.height(), 25)
    }
    return len(colours) > 3
