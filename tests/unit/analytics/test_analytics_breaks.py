"""Posture breaks on the Progress page and in the report: per day, per week, in words."""

from __future__ import annotations

from dataclasses import fields
from datetime import date, datetime, timedelta, timezone

import numpy as np
from analytics_helpers import CET, MONDAY, at, pain, run
from hypothesis import given
from hypothesis import strategies as st

from lbp_desktop.domain.analytics import (
    BREAK_COLUMNS,
    BreakTable,
    ProgressData,
    progress_for_range,
)
from lbp_desktop.domain.break_summary import BreakCounts, breaks_by_day
from lbp_desktop.domain.calendar_days import date_of, day_number
from lbp_desktop.domain.records import BREAK_OUTCOMES, PostureBreak
from lbp_desktop.domain.report_content import report_content

IST = timezone(timedelta(hours=5, minutes=30))


def brk(day: date, hour: int, outcome: str, minute: int = 0, tz=CET) -> PostureBreak:
    return PostureBreak(at=at(day, hour, minute, tz=tz), outcome=outcome)


def two_weeks() -> list[PostureBreak]:
    """Mon 5 to Sun 18 January 2026, with known counts per day."""
    tue, thu, sun = MONDAY + timedelta(days=1), MONDAY + timedelta(days=3), MONDAY + timedelta(6)
    next_mon = MONDAY + timedelta(days=7)
    return [
        brk(MONDAY, 10, "taken"),
        brk(MONDAY, 11, "snoozed"),
        brk(MONDAY, 11, "snoozed", 5),
        brk(MONDAY, 11, "taken", 15),
        brk(tue, 14, "natural"),
        brk(thu, 9, "skipped"),
        brk(thu, 15, "snoozed"),
        brk(thu, 15, "natural", 30),  # went away while it was put off
        brk(sun, 23, "taken", 50, tz=IST),  # late evening in Mumbai: still Sunday
        brk(next_mon, 10, "taken"),
        brk(next_mon, 0, "natural", 10, tz=IST),  # just after midnight: Monday
    ]


def analyse(breaks, start=MONDAY, end=None, today=None):
    end = end or MONDAY + timedelta(days=13)
    data = ProgressData.from_records([], [], [], breaks)
    return data.analyse([], start, end, today or end)


