"""Posture breaks on the Today card and the Progress page's break chart, with pictures."""

from __future__ import annotations

from datetime import timedelta
from functools import cache

import numpy as np
import pytest
from gui_sample_data import TODAY, at
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from shots import not_blank, save_shot
from test_progress_page import GOALS, TZ, show_progress
from test_progress_screenshots import SMALLEST_SIZE, cut_off_texts

from lbp_desktop.domain.analytics import ProgressData
from lbp_desktop.domain.demo_history import generate_history
from lbp_desktop.domain.overview import today_summary
from lbp_desktop.domain.records import PainCheckIn, PegAnswer, PostureBreak, SessionRun
from lbp_desktop.views import progress_words as words
from lbp_desktop.views.chart_style import BLUISH_GREEN, ORANGE
from lbp_desktop.views.main_window import MainWindow
from lbp_desktop.views.progress_page import ProgressPage
from lbp_desktop.views.progress_small_charts import BreaksChart, blend
from lbp_desktop.views.theme import apply_theme
from lbp_desktop.views.today_page import NO_BREAKS_YET, TodayPage, break_parts


@pytest.fixture(params=["light", "dark"])
def scheme(request, qapp):
    apply_theme(qapp, request.param)
    yield request.param
    apply_theme(qapp, "system")


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def todays_breaks() -> list[PostureBreak]:
    """Two breaks after a reminder (one put off first), one on the person's own, one
    reminder skipped; and yesterday's, which must not count."""
    return [
        PostureBreak(at=at(TODAY - timedelta(days=1), 15), outcome="taken"),
        PostureBreak(at=at(TODAY, 9, 30), outcome="taken", duration_s=120),
        PostureBreak(at=at(TODAY, 11, 0), outcome="snoozed"),
        PostureBreak(at=at(TODAY, 11, 10), outcome="taken", duration_s=90),
        PostureBreak(at=at(TODAY, 12, 40), outcome="natural", duration_s=1500),
        PostureBreak(at=at(TODAY, 15, 0), outcome="skipped"),
    ]


# ----- Today -------------------------------------------------------------------------------------


def test_the_today_card_counts_breaks_and_says_what_happened(window: MainWindow, history) -> None:
    page: TodayPage = window.today_page
    checkins, runs, _ = history
    page.show_summary(today_summary(checkins, runs, todays_breaks(), today=TODAY, weekly_goal=4))
    assert page.ui.breaksValueLabel.text() == "3"
    nbsp = "\u00a0"
    # A line for the breaks, one for the reminders not taken up; no wrap inside a part.
    assert page.ui.breaksDetailLabel.text().replace(nbsp, " ") == (
        "2 when reminded, 1 on your own\n1 skipped, 1 put off"
    )
    assert f"on{nbsp}your{nbsp}own" in page.ui.breaksDetailLabel.text()
    assert page.ui.breaksCard.accessibleName() == (
        "Posture breaks today: 3. 2 when reminded, 1 on your own, 1 skipped, 1 put off."
    )


def test_the_today_card_without_breaks_is_gentle(window: MainWindow) -> None:
    page: TodayPage = window.today_page
    yesterday = [PostureBreak(at=at(TODAY - timedelta(days=1), 10), outcome="taken")]
    page.show_summary(today_summary([], [], yesterday, today=TODAY, weekly_goal=3))
    assert page.ui.breaksValueLabel.text() == "0"
    assert page.ui.breaksDetailLabel.text() == NO_BREAKS_YET
    assert page.ui.breaksCard.accessibleName() == f"Posture breaks today: 0. {NO_BREAKS_YET}"


def test_a_day_of_only_skipped_reminders_says_so_without_a_break(window: MainWindow) -> None:
    page: TodayPage = window.today_page
    skipped = [PostureBreak(at=at(TODAY, h), outcome="skipped") for h in (10, 14)]
    page.show_summary(today_summary([], [], skipped, today=TODAY, weekly_goal=3))
    assert page.ui.breaksValueLabel.text() == "0"
    assert page.ui.breaksDetailLabel.text() == "2\u00a0skipped"
    assert page.ui.breaksCard.accessibleName() == "Posture breaks today: 0. 2 skipped."


def test_break_parts_leave_out_what_did_not_happen() -> None:
    summary = today_summary([], [], todays_breaks()[1:2], today=TODAY, weekly_goal=3)
    assert break_parts(summary.break_counts) == (["1 when reminded"], [])
    summary = today_summary([], [], todays_breaks(), today=TODAY, weekly_goal=3)
    assert break_parts(summary.break_counts) == (
        ["2 when reminded", "1 on your own"],
        ["1 skipped", "1 put off"],
    )


