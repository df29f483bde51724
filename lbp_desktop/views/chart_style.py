"""Colours of the Progress charts, for the screen (light or dark) and for print.

No pyqtgraph here: the page picks a style before any chart exists, and the
PDF report picks the print style without showing a window.

The series colours are Okabe-Ito (Okabe and Ito 2008), which stay apart for
the common colour-vision deficiencies; every series also differs by shape
(points, line, triangles up and down, bars), so nothing depends on colour
alone. Blue is too dark on a dark background, so dark mode takes sky blue.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

# Okabe-Ito.
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"

PAIN_COLOUR = {"light": BLUE, "dark": SKY_BLUE}


@dataclass(frozen=True)
class ChartStyle:
    scheme: str  # "light" or "dark"
    background: QColor
    text: QColor
    grid: QColor
    pain: QColor  # daily points and the 7-day line
    before: QColor  # pain before a session
    after: QColor  # pain after a session
    sessions: QColor  # adherence bars
    peg: QColor
    less_pain: QColor
    same_pain: QColor
    more_pain: QColor
    bar_alpha: int  # see-through bars behind the pain series; more opaque on dark

    @classmethod
    def for_scheme(cls, scheme: str, background: QColor, text: QColor) -> ChartStyle:
        dark = scheme == "dark"
        grid = QColor(text)
        grid.setAlpha(60)
        same = QColor("#9a9a9a" if dark else "#7a7a7a")
        return cls(
            scheme="dark" if dark else "light",
            background=QColor(background),
            text=QColor(text),
            grid=grid,
            pain=QColor(PAIN_COLOUR["dark" if dark else "light"]),
            before=QColor(VERMILLION),
            after=QColor(BLUISH_GREEN),
            sessions=QColor(ORANGE),
            peg=QColor(REDDISH_PURPLE),
            less_pain=QColor(BLUISH_GREEN),
            same_pain=same,
            more_pain=QColor(VERMILLION),
            bar_alpha=150 if dark else 110,
        )

    @classmethod
    def from_palette(cls, palette: QPalette) -> ChartStyle:
        """The app's current light or dark palette: charts sit on the Base colour."""
        dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        return cls.for_scheme(
            "dark" if dark else "light",
            palette.color(QPalette.ColorRole.Base),
            palette.color(QPalette.ColorRole.WindowText),
        )

    @classmethod
    def for_print(cls) -> ChartStyle:
        """White paper, black text: the PDF report whatever the screen theme."""
        return cls.for_scheme("light", QColor("#ffffff"), QColor("#000000"))
