"""Micro-routines for posture breaks: 30 to 90 seconds of desk-friendly moves.

Built from the content library, so new or edited exercises join in without
code changes. Pure Python, no Qt.

Which exercises: posture, mobility, stretch and aerobic ones done sitting
or standing, i.e. at a desk without a mat. Lying, kneeling and
hands-and-knees exercises are for sessions, not for a break at work.

How much: a break dose is never more than the exercise's own dosage. A
counted exercise does ``BREAK_REPS`` reps (fewer if its dosage has fewer),
one set, with its own hold, tempo and rest; a timed one (a walk) lasts
``WALK_S`` at most. Only when a routine would be shorter than
``MIN_ROUTINE_S`` do reps grow, up to the exercise's own count.

How long: each move is unrolled by the player's own timeline
(:func:`~lbp_desktop.domain.player_timeline.build_timeline`), so a break
counts reps, rests and the switch between sides exactly as a session does.

Which routines: every timed move of 30 s or more on its own (a minute's
walk), and runs of 1 to ``MAX_MOVES`` consecutive other moves, sitting ones
first, so a routine may start in the chair and end standing up, never the
other way round.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lbp_desktop.domain.content import ContentLibrary, Dosage, Exercise, Plan, PlanItem
from lbp_desktop.domain.figure_poses import PoseSpec
from lbp_desktop.domain.player_timeline import REST, SWITCH_SIDE, WORK, build_timeline

__all__ = [
    "MAX_MOVES",
    "MAX_ROUTINE_S",
    "MIN_ROUTINE_S",
    "PLAIN_BREAK",
    "BreakBeat",
    "BreakMove",
    "BreakRoutine",
    "break_routines",
    "next_routine",
]

MIN_ROUTINE_S = 30.0
MAX_ROUTINE_S = 90.0
MAX_MOVES = 3
# Three easy reps loosen up without turning a break into a workout.
BREAK_REPS = 3
# A minute's walk is the walk-around's own easier level: long enough to get
# up and move, short enough to say yes to.
WALK_S = 60.0
DESK_CATEGORIES = ("posture", "mobility", "stretch", "aerobic")
DESK_POSITIONS = ("sitting", "standing")  # in the order a routine goes through them
BEAT_KINDS = (WORK, REST, SWITCH_SIDE)
# The pose file draws the first side; the second is its mirror (as in sessions).
MIRRORED_SIDE = "right"
PLAIN_BREAK_ID = "stand-and-move"


@dataclass(frozen=True)
class BreakBeat:
    """One countdown piece of a move: a rep (or the whole walk), a rest, a side switch."""

    kind: str  # WORK, REST or SWITCH_SIDE
    start_s: float  # from the start of the move
    seconds: float
    side: str | None = None
    rep: int | None = None
    reps: int | None = None

    @property
    def end_s(self) -> float:
        return self.start_s + self.seconds

    @property
    def mirrored(self) -> bool:
        return self.side == MIRRORED_SIDE


@dataclass(frozen=True)
class BreakMove:
    """One exercise in a break, with what the view needs to animate it."""

    exercise_id: str
    name: str
    seconds: float
    how: str  # one short cue line
    beats: tuple[BreakBeat, ...]
    pose: PoseSpec | None = None  # None: no illustration, words only
    tempo_s: float | None = None
    hold_s: float | None = None
    reps: int | None = None  # None for a timed move
    per_side: bool = False
    position: str | None = None  # "sitting" or "standing"; None: whatever suits

    def __post_init__(self) -> None:
        if not self.beats:
            raise ValueError(f"{self.exercise_id}: a move needs at least one beat")
        at = 0.0
        for beat in self.beats:
            if beat.kind not in BEAT_KINDS or beat.seconds <= 0 or abs(beat.start_s - at) > 1e-9:
                raise ValueError(f"{self.exercise_id}: beats must follow each other: {beat}")
            at = beat.end_s
        if abs(at - self.seconds) > 1e-9:
            raise ValueError(f"{self.exercise_id}: beats last {at:g} s, the move {self.seconds:g}")

    def beat_at(self, t: float) -> BreakBeat:
        """The beat under way ``t`` seconds into the move (the last one after the end)."""
        for beat in self.beats:
            if t < beat.end_s:
                return beat
        return self.beats[-1]

    def dose_words(self) -> str:
        """ "3 times each side, hold 5 seconds" / "1 minute"."""
        if self.reps is None:
            return _length_words(self.seconds)
        words = "once" if self.reps == 1 else f"{self.reps} times"
        if self.per_side:
            words += " each side"
        if self.hold_s:
            words += f", hold {self.hold_s:g} seconds"
        return words


@dataclass(frozen=True)
class BreakRoutine:
    id: str
    title: str
    moves: tuple[BreakMove, ...]
    total_s: float

    def __post_init__(self) -> None:
        if not 1 <= len(self.moves) <= MAX_MOVES:
            raise ValueError(f"{self.id}: a break has 1 to {MAX_MOVES} moves")
        if abs(sum(m.seconds for m in self.moves) - self.total_s) > 1e-9:
            raise ValueError(f"{self.id}: total_s must be the sum of the moves")
        if not MIN_ROUTINE_S <= self.total_s <= MAX_ROUTINE_S:
            raise ValueError(
                f"{self.id}: a break lasts {MIN_ROUTINE_S:g} to {MAX_ROUTINE_S:g} s, "
                f"this one {self.total_s:g}"
            )

    def move_starts(self) -> tuple[float, ...]:
        """Seconds from the start of the routine at which each move begins."""
        starts, at = [], 0.0
        for move in self.moves:
            starts.append(at)
            at += move.seconds
        return tuple(starts)

    def length_words(self) -> str:
        return _length_words(self.total_s)


# Offered when there is no content at all (or none fit a desk): still a real break.
PLAIN_BREAK = BreakRoutine(
    id=PLAIN_BREAK_ID,
    title="Stand up and move about",
    moves=(
        BreakMove(
            exercise_id=PLAIN_BREAK_ID,
            name="Stand up and move",
            seconds=WALK_S,
            how="Walk a few steps, roll your shoulders and look at something far away.",
            beats=(BreakBeat(WORK, 0.0, WALK_S),),
        ),
    ),
    total_s=WALK_S,
)


def break_routines(
    library: ContentLibrary, poses: Mapping[str, PoseSpec] | None = None
) -> list[BreakRoutine]:
    """Every break routine the library allows, in a fixed order (walks first).

    ``poses`` (exercise id -> illustration) lets the moves carry their
    figure; without it the routines are the same, only without pictures.
    """
    poses = poses or {}
    desk = sorted(
        (e for e in library.exercises.values() if _fits_a_desk(e)),
        key=lambda e: (DESK_POSITIONS.index(e.position), e.id),
    )
    routines: list[BreakRoutine] = []
    others: list[Exercise] = []  # counted moves, and walks too short to stand alone
    for exercise in desk:
        if exercise.dosage.is_timed:
            move = _move(exercise, _break_dosage(exercise.dosage), poses)
            if MIN_ROUTINE_S <= move.seconds <= MAX_ROUTINE_S:
                routines.append(_routine((move,)))
                continue
        others.append(exercise)
    seen: set[tuple[str, ...]] = set()
    for start in range(len(others)):
        moves = _run_from(others[start:], poses)
        key = tuple(m.exercise_id for m in moves)
        if moves and key not in seen:
            seen.add(key)
            routines.append(_routine(moves))
    return routines


def next_routine(
    routines: Sequence[BreakRoutine], recent_ids: Sequence[str]
) -> BreakRoutine | None:
    """The routine to offer next, given the ids done lately, the latest FIRST.

    One not done lately comes first, going round the list from the one
    after the latest; when all were done lately, the one done longest ago.
    So the same routine never comes twice running while there is another.
    """
    if not routines:
        return None
    ago: dict[str, int] = {}
    for index, ident in enumerate(recent_ids):
        ago.setdefault(ident, index)  # its latest time counts
    ids = [r.id for r in routines]
    start = ids.index(recent_ids[0]) + 1 if recent_ids and recent_ids[0] in ids else 0
    ring = [routines[(start + k) % len(routines)] for k in range(len(routines))]
    never = len(recent_ids)
    # max keeps the first of ties: the next one round the list.
    return max(ring, key=lambda r: ago.get(r.id, never))


# --------------------------------------------------------------------- internals


def _fits_a_desk(exercise: Exercise) -> bool:
    return exercise.category in DESK_CATEGORIES and exercise.position in DESK_POSITIONS


def _break_dosage(dosage: Dosage, reps: int | None = None) -> Dosage:
    """A break's dose: one set, fewer reps or a shorter walk, never more than the dosage."""
    if dosage.interval_s is not None:
        return dataclasses.replace(dosage, interval_s=min(dosage.interval_s, WALK_S), sets=1)
    own = dosage.reps or 1
    return dataclasses.replace(dosage, reps=min(own, reps or BREAK_REPS), sets=1)


