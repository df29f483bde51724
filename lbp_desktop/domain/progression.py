"""Dosage progression: the user's ratings move each exercise up or down a ladder.

Pure Python: no Qt, no files, no clock (the caller passes the time).

The rule and where it comes from (the project's CLINICAL-NOTES.md, "Dosage
from patient guidance" and "Stop and pace rules"):

- NHS inform's back exercises start with about 5 repetitions and "add 1-2
  repetitions every few days"; so steps are a rep or two, or a second or two
  of hold, apart; only the last step, onto a level, may change more, as the
  level asks (a set more, a second stretch). The content's levels follow the
  typical holds and reps the notes gather from CSP, NHS and clinic handouts.
- The content's own levels are the limits: a step never goes past the
  exercise's progression level (the bird-dog hold never passes 10 s, "never
  more than 10 s per hold") nor below its regression level.
- NHS inform: "stop if symptoms worsen or new pain appears"; the clinics'
  traffic-light monitoring: pain that does not settle by the next morning,
  "otherwise reduce the dose". So "it hurt" steps the dose down at once (or,
  at the bottom, keeps it and says so), and the sentence the user reads says
  to stop the exercise and ask a physiotherapist if it keeps hurting.
- The notes do not say how many "too easy" ratings justify more work. Twice
  in a row is the app's cautious choice (one easy day proves little); "too
  hard" also needs two in a row, as one hard day may be a bad day; "about
  right" starts the count again. The notes say "every few days": we count
  sessions, not days.

Heat, ice, breathing and meditation never change (FIXED_CATEGORIES): their
length is set by skin safety (the 20-minute cap and skin checks) or by the
guidance, not by effort; neither do exercises without levels.

The ladder of one planned dosage (:func:`dosage_ladder`): step 0 is the plan's
own dose. Towards a level, the fields the level makes harder (more reps, sets,
a longer hold or interval, a shorter rest; the opposite for the easier way)
move in even, rounded steps, at most MAX_STEPS of them, sets last; the level's
other differences (a change of form: the bridge's shorter holds with more
lifts, the press-up rested on the forearms) come in at the last step, which
is the level itself. Fields the level leaves as the exercise has them keep
the plan's value (two sets in the core builder stay two sets). Where the plan
is already at or beyond the level, there are no steps that way. Every step
passes the content's validation, and no harder step is less work (fewer
blocks and fewer seconds under load) than an easier one.

Several plans with one exercise: the step is kept per exercise and every plan
applies it on its own ladder, clamped to that ladder's ends; so a harder
bird-dog in one plan is a harder bird-dog in all, each from its own planned
dose. A rating moves the step from where the rated plan shows it, so every
change is one the user can see there.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Any

from lbp_desktop.domain.content import (
    DOSAGE_FIELDS,
    HEAT_ICE_CATEGORIES,
    MAX_ID_CHARS,
    ContentLibrary,
    Dosage,
    Exercise,
    Level,
    PlanItem,
    check_dosage,
    timed_extras_problems,
)
from lbp_desktop.domain.records import STEP_FEEDBACK

__all__ = [
    "EASIER",
    "FIXED_CATEGORIES",
    "HARDER",
    "MAX_STEPS",
    "STAY",
    "DosageChange",
    "ExerciseProgress",
    "Ladder",
    "ProgressionState",
    "UndoRecord",
    "adjusted_library",
    "any_moved",
    "apply_feedback",
    "can_undo",
    "dosage_ladder",
    "dosage_step",
    "ladder_for",
    "plan_step",
    "undo_last",
]

FIXED_CATEGORIES = ("heat", "ice", "breathing", "meditation")
# At most this many steps each way: every step takes two ratings, so the
# top is some ten sessions away, in line with "every few days".
MAX_STEPS = 5
HARDER = "harder"
EASIER = "easier"
STAY = "stay"  # the rule asked for easier, but there is no easier step
TOO_EASY, ABOUT_RIGHT, TOO_HARD, IT_HURT = STEP_FEEDBACK
IN_A_ROW = 2
JSON_VERSION = 1

# +1: a larger value is more work; -1: a smaller one is (rest); absent: neither way.
_LOAD_SENSE = {"reps": 1, "sets": 1, "hold_s": 1, "interval_s": 1, "rest_s": -1}
# How much one step may move a field; these decide how many steps a ladder has.
# Rest follows the others and never adds steps of its own.
_STEP_UNIT = {"reps": 1, "hold_s": 1, "interval_s": 60}
# Values are rounded to these, then kept between the two ends.
_GRID = {"reps": 1, "sets": 1, "hold_s": 1, "interval_s": 15, "rest_s": 1}

_ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_MAX_RUN_ID_CHARS = 200


# ------------------------------------------------------------------------ ladder


@dataclass(frozen=True)
class Ladder:
    """The dosages one planned dose can move to: ``at(0)`` is the plan's own."""

    planned: Dosage
    easier: tuple[Dosage, ...] = ()  # step -1, -2, ...: nearest first
    harder: tuple[Dosage, ...] = ()  # step +1, +2, ...
    easier_level: Level | None = None  # what the last easier step is, when there is one
    harder_level: Level | None = None

    @property
    def lowest(self) -> int:
        return -len(self.easier)

    @property
    def highest(self) -> int:
        return len(self.harder)

    @property
    def steps(self) -> tuple[Dosage, ...]:
        """Every dosage, the easiest first."""
        return (*reversed(self.easier), self.planned, *self.harder)

    def clamp(self, step: int) -> int:
        return max(self.lowest, min(self.highest, step))

    def at(self, step: int) -> Dosage:
        step = self.clamp(step)
        if step > 0:
            return self.harder[step - 1]
        if step < 0:
            return self.easier[-step - 1]
        return self.planned


