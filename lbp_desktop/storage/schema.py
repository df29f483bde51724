"""Schema versions of the data files and bringing a file up to the current one.

Every file written by this version carries ``{"meta": {"schema": {"version":
1}}}``. A file without a meta table is the pre-release prototype's format,
version 0 (see :mod:`lbp_desktop.storage.migrations`). A file from a newer
version is never touched: we cannot know what changing it would lose.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from lbp_desktop.storage import migrations
from lbp_desktop.storage.errors import FutureSchemaVersion, UnreadableDataFile
from lbp_desktop.storage.layout import describe, year_of_file_name

CURRENT_SCHEMA = 1
META_TABLE = "meta"
SCHEMA_DOC = "schema"

Raw = dict[str, Any]


def new_file_data() -> Raw:
    """What a data file that does not exist yet starts as."""
    return {META_TABLE: {SCHEMA_DOC: {"version": CURRENT_SCHEMA}}}


def file_kind(file_name: str) -> str:
    return "records" if year_of_file_name(file_name) is not None else "settings"


def unreadable(
    file_name: str, path: Path, detail: str, entry: str = "(file)", field: str = "(format)"
) -> UnreadableDataFile:
    message = f"{describe(file_name)} could not be read. It has been left exactly as it was."
    return UnreadableDataFile(message, path=path, detail=detail, entry=entry, field=field)


def parse(blob: bytes, path: Path, file_name: str) -> Raw:
    """A data file's JSON object; UnreadableDataFile for anything else."""
    if not blob:
        raise unreadable(file_name, path, "the file is empty")
    try:
        raw = orjson.loads(blob)
    except orjson.JSONDecodeError as error:
        raise unreadable(file_name, path, f"not valid JSON: {error}") from None
    if not isinstance(raw, dict):
        raise unreadable(
            file_name, path, f"expected a JSON object at the top, found {type(raw).__name__}"
        )
    return raw


def version_of(raw: Raw, path: Path, file_name: str) -> int:
    meta = raw.get(META_TABLE)
    if meta is None:
        return 0
    doc = meta.get(SCHEMA_DOC) if isinstance(meta, dict) else None
    version = doc.get("version") if isinstance(doc, dict) else None
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise unreadable(
            file_name,
            path,
            f"the schema version is missing or not a whole number: {version!r}",
            entry=META_TABLE,
            field="version",
        )
    return version


def bring_to_current(raw: Raw, path: Path, file_name: str) -> tuple[Raw, int]:
    """The file's data in the current schema, and the version it was found in.

    Migration happens in memory only; writing it back (after a backup) is the
    caller's decision.
    """
    found = version_of(raw, path, file_name)
    if found > CURRENT_SCHEMA:
        raise FutureSchemaVersion(
            f"{describe(file_name)} was saved by a newer version of this app. "
            "Please update the app to open it. The file has not been changed.",
            path=path,
            found=found,
            supported=CURRENT_SCHEMA,
        )
    if found < CURRENT_SCHEMA:
        try:
            raw = migrations.migrate(raw, found, CURRENT_SCHEMA, file_kind(file_name))
        except migrations.MigrationError as error:
            raise unreadable(
                file_name, path, f"cannot upgrade from version {found}: {error}"
            ) from None
    return raw, found


def load(blob: bytes, path: Path, file_name: str) -> tuple[Raw, int]:
    """Parse and bring to the current schema: the data and the version found."""
    return bring_to_current(parse(blob, path, file_name), path, file_name)
