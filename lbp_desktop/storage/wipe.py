"""Delete all my data: remove the app's own files from the data dir, nothing else.

What is the app's own is listed here by name (see layout.py, verified.py,
paths.user_plans_dir and app.WINDOW_STATE_FILE), never found by pattern over
the whole folder: a file the person put in the folder themselves stays, and
so does whatever a symbolic link points to (the link itself is ours to
remove; what it points at may be anywhere).

The writer lock is taken for the whole wipe, so a store that is still open
(in this process or another) makes it refuse with StoreLocked before
anything is touched. The caller closes its store first and opens a fresh
one afterwards.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

from lbp_desktop.storage.atomic import fsync_dir, is_temp_file
from lbp_desktop.storage.errors import StoreError
from lbp_desktop.storage.layout import (
    BACKUPS_DIR,
    LOCK_FILE,
    RECORDS_DIR,
    SETTINGS_FILE,
    UNREADABLE_DIR,
)
from lbp_desktop.storage.lock import WriterLock
from lbp_desktop.storage.verified import VERIFIED_FILE

# app.py's QSettings file; named here because storage must not import the Qt
# side (tests/unit/storage/test_wipe.py checks the two names agree).
WINDOW_STATE_FILE = "window.ini"
PLANS_DIR = "plans"  # paths.user_plans_dir

# In the order they go: the diary itself first, so a wipe stopped half-way
# (a full disk, a crash) has removed what the person asked for most.
OWN_DIRS = (RECORDS_DIR, PLANS_DIR, UNREADABLE_DIR, BACKUPS_DIR)
OWN_FILES = (
    SETTINGS_FILE,
    VERIFIED_FILE,
    WINDOW_STATE_FILE,
    f"{WINDOW_STATE_FILE}.lock",  # QSettings' lock, left behind only by a crash
)


@dataclass(frozen=True)
class Left:
    """Something of ours that could not be removed, and why (for the log)."""

    path: Path
    reason: str


class WipeIncomplete(StoreError):
    """Some of the app's files are still there. ``removed`` went; ``left`` did not."""

    def __init__(self, removed: list[Path], left: list[Left]) -> None:
        names = ", ".join(item.path.name for item in left)
        super().__init__(
            f"Some of your data could not be deleted: {names}. Everything else was. "
            "You can delete what is left yourself, in the data folder."
        )
        self.removed = removed
        self.left = left


def delete_all_data(data_dir: Path) -> list[Path]:
    """Remove the app's own files and folders from ``data_dir``; returns what went.

    Raises StoreLocked (nothing removed) while a store has the data dir open,
    and WipeIncomplete when something of ours could not be removed (the rest
    is removed all the same).
    """
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        return []
    lock_path = data_dir / LOCK_FILE
    if lock_path.is_symlink():
        # Locking would open (and write into) whatever the link points to.
        lock_path.unlink()
    lock = WriterLock.acquire(lock_path)
    removed: list[Path] = []
    left: list[Left] = []
    try:
        for path in _own_entries(data_dir):
            try:
                _remove(path)
            except OSError as exc:
                left.append(Left(path, exc.strerror or str(exc)))
            else:
                removed.append(path)
    finally:
        # Released before it is deleted: Windows cannot delete an open file.
        # A process that opened the old lock file in between finds it gone
        # at its next start; the caller's fresh store makes a new one.
        lock.release()
    try:
        lock_path.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        left.append(Left(lock_path, exc.strerror or str(exc)))
    else:
        removed.append(lock_path)
    with contextlib.suppress(OSError):
        fsync_dir(data_dir)
    if left:
        raise WipeIncomplete(removed, left)
    return removed


def _own_entries(data_dir: Path) -> list[Path]:
    """Our files and folders that exist, in the order they are removed."""
    names = [*OWN_DIRS, *OWN_FILES]
    with contextlib.suppress(OSError):
        # Leftovers of an interrupted atomic write of one of our files.
        names += sorted(
            entry.name
            for entry in os.scandir(data_dir)
            if is_temp_file(entry.name) and _temp_of_ours(entry.name)
        )
    return [data_dir / name for name in names if os.path.lexists(data_dir / name)]


def _temp_of_ours(name: str) -> bool:
    # atomic_write_bytes names them ".<target>.<random>.tmp".
    return any(name.startswith(f".{own}.") for own in OWN_FILES)


def _remove(path: Path) -> None:
    """Remove a file, a link (not what it points to) or a whole folder of ours."""
    if _is_junction(path):
        os.rmdir(path)  # the junction only, like a link
    elif stat.S_ISDIR(os.lstat(path).st_mode):
        # rmtree never follows a link inside the tree: links go, targets stay.
        shutil.rmtree(path)
    else:
        path.unlink()


def _is_junction(path: Path) -> bool:
    # A Windows junction passes for a folder; os.path.isjunction is new in 3.12
    # (on 3.11 rmtree refuses a junction, so it is reported as left, not followed).
    isjunction = getattr(os.path, "isjunction", None)
    return bool(isjunction is not None and isjunction(path))
