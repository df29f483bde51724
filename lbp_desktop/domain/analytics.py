"""Everything the Progress page shows, from plain records, in one call.

Pure Python plus numpy: no Qt, no files, no clock (callers pass ``today``).
The records are read once into numpy arrays of day numbers and scores; the
rest is counting on those arrays, so ten years of heavy use take
milliseconds, not seconds.

The rules live beside the code that applies them:

- days: ``calendar_days`` (a record belongs to the date of its own wall
  clock, with its own UTC offset; DST days are single dates);
- pain series and the 7-day rolling mean: ``pain_series``;
- which runs count as done, weekly goals and goal changes: ``adherence``;
- the honest comparisons and their data thresholds: ``insights``;
- posture breaks per day (taken, on one's own, reminders skipped or put
  off): ``break_summary``.

Here: PEG scores (Krebs 2009: the mean of the three items) in time order,
and the change from before to after a session (post - pre) for runs that
have both scores, any outcome but ``in_progress`` (sessions stopped for pain
included: leaving them out would make sessions look kinder than they were).
Runs are placed by the day they started.

Everything is limited to ``start..end`` and to what is not after ``today``;
the six days before ``start`` only feed the rolling mean.

Entry points: ``progress_analytics`` for one range; ``ProgressData`` to read
the records once and analyse several ranges (switching range then costs
only the numpy work); ``progress_for_range`` for a mixed list of records and
a named range (``RANGES``, ``range_bounds``).
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from typing import Any

import numpy as np
import numpy.typing as npt

from lbp_desktop.domain.adherence import Adherence, adherence_from_days, counts_as_done
from lbp_desktop.domain.break_summary import BreakCounts, breaks_by_day
from lbp_desktop.domain.calendar_days import (
    IntArray,
    as_datetime64,
    date_of,
    day_number,
    day_numbers,
    days_counted_per_week,
    mondays_as_datetime64,
    read_only,
    week_grid,
)
from lbp_desktop.domain.insights import Insights, weekly_insights
from lbp_desktop.domain.pain_series import DailyPain, WeeklyPain, pain_series
from lbp_desktop.domain.rank_correlation import DEFAULT_RESAMPLES, DEFAULT_SEED
from lbp_desktop.domain.records import PainCheckIn, PegAnswer, PostureBreak, Record, SessionRun

FloatArray = npt.NDArray[np.float64]
DateArray = npt.NDArray[np.datetime64]

# The Progress page's ranges. Each ends today and includes it.
RANGES = ("2w", "3m", "1y", "all")
_RANGE_DAYS = {"2w": 14}
_RANGE_MONTHS = {"3m": 3, "1y": 12}


@dataclass(frozen=True, eq=False)
class PegSeries:
    """PEG answers in time order (several on one day stay separate)."""

    days: DateArray
    score: FloatArray  # mean of the three items, 0-10
    pain: FloatArray
    enjoyment: FloatArray
    activity: FloatArray

    @property
    def count(self) -> int:
        return int(self.days.size)


# Post - pre runs from -10 to +10; the histogram has one bin per whole point.
CHANGE_VALUES = np.arange(-10, 11, dtype=np.int64)
read_only(CHANGE_VALUES)


@dataclass(frozen=True, eq=False)
class SessionChange:
    """Pain after minus pain before, one value per run that has both."""

    days: DateArray  # the day each run started; runs in order of day and wall-clock time
    change: IntArray  # post - pre: negative means less pain after
    stopped_for_pain: npt.NDArray[np.bool_]
    histogram: IntArray  # runs per change value, aligned with CHANGE_VALUES

    @property
    def count(self) -> int:
        return int(self.change.size)

    @property
    def mean(self) -> float | None:
        return float(self.change.mean()) if self.count else None

    @property
    def median(self) -> float | None:
        return float(np.median(self.change)) if self.count else None

    @property
    def less_pain(self) -> int:
        return int((self.change < 0).sum())

    @property
    def same(self) -> int:
        return int((self.change == 0).sum())

    @property
    def more_pain(self) -> int:
        return int((self.change > 0).sum())


# Columns of the posture-break tables: BreakCounts' fields, in their order.
BREAK_COLUMNS = ("taken", "natural", "skipped", "snoozed", "snoozed_unanswered")


@dataclass(frozen=True, eq=False)
class BreakTable:
    """Posture-break counts per row (a day or a week); see ``break_summary``."""

    taken: IntArray  # breaks taken when a reminder came
    natural: IntArray  # breaks taken on the person's own
    skipped: IntArray  # reminders declined
    snoozed: IntArray  # reminders put off at least once
    snoozed_unanswered: IntArray  # of those, the ones that ended neither taken nor skipped

    @property
    def breaks(self) -> IntArray:
        return self.taken + self.natural

    @property
    def reminders(self) -> IntArray:
        return self.taken + self.skipped + self.snoozed_unanswered


@dataclass(frozen=True, eq=False)
class BreakSeries:
    """Posture breaks in the range, per day and per ISO week."""

    days: DateArray  # start..end
    daily: BreakTable  # aligned with days; zero after today
    week_starts: DateArray  # the Mondays of the weeks overlapping the range
    weekly: BreakTable  # the counted days of each week only
    days_counted: IntArray  # per week: days inside the range and not after today (0-7)
    total: BreakCounts

    @property
    def days_with_breaks(self) -> int:
        return int((self.daily.breaks > 0).sum())


@dataclass(frozen=True, eq=False)
class ProgressAnalytics:
    """The Progress page's numbers; every array is read-only and plots as it is."""

    start: date
    end: date
    today: date
    pain: DailyPain
    weekly_pain: WeeklyPain
    adherence: Adherence
    peg: PegSeries
    session_change: SessionChange
    breaks: BreakSeries
    # The insights' bootstrap is the costliest part of a long range (~20 ms
    # for ten years): worked out when first asked for, so a chart can be
    # drawn before the words under it.
    resamples: int = DEFAULT_RESAMPLES
    seed: int = DEFAULT_SEED

    @cached_property
    def insights(self) -> Insights:
        return weekly_insights(
            self.weekly_pain, self.adherence.weeks, resamples=self.resamples, seed=self.seed
        )


