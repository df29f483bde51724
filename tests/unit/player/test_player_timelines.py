"""Hand-computed timelines on a fake clock: every second where it should be."""

from __future__ import annotations

import pytest
from player_helpers import player, run_for

from lbp_desktop.domain import player as P
from lbp_desktop.domain.content import PlanItem


def at_mid(p, clock, times):
    """Phase and counters half a second after each time (away from boundaries)."""
    out = []
    now = 0.0
    for t in times:
        clock.advance(t + 0.5 - now)
        now = t + 0.5
        s = p.tick()
        out.append((s.phase, s.side, s.set_no, s.rep))
    return out


def test_hold_exercise_timeline() -> None:
    # get ready 0-10, hold 10-30, rest 30-35, hold 35-55, summary at 55.
    p, clock = player("hold-stretch")
    assert p.planned_s == 55
    states = run_for(p, clock, 55)
    by_second = {i + 1: s for i, s in enumerate(states)}
    assert by_second[9].phase == P.GET_READY and by_second[9].remaining_s == 1
    assert by_second[10].phase == P.WORK and by_second[10].remaining_s == 20
    assert by_second[10].rep == 1 and by_second[10].reps == 2
    assert [e.kind for e in by_second[20].events] == [P.HALFWAY]
    assert [e.kind for e in by_second[27].events] == [P.LAST_3]
    assert [e.kind for e in by_second[30].events] == [P.DONE, P.PHASE_STARTED]
    assert by_second[30].phase == P.REST and by_second[30].remaining_s == 5
    assert by_second[35].phase == P.WORK and by_second[35].rep == 2
    assert by_second[54].remaining_s == 1
    assert by_second[55].phase == P.SUMMARY
    assert by_second[55].outcome == "completed"
    assert by_second[55].progress == 1.0
    # One bout (not per side): one record, with the work and the rest inside it.
    (step,) = by_second[55].new_steps
    assert (step.exercise_id, step.reps, step.done_s, step.planned_s) == ("hold-stretch", 2, 45, 45)
    assert step.side is None and not step.skipped
    assert p.time_done_s == 55


def test_hold_cues_show_hold_while_holding() -> None:
    p, clock = player("hold-stretch")
    states = run_for(p, clock, 12)
    assert states[-1].rep_part == "hold"  # no tempo: the whole rep is a hold
    assert states[-1].cue == "Hold. Keep breathing."
    assert states[0].next_label == "Next: Hold stretch: 1 of 2"


def test_rep_exercise_with_sides_and_sets() -> None:
    # block 4 s (2 move + 2 hold), rest 3, switch side 5 (min), set break 10 (min).
    p, clock = player("side-reps")
    assert p.planned_s == 74
    got = at_mid(p, clock, [0, 10, 14, 17, 21, 26, 30, 33, 37, 47, 51, 54, 58, 63, 67, 70, 74])
    assert got == [
        (P.GET_READY, None, 1, None),
        (P.WORK, "left", 1, 1),
        ("rest", "left", 1, 1),
        (P.WORK, "left", 1, 2),
        (P.SWITCH_SIDE, "right", 1, None),
        (P.WORK, "right", 1, 1),
        ("rest", "right", 1, 1),
        (P.WORK, "right", 1, 2),
        ("set_break", "left", 2, None),
        (P.WORK, "left", 2, 1),
        ("rest", "left", 2, 1),
        (P.WORK, "left", 2, 2),
        (P.SWITCH_SIDE, "right", 2, None),
        (P.WORK, "right", 2, 1),
        ("rest", "right", 2, 1),
        (P.WORK, "right", 2, 2),
        (P.SUMMARY, None, None, None),
    ]
    assert [(s.side, s.reps, s.extra["set"]) for s in p.steps] == [
        ("left", 2, 1),
        ("right", 2, 1),
        ("left", 2, 2),
        ("right", 2, 2),
    ]
    assert p.run().outcome == "completed"


def test_switch_side_and_rep_parts_are_announced() -> None:
    p, clock = player("side-reps")
    states = run_for(p, clock, 27)
    events = [(i + 1, e.kind) for i, s in enumerate(states) for e in s.events]
    assert (11, P.HOLD_EVENT) in events  # 1 s move in (half the tempo), then hold
    assert (13, P.RELEASE_EVENT) in events  # the last second releases
    assert (21, P.SWITCH_SIDE_EVENT) in events
    assert states[20].cue == "Switch sides: get ready on your right side."
    assert states[20].next_label == "Next: Side reps: 1 of 2, right side, set 1 of 2"


def test_steps_are_recorded_as_each_bout_ends() -> None:
    p, clock = player("side-reps")
    states = run_for(p, clock, 74)
    ended_at = [i + 1 for i, s in enumerate(states) if s.new_steps]
    assert ended_at == [21, 37, 58, 74]  # leaving each side (the switch does not count)


