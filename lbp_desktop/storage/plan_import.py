"""Installs a plan file someone was given (by a physiotherapist, say) into the data dir.

The file must hold exactly one ``[[plan]]`` in the documented format
(docs/plan-format.md). It is checked the same way the app checks plans when
it loads them, against the bundled exercises only:

- every item names a bundled exercise, and its overrides keep the dosage
  within the limits (holds, heat and ice caps, skin checks, guidance);
- the id is not the id of a bundled plan;
- the id is not already taken by one of the user's own plans, unless
  ``replace=True`` and that plan lives in ``<id>.toml`` (the file this
  would overwrite); a plan of that id in some other file is never touched.

Nothing is written unless every check passes. Then the text of the file is
written, as UTF-8 with its comments kept, to ``<data_dir>/plans/<id>.toml``
with one atomic replace: a reader sees the old file or the new one.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from lbp_desktop.domain.content import (
    WHOLE_FILE,
    ContentProblem,
    file_problem,
    parse_document,
    plan_reference_problems,
)
from lbp_desktop.paths import user_plans_dir
from lbp_desktop.storage.atomic import atomic_write_bytes
from lbp_desktop.storage.content_files import MAX_FILE_BYTES, load_content, read_content_file


@dataclass(frozen=True)
class ImportResult:
    """What an import did: where the plan went, or why nothing was written."""

    plan_id: str | None
    installed: Path | None  # None when nothing was written
    replaced: bool = False  # True when an earlier file of the same name was overwritten
    problems: tuple[ContentProblem, ...] = ()

    @property
    def ok(self) -> bool:
        return self.installed is not None


def import_plan(
    file: Path, data_dir: Path, library_dir: Path, *, replace: bool = False
) -> ImportResult:
    """Validate ``file`` and install it as ``<data_dir>/plans/<id>.toml``.

    ``library_dir`` is the bundled content (``paths.content_dir()``). Never
    raises for a bad plan file: its problems come back in the result, each
    naming the file, the entry and the field. An OSError while writing the
    installed file is raised (nothing half-written is left behind).
    """
    label = str(file)
    text, failed = _read_text(file)
    if failed is not None:
        return _refused(None, failed)
    assert text is not None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return _refused(None, file_problem(label, f"is not valid TOML: {exc}"))
    document = parse_document(data, label, kind="plan", origin="user")
    if document.problems:
        return _refused(None, *document.problems)
    if len(document.plans) != 1:
        return _refused(
            None,
            ContentProblem(
                label,
                WHOLE_FILE,
                "plan",
                f"holds {len(document.plans)} plans; a plan file to import holds exactly one",
            ),
        )
    [plan] = document.plans
    target = user_plans_dir(data_dir) / f"{plan.id}.toml"

    bundled = load_content(library_dir)
    problems = plan_reference_problems(plan, bundled.exercises, label)
    if plan.id in bundled.plans:
        problems.append(
            ContentProblem(
                label, plan.id, "id", "a bundled plan already uses this id; give the plan its own"
            )
        )
    problems.extend(_clash_problems(plan.id, label, target, data_dir, replace))
    if problems:
        return _refused(plan.id, *problems)

    existed = target.exists()
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    atomic_write_bytes(target, text.encode("utf-8"))
    return ImportResult(plan.id, target, replaced=existed)


def _read_text(file: Path) -> tuple[str | None, ContentProblem | None]:
    label = str(file)
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, file_problem(label, f"is too large for a plan file ({size} bytes)")
        raw = file.read_bytes()
    except OSError as exc:
        return None, file_problem(label, f"could not be read: {exc.strerror or exc}")
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return None, file_problem(
            label,
            f"is not UTF-8 text (byte 0x{raw[exc.start]:02x} at position {exc.start}); "
            "save it as UTF-8",
        )


def _clash_problems(
    plan_id: str, label: str, target: Path, data_dir: Path, replace: bool
) -> list[ContentProblem]:
    """The plan id against the user's plans already installed."""
    elsewhere = [
        path for path in _user_files_with(plan_id, data_dir) if not _same_file(path, target)
    ]
    if elsewhere:
        return [
            ContentProblem(
                label,
                plan_id,
                "id",
                f"your plan in {elsewhere[0]} already uses this id; "
                "rename or remove it there first",
            )
        ]
    if target.exists() and not replace:
        return [
            ContentProblem(
                label,
                plan_id,
                "id",
                f"a plan file {target} is already installed; import again with replace to "
                "replace it",
            )
        ]
    return []


def _user_files_with(plan_id: str, data_dir: Path) -> list[Path]:
    # Each file on its own: the loaded library keeps only the first plan of an id.
    folder = user_plans_dir(data_dir)
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.glob("*.toml")):
        if path.name.startswith(".") or path.is_dir():
            continue
        document = read_content_file(path, str(path), "plan", "user")
        if any(plan.id == plan_id for plan in document.plans):
            found.append(path)
    return found


def _same_file(a: Path, b: Path) -> bool:
    return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def _refused(plan_id: str | None, *problems: ContentProblem) -> ImportResult:
    return ImportResult(plan_id, None, problems=tuple(problems))
