"""Daily means, the 7-day rolling mean with gaps, pre/post points, weekly means."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta

import numpy as np
import pytest
from analytics_helpers import pain, run

from lbp_desktop.domain.analytics import ProgressAnalytics, progress_analytics
from lbp_desktop.domain.records import PainCheckIn, SessionRun

START = date(2026, 1, 5)  # a Monday
END = date(2026, 1, 18)  # the Sunday a fortnight later


def d(day: int) -> date:
    """A date in January 2026 (0 and negative numbers reach back into December)."""
    return date(2026, 1, 1) + timedelta(days=day - 1)


CHECKINS = [
    pain(d(-3), 10),  # 28 December: more than six days before the start, never used
    pain(d(1), 8),  # 1 January: inside the six days before the start, feeds the rolling mean
    pain(d(5), 2, hour=8),
    pain(d(5), 4, hour=10, context="before_session"),
    pain(d(6), 5, context="after_session"),
    pain(d(10), 6, context="during_session"),
    pain(d(18), 1),
]


def analyse(
    checkins: Sequence[PainCheckIn] = CHECKINS,
    runs: Sequence[SessionRun] = (),
    start: date = START,
    end: date = END,
    today: date = END,
) -> ProgressAnalytics:
    return progress_analytics(checkins, runs, [], [], start, end, today)


def test_daily_mean_takes_every_context_and_leaves_empty_days_nan() -> None:
    result = analyse()
    mean = result.pain.mean
    assert result.pain.days[0] == np.datetime64("2026-01-05")
    assert result.pain.days.size == 14
    assert mean[0] == 3.0  # (2 + 4) / 2: an "any time" and a "before session" entry
    assert mean[1] == 5.0  # after a session
    assert mean[5] == 6.0  # during a session
    assert mean[13] == 1.0
    assert result.pain.entries.tolist() == [2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1]
    assert int(np.isnan(mean).sum()) == 10
    assert result.pain.days_with_entries == 4


def test_rolling_mean_averages_the_days_that_have_data_and_is_nan_without_any() -> None:
    rolling = analyse().pain.rolling7
    # Window 30 Dec - 5 Jan: 1 Jan (8) and 5 Jan (3).
    # Then: 31 Dec - 6 Jan: 8, 3, 5; 1-7 Jan: 8, 3, 5; 2-8 and 3-9 Jan: 3, 5;
    # 4-10 and 5-11 Jan: 3, 5, 6; 6-12 Jan: 5, 6; 7-13 to 10-16 Jan: 6;
    # 11-17 Jan: nothing; 12-18 Jan: 1.
    expected = [5.5, 16 / 3, 16 / 3, 4.0, 4.0, 14 / 3, 14 / 3, 5.5, 6, 6, 6, 6, math.nan, 1.0]
    assert rolling.tolist() == pytest.approx(expected, nan_ok=True)
    assert analyse().pain.rolling7_days.tolist() == [2, 3, 3, 2, 2, 3, 3, 2, 1, 1, 1, 1, 0, 1]


def test_rolling_mean_weighs_days_not_entries() -> None:
    # Day 1: ten entries of 0; day 2: one entry of 10. Per day: (0 + 10) / 2 = 5,
    # where a mean of the entries would give 10 / 11.
    checkins = [pain(START, 0, hour=8 + i) for i in range(10)] + [pain(START + timedelta(1), 10)]
    result = analyse(checkins, start=START, end=START + timedelta(1), today=START + timedelta(1))
    assert result.pain.rolling7.tolist() == [0.0, 5.0]


def test_without_the_days_before_the_start_the_first_windows_are_shorter() -> None:
    later = [c for c in CHECKINS if c.at.date() >= START]
    rolling = analyse(later).pain.rolling7
    assert rolling[:3].tolist() == pytest.approx([3.0, 4.0, 4.0])


def test_nothing_after_today_is_used_and_no_line_runs_into_the_future() -> None:
    future = [*CHECKINS, pain(d(16), 9)]
    result = analyse(future, end=d(20), today=d(15))
    mean = result.pain.mean
    assert np.isnan(mean[11])  # 16 January is after today
    assert result.pain.rolling7[10] == 6.0  # 15 January: window 9-15 holds 10 Jan (6)
    assert np.isnan(result.pain.rolling7[11:]).all()
    assert result.pain.rolling7_days[11:].tolist() == [0] * 5
    assert result.pain.entries[11:].tolist() == [0] * 5


def test_pre_and_post_session_points_come_from_the_runs() -> None:
    runs = [
        run(d(5), pre=4, post=2),
        run(d(5), "partial", hour=18, pre=6, post=5),
        run(d(6), "in_progress", pre=3),
    ]
    result = analyse(runs=runs)
    assert result.pain.pre_session[:2].tolist() == [5.0, 3.0]  # (4 + 6) / 2; then 3
    assert result.pain.post_session[0] == 3.5  # (2 + 5) / 2
    assert np.isnan(result.pain.post_session[1])
    assert np.isnan(result.pain.pre_session[2:]).all()
    # Run scores are not mixed into the daily mean of the check-ins.
    assert result.pain.mean[0] == 3.0


def test_weekly_mean_is_the_mean_of_the_daily_means() -> None:
    weekly = analyse().weekly_pain
    assert weekly.week_starts.tolist() == [date(2026, 1, 5), date(2026, 1, 12)]
    assert weekly.mean.tolist() == pytest.approx([(3 + 5 + 6) / 3, 1.0])
    assert weekly.days_with_entries.tolist() == [3, 1]
    assert weekly.complete.tolist() == [True, True]


def test_arrays_are_read_only() -> None:
    result = analyse()
    with pytest.raises(ValueError, match="read-only"):
        result.pain.mean[0] = 0.0
    with pytest.raises(ValueError, match="read-only"):
        result.adherence.sessions[0] = 9