def dosage_ladder(exercise: Exercise, planned: Dosage) -> Ladder:
    """The ladder of one planned dose of an exercise (rule in the module docstring)."""
    if exercise.category in FIXED_CATEGORIES or not exercise.levels:
        return Ladder(planned)
    regression = exercise.level("regression")
    progression = exercise.level("progression")
    easier = _one_way(exercise, planned, regression, harder=False)
    harder = _one_way(exercise, planned, progression, harder=True)
    easier, harder = _keep_order(planned, easier, harder)
    return Ladder(
        planned,
        easier,
        harder,
        easier_level=regression if easier else None,
        harder_level=progression if harder else None,
    )


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _target(
    exercise: Exercise, planned: Dosage, level: Level, *, harder: bool
) -> tuple[Dosage, tuple[str, ...]] | None:
    """The last step towards a level and the fields that step towards it; None
    when the plan is already at or beyond the level on every count."""
    base = exercise.dosage
    values: dict[str, Any] = {}
    stepped: list[str] = []
    for name in DOSAGE_FIELDS:
        plan_value, base_value = getattr(planned, name), getattr(base, name)
        level_value = getattr(level.dosage, name)
        if level_value == base_value:
            # Not part of the level: the plan's own value (its sets, its rests) stays.
            values[name] = plan_value
            continue
        sense = _LOAD_SENSE.get(name, 0) * (1 if harder else -1)
        numbers = all(_is_number(v) for v in (plan_value, base_value, level_value))
        if sense and numbers and (level_value - base_value) * sense > 0:
            # The level moves this field the ladder's way: step towards it.
            if (level_value - plan_value) * sense > 0:
                values[name] = level_value
                stepped.append(name)
            else:
                values[name] = plan_value  # the plan is there or beyond already
            continue
        # A change of form (or of tempo, or sides): it comes with the level itself.
        values[name] = level_value
    if not stepped:
        return None
    return Dosage(**values), tuple(stepped)


def _on_grid(name: str, value: float, ends: tuple[float, float]) -> float:
    grid = _GRID[name]
    rounded = math.floor(value / grid + 0.5) * grid
    rounded = max(min(ends), min(max(ends), rounded))
    return int(rounded) if float(rounded).is_integer() else rounded


