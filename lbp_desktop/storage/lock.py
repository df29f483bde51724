"""The writer lock: one process at a time may change the data dir.

An OS lock on ``<data_dir>/lbp-desktop.lock`` (flock on POSIX, msvcrt.locking
on Windows), taken without waiting. The OS drops it when the process dies,
however it dies, so a crash never leaves the diary locked. The file itself
is left in place on release: deleting it would let two processes lock two
different files of the same name.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from lbp_desktop.storage.errors import StoreLocked

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


LOCKED_MESSAGE = (
    "Your diary is already open in another window of this app. "
    "Please switch to that window, or close it and try again."
)


class WriterLock:
    """Held from :meth:`acquire` until :meth:`release` (or process death)."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, path: Path) -> WriterLock:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            locked = _try_lock(fd)
        except BaseException:
            os.close(fd)
            raise
        if not locked:
            os.close(fd)
            raise StoreLocked(LOCKED_MESSAGE)
        if os.name != "nt":
            # Who holds it, for a person looking at the folder; not used to decide anything.
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
                os.write(fd, f"{os.getpid()}\n".encode())
        return cls(path, fd)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            _unlock(fd)
        finally:
            os.close(fd)
