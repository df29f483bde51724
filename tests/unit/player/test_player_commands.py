"""Commands, the stop rule and sleeping laptops, on a fake clock."""

from __future__ import annotations

import pytest
from player_helpers import kinds, player, run_for

from lbp_desktop.domain import player as P


def test_nothing_runs_before_the_check_in() -> None:
    p, clock = player("hold-stretch", pre=None)
    clock.advance(100)
    s = p.tick()
    assert s.phase == P.CHECK_IN and s.progress == 0 and s.next_label == "First up: Hold stretch"
    p.pause()
    p.next()
    assert p.report_pain(9) is None  # nothing to compare with yet
    assert p.tick().phase == P.CHECK_IN
    p.start(3)
    s = p.tick()
    assert s.phase == P.GET_READY and s.remaining_s == 10 and s.pre_pain == 3
    assert [c.context for c in s.new_checkins] == ["before_session"]


def test_pause_and_resume_do_not_consume_time() -> None:
    p, clock = player("hold-stretch")
    run_for(p, clock, 15)  # 5 s into the first hold
    p.pause()
    clock.advance(100)
    s = p.tick()
    assert s.paused and s.remaining_s == 15 and s.events == ()
    p.resume()
    s = p.tick()
    assert not s.paused and s.remaining_s == 15
    run_for(p, clock, 14)
    assert p.tick().remaining_s == 1
    run_for(p, clock, 1 + 5 + 20)
    assert p.phase == P.SUMMARY
    assert p.paused_s == 100 and p.time_done_s == 55


def test_add_and_remove_ten_seconds() -> None:
    p, clock = player("hold-stretch")
    run_for(p, clock, 15)
    p.add_10s()
    s = p.tick()
    assert (s.remaining_s, s.total_s, s.elapsed_s) == (25, 30, 5)
    p.remove_10s()
    p.remove_10s()
    s = p.tick()
    assert (s.remaining_s, s.total_s) == (5, 10)
    p.remove_10s()  # only 5 s left: it comes off, never below zero
    s = p.tick()
    assert s.phase == P.REST and s.remaining_s == 5
    assert p.added_s == 10 - 10 - 10 - 5 and p.time_done_s == 10 + 5


def test_next_previous_and_restart() -> None:
    p, clock = player("hold-stretch", "side-reps")
    p.next()
    s = p.tick()
    assert s.phase == P.WORK and s.remaining_s == 20
    run_for(p, clock, 8)
    p.restart_step()
    assert p.tick().remaining_s == 20
    run_for(p, clock, 5)
    p.previous()  # 5 s in: back to the start of this hold
    assert (p.tick().phase, p.tick().remaining_s) == (P.WORK, 20)
    p.previous()  # at its start: one further back
    assert p.tick().phase == P.GET_READY
    p.next()
    p.next()  # skip the hold: now resting
    s = p.tick()
    assert s.phase == P.REST
    p.previous()  # from a rest: back to the hold before it, not another rest
    s = p.tick()
    assert s.phase == P.WORK and s.rep == 1
    for _ in range(4):
        p.next()
    s = p.tick()
    assert (s.exercise_id, s.phase) == ("side-reps", P.WORK)
    assert s.next_label == "Next: Rest 3 seconds"


def test_skipping_a_hold_makes_the_run_partial() -> None:
    p, clock = player("hold-stretch")
    run_for(p, clock, 11)
    p.next()
    run_for(p, clock, 30)
    assert p.phase == P.SUMMARY and p.run().outcome == "partial"
    (step,) = p.steps
    assert step.reps == 1


def test_pause_then_next_starts_the_next_segment_paused() -> None:
    p, clock = player("hold-stretch")
    p.pause()
    p.next()
    clock.advance(50)
    s = p.tick()
    assert s.paused and s.phase == P.WORK and s.remaining_s == 20


def test_this_hurts_stops_at_once_with_reason_and_step_down() -> None:
    p, clock = player("hold-stretch", pre=3)
    run_for(p, clock, 15)
    assert p.report_pain(4).stop is False
    assert p.tick().phase == P.WORK
    p.pause()
    decision = p.report_pain(5)  # 2 above the start: stops, even while paused
    assert decision is not None and decision.stop
    s = p.tick()
    assert s.phase == P.SUMMARY and s.outcome == "stopped_for_pain"
    assert "from 3 to 5" in s.stop_reason
    assert s.step_down is not None and s.step_down.plan_id == "gentle-start"
    assert [e.kind for e in s.events] == [P.STOPPED_FOR_PAIN]
    assert [c.context for c in s.new_checkins] == ["during_session"]  # the 5
    assert [c.score for c in p.checkins] == [3, 4, 5]
    (step,) = s.new_steps  # the step in progress is kept, as far as it got
    assert step.done_s == 5 and step.reps == 0 and step.skipped
    for command in (p.resume, p.next, p.previous, p.restart_step, p.add_10s, p.stop):
        command()
    clock.advance(500)
    s = p.tick()
    assert s.outcome == "stopped_for_pain" and s.phase == P.SUMMARY
    run = p.run()
    assert run.outcome == "stopped_for_pain" and run.stop_reason.startswith("Your pain went")


def test_pain_of_seven_stops_whatever_the_start() -> None:
    p, clock = player("hold-stretch", pre=6)
    run_for(p, clock, 3)
    decision = p.report_pain(7)
    assert decision is not None and decision.stop and "7" in decision.reason
    assert p.tick().outcome == "stopped_for_pain"


