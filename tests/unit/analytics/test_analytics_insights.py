"""The honest comparisons: numbers with their counts, or how much more is needed."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta

import pytest
from analytics_helpers import MONDAY, pain, reference_spearman, week

from lbp_desktop.domain.analytics import ProgressAnalytics, progress_analytics
from lbp_desktop.domain.insights import (
    Direction,
    Insights,
    Measure,
    Shortfall,
    Status,
    is_meaningful_change,
)
from lbp_desktop.domain.records import PainCheckIn, SessionRun


def monday(n: int) -> date:
    return MONDAY + timedelta(weeks=n)


def history(
    weeks: Sequence[tuple[int, float | Sequence[int], int]],
) -> tuple[list[PainCheckIn], list[SessionRun]]:
    """Consecutive weeks of (sessions, score or the day's scores, days with pain)."""
    checkins: list[PainCheckIn] = []
    runs: list[SessionRun] = []
    for n, (sessions, score, pain_days) in enumerate(weeks):
        if isinstance(score, int | float):
            c, r = week(monday(n), sessions=sessions, score=int(score), pain_days=pain_days)
        else:
            _, r = week(monday(n), sessions=sessions, score=0, pain_days=0)
            c = [
                pain(monday(n) + timedelta(days=day), s, hour=8 + i)
                for day in range(pain_days)
                for i, s in enumerate(score)
            ]
        checkins += c
        runs += r
    return checkins, runs


def analyse(
    weeks: Sequence[tuple[int, float | Sequence[int], int]],
    goal: Sequence[tuple[date, int]] = ((MONDAY, 3),),
) -> ProgressAnalytics:
    checkins, runs = history(weeks)
    end = monday(len(weeks)) - timedelta(days=1)
    return progress_analytics(checkins, runs, [], list(goal), MONDAY, end, end)


def insights(
    weeks: Sequence[tuple[int, float | Sequence[int], int]],
    goal: Sequence[tuple[date, int]] = ((MONDAY, 3),),
) -> Insights:
    return analyse(weeks, goal).insights


# -- (a) weeks with the planned sessions against weeks with fewer ----------------------------

PLAN_WEEKS = [
    (3, 3, 7),  # met
    (1, 6, 7),  # fewer
    (4, 2, 7),  # met
    (0, 7, 7),  # fewer
    (3, 4, 7),  # met
    (2, 5, 7),  # fewer
    (3, 9, 2),  # pain on two days only: not a pain week, left out
    (1, 6, 3),  # fewer (three days of pain are enough)
]


def test_mean_pain_in_weeks_that_met_the_plan_and_weeks_that_did_not() -> None:
    result = insights(PLAN_WEEKS).plan_comparison
    assert result.status is Status.OK
    assert (result.met_weeks, result.fewer_weeks) == (3, 4)
    assert result.met_mean == pytest.approx((3 + 2 + 4) / 3)
    assert result.fewer_mean == pytest.approx((6 + 7 + 5 + 6) / 4)
    assert result.difference == pytest.approx(3.0 - 6.0)
    assert result.shortfalls == ()


def test_without_a_plan_there_is_no_plan_comparison() -> None:
    result = insights(PLAN_WEEKS, goal=()).plan_comparison
    assert result.status is Status.NO_PLAN
    assert result.met_mean is None and result.difference is None


def test_too_few_weeks_in_a_group_says_how_many_more() -> None:
    result = insights(PLAN_WEEKS[:4]).plan_comparison  # 2 met, 2 fewer
    assert result.status is Status.NOT_ENOUGH_DATA
    assert result.met_mean is None and result.fewer_mean is None
    assert (result.met_weeks, result.fewer_weeks) == (2, 2)
    assert result.shortfalls == (Shortfall(1, "plan_met_weeks"), Shortfall(1, "plan_missed_weeks"))
    assert (
        result.shortfalls[0].text
        == "1 more week with at least the planned sessions (and pain noted)"
    )
    only_met = insights([(3, 3, 7)] * 4).plan_comparison
    assert only_met.shortfalls == (Shortfall(3, "plan_missed_weeks"),)
    assert only_met.shortfalls[0].text == (
        "3 more weeks with fewer sessions than planned (and pain noted)"
    )


# -- (b) rank correlation with next week's change -----------------------------------------

# Goal 4. Weekly pain p and sessions s; pairs w = 0..8 give
# x = s[w] / 4 and y = p[w + 1] - p[w].
P = [6, 5, 5, 3, 4, 4, 2, 3, 3, 1]
S = [4, 2, 4, 1, 3, 4, 0, 2, 4, 2]


def test_rank_correlation_of_adherence_with_next_weeks_change() -> None:
    result = insights([(s, p, 7) for s, p in zip(S, P, strict=True)], goal=[(MONDAY, 4)])
    corr = result.correlation
    assert corr.status is Status.OK
    assert corr.pairs == 9
    assert corr.measure is Measure.SHARE_OF_PLAN
    # x = 1, .5, 1, .25, .75, 1, 0, .5, 1 -> ranks 7.5 3.5 7.5 2 5 7.5 1 3.5 7.5
    # y = -1, 0, -2, 1, 0, -2, 1, 0, -2 -> ranks 4 6 2 8.5 6 2 8.5 6 2
    # Around the mean rank 5: sum dx*dy = -52.5, sum dx^2 = 54.5, sum dy^2 = 55.5.
    expected = -52.5 / math.sqrt(54.5 * 55.5)
    assert corr.rho == pytest.approx(expected)
    x = [s / 4 for s in S[:9]]
    y = [P[w + 1] - P[w] for w in range(9)]
    assert corr.rho == pytest.approx(reference_spearman(x, y))
    assert corr.low is not None and corr.high is not None
    assert corr.low <= corr.rho <= corr.high < 0
    assert corr.resamples > 1900
    assert corr.shortfalls == ()


def test_weeks_without_a_plan_make_the_correlation_use_session_counts() -> None:
    weeks = [(s, p, 7) for s, p in zip(S, P, strict=True)]
    corr = insights(weeks, goal=[(monday(3), 4)]).correlation
    assert corr.measure is Measure.SESSIONS
    # Ranks of s are the ranks of s / 4: the same rho.
    assert corr.rho == pytest.approx(-52.5 / math.sqrt(54.5 * 55.5))


def test_the_same_data_gives_the_same_interval() -> None:
    weeks = [(s, p, 7) for s, p in zip(S, P, strict=True)]
    first = insights(weeks).correlation
    assert insights(weeks).correlation == first


def test_pairs_need_back_to_back_pain_weeks() -> None:
    # Weeks 0-5 and 7 are pain weeks; week 6 is not: pairs (0,1) .. (4,5) only.
    corr = insights(PLAN_WEEKS).correlation
    assert corr.status is Status.NOT_ENOUGH_DATA
    assert corr.pairs == 5
    assert corr.rho is None and corr.low is None
    assert corr.shortfalls == (Shortfall(1, "week_pairs"),)
    assert corr.shortfalls[0].text == "1 more pair of back-to-back weeks with pain noted"


def test_the_same_sessions_every_week_give_no_rank_order() -> None:
    corr = insights([(3, p, 7) for p in (5, 4, 6, 3, 5, 4, 2)]).correlation
    assert corr.status is Status.NO_VARIATION
    assert corr.pairs == 6
    assert corr.rho is None


# -- (c) a clinically meaningful change since the start --------------------------------------


def test_exactly_two_points_less_is_meaningful() -> None:
    change = insights([(3, 6, 7), (3, 6, 7), (3, 4, 7), (3, 4, 7)]).change
    assert change.status is Status.OK
    assert (change.baseline, change.latest) == (6.0, 4.0)
    assert change.change == -2.0
    assert change.relative == pytest.approx(-1 / 3)
    assert change.direction is Direction.LESS_PAIN
    assert change.meaningful
    assert change.baseline_weeks == (monday(0), monday(1))
    assert change.latest_weeks == (monday(2), monday(3))
    assert (change.baseline_days, change.latest_days) == (14, 14)


def test_exactly_thirty_percent_less_is_meaningful() -> None:
    # Every day of the last two weeks: 3 and 4, a daily mean of 3.5 (1.5 points, 30% of 5).
    change = insights([(3, 5, 7), (3, 5, 7), (3, [3, 4], 7), (3, [3, 4], 7)]).change
    assert (change.baseline, change.latest) == (5.0, 3.5)
    assert change.relative == pytest.approx(-0.3)
    assert change.direction is Direction.LESS_PAIN


def test_just_under_both_thresholds_is_no_meaningful_change() -> None:
    # Daily mean (3 + 3 + 4 + 4 + 4) / 5 = 3.6: 1.4 points and 28% less than 5.
    latest = [3, 3, 4, 4, 4]
    change = insights([(3, 5, 7), (3, 5, 7), (3, latest, 7), (3, latest, 7)]).change
    assert change.latest == pytest.approx(3.6)
    assert change.direction is Direction.NO_MEANINGFUL_CHANGE
    assert not change.meaningful


def test_a_rise_of_the_same_size_is_meaningful_too() -> None:
    worse = insights([(3, 3, 7), (3, 3, 7), (3, 5, 7), (3, 5, 7)]).change
    assert worse.change == 2.0
    assert worse.direction is Direction.MORE_PAIN


def test_the_windows_are_the_first_and_last_pain_weeks_weighted_by_day() -> None:
    weeks = [
        (3, 9, 2),  # two days only: not a pain week, so not the baseline
        (3, 8, 3),  # baseline: 3 days of 8 ...
        (3, 4, 7),  # ... and 7 days of 4: (24 + 28) / 10 = 5.2, not (8 + 4) / 2
        (3, 9, 7),  # in the middle: in neither window
        (3, 3, 7),
        (3, 3, 7),
    ]
    change = insights(weeks).change
    assert change.baseline == pytest.approx(5.2)
    assert change.latest == 3.0
    assert change.baseline_weeks == (monday(1), monday(2))
    assert change.baseline_days == 10
    assert change.direction is Direction.LESS_PAIN  # 2.2 points


def test_fewer_than_four_pain_weeks_say_how_many_more() -> None:
    change = insights([(3, 5, 7), (3, 5, 7), (3, 5, 2), (3, 4, 7)]).change
    assert change.status is Status.NOT_ENOUGH_DATA
    assert change.baseline is None and change.direction is None
    assert change.shortfalls == (Shortfall(1, "pain_weeks"),)
    assert change.shortfalls[0].text == "1 more week with pain noted on 3 or more days"
    one = insights([(3, 5, 7)]).change
    assert one.shortfalls[0].text == "3 more weeks with pain noted on 3 or more days"


@pytest.mark.parametrize(
    ("baseline", "latest", "meaningful"),
    [
        (10.0, 8.0, True),  # exactly 2 points (20%)
        (10.0, 8.01, False),  # 1.99 points, 19.9%
        (5.0, 3.5, True),  # exactly 30% (1.5 points)
        (5.0, 3.51, False),  # 29.8%
        (5.0, 6.5, True),  # 30% more
        (0.0, 1.9, False),  # no share of nothing: only the 2 points count
        (0.0, 2.0, True),
        (4.0, 4.0, False),
    ],
)
def test_the_meaningful_change_rule_at_its_boundaries(
    baseline: float, latest: float, meaningful: bool
) -> None:
    assert is_meaningful_change(baseline, latest) is meaningful


def test_a_zero_baseline_has_no_relative_change() -> None:
    change = insights([(3, 0, 7), (3, 0, 7), (3, 1, 7), (3, 1, 7)]).change
    assert change.relative is None
    assert change.direction is Direction.NO_MEANINGFUL_CHANGE


# -- (d) and the whole panel -----------------------------------------------------------------


def test_the_caveat_is_always_there_and_cannot_be_switched_off() -> None:
    few = insights([(3, 5, 7)])
    assert few.association_not_cause is True
    assert insights(PLAN_WEEKS).association_not_cause is True
    with pytest.raises(TypeError):
        Insights(  # type: ignore[call-arg]
            plan_comparison=few.plan_comparison,
            correlation=few.correlation,
            change=few.change,
            pain_weeks=1,
            association_not_cause=False,
        )


def test_the_week_still_going_on_is_not_used() -> None:
    checkins, runs = history([(3, 5, 7)] * 4 + [(0, 9, 3)])
    today = monday(4) + timedelta(days=2)  # Wednesday of week 4
    result = progress_analytics(checkins, runs, [], [(MONDAY, 3)], MONDAY, today, today)
    assert result.insights.pain_weeks == 4
    assert result.insights.plan_comparison.fewer_weeks == 0  # week 4 is not "fewer" yet
    assert result.insights.change.latest == 5.0
