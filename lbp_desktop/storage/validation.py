"""Checking a data file's content (already in the current schema) record by record.

Shared by the store (which stops at the first problem and refuses the file)
and by check_data_dir (which lists them all).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from lbp_desktop.domain.records import Record, ValidationError
from lbp_desktop.storage.codec import KIND_OF_TABLE, TABLE_OF, decode
from lbp_desktop.storage.problems import Problem

SETTINGS_TABLE = "settings"

YearRecords = dict[type[Record], dict[str, Record]]


@contextlib.contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while decoding many records.

    A heavy year is ~100,000 new objects and none of them garbage; the
    collector kept running over them meanwhile and cost a third of the time.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def table_shape_problem(raw: dict[str, Any], kind: type[Record], file_name: str) -> Problem | None:
    table_name = TABLE_OF[kind]
    if isinstance(raw.get(table_name, {}), dict):
        return None
    return Problem(file_name, table_name, "(table)", "must be a JSON object of records")


def decode_entries(
    kind: type[Record],
    table: dict[str, Any],
    file_name: str,
    *,
    keys: Iterable[str] | None = None,
    all_problems: bool = False,
) -> tuple[dict[str, Record], list[Problem]]:
    """Decode and validate the documents of one table (or only ``keys`` of it)."""
    table_name = TABLE_OF[kind]
    found: dict[str, Record] = {}
    problems: list[Problem] = []
    memo: dict[str, datetime] = {}
    items = table.items() if keys is None else ((key, table[key]) for key in keys)
    with no_gc():
        for key, doc in items:
            try:
                record = decode(kind, doc, memo)
            except ValidationError as error:
                problem = Problem(file_name, f"{table_name}/{key}", error.field, error.message)
            else:
                if record.id == key:
                    found[key] = record
                    continue
                problem = Problem(
                    file_name, f"{table_name}/{key}", "id", f"does not match its key ({record.id})"
                )
            problems.append(problem)
            if not all_problems:
                break
    return found, problems


def decode_year(
    raw: dict[str, Any], file_name: str, *, all_problems: bool = False
) -> tuple[YearRecords, list[Problem]]:
    """Every record of a records file, validated, by kind and id.

    With ``all_problems`` False it returns at the first problem (the store
    refuses the whole file anyway); otherwise it lists every one.
    """
    records: YearRecords = {kind: {} for kind in KIND_OF_TABLE.values()}
    problems: list[Problem] = []
    for kind in KIND_OF_TABLE.values():
        shape = table_shape_problem(raw, kind, file_name)
        if shape is not None:
            problems.append(shape)
        else:
            table = raw.get(TABLE_OF[kind], {})
            records[kind], found = decode_entries(kind, table, file_name, all_problems=all_problems)
            problems.extend(found)
        if problems and not all_problems:
            break
    return records, problems


def check_settings(raw: dict[str, Any], file_name: str) -> list[Problem]:
    table = raw.get(SETTINGS_TABLE, {})
    if not isinstance(table, dict):
        return [Problem(file_name, SETTINGS_TABLE, "(table)", "must be a JSON object")]
    problems = []
    for key, doc in table.items():
        if not isinstance(doc, dict) or "value" not in doc:
            problems.append(Problem(file_name, f"{SETTINGS_TABLE}/{key}", "value", "is missing"))
    return problems
