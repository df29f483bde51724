"""The diary on disk: records by year, settings, one writer at a time.

Layout (inside the data dir)::

    settings.json          tables meta, settings
    records/<YYYY>.json    tables meta, session_runs, pain_checkins,
                           peg_answers, posture_breaks
    lbp-desktop.lock       the writer lock
    backups/ unreadable/   see backups.py

Records live in the file of the calendar year of their ``at`` (in its own
UTC offset). Opening reads only the settings and the current year; older
years are read the first time something asks for them, so the cost of a
write and of opening stays bounded by one year, not by the whole history.

Every change is on disk (fsynced, replaced atomically) when the method
returns. Records are validated on the way in (domain Record instances
only) and on the way out of a file; a file that fails is refused with a
DataFileError and left exactly as it is. A file is validated completely
when it is read, unless its bytes are exactly ones this version wrote or
validated before (verified.py); then each record is validated when it is
first decoded, which happens only for what is asked for.

Thread-safe: one re-entrant lock around every operation, so a worker thread
may load closed years while the UI thread adds a check-in.
"""

from __future__ import annotations

import contextlib
import os
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from datetime import date, datetime
from operator import attrgetter, itemgetter
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

import orjson
from tinydb import TinyDB
from tinydb.table import Document, Table

from lbp_desktop.domain.clock import Clock, SystemClock
from lbp_desktop.domain.records import Record, ValidationError
from lbp_desktop.storage import schema
from lbp_desktop.storage.atomic import is_temp_file
from lbp_desktop.storage.backups import make_backup
from lbp_desktop.storage.codec import TABLE_OF, check_json_value, table_of, to_storable
from lbp_desktop.storage.errors import ReadOnlyStore, UnreadableDataFile
from lbp_desktop.storage.json_storage import JsonFileStorage
from lbp_desktop.storage.layout import (
    LOCK_FILE,
    RECORDS_DIR,
    SETTINGS_FILE,
    describe,
    record_years,
    year_file_name,
)
from lbp_desktop.storage.lock import WriterLock
from lbp_desktop.storage.problems import Problem
from lbp_desktop.storage.validation import (
    SETTINGS_TABLE,
    YearRecords,
    check_settings,
    decode_entries,
    decode_year,
    no_gc,
    table_shape_problem,
)
from lbp_desktop.storage.verified import VerifiedFiles, digest

R = TypeVar("R", bound=Record)

READ_ONLY_MESSAGE = "Your diary is open read-only here, so this change was not saved."


class _KeyedTable(Table):
    # Documents are keyed by the record's UUID (or the setting's name), not
    # by TinyDB's counter: lookups by id are dict lookups.
    document_id_class = str


class _Db(TinyDB):
    table_class = _KeyedTable


