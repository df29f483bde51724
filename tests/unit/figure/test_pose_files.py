"""Pose files are validated strictly; bad files become problems, never exceptions."""

from __future__ import annotations

from pathlib import Path

import pytest

from lbp_desktop.domain.figure import SEGMENTS
from lbp_desktop.storage.pose_files import load_poses, read_pose_file

ANGLES = ", ".join(f"{s} = 0" for s in SEGMENTS)
GOOD = f"""
exercise = "demo"
highlight = ["lower_back"]

[[prop]]
kind = "mat"
x = -1.0
width = 2.0

[[keyframe]]
name = "a"
root = [0.0, 0.5]
angles = {{ {ANGLES} }}

[[keyframe]]
name = "b"
root = [0.0, 0.6]
angles = {{ pelvis = 20 }}

[[step]]
to = "b"
move = 0.5
hold = 1

[[step]]
to = "a"
move = 0.5

[[arrow]]
point = "hip"
from = "a"
to = "b"
"""


def _write(tmp_path: Path, text: str, name: str = "demo") -> Path:
    path = tmp_path / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _problems(tmp_path: Path, text: str) -> list[str]:
    spec, problems = read_pose_file(_write(tmp_path, text))
    assert (spec is None) == bool(problems)
    return [f"{p.entry}|{p.field}|{p.message}" for p in problems]


def test_a_good_file_loads(tmp_path: Path) -> None:
    spec, problems = read_pose_file(_write(tmp_path, GOOD))
    assert problems == [] and spec is not None
    assert spec.keyframe("b").pose.angles["pelvis"] == 20
    assert spec.keyframe("b").pose.angles["neck"] == 0  # inherited from "a"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("highlight = [", "colour = 1\nhighlight = ["), "-|colour|is not a known field"),
        (("root = [0.0, 0.5]", "root = [0.0, nan]"), "a|root|must be two finite numbers"),
        (("root = [0.0, 0.6]", 'root = "high"'), "b|root|must be two finite numbers"),
        (("pelvis = 20", "tail = 20"), "b|angles.tail|is not a segment"),
        (("pelvis = 20", "pelvis = inf"), "b|angles.pelvis|must be degrees"),
        (("pelvis = 20", "pelvis = true"), "b|angles.pelvis|must be degrees"),
        (('to = "b"\nmove', 'to = "c"\nmove'), "step #1|to|must name a keyframe"),
        (("hold = 1", "hold = 1\nhold_s = 2"), "step #1|hold_s|give either hold"),
        (("hold = 1", "hold = -1"), "step #1|hold|must be from 0"),
        (('point = "hip"', 'point = "tail"'), "arrow #1|point|must be one of"),
        (('kind = "mat"', 'kind = "sofa"'), "prop #1|kind|must be one of"),
        (("width = 2.0", "width = 2.0\nside = 1"), "prop #1|side|is not a known field"),
        (('highlight = ["lower_back"]', 'highlight = ["elbow"]'), "-|highlight|unknown 'elbow'"),
        (('exercise = "demo"', 'exercise = "other"'), "-|exercise|is 'other' but the file"),
        (('[[step]]\nto = "a"', '[[step]]\nto = "b"'), "step #2|to|the last step must return"),
        (('name = "b"', 'name = "a"'), "a|name|another keyframe already has this name"),
    ],
)
def test_bad_fields_name_entry_and_field(tmp_path: Path, change, expected: str) -> None:
    old, new = change
    assert old in GOOD
    problems = _problems(tmp_path, GOOD.replace(old, new, 1))
    assert any(p.startswith(expected.split("|")[0] + "|" + expected.split("|")[1]) and
               expected.split("|")[2] in p for p in problems), problems  # fmt: skip


def test_first_keyframe_must_be_complete(tmp_path: Path) -> None:
    problems = _problems(
        tmp_path, GOOD.replace(f"angles = {{ {ANGLES} }}", "angles = { neck = 1 }")
    )
    assert any(
        p.startswith("a|angles|the first keyframe must give every segment") for p in problems
    )


def test_unreadable_files_become_problems(tmp_path: Path) -> None:
    folder = tmp_path / "poses"
    folder.mkdir()
    (folder / "demo.toml").write_text(GOOD, encoding="utf-8")
    (folder / "broken.toml").write_text("exercise = ", encoding="utf-8")
    (folder / "latin.toml").write_bytes(b'exercise = "caf\xe9"')
    library = load_poses(folder, ["demo", "broken", "latin", "missing"])
    text = [str(p) for p in library.problems]
    assert list(library.specs) == ["demo"]
    assert any("broken.toml" in t and "not valid TOML" in t for t in text)
    assert any("latin.toml" in t and "not UTF-8" in t for t in text)
    assert any("missing.toml" in t and "has no illustration" in t for t in text)
    orphan = load_poses(folder, ["broken", "latin"])
    assert "demo" not in orphan.specs
    assert any("no exercise 'demo'" in str(p) for p in orphan.problems)


def test_a_missing_folder_is_a_problem(tmp_path: Path) -> None:
    library = load_poses(tmp_path / "nowhere", ["bridge"])
    assert library.specs == {}
    assert len(library.problems) == 2
