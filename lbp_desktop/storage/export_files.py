"""Exporting the diary to a file: the formats, the date range, and how the file is written.

One entry per format in :data:`FORMATS`; the command line offers exactly
these, and the module that renders a format is imported only when it is
used (this module itself imports nothing heavy, so building the command
line stays quick). A renderer turns an :class:`ExportInput` into the
file's bytes; it reads either Record objects or, faster, the stored JSON
documents (:meth:`Store.documents`), as its format says.

The file is written with the store's atomic write (temp file, fsync,
rename; mode 0600 because it holds health data) and never over an existing
file unless ``force`` is given. Reading needs no writer lock, so a
read-only store works while the app is open.

Also shared by the format modules: what an import reads out of a file
(:class:`Entry`) and the errors that reject a whole file.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from lbp_desktop.domain.records import Record
    from lbp_desktop.storage.store import Store


# A record as it is stored, for renderers that need no Record object:
# (``at`` parsed, index of its kind in KIND_ORDER, id, its JSON document).
StoredDocument = tuple[datetime, int, str, dict[str, Any]]


@dataclass(frozen=True)
class ExportInput:
    """What a renderer gets: the range and the context; what is in the range when asked for.

    ``records`` and ``documents`` are collected the first time a renderer
    reads them, oldest first, so a renderer pays only for the one it uses.
    """

    since: date | None
    until: date | None
    now: datetime
    store: Store  # for formats that need more than the records (plan, settings)

    @cached_property
    def records(self) -> list[Record]:
        return collect_records(self.store, self.since, self.until)

    @cached_property
    def documents(self) -> list[StoredDocument]:
        return collect_documents(self.store, self.since, self.until)


Renderer = Callable[[ExportInput], bytes]


@dataclass(frozen=True)
class ExportFormat:
    name: str  # as given to --format
    title: str  # for people: "CSV", "FHIR R4"
    purpose: str  # for people, e.g. in --help and a file dialog
    suffix: str
    module: str  # imported only when this format is used
    function: str
    reads: Literal["records", "documents"]  # which of ExportInput's the renderer uses

    def renderer(self) -> Renderer:
        renderer: Renderer = getattr(importlib.import_module(self.module), self.function)
        return renderer


FORMATS: dict[str, ExportFormat] = {
    fmt.name: fmt
    for fmt in (
        ExportFormat(
            "csv",
            "CSV",
            "one row per record, for spreadsheets and pandas",
            ".csv",
            "lbp_desktop.storage.export_csv",
            "render_csv",
            "documents",
        ),
        ExportFormat(
            "fhir",
            "FHIR R4",
            "a Bundle of Observations, for a clinician's system",
            ".json",
            "lbp_desktop.storage.export_fhir",
            "render_fhir",
            "records",
        ),
    )
}

# Same records, same order, same bytes: chronological, then a fixed kind order.
KIND_ORDER = ("pain_checkin", "peg_answer", "session_run", "posture_break")
KIND_WORDS = {
    "pain_checkin": "pain check-ins",
    "peg_answer": "PEG answers",
    "session_run": "session runs",
    "posture_break": "posture breaks",
}


class ExportError(Exception):
    """The export was refused before anything was written; ``str(e)`` says why in plain words."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: str
    counts: dict[str, int]  # by record KIND
    first: date | None  # local date of the oldest record written
    last: date | None
    size: int  # bytes written

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def summary(self) -> str:
        kinds = ", ".join(f"{self.counts.get(kind, 0)} {KIND_WORDS[kind]}" for kind in KIND_ORDER)
        span = "" if self.first is None else f" from {self.first} to {self.last}"
        return (
            f"Wrote {self.total} records ({kinds}){span} to {self.path} "
            f"({FORMATS[self.format].title}, {self.size:,} bytes)."
        )


def check_range(since: date | None, until: date | None) -> None:
    if since is not None and until is not None and since > until:
        raise ExportError(f"The start date {since} is after the end date {until}.")


def check_target(out: Path, *, force: bool) -> None:
    """Refuse, before any work, a target that is a folder, exists, or has no folder."""
    if out.is_dir():
        raise ExportError(f"{out} is a folder. Give the name of the file to write.")
    if out.exists() and not force:
        raise ExportError(
            f"{out} already exists and was left as it is. Choose another name, "
            "or pass --force to replace it."
        )
    if not out.parent.is_dir():
        raise ExportError(f"The folder {out.parent} does not exist. Nothing was written.")


def collect_records(store: Store, since: date | None, until: date | None) -> list[Record]:
    """Every record whose local date of ``at`` is within since..until (inclusive), oldest first."""
    from lbp_desktop.domain.records import RECORD_KINDS

    found: list[Record] = []
    for kind in RECORD_KINDS:
        found.extend(store.records(kind, since=since, until=until))
    rank = {kind: index for index, kind in enumerate(KIND_ORDER)}
    found.sort(key=lambda r: (r.at, rank[r.KIND], r.id))
    return found


