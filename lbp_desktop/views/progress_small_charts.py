"""The three small Progress charts: PEG over time, pain change with sessions,
sessions by weekday.

Importing this module imports pyqtgraph. The charts do not zoom or pan (a
plain wheel scrolls the page past them); their captions in words come from
``progress_words`` and sit under them on the page.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

from lbp_desktop.domain.analytics import CHANGE_VALUES, ProgressAnalytics
from lbp_desktop.views import progress_words as words
from lbp_desktop.views.chart_style import ChartStyle
from lbp_desktop.views.progress_chart import (
    DAY_S,
    EDGE_DAYS,
    DayAxisItem,
    adopt_new_windows,
    day_to_x,
    days_to_x,
    top_level_widgets,
)

MINUS = "\u2212"
WEEKDAY_SHORT = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
# Room above 10 and below 0 for the end tick labels, which pyqtgraph hides
# when they would stick out of a short axis.
SCORE_RANGE = (-0.8, 10.8)


def count_ticks(top: int) -> tuple[int, list[tuple[float, str]]]:
    """Whole-number ticks from 0 for a count axis, about five of them; and the axis top."""
    top = max(top, 1)
    step = 1
    for candidate in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        step = candidate
        if top / candidate <= 5:
            break
    else:
        step = int(10 ** np.ceil(np.log10(top / 5)))
    highest = int(np.ceil(top / step) * step)
    return highest, [(float(v), str(v)) for v in range(0, highest + 1, step)]


def signed_whole(value: int) -> str:
    if value > 0:
        return f"+{value}"
    if value < 0:
        return f"{MINUS}{-value}"
    return "0"


class SmallChart(pg.PlotWidget):
    """A fixed chart (no zoom, no menu) that takes its colours from a ChartStyle."""

    def __init__(self, name: str, style: ChartStyle | None = None, **kwargs: object) -> None:
        before = top_level_widgets()
        super().__init__(**kwargs)
        adopt_new_windows(self, before)
        self.setAccessibleName(name)
        self.setMinimumHeight(180)
        item = self.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.getViewBox().setDefaultPadding(0.0)
        item.setContentsMargins(2, 6, 6, 2)
        self._style = style or ChartStyle.from_palette(self.palette())
        self._analytics: ProgressAnalytics | None = None

    @property
    def analytics(self) -> ProgressAnalytics | None:
        return self._analytics

    @property
    def scheme(self) -> str:
        return self._style.scheme

    @property
    def plot_item(self) -> pg.PlotItem:
        return self.getPlotItem()

    def _style_axes(self, style: ChartStyle) -> None:
        self._style = style
        self.setBackground(style.background)
        font = self.font()
        font.setPointSize(10)
        for name in ("left", "bottom"):
            axis = self.plot_item.getAxis(name)
            axis.setPen(pg.mkPen(style.text))
            axis.setTextPen(pg.mkPen(style.text))
            axis.setTickFont(font)
        self.plot_item.showGrid(x=False, y=True, alpha=0.25)

    def _label(self, side: str, text: str) -> None:
        self.plot_item.setLabel(side, text, color=self._style.text.name(), **{"font-size": "10pt"})


class PegChart(SmallChart):
    """PEG score (mean of the three items, 0-10) over the period's dates."""

    def __init__(self, style: ChartStyle | None = None, **kwargs: object) -> None:
        super().__init__(
            "Chart of weekly PEG scores", style, axisItems={"bottom": DayAxisItem()}, **kwargs
        )
        self.line = pg.PlotDataItem([], [])
        self.plot_item.addItem(self.line)
        self.plot_item.getAxis("left").setTicks([[(0, "0"), (5, "5"), (10, "10")]])
        self.plot_item.setYRange(*SCORE_RANGE, padding=0)
        self.apply_style(self._style)

    def apply_style(self, style: ChartStyle) -> None:
        self._style_axes(style)
        if self._analytics is not None:
            self.set_analytics(self._analytics)

    def set_analytics(self, analytics: ProgressAnalytics) -> None:
        self._analytics = analytics
        style = self._style
        peg = analytics.peg
        xs = days_to_x(peg.days)
        many = peg.count > 60
        self.line.setData(
            xs,
            np.asarray(peg.score, dtype=np.float64),
            pen=pg.mkPen(style.peg, width=2),
            symbol="o",
            symbolSize=4 if many else 7,
            symbolBrush=pg.mkBrush(style.peg),
            symbolPen=pg.mkPen(None),
        )
        low = day_to_x(analytics.start) - EDGE_DAYS * DAY_S
        high = day_to_x(analytics.end) + EDGE_DAYS * DAY_S
        self.plot_item.setXRange(low, high, padding=0)
        self._label("left", "PEG (0 to 10)")
        self.setAccessibleDescription(words.peg_caption(peg))


