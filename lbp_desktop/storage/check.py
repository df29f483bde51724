"""Check every data file without changing anything.

Reads each file once (opened for reading only), brings it to the current
schema in memory, and validates every record. It takes no lock and writes
nothing, so it is safe while the app runs and on a copy someone sent in.
"""

from __future__ import annotations

from pathlib import Path

from lbp_desktop.storage.errors import DataFileError
from lbp_desktop.storage.layout import data_file_names
from lbp_desktop.storage.problems import Problem
from lbp_desktop.storage.schema import file_kind
from lbp_desktop.storage.schema import load as load_current
from lbp_desktop.storage.validation import check_settings, decode_year

__all__ = ["Problem", "check_data_dir", "check_file"]


def check_data_dir(data_dir: Path) -> list[Problem]:
    """Every problem in every data file of ``data_dir`` (empty: all is well)."""
    data_dir = Path(data_dir)
    problems: list[Problem] = []
    for file_name in data_file_names(data_dir):
        problems.extend(check_file(data_dir / file_name, file_name))
    return problems


def check_file(path: Path, file_name: str) -> list[Problem]:
    """The problems of one data file; ``file_name`` is its name relative to the data dir."""
    try:
        with open(path, "rb") as handle:
            blob = handle.read()
    except OSError as error:
        return [Problem(file_name, "(file)", "(file)", f"cannot be opened: {error.strerror}")]
    try:
        raw, _ = load_current(blob, path, file_name)
    except DataFileError as error:
        return [
            Problem(file_name, error.entry or "(file)", error.field or "(format)", error.detail)
        ]
    if file_kind(file_name) == "records":
        return decode_year(raw, file_name, all_problems=True)[1]
    return check_settings(raw, file_name)
