"""Today summary and daily series on small hand-made histories with known answers."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from lbp_desktop.domain.adherence import counts_as_done
from lbp_desktop.domain.overview import (
    RECENT_LIMIT,
    TodaySummary,
    in_the_future,
    session_counts,
    sessions_in_week,
    streak_days,
    today_summary,
)
from lbp_desktop.domain.peg_schedule import iso_week_key
from lbp_desktop.domain.records import (
    RUN_OUTCOMES,
    PainCheckIn,
    PegAnswer,
    PostureBreak,
    SessionRun,
    StepRecord,
)

CET = timezone(timedelta(hours=1))
IST = timezone(timedelta(hours=5, minutes=30))
TODAY = date(2026, 3, 11)  # a Wednesday; its ISO week runs Mon 9 to Sun 15 March


def at(day: date, hour: int, minute: int = 0, tz: timezone = CET) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)


def pain(day: date, hour: int, score: int, minute: int = 0, tz: timezone = CET) -> PainCheckIn:
    return PainCheckIn(at=at(day, hour, minute, tz), score=score)


def step(skipped: bool = False) -> StepRecord:
    start = at(TODAY, 10)
    return StepRecord(
        exercise_id="pelvic-tilt",
        started_at=start,
        ended_at=start + timedelta(seconds=40),
        planned_s=40,
        done_s=0 if skipped else 40,
        skipped=skipped,
    )


def run(
    day: date, outcome: str = "completed", hour: int = 10, steps: tuple[StepRecord, ...] = ()
) -> SessionRun:
    return SessionRun(at=at(day, hour), plan_id="gentle-start", outcome=outcome, steps=steps)


def peg(day: date, hour: int = 9) -> PegAnswer:
    return PegAnswer(at=at(day, hour), pain=5, enjoyment=4, activity=6)


def brk(day: date, outcome: str = "taken", hour: int = 11) -> PostureBreak:
    return PostureBreak(at=at(day, hour), outcome=outcome)


def days_before(n: int) -> date:
    return TODAY - timedelta(days=n)


# -- today_summary ---------------------------------------------------------------------------


def test_empty_history_gives_zeros_and_nothing_to_show() -> None:
    summary = today_summary([], [], [], today=TODAY, weekly_goal=3)
    assert summary.today == TODAY
    assert summary.pain_today == ()
    assert summary.last_pain is None
    assert summary.last_pain_score is None
    assert summary.sessions_today == 0
    assert summary.sessions_this_week == 0
    assert summary.weekly_goal == 3
    assert summary.streak_days == 0
    assert summary.breaks_today == 0
    assert not summary.goal_reached
    assert summary.recent_pain == ()
    assert not summary.recent_are_earlier
    assert not summary.peg_due


def test_pain_today_is_latest_first_and_last_pain_is_the_newest() -> None:
    morning = pain(TODAY, 8, 6)
    noon = pain(TODAY, 12, 4)
    evening = pain(TODAY, 19, 3)
    yesterday = pain(days_before(1), 21, 7)
    summary = today_summary([noon, yesterday, evening, morning], [], [], today=TODAY, weekly_goal=3)
    assert summary.pain_today == (evening, noon, morning)
    assert summary.last_pain == evening
    assert summary.last_pain_score == 3


def test_last_pain_comes_from_an_earlier_day_when_none_today() -> None:
    older = pain(days_before(3), 9, 5)
    newer = pain(days_before(1), 20, 6)
    summary = today_summary([newer, older], [], [], today=TODAY, weekly_goal=3)
    assert summary.pain_today == ()
    assert summary.last_pain_score == 6


def test_entries_dated_after_today_are_ignored() -> None:
    future = pain(TODAY + timedelta(days=1), 9, 9)
    summary = today_summary([future], [], [], today=TODAY, weekly_goal=3)
    assert summary.last_pain is None


def test_sessions_count_by_the_adherence_rule() -> None:
    runs = [
        run(TODAY, "completed"),
        run(TODAY, "partial", hour=18, steps=(step(), step(skipped=True))),  # one step done
        run(TODAY, "partial", hour=19, steps=(step(skipped=True),)),  # nothing done
        run(TODAY, "partial", hour=19),  # no steps recorded
        run(TODAY, "in_progress", hour=20),
        run(TODAY, "stopped_for_pain", hour=21),  # worked until the stop rule ended it
    ]
    summary = today_summary([], runs, [], today=TODAY, weekly_goal=3)
    assert summary.sessions_today == 3
    assert summary.sessions_this_week == 3
    assert summary.streak_days == 1


@pytest.mark.parametrize("outcome", RUN_OUTCOMES)
@pytest.mark.parametrize(
    "steps",
    [(), (step(),), (step(skipped=True),), (step(skipped=True), step())],
    ids=["no steps", "one done", "one skipped", "skipped then done"],
)
def test_the_counting_rule_agrees_with_adherence(
    outcome: str, steps: tuple[StepRecord, ...]
) -> None:
    one = run(TODAY, outcome, steps=steps)
    assert session_counts(one) == counts_as_done(one)


def test_a_session_that_counts_for_nothing_breaks_the_streak() -> None:
    runs = [run(days_before(0)), run(days_before(1), "partial"), run(days_before(2))]
    summary = today_summary([], runs, [], today=TODAY, weekly_goal=3)
    assert summary.streak_days == 1


def test_sessions_in_week_stops_at_today() -> None:
    runs = [run(date(2026, 3, 9)), run(TODAY), run(date(2026, 3, 13))]  # Mon, Wed, Fri
    assert sessions_in_week(runs, TODAY) == 2
    assert sessions_in_week(runs, date(2026, 3, 15)) == 3


def test_week_is_the_iso_week_monday_to_sunday() -> None:
    runs = [
        run(date(2026, 3, 8)),  # Sunday of the previous week
        run(date(2026, 3, 9)),  # Monday: counts
        run(date(2026, 3, 10)),  # Tuesday: counts
        run(TODAY),  # Wednesday: counts
        run(date(2026, 3, 16)),  # next Monday: not this week
    ]
    summary = today_summary([], runs, [], today=TODAY, weekly_goal=3)
    assert summary.sessions_this_week == 3
    assert summary.goal_reached


def test_breaks_today_count_taken_and_natural() -> None:
    breaks = [
        brk(TODAY, "taken"),
        brk(TODAY, "natural", hour=14),
        brk(TODAY, "snoozed", hour=15),
        brk(TODAY, "skipped", hour=16),
        brk(days_before(1), "taken"),
    ]
    summary = today_summary([], [], breaks, today=TODAY, weekly_goal=3)
    assert summary.breaks_today == 2


@pytest.mark.parametrize(
    ("session_offsets", "expected"),
    [
        ([], 0),
        ([0], 1),
        ([0, 1, 2], 3),
        ([1, 2], 2),  # today has none yet: the streak still stands from yesterday
        ([2, 3, 4], 0),  # yesterday missed: the streak is over
        ([0, 1, 3, 4], 2),  # a gap stops the count
    ],
)
def test_streak(session_offsets: list[int], expected: int) -> None:
    runs = [run(days_before(n)) for n in session_offsets]
    summary = today_summary([], runs, [], today=TODAY, weekly_goal=3)
    assert summary.streak_days == expected


def test_streak_counts_a_day_once_however_many_sessions() -> None:
    assert streak_days([TODAY, TODAY, days_before(1)], TODAY) == 2


def test_midnight_in_plus_0530_uses_the_local_calendar_day() -> None:
    # 23:59 and 00:01 IST are both on 10 March in UTC (18:29 and 18:31),
    # yet the patient lived them on two different days.
    late = pain(days_before(1), 23, 8, minute=59, tz=IST)
    early = pain(TODAY, 0, 2, minute=1, tz=IST)
    assert late.at.astimezone(UTC).date() == early.at.astimezone(UTC).date()
    summary = today_summary([late, early], [], [], today=TODAY, weekly_goal=3)
    assert summary.pain_today == (early,)
    assert summary.last_pain == early


# -- the entries the page lists -------------------------------------------------------------


def test_recent_pain_is_today_when_there_is_any() -> None:
    morning = pain(TODAY, 8, 6)
    evening = pain(TODAY, 19, 3)
    summary = today_summary(
        [morning, pain(days_before(1), 21, 7), evening], [], [], today=TODAY, weekly_goal=3
    )
    assert summary.recent_pain == (evening, morning)
    assert not summary.recent_are_earlier


def test_recent_pain_falls_back_to_the_last_few_of_the_past_week() -> None:
    entries = [pain(days_before(n), hour, 5) for n in (1, 2, 3) for hour in (8, 20)]
    old = pain(days_before(8), 9, 4)  # more than a week ago: not offered for editing here
    summary = today_summary([old, *entries], [], [], today=TODAY, weekly_goal=3)
    assert len(summary.recent_pain) == RECENT_LIMIT
    newest_first = sorted(entries, key=lambda e: e.at, reverse=True)
    assert summary.recent_pain == tuple(newest_first[:RECENT_LIMIT])
    assert summary.recent_pain[0].at == at(days_before(1), 20)
    assert summary.recent_are_earlier
    assert today_summary([old], [], [], today=TODAY, weekly_goal=3).recent_pain == ()


def test_recent_pain_leaves_out_entries_after_today() -> None:
    tomorrow = pain(TODAY + timedelta(days=1), 9, 2)
    yesterday = pain(days_before(1), 9, 5)
    summary = today_summary([tomorrow, yesterday], [], [], today=TODAY, weekly_goal=3)
    assert summary.recent_pain == (yesterday,)


def test_a_summary_made_by_hand_needs_only_the_old_fields() -> None:
    summary = TodaySummary(
        today=TODAY,
        pain_today=(),
        last_pain=None,
        sessions_today=0,
        sessions_this_week=0,
        weekly_goal=3,
        streak_days=0,
        breaks_today=0,
    )
    assert summary.recent_pain == () and not summary.peg_due


# -- the weekly PEG ---------------------------------------------------------------------------


def test_peg_is_left_out_unless_answers_are_given() -> None:
    summary = today_summary([pain(days_before(30), 9, 5)], [], [], today=TODAY, weekly_goal=3)
    assert not summary.peg_due


def test_peg_is_due_after_the_first_day_with_no_answer_this_week() -> None:
    history = [pain(days_before(3), 9, 5)]
    assert today_summary(history, [], [], today=TODAY, weekly_goal=3, pegs=[]).peg_due
    answered = [peg(days_before(2))]
    assert not today_summary(history, [], [], today=TODAY, weekly_goal=3, pegs=answered).peg_due


def test_peg_is_not_due_on_the_first_day_of_use() -> None:
    first_day = [pain(TODAY, 9, 5), pain(TODAY, 12, 4)]
    assert not today_summary(first_day, [], [], today=TODAY, weekly_goal=3, pegs=[]).peg_due
    # A first use known from elsewhere (an older year not loaded) wins.
    summary = today_summary(
        first_day, [], [], today=TODAY, weekly_goal=3, pegs=[], first_use=date(2025, 6, 1)
    )
    assert summary.peg_due


def test_first_use_comes_from_any_kind_of_record() -> None:
    runs = [run(days_before(2))]
    assert today_summary([], runs, [], today=TODAY, weekly_goal=3, pegs=[]).peg_due
    breaks = [brk(days_before(1))]
    assert today_summary([], [], breaks, today=TODAY, weekly_goal=3, pegs=[]).peg_due


def test_peg_skipped_this_week_is_not_due() -> None:
    history = [pain(days_before(3), 9, 5)]
    summary = today_summary(
        history, [], [], today=TODAY, weekly_goal=3, pegs=[], peg_skipped_week=iso_week_key(TODAY)
    )
    assert not summary.peg_due


# -- editing an entry's time -------------------------------------------------------------------


def test_an_entry_may_move_up_to_now_but_not_later() -> None:
    now = at(TODAY, 14, 5)
    assert not in_the_future(now, now)
    assert not in_the_future(now - timedelta(minutes=1), now)
    assert in_the_future(now + timedelta(minutes=1), now)
    # Compared by the instant: 18:00 in Mumbai is 13:30 in CET, before 14:05 CET.
    assert not in_the_future(at(TODAY, 18, 0, tz=IST), now)
    assert in_the_future(at(TODAY, 19, 0, tz=IST), now)
