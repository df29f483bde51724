"""Posture breaks counted per day: outcomes, reminders put off, day boundaries."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone
from itertools import permutations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lbp_desktop.domain.break_summary import (
    NO_BREAKS,
    BreakCounts,
    breaks_by_day,
    breaks_on,
    total,
)
from lbp_desktop.domain.overview import today_summary
from lbp_desktop.domain.records import PostureBreak

CET = timezone(timedelta(hours=1))
IST = timezone(timedelta(hours=5, minutes=30))
PST = timezone(timedelta(hours=-8))
TODAY = date(2026, 3, 11)


def brk(day: date, hour: int, minute: int, outcome: str, tz: timezone = CET) -> PostureBreak:
    moment = datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)
    return PostureBreak(at=moment, outcome=outcome)


def test_each_outcome_is_counted_and_breaks_are_taken_plus_natural() -> None:
    records = [
        brk(TODAY, 9, 0, "taken"),
        brk(TODAY, 10, 0, "taken"),
        brk(TODAY, 11, 0, "natural"),
        brk(TODAY, 12, 0, "skipped"),
    ]
    counts = breaks_by_day(records)[TODAY]
    assert counts == BreakCounts(taken=2, natural=1, skipped=1)
    assert counts.breaks == 3
    assert counts.reminders == 3  # two taken, one skipped; the natural break had none


def test_a_reminder_put_off_twice_and_then_taken_is_one_reminder() -> None:
    records = [
        brk(TODAY, 10, 0, "snoozed"),
        brk(TODAY, 10, 5, "snoozed"),
        brk(TODAY, 10, 15, "taken"),
    ]
    counts = breaks_on(records, TODAY)
    assert counts == BreakCounts(taken=1, snoozed=1, snoozed_unanswered=0)
    assert counts.reminders == 1
    assert counts.breaks == 1


def test_a_reminder_put_off_then_skipped_is_one_reminder_skipped() -> None:
    records = [brk(TODAY, 10, 0, "snoozed"), brk(TODAY, 10, 10, "skipped")]
    counts = breaks_on(records, TODAY)
    assert (counts.skipped, counts.snoozed, counts.reminders, counts.breaks) == (1, 1, 1, 0)


def test_two_reminders_put_off_with_a_break_between_are_two() -> None:
    records = [
        brk(TODAY, 10, 0, "snoozed"),
        brk(TODAY, 10, 5, "taken"),
        brk(TODAY, 11, 0, "snoozed"),
        brk(TODAY, 11, 5, "snoozed"),
        brk(TODAY, 11, 10, "taken"),
    ]
    counts = breaks_on(records, TODAY)
    assert (counts.taken, counts.snoozed, counts.reminders) == (2, 2, 2)


def test_walking_away_from_a_put_off_reminder_leaves_it_unanswered() -> None:
    # The person went away while it was put off: the scheduler writes a
    # natural break, and the reminder itself got no answer.
    records = [brk(TODAY, 10, 0, "snoozed"), brk(TODAY, 10, 30, "natural")]
    counts = breaks_on(records, TODAY)
    assert counts == BreakCounts(natural=1, snoozed=1, snoozed_unanswered=1)
    assert counts.reminders == 1
    assert counts.breaks == 1


def test_a_reminder_still_put_off_counts_once_as_a_reminder() -> None:
    counts = breaks_on([brk(TODAY, 16, 0, "snoozed")], TODAY)
    assert (counts.snoozed, counts.snoozed_unanswered, counts.reminders) == (1, 1, 1)


def test_input_order_does_not_matter() -> None:
    records = [
        brk(TODAY, 10, 0, "snoozed"),
        brk(TODAY, 10, 5, "snoozed"),
        brk(TODAY, 10, 15, "taken"),
        brk(TODAY, 14, 0, "snoozed"),
        brk(TODAY, 14, 30, "natural"),
    ]
    expected = breaks_by_day(records)
    for seed in range(5):
        shuffled = records[:]
        random.Random(seed).shuffle(shuffled)
        assert breaks_by_day(shuffled) == expected


def test_a_day_is_the_records_own_wall_clock_date_in_a_non_utc_zone() -> None:
    # 23:50 in Mumbai is 18:20 UTC, 00:10 is 18:40 UTC of the day before:
    # each belongs to the evening and the night the person lived through.
    late = brk(TODAY, 23, 50, "taken", IST)
    early_next = brk(TODAY + timedelta(days=1), 0, 10, "natural", IST)
    # 20:00 in California is already the next day in UTC; it stays on TODAY.
    evening_west = brk(TODAY, 20, 0, "skipped", PST)
    by_day = breaks_by_day([late, early_next, evening_west])
    assert by_day[TODAY] == BreakCounts(taken=1, skipped=1)
    assert by_day[TODAY + timedelta(days=1)] == BreakCounts(natural=1)
    assert breaks_on([late, early_next], TODAY + timedelta(days=1)).breaks == 1


def test_a_put_off_reminder_does_not_run_across_midnight() -> None:
    records = [
        brk(TODAY, 23, 55, "snoozed", IST),
        brk(TODAY + timedelta(days=1), 0, 5, "taken", IST),
    ]
    by_day = breaks_by_day(records)
    assert by_day[TODAY] == BreakCounts(snoozed=1, snoozed_unanswered=1)
    assert by_day[TODAY + timedelta(days=1)] == BreakCounts(taken=1)


def test_no_records_no_days() -> None:
    assert breaks_by_day([]) == {}
    assert breaks_on([], TODAY) == NO_BREAKS
    assert not NO_BREAKS.has_any
    assert BreakCounts(skipped=1).has_any and not BreakCounts(skipped=1).breaks


def test_counts_add_up() -> None:
    one = BreakCounts(taken=1, natural=2, skipped=3, snoozed=4, snoozed_unanswered=1)
    two = BreakCounts(taken=10, natural=20, skipped=30, snoozed=40, snoozed_unanswered=5)
    assert one + two == BreakCounts(11, 22, 33, 44, 6)
    assert total([one, two, NO_BREAKS]) == one + two
    assert total([]) == NO_BREAKS


def test_the_today_summary_counts_only_today() -> None:
    records = [
        brk(TODAY - timedelta(days=1), 15, 0, "taken"),
        brk(TODAY, 9, 0, "snoozed"),
        brk(TODAY, 9, 10, "taken"),
        brk(TODAY, 13, 0, "natural"),
        brk(TODAY, 15, 0, "skipped"),
    ]
    summary = today_summary([], [], records, today=TODAY, weekly_goal=3)
    assert summary.breaks_today == 2
    assert summary.break_counts == BreakCounts(taken=1, natural=1, skipped=1, snoozed=1)


# ----- against a model of reminders ---------------------------------------------------------
#
# Each day is a list of stories: a natural break on its own, or one reminder
# put off 0-3 times and then ended by the person (taken, skipped), by their
# going away (natural), or by nothing (paused; only last in a day, see the
# module's note on pauses). The records they leave are counted and compared
# with what the stories say.

ZONES = (CET, IST, PST, timezone(timedelta(hours=14)), timezone(timedelta(hours=-11)))

answered = st.one_of(
    st.just(("alone", 0, "natural")),
    st.tuples(
        st.just("reminder"), st.integers(0, 3), st.sampled_from(["taken", "skipped", "natural"])
    ),
)
paused = st.tuples(st.just("reminder"), st.integers(0, 3), st.none())
day_stories = st.tuples(st.lists(answered, max_size=7), st.lists(paused, max_size=1)).map(
    lambda parts: parts[0] + parts[1]
)


def _expected(stories: list[tuple[str, int, str | None]]) -> BreakCounts:
    counts = NO_BREAKS
    for kind, snoozes, ending in stories:
        put_off = int(kind == "reminder" and snoozes > 0)
        counts += BreakCounts(
            taken=int(ending == "taken"),
            natural=int(ending == "natural"),
            skipped=int(ending == "skipped"),
            snoozed=put_off,
            snoozed_unanswered=put_off * int(ending in ("natural", None)),
        )
    return counts


def _records(day: date, tz: timezone, stories: list) -> list[PostureBreak]:
    out: list[PostureBreak] = []
    moment = datetime(day.year, day.month, day.day, 8, 0, tzinfo=tz)
    for _kind, snoozes, ending in stories:
        for _ in range(snoozes):
            moment += timedelta(minutes=5)
            out.append(PostureBreak(at=moment, outcome="snoozed"))
        if ending is not None:
            moment += timedelta(minutes=7)
            out.append(PostureBreak(at=moment, outcome=ending))
    return out


@given(
    days=st.lists(
        st.tuples(day_stories, st.sampled_from(ZONES)),
        min_size=1,
        max_size=5,
    ),
    seed=st.integers(0, 1000),
)
def test_counts_match_the_reminders_that_made_the_records(days, seed: int) -> None:
    records: list[PostureBreak] = []
    expected: dict[date, BreakCounts] = {}
    for offset, (stories, tz) in enumerate(days):
        day = TODAY + timedelta(days=offset)
        made = _records(day, tz, stories)
        records += made
        if made:
            expected[day] = _expected(stories)
    random.Random(seed).shuffle(records)
    assert breaks_by_day(records) == expected
    for day, counts in expected.items():
        assert breaks_on(records, day) == counts


def test_ties_at_the_same_instant_are_counted_the_same_in_any_order() -> None:
    moment = datetime(2026, 3, 11, 10, 0, tzinfo=CET)
    records = [PostureBreak(at=moment, outcome=o) for o in ("snoozed", "taken", "natural")]
    results = {tuple(sorted(breaks_by_day(p).items())) for p in permutations(records)}
    assert len(results) == 1


@pytest.mark.parametrize("outcome", ["taken", "natural", "skipped", "snoozed"])
def test_every_outcome_is_known(outcome: str) -> None:
    counts = breaks_on([brk(TODAY, 10, 0, outcome)], TODAY)
    assert counts.has_any
