"""Backups of the data files, kept inside the data dir.

A backup is a folder ``backups/<YYYYMMDDTHHMMSS+HHMM>-<kind>`` holding copies
of the data files under their usual names plus a small ``.manifest``. It is built
under a hidden name and renamed into place, so a crash never leaves a
half-made backup that looks whole.

Cheap over years of history: a file that has not changed since the newest
backup holding it (same inode, size and mtime as recorded in that backup's
manifest) is hard-linked to that backup's copy instead of copied. The store
only ever replaces files (``os.replace`` makes a new inode), never edits them
in place, so a copy, once made, never changes. Only the current year and
the settings are really copied day to day.

Rotation keeps the 7 newest daily backups and the 8 newest weekly ones (a
daily backup that is the first of its ISO week is made as a weekly one).
Manual and pre-migration backups are never rotated away.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

from lbp_desktop.storage.atomic import atomic_write_bytes, fsync_dir
from lbp_desktop.storage.errors import DataFileError
from lbp_desktop.storage.layout import BACKUPS_DIR, UNREADABLE_DIR, data_file_names
from lbp_desktop.storage.schema import file_kind
from lbp_desktop.storage.schema import load as load_current
from lbp_desktop.storage.validation import check_settings, decode_year

KINDS = ("daily", "weekly", "manual", "pre-migration")
ROTATED_KINDS = ("daily", "weekly")
KEEP_DAILY = 7
KEEP_WEEKLY = 8
# No .json suffix: whoever restores "every *.json of a backup" must not restore it.
MANIFEST = ".manifest"
_LEFTOVER_AGE_S = 3600.0

_STAMP = "%Y%m%dT%H%M%S%z"
_NAME = re.compile(
    r"^(?P<stamp>\d{8}T\d{6}[+-]\d{4}(?:\d{2})?)-(?P<kind>daily|weekly|manual|pre-migration)"
    r"(?:-(?P<n>\d+))?$"
)


@dataclass(frozen=True)
class Backup:
    path: Path
    made_at: datetime
    kind: str  # 'daily' | 'weekly' | 'manual' | 'pre-migration'


def make_backup(
    data_dir: Path,
    *,
    now: datetime,
    kind: str = "manual",
    files: Iterable[str] | None = None,
) -> Backup:
    """Back up the data files (or only ``files``, names relative to data_dir)."""
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}; one of {', '.join(KINDS)}")
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must carry a UTC offset")
    data_dir = Path(data_dir)
    names = list(files) if files is not None else data_file_names(data_dir)
    root = data_dir / BACKUPS_DIR
    _private_dir(root)
    previous = _previous_copies(root, names)
    building = Path(tempfile.mkdtemp(prefix=".new-", dir=root))  # 0700
    try:
        entries: dict[str, dict[str, int]] = {}
        for name in names:
            entry = _back_up_file(data_dir / name, building / name, previous.get(name))
            if entry is not None:
                entries[name] = entry
        manifest = {"made_at": now.isoformat(), "kind": kind, "files": entries}
        atomic_write_bytes(building / MANIFEST, orjson.dumps(manifest))
        for folder in {(building / name).parent for name in entries}:
            fsync_dir(folder)
        final = _free_name(root, now, kind)
        os.rename(building, final)
        fsync_dir(root)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return Backup(path=final, made_at=now, kind=kind)


def ensure_daily_backup(data_dir: Path, *, now: datetime) -> Backup | None:
    """Make today's backup unless there is one already; then rotate.

    Returns the new backup, or None when today's exists or there is nothing
    to back up yet.
    """
    data_dir = Path(data_dir)
    if not data_file_names(data_dir):
        return None
    regular = [b for b in list_backups(data_dir) if b.kind in ROTATED_KINDS]
    local = [b.made_at.astimezone(now.tzinfo) for b in regular]
    if any(moment.date() == now.date() for moment in local):
        return None
    week = now.isocalendar()[:2]
    first_of_week = not any(moment.isocalendar()[:2] == week for moment in local)
    backup = make_backup(data_dir, now=now, kind="weekly" if first_of_week else "daily")
    rotate_backups(data_dir)
    _remove_leftovers(data_dir / BACKUPS_DIR)
    return backup


def rotate_backups(data_dir: Path) -> list[Backup]:
    """Remove daily/weekly backups beyond the ones kept; returns the removed."""
    regular = [b for b in list_backups(Path(data_dir)) if b.kind in ROTATED_KINDS]
    weekly = [b for b in regular if b.kind == "weekly"]
    keep = {b.path for b in regular[:KEEP_DAILY]} | {b.path for b in weekly[:KEEP_WEEKLY]}
    removed = [b for b in regular if b.path not in keep]
    for backup in removed:
        _remove_tree(backup.path)
    return removed


def list_backups(data_dir: Path) -> list[Backup]:
    """Every finished backup, newest first."""
    root = Path(data_dir) / BACKUPS_DIR
    try:
        candidates = list(root.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []
    found = []
    for path in candidates:
        match = _NAME.match(path.name)
        if match is None or not path.is_dir():
            continue
        made_at = datetime.strptime(match["stamp"], _STAMP)
        found.append((made_at, int(match["n"] or 1), Backup(path, made_at, match["kind"])))
    found.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [backup for _, _, backup in found]


def latest_good_backup(data_dir: Path, file_name: str) -> Backup | None:
    """The newest backup whose copy of ``file_name`` parses and validates."""
    for backup in list_backups(Path(data_dir)):
        copy = backup.path / file_name
        if copy.is_file() and _is_good(copy, file_name):
            return backup
    return None


def restore_file(
    data_dir: Path, backup: Backup, file_name: str, *, now: datetime | None = None
) -> Path:
    """Put the backup's copy of ``file_name`` back; keep the bad file in unreadable/.

    The bad file is kept byte for byte (hard link, or a copy where links are
    not possible) as ``unreadable/<name>.<time>`` *before* the good copy
    replaces it atomically, so at no moment is the file missing. Returns
    where the bad file was kept, or the restored file's path if there was
    none. Call it with no store open on the data dir, or from the process
    holding the lock.
    """
    data_dir = Path(data_dir)
    blob = (backup.path / file_name).read_bytes()
    target = data_dir / file_name
    kept: Path | None = None
    if target.exists():
        aside = data_dir / UNREADABLE_DIR
        _private_dir(aside)
        moment = now or datetime.now().astimezone()
        kept = _free_path(aside / f"{target.name}.{moment.strftime(_STAMP)}")
        try:
            os.link(target, kept)
        except OSError:
            shutil.copy2(target, kept)
        fsync_dir(aside)
    _private_dir(target.parent)
    atomic_write_bytes(target, blob)
    return kept or target


# Helpers ------------------------------------------------------------------


def _back_up_file(
    source: Path, target: Path, previous: tuple[Path, dict[str, Any]] | None
) -> dict[str, int] | None:
    try:
        info = source.stat()
    except FileNotFoundError:
        return None
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if previous is not None and previous[1] == _identity(info):
        try:
            os.link(previous[0], target)
            return _identity(info)
        except OSError:
            pass  # e.g. a file system without hard links: copy instead
    with open(source, "rb") as handle:
        # What we read is what we record: fstat the handle, not the path.
        info = os.fstat(handle.fileno())
        blob = handle.read()
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(blob)
        out.flush()
        os.fsync(out.fileno())
    os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns))
    return _identity(info)


def _identity(info: os.stat_result) -> dict[str, int]:
    return {
        "dev": info.st_dev,
        "ino": info.st_ino,
        "size": info.st_size,
        "mtime_ns": info.st_mtime_ns,
    }


def _previous_copies(root: Path, names: list[str]) -> dict[str, tuple[Path, dict[str, Any]]]:
    """For each name, the newest backup copy and what its source looked like."""
    wanted = set(names)
    found: dict[str, tuple[Path, dict[str, Any]]] = {}
    for backup in list_backups(root.parent):
        if not wanted - found.keys():
            break
        try:
            manifest = orjson.loads((backup.path / MANIFEST).read_bytes())
            entries = manifest["files"]
        except (OSError, orjson.JSONDecodeError, KeyError, TypeError):
            continue
        if not isinstance(entries, dict):
            continue
        for name in wanted - found.keys():
            if name in entries and (backup.path / name).is_file():
                found[name] = (backup.path / name, entries[name])
    return found


def _free_name(root: Path, now: datetime, kind: str) -> Path:
    base = f"{now.strftime(_STAMP)}-{kind}"
    candidate = root / base
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = root / f"{base}-{counter}"
    return candidate


def _free_path(path: Path) -> Path:
    candidate, counter = path, 1
    while candidate.exists():
        counter += 1
        candidate = path.with_name(f"{path.name}-{counter}")
    return candidate


def _remove_tree(path: Path) -> None:
    # Rename first: a crash half-way through deleting must not leave
    # something that list_backups takes for a whole backup.
    doomed = path.with_name(f".old-{path.name}")
    os.rename(path, doomed)
    shutil.rmtree(doomed, ignore_errors=True)


def _remove_leftovers(root: Path) -> None:
    """Half-built or half-deleted backups from an earlier crash.

    Only old ones: a pre-migration backup may be being built right now by a
    worker thread of the same app.
    """
    cutoff = time.time() - _LEFTOVER_AGE_S
    with contextlib.suppress(OSError):
        for path in root.iterdir():
            if (
                path.name.startswith((".new-", ".old-"))
                and path.is_dir()
                and path.stat().st_mtime < cutoff
            ):
                shutil.rmtree(path, ignore_errors=True)


def _private_dir(path: Path) -> None:
    if not path.is_dir():
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        if os.name != "nt":
            os.chmod(path, 0o700)


def _is_good(copy: Path, file_name: str) -> bool:
    try:
        raw, _ = load_current(copy.read_bytes(), copy, file_name)
    except (OSError, DataFileError):
        return False
    if file_kind(file_name) == "records":
        return not decode_year(raw, file_name)[1]
    return not check_settings(raw, file_name)
