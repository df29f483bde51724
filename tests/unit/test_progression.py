"""Dosage progression: the rule on hand-made cases, every bundled ladder, and
random sequences of ratings."""

from __future__ import annotations

import dataclasses
import itertools
import json
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lbp_desktop.domain.content import (
    DOSAGE_FIELDS,
    ContentLibrary,
    Dosage,
    Exercise,
    Level,
    Plan,
    PlanItem,
    check_dosage,
    plan_reference_problems,
    timed_extras_problems,
)
from lbp_desktop.domain.player_timeline import WORK, build_timeline
from lbp_desktop.domain.progression import (
    EASIER,
    FIXED_CATEGORIES,
    HARDER,
    MAX_STEPS,
    STAY,
    DosageChange,
    ExerciseProgress,
    Ladder,
    ProgressionState,
    adjusted_library,
    any_moved,
    apply_feedback,
    can_undo,
    dosage_ladder,
    dosage_step,
    ladder_for,
    plan_step,
    undo_last,
)
from lbp_desktop.paths import content_dir
from lbp_desktop.storage.content_files import load_content

AT = datetime(2026, 3, 11, 9, 0, tzinfo=UTC)
CORE = "core-builder"


@pytest.fixture(scope="module")
def library() -> ContentLibrary:
    return load_content(content_dir())


class Sessions:
    """Feeds ratings one session at a time, with fresh run ids."""

    def __init__(self, library: ContentLibrary, plan_id: str | None = CORE) -> None:
        self.library = library
        self.plan_id = plan_id
        self.state = ProgressionState()
        self.count = 0

    def rate(self, plan_id: str | None = None, **ratings: str) -> tuple[DosageChange, ...]:
        self.count += 1
        feedback = {key.replace("_", "-"): value for key, value in ratings.items()}
        self.state, changes = apply_feedback(
            self.state,
            feedback,
            self.library,
            run_id=f"run-{self.count}",
            at=AT + timedelta(days=self.count),
            plan_id=plan_id or self.plan_id,
        )
        return changes

    @property
    def run_id(self) -> str:
        return f"run-{self.count}"


def _work(dosage: Dosage) -> tuple[float, float]:
    # Written again here, not imported: lifts or holds, and seconds under load.
    sides = 2 if dosage.per_side else 1
    if dosage.interval_s is not None:
        return dosage.sets * sides, dosage.sets * sides * dosage.interval_s
    blocks = (dosage.reps or 0) * dosage.sets * sides
    return blocks, blocks * ((dosage.hold_s or 0) + (dosage.tempo_s or 0))


def _less_work(a: Dosage, b: Dosage) -> bool:
    (blocks_a, load_a), (blocks_b, load_b) = _work(a), _work(b)
    return blocks_a <= blocks_b and load_a <= load_b and (blocks_a, load_a) != (blocks_b, load_b)


def _bundled_items(library: ContentLibrary) -> list[tuple[str, int, PlanItem]]:
    return [
        (plan.id, index, item)
        for plan in library.plans.values()
        for index, item in enumerate(plan.items)
    ]


# -------------------------------------------------------------------- the rule


def test_too_easy_once_changes_nothing(library: ContentLibrary) -> None:
    sessions = Sessions(library)
    assert sessions.rate(bird_dog="too_easy") == ()
    assert dosage_step(sessions.state, "bird-dog") == 0
    assert sessions.state.progress("bird-dog").recent == ("too_easy",)


def test_too_easy_twice_steps_up_and_says_so(library: ContentLibrary) -> None:
    sessions = Sessions(library)
    sessions.rate(bird_dog="too_easy")
    (change,) = sessions.rate(bird_dog="too_easy")
    assert change.direction == HARDER
    assert change.reason == "too_easy"
    assert (change.old_step, change.new_step) == (0, 1)
    assert (change.old.hold_s, change.old.reps, change.old.sets) == (7, 5, 2)
    assert (change.new.hold_s, change.new.reps, change.new.sets) == (8, 6, 2)
    assert change.exercise_name == "Bird-dog"
    assert change.text == (
        "Bird-dog: now 2 sets of 6 each side, holding 8 s (was 5, holding 7 s), "
        "because you found it too easy twice."
    )
    assert dosage_step(sessions.state, "bird-dog") == 1
    # A change starts the count again: one more "too easy" is not enough.
    assert sessions.state.progress("bird-dog").recent == ()
    assert sessions.rate(bird_dog="too_easy") == ()


