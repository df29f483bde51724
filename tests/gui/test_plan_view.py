"""Plans in words: dosage phrases and the conversion from the content model."""

from __future__ import annotations

import pytest

from lbp_desktop.domain.content import ContentLibrary, Dosage, Exercise, Plan, PlanItem
from lbp_desktop.views.plan_view import (
    describe_dosage,
    dosage_words,
    minutes_words,
    plan_views,
    seconds_words,
)


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"reps": 5, "hold_s": 5}, "5 reps, hold 5 s"),
        ({"reps": 1}, "1 rep"),
        ({"reps": 8, "sets": 2, "per_side": True}, "2 sets of 8 reps, each side"),
        ({"reps": 10, "sets": 2, "rest_s": 30}, "2 sets of 10 reps, rest 30 s between sets"),
        ({"reps": 6, "rest_s": 5}, "6 reps, rest 5 s in between"),
        ({"duration_s": 180}, "for 3 min"),
        ({"duration_s": 90, "per_side": True}, "for 1 min 30 s, each side"),
        ({}, ""),
    ],
)
def test_describe_dosage(kwargs: dict, words: str) -> None:
    assert describe_dosage(**kwargs) == words


def test_seconds_and_minutes_words() -> None:
    assert seconds_words(4.6) == "5 s"
    assert seconds_words(120) == "2 min"
    assert minutes_words(0.5) == "under a minute"
    assert minutes_words(1.2) == "about 1 minute"
    assert minutes_words(11.7) == "about 12 minutes"


def _exercise(ex_id: str, name: str, dosage: Dosage, sources: tuple[str, ...] = ()) -> Exercise:
    return Exercise(
        id=ex_id,
        name=name,
        category="stretch",
        position="lying-on-back",
        steps=("Lie on your back.",),
        cues=(),
        mistakes=(),
        cautions=(),
        dosage=dosage,
        sources=sources,
    )


def test_plan_views_from_a_library() -> None:
    knee = _exercise("knee", "Knee to chest", Dosage(reps=5, hold_s=5, per_side=True), ("A",))
    breath = _exercise("breath", "Breathing", Dosage(interval_s=120), ("A", "B"))
    library = ContentLibrary(
        exercises={"knee": knee, "breath": breath},
        plans={
            "zeta": Plan(
                id="zeta",
                name="Zeta",
                summary="Bundled one.",
                items=(PlanItem("knee", {"reps": 3}), PlanItem("breath")),
                sources=("Plan source",),
            ),
            "mine": Plan(
                id="mine", name="Mine", summary="", items=(PlanItem("breath"),), origin="user"
            ),
        },
        problems=[],
    )
    views = plan_views(library)
    assert [v.id for v in views] == ["mine", "zeta"]  # the user's own first
    zeta = views[1]
    assert zeta.items == (
        ("Knee to chest", "3 reps, hold 5 s, each side"),
        ("Breathing", "for 2 min"),
    )
    assert zeta.sources == ("Plan source", "A", "B")
    # 3 reps x 2 sides x 5 s = 30 s, plus 120 s of breathing
    assert zeta.minutes == pytest.approx(2.5)
    assert dosage_words(breath.dosage) == "for 2 min"
