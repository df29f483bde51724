"""Progress: is this helping? Pain against sessions, told in charts and words.

The page renders what the domain computed and emits what the user asked
for; it reads no store and decides no health rule. The app gives it the
diary once as ``ProgressData`` (``set_data``); the page analyses the range
the user picks with ``ProgressData.analyse`` and keeps each range's result,
so switching back costs nothing. After drawing it also prepares the other
ranges, one per turn of the event loop, so the first switch is quick too.

Nothing heavy at import: pyqtgraph (~0.4 s, ~40 MB) is imported the first
time a chart is drawn on a visible page, and numpy only once data arrives,
so an app idling in the tray never loads either. ``first_shown`` tells the
app when to load the data.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QBoxLayout, QPushButton, QWidget

from lbp_desktop.views.feedback import ERROR, OK, show_feedback
from lbp_desktop.views.forms.ui_progress_page import Ui_ProgressPage
from lbp_desktop.views.words import day_month

if TYPE_CHECKING:
    from lbp_desktop.domain.analytics import ProgressAnalytics, ProgressData
    from lbp_desktop.views.chart_style import ChartStyle
    from lbp_desktop.views.progress_chart import ProgressChart
    from lbp_desktop.views.progress_small_charts import (
        BreaksChart,
        PainChangeChart,
        PegChart,
        WeekdayChart,
    )

RANGE_NAMES = ("2w", "3m", "1y", "all")  # the domain's RANGES, without importing numpy here
DEFAULT_RANGE = "3m"
EXPORT_FORMATS = ("pdf", "csv", "fhir")
# The other ranges are analysed this long after a draw, one per wait: late
# enough not to hold up the first paint, early enough to beat most clicks.
WARM_DELAY_MS = 300

# Below these widths of the page, rows become columns so nothing is cut off:
# the range buttons go under the heading and the export buttons stack.
HEADER_ONE_ROW_MIN = 760
SMALL_CHARTS_IN_A_ROW_MIN = 820

EMPTY_WORDS = (
    "Nothing to show yet. When you note your pain on the Today page, or finish a session, "
    "your days will appear here as charts."
)
LOADING_WORDS = "Loading your diary\u2026"
HOVER_HINT = (
    "Point at a day to read its values here; or click the chart and use the arrow keys. "
    "Zoom with Ctrl and the mouse wheel, drag to move."
)


INSIGHTS_DELAY_MS = 100


class ProgressPage(QWidget):
    first_shown = Signal()
    # "2w", "3m", "1y" or "all": the page already shows it from the data it has.
    # The app may load more (closed years for "all") and call set_data again.
    range_changed = Signal(str)
    # "pdf", "csv" or "fhir": the app asks where to save and does the work,
    # reporting with set_busy and show_message.
    export_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ProgressPage()
        self.ui.setupUi(self)
        ui = self.ui
        self._range_buttons: dict[str, QPushButton] = {
            "2w": ui.range2wButton,
            "3m": ui.range3mButton,
            "1y": ui.range1yButton,
            "all": ui.rangeAllButton,
        }
        self._range = DEFAULT_RANGE
        self._range_buttons[self._range].setChecked(True)
        for name, button in self._range_buttons.items():
            # toggled, not clicked: the arrow keys between the buttons check them too.
            button.toggled.connect(lambda checked, n=name: checked and self._choose_range(n))
        ui.resetViewButton.clicked.connect(self._reset_view)
        ui.resetViewButton.setEnabled(False)
        for fmt, button in zip(EXPORT_FORMATS, self.export_buttons(), strict=True):
            button.clicked.connect(lambda _checked=False, f=fmt: self.export_requested.emit(f))
        self.setFocusProxy(self._range_buttons[self._range])

        self._data: ProgressData | None = None
        self._goals: tuple[tuple[date, int], ...] = ()
        self._today: date | None = None
        self._first_day: date | None = None
        self._cache: dict[str, ProgressAnalytics] = {}
        self._chart: ProgressChart | None = None
        self._peg_chart: PegChart | None = None
        self._change_chart: PainChangeChart | None = None
        self._weekday_chart: WeekdayChart | None = None
        self._breaks_chart: BreaksChart | None = None
        self._charts_stale = False
        self._shown_once = False
        self._warm_timer = self._timer(WARM_DELAY_MS, self._warm_one_range)
        # The insights' words come a moment after the chart: the chart answers a
        # click first (their bootstrap takes ~20 ms for ten years). A zero timer
        # would often run before the chart's paint, in the same turn of the loop.
        self._insights_timer = self._timer(INSIGHTS_DELAY_MS, self._show_current_insights)
        self._restyle_timer = self._timer(0, self._restyle)
        self._small_timer = self._timer(0, self._build_small_charts_if_seen)
        self._small_frames = (ui.pegFrame, ui.changeFrame, ui.weekdayFrame, ui.breaksFrame)
        for frame in self._small_frames:
            frame.installEventFilter(self)

        ui.summaryLabel.setText("")
        ui.emptyLabel.setText(LOADING_WORDS)
        ui.contentStack.setCurrentWidget(ui.emptyPage)
        ui.hoverLabel.setText(HOVER_HINT)
        ui.exportStatusLabel.setVisible(False)
        self._narrow: bool | None = None
        self._arrange(self.width())

    def _timer(self, interval_ms: int, slot: Callable[[], None]) -> QTimer:
        # A single-shot timer of the page's own: it dies with the page, unlike a
        # pending QTimer.singleShot.
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval_ms)
        timer.timeout.connect(slot)
        return timer

    # ----- the app's side ----------------------------------------------------------------------

    def set_data(
        self, data: ProgressData, goal_history: Sequence[tuple[date, int]], today: date
    ) -> None:
        """The diary's records as arrays, the weekly-plan history and today's date.

        ``goal_history``: ``(date, sessions per week)`` pairs, each in force
        from its date (see ``domain.adherence``). Call again when records
        were added or more years were loaded; the page keeps its range.
        """
        self._data = data
        self._goals = tuple(goal_history)
        self._today = today
        self._first_day = data.first_day()
        self._cache.clear()
        self._warm_timer.stop()
        self._render()

    def set_busy(self, text: str) -> None:
        """An export is under way: say so and keep the export buttons still."""
        for button in self.export_buttons():
            button.setEnabled(False)
        show_feedback(self.ui.exportStatusLabel, text, "")

    def show_message(self, text: str, *, error: bool = False) -> None:
        """How the export went ("Saved to …", or what went wrong); buttons work again."""
        for button in self.export_buttons():
            button.setEnabled(True)
        show_feedback(self.ui.exportStatusLabel, text, ERROR if error else OK)

    def current_range(self) -> str:
        return self._range

    def set_range(self, name: str) -> None:
        """Choose a range without emitting range_changed (e.g. a stored choice)."""
        if name not in RANGE_NAMES:
            raise ValueError(f"range must be one of {', '.join(RANGE_NAMES)}; got {name!r}")
        button = self._range_buttons[name]
        button.blockSignals(True)
        button.setChecked(True)
        button.blockSignals(False)
        self._range = name
        self.setFocusProxy(button)
        self._render()

    def current_bounds(self) -> tuple[date, date]:
        """First and last day of the period shown (for an export of "what I see")."""
        from lbp_desktop.domain.analytics import range_bounds

        today = self._today or date.today()
        return range_bounds(self._range, today, self._first_day)

    def current_analytics(self) -> ProgressAnalytics | None:
        """The numbers behind what is shown, or None before data arrived."""
        if self._data is None or self._first_day is None:
            return None
        return self.analytics_for(self._range)

    def analytics_for(self, name: str) -> ProgressAnalytics:
        """The analysis of a named range, computed once per ``set_data``."""
        cached = self._cache.get(name)
        if cached is None:
            if self._data is None or self._today is None:
                raise RuntimeError("set_data has not been called yet")
            from lbp_desktop.domain.analytics import range_bounds

            start, end = range_bounds(name, self._today, self._first_day)
            cached = self._data.analyse(self._goals, start, end, self._today)
            self._cache[name] = cached
        return cached

    def analysed_ranges(self) -> tuple[str, ...]:
        """Ranges whose numbers are ready (the shown one, then the rest while idle)."""
        return tuple(name for name in RANGE_NAMES if name in self._cache)

    def export_buttons(self) -> tuple[QPushButton, QPushButton, QPushButton]:
        """PDF, CSV and FHIR, in the order of EXPORT_FORMATS."""
        return self.ui.pdfButton, self.ui.csvButton, self.ui.fhirButton

    def range_button(self, name: str) -> QPushButton:
        return self._range_buttons[name]

    def has_chart(self) -> bool:
        return self._chart is not None

    @property
    def chart(self) -> ProgressChart | None:
        return self._chart

    @property
    def small_charts(self) -> tuple[PegChart, PainChangeChart, WeekdayChart] | None:
        if self._peg_chart is None or self._change_chart is None or self._weekday_chart is None:
            return None
        return self._peg_chart, self._change_chart, self._weekday_chart

    @property
    def breaks_chart(self) -> BreaksChart | None:
        """Posture breaks over time; built with the small charts."""
        return self._breaks_chart

    def _below_charts(self) -> tuple[PegChart | PainChangeChart | WeekdayChart | BreaksChart, ...]:
        """Every chart below the main one that exists yet."""
        small = self.small_charts or ()
        return (*small, self._breaks_chart) if self._breaks_chart is not None else small

    # ----- drawing -----------------------------------------------------------------------------

    def _render(self) -> None:
        ui = self.ui
        if self._data is None:
            return
        # Periods of nothing are no choice to offer.
        ui.rangeBox.setVisible(self._first_day is not None)
        if self._first_day is None:
            ui.summaryLabel.setText("")
            ui.emptyLabel.setText(EMPTY_WORDS)
            ui.contentStack.setCurrentWidget(ui.emptyPage)
            for button in self.export_buttons():
                button.setEnabled(False)
            return
        from lbp_desktop.views import progress_words as words

        analytics = self.analytics_for(self._range)
        ui.contentStack.setCurrentWidget(ui.chartPage)
        ui.summaryLabel.setText(words.summary_words(analytics))
        if ui.insightsLabel.text():
            self._insights_timer.start()  # the old words stay until then: no jump
        else:
            self.show_insights(analytics)  # the first time, the page is laid out with them
        ui.pegCaption.setText(words.peg_caption(analytics.peg))
        ui.changeCaption.setText(words.change_caption(analytics.session_change))
        ui.weekdayCaption.setText(words.weekday_caption(analytics.adherence.weekdays))
        # Only for people who use the break reminders: no empty chart for the rest.
        ui.breaksFrame.setVisible(self._data.has_breaks)
        ui.breaksCaption.setText(words.breaks_caption(analytics.breaks))
        for button in self.export_buttons():
            button.setEnabled(True)
        self._charts_stale = True
        if self.isVisible():
            self._draw_charts()

    def _show_current_insights(self) -> None:
        if self._data is not None and self._first_day is not None:
            self.show_insights(self.analytics_for(self._range))

    def insights_pending(self) -> bool:
        """True between a new range or new data and its insights' words."""
        return self._insights_timer.isActive()

    def show_insights(self, analytics: ProgressAnalytics) -> None:
        """The insights panel: the domain's findings in words, the caveat last."""
        from lbp_desktop.domain.insight_words import insight_paragraphs

        paragraphs = insight_paragraphs(analytics.insights, day_month)
        blocks = []
        if self._range != "all" and not any(p.has_result for p in paragraphs):
            blocks.append(
                "<p><i>A longer period may hold enough weeks for these comparisons: try "
                "3 months, 1 year or All.</i></p>"
            )
        for paragraph in paragraphs:
            blocks.append(
                f"<p><b>{html.escape(paragraph.heading)}</b><br>{html.escape(paragraph.text)}</p>"
            )
        self.ui.insightsLabel.setText("".join(blocks))

    def _draw_charts(self) -> None:
        if self._data is None or self._first_day is None:
            return
        analytics = self.analytics_for(self._range)
        if self._chart is None:
            self._build_main_chart()
        assert self._chart is not None
        self._chart.set_analytics(analytics)
        for small in self._below_charts():
            small.set_analytics(analytics)
        self._charts_stale = False
        self._warm_timer.start()

    def _build_main_chart(self) -> None:
        # The one place pyqtgraph gets imported for the page.
        from lbp_desktop.views.chart_style import ChartStyle
        from lbp_desktop.views.progress_chart import ProgressChart

        ui = self.ui
        self._chart = ProgressChart(ui.mainChartBox, ChartStyle.from_palette(self.palette()))
        self._chart.setMinimumHeight(300)
        ui.mainChartLayout.addWidget(self._chart)
        self._chart.hover_changed.connect(ui.hoverLabel.setText)
        self._chart.view_changed.connect(ui.resetViewButton.setEnabled)
        # Keyboard order: after Reset view, the chart (its arrow keys walk the days).
        QWidget.setTabOrder(ui.resetViewButton, self._chart.view)

    def build_small_charts(self) -> None:
        """The PEG, pain-change, weekday and posture-break charts. Built when
        first scrolled into view (below the fold they would only slow the
        first open)."""
        if self.small_charts is not None or self._chart is None:
            return
        from lbp_desktop.views.chart_style import ChartStyle
        from lbp_desktop.views.progress_small_charts import (
            BreaksChart,
            PainChangeChart,
            PegChart,
            WeekdayChart,
        )

        ui = self.ui
        style = ChartStyle.from_palette(self.palette())
        self._peg_chart = PegChart(style, parent=ui.pegFrame)
        self._change_chart = PainChangeChart(style, parent=ui.changeFrame)
        self._weekday_chart = WeekdayChart(style, parent=ui.weekdayFrame)
        self._breaks_chart = BreaksChart(style, parent=ui.breaksFrame)
        for layout, chart in (
            (ui.pegLayout, self._peg_chart),
            (ui.changeLayout, self._change_chart),
            (ui.weekdayLayout, self._weekday_chart),
            (ui.breaksLayout, self._breaks_chart),
        ):
            layout.insertWidget(1, chart)
        analytics = self.current_analytics()
        if analytics is not None:
            for small in self._below_charts():
                small.set_analytics(analytics)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A small chart's frame painting means it is on screen: time for its chart.
        if (
            event.type() == QEvent.Type.Paint
            and watched in self._small_frames
            and self._chart is not None
            and self.small_charts is None
        ):
            self._small_timer.start()
        return super().eventFilter(watched, event)

    def _build_small_charts_if_seen(self) -> None:
        # A paint can come from a layout not yet settled (the page still
        # filling in): settle it, then build only if a frame is still in view.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        if any(not frame.visibleRegion().isEmpty() for frame in self._small_frames):
            self.build_small_charts()

    def _apply_style(self, style: ChartStyle) -> None:
        if self._chart is not None:
            self._chart.apply_style(style)
        for small in self._below_charts():
            small.apply_style(style)

    def _warm_one_range(self) -> None:
        # One range per turn of the event loop: a click in between is served first.
        if self._data is None or self._first_day is None:
            return
        for name in RANGE_NAMES:
            if name not in self._cache:
                self.analytics_for(name)
                self._warm_timer.start()
                return

    def _choose_range(self, name: str) -> None:
        if name == self._range:
            return
        self._range = name
        self.setFocusProxy(self._range_buttons[name])
        self._render()
        self.range_changed.emit(name)

    def _reset_view(self) -> None:
        if self._chart is not None:
            self._chart.reset_view()
            self._chart.view.setFocus()

    # ----- Qt events ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.first_shown.emit()
        if self._charts_stale:
            self._draw_charts()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._chart is not None:
            # After Qt has finished restyling every widget (a theme change sends
            # several events), once, rather than in the middle of it each time.
            self._restyle_timer.start()

    def _restyle(self) -> None:
        from lbp_desktop.views.chart_style import ChartStyle

        self._apply_style(ChartStyle.from_palette(self.palette()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(event.size().width())

    def _arrange(self, width: int) -> None:
        """Rows for a wide page, columns for a narrow one."""
        narrow = width < HEADER_ONE_ROW_MIN
        ui = self.ui
        if narrow != self._narrow:
            self._narrow = narrow
            header = ui.headerLayout
            header.removeWidget(ui.rangeBox)
            if narrow:
                header.addWidget(ui.rangeBox, 1, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
            else:
                right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                header.addWidget(ui.rangeBox, 0, 1, 1, 1, right)
            ui.exportButtonsLayout.setDirection(
                QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
            )
        in_a_row = width >= SMALL_CHARTS_IN_A_ROW_MIN
        grid = ui.smallChartsLayout
        frames = (ui.pegFrame, ui.changeFrame, ui.weekdayFrame)
        wanted = [(0, i) if in_a_row else (i, 0) for i in range(3)]
        current = [grid.getItemPosition(grid.indexOf(frame))[:2] for frame in frames]
        if current != wanted:
            for frame in frames:
                grid.removeWidget(frame)
            for frame, (row, column) in zip(frames, wanted, strict=True):
                grid.addWidget(frame, row, column)
            for column in range(3):
                grid.setColumnStretch(column, 1 if in_a_row else (1 if column == 0 else 0))
