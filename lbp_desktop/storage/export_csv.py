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
import dataclasses
import functools
import io
import operator
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
    StepRecord,
)
from lbp_desktop.storage.codec import decode, encode
from lbp_desktop.storage.export_files import (
    KIND_ORDER,
    Entry,
    ExportInput,
    ImportFileError,
    StoredDocument,
    entry_from_doc,
)
from lbp_desktop.storage.validation import no_gc

BOM = "\ufeff"
_BOM_BYTES = BOM.encode("utf-8")

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
#
# Rows are built from the stored JSON documents (Store.documents), not from
# Record objects: over ten years (~50,000 records) decoding them took longer
# than all the rest. Each row is one f-string per kind, and its cells are
# quoted here rather than by csv.writer, whose C loop looks at every
# character one by one: that took half a second for the 18 MB of ten years,
# mostly the steps' JSON. The quoting is csv.writer's (dialect ``excel``,
# QUOTE_MINIMAL): a cell with a comma, a double quote, CR or LF goes in
# double quotes, its double quotes doubled. Only cells that may hold such a
# character go through it; ids, timestamps, numbers and choices from a
# fixed list cannot. The read side (FIELD_OF_COLUMN) is the reference; the
# round-trip tests hold the two together, and the tests compare the bytes
# with what csv.writer wrote from Record objects.
#
# The cells are what the codec writes for the record, byte for byte,
# whatever file the document came from. Documents this version wrote are
# in that form already; a file edited by hand or migrated may spell a
# timestamp otherwise or leave out a field that has a default. Such a
# timestamp is rewritten as the codec writes it, and a document that lacks
# a field goes through the codec once (decode, encode).


def render_csv(export: ExportInput) -> bytes:
    return _csv_bytes(export.documents)


def csv_bytes(records: Iterable[Record]) -> bytes:
    """The CSV of these records, in the order given."""
    return _csv_bytes((r.at, _RANK[r.KIND], r.id, encode(r)) for r in records)


def _csv_bytes(stored: Iterable[StoredDocument]) -> bytes:
    lines = [",".join(COLUMNS) + "\r\n"]
    line_of = _LINE_OF_RANK
    with no_gc():  # ~50,000 new strings, no garbage: no use walking the history for them
        for _, rank, record_id, doc in stored:
            try:
                lines.append(line_of[rank](doc, record_id))
            except KeyError:  # a field with a default is left out
                canonical = encode(decode(_KIND_OF_RANK[rank], doc))
                lines.append(line_of[rank](canonical, record_id))
    # The mark apart: in the joined text it would make every character take
    # two bytes, and the encoding a conversion instead of a copy.
    return _BOM_BYTES + "".join(lines).encode("utf-8")


# One f-string per kind, a line per group of COLUMNS, each cell followed by
# its comma. Each reads every field of its kind, so a document that lacks
# one raises KeyError. An int or float goes in as str() writes it (repr for
# a float): what the CSV has always held.


def _pain_line(d: dict[str, Any], record_id: str) -> str:
    at = _time(d["at"])
    note, run_id = d["note"], d["run_id"]
    return (
        f"pain_checkin,{record_id},{at[:10]},{at},"
        f"{d['score']},{d['context']},{d['area'] or ''},"
        f"{_text(note) if note else ''},{_text(run_id) if run_id else ''},"
        ",,,,"  # peg_pain .. peg_score
        ",,,,,,"  # plan_id .. stop_reason
        ",,"  # duration_s, routine_id
        ","  # steps
        f"{'' if len(d) == _N_PAIN else _extra(d, _KNOWN_PAIN)},"
        f"{_stamp(d['created_at'])},{_stamp(d['updated_at'])}\r\n"
    )


def _peg_line(d: dict[str, Any], record_id: str) -> str:
    at = _time(d["at"])
    pain, enjoyment, activity = d["pain"], d["enjoyment"], d["activity"]
    return (
        f"peg_answer,{record_id},{at[:10]},{at},"
        ",,,,,"  # pain_score .. run_id
        f"{pain},{enjoyment},{activity},{_short((pain + enjoyment + activity) / 3, 2)},"
        ",,,,,,"  # plan_id .. stop_reason
        ",,"  # duration_s, routine_id
        ","  # steps
        f"{'' if len(d) == _N_PEG else _extra(d, _KNOWN_PEG)},"
        f"{_stamp(d['created_at'])},{_stamp(d['updated_at'])}\r\n"
    )