def test_about_right_in_between_starts_the_count_again(library: ContentLibrary) -> None:
    sessions = Sessions(library)
    sessions.rate(bird_dog="too_easy")
    sessions.rate(bird_dog="about_right")
    assert sessions.rate(bird_dog="too_easy") == ()
    assert dosage_step(sessions.state, "bird-dog") == 0
    assert len(sessions.rate(bird_dog="too_easy")) == 1


def test_a_rating_the_other_way_breaks_the_streak(library: ContentLibrary) -> None:
    sessions = Sessions(library)
    sessions.rate(bird_dog="too_easy")
    sessions.rate(bird_dog="too_hard")
    assert sessions.rate(bird_dog="too_easy") == ()
    assert dosage_step(sessions.state, "bird-dog") == 0


def test_not_rated_keeps_the_streak(library: ContentLibrary) -> None:
    sessions = Sessions(library)
    sessions.rate(bird_dog="too_easy")
    sessions.rate(curl_up="about_right")  # bird-dog skipped this time
    assert len(sessions.rate(bird_dog="too_easy")) == 1


def test_it_hurt_steps_down_at_once(library: ContentLibrary) -> None:
    sessions = Sessions(library)
    (change,) = sessions.rate(bird_dog="it_hurt")
    assert change.direction == EASIER
    assert (change.old_step, change.new_step) == (0, -1)
    assert change.new.hold_s == 6 and change.new.reps == 5
    assert "because it hurt last time" in change.text
    assert change.text.endswith(
        "If it keeps hurting, stop this exercise and ask a physiotherapist."
    )


def test_too_hard_twice_steps_down(library: ContentLibrary) -> None:
    sessions = Sessions(library)
    assert sessions.rate(curl_up="too_hard") == ()
    (change,) = sessions.rate(curl_up="too_hard")
    assert change.direction == EASIER and change.reason == "too_hard"
    assert change.new.hold_s == 7
    assert change.text.endswith("because you found it too hard twice.")
    assert dosage_step(sessions.state, "curl-up") == -1


def test_back_to_the_plan_is_said_plainly(library: ContentLibrary) -> None:
    sessions = Sessions(library)
    sessions.rate(bird_dog="it_hurt")
    sessions.rate(bird_dog="too_easy")
    (change,) = sessions.rate(bird_dog="too_easy")
    assert change.new_step == 0
    assert change.text.startswith("Bird-dog: back to the plan's own dose, 2 sets of 5 each side")


def test_the_top_of_the_ladder_is_the_level_and_no_further(library: ContentLibrary) -> None:
    sessions = Sessions(library)
    texts = []
    for _ in range(10):
        sessions.rate(bird_dog="too_easy")
        texts.extend(change.text for change in sessions.rate(bird_dog="too_easy"))
    assert dosage_step(sessions.state, "bird-dog") == 3
    assert len(texts) == 3  # nothing to tell once at the top
    assert "This is as far as it goes here: Hold for 10 seconds, never longer" in texts[-1]
    top = adjusted_library(library, sessions.state).plans[CORE].items[1]
    dosage = top.dosage_for(library.exercises["bird-dog"])
    assert (dosage.hold_s, dosage.reps, dosage.sets, dosage.rest_s) == (10, 8, 2, 8)


def test_the_bottom_stays_and_says_kindly_why(library: ContentLibrary) -> None:
    sessions = Sessions(library)
    for _ in range(2):
        sessions.rate(bird_dog="it_hurt")
    assert dosage_step(sessions.state, "bird-dog") == -2
    (change,) = sessions.rate(bird_dog="it_hurt")
    assert change.direction == STAY
    assert change.old == change.new and change.new_step == -2
    assert "no easier step" in change.text
    assert "ask a physiotherapist" in change.text
    assert not any_moved([change])


