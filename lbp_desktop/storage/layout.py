"""Where each file lives inside the data dir, and how to name it to a person."""

from __future__ import annotations

import re
from pathlib import Path

SETTINGS_FILE = "settings.json"
RECORDS_DIR = "records"
BACKUPS_DIR = "backups"
UNREADABLE_DIR = "unreadable"
LOCK_FILE = "lbp-desktop.lock"

_YEAR_FILE = re.compile(r"^(\d{4})\.json$")


def year_file_name(year: int) -> str:
    """The data-dir-relative name of a year's records file, e.g. ``records/2026.json``."""
    return f"{RECORDS_DIR}/{year:04d}.json"


def year_of_file_name(file_name: str) -> int | None:
    """2026 for ``records/2026.json``; None for any other name."""
    folder, _, base = file_name.rpartition("/")
    match = _YEAR_FILE.match(base)
    if folder != RECORDS_DIR or match is None:
        return None
    return int(match.group(1))


def record_years(data_dir: Path) -> list[int]:
    """Years that have a records file, found from file names alone (nothing parsed)."""
    folder = data_dir / RECORDS_DIR
    try:
        names = [entry.name for entry in folder.iterdir() if entry.is_file()]
    except (FileNotFoundError, NotADirectoryError):
        return []
    years = [int(m.group(1)) for name in names if (m := _YEAR_FILE.match(name))]
    return sorted(years)


def data_file_names(data_dir: Path) -> list[str]:
    """Every data file that exists: settings first, then the years in order."""
    names = [SETTINGS_FILE] if (data_dir / SETTINGS_FILE).is_file() else []
    names.extend(year_file_name(year) for year in record_years(data_dir))
    return names


def describe(file_name: str) -> str:
    """How to name a data file to the person it belongs to."""
    year = year_of_file_name(file_name)
    if year is not None:
        return f"Your pain diary for {year} ({file_name})"
    if file_name == SETTINGS_FILE:
        return f"Your settings ({file_name})"
    return f"The file {file_name}"
