"""Plan duration: the arithmetic, checked against answers worked out by hand."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lbp_desktop.domain.content import (
    ContentLibrary,
    Dosage,
    Exercise,
    Plan,
    PlanItem,
    check_dosage,
    dosage_duration_s,
    plan_duration_s,
)


def make_exercise(ident: str, dosage: Dosage, category: str = "core") -> Exercise:
    return Exercise(
        id=ident,
        name=ident,
        category=category,
        position="any",
        steps=("Do it.",),
        cues=("Breathe.", "Slowly."),
        mistakes=("Rushing.",),
        cautions=("Stop if it hurts more.",),
        dosage=dosage,
        sources=("NHS inform: Exercises for back pain",),
    )


def library_of(*exercises: Exercise) -> ContentLibrary:
    return ContentLibrary({e.id: e for e in exercises}, {}, [])


@pytest.mark.parametrize(
    ("dosage", "expected"),
    [
        # 3 reps x 2 sides = 6 blocks of (10 hold + 5 tempo) = 90; 5 rests of 5 = 25
        (Dosage(hold_s=10, reps=3, per_side=True, tempo_s=5, rest_s=5), 115),
        # rep-based, no hold: 5 reps x 10 s tempo, no rest
        (Dosage(tempo_s=10, reps=5), 50),
        # 5 reps x 2 sets = 10 blocks of 7 = 70; 9 rests of 5 = 45
        (Dosage(hold_s=5, reps=5, sets=2, tempo_s=2, rest_s=5), 115),
        # one hold per side: 2 x 30 + 1 rest of 10
        (Dosage(hold_s=30, reps=1, per_side=True, rest_s=10), 70),
        # a single rep has no rest after it
        (Dosage(hold_s=8, reps=1, rest_s=60), 8),
        # timed: one 15-minute heat interval
        (Dosage(interval_s=900), 900),
        # timed: 2 x 5 min with 1 min between
        (Dosage(interval_s=300, sets=2, rest_s=60), 660),
        # fractional seconds stay exact: 4 x 2.5 + 3 x 0.5
        (Dosage(tempo_s=2.5, reps=4, rest_s=0.5), 11.5),
    ],
)
def test_dosage_duration_by_hand(dosage: Dosage, expected: float) -> None:
    assert check_dosage(dosage) == []
    assert dosage_duration_s(dosage) == expected


def test_plan_duration_sums_items_with_overrides() -> None:
    tilt = make_exercise("tilt", Dosage(hold_s=5, reps=5, tempo_s=2, rest_s=5))  # 35 + 20 = 55
    heat = make_exercise("heat", Dosage(interval_s=900), "heat")  # 900
    plan = Plan(
        id="p",
        name="P",
        summary="S",
        items=(
            PlanItem("tilt"),  # 55
            PlanItem("tilt", {"reps": 8}),  # 8 x 7 = 56 + 7 x 5 = 35 -> 91
            PlanItem("heat", {"interval_s": 600}),  # 600
            PlanItem("tilt", {"sets": 2, "rest_s": 0}),  # 10 x 7 = 70
        ),
    )
    assert plan_duration_s(plan, library_of(tilt, heat)) == 55 + 91 + 600 + 70


def test_plan_duration_of_an_unknown_exercise_raises() -> None:
    plan = Plan("p", "P", "S", (PlanItem("ghost"),))
    with pytest.raises(KeyError):
        plan_duration_s(plan, library_of())


counted_dosages = st.builds(
    Dosage,
    hold_s=st.none() | st.floats(min_value=0.5, max_value=120),
    reps=st.integers(min_value=1, max_value=49),
    sets=st.integers(min_value=1, max_value=10),
    per_side=st.booleans(),
    rest_s=st.floats(min_value=0, max_value=300),
    tempo_s=st.floats(min_value=0.5, max_value=60),
)
timed_dosages = st.builds(
    Dosage,
    interval_s=st.floats(min_value=1, max_value=3600),
    sets=st.integers(min_value=1, max_value=10),
    rest_s=st.floats(min_value=0, max_value=300),
)


@given(dosages=st.lists(counted_dosages | timed_dosages, min_size=1, max_size=6))
def test_plan_duration_is_never_negative(dosages: list[Dosage]) -> None:
    exercises = [make_exercise(f"e{i}", d) for i, d in enumerate(dosages)]
    plan = Plan("p", "P", "S", tuple(PlanItem(e.id) for e in exercises))
    total = plan_duration_s(plan, library_of(*exercises))
    assert total >= 0
    assert total == pytest.approx(sum(dosage_duration_s(d) for d in dosages))


@given(dosage=counted_dosages, more=st.integers(min_value=1, max_value=10))
def test_more_reps_take_longer(dosage: Dosage, more: int) -> None:
    assert dosage.reps is not None
    exercise = make_exercise("e", dosage)
    library = library_of(exercise)
    fewer = Plan("p", "P", "S", (PlanItem("e"),))
    extra = Plan("p", "P", "S", (PlanItem("e", {"reps": dosage.reps + more}),))
    assert plan_duration_s(extra, library) > plan_duration_s(fewer, library)


@given(dosage=counted_dosages)
def test_a_second_side_at_least_doubles_the_work(dosage: Dosage) -> None:
    one = dataclasses.replace(dosage, per_side=False)
    two = dataclasses.replace(dosage, per_side=True)
    assert dosage_duration_s(two) >= 2 * dosage_duration_s(one)
