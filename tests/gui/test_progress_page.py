"""Progress page: pyqtgraph only when the chart is needed, a real chart, an
empty state in words."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date, timedelta

import pytest
from gui_sample_data import TODAY, History
from PySide6.QtGui import QColor, QImage

from lbp_desktop.domain.overview import DailySeries, daily_pain_series
from lbp_desktop.views.main_window import MainWindow
from lbp_desktop.views.progress_chart import PAIN_COLOUR, day_to_x
from lbp_desktop.views.progress_page import ProgressPage, summary_words
from lbp_desktop.views.theme import apply_theme


def test_pyqtgraph_is_imported_only_when_the_progress_page_is_first_shown() -> None:
    # A fresh interpreter: other tests in this process have imported pyqtgraph already.
    script = textwrap.dedent(
        """
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from datetime import date
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from lbp_desktop.domain.overview import DailySeries
        from lbp_desktop.views.main_window import MainWindow
        from lbp_desktop.views.data_error_dialog import DataErrorDialog
        from lbp_desktop.views.theme import apply_theme
        apply_theme(app, "system")
        window = MainWindow()
        window.show()
        for name in ("today", "session", "settings"):
            window.go_to(name)
            app.processEvents()
        DataErrorDialog("x")
        shown = []
        window.progress_page.first_shown.connect(lambda: shown.append(True))
        series = DailySeries(days=(date(2026, 3, 1),), pain_mean=(4.0,), sessions=(1,))
        window.progress_page.set_series(series)  # data may arrive before the page shows
        app.processEvents()
        assert "pyqtgraph" not in sys.modules, "imported before the Progress page was shown"
        assert not shown
        window.go_to("progress")
        app.processEvents()
        assert shown == [True]
        assert "pyqtgraph" in sys.modules
        assert window.progress_page.has_chart()
        print("ok")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def _series(days: int = 5) -> DailySeries:
    start = date(2026, 3, 7)
    return DailySeries(
        days=tuple(start + timedelta(days=i) for i in range(days)),
        pain_mean=(6.0, 5.5, None, 4.0, 4.5)[:days],
        sessions=(1, 0, 2, 1, 0)[:days],
    )


def _has_colour(image: QImage, colour: str, tolerance: int = 24) -> bool:
    want = QColor(colour)
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            got = image.pixelColor(x, y)
            if (
                abs(got.red() - want.red()) <= tolerance
                and abs(got.green() - want.green()) <= tolerance
                and abs(got.blue() - want.blue()) <= tolerance
            ):
                return True
    return False


def test_a_few_days_render_a_real_chart(qtbot, window: MainWindow) -> None:
    page = window.progress_page
    with qtbot.waitSignal(page.first_shown):
        window.go_to("progress")
    page.set_series(_series())
    assert page.has_chart()
    assert page.ui.contentStack.currentWidget() is page.ui.chartPage
    chart = page.chart
    assert chart is not None
    xs, ys = chart.pain_curve.getData()
    assert list(xs) == [day_to_x(date(2026, 3, 7) + timedelta(days=i)) for i in range(5)]
    assert [None if y != y else y for y in ys] == [6.0, 5.5, None, 4.0, 4.5]  # NaN is a gap
    assert list(chart.bars.opts["height"]) == [1, 2, 1]  # only days with a session get a bar
    assert chart.plot.getAxis("bottom").__class__.__name__ == "DayAxisItem"
    assert [i[1].text for i in chart.legend.items] == [
        "Average pain that day (0-10)",
        "Sessions done",
    ]
    qtbot.waitUntil(lambda: chart.width() > 300)
    image = chart.grab().toImage()
    assert _has_colour(image, PAIN_COLOUR[chart.scheme])


def test_date_axis_labels_read_like_dates(qtbot, window: MainWindow) -> None:
    window.go_to("progress")
    window.progress_page.set_series(_series())
    axis = window.progress_page.chart.date_axis
    day = 86_400
    assert axis.tickStrings([day_to_x(date(2026, 3, 1))], 1, day) == ["1 Mar"]


def test_first_shown_is_emitted_once(qtbot, window: MainWindow) -> None:
    shown: list[bool] = []
    window.progress_page.first_shown.connect(lambda: shown.append(True))
    window.go_to("progress")
    window.go_to("today")
    window.go_to("progress")
    assert shown == [True]


def test_no_data_yet_is_said_in_words_and_draws_nothing(qtbot, window: MainWindow) -> None:
    window.go_to("progress")
    page = window.progress_page
    empty = daily_pain_series([], [], TODAY - timedelta(days=27), TODAY)
    page.set_series(empty)
    assert page.ui.contentStack.currentWidget() is page.ui.emptyPage
    assert page.ui.emptyLabel.text().startswith("Nothing to show yet.")
    assert not page.has_chart()


def test_summary_in_words(history: History) -> None:
    checkins, runs, _ = history
    series = daily_pain_series(checkins, runs, TODAY - timedelta(days=13), TODAY)
    words = summary_words(series)
    assert words.startswith("From Thursday 26 February 2026 to Wednesday 11 March 2026")
    assert f"on {series.days_with_pain} of 14 days" in words
    assert f"You did {series.total_sessions} sessions." in words


def test_range_choice_emits_days_and_setter_is_silent(qtbot) -> None:
    page = ProgressPage()
    qtbot.addWidget(page)
    assert page.selected_days() == 28
    with qtbot.assertNotEmitted(page.range_changed):
        page.set_selected_days(91)
    assert page.selected_days() == 91
    with qtbot.waitSignal(page.range_changed) as blocker:
        page.ui.rangeCombo.setCurrentIndex(0)
    assert blocker.args == [14]


@pytest.mark.parametrize("choice", ["dark", "light"])
def test_chart_follows_light_and_dark(qtbot, qapp, window: MainWindow, choice: str) -> None:
    window.go_to("progress")
    window.progress_page.set_series(_series())
    try:
        apply_theme(qapp, choice)
        qtbot.waitUntil(lambda: window.progress_page.chart.scheme == choice)
        chart = window.progress_page.chart
        qtbot.waitUntil(lambda: chart.width() > 300)
        assert _has_colour(chart.grab().toImage(), PAIN_COLOUR[choice])
    finally:
        apply_theme(qapp, "system")


def test_the_range_choice_trims_a_long_series_without_a_reload(
    qtbot, window: MainWindow, history: History
) -> None:
    checkins, runs, _ = history
    window.go_to("progress")
    page = window.progress_page
    page.set_series(daily_pain_series(checkins, runs, TODAY - timedelta(days=89), TODAY))
    assert len(page.shown_series().days) == 28  # the default choice
    assert len(page.chart.pain_curve.getData()[0]) == 28
    with qtbot.waitSignal(page.range_changed):
        page.ui.rangeCombo.setCurrentIndex(0)
    assert page.shown_series().days[0] == TODAY - timedelta(days=13)
    assert len(page.chart.pain_curve.getData()[0]) == 14
    assert "From Thursday 26 February 2026" in page.ui.summaryLabel.text()
    page.set_selected_days(365)  # more than loaded: show what there is
    assert len(page.shown_series().days) == 90
