"""A plan unrolled into the ordered segments the player counts down.

Each plan item becomes: a get-ready countdown, then its work blocks in the
order sets > sides > reps, with a rest between reps, a switch-side pause
between sides and a set break between sets (the same blocks and rests as
``content.dosage_duration_s``). Switch-side and set-break pauses last at
least a few seconds even when the dosage has no rest: turning over on a mat
takes time. Heat and ice blocks are cut to the 20-minute cap here, whatever
the plan asks for.
"""

from __future__ import annotations

from dataclasses import dataclass

from lbp_desktop.domain.content import (
    HEAT_ICE_CATEGORIES,
    ContentLibrary,
    Dosage,
    Exercise,
    Plan,
)
from lbp_desktop.domain.safety import HEAT_ICE_CAP_S

CHECK_IN = "check_in"
GET_READY = "get_ready"
WORK = "work"
REST = "rest"
SWITCH_SIDE = "switch_side"
SET_BREAK = "set_break"
INTERVAL = "interval"  # heat or ice
BREATHING = "breathing"
MEDITATION = "meditation"
SUMMARY = "summary"

# Phases where the user does the exercise (the rest are pauses between).
ACTIVE_PHASES = (WORK, INTERVAL, BREATHING, MEDITATION)
TRANSITION_PHASES = (REST, SWITCH_SIDE, SET_BREAK)

GET_READY_S = 10.0
MIN_SWITCH_SIDE_S = 5.0
MIN_SET_BREAK_S = 10.0


@dataclass(frozen=True)
class Segment:
    """One countdown of the session."""

    index: int
    phase: str
    item_index: int
    exercise: Exercise
    dosage: Dosage
    duration_s: float
    set_no: int = 1
    sets: int = 1
    side: str | None = None
    rep: int | None = None
    reps: int | None = None
    # The step record this segment counts towards (None: not recorded).
    bout: int | None = None
    # Heat/ice: what the plan asked for when the cap cut it, and how much
    # application time this block may use at most (pauses included).
    requested_s: float | None = None
    cap_s: float | None = None

    @property
    def capped(self) -> bool:
        return self.requested_s is not None

    @property
    def is_heat_ice(self) -> bool:
        return self.cap_s is not None


def active_phase(exercise: Exercise, dosage: Dosage) -> str:
    if not dosage.is_timed:
        return WORK
    if exercise.category in HEAT_ICE_CATEGORIES:
        return INTERVAL
    if exercise.category == "breathing" and exercise.breath is not None:
        return BREATHING
    if exercise.category == "meditation":
        return MEDITATION
    return WORK


def build_timeline(
    plan: Plan, library: ContentLibrary, get_ready_s: float = GET_READY_S
) -> tuple[Segment, ...]:
    segments: list[Segment] = []
    bout = 0
    for item_index, item in enumerate(plan.items):
        exercise = library.exercises[item.exercise_id]
        dosage = library.item_dosage(item)
        start = len(segments)
        segments.append(
            Segment(start, GET_READY, item_index, exercise, dosage, get_ready_s, sets=dosage.sets)
        )
        bout = _add_blocks(segments, item_index, exercise, dosage, bout)
        if len(segments) == start + 1:  # the cap left nothing to do
            segments.pop()
    return tuple(segments)


def _add_blocks(
    segments: list[Segment], item_index: int, exercise: Exercise, dosage: Dosage, bout: int
) -> int:
    """Append an item's work blocks and pauses; return the next free bout number."""
    phase = active_phase(exercise, dosage)
    heat_ice = dosage.is_timed and exercise.category in HEAT_ICE_CATEGORIES
    if dosage.interval_s is not None:
        block_s, reps = float(dosage.interval_s), 1
    else:
        block_s = float((dosage.hold_s or 0) + (dosage.tempo_s or 0))
        reps = dosage.reps or 0
    sides: tuple[str | None, ...] = ("left", "right") if dosage.per_side else (None,)
    budget = HEAT_ICE_CAP_S  # heat/ice left for this item: the cap is per go
    counted = None if dosage.is_timed else reps

    def add(phase: str, duration: float, **fields: object) -> None:
        segments.append(
            Segment(len(segments), phase, item_index, exercise, dosage, duration, **fields)  # type: ignore[arg-type]
        )

    for set_no in range(1, dosage.sets + 1):
        for side_i, side in enumerate(sides):
            for rep in range(1, reps + 1):
                duration, requested, cap = block_s, None, None
                if heat_ice:
                    if budget <= 0:
                        _drop_trailing_pause(segments)
                        return bout + 1
                    cap = budget
                    if block_s > budget:
                        duration, requested = budget, block_s
                    budget -= duration
                common = {"set_no": set_no, "sets": dosage.sets, "side": side, "bout": bout}
                add(phase, duration, rep=rep if counted else None, reps=counted,
                    requested_s=requested, cap_s=cap, **common)  # fmt: skip
                last_rep = rep == reps
                if not last_rep and dosage.rest_s > 0:
                    add(REST, float(dosage.rest_s), rep=rep, reps=counted, **common)
            bout += 1
            if side_i < len(sides) - 1:
                pause = max(float(dosage.rest_s), MIN_SWITCH_SIDE_S)
                add(SWITCH_SIDE, pause, set_no=set_no, sets=dosage.sets, side=sides[side_i + 1])
        if set_no < dosage.sets:
            pause = max(float(dosage.rest_s), MIN_SET_BREAK_S)
            add(SET_BREAK, pause, set_no=set_no + 1, sets=dosage.sets, side=sides[0])
    return bout


def _drop_trailing_pause(segments: list[Segment]) -> None:
    while segments and segments[-1].phase in TRANSITION_PHASES:
        segments.pop()


def describe(segment: Segment) -> str:
    """A short plain label of a segment, for "what comes next"."""
    name = segment.exercise.name
    side = f", {segment.side} side" if segment.side else ""
    sets = f", set {segment.set_no} of {segment.sets}" if segment.sets > 1 else ""
    if segment.phase == GET_READY:
        return f"Get ready: {name}"
    if segment.phase == REST:
        return f"Rest {segment.duration_s:g} seconds"
    if segment.phase == SWITCH_SIDE:
        return f"Switch to your {segment.side} side"
    if segment.phase == SET_BREAK:
        return f"Break before set {segment.set_no} of {segment.sets}"
    if segment.rep is not None and segment.reps is not None:
        return f"{name}: {segment.rep} of {segment.reps}{side}{sets}"
    minutes = segment.duration_s / 60
    length = f"{minutes:g} minutes" if segment.duration_s >= 60 else f"{segment.duration_s:g} s"
    return f"{name}, {length}{side}{sets}"
