"""A picture sheet of the app icon at every size, on a light and a dark background,
beside the tray icon: the two should look like one product."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QLabel
from shots import not_blank, save_shot

from lbp_desktop.views.tray_icons import NORMAL, tray_pixmap

ICONS = Path(__file__).resolve().parents[2] / "packaging" / "icons"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
BACKGROUNDS = {"light": "#f6f5f4", "dark": "#1e1e1e"}
GAP = 16
ZOOM = 6  # small sizes again, each pixel a 6x6 block, to judge their crispness


def _icon(size: int) -> QImage:
    image = QImage(str(ICONS / "hicolor" / f"{size}x{size}" / "apps" / "lbp-desktop.png"))
    assert image.width() == size, size
    return image


def _sheet() -> QPixmap:
    small = [s for s in SIZES if s <= 48]
    row = SIZES[-1] + 2 * GAP
    zoom_row = max(small) * ZOOM + 2 * GAP
    width = max(sum(SIZES) + GAP * (len(SIZES) + 1), sum(small) * ZOOM + GAP * 8)
    sheet = QPixmap(width, 2 * (row + zoom_row))
    painter = QPainter(sheet)
    y = 0
    for name, colour in BACKGROUNDS.items():
        painter.fillRect(0, y, width, row + zoom_row, QColor(colour))
        x = GAP
        for size in SIZES:
            painter.drawImage(x, y + GAP, _icon(size))
            x += size + GAP
        # The tray icon at its own panel sizes, under the small app icons.
        tx = GAP
        for size in (22, 32, 48):
            tray = tray_pixmap(NORMAL, size, dark_panel=name == "dark")
            painter.drawPixmap(tx, y + 2 * GAP + 64, tray)
            tx += size + GAP
        x = GAP
        for size in small:
            target = QRect(x, y + row + GAP, size * ZOOM, size * ZOOM)
            painter.drawImage(target, _icon(size))  # no smoothing: pixels stay blocks
            x += size * ZOOM + GAP
        y += row + zoom_row
    painter.end()
    return sheet


def test_app_icon_sheet(qtbot) -> None:
    label = QLabel()
    label.setPixmap(_sheet())
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    qtbot.addWidget(label)
    label.resize(label.pixmap().size())
    path = save_shot(label, "app_icon_sheet")
    assert not_blank(path)
    shot = QImage(str(path))
    assert shot.size() == label.pixmap().size()
    # The 512 px icon's centre column holds the white figure on the teal tile.
    x512 = GAP + sum(SIZES[:-1]) + GAP * (len(SIZES) - 1) + 256
    column = {QColor(shot.pixel(x512, y)).name() for y in range(GAP, GAP + 512, 4)}
    assert {"#13717b", "#ffffff"} <= column
