"""Reading content files: broken files, encodings, user plans, order."""

from __future__ import annotations

from pathlib import Path

import pytest

from lbp_desktop.storage.content_files import load_content

EXERCISE = """
[[exercise]]
id = "{id}"
name = "Test move"
category = "core"
position = "lying-on-back"
steps = ["Lie down.", "Move gently."]
cues = ["Breathe.", "Go slowly."]
mistakes = ["Rushing."]
cautions = ["Stop if symptoms get worse."]
sources = ["NHS inform: Exercises for back pain"]
dosage = {{ hold_s = 5, reps = 5, tempo_s = 2 }}
"""

PLAN = """
[[plan]]
id = "{id}"
name = "Plan {id}"
summary = "A plan for tests."

[[plan.items]]
exercise = "{exercise}"
reps = 8
"""


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    (root / "exercises").mkdir(parents=True)
    (root / "plans").mkdir()
    (root / "exercises" / "b.toml").write_text(EXERCISE.format(id="bravo"), "utf-8")
    (root / "exercises" / "a.toml").write_text(
        EXERCISE.format(id="charlie") + EXERCISE.format(id="alpha"), "utf-8"
    )
    (root / "plans" / "start.toml").write_text(PLAN.format(id="start", exercise="alpha"), "utf-8")
    return root


@pytest.fixture
def user_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data" / "plans"
    folder.mkdir(parents=True)
    return folder


def test_entries_load_sorted_by_id(bundled: Path) -> None:
    library = load_content(bundled)
    assert library.problems == []
    assert list(library.exercises) == ["alpha", "bravo", "charlie"]
    assert library.plans["start"].origin == "bundled"
    assert library.plans["start"].items[0].overrides == {"reps": 8}


def test_broken_toml_is_one_problem_with_its_line(bundled: Path) -> None:
    (bundled / "exercises" / "broken.toml").write_text(
        '[[exercise]]\nid = "x"\nname = "unterminated\n', "utf-8"
    )
    library = load_content(bundled)
    [problem] = library.problems
    assert (problem.file, problem.entry, problem.field) == ("exercises/broken.toml", "-", "-")
    assert "not valid TOML" in problem.message
    assert "line 3" in problem.message
    assert list(library.exercises) == ["alpha", "bravo", "charlie"]


def test_non_utf8_file_is_one_problem(bundled: Path) -> None:
    text = EXERCISE.format(id="delta").replace("Test move", "Étirement")
    (bundled / "exercises" / "latin1.toml").write_bytes(text.encode("latin-1"))
    library = load_content(bundled)
    [problem] = library.problems
    assert problem.file == "exercises/latin1.toml"
    assert "UTF-8" in problem.message
    assert "0xc9" in problem.message
    assert "delta" not in library.exercises
    assert list(library.exercises) == ["alpha", "bravo", "charlie"]


def test_utf8_with_byte_order_mark_loads(bundled: Path) -> None:
    text = EXERCISE.format(id="delta").replace("Test move", "Étirement")
    (bundled / "exercises" / "bom.toml").write_bytes(text.encode("utf-8-sig"))
    library = load_content(bundled)
    assert library.problems == []
    assert library.exercises["delta"].name == "Étirement"


def test_only_toml_files_directly_in_the_folder_are_read(bundled: Path) -> None:
    (bundled / "exercises" / "notes.txt").write_text("not content", "utf-8")
    (bundled / "exercises" / ".hidden.toml").write_text("garbage = [", "utf-8")
    (bundled / "exercises" / "drafts").mkdir()
    (bundled / "exercises" / "drafts" / "d.toml").write_text("garbage = [", "utf-8")
    library = load_content(bundled)
    assert library.problems == []


def test_missing_bundled_folder_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    library = load_content(tmp_path / "nowhere")
    assert [(p.file, p.message) for p in library.problems] == [
        ("exercises", "folder not found"),
        ("plans", "folder not found"),
    ]
    assert library.exercises == {}


def test_user_plans_load_with_origin_user(bundled: Path, user_dir: Path) -> None:
    (user_dir / "from-physio.toml").write_text(
        PLAN.format(id="physio-week-1", exercise="bravo")
        + PLAN.format(id="physio-week-2", exercise="charlie"),
        "utf-8",
    )
    library = load_content(bundled, user_dir)
    assert library.problems == []
    assert list(library.plans) == ["physio-week-1", "physio-week-2", "start"]
    assert library.plans["physio-week-1"].origin == "user"
    assert library.plans["start"].origin == "bundled"


def test_user_plan_may_not_reuse_a_bundled_plan_id(bundled: Path, user_dir: Path) -> None:
    path = user_dir / "mine.toml"
    path.write_text(
        PLAN.format(id="start", exercise="bravo") + PLAN.format(id="mine", exercise="bravo"),
        "utf-8",
    )
    library = load_content(bundled, user_dir)
    [problem] = library.problems
    assert (problem.file, problem.entry, problem.field) == (str(path), "start", "id")
    assert "bundled" in problem.message
    assert library.plans["start"].origin == "bundled"
    assert library.plans["mine"].origin == "user"


def test_user_plan_files_may_not_hold_exercises(bundled: Path, user_dir: Path) -> None:
    path = user_dir / "sneaky.toml"
    path.write_text(EXERCISE.format(id="mine") + PLAN.format(id="mine", exercise="alpha"), "utf-8")
    library = load_content(bundled, user_dir)
    [problem] = library.problems
    assert (problem.file, problem.entry, problem.field) == (str(path), "-", "exercise")
    assert "user plan files" in problem.message
    assert "mine" not in library.exercises
    assert library.plans["mine"].origin == "user"


def test_user_plan_naming_a_missing_exercise(bundled: Path, user_dir: Path) -> None:
    path = user_dir / "typo.toml"
    path.write_text(PLAN.format(id="typo", exercise="alpah"), "utf-8")
    library = load_content(bundled, user_dir)
    [problem] = library.problems
    assert (problem.file, problem.entry, problem.field) == (str(path), "typo", "items[1].exercise")
    assert "typo" not in library.plans


def test_broken_user_file_does_not_stop_the_others(bundled: Path, user_dir: Path) -> None:
    (user_dir / "a-bad.toml").write_bytes(b"\xff\xfe not text")
    (user_dir / "b-good.toml").write_text(PLAN.format(id="good", exercise="alpha"), "utf-8")
    library = load_content(bundled, user_dir)
    assert [p.file for p in library.problems] == [str(user_dir / "a-bad.toml")]
    assert library.plans["good"].origin == "user"


def test_missing_user_plans_folder_is_fine(bundled: Path, tmp_path: Path) -> None:
    library = load_content(bundled, tmp_path / "no-such-dir")
    assert library.problems == []


def test_loading_twice_gives_the_same_library(bundled: Path, user_dir: Path) -> None:
    (user_dir / "x.toml").write_text(PLAN.format(id="x", exercise="alpha"), "utf-8")
    assert load_content(bundled, user_dir) == load_content(bundled, user_dir)
