from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from lbp_desktop.domain.plan_suggestion import AFTER_PAIN, FIRST_TIME, RECENT, suggest_plan
from lbp_desktop.domain.records import SessionRun, StepRecord

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
PLANS = {"gentle-start", "core-builder", "desk-reset"}
WEDNESDAY = date(2026, 3, 11)  # ISO week 11: Monday 9 to Sunday 15 March


def run(
    hours: int,
    outcome: str,
    pre: int | None = 2,
    post: int | None = 2,
    plan: str = "core-builder",
    steps: tuple[StepRecord, ...] = (),
) -> SessionRun:
    return SessionRun(
        at=T0 + timedelta(hours=hours), plan_id=plan, outcome=outcome,
        pre_pain=pre, post_pain=post, steps=steps,
    )  # fmt: skip


def on(day: date, plan: str = "core-builder", outcome: str = "completed") -> SessionRun:
    return SessionRun(
        at=datetime(day.year, day.month, day.day, 18, tzinfo=UTC), plan_id=plan, outcome=outcome
    )


def one_step() -> StepRecord:
    return StepRecord(
        exercise_id="bird-dog", started_at=T0, ended_at=T0 + timedelta(seconds=30),
        planned_s=30, done_s=30,
    )  # fmt: skip


# -- after pain and the first time (the rules the stop rule promises) ------------------------


def test_first_time_points_at_the_gentle_plan() -> None:
    assert suggest_plan([], PLANS).why == FIRST_TIME  # type: ignore[union-attr]
    # A session that never ended does not count as having done one.
    assert suggest_plan([run(0, "in_progress")], PLANS).why == FIRST_TIME  # type: ignore[union-attr]


def test_after_a_stop_for_pain_the_gentle_plan_next() -> None:
    found = suggest_plan([run(0, "completed"), run(1, "stopped_for_pain", post=None)], PLANS)
    assert found is not None and found.plan_id == "gentle-start" and found.why == AFTER_PAIN
    assert "pain went up" in found.reason


def test_a_rise_of_two_after_the_session_counts_too() -> None:
    assert suggest_plan([run(0, "completed", pre=3, post=5)], PLANS).why == AFTER_PAIN  # type: ignore[union-attr]
    assert suggest_plan([run(0, "completed", pre=3, post=4)], PLANS).why == RECENT  # type: ignore[union-attr]
    assert suggest_plan([run(0, "partial", pre=1, post=7)], PLANS).why == AFTER_PAIN  # type: ignore[union-attr]


def test_only_the_latest_ended_session_counts() -> None:
    runs = [run(0, "stopped_for_pain"), run(5, "completed"), run(9, "in_progress")]
    found = suggest_plan(runs, PLANS)
    assert found is not None and found.why == RECENT and found.plan_id == "core-builder"


def test_no_gentle_plan_no_suggestion() -> None:
    assert suggest_plan([], {"core-builder"}) is None


def test_after_pain_without_a_gentle_plan_the_plan_that_hurt_is_not_suggested() -> None:
    assert suggest_plan([run(0, "stopped_for_pain")], {"core-builder"}) is None


# -- otherwise: the plan done most recently --------------------------------------------------


def test_the_plan_completed_most_recently() -> None:
    runs = [
        run(0, "completed", plan="desk-reset"),
        run(5, "completed", plan="core-builder"),
        run(9, "partial", plan="desk-reset", steps=(one_step(),)),  # done, not completed
    ]
    found = suggest_plan(runs, PLANS)
    assert found is not None
    assert (found.plan_id, found.why) == ("core-builder", RECENT)
    assert found.reason == "The plan you completed most recently."
    assert found.text == "Suggested: the plan you completed most recently."
    assert found.sessions_to_goal == 0


def test_a_plan_that_no_longer_exists_is_passed_over() -> None:
    runs = [run(0, "completed", plan="desk-reset"), run(5, "completed", plan="deleted-plan")]
    found = suggest_plan(runs, PLANS)
    assert found is not None and found.plan_id == "desk-reset"


def test_with_nothing_completed_the_latest_session_that_counts() -> None:
    runs = [run(0, "partial", plan="desk-reset", steps=(one_step(),)), run(3, "partial")]
    found = suggest_plan(runs, PLANS)
    assert found is not None
    assert found.plan_id == "desk-reset"  # the later partial run did nothing
    assert found.reason == "The plan you did most recently."


def test_with_nothing_done_at_all_the_gentle_plan_again() -> None:
    found = suggest_plan([run(0, "partial")], PLANS)
    assert found is not None and (found.plan_id, found.why) == ("gentle-start", FIRST_TIME)
    assert suggest_plan([run(0, "partial")], {"core-builder"}) is None


def test_always_an_answer_once_sessions_were_done() -> None:
    for outcome in ("completed", "partial", "stopped_for_pain"):
        assert suggest_plan([run(0, outcome, steps=(one_step(),))], PLANS) is not None


# -- the weekly goal, said kindly ---------------------------------------------------------------


def test_behind_the_weekly_goal_says_how_many_more() -> None:
    runs = [on(date(2026, 3, 9)), on(date(2026, 3, 2))]  # Monday this week; last week
    found = suggest_plan(runs, PLANS, today=WEDNESDAY, weekly_goal=3)
    assert found is not None
    assert found.sessions_to_goal == 2
    assert found.reason == (
        "The plan you completed most recently. 2 more sessions to reach this week's goal."
    )
    assert found.text.endswith("2 more sessions to reach this week's goal.")


def test_one_more_is_singular() -> None:
    runs = [on(date(2026, 3, 9)), on(date(2026, 3, 10))]
    found = suggest_plan(runs, PLANS, today=WEDNESDAY, weekly_goal=3)
    assert found is not None and found.reason.endswith("1 more session to reach this week's goal.")


@pytest.mark.parametrize(
    ("today", "goal", "expected"),
    [
        (WEDNESDAY, 0, 0),  # no weekly plan
        (WEDNESDAY, 1, 0),  # goal met
        (date(2026, 3, 14), 3, 2),  # Saturday, 2 to go in 2 days: reachable
        (date(2026, 3, 14), 4, 0),  # Saturday, 3 to go in 2 days: not said
        (date(2026, 3, 15), 2, 1),  # Sunday, 1 to go today
    ],
)
def test_the_goal_is_mentioned_only_when_it_can_still_be_reached(
    today: date, goal: int, expected: int
) -> None:
    found = suggest_plan([on(date(2026, 3, 9))], PLANS, today=today, weekly_goal=goal)
    assert found is not None and found.sessions_to_goal == expected
    assert ("goal" in found.reason) is bool(expected)


def test_the_goal_counts_sessions_by_the_adherence_rule() -> None:
    runs = [
        on(date(2026, 3, 9)),
        on(date(2026, 3, 10), outcome="partial"),  # nothing done: does not count
    ]
    found = suggest_plan(runs, PLANS, today=WEDNESDAY, weekly_goal=3)
    assert found is not None and found.sessions_to_goal == 2


def test_no_goal_words_after_pain_or_the_first_time() -> None:
    found = suggest_plan([], PLANS, today=WEDNESDAY, weekly_goal=3)
    assert found is not None and "goal" not in found.reason
    found = suggest_plan([run(0, "stopped_for_pain")], PLANS, today=WEDNESDAY, weekly_goal=3)
    assert found is not None and "goal" not in found.reason
