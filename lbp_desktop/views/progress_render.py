"""The Progress charts as pictures, for the PDF report: no window, no screen theme.

Importing this module imports pyqtgraph. Each chart is built on its own,
laid out at the asked size without being shown on screen
(``WA_DontShowOnScreen``), painted into a QImage and thrown away, so a
report can be made while the Progress page was never opened, and looks the
same whatever theme the screen uses (``ChartStyle.for_print``: white paper,
black text, the same Okabe-Ito colours).

``scale`` draws at that many image pixels per layout pixel: the chart is laid
out at ``width_px / scale`` by ``height_px / scale``, so at 2 its text is as
large relative to the chart as on screen, and twice as sharp. The images
carry the matching device pixel ratio, so ``QPainter.drawImage`` into a
target rect of the layout size gives the intended print size.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QPainter, QRegion
from PySide6.QtWidgets import QApplication, QWidget

from lbp_desktop.domain.analytics import ProgressAnalytics
from lbp_desktop.views.chart_style import ChartStyle
from lbp_desktop.views.progress_chart import ProgressChart
from lbp_desktop.views.progress_small_charts import PainChangeChart, PegChart, WeekdayChart

# Keys of render_chart_images, in the page's order.
CHART_NAMES = ("main", "peg", "change", "weekday")


Chart = ProgressChart | PegChart | PainChangeChart | WeekdayChart


def _build(name: str, style: ChartStyle) -> Chart:
    if name == "main":
        return ProgressChart(style=style)
    if name == "peg":
        return PegChart(style)
    if name == "change":
        return PainChangeChart(style)
    if name == "weekday":
        return WeekdayChart(style)
    raise ValueError(f"chart must be one of {', '.join(CHART_NAMES)}; got {name!r}")


def render_chart(
    name: str,
    analytics: ProgressAnalytics,
    width_px: int,
    height_px: int,
    *,
    style: ChartStyle | None = None,
    scale: float = 1.0,
) -> QImage:
    """One chart ("main", "peg", "change" or "weekday") as an image of the given pixels."""
    if width_px < 1 or height_px < 1 or scale <= 0:
        raise ValueError("width, height and scale must be positive")
    style = style or ChartStyle.for_print()
    chart = _build(name, style)
    try:
        chart.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        chart.setMinimumSize(0, 0)
        for child in chart.findChildren(QWidget):
            child.setMinimumSize(0, 0)
        chart.resize(round(width_px / scale), round(height_px / scale))
        if chart.layout() is not None:
            chart.layout().activate()
        # Size first, then data: the main chart sizes its markers by the room a day has.
        QApplication.sendPostedEvents()
        chart.set_analytics(analytics)
        QApplication.sendPostedEvents()
        image = QImage(width_px, height_px, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(scale)
        image.fill(style.background)
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            # QWidget's render (the widget and its children), not QGraphicsView's
            # (the scene only, without the main chart's legend).
            # Children only: the window background would be the screen theme's.
            QWidget.render(chart, painter, QPoint(), QRegion(), QWidget.RenderFlag.DrawChildren)
        finally:
            painter.end()
        return image
    finally:
        chart.deleteLater()


def render_chart_images(
    analytics: ProgressAnalytics,
    width_px: int,
    height_px: int,
    *,
    style: ChartStyle | None = None,
    scale: float = 1.0,
) -> dict[str, QImage]:
    """Every Progress chart for ``analytics`` (one range), each ``width_px`` x ``height_px``.

    Keys: ``CHART_NAMES``. The words that go with them (legend aside, which
    the main chart carries) come from ``progress_words`` and
    ``domain.insight_words``, for the report to set as text.
    """
    return {
        name: render_chart(name, analytics, width_px, height_px, style=style, scale=scale)
        for name in CHART_NAMES
    }