def _checkin_arrays(checkins: Sequence[PainCheckIn]) -> tuple[IntArray, FloatArray]:
    days = day_numbers([c.at for c in checkins])
    scores = np.array([c.score for c in checkins], dtype=np.float64)
    return days, scores


@dataclass(frozen=True, eq=False)
class RunArrays:
    """One entry per session run, in input order."""

    days: IntArray
    done: npt.NDArray[np.bool_]
    pre: IntArray  # -1: no score
    post: IntArray
    in_progress: npt.NDArray[np.bool_]
    stopped: npt.NDArray[np.bool_]
    clock: IntArray  # wall-clock second of the day the run started, to order a day's runs


def _run_arrays(runs: Sequence[SessionRun]) -> RunArrays:
    # Column by column, of plain ints and bools: a tuple per run would be a
    # container the cyclic garbage collector tracks, and enough of them set
    # off a full collection over every loaded record (about 70 ms for ten
    # years) in the middle of drawing the page.
    ats = [r.at for r in runs]
    outcomes = [r.outcome for r in runs]
    return RunArrays(
        days=read_only(day_numbers(ats)),
        done=read_only(np.array([counts_as_done(r) for r in runs], dtype=bool)),
        pre=read_only(
            np.array([-1 if r.pre_pain is None else r.pre_pain for r in runs], dtype=np.int64)
        ),
        post=read_only(
            np.array([-1 if r.post_pain is None else r.post_pain for r in runs], dtype=np.int64)
        ),
        in_progress=read_only(np.array([o == "in_progress" for o in outcomes], dtype=bool)),
        stopped=read_only(np.array([o == "stopped_for_pain" for o in outcomes], dtype=bool)),
        clock=read_only(
            np.array([t.hour * 3600 + t.minute * 60 + t.second for t in ats], dtype=np.int64)
        ),
    )


def _peg_series(pegs: Sequence[PegAnswer], start: int, last: int) -> PegSeries:
    # The items break ties between answers given at the same instant, so the
    # input order never shows.
    kept = sorted(
        (p for p in pegs if start <= day_number(p.at) <= last),
        key=lambda p: (p.at.timestamp(), p.pain, p.enjoyment, p.activity),
    )
    items = np.array([(p.pain, p.enjoyment, p.activity) for p in kept], dtype=np.float64)
    items = items.reshape(-1, 3)
    days = day_numbers([p.at for p in kept]).astype("datetime64[D]")
    return PegSeries(
        days=read_only(days),
        score=read_only(items.mean(axis=1)),
        pain=read_only(items[:, 0].copy()),
        enjoyment=read_only(items[:, 1].copy()),
        activity=read_only(items[:, 2].copy()),
    )


def _no_break_days() -> tuple[IntArray, IntArray]:
    empty = np.zeros((0, len(BREAK_COLUMNS)), dtype=np.int64)
    return read_only(np.zeros(0, dtype=np.int64)), read_only(empty)