def _move(exercise: Exercise, dosage: Dosage, poses: Mapping[str, PoseSpec]) -> BreakMove:
    overrides = {f: getattr(dosage, f) for f in ("reps", "sets", "interval_s")}
    item = PlanItem(exercise.id, {k: v for k, v in overrides.items() if v is not None})
    plan = Plan(id="break", name="break", summary="", items=(item,))
    library = ContentLibrary({exercise.id: exercise}, {}, [])
    beats, at = [], 0.0
    for segment in build_timeline(plan, library, get_ready_s=0.0):
        if segment.phase not in BEAT_KINDS or segment.duration_s <= 0:
            continue  # the get-ready countdown: a break starts at once
        beats.append(
            BreakBeat(
                segment.phase, at, segment.duration_s, segment.side, segment.rep, segment.reps
            )
        )
        at += segment.duration_s
    cue = exercise.cues[0] if exercise.cues else exercise.steps[0]
    return BreakMove(
        exercise_id=exercise.id,
        name=exercise.name,
        seconds=at,
        how=cue,
        beats=tuple(beats),
        pose=poses.get(exercise.id),
        tempo_s=dosage.tempo_s,
        hold_s=dosage.hold_s,
        reps=dosage.reps,
        per_side=dosage.per_side,
        position=exercise.position,
    )