def test_exercises_without_levels_never_change(library: ContentLibrary) -> None:
    bird_dog = dataclasses.replace(library.exercises["bird-dog"], levels=())
    bare = dataclasses.replace(library, exercises={**library.exercises, "bird-dog": bird_dog})
    assert dosage_ladder(bird_dog, bird_dog.dosage) == Ladder(bird_dog.dosage)
    sessions = Sessions(bare)
    for _ in range(3):
        sessions.rate(bird_dog="too_easy")
    assert dosage_step(sessions.state, "bird-dog") == 0
    assert adjusted_library(bare, sessions.state).plans[CORE] == bare.plans[CORE]


@pytest.mark.parametrize("exercise_id", ["heat-pack", "ice-pack", "slow-breathing", "body-scan"])
def test_heat_ice_breathing_and_meditation_never_change(
    library: ContentLibrary, exercise_id: str
) -> None:
    exercise = library.exercises[exercise_id]
    assert exercise.category in FIXED_CATEGORIES
    assert exercise.levels  # they have levels, and still do not move
    ladder = dosage_ladder(exercise, exercise.dosage)
    assert ladder.steps == (exercise.dosage,)
    sessions = Sessions(library, plan_id=None)
    changes = sessions.rate(**{exercise_id.replace("-", "_"): "it_hurt"})
    assert [c.direction for c in changes] == [STAY]
    assert dosage_step(sessions.state, exercise_id) == 0


def test_a_hurting_heat_pack_gets_skin_advice(library: ContentLibrary) -> None:
    (change,) = Sessions(library, "heat-and-relax").rate(heat_pack="it_hurt")
    assert "Take the pack off at once" in change.text
    assert "check your skin" in change.text


def test_unknown_exercises_and_ratings_are_ignored(library: ContentLibrary) -> None:
    sessions = Sessions(library)
    assert sessions.rate(no_such_thing="too_easy", bird_dog="loved_it") == ()
    assert sessions.state.exercises == {}
    assert sessions.state.undo is None


def test_the_same_run_counts_once(library: ContentLibrary) -> None:
    state = ProgressionState()
    for _ in range(2):
        state, _ = apply_feedback(
            state, {"bird-dog": "too_easy"}, library, run_id="same", at=AT, plan_id=CORE
        )
    assert state.progress("bird-dog").recent == ("too_easy",)


def test_a_time_without_offset_is_refused(library: ContentLibrary) -> None:
    with pytest.raises(ValueError, match="UTC offset"):
        apply_feedback(
            ProgressionState(), {}, library, run_id="r", at=datetime(2026, 3, 11), plan_id=CORE
        )


# ------------------------------------------------------------------------ ladders


def test_a_plan_at_or_beyond_a_level_has_no_steps_that_way(library: ContentLibrary) -> None:
    bird_dog = library.exercises["bird-dog"]
    progression, regression = bird_dog.level("progression"), bird_dog.level("regression")
    assert progression is not None and regression is not None
    assert dosage_ladder(bird_dog, progression.dosage).highest == 0
    assert dosage_ladder(bird_dog, regression.dosage).lowest == 0
    beyond = dataclasses.replace(bird_dog.dosage, hold_s=10, reps=12)
    assert dosage_ladder(bird_dog, beyond).highest == 0
    # Beyond on one count only: the other still steps, the first stays where the plan has it.
    more_reps = dataclasses.replace(bird_dog.dosage, reps=10)
    ladder = dosage_ladder(bird_dog, more_reps)
    assert [(d.hold_s, d.reps) for d in ladder.harder] == [(8, 10), (9, 10), (10, 10)]


def test_a_level_that_changes_the_form_comes_in_at_the_last_step(
    library: ContentLibrary,
) -> None:
    # The bridge's progression holds for less time but lifts more often.
    ladder = ladder_for(library, "bridge", CORE)
    assert [d.hold_s for d in ladder.harder][:-1] == [5] * (ladder.highest - 1)
    top = ladder.harder[-1]
    assert (top.hold_s, top.reps, top.sets, top.rest_s, top.tempo_s) == (3, 12, 3, 3, 3)
    assert [d.reps for d in ladder.harder] == [7, 9, 10, 12, 12]