def test_today_with_breaks_picture(qtbot, scheme: str, window: MainWindow, history) -> None:
    page: TodayPage = window.today_page
    checkins, runs, _ = history
    page.show_summary(today_summary(checkins, runs, todays_breaks(), today=TODAY, weekly_goal=4))
    _settle()  # laid out first, or there is nothing to scroll to yet
    page.ui.scrollArea.ensureWidgetVisible(page.ui.breaksCard)
    _settle()
    assert not_blank(save_shot(window, f"today-breaks-{scheme}"))
    card = page.ui.breaksCard
    assert not_blank(save_shot(card, f"today-breaks-card-{scheme}"))
    # The detail is not cut off: the card is as tall as its wrapped words need.
    detail = page.ui.breaksDetailLabel
    assert detail.heightForWidth(detail.width()) <= detail.height() + 1


# ----- Progress ----------------------------------------------------------------------------------


@cache
def data_with_breaks(days: int = 400) -> ProgressData:
    """The demo generator's diary (light profile: 3 break events a day), breaks included."""
    records = list(generate_history(days=days, profile="light", end=TODAY, tz=TZ, seed=11))
    return ProgressData.from_records(
        [r for r in records if isinstance(r, PainCheckIn)],
        [r for r in records if isinstance(r, SessionRun)],
        [r for r in records if isinstance(r, PegAnswer)],
        [r for r in records if isinstance(r, PostureBreak)],
    )


def _page(qtbot, window: MainWindow, data: ProgressData, name: str) -> ProgressPage:
    window.resize(1040, 720)
    page = show_progress(qtbot, window)
    page.set_data(data, GOALS, TODAY)
    if page.current_range() != name:
        page.range_button(name).click()
    _settle()
    return page


def _reveal_breaks(qtbot, page: ProgressPage) -> BreaksChart:
    def built() -> bool:
        page.ui.scrollArea.ensureWidgetVisible(page.ui.breaksFrame, 0, 0)
        return page.breaks_chart is not None

    qtbot.waitUntil(built)
    page.ui.scrollArea.ensureWidgetVisible(page.ui.breaksFrame, 0, 0)
    _settle()
    chart = page.breaks_chart
    assert chart is not None
    return chart


def _bar_values(chart: BreaksChart, part: str) -> dict[int, tuple[float, float]]:
    """Bar centre (in whole days from the epoch, rounded) -> (bottom, height)."""
    opts = chart.bars[part].opts
    xs = np.asarray(opts["x"], dtype=float)
    y0 = np.broadcast_to(np.asarray(opts["y0"], dtype=float), xs.shape)
    heights = np.asarray(opts["height"], dtype=float)
    return {
        round(x / 86_400): (float(b), float(h)) for x, b, h in zip(xs, y0, heights, strict=True)
    }


def test_the_break_chart_is_built_when_scrolled_into_view(qtbot, window: MainWindow) -> None:
    page = _page(qtbot, window, data_with_breaks(), "3m")
    assert page.breaks_chart is None  # below the fold at first
    assert not page.ui.breaksFrame.isHidden()
    chart = _reveal_breaks(qtbot, page)
    assert chart.analytics is page.current_analytics()
    assert page.ui.breaksCaption.text() == words.breaks_caption(chart.analytics.breaks)


def test_daily_bars_stack_the_days_counts(qtbot, window: MainWindow) -> None:
    page = _page(qtbot, window, data_with_breaks(), "2w")
    chart = _reveal_breaks(qtbot, page)
    analytics = chart.analytics
    assert analytics is not None and not chart.weekly
    daily = analytics.breaks.daily
    reminded = _bar_values(chart, words.BREAK_REMINDED)
    own = _bar_values(chart, words.BREAK_OWN)
    skipped = _bar_values(chart, words.REMINDER_SKIPPED)
    put_off = _bar_values(chart, words.REMINDER_PUT_OFF)
    assert sum(h for _, h in reminded.values()) == daily.taken.sum() > 0
    assert sum(h for _, h in own.values()) == daily.natural.sum()
    assert sum(h for _, h in skipped.values()) == daily.skipped.sum()
    assert sum(h for _, h in put_off.values()) == daily.snoozed.sum()
    # On your own sits on top of after a reminder; put off on top of skipped.
    for key, (bottom, _height) in own.items():
        assert bottom == reminded.get(key, (0.0, 0.0))[1]
    for key, (bottom, _height) in put_off.items():
        assert bottom == skipped.get(key, (0.0, 0.0))[1]
    # The breaks' bar is left of the day, the other one right of it.
    x_breaks = np.asarray(chart.bars[words.BREAK_REMINDED].opts["x"], dtype=float)
    x_other = np.asarray(chart.bars[words.REMINDER_SKIPPED].opts["x"], dtype=float)
    assert (x_breaks % 86_400 > 43_200).all() and (x_other % 86_400 < 43_200).all()


