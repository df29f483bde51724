"""`lbp-desktop import FILE`: merge an export of this app into the diary, by record UUID.

The file (a CSV or a FHIR Bundle this app wrote; the format is told from
its content, not its name) is read and checked completely before the diary
is opened. A file that is not one of these exports, or is damaged as a
whole (not UTF-8, not valid JSON, cut short in the middle of a row, a
header this version does not know) is refused with a plain message and
nothing is written. A single row or entry that does not make a valid
record is skipped with its reason; the others are imported.

Each record of the file is then compared with the diary's record of the
same kind and UUID:

- none there: the record is **added**, with its own created/updated times;
- the same content (every field but the created/updated times): **unchanged**;
- different content: the newer edit wins, by ``updated_at``, then
  ``created_at``. The file's copy replaces the diary's (**updated**) only
  when it is strictly newer; on a tie, or when the diary's copy is newer,
  the diary's copy is kept (**skipped**, with that reason). A record
  without timestamps (say, a row typed into a spreadsheet) counts as older
  than any timestamped copy, so it can be added but never overwrites; the
  diary always has both times, because the store stamps what it adds.

A record that appears twice in the file is not imported at all: which copy
is meant cannot be told. Importing the same file again changes nothing.

All writes go through the Store: atomic, and only with the writer lock, so
while the app is open the import stops before writing (StoreLocked). New
records are written with one atomic write per year file; updates one by
one. If a write fails midway, what was written stays (and is whole), and
running the same import again completes it.

Known limit: Store.update stamps ``updated_at`` with the time of the
import, not the time of the edit being merged in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import orjson

from lbp_desktop.domain.clock import Clock
from lbp_desktop.domain.records import Record, ValidationError
from lbp_desktop.storage.codec import encode
from lbp_desktop.storage.export_csv import looks_like_csv, read_csv
from lbp_desktop.storage.export_fhir import looks_like_json, read_fhir
from lbp_desktop.storage.export_files import KIND_ORDER, KIND_WORDS, Entry, ImportFileError
from lbp_desktop.storage.store import Store

_STAMPS = ("created_at", "updated_at")
_LONG_AGO = datetime.min.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Skipped:
    where: str  # "line 12", "entry 7"
    kind: str
    record_id: str
    reason: str
    problem: bool  # True: the record could not be used; False: the diary's copy was kept

    def __str__(self) -> str:
        what = " ".join(part for part in (self.kind, self.record_id) if part)
        return f"{self.where}: {what}: {self.reason}" if what else f"{self.where}: {self.reason}"


@dataclass
class ImportReport:
    file: Path
    format: str  # "CSV" or "FHIR"
    added: int = 0
    unchanged: int = 0
    updated: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    added_by_kind: dict[str, int] = field(default_factory=dict)

    @property
    def problems(self) -> list[Skipped]:
        return [s for s in self.skipped if s.problem]

    @property
    def kept(self) -> list[Skipped]:
        return [s for s in self.skipped if not s.problem]

    def summary(self) -> str:
        line = (
            f"{self.file} ({self.format}): {self.added} added, {self.unchanged} unchanged, "
            f"{self.updated} updated, {len(self.skipped)} skipped."
        )
        if self.added:
            kinds = ", ".join(
                f"{self.added_by_kind[kind]} {KIND_WORDS[kind]}"
                for kind in KIND_ORDER
                if self.added_by_kind.get(kind)
            )
            line += f" Added: {kinds}."
        return line


class ImportWriteError(Exception):
    """Writing stopped partway; ``report`` says what had been written before."""

    def __init__(self, message: str, report: ImportReport) -> None:
        super().__init__(message)
        self.report = report


def read_export(path: Path) -> tuple[str, list[Entry]]:
    """The format and entries of an export file; ImportFileError if it cannot be used at all."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportFileError(f"There is no file {path}. Nothing was imported.") from None
    except IsADirectoryError:
        raise ImportFileError(f"{path} is a folder, not a file. Nothing was imported.") from None
    except OSError as error:
        raise ImportFileError(
            f"{path} could not be read ({error.strerror or error}). Nothing was imported."
        ) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFileError(
            f"{path} is UTF-16 text; this app's exports are UTF-8. If a spreadsheet saved it "
            'again, save it as "CSV UTF-8". Nothing was imported.'
        )
    head = data[:4096].decode("utf-8", errors="replace")
    if looks_like_json(head):
        return "FHIR", read_fhir(data)
    if looks_like_csv(head):
        return "CSV", read_csv(data)
    if not data.strip():
        raise ImportFileError(f"{path} is empty. Nothing was imported.")
    raise ImportFileError(
        f"{path} is neither a CSV nor a FHIR export of this app. Nothing was imported."
    )