def _session_line(d: dict[str, Any], record_id: str) -> str:
    at = _time(d["at"])
    ended, pre, post, steps = d["ended_at"], d["pre_pain"], d["post_pain"], d["steps"]
    reason = d["stop_reason"]
    return (
        f"session_run,{record_id},{at[:10]},{at},"
        ",,,,,"  # pain_score .. run_id
        ",,,,"  # peg_pain .. peg_score
        f"{_text(d['plan_id'])},{d['outcome']},{'' if ended is None else _time(ended)},"
        f"{'' if pre is None else pre},{'' if post is None else post},"
        f"{_text(reason) if reason else ''},"
        f"{_short(sum(map(_DONE_S, steps)), 1)},"
        ","  # routine_id
        f"{_steps(d) if steps else ''},"
        f"{'' if len(d) == _N_SESSION else _extra(d, _KNOWN_SESSION)},"
        f"{_stamp(d['created_at'])},{_stamp(d['updated_at'])}\r\n"
    )


def _break_line(d: dict[str, Any], record_id: str) -> str:
    at = _time(d["at"])
    routine = d["routine_id"]
    return (
        f"posture_break,{record_id},{at[:10]},{at},"
        ",,,,,"  # pain_score .. run_id
        ",,,,"  # peg_pain .. peg_score
        f",{d['outcome']},,,,,"  # plan_id .. stop_reason
        f"{d['duration_s']},{_text(routine) if routine else ''},"
        ","  # steps
        f"{'' if len(d) == _N_BREAK else _extra(d, _KNOWN_BREAK)},"
        f"{_stamp(d['created_at'])},{_stamp(d['updated_at'])}\r\n"
    )


def _known(kind: type[Any]) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(kind) if f.name != "extra")


_KNOWN_PAIN = _known(PainCheckIn)
_KNOWN_PEG = _known(PegAnswer)
_KNOWN_SESSION = _known(SessionRun)
_KNOWN_BREAK = _known(PostureBreak)
# With every known field present (each line reads them all), a document
# has extras exactly when it has more keys than these.
_N_PAIN, _N_PEG, _N_SESSION, _N_BREAK = map(
    len, (_KNOWN_PAIN, _KNOWN_PEG, _KNOWN_SESSION, _KNOWN_BREAK)
)
# The codec writes a step's fields in this order, then its extras.
_STEP_FIELDS = tuple(f.name for f in dataclasses.fields(StepRecord) if f.name != "extra")
_DONE_S = operator.itemgetter("done_s")

_RANK = {kind: rank for rank, kind in enumerate(KIND_ORDER)}
_KIND_OF_RANK = tuple(_KIND_CLASS[kind] for kind in KIND_ORDER)
_LINE_OF_RANK = tuple(
    {
        PainCheckIn.KIND: _pain_line,
        PegAnswer.KIND: _peg_line,
        SessionRun.KIND: _session_line,
        PostureBreak.KIND: _break_line,
    }[kind]
    for kind in KIND_ORDER
)

_NEEDS_QUOTES = re.compile(r'[,"\r\n]').search
_QUOTE, _TWO_QUOTES = '"', '""'


def _text(value: str) -> str:
    """A cell as csv.writer writes it."""
    if value and _NEEDS_QUOTES(value):
        return f'"{value.replace(_QUOTE, _TWO_QUOTES)}"'
    return value


# Exactly the texts datetime.isoformat() writes for a parsed time with a
# fixed offset: seconds always, microseconds only when not zero, an offset
# of hours and minutes, +00:00 for UTC. Anything else the store reads (Z, a
# space for T, no seconds, an offset in seconds) is rewritten by _time.
_IS_CODEC_TIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]"
    r"(?:\.(?!000000)[0-9]{6})?(?!-00:00)[+-](?:[01][0-9]|2[0-3]):[0-5][0-9]"
).fullmatch


def _time(text: str) -> str:
    """A stored timestamp as the codec writes it."""
    if _IS_CODEC_TIME(text):
        return text
    return datetime.fromisoformat(text).isoformat()


@functools.lru_cache(maxsize=256)
def _stamp(text: str | None) -> str:
    """created_at or updated_at: mostly the same text, and shared by a batch written together.

    None only for records not stored yet (csv_bytes of new records).
    """
    return "" if text is None else _time(text)


def _steps(d: dict[str, Any]) -> str:
    """A session's steps as the codec writes them, as a quoted cell."""
    steps = d["steps"]
    fields, is_codec_time = _STEP_FIELDS, _IS_CODEC_TIME
    for step in steps:
        keys = tuple(step)
        if (
            (keys if len(keys) == len(fields) else keys[: len(fields)]) != fields
            or not is_codec_time(step["started_at"])
            or not is_codec_time(step["ended_at"])
        ):
            steps = encode(decode(SessionRun, d))["steps"]
            break
    # JSON of objects always holds a double quote: quoted, as csv.writer would.
    return f'"{orjson.dumps(steps).decode().replace(_QUOTE, _TWO_QUOTES)}"'


def _extra(d: dict[str, Any], known: frozenset[str]) -> str:
    extra = {key: value for key, value in d.items() if key not in known}
    return _text(orjson.dumps(extra).decode())


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
