"""Sessions done against the user's plan: per day, per ISO week, per weekday.

Pure Python plus numpy: no Qt, no clock.

Rules:

- A run counts as done when it was completed, stopped for pain (the person
  did the work until the stop rule ended it: not counting it would punish
  listening to the rule), or partial with at least one finished step (a
  step the player did not mark as skipped). A run still in progress never
  counts, nor a partial run in which nothing was done.
- A run belongs to the day it started on, by the day rule of
  ``calendar_days`` (its own wall-clock date).
- Weeks are ISO weeks, Monday to Sunday.
- The plan is a number of sessions per week with a history:
  ``goal_history`` holds ``(date, sessions)`` pairs, each in force from its
  date until the next; 0 means "no plan". Before the first pair there is no
  plan. Two pairs on one date: the later one in the sequence wins.
- A week is measured against the goal in force on its last day (Sunday).
  Prorating by days would give goals like 4.14 sessions that no one can meet
  or miss by a whole session; the Sunday goal is the one the Today page was
  already showing for that week once the user changed it, so the history
  agrees with what the user saw.
- A week without a plan has no percentage; when no week in the range has a
  plan, the percentages are ``None`` and only counts are given.
- Percentages are not capped: 5 sessions against a goal of 4 is 125%.
- Only days inside the range and not after ``today`` are counted, so the
  week that is still going on and a week cut by the range's start are
  marked incomplete rather than judged short.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import numpy.typing as npt

from lbp_desktop.domain.calendar_days import (
    IntArray,
    as_datetime64,
    day_number,
    days_counted_per_week,
    mondays_as_datetime64,
    read_only,
    week_grid,
    weekdays,
)
from lbp_desktop.domain.overview import session_counts
from lbp_desktop.domain.records import SessionRun

FloatArray = npt.NDArray[np.float64]
DateArray = npt.NDArray[np.datetime64]


def counts_as_done(run: SessionRun) -> bool:
    """The adherence rule for one run (see the module docstring); the rule
    itself lives in ``overview``, which the Today page uses without numpy."""
    return session_counts(run)


def goal_table(goal_history: Sequence[tuple[date, int]]) -> tuple[IntArray, IntArray]:
    """Sorted day numbers and goals of a goal history, later duplicates winning."""
    by_day: dict[int, int] = {}
    for when, goal in goal_history:
        if isinstance(goal, bool) or not isinstance(goal, int) or goal < 0:
            raise ValueError(f"a weekly goal must be a whole number of 0 or more, got {goal!r}")
        if not isinstance(when, date):
            raise ValueError(f"a goal must start on a date, got {when!r}")
        by_day[day_number(when)] = goal
    days = np.array(sorted(by_day), dtype=np.int64)
    goals = np.array([by_day[d] for d in days.tolist()], dtype=np.int64)
    return days, goals


def goals_on(goal_history: Sequence[tuple[date, int]], days: IntArray) -> IntArray:
    """The goal in force on each day number (0 where no plan is set)."""
    table_days, table_goals = goal_table(goal_history)
    if table_days.size == 0:
        return np.zeros(days.shape, dtype=np.int64)
    index = np.searchsorted(table_days, days, side="right") - 1
    return np.where(index >= 0, table_goals[np.maximum(index, 0)], 0)


@dataclass(frozen=True, eq=False)
class WeeklyAdherence:
    """One row per ISO week overlapping the range, Monday first."""

    week_starts: DateArray  # the Mondays
    sessions: IntArray  # done in the counted days of the week
    days_counted: IntArray  # days of the week inside the range and not after today (0-7)
    goal: IntArray  # goal in force on the week's Sunday; 0 = no plan
    percent: FloatArray | None  # 100 * sessions / goal, NaN without a plan; None: no plan at all

    @property
    def complete(self) -> npt.NDArray[np.bool_]:
        return self.days_counted == 7

    @property
    def plan_set(self) -> bool:
        return self.percent is not None

    @property
    def met(self) -> npt.NDArray[np.bool_]:
        """Weeks with a plan and at least the planned sessions."""
        return (self.goal > 0) & (self.sessions >= self.goal)


@dataclass(frozen=True, eq=False)
class WeekdayAdherence:
    """Sessions by weekday, Monday (index 0) to Sunday (6)."""

    sessions: IntArray
    days: IntArray  # how many of each weekday were counted
    share: FloatArray  # share of all sessions (sums to 1); all zero when there were none


@dataclass(frozen=True, eq=False)
class Adherence:
    days: DateArray  # start..end
    sessions: IntArray  # sessions done per day (0 after today)
    weeks: WeeklyAdherence
    weekdays: WeekdayAdherence

    @property
    def total(self) -> int:
        return int(self.sessions.sum())


def adherence_from_days(
    done_days: IntArray,
    goal_history: Sequence[tuple[date, int]],
    start: int,
    end: int,
    today: int,
) -> Adherence:
    """Adherence from the day numbers of runs already known to be done."""
    if end < start:
        raise ValueError("end is before start")
    last = min(end, today)
    first_monday, n_weeks = week_grid(start, end)
    grid_days = 7 * n_weeks
    counted = done_days[(done_days >= start) & (done_days <= last)]
    per_day = np.bincount(counted - first_monday, minlength=grid_days).astype(np.int64)

    weekly_sessions = per_day.reshape(n_weeks, 7).sum(axis=1)
    sundays = first_monday + 6 + 7 * np.arange(n_weeks, dtype=np.int64)
    goal = goals_on(goal_history, sundays)
    percent: FloatArray | None = None
    if (goal > 0).any():
        percent = np.full(n_weeks, np.nan)
        planned = goal > 0
        percent[planned] = 100.0 * weekly_sessions[planned] / goal[planned]
        read_only(percent)
    weeks = WeeklyAdherence(
        week_starts=read_only(mondays_as_datetime64(first_monday, n_weeks)),
        sessions=read_only(weekly_sessions),
        days_counted=read_only(days_counted_per_week(first_monday, n_weeks, start, last)),
        goal=read_only(goal),
        percent=percent,
    )

    by_weekday = np.bincount(weekdays(counted), minlength=7).astype(np.int64)
    counted_days = np.arange(start, last + 1, dtype=np.int64)
    weekday_days = np.bincount(weekdays(counted_days), minlength=7).astype(np.int64)
    total = int(by_weekday.sum())
    share = by_weekday / total if total else np.zeros(7)

    offset = start - first_monday
    return Adherence(
        days=read_only(as_datetime64(start, end - start + 1)),
        sessions=read_only(per_day[offset : offset + end - start + 1].copy()),
        weeks=weeks,
        weekdays=WeekdayAdherence(
            sessions=read_only(by_weekday),
            days=read_only(weekday_days),
            share=read_only(share.astype(np.float64)),
        ),
    )


def adherence(
    runs: Iterable[SessionRun],
    goal_history: Sequence[tuple[date, int]],
    *,
    start: date,
    end: date,
    today: date,
) -> Adherence:
    """Adherence straight from session runs (see the module docstring for the rules)."""
    done = np.array([day_number(r.at) for r in runs if counts_as_done(r)], dtype=np.int64)
    return adherence_from_days(
        done, goal_history, day_number(start), day_number(end), day_number(today)
    )
