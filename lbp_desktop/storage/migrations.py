"""Migrations: pure functions from a file's raw dict in version N to N + 1.

Each is registered by file kind ("records" or "settings") and the version it
starts from. They never read or write files; the store backs the original
file up (backup kind ``pre-migration``) before it writes the result. Fields
and tables a migration does not know are carried over untouched.

Version 0: the pre-release prototype
------------------------------------
The prototype used TinyDB's defaults and wrote what was handy:

* no ``meta`` table; documents keyed by TinyDB's counter ("1", "2", ...);
  no ``id``, ``created_at`` or ``updated_at`` in the documents;
* timestamps without a UTC offset, in the machine's local time;
* other names: tables ``checkins``, ``sessions``, ``peg``, ``breaks``;
  ``when`` for the time of a check-in, PEG answer or break; ``where`` for the
  pain area; a session's ``plan``, ``started``, ``ended``, ``result``
  (``done``/``partial``/``pain_stop``), ``pain_before``, ``pain_after``; a
  step's ``exercise``, ``started``, ``ended``, ``planned``, ``done``; a
  break's ``seconds``;
* settings as one document in TinyDB's ``_default`` table,
  ``{"_default": {"1": {"reminder_minutes": 45, ...}}}``.

Version 0 -> 1:

* Naive timestamps get the UTC offset the machine's local time zone had *at
  that moment* (so a summer entry gets summer time): the local wall-clock time
  is interpreted with the zone (``zoneinfo``) or, by default, the system's
  local zone (``datetime.astimezone()``). An ambiguous time in the autumn
  fold takes the earlier offset (``fold=0``). Timestamps that already carry
  an offset are kept.
* Every record gets a UUID derived from its table, old key and content
  (uuid5), so migrating the same file twice, e.g. on two machines, gives the
  same ids and later exports still merge without duplicates.
* ``created_at`` and ``updated_at`` are set to the record's own time, the
  best that is known.
* Settings become one document per key: ``{"settings": {key: {"value": v}}}``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, tzinfo
from typing import Any

import orjson

Raw = dict[str, Any]
Migration = Callable[[Raw], Raw]

_REGISTRY: dict[tuple[str, int], Migration] = {}


class MigrationError(ValueError):
    """The data cannot be brought forward (e.g. a step is missing)."""


def register(file_kind: str, from_version: int) -> Callable[[Migration], Migration]:
    def add(function: Migration) -> Migration:
        key = (file_kind, from_version)
        if key in _REGISTRY:
            raise RuntimeError(f"two migrations for {key}")
        _REGISTRY[key] = function
        return function

    return add


def migrate(raw: Raw, from_version: int, to_version: int, file_kind: str) -> Raw:
    """Apply the registered steps in order; each step's output gets its version."""
    for version in range(from_version, to_version):
        step = _REGISTRY.get((file_kind, version))
        if step is None:
            raise MigrationError(f"no migration for {file_kind} files from version {version}")
        raw = step(raw)
        meta = raw.get("meta")
        raw["meta"] = {
            **(meta if isinstance(meta, dict) else {}),
            "schema": {"version": version + 1},
        }
    return raw


# Version 0 -> 1 -----------------------------------------------------------

_V0_NAMESPACE = uuid.UUID("6f1d3c52-8a0e-4b7e-9c55-1c2f0e6a9b41")

_V0_TABLES = {
    "checkins": "pain_checkins",
    "sessions": "session_runs",
    "peg": "peg_answers",
    "breaks": "posture_breaks",
}
_V0_FIELDS = {
    "pain_checkins": {"when": "at", "where": "area"},
    "session_runs": {
        "plan": "plan_id",
        "started": "at",
        "ended": "ended_at",
        "result": "outcome",
        "pain_before": "pre_pain",
        "pain_after": "post_pain",
    },
    "peg_answers": {"when": "at"},
    "posture_breaks": {"when": "at", "seconds": "duration_s"},
}
_V0_STEP_FIELDS = {
    "exercise": "exercise_id",
    "started": "started_at",
    "ended": "ended_at",
    "planned": "planned_s",
    "done": "done_s",
}
_V0_OUTCOMES = {"done": "completed", "partial": "partial", "pain_stop": "stopped_for_pain"}
_DATETIMES = ("at", "ended_at", "started_at")


@register("records", 0)
def records_v0_to_v1(raw: Raw, *, zone: tzinfo | None = None) -> Raw:
    """Prototype records file -> version 1. ``zone`` None means the system's zone."""
    out: Raw = {}
    for name, table in raw.items():
        new_name = _V0_TABLES.get(name)
        if new_name is None or not isinstance(table, dict):
            out[name] = table  # unknown (or damaged) tables travel as they are
            continue
        migrated = {}
        for key, doc in table.items():
            if isinstance(doc, dict):
                doc = _record_v0_to_v1(new_name, str(key), doc, zone)
                key = doc["id"]
            migrated[key] = doc
        out[new_name] = migrated
    return out


def _record_v0_to_v1(table: str, key: str, old: Raw, zone: tzinfo | None) -> Raw:
    renames = _V0_FIELDS[table]
    doc = {renames.get(name, name): value for name, value in old.items()}
    for name in _DATETIMES:
        if name in doc:
            doc[name] = _with_local_offset(doc[name], zone)
    if table == "session_runs":
        if doc.get("outcome") in _V0_OUTCOMES:
            doc["outcome"] = _V0_OUTCOMES[doc["outcome"]]
        if isinstance(doc.get("steps"), list):
            doc["steps"] = [_step_v0_to_v1(step, zone) for step in doc["steps"]]
    if not _is_uuid(doc.get("id")):
        if "id" in doc:
            doc["prototype_id"] = doc["id"]  # kept, not dropped
        doc["id"] = str(uuid.uuid5(_V0_NAMESPACE, f"{table}/{key}/{_canonical(old)}"))
    doc.setdefault("created_at", doc.get("at"))
    doc.setdefault("updated_at", doc.get("at"))
    return doc


def _step_v0_to_v1(step: Any, zone: tzinfo | None) -> Any:
    if not isinstance(step, dict):
        return step
    doc = {_V0_STEP_FIELDS.get(name, name): value for name, value in step.items()}
    for name in _DATETIMES:
        if name in doc:
            doc[name] = _with_local_offset(doc[name], zone)
    return doc


def _with_local_offset(value: Any, zone: tzinfo | None) -> Any:
    """ISO text with the offset local time had then; anything odd is left for validation."""
    if not isinstance(value, str):
        return value
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is not None:
        return value
    aware = moment.replace(tzinfo=zone) if zone is not None else moment.astimezone()
    # Keep the fixed offset, not the zone: the file stores what the clock said.
    return aware.isoformat()


def _is_uuid(value: Any) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return isinstance(value, str)


def _canonical(doc: Raw) -> str:
    try:
        return orjson.dumps(doc, option=orjson.OPT_SORT_KEYS).decode()
    except orjson.JSONEncodeError:
        return repr(sorted(doc.items(), key=lambda item: item[0]))


@register("settings", 0)
def settings_v0_to_v1(raw: Raw) -> Raw:
    """Prototype settings (one document in ``_default``) -> one document per key."""
    out: Raw = {}
    settings: Raw = {}
    for name, table in raw.items():
        if name != "_default" or not isinstance(table, dict):
            out[name] = table
            continue
        for doc in table.values():
            if isinstance(doc, dict):
                settings.update({key: {"value": value} for key, value in doc.items()})
    out["settings"] = {**settings, **(out.get("settings") or {})}
    return out
