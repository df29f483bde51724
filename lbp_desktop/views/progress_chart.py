"""The main Progress chart: pain against sessions on one date axis.

Importing this module imports pyqtgraph (and numpy): only the Progress page
does, the first time it draws, and the PDF report's renderer.

What is drawn (left axis, pain 0-10, with the anchors named):

- the day's pain (mean of its entries) as points, and the 7-day rolling mean
  as a line (both from ``DailyPain``, gaps where nothing was noted);
- pain before and after sessions as squares and diamonds.

On a right axis, in a second ViewBox that follows the same x range:

- sessions done per day as bars while the visible span is at most
  ``WEEKLY_ABOVE_DAYS`` days; beyond that (the 1-year and All ranges, or
  when the user zooms out past about four months) one bar per ISO week: the
  share of the weekly plan done, or sessions per week when no plan was set.
  A week still going on (or cut by the period's start) is drawn paler. In
  weekly mode the before/after points are hidden: a few hundred of them
  only hide the line.

Zoom: Ctrl+wheel, right-drag or the +/- keys; pan: drag or the keyboard
cursor. Both stay inside the period's days and zoom no closer than a week.
A plain wheel scrolls the page, so scrolling past the chart never zooms it
by accident. Hovering (or Left/Right with the chart focused) names the day
in words (``hover_changed``).
"""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
import numpy.typing as npt
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsSceneWheelEvent,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from lbp_desktop.domain.analytics import ProgressAnalytics
from lbp_desktop.views import progress_words as words
from lbp_desktop.views.chart_style import ChartStyle
from lbp_desktop.views.words import MONTH_NAMES, short_date

DAY_S = 86_400
EPOCH = date(1970, 1, 1)
# Past this many visible days the adherence bars show weeks, not days.
WEEKLY_ABOVE_DAYS = 120
MIN_VISIBLE_DAYS = 7
# Room either side of the first and last day so their points and bars show whole.
EDGE_DAYS = 0.7
# The adherence bars reach at most this share of the plot's height and are
# see-through (ChartStyle.bar_alpha), so they read as background to the pain
# points and line; a week not yet over is paler still.
BAR_HEIGHT_SHARE = 0.5
# Marker sizes follow the room a day has on screen, within these pixels.
DAY_POINT_PX = (3.0, 9.0)
SESSION_POINT_PX = (6.0, 11.0)
SESSION_SHIFT_DAYS = 0.22
# A diamond covers half the square of the same size: a little larger reads alike.
DIAMOND_SCALE = 1.3
# Room below 0 and above 10 for the end labels: pyqtgraph hides a tick label
# that would stick out past the end of its axis, even by a pixel.
PAIN_RANGE = (-0.6, 10.6)
LEFT_TICKS = [(0.0, "0 none"), (2.0, "2"), (4.0, "4"), (6.0, "6"), (8.0, "8"), (10.0, "10 worst")]

FloatArray = npt.NDArray[np.float64]


def day_to_x(day: date) -> float:
    # Midnight of the calendar day as if in UTC; the axis shows UTC too
    # (utcOffset=0), so a day is labelled as itself whatever the time zone or
    # DST, and its tick sits under its point and bar.
    return float((day - EPOCH).days * DAY_S)


def days_to_x(days: npt.NDArray[np.datetime64]) -> FloatArray:
    return days.astype("datetime64[D]").astype(np.int64).astype(np.float64) * DAY_S


def x_to_day(x: float) -> date:
    return EPOCH + timedelta(days=round(x / DAY_S))


