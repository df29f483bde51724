"""The pain-and-sessions chart. Importing this module imports pyqtgraph (and
numpy): only ProgressPage does, the first time it needs a chart."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QWidget

from lbp_desktop.domain.overview import DailySeries
from lbp_desktop.views.words import long_date, short_date

_DAY_S = 86_400
_EPOCH = date(1970, 1, 1)

# Okabe-Ito colours stay apart for the common colour-vision deficiencies.
# Blue is too dark on a dark background, so dark mode takes the sky blue.
PAIN_COLOUR = {"light": "#0072B2", "dark": "#56B4E9"}
SESSIONS_COLOUR = "#E69F00"
PAIN_LABEL = "Average pain that day (0-10)"
SESSIONS_LABEL = "Sessions done"


def day_to_x(day: date) -> float:
    # Midnight of the calendar day, as if in UTC; the axis shows UTC too
    # (utcOffset=0), so a day is labelled as itself whatever the timezone or
    # DST, and its tick sits under its bar and point.
    return float((day - _EPOCH).days * _DAY_S)


class DayAxisItem(pg.DateAxisItem):
    """Dates as people write them: '16 Feb', '1 Mar' (years stay '2026')."""

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:
        levels = super().tickValues(minVal, maxVal, size)
        # With day ticks showing, the extra month tick ("1 Mar" beside "3 Mar") only crowds.
        if any(_DAY_S <= spacing < 28 * _DAY_S for spacing, _ in levels):
            levels = [(sp, vals) for sp, vals in levels if sp < 28 * _DAY_S]
        return levels

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if not _DAY_S <= spacing < 365 * _DAY_S:
            return super().tickStrings(values, scale, spacing)
        days = [_EPOCH + timedelta(days=round(v / _DAY_S)) for v in values]
        return [short_date(d) for d in days]


class PainSessionsChart(pg.GraphicsLayoutWidget):
    """Daily mean pain (line and points, left axis 0-10) over sessions per day
    (bars, right axis), sharing one date axis, with the legend above the plot
    so it never hides a point."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Chart of average pain and sessions per day")
        self.setMinimumHeight(260)
        self.legend = pg.LegendItem(offset=None, colCount=2, labelTextSize="12pt")
        self.addItem(self.legend, row=0, col=0)
        self.date_axis = DayAxisItem(orientation="bottom", utcOffset=0)
        self.plot = self.addPlot(row=1, col=0, axisItems={"bottom": self.date_axis})
        plot = self.plot
        # Patients should not drag the chart away by accident.
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.showGrid(x=False, y=True, alpha=0.2)
        plot.setYRange(0, 10, padding=0.03)
        plot.getAxis("left").setTickSpacing(2, 1)

        self.sessions_view = pg.ViewBox(enableMenu=False)
        self.sessions_view.setMouseEnabled(x=False, y=False)
        plot.showAxis("right")
        plot.scene().addItem(self.sessions_view)
        plot.getAxis("right").linkToView(self.sessions_view)
        self.sessions_view.setXLink(plot)
        # Bars behind the pain line.
        self.sessions_view.setZValue(plot.vb.zValue() - 1)
        plot.vb.sigResized.connect(self._sync_views)

        self.bars = pg.BarGraphItem(x=[0.0], height=[0.0], width=_DAY_S * 0.6)
        self.sessions_view.addItem(self.bars)
        self.pain_curve = plot.plot([], [], connect="finite", symbol="o", symbolSize=10)
        self.legend.addItem(self.pain_curve, PAIN_LABEL)
        self.legend.addItem(self.bars, SESSIONS_LABEL)
        self._scheme = "light"
        self.apply_palette(self.palette())

    def _sync_views(self) -> None:
        self.sessions_view.setGeometry(self.plot.vb.sceneBoundingRect())
        self.sessions_view.linkedViewChanged(self.plot.vb, self.sessions_view.XAxis)

    def set_series(self, series: DailySeries) -> None:
        xs = np.array([day_to_x(d) for d in series.days], dtype=float)
        pain = np.array([np.nan if p is None else p for p in series.pain_mean], dtype=float)
        sessions = np.array(series.sessions, dtype=float)
        self.pain_curve.setData(xs, pain, connect="finite")
        # Only days with a session get a bar: a zero-height bar still draws a line.
        done = sessions > 0
        self.bars.setOpts(x=xs[done], height=sessions[done], width=_DAY_S * 0.6)
        top = max(3.0, float(sessions.max()) if len(sessions) else 0.0)
        self.sessions_view.setYRange(0, top * 1.03, padding=0)
        self.plot.getAxis("right").setTickSpacing(1 if top <= 10 else 5, 1)
        if len(xs):
            self.plot.setXRange(xs[0] - _DAY_S * 0.7, xs[-1] + _DAY_S * 0.7, padding=0)
        self.setAccessibleDescription(_describe(series))

    def apply_palette(self, palette: QPalette) -> None:
        """Take background and text colours from the Qt palette (light or dark)."""
        dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        self._scheme = "dark" if dark else "light"
        text = palette.color(QPalette.ColorRole.WindowText)
        base = palette.color(QPalette.ColorRole.Base)
        self.setBackground(base)
        tick_font = QFont(self.font())
        tick_font.setPointSize(11)
        for name in ("left", "bottom", "right"):
            axis = self.plot.getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))
            axis.setTickFont(tick_font)
        label_style = {"color": text.name(), "font-size": "12pt"}
        self.plot.setLabel("left", "Average pain (0-10)", **label_style)
        self.plot.setLabel("right", "Sessions", **label_style)

        pain = QColor(PAIN_COLOUR[self._scheme])
        self.pain_curve.setPen(pg.mkPen(pain, width=3))
        self.pain_curve.setSymbolPen(pg.mkPen(base, width=1.5))
        self.pain_curve.setSymbolBrush(pg.mkBrush(pain))
        bar = QColor(SESSIONS_COLOUR)
        fill = QColor(bar)
        fill.setAlpha(160)
        self.bars.setOpts(pen=pg.mkPen(bar, width=1), brush=pg.mkBrush(fill))
        self.legend.setLabelTextColor(text)
        for _sample, label in self.legend.items:
            label.setText(label.text)  # setLabelTextColor alone does not re-render

    @property
    def scheme(self) -> str:
        return self._scheme


def _describe(series: DailySeries) -> str:
    if not series.days:
        return "No days."
    first, last = long_date(series.days[0]), long_date(series.days[-1])
    return (
        f"{len(series.days)} days from {first} to {last}: pain noted on "
        f"{series.days_with_pain} days, {series.total_sessions} sessions."
    )
