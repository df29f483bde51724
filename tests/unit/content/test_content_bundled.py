"""The content that ships with the app."""

from __future__ import annotations

import pytest

from lbp_desktop.domain.content import ContentLibrary, plan_duration_s
from lbp_desktop.paths import content_dir
from lbp_desktop.storage.content_files import load_content

FIRST_SIX = (
    "bridge",
    "cat-cow",
    "chin-tuck",
    "knee-rolls",
    "pelvic-tilt",
    "shoulder-blade-squeeze",
)


@pytest.fixture(scope="module")
def library() -> ContentLibrary:
    return load_content(content_dir())


def test_bundled_content_loads_without_problems(library: ContentLibrary) -> None:
    assert [str(p) for p in library.problems] == []
    assert set(FIRST_SIX) <= set(library.exercises)
    assert {"gentle-start", "desk-reset"} <= set(library.plans)
    assert all(plan.origin == "bundled" for plan in library.plans.values())


def test_every_exercise_says_when_to_stop_and_when_to_seek_advice(library: ContentLibrary) -> None:
    for exercise in library.exercises.values():
        cautions = " ".join(exercise.cautions).lower()
        assert "stop" in cautions and "worse" in cautions and "new pain" in cautions, exercise.id
        assert "2 weeks" in cautions, exercise.id
        assert exercise.sources, exercise.id
        assert 2 <= len(exercise.cues) <= 4, exercise.id


def test_every_exercise_has_an_easier_and_a_harder_level(library: ContentLibrary) -> None:
    for exercise in library.exercises.values():
        assert exercise.level("regression") is not None, exercise.id
        assert exercise.level("progression") is not None, exercise.id


def test_gentle_start_is_floor_work_of_eight_to_ten_minutes(library: ContentLibrary) -> None:
    plan = library.plans["gentle-start"]
    # knee rolls 12 x 15 + 11 x 5 = 235; pelvic tilt 10 x 7 + 9 x 5 = 115;
    # bridge 5 x 9 + 4 x 5 = 65; cat-cow 5 x 10 + 4 x 5 = 70
    assert plan_duration_s(plan, library) == 235 + 115 + 65 + 70
    positions = {library.exercises[item.exercise_id].position for item in plan.items}
    assert positions <= {"lying-on-back", "hands-and-knees"}


def test_desk_reset_takes_about_three_minutes(library: ContentLibrary) -> None:
    plan = library.plans["desk-reset"]
    # each exercise: 2 sets x 5 reps = 10 x (5 hold + 2 tempo) = 70, 9 rests x 3 = 27
    assert plan_duration_s(plan, library) == 2 * (70 + 27)
    assert [item.exercise_id for item in plan.items] == ["chin-tuck", "shoulder-blade-squeeze"]


def test_plan_summaries_do_not_type_a_duration(library: ContentLibrary) -> None:
    for plan in library.plans.values():
        assert "minute" not in plan.summary.lower(), plan.id