def _break_days(breaks: Iterable[PostureBreak]) -> tuple[IntArray, IntArray]:
    by_day = sorted(breaks_by_day(breaks).items())
    if not by_day:
        return _no_break_days()
    days = np.array([day_number(day) for day, _ in by_day], dtype=np.int64)
    rows = [(c.taken, c.natural, c.skipped, c.snoozed, c.snoozed_unanswered) for _, c in by_day]
    return read_only(days), read_only(np.array(rows, dtype=np.int64))


def _break_table(grid: IntArray) -> BreakTable:
    return BreakTable(*(read_only(grid[:, i].copy()) for i in range(len(BREAK_COLUMNS))))


def _break_series(days: IntArray, counts: IntArray, start: int, end: int, last: int) -> BreakSeries:
    first_monday, n_weeks = week_grid(start, end)
    grid = np.zeros((7 * n_weeks, len(BREAK_COLUMNS)), dtype=np.int64)
    keep = (days >= start) & (days <= last)
    grid[days[keep] - first_monday] = counts[keep]  # each day appears once in ``days``
    offset = start - first_monday
    daily = grid[offset : offset + end - start + 1]
    return BreakSeries(
        days=read_only(as_datetime64(start, end - start + 1)),
        daily=_break_table(daily),
        week_starts=read_only(mondays_as_datetime64(first_monday, n_weeks)),
        weekly=_break_table(grid.reshape(n_weeks, 7, -1).sum(axis=1)),
        days_counted=read_only(days_counted_per_week(first_monday, n_weeks, start, last)),
        total=BreakCounts(*(int(n) for n in daily.sum(axis=0))),
    )


def _session_change(runs: RunArrays, start: int, last: int) -> SessionChange:
    keep = (
        (runs.pre >= 0)
        & (runs.post >= 0)
        & ~runs.in_progress
        & (runs.days >= start)
        & (runs.days <= last)
    )
    rows = np.flatnonzero(keep)
    # By day and wall clock (change and outcome break exact ties), so the input
    # order never shows. Reading each run's UTC instant would cost more than all the rest.
    keys = (runs.stopped, runs.post - runs.pre, runs.clock, runs.days)
    rows = rows[np.lexsort(tuple(key[rows] for key in keys))]
    change = runs.post[rows] - runs.pre[rows]
    return SessionChange(
        days=read_only(runs.days[rows].astype("datetime64[D]")),
        change=read_only(change),
        stopped_for_pain=read_only(runs.stopped[rows]),
        histogram=read_only(np.bincount(change + 10, minlength=CHANGE_VALUES.size)),
    )


@dataclass(frozen=True, eq=False)
class ProgressData:
    """The records read into arrays once; then any range is analysed from them.

    Reading the records' fields is most of the cost of ``progress_analytics``
    (attribute access on some 20,000 objects); keeping this object lets the
    Progress page switch ranges without paying it again.
    """

    checkin_days: IntArray
    checkin_scores: FloatArray
    runs: RunArrays
    pegs: tuple[PegAnswer, ...]
    # Posture breaks, already counted per day (``break_summary``): the days
    # that have any, ascending, and their counts in BREAK_COLUMNS order.
    break_days: IntArray = field(default_factory=lambda: _no_break_days()[0])
    break_counts: IntArray = field(default_factory=lambda: _no_break_days()[1])

    @classmethod
    def from_records(
        cls,
        checkins: Iterable[PainCheckIn],
        runs: Iterable[SessionRun],
        pegs: Iterable[PegAnswer],
        breaks: Iterable[PostureBreak] = (),
    ) -> ProgressData:
        checkin_days, checkin_scores = _checkin_arrays(list(checkins))
        return cls(
            read_only(checkin_days),
            read_only(checkin_scores),
            _run_arrays(list(runs)),
            tuple(pegs),
            *_break_days(breaks),
        )

    @property
    def has_breaks(self) -> bool:
        """Whether any posture-break record was given (the person uses the reminders)."""
        return bool(self.break_days.size)

    def first_day(self) -> date | None:
        """The earliest day of a check-in, run, PEG answer or posture break, for "all"."""
        arrays = (self.checkin_days, self.runs.days, self.break_days)
        days = [int(a.min()) for a in arrays if a.size]
        days += [day_number(p.at) for p in self.pegs]
        return date_of(min(days)) if days else None

    def analyse(
        self,
        goal_history: Sequence[tuple[date, int]],
        start: date,
        end: date,
        today: date,
        *,
        resamples: int = DEFAULT_RESAMPLES,
        seed: int = DEFAULT_SEED,
    ) -> ProgressAnalytics:
        """The numbers for ``start..end``; see ``progress_analytics``."""
        if end < start:
            raise ValueError(f"end {end} is before start {start}")
        s, e, t = day_number(start), day_number(end), day_number(today)
        last = min(e, t)
        runs = self.runs
        has_pre = runs.pre >= 0
        has_post = runs.post >= 0
        daily, weekly = pain_series(
            self.checkin_days,
            self.checkin_scores,
            runs.days[has_pre],
            runs.pre[has_pre].astype(np.float64),
            runs.days[has_post],
            runs.post[has_post].astype(np.float64),
            start=s,
            end=e,
            today=t,
        )
        adherence = adherence_from_days(runs.days[runs.done], goal_history, s, e, t)
        return ProgressAnalytics(
            start=start,
            end=end,
            today=today,
            pain=daily,
            weekly_pain=weekly,
            adherence=adherence,
            peg=_peg_series(self.pegs, s, last),
            session_change=_session_change(runs, s, last),
            breaks=_break_series(self.break_days, self.break_counts, s, e, last),
            resamples=resamples,
            seed=seed,
        )


