"""The bundled library against the issue: every exercise named there, the
plans near their target lengths, and the clinical rules in the text."""

from __future__ import annotations

import pytest

from lbp_desktop.domain.content import (
    MAX_SKIN_CHECK_GAP_S,
    ContentLibrary,
    Dosage,
    Exercise,
    dosage_duration_s,
    plan_duration_s,
    skin_check_gap_s,
)
from lbp_desktop.paths import content_dir
from lbp_desktop.storage.content_files import load_content

# The fixed list of the issue, by group.
GROUPS: dict[str, tuple[str, ...]] = {
    "stretch and mobility": (
        "knee-to-chest-single",
        "knee-to-chest-double",
        "knee-rolls",
        "cat-cow",
        "bottom-to-heels",
        "piriformis-stretch",
        "hamstring-stretch",
        "hip-flexor-stretch",
        "prone-press-up",
        "standing-back-extension",
        "side-bend",
    ),
    "core": (
        "pelvic-tilt",
        "bridge",
        "bird-dog",
        "dead-bug",
        "curl-up",
        "side-plank-bent-knee",
        "clamshell",
        "abdominal-bracing",
    ),
    "posture": ("chin-tuck", "shoulder-blade-squeeze", "sit-to-stand", "walk-around"),
    "heat and ice": ("heat-pack", "ice-pack"),
    "breathing and meditation": (
        "box-breathing",
        "slow-breathing",
        "body-scan",
        "progressive-muscle-relaxation",
    ),
}
GROUP_CATEGORIES = {
    "stretch and mobility": {"stretch", "mobility"},
    "core": {"core"},
    "posture": {"posture"},
    "heat and ice": {"heat", "ice"},
    "breathing and meditation": {"breathing", "meditation"},
}

# Plan id -> target minutes from the issue (None: no target, just short).
PLAN_TARGETS: dict[str, float | None] = {
    "gentle-start": 10,
    "morning-mobility": 8,
    "core-builder": 15,
    "desk-reset": 3,
    "up-and-about": 3,
    "heat-and-relax": None,
    "ice-interval": None,
    "guided-body-scan": 10,
}


@pytest.fixture(scope="module")
def library() -> ContentLibrary:
    return load_content(content_dir())


def all_dosages(exercise: Exercise) -> list[Dosage]:
    return [exercise.dosage, *(level.dosage for level in exercise.levels)]


def test_every_exercise_of_the_issue_is_there_in_its_category(library: ContentLibrary) -> None:
    for group, ids in GROUPS.items():
        for ident in ids:
            assert ident in library.exercises, ident
            assert library.exercises[ident].category in GROUP_CATEGORIES[group], ident
    assert sum(len(ids) for ids in GROUPS.values()) == 29
    # Each of these categories has at least one exercise.
    categories = {exercise.category for exercise in library.exercises.values()}
    assert {"stretch", "mobility", "core", "posture", "heat", "ice", "breathing", "meditation"} <= (
        categories
    )


def test_every_exercise_is_complete(library: ContentLibrary) -> None:
    for exercise in library.exercises.values():
        assert len(exercise.steps) >= 2, exercise.id
        assert exercise.mistakes and exercise.cautions and exercise.sources, exercise.id
        assert all(source.strip() for source in exercise.sources), exercise.id


@pytest.mark.parametrize(("plan_id", "target"), PLAN_TARGETS.items())
def test_plan_length_is_computed_near_its_target(
    library: ContentLibrary, plan_id: str, target: float | None
) -> None:
    plan = library.plans[plan_id]
    minutes = plan_duration_s(plan, library) / 60
    if target is not None:
        # Within 15%, and at least within half a minute for the short ones.
        assert abs(minutes - target) <= max(0.15 * target, 0.5), (plan_id, minutes)
    assert 1 <= len(plan.items) <= 4, plan_id  # short plans keep people going


