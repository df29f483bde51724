"""docs/plan-format.md: its example is a valid plan and its tables match the code."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from lbp_desktop.domain.content import DOSAGE_FIELDS, parse_document, plan_duration_s
from lbp_desktop.paths import content_dir
from lbp_desktop.storage.content_files import load_content
from lbp_desktop.storage.plan_import import import_plan

DOC = Path(__file__).resolve().parents[3] / "docs" / "plan-format.md"


def example_block() -> str:
    text = DOC.read_text("utf-8")
    section = text.split("## A complete example", 1)[1]
    match = re.search(r"```toml\n(.*?)```", section, re.DOTALL)
    assert match, "no ```toml block under 'A complete example'"
    return match.group(1)


def test_the_example_is_a_valid_plan_of_bundled_exercises(tmp_path: Path) -> None:
    doc = parse_document(tomllib.loads(example_block()), "example", kind="plan", origin="user")
    assert doc.problems == ()
    [plan] = doc.plans
    library = load_content(content_dir())
    assert all(item.exercise_id in library.exercises for item in plan.items)
    # It is short, as the page advises.
    assert 2 <= len(plan.items) <= 4
    source = tmp_path / "week-1.toml"
    source.write_text(example_block(), "utf-8")
    result = import_plan(source, tmp_path / "data", content_dir())
    assert result.ok, [str(p) for p in result.problems]
    installed = load_content(content_dir(), tmp_path / "data" / "plans")
    assert installed.problems == []
    assert plan_duration_s(installed.plans[plan.id], installed) > 0


def test_every_dosage_field_is_documented() -> None:
    text = DOC.read_text("utf-8")
    for name in (*DOSAGE_FIELDS, "exercise", "id", "name", "summary", "sources", "items"):
        assert f"`{name}`" in text, name


def test_every_bundled_exercise_id_is_listed() -> None:
    text = DOC.read_text("utf-8")
    library = load_content(content_dir())
    missing = [ident for ident in library.exercises if f"`{ident}`" not in text]
    assert missing == []
