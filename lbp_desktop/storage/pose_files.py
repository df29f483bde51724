"""Reads the illustration of each exercise from ``resources/poses/<id>.toml``.

``load_poses`` never raises for bad files: a file that cannot be read, is
not UTF-8 or not TOML, or does not validate becomes problems naming the
file, the entry (a keyframe's name, ``step #2``) and the field; an exercise
without a pose file is a problem too, and so is a pose file for an exercise
that does not exist. What is valid still loads. See
:mod:`lbp_desktop.domain.figure_poses` for the format.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lbp_desktop.domain.content import WHOLE_FILE, ContentProblem
from lbp_desktop.domain.figure_poses import PoseSpec, parse_pose_document

MAX_FILE_BYTES = 200_000


@dataclass(frozen=True)
class PoseLibrary:
    specs: dict[str, PoseSpec]
    problems: list[ContentProblem]


def poses_dir() -> Path:
    from lbp_desktop.paths import resources_dir

    return resources_dir() / "poses"


def load_poses(folder: Path, exercise_ids: Iterable[str] | None = None) -> PoseLibrary:
    """Every ``*.toml`` in ``folder``; with ``exercise_ids``, also checks that
    each exercise has a file and each file an exercise."""
    problems: list[ContentProblem] = []
    specs: dict[str, PoseSpec] = {}
    if not folder.is_dir():
        problems.append(_problem("poses", "folder not found"))
        paths: list[Path] = []
    else:
        paths = sorted(
            p for p in folder.iterdir() if p.suffix == ".toml" and not p.name.startswith(".")
        )
    for path in paths:
        spec, file_problems = read_pose_file(path)
        problems.extend(file_problems)
        if spec is not None:
            specs[spec.exercise] = spec
    if exercise_ids is not None:
        wanted = set(exercise_ids)
        have = {p.stem for p in paths}
        for ident in sorted(wanted - have):
            problems.append(
                _problem(f"poses/{ident}.toml", f"missing: exercise {ident!r} has no illustration")
            )
        for ident in sorted(have - wanted):
            problems.append(_problem(f"poses/{ident}.toml", f"no exercise {ident!r} to illustrate"))
            specs.pop(ident, None)
    return PoseLibrary(dict(sorted(specs.items())), problems)


def read_pose_file(path: Path) -> tuple[PoseSpec | None, list[ContentProblem]]:
    label = f"poses/{path.name}"
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [_problem(label, f"is too large for a pose file ({size} bytes)")]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [_problem(label, f"could not be read: {exc.strerror or exc}")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [
            _problem(
                label, f"is not UTF-8 text (byte 0x{raw[exc.start]:02x} at position {exc.start})"
            )
        ]
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return None, [_problem(label, f"is not valid TOML: {exc}")]
    return parse_pose_document(doc, label, expected_id=path.stem)


def _problem(file: str, message: str) -> ContentProblem:
    return ContentProblem(file, WHOLE_FILE, WHOLE_FILE, message)