def collect_documents(store: Store, since: date | None, until: date | None) -> list[StoredDocument]:
    """The stored documents of the records collect_records gives, in the same order.

    Built from Store.documents: no Record objects, which over ten years of
    history cost more than all the rest of a CSV export.
    """
    from lbp_desktop.domain.records import RECORD_KINDS

    parse = datetime.fromisoformat
    found: list[StoredDocument] = []
    for kind in RECORD_KINDS:
        rank = KIND_ORDER.index(kind.KIND)
        docs = store.documents(kind, since=since, until=until)
        found.extend([(parse(doc["at"]), rank, doc["id"], doc) for doc in docs])
    found.sort(key=itemgetter(0, 1, 2))
    return found


def export_to_file(
    store: Store,
    format_name: str,
    out: Path,
    *,
    since: date | None = None,
    until: date | None = None,
    force: bool = False,
    now: datetime | None = None,
) -> ExportResult:
    """Render the records in the range and write them to ``out`` atomically.

    Raises ExportError (nothing written) for an unknown format, a bad range,
    an ``out`` that exists (unless ``force``) or cannot be a file; OSError if
    writing fails (the atomic write leaves no partial file behind).
    """
    from lbp_desktop.storage.atomic import atomic_write_bytes
    from lbp_desktop.storage.validation import no_gc

    fmt = FORMATS.get(format_name)
    if fmt is None:
        raise ExportError(
            f"There is no export format {format_name!r}; choose one of {', '.join(FORMATS)}."
        )
    check_range(since, until)
    out = Path(out)
    check_target(out, force=force)
    export = ExportInput(since, until, now or datetime.now().astimezone(), store)
    # Ten years are ~50,000 records, read and rendered into new objects that
    # are no garbage; the cyclic collector would walk them all again and
    # again meanwhile (a tenth of the whole CSV export).
    with no_gc():
        data = fmt.renderer()(export)
    atomic_write_bytes(out, data)
    # Told from what the renderer read (collected once, kept by ExportInput).
    if fmt.reads == "documents":
        stored = export.documents
        by_rank = Counter(rank for _, rank, _, _ in stored)
        counts = {kind: by_rank.get(rank, 0) for rank, kind in enumerate(KIND_ORDER)}
        times = [stored[0][0], stored[-1][0]] if stored else []
    else:
        records = export.records
        by_kind = Counter(record.KIND for record in records)
        counts = {kind: by_kind.get(kind, 0) for kind in KIND_ORDER}
        times = [records[0].at, records[-1].at] if records else []
    return ExportResult(
        path=out,
        format=fmt.name,
        counts=counts,
        first=times[0].date() if times else None,
        last=times[-1].date() if times else None,
        size=len(data),
    )


# What an import reads out of a file ------------------------------------------


class ImportFileError(Exception):
    """The whole file was refused; nothing was written. ``str(e)`` says why in plain words."""


@dataclass(frozen=True)
class Entry:
    """One record read from an export file, or why it cannot be used.

    ``where`` names the place in the file for a person ("line 12",
    "entry 7"); ``kind`` and ``record_id`` are filled in as far as they
    could be read, so a problem can name the record.
    """

    where: str
    kind: str = ""
    record_id: str = ""
    record: Record | None = None
    problem: str = ""


def entry_from_doc(
    where: str, kind: type[Record], doc: dict[str, Any], extra: Mapping[str, Any] | None = None
) -> Entry:
    """The record a document describes, validated the way the diary validates it.

    ``extra`` is put beside the known fields (it must not name one). A
    missing created_at or updated_at stays missing on the record (the store
    stamps it when adding); the codec alone would call the document damaged.
    """
    from lbp_desktop.domain.records import ValidationError
    from lbp_desktop.storage.codec import decode

    record_id = str(doc.get("id", ""))
    if extra:
        known = {f.name for f in dataclasses.fields(kind)}
        shadowing = sorted(key for key in extra if key in known)
        if shadowing:
            return Entry(
                where, kind.KIND, record_id,
                problem=f"extra names a real field ({', '.join(shadowing)})",
            )  # fmt: skip
        doc = {**doc, **extra}
    missing = [name for name in ("created_at", "updated_at") if doc.get(name) is None]
    if missing:
        # Any valid time will do: it is replaced by None right after decoding.
        doc = {**doc, **dict.fromkeys(missing, _PLACEHOLDER_TIME)}
    try:
        record = decode(kind, doc)
        if missing:
            record = record.replace(**dict.fromkeys(missing))
    except ValidationError as error:
        return Entry(where, kind.KIND, record_id, problem=str(error))
    return Entry(where, kind.KIND, record.id, record=record)


_PLACEHOLDER_TIME = "2000-01-01T00:00:00+00:00"