class _YearFile:
    """One year's file: its TinyDB, and its records decoded as they are needed.

    The documents live in the storage's in-memory dict (what TinyDB reads
    and writes). A record is decoded (and so validated) the first time it is
    asked for, and kept. A file this version has not seen before is decoded
    completely as it is read; see verified.py for why the others need not be.
    """

    def __init__(self, year: int, db: _Db, file_name: str, path: Path) -> None:
        self.year = year
        self.db = db
        self.file_name = file_name
        self.path = path
        self._decoded: YearRecords = {kind: {} for kind in TABLE_OF}
        self._complete: set[type[Record]] = set()
        self._sorted: dict[type[Record], list[Record]] = {}
        # Stale copies left on disk (see Store._index): never shown.
        self._hidden: dict[type[Record], set[str]] = {kind: set() for kind in TABLE_OF}
        # (day of ``at``, id) of every document, read from the raw text.
        self._days: dict[type[Record], list[tuple[date, str]]] = {}
        # The storage's dict each table was last validated in (see
        # _validated_table): the one being validated as the file is read.
        self._validated_in: dict[type[Record], object] = dict.fromkeys(TABLE_OF, db.storage.read())

    @property
    def storage(self) -> JsonFileStorage:
        storage = self.db.storage
        assert isinstance(storage, JsonFileStorage)
        return storage

    def table(self, kind: type[Record]) -> Table:
        return self.db.table(TABLE_OF[kind])

    def documents(self, kind: type[Record]) -> dict[str, Any]:
        data = self.storage.read() or {}
        return data.get(TABLE_OF[kind], {})  # type: ignore[no-any-return]

    def adopt(self, records: YearRecords) -> None:
        """Records already decoded and validated while reading the file."""
        self._decoded = records
        self._complete = set(TABLE_OF)

    def has_any(self) -> bool:
        return any(self.documents(kind) for kind in TABLE_OF)

    def get(self, kind: type[Record], record_id: str) -> Record | None:
        record = self._decoded[kind].get(record_id)
        if record is not None or kind in self._complete:
            return record
        if record_id not in self.documents(kind) or record_id in self._hidden[kind]:
            return None
        self._decode(kind, [record_id])
        return self._decoded[kind][record_id]

    def sorted(self, kind: type[Record]) -> list[Record]:
        cached = self._sorted.get(kind)
        if cached is None:
            if kind not in self._complete:
                skip = self._decoded[kind].keys() | self._hidden[kind]
                self._decode(kind, [key for key in self.documents(kind) if key not in skip])
                self._complete.add(kind)
            cached = sorted(self._decoded[kind].values(), key=attrgetter("at"))
            self._sorted[kind] = cached
        return cached

    def between(self, kind: type[Record], since: date | None, until: date | None) -> list[Record]:
        """Records whose ``at`` falls on since..until (inclusive), decoding only those.

        The UI mostly asks for the last days or weeks: decoding a whole heavy
        year of session runs for that would take ~100 ms.
        """
        if kind in self._complete or (since is None and until is None):
            return [r for r in self.sorted(kind) if _within(r.at.date(), since, until)]
        days = self._days.get(kind)
        if days is None:
            days = self._days_of(kind)
            if days is None:  # a document without a readable ``at``: decode all, to say which
                return self.between(kind, None, None)
        keys = [key for day, key in days if _within(day, since, until)]
        decoded = self._decoded[kind]
        missing = [key for key in keys if key not in decoded]
        if missing:
            self._decode(kind, missing)
        return [decoded[key] for key in keys]

    def put(self, record: Record) -> None:
        self._decoded[type(record)][record.id] = record
        self._hidden[type(record)].discard(record.id)
        self._changed(type(record))

    def drop(self, kind: type[Record], record_id: str) -> None:
        self._decoded[kind].pop(record_id, None)
        self._changed(kind)

    def _changed(self, kind: type[Record]) -> None:
        self._sorted.pop(kind, None)
        self._days.pop(kind, None)

    def _days_of(self, kind: type[Record]) -> list[tuple[date, str]] | None:
        hidden = self._hidden[kind]
        days = []
        try:
            for key, doc in self.documents(kind).items():
                if key not in hidden:
                    days.append((datetime.fromisoformat(doc["at"]).date(), key))
        except (TypeError, KeyError, ValueError):
            return None
        self._days[kind] = days
        return days

    def hide(self, kind: type[Record], record_id: str) -> None:
        """Forget a stale copy that may stay on disk until the next write removes it."""
        self.drop(kind, record_id)
        self._hidden[kind].add(record_id)

    def documents_between(
        self, kind: type[Record], since: date | None, until: date | None
    ) -> list[tuple[datetime, str, dict[str, Any]]]:
        """(``at``, id, document) of the validated documents on since..until; not copied."""
        table = self._validated_table(kind)
        hidden = self._hidden[kind]
        parse = datetime.fromisoformat
        found = [(parse(doc["at"]), key, doc) for key, doc in table.items() if key not in hidden]
        if since is None and until is None:
            return found
        return [item for item in found if _within(item[0].date(), since, until)]

    def _validated_table(self, kind: type[Record]) -> dict[str, Any]:
        """The kind's documents, all of them checked by the store (by digest or in full).

        The storage keeps one dict across the store's own writes; a new one
        means it was reloaded from disk after a failed write, and the disk may
        have been changed behind our back (a sync tool): check it again.
        """
        data = self.storage.read()
        if data is None:
            return {}
        if data is not self._validated_in[kind]:
            shape = table_shape_problem(data, kind, self.file_name)
            if shape is not None:
                raise _unreadable(self.path, shape)
            table = data.get(TABLE_OF[kind], {})
            keys = [key for key in table if key not in self._hidden[kind]]
            _, problems = decode_entries(kind, table, self.file_name, keys=keys)
            if problems:
                raise _unreadable(self.path, problems[0])
            self._validated_in[kind] = data
        return data.get(TABLE_OF[kind], {})  # type: ignore[no-any-return]

    def _decode(self, kind: type[Record], keys: list[str]) -> None:
        found, problems = decode_entries(kind, self.documents(kind), self.file_name, keys=keys)
        if problems:
            # Only if the file changed behind our back after it was verified.
            raise _unreadable(self.path, problems[0])
        self._decoded[kind].update(found)


