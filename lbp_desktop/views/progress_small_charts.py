"""The small Progress charts: PEG over time, pain change with sessions,
sessions by weekday, and posture breaks over time.

Importing this module imports pyqtgraph. The charts do not zoom or pan (a
plain wheel scrolls the page past them); their captions in words come from
``progress_words`` and sit under them on the page.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from lbp_desktop.domain.analytics import CHANGE_VALUES, BreakTable, ProgressAnalytics
from lbp_desktop.views import progress_words as words
from lbp_desktop.views.chart_style import BLUISH_GREEN, ORANGE, ChartStyle
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

    def apply_style(self, style: ChartStyle) -> None:
        """New colours (a theme change): restyle, and redraw what is shown
        (each chart's own ``set_analytics``)."""
        self._style_axes(style)
        if self._analytics is not None:
            self.set_analytics(self._analytics)  # type: ignore[attr-defined]

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

    def _style_axes(self, style: ChartStyle) -> None:
        super()._style_axes(style)
        self.plot_item.showGrid(x=True, y=False, alpha=0.25)  # bars run across

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


# The posture-break chart: per day or per week, the breaks in one bar and,
# beside it, the reminders not taken up. Each bar is one Okabe-Ito hue in a
# full and a pale shade (bottom: when reminded / skipped; top: on your own /
# put off), so its parts differ by place and lightness, not by colour alone.
# Green for breaks; orange, not red, for the rest: a skipped reminder is a
# choice, not a warning.
BREAKS_HUE = BLUISH_GREEN
DECLINED_HUE = ORANGE
FULL_SHADE = 0.9  # of the hue over the background
# Of the hue over white: pale on a light background, and on a dark one
# lighter than the full shade rather than a muddier one.
PALE_SHADE = {"light": 0.35, "dark": 0.55}
BAR_SHARE = 0.4  # of a day's or a week's width, for each of the two bars
BAR_SHIFT = 0.21  # each bar's centre from the period's centre, in periods
# Days up to this many get a pair of bars each; longer periods get weeks (a
# few breaks a day read as a barcode over three months).
DAILY_UP_TO_DAYS = 31


def blend(colour: QColor, background: QColor, share: float) -> QColor:
    """``colour`` at ``share`` over ``background``, as one opaque colour (the
    legend's text marks cannot be see-through)."""
    mix = [
        round(share * a + (1 - share) * b)
        for a, b in zip(colour.getRgb()[:3], background.getRgb()[:3], strict=True)
    ]
    return QColor(*mix)


class BreaksChart(QWidget):
    """Posture breaks taken and reminders skipped or put off, per day for a
    period of up to DAILY_UP_TO_DAYS days, else per week.

    A legend in words sits above the plot. The counts come from
    ``analytics.breaks`` as they are (``break_summary`` says how a reminder
    put off and then taken is counted).
    """

    # Legend order: the bars' parts, left bar first, bottom part first.
    PARTS = (
        words.BREAK_REMINDED,
        words.BREAK_OWN,
        words.REMINDER_SKIPPED,
        words.REMINDER_PUT_OFF,
    )

    def __init__(self, style: ChartStyle | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Chart of posture breaks")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.legend_label = QLabel(self)
        self.legend_label.setWordWrap(True)
        self.legend_label.setTextFormat(Qt.TextFormat.RichText)
        self.legend_label.setAccessibleName("Legend of the posture-break chart")
        layout.addWidget(self.legend_label)
        self.plot_widget = SmallChart(
            "Chart of posture breaks", style, axisItems={"bottom": DayAxisItem()}, parent=self
        )
        layout.addWidget(self.plot_widget, 1)
        self.bars = {part: pg.BarGraphItem(x=[], height=[], width=1.0) for part in self.PARTS}
        for item in self.bars.values():
            self.plot_widget.plot_item.addItem(item)
        self._style = self.plot_widget._style
        self._analytics: ProgressAnalytics | None = None
        self._weekly = False
        self.apply_style(self._style)

    @property
    def analytics(self) -> ProgressAnalytics | None:
        return self._analytics

    @property
    def scheme(self) -> str:
        return self._style.scheme

    @property
    def plot_item(self) -> pg.PlotItem:
        return self.plot_widget.plot_item

    @property
    def weekly(self) -> bool:
        """True when each pair of bars is a week (the period passes DAILY_UP_TO_DAYS)."""
        return self._weekly

    def colours(self) -> dict[str, QColor]:
        """The fill of each part of the bars, as drawn on this style's background."""
        pale = PALE_SHADE[self._style.scheme]
        background, white = self._style.background, QColor("#ffffff")
        breaks, declined = QColor(BREAKS_HUE), QColor(DECLINED_HUE)
        return {
            words.BREAK_REMINDED: blend(breaks, background, FULL_SHADE),
            words.BREAK_OWN: blend(breaks, white, pale),
            words.REMINDER_SKIPPED: blend(declined, background, FULL_SHADE),
            words.REMINDER_PUT_OFF: blend(declined, white, pale),
        }

    def apply_style(self, style: ChartStyle) -> None:
        self._style = style
        self.plot_widget._style_axes(style)
        self.legend_label.setStyleSheet(f"color: {style.text.name()}; background: transparent;")
        parts = []
        for name, colour in self.colours().items():
            parts.append(
                f'<span style="color:{colour.name()}; font-size:13pt">\u2588</span>'
                f"&nbsp;{name.replace(' ', '&nbsp;')}"
            )
        self.legend_label.setText("&nbsp;&nbsp;&nbsp; ".join(parts))
        if self._analytics is not None:
            self.set_analytics(self._analytics)

    def set_analytics(self, analytics: ProgressAnalytics) -> None:
        self._analytics = analytics
        breaks = analytics.breaks
        days = (analytics.end - analytics.start).days + 1
        self._weekly = days > DAILY_UP_TO_DAYS
        table: BreakTable
        if self._weekly:
            table, period = breaks.weekly, 7 * DAY_S
            centres = days_to_x(breaks.week_starts) + 3 * DAY_S  # Thursday: mid-week
            low, high = centres[0] - 3.6 * DAY_S, centres[-1] + 3.6 * DAY_S
        else:
            table, period = breaks.daily, DAY_S
            centres = days_to_x(breaks.days)
            low = day_to_x(analytics.start) - EDGE_DAYS * DAY_S
            high = day_to_x(analytics.end) + EDGE_DAYS * DAY_S
        colours = self.colours()
        reminded, own, skipped, put_off = self.PARTS
        stacks = (
            (-BAR_SHIFT, (reminded, table.taken), (own, table.natural)),
            (BAR_SHIFT, (skipped, table.skipped), (put_off, table.snoozed)),
        )
        top = 0
        for shift, (bottom_part, bottom), (upper_part, upper) in stacks:
            xs = centres + shift * period
            heights = bottom.astype(np.float64)
            self._draw(bottom_part, xs, heights, 0.0, period, colours)
            self._draw(upper_part, xs, upper.astype(np.float64), heights, period, colours)
            top = max(top, int((bottom + upper).max()) if bottom.size else 0)
        highest, ticks = count_ticks(top)
        self.plot_item.getAxis("left").setTicks([ticks])
        self.plot_item.setYRange(0, highest * 1.05, padding=0)
        self.plot_item.setXRange(low, high, padding=0)
        self.plot_widget._label("left", "Per week" if self._weekly else "Per day")
        caption = words.breaks_caption(breaks)
        self.setAccessibleDescription(caption)
        self.plot_widget.setAccessibleDescription(caption)

    def _draw(
        self,
        part: str,
        xs: np.ndarray,
        heights: np.ndarray,
        base: np.ndarray | float,
        period: float,
        colours: dict[str, QColor],
    ) -> None:
        # Only the bars that have a height, one colour per item and no
        # outline: pyqtgraph then fills them all in one call.
        shown = heights > 0
        y0 = base[shown] if isinstance(base, np.ndarray) else base
        self.bars[part].setOpts(
            x=xs[shown],
            height=heights[shown],
            y0=y0,
            width=BAR_SHARE * period,
            pen=pg.mkPen(None),
            brush=pg.mkBrush(colours[part]),
        )

    def legend_entries(self) -> list[str]:
        return list(self.PARTS)
