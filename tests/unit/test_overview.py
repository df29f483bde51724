"""Today summary and daily series on small hand-made histories with known answers."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from lbp_desktop.domain.overview import (
    DailySeries,
    daily_pain_series,
    streak_days,
    today_summary,
)
from lbp_desktop.domain.records import PainCheckIn, PostureBreak, SessionRun

CET = timezone(timedelta(hours=1))
IST = timezone(timedelta(hours=5, minutes=30))
TODAY = date(2026, 3, 11)  # a Wednesday; its ISO week runs Mon 9 to Sun 15 March


def at(day: date, hour: int, minute: int = 0, tz: timezone = CET) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)


def pain(day: date, hour: int, score: int, minute: int = 0, tz: timezone = CET) -> PainCheckIn:
    return PainCheckIn(at=at(day, hour, minute, tz), score=score)


def run(day: date, outcome: str = "completed", hour: int = 10) -> SessionRun:
    return SessionRun(at=at(day, hour), plan_id="gentle-start", outcome=outcome)


def brk(day: date, outcome: str = "taken", hour: int = 11) -> PostureBreak:
    return PostureBreak(at=at(day, hour), outcome=outcome)


def days_before(n: int) -> date:
    return TODAY - timedelta(days=n)


# -- today_summary ---------------------------------------------------------------------------


def test_empty_history_gives_zeros_and_nothing_to_show() -> None:
    summary = today_summary([], [], [], today=TODAY, weekly_goal=3)
    assert summary.today == TODAY
    assert summary.pain_today == ()
    assert summary.last_pain is None
    assert summary.last_pain_score is None
    assert summary.sessions_today == 0
    assert summary.sessions_this_week == 0
    assert summary.weekly_goal == 3
    assert summary.streak_days == 0
    assert summary.breaks_today == 0
    assert not summary.goal_reached


def test_pain_today_is_latest_first_and_last_pain_is_the_newest() -> None:
    morning = pain(TODAY, 8, 6)
    noon = pain(TODAY, 12, 4)
    evening = pain(TODAY, 19, 3)
    yesterday = pain(days_before(1), 21, 7)
    summary = today_summary([noon, yesterday, evening, morning], [], [], today=TODAY, weekly_goal=3)
    assert summary.pain_today == (evening, noon, morning)
    assert summary.last_pain == evening
    assert summary.last_pain_score == 3


def test_last_pain_comes_from_an_earlier_day_when_none_today() -> None:
    older = pain(days_before(3), 9, 5)
    newer = pain(days_before(1), 20, 6)
    summary = today_summary([newer, older], [], [], today=TODAY, weekly_goal=3)
    assert summary.pain_today == ()
    assert summary.last_pain_score == 6


def test_entries_dated_after_today_are_ignored() -> None:
    future = pain(TODAY + timedelta(days=1), 9, 9)
    summary = today_summary([future], [], [], today=TODAY, weekly_goal=3)
    assert summary.last_pain is None


def test_sessions_count_completed_and_partial_only() -> None:
    runs = [
        run(TODAY, "completed"),
        run(TODAY, "partial", hour=18),
        run(TODAY, "in_progress", hour=20),
        run(TODAY, "stopped_for_pain", hour=21),
    ]
    summary = today_summary([], runs, [], today=TODAY, weekly_goal=3)
    assert summary.sessions_today == 2
    assert summary.sessions_this_week == 2


def test_week_is_the_iso_week_monday_to_sunday() -> None:
    runs = [
        run(date(2026, 3, 8)),  # Sunday of the previous week
        run(date(2026, 3, 9)),  # Monday: counts
        run(date(2026, 3, 10)),  # Tuesday: counts
        run(TODAY),  # Wednesday: counts
        run(date(2026, 3, 16)),  # next Monday: not this week
    ]
    summary = today_summary([], runs, [], today=TODAY, weekly_goal=3)
    assert summary.sessions_this_week == 3
    assert summary.goal_reached


def test_breaks_today_count_taken_and_natural() -> None:
    breaks = [
        brk(TODAY, "taken"),
        brk(TODAY, "natural", hour=14),
        brk(TODAY, "snoozed", hour=15),
        brk(TODAY, "skipped", hour=16),
        brk(days_before(1), "taken"),
    ]
    summary = today_summary([], [], breaks, today=TODAY, weekly_goal=3)
    assert summary.breaks_today == 2


@pytest.mark.parametrize(
    ("session_offsets", "expected"),
    [
        ([], 0),
        ([0], 1),
        ([0, 1, 2], 3),
        ([1, 2], 2),  # today has none yet: the streak still stands from yesterday
        ([2, 3, 4], 0),  # yesterday missed: the streak is over
        ([0, 1, 3, 4], 2),  # a gap stops the count
    ],
)
def test_streak(session_offsets: list[int], expected: int) -> None:
    runs = [run(days_before(n)) for n in session_offsets]
    summary = today_summary([], runs, [], today=TODAY, weekly_goal=3)
    assert summary.streak_days == expected


def test_streak_counts_a_day_once_however_many_sessions() -> None:
    assert streak_days([TODAY, TODAY, days_before(1)], TODAY) == 2


def test_midnight_in_plus_0530_uses_the_local_calendar_day() -> None:
    # 23:59 and 00:01 IST are both on 10 March in UTC (18:29 and 18:31),
    # yet the patient lived them on two different days.
    late = pain(days_before(1), 23, 8, minute=59, tz=IST)
    early = pain(TODAY, 0, 2, minute=1, tz=IST)
    assert late.at.astimezone(UTC).date() == early.at.astimezone(UTC).date()
    summary = today_summary([late, early], [], [], today=TODAY, weekly_goal=3)
    assert summary.pain_today == (early,)
    assert summary.last_pain == early

    series = daily_pain_series([late, early], [], days_before(1), TODAY)
    assert series.pain_mean == (8.0, 2.0)


# -- daily_pain_series -----------------------------------------------------------------------


def test_series_means_per_day_with_a_day_without_entries() -> None:
    start = date(2026, 3, 1)
    checkins = [
        pain(start, 8, 6),
        pain(start, 20, 3),  # day 1 mean 4.5
        # day 2: nothing noted
        pain(start + timedelta(days=2), 9, 5),
        pain(start + timedelta(days=2), 13, 6),
        pain(start + timedelta(days=2), 21, 7),  # day 3 mean 6.0
    ]
    runs = [
        run(start + timedelta(days=1)),
        run(start + timedelta(days=1), "partial", hour=17),
        run(start + timedelta(days=2), "in_progress"),
    ]
    series = daily_pain_series(checkins, runs, start, start + timedelta(days=2))
    assert series.days == (date(2026, 3, 1), date(2026, 3, 2), date(2026, 3, 3))
    assert series.pain_mean == (4.5, None, 6.0)
    assert series.sessions == (0, 2, 0)
    assert series.has_data
    assert series.days_with_pain == 2
    assert series.total_sessions == 2


def test_series_ignores_records_outside_the_range() -> None:
    start = date(2026, 3, 5)
    checkins = [pain(start - timedelta(days=1), 9, 9), pain(start + timedelta(days=1), 9, 9)]
    series = daily_pain_series(checkins, [run(start - timedelta(days=1))], start, start)
    assert series == DailySeries(days=(start,), pain_mean=(None,), sessions=(0,))
    assert not series.has_data


def test_series_of_an_empty_history_has_every_day_and_no_data() -> None:
    series = daily_pain_series([], [], date(2026, 2, 27), date(2026, 3, 2))
    assert len(series.days) == 4  # crosses the end of February
    assert series.days[-1] == date(2026, 3, 2)
    assert series.pain_mean == (None,) * 4
    assert series.sessions == (0,) * 4
    assert not series.has_data


def test_series_rejects_an_inverted_range() -> None:
    with pytest.raises(ValueError, match="before start"):
        daily_pain_series([], [], date(2026, 3, 2), date(2026, 3, 1))