class _Opened:
    """What reading one data file found out."""

    def __init__(self) -> None:
        self.db: _Db
        self.version = schema.CURRENT_SCHEMA
        self.digest = ""  # of the bytes read; empty if the file does not exist yet
        self.verified = False

    def raw(self) -> dict[str, Any]:
        return self.db.storage.read() or {}


class Store:
    """The user's diary. Create with :meth:`open`."""

    def __init__(
        self, data_dir: Path, *, read_only: bool, clock: Clock, lock: WriterLock | None
    ) -> None:
        self.data_dir = data_dir
        self.read_only = read_only
        self._clock = clock
        self._writer_lock = lock
        self._lock = threading.RLock()
        self._closed = False
        self._years: dict[int, _YearFile] = {}
        # Which loaded year holds each record id, per kind.
        self._where: dict[type[Record], dict[str, int]] = {kind: {} for kind in TABLE_OF}
        self._settings: _Db | None = None
        self._verified = VerifiedFiles(data_dir, writable=not read_only)

    # Opening and closing ----------------------------------------------------

    @classmethod
    def open(cls, data_dir: Path, *, read_only: bool = False, clock: Clock | None = None) -> Store:
        data_dir = Path(data_dir)
        clock = clock or SystemClock()
        lock = None
        if not read_only:
            _private_dir(data_dir)
            lock = WriterLock.acquire(data_dir / LOCK_FILE)
        store = cls(data_dir, read_only=read_only, clock=clock, lock=lock)
        try:
            if not read_only:
                store._remove_temp_files()
            store._settings = store._open_settings()
            store._year(store._now().year, create=False)
        except BaseException:
            store.close()
            raise
        return store

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            for year_file in self._years.values():
                year_file.db.close()
            if self._settings is not None:
                self._settings.close()
            if self._writer_lock is not None:
                self._verified.save()  # before the lock goes: we are still the writer
                self._writer_lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "read-only" if self.read_only else "writer"
        return f"<Store {self.data_dir} {mode} years loaded={sorted(self._years)}>"

    # Records ------------------------------------------------------------------

    def add(self, record: R) -> R:
        """Store a new record; returns it as stored (created_at/updated_at set).

        Timestamps the caller already set (e.g. an import) are kept; missing
        ones are stamped with the clock's now.
        """
        with self._writing():
            stored, doc = self._prepare_new(record, self._now())
            year_file = self._year(stored.at.year, create=True)
            assert year_file is not None
            self._refuse_known_id(stored)
            year_file.table(type(stored)).insert(Document(doc, doc_id=stored.id))
            self._remember(year_file, stored)
            return stored

    def add_many(self, records: Iterable[Record]) -> int:
        """Store many new records with one atomic write per year file touched.

        Everything is validated before anything is written. Each year file is
        all-or-nothing; if writing a later year fails, earlier years stay
        written (and memory still matches disk).
        """
        with self._writing():
            now = self._now()
            by_year: dict[int, list[tuple[Record, dict[str, Any]]]] = {}
            seen: set[tuple[type[Record], str]] = set()
            for record in records:
                stored, doc = self._prepare_new(record, now)
                key = (type(stored), stored.id)
                if key in seen:
                    raise ValueError(f"{stored.KIND} {stored.id} is given twice")
                seen.add(key)
                by_year.setdefault(stored.at.year, []).append((stored, doc))
            year_files = {year: self._year(year, create=True) for year in sorted(by_year)}
            for items in by_year.values():
                for stored, _ in items:
                    self._refuse_known_id(stored)
            for year, items in sorted(by_year.items()):
                year_file = year_files[year]
                assert year_file is not None
                with year_file.storage.batch():
                    for kind in TABLE_OF:
                        docs = [Document(d, doc_id=r.id) for r, d in items if type(r) is kind]
                        if docs:
                            year_file.table(kind).insert_multiple(docs)
                for stored, _ in items:
                    self._remember(year_file, stored)
            return sum(len(items) for items in by_year.values())

    def update(self, record: R, *, keep_times: bool = False) -> R:
        """Replace the stored record with the same id; sets updated_at.

        created_at stays what was stored. Changing ``at`` into another year
        moves the record to that year's file. KeyError if the id is unknown.

        ``keep_times``: the record brings its own created_at/updated_at (an
        import from another machine): they are kept, so the time of the edit
        still decides which copy is newer, not the time of the import.
        """
        with self._writing():
            kind = self._kind_of(record)
            old_year = self._find(kind, record.id)
            if old_year is None:
                raise KeyError(f"no {kind.KIND} with id {record.id} is stored")
            old_file = self._years[old_year]
            previous = old_file.get(kind, record.id)
            assert previous is not None
            if keep_times and record.updated_at is not None:
                stamped = record.replace(created_at=record.created_at or previous.created_at)
            else:
                stamped = record.replace(created_at=previous.created_at, updated_at=self._now())
            doc, stored = to_storable(stamped)
            if stored.at.year == old_year:
                old_file.table(kind).update(_replace_with(doc), doc_ids=[stored.id])
                self._remember(old_file, stored)
                return stored  # type: ignore[return-value]
            new_file = self._year(stored.at.year, create=True)
            assert new_file is not None
            # New copy first: a crash in between leaves two copies, and the
            # newer one wins when the files are next read (see _index).
            new_file.table(kind).insert(Document(doc, doc_id=stored.id))
            old_file.hide(kind, stored.id)
            self._remember(new_file, stored)
            with contextlib.suppress(OSError):
                # If this fails the update is still on disk; the stale copy
                # is cleaned up the next time that year is read.
                old_file.table(kind).remove(doc_ids=[stored.id])
            return stored  # type: ignore[return-value]

    def delete(self, kind: type[Record], record_id: str) -> bool:
        """Remove a record; False if no such record is stored."""
        with self._writing():
            table_of(kind)
            record_id = _normal_id(record_id)
            year = self._find(kind, record_id) if record_id else None
            if year is None:
                return False
            year_file = self._years[year]
            year_file.table(kind).remove(doc_ids=[record_id])
            year_file.drop(kind, record_id)
            del self._where[kind][record_id]
            return True

    def get(self, kind: type[R], record_id: str) -> R | None:
        with self._reading():
            table_of(kind)
            record_id = _normal_id(record_id)
            year = self._find(kind, record_id) if record_id else None
            if year is None:
                return None
            return self._years[year].get(kind, record_id)  # type: ignore[return-value]

    def records(
        self, kind: type[R], *, since: date | None = None, until: date | None = None
    ) -> list[R]:
        """Records of a kind sorted by ``at``; since/until are inclusive local dates of ``at``.

        Reads closed years from disk the first time they are asked for.
        """
        with self._reading():
            table_of(kind)
            low = since.year if since is not None else None
            high = until.year if until is not None else None
            # Read every year first: a crash while moving a record to another
            # year can leave a stale copy behind, and only once both years are
            # read is it known which copy is the live one.
            wanted = [
                year
                for year in self.years()
                if not ((low is not None and year < low) or (high is not None and year > high))
            ]
            year_files = [self._year(year, create=False) for year in wanted]
            found: list[Record] = []
            for year_file in year_files:
                if year_file is not None:
                    found.extend(year_file.between(kind, since, until))
            # Years are in order, but an early-morning record with a large
            # offset can be earlier in absolute time than the last one of the
            # year before; a stable sort of nearly sorted data is cheap.
            found.sort(key=attrgetter("at"))
            return found  # type: ignore[return-value]

    def documents(
        self, kind: type[Record], *, since: date | None = None, until: date | None = None
    ) -> list[dict[str, Any]]:
        """The stored JSON documents of the records :meth:`records` returns, without decoding them.

        For readers of many records that need their stored form rather than
        Record objects (the CSV export): decoding ten years of history into
        validated records takes two seconds, longer than all the rest.

        Guaranteed: the same records as ``records(kind, since=, until=)``, one
        document each, sorted the same way (by ``at``; documents with the
        same instant keep their order in the year file, where records() may
        order such ties by when each record was first decoded). Every
        document has passed the store's validation: each year file is
        validated when it is read, in full or, for bytes this version wrote
        or validated before, by that earlier validation (verified.py); a
        file that fails raises UnreadableDataFile here as in records() and
        gives nothing. A file whose content was reloaded from disk since
        (after a failed write) is validated again before any of it is given
        out. The stale copy a crash may leave of a moved record is left out
        (records() gives it too when the year with the newer copy is read
        later in the same call).

        Each document is a fresh copy made of dicts, lists and JSON scalars:
        changing it changes nothing in the store. It is the stored form, which
        :func:`codec.decode` turns into the record, except that ``id`` is the
        record's id as records() has it (a file edited by hand may spell it
        in capitals or braces). A file edited by hand or migrated from an old
        schema may also spell a timestamp another way than the codec writes
        it (``Z`` for ``+00:00``) or leave out a field that has a default.
        """
        # Copying ~50,000 documents makes ~90,000 dicts that are no garbage:
        # the cyclic collector would walk the whole loaded history meanwhile.
        with self._reading(), no_gc():
            table_of(kind)
            # Every year is read before any is looked at: reading a year hides
            # the stale copy of a record that a crash left in an earlier year.
            year_files = [
                self._year(year, create=False) for year in self._years_between(since, until)
            ]
            found: list[tuple[datetime, str, dict[str, Any]]] = []
            for year_file in year_files:
                if year_file is not None:
                    found.extend(year_file.documents_between(kind, since, until))
            # Stable, as in records(): ties keep the order of the year files.
            found.sort(key=itemgetter(0))
            copies = []
            for _, key, doc in found:
                copy = _copied(doc)
                copy["id"] = key  # validated: the key is the id in canonical form
                copies.append(copy)
            return copies

    def count(self, kind: type[Record]) -> int:
        """How many records of a kind, over all years (reads closed years)."""
        with self._reading():
            table_of(kind)
            self._load_all_years()
            return len(self._where[kind])

    def years(self) -> list[int]:
        """Years that have a records file, from file names alone (nothing is read)."""
        with self._reading():
            on_disk = set(record_years(self.data_dir))
            in_memory = {y for y, f in self._years.items() if f.has_any()}
            return sorted(on_disk | in_memory)

    # Settings -----------------------------------------------------------------

    def get_setting(self, key: str, default: Any = None) -> Any:
        with self._reading():
            doc = self._settings_table().get(doc_id=key)  # type: ignore[call-overload]
            if doc is None:
                return default
            value = doc["value"]
            # A copy: changing a returned list must not change the stored one.
            return orjson.loads(orjson.dumps(value)) if isinstance(value, dict | list) else value

    def set_setting(self, key: str, value: Any) -> None:
        """Store a JSON value (dict, list, text, number, bool, None) under ``key``."""
        with self._writing():
            if not isinstance(key, str) or not key:
                raise ValidationError("setting", "key", f"must be non-empty text, got {key!r}")
            check_json_value("setting", key, value)
            value = orjson.loads(orjson.dumps(value))
            table = self._settings_table()
            current = table.get(doc_id=key)  # type: ignore[call-overload]
            if current is not None and current.get("value") == value:
                return
            table.upsert(Document({"value": value}, doc_id=key))

    # Internals ----------------------------------------------------------------

    @contextlib.contextmanager
    def _reading(self) -> Iterator[None]:
        with self._lock:
            if self._closed:
                raise RuntimeError("the store is closed")
            yield

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        with self._reading():
            if self.read_only:
                raise ReadOnlyStore(READ_ONLY_MESSAGE)
            yield

    def _now(self) -> datetime:
        now = self._clock.now()
        if now.tzinfo is None or now.utcoffset() is None:
            raise ValueError("the clock must give timezone-aware times")
        return now

    @staticmethod
    def _kind_of(record: object) -> type[Record]:
        if not isinstance(record, Record) or type(record) not in TABLE_OF:
            raise TypeError(
                "the store keeps SessionRun, PainCheckIn, PegAnswer and PostureBreak "
                f"records; got {type(record).__name__}"
            )
        return type(record)

    def _prepare_new(self, record: Record, now: datetime) -> tuple[Record, dict[str, Any]]:
        self._kind_of(record)
        # replace() runs the domain's validation again, and to_storable checks
        # the result survives the trip through JSON unchanged.
        stamped = record.replace(
            created_at=record.created_at or now, updated_at=record.updated_at or now
        )
        doc, stored = to_storable(stamped)
        return stored, doc

    def _refuse_known_id(self, record: Record) -> None:
        if record.id in self._where[type(record)]:
            raise ValueError(f"{record.KIND} {record.id} is already stored; use update()")

    def _remember(self, year_file: _YearFile, record: Record) -> None:
        year_file.put(record)
        self._where[type(record)][record.id] = year_file.year

    def _find(self, kind: type[Record], record_id: str) -> int | None:
        """The year holding a record, reading closed years (newest first) as needed."""
        where = self._where[kind]
        if record_id in where:
            return where[record_id]
        for year in reversed(record_years(self.data_dir)):
            if year not in self._years:
                self._year(year, create=False)
                if record_id in where:
                    return where[record_id]
        return None

    def _years_between(self, since: date | None, until: date | None) -> list[int]:
        low = since.year if since is not None else None
        high = until.year if until is not None else None
        return [
            year
            for year in self.years()
            if (low is None or year >= low) and (high is None or year <= high)
        ]

    def _load_all_years(self) -> None:
        for year in record_years(self.data_dir):
            self._year(year, create=False)

    def _settings_table(self) -> Table:
        assert self._settings is not None
        return self._settings.table(SETTINGS_TABLE)

    def _open_db(self, file_name: str) -> _Opened:
        """A TinyDB over one data file, brought to the current schema in memory."""
        opened = _Opened()

        def load(blob: bytes, where: Path) -> dict[str, Any]:
            raw, version = schema.load(blob, where, file_name)
            opened.version = version
            opened.digest = digest(blob)
            # Bytes this version wrote or fully validated before need no second
            # check (see verified.py); a migrated file always gets one.
            opened.verified = version == schema.CURRENT_SCHEMA and self._verified.is_verified(
                file_name, opened.digest
            )
            return raw

        def written(blob: bytes) -> None:
            # Only validated records are ever written, so these bytes are known good.
            self._verified.remember_written(file_name, blob)

        opened.db = _Db(
            self.data_dir / file_name,
            storage=JsonFileStorage,
            read_only=self.read_only,
            load=load,
            initial=schema.new_file_data(),
            on_write=written,
        )
        return opened

    def _open_settings(self) -> _Db:
        opened = self._open_db(SETTINGS_FILE)
        problems = check_settings(opened.raw(), SETTINGS_FILE)
        if problems:
            raise _unreadable(self.data_dir / SETTINGS_FILE, problems[0])
        self._settled(SETTINGS_FILE, opened)
        return opened.db

    def _year(self, year: int, *, create: bool) -> _YearFile | None:
        """A year's file, read on first use; None if it does not exist and not ``create``."""
        loaded = self._years.get(year)
        if loaded is not None:
            return loaded
        file_name = year_file_name(year)
        path = self.data_dir / file_name
        if not path.is_file():
            if not create:
                return None
            if not self.read_only:
                _private_dir(self.data_dir / RECORDS_DIR)
        opened = self._open_db(file_name)
        raw = opened.raw()
        year_file = _YearFile(year, opened.db, file_name, path)
        if opened.verified or not opened.digest:  # known good, or a new file
            for kind in TABLE_OF:
                shape = table_shape_problem(raw, kind, file_name)
                if shape is not None:
                    raise _unreadable(path, shape)
        else:
            records, problems = decode_year(raw, file_name)
            if problems:
                raise _unreadable(path, problems[0])
            year_file.adopt(records)
        self._settled(file_name, opened)
        self._years[year] = year_file
        self._index(year_file)
        return year_file

    def _settled(self, file_name: str, opened: _Opened) -> None:
        """After a file validated: write it back if it was migrated, else note it as verified.

        A migrated file is backed up first. A read-only store keeps the
        migration in memory only and writes nothing.
        """
        if self.read_only or not opened.digest:
            return
        if opened.version != schema.CURRENT_SCHEMA:
            make_backup(self.data_dir, now=self._now(), kind="pre-migration", files=[file_name])
            storage = opened.db.storage
            assert isinstance(storage, JsonFileStorage)
            storage.flush()  # on_write notes the new bytes as verified
        elif not opened.verified:
            self._verified.remember(file_name, opened.digest)

    def _index(self, year_file: _YearFile) -> None:
        """Record where each id lives; resolve a record found in two years.

        That happens only when a crash interrupted update() moving a record
        to another year: the copy updated last wins, the other is removed.
        """
        for kind in TABLE_OF:
            where = self._where[kind]
            for record_id in list(year_file.documents(kind)):
                other_year = where.get(record_id)
                if other_year is None or other_year == year_file.year:
                    where[record_id] = year_file.year
                    continue
                other_file = self._years[other_year]
                mine = year_file.get(kind, record_id)
                theirs = other_file.get(kind, record_id)
                assert mine is not None and theirs is not None
                newer_is_mine = (mine.updated_at or mine.at) > (theirs.updated_at or theirs.at)
                stale = other_file if newer_is_mine else year_file
                where[record_id] = year_file.year if newer_is_mine else other_year
                stale.hide(kind, record_id)
                if not self.read_only:
                    with contextlib.suppress(OSError):
                        stale.table(kind).remove(doc_ids=[record_id])

    def _remove_temp_files(self) -> None:
        """Leftovers of atomic writes interrupted by a crash (we hold the lock)."""
        for folder in (self.data_dir, self.data_dir / RECORDS_DIR):
            with contextlib.suppress(OSError):
                for entry in os.scandir(folder):
                    if is_temp_file(entry.name) and entry.is_file():
                        with contextlib.suppress(OSError):
                            os.unlink(entry.path)


