"""Progress page: lazy pyqtgraph, every range from one set of data, the insights
in words, exports as intents, an empty diary and too little data.

The sample builders here are shared with the other test_progress_* files.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date, datetime, timedelta, timezone
from functools import cache

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from lbp_desktop.domain.analytics import ProgressData, range_bounds
from lbp_desktop.domain.demo_history import generate_history
from lbp_desktop.domain.records import PainCheckIn, PegAnswer, SessionRun
from lbp_desktop.views.main_window import MainWindow
from lbp_desktop.views.progress_chart import DAY_S, day_to_x
from lbp_desktop.views.progress_page import (
    DEFAULT_RANGE,
    EMPTY_WORDS,
    LOADING_WORDS,
    RANGE_NAMES,
    ProgressPage,
)
from lbp_desktop.views.theme import apply_theme

TODAY = date(2026, 3, 11)  # a Wednesday
TZ = timezone(timedelta(hours=1))
# A plan of 4 sessions a week since long before the sample starts.
GOALS = ((TODAY - timedelta(days=1000), 4),)


@cache
def sample_data(days: int = 400, profile: str = "light", seed: int = 11) -> ProgressData:
    """A believable diary ending TODAY (the demo generator's, seeded)."""
    records = list(generate_history(days=days, profile=profile, end=TODAY, tz=TZ, seed=seed))
    return ProgressData.from_records(
        [r for r in records if isinstance(r, PainCheckIn)],
        [r for r in records if isinstance(r, SessionRun)],
        [r for r in records if isinstance(r, PegAnswer)],
    )


def empty_data() -> ProgressData:
    return ProgressData.from_records([], [], [])


def at(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=TZ)


def hand_made_data() -> ProgressData:
    """Ten days, with Tuesday 10 March written out: 3 entries (3, 4, 6), 2 sessions."""
    tuesday = TODAY - timedelta(days=1)
    checkins = [PainCheckIn(at=at(tuesday, h), score=s) for h, s in ((8, 3), (12, 4), (20, 6))]
    runs = [
        SessionRun(at=at(tuesday, 9), plan_id="gentle-start", outcome="completed", pre_pain=5),
        SessionRun(
            at=at(tuesday, 18),
            plan_id="gentle-start",
            outcome="completed",
            pre_pain=5,
            post_pain=3,
        ),
    ]
    for back in range(2, 10):
        day = TODAY - timedelta(days=back)
        checkins.append(PainCheckIn(at=at(day, 9), score=5))
    return ProgressData.from_records(checkins, runs, [])


def insights_text(qtbot, page: ProgressPage) -> str:
    """The insights panel once filled: its words come a turn after the chart."""
    qtbot.waitUntil(lambda: not page.insights_pending())
    return page.ui.insightsLabel.text()


def show_progress(qtbot, window: MainWindow) -> ProgressPage:
    page = window.progress_page
    window.go_to("progress")
    qtbot.waitUntil(page.isVisible)
    return page


def reveal_small_charts(qtbot, page: ProgressPage) -> None:
    """Scroll the small charts into view, where the page builds them."""

    def built() -> bool:
        # Again each time: the page may still be laying out what it just filled in.
        page.ui.scrollArea.ensureWidgetVisible(page.ui.weekdayFrame, 0, 0)
        return page.small_charts is not None

    qtbot.waitUntil(built)


# ----- lazy loading ------------------------------------------------------------------------------


def test_pyqtgraph_is_imported_only_when_the_progress_page_is_first_shown() -> None:
    # A fresh interpreter: other tests in this process have imported pyqtgraph already.
    script = textwrap.dedent(
        """
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from datetime import date
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from lbp_desktop.views.main_window import MainWindow
        from lbp_desktop.views.theme import apply_theme
        apply_theme(app, "system")
        window = MainWindow()
        window.show()
        window.build_pages()
        app.processEvents()
        assert "numpy" not in sys.modules, "the pages imported numpy before any data"
        from lbp_desktop.domain.analytics import ProgressData
        shown = []
        window.progress_page.first_shown.connect(lambda: shown.append(True))
        data = ProgressData.from_records([], [], [])
        window.progress_page.set_data(data, [], date(2026, 3, 11))  # may come before showing
        app.processEvents()
        assert "pyqtgraph" not in sys.modules, "imported before the Progress page was shown"
        assert not shown
        window.go_to("progress")
        app.processEvents()
        assert shown == [True]
        assert "pyqtgraph" not in sys.modules, "an empty diary needs no chart"
        from lbp_desktop.domain.records import PainCheckIn
        from datetime import datetime, timezone
        moment = datetime(2026, 3, 10, 9, tzinfo=timezone.utc)
        data = ProgressData.from_records([PainCheckIn(at=moment, score=4)], [], [])
        window.progress_page.set_data(data, [], date(2026, 3, 11))
        app.processEvents()
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


def test_first_shown_is_emitted_once(qtbot, window: MainWindow) -> None:
    shown: list[bool] = []
    window.progress_page.first_shown.connect(lambda: shown.append(True))
    window.go_to("progress")
    window.go_to("today")
    window.go_to("progress")
    assert shown == [True]


def test_before_data_the_page_says_it_is_loading(qtbot) -> None:
    page = ProgressPage()
    qtbot.addWidget(page)
    assert page.ui.contentStack.currentWidget() is page.ui.emptyPage
    assert page.ui.emptyLabel.text() == LOADING_WORDS
    assert page.current_analytics() is None


# ----- data and ranges ---------------------------------------------------------------------------


def test_seeded_data_fills_chart_words_and_small_charts(qtbot, window: MainWindow) -> None:
    page = show_progress(qtbot, window)
    page.set_data(sample_data(), GOALS, TODAY)
    assert page.current_range() == DEFAULT_RANGE == "3m"
    assert page.ui.contentStack.currentWidget() is page.ui.chartPage
    analytics = page.current_analytics()
    assert analytics is not None
    assert (analytics.start, analytics.end) == range_bounds("3m", TODAY)
    assert page.ui.summaryLabel.text().startswith("From 12 December 2025 to 11 March 2026 you")
    assert "Your plan: 4 sessions a week." in page.ui.summaryLabel.text()
    insights = insights_text(qtbot, page)
    assert "Weeks on plan and weeks with fewer sessions" in insights
    assert "association, not proof of cause" in insights
    assert page.has_chart()
    reveal_small_charts(qtbot, page)
    assert page.ui.pegCaption.text().endswith("Lower means pain gets in the way less.")
    assert page.ui.changeCaption.text().startswith("Less pain after ")
    assert page.ui.weekdayCaption.text().startswith("Most sessions on ")
    for button in page.export_buttons():
        assert button.isEnabled()


@pytest.mark.parametrize("name", RANGE_NAMES)
def test_every_range_shows_its_own_days(qtbot, window: MainWindow, name: str) -> None:
    page = show_progress(qtbot, window)
    data = sample_data()
    page.set_data(data, GOALS, TODAY)
    reveal_small_charts(qtbot, page)
    if name != page.current_range():
        with qtbot.waitSignal(page.range_changed) as blocker:
            page.range_button(name).click()
        assert blocker.args == [name]
    start, end = range_bounds(name, TODAY, data.first_day())
    analytics = page.current_analytics()
    assert analytics is not None and (analytics.start, analytics.end) == (start, end)
    chart = page.chart
    assert chart is not None and chart.analytics is analytics
    low, high = chart.visible_range()
    assert low == pytest.approx(day_to_x(start) - 0.7 * DAY_S)
    assert high == pytest.approx(day_to_x(end) + 0.7 * DAY_S)
    # Days for 2 weeks and 3 months, weeks beyond about four months.
    assert chart.weekly == (name in ("1y", "all"))
    assert page.ui.summaryLabel.text().startswith("From ")
    small_charts = page.small_charts
    assert small_charts is not None
    for small in small_charts:
        assert small.accessibleDescription()


def test_small_charts_wait_until_they_are_scrolled_into_view(qtbot, window: MainWindow) -> None:
    window.resize(1040, 720)
    page = show_progress(qtbot, window)
    page.set_data(sample_data(), GOALS, TODAY)
    for _ in range(3):
        QApplication.processEvents()
    assert page.has_chart()
    assert page.small_charts is None  # below the fold: not built for the first paint
    assert page.ui.weekdayCaption.text()  # their words are there already
    reveal_small_charts(qtbot, page)
    analytics = page.current_analytics()
    assert all(small.analytics is analytics for small in page.small_charts or ())


def test_a_range_switch_reuses_earlier_analyses(qtbot, window: MainWindow) -> None:
    page = show_progress(qtbot, window)
    page.set_data(sample_data(), GOALS, TODAY)
    first = page.current_analytics()
    page.range_button("1y").click()
    page.range_button("3m").click()
    assert page.current_analytics() is first
    # After drawing, the page prepares the other ranges while idle.
    qtbot.waitUntil(lambda: page.analysed_ranges() == RANGE_NAMES)


def test_new_data_keeps_the_range_and_drops_old_analyses(qtbot, window: MainWindow) -> None:
    page = show_progress(qtbot, window)
    page.set_data(sample_data(), GOALS, TODAY)
    page.range_button("1y").click()
    old = page.current_analytics()
    page.set_data(sample_data(), (), TODAY)  # the plan was removed, say
    assert page.current_range() == "1y"
    assert page.current_analytics() is not old
    assert "Your plan" not in page.ui.summaryLabel.text()
    assert "You have not set a weekly plan" in insights_text(qtbot, page)


def test_set_range_is_silent_and_validated(qtbot) -> None:
    page = ProgressPage()
    qtbot.addWidget(page)
    with qtbot.assertNotEmitted(page.range_changed):
        page.set_range("1y")
    assert page.current_range() == "1y" and page.range_button("1y").isChecked()
    with pytest.raises(ValueError, match="range must be one of"):
        page.set_range("5y")


def test_arrow_keys_move_between_the_range_buttons(qtbot, window: MainWindow) -> None:
    page = show_progress(qtbot, window)
    page.set_data(sample_data(), GOALS, TODAY)
    page.range_button("3m").setFocus()
    qtbot.waitUntil(page.range_button("3m").hasFocus)
    with qtbot.waitSignal(page.range_changed) as blocker:
        qtbot.keyClick(page.range_button("3m"), Qt.Key.Key_Right)
    assert blocker.args == ["1y"]
    assert page.range_button("1y").isChecked() and page.current_range() == "1y"
    with qtbot.waitSignal(page.range_changed) as blocker:
        qtbot.keyClick(page.range_button("1y"), Qt.Key.Key_Left)
    assert blocker.args == ["3m"]


@pytest.mark.parametrize(
    ("key", "name"), [(Qt.Key.Key_2, "2w"), (Qt.Key.Key_Y, "1y"), (Qt.Key.Key_A, "all")]
)
def test_alt_mnemonics_choose_a_range(qtbot, window: MainWindow, key: Qt.Key, name: str) -> None:
    page = show_progress(qtbot, window)
    page.set_data(sample_data(), GOALS, TODAY)
    with qtbot.waitSignal(page.range_changed) as blocker:
        qtbot.keyClick(window, key, Qt.KeyboardModifier.AltModifier)
    assert blocker.args == [name]


def test_focus_lands_on_the_chosen_range(qtbot, window: MainWindow) -> None:
    page = show_progress(qtbot, window)
    page.set_range("all")
    window.go_to("today")
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.range_button("all")


# ----- empty and short diaries -------------------------------------------------------------------


def test_an_empty_diary_is_said_in_words_and_draws_nothing(qtbot, window: MainWindow) -> None:
    page = show_progress(qtbot, window)
    page.set_data(empty_data(), GOALS, TODAY)
    assert page.ui.contentStack.currentWidget() is page.ui.emptyPage
    assert page.ui.emptyLabel.text() == EMPTY_WORDS
    assert not page.has_chart()
    assert page.current_analytics() is None
    assert not any(b.isEnabled() for b in page.export_buttons())


def test_too_little_data_says_how_much_more_is_needed(qtbot, window: MainWindow) -> None:
    page = show_progress(qtbot, window)
    page.set_data(hand_made_data(), GOALS, TODAY)
    text = insights_text(qtbot, page)
    assert "are needed in the period shown" in text
    assert "more are needed" in text
    assert "averaged" not in text and "rank correlation" not in text
    assert "A longer period may hold enough weeks" in text
    assert "association, not proof of cause" in text
    # Everything there is: nothing longer to try.
    page.range_button("all").click()
    assert "A longer period" not in insights_text(qtbot, page)


# ----- exports -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("index", "fmt"), [(0, "pdf"), (1, "csv"), (2, "fhir")])
def test_export_buttons_ask_the_app(qtbot, window: MainWindow, index: int, fmt: str) -> None:
    page = show_progress(qtbot, window)
    page.set_data(sample_data(), GOALS, TODAY)
    with qtbot.waitSignal(page.export_requested) as blocker:
        page.export_buttons()[index].click()
    assert blocker.args == [fmt]


def test_export_labels_and_accessible_names(qtbot) -> None:
    page = ProgressPage()
    qtbot.addWidget(page)
    texts = [b.text().replace("&", "") for b in page.export_buttons()]
    assert texts == [
        "Export for my physiotherapist (PDF)",
        "Export data (CSV)",
        "Export FHIR",
    ]
    assert all(b.accessibleName() for b in page.export_buttons())


def test_busy_then_message(qtbot, window: MainWindow) -> None:
    page = show_progress(qtbot, window)
    page.set_data(sample_data(), GOALS, TODAY)
    page.set_busy("Writing your report\u2026")
    status = page.ui.exportStatusLabel
    assert status.isVisible() and status.text() == "Writing your report\u2026"
    assert not any(b.isEnabled() for b in page.export_buttons())
    page.show_message("Saved to /home/ann/report.pdf.")
    assert status.text() == "Saved to /home/ann/report.pdf." and status.property("state") == "ok"
    assert all(b.isEnabled() for b in page.export_buttons())
    page.show_message("Not saved: the disk is full.", error=True)
    assert status.property("state") == "error"


# ----- theme -------------------------------------------------------------------------------------


@pytest.mark.parametrize("choice", ["dark", "light"])
def test_charts_follow_light_and_dark(qtbot, qapp, window: MainWindow, choice: str) -> None:
    page = show_progress(qtbot, window)
    page.set_data(sample_data(), GOALS, TODAY)
    reveal_small_charts(qtbot, page)
    try:
        apply_theme(qapp, choice)
        qtbot.waitUntil(lambda: page.chart is not None and page.chart.scheme == choice)
        for small in page.small_charts or ():
            assert small.scheme == choice
    finally:
        apply_theme(qapp, "system")


def test_a_new_range_draws_its_chart_first_and_its_words_right_after(
    qtbot, window: MainWindow
) -> None:
    page = show_progress(qtbot, window)
    page.set_data(sample_data(), GOALS, TODAY)
    insights_text(qtbot, page)
    page.range_button("1y").click()
    assert page.chart is not None and page.chart.analytics is page.current_analytics()
    assert page.insights_pending()  # the words come a moment after the chart
    assert "rank correlation" in insights_text(qtbot, page) or insights_text(qtbot, page)
    assert not page.insights_pending()
