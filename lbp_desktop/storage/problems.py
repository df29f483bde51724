"""One thing wrong with a data file, named so a person can find it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str  # relative to the data dir, e.g. "records/2026.json"
    entry: str  # "(file)", "meta", or "<table>/<record id>"
    field: str  # e.g. "score", "steps[2].done_s", "(format)"
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.entry}: {self.field}: {self.message}"