def test_post_check_in_applies_the_stop_rule_for_next_time() -> None:
    p, clock = player("hold-stretch", pre=2)
    run_for(p, clock, 55)
    assert p.tick().cue == "How much pain do you have now, from 0 to 10?"
    decision = p.check_in_after(4)
    assert decision is not None and decision.stop
    s = p.tick()
    assert s.outcome == "completed"  # it was done; the rise is flagged, not hidden
    assert s.post_pain == 4 and s.step_down is not None
    assert [e.kind for e in s.events] == [P.PAIN_AFTER]
    assert p.check_in_after(0) is decision  # one post check-in per run
    run = p.run()
    assert (run.post_pain, run.outcome) == (4, "completed") and "from 2 to 4" in run.stop_reason


def test_post_check_in_without_a_rise() -> None:
    p, clock = player("hold-stretch", pre=5)
    run_for(p, clock, 55)
    assert p.report_pain(6) is not None  # in the summary, "this hurts" is the post check-in
    s = p.tick()
    assert s.step_down is None and s.stop_reason == "" and s.post_pain == 6
    assert [c.context for c in s.new_checkins] == ["after_session"]


def test_stop_is_partial_and_records_the_step() -> None:
    p, clock = player("hold-stretch", "side-reps")
    run_for(p, clock, 20)
    p.stop()
    s = p.tick()
    assert s.phase == P.SUMMARY and s.outcome == "partial" and 0 < s.progress < 1
    assert [e.kind for e in s.events] == [P.SESSION_DONE]
    assert len(s.new_steps) == 1 and p.run().ended_at is not None


def test_ice_ends_at_the_wall_deadline_after_a_sleep_with_one_event() -> None:
    p, clock = player("ice-pack")  # 900 s, skin checks at 300 and 600
    run_for(p, clock, 110)  # 100 s into the ice, started at 09:00:10
    clock.suspend(2000)
    s = p.tick()
    assert s.phase == P.SUMMARY
    assert [e.kind for e in s.events] == [P.ENDED_DURING_SLEEP, P.SESSION_DONE]
    event = s.events[0]
    assert event.at is not None and event.at.strftime("%H:%M:%S") == "09:15:10"
    assert "ice interval ended at 09:15" in event.text
    (step,) = s.new_steps
    assert step.done_s == 900  # the pack stayed on while the laptop slept
    assert kinds(run_for(p, clock, 30)) == []


def test_ice_sleep_part_way_catches_the_countdown_up() -> None:
    p, clock = player("ice-pack")
    run_for(p, clock, 110)
    clock.suspend(250)
    s = p.tick()
    assert s.phase == P.INTERVAL and s.remaining_s == 550
    assert [e.kind for e in s.events] == [P.SLEPT, P.SKIN_CHECK]  # 300 s was due: once
    run_for(p, clock, 550)
    assert p.phase == P.SUMMARY


def test_ice_paused_past_the_cap_ends_the_interval() -> None:
    p, clock = player("ice-pack", "hold-stretch")
    run_for(p, clock, 110)
    p.pause()
    clock.advance(1100)  # 1200 s since the ice went on, pause included
    s = p.tick()
    assert s.phase == P.GET_READY and s.paused
    assert P.INTERVAL_CAPPED in [e.kind for e in s.events]


def test_paused_ice_says_when_the_cap_will_end_it() -> None:
    p, clock = player("ice-pack", "hold-stretch")
    assert p.wake_up_in_s() is None  # playing: the ticker runs anyway
    run_for(p, clock, 110)  # 100 s of ice
    assert p.wake_up_in_s() is None
    p.pause()
    assert p.wake_up_in_s() == 1100
    clock.advance(600)
    assert p.wake_up_in_s() == 500
    clock.suspend(100)  # the wall clock runs on while the laptop sleeps
    assert p.wake_up_in_s() == 400
    clock.advance(400)
    assert p.wake_up_in_s() == 0
    p.tick()  # the interval ends; the next one waits, paused, with no deadline
    assert p.phase == P.GET_READY and p.wake_up_in_s() is None


def test_paused_exercise_needs_no_wake_up() -> None:
    p, clock = player("hold-stretch")
    run_for(p, clock, 15)
    p.pause()
    assert p.wake_up_in_s() is None


def test_ice_short_pause_counts_towards_the_cap() -> None:
    p, clock = player("ice-pack")
    run_for(p, clock, 110)
    p.pause()
    clock.advance(500)
    p.resume()
    s = p.tick()
    # 900 - 100 = 800 left, but only 1200 - 600 = 600 remain under the cap.
    assert s.remaining_s == 600
    assert P.INTERVAL_CAPPED in [e.kind for e in s.events]


def test_heat_sleep_while_paused_ends_at_the_cap() -> None:
    p, clock = player("ice-pack")
    run_for(p, clock, 110)
    p.pause()
    clock.suspend(5000)
    s = p.tick()
    assert s.phase == P.SUMMARY
    assert "09:20" in s.events[0].text  # started 09:00:10, capped 20 minutes later


def test_sleep_during_exercise_pauses_it() -> None:
    p, clock = player("hold-stretch")
    run_for(p, clock, 15)
    clock.suspend(600)  # the monotonic clock stopped: nothing moved
    s = p.tick()
    assert s.remaining_s == 15 and s.events == ()


@pytest.mark.parametrize("score", [-1, 11, True, 2.5])
def test_bad_pain_scores_are_refused(score: object) -> None:
    p, _ = player("hold-stretch", pre=None)
    with pytest.raises(ValueError):
        p.start(score)  # type: ignore[arg-type]


def test_pain_already_at_seven_stops_before_the_first_step() -> None:
    p, clock = player("hold-stretch", pre=7)
    state = p.tick()
    assert state.phase == P.SUMMARY
    assert state.outcome == "stopped_for_pain"
    assert "stopped_for_pain" in kinds([state])
    assert state.step_down is not None
    clock.advance(60)
    assert p.tick().phase == P.SUMMARY  # nothing starts later either
    assert p.run().steps == ()
