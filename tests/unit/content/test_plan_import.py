"""Installing a plan file someone was given: all or nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lbp_desktop.paths import content_dir
from lbp_desktop.storage import plan_import
from lbp_desktop.storage.content_files import load_content
from lbp_desktop.storage.plan_import import import_plan

PLAN = """# From your physiotherapist, week 1.
[[plan]]
id = "{id}"
name = "{name}"
summary = "Gentle floor work for this week."

[[plan.items]]
exercise = "knee-rolls"

[[plan.items]]
exercise = "pelvic-tilt"
reps = 8
"""


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def plan_file(tmp_path: Path, text: str, name: str = "given.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def installed(data_dir: Path) -> list[str]:
    folder = data_dir / "plans"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_valid_plan_is_installed_with_its_comments(tmp_path: Path, data_dir: Path) -> None:
    source = plan_file(tmp_path, PLAN.format(id="week-1", name="Week 1"))
    result = import_plan(source, data_dir, content_dir())
    assert result.ok and result.problems == ()
    assert result.plan_id == "week-1"
    assert result.installed == data_dir / "plans" / "week-1.toml"
    assert not result.replaced
    assert result.installed.read_text("utf-8") == source.read_text("utf-8")
    assert installed(data_dir) == ["week-1.toml"]
    if os.name == "posix":
        assert result.installed.stat().st_mode & 0o777 == 0o600
    library = load_content(content_dir(), data_dir / "plans")
    assert library.problems == []
    assert library.plans["week-1"].origin == "user"


def test_invalid_plan_writes_nothing(tmp_path: Path, data_dir: Path) -> None:
    text = PLAN.format(id="week-1", name="Week 1").replace("reps = 8", "reps = 80")
    result = import_plan(plan_file(tmp_path, text), data_dir, content_dir())
    assert not result.ok and result.installed is None
    assert [(p.entry, p.field) for p in result.problems] == [("week-1", "items[2].reps")]
    assert result.problems[0].file == str(tmp_path / "given.toml")
    assert not data_dir.exists()


def test_plan_naming_a_missing_exercise_writes_nothing(tmp_path: Path, data_dir: Path) -> None:
    text = PLAN.format(id="week-1", name="Week 1").replace('"knee-rolls"', '"knee-roll"')
    result = import_plan(plan_file(tmp_path, text), data_dir, content_dir())
    assert [(p.entry, p.field) for p in result.problems] == [("week-1", "items[1].exercise")]
    assert installed(data_dir) == []


def test_override_breaking_a_heat_cap_writes_nothing(tmp_path: Path, data_dir: Path) -> None:
    text = PLAN.format(id="warm", name="Warm") + '\n[[plan.items]]\nexercise = "heat-pack"\n'
    text += "interval_s = 1500\n"
    result = import_plan(plan_file(tmp_path, text), data_dir, content_dir())
    assert [(p.entry, p.field) for p in result.problems] == [("warm", "items[3].interval_s")]
    assert installed(data_dir) == []


def test_bundled_plan_id_is_refused(tmp_path: Path, data_dir: Path) -> None:
    text = PLAN.format(id="gentle-start", name="Mine")
    result = import_plan(plan_file(tmp_path, text), data_dir, content_dir())
    [problem] = result.problems
    assert (problem.entry, problem.field) == ("gentle-start", "id")
    assert "bundled" in problem.message
    assert installed(data_dir) == []


def test_clash_with_a_user_plan_needs_replace(tmp_path: Path, data_dir: Path) -> None:
    first = import_plan(
        plan_file(tmp_path, PLAN.format(id="week-1", name="First"), "a.toml"),
        data_dir,
        content_dir(),
    )
    assert first.ok
    second_file = plan_file(tmp_path, PLAN.format(id="week-1", name="Second"), "b.toml")
    refused = import_plan(second_file, data_dir, content_dir())
    [problem] = refused.problems
    assert (problem.entry, problem.field) == ("week-1", "id")
    assert "replace" in problem.message
    assert 'name = "First"' in (data_dir / "plans" / "week-1.toml").read_text("utf-8")

    replaced = import_plan(second_file, data_dir, content_dir(), replace=True)
    assert replaced.ok and replaced.replaced
    assert 'name = "Second"' in (data_dir / "plans" / "week-1.toml").read_text("utf-8")
    assert installed(data_dir) == ["week-1.toml"]


def test_a_user_plan_of_that_id_in_another_file_is_never_replaced(
    tmp_path: Path, data_dir: Path
) -> None:
    (data_dir / "plans").mkdir(parents=True)
    (data_dir / "plans" / "from-physio.toml").write_text(
        PLAN.format(id="week-1", name="Old"), "utf-8"
    )
    source = plan_file(tmp_path, PLAN.format(id="week-1", name="New"))
    result = import_plan(source, data_dir, content_dir(), replace=True)
    [problem] = result.problems
    assert (problem.entry, problem.field) == ("week-1", "id")
    assert "from-physio.toml" in problem.message
    assert installed(data_dir) == ["from-physio.toml"]


def test_non_utf8_file_is_refused(tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(PLAN.format(id="week-1", name="Étirements").encode("latin-1"))
    result = import_plan(path, data_dir, content_dir())
    [problem] = result.problems
    assert (problem.file, problem.entry, problem.field) == (str(path), "-", "-")
    assert "UTF-8" in problem.message
    assert not data_dir.exists()


def test_utf8_with_byte_order_mark_is_installed_without_it(tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(PLAN.format(id="week-1", name="Étirements").encode("utf-8-sig"))
    result = import_plan(path, data_dir, content_dir())
    assert result.ok and result.installed is not None
    assert result.installed.read_bytes().startswith(b"# From")


def test_not_toml_is_refused(tmp_path: Path, data_dir: Path) -> None:
    result = import_plan(plan_file(tmp_path, "[[plan]\nid = 3\n"), data_dir, content_dir())
    [problem] = result.problems
    assert "not valid TOML" in problem.message
    assert not data_dir.exists()


def test_missing_file_is_refused(tmp_path: Path, data_dir: Path) -> None:
    result = import_plan(tmp_path / "nowhere.toml", data_dir, content_dir())
    [problem] = result.problems
    assert "could not be read" in problem.message


def test_exercises_in_a_plan_file_are_refused(tmp_path: Path, data_dir: Path) -> None:
    text = PLAN.format(id="week-1", name="Week 1") + '\n[[exercise]]\nid = "mine"\n'
    result = import_plan(plan_file(tmp_path, text), data_dir, content_dir())
    assert [(p.entry, p.field) for p in result.problems] == [("-", "exercise")]
    assert not data_dir.exists()


def test_two_plans_in_one_file_are_refused(tmp_path: Path, data_dir: Path) -> None:
    text = PLAN.format(id="week-1", name="One") + PLAN.format(id="week-2", name="Two")
    result = import_plan(plan_file(tmp_path, text), data_dir, content_dir())
    assert [(p.entry, p.field) for p in result.problems] == [("-", "plan")]
    assert not data_dir.exists()


def test_a_failed_write_leaves_no_file(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(path: Path, data: bytes, *, durable: bool = True) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(plan_import, "atomic_write_bytes", broken)
    with pytest.raises(OSError):
        import_plan(plan_file(tmp_path, PLAN.format(id="w", name="W")), data_dir, content_dir())
    assert installed(data_dir) == []