def test_days_and_weeks_have_the_known_counts() -> None:
    series = analyse(two_weeks()).breaks
    assert series.days[0] == np.datetime64("2026-01-05") and series.days.size == 14
    daily = series.daily
    assert daily.taken.tolist() == [2, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0]
    assert daily.natural.tolist() == [0, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]
    assert daily.skipped.tolist() == [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    assert daily.snoozed.tolist() == [1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    assert daily.snoozed_unanswered.tolist() == [0, 0, 0, 1] + [0] * 10
    assert daily.breaks.tolist() == [2, 1, 0, 1, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0]
    assert daily.reminders.tolist() == [2, 0, 0, 2, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0]
    weekly = series.weekly
    assert series.week_starts.tolist() == [MONDAY, MONDAY + timedelta(days=7)]
    assert weekly.taken.tolist() == [3, 1]
    assert weekly.natural.tolist() == [2, 1]
    assert weekly.skipped.tolist() == [1, 0]
    assert weekly.snoozed.tolist() == [2, 0]
    assert series.days_counted.tolist() == [7, 7]
    assert series.total == BreakCounts(
        taken=4, natural=3, skipped=1, snoozed=2, snoozed_unanswered=1
    )
    assert series.days_with_breaks == 5


def test_only_days_in_the_range_and_not_after_today_count() -> None:
    wednesday = MONDAY + timedelta(days=2)
    series = analyse(two_weeks(), start=MONDAY + timedelta(days=1), today=wednesday).breaks
    # Monday is before the range; Thursday and later are after "today".
    assert series.total == BreakCounts(natural=1)
    assert series.daily.breaks.sum() == 1 and series.daily.breaks[0] == 1
    assert series.days_counted.tolist() == [2, 0]  # Tue and Wed of the first week
    assert series.weekly.breaks.tolist() == [1, 0]


def test_no_breaks_gives_zeros_of_the_right_shape() -> None:
    analytics = ProgressData.from_records([pain(MONDAY, 4)], [], []).analyse(
        [], MONDAY, MONDAY + timedelta(days=9), MONDAY + timedelta(days=9)
    )
    series = analytics.breaks
    assert series.daily.taken.shape == (10,) and not series.daily.breaks.any()
    assert series.weekly.breaks.shape == (2,)
    assert series.total == BreakCounts() and not series.total.has_any
    assert not ProgressData.from_records([], [], []).has_breaks


def test_breaks_count_for_the_first_day_and_the_all_range() -> None:
    early = MONDAY - timedelta(days=20)
    data = ProgressData.from_records(
        [pain(MONDAY, 4)], [run(MONDAY)], [], [brk(early, 10, "taken")]
    )
    assert data.has_breaks
    assert data.first_day() == early
    # Only breaks: the page still has days to show.
    assert ProgressData.from_records([], [], [], [brk(MONDAY, 9, "skipped")]).first_day() == MONDAY
    analytics = progress_for_range(
        [pain(MONDAY, 4), brk(early, 10, "taken"), brk(MONDAY, 11, "natural")],
        [],
        "all",
        MONDAY,
    )
    assert analytics.start == early
    assert analytics.breaks.total == BreakCounts(taken=1, natural=1)


def test_the_table_columns_are_the_counts_fields() -> None:
    assert tuple(f.name for f in fields(BreakCounts)) == BREAK_COLUMNS
    assert tuple(f.name for f in fields(BreakTable)) == BREAK_COLUMNS


def test_the_arrays_are_read_only() -> None:
    series = analyse(two_weeks()).breaks
    for array in (series.daily.taken, series.weekly.snoozed, series.days_counted):
        assert not array.flags.writeable


@given(
    st.lists(
        st.tuples(
            st.integers(0, 40),  # day from MONDAY
            st.integers(0, 23 * 60 + 59),  # minute of the day
            st.sampled_from(BREAK_OUTCOMES),
            st.sampled_from([CET, IST, timezone(timedelta(hours=-7))]),
        ),
        max_size=60,
    )
)
def test_the_daily_table_agrees_with_break_summary(items) -> None:
    breaks = [
        PostureBreak(
            at=datetime(2026, 1, 5, tzinfo=tz) + timedelta(days=d, minutes=m), outcome=outcome
        )
        for d, m, outcome, tz in items
    ]
    end = MONDAY + timedelta(days=40)
    series = analyse(breaks, end=end).breaks
    by_day = breaks_by_day(breaks)
    start = day_number(MONDAY)
    for i in range(series.days.size):
        counts = by_day.get(date_of(start + i), BreakCounts())
        row = (
            series.daily.taken[i],
            series.daily.natural[i],
            series.daily.skipped[i],
            series.daily.snoozed[i],
            series.daily.snoozed_unanswered[i],
        )
        assert tuple(int(n) for n in row) == (
            counts.taken,
            counts.natural,
            counts.skipped,
            counts.snoozed,
            counts.snoozed_unanswered,
        )
    assert int(series.weekly.breaks.sum()) == sum(c.breaks for c in by_day.values())


# ----- the report's key figures ------------------------------------------------------------


def _report(breaks):
    last = MONDAY + timedelta(days=13)
    return report_content(
        [pain(MONDAY + timedelta(days=d), 4) for d in range(14)],
        [run(MONDAY)],
        [],
        goal_history=[(MONDAY, 3)],
        plan_names={"gentle-start": "Gentle start"},
        start=MONDAY,
        end=last,
        today=last,
        breaks=breaks,
    )


def test_the_report_has_one_line_about_breaks() -> None:
    figures = {f.label: f.value for f in _report(two_weeks()).figures}
    assert figures["Posture breaks"] == (
        "7 taken on 5 of 14 days (4 when reminded, 3 on their own); reminders skipped 1, put off 2"
    )


def test_the_report_says_nothing_about_breaks_without_any() -> None:
    labels = [f.label for f in _report([]).figures]
    assert "Posture breaks" not in labels
    # Breaks outside the period are left out too.
    before = [brk(MONDAY - timedelta(days=3), 10, "taken")]
    assert "Posture breaks" not in [f.label for f in _report(before).figures]
