"""Fixtures for the storage tests: a fake clock and a fresh data dir."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from storage_helpers import CET, FIXTURES

from lbp_desktop.domain.clock import FakeClock
from lbp_desktop.storage.store import Store


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 10, 9, 0, tzinfo=CET))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "diary"


@pytest.fixture
def store(data_dir: Path, clock: FakeClock) -> Iterator[Store]:
    with Store.open(data_dir, clock=clock) as opened:
        yield opened


@pytest.fixture
def v0_data_dir(tmp_path: Path) -> Path:
    """A copy of the prototype's data dir; the fixture itself is never opened."""
    copy = tmp_path / "v0"
    shutil.copytree(FIXTURES / "schema_v0", copy)
    (copy / "README.md").unlink()
    return copy


@pytest.fixture
def berlin_local_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make the system's local zone Europe/Berlin for this test (POSIX only)."""
    if not hasattr(time, "tzset"):
        pytest.skip("needs time.tzset (POSIX)")
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()