def _run_from(
    exercises: Sequence[Exercise], poses: Mapping[str, PoseSpec]
) -> tuple[BreakMove, ...]:
    """As many of these exercises, in order, as fit one break; () if none fit."""
    moves: list[BreakMove] = []
    for exercise in exercises[:MAX_MOVES]:
        move = _move(exercise, _break_dosage(exercise.dosage), poses)
        if sum(m.seconds for m in moves) + move.seconds > MAX_ROUTINE_S:
            break
        moves.append(move)
    if not moves:
        return ()
    return _long_enough(moves, exercises, poses)


def _long_enough(
    moves: list[BreakMove], exercises: Sequence[Exercise], poses: Mapping[str, PoseSpec]
) -> tuple[BreakMove, ...]:
    """Grow reps one at a time, move by move, until the run lasts MIN_ROUTINE_S."""
    by_id = {e.id: e for e in exercises}
    grown = True
    while sum(m.seconds for m in moves) < MIN_ROUTINE_S and grown:
        grown = False
        for index, move in enumerate(moves):
            exercise = by_id[move.exercise_id]
            if move.reps is None or move.reps >= (exercise.dosage.reps or 0):
                continue
            bigger = _move(exercise, _break_dosage(exercise.dosage, move.reps + 1), poses)
            others = sum(m.seconds for m in moves) - move.seconds
            if others + bigger.seconds > MAX_ROUTINE_S:
                continue
            moves[index] = bigger
            grown = True
            if others + bigger.seconds >= MIN_ROUTINE_S:
                break
    total = sum(m.seconds for m in moves)
    return tuple(moves) if MIN_ROUTINE_S <= total <= MAX_ROUTINE_S else ()


def _routine(moves: tuple[BreakMove, ...]) -> BreakRoutine:
    return BreakRoutine(
        id="+".join(m.exercise_id for m in moves),  # stable: the same moves, the same id
        title=_title(moves),
        moves=moves,
        total_s=sum(m.seconds for m in moves),
    )


def _title(moves: Sequence[BreakMove]) -> str:
    if len(moves) == 1:
        return moves[0].name  # the length is shown beside it
    if all(m.position == "sitting" for m in moves):
        return "A quick reset in your chair"
    return "Stand up and loosen up"


def _length_words(seconds: float) -> str:
    """Plain words for a length, to the nearest 5 seconds: "45 seconds", "1 min 10 s"."""
    whole = max(5, round(seconds / 5) * 5)
    if whole < 60:
        return f"{whole} seconds"
    minutes, rest = divmod(whole, 60)
    unit = "minute" if minutes == 1 else "minutes"
    if rest == 0:
        return f"{minutes} {unit}"
    if rest == 30:
        return f"{minutes}\u00bd {unit}" if minutes > 1 else "1\u00bd minutes"
    return f"{minutes} min {rest} s"
