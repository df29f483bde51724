"""Carrying on an interrupted session: where, which run, and the stop rule."""

from __future__ import annotations

from datetime import timedelta

import pytest
from player_helpers import START, library, make_plan, run_for

from lbp_desktop.domain import player as P
from lbp_desktop.domain.clock import FakeClock
from lbp_desktop.domain.player import Player
from lbp_desktop.domain.records import SessionRun
from lbp_desktop.domain.run_resume import (
    INTERRUPTED_REASON,
    RESUME_WINDOW,
    closed_as_interrupted,
    pick_offer,
    resume_index,
)


def interrupted_after(seconds: float, *items: str) -> tuple[SessionRun, Player, FakeClock]:
    """Play ``seconds`` of a plan, then "kill" it: the run as the store last had it."""
    plan = make_plan(*items)
    clock = FakeClock(START, monotonic=1000.0)
    p = Player(plan, library(plan), clock)
    p.start(3)
    run_for(p, clock, seconds)
    return p.run(), p, clock


def resumed(run: SessionRun, clock: FakeClock, *items: str) -> Player:
    plan = make_plan(*items)
    return Player(plan, library(plan), clock, resume=run)


def test_nothing_written_yet_carries_on_from_the_top() -> None:
    run, p, _ = interrupted_after(5, "side-reps")
    assert run.steps == ()
    assert resume_index(p.segments, run.steps) == 0


def test_carries_on_at_the_switch_side_pause_after_the_last_finished_side() -> None:
    # side-reps: get ready 10, left (4 + 3 + 4 = 11), switch side 5, right 11, ...
    run, p, clock = interrupted_after(24, "side-reps")
    assert [(s.side, s.skipped) for s in run.steps] == [("left", False)]
    at = resume_index(p.segments, run.steps)
    assert at is not None and p.segments[at].phase == P.SWITCH_SIDE

    again = resumed(run, clock, "side-reps")
    first = again.tick()
    assert first.phase == P.CHECK_IN
    assert first.next_label == "Carrying on with: Side reps: 1 of 2, right side, set 1 of 2"
    assert first.cue.startswith("Welcome back.")
    again.start(3)
    state = again.tick()
    assert state.phase == P.SWITCH_SIDE and state.side == "right"
    assert [c.context for c in state.new_checkins] == ["during_session"]
    while again.phase != P.SUMMARY:
        clock.advance(1)
        again.tick()
    done = again.run()
    assert done.id == run.id and done.at == run.at and done.pre_pain == 3
    assert done.outcome == "completed"
    assert [(s.side, s.extra["set"]) for s in done.steps] == [
        ("left", 1), ("right", 1), ("left", 2), ("right", 2),
    ]  # fmt: skip


def test_the_stop_rule_compares_pain_now_with_the_first_check_in() -> None:
    run, _, clock = interrupted_after(24, "side-reps")
    again = resumed(run, clock, "side-reps")
    again.start(5)  # 3 before the session, 5 now: a rise of 2
    state = again.tick()
    assert state.phase == P.SUMMARY and state.outcome == "stopped_for_pain"
    assert [e.kind for e in state.events] == [P.STOPPED_FOR_PAIN]


def test_the_next_item_starts_with_its_get_ready() -> None:
    run, p, _ = interrupted_after(60, "hold-stretch", "side-reps")  # hold-stretch: 55 s
    at = resume_index(p.segments, run.steps)
    assert at is not None
    assert p.segments[at].phase == P.GET_READY and p.segments[at].exercise.id == "side-reps"


def test_a_run_whose_steps_reach_the_end_has_nothing_left() -> None:
    run, p, clock = interrupted_after(56, "hold-stretch")  # 55 s: the summary was reached
    unfinished = run.replace(outcome="in_progress")  # killed before the last write
    assert resume_index(p.segments, unfinished.steps) is None
    plan = make_plan("hold-stretch")
    with pytest.raises(ValueError, match="nothing left"):
        Player(plan, library(plan), clock, resume=unfinished)  # type: ignore[arg-type]


def test_a_run_of_another_plan_is_refused() -> None:
    run, _, clock = interrupted_after(24, "side-reps")
    other = make_plan("hold-stretch", ident="other-plan")
    with pytest.raises(ValueError, match="not 'other-plan'"):
        Player(other, library(other), clock, resume=run)


def test_only_the_newest_recent_run_of_a_known_plan_is_offered() -> None:
    run, _, _ = interrupted_after(24, "side-reps")
    now = run.at + timedelta(hours=1)
    older = run.replace(id="00000000-0000-4000-8000-000000000001", at=run.at - timedelta(hours=3),
                        steps=())  # fmt: skip
    stale = run.replace(id="00000000-0000-4000-8000-000000000002",
                        at=now - RESUME_WINDOW - timedelta(minutes=1), steps=())  # fmt: skip
    unknown = run.replace(id="00000000-0000-4000-8000-000000000003", plan_id="gone-plan")
    done = run.replace(id="00000000-0000-4000-8000-000000000004", outcome="completed")
    offer, to_close = pick_offer([older, stale, run, unknown, done], now, ["test-plan"])
    assert offer is not None and offer.run.id == run.id
    assert offer.last_activity == run.steps[-1].ended_at
    assert {r.id for r in to_close} == {older.id, stale.id, unknown.id}

    offer, to_close = pick_offer([stale], now, ["test-plan"])
    assert offer is None and [r.id for r in to_close] == [stale.id]


def test_closing_an_interrupted_run_keeps_its_steps_and_says_why() -> None:
    run, _, _ = interrupted_after(24, "side-reps")
    closed = closed_as_interrupted(run)
    assert closed.outcome == "partial" and closed.stop_reason == INTERRUPTED_REASON
    assert closed.ended_at == run.steps[-1].ended_at and closed.steps == run.steps
    closed.validate()
