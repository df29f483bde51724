"""Break micro-routines: 30 to 90 seconds, desk-friendly, never more than the
exercise's own dosage, and a different one each time."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lbp_desktop.domain.break_routines import (
    BREAK_REPS,
    MAX_MOVES,
    MAX_ROUTINE_S,
    MIN_ROUTINE_S,
    PLAIN_BREAK,
    WALK_S,
    BreakBeat,
    BreakMove,
    BreakRoutine,
    break_routines,
    next_routine,
)
from lbp_desktop.domain.content import ContentLibrary, Dosage, Exercise
from lbp_desktop.domain.player_timeline import REST, SWITCH_SIDE, WORK
from lbp_desktop.domain.records import PostureBreak
from lbp_desktop.paths import content_dir
from lbp_desktop.storage.content_files import load_content
from lbp_desktop.storage.pose_files import load_poses, poses_dir

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def bundled() -> ContentLibrary:
    return load_content(content_dir())


@pytest.fixture(scope="module")
def routines(bundled: ContentLibrary) -> list[BreakRoutine]:
    return break_routines(bundled, load_poses(poses_dir(), bundled.exercises).specs)


def make(
    ident: str, dosage: Dosage, *, position: str = "sitting", category: str = "posture"
) -> Exercise:
    return Exercise(
        id=ident,
        name=ident.replace("-", " ").capitalize(),
        category=category,
        position=position,
        steps=(f"Do {ident}.",),
        cues=(f"{ident} cue.",),
        mistakes=(),
        cautions=("Stop if it hurts more.",),
        dosage=dosage,
        sources=("test",),
    )


def library(*exercises: Exercise) -> ContentLibrary:
    return ContentLibrary({e.id: e for e in sorted(exercises, key=lambda e: e.id)}, {}, [])


def check_routine(routine: BreakRoutine, lib: ContentLibrary) -> None:
    """Everything a routine promises, checked against the content it came from."""
    assert MIN_ROUTINE_S <= routine.total_s <= MAX_ROUTINE_S
    assert 1 <= len(routine.moves) <= MAX_MOVES
    assert routine.total_s == pytest.approx(sum(m.seconds for m in routine.moves))
    PostureBreak(at=NOW, outcome="taken", duration_s=routine.total_s, routine_id=routine.id)
    for move in routine.moves:
        exercise = lib.exercises[move.exercise_id]
        own = exercise.dosage
        assert exercise.position in ("sitting", "standing")
        assert exercise.category not in ("heat", "ice", "breathing", "meditation")
        if own.is_timed:
            assert move.reps is None
            assert move.seconds <= min(own.interval_s or 0, WALK_S)
        else:
            assert move.reps is not None and 1 <= move.reps <= (own.reps or 0)
            assert (move.hold_s, move.tempo_s) == (own.hold_s, own.tempo_s)
        assert sum(b.seconds for b in move.beats) == pytest.approx(move.seconds)
        work = [b for b in move.beats if b.kind == WORK]
        assert len(work) == (1 if own.is_timed else (move.reps or 0) * own.sides)


# ------------------------------------------------------------------ bundled


def test_bundled_routines_fit_a_break_and_stay_within_each_dosage(
    routines: list[BreakRoutine], bundled: ContentLibrary
) -> None:
    assert len(routines) >= 4
    assert len({r.id for r in routines}) == len(routines)
    for routine in routines:
        check_routine(routine, bundled)
        assert all(m.pose is not None for m in routine.moves), routine.id


def test_bundled_routines_use_only_desk_exercises(routines: list[BreakRoutine]) -> None:
    used = {m.exercise_id for r in routines for m in r.moves}
    assert used == {
        "chin-tuck",
        "shoulder-blade-squeeze",
        "sit-to-stand",
        "side-bend",
        "standing-back-extension",
        "walk-around",
    }


def test_a_minute_walk_is_always_offered(routines: list[BreakRoutine]) -> None:
    walk = next(r for r in routines if r.id == "walk-around")
    assert walk.total_s == WALK_S  # its dosage says 120 s: a break walks half of it
    assert walk.title == "Walk around"
    (move,) = walk.moves
    assert move.beats == (BreakBeat(WORK, 0.0, WALK_S),)
    assert move.dose_words() == "1 minute"


def test_a_counted_move_is_timed_as_the_player_times_it(routines: list[BreakRoutine]) -> None:
    moves = {m.exercise_id: m for r in routines for m in r.moves}
    chin = moves["chin-tuck"]  # hold 5 + tempo 2, rest 3: three reps and two rests
    assert chin.reps == BREAK_REPS
    assert chin.seconds == 3 * 7 + 2 * 3
    assert [b.kind for b in chin.beats] == [WORK, REST, WORK, REST, WORK]
    assert [b.rep for b in chin.beats if b.kind == WORK] == [1, 2, 3]
    assert chin.dose_words() == "3 times, hold 5 seconds"
    side = moves["side-bend"]  # per side: 3 x (4 + 2) + 2 rests of 2, then 5 s to switch
    assert side.seconds == 2 * (3 * 6 + 2 * 2) + 5
    switch = next(b for b in side.beats if b.kind == SWITCH_SIDE)
    assert switch.start_s == 22 and switch.seconds == 5 and switch.side == "right"
    assert [b.mirrored for b in side.beats if b.kind == WORK] == [False] * 3 + [True] * 3
    assert side.dose_words() == "3 times each side, hold 2 seconds"
    assert side.beat_at(22.5) is switch
    assert side.beat_at(1000) is side.beats[-1]


def test_a_routine_goes_from_the_chair_to_standing_never_back(
    routines: list[BreakRoutine],
) -> None:
    for routine in routines:
        positions = [m.position for m in routine.moves]
        assert positions == sorted(positions, key=("sitting", "standing").index), routine.id
    chair = next(r for r in routines if r.id == "chin-tuck+shoulder-blade-squeeze+sit-to-stand")
    assert chair.title == "A quick reset in your chair"
    assert chair.move_starts() == (0.0, 27.0, 54.0)


def test_routines_without_poses_are_the_same_without_pictures(
    bundled: ContentLibrary, routines: list[BreakRoutine]
) -> None:
    bare = break_routines(bundled)
    assert [r.id for r in bare] == [r.id for r in routines]
    assert all(m.pose is None for r in bare for m in r.moves)


# ---------------------------------------------------------------- hand-made


def test_an_empty_library_gives_no_routines_and_next_is_none() -> None:
    assert break_routines(ContentLibrary({}, {}, [])) == []
    assert next_routine([], ["anything"]) is None


def test_lying_down_and_relaxation_exercises_are_not_for_a_desk() -> None:
    lib = library(
        make("bridge", Dosage(hold_s=5, reps=5, tempo_s=4), position="lying-on-back"),
        make("breathe", Dosage(interval_s=60), category="breathing"),
        make("kneel", Dosage(hold_s=20, reps=1), position="kneeling", category="stretch"),
    )
    assert break_routines(lib) == []


def test_a_short_move_alone_grows_its_reps_but_never_past_its_dosage() -> None:
    lib = library(make("nod", Dosage(hold_s=5, tempo_s=2, reps=6, rest_s=3)))
    (routine,) = break_routines(lib)
    (move,) = routine.moves
    # 3 reps would be 27 s; 4 reps are 4 x 7 + 3 x 3 = 37 s.
    assert move.reps == 4
    assert routine.total_s == 37
    assert routine.title == "Nod"
    check_routine(routine, lib)


def test_a_move_that_cannot_reach_thirty_seconds_is_left_out() -> None:
    lib = library(make("tiny", Dosage(tempo_s=3, reps=4, rest_s=1)))  # at most 15 s
    assert break_routines(lib) == []


def test_a_move_longer_than_a_break_is_left_out() -> None:
    # One 60 s hold per side is already 125 s with the switch.
    long_hold = make("long-hold", Dosage(hold_s=60, reps=1, per_side=True), category="stretch")
    assert break_routines(library(long_hold)) == []


def test_walks_are_cut_to_a_minute_and_short_ones_join_a_routine() -> None:
    lib = library(
        make("stroll", Dosage(interval_s=300), position="standing"),
        make("amble", Dosage(interval_s=45), position="standing"),
        make("step", Dosage(interval_s=20), position="standing"),
        make("tuck", Dosage(hold_s=5, tempo_s=2, reps=3, rest_s=3)),
    )
    found = {r.id: r for r in break_routines(lib)}
    assert found["stroll"].total_s == WALK_S
    assert found["amble"].total_s == 45
    assert found["tuck+step"].total_s == 27 + 20
    assert found["tuck+step"].title == "Stand up and loosen up"
    for routine in found.values():
        check_routine(routine, lib)


def test_a_routine_never_has_more_than_three_moves() -> None:
    # 3 reps are 8 s each: three moves make 24 s, so reps grow, one move at a time.
    lib = library(*(make(f"m{i}", Dosage(tempo_s=2, reps=5, rest_s=1)) for i in range(6)))
    found = break_routines(lib)
    assert found[0].id == "m0+m1+m2"
    assert [m.reps for m in found[0].moves] == [4, 4, 3]
    assert found[0].total_s == 11 + 11 + 8
    assert all(len(r.moves) <= MAX_MOVES for r in found)
    for routine in found:
        check_routine(routine, lib)


dosages = st.one_of(
    st.builds(
        Dosage,
        hold_s=st.one_of(st.none(), st.integers(1, 40)),
        reps=st.integers(1, 12),
        sets=st.integers(1, 3),
        per_side=st.booleans(),
        rest_s=st.integers(0, 10),
        tempo_s=st.integers(1, 8),
    ),
    st.builds(Dosage, interval_s=st.integers(5, 400)),
)
exercises = st.builds(
    make,
    ident=st.sampled_from(["a", "b", "c", "d", "e", "f", "g"]),
    dosage=dosages,
    position=st.sampled_from(["sitting", "standing", "lying-on-back"]),
    category=st.sampled_from(["posture", "mobility", "stretch", "core"]),
)


@given(st.lists(exercises, max_size=7, unique_by=lambda e: e.id))
def test_any_library_gives_only_valid_routines(items: list[Exercise]) -> None:
    lib = library(*items)
    found = break_routines(lib)
    assert len({r.id for r in found}) == len(found)
    for routine in found:
        check_routine(routine, lib)
    # Every desk exercise that fits a break on its own is somewhere in one.
    for exercise in items:
        alone = break_routines(library(exercise))
        if alone:
            assert any(exercise.id in r.id.split("+") for r in found)


# ---------------------------------------------------------------- validation


def test_a_routine_outside_thirty_to_ninety_seconds_is_refused() -> None:
    def move(seconds: float) -> BreakMove:
        return BreakMove("x", "X", seconds, "Cue.", (BreakBeat(WORK, 0.0, seconds),))

    with pytest.raises(ValueError, match="30 to 90"):
        BreakRoutine("short", "Short", (move(20),), 20)
    with pytest.raises(ValueError, match="30 to 90"):
        BreakRoutine("long", "Long", (move(60), move(40)), 100)
    with pytest.raises(ValueError, match="1 to 3 moves"):
        BreakRoutine("many", "Many", (move(10),) * 4, 40)
    with pytest.raises(ValueError, match="sum"):
        BreakRoutine("odd", "Odd", (move(40),), 45)
    with pytest.raises(ValueError, match="follow each other"):
        BreakMove("x", "X", 10, "Cue.", (BreakBeat(WORK, 1.0, 10),))
    with pytest.raises(ValueError, match="beats last"):
        BreakMove("x", "X", 12, "Cue.", (BreakBeat(WORK, 0.0, 10),))


def test_the_plain_break_is_a_valid_stored_routine() -> None:
    assert PLAIN_BREAK.id == "stand-and-move"
    assert PLAIN_BREAK.total_s == WALK_S
    assert PLAIN_BREAK.moves[0].pose is None
    record = PostureBreak(at=NOW, outcome="taken", duration_s=60, routine_id=PLAIN_BREAK.id)
    assert record.routine_id == "stand-and-move"


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(30, "30 seconds"), (47, "45 seconds"), (60, "1 minute"), (72, "1 min 10 s"),
     (90, "1\u00bd minutes"), (150, "2\u00bd minutes"), (180, "3 minutes")],
)  # fmt: skip
def test_lengths_read_as_plain_words(seconds: float, words: str) -> None:
    move = BreakMove("x", "X", seconds, "Cue.", (BreakBeat(WORK, 0.0, seconds),))
    assert move.dose_words() == words


# ------------------------------------------------------------------ variety


def test_next_routine_never_repeats_the_last_and_goes_round_all(
    routines: list[BreakRoutine],
) -> None:
    done: list[str] = []  # the latest first, as the app keeps them
    for _ in range(len(routines)):
        chosen = next_routine(routines, done)
        assert chosen is not None
        assert not done or chosen.id != done[0]
        done.insert(0, chosen.id)
    assert sorted(done) == sorted(r.id for r in routines)  # each once before any repeat
    again = next_routine(routines, done)
    assert again is not None and again.id == done[-1]  # then the longest ago


def test_next_routine_with_a_short_memory_still_rotates(routines: list[BreakRoutine]) -> None:
    # The app remembers the last three: every routine still comes round.
    done: list[str] = []
    offered = []
    for _ in range(2 * len(routines)):
        chosen = next_routine(routines, done)
        assert chosen is not None
        offered.append(chosen.id)
        done = [chosen.id, *done][:3]
    assert set(offered) == {r.id for r in routines}
    assert all(a != b for a, b in itertools.pairwise(offered))


def test_next_routine_is_deterministic_and_starts_after_the_latest(
    routines: list[BreakRoutine],
) -> None:
    ids = [r.id for r in routines]
    assert next_routine(routines, []) is routines[0]
    chosen = next_routine(routines, [ids[2], ids[0]])
    assert chosen is routines[3]
    assert next_routine(routines, [ids[2], ids[0]]) is chosen
    # Ids no longer in the list (content changed) are simply ignored.
    assert next_routine(routines, ["gone", "also-gone"]) is routines[0]


def test_with_one_routine_it_is_offered_every_time() -> None:
    (only,) = break_routines(library(make("nod", Dosage(hold_s=5, tempo_s=2, reps=6, rest_s=3))))
    assert next_routine([only], [only.id, only.id]) is only
