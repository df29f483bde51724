"""Which runs count, weekly share of the plan, goal changes, weekdays."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest
from analytics_helpers import MONDAY, run, step

from lbp_desktop.domain.adherence import adherence, counts_as_done, goal_table
from lbp_desktop.domain.records import SessionRun

WEEK2 = MONDAY + timedelta(weeks=1)
WEEK3 = MONDAY + timedelta(weeks=2)
WEEK4 = MONDAY + timedelta(weeks=3)
LAST_SUNDAY = WEEK4 + timedelta(days=6)


def runs_on(monday: date, count: int) -> list[SessionRun]:
    return [run(monday + timedelta(days=i % 7), hour=7 + i // 7) for i in range(count)]


def test_the_counting_rule_for_each_outcome() -> None:
    assert counts_as_done(run(MONDAY, "completed"))
    # Stopped by the pain rule: the work up to the stop counts, steps or not.
    assert counts_as_done(run(MONDAY, "stopped_for_pain"))
    assert counts_as_done(run(MONDAY, "partial", steps=[step(skipped=True), step()]))
    assert not counts_as_done(run(MONDAY, "partial", steps=[step(skipped=True)]))
    assert not counts_as_done(run(MONDAY, "partial"))
    assert not counts_as_done(run(MONDAY, "in_progress", steps=[step(), step()]))


def test_daily_counts_follow_the_rule() -> None:
    runs = [
        run(MONDAY, "completed"),
        run(MONDAY, "in_progress", hour=12),
        run(MONDAY, "partial", hour=18, steps=[step(skipped=True)]),
        run(MONDAY + timedelta(days=1), "stopped_for_pain"),
        run(MONDAY + timedelta(days=1), "partial", hour=18, steps=[step()]),
    ]
    result = adherence(runs, [], start=MONDAY, end=MONDAY + timedelta(6), today=LAST_SUNDAY)
    assert result.sessions.tolist() == [1, 2, 0, 0, 0, 0, 0]
    assert result.total == 3


def test_no_plan_gives_counts_and_no_percentages() -> None:
    runs = runs_on(MONDAY, 3) + runs_on(WEEK2, 1)
    result = adherence(runs, [], start=MONDAY, end=WEEK2 + timedelta(6), today=LAST_SUNDAY)
    weeks = result.weeks
    assert weeks.sessions.tolist() == [3, 1]
    assert weeks.goal.tolist() == [0, 0]
    assert weeks.percent is None
    assert not weeks.plan_set
    assert weeks.met.tolist() == [False, False]


def test_percent_of_plan_is_not_capped() -> None:
    runs = runs_on(MONDAY, 5) + runs_on(WEEK2, 2)
    result = adherence(
        runs, [(MONDAY, 4)], start=MONDAY, end=WEEK2 + timedelta(6), today=LAST_SUNDAY
    )
    assert result.weeks.percent is not None
    assert result.weeks.percent.tolist() == [125.0, 50.0]
    assert result.weeks.met.tolist() == [True, False]


def test_plan_changed_mid_week_uses_the_goal_in_force_on_sunday() -> None:
    history = [
        (MONDAY, 3),
        (WEEK2 + timedelta(days=3), 5),  # Thursday of week 2: 3 -> 5
        (WEEK3 + timedelta(days=6), 2),  # Sunday of week 3: already counts for week 3
        (WEEK4 + timedelta(weeks=1), 0),  # the Monday after week 4: not for week 4
    ]
    runs = runs_on(MONDAY, 3) + runs_on(WEEK2, 4) + runs_on(WEEK3, 2) + runs_on(WEEK4, 1)
    result = adherence(runs, history, start=MONDAY, end=LAST_SUNDAY, today=LAST_SUNDAY)
    weeks = result.weeks
    assert weeks.goal.tolist() == [3, 5, 2, 2]
    assert weeks.percent is not None
    # Week 2: 4 sessions against 5 is 80%, not 4 against 3 (the goal until
    # Wednesday) nor against a prorated 3*3/7 + 5*4/7.
    assert weeks.percent.tolist() == [100.0, 80.0, 100.0, 50.0]
    assert weeks.met.tolist() == [True, False, True, False]


def test_weeks_before_the_first_plan_or_after_removing_it_have_no_percentage() -> None:
    history = [(WEEK2 + timedelta(days=2), 2), (WEEK4, 0)]
    runs = runs_on(MONDAY, 1) + runs_on(WEEK2, 1) + runs_on(WEEK3, 3) + runs_on(WEEK4, 2)
    result = adherence(runs, history, start=MONDAY, end=LAST_SUNDAY, today=LAST_SUNDAY)
    assert result.weeks.goal.tolist() == [0, 2, 2, 0]
    assert result.weeks.percent is not None
    assert result.weeks.percent.tolist() == pytest.approx(
        [np.nan, 50.0, 150.0, np.nan], nan_ok=True
    )


def test_goal_history_order_and_duplicates() -> None:
    history = [(WEEK2, 4), (MONDAY, 2), (WEEK2, 6)]  # unsorted; the later pair for WEEK2 wins
    days, goals = goal_table(history)
    assert goals.tolist() == [2, 6]
    assert days[1] - days[0] == 7


@pytest.mark.parametrize("goal", [-1, True, 2.5, "3"])
def test_a_goal_must_be_a_whole_number_of_zero_or_more(goal: object) -> None:
    with pytest.raises(ValueError, match="weekly goal"):
        goal_table([(MONDAY, goal)])  # type: ignore[list-item]


def test_weeks_cut_by_the_range_or_by_today_are_incomplete() -> None:
    start = MONDAY + timedelta(days=2)  # Wednesday of week 1
    today = WEEK3 + timedelta(days=2)  # Wednesday of week 3
    runs = [run(MONDAY + timedelta(days=1))]  # Tuesday, before the range: ignored
    runs += runs_on(start, 2) + runs_on(WEEK2, 3)
    runs.append(run(today + timedelta(days=1)))  # tomorrow: a clock set wrong, ignored
    result = adherence(runs, [(MONDAY, 3)], start=start, end=today, today=today)
    weeks = result.weeks
    assert weeks.week_starts.tolist() == [MONDAY, WEEK2, WEEK3]
    assert weeks.days_counted.tolist() == [5, 7, 3]
    assert weeks.complete.tolist() == [False, True, False]
    assert weeks.sessions.tolist() == [2, 3, 0]
    assert result.days.size == 15
    assert result.total == 5


def test_range_ending_after_today_counts_no_future_days() -> None:
    result = adherence(
        runs_on(MONDAY, 2), [(MONDAY, 2)], start=MONDAY, end=WEEK2 + timedelta(6), today=MONDAY
    )
    assert result.weeks.days_counted.tolist() == [1, 0]
    assert result.weeks.sessions.tolist() == [1, 0]


def test_sessions_by_weekday() -> None:
    runs = [
        run(MONDAY),
        run(WEEK2),
        run(MONDAY + timedelta(days=2)),  # Wednesday
        run(WEEK2 + timedelta(days=6)),  # Sunday
    ]
    result = adherence(runs, [], start=MONDAY, end=WEEK2 + timedelta(6), today=LAST_SUNDAY)
    assert result.weekdays.sessions.tolist() == [2, 0, 1, 0, 0, 0, 1]
    assert result.weekdays.share.tolist() == [0.5, 0.0, 0.25, 0.0, 0.0, 0.0, 0.25]
    assert result.weekdays.days.tolist() == [2] * 7


def test_no_sessions_gives_zero_shares() -> None:
    result = adherence([], [], start=MONDAY, end=MONDAY + timedelta(2), today=LAST_SUNDAY)
    assert result.weekdays.share.tolist() == [0.0] * 7
    assert result.weekdays.days.tolist() == [1, 1, 1, 0, 0, 0, 0]
    assert result.total == 0


def test_end_before_start_is_refused() -> None:
    with pytest.raises(ValueError, match="before start"):
        adherence([], [], start=WEEK2, end=MONDAY, today=WEEK2)
