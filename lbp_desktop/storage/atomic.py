"""The one way this package puts bytes on disk: all or nothing, and durable.

A write goes to a temp file in the same directory (so the rename cannot cross
file systems), is flushed and fsynced, then renamed over the target with
``os.replace``. Readers see the old file or the new one, never half of each;
after a crash or power cut the old file is still whole. On POSIX the directory
is fsynced too, otherwise the rename itself may be lost.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# Windows: a virus scanner, indexer or backup tool may hold the target open for
# a moment; os.replace then fails with a sharing error. Patchable in tests.
_WINDOWS = os.name == "nt"
_SHARING_ERRORS = frozenset({5, 32, 33})  # access denied, sharing and lock violation
_REPLACE_ATTEMPTS = 20
_REPLACE_PAUSE_S = 0.05
_sleep: Callable[[float], None] = time.sleep


def atomic_write_bytes(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically; on disk when this returns.

    The new file is created 0600 (tempfile's mode), so health data is never
    readable by other users, not even for a moment. ``durable=False`` skips
    the fsyncs, for caches whose loss in a power cut costs nothing but time.
    """
    path = Path(path)
    folder = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        _replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    if durable:
        fsync_dir(folder)


def fsync_dir(folder: Path) -> None:
    """Make a rename or new entry in ``folder`` durable (a no-op on Windows)."""
    if _WINDOWS or not hasattr(os, "O_DIRECTORY"):
        return
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def is_temp_file(name: str) -> bool:
    """True for leftovers of an interrupted atomic write."""
    return name.startswith(".") and name.endswith(".tmp")


def _replace(source: str, target: Path) -> None:
    for attempt in range(_REPLACE_ATTEMPTS):
        try:
            os.replace(source, target)
            return
        except PermissionError as error:
            last = attempt == _REPLACE_ATTEMPTS - 1
            if not (_WINDOWS and getattr(error, "winerror", None) in _SHARING_ERRORS) or last:
                raise
            _sleep(_REPLACE_PAUSE_S)
