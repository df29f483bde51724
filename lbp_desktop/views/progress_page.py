"""Progress: daily pain and sessions over the last weeks.

pyqtgraph costs ~0.4 s and ~40 MB to import, so this module does not import
it: the chart module is imported the first time a chart is actually drawn on
a visible page. ``first_shown`` tells the app when to load the data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from lbp_desktop.domain.overview import DailySeries
from lbp_desktop.views.forms.ui_progress_page import Ui_ProgressPage
from lbp_desktop.views.words import long_date, plural

if TYPE_CHECKING:
    from lbp_desktop.views.progress_chart import PainSessionsChart

RANGES: tuple[tuple[int, str], ...] = (
    (14, "the last 2 weeks"),
    (28, "the last 4 weeks"),
    (91, "the last 3 months"),
    (365, "the last 12 months"),
)
DEFAULT_DAYS = 28


class ProgressPage(QWidget):
    first_shown = Signal()
    # Days the user chose to see, ending today. The page already shows them from
    # the series it has; the app only needs to act when it loaded fewer days.
    range_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ProgressPage()
        self.ui.setupUi(self)
        for days, words in RANGES:
            self.ui.rangeCombo.addItem(words[0].upper() + words[1:], days)
        self.ui.rangeCombo.setCurrentIndex([d for d, _ in RANGES].index(DEFAULT_DAYS))
        self.ui.rangeCombo.currentIndexChanged.connect(self._on_range_changed)
        self.setFocusProxy(self.ui.rangeCombo)
        self._chart: PainSessionsChart | None = None
        self._series: DailySeries | None = None
        self._chart_stale = False
        self._shown_once = False
        self.ui.summaryLabel.setText("Loading your days…")
        self.ui.contentStack.setCurrentWidget(self.ui.emptyPage)
        self.ui.emptyLabel.setText("")

    # -- public API ---------------------------------------------------------------------------

    def selected_days(self) -> int:
        return int(self.ui.rangeCombo.currentData())

    def set_selected_days(self, days: int) -> None:
        """Choose a range without emitting range_changed (e.g. from settings)."""
        index = self.ui.rangeCombo.findData(days)
        if index >= 0:
            self.ui.rangeCombo.blockSignals(True)
            self.ui.rangeCombo.setCurrentIndex(index)
            self.ui.rangeCombo.blockSignals(False)
            self._render()

    def set_series(self, series: DailySeries) -> None:
        """Give the page the days it may show, ending today. It shows the last
        selected_days() of them, so the app can load a long range once and the
        user can still switch between 2 weeks and 12 months without a reload."""
        self._series = series
        self._render()

    def shown_series(self) -> DailySeries | None:
        """The part of the series on screen now."""
        if self._series is None:
            return None
        return last_days(self._series, self.selected_days())

    def _render(self) -> None:
        series = self.shown_series()
        if series is None:
            return
        self.ui.summaryLabel.setText(summary_words(series) if series.has_data else "")
        self.ui.summaryLabel.setVisible(series.has_data)
        self.ui.captionLabel.setVisible(series.has_data)
        if not series.has_data:
            self.ui.emptyLabel.setText(
                "Nothing to show yet. When you note your pain on the Today page, or finish "
                "a session, your days will appear here as a chart."
            )
            self.ui.contentStack.setCurrentWidget(self.ui.emptyPage)
            return
        self.ui.contentStack.setCurrentWidget(self.ui.chartPage)
        self._chart_stale = True
        if self.isVisible():
            self._draw_chart()

    def has_chart(self) -> bool:
        return self._chart is not None

    @property
    def chart(self) -> PainSessionsChart | None:
        return self._chart

    # -- internals ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.first_shown.emit()
        if self._chart_stale:
            self._draw_chart()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._chart is not None:
            self._chart.apply_palette(self.palette())

    def _draw_chart(self) -> None:
        series = self.shown_series()
        if series is None:
            return
        if self._chart is None:
            # The one place pyqtgraph gets imported.
            from lbp_desktop.views.progress_chart import PainSessionsChart

            self._chart = PainSessionsChart(self.ui.chartPage)
            self.ui.chartLayout.addWidget(self._chart)
        self._chart.set_series(series)
        self._chart_stale = False

    def _on_range_changed(self, _index: int) -> None:
        self._render()
        self.range_changed.emit(self.selected_days())


def last_days(series: DailySeries, count: int) -> DailySeries:
    start = max(0, len(series.days) - count)
    return DailySeries(
        days=series.days[start:],
        pain_mean=series.pain_mean[start:],
        sessions=series.sessions[start:],
    )


def summary_words(series: DailySeries) -> str:
    if not series.days:
        return ""
    span = f"From {long_date(series.days[0])} to {long_date(series.days[-1])}"
    sessions = f"You did {plural(series.total_sessions, 'session')}."
    pain = [p for p in series.pain_mean if p is not None]
    if not pain:
        return f"{span} you noted no pain scores. {sessions}"
    mean = sum(pain) / len(pain)
    return (
        f"{span} you noted your pain on {series.days_with_pain} of "
        f"{plural(len(series.days), 'day')}, on average {mean:.1f} out of 10. {sessions}"
    )