def test_exact_arithmetic_of_two_plans(library: ContentLibrary) -> None:
    # gentle start: knee rolls 2 x (3 x 2 sides) = 12 x 15 + 11 x 5 = 235;
    # pelvic tilt 10 x 7 + 9 x 5 = 115; knee-to-chest 12 x 8 + 11 x 3 = 129;
    # cat-cow 10 x 10 + 9 x 5 = 145
    assert plan_duration_s(library.plans["gentle-start"], library) == 235 + 115 + 129 + 145
    # desk reset: chin tuck and squeeze 5 x 7 + 4 x 3 = 47 each; back extension
    # 5 x 5 + 4 x 2 = 33; sit to stand 5 x 4 + 4 x 3 = 32
    assert plan_duration_s(library.plans["desk-reset"], library) == 47 + 47 + 33 + 32


def test_the_named_plans_hold_what_their_names_say(library: ContentLibrary) -> None:
    def categories(plan_id: str) -> list[str]:
        plan = library.plans[plan_id]
        return [library.exercises[item.exercise_id].category for item in plan.items]

    assert categories("heat-and-relax") == ["heat", "breathing"]
    assert categories("ice-interval") == ["ice"]
    assert categories("guided-body-scan") == ["meditation"]
    assert set(categories("core-builder")) == {"core"}
    desk = [item.exercise_id for item in library.plans["desk-reset"].items]
    assert "standing-back-extension" in desk
    gentle = library.plans["gentle-start"]
    positions = {library.exercises[item.exercise_id].position for item in gentle.items}
    assert positions <= {"lying-on-back", "hands-and-knees"}


def test_stretches_hold_about_30_seconds_a_side(library: ContentLibrary) -> None:
    for ident in ("piriformis-stretch", "hamstring-stretch", "hip-flexor-stretch"):
        dosage = library.exercises[ident].dosage
        assert dosage.hold_s == 30 and dosage.per_side, ident


def test_bird_dog_never_holds_over_10_seconds(library: ContentLibrary) -> None:
    bird_dog = library.exercises["bird-dog"]
    assert bird_dog.dosage.hold_s is not None and 7 <= bird_dog.dosage.hold_s <= 10
    for dosage in all_dosages(bird_dog):
        assert dosage.hold_s is not None and dosage.hold_s <= 10


def test_starting_doses_follow_the_sources(library: ContentLibrary) -> None:
    ex = library.exercises
    assert ex["prone-press-up"].dosage.reps == 10
    assert 8 <= (ex["bottom-to-heels"].dosage.reps or 0) <= 10
    assert ex["knee-to-chest-single"].dosage.hold_s == 5
    for dosage in all_dosages(ex["knee-to-chest-single"]):
        assert (dosage.reps or 0) <= 5 and dosage.per_side
    for ident in ("curl-up", "side-plank-bent-knee"):
        assert 8 <= (ex[ident].dosage.hold_s or 0) <= 10, ident
    # NHS inform: start with about 5 reps (and never more than the sources' range)
    for exercise in ex.values():
        if exercise.dosage.reps is not None and exercise.category in ("core", "posture"):
            assert exercise.dosage.reps <= 5, exercise.id


def test_prone_press_up_says_when_leg_symptoms_mean_stop(library: ContentLibrary) -> None:
    cautions = " ".join(library.exercises["prone-press-up"].cautions).lower()
    assert "further down your leg" in cautions and "new numbness" in cautions


@pytest.mark.parametrize("ident", ["heat-pack", "ice-pack"])
def test_heat_and_ice_are_safe_and_honest(library: ContentLibrary, ident: str) -> None:
    exercise = library.exercises[ident]
    text = " ".join((*exercise.steps, *exercise.cautions)).lower()
    for words in (
        "towel",
        "no creams",
        "numb",
        "raynaud",
        "diabetes",
        "neuropathy",
        "poor circulation",
        "broken",
        "20 minutes",
    ):
        assert words in text, (ident, words)
    assert "fall asleep" in text
    for dosage in all_dosages(exercise):
        assert dosage.interval_s is not None and dosage.interval_s <= 1200
        assert skin_check_gap_s(exercise.skin_checks_s, dosage.interval_s) <= MAX_SKIN_CHECK_GAP_S
    assert 900 <= (exercise.dosage.interval_s or 0) <= 1200  # 15-20 minutes
    assert exercise.skin_checks_s
    assert exercise.evidence