def test_one_step_per_exercise_is_applied_on_each_plans_own_ladder(
    library: ContentLibrary,
) -> None:
    knee_rolls = library.exercises["knee-rolls"]
    mine = Plan("my-knees", "My knees", "A physio's plan.", (PlanItem("knee-rolls", {"reps": 4}),))
    lib = dataclasses.replace(library, plans={**library.plans, mine.id: mine})
    sessions = Sessions(lib, "gentle-start")
    for _ in range(2):
        sessions.rate(knee_rolls="too_easy")
        sessions.rate(knee_rolls="too_easy")
    assert dosage_step(sessions.state, "knee-rolls") == 2
    adjusted = adjusted_library(lib, sessions.state)

    def dose(plan_id: str) -> Dosage:
        return adjusted.plans[plan_id].items[0].dosage_for(knee_rolls)

    assert (dose("gentle-start").reps, dose("gentle-start").sets) == (5, 2)
    assert (dose("morning-mobility").reps, dose("morning-mobility").sets) == (5, 1)
    # This plan starts at 4: one step up is its top, where the step is clamped.
    assert dose("my-knees").reps == 5
    assert plan_step(sessions.state, lib, "my-knees", "knee-rolls") == 1
    # Rated in that plan, the change starts from what that plan shows.
    sessions.rate("my-knees", knee_rolls="too_hard")
    (change,) = sessions.rate("my-knees", knee_rolls="too_hard")
    assert (change.old_step, change.new_step) == (1, 0)
    assert (change.old.reps, change.new.reps) == (5, 4)
    assert dosage_step(sessions.state, "knee-rolls") == 0


def test_an_empty_state_leaves_the_library_alone(library: ContentLibrary) -> None:
    assert adjusted_library(library, ProgressionState()) is library


@pytest.mark.parametrize("step", range(-MAX_STEPS - 1, MAX_STEPS + 2))
def test_every_bundled_ladder_step_validates_and_plays(library: ContentLibrary, step: int) -> None:
    state = ProgressionState({ex: ExerciseProgress(step) for ex in library.exercises})
    adjusted = adjusted_library(library, state)
    assert adjusted.exercises is library.exercises
    for plan in adjusted.plans.values():
        assert plan_reference_problems(plan, adjusted.exercises, "adjusted") == []
        timeline = build_timeline(plan, adjusted)
        assert timeline
        for index, item in enumerate(plan.items):
            exercise = adjusted.exercises[item.exercise_id]
            ladder = dosage_ladder(
                exercise, library.plans[plan.id].items[index].dosage_for(exercise)
            )
            dosage = adjusted.item_dosage(item)
            assert dosage == ladder.at(step)
            worked = [s for s in timeline if s.item_index == index and s.phase == WORK]
            if worked and not dosage.is_timed:
                assert len(worked) == dosage.reps * dosage.sets * dosage.sides


def test_every_bundled_ladder_keeps_its_promises(library: ContentLibrary) -> None:
    moving = set()
    for plan_id, index, item in _bundled_items(library):
        exercise = library.exercises[item.exercise_id]
        planned = item.dosage_for(exercise)
        ladder = dosage_ladder(exercise, planned)
        where = f"{plan_id} item {index + 1} ({exercise.id})"
        assert ladder.at(0) == planned, where
        assert len(ladder.easier) <= MAX_STEPS and len(ladder.harder) <= MAX_STEPS, where
        for dosage in ladder.steps:
            assert check_dosage(dosage, exercise.category) == [], where
            assert timed_extras_problems(exercise, dosage) == [], where
        assert len(set(ladder.steps)) == len(ladder.steps), where  # no step repeats
        for easy, hard in itertools.combinations(ladder.steps, 2):
            assert not _less_work(hard, easy), f"{where}: {hard} is less work than {easy}"
        for kind, end in (("progression", ladder.harder), ("regression", ladder.easier)):
            level = exercise.level(kind)
            if not end:
                continue
            moving.add(exercise.id)
            assert level is not None, where
            for name in DOSAGE_FIELDS:
                wanted = getattr(level.dosage, name)
                if wanted == getattr(exercise.dosage, name):
                    wanted = getattr(planned, name)  # not part of the level: the plan's own
                assert getattr(end[-1], name) == wanted, f"{where}: {kind} {name}"
        # Steps in between are small: a rep or two, a couple of seconds, a minute.
        for steps in (ladder.harder[:-1], ladder.easier[:-1]):
            for a, b in itertools.pairwise((planned, *steps)):
                assert abs((a.reps or 0) - (b.reps or 0)) <= 2, where
                assert abs((a.hold_s or 0) - (b.hold_s or 0)) <= 2, where
                assert abs((a.interval_s or 0) - (b.interval_s or 0)) <= 60, where
                assert abs(a.sets - b.sets) <= 1, where
        if exercise.category in FIXED_CATEGORIES:
            assert ladder.steps == (planned,), where
    # Every bundled plan's counted exercises can move at least one way.
    fixed = {e.id for e in library.exercises.values() if e.category in FIXED_CATEGORIES}
    in_plans = {item.exercise_id for _, _, item in _bundled_items(library)}
    assert moving == in_plans - fixed


