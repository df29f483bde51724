"""Every kind of content error gives exactly one problem naming file, entry and
field, and the valid entries beside it still load."""

from __future__ import annotations

import copy
import json
import math
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from lbp_desktop.domain.content import (
    ContentProblem,
    Dosage,
    PlanItem,
    parse_exercise,
    parse_plan,
)
from lbp_desktop.storage.content_files import load_content

EX_FILE = "exercises/test.toml"
PLAN_FILE = "plans/test.toml"


def toml_value(value: Any) -> str:
    """Just enough of a TOML writer for these tests (inline tables only)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and math.isnan(value):
        return "nan"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)  # JSON string escapes are valid TOML basic strings
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(value)


def toml_doc(doc: dict[str, Any]) -> str:
    lines = []
    for key, entries in doc.items():
        lines.append(f"{key} = [")
        lines.extend(f"  {toml_value(entry)}," for entry in entries)
        lines.append("]")
    return "\n".join(lines) + "\n"


def exercise(ident: str, **changes: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": ident,
        "name": "Test move",
        "category": "core",
        "position": "lying-on-back",
        "steps": ["Lie down.", "Move gently."],
        "cues": ["Breathe.", "Go slowly."],
        "mistakes": ["Rushing."],
        "cautions": ["Stop if symptoms get worse."],
        "dosage": {"hold_s": 5, "reps": 5, "tempo_s": 2, "rest_s": 3},
        "sources": ["NHS inform: Exercises for back pain"],
    }
    entry.update(changes)
    return entry


def heat(ident: str, **dosage: Any) -> dict[str, Any]:
    return exercise(
        ident,
        category="heat",
        position="any",
        dosage=dosage or {"interval_s": 900},
        skin_checks_s=[300, 600],
    )


def plan(ident: str, items: list[dict[str, Any]] | None = None, **changes: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": ident,
        "name": "Test plan",
        "summary": "A short test plan.",
        "items": items if items is not None else [{"exercise": "good"}],
    }
    entry.update(changes)
    return entry


def write_content(root: Path, exercises: list[dict[str, Any]], plans: list[dict[str, Any]]) -> Path:
    (root / "exercises").mkdir(parents=True)
    (root / "plans").mkdir()
    (root / "exercises" / "test.toml").write_text(toml_doc({"exercise": exercises}), "utf-8")
    if plans:
        (root / "plans" / "test.toml").write_text(toml_doc({"plan": plans}), "utf-8")
    return root


def mutate(entry: dict[str, Any], change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    entry = copy.deepcopy(entry)
    change(entry)
    return entry


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(entry: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        for part in parents:
            entry = entry.setdefault(part, {})
        entry[last] = value

    return change


def _drop(path: str) -> Callable[[dict[str, Any]], None]:
    def change(entry: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        for part in parents:
            entry = entry[part]
        del entry[last]

    return change


BAD_EXERCISES: list[tuple[str, dict[str, Any], str, str]] = [
    # (case, entry, expected entry name, expected field)
    ("unknown field", mutate(exercise("bad"), _set("colour", "red")), "bad", "colour"),
    ("missing field", mutate(exercise("bad"), _drop("cues")), "bad", "cues"),
    ("missing dosage", mutate(exercise("bad"), _drop("dosage")), "bad", "dosage"),
    ("missing sources", mutate(exercise("bad"), _drop("sources")), "bad", "sources"),
    ("name not text", exercise("bad", name=5), "bad", "name"),
    ("name is a date", exercise("bad", name=date(2024, 1, 2)), "bad", "name"),
    ("blank name", exercise("bad", name="   "), "bad", "name"),
    ("empty mistakes", exercise("bad", mistakes=[]), "bad", "mistakes"),
    ("steps not a list", exercise("bad", steps="Lie down."), "bad", "steps"),
    ("blank step", exercise("bad", steps=["Lie down.", ""]), "bad", "steps[2]"),
    ("step not text", exercise("bad", steps=["Lie down.", 3]), "bad", "steps[2]"),
    ("one cue", exercise("bad", cues=["Breathe."]), "bad", "cues"),
    ("five cues", exercise("bad", cues=["a", "b", "c", "d", "e"]), "bad", "cues"),
    ("unknown category", exercise("bad", category="yoga"), "bad", "category"),
    ("unknown position", exercise("bad", position="upside-down"), "bad", "position"),
    ("id with spaces", exercise("Bad Id"), "exercise #2", "id"),
    ("id not text", exercise(7), "exercise #2", "id"),  # type: ignore[arg-type]
    ("dosage not a table", exercise("bad", dosage=5), "bad", "dosage"),
    ("empty dosage", exercise("bad", dosage={}), "bad", "dosage"),
    (
        "unknown dosage field",
        mutate(exercise("bad"), _set("dosage.duration_s", 60)),
        "bad",
        "dosage.duration_s",
    ),
    ("bool reps", mutate(exercise("bad"), _set("dosage.reps", True)), "bad", "dosage.reps"),
    ("float reps", mutate(exercise("bad"), _set("dosage.reps", 5.5)), "bad", "dosage.reps"),
    ("text hold", mutate(exercise("bad"), _set("dosage.hold_s", "5")), "bad", "dosage.hold_s"),
    ("nan hold", mutate(exercise("bad"), _set("dosage.hold_s", math.nan)), "bad", "dosage.hold_s"),
    ("int per_side", mutate(exercise("bad"), _set("dosage.per_side", 1)), "bad", "dosage.per_side"),
    (
        "hold over 120 s",
        mutate(exercise("bad"), _set("dosage.hold_s", 121)),
        "bad",
        "dosage.hold_s",
    ),
    ("zero hold", mutate(exercise("bad"), _set("dosage.hold_s", 0)), "bad", "dosage.hold_s"),
    ("reps over 50", mutate(exercise("bad"), _set("dosage.reps", 51)), "bad", "dosage.reps"),
    ("zero reps", mutate(exercise("bad"), _set("dosage.reps", 0)), "bad", "dosage.reps"),
    ("sets over 10", mutate(exercise("bad"), _set("dosage.sets", 11)), "bad", "dosage.sets"),
    (
        "rest over 300 s",
        mutate(exercise("bad"), _set("dosage.rest_s", 301)),
        "bad",
        "dosage.rest_s",
    ),
    ("negative rest", mutate(exercise("bad"), _set("dosage.rest_s", -1)), "bad", "dosage.rest_s"),
    (
        "tempo over 60 s",
        mutate(exercise("bad"), _set("dosage.tempo_s", 61)),
        "bad",
        "dosage.tempo_s",
    ),
    (
        "interval over an hour",
        exercise(
            "bad",
            category="meditation",
            dosage={"interval_s": 3601},
            guidance=[{"at_s": 0, "text": "Settle."}],
        ),
        "bad",
        "dosage.interval_s",
    ),
    (
        "interval with reps",
        mutate(exercise("bad"), _set("dosage.interval_s", 60)),
        "bad",
        "dosage.interval_s",
    ),
    (
        "reps without hold or tempo",
        exercise("bad", dosage={"reps": 5}),
        "bad",
        "dosage.reps",
    ),
    ("hold without reps", exercise("bad", dosage={"hold_s": 30}), "bad", "dosage.reps"),
    ("heat over 20 minutes", heat("bad", interval_s=1201), "bad", "dosage.interval_s"),
    (
        "ice over 20 minutes",
        heat("bad", interval_s=1500) | {"category": "ice"},
        "bad",
        "dosage.interval_s",
    ),
    ("heat 2 x 15 minutes", heat("bad", interval_s=900, sets=2), "bad", "dosage.sets"),
    ("heat counted in reps", heat("bad", hold_s=60, reps=3), "bad", "dosage.interval_s"),
    ("levels not a table", exercise("bad", levels=["easier"]), "bad", "levels"),
    ("empty levels", exercise("bad", levels={}), "bad", "levels"),
    (
        "unknown level",
        exercise("bad", levels={"harder": {"description": "x", "dosage": {"interval_s": 5}}}),
        "bad",
        "levels.harder",
    ),
    (
        "level without description",
        exercise("bad", levels={"regression": {"dosage": {"hold_s": 2, "reps": 5}}}),
        "bad",
        "levels.regression.description",
    ),
    (
        "level dosage out of range",
        exercise(
            "bad",
            levels={"progression": {"description": "More.", "dosage": {"hold_s": 5, "reps": 60}}},
        ),
        "bad",
        "levels.progression.dosage.reps",
    ),
    (
        "level of heat over the cap",
        heat("bad")
        | {"levels": {"progression": {"description": "Longer.", "dosage": {"interval_s": 1800}}}},
        "bad",
        "levels.progression.dosage.interval_s",
    ),
]


@pytest.mark.parametrize(
    ("bad", "entry", "field"),
    [case[1:] for case in BAD_EXERCISES],
    ids=[case[0] for case in BAD_EXERCISES],
)
def test_bad_exercise_gives_one_problem_and_the_rest_loads(
    tmp_path: Path, bad: dict[str, Any], entry: str, field: str
) -> None:
    root = write_content(tmp_path, [exercise("good"), bad], [plan("p")])
    library = load_content(root)
    assert [(p.file, p.entry, p.field) for p in library.problems] == [(EX_FILE, entry, field)]
    assert list(library.exercises) == ["good"]
    assert list(library.plans) == ["p"]
    assert library.problems[0].message


BAD_PLANS: list[tuple[str, dict[str, Any], str, str]] = [
    ("unknown field", plan("bad", colour="red"), "bad", "colour"),
    ("typed duration", plan("bad", duration_s=600), "bad", "duration_s"),
    (
        "typed item duration",
        plan("bad", items=[{"exercise": "good", "minutes": 3}]),
        "bad",
        "items[1].minutes",
    ),
    ("origin in a file", plan("bad", origin="bundled"), "bad", "origin"),
    ("missing summary", mutate(plan("bad"), _drop("summary")), "bad", "summary"),
    ("missing items", mutate(plan("bad"), _drop("items")), "bad", "items"),
    ("no items", plan("bad", items=[]), "bad", "items"),
    ("items not a list", plan("bad", items="good"), "bad", "items"),
    ("item not a table", plan("bad", items=["good"]), "bad", "items[1]"),
    ("blank sources", plan("bad", sources=[""]), "bad", "sources[1]"),
    ("item without exercise", plan("bad", items=[{"reps": 5}]), "bad", "items[1].exercise"),
    ("missing exercise", plan("bad", items=[{"exercise": "nope"}]), "bad", "items[1].exercise"),
    (
        "missing exercise in 2nd item",
        plan("bad", items=[{"exercise": "good"}, {"exercise": "nope"}]),
        "bad",
        "items[2].exercise",
    ),
    (
        "override not a dosage field",
        plan("bad", items=[{"exercise": "good", "speed": 2}]),
        "bad",
        "items[1].speed",
    ),
    (
        "override wrong type",
        plan("bad", items=[{"exercise": "good", "reps": "five"}]),
        "bad",
        "items[1].reps",
    ),
    (
        "override bool reps",
        plan("bad", items=[{"exercise": "good", "reps": True}]),
        "bad",
        "items[1].reps",
    ),
    (
        "override out of range",
        plan("bad", items=[{"exercise": "good", "sets": 12}]),
        "bad",
        "items[1].sets",
    ),
    (
        "override makes counted work timed",
        plan("bad", items=[{"exercise": "good", "interval_s": 60}]),
        "bad",
        "items[1].interval_s",
    ),
    (
        "override pushes heat over 20 minutes",
        plan("bad", items=[{"exercise": "warm", "interval_s": 1500}]),
        "bad",
        "items[1].interval_s",
    ),
    (
        "override repeats heat past 20 minutes",
        plan("bad", items=[{"exercise": "warm", "sets": 2}]),
        "bad",
        "items[1].sets",
    ),
    ("bad plan id", plan("Bad Plan"), "plan #2", "id"),
]


@pytest.mark.parametrize(
    ("bad", "entry", "field"),
    [case[1:] for case in BAD_PLANS],
    ids=[case[0] for case in BAD_PLANS],
)
def test_bad_plan_gives_one_problem_and_the_rest_loads(
    tmp_path: Path, bad: dict[str, Any], entry: str, field: str
) -> None:
    root = write_content(tmp_path, [exercise("good"), heat("warm")], [plan("p"), bad])
    library = load_content(root)
    assert [(p.file, p.entry, p.field) for p in library.problems] == [(PLAN_FILE, entry, field)]
    assert list(library.exercises) == ["good", "warm"]
    assert list(library.plans) == ["p"]


def test_several_errors_in_one_entry_are_all_reported() -> None:
    bad = exercise("bad", name="", cues=[], colour="red")
    obj, problems = parse_exercise(bad, EX_FILE)
    assert obj is None
    assert sorted(p.field for p in problems) == ["colour", "cues", "name"]


def test_duplicate_exercise_id_keeps_the_first(tmp_path: Path) -> None:
    root = write_content(tmp_path, [exercise("good"), exercise("good", name="Second")], [])
    library = load_content(root)
    assert [(p.file, p.entry, p.field) for p in library.problems] == [(EX_FILE, "good", "id")]
    assert library.exercises["good"].name == "Test move"
    assert "already uses" in library.problems[0].message


def test_duplicate_exercise_id_across_files_names_both(tmp_path: Path) -> None:
    root = write_content(tmp_path, [exercise("good")], [])
    (root / "exercises" / "zz-more.toml").write_text(
        toml_doc({"exercise": [exercise("good"), exercise("other")]}), "utf-8"
    )
    library = load_content(root)
    [problem] = library.problems
    assert (problem.file, problem.entry, problem.field) == ("exercises/zz-more.toml", "good", "id")
    assert EX_FILE in problem.message
    assert list(library.exercises) == ["good", "other"]


def test_duplicate_plan_id(tmp_path: Path) -> None:
    root = write_content(tmp_path, [exercise("good")], [plan("p"), plan("p", name="Again")])
    library = load_content(root)
    assert [(p.file, p.entry, p.field) for p in library.problems] == [(PLAN_FILE, "p", "id")]
    assert library.plans["p"].name == "Test plan"


def test_plan_naming_a_broken_exercise_is_dropped_too(tmp_path: Path) -> None:
    root = write_content(
        tmp_path,
        [exercise("good"), exercise("bad", name="")],
        [plan("p", items=[{"exercise": "bad"}])],
    )
    library = load_content(root)
    assert [(p.entry, p.field) for p in library.problems] == [
        ("bad", "name"),
        ("p", "items[1].exercise"),
    ]
    assert library.plans == {}


def test_exercises_file_may_not_hold_plans(tmp_path: Path) -> None:
    root = write_content(tmp_path, [exercise("good")], [])
    (root / "exercises" / "mixed.toml").write_text(
        toml_doc({"exercise": [exercise("other")], "plan": [plan("p")]}), "utf-8"
    )
    library = load_content(root)
    assert [(p.file, p.entry, p.field) for p in library.problems] == [
        ("exercises/mixed.toml", "-", "plan")
    ]
    assert list(library.exercises) == ["good", "other"]


def test_single_table_instead_of_array(tmp_path: Path) -> None:
    root = write_content(tmp_path, [exercise("good")], [])
    (root / "plans" / "single.toml").write_text('[plan]\nid = "p"\n', "utf-8")
    library = load_content(root)
    [problem] = library.problems
    assert (problem.file, problem.entry, problem.field) == ("plans/single.toml", "-", "plan")
    assert "[[plan]]" in problem.message


def test_empty_file_is_a_problem(tmp_path: Path) -> None:
    root = write_content(tmp_path, [exercise("good")], [])
    (root / "plans" / "empty.toml").write_text("# nothing yet\n", "utf-8")
    library = load_content(root)
    assert [(p.file, p.field) for p in library.problems] == [("plans/empty.toml", "plan")]


def test_unknown_field_suggests_the_close_name() -> None:
    _, [problem] = parse_exercise(exercise("x", cuse=["a", "b"]) | {"cues": ["a", "b"]}, EX_FILE)
    assert problem.field == "cuse"
    assert "'cues'" in problem.message


def test_parse_plan_builds_items_with_overrides() -> None:
    obj, problems = parse_plan(
        plan("p", items=[{"exercise": "good", "reps": 8}], sources=["CSP"]),
        PLAN_FILE,
        origin="user",
    )
    assert problems == []
    assert obj is not None
    assert obj.origin == "user"
    assert obj.sources == ("CSP",)
    assert obj.items == (PlanItem("good", {"reps": 8}),)


def test_parse_exercise_builds_the_dataclass() -> None:
    entry = exercise(
        "x",
        name="  Padded name  ",
        levels={"progression": {"description": "More.", "dosage": {"hold_s": 5, "reps": 10}}},
    )
    obj, problems = parse_exercise(entry, EX_FILE)
    assert problems == []
    assert obj is not None
    assert obj.name == "Padded name"
    assert obj.dosage == Dosage(hold_s=5, reps=5, tempo_s=2, rest_s=3)
    assert obj.level("regression") is None
    progression = obj.level("progression")
    assert progression is not None
    assert progression.dosage == Dosage(hold_s=5, reps=10)


def test_problem_str_names_file_entry_and_field() -> None:
    problem = ContentProblem(
        "plans/a.toml", "desk", "items[2].reps", "must be from 1 to 50, got 80"
    )
    assert str(problem) == "plans/a.toml: desk: items[2].reps: must be from 1 to 50, got 80"


def test_plan_item_overrides_are_read_only_and_hashable() -> None:
    item = PlanItem("good", {"reps": 8})
    with pytest.raises(TypeError):
        item.overrides["reps"] = 9  # type: ignore[index]
    assert hash(item) == hash(PlanItem("good", {"reps": 8}))


# ------------------------------------------------- timed extras and education cards


def ice(ident: str, **changes: Any) -> dict[str, Any]:
    entry = heat(ident) | {"category": "ice"}
    entry.update(changes)
    return entry


def breathing(ident: str, **changes: Any) -> dict[str, Any]:
    entry = exercise(
        ident,
        category="breathing",
        position="sitting",
        dosage={"interval_s": 300},
        breath={"in_s": 4, "hold_in_s": 4, "out_s": 4, "hold_out_s": 4},
        guidance=[{"at_s": 0, "text": "Settle."}, {"at_s": 30, "text": "Keep going."}],
        bells={"start": True, "interval_s": 60, "end": True},
    )
    entry.update(changes)
    return entry


def meditation(ident: str, **changes: Any) -> dict[str, Any]:
    entry = exercise(
        ident,
        category="meditation",
        position="lying-on-back",
        dosage={"interval_s": 600},
        guidance=[{"at_s": 0, "text": "Settle."}, {"at_s": 500, "text": "Rest."}],
    )
    entry.update(changes)
    return entry


BAD_TIMED: list[tuple[str, dict[str, Any], str]] = [
    # (case, entry named "bad", expected field)
    ("heat without skin checks", mutate(heat("bad"), _drop("skin_checks_s")), "skin_checks_s"),
    ("ice without skin checks", mutate(ice("bad"), _drop("skin_checks_s")), "skin_checks_s"),
    ("skin checks not a list", heat("bad") | {"skin_checks_s": 300}, "skin_checks_s"),
    ("empty skin checks", heat("bad") | {"skin_checks_s": []}, "skin_checks_s"),
    ("skin check as text", heat("bad") | {"skin_checks_s": [300, "600"]}, "skin_checks_s[2]"),
    ("skin check after the end", heat("bad") | {"skin_checks_s": [300, 950]}, "skin_checks_s[2]"),
    ("skin check at the end", heat("bad") | {"skin_checks_s": [300, 900]}, "skin_checks_s[2]"),
    ("skin check at the start", heat("bad") | {"skin_checks_s": [0, 300]}, "skin_checks_s[1]"),
    ("skin checks out of order", heat("bad") | {"skin_checks_s": [600, 300]}, "skin_checks_s[2]"),
    (
        "ten minutes unchecked",
        heat("bad", interval_s=1200) | {"skin_checks_s": [100]},
        "skin_checks_s",
    ),
    ("skin checks on a stretch", exercise("bad", skin_checks_s=[30]), "skin_checks_s"),
    (
        "level leaves skin unchecked",
        heat("bad")
        | {"levels": {"progression": {"description": "Longer.", "dosage": {"interval_s": 1200}}}}
        | {"skin_checks_s": [300]},
        "levels.progression.dosage.interval_s",
    ),
    ("breathing without breath", mutate(breathing("bad"), _drop("breath")), "breath"),
    ("breathing without guidance", mutate(breathing("bad"), _drop("guidance")), "guidance"),
    ("meditation without guidance", mutate(meditation("bad"), _drop("guidance")), "guidance"),
    ("breathing counted", breathing("bad", dosage={"reps": 5, "tempo_s": 16}), "dosage.interval_s"),
    ("breath not a table", breathing("bad", breath=4), "breath"),
    ("breath without out", breathing("bad", breath={"in_s": 4}), "breath.out_s"),
    (
        "breath unknown phase",
        breathing("bad", breath={"in_s": 4, "out_s": 4, "pause_s": 2}),
        "breath.pause_s",
    ),
    ("breath zero in", breathing("bad", breath={"in_s": 0, "out_s": 4}), "breath.in_s"),
    (
        "breath hold too long",
        breathing("bad", breath={"in_s": 4, "out_s": 4, "hold_in_s": 13}),
        "breath.hold_in_s",
    ),
    (
        "breath negative hold",
        breathing("bad", breath={"in_s": 4, "out_s": 4, "hold_out_s": -1}),
        "breath.hold_out_s",
    ),
    ("breath on a meditation", meditation("bad", breath={"in_s": 4, "out_s": 4}), "breath"),
    ("guidance not a list", breathing("bad", guidance="Breathe."), "guidance"),
    ("guidance line not a table", breathing("bad", guidance=["Breathe."]), "guidance[1]"),
    ("guidance line without text", breathing("bad", guidance=[{"at_s": 0}]), "guidance[1].text"),
    (
        "guidance line without time",
        breathing("bad", guidance=[{"text": "Breathe."}]),
        "guidance[1].at_s",
    ),
    (
        "guidance unknown field",
        breathing("bad", guidance=[{"at_s": 0, "text": "Breathe.", "voice": "calm"}]),
        "guidance[1].voice",
    ),
    (
        "guidance after the end",
        breathing("bad", guidance=[{"at_s": 0, "text": "A."}, {"at_s": 301, "text": "B."}]),
        "guidance[2].at_s",
    ),
    (
        "guidance at the end",
        breathing("bad", guidance=[{"at_s": 0, "text": "A."}, {"at_s": 300, "text": "B."}]),
        "guidance[2].at_s",
    ),
    (
        "guidance out of order",
        breathing("bad", guidance=[{"at_s": 60, "text": "A."}, {"at_s": 30, "text": "B."}]),
        "guidance[2].at_s",
    ),
    (
        "guidance negative time",
        breathing("bad", guidance=[{"at_s": -1, "text": "A."}]),
        "guidance[1].at_s",
    ),
    (
        "guidance on a counted exercise",
        exercise("bad", guidance=[{"at_s": 0, "text": "A."}]),
        "guidance",
    ),
    (
        "level shorter than the guidance",
        meditation("bad")
        | {"levels": {"regression": {"description": "Less.", "dosage": {"interval_s": 300}}}},
        "levels.regression.dosage.interval_s",
    ),
    ("bells on a stretch", exercise("bad", bells={"start": True}), "bells"),
    ("bells not a table", breathing("bad", bells=True), "bells"),
    ("bell start not a bool", breathing("bad", bells={"start": "yes"}), "bells.start"),
    ("unknown bell", breathing("bad", bells={"middle": True}), "bells.middle"),
    ("bell interval too often", breathing("bad", bells={"interval_s": 10}), "bells.interval_s"),
    ("bell interval past the end", breathing("bad", bells={"interval_s": 300}), "bells.interval_s"),
    ("evidence not text", heat("bad") | {"evidence": ["ACP"]}, "evidence"),
]


@pytest.mark.parametrize(
    ("bad", "field"),
    [case[1:] for case in BAD_TIMED],
    ids=[case[0] for case in BAD_TIMED],
)
def test_bad_timed_extra_gives_one_problem_naming_file_entry_and_field(
    tmp_path: Path, bad: dict[str, Any], field: str
) -> None:
    root = write_content(tmp_path, [exercise("good"), bad], [plan("p")])
    library = load_content(root)
    assert [(p.file, p.entry, p.field) for p in library.problems] == [(EX_FILE, "bad", field)]
    assert library.problems[0].message
    assert list(library.exercises) == ["good"]


def test_valid_timed_extras_load_into_the_model() -> None:
    obj, problems = parse_exercise(breathing("calm"), EX_FILE)
    assert problems == []
    assert obj is not None
    assert obj.breath is not None and obj.breath.cycle_s == 16
    assert obj.breath.per_minute == 3.75
    assert [line.at_s for line in obj.guidance] == [0, 30]
    assert obj.bells is not None and obj.bells.interval_s == 60
    assert obj.guidance_within(20) == obj.guidance[:1]
    warm, problems = parse_exercise(heat("warm"), EX_FILE)
    assert problems == [] and warm is not None
    assert warm.skin_checks_s == (300, 600)
    assert warm.skin_checks_within(500) == (300,)
    quiet, _ = parse_exercise(breathing("quiet", bells={}), EX_FILE)
    assert quiet is not None and quiet.bells is not None
    assert (quiet.bells.start, quiet.bells.end, quiet.bells.interval_s) == (True, True, None)


BAD_TIMED_PLANS: list[tuple[str, dict[str, Any], str]] = [
    (
        "override leaves the skin unchecked",
        plan("bad", items=[{"exercise": "warm", "interval_s": 1200}]),
        "items[1].interval_s",
    ),
    (
        "override cuts the guidance",
        plan("bad", items=[{"exercise": "scan", "interval_s": 400}]),
        "items[1].interval_s",
    ),
    (
        "override makes breathing counted",
        plan("bad", items=[{"exercise": "calm", "reps": 5}]),
        "items[1].interval_s",
    ),
]


@pytest.mark.parametrize(
    ("bad", "field"),
    [case[1:] for case in BAD_TIMED_PLANS],
    ids=[case[0] for case in BAD_TIMED_PLANS],
)
def test_plan_override_must_fit_the_timed_extras(
    tmp_path: Path, bad: dict[str, Any], field: str
) -> None:
    warm = heat("warm") | {"skin_checks_s": [300]}
    root = write_content(
        tmp_path, [exercise("good"), warm, breathing("calm"), meditation("scan")], [plan("p"), bad]
    )
    library = load_content(root)
    assert [(p.file, p.entry, p.field) for p in library.problems] == [(PLAN_FILE, "bad", field)]
    assert list(library.plans) == ["p"]


def test_plan_may_shorten_a_timed_exercise_that_still_fits(tmp_path: Path) -> None:
    root = write_content(
        tmp_path,
        [exercise("good"), heat("warm"), meditation("scan")],
        [
            plan(
                "short",
                items=[
                    {"exercise": "warm", "interval_s": 600},
                    {"exercise": "scan", "interval_s": 540},
                ],
            )
        ],
    )
    library = load_content(root)
    assert library.problems == []
    assert "short" in library.plans


CARD = {
    "id": "tens",
    "title": "TENS machines",
    "body": ["What it is.", "What the guidelines say."],
    "sources": ["NICE NG59"],
}


def write_cards(root: Path, cards: list[dict[str, Any]]) -> None:
    (root / "education").mkdir()
    (root / "education" / "cards.toml").write_text(toml_doc({"card": cards}), "utf-8")


BAD_CARDS: list[tuple[str, dict[str, Any], str, str]] = [
    ("unknown field", CARD | {"id": "bad", "colour": "red"}, "bad", "colour"),
    ("missing body", {k: v for k, v in CARD.items() if k != "body"} | {"id": "bad"}, "bad", "body"),
    (
        "missing sources",
        {k: v for k, v in CARD.items() if k != "sources"} | {"id": "bad"},
        "bad",
        "sources",
    ),
    ("body not a list", CARD | {"id": "bad", "body": "Text."}, "bad", "body"),
    ("blank paragraph", CARD | {"id": "bad", "body": ["One.", " "]}, "bad", "body[2]"),
    ("paragraph too long", CARD | {"id": "bad", "body": ["x" * 801]}, "bad", "body[1]"),
    ("title not text", CARD | {"id": "bad", "title": 3}, "bad", "title"),
    ("bad id", CARD | {"id": "Bad Card"}, "card #2", "id"),
]


@pytest.mark.parametrize(
    ("bad", "entry", "field"),
    [case[1:] for case in BAD_CARDS],
    ids=[case[0] for case in BAD_CARDS],
)
def test_bad_education_card_gives_one_problem(
    tmp_path: Path, bad: dict[str, Any], entry: str, field: str
) -> None:
    root = write_content(tmp_path, [exercise("good")], [])
    write_cards(root, [CARD, bad])
    library = load_content(root)
    assert [(p.file, p.entry, p.field) for p in library.problems] == [
        ("education/cards.toml", entry, field)
    ]
    assert list(library.education) == ["tens"]


def test_education_cards_load_and_duplicates_are_problems(tmp_path: Path) -> None:
    root = write_content(tmp_path, [exercise("good")], [])
    write_cards(root, [CARD, CARD | {"title": "Again"}])
    library = load_content(root)
    assert [(p.entry, p.field) for p in library.problems] == [("tens", "id")]
    card = library.education["tens"]
    assert card.title == "TENS machines"
    assert card.body == ("What it is.", "What the guidelines say.")


def test_education_folder_is_optional(tmp_path: Path) -> None:
    root = write_content(tmp_path, [exercise("good")], [])
    library = load_content(root)
    assert library.problems == []
    assert library.education == {}


def test_education_file_may_hold_only_cards(tmp_path: Path) -> None:
    root = write_content(tmp_path, [exercise("good")], [])
    (root / "education").mkdir()
    (root / "education" / "mixed.toml").write_text(
        toml_doc({"card": [CARD], "plan": [plan("p")]}), "utf-8"
    )
    library = load_content(root)
    assert [(p.file, p.entry, p.field) for p in library.problems] == [
        ("education/mixed.toml", "-", "plan")
    ]
    assert list(library.education) == ["tens"]