class PainChangeChart(SmallChart):
    """How many sessions changed pain by each whole number of points (post - pre)."""

    def __init__(self, style: ChartStyle | None = None, **kwargs: object) -> None:
        super().__init__("Chart of pain change from before to after sessions", style, **kwargs)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.8)
        self.plot_item.addItem(self.bars)
        self.apply_style(self._style)

    def apply_style(self, style: ChartStyle) -> None:
        self._style_axes(style)
        if self._analytics is not None:
            self.set_analytics(self._analytics)

    def set_analytics(self, analytics: ProgressAnalytics) -> None:
        self._analytics = analytics
        style = self._style
        change = analytics.session_change
        counts = change.histogram
        used = CHANGE_VALUES[counts > 0]
        lowest = min(-3, int(used.min())) if used.size else -3
        highest = max(3, int(used.max())) if used.size else 3
        # CHANGE_VALUES runs in steps of one from its first value.
        shown = slice(lowest - int(CHANGE_VALUES[0]), highest - int(CHANGE_VALUES[0]) + 1)
        values = CHANGE_VALUES[shown]
        heights = counts[shown].astype(np.float64)
        brushes, pens = [], []
        for value in values:
            colour = (
                style.less_pain if value < 0 else style.more_pain if value > 0 else style.same_pain
            )
            fill = QColor(colour)
            fill.setAlpha(200)
            brushes.append(pg.mkBrush(fill))
            pens.append(pg.mkPen(colour, width=1))
        self.bars.setOpts(
            x=values.astype(np.float64), height=heights, width=0.8, brushes=brushes, pens=pens
        )
        # Every second point (a narrow chart has no room for "+1 +2 +3" side by side).
        step = 2 if highest - lowest <= 12 else 4
        ticks = [(float(v), signed_whole(int(v))) for v in values if v % step == 0]
        self.plot_item.getAxis("bottom").setTicks([ticks])
        self.plot_item.setXRange(lowest - 0.6, highest + 0.6, padding=0)
        top, left_ticks = count_ticks(int(heights.max()) if heights.size else 0)
        self.plot_item.getAxis("left").setTicks([left_ticks])
        self.plot_item.setYRange(0, top * 1.05, padding=0)
        self._label("left", "Sessions")
        self._label("bottom", "\u2190 less pain \u00b7 more pain \u2192")
        self.setAccessibleDescription(words.change_caption(change))


class WeekdayChart(SmallChart):
    """Sessions done on each weekday as horizontal bars, Monday at the top
    (day names read across, however narrow the chart)."""

    def __init__(self, style: ChartStyle | None = None, **kwargs: object) -> None:
        super().__init__("Chart of sessions by weekday", style, **kwargs)
        self.bars = pg.BarGraphItem(x0=[], y=[], height=0.7, width=[])
        self.plot_item.addItem(self.bars)
        self.plot_item.getViewBox().invertY(True)
        self.plot_item.getAxis("left").setTicks(
            [[(float(i), name) for i, name in enumerate(WEEKDAY_SHORT)]]
        )
        self.plot_item.setYRange(-0.6, 6.6, padding=0)
        self.apply_style(self._style)

    def apply_style(self, style: ChartStyle) -> None:
        self._style_axes(style)
        self.plot_item.showGrid(x=True, y=False, alpha=0.25)
        if self._analytics is not None:
            self.set_analytics(self._analytics)

    def set_analytics(self, analytics: ProgressAnalytics) -> None:
        self._analytics = analytics
        style = self._style
        sessions = analytics.adherence.weekdays.sessions.astype(np.float64)
        fill = QColor(style.sessions)
        fill.setAlpha(200)
        self.bars.setOpts(
            x0=np.zeros(7),
            y=np.arange(7, dtype=np.float64),
            width=sessions,
            height=0.7,
            pen=pg.mkPen(style.sessions, width=1),
            brush=pg.mkBrush(fill),
        )
        top, ticks = count_ticks(int(sessions.max()) if sessions.size else 0)
        self.plot_item.getAxis("bottom").setTicks([ticks])
        self.plot_item.setXRange(0, top * 1.05, padding=0)
        self._label("bottom", "Sessions")
        self.setAccessibleDescription(words.weekday_caption(analytics.adherence.weekdays))
