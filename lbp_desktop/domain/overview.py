"""What the Today and Progress pages show, computed from plain records.

Pure Python: no Qt, no files, no clock. Callers pass ``today`` so the answers
are the same in a test as at the kitchen table.

A record belongs to the calendar day of its ``at`` in the offset it was
recorded with (``at.date()``), the same rule the store uses for its year
files: a pain score noted at 23:50 in Mumbai counts for that evening even
though it was already the next day in UTC.

A session counts as done by the adherence rule (``adherence.counts_as_done``:
completed, stopped for pain, or partial with a step done), so the Today page,
the Progress page and the analytics agree. The rule is restated here in
plain Python because ``adherence`` loads numpy, which the app keeps out of its
start-up and its idle time in the tray; a test checks the two agree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from lbp_desktop.domain.break_summary import NO_BREAKS, BreakCounts, breaks_on
from lbp_desktop.domain.peg_schedule import peg_due
from lbp_desktop.domain.records import PainCheckIn, PegAnswer, PostureBreak, SessionRun


def local_day(moment: datetime) -> date:
    """The calendar day a record belongs to: its own wall-clock date."""
    return moment.date()


def session_counts(run: SessionRun) -> bool:
    """Whether a run counts as a session done: the one rule for Today, the
    nudge and (as ``adherence.counts_as_done``) the analytics.

    Stopped for pain counts: the person did the work until the stop rule
    ended it, and not counting it would punish listening to the rule. A
    partial run counts when at least one step was done, not skipped.
    """
    if run.outcome in ("completed", "stopped_for_pain"):
        return True
    if run.outcome == "partial":
        return any(not step.skipped for step in run.steps)
    return False


def _counted_session_days(runs: Iterable[SessionRun]) -> Counter[date]:
    return Counter(local_day(run.at) for run in runs if session_counts(run))


def sessions_in_week(runs: Iterable[SessionRun], today: date) -> int:
    """Sessions done in the ISO week (Monday to Sunday) of ``today``, up to today."""
    week = today.isocalendar()[:2]
    return sum(
        n
        for day, n in _counted_session_days(runs).items()
        if day.isocalendar()[:2] == week and day <= today
    )


def in_the_future(moment: datetime, now: datetime) -> bool:
    """A diary entry may be moved to any time up to now, never later.

    Both are aware, so an entry kept in another offset compares by the
    instant, not by its wall-clock digits.
    """
    return moment > now


# The Today page lists today's entries so a slip can be corrected at once.
# When today has none it lists the last few of the past week instead, so an
# entry from last night can still be put right the next morning, and it says
# nothing about the empty day beyond a plain "Nothing noted yet today": no
# nagging about days without an entry.
RECENT_DAYS = 7
RECENT_LIMIT = 5


@dataclass(frozen=True)
class TodaySummary:
    today: date
    pain_today: tuple[PainCheckIn, ...]  # latest first
    last_pain: PainCheckIn | None  # the most recent entry on or before today
    sessions_today: int
    sessions_this_week: int  # ISO week (Monday to Sunday) containing today
    weekly_goal: int
    streak_days: int  # consecutive days with a session, ending today or yesterday
    # Posture breaks taken today, on a reminder or on the person's own
    # ("natural": they got up before it came); ``break_counts.breaks``.
    breaks_today: int
    # The entries the page lists with Edit and Delete, latest first: today's,
    # or when there are none, up to RECENT_LIMIT of the last RECENT_DAYS days.
    recent_pain: tuple[PainCheckIn, ...] = ()
    peg_due: bool = False  # offer the weekly PEG questions (see peg_schedule)
    # Today's breaks by outcome, and the reminders skipped or put off (see break_summary).
    break_counts: BreakCounts = NO_BREAKS

    @property
    def last_pain_score(self) -> int | None:
        return None if self.last_pain is None else self.last_pain.score

    @property
    def goal_reached(self) -> bool:
        return self.weekly_goal > 0 and self.sessions_this_week >= self.weekly_goal

    @property
    def recent_are_earlier(self) -> bool:
        """The listed entries are from earlier days (none today)."""
        return bool(self.recent_pain) and not self.pain_today


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
    pegs: Iterable[PegAnswer] | None = None,
    peg_skipped_week: object = None,
    first_use: date | None = None,
) -> TodaySummary:
    """What the Today page shows.

    ``pegs``: the PEG answers of at least the last week; None leaves the PEG
    out (never due). ``peg_skipped_week``: the stored "Not this week" (see
    ``peg_schedule``). ``first_use``: the day of the user's first record;
    by default the earliest day among the records given.
    """
    checkins = list(checkins)
    runs = list(runs)
    breaks = list(breaks)
    # Entries dated after today (a clock set wrong, another machine) are left
    # out rather than shown as "last".
    past = [c for c in checkins if local_day(c.at) <= today]
    past.sort(key=lambda c: c.at, reverse=True)
    pain_today = tuple(c for c in past if local_day(c.at) == today)
    if pain_today:
        recent = pain_today
    else:
        since = today - timedelta(days=RECENT_DAYS)
        recent = tuple(c for c in past if local_day(c.at) >= since)[:RECENT_LIMIT]

    session_days = _counted_session_days(runs)
    break_counts = breaks_on(breaks, today)
    due = False
    if pegs is not None:
        pegs = list(pegs)
        if first_use is None:
            first_use = min(
                (local_day(r.at) for r in (*checkins, *runs, *breaks, *pegs)), default=None
            )
        due = peg_due(pegs, today=today, first_use=first_use, skipped_week=peg_skipped_week)
    return TodaySummary(
        today=today,
        pain_today=pain_today,
        last_pain=past[0] if past else None,
        sessions_today=session_days.get(today, 0),
        sessions_this_week=sessions_in_week(runs, today),
        weekly_goal=weekly_goal,
        streak_days=streak_days((d for d in session_days if d <= today), today),
        breaks_today=break_counts.breaks,
        recent_pain=recent,
        peg_due=due,
        break_counts=break_counts,
    )