def progress_analytics(
    checkins: Iterable[PainCheckIn],
    runs: Iterable[SessionRun],
    pegs: Iterable[PegAnswer],
    goal_history: Sequence[tuple[date, int]],
    start: date,
    end: date,
    today: date,
    *,
    breaks: Iterable[PostureBreak] = (),
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
) -> ProgressAnalytics:
    """The Progress page's numbers for the days ``start..end`` (inclusive).

    ``goal_history``: ``(date, sessions per week)`` pairs, each in force from
    its date (0: no plan); see ``adherence``. The input order of the records
    does not matter. ``seed`` fixes the bootstrap, so the same data always
    gives the same interval.
    """
    data = ProgressData.from_records(checkins, runs, pegs, breaks)
    return data.analyse(goal_history, start, end, today, resamples=resamples, seed=seed)


def _months_before(day: date, months: int) -> date:
    # The same day of the month, or the month's last day when it is shorter.
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last_day))


def range_bounds(name: str, today: date, first_day: date | None = None) -> tuple[date, date]:
    """Start and end (both included) of a named range ending today.

    "2w": the last 14 days; "3m" and "1y": from the day after the same date
    3 or 12 months back (so 3 months to 11 June starts on 12 March); "all":
    from ``first_day`` (the first record's day), or the last 14 days when
    there is none yet or it lies after today.
    """
    if name in _RANGE_DAYS:
        return today - timedelta(days=_RANGE_DAYS[name] - 1), today
    if name in _RANGE_MONTHS:
        return _months_before(today, _RANGE_MONTHS[name]) + timedelta(days=1), today
    if name == "all":
        if first_day is None or first_day > today:
            return range_bounds("2w", today)
        return first_day, today
    raise ValueError(f"range must be one of {', '.join(RANGES)}; got {name!r}")


def first_record_day(*groups: Iterable[Record]) -> date | None:
    """The earliest day any of the records belongs to, for the "all" range."""
    first: int | None = None
    for group in groups:
        for record in group:
            number = day_number(record.at)
            if first is None or number < first:
                first = number
    return None if first is None else date_of(first)


def progress_for_range(
    records: Iterable[Record],
    goal_history: Sequence[tuple[date, int]],
    range_name: str,
    today: date,
    *,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
) -> ProgressAnalytics:
    """Sorts a mixed list of records by kind and analyses a named range.

    The whole job of the Progress page after loading, in one call (the
    benchmark times this one); unknown kinds are skipped. The "all" range
    starts on the first day of a check-in, run, PEG answer or posture break.
    """
    checkins: list[PainCheckIn] = []
    runs: list[SessionRun] = []
    pegs: list[PegAnswer] = []
    breaks: list[PostureBreak] = []
    # An exact-type lookup costs a third of an isinstance chain over 48,000 records.
    add: dict[type[Record], Callable[[Any], None]] = {
        PainCheckIn: checkins.append,
        SessionRun: runs.append,
        PegAnswer: pegs.append,
        PostureBreak: breaks.append,
    }
    for record in records:
        append = add.get(type(record))
        if append is not None:
            append(record)
    data = ProgressData.from_records(checkins, runs, pegs, breaks)
    start, end = range_bounds(range_name, today, data.first_day())
    return data.analyse(goal_history, start, end, today, resamples=resamples, seed=seed)
