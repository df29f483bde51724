"""What the Today and Progress pages show, computed from plain records.

Pure Python: no Qt, no files, no clock. Callers pass ``today`` so the answers
are the same in a test as at the kitchen table.

A record belongs to the calendar day of its ``at`` in the offset it was
recorded with (``at.date()``), the same rule the store uses for its year
files: a pain score noted at 23:50 in Mumbai counts for that evening even
though it was already the next day in UTC.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from lbp_desktop.domain.records import PainCheckIn, PostureBreak, SessionRun

# A session that was started and abandoned, or is still running, is not "done";
# one finished in full or in part is.
COUNTED_RUN_OUTCOMES = frozenset({"completed", "partial"})
# "natural" means the user got up on their own before the reminder: still a break.
COUNTED_BREAK_OUTCOMES = frozenset({"taken", "natural"})


def local_day(moment: datetime) -> date:
    """The calendar day a record belongs to: its own wall-clock date."""
    return moment.date()


def _counted_session_days(runs: Iterable[SessionRun]) -> Counter[date]:
    return Counter(local_day(run.at) for run in runs if run.outcome in COUNTED_RUN_OUTCOMES)


@dataclass(frozen=True)
class TodaySummary:
    today: date
    pain_today: tuple[PainCheckIn, ...]  # latest first
    last_pain: PainCheckIn | None  # the most recent entry on or before today
    sessions_today: int
    sessions_this_week: int  # ISO week (Monday to Sunday) containing today
    weekly_goal: int
    streak_days: int  # consecutive days with a session, ending today or yesterday
    breaks_today: int

    @property
    def last_pain_score(self) -> int | None:
        return None if self.last_pain is None else self.last_pain.score

    @property
    def goal_reached(self) -> bool:
        return self.weekly_goal > 0 and self.sessions_this_week >= self.weekly_goal


def streak_days(session_days: Iterable[date], today: date) -> int:
    """Days in a row with a session, counting back from today, or from
    yesterday when today has none yet (the day is not over)."""
    days = set(session_days)
    cursor = today if today in days else today - timedelta(days=1)
    count = 0
    while cursor in days:
        count += 1
        cursor -= timedelta(days=1)
    return count


def today_summary(
    checkins: Iterable[PainCheckIn],
    runs: Iterable[SessionRun],
    breaks: Iterable[PostureBreak],
    *,
    today: date,
    weekly_goal: int,
) -> TodaySummary:
    # Entries dated after today (a clock set wrong, another machine) are left
    # out rather than shown as "last".
    past = [c for c in checkins if local_day(c.at) <= today]
    past.sort(key=lambda c: c.at, reverse=True)
    pain_today = tuple(c for c in past if local_day(c.at) == today)

    session_days = _counted_session_days(runs)
    week = today.isocalendar()[:2]
    this_week = sum(
        n for day, n in session_days.items() if day.isocalendar()[:2] == week and day <= today
    )
    taken_today = sum(
        1 for b in breaks if b.outcome in COUNTED_BREAK_OUTCOMES and local_day(b.at) == today
    )
    return TodaySummary(
        today=today,
        pain_today=pain_today,
        last_pain=past[0] if past else None,
        sessions_today=session_days.get(today, 0),
        sessions_this_week=this_week,
        weekly_goal=weekly_goal,
        streak_days=streak_days((d for d in session_days if d <= today), today),
        breaks_today=taken_today,
    )


@dataclass(frozen=True)
class DailySeries:
    """One value per calendar day from start to end inclusive."""

    days: tuple[date, ...]
    pain_mean: tuple[float | None, ...]  # None: no pain noted that day
    sessions: tuple[int, ...]

    @property
    def has_data(self) -> bool:
        return any(p is not None for p in self.pain_mean) or any(self.sessions)

    @property
    def days_with_pain(self) -> int:
        return sum(1 for p in self.pain_mean if p is not None)

    @property
    def total_sessions(self) -> int:
        return sum(self.sessions)


def daily_pain_series(
    checkins: Iterable[PainCheckIn],
    runs: Iterable[SessionRun],
    start: date,
    end: date,
) -> DailySeries:
    if end < start:
        raise ValueError(f"end {end} is before start {start}")
    scores: dict[date, list[int]] = defaultdict(list)
    for checkin in checkins:
        scores[local_day(checkin.at)].append(checkin.score)
    session_days = _counted_session_days(runs)

    days = tuple(start + timedelta(days=i) for i in range((end - start).days + 1))
    means = tuple((sum(scores[d]) / len(scores[d])) if scores.get(d) else None for d in days)
    return DailySeries(
        days=days,
        pain_mean=means,
        sessions=tuple(session_days.get(d, 0) for d in days),
    )
