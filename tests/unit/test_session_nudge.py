"""The once-a-day nudge at the preferred time, when no session is done yet."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from lbp_desktop.domain.records import SessionRun
from lbp_desktop.domain.session_nudge import LATE_LIMIT, next_nudge_at, nudge_due

BERLIN = ZoneInfo("Europe/Berlin")
SIX = time(18, 0)


def at(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=BERLIN)


def run(when: datetime, outcome: str = "completed") -> SessionRun:
    return SessionRun(
        at=when, plan_id="desk-reset", outcome=outcome, ended_at=when + timedelta(minutes=3)
    )


def test_next_look_is_today_until_it_is_given_then_tomorrow() -> None:
    assert next_nudge_at(at(10, 9), SIX, None) == at(10, 18)
    assert next_nudge_at(at(10, 19), SIX, None) == at(10, 18)  # still within the late limit
    assert next_nudge_at(at(10, 19), SIX, date(2026, 3, 10)) == at(11, 18)
    assert next_nudge_at(at(10, 21), SIX, None) == at(11, 18)  # too late for today
    assert next_nudge_at(at(10, 9), None, None) is None


def test_the_preferred_time_stays_local_across_the_spring_change() -> None:
    # 29 March 2026: clocks go forward in Berlin; 18:00 is still 18:00.
    nxt = next_nudge_at(at(28, 20, month=3), SIX, date(2026, 3, 28))
    assert (nxt.hour, nxt.utcoffset()) == (18, timedelta(hours=2))


def test_due_at_the_time_when_nothing_is_done() -> None:
    assert nudge_due(at(10, 18, 5), SIX, None, [], 5)
    assert not nudge_due(at(10, 17, 59), SIX, None, [], 5)  # not yet
    assert not nudge_due(at(10, 18) + LATE_LIMIT, SIX, None, [], 5)  # missed: not late
    assert not nudge_due(at(10, 18, 5), SIX, date(2026, 3, 10), [], 5)  # once a day
    assert not nudge_due(at(10, 18, 5), SIX, None, [], 0)  # no weekly plan: no nudging
    assert not nudge_due(at(10, 18, 5), None, None, [], 5)


def test_a_session_done_today_means_no_nudge_but_yesterdays_does_not_count() -> None:
    assert not nudge_due(at(10, 18, 5), SIX, None, [run(at(10, 8))], 5)
    assert nudge_due(at(10, 18, 5), SIX, None, [run(at(9, 8))], 5)
    # A session stopped after a minute with nothing done does not count as done.
    started = SessionRun(at=at(10, 8), plan_id="desk-reset", outcome="in_progress")
    assert nudge_due(at(10, 18, 5), SIX, None, [started], 5)