def test_the_bird_dog_hold_never_passes_ten_seconds(library: ContentLibrary) -> None:
    ladder = ladder_for(library, "bird-dog", CORE)
    assert max(d.hold_s or 0 for d in ladder.steps) == 10
    assert [(d.hold_s, d.reps) for d in ladder.steps] == [
        (5, 5), (6, 5), (7, 5), (8, 6), (9, 7), (10, 8),
    ]  # fmt: skip


def test_every_exercise_on_its_own_dose_has_a_valid_ladder(library: ContentLibrary) -> None:
    for exercise in library.exercises.values():
        ladder = dosage_ladder(exercise, exercise.dosage)
        for dosage in ladder.steps:
            assert check_dosage(dosage, exercise.category) == [], exercise.id
            assert timed_extras_problems(exercise, dosage) == [], exercise.id
        for easy, hard in itertools.combinations(ladder.steps, 2):
            assert not _less_work(hard, easy), exercise.id


# ----------------------------------------------------------------------- undo


def test_undo_restores_the_state_before_that_run(library: ContentLibrary) -> None:
    sessions = Sessions(library)
    sessions.rate(bird_dog="too_easy", curl_up="too_easy")
    before = sessions.state
    changes = sessions.rate(bird_dog="too_easy", curl_up="about_right", bridge="it_hurt")
    assert {c.exercise_id for c in changes} == {"bird-dog", "bridge"}
    assert can_undo(sessions.state, sessions.run_id)
    undone = undo_last(sessions.state, sessions.run_id)
    assert undone.exercises == before.exercises
    assert undone.undo is None
    assert adjusted_library(library, undone).plans == adjusted_library(library, before).plans
    # Undoing twice is a no-op.
    assert undo_last(undone, sessions.run_id) == undone
    assert not can_undo(undone, sessions.run_id)


def test_only_the_latest_change_set_can_be_undone(library: ContentLibrary) -> None:
    sessions = Sessions(library)
    sessions.rate(bird_dog="it_hurt")
    first = sessions.run_id
    sessions.rate(curl_up="it_hurt")
    assert undo_last(sessions.state, first) == sessions.state
    assert undo_last(sessions.state, "never-ran") == sessions.state


def test_a_session_that_moves_nothing_keeps_the_last_change_set(library: ContentLibrary) -> None:
    sessions = Sessions(library)
    sessions.rate(bird_dog="it_hurt")
    changed = sessions.run_id
    sessions.rate(curl_up="too_easy")
    assert can_undo(sessions.state, changed)
    undone = undo_last(sessions.state, changed)
    assert dosage_step(undone, "bird-dog") == 0
    assert undone.progress("curl-up").recent == ("too_easy",)


# ----------------------------------------------------------------------- json


def test_json_round_trip(library: ContentLibrary) -> None:
    sessions = Sessions(library)
    sessions.rate(bird_dog="too_easy", curl_up="too_hard")
    sessions.rate(bird_dog="too_easy", bridge="it_hurt")
    state = sessions.state
    data = state.to_json()
    assert data["exercises"]["bird-dog"] == {"step": 1, "recent": []}
    assert data["exercises"]["curl-up"] == {"step": 0, "recent": ["too_hard"]}
    assert data["undo"]["run_id"] == sessions.run_id
    assert ProgressionState.from_json(data) == state
    # Plain JSON only, as the store takes it.
    assert ProgressionState.from_json(json.loads(json.dumps(data))) == state


