"""Reads exercise and plan files (TOML) into a :class:`ContentLibrary`.

Layout::

    <bundled_dir>/exercises/*.toml   only [[exercise]] entries
    <bundled_dir>/plans/*.toml       only [[plan]] entries
    <bundled_dir>/education/*.toml   only [[card]] entries (optional folder)
    <user_plans_dir>/*.toml          only [[plan]] entries (origin "user")

A file may hold any number of entries, always as an array of tables
(``[[exercise]]``, ``[[plan]]`` with ``[[plan.items]]``), so one entry and
twenty look the same. The bundled content keeps one exercise per file, so
adding an exercise is adding a file. Only ``*.toml`` directly in each folder
is read (no subfolders, no hidden files), in name order, so the result is the
same on every machine. Files must be UTF-8 (a leading byte-order mark, as
some Windows editors write, is accepted).

Problems name the file relative to ``bundled_dir`` for bundled content
(``exercises/bridge.toml``) and by its full path for user plans, so the
user can find the file a physiotherapist sent.

``load_content`` never raises for bad content: an unreadable, non-UTF-8 or
non-TOML file becomes one problem naming the file (tomllib's message gives
the line and column), bad entries become problems, and the rest loads.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from lbp_desktop.domain.content import (
    ContentDocument,
    ContentLibrary,
    assemble_library,
    file_problem,
    parse_document,
)

# Content files are small; a huge file is a mistake, not content to parse.
MAX_FILE_BYTES = 1_000_000

_BUNDLED_FOLDERS = (("exercises", "exercise"), ("plans", "plan"))
# Education cards are text to read, not sessions; without them the app still works.
_OPTIONAL_FOLDERS = (("education", "card"),)


def load_content(bundled_dir: Path, user_plans_dir: Path | None = None) -> ContentLibrary:
    documents = read_bundled(bundled_dir)
    if user_plans_dir is not None and user_plans_dir.exists():
        documents.extend(_read_folder(user_plans_dir, "plan", "user", None))
    return assemble_library(documents)


def read_bundled(bundled_dir: Path) -> list[ContentDocument]:
    """The parsed files of the bundled content, in load order."""
    documents: list[ContentDocument] = []
    for folder, kind in _BUNDLED_FOLDERS:
        documents.extend(_read_folder(bundled_dir / folder, kind, "bundled", bundled_dir))
    for folder, kind in _OPTIONAL_FOLDERS:
        if (bundled_dir / folder).is_dir():
            documents.extend(_read_folder(bundled_dir / folder, kind, "bundled", bundled_dir))
    return documents


def read_content_file(path: Path, label: str, kind: str, origin: str) -> ContentDocument:
    """One file, parsed; a file that cannot be read or parsed is one problem."""
    return _read_file(path, label, kind, origin)


def _read_folder(
    folder: Path, kind: str, origin: str, relative_to: Path | None
) -> list[ContentDocument]:
    label = _label(folder, relative_to)
    if not folder.is_dir():
        # Bundled content missing means a broken install; say so, but start.
        return [ContentDocument(label, problems=(file_problem(label, "folder not found"),))]
    try:
        paths = sorted(
            p for p in folder.iterdir() if p.suffix == ".toml" and not p.name.startswith(".")
        )
    except OSError as exc:
        return [ContentDocument(label, problems=(file_problem(label, _os_message(exc)),))]
    return [
        _read_file(path, _label(path, relative_to), kind, origin)
        for path in paths
        if not path.is_dir()
    ]


def _label(path: Path, relative_to: Path | None) -> str:
    if relative_to is None:
        return str(path)
    return path.relative_to(relative_to).as_posix()


def _read_file(path: Path, label: str, kind: str, origin: str) -> ContentDocument:
    def failed(message: str) -> ContentDocument:
        return ContentDocument(label, problems=(file_problem(label, message),))

    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return failed(f"is too large for a content file ({size} bytes)")
        raw = path.read_bytes()
    except OSError as exc:
        return failed(_os_message(exc))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return failed(
            f"is not UTF-8 text (byte 0x{raw[exc.start]:02x} at position {exc.start}); "
            "save it as UTF-8"
        )
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return failed(f"is not valid TOML: {exc}")
    return parse_document(doc, label, kind=kind, origin=origin)


def _os_message(exc: OSError) -> str:
    return f"could not be read: {exc.strerror or exc}"
