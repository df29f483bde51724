"""Daily and weekly pain on a contiguous date range, ready to plot.

Pure Python plus numpy: no Qt, no clock.

Rules:

- Daily mean: the mean of all the day's pain check-ins, whatever their
  context (any time, before, during and after a session), by the day rule of
  ``calendar_days``. The pre/post scores stored on session runs are not
  added to it: the player writes each of them as a check-in too, and adding
  both would count them twice. They are given separately, as the day's mean
  pre-session and post-session scores, for the chart's session points.
- 7-day rolling mean on day d: the mean of the daily means of d-6..d that
  have an entry, each day weighing the same however often pain was noted
  that day; NaN when none of the seven days has an entry. Days without an
  entry are left out, not counted as zero and not filled in. The six days
  before the range's start feed the first windows when the caller passes
  their check-ins (missing ones are simply days without entries).
- Weekly mean (ISO weeks): the mean of the daily means of the week's days
  that have an entry, counting only days inside the range and not after
  ``today``; with how many days had an entry, so callers can ask for enough.
- Nothing dated after ``today`` is used (a clock set wrong, another machine).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from numpy.lib.stride_tricks import sliding_window_view

from lbp_desktop.domain.calendar_days import (
    IntArray,
    as_datetime64,
    days_counted_per_week,
    mondays_as_datetime64,
    read_only,
    week_grid,
)

ROLLING_DAYS = 7

FloatArray = npt.NDArray[np.float64]
DateArray = npt.NDArray[np.datetime64]


@dataclass(frozen=True, eq=False)
class DailyPain:
    """One row per calendar day from start to end inclusive."""

    days: DateArray
    mean: FloatArray  # NaN: no entry that day
    entries: IntArray  # check-ins that day
    rolling7: FloatArray  # NaN: no entry in the 7-day window
    rolling7_days: IntArray  # days with an entry behind each rolling value (0-7)
    pre_session: FloatArray  # mean of the day's runs' pre-session scores; NaN: none
    post_session: FloatArray  # the same after the session

    @property
    def days_with_entries(self) -> int:
        return int((self.entries > 0).sum())


@dataclass(frozen=True, eq=False)
class WeeklyPain:
    """One row per ISO week overlapping the range (the same weeks as adherence)."""

    week_starts: DateArray  # the Mondays
    mean: FloatArray  # mean of the daily means; NaN: no entry in the week
    days_with_entries: IntArray
    days_counted: IntArray  # days of the week inside the range and not after today (0-7)

    @property
    def complete(self) -> npt.NDArray[np.bool_]:
        return self.days_counted == 7


def _day_means(
    days: IntArray, scores: FloatArray, first: int, last: int, length: int
) -> tuple[FloatArray, IntArray]:
    """Per-day sum and count of ``scores`` on the grid starting at ``first``."""
    keep = (days >= first) & (days <= last)
    index = days[keep] - first
    count = np.bincount(index, minlength=length).astype(np.int64)
    total = np.bincount(index, weights=scores[keep], minlength=length).astype(np.float64)
    return total, count


def _mean(total: FloatArray, count: IntArray) -> FloatArray:
    out = np.full(total.shape, np.nan)
    np.divide(total, count, out=out, where=count > 0)
    return out


def pain_series(
    checkin_days: IntArray,
    checkin_scores: FloatArray,
    pre_days: IntArray,
    pre_scores: FloatArray,
    post_days: IntArray,
    post_scores: FloatArray,
    *,
    start: int,
    end: int,
    today: int,
) -> tuple[DailyPain, WeeklyPain]:
    """Daily and weekly pain from day numbers and scores (see the module docstring)."""
    if end < start:
        raise ValueError("end is before start")
    last = min(end, today)
    length = end - start + 1
    lead = ROLLING_DAYS - 1

    # One grid from six days before the start, so the first windows are whole.
    total, count = _day_means(checkin_days, checkin_scores, start - lead, last, length + lead)
    has = count > 0
    daily = _mean(total, count)
    windows = sliding_window_view(np.where(has, daily, 0.0), ROLLING_DAYS)
    window_days = sliding_window_view(has.astype(np.int64), ROLLING_DAYS).sum(axis=1)
    # Nothing is known about days after today: no line runs on into them.
    window_days[max(last - start + 1, 0) :] = 0
    rolling = _mean(windows.sum(axis=1), window_days)

    pre_total, pre_count = _day_means(pre_days, pre_scores, start, last, length)
    post_total, post_count = _day_means(post_days, post_scores, start, last, length)

    day_series = DailyPain(
        days=read_only(as_datetime64(start, length)),
        mean=read_only(daily[lead:].copy()),
        entries=read_only(count[lead:].copy()),
        rolling7=read_only(rolling),
        rolling7_days=read_only(window_days.astype(np.int64)),
        pre_session=read_only(_mean(pre_total, pre_count)),
        post_session=read_only(_mean(post_total, post_count)),
    )

    first_monday, n_weeks = week_grid(start, end)
    week_days = np.zeros(7 * n_weeks, dtype=np.float64)
    week_has = np.zeros(7 * n_weeks, dtype=np.int64)
    if last >= start:
        # Days start..last sit at the same offsets in both grids.
        span = last - start + 1
        offset = start - first_monday
        week_days[offset : offset + span] = np.where(has, daily, 0.0)[lead : lead + span]
        week_has[offset : offset + span] = has[lead : lead + span]
    week_sum = week_days.reshape(n_weeks, 7).sum(axis=1)
    week_count = week_has.reshape(n_weeks, 7).sum(axis=1)
    week_series = WeeklyPain(
        week_starts=read_only(mondays_as_datetime64(first_monday, n_weeks)),
        mean=read_only(_mean(week_sum, week_count)),
        days_with_entries=read_only(week_count),
        days_counted=read_only(days_counted_per_week(first_monday, n_weeks, start, last)),
    )
    return day_series, week_series