def _day_ticks(first: date, last: date, step: int) -> list[float]:
    if step >= 7:
        # Weeks start on Mondays, as in the rest of the app.
        start = first + timedelta(days=-first.weekday() % 7)
        number = (start - EPOCH).days
        # Every other Monday stays the same Mondays while the view pans.
        if step == 14 and (number // 7) % 2:
            start += timedelta(days=7)
    else:
        number = (first - EPOCH).days
        start = first + timedelta(days=-number % step)
    values = []
    day = start
    while day <= last:
        values.append(day_to_x(day))
        day += timedelta(days=step)
    return values


def _month_ticks(first: date, last: date, step: int) -> list[float]:
    year, month = (first.year, first.month) if first.day == 1 else _next_month(first)
    values = []
    while date(year, month, 1) <= last:
        if (month - 1) % step == 0:
            values.append(day_to_x(date(year, month, 1)))
        year, month = _next_month(date(year, month, 1))
    return values


def _next_month(day: date) -> tuple[int, int]:
    return (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)


# Pixels a tick label needs: "26 Feb", "Sep" ("Jan 2026" on Januaries), "2026".
DAY_LABEL_PX = 56
MONTH_LABEL_PX = 48
YEAR_LABEL_PX = 48
MONTH_DAYS = 30.44


def top_level_widgets() -> set[QWidget]:
    return set(QApplication.topLevelWidgets())


def adopt_new_windows(owner: QWidget, before: set[QWidget]) -> None:
    """Make the windows pyqtgraph created since ``before`` children of ``owner``.

    pyqtgraph gives each plot and ViewBox a context menu and an options panel
    as windows of their own, owned only by Python objects. The garbage
    collector then deletes them whenever it runs, even while Qt walks its
    windows (a theme change restyles them all), which crashes. As children of
    the chart (menus disabled, never shown) they live and die with it.
    """
    for widget in top_level_widgets() - before:
        if widget is not owner and widget.parentWidget() is None:
            widget.setParent(owner, widget.windowFlags())


class DayAxisItem(pg.DateAxisItem):
    """Dates as people write them, whatever the locale: '3 Mar', 'Mar', 'Jan 2026', '2026'.

    The ticks are chosen here, in whole calendar units that each get their
    label: days (every 1, 2, 7 or 14; weeks on Mondays), months (every 1, 2,
    3 or 6) or years. pyqtgraph's own choice draws every month's tick and
    hides the labels that do not fit, and converts each tick between time
    zones (the axis shows UTC days; see ``day_to_x``), a few milliseconds of
    every repaint of ten years.
    """

    def __init__(self, orientation: str = "bottom") -> None:
        super().__init__(orientation=orientation, utcOffset=0)

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:
        if size <= 0 or maxVal <= minVal:
            return []
        first = EPOCH + timedelta(days=math.ceil(minVal / DAY_S))
        last = EPOCH + timedelta(days=math.floor(maxVal / DAY_S))
        px_per_day = size / ((maxVal - minVal) / DAY_S)
        for step in (1, 2, 7, 14):
            if px_per_day * step >= DAY_LABEL_PX:
                return [(step * DAY_S, _day_ticks(first, last, step))]
        for step in (1, 2, 3, 6):
            if px_per_day * MONTH_DAYS * step >= MONTH_LABEL_PX:
                return [(30 * step * DAY_S, _month_ticks(first, last, step))]
        for step in (1, 2, 5, 10, 20, 50):
            if px_per_day * 365.25 * step >= YEAR_LABEL_PX:
                break
        years = range(first.year + (first > date(first.year, 1, 1)), last.year + 1)
        return [(365 * step * DAY_S, [day_to_x(date(y, 1, 1)) for y in years if y % step == 0])]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        days = [x_to_day(v) for v in values]
        if spacing >= 360 * DAY_S:
            return [str(d.year) for d in days]
        if spacing >= 28 * DAY_S:
            # The year at each January, so a year of months still says which year.
            return [
                MONTH_NAMES[d.month - 1][:3] + (f" {d.year}" if d.month == 1 else "") for d in days
            ]
        return [short_date(d) for d in days]


class CtrlWheelViewBox(pg.ViewBox):
    """Zooms with Ctrl+wheel only: a plain wheel goes on to scroll the page."""

    def wheelEvent(self, ev: QGraphicsSceneWheelEvent, axis: int | None = None) -> None:
        if not ev.modifiers() & Qt.KeyboardModifier.ControlModifier:
            ev.ignore()
            return
        super().wheelEvent(ev, axis)


class _PlotView(pg.GraphicsLayoutWidget):
    """The graphics view, taking the keys that move the day cursor and zoom."""

    def __init__(self, chart: ProgressChart) -> None:
        super().__init__(chart)
        self._chart = chart
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def keyPressEvent(self, ev: QKeyEvent) -> None:
        if not self._chart.handle_key(ev.key()):
            super().keyPressEvent(ev)

    def focusInEvent(self, ev: QFocusEvent) -> None:
        super().focusInEvent(ev)
        self._chart.show_cursor()


class ProgressChart(QWidget):
    """Legend (words with coloured marks, wrapping) above the pyqtgraph plot."""

    hover_changed = Signal(str)  # the day under the pointer or the keyboard cursor, in words
    view_changed = Signal(bool)  # True: zoomed or panned away from the whole period

    def __init__(self, parent: QWidget | None = None, style: ChartStyle | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Chart of pain and sessions")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.legend_label = QLabel(self)
        self.legend_label.setWordWrap(True)
        self.legend_label.setTextFormat(Qt.TextFormat.RichText)
        self.legend_label.setAccessibleName("Legend of the chart")
        layout.addWidget(self.legend_label)

        before = top_level_widgets()
        self.view = _PlotView(self)
        self.view.setAccessibleName("Chart of pain and sessions")
        self.view.setMinimumHeight(240)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.view, 1)
        self.view.ci.setContentsMargins(4, 8, 4, 4)

        self.date_axis = DayAxisItem()
        self.plot = self.view.addPlot(
            row=0, col=0, viewBox=CtrlWheelViewBox(), axisItems={"bottom": self.date_axis}
        )
        plot = self.plot
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=True, y=False)
        plot.vb.setYRange(*PAIN_RANGE, padding=0)
        plot.vb.setLimits(yMin=PAIN_RANGE[0], yMax=PAIN_RANGE[1])
        plot.getAxis("left").setTicks([LEFT_TICKS])

        # Adherence: its own ViewBox behind the pain one, sharing the x range.
        self.adherence_view = pg.ViewBox(enableMenu=False)
        self.adherence_view.setMouseEnabled(x=False, y=False)
        plot.showAxis("right")
        plot.scene().addItem(self.adherence_view)
        plot.getAxis("right").linkToView(self.adherence_view)
        self.adherence_view.setXLink(plot)
        self.adherence_view.setZValue(plot.vb.zValue() - 1)
        plot.vb.sigResized.connect(self._sync_views)

        self.bars = pg.BarGraphItem(x=[], height=[], width=DAY_S * 0.6)
        self.pale_bars = pg.BarGraphItem(x=[], height=[], width=DAY_S * 6.2)
        self.adherence_view.addItem(self.bars)
        self.adherence_view.addItem(self.pale_bars)
        self.rolling_line = pg.PlotDataItem([], [], connect="finite")
        self.day_points = pg.ScatterPlotItem([], [], symbol="o")
        self.before_points = pg.ScatterPlotItem([], [], symbol="s")
        self.after_points = pg.ScatterPlotItem([], [], symbol="d")
        # Drawn in this order: the day's own points on top of the line.
        for item in (self.rolling_line, self.before_points, self.after_points, self.day_points):
            plot.addItem(item)
        self.cursor = pg.InfiniteLine(angle=90, movable=False)
        self.cursor.setVisible(False)
        plot.addItem(self.cursor, ignoreBounds=True)
        adopt_new_windows(self, before)

        self._analytics: ProgressAnalytics | None = None
        self._xs: FloatArray = np.zeros(0)
        self._full = (0.0, 1.0)
        self._weekly = False
        self._cursor_index: int | None = None
        self._zoomed = False
        self._right_label = words.SESSIONS_DAY
        self._marker_px: dict[str, float] | None = None
        self._session_points_drawn = False
        self._setting_range = False
        self._style = style or ChartStyle.from_palette(self.palette())
        plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        plot.vb.sigXRangeChanged.connect(self._on_x_range_changed)
        self.apply_style(self._style)

    # ----- data --------------------------------------------------------------------------------

    def set_analytics(self, analytics: ProgressAnalytics) -> None:
        self._analytics = analytics
        pain = analytics.pain
        xs = days_to_x(pain.days)
        self._xs = xs
        first = xs[0] if xs.size else day_to_x(analytics.start)
        last = xs[-1] if xs.size else day_to_x(analytics.end)
        low, high = first - EDGE_DAYS * DAY_S, last + EDGE_DAYS * DAY_S
        self._full = (low, high)
        self._weekly = bool(self._span_days(low, high) > WEEKLY_ABOVE_DAYS)
        self._cursor_index = None
        self.cursor.setVisible(False)
        # Sizes before data: each setSize on a scatter rebuilds all its points.
        self._marker_px = self._marker_sizes(low, high)
        has = np.isfinite(pain.mean)
        self.day_points.setData(x=xs[has], y=pain.mean[has], size=self._marker_px["day"])
        rolling = pain.rolling7
        if np.isfinite(rolling).any():
            self.rolling_line.setData(xs, rolling, connect="finite")
        else:
            self.rolling_line.setData([], [])
        self._session_points_drawn = False
        for item in (self.before_points, self.after_points):
            item.setData(x=[], y=[])

        vb = self.plot.vb
        self._setting_range = True
        try:
            vb.setLimits(
                xMin=low,
                xMax=high,
                minXRange=min(MIN_VISIBLE_DAYS * DAY_S, high - low),
                maxXRange=high - low,
            )
            vb.setXRange(low, high, padding=0)
        finally:
            self._setting_range = False
        self._draw_adherence()
        self._set_zoomed(False)
        self.view.setAccessibleDescription(words.chart_description(analytics))
        last_day = min(len(xs) - 1, (analytics.today - analytics.start).days)
        if last_day >= 0:
            self.hover_changed.emit(words.hover_words(analytics, last_day, weekly=self._weekly))

    def _fill_session_points(self) -> None:
        """Before/after points, drawn once days are shown: in weekly mode they
        are hidden, and thousands of hidden points would still cost time."""
        analytics = self._analytics
        if analytics is None or self._weekly or self._session_points_drawn:
            return
        pain = analytics.pain
        size = self._marker_px["session"] if self._marker_px else SESSION_POINT_PX[1]
        # Before a little left of the day and after a little right: the day's
        # order in time, and neither hides the day's own point.
        for item, values, shift in (
            (self.before_points, pain.pre_session, -SESSION_SHIFT_DAYS),
            (self.after_points, pain.post_session, SESSION_SHIFT_DAYS),
        ):
            keep = np.isfinite(values)
            item.setData(
                x=self._xs[keep] + shift * DAY_S,
                y=values[keep],
                size=size * (DIAMOND_SCALE if item is self.after_points else 1.0),
            )
        self._session_points_drawn = True

    @property
    def analytics(self) -> ProgressAnalytics | None:
        return self._analytics

    @property
    def weekly(self) -> bool:
        """True when the adherence bars show weeks (the visible span passes about 4 months)."""
        return self._weekly

    @staticmethod
    def _span_days(low: float, high: float) -> float:
        return float((high - low) / DAY_S - 2 * EDGE_DAYS + 1)

    def visible_range(self) -> tuple[float, float]:
        low, high = self.plot.vb.viewRange()[0]
        return float(low), float(high)

    def full_range(self) -> tuple[float, float]:
        return self._full

    def _draw_adherence(self) -> None:
        analytics = self._analytics
        if analytics is None:
            return
        style = self._style
        adherence = analytics.adherence
        if not self._weekly:
            sessions = adherence.sessions
            done = sessions > 0
            fill = QColor(style.sessions)
            fill.setAlpha(style.bar_alpha)
            # No outline: outlined thin bars side by side read as stripes.
            self.bars.setOpts(
                x=self._xs[done],
                height=sessions[done].astype(np.float64),
                width=DAY_S * 0.6,
                pen=pg.mkPen(None),
                brush=pg.mkBrush(fill),
            )
            self.pale_bars.setOpts(x=[], height=[])
            top = max(3, int(sessions.max()) if sessions.size else 0)
            step = 1 if top <= 6 else 2
            ticks = [(float(v), str(v)) for v in range(0, top + 1, step)]
            self._set_right_axis(words.SESSIONS_DAY, ticks, float(top))
        else:
            weeks = adherence.weeks
            by_plan = weeks.percent is not None
            if weeks.percent is not None:
                heights = weeks.percent
            else:
                heights = weeks.sessions.astype(np.float64)
            keep = np.isfinite(heights)
            centres = days_to_x(weeks.week_starts) + 3 * DAY_S
            # Two bar items of one colour each, without outlines: pyqtgraph fills
            # those in one call, where a colour per bar paints them one by one.
            for item, rows, alpha in (
                (self.bars, keep & weeks.complete, style.bar_alpha),
                (self.pale_bars, keep & ~weeks.complete, style.bar_alpha // 3),
            ):
                fill = QColor(style.sessions)
                fill.setAlpha(alpha)
                item.setOpts(
                    x=centres[rows],
                    height=heights[rows],
                    width=DAY_S * 6.2,
                    pen=pg.mkPen(None),
                    brush=pg.mkBrush(fill),
                )
            highest = float(heights[keep].max()) if keep.any() else 0.0
            if by_plan:
                top = max(100, int(np.ceil(highest / 50.0)) * 50)
                ticks = [(float(v), f"{v}%") for v in range(0, top + 1, 50 if top <= 200 else 100)]
                self._set_right_axis(words.PLAN_WEEK, ticks, float(top))
            else:
                top = max(7, int(np.ceil(highest)))
                step = 1 if top <= 8 else (2 if top <= 16 else 5)
                ticks = [(float(v), str(v)) for v in range(0, top + 1, step)]
                self._set_right_axis(words.SESSIONS_WEEK, ticks, float(top))
        self._fill_session_points()
        self.before_points.setVisible(not self._weekly)
        self.after_points.setVisible(not self._weekly)
        self._size_markers()
        self._update_legend()

    def _marker_sizes(self, low: float, high: float) -> dict[str, float]:
        """Smaller points when many days share the width, so they do not merge."""
        days = max(self._span_days(low, high), 1.0)
        width = self.plot.vb.width()
        per_day = width / days if width > 0 else DAY_POINT_PX[1]
        return {
            name: float(min(max(per_day, smallest), largest))
            for name, (smallest, largest) in (("day", DAY_POINT_PX), ("session", SESSION_POINT_PX))
        }

    def _size_markers(self) -> None:
        sizes = self._marker_sizes(*self.visible_range())
        if sizes == self._marker_px:
            return
        self._marker_px = sizes
        self.day_points.setSize(sizes["day"])
        if self._session_points_drawn:
            self.before_points.setSize(sizes["session"])
            self.after_points.setSize(sizes["session"] * DIAMOND_SCALE)

    def _set_right_axis(self, label: str, ticks: list[tuple[float, str]], top: float) -> None:
        right = self.plot.getAxis("right")
        right.setTicks([ticks])
        right.setLabel(label, color=self._style.text.name(), **{"font-size": "11pt"})
        self.adherence_view.setYRange(0, top / BAR_HEIGHT_SHARE, padding=0)
        self._right_label = label

    # ----- style -------------------------------------------------------------------------------

    def apply_style(self, style: ChartStyle) -> None:
        """Colours for light, dark or print; called again when the app's theme changes."""
        self._style = style
        self.view.setBackground(style.background)
        text = style.text
        font = self.font()
        font.setPointSize(10)
        metrics = QFontMetrics(font)
        # Room for the widest tick text from the start: pyqtgraph would widen
        # the axis only after a first draw, hiding "10 worst" until then.
        widths = {"left": "10 worst", "right": "200%", "bottom": ""}
        for name in ("left", "bottom", "right"):
            axis = self.plot.getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))
            axis.setTickFont(font)
            if widths[name]:
                width = metrics.horizontalAdvance(widths[name]) + 6
                axis.setStyle(tickTextWidth=width, autoExpandTextSpace=False)
        label_style = {"color": text.name(), "font-size": "11pt"}
        self.plot.setLabel("left", "Pain (0 to 10)", **label_style)
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        self.rolling_line.setPen(pg.mkPen(style.pain, width=3))
        faint = QColor(style.pain)
        faint.setAlpha(150)
        self.day_points.setPen(pg.mkPen(None))
        self.day_points.setBrush(pg.mkBrush(faint))
        self.before_points.setPen(pg.mkPen(style.background, width=1))
        self.before_points.setBrush(pg.mkBrush(style.before))
        self.after_points.setPen(pg.mkPen(style.background, width=1))
        self.after_points.setBrush(pg.mkBrush(style.after))
        cursor = QColor(text)
        cursor.setAlpha(150)
        self.cursor.setPen(pg.mkPen(cursor, width=1, style=Qt.PenStyle.DashLine))
        self.legend_label.setStyleSheet(f"color: {text.name()}; background: transparent;")
        self._draw_adherence()
        self._update_legend()

    @property
    def style_used(self) -> ChartStyle:
        return self._style

    @property
    def scheme(self) -> str:
        return self._style.scheme

    def legend_entries(self) -> list[str]:
        entries = [words.PAIN_DAY, words.PAIN_WEEK]
        if not self._weekly:
            entries += [words.BEFORE, words.AFTER]
        entries.append(self._right_label)
        return entries

    def _update_legend(self) -> None:
        style = self._style
        marks = {
            words.PAIN_DAY: ("\u25cf", style.pain),
            words.PAIN_WEEK: ("\u2501\u2501", style.pain),
            words.BEFORE: ("\u25a0", style.before),
            words.AFTER: ("\u25c6", style.after),
        }
        parts = []
        for entry in self.legend_entries():
            mark, colour = marks.get(entry, ("\u2588", style.sessions))
            name = entry.replace(" ", "&nbsp;")
            parts.append(
                f'<span style="color:{colour.name()}; font-size:13pt">{mark}</span>&nbsp;{name}'
            )
        self.legend_label.setText("&nbsp;&nbsp;&nbsp; ".join(parts))

    # ----- view, hover and keys ----------------------------------------------------------------

    def _sync_views(self) -> None:
        self.adherence_view.setGeometry(self.plot.vb.sceneBoundingRect())
        self.adherence_view.linkedViewChanged(self.plot.vb, self.adherence_view.XAxis)
        self._size_markers()

    def reset_view(self) -> None:
        low, high = self._full
        self.plot.vb.setXRange(low, high, padding=0)

    def zoom(self, factor: float) -> None:
        """factor < 1 zooms in, around the keyboard cursor or the middle."""
        low, high = self.visible_range()
        if self._cursor_index is not None and self._xs.size:
            centre = float(self._xs[self._cursor_index])
        else:
            centre = (low + high) / 2
        self.plot.vb.scaleBy(x=factor, center=QPointF(centre, 5.0))

    def _on_x_range_changed(self, _vb: object, x_range: tuple[float, float]) -> None:
        if self._setting_range:
            return  # set_analytics draws once when it is done
        low, high = x_range
        weekly = bool(self._span_days(low, high) > WEEKLY_ABOVE_DAYS)
        if weekly != self._weekly:
            self._weekly = weekly
            self._draw_adherence()
        else:
            self._size_markers()
        full_low, full_high = self._full
        tolerance = 0.25 * DAY_S
        zoomed = bool(abs(low - full_low) > tolerance or abs(high - full_high) > tolerance)
        self._set_zoomed(zoomed)

    def _set_zoomed(self, zoomed: bool) -> None:
        if zoomed != self._zoomed:
            self._zoomed = zoomed
            self.view_changed.emit(zoomed)

    @property
    def zoomed(self) -> bool:
        return self._zoomed

    def index_at(self, x: float) -> int | None:
        if not self._xs.size:
            return None
        index = round(float(x - self._xs[0]) / DAY_S)
        return min(max(index, 0), self._xs.size - 1)

    def _on_mouse_moved(self, pos: QPointF) -> None:
        vb = self.plot.vb
        if not vb.sceneBoundingRect().contains(pos):
            return
        index = self.index_at(vb.mapSceneToView(pos).x())
        if index is not None:
            self.point_at(index)

    def point_at(self, index: int) -> str:
        """Put the day cursor on day ``index`` of the period and say its values."""
        analytics = self._analytics
        if analytics is None or not self._xs.size:
            return ""
        index = min(max(index, 0), self._xs.size - 1)
        self._cursor_index = index
        self.cursor.setPos(self._xs[index])
        self.cursor.setVisible(True)
        text = words.hover_words(analytics, index, weekly=self._weekly)
        self.hover_changed.emit(text)
        return text

    def show_cursor(self) -> None:
        if self._cursor_index is None and self._analytics is not None and self._xs.size:
            today = (self._analytics.today - self._analytics.start).days
            self.point_at(min(today, self._xs.size - 1))
        elif self._cursor_index is not None:
            self.point_at(self._cursor_index)

    def handle_key(self, key: int) -> bool:
        """Left/Right a day, Page Up/Down a week, Home/End, +/- zoom. True when used."""
        steps = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_PageUp: -7,
            Qt.Key.Key_PageDown: 7,
        }
        if key in steps:
            current = self._cursor_index if self._cursor_index is not None else self._xs.size - 1
            self.point_at(current + steps[Qt.Key(key)])
            self._keep_cursor_in_view()
            return True
        if key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self.point_at(0 if key == Qt.Key.Key_Home else self._xs.size - 1)
            self._keep_cursor_in_view()
            return True
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(0.7)
            return True
        if key == Qt.Key.Key_Minus:
            self.zoom(1 / 0.7)
            return True
        return False

    def _keep_cursor_in_view(self) -> None:
        if self._cursor_index is None:
            return
        x = float(self._xs[self._cursor_index])
        low, high = self.visible_range()
        if low <= x <= high:
            return
        width = high - low
        start = x - width / 2
        self.plot.vb.setXRange(start, start + width, padding=0)
