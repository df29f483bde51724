"""A gentle nudge at the person's preferred time when no session is done yet.

USER-VOICES asks for reminders that keep working and repeat when nothing was
logged; the welcome asks for a preferred time of day. Once a day, at that
time, if no session counts as done today and the person has a weekly plan,
the app says so once (a tray message). Pure: the Qt side sleeps until
``next_nudge_at`` and then asks ``nudge_due``. No numpy here: this runs in
the tray, where the app must stay small.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from lbp_desktop.domain.overview import session_counts
from lbp_desktop.domain.records import SessionRun, check_aware

# A nudge missed by more than this (the computer was off or asleep) is not
# given late: a reminder at 22:00 for an 18:00 session helps nobody.
LATE_LIMIT = timedelta(hours=2)


def next_nudge_at(
    now: datetime, preferred: time | None, last_nudge: date | None
) -> datetime | None:
    """When to look next: today's preferred time if not yet given, else tomorrow's."""
    check_aware("session_nudge", "now", now)
    if preferred is None:
        return None
    today = datetime.combine(now.date(), preferred, now.tzinfo)
    if last_nudge != now.date() and now.timestamp() < (today + LATE_LIMIT).timestamp():
        return today
    return datetime.combine(now.date() + timedelta(days=1), preferred, now.tzinfo)


def nudge_due(
    now: datetime,
    preferred: time | None,
    last_nudge: date | None,
    runs_today: Iterable[SessionRun],
    weekly_goal: int,
) -> bool:
    """True once a day, from the preferred time for ``LATE_LIMIT``, when nothing is done."""
    check_aware("session_nudge", "now", now)
    if preferred is None or weekly_goal <= 0 or last_nudge == now.date():
        return False
    start = datetime.combine(now.date(), preferred, now.tzinfo)
    if not start.timestamp() <= now.timestamp() < (start + LATE_LIMIT).timestamp():
        return False
    return not any(session_counts(run) and run.at.date() == now.date() for run in runs_today)
