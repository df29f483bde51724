"""Which data files are byte for byte ones this version already validated.

Validating every record of a heavy year builds ~10,000 domain objects and
costs most of the time of opening the store. Yet the store only ever writes
records it has just validated, so a file whose bytes are exactly what it
wrote (or what it fully validated when it last read it) needs no second
check. ``<data_dir>/.verified.json`` keeps a SHA-256 of each such file.

A file with any other bytes (edited, damaged, restored from a backup,
written by another version) has another digest and is validated record by
record as before. Losing this file only costs time: it is a cache, written
without fsync, ignored when it does not parse or was written by another
version of the app.
"""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

import orjson

from lbp_desktop import __version__
from lbp_desktop.storage.atomic import atomic_write_bytes
from lbp_desktop.storage.schema import CURRENT_SCHEMA

VERIFIED_FILE = ".verified.json"
# New app versions may validate more strictly: their files are checked again.
_TAG = f"lbp-desktop {__version__} schema {CURRENT_SCHEMA}"


def digest(blob: bytes) -> str:
    return hashlib.sha256(blob).hexdigest()


class VerifiedFiles:
    def __init__(self, data_dir: Path, *, writable: bool) -> None:
        self.path = data_dir / VERIFIED_FILE
        self._writable = writable
        self._digests: dict[str, str] = self._read()
        # Bytes written since the last save: hashed at save(), off the path
        # of each write (a heavy year is 2 MB; hashing it costs ~1.5 ms).
        self._written: dict[str, bytes] = {}
        self._changed = False

    def is_verified(self, file_name: str, file_digest: str) -> bool:
        return self._digests.get(file_name) == file_digest

    def remember(self, file_name: str, file_digest: str) -> None:
        self._written.pop(file_name, None)
        if self._digests.get(file_name) != file_digest:
            self._digests[file_name] = file_digest
            self._changed = True

    def remember_written(self, file_name: str, blob: bytes) -> None:
        """The store just wrote these bytes (which it had validated)."""
        self._written[file_name] = blob

    def save(self) -> None:
        """Keep the digests for the next start (called on close).

        If the process dies before, the file holds older digests that do not
        match the new bytes, and those files are simply validated again.
        """
        written, self._written = self._written, {}
        for file_name, blob in written.items():
            self.remember(file_name, digest(blob))
        if not (self._changed and self._writable):
            return
        self._changed = False
        blob = orjson.dumps({"tag": _TAG, "files": self._digests})
        with contextlib.suppress(OSError):  # a cache: failing to keep it is harmless
            atomic_write_bytes(self.path, blob, durable=False)

    def _read(self) -> dict[str, str]:
        try:
            data = orjson.loads(self.path.read_bytes())
        except (OSError, orjson.JSONDecodeError):
            return {}
        if not isinstance(data, dict) or data.get("tag") != _TAG:
            return {}
        files = data.get("files")
        if not isinstance(files, dict):
            return {}
        return {k: v for k, v in files.items() if isinstance(k, str) and isinstance(v, str)}
