"""The tray icon, drawn at run time: a teal tile with an upright figure whose
back is a stack of vertebrae.

Three states that differ in shape, not only in colour, for colour-blind users:
- "normal": the plain mark;
- "due": a filled amber dot in the top-right corner (a break is waiting);
- "paused": a grey tile and a pause badge (two bars) in the bottom-right corner.

Each size is drawn on its own pixel grid (edges on whole pixels) instead of
scaling one drawing, so 16 and 22 px stay crisp. A rim around the tile, dark
for light panels and light for dark ones, keeps it visible on any panel.
Icons are cached: the app idles in the tray, and after the first draw an
icon change costs nothing but a lookup.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPixmap

NORMAL = "normal"
DUE = "due"
PAUSED = "paused"
TRAY_STATES = (NORMAL, DUE, PAUSED)
# 16/20/24/32: Windows at 100/125/150/200 %; 22/44: GNOME and KDE panels at 1x/2x;
# 48/64 for large panels and HiDPI trays.
ICON_SIZES = (16, 20, 22, 24, 32, 40, 44, 48, 64)


@dataclass(frozen=True)
class _Colours:
    tile: str
    figure: str


_TILE = {
    NORMAL: _Colours(tile="#13717b", figure="#ffffff"),
    DUE: _Colours(tile="#13717b", figure="#ffffff"),
    # Muted: grey, and the figure a touch dimmer, so "paused" reads as resting.
    PAUSED: _Colours(tile="#6e7b82", figure="#e4e9eb"),
}
_RIM_ON_LIGHT = "#0a3f45"
_RIM_ON_DARK = "#eef6f6"
_DUE_DOT = "#ffb000"
_PAUSE_BADGE = "#263238"
_PAUSE_BARS = "#ffffff"


def tray_icon(state: str, *, dark_panel: bool | None = None) -> QIcon:
    """The tray icon for ``state`` ("normal", "due" or "paused").

    ``dark_panel`` picks the rim; None follows the system colour scheme
    (panels are often dark even then, and the tile reads on both anyway).
    """
    if state not in TRAY_STATES:
        raise ValueError(f"unknown tray icon state: {state!r}")
    dark = _system_is_dark() if dark_panel is None else dark_panel
    return _cached_icon(state, dark)


def tray_pixmap(state: str, size: int, *, dark_panel: bool) -> QPixmap:
    """One size of the icon, drawn fresh (for tests and picture sheets)."""
    if state not in TRAY_STATES:
        raise ValueError(f"unknown tray icon state: {state!r}")
    return _draw(state, size, dark_panel)


@cache
def _cached_icon(state: str, dark: bool) -> QIcon:
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addPixmap(_draw(state, size, dark))
    return icon


def _system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark


# -- drawing ------------------------------------------------------------------------


def _draw(state: str, size: int, dark: bool) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    rim = QColor(_RIM_ON_DARK if dark else _RIM_ON_LIGHT)
    colours = _TILE[state]
    line = _rim_width(size)

    radius = size * 0.25
    painter.setBrush(rim)
    painter.drawRoundedRect(QRectF(0, 0, size, size), radius, radius)
    painter.setBrush(QColor(colours.tile))
    inner = QRectF(line, line, size - 2 * line, size - 2 * line)
    painter.drawRoundedRect(inner, radius - line, radius - line)

    _draw_figure(painter, size, line, QColor(colours.figure))
    if state == DUE:
        _draw_due_dot(painter, size, line, rim)
    elif state == PAUSED:
        _draw_pause_badge(painter, size, line, rim)
    painter.end()
    return pixmap


def _rim_width(size: int) -> int:
    # Whole pixels: a 1.5 px rim would blur into a grey halo.
    return 1 if size < 32 else 2 if size < 56 else 3


def _draw_figure(painter: QPainter, size: int, line: int, colour: QColor) -> None:
    """A head over a column of vertebrae that widen downwards, like a lower back."""
    painter.setBrush(colour)
    pad = max(1, round(size * 0.07))
    top, bottom = line + pad, size - line - pad
    head = max(3, round(size * 0.18))
    gap = max(1, size // 24)
    count = 3 if size < 40 else 4  # four would be thin lines below 40 px
    block_space = bottom - top - head - gap
    block = (block_space - (count - 1) * gap) // count
    # The rows left over go under the head, so the column still ends on ``bottom``.
    spare = block_space - (count - 1) * gap - count * block
    # Every shape shares one centre line, put where the head's edges land on
    # whole pixels (half a pixel left of the middle when the head is odd).
    centre = size / 2 if (size - head) % 2 == 0 else (size - 1) / 2
    parity = round(2 * centre) % 2
    head_rect = QRectF(centre - head / 2, top, head, head)
    if head >= 6:
        painter.drawEllipse(head_rect)
    else:  # a 3-5 px circle antialiases into a plus sign; a soft square reads as a dot
        painter.drawRoundedRect(head_rect, head * 0.25, head * 0.25)
    y = top + head + gap + spare
    narrow, wide = size * 0.28, size * 0.42
    for index in range(count):
        width = _nearest_with_parity(narrow + (wide - narrow) * index / (count - 1), parity)
        r = min(block, width) * 0.4
        painter.drawRoundedRect(QRectF(centre - width / 2, y, width, block), r, r)
        y += block + gap


def _nearest_with_parity(width: float, parity: int) -> int:
    # A width whose edges fall on whole pixels around the centre line.
    low = int(width)
    if low % 2 != parity:
        low -= 1
    return low + 2 if width - low > 1 else low


def _badge_rect(size: int, *, top: bool) -> QRectF:
    diameter = round(size * (0.42 if top else 0.56))
    y = 0 if top else size - diameter
    return QRectF(size - diameter, y, diameter, diameter)


def _draw_due_dot(painter: QPainter, size: int, line: int, rim: QColor) -> None:
    outer = _badge_rect(size, top=True)
    painter.setBrush(rim)  # the rim colour cuts the dot out of the tile
    painter.drawEllipse(outer)
    painter.setBrush(QColor(_DUE_DOT))
    painter.drawEllipse(outer.adjusted(line, line, -line, -line))


def _draw_pause_badge(painter: QPainter, size: int, line: int, rim: QColor) -> None:
    outer = _badge_rect(size, top=False)
    painter.setBrush(rim)
    painter.drawEllipse(outer)
    painter.setBrush(QColor(_PAUSE_BADGE))
    disc = outer.adjusted(line, line, -line, -line)
    painter.drawEllipse(disc)
    painter.setBrush(QColor(_PAUSE_BARS))
    bar_w = max(1, round(disc.width() * 0.17))
    bar_h = max(3, round(disc.height() * 0.5))
    spacing = bar_w  # the gap between the bars equals a bar
    left = round(disc.center().x() - bar_w - spacing / 2)
    top = round(disc.center().y() - bar_h / 2)
    for x in (left, left + bar_w + spacing):
        painter.drawRect(QRectF(x, top, bar_w, bar_h))
