"""The day rule: a record belongs to the date of its own wall clock.

Travel across midnight, DST spring-forward (23-hour) and fall-back (25-hour)
days in London and Berlin: no entry moves to a neighbouring day, and no day
is doubled or lost in the grids.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
from analytics_helpers import CEST, CET

from lbp_desktop.domain.analytics import progress_analytics
from lbp_desktop.domain.calendar_days import (
    date_of,
    day_number,
    monday_of,
    record_day,
    weekdays,
)
from lbp_desktop.domain.demo_history import generate_history
from lbp_desktop.domain.overview import local_day
from lbp_desktop.domain.records import PainCheckIn, SessionRun

LONDON = ZoneInfo("Europe/London")
BERLIN = ZoneInfo("Europe/Berlin")
SPRING = date(2026, 3, 29)  # clocks go forward in both zones: a 23-hour day
AUTUMN = date(2026, 10, 25)  # clocks go back: a 25-hour day


def dates(array: np.ndarray) -> list[date]:
    return [d.astype(object) for d in array]


def by_day(result_days: np.ndarray, values: np.ndarray) -> dict[date, float]:
    return dict(zip(dates(result_days), values.tolist(), strict=True))


def test_day_numbers_follow_the_calendar() -> None:
    assert day_number(date(1970, 1, 1)) == 0
    assert day_number(date(1969, 12, 31)) == -1
    assert date_of(day_number(date(2026, 3, 29))) == date(2026, 3, 29)
    # 2026-03-09 is a Monday, 2026-03-15 a Sunday; 1969-12-29 a Monday before day 0.
    numbers = np.array([day_number(date(2026, 3, 9 + i)) for i in range(7)])
    assert weekdays(numbers).tolist() == [0, 1, 2, 3, 4, 5, 6]
    assert weekdays(np.array([day_number(date(1969, 12, 29))])).tolist() == [0]
    assert monday_of(date(2026, 3, 15)) == date(2026, 3, 9)
    assert monday_of(date(2026, 3, 9)) == date(2026, 3, 9)


def test_the_rule_agrees_with_the_overview_page() -> None:
    moment = datetime(2026, 3, 10, 23, 50, tzinfo=CET)
    assert record_day(moment) == local_day(moment) == date(2026, 3, 10)
    assert day_number(moment) == day_number(date(2026, 3, 10))


def test_travel_across_midnight_keeps_each_entry_on_its_own_evening_or_night() -> None:
    # Flying east: 23:30 in Paris (+01:00), then 00:30 in Athens (+02:00).
    # Both are 22:30 UTC, the same instant, but they are lived on two dates.
    evening = PainCheckIn(at=datetime(2026, 3, 10, 23, 30, tzinfo=CET), score=6)
    night = PainCheckIn(at=datetime(2026, 3, 11, 0, 30, tzinfo=CEST), score=2)
    assert evening.at.astimezone(UTC) == night.at.astimezone(UTC)
    late_run = SessionRun(
        at=datetime(2026, 3, 10, 23, 45, tzinfo=CET), plan_id="p", outcome="completed"
    )

    result = progress_analytics(
        [evening, night],
        [late_run],
        [],
        [],
        date(2026, 3, 9),
        date(2026, 3, 12),
        date(2026, 3, 12),
    )
    means = by_day(result.pain.days, result.pain.mean)
    assert means[date(2026, 3, 10)] == 6.0
    assert means[date(2026, 3, 11)] == 2.0
    assert np.isnan(means[date(2026, 3, 9)]) and np.isnan(means[date(2026, 3, 12)])
    sessions = by_day(result.adherence.days, result.adherence.sessions)
    assert sessions == {
        date(2026, 3, 9): 0,
        date(2026, 3, 10): 1,
        date(2026, 3, 11): 0,
        date(2026, 3, 12): 0,
    }


def test_travel_westwards_can_give_one_date_two_evenings() -> None:
    # 22:00 in Athens then, after a flight west, 22:30 in London the same date
    # (though it is 1.5 hours later in UTC): both belong to 10 March.
    athens = PainCheckIn(at=datetime(2026, 3, 10, 22, 0, tzinfo=CEST), score=3)
    london = PainCheckIn(at=datetime(2026, 3, 10, 22, 30, tzinfo=UTC), score=5)
    result = progress_analytics(
        [athens, london], [], [], [], date(2026, 3, 10), date(2026, 3, 11), date(2026, 3, 11)
    )
    assert result.pain.entries.tolist() == [2, 0]
    assert result.pain.mean[0] == 4.0


def test_spring_forward_day_keeps_its_entries_and_its_neighbours() -> None:
    # 29 March 2026 in London has 23 hours: 00:30 is GMT (+00:00), 23:30 BST (+01:00).
    entries = [
        PainCheckIn(at=datetime(2026, 3, 28, 23, 30, tzinfo=LONDON), score=8),
        PainCheckIn(at=datetime(2026, 3, 29, 0, 30, tzinfo=LONDON), score=2),
        PainCheckIn(at=datetime(2026, 3, 29, 23, 30, tzinfo=LONDON), score=4),
        PainCheckIn(at=datetime(2026, 3, 30, 0, 30, tzinfo=LONDON), score=9),
    ]
    assert entries[1].at.utcoffset() == timedelta(0)
    assert entries[2].at.utcoffset() == timedelta(hours=1)
    result = progress_analytics(
        entries, [], [], [], date(2026, 3, 27), date(2026, 3, 31), date(2026, 3, 31)
    )
    assert dates(result.pain.days) == [date(2026, 3, 27 + i) for i in range(5)]
    assert result.pain.entries.tolist() == [0, 1, 2, 1, 0]
    means = by_day(result.pain.days, result.pain.mean)
    assert means[date(2026, 3, 28)] == 8.0
    assert means[SPRING] == 3.0  # (2 + 4) / 2
    assert means[date(2026, 3, 30)] == 9.0


def test_fall_back_day_counts_both_half_past_ones_once_each() -> None:
    # 25 October 2026 in London has 25 hours: 01:30 happens twice.
    first = datetime(2026, 10, 25, 1, 30, tzinfo=LONDON)
    second = datetime(2026, 10, 25, 1, 30, fold=1, tzinfo=LONDON)
    assert first.utcoffset() == timedelta(hours=1) and second.utcoffset() == timedelta(0)
    entries = [
        PainCheckIn(at=first, score=5),
        PainCheckIn(at=second, score=7),
        PainCheckIn(at=datetime(2026, 10, 25, 23, 59, tzinfo=LONDON), score=6),
        PainCheckIn(at=datetime(2026, 10, 26, 0, 1, tzinfo=LONDON), score=1),
    ]
    runs = [SessionRun(at=first, plan_id="p", outcome="completed")]
    runs.append(SessionRun(at=second, plan_id="p", outcome="completed"))
    result = progress_analytics(
        entries, runs, [], [], date(2026, 10, 19), date(2026, 11, 1), date(2026, 11, 1)
    )
    assert result.pain.days.size == 14  # two whole weeks, no extra or missing day
    means = by_day(result.pain.days, result.pain.mean)
    assert means[AUTUMN] == 6.0  # (5 + 7 + 6) / 3
    assert means[date(2026, 10, 26)] == 1.0
    assert result.adherence.weeks.sessions.tolist() == [2, 0]
    assert result.adherence.weeks.days_counted.tolist() == [7, 7]


def test_a_berlin_week_with_a_dst_change_has_seven_days_of_sessions() -> None:
    # One session at noon every day of the week 23-29 March 2026 (Sunday is 23 hours long).
    runs = [
        SessionRun(
            at=datetime(2026, 3, 23 + i, 12, tzinfo=BERLIN), plan_id="p", outcome="completed"
        )
        for i in range(7)
    ]
    assert runs[-1].at.utcoffset() == timedelta(hours=2)
    assert runs[0].at.utcoffset() == timedelta(hours=1)
    result = progress_analytics(
        [], runs, [], [(date(2026, 1, 1), 7)], date(2026, 3, 23), date(2026, 3, 29), SPRING
    )
    assert result.adherence.sessions.tolist() == [1] * 7
    assert result.adherence.weeks.sessions.tolist() == [7]
    assert result.adherence.weeks.percent is not None
    assert result.adherence.weeks.percent.tolist() == [100.0]
    assert result.adherence.weekdays.sessions.tolist() == [1] * 7


def test_a_year_of_demo_history_through_both_dst_changes_has_three_entries_every_day() -> None:
    # The heavy profile notes pain exactly three times a day; if any DST day
    # lost or gained an entry, some day would show 2 or 4.
    end = date(2026, 12, 31)
    records = list(generate_history(days=365, profile="heavy", end=end, tz=LONDON, seed=3))
    checkins = [r for r in records if isinstance(r, PainCheckIn)]
    offsets = {c.at.utcoffset() for c in checkins}
    assert offsets == {timedelta(0), timedelta(hours=1)}
    result = progress_analytics(checkins, [], [], [], date(2026, 1, 1), end, end)
    assert result.pain.days.size == 365
    assert set(result.pain.entries.tolist()) == {3}
