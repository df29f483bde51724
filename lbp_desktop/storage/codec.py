"""Record <-> JSON document.

A document is a flat JSON object: the record's fields by name, timestamps as
ISO 8601 strings with their UTC offset (``2026-01-05T09:00:00+01:00``), the
steps of a session run as a list of such objects. Fields this version does
not know (written by a newer one) are kept in ``extra`` on the way in and put
back beside the known ones on the way out, so nothing is lost.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from datetime import datetime
from typing import Any, TypeVar

import orjson

from lbp_desktop.domain.records import (
    PainCheckIn,
    PegAnswer,
    PostureBreak,
    Record,
    SessionRun,
    StepRecord,
    ValidationError,
)

R = TypeVar("R", bound=Record)
Doc = dict[str, Any]

TABLE_OF: dict[type[Record], str] = {
    SessionRun: "session_runs",
    PainCheckIn: "pain_checkins",
    PegAnswer: "peg_answers",
    PostureBreak: "posture_breaks",
}
KIND_OF_TABLE: dict[str, type[Record]] = {table: kind for kind, table in TABLE_OF.items()}

# Required on disk even where the dataclass has a default: the store always
# writes them, so a document without them was damaged.
_ALWAYS_REQUIRED = frozenset({"id", "at", "created_at", "updated_at"})
_DATETIME_FIELDS = frozenset({"at", "created_at", "updated_at", "ended_at", "started_at"})


@dataclasses.dataclass(frozen=True)
class _Spec:
    kind_name: str
    names: tuple[str, ...]  # every field but extra, in the order they are written
    known: frozenset[str]
    required: frozenset[str]
    not_null: tuple[str, ...]
    datetimes: tuple[str, ...]


def _spec_of(cls: type, kind_name: str, always: frozenset[str]) -> _Spec:
    fields = [f for f in dataclasses.fields(cls) if f.name != "extra"]
    # Written in this order: who and when first, bookkeeping last.
    first = [f for f in fields if f.name in ("id", "at")]
    last = [f for f in fields if f.name in ("created_at", "updated_at")]
    fields = (
        sorted(first, key=lambda f: f.name != "id")
        + [f for f in fields if f not in first and f not in last]
        + last
    )
    names = tuple(f.name for f in fields)
    no_default = {
        f.name
        for f in fields
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }
    return _Spec(
        kind_name=kind_name,
        names=names,
        known=frozenset(names),
        required=frozenset(no_default | (always & set(names))),
        not_null=tuple(n for n in names if n in always),
        datetimes=tuple(n for n in names if n in _DATETIME_FIELDS),
    )


_SPECS: dict[type, _Spec] = {kind: _spec_of(kind, kind.KIND, _ALWAYS_REQUIRED) for kind in TABLE_OF}
_STEP_SPEC = _spec_of(StepRecord, "step", frozenset())


def table_of(kind: type[Record]) -> str:
    """The table a record kind lives in; TypeError for anything else."""
    try:
        return TABLE_OF[kind]
    except (KeyError, TypeError):
        raise TypeError(f"{kind!r} is not a kind of record this store keeps") from None


# Encoding ---------------------------------------------------------------


def encode(record: Record) -> Doc:
    """The JSON document of a record, checked to be storable.

    Raises ValidationError naming the field for a value JSON cannot hold
    faithfully (e.g. a number beyond 64 bits, a lone surrogate in a note, or
    an ``extra`` key that would shadow a real field).
    """
    spec = _SPECS[type(record)]
    doc = _encode_fields(record, spec)
    if isinstance(record, SessionRun):
        doc["steps"] = [_encode_fields(step, _STEP_SPEC) for step in record.steps]
    return doc


def _encode_fields(obj: Any, spec: _Spec) -> Doc:
    if not isinstance(obj.extra, Mapping):
        raise ValidationError(spec.kind_name, "extra", "must be a mapping")
    doc: Doc = {}
    for name in spec.names:
        value = getattr(obj, name)
        if name in spec.datetimes and value is not None:
            value = value.isoformat()
        doc[name] = value
    for key, value in obj.extra.items():
        if not isinstance(key, str):
            raise ValidationError(spec.kind_name, "extra", f"keys must be text, got {key!r}")
        if key in doc:
            raise ValidationError(
                spec.kind_name, "extra", f"{key!r} is a real field and cannot be extra"
            )
        check_json_value(spec.kind_name, key, value)
        doc[key] = value
    return doc


def check_json_value(kind: str, name: str, value: Any) -> None:
    """Only plain JSON (dict with text keys, list, text, number, bool, null).

    orjson would also accept tuples, datetimes or dataclasses, but they come
    back as something else, so a stored value would not equal the given one.
    """
    if value is None or isinstance(value, bool | str):
        return
    if isinstance(value, int):
        if not -(2**63) <= value < 2**64:
            raise ValidationError(kind, name, "is a number too large to store")
        return
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise ValidationError(kind, name, "must be a finite number")
        return
    if isinstance(value, list):
        for item in value:
            check_json_value(kind, name, item)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise ValidationError(kind, name, f"has a key that is not text: {key!r}")
            check_json_value(kind, name, item)
        return
    raise ValidationError(kind, name, f"cannot be stored as JSON ({type(value).__name__})")


def to_storable(record: Record) -> tuple[Doc, Record]:
    """The document to store and the record exactly as it will read back.

    Round-tripping through bytes validates the record again (a frozen record
    can still be forced with ``object.__setattr__``), proves orjson can write
    it, and cuts every link to the caller's mutable objects.
    """
    doc = encode(record)
    try:
        blob = orjson.dumps(doc)
    except orjson.JSONEncodeError as error:
        raise ValidationError(record.KIND, _unstorable_field(doc), str(error)) from None
    stored = orjson.loads(blob)
    return stored, decode(type(record), stored)


def _unstorable_field(doc: Doc) -> str:
    for name, value in doc.items():
        try:
            orjson.dumps(value)
        except orjson.JSONEncodeError:
            return name
    return "(record)"


# Decoding ---------------------------------------------------------------


def decode(kind: type[R], doc: Any, memo: dict[str, datetime] | None = None) -> R:
    """A validated record from its document; ValidationError names the field.

    ``memo`` shares parsed timestamps between the documents of one file:
    created_at and updated_at often repeat a string already seen, and the
    parsed datetimes are immutable.
    """
    spec = _SPECS[kind]
    memo = {} if memo is None else memo
    kwargs = _decode_fields(doc, spec, memo)
    if kind is SessionRun:
        kwargs["steps"] = _decode_steps(kwargs.get("steps", ()), memo)
    try:
        return kind(**kwargs)
    except TypeError as error:  # should not happen: the spec lists the fields
        raise ValidationError(spec.kind_name, "(record)", str(error)) from None


def _decode_fields(doc: Any, spec: _Spec, memo: dict[str, datetime]) -> dict[str, Any]:
    # The hot loop of opening a year (about 10,000 documents for a heavy
    # year): set operations and comprehensions, few per-field Python steps.
    if type(doc) is not dict and not isinstance(doc, Mapping):
        raise ValidationError(spec.kind_name, "(record)", "must be a JSON object")
    known = spec.known
    kwargs = {key: value for key, value in doc.items() if key in known}
    if len(kwargs) == len(doc):
        extra: dict[str, Any] = {}
    else:
        extra = {key: value for key, value in doc.items() if key not in known}
    if not kwargs.keys() >= spec.required:
        missing = [name for name in spec.names if name in spec.required - kwargs.keys()]
        raise ValidationError(spec.kind_name, missing[0], "is missing")
    for name in spec.not_null:
        if kwargs[name] is None:
            raise ValidationError(spec.kind_name, name, "is missing")
    for name in spec.datetimes:
        value = kwargs.get(name)
        if value is not None:
            parsed = memo.get(value) if type(value) is str else None
            if parsed is None:
                parsed = parse_datetime(spec.kind_name, name, value)
                memo[value] = parsed
            kwargs[name] = parsed
    kwargs["extra"] = extra
    return kwargs


def _decode_steps(raw: Any, memo: dict[str, datetime]) -> tuple[StepRecord, ...]:
    if type(raw) is not list:
        raise ValidationError("session_run", "steps", "must be a list of steps")
    steps = []
    for index, item in enumerate(raw):
        try:
            steps.append(StepRecord(**_decode_fields(item, _STEP_SPEC, memo)))
        except ValidationError as error:
            raise ValidationError(
                "session_run", f"steps[{index}].{error.field}", error.message
            ) from None
    return tuple(steps)


def parse_datetime(kind: str, name: str, value: Any) -> datetime:
    """An aware datetime from an ISO 8601 string; naive or malformed is an error."""
    if not isinstance(value, str):
        raise ValidationError(kind, name, f"must be a date and time as text, got {value!r}")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValidationError(
            kind, name, f"must be a date and time like 2026-01-05T09:00:00+01:00, got {value!r}"
        ) from None
    if parsed.tzinfo is None:
        raise ValidationError(kind, name, f"must carry a UTC offset, got {value!r}")
    return parsed
