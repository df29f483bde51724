"""When the weekly PEG is offered: first day, seven days, a skip, time zones, the ISO year."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from lbp_desktop.domain.peg_schedule import iso_week_key, last_answer_day, peg_due
from lbp_desktop.domain.records import PegAnswer

CET = timezone(timedelta(hours=1))
IST = timezone(timedelta(hours=5, minutes=30))
PST = timezone(timedelta(hours=-8))
TODAY = date(2026, 3, 11)  # a Wednesday in ISO week 11 (Mon 9 to Sun 15 March)
LONG_AGO = date(2026, 1, 5)


def answer(day: date, hour: int = 9, minute: int = 0, tz: timezone = CET) -> PegAnswer:
    moment = datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)
    return PegAnswer(at=moment, pain=5, enjoyment=4, activity=6)


def due(answers: list[PegAnswer], today: date = TODAY, **kwargs: object) -> bool:
    kwargs.setdefault("first_use", LONG_AGO)
    return peg_due(answers, today=today, **kwargs)  # type: ignore[arg-type]


def test_due_for_a_user_who_never_answered() -> None:
    assert due([])


def test_never_on_the_first_day_of_use() -> None:
    assert not due([], first_use=TODAY)
    assert not due([], first_use=None)  # nothing recorded yet: today is the first day
    assert due([], first_use=TODAY - timedelta(days=1))  # the second day it is offered


@pytest.mark.parametrize(
    ("days_ago", "expected"),
    [(0, False), (1, False), (6, False), (7, True), (8, True), (30, True)],
)
def test_seven_days_after_the_last_answer(days_ago: int, expected: bool) -> None:
    assert due([answer(TODAY - timedelta(days=days_ago))]) is expected


def test_only_the_newest_answer_matters() -> None:
    answers = [answer(TODAY - timedelta(days=20)), answer(TODAY - timedelta(days=3))]
    assert not due(answers)
    assert last_answer_day(answers) == TODAY - timedelta(days=3)
    assert last_answer_day([]) is None


def test_an_answer_dated_after_today_counts_as_recent() -> None:
    assert not due([answer(TODAY + timedelta(days=2))])


def test_a_skip_lasts_for_the_rest_of_the_iso_week() -> None:
    this_week = iso_week_key(TODAY)
    assert this_week == "2026-W11"
    assert not due([], skipped_week=this_week)
    # Sunday of the same week: still skipped.
    assert not due([], today=date(2026, 3, 15), skipped_week=this_week)
    # Monday of the next week: offered again.
    assert due([], today=date(2026, 3, 16), skipped_week=this_week)
    # A skip from an earlier week changes nothing.
    assert due([], skipped_week="2026-W10")


def test_a_skip_on_sunday_night_does_not_hide_a_whole_week() -> None:
    sunday = date(2026, 3, 15)
    assert not due([], today=sunday, skipped_week=iso_week_key(sunday))
    assert due([], today=sunday + timedelta(days=1), skipped_week=iso_week_key(sunday))


def test_a_skip_does_not_make_an_answer_due_early() -> None:
    # A skip ends on Monday, but an answer from Friday is still only 3 days old.
    friday = date(2026, 3, 13)
    assert not due([answer(friday)], today=date(2026, 3, 16), skipped_week="2026-W11")


@pytest.mark.parametrize("stored", [None, "", 11, "2026-11", ["2026-W11"], "garbage"])
def test_a_stored_value_that_is_not_a_week_counts_as_no_skip(stored: object) -> None:
    assert due([], skipped_week=stored)


def test_iso_week_key_uses_the_iso_year() -> None:
    assert iso_week_key(date(2026, 12, 31)) == "2026-W53"
    assert iso_week_key(date(2027, 1, 1)) == "2026-W53"  # still week 53 of 2026
    assert iso_week_key(date(2027, 1, 4)) == "2027-W01"
    assert iso_week_key(date(2025, 12, 29)) == "2026-W01"  # a Monday in 2025, week 1 of 2026


def test_a_skip_across_new_year_keeps_its_week() -> None:
    thursday = date(2026, 12, 31)
    skipped = iso_week_key(thursday)
    assert not due([], today=date(2027, 1, 3), skipped_week=skipped)  # Sunday, same ISO week
    assert due([], today=date(2027, 1, 4), skipped_week=skipped)  # Monday, new week


def test_answers_belong_to_their_own_wall_clock_day() -> None:
    # 00:30 on Thursday 5 March in Mumbai is still Wednesday 4 March in Europe
    # (20:00 CET) and in UTC; the patient answered on a Thursday.
    thursday_in_mumbai = answer(date(2026, 3, 5), 0, 30, tz=IST)
    assert thursday_in_mumbai.at.astimezone(UTC).date() == date(2026, 3, 4)
    assert last_answer_day([thursday_in_mumbai]) == date(2026, 3, 5)
    # Back home in Europe: Wednesday 11 March is only 6 days after that Thursday.
    assert not due([thursday_in_mumbai], today=date(2026, 3, 11))
    assert due([thursday_in_mumbai], today=date(2026, 3, 12))


def test_a_late_evening_answer_west_of_utc_keeps_its_day() -> None:
    # 23:30 on Wednesday 4 March in California is already Thursday in UTC.
    wednesday_evening = answer(date(2026, 3, 4), 23, 30, tz=PST)
    assert wednesday_evening.at.astimezone(UTC).date() == date(2026, 3, 5)
    assert due([wednesday_evening], today=date(2026, 3, 11))
