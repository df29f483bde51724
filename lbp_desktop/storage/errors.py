"""What can go wrong with the diary on disk.

``str(error)`` is written for the person whose diary it is: plain words, no
jargon, and always what happened to their file. The technical detail (for a
bug report or the log) is in ``detail``.
"""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base of every storage error. ``str(e)`` is a plain-words message."""


class DataFileError(StoreError):
    """A data file that this app cannot use as it is. The file is never changed."""

    def __init__(
        self,
        message: str,
        *,
        path: Path,
        detail: str,
        entry: str = "",
        field: str = "",
    ) -> None:
        super().__init__(message)
        self.path = path
        self.detail = detail
        # Which record (e.g. "pain_checkins/<uuid>") and field, when known.
        self.entry = entry
        self.field = field


class UnreadableDataFile(DataFileError):
    """The file does not parse, has the wrong shape or types, or holds a bad record."""


class FutureSchemaVersion(DataFileError):
    """The file was written by a newer version of the app."""

    def __init__(self, message: str, *, path: Path, found: int, supported: int) -> None:
        super().__init__(
            message,
            path=path,
            detail=f"schema version {found}; this version reads up to {supported}",
            entry="meta",
            field="version",
        )
        self.found = found
        self.supported = supported


class StoreLocked(StoreError):
    """Another process holds the writer lock of the data dir."""


class ReadOnlyStore(StoreError):
    """A change was asked of a store opened read-only."""