def _within(day: date, since: date | None, until: date | None) -> bool:
    return (since is None or day >= since) and (until is None or day <= until)


_JSON_SCALARS = frozenset({str, int, float, bool, type(None)})


def _copied(value: Any) -> Any:
    """A deep copy of a JSON value as orjson reads it (dicts, lists, scalars).

    Containers of scalars only, which is most of them, are copied in one C
    call each: a generic deep copy of ten years took three times as long.
    """
    kind = type(value)
    if kind is dict:
        copy = value.copy()
        if not _JSON_SCALARS.issuperset(map(type, copy.values())):
            for key, item in copy.items():
                if type(item) not in _JSON_SCALARS:
                    copy[key] = _copied(item)  # same keys: safe while iterating
        return copy
    if kind is list:
        if _JSON_SCALARS.issuperset(map(type, value)):
            return value.copy()
        return [_copied(item) for item in value]
    return value


def _replace_with(doc: dict[str, Any]) -> Callable[[MutableMapping[str, Any]], None]:
    def apply(current: MutableMapping[str, Any]) -> None:
        current.clear()
        current.update(doc)

    return apply


def _normal_id(record_id: object) -> str:
    try:
        return str(uuid.UUID(str(record_id)))
    except ValueError:
        return ""


def _unreadable(path: Path, problem: Problem) -> UnreadableDataFile:
    return UnreadableDataFile(
        f"{describe(problem.file)} could not be read. It has been left exactly as it was.",
        path=path,
        detail=str(problem),
        entry=problem.entry,
        field=problem.field,
    )


def _private_dir(path: Path) -> None:
    """Create a folder only its owner can enter (0700 on POSIX)."""
    if path.is_dir():
        return
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name != "nt":
        os.chmod(path, 0o700)  # mkdir's mode is filtered by the umask