def test_heat_evidence_is_some_and_cold_evidence_is_little(library: ContentLibrary) -> None:
    heat = library.exercises["heat-pack"]
    ice = library.exercises["ice-pack"]
    assert "ACP 2017" in (heat.evidence or "")
    assert "low or medium" in " ".join(heat.steps)
    assert "little research" in (ice.evidence or "")


def test_breathing_paces(library: ContentLibrary) -> None:
    box = library.exercises["box-breathing"].breath
    assert box is not None
    assert (box.in_s, box.hold_in_s, box.out_s, box.hold_out_s) == (4, 4, 4, 4)
    slow = library.exercises["slow-breathing"]
    assert slow.breath is not None
    assert 5 <= slow.breath.in_s <= 6 and 5 <= slow.breath.out_s <= 6
    assert slow.breath.per_minute == pytest.approx(6, abs=0.6)
    assert 300 <= (slow.dosage.interval_s or 0) <= 600
    assert all(
        300 <= (level.dosage.interval_s or 0) <= 600
        for level in slow.levels
        if level.kind == "progression"
    )


def test_guided_exercises_have_timed_guidance_that_fits(library: ContentLibrary) -> None:
    for exercise in library.exercises.values():
        if exercise.category not in ("breathing", "meditation"):
            continue
        assert exercise.guidance, exercise.id
        assert exercise.bells is not None and exercise.bells.start and exercise.bells.end
        times = [line.at_s for line in exercise.guidance]
        assert times == sorted(times) and len(set(times)) == len(times)
        for dosage in all_dosages(exercise):
            assert dosage.interval_s is not None and times[-1] < dosage.interval_s, exercise.id


def test_body_scan_moves_through_the_body(library: ContentLibrary) -> None:
    scan = library.exercises["body-scan"]
    text = " ".join(line.text for line in scan.guidance).lower()
    order = [text.index(part) for part in ("feet", "knees", "hips", "lower back", "face")]
    assert order == sorted(order)
    assert dosage_duration_s(scan.dosage) == 600


def test_muscle_relaxation_tenses_5_and_releases_10_seconds(library: ContentLibrary) -> None:
    pmr = library.exercises["progressive-muscle-relaxation"]
    lines = pmr.guidance
    tense = [i for i, line in enumerate(lines) if line.text.endswith("Hold.")]
    assert len(tense) >= 6
    for i in tense:
        release = lines[i + 1]
        assert release.text.startswith("And let")
        assert release.at_s - lines[i].at_s == 5  # tense about 5 s
        assert lines[i + 2].at_s - release.at_s >= 10  # release about 10 s
    assert "back" not in " ".join(line.text for line in lines if line.text.endswith("Hold."))


def test_education_cards_say_what_the_guidelines_say(library: ContentLibrary) -> None:
    assert {"acupuncture", "massage", "heat-and-ice"} <= set(library.education)
    acupuncture = " ".join(library.education["acupuncture"].body)
    assert "ACP" in acupuncture and "NICE" in acupuncture
    assert "do not agree" in acupuncture and "does not recommend" in acupuncture
    assert "GP or physiotherapist" in acupuncture
    massage = " ".join(library.education["massage"].body)
    assert "low-quality evidence" in massage and "alongside exercise" in massage
    for card in library.education.values():
        assert card.sources and card.title


def test_no_exercise_or_plan_is_a_session_of_acupuncture_or_massage(
    library: ContentLibrary,
) -> None:
    names = [e.name.lower() for e in library.exercises.values()]
    names += [p.name.lower() for p in library.plans.values()]
    assert not any("acupuncture" in n or "massage" in n for n in names)
