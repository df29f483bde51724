"""Player events to cues, on real events from players on a fake clock."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from lbp_desktop import paths
from lbp_desktop.domain import cues as C
from lbp_desktop.domain import player as P
from lbp_desktop.domain.clock import FakeClock
from lbp_desktop.domain.content import (
    Bells,
    Breath,
    ContentLibrary,
    Dosage,
    Exercise,
    GuidanceLine,
    Plan,
    PlanItem,
)
from lbp_desktop.domain.cues import Cue, CueMaker
from lbp_desktop.domain.player import Event, Player
from lbp_desktop.domain.safety import SKIN_CHECK_TEXT
from lbp_desktop.storage.content_files import load_content

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def exercise(ident: str, dosage: Dosage, category: str = "stretch", **extra: object) -> Exercise:
    return Exercise(
        id=ident,
        name=ident.replace("-", " ").capitalize(),
        category=category,
        position="any",
        steps=("Lie on your back.",),
        cues=("Breathe easily.",),
        mistakes=("Rushing.",),
        cautions=("Stop if it hurts more.",),
        dosage=dosage,
        sources=("test",),
        **extra,  # type: ignore[arg-type]
    )


EXERCISES = (
    exercise("hold-stretch", Dosage(hold_s=20, reps=2, rest_s=5)),
    exercise("side-reps", Dosage(hold_s=2, tempo_s=2, reps=2, sets=2, per_side=True, rest_s=3)),
    exercise("slow-reps", Dosage(hold_s=6, tempo_s=4, reps=2)),
    exercise("walk", Dosage(interval_s=120), "posture"),
    exercise("heat-pack", Dosage(interval_s=900), "heat", skin_checks_s=(300, 600)),
    exercise("ice-pack", Dosage(interval_s=900), "ice", skin_checks_s=(300, 600)),
    exercise(
        "box",
        Dosage(interval_s=32),
        "breathing",
        breath=Breath(in_s=4, out_s=4, hold_in_s=4, hold_out_s=4),
        guidance=(GuidanceLine(0, "Sit tall."), GuidanceLine(16, "Keep going.")),
        bells=Bells(),
    ),
    exercise(
        "scan",
        Dosage(interval_s=120),
        "meditation",
        guidance=(GuidanceLine(0, "Close your eyes."), GuidanceLine(90, "Notice your back.")),
        bells=Bells(interval_s=60),
    ),
)
CATEGORIES = {e.id: e.category for e in EXERCISES}


def player(*items: str) -> tuple[Player, FakeClock]:
    plan = Plan("test-plan", "Test plan", "For tests.", tuple(PlanItem(i) for i in items))
    library = ContentLibrary({e.id: e for e in EXERCISES}, {plan.id: plan}, [])
    clock = FakeClock(START, monotonic=1000.0)
    return Player(plan, library, clock), clock


def play(
    p: Player, clock: FakeClock, seconds: float, maker: CueMaker, step: float = 1.0
) -> dict[float, Cue]:
    """Tick every ``step`` seconds; the cue of each tick that has one, by time."""
    out: dict[float, Cue] = {}
    t = 0.0
    while t < seconds - 1e-9:
        clock.advance(step)
        t += step
        cue = maker.cue(p.tick())
        if cue is not None:
            out[round(t, 3)] = cue
    return out


def started(*items: str, categories: dict[str, str] | None = CATEGORIES):
    p, clock = player(*items)
    maker = CueMaker(categories)
    p.start(2)
    first = maker.cue(p.tick())
    return p, clock, maker, first


def test_a_hold_exercise_by_ear() -> None:
    p, clock, maker, first = started("hold-stretch")
    assert first == Cue(speech="First up: Hold stretch. Lie on your back.")
    cues = play(p, clock, 55, maker)
    assert cues == {
        7: Cue(sound=C.LAST3),  # 3, 2, 1 ... and go
        10: Cue(sound=C.START, speech="One. Hold."),
        20: Cue(sound=C.HALFWAY, speech="Halfway."),
        27: Cue(sound=C.LAST3),
        30: Cue(sound=C.DONE, speech="Rest."),
        35: Cue(sound=C.START, speech="Two. Hold."),
        45: Cue(sound=C.HALFWAY, speech="Halfway."),
        52: Cue(sound=C.LAST3),
        55: Cue(sound=C.SESSION_DONE, speech="Session complete. Well done."),
    }


def test_sides_and_sets_are_announced_and_short_reps_stay_uncluttered() -> None:
    p, clock, maker, _ = started("side-reps")
    cues = play(p, clock, 74, maker, step=0.5)
    spoken = [(t, c.speech) for t, c in cues.items() if c.speech]
    assert spoken[:4] == [
        (10, "Left side. One."),  # no "Hold": a 4 s rep has no room for it
        (14, "Rest."),
        (17, "Two."),
        (21, "Switch sides. Now your right side."),
    ]
    assert cues[21].sound == C.SWITCH_SIDE
    assert (26, "Right side. One.") in spoken
    assert any(s == "Rest. Next: set 2 of 2." for _, s in spoken)
    assert all(c.sound != C.LAST3 for c in cues.values() if c.speech == "Rest.")


def test_long_reps_say_hold_and_release_once_each() -> None:
    p, clock, maker, _ = started("slow-reps")
    cues = play(p, clock, 10 + 10, maker, step=0.5)
    words = [c.speech for c in cues.values() if c.speech]
    assert words == ["One.", "Hold.", "Slowly release.", "Two."]


def test_a_timed_walk_says_how_long() -> None:
    _, _, _, first = started("walk")
    assert first is not None and first.speech == "First up: Walk. Lie on your back."
    p, clock, maker, _ = started("walk")
    cues = play(p, clock, 10, maker)
    assert cues[10] == Cue(sound=C.START, speech="Begin: 2 minutes.")
    cues = play(p, clock, 110, maker)  # from 10 s to 120 s
    assert cues[110] == Cue(speech="10 seconds left.")


def test_the_end_of_a_heat_interval_raises_a_notification() -> None:
    p, clock, maker, _ = started("heat-pack", "walk")
    cues = play(p, clock, 10 + 900 + 1, maker)
    assert cues[10].speech == "Heat pack, 15 minutes."
    assert cues[310] == Cue(sound=C.HALFWAY, speech=SKIN_CHECK_TEXT)
    assert cues[460] == Cue(sound=C.HALFWAY, speech="Halfway.")
    assert cues[900].speech == "10 seconds left."
    end = cues[910]
    assert end.sound == C.DONE
    assert end.notification is not None
    title, body = end.notification
    assert title == "Time to take the heat pack off"
    assert "look at your skin" in body
    # The interval's end and what comes next, in one breath.
    assert end.speech == (
        "Time is up. Take the heat pack off, and look at your skin. Next: Walk. Lie on your back."
    )
    notified = [t for t, c in cues.items() if c.notification]
    assert notified == [910]


def test_without_categories_the_notification_still_goes_out() -> None:
    p, clock, maker, _ = started("ice-pack", categories=None)
    cues = play(p, clock, 910, maker)
    assert cues[910].notification is not None
    assert cues[910].notification[0] == "Time to take the pack off"
    assert cues[910].sound == C.SESSION_DONE  # the session ended with the pack


def test_an_ice_interval_that_ended_while_the_computer_slept() -> None:
    p, clock, maker, _ = started("ice-pack")
    play(p, clock, 60, maker)
    clock.suspend(1500)  # the lid was closed for 25 minutes
    cue = maker.cue(p.tick())
    assert cue is not None and cue.notification is not None
    title, body = cue.notification
    assert title == "Time to take the ice pack off"
    assert body.startswith("Your computer slept; the ice interval ended at")
    assert cue.speech is not None and "Take the pack off now" in cue.speech


def test_a_heat_pack_left_paused_past_the_cap_counts_as_ended() -> None:
    p, clock, maker, _ = started("heat-pack", "walk")
    play(p, clock, 100, maker)
    p.pause()
    clock.advance(1300)  # past the 20-minute cap, pack on all along
    cue = maker.cue(p.tick())
    assert cue is not None and cue.notification is not None
    assert cue.notification[0] == "Time to take the heat pack off"
    assert cue.speech is not None and cue.speech.startswith("Heat is limited to 20 minutes")


def test_a_cap_announced_at_the_start_is_spoken_without_a_notification() -> None:
    event = Event(P.INTERVAL_CAPPED, "Heat is limited to 20 minutes.", P.INTERVAL)
    p, _, _, _ = started("heat-pack")
    state = p.snapshot()
    later = (Event(P.GUIDANCE, "Settle in.", P.INTERVAL),)
    assert C.cue_for(event, state, later=later) == Cue(speech="Heat is limited to 20 minutes.")


def test_a_breathing_pacer_speaks_each_breath_as_a_minor_cue() -> None:
    p, clock, maker, _ = started("box")
    cues = play(p, clock, 10 + 32, maker)
    assert cues[10].sound == C.BELL  # the start bell wins over the start sound
    assert cues[10].speech == "Box, 32 seconds. Sit tall. Breathe in."
    assert not cues[10].minor
    assert cues[14] == Cue(speech="Hold.", minor=True)
    assert cues[18] == Cue(speech="Breathe out.", minor=True)
    assert cues[26] == Cue(speech="Keep going. Breathe in.")  # guidance is never minor
    assert cues[42].sound == C.BELL  # the end bell
    # No countdown ticks, halfway or "10 seconds left" in a calm practice.
    assert all(c.sound in (C.BELL, None) for t, c in cues.items() if 10 <= t < 42)


def test_a_meditation_rings_its_bells_and_speaks_its_guidance() -> None:
    p, clock, maker, _ = started("scan")
    cues = play(p, clock, 10 + 120, maker)
    assert cues == {
        7: Cue(sound=C.LAST3),
        10: Cue(sound=C.BELL, speech="Close your eyes."),
        70: Cue(sound=C.BELL),
        100: Cue(speech="Notice your back."),
        130: Cue(sound=C.BELL, speech="Session complete. Well done."),
    }


def test_a_late_tick_plays_one_sound_not_a_burst() -> None:
    p, clock, maker, _ = started("hold-stretch")
    clock.advance(31)  # the window was frozen: get ready, a hold and its end pass at once
    cue = maker.cue(p.tick())
    assert cue == Cue(speech="Rest.")
    assert C.merge([Cue(sound=C.DONE), Cue(sound=C.START), Cue(sound=C.LAST3)]) == Cue(
        sound=C.START
    )


def test_merge_keeps_words_in_order_once_and_the_first_notification() -> None:
    merged = C.merge(
        [
            Cue(speech="Rest."),
            Cue(sound=C.DONE, notification=("A", "a")),
            Cue(speech="Rest."),
            Cue(speech="Breathe in.", minor=True, notification=("B", "b")),
        ]
    )
    assert merged == Cue(C.DONE, "Rest. Breathe in.", ("A", "a"), minor=False)
    assert C.merge([]) is None
    assert C.merge([Cue(speech="Hold.", minor=True), Cue(sound=C.BELL)]) == Cue(
        C.BELL, "Hold.", None, minor=True
    )


def test_the_pain_stop_is_spoken_without_a_chime() -> None:
    p, clock, maker, _ = started("hold-stretch")
    play(p, clock, 15, maker)
    p.report_pain(9)
    cue = maker.cue(p.tick())
    assert cue is not None and cue.sound is None
    assert cue.speech is not None and cue.speech.startswith("Your pain is 9 out of 10.")


def test_stopping_early_ends_without_the_finished_chime() -> None:
    p, clock, maker, _ = started("hold-stretch")
    play(p, clock, 15, maker)
    p.stop()
    assert maker.cue(p.tick()) == Cue(speech="You stopped the session early.")


def test_pain_after_the_session_stays_on_screen() -> None:
    p, clock, maker, _ = started("hold-stretch")
    play(p, clock, 55, maker)
    p.check_in_after(8)
    state = p.tick()
    assert [e.kind for e in state.events] == [P.PAIN_AFTER]
    assert maker.cue(state) is None


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (1, "1 second"),
        (30, "30 seconds"),
        (60, "1 minute"),
        (90, "90 seconds"),
        (900, "15 minutes"),
        (150, "about 2 minutes"),
    ],
)
def test_durations_in_words(seconds: float, words: str) -> None:
    assert C.duration_words(seconds) == words


def test_counting_words() -> None:
    assert [C.number_word(n) for n in (1, 2, 12, 20, 21)] == [
        "One",
        "Two",
        "Twelve",
        "Twenty",
        "21",
    ]


def test_every_bundled_plan_plays_with_sensible_cues() -> None:
    """All eight plans to the end: every sound exists, no empty words, and
    exactly one notification per heat or ice interval."""
    library = load_content(paths.content_dir())
    categories = {e.id: e.category for e in library.exercises.values()}
    sound_files = {p.stem for p in (paths.resources_dir() / "sounds").glob("*.wav")}
    for plan in library.plans.values():
        clock = FakeClock(START)
        p = Player(plan, library, clock)
        maker = CueMaker(categories)
        p.start(1)
        heat_ice = sum(1 for s in p.segments if s.phase == P.INTERVAL)
        all_cues = [maker.cue(p.tick())]
        for _ in range(int(p.planned_s) + 5):
            clock.advance(1)
            all_cues.append(maker.cue(p.tick()))
        assert p.phase == P.SUMMARY, plan.id
        played = [c for c in all_cues if c is not None]
        assert {c.sound for c in played if c.sound} <= sound_files, plan.id
        assert all(c.speech is None or c.speech.strip() for c in played), plan.id
        assert sum(1 for c in played if c.notification) == heat_ice, plan.id
        last = played[-1].speech
        assert last is not None and last.endswith("Session complete. Well done."), plan.id