def import_file(path: Path, data_dir: Path, *, clock: Clock | None = None) -> ImportReport:
    """Read ``path`` completely, then merge it into the diary in ``data_dir``.

    Raises ImportFileError (nothing written) for an unusable file, the
    store's errors (StoreLocked while the app is open, UnreadableDataFile
    for a damaged diary; nothing written) and ImportWriteError if a write
    fails partway.
    """
    file_format, entries = read_export(path)
    report = ImportReport(file=Path(path), format=file_format)
    if not any(entry.record is not None for entry in entries):
        report.skipped.extend(_problem(entry, entry.problem) for entry in entries)
        return report
    with Store.open(data_dir, clock=clock) as store:
        merge(store, entries, report)
    return report


def merge(store: Store, entries: list[Entry], report: ImportReport) -> None:
    """Add, update or skip each entry against ``store`` (see the module docstring)."""
    adds: list[Record] = []
    updates: list[Record] = []
    for entry, record, content in _usable(entries, report):
        stored = store.get(type(record), record.id)
        if stored is None:
            adds.append(record)
        elif _content(stored) == content:
            report.unchanged += 1
        elif _stamp(record) > _stamp(stored):
            updates.append(record)
        else:
            reason = (
                "your diary has a newer edit of it; yours was kept"
                if _stamp(stored) > _stamp(record)
                else "it differs from your diary's copy, which is as new; yours was kept"
            )
            report.skipped.append(Skipped(entry.where, entry.kind, record.id, reason, False))
    try:
        if adds:
            store.add_many(adds)
            report.added = len(adds)
            for record in adds:
                report.added_by_kind[record.KIND] = report.added_by_kind.get(record.KIND, 0) + 1
        for record in updates:
            store.update(record, keep_times=True)
            report.updated += 1
    except OSError as error:
        raise ImportWriteError(
            f"Writing to your diary failed ({error.strerror or error}). What was written "
            "before is whole and stays; running the same import again completes it.",
            report,
        ) from error


def _usable(entries: list[Entry], report: ImportReport) -> list[tuple[Entry, Record, bytes]]:
    """Entries with a storable record that appears once in the file; the rest are reported."""
    places: dict[tuple[str, str], list[str]] = {}
    for entry in entries:
        if entry.record is not None:
            places.setdefault((entry.kind, entry.record.id), []).append(entry.where)
    usable = []
    for entry in entries:
        record = entry.record
        if record is None:
            report.skipped.append(_problem(entry, entry.problem))
            continue
        seen = places[(entry.kind, record.id)]
        if len(seen) > 1:
            others = ", ".join(seen)
            report.skipped.append(
                _problem(entry, f"appears more than once in the file ({others}); not imported")
            )
            continue
        try:
            # What the store would refuse (for the whole batch), refused here for this one.
            content = _content(record)
        except (ValidationError, orjson.JSONEncodeError) as error:
            report.skipped.append(_problem(entry, str(error)))
            continue
        usable.append((entry, record, content))
    return usable


def _problem(entry: Entry, reason: str) -> Skipped:
    return Skipped(entry.where, entry.kind, entry.record_id, reason, True)


def _content(record: Record) -> bytes:
    """Everything but the created/updated times, in a form where 1, 1.0 and true differ."""
    doc = {key: value for key, value in encode(record).items() if key not in _STAMPS}
    return orjson.dumps(doc, option=orjson.OPT_SORT_KEYS)


def _stamp(record: Record) -> tuple[bool, datetime, bool, datetime]:
    # A missing time is older than any time.
    return (
        record.updated_at is not None,
        record.updated_at or _LONG_AGO,
        record.created_at is not None,
        record.created_at or _LONG_AGO,
    )