def test_heat_interval_capped_at_20_minutes_with_skin_checks() -> None:
    p, clock = player(PlanItem("heat-pack", {"interval_s": 1500}))  # asks for 25 minutes
    assert p.planned_s == 10 + 1200
    states = run_for(p, clock, 1210, step=5)
    when = {(i + 1) * 5 - 10: [e for e in s.events] for i, s in enumerate(states)}
    assert [e.kind for e in when[0]] == [P.PHASE_STARTED, P.INTERVAL_CAPPED, P.GUIDANCE]
    assert "25 minutes" in when[0][1].text and "20 minutes" in when[0][1].text
    skin = sorted(t for t, events in when.items() for e in events if e.kind == P.SKIN_CHECK)
    assert skin == [300, 600, 900]
    assert states[-1].phase == P.SUMMARY
    assert states[-1].events[0].kind == P.DONE
    (step,) = p.steps
    assert step.done_s == 1200 and step.extra["capped"] is True


def test_adding_time_cannot_pass_the_heat_cap() -> None:
    p, clock = player(PlanItem("heat-pack", {"interval_s": 1195}))
    run_for(p, clock, 20)  # 10 s into the interval
    p.add_10s()
    s = p.tick()
    assert s.remaining_s == 1190  # 5 s of room to the cap, not 10
    assert P.INTERVAL_CAPPED in [e.kind for e in s.events]
    p.add_10s()
    assert p.tick().remaining_s == 1190


def test_breathing_pacer_phases() -> None:
    p, clock = player("box")  # 4 in, 4 hold, 4 out, 4 hold; 32 s
    run_for(p, clock, 9)
    states = run_for(p, clock, 33)  # states[i]: i seconds into the pacer
    breath = [(i, e.text) for i, s in enumerate(states) for e in s.events if e.kind == P.BREATH]
    assert breath == [
        (0, "in"),
        (4, "hold"),
        (8, "out"),
        (12, "hold"),
        (16, "in"),
        (20, "hold"),
        (24, "out"),
        (28, "hold"),
    ]
    assert states[2].breath_phase == "in" and states[2].breath_level == pytest.approx(0.5)
    assert states[5].breath_level == 1.0
    assert states[10].breath_phase == "out" and states[10].breath_level == pytest.approx(0.5)
    assert states[13].breath_level == 0.0
    bells = [e.text for s in states for e in s.events if e.kind == P.BELL]
    assert bells == ["start", "end"]


def test_guidance_lines_on_time() -> None:
    p, clock = player("scan")
    run_for(p, clock, 9)
    states = run_for(p, clock, 120)  # states[i]: i seconds into the meditation
    lines = [(i, e.text) for i, s in enumerate(states) for e in s.events if e.kind == P.GUIDANCE]
    assert lines == [(0, "Close your eyes."), (30, "Notice your feet."), (90, "Notice your back.")]
    assert states[29].guidance == "Close your eyes."
    assert states[30].guidance == "Notice your feet."
    assert [i for i, s in enumerate(states) for e in s.events if e.text == "interval"] == [60]
    assert states[60].events[0].kind == P.HALFWAY


def test_a_late_tick_gives_one_guidance_line_not_a_burst() -> None:
    p, clock = player("scan")
    run_for(p, clock, 10)
    clock.advance(100)
    s = p.tick()
    assert [e.text for e in s.events if e.kind == P.GUIDANCE] == ["Notice your back."]
    assert s.remaining_s == 20


def test_a_late_tick_over_many_segments_keeps_only_the_last_ones_cues() -> None:
    p, clock = player("side-reps")
    p.tick()
    clock.advance(28)  # past rep 1, rest, rep 2 and the switch: into right rep 1
    s = p.tick()
    assert s.phase == P.WORK and s.side == "right" and s.remaining_s == 2
    assert [e.kind for e in s.events] == [P.PHASE_STARTED, P.HOLD_EVENT]
    assert [st.side for st in s.new_steps] == ["left"]  # records are never dropped


def test_drift_free_over_a_long_session_with_irregular_ticks() -> None:
    p, clock = player("hold-stretch", "side-reps", "scan")
    planned = p.planned_s
    elapsed = 0.0
    for step in [0.37, 1.9, 0.013, 2.71] * 200:
        if p.phase == P.SUMMARY:
            break
        clock.advance(step)
        elapsed += step
        p.tick()
    # The session ends at the tick after its planned end: never late by a tick's worth of drift.
    assert p.phase == P.SUMMARY
    assert planned <= elapsed < planned + 2.71
    assert p.time_done_s == pytest.approx(planned)


def test_ten_seconds_left_once_in_long_segments_only() -> None:
    p, clock = player("scan")  # a 120 s meditation after a 10 s get-ready
    run_for(p, clock, 9)
    states = run_for(p, clock, 120)
    ten = [i for i, s in enumerate(states) for e in s.events if e.kind == P.TEN_LEFT]
    assert ten == [110]
    p, clock = player("hold-stretch")  # 20 s holds: too short for "10 seconds left"
    kinds = {e.kind for s in run_for(p, clock, 55) for e in s.events}
    assert P.TEN_LEFT not in kinds