@pytest.mark.parametrize(
    "garbage",
    [None, 3, "text", [], [1, 2], {"exercises": 5}, {"exercises": [1]}, {"undo": "x"},
     {"exercises": {"Bird Dog!": {"step": 1}}}, {"exercises": {"bird-dog": "up"}},
     {"last_run_id": 7}, {"undo": {"run_id": "r", "at": "yesterday", "before": {}}}],
)  # fmt: skip
def test_garbage_json_gives_an_empty_state(garbage: object) -> None:
    assert ProgressionState.from_json(garbage) == ProgressionState()


def test_ill_formed_parts_are_dropped_and_the_rest_kept() -> None:
    stored = {
        "exercises": {
            "bird-dog": {"step": 2, "recent": ["too_easy"]},
            "curl-up": {"step": "two", "recent": ["too_hard"]},  # the step goes
            "bridge": {"step": -1, "recent": ["too_easy", "sideways"]},  # the streak goes
            "pelvic-tilt": {"step": True},  # a bool is not a step
            "clamshell": {"step": 99},  # beyond any ladder
            "": {"step": 1},
            "knee-rolls": [],
        },
        "undo": {
            "run_id": "r-1",
            "at": "2026-03-11T09:00:00",  # no offset: the whole record goes
            "before": {"bird-dog": {"step": 1, "recent": []}},
        },
        "last_run_id": "r-1",
        "unknown": "kept out",
    }
    state = ProgressionState.from_json(stored)
    assert dict(state.exercises) == {
        "bird-dog": ExerciseProgress(2, ("too_easy",)),
        "curl-up": ExerciseProgress(0, ("too_hard",)),
        "bridge": ExerciseProgress(-1, ()),
    }
    assert state.undo is None
    assert state.last_run_id == "r-1"
    good_undo = dict(stored["undo"], at="2026-03-11T09:00:00+01:00")  # type: ignore[arg-type]
    assert ProgressionState.from_json({"undo": good_undo}).undo is not None
    half_undo = dict(good_undo, before={"bird-dog": {"step": 1}, "curl-up": {"step": "x"}})
    assert ProgressionState.from_json({"undo": half_undo}).undo is None


# ------------------------------------------------------------------ properties

_PLANS = [CORE, "gentle-start", "morning-mobility", "desk-reset", "up-and-about", None]
_EXERCISES = ["bird-dog", "bridge", "knee-rolls", "cat-cow", "sit-to-stand", "walk-around",
              "heat-pack", "prone-press-up", "no-such-exercise"]  # fmt: skip
_RATINGS = [*("too_easy", "about_right", "too_hard", "it_hurt"), "meh"]
_session = st.tuples(
    st.sampled_from(_PLANS),
    st.dictionaries(st.sampled_from(_EXERCISES), st.sampled_from(_RATINGS), max_size=4),
    st.booleans(),  # undo this session's changes straight after
)


@pytest.fixture(scope="module")
def bounds(library: ContentLibrary) -> dict[str, tuple[int, int]]:
    """Per exercise, the lowest and highest step of any ladder it has."""
    found = {}
    for exercise_id in _EXERCISES:
        exercise = library.exercises.get(exercise_id)
        if exercise is None:
            continue
        ladders = [ladder_for(library, exercise_id, plan_id) for plan_id in _PLANS]
        ladders.append(dosage_ladder(exercise, exercise.dosage))
        found[exercise_id] = (min(x.lowest for x in ladders), max(x.highest for x in ladders))
    return found


