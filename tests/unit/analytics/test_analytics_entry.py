"""The single entry point: empty and tiny histories, PEG, pre/post change, ranges."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from analytics_helpers import pain, peg, run

from lbp_desktop.domain.adherence import counts_as_done
from lbp_desktop.domain.analytics import (
    CHANGE_VALUES,
    RANGES,
    ProgressData,
    first_record_day,
    progress_analytics,
    progress_for_range,
    range_bounds,
)
from lbp_desktop.domain.demo_history import generate_history
from lbp_desktop.domain.insights import Shortfall, Status
from lbp_desktop.domain.records import PainCheckIn, PegAnswer, PostureBreak, SessionRun

TODAY = date(2026, 3, 11)  # a Wednesday
START = TODAY - timedelta(days=13)


def test_empty_history() -> None:
    result = progress_analytics([], [], [], [], START, TODAY, TODAY)
    assert result.pain.days.size == 14
    assert np.isnan(result.pain.mean).all() and np.isnan(result.pain.rolling7).all()
    assert result.pain.days_with_entries == 0
    assert result.adherence.sessions.tolist() == [0] * 14
    assert result.adherence.weeks.percent is None
    assert result.weekly_pain.week_starts.size == 3  # 23 Feb, 2 Mar, 9 Mar
    assert result.peg.count == 0 and result.peg.score.size == 0
    change = result.session_change
    assert change.count == 0 and change.mean is None and change.median is None
    assert change.histogram.tolist() == [0] * 21
    insights = result.insights
    assert insights.pain_weeks == 0
    assert insights.plan_comparison.status is Status.NO_PLAN
    assert insights.correlation.shortfalls == (Shortfall(6, "week_pairs"),)
    assert insights.change.shortfalls == (Shortfall(4, "pain_weeks"),)


def test_a_single_entry() -> None:
    entry = pain(TODAY - timedelta(days=3), 7)  # Sunday 8 March
    result = progress_analytics([entry], [], [], [(START, 3)], START, TODAY, TODAY)
    assert result.pain.mean[10] == 7.0
    assert int(np.isfinite(result.pain.mean).sum()) == 1
    # The rolling mean carries it to today (days 10-13), not before it.
    assert result.pain.rolling7[10:].tolist() == [7.0] * 4
    assert np.isnan(result.pain.rolling7[:10]).all()
    assert result.weekly_pain.mean[1] == 7.0
    assert result.weekly_pain.days_with_entries.tolist() == [0, 1, 0]
    # One day is not a pain week; the plan exists but no group has a week.
    assert result.insights.pain_weeks == 0
    assert result.insights.plan_comparison.status is Status.NOT_ENOUGH_DATA
    assert result.insights.change.shortfalls[0].text == (
        "4 more weeks with pain noted on 3 or more days"
    )


def test_peg_scores_are_the_mean_of_the_three_items_in_time_order() -> None:
    pegs = [
        peg(TODAY - timedelta(days=2), 2, 5, 8),  # 5
        peg(TODAY - timedelta(days=9), 6, 3, 3),  # 4
        peg(TODAY - timedelta(days=5), 0, 0, 3, hour=20),  # 1, later the same day ...
        peg(TODAY - timedelta(days=5), 9, 9, 9, hour=8),  # ... than this 9
        peg(START - timedelta(days=1), 1, 1, 1),  # before the range
        peg(TODAY + timedelta(days=1), 1, 1, 1),  # after today
    ]
    result = progress_analytics([], [], pegs, [], START, TODAY, TODAY).peg
    assert result.count == 4
    assert result.score.tolist() == pytest.approx([4.0, 9.0, 1.0, 5.0])
    assert result.pain.tolist() == [6.0, 9.0, 0.0, 2.0]
    assert result.enjoyment.tolist() == [3.0, 9.0, 0.0, 5.0]
    assert result.activity.tolist() == [3.0, 9.0, 3.0, 8.0]
    assert result.days.tolist() == [
        TODAY - timedelta(days=9),
        TODAY - timedelta(days=5),
        TODAY - timedelta(days=5),
        TODAY - timedelta(days=2),
    ]


def test_pain_change_from_before_to_after_sessions() -> None:
    runs = [
        run(TODAY - timedelta(days=1), pre=4, post=4),  # 0
        run(TODAY - timedelta(days=4), pre=5, post=3),  # -2
        run(TODAY - timedelta(days=1), "stopped_for_pain", hour=18, pre=3, post=6),  # +3
        run(TODAY - timedelta(days=2), "in_progress", pre=5, post=1),  # not finished
        run(TODAY - timedelta(days=3), pre=6),  # no score after
        run(START - timedelta(days=1), pre=8, post=0),  # before the range
    ]
    change = progress_analytics([], runs, [], [], START, TODAY, TODAY).session_change
    assert change.change.tolist() == [-2, 0, 3]
    assert change.stopped_for_pain.tolist() == [False, False, True]
    assert change.days.tolist() == [TODAY - timedelta(days=4)] + [TODAY - timedelta(days=1)] * 2
    assert change.count == 3
    assert change.mean == pytest.approx(1 / 3)
    assert change.median == 0.0
    assert (change.less_pain, change.same, change.more_pain) == (1, 1, 1)
    histogram = dict(zip(CHANGE_VALUES.tolist(), change.histogram.tolist(), strict=True))
    assert {k: v for k, v in histogram.items() if v} == {-2: 1, 0: 1, 3: 1}


def test_named_ranges_end_today() -> None:
    assert RANGES == ("2w", "3m", "1y", "all")
    assert range_bounds("2w", TODAY) == (date(2026, 2, 26), TODAY)
    assert range_bounds("3m", TODAY) == (date(2025, 12, 12), TODAY)
    # 31 May back three months is 28 February (no 31st): the range starts 1 March.
    assert range_bounds("3m", date(2026, 5, 31)) == (date(2026, 3, 1), date(2026, 5, 31))
    assert range_bounds("1y", TODAY) == (date(2025, 3, 12), TODAY)
    assert range_bounds("1y", date(2024, 2, 29)) == (date(2023, 3, 1), date(2024, 2, 29))
    assert range_bounds("all", TODAY, date(2020, 5, 17)) == (date(2020, 5, 17), TODAY)
    assert range_bounds("all", TODAY) == range_bounds("2w", TODAY)
    assert range_bounds("all", TODAY, TODAY + timedelta(days=3)) == range_bounds("2w", TODAY)
    with pytest.raises(ValueError, match="range must be one of"):
        range_bounds("6w", TODAY)


def test_end_before_start_is_refused() -> None:
    with pytest.raises(ValueError, match="before start"):
        progress_analytics([], [], [], [], TODAY, START, TODAY)


def test_first_record_day_looks_at_every_kind() -> None:
    assert first_record_day([], []) is None
    checkins = [pain(TODAY, 3)]
    runs = [run(START + timedelta(days=2))]
    assert first_record_day(checkins, runs) == START + timedelta(days=2)


def test_a_mixed_record_list_gives_the_same_answer_as_split_lists() -> None:
    records = list(
        generate_history(days=240, profile="heavy", end=TODAY, tz=ZoneInfo("Europe/Berlin"), seed=7)
    )
    assert any(isinstance(r, PostureBreak) for r in records)
    goal = [(date(2025, 1, 1), 14)]
    mixed = progress_for_range(records, goal, "all", TODAY)
    checkins = [r for r in records if isinstance(r, PainCheckIn)]
    runs = [r for r in records if isinstance(r, SessionRun)]
    pegs = [r for r in records if isinstance(r, PegAnswer)]
    first = TODAY - timedelta(days=239)
    assert (mixed.start, mixed.end) == (first, TODAY)
    split = progress_analytics(checkins, runs, pegs, goal, first, TODAY, TODAY)
    assert np.array_equal(mixed.pain.mean, split.pain.mean, equal_nan=True)
    assert mixed.insights == split.insights
    assert mixed.adherence.total == sum(1 for r in runs if counts_as_done(r))
    assert mixed.peg.count == len(pegs)
    assert set(mixed.pain.entries.tolist()) == {3}


def test_demo_history_shows_less_pain_in_weeks_that_met_the_plan() -> None:
    # The generator makes pain follow adherence, so an honest analysis must see it.
    records = generate_history(
        days=240, profile="heavy", end=TODAY, tz=ZoneInfo("Europe/Berlin"), seed=7
    )
    result = progress_for_range(records, [(date(2025, 1, 1), 14)], "all", TODAY)
    comparison = result.insights.plan_comparison
    assert comparison.status is Status.OK
    assert comparison.met_weeks + comparison.fewer_weeks == result.insights.pain_weeks
    assert comparison.difference is not None and comparison.difference < 0
    corr = result.insights.correlation
    assert corr.status is Status.OK and corr.rho is not None and corr.rho < 0


def test_prepared_data_analyses_any_range_like_the_one_shot_call() -> None:
    checkins = [pain(TODAY - timedelta(days=n), n % 11) for n in range(0, 120, 2)]
    runs = [run(TODAY - timedelta(days=n), pre=5, post=n % 7) for n in range(0, 120, 3)]
    pegs = [peg(TODAY - timedelta(days=n), 4, 5, 6) for n in range(0, 120, 7)]
    data = ProgressData.from_records(checkins, runs, pegs)
    assert data.first_day() == TODAY - timedelta(days=119)
    goal = [(TODAY - timedelta(days=200), 3)]
    for name in RANGES:
        start, end = range_bounds(name, TODAY, data.first_day())
        once = progress_analytics(checkins, runs, pegs, goal, start, end, TODAY)
        again = data.analyse(goal, start, end, TODAY)
        assert np.array_equal(once.pain.rolling7, again.pain.rolling7, equal_nan=True)
        assert np.array_equal(once.adherence.sessions, again.adherence.sessions)
        assert np.array_equal(once.session_change.change, again.session_change.change)
        assert once.insights == again.insights
    assert ProgressData.from_records([], [], []).first_day() is None
