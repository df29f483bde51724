"""TinyDB storage of our own: read once, keep in memory, write through atomically.

TinyDB's own JSONStorage re-reads and rewrites the file in place on every
operation (slow, and a crash mid-write leaves half a file). This one parses
the file once with orjson, hands TinyDB the in-memory dict, and on every
write serialises it with orjson and puts it on disk through
:func:`atomic_write_bytes`.

TinyDB 4.9's ``Table._update_table`` mutates the dict that ``read()`` returns
(and, for updates, the documents inside it) *before* calling ``write()``. So
when a write fails (disk full, permission), memory already holds a change
that disk does not. We then reload the cache from disk (the old file is
intact thanks to the atomic replace) and re-raise: memory never claims what
disk does not hold.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from lbp_desktop.storage.atomic import atomic_write_bytes
from lbp_desktop.storage.errors import ReadOnlyStore
from lbp_desktop.storage.schema import parse

Data = dict[str, Any]
Loader = Callable[[bytes, Path], Data]


def parse_json_object(blob: bytes, path: Path) -> Data:
    """The default loader: the file must be a JSON object (UnreadableDataFile if not)."""
    return parse(blob, path, path.name)


class JsonFileStorage(Storage):
    """One JSON file, cached in memory, written through on every change.

    ``load`` turns the file's bytes into the dict TinyDB works on (the store
    passes one that also checks the schema and migrates); it must raise a
    DataFileError for a file it cannot use. Such a file is never written:
    construction fails, so there is no storage to write with.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        read_only: bool = False,
        load: Loader = parse_json_object,
        initial: Data | None = None,
        on_write: Callable[[bytes], None] | None = None,
    ) -> None:
        super().__init__()
        self.path = Path(path)
        self.read_only = read_only
        self._load = load
        self._batch_depth = 0
        self._dirty = False
        self._broken: BaseException | None = None
        # ``initial`` is what a file that does not exist yet starts as (e.g.
        # its meta table); it is written with the first change.
        self._initial = initial
        # Told the exact bytes after each successful write (the store keeps
        # their digest, see verified.py).
        self._on_write = on_write
        self._data: Data | None = self._read_disk()

    # TinyDB's Storage API -------------------------------------------------

    def read(self) -> Data | None:
        self._check_usable()
        # Deliberately the live dict, not a copy: copying a year of records
        # on every insert is what made the stock storage slow.
        return self._data

    def write(self, data: Data) -> None:
        self._check_usable()
        if self.read_only:
            # TinyDB has already changed the cached dict: undo that too.
            self._restore_from_disk()
            raise ReadOnlyStore("The diary is open read-only here, so this change was not saved.")
        self._data = data
        if self._batch_depth:
            self._dirty = True
            return
        self._flush()

    def close(self) -> None:
        """Nothing to release: no file handle is kept open between writes."""

    # Our additions ----------------------------------------------------------

    @property
    def exists_on_disk(self) -> bool:
        return self.path.is_file()

    def flush(self) -> None:
        """Write the cache to disk now (e.g. after a migration)."""
        self._check_usable()
        if self.read_only:
            raise ReadOnlyStore("The diary is open read-only here, so this change was not saved.")
        self._flush()

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Collect the writes inside the block into one atomic write at its end.

        If the block raises, the cache is reloaded from disk, as after a failed
        write, so nothing half-done stays in memory.
        """
        self._batch_depth += 1
        try:
            yield
        except BaseException:
            self._batch_depth -= 1
            if not self._batch_depth and self._dirty:
                self._dirty = False
                self._restore_from_disk()
            raise
        self._batch_depth -= 1
        if not self._batch_depth and self._dirty:
            self._dirty = False
            self._flush()

    def _flush(self) -> None:
        try:
            # orjson writes compact UTF-8; no indentation keeps a heavy
            # year's file small and the write fast.
            blob = orjson.dumps(self._data)
            atomic_write_bytes(self.path, blob)
        except BaseException:
            self._restore_from_disk()
            raise
        if self._on_write is not None:
            self._on_write(blob)

    def _restore_from_disk(self) -> None:
        try:
            self._data = self._read_disk()
        except BaseException as error:
            # The file changed under us and cannot be read: refuse to go on
            # with a cache we know is wrong.
            self._broken = error
            self._data = None

    def _read_disk(self) -> Data | None:
        try:
            blob = self.path.read_bytes()
        except FileNotFoundError:
            return _deep_copy(self._initial)
        return self._load(blob, self.path)

    def _check_usable(self) -> None:
        if self._broken is not None:
            raise RuntimeError(
                f"{self.path} could not be reloaded after a failed write"
            ) from self._broken


def _deep_copy(data: Data | None) -> Data | None:
    return None if data is None else orjson.loads(orjson.dumps(data))
