"""The CSV export, and reading it back for an import.

Tidy: one row per record, one column per variable, and one shared column
where two kinds of record mean the same thing (``outcome``: how a session
or a posture break went; ``duration_s``: seconds of activity). A ``kind``
column says which record a row is. Cells a kind does not have stay empty.

Lossless, so an import restores every record exactly: timestamps are ISO
8601 with their own UTC offset (as the diary keeps them), whole numbers
stay whole and other numbers are written with Python's shortest exact
form, a session's steps are a JSON list in ``steps`` (the diary's own
step documents) and fields this version does not know are a JSON object
in ``extra``. ``date`` (the local date), ``peg_score`` (the PEG mean) and
a session's ``duration_s`` (the sum of its steps) are there for people
and spreadsheets only; an import ignores them.

Encoding: UTF-8 with a byte-order mark, lines ending CR LF (RFC 4180).
Excel on Windows reads a CSV without the mark in the ANSI code page and
garbles every non-ASCII note ("Rücken" becomes "RÃ¼cken"); with it, Excel
reads UTF-8. pandas.read_csv drops the mark with no options, because the
first header (``kind``) is not quoted; Python's csv module needs
``encoding="utf-8-sig"``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import orjson

from lbp_desktop.domain.records import (
    RECORD_KINDS,
    PainCheckIn,
    PegAnswer,
    PostureBreak,
    Record,
    SessionRun,
)
from lbp_desktop.storage.codec import encode
from lbp_desktop.storage.export_files import Entry, ExportInput, ImportFileError, entry_from_doc

BOM = "\ufeff"

COLUMNS: tuple[str, ...] = (
    "kind", "id", "date", "at",
    "pain_score", "context", "area", "note", "run_id",
    "peg_pain", "peg_enjoyment", "peg_activity", "peg_score",
    "plan_id", "outcome", "ended_at", "pre_pain", "post_pain", "stop_reason",
    "duration_s", "routine_id",
    "steps", "extra", "created_at", "updated_at",
)  # fmt: skip

# Every kind has these; ``extra`` holds the fields this version does not know.
_COMMON = ("id", "at", "created_at", "updated_at")

# Column -> field, per kind: the only columns a row of that kind may fill.
FIELD_OF_COLUMN: dict[str, dict[str, str]] = {
    PainCheckIn.KIND: {
        "pain_score": "score",
        "context": "context",
        "area": "area",
        "note": "note",
        "run_id": "run_id",
    },
    PegAnswer.KIND: {"peg_pain": "pain", "peg_enjoyment": "enjoyment", "peg_activity": "activity"},
    SessionRun.KIND: {
        "plan_id": "plan_id",
        "outcome": "outcome",
        "ended_at": "ended_at",
        "pre_pain": "pre_pain",
        "post_pain": "post_pain",
        "stop_reason": "stop_reason",
        "steps": "steps",
    },
    PostureBreak.KIND: {
        "outcome": "outcome",
        "duration_s": "duration_s",
        "routine_id": "routine_id",
    },
}

# Written for people, ignored by an import.
DERIVED: dict[str, frozenset[str]] = {
    PainCheckIn.KIND: frozenset({"date"}),
    PegAnswer.KIND: frozenset({"date", "peg_score"}),
    SessionRun.KIND: frozenset({"date", "duration_s"}),
    PostureBreak.KIND: frozenset({"date"}),
}
_ALWAYS_DERIVED = frozenset.intersection(*DERIVED.values()) | {"peg_score"}

# How an empty cell reads back: None for optional values (which are never
# empty text when set), "" for free text, and left out otherwise so the
# record's own default or "is missing" applies.
_EMPTY_IS_NONE = frozenset(
    {"area", "run_id", "ended_at", "pre_pain", "post_pain", "routine_id", "created_at",
     "updated_at"}
)  # fmt: skip
_EMPTY_IS_TEXT = frozenset({"note", "stop_reason"})
_WHOLE_NUMBERS = frozenset({"score", "pain", "enjoyment", "activity", "pre_pain", "post_pain"})
_NUMBERS = frozenset({"duration_s"})

_KIND_CLASS: dict[str, type[Record]] = {kind.KIND: kind for kind in RECORD_KINDS}
_INDEX = {name: index for index, name in enumerate(COLUMNS)}
_WHOLE = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


# Writing -----------------------------------------------------------------


def render_csv(export: ExportInput) -> bytes:
    return csv_bytes(export.records)


def csv_bytes(records: Iterable[Record]) -> bytes:
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(row_of(record) for record in records)
    return buffer.getvalue().encode("utf-8")


def row_of(record: Record) -> list[str]:
    """The cells of a record, in the order of COLUMNS."""
    return _ROW_OF[type(record)](record)


# One literal row per kind: ten years are ~50,000 rows, and a generic
# field-by-field loop took twice as long. The read side (FIELD_OF_COLUMN)
# is the reference; the round-trip tests hold the two together.


def _pain_row(r: PainCheckIn) -> list[str]:
    at = r.at.isoformat()
    return [
        r.KIND, r.id, at[:10], at,
        str(r.score), r.context, r.area or "", r.note, r.run_id or "",
        "", "", "", "",
        "", "", "", "", "", "",
        "", "",
        "", _extra(r), _iso(r.created_at), _iso(r.updated_at),
    ]  # fmt: skip


def _peg_row(r: PegAnswer) -> list[str]:
    at = r.at.isoformat()
    return [
        r.KIND, r.id, at[:10], at,
        "", "", "", "", "",
        str(r.pain), str(r.enjoyment), str(r.activity), _short(r.score, 2),
        "", "", "", "", "", "",
        "", "",
        "", _extra(r), _iso(r.created_at), _iso(r.updated_at),
    ]  # fmt: skip


def _session_row(r: SessionRun) -> list[str]:
    at = r.at.isoformat()
    # The codec's own step documents, so steps read back exactly as the diary keeps them.
    steps = orjson.dumps(encode(r)["steps"]).decode() if r.steps else ""
    return [
        r.KIND, r.id, at[:10], at,
        "", "", "", "", "",
        "", "", "", "",
        r.plan_id, r.outcome, _iso(r.ended_at), _whole(r.pre_pain), _whole(r.post_pain),
        r.stop_reason,
        _short(r.duration_s, 1), "",
        steps, _extra(r), _iso(r.created_at), _iso(r.updated_at),
    ]  # fmt: skip


def _break_row(r: PostureBreak) -> list[str]:
    at = r.at.isoformat()
    return [
        r.KIND, r.id, at[:10], at,
        "", "", "", "", "",
        "", "", "", "",
        "", r.outcome, "", "", "", "",
        _number(r.duration_s), r.routine_id or "",
        "", _extra(r), _iso(r.created_at), _iso(r.updated_at),
    ]  # fmt: skip


_ROW_OF = {
    PainCheckIn: _pain_row,
    PegAnswer: _peg_row,
    SessionRun: _session_row,
    PostureBreak: _break_row,
}


def _iso(value: datetime | None) -> str:
    return "" if value is None else value.isoformat()


def _whole(value: int | None) -> str:
    return "" if value is None else str(value)


def _number(value: float) -> str:
    # repr is the shortest text that reads back as the same float; ints stay ints.
    return repr(value) if type(value) is float else str(value)


def _extra(record: Record) -> str:
    return orjson.dumps(dict(record.extra)).decode() if record.extra else ""


def _short(value: float, places: int) -> str:
    rounded = round(value, places)
    return str(int(rounded)) if rounded == int(rounded) else str(rounded)


# Reading -----------------------------------------------------------------


def looks_like_csv(text: str) -> bool:
    """The first line is the header of this app's CSV (whatever the order of its columns)."""
    lines = text.lstrip(BOM).splitlines()
    try:
        cells = next(csv.reader(lines[:1]), [])
    except csv.Error:
        return False
    return "kind" in cells and "id" in cells


