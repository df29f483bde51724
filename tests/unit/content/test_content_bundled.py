"""The content that ships with the app."""

from __future__ import annotations

import pytest

from lbp_desktop.domain.content import ContentLibrary
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
    assert len(library.exercises) >= 26
    assert len(library.plans) >= 7
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


def test_plan_summaries_do_not_type_a_duration(library: ContentLibrary) -> None:
    for plan in library.plans.values():
        assert "minute" not in plan.summary.lower(), plan.id
