"""The Progress charts: hover in words, keyboard, zoom and pan inside the data,
days or weeks, the small charts, and pictures for the PDF report."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication
from test_progress_page import (
    GOALS,
    TODAY,
    hand_made_data,
    reveal_small_charts,
    sample_data,
    show_progress,
)

from lbp_desktop.domain.analytics import CHANGE_VALUES, range_bounds
from lbp_desktop.views import progress_words as words
from lbp_desktop.views.chart_style import BLUE, ORANGE, ChartStyle
from lbp_desktop.views.main_window import MainWindow
from lbp_desktop.views.progress_chart import (
    DAY_S,
    LEFT_TICKS,
    MIN_VISIBLE_DAYS,
    ProgressChart,
    day_to_x,
)
from lbp_desktop.views.progress_page import ProgressPage
from lbp_desktop.views.progress_render import CHART_NAMES, render_chart, render_chart_images

TUESDAY = TODAY - timedelta(days=1)


def _has_colour(image: QImage, colour: str, tolerance: int = 30) -> bool:
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


def _drawn_page(qtbot, window: MainWindow, data=None, name: str = "3m") -> ProgressPage:
    page = show_progress(qtbot, window)
    page.set_data(data or sample_data(), GOALS, TODAY)
    if name != page.current_range():
        page.range_button(name).click()
    chart = page.chart
    assert chart is not None
    qtbot.waitUntil(lambda: chart.plot.vb.width() > 200)
    return page


def _chart(page: ProgressPage) -> ProgressChart:
    assert page.chart is not None
    return page.chart


def _viewport_point(chart: ProgressChart, day: date, pain: float = 5.0) -> QPoint:
    scene = chart.plot.vb.mapViewToScene(QPointF(day_to_x(day), pain))
    return chart.view.mapFromScene(scene)


# ----- hover and keyboard ------------------------------------------------------------------------


def test_hover_names_the_day_in_words(qtbot, window: MainWindow) -> None:
    page = _drawn_page(qtbot, window, hand_made_data(), "2w")
    chart = _chart(page)
    qtbot.mouseMove(chart.view.viewport(), _viewport_point(chart, TUESDAY))
    expected = (
        "Tue 10 March: pain 4.3 (3 entries), 7-day average 4.9, 2 sessions. "
        "Before a session 5.0, after 3.0."
    )
    qtbot.waitUntil(lambda: page.ui.hoverLabel.text() == expected)
    assert chart.cursor.isVisible()
    assert chart.cursor.value() == pytest.approx(day_to_x(TUESDAY))
    today = len(chart.analytics.pain.days) - 1
    assert chart.point_at(today) == "Wed 11 March: no pain noted, 7-day average 4.9, no sessions."


def test_the_latest_day_is_shown_before_any_hover(qtbot, window: MainWindow) -> None:
    page = _drawn_page(qtbot, window, hand_made_data(), "2w")
    assert page.ui.hoverLabel.text().startswith("Wed 11 March:")


def test_weekly_mode_adds_the_week_against_the_plan(qtbot, window: MainWindow) -> None:
    page = _drawn_page(qtbot, window, sample_data(), "1y")
    chart = _chart(page)
    text = chart.point_at(len(chart.analytics.pain.days) - 1)
    assert text.startswith("Wed 11 March 2026: ")  # a year back crosses New Year: with the year
    assert "Week from Mon 9 March 2026: " in text
    assert "of 4 planned sessions so far (" in text


def test_arrow_keys_walk_the_days_on_a_focused_chart(qtbot, window: MainWindow) -> None:
    page = _drawn_page(qtbot, window, hand_made_data(), "2w")
    chart = _chart(page)
    chart.view.setFocus()
    qtbot.waitUntil(chart.view.hasFocus)
    assert page.ui.hoverLabel.text().startswith("Wed 11 March:")
    qtbot.keyClick(chart.view, Qt.Key.Key_Left)
    assert page.ui.hoverLabel.text().startswith("Tue 10 March: pain 4.3")
    qtbot.keyClick(chart.view, Qt.Key.Key_Home)
    assert page.ui.hoverLabel.text().startswith("Thu 26 February:")
    qtbot.keyClick(chart.view, Qt.Key.Key_PageDown)
    assert page.ui.hoverLabel.text().startswith("Thu 5 March:")
    qtbot.keyClick(chart.view, Qt.Key.Key_End)
    assert page.ui.hoverLabel.text().startswith("Wed 11 March:")


def test_keys_zoom_around_the_cursor_and_keep_it_in_view(qtbot, window: MainWindow) -> None:
    page = _drawn_page(qtbot, window, sample_data(), "3m")
    chart = _chart(page)
    chart.view.setFocus()
    qtbot.waitUntil(chart.view.hasFocus)
    for _ in range(6):
        qtbot.keyClick(chart.view, Qt.Key.Key_Plus)
    low, high = chart.visible_range()
    assert high - low < 30 * DAY_S
    assert page.ui.resetViewButton.isEnabled()
    qtbot.keyClick(chart.view, Qt.Key.Key_Home)
    low, high = chart.visible_range()
    start = chart.analytics.start
    assert low <= day_to_x(start) <= high


# ----- zoom, pan and limits ----------------------------------------------------------------------


def test_zoom_and_pan_stay_inside_the_period(qtbot, window: MainWindow) -> None:
    page = _drawn_page(qtbot, window, sample_data(), "1y")
    chart = _chart(page)
    full_low, full_high = chart.full_range()
    vb = chart.plot.vb
    vb.setXRange(full_low - 3 * 365 * DAY_S, full_high + 3 * 365 * DAY_S, padding=0)
    low, high = chart.visible_range()
    assert low >= full_low - 1 and high <= full_high + 1  # no empty years either side
    vb.setXRange(day_to_x(TODAY) - DAY_S, day_to_x(TODAY), padding=0)
    low, high = chart.visible_range()
    assert high - low >= MIN_VISIBLE_DAYS * DAY_S - 1  # never closer than a week
    vb.translateBy(x=-5 * 365 * DAY_S)
    low, _ = chart.visible_range()
    assert low >= full_low - 1


def test_reset_view_shows_the_whole_period_again(qtbot, window: MainWindow) -> None:
    page = _drawn_page(qtbot, window, sample_data(), "1y")
    chart = _chart(page)
    assert not page.ui.resetViewButton.isEnabled()
    chart.plot.vb.setXRange(day_to_x(TODAY) - 40 * DAY_S, day_to_x(TODAY), padding=0)
    assert page.ui.resetViewButton.isEnabled()
    qtbot.mouseClick(page.ui.resetViewButton, Qt.MouseButton.LeftButton)
    assert chart.visible_range() == pytest.approx(chart.full_range())
    assert not page.ui.resetViewButton.isEnabled()


def test_zooming_in_past_four_months_switches_weeks_to_days(qtbot, window: MainWindow) -> None:
    page = _drawn_page(qtbot, window, sample_data(), "1y")
    chart = _chart(page)
    assert chart.weekly
    assert chart.legend_entries() == [words.PAIN_DAY, words.PAIN_WEEK, words.PLAN_WEEK]
    assert not chart.before_points.isVisible()
    chart.plot.vb.setXRange(day_to_x(TODAY) - 60 * DAY_S, day_to_x(TODAY), padding=0)
    assert not chart.weekly
    assert chart.legend_entries() == [
        words.PAIN_DAY,
        words.PAIN_WEEK,
        words.BEFORE,
        words.AFTER,
        words.SESSIONS_DAY,
    ]
    assert chart.before_points.isVisible() and chart.after_points.isVisible()
    assert words.SESSIONS_DAY in chart.legend_label.text().replace("&nbsp;", " ")


def test_weekly_bars_are_the_share_of_the_plan(qtbot, window: MainWindow) -> None:
    page = _drawn_page(qtbot, window, sample_data(), "1y")
    chart = _chart(page)
    weeks = chart.analytics.adherence.weeks
    assert weeks.percent is not None
    planned = np.isfinite(weeks.percent)
    # Whole weeks in full colour; the week still going on (and one cut by the
    # period's start) paler, as a bar item of their own.
    assert np.asarray(chart.bars.opts["height"]) == pytest.approx(
        weeks.percent[planned & weeks.complete]
    )
    assert np.asarray(chart.pale_bars.opts["height"]) == pytest.approx(
        weeks.percent[planned & ~weeks.complete]
    )
    assert (~weeks.complete).sum() >= 1
    pale = chart.pale_bars.opts["brush"].color().alpha()
    assert pale < chart.bars.opts["brush"].color().alpha()


def test_without_a_plan_weeks_show_sessions(qtbot, window: MainWindow) -> None:
    page = show_progress(qtbot, window)
    page.set_data(sample_data(), (), TODAY)
    page.range_button("1y").click()
    chart = _chart(page)
    assert chart.legend_entries()[-1] == words.SESSIONS_WEEK
    weeks = chart.analytics.adherence.weeks
    assert np.asarray(chart.bars.opts["height"]) == pytest.approx(weeks.sessions[weeks.complete])


def test_daily_bars_only_where_sessions_were_done(qtbot, window: MainWindow) -> None:
    page = _drawn_page(qtbot, window, hand_made_data(), "2w")
    chart = _chart(page)
    assert list(chart.bars.opts["height"]) == [2.0]
    assert list(chart.bars.opts["x"]) == [day_to_x(TUESDAY)]


def test_a_plain_wheel_is_left_to_the_page_and_ctrl_wheel_zooms(qtbot, window: MainWindow) -> None:
    window.resize(1040, 720)
    page = _drawn_page(qtbot, window, sample_data(), "1y")
    chart = _chart(page)
    viewport = chart.view.viewport()
    point = QPointF(_viewport_point(chart, TODAY - timedelta(days=100)))
    before = chart.visible_range()

    def wheel(modifiers: Qt.KeyboardModifier) -> bool:
        event = QWheelEvent(
            point,
            QPointF(viewport.mapToGlobal(point.toPoint())),
            QPoint(0, 0),
            QPoint(0, 120),  # away from the user: zoom in
            Qt.MouseButton.NoButton,
            modifiers,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(viewport, event)
        return event.isAccepted()

    # Left unaccepted, a real wheel event goes on to the page's scroll area (Qt
    # propagates only events from the window system, so that part is Qt's).
    assert not wheel(Qt.KeyboardModifier.NoModifier)
    assert chart.visible_range() == pytest.approx(before)
    assert wheel(Qt.KeyboardModifier.ControlModifier)
    assert chart.visible_range() != pytest.approx(before)


# ----- what the chart draws ----------------------------------------------------------------------


def test_pain_points_line_and_session_points(qtbot, window: MainWindow) -> None:
    page = _drawn_page(qtbot, window, hand_made_data(), "2w")
    chart = _chart(page)
    pain = chart.analytics.pain
    xs, ys = chart.day_points.getData()
    finite = np.isfinite(pain.mean)
    assert list(ys) == pytest.approx(list(pain.mean[finite]))
    assert len(xs) == int(finite.sum())
    _, rolling = chart.rolling_line.getData()
    assert np.isnan(rolling[0]) is np.False_ or len(rolling) == len(pain.days)
    bx, by = chart.before_points.getData()
    ax, ay = chart.after_points.getData()
    assert list(by) == [5.0] and list(ay) == [3.0]
    assert bx[0] < day_to_x(TUESDAY) < ax[0]  # before left of the day, after right of it
    assert chart.plot.getAxis("left")._tickLevels == [LEFT_TICKS]


def test_the_date_axis_reads_like_dates(qtbot, window: MainWindow) -> None:
    chart = _chart(_drawn_page(qtbot, window, hand_made_data(), "2w"))
    axis = chart.date_axis
    assert axis.tickStrings([day_to_x(date(2026, 3, 1))], 1, DAY_S) == ["1 Mar"]
    month = 30 * DAY_S
    assert axis.tickStrings([day_to_x(date(2026, 2, 1))], 1, month) == ["Feb"]
    assert axis.tickStrings([day_to_x(date(2026, 1, 1))], 1, month) == ["Jan 2026"]
    assert axis.tickStrings([day_to_x(date(2025, 1, 1))], 1, 365 * DAY_S) == ["2025"]


def test_every_chart_widget_has_an_accessible_name_and_description(
    qtbot, window: MainWindow
) -> None:
    page = _drawn_page(qtbot, window, sample_data(), "3m")
    reveal_small_charts(qtbot, page)
    chart = _chart(page)
    assert chart.accessibleName() and chart.view.accessibleName()
    assert chart.view.accessibleDescription().startswith("Pain each day from 0 (no pain)")
    assert page.ui.summaryLabel.text() in chart.view.accessibleDescription()
    for small in page.small_charts or ():
        assert small.accessibleName().startswith("Chart of ")
        assert small.accessibleDescription()


def test_colours_are_okabe_ito_from_the_palette(qtbot, window: MainWindow) -> None:
    page = _drawn_page(qtbot, window, sample_data(), "3m")
    chart = _chart(page)
    image = chart.view.grab().toImage()
    assert _has_colour(image, chart.style_used.pain.name())
    assert chart.style_used.sessions == QColor(ORANGE)


def test_small_charts_draw_the_analytics(qtbot, window: MainWindow) -> None:
    page = _drawn_page(qtbot, window, sample_data(), "1y")
    reveal_small_charts(qtbot, page)
    analytics = page.current_analytics()
    assert analytics is not None and page.small_charts is not None
    peg, change, weekday = page.small_charts
    _, scores = peg.line.getData()
    assert list(scores) == pytest.approx(list(analytics.peg.score))
    xs = np.asarray(change.bars.opts["x"]).astype(int)
    heights = np.asarray(change.bars.opts["height"])
    counts_by_value = analytics.session_change.histogram.tolist()
    histogram = dict(zip(CHANGE_VALUES.tolist(), counts_by_value, strict=True))
    assert heights.tolist() == [histogram[int(x)] for x in xs]
    assert xs.min() <= -3 and xs.max() >= 3  # the ends never squeeze the middle
    assert np.asarray(weekday.bars.opts["width"]).tolist() == (
        analytics.adherence.weekdays.sessions.tolist()
    )
    counts = analytics.session_change
    caption = page.ui.changeCaption.text()
    assert f"Less pain after {counts.less_pain} sessions" in caption
    assert f"the same after {counts.same}, more pain after {counts.more_pain}." in caption


# ----- pictures for the PDF ----------------------------------------------------------------------


def test_chart_images_for_the_report(qtbot, qapp) -> None:
    data = sample_data()
    start, end = range_bounds("3m", TODAY, data.first_day())
    analytics = data.analyse(GOALS, start, end, TODAY)
    before = {w for w in QApplication.topLevelWidgets() if w.isVisible()}
    images = render_chart_images(analytics, 1200, 600, scale=2)
    assert tuple(images) == CHART_NAMES
    for name, image in images.items():
        assert (image.width(), image.height()) == (1200, 600), name
        assert image.devicePixelRatio() == 2
        assert image.pixelColor(2, image.height() - 2) == QColor("#ffffff"), name
        colours = {image.pixel(x, y) for x in range(0, 1200, 20) for y in range(0, 600, 20)}
        assert len(colours) > 3, name
    assert _has_colour(images["main"], BLUE)  # print uses the light scheme's blue
    assert _has_colour(images["weekday"], ORANGE, tolerance=40)
    assert {w for w in QApplication.topLevelWidgets() if w.isVisible()} == before


def test_chart_images_ignore_the_screen_theme(qtbot, qapp) -> None:
    from lbp_desktop.views.theme import apply_theme

    data = sample_data()
    start, end = range_bounds("2w", TODAY, data.first_day())
    analytics = data.analyse(GOALS, start, end, TODAY)
    try:
        apply_theme(qapp, "dark")
        image = render_chart("main", analytics, 800, 400)
    finally:
        apply_theme(qapp, "system")
    assert image.pixelColor(1, 1) == QColor("#ffffff")
    dark = render_chart(
        "peg",
        analytics,
        400,
        300,
        style=ChartStyle.for_scheme("dark", QColor("#27282c"), QColor("#ececec")),
    )
    assert dark.pixelColor(1, 1) == QColor("#27282c")
    with pytest.raises(ValueError, match="chart must be one of"):
        render_chart("pie", analytics, 10, 10)
