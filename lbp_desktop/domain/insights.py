"""Honest comparisons of pain and adherence, as numbers with their counts.

Pure Python plus numpy: no Qt, no clock, no wording for the screen beyond a
short fallback phrase for "how much more is needed". The view builds the
sentences; every result here carries a status, and numbers only when there
is enough data behind them.

What counts as data:

- Only complete ISO weeks are used (all seven days inside the range and not
  after today): a week still going on is not "a week with fewer sessions".
- A week's pain counts ("a pain week") when pain was noted on at least
  ``MIN_PAIN_DAYS_PER_WEEK`` of its days; its value is the mean of those
  daily means. One bad day alone does not speak for a week.

The insights:

(a) Plan comparison: mean weekly pain in weeks with at least the planned
    sessions against weeks with fewer, each with its number of weeks. Weeks
    without a plan are left out; with no plan at all the status is
    ``NO_PLAN``. Needs ``MIN_GROUP_WEEKS`` pain weeks in each group.
(b) Correlation: Spearman's rho between a week's adherence and the change in
    mean pain from that week to the next (next week's mean minus this
    week's), over pairs of back-to-back pain weeks, with a seeded bootstrap
    interval. Adherence is the share of the plan when every week in the
    pairs had a plan, otherwise the number of sessions (a share and a count
    cannot be ranked together). A negative rho means more sessions went with
    pain falling the week after. Needs ``MIN_WEEK_PAIRS`` pairs.
(c) Meaningful change: the baseline is the mean of the daily means in the
    first ``WINDOW_WEEKS`` pain weeks, compared with the last
    ``WINDOW_WEEKS`` pain weeks. Counting pain weeks rather than calendar
    weeks means a sparse start can never leave a baseline that more entries
    could not fix, and needing ``MIN_PAIN_WEEKS`` (twice the window) keeps
    the two windows apart. The change is meaningful when it is at least
    ``MEANINGFUL_POINTS`` points or ``MEANINGFUL_SHARE`` of the baseline,
    the minimal important change for 0-10 pain ratings (Ostelo 2008, as in
    CLINICAL-NOTES). The same size is used for a rise as for a fall.
(d) The caveat: these are associations in one person's diary, not proof
    that the sessions caused the change (``Insights.association_not_cause``,
    always true, for the view to say in words).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

import numpy as np
import numpy.typing as npt

from lbp_desktop.domain.adherence import WeeklyAdherence
from lbp_desktop.domain.calendar_days import IntArray
from lbp_desktop.domain.pain_series import WeeklyPain
from lbp_desktop.domain.rank_correlation import (
    DEFAULT_CONFIDENCE,
    DEFAULT_RESAMPLES,
    DEFAULT_SEED,
    bootstrap_spearman,
    spearman,
)

MIN_PAIN_DAYS_PER_WEEK = 3
MIN_PAIN_WEEKS = 4
MIN_GROUP_WEEKS = 3
MIN_WEEK_PAIRS = 6
WINDOW_WEEKS = 2
MEANINGFUL_POINTS = 2.0
MEANINGFUL_SHARE = 0.30
# Means of whole-number scores land on the thresholds exactly in theory but
# may miss them by a rounding error in floating point; a boundary case counts.
_TOLERANCE = 1e-9


class Status(StrEnum):
    OK = "ok"
    NOT_ENOUGH_DATA = "not_enough_data"
    NO_PLAN = "no_plan"  # (a) only: no week in the range had a plan
    NO_VARIATION = "no_variation"  # (b) only: every week alike on one side, no rank order


class Direction(StrEnum):
    LESS_PAIN = "less_pain"
    MORE_PAIN = "more_pain"
    NO_MEANINGFUL_CHANGE = "no_meaningful_change"


class Measure(StrEnum):
    SHARE_OF_PLAN = "share_of_plan"
    SESSIONS = "sessions"


# What a shortfall counts, with the fallback phrase (singular, plural).
SHORTFALL_UNITS: dict[str, tuple[str, str]] = {
    "pain_weeks": (
        "week with pain noted on {d} or more days",
        "weeks with pain noted on {d} or more days",
    ),
    "plan_met_weeks": (
        "week with at least the planned sessions (and pain noted)",
        "weeks with at least the planned sessions (and pain noted)",
    ),
    "plan_missed_weeks": (
        "week with fewer sessions than planned (and pain noted)",
        "weeks with fewer sessions than planned (and pain noted)",
    ),
    "week_pairs": (
        "pair of back-to-back weeks with pain noted",
        "pairs of back-to-back weeks with pain noted",
    ),
}


@dataclass(frozen=True)
class Shortfall:
    """How much more data an insight needs: ``more`` of ``unit``."""

    more: int
    unit: str  # a key of SHORTFALL_UNITS

    @property
    def text(self) -> str:
        """A plain fallback phrase, e.g. "3 more weeks with pain noted on 3 or more days"."""
        singular, plural = SHORTFALL_UNITS[self.unit]
        words = (singular if self.more == 1 else plural).format(d=MIN_PAIN_DAYS_PER_WEEK)
        return f"{self.more} more {words}"


def _short(need: int, have: int, unit: str) -> tuple[Shortfall, ...]:
    return (Shortfall(need - have, unit),) if have < need else ()


@dataclass(frozen=True)
class PlanComparison:
    status: Status
    met_weeks: int  # pain weeks with at least the planned sessions
    fewer_weeks: int  # pain weeks with a plan and fewer sessions
    met_mean: float | None = None
    fewer_mean: float | None = None
    shortfalls: tuple[Shortfall, ...] = ()

    @property
    def difference(self) -> float | None:
        """Met minus fewer: negative means less pain in weeks that met the plan."""
        if self.met_mean is None or self.fewer_mean is None:
            return None
        return self.met_mean - self.fewer_mean


@dataclass(frozen=True)
class AdherenceCorrelation:
    status: Status
    pairs: int
    measure: Measure
    rho: float | None = None
    low: float | None = None  # bootstrap interval
    high: float | None = None
    confidence: float = DEFAULT_CONFIDENCE
    resamples: int = 0  # resamples with a defined rho behind the interval
    shortfalls: tuple[Shortfall, ...] = ()


@dataclass(frozen=True)
class PainChange:
    status: Status
    baseline: float | None = None  # mean pain in the first pain weeks
    latest: float | None = None  # mean pain in the last pain weeks
    baseline_weeks: tuple[date, ...] = ()  # their Mondays
    latest_weeks: tuple[date, ...] = ()
    baseline_days: int = 0  # days with an entry behind each mean
    latest_days: int = 0
    direction: Direction | None = None
    shortfalls: tuple[Shortfall, ...] = ()

    @property
    def change(self) -> float | None:
        """Latest minus baseline, in points: negative is less pain."""
        if self.baseline is None or self.latest is None:
            return None
        return self.latest - self.baseline

    @property
    def relative(self) -> float | None:
        """The change as a share of the baseline; None when the baseline is 0."""
        change = self.change
        if change is None or self.baseline is None or self.baseline == 0:
            return None
        return change / self.baseline

    @property
    def meaningful(self) -> bool:
        return self.direction in (Direction.LESS_PAIN, Direction.MORE_PAIN)


@dataclass(frozen=True)
class Insights:
    plan_comparison: PlanComparison
    correlation: AdherenceCorrelation
    change: PainChange
    pain_weeks: int  # complete weeks with pain noted on enough days
    # Fixed: what the diary shows is association, never proof of cause.
    association_not_cause: bool = field(default=True, init=False)


def is_meaningful_change(baseline: float, latest: float) -> bool:
    """At least 2 points, or at least 30% of the baseline (Ostelo 2008), either way."""
    size = abs(latest - baseline)
    if size >= MEANINGFUL_POINTS - _TOLERANCE:
        return True
    return baseline > 0 and size >= MEANINGFUL_SHARE * baseline - _TOLERANCE


def _dates(mondays: npt.NDArray[np.datetime64]) -> tuple[date, ...]:
    return tuple(d.astype(object) for d in mondays)


def _plan_comparison(
    usable: npt.NDArray[np.bool_], pain: npt.NDArray[np.float64], weeks: WeeklyAdherence
) -> PlanComparison:
    complete = weeks.complete
    if not (complete & (weeks.goal > 0)).any():
        return PlanComparison(Status.NO_PLAN, 0, 0)
    met = usable & weeks.met
    fewer = usable & (weeks.goal > 0) & (weeks.sessions < weeks.goal)
    n_met, n_fewer = int(met.sum()), int(fewer.sum())
    shortfalls = _short(MIN_GROUP_WEEKS, n_met, "plan_met_weeks") + _short(
        MIN_GROUP_WEEKS, n_fewer, "plan_missed_weeks"
    )
    if shortfalls:
        return PlanComparison(Status.NOT_ENOUGH_DATA, n_met, n_fewer, shortfalls=shortfalls)
    return PlanComparison(
        Status.OK,
        n_met,
        n_fewer,
        met_mean=float(pain[met].mean()),
        fewer_mean=float(pain[fewer].mean()),
    )


def _correlation(
    usable: npt.NDArray[np.bool_],
    pain: npt.NDArray[np.float64],
    weeks: WeeklyAdherence,
    *,
    resamples: int,
    seed: int,
) -> AdherenceCorrelation:
    first = np.flatnonzero(usable[:-1] & usable[1:])
    pairs = int(first.size)
    goal = weeks.goal[first]
    by_share = pairs > 0 and bool((goal > 0).all())
    measure = Measure.SHARE_OF_PLAN if by_share else Measure.SESSIONS
    if pairs < MIN_WEEK_PAIRS:
        shortfalls = _short(MIN_WEEK_PAIRS, pairs, "week_pairs")
        return AdherenceCorrelation(Status.NOT_ENOUGH_DATA, pairs, measure, shortfalls=shortfalls)
    sessions = weeks.sessions[first].astype(np.float64)
    x = sessions / goal if by_share else sessions
    y = pain[first + 1] - pain[first]
    rho = spearman(x, y)
    if rho is None:
        return AdherenceCorrelation(Status.NO_VARIATION, pairs, measure)
    interval = bootstrap_spearman(x, y, resamples=resamples, seed=seed)
    return AdherenceCorrelation(
        Status.OK,
        pairs,
        measure,
        rho=rho,
        low=interval.low,
        high=interval.high,
        confidence=interval.confidence,
        resamples=interval.resamples,
    )


def _window_mean(pain: npt.NDArray[np.float64], days: IntArray, rows: IntArray) -> float:
    # Mean of the daily means, each day weighing the same across the weeks.
    return float((pain[rows] * days[rows]).sum() / days[rows].sum())


def _pain_change(usable_rows: IntArray, weekly: WeeklyPain) -> PainChange:
    have = int(usable_rows.size)
    if have < MIN_PAIN_WEEKS:
        return PainChange(
            Status.NOT_ENOUGH_DATA, shortfalls=_short(MIN_PAIN_WEEKS, have, "pain_weeks")
        )
    first = usable_rows[:WINDOW_WEEKS]
    last = usable_rows[-WINDOW_WEEKS:]
    days = weekly.days_with_entries
    baseline = _window_mean(weekly.mean, days, first)
    latest = _window_mean(weekly.mean, days, last)
    if not is_meaningful_change(baseline, latest):
        direction = Direction.NO_MEANINGFUL_CHANGE
    elif latest < baseline:
        direction = Direction.LESS_PAIN
    else:
        direction = Direction.MORE_PAIN
    return PainChange(
        Status.OK,
        baseline=baseline,
        latest=latest,
        baseline_weeks=_dates(weekly.week_starts[first]),
        latest_weeks=_dates(weekly.week_starts[last]),
        baseline_days=int(days[first].sum()),
        latest_days=int(days[last].sum()),
        direction=direction,
    )


def weekly_insights(
    weekly_pain: WeeklyPain,
    weekly_adherence: WeeklyAdherence,
    *,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
) -> Insights:
    """The insights over the weeks given (both tables must hold the same weeks)."""
    if not np.array_equal(weekly_pain.week_starts, weekly_adherence.week_starts):
        raise ValueError("pain and adherence must cover the same weeks")
    usable = weekly_pain.complete & (weekly_pain.days_with_entries >= MIN_PAIN_DAYS_PER_WEEK)
    pain = weekly_pain.mean
    return Insights(
        plan_comparison=_plan_comparison(usable, pain, weekly_adherence),
        correlation=_correlation(usable, pain, weekly_adherence, resamples=resamples, seed=seed),
        change=_pain_change(np.flatnonzero(usable), weekly_pain),
        pain_weeks=int(usable.sum()),
    )