def read_csv(data: bytes) -> list[Entry]:
    """Entries of a CSV this app wrote; ImportFileError when the file as a whole is unusable.

    A row that can be read but does not make a valid record comes back as an
    Entry with its problem, so the other rows can still be imported.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            f"The file is not UTF-8 text (a byte at position {error.start} is not), as this "
            "app's CSV exports are. If a spreadsheet saved it again, save it as "
            '"CSV UTF-8". Nothing was imported.'
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise ImportFileError("The file is empty. Nothing was imported.")
        columns = _check_header(header)
        entries: list[Entry] = []
        line = reader.line_num + 1
        for cells in reader:
            where = f"line {line}"
            line = reader.line_num + 1
            if not cells or cells == [""]:
                continue  # a blank line, as spreadsheets sometimes add at the end
            if len(cells) != len(columns):
                raise ImportFileError(
                    f"{where.capitalize()} has {len(cells)} cells where the header has "
                    f"{len(columns)}: the file looks damaged or cut short. Nothing was imported."
                )
            entries.append(_entry(where, dict(zip(columns, cells, strict=True))))
    except csv.Error as error:
        raise ImportFileError(
            f"The file could not be read as CSV near line {reader.line_num} ({error}): it "
            "looks damaged or cut short. Nothing was imported."
        ) from None
    return entries


def _check_header(header: list[str]) -> list[str]:
    columns = [name.strip() for name in header]
    unknown = [name for name in columns if name not in _INDEX]
    if unknown:
        raise ImportFileError(
            f"The file has columns this version of the app does not know ({', '.join(unknown)}). "
            "It may come from a newer version, or was not made by this app. Nothing was imported."
        )
    if len(set(columns)) != len(columns):
        raise ImportFileError("The header names a column twice. Nothing was imported.")
    missing = [name for name in COLUMNS if name not in columns and name not in _ALWAYS_DERIVED]
    if missing:
        raise ImportFileError(
            f"The file lacks columns this app's CSV exports have ({', '.join(missing)}). "
            "Nothing was imported."
        )
    return columns


def _entry(where: str, row: dict[str, str]) -> Entry:
    kind_name = row["kind"].strip()
    record_id = row["id"].strip()
    kind = _KIND_CLASS.get(kind_name)
    if kind is None:
        problem = f"the kind {kind_name!r} is not one this version of the app knows"
        return Entry(where, kind_name, record_id, problem=problem)
    fields = FIELD_OF_COLUMN[kind_name]
    allowed = fields.keys() | DERIVED[kind_name] | {"kind", "extra", *_COMMON}
    stray = [column for column, value in row.items() if value and column not in allowed]
    if stray:
        problem = f"has a value in {stray[0]}, which a {kind_name} does not have"
        return Entry(where, kind_name, record_id, problem=problem)
    doc: dict[str, Any] = {}
    try:
        for column, name in [*((c, c) for c in _COMMON), *fields.items()]:
            value = _value(name, row[column]) if column in row else _OMIT
            if value is not _OMIT:
                doc[name] = value
        if not isinstance(doc.get("steps", []), list):
            raise ValueError("steps must be a JSON list")
        extra = _json(row["extra"]) if row.get("extra") else {}
        if not isinstance(extra, dict):
            raise ValueError("extra must be a JSON object")
    except ValueError as error:
        return Entry(where, kind_name, record_id, problem=str(error))
    return entry_from_doc(where, kind, doc, extra)


class _Omit:
    pass


_OMIT = _Omit()


def _value(name: str, text: str) -> Any:
    if text == "":
        if name in _EMPTY_IS_NONE:
            return None
        if name in _EMPTY_IS_TEXT:
            return ""
        return [] if name == "steps" else _OMIT
    if name == "steps":
        return _json(text)
    if name in _WHOLE_NUMBERS and _WHOLE.fullmatch(text):
        return int(text)
    if name in _NUMBERS:
        if _WHOLE.fullmatch(text):
            return int(text)
        if _DECIMAL.fullmatch(text):
            return float(text)
    # Anything else goes to the record as text; its validation names the field.
    return text


def _json(text: str) -> Any:
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as error:
        raise ValueError(f"{text[:40]!r} is not valid JSON ({error})") from None
