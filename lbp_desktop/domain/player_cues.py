"""What to show and say inside one segment, as pure functions of elapsed time.

Nothing here keeps state: the player asks "at this many seconds in, which
part of the rep, which breath phase, which guidance line?" so the answer
never drifts from the clock.
"""

from __future__ import annotations

from dataclasses import dataclass

from lbp_desktop.domain.content import Breath, GuidanceLine
from lbp_desktop.domain.player_timeline import (
    GET_READY,
    REST,
    SET_BREAK,
    SWITCH_SIDE,
    WORK,
    Segment,
)

MOVE = "move"
HOLD = "hold"
RELEASE = "release"


def rep_part(segment: Segment, total_s: float, elapsed_s: float) -> str | None:
    """Move in (half the tempo), hold, release (the other half): time added
    with +10 s lengthens the hold, never the movement."""
    if segment.phase != WORK or segment.rep is None:
        return None
    tempo = segment.dosage.tempo_s or 0
    hold = segment.dosage.hold_s or 0
    if not hold:
        return MOVE
    if elapsed_s < tempo / 2:
        return MOVE
    if elapsed_s < total_s - tempo / 2:
        return HOLD
    return RELEASE


@dataclass(frozen=True)
class BreathPhase:
    index: int  # counts phases since the start of the pacer, for "did it change"
    name: str  # "in", "hold", "out"
    remaining_s: float
    # Size of the pacer: 0 empty lungs, 1 full; grows on "in", shrinks on "out".
    level: float


def breath_phase(breath: Breath, elapsed_s: float) -> BreathPhase:
    parts = [
        (name, length, start, end)
        for name, length, start, end in (
            ("in", breath.in_s, 0.0, 1.0),
            ("hold", breath.hold_in_s, 1.0, 1.0),
            ("out", breath.out_s, 1.0, 0.0),
            ("hold", breath.hold_out_s, 0.0, 0.0),
        )
        if length > 0
    ]
    cycle, into = divmod(max(elapsed_s, 0.0), breath.cycle_s)
    for number, (name, length, start, end) in enumerate(parts):
        if into < length:
            fraction = into / length
            level = start + (end - start) * fraction
            return BreathPhase(int(cycle) * len(parts) + number, name, length - into, level)
        into -= length
    # Float rounding at the very end of a cycle: treat as the start of the next.
    name, length, start, _ = parts[0]
    return BreathPhase(int(cycle + 1) * len(parts), name, length, start)


def guidance_line(lines: tuple[GuidanceLine, ...], elapsed_s: float) -> GuidanceLine | None:
    """The latest line that is due (the one to show now)."""
    due = [line for line in lines if line.at_s <= elapsed_s]
    return max(due, key=lambda line: line.at_s) if due else None


def segment_cue(segment: Segment, part: str | None) -> str:
    """The line of text to show for this segment right now."""
    exercise = segment.exercise
    if segment.phase == GET_READY:
        return f"Get into position for {exercise.name}. {exercise.steps[0]}"
    if segment.phase == REST:
        return "Rest. Breathe easily."
    if segment.phase == SWITCH_SIDE:
        return f"Switch sides: get ready on your {segment.side} side."
    if segment.phase == SET_BREAK:
        return f"Well done. Rest before set {segment.set_no} of {segment.sets}."
    if part == HOLD:
        return "Hold. Keep breathing."
    if part == RELEASE:
        return "Slowly release."
    cues = exercise.cues
    return cues[((segment.rep or 1) - 1) % len(cues)]