@settings(max_examples=150, deadline=None)
@given(st.lists(_session, max_size=25))
def test_any_ratings_keep_steps_on_their_ladders_and_undo_goes_back(
    library: ContentLibrary, bounds: dict[str, tuple[int, int]], sessions: list
) -> None:
    state = ProgressionState()
    for number, (plan_id, feedback, undo) in enumerate(sessions):
        run_id = f"run-{number}"
        previous = state
        state, changes = apply_feedback(
            state, feedback, library, run_id=run_id, at=AT, plan_id=plan_id
        )
        for exercise_id, progress in state.exercises.items():
            low, high = bounds[exercise_id]
            assert low <= progress.step <= high
            assert len(progress.recent) <= 2
        for change in changes:
            ladder = ladder_for(library, change.exercise_id, plan_id)
            assert ladder.lowest <= change.new_step <= ladder.highest
            assert abs(change.new_step - change.old_step) <= 1
            assert change.new == ladder.at(change.new_step)
            assert change.text.startswith(change.exercise_name)
        assert ProgressionState.from_json(state.to_json()) == state
        if any_moved(changes):
            undone = undo_last(state, run_id)
            assert undone.exercises == previous.exercises
            assert undo_last(undone, run_id) == undone
            if undo:
                state = undone
        elif undo:
            assert undo_last(state, run_id) == state


@pytest.fixture(scope="module")
def bird_dog(library: ContentLibrary) -> Exercise:
    return library.exercises["bird-dog"]


_counted = st.builds(
    Dosage,
    hold_s=st.one_of(st.none(), st.integers(1, 40), st.floats(0.5, 40).map(lambda x: round(x, 1))),
    reps=st.integers(1, 20),
    sets=st.integers(1, 4),
    per_side=st.booleans(),
    rest_s=st.integers(0, 20),
    tempo_s=st.one_of(st.none(), st.integers(1, 8)),
)
_timed = st.builds(
    Dosage, interval_s=st.integers(30, 900), sets=st.integers(1, 3), per_side=st.booleans()
)
_dosage = st.one_of(_counted, _timed).filter(lambda d: check_dosage(d, "core") == [])


@settings(max_examples=300, deadline=None)
@given(base=_dosage, easier=_dosage, harder=_dosage, planned=_dosage)
def test_any_levels_give_a_valid_ordered_ladder(
    bird_dog: Exercise, base: Dosage, easier: Dosage, harder: Dosage, planned: Dosage
) -> None:
    exercise = dataclasses.replace(
        bird_dog,
        dosage=base,
        levels=(Level("regression", "Easier.", easier), Level("progression", "Harder.", harder)),
    )
    ladder = dosage_ladder(exercise, planned)
    assert ladder.at(0) == planned
    assert len(ladder.easier) <= MAX_STEPS and len(ladder.harder) <= MAX_STEPS
    assert len(set(ladder.steps)) == len(ladder.steps)
    for dosage in ladder.steps:
        assert check_dosage(dosage, exercise.category) == []
    for easy, hard in itertools.combinations(ladder.steps, 2):
        assert not _less_work(hard, easy)
    # Never beyond a level on a count the level raises (or lowers, going easier).
    for name in ("reps", "hold_s", "interval_s", "sets"):
        top = [getattr(d, name) for d in ladder.harder if getattr(d, name) is not None]
        limit = getattr(harder, name)
        if top and limit is not None and getattr(planned, name) is not None:
            assert max(top) <= max(limit, getattr(planned, name))


def test_the_level_in_use_leads_the_instructions_only_at_the_ladder_ends() -> None:
    from lbp_desktop import paths
    from lbp_desktop.domain.progression import (
        ExerciseProgress,
        ProgressionState,
        ladder_for,
        level_forms,
    )
    from lbp_desktop.storage.content_files import load_content

    library = load_content(paths.content_dir())
    ladder = ladder_for(library, "bird-dog", "core-builder")
    assert ladder.highest > 1 and ladder.harder_level is not None

    def state(step: int) -> ProgressionState:
        return ProgressionState(exercises={"bird-dog": ExerciseProgress(step=step)})

    assert level_forms(library, state(0), "core-builder") == {}
    assert level_forms(library, state(1), "core-builder") == {}
    top = level_forms(library, state(ladder.highest + 3), "core-builder")["bird-dog"]
    assert top.steps[0] == f"Harder version: {ladder.harder_level.description}"
    assert top.steps[1:] == library.exercises["bird-dog"].steps
    if ladder.lowest < 0:
        bottom = level_forms(library, state(ladder.lowest), "core-builder")["bird-dog"]
        assert bottom.steps[0].startswith("Easier version: ")
    assert level_forms(library, state(1), "no-such-plan") == {}