def test_a_month_shows_days_and_longer_shows_weeks(qtbot, window: MainWindow) -> None:
    page = _page(qtbot, window, data_with_breaks(), "2w")
    chart = _reveal_breaks(qtbot, page)
    assert not chart.weekly
    assert chart.plot_item.getAxis("left").labelText == "Per day"
    page.range_button("3m").click()
    _settle()
    assert chart.weekly
    page.range_button("1y").click()
    _settle()
    analytics = chart.analytics
    assert analytics is not None and chart.weekly
    weekly = analytics.breaks.weekly
    heights = _bar_values(chart, words.BREAK_REMINDED)
    assert len(heights) == int((weekly.taken > 0).sum())
    assert sum(h for _, h in heights.values()) == weekly.taken.sum()
    assert chart.plot_item.getAxis("left").labelText == "Per week"
    ticks = chart.plot_item.getAxis("left")._tickLevels[0]
    assert ticks[-1][0] >= int((weekly.taken + weekly.natural).max())


def test_the_chart_words_and_names(qtbot, window: MainWindow) -> None:
    page = _page(qtbot, window, data_with_breaks(), "3m")
    chart = _reveal_breaks(qtbot, page)
    assert chart.analytics is not None
    total = chart.analytics.breaks.total
    caption = page.ui.breaksCaption.text()
    assert caption.startswith(f"{total.breaks} breaks: {total.taken} when reminded")
    assert f"{total.skipped} reminders skipped, {total.snoozed} put off" in caption
    assert chart.accessibleName() == "Chart of posture breaks"
    assert chart.accessibleDescription() == caption
    assert chart.legend_entries() == [
        words.BREAK_REMINDED,
        words.BREAK_OWN,
        words.REMINDER_SKIPPED,
        words.REMINDER_PUT_OFF,
    ]
    legend = chart.legend_label.text()
    assert all(entry.replace(" ", "&nbsp;") in legend for entry in chart.legend_entries())
    summary = page.ui.summaryLabel.text()
    assert summary.endswith(f"You took {total.breaks} posture breaks.")


def test_no_break_records_no_break_chart(qtbot, window: MainWindow) -> None:
    records = list(generate_history(days=60, profile="light", end=TODAY, tz=TZ, seed=3))
    data = ProgressData.from_records(
        [r for r in records if isinstance(r, PainCheckIn)],
        [r for r in records if isinstance(r, SessionRun)],
        [],
    )
    page = _page(qtbot, window, data, "3m")
    assert page.ui.breaksFrame.isHidden()
    assert "posture break" not in page.ui.summaryLabel.text()


def test_colours_are_okabe_ito_and_follow_the_theme(qtbot, qapp, window: MainWindow) -> None:
    page = _page(qtbot, window, data_with_breaks(), "3m")
    chart = _reveal_breaks(qtbot, page)
    try:
        for choice in ("light", "dark"):
            apply_theme(qapp, choice)
            qtbot.waitUntil(lambda c=choice: chart.scheme == c)
            colours = chart.colours()
            background = chart._style.background
            assert colours[words.BREAK_REMINDED] == blend(QColor(BLUISH_GREEN), background, 0.9)
            assert colours[words.REMINDER_SKIPPED] == blend(QColor(ORANGE), background, 0.9)
            # The light shades sit between the hue and the background.
            light = colours[words.BREAK_OWN]
            assert light != colours[words.BREAK_REMINDED] and light != background
            brush = chart.bars[words.BREAK_OWN].opts["brush"]
            assert brush.color() == light
    finally:
        apply_theme(qapp, "system")


def test_blend_mixes_two_colours() -> None:
    mixed = blend(QColor(200, 100, 0), QColor(0, 0, 0), 0.5)
    assert (mixed.red(), mixed.green(), mixed.blue()) == (100, 50, 0)
    assert blend(QColor("#123456"), QColor("#ffffff"), 1.0) == QColor("#123456")


@pytest.mark.parametrize("name", ["2w", "3m", "1y", "all"])
def test_break_chart_pictures(qtbot, scheme: str, window: MainWindow, name: str) -> None:
    page = _page(qtbot, window, data_with_breaks(), name)
    _reveal_breaks(qtbot, page)
    assert not_blank(save_shot(page.ui.breaksFrame, f"progress-breaks-{name}-{scheme}"))
    if name == "3m":
        # Scrolled once more: building the charts above moved the frame down.
        page.ui.scrollArea.ensureWidgetVisible(page.ui.breaksFrame, 0, 0)
        _settle()
        assert not_blank(save_shot(window, f"progress-breaks-page-{scheme}"))


def test_the_break_chart_in_the_smallest_window(qtbot, scheme: str, window: MainWindow) -> None:
    window.resize(*SMALLEST_SIZE)
    page = show_progress(qtbot, window)
    page.set_data(data_with_breaks(), GOALS, TODAY)
    _settle()
    chart = _reveal_breaks(qtbot, page)
    page.ui.scrollArea.ensureWidgetVisible(page.ui.breaksFrame, 0, 0)
    _settle()
    assert not_blank(save_shot(window, f"progress-breaks-smallest-{scheme}"))
    assert cut_off_texts(page.ui.breaksFrame) == []
    assert page.ui.scrollArea.horizontalScrollBar().maximum() == 0
    # The legend wraps rather than widening the page.
    assert chart.legend_label.width() <= page.ui.breaksFrame.width()
