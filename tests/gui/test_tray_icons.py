"""The tray icon: every state at every size, told apart by shape, and a picture sheet."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap, qAlpha, qGray
from PySide6.QtWidgets import QLabel
from shots import not_blank, save_shot

from lbp_desktop.views.tray_icons import (
    DUE,
    ICON_SIZES,
    NORMAL,
    PAUSED,
    TRAY_STATES,
    tray_icon,
    tray_pixmap,
)

PANELS = {"light": "#f6f5f4", "dark": "#1e1e1e"}


def _image(state: str, size: int, dark: bool) -> QImage:
    pixmap = tray_icon(state, dark_panel=dark).pixmap(QSize(size, size))
    return pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)


def _grey(image: QImage) -> list[int]:
    # Luma only (over black where transparent): what a viewer without colour vision sees.
    return [
        qGray(rgba) * qAlpha(rgba) // 255
        for rgba in (image.pixel(x, y) for y in range(image.height()) for x in range(image.width()))
    ]


def _changed_share(a: list[int], b: list[int], *, threshold: int = 40) -> float:
    return sum(abs(p - q) > threshold for p, q in zip(a, b, strict=True)) / len(a)


@pytest.mark.parametrize("dark", [False, True])
@pytest.mark.parametrize("state", TRAY_STATES)
def test_every_state_has_a_drawn_pixmap_at_every_size(qapp, state: str, dark: bool) -> None:
    icon = tray_icon(state, dark_panel=dark)
    assert {s.width() for s in icon.availableSizes()} >= set(ICON_SIZES)
    for size in ICON_SIZES:
        image = _image(state, size, dark)
        assert image.size() == QSize(size, size)
        pixels = [image.pixel(x, y) for y in range(size) for x in range(size)]
        opaque = sum(QColor.fromRgba(p).alpha() == 255 for p in pixels)
        # A filled tile with a figure on it: mostly opaque and several colours.
        assert opaque > 0.75 * size * size, (state, size)
        assert len(set(pixels)) >= 3, (state, size)


@pytest.mark.parametrize("size", ICON_SIZES)
def test_states_differ_even_without_colour(qapp, size: int) -> None:
    for dark in (False, True):
        greys = {state: _grey(_image(state, size, dark)) for state in TRAY_STATES}
        for a, b in itertools.combinations(TRAY_STATES, 2):
            share = _changed_share(greys[a], greys[b])
            assert share > 0.06, f"{a} and {b} look alike at {size} px ({share:.0%})"


def test_the_rim_follows_the_panel(qapp) -> None:
    light = _image(NORMAL, 22, dark=False)
    dark = _image(NORMAL, 22, dark=True)
    # The top edge's middle pixel is rim: dark on a light panel, light on a dark one.
    assert QColor(light.pixel(11, 0)).lightness() < 100
    assert QColor(dark.pixel(11, 0)).lightness() > 200


def test_icons_are_drawn_once_and_then_reused(qapp) -> None:
    first = tray_icon(DUE, dark_panel=True)
    assert tray_icon(DUE, dark_panel=True).cacheKey() == first.cacheKey()
    assert tray_icon(DUE, dark_panel=False).cacheKey() != first.cacheKey()


def test_an_unknown_state_is_refused(qapp) -> None:
    with pytest.raises(ValueError, match="sleeping"):
        tray_icon("sleeping")


def test_the_due_dot_is_amber_and_the_pause_badge_is_in_the_other_corner(qapp) -> None:
    size = 32
    due = _image(DUE, size, dark=False)
    paused = _image(PAUSED, size, dark=False)
    normal = _image(NORMAL, size, dark=False)
    dot = QColor(due.pixel(size - 8, 8))
    assert dot.red() > 200 and 120 < dot.green() < 200 and dot.blue() < 60
    corner = (size - 8, size - 8)
    assert paused.pixel(*corner) != normal.pixel(*corner)
    assert due.pixel(*corner) == normal.pixel(*corner)
    # Paused is muted: its tile has (almost) no colour saturation.
    tile = QColor(paused.pixel(4, size // 2))
    assert tile.hsvSaturation() < 80 < QColor(normal.pixel(4, size // 2)).hsvSaturation()


# -- the picture sheet ------------------------------------------------------------

SCALE = 4
SHEET_SIZES = (16, 20, 22, 24, 32)
GAP = 12
LABEL_W = 150


def _sheet() -> QPixmap:
    rows = [(panel, rim) for panel in PANELS for rim in (panel == "dark", panel != "dark")]
    cell = max(SHEET_SIZES) * SCALE
    width = LABEL_W + sum(s * SCALE + GAP for s in SHEET_SIZES) + 2 * max(ICON_SIZES) + 3 * GAP
    height = len(rows) * len(TRAY_STATES) * (cell + GAP) + GAP
    sheet = QPixmap(width, height)
    sheet.fill(QColor("#808080"))
    painter = QPainter(sheet)
    y = GAP // 2
    for (panel, dark_rim), state in itertools.product(rows, TRAY_STATES):
        painter.fillRect(QRect(0, y - GAP // 2, width, cell + GAP), QColor(PANELS[panel]))
        painter.setPen(QColor("#000000" if panel == "light" else "#ffffff"))
        rim = "dark-panel rim" if dark_rim else "light-panel rim"
        painter.drawText(
            QRect(6, y, LABEL_W - 6, cell),
            Qt.AlignmentFlag.AlignVCenter,
            f"{state}\n{panel} panel\n{rim}",
        )
        x = LABEL_W
        for size in SHEET_SIZES:
            big = tray_pixmap(state, size, dark_panel=dark_rim).scaled(
                size * SCALE, size * SCALE, mode=Qt.TransformationMode.FastTransformation
            )
            painter.drawPixmap(QPoint(x, y + (cell - size * SCALE) // 2), big)
            x += size * SCALE + GAP
        # Real size too, as a panel shows it.
        for size in (22, 48, 64):
            painter.drawPixmap(QPoint(x, y), tray_pixmap(state, size, dark_panel=dark_rim))
            x += size + GAP // 2
        y += cell + GAP
    painter.end()
    return sheet


def test_picture_sheet(qtbot) -> None:
    label = QLabel()
    label.setPixmap(_sheet())
    label.resize(label.pixmap().size())
    qtbot.addWidget(label)
    path = save_shot(label, "tray_icons_sheet")
    assert not_blank(path)