def _one_way(
    exercise: Exercise, planned: Dosage, level: Level | None, *, harder: bool
) -> tuple[Dosage, ...]:
    if level is None:
        return ()
    found = _target(exercise, planned, level, harder=harder)
    if found is None:
        return ()
    target, stepped = found
    smooth = [name for name in stepped if name != "sets"]
    set_steps = 0
    if "sets" in stepped:
        set_steps = min(abs(target.sets - planned.sets), MAX_STEPS // 2)
    needed = [
        math.ceil(abs(getattr(target, n) - getattr(planned, n)) / _STEP_UNIT[n])
        for n in smooth
        if n in _STEP_UNIT
    ]
    smooth_steps = min(max(needed, default=1 if smooth else 0), MAX_STEPS - set_steps)
    steps: list[Dosage] = []
    for i in range(1, smooth_steps + 1):
        values = {}
        for name in smooth:
            start, end = getattr(planned, name), getattr(target, name)
            values[name] = _on_grid(name, start + (end - start) * i / smooth_steps, (start, end))
        steps.append(dataclasses.replace(planned, **values))
    after_smooth = dataclasses.replace(planned, **{n: getattr(target, n) for n in smooth})
    for j in range(1, set_steps + 1):
        share = planned.sets + (target.sets - planned.sets) * j / set_steps
        sets = _on_grid("sets", share, (planned.sets, target.sets))
        steps.append(dataclasses.replace(after_smooth, sets=int(sets)))
    steps[-1] = target  # the last step is the level, with any change of form
    if not _valid(exercise, target):
        return ()
    kept: list[Dosage] = []
    for step in steps:
        if step != (kept[-1] if kept else planned) and _valid(exercise, step):
            kept.append(step)
    return tuple(kept)


def _valid(exercise: Exercise, dosage: Dosage) -> bool:
    return not check_dosage(dosage, exercise.category) and not timed_extras_problems(
        exercise, dosage
    )


def _work(dosage: Dosage) -> tuple[float, float]:
    """(blocks, seconds under load): lifts or holds counted, and their time."""
    if dosage.interval_s is not None:
        blocks = dosage.sets * dosage.sides
        return float(blocks), float(blocks * dosage.interval_s)
    blocks = (dosage.reps or 0) * dosage.sets * dosage.sides
    return float(blocks), float(blocks * ((dosage.hold_s or 0) + (dosage.tempo_s or 0)))


def _less_work(a: Dosage, b: Dosage) -> bool:
    """Whether ``a`` is less work than ``b`` on both counts (and not the same)."""
    work_a, work_b = _work(a), _work(b)
    return work_a != work_b and all(x <= y for x, y in zip(work_a, work_b, strict=True))


def _keep_order(
    planned: Dosage, easier: tuple[Dosage, ...], harder: tuple[Dosage, ...]
) -> tuple[tuple[Dosage, ...], tuple[Dosage, ...]]:
    """Drop steps until no harder step is less work than an easier one, nor the same.

    A level that is a different form may be more of one count and less of the
    other; that is fine. When a step in between breaks the order, it goes;
    when a level itself does, that whole way goes (the easier way is kept
    over the harder one: being able to step down matters more).
    """
    down, up = list(easier), list(harder)
    while True:
        ladder = [*reversed(down), planned, *up]
        steps = [i - len(down) for i in range(len(ladder))]
        bad = next(
            (
                (steps[i], steps[j])
                for i, j in itertools.combinations(range(len(ladder)), 2)
                if ladder[i] == ladder[j] or _less_work(ladder[j], ladder[i])
            ),
            None,
        )
        if bad is None:
            return tuple(down), tuple(up)
        ends = {0, -len(down), len(up)}
        between = [s for s in bad if s not in ends]
        if between:
            step = max(between, key=abs)
            if step > 0:
                del up[step - 1]
            else:
                del down[-step - 1]
        elif 0 in bad:
            if max(bad, key=abs) > 0:
                up.clear()
            else:
                down.clear()
        else:
            up.clear()


def _planned_dosage(library: ContentLibrary, exercise: Exercise, plan_id: str | None) -> Dosage:
    """The dose a plan gives an exercise: the named plan's, else the first plan's
    that has it (by id), else the exercise's own."""
    plans = [library.plans[plan_id]] if plan_id in library.plans else []
    plans.extend(library.plans.values())
    for plan in plans:
        for item in plan.items:
            if item.exercise_id == exercise.id:
                return item.dosage_for(exercise)
    return exercise.dosage


def ladder_for(library: ContentLibrary, exercise_id: str, plan_id: str | None = None) -> Ladder:
    """The ladder of an exercise as a plan doses it (see :func:`_planned_dosage`)."""
    exercise = library.exercises[exercise_id]
    return dosage_ladder(exercise, _planned_dosage(library, exercise, plan_id))


# ------------------------------------------------------------------------- state


@dataclass(frozen=True)
class ExerciseProgress:
    """Where one exercise stands: its step and the ratings since it last moved."""

    step: int = 0
    recent: tuple[str, ...] = ()  # "too_easy" or "too_hard" only, oldest first, at most 2

    @property
    def is_default(self) -> bool:
        return self.step == 0 and not self.recent


@dataclass(frozen=True)
class UndoRecord:
    """What one session's ratings replaced, so its changes can be taken back."""

    run_id: str
    at: datetime
    # Every exercise that session rated, as it stood before (default: not kept yet).
    before: Mapping[str, ExerciseProgress]

    def __post_init__(self) -> None:
        object.__setattr__(self, "before", MappingProxyType(dict(sorted(self.before.items()))))


@dataclass(frozen=True)
class ProgressionState:
    """The user's progression, stored as JSON (the settings key ``progression``)."""

    exercises: Mapping[str, ExerciseProgress] = field(default_factory=dict)
    undo: UndoRecord | None = None
    # The latest session whose ratings were counted; counting it again does nothing.
    last_run_id: str | None = None

    def __post_init__(self) -> None:
        kept = {k: v for k, v in sorted(self.exercises.items()) if not v.is_default}
        object.__setattr__(self, "exercises", MappingProxyType(kept))

    def progress(self, exercise_id: str) -> ExerciseProgress:
        return self.exercises.get(exercise_id, ExerciseProgress())

    def to_json(self) -> dict[str, Any]:
        undo = None
        if self.undo is not None:
            undo = {
                "run_id": self.undo.run_id,
                "at": self.undo.at.isoformat(),
                "before": {k: _entry_json(v) for k, v in self.undo.before.items()},
            }
        return {
            "version": JSON_VERSION,
            "exercises": {k: _entry_json(v) for k, v in self.exercises.items()},
            "undo": undo,
            "last_run_id": self.last_run_id,
        }

    @classmethod
    def from_json(cls, obj: object) -> ProgressionState:
        """Read stored JSON; never raises. Ill-formed parts are dropped, the rest kept."""
        if not isinstance(obj, Mapping):
            return cls()
        exercises = _read_entries(obj.get("exercises"), strict=False)
        undo = _read_undo(obj.get("undo"))
        last_run_id = obj.get("last_run_id")
        if not _is_run_id(last_run_id):
            last_run_id = None
        return cls(exercises or {}, undo, last_run_id)


def _entry_json(entry: ExerciseProgress) -> dict[str, Any]:
    return {"step": entry.step, "recent": list(entry.recent)}


def _is_run_id(value: object) -> bool:
    return isinstance(value, str) and 0 < len(value) <= _MAX_RUN_ID_CHARS


def _is_exercise_id(value: object) -> bool:
    return isinstance(value, str) and len(value) <= MAX_ID_CHARS and bool(_ID_RE.fullmatch(value))


def _read_entry(value: object, *, strict: bool) -> ExerciseProgress | None:
    """One stored entry; with ``strict`` any flaw rejects it, else flawed parts reset."""
    if not isinstance(value, Mapping):
        return None
    step = value.get("step", 0)
    step_ok = _is_number(step) and isinstance(step, int) and abs(step) <= MAX_STEPS
    recent = value.get("recent", [])
    # A streak is kept whole or not at all: dropping one rating could fake two in a row.
    recent_ok = (
        isinstance(recent, list)
        and len(recent) <= IN_A_ROW
        and all(r in (TOO_EASY, TOO_HARD) for r in recent)
    )
    if strict and not (step_ok and recent_ok):
        return None
    return ExerciseProgress(step if step_ok else 0, tuple(recent) if recent_ok else ())


def _read_entries(value: object, *, strict: bool) -> dict[str, ExerciseProgress] | None:
    if not isinstance(value, Mapping):
        return None
    entries: dict[str, ExerciseProgress] = {}
    for key, item in value.items():
        entry = _read_entry(item, strict=strict) if _is_exercise_id(key) else None
        if entry is None:
            if strict:
                return None
            continue
        entries[key] = entry
    return entries


def _read_undo(value: object) -> UndoRecord | None:
    # All or nothing: half an undo record would restore half a session.
    if not isinstance(value, Mapping) or not _is_run_id(value.get("run_id")):
        return None
    at_text = value.get("at")
    if not isinstance(at_text, str):
        return None
    try:
        at = datetime.fromisoformat(at_text)
    except ValueError:
        return None
    if at.tzinfo is None or at.utcoffset() is None:
        return None
    before = _read_entries(value.get("before"), strict=True)
    if not before:
        return None
    return UndoRecord(value["run_id"], at, before)


# ---------------------------------------------------------------------- changes


@dataclass(frozen=True)
class DosageChange:
    """One exercise's dose after a session's ratings, and why, in a plain sentence."""

    exercise_id: str
    exercise_name: str
    old: Dosage
    new: Dosage
    direction: str  # HARDER, EASIER or STAY (easier was due, but there is no easier step)
    reason: str  # the rating that did it: "too_easy", "too_hard" or "it_hurt"
    old_step: int
    new_step: int
    text: str


def any_moved(changes: Sequence[DosageChange]) -> bool:
    """Whether a session changed any dose (else its notice has nothing to undo)."""
    return any(change.direction != STAY for change in changes)


def _seconds(seconds: float) -> str:
    total = round(seconds)
    if total < 60:
        return f"{total} s"
    minutes, rest = divmod(total, 60)
    return f"{minutes} min" if rest == 0 else f"{minutes} min {rest} s"


def _sets(sets: int, unit: str = "set") -> str:
    return f"{sets} {unit}" if sets == 1 else f"{sets} {unit}s"


def _amount(dosage: Dosage) -> str:
    """'2 sets of 6 each side, holding 8 s', '6 times', 'for 3 min'."""
    if dosage.interval_s is not None:
        text = f"for {_seconds(dosage.interval_s)}"
        if dosage.sets > 1:
            text = f"{_sets(dosage.sets, 'round')} of {_seconds(dosage.interval_s)}"
        return f"{text} each side" if dosage.per_side else text
    reps = dosage.reps or 0
    if dosage.sets > 1:
        text = f"{dosage.sets} sets of {reps}"
        text += " each side" if dosage.per_side else ""
    else:
        text = (
            f"{reps} each side" if dosage.per_side else ("once" if reps == 1 else f"{reps} times")
        )
    if dosage.hold_s:
        text += f", holding {_seconds(dosage.hold_s)}"
    return text


def _was(old: Dosage, new: Dosage) -> str:
    """The old values of what changed: '5, holding 7 s'."""
    parts: list[str] = []
    if old.interval_s is not None and new.interval_s is not None:
        if old.sets != new.sets:
            parts.append(_sets(old.sets, "round"))
        if old.interval_s != new.interval_s:
            parts.append(_seconds(old.interval_s))
    elif old.interval_s is not None or new.interval_s is not None:
        parts.append(_amount(old))
        return ", ".join(parts)
    else:
        count = []
        if old.sets != new.sets:
            count.append(_sets(old.sets))
        if old.reps != new.reps:
            count.append(str(old.reps or 0))
        if count:
            parts.append(" of ".join(count))
        if old.hold_s != new.hold_s:
            parts.append(f"holding {_seconds(old.hold_s)}" if old.hold_s else "without a hold")
    if old.per_side != new.per_side:
        parts.append("each side" if old.per_side else "not each side")
    if old.rest_s != new.rest_s:
        parts.append(f"resting {_seconds(old.rest_s)}")
    return ", ".join(parts)


def _now(old: Dosage, new: Dosage) -> str:
    text = _amount(new)
    if old.rest_s != new.rest_s:
        text += f", resting {_seconds(new.rest_s)} in between" if new.rest_s else ", no rest"
    if old.tempo_s is not None and new.tempo_s is not None and old.tempo_s != new.tempo_s:
        text += ", moving more slowly" if new.tempo_s > old.tempo_s else ", moving a little quicker"
    return text


_BECAUSE = {
    TOO_EASY: "because you found it too easy twice.",
    TOO_HARD: "because you found it too hard twice.",
    IT_HURT: "because it hurt last time.",
}
_IF_IT_HURTS = "If it keeps hurting, stop this exercise and ask a physiotherapist."


def _stay_text(exercise: Exercise, reason: str) -> str:
    said = "it hurt last time" if reason == IT_HURT else "you found it too hard twice"
    if exercise.category in HEAT_ICE_CATEGORIES:
        if reason == IT_HURT:
            # Pain under a pack is about the skin, not the dose: the notes' skin rules.
            return (
                f"{exercise.name}: {said}. Take the pack off at once if it hurts, keep a "
                "towel between the pack and your skin, and check your skin. If it keeps "
                "hurting, stop using it and ask a physiotherapist."
            )
        return f"{exercise.name}: {said}. You can always take the pack off sooner."
    text = f"{exercise.name}: {said}. There is no easier step for it in this plan, so it stays"
    if reason == IT_HURT:
        return f"{text} as it is. {_IF_IT_HURTS}"
    if exercise.category in FIXED_CATEGORIES:
        return f"{text} as it is; you can always stop early."
    return f"{text} as it is. Go only as far as feels comfortable."


def _change_text(
    exercise: Exercise, ladder: Ladder, old_step: int, new_step: int, reason: str
) -> str:
    if new_step == old_step:
        return _stay_text(exercise, reason)
    old, new = ladder.at(old_step), ladder.at(new_step)
    was = _was(old, new)
    was_text = f" (was {was})" if was else ""
    if new_step == 0:
        lead = f"back to the plan's own dose, {_now(old, new)}{was_text}"
    elif new_step < old_step:
        lead = f"a little easier, now {_now(old, new)}{was_text}"
    else:
        lead = f"now {_now(old, new)}{was_text}"
    text = f"{exercise.name}: {lead}, {_BECAUSE[reason]}"
    if new_step == ladder.highest and new_step > 0 and ladder.harder_level is not None:
        text += f" This is as far as it goes here: {ladder.harder_level.description}"
    elif new_step == ladder.lowest and new_step < 0 and ladder.easier_level is not None:
        text += f" This is its easiest way: {ladder.easier_level.description}"
    if reason == IT_HURT:
        text += f" {_IF_IT_HURTS}"
    return text


# ---------------------------------------------------------------------- feedback


def _remember(recent: tuple[str, ...], rating: str) -> tuple[str, ...]:
    if rating == ABOUT_RIGHT:
        return ()
    if rating == IT_HURT:
        return (IT_HURT,)
    return (*recent, rating)[-IN_A_ROW:]


def _move(recent: tuple[str, ...]) -> int:
    """+1 harder, -1 easier, 0 stay, from the ratings since the last move."""
    if recent[-1:] == (IT_HURT,):
        return -1
    if len(recent) == IN_A_ROW and len(set(recent)) == 1:
        return 1 if recent[0] == TOO_EASY else -1
    return 0


def apply_feedback(
    state: ProgressionState,
    feedback: Mapping[str, str],
    library: ContentLibrary,
    *,
    run_id: str,
    at: datetime,
    plan_id: str | None = None,
) -> tuple[ProgressionState, tuple[DosageChange, ...]]:
    """Count one session's ratings ({exercise_id: rating}); return the new state
    and what changed, for the notice.

    ``plan_id`` is the plan the session played (``SessionRun.plan_id``): the
    step moves from where that plan shows it, and the change is told in that
    plan's doses. Unknown exercises and ratings are ignored; the same run
    counted twice changes nothing the second time.
    """
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("at must carry a UTC offset")
    if run_id == state.last_run_id:
        return state, ()
    entries = dict(state.exercises)
    before: dict[str, ExerciseProgress] = {}
    changes: list[DosageChange] = []
    for exercise_id, rating in feedback.items():
        exercise = library.exercises.get(exercise_id) if isinstance(exercise_id, str) else None
        if exercise is None or rating not in STEP_FEEDBACK:
            continue
        old = state.progress(exercise_id)
        before[exercise_id] = old
        recent = _remember(old.recent, rating)
        move = _move(recent)
        if move == 0:
            entries[exercise_id] = ExerciseProgress(old.step, recent)
            continue
        ladder = ladder_for(library, exercise_id, plan_id)
        shown = ladder.clamp(old.step)
        new_step = ladder.clamp(shown + move)
        # At an end the step stays where it was stored (another plan may go further).
        entries[exercise_id] = ExerciseProgress(new_step if new_step != shown else old.step)
        if new_step == shown and move > 0:
            continue  # already at the top: nothing to tell
        direction = STAY if new_step == shown else (HARDER if move > 0 else EASIER)
        changes.append(
            DosageChange(
                exercise_id=exercise_id,
                exercise_name=exercise.name,
                old=ladder.at(shown),
                new=ladder.at(new_step),
                direction=direction,
                reason=recent[-1],
                old_step=shown,
                new_step=new_step,
                text=_change_text(exercise, ladder, shown, new_step, recent[-1]),
            )
        )
    # A session that moved nothing leaves the last change set undoable.
    undo = UndoRecord(run_id, at, before) if any_moved(changes) else state.undo
    return ProgressionState(entries, undo, run_id), tuple(changes)


def can_undo(state: ProgressionState, run_id: str) -> bool:
    return state.undo is not None and state.undo.run_id == run_id


def undo_last(state: ProgressionState, run_id: str) -> ProgressionState:
    """Put back what that session's ratings changed; only the latest change set
    can be undone, and undoing it twice does nothing the second time."""
    if not can_undo(state, run_id):
        return state
    assert state.undo is not None
    entries = dict(state.exercises)
    entries.update(state.undo.before)
    return ProgressionState(entries, None, state.last_run_id)


# ---------------------------------------------------------------------- reading


def dosage_step(state: ProgressionState, exercise_id: str) -> int:
    """The stored step of an exercise (each plan clamps it to its own ladder)."""
    return state.progress(exercise_id).step


def plan_step(
    state: ProgressionState, library: ContentLibrary, plan_id: str, exercise_id: str
) -> int:
    """The step a plan shows for an exercise: the stored one, clamped to its ladder."""
    return ladder_for(library, exercise_id, plan_id).clamp(dosage_step(state, exercise_id))


def _adjusted_item(item: PlanItem, library: ContentLibrary, state: ProgressionState) -> PlanItem:
    exercise = library.exercises.get(item.exercise_id)
    step = dosage_step(state, item.exercise_id)
    if exercise is None or step == 0:
        return item
    planned = item.dosage_for(exercise)
    dosage = dosage_ladder(exercise, planned).at(step)
    if dosage == planned:
        return item
    overrides = dict(item.overrides)
    for name in DOSAGE_FIELDS:
        if getattr(dosage, name) != getattr(planned, name):
            overrides[name] = getattr(dosage, name)
    return dataclasses.replace(item, overrides=overrides)


def adjusted_library(library: ContentLibrary, state: ProgressionState) -> ContentLibrary:
    """The same library with every plan's doses moved to the user's steps, so the
    player's timeline and the plan descriptions show what the user really does."""
    if not state.exercises:
        return library
    plans = {}
    for plan_id, plan in library.plans.items():
        items = tuple(_adjusted_item(item, library, state) for item in plan.items)
        plans[plan_id] = plan if items == plan.items else dataclasses.replace(plan, items=items)
    return dataclasses.replace(library, plans=plans)


LEVEL_WORDS = {"regression": "Easier version", "progression": "Harder version"}


def level_in_use(library: ContentLibrary, state: ProgressionState, item: PlanItem) -> Level | None:
    """The easier or harder level a plan item's dose has reached, if any: at the
    ladder's end the exercise may be done differently, not just more or less."""
    exercise = library.exercises.get(item.exercise_id)
    if exercise is None:
        return None
    ladder = dosage_ladder(exercise, item.dosage_for(exercise))
    step = ladder.clamp(dosage_step(state, item.exercise_id))
    if step > 0 and step == ladder.highest:
        return ladder.harder_level
    if step < 0 and step == ladder.lowest:
        return ladder.easier_level
    return None


def level_forms(
    library: ContentLibrary, state: ProgressionState, plan_id: str
) -> dict[str, Exercise]:
    """For playing one plan (``library`` unadjusted): the exercises whose level
    is in use, with that level's description as their first instruction, so
    the get-ready cue says how to do it now."""
    plan = library.plans.get(plan_id)
    if plan is None:
        return {}
    forms: dict[str, Exercise] = {}
    for item in plan.items:
        level = level_in_use(library, state, item)
        if level is None or item.exercise_id in forms:
            continue
        exercise = library.exercises[item.exercise_id]
        first = f"{LEVEL_WORDS.get(level.kind, 'This version')}: {level.description}"
        forms[item.exercise_id] = dataclasses.replace(exercise, steps=(first, *exercise.steps))
    return forms
