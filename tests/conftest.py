"""Fixtures shared by every test.

Qt runs offscreen unless the caller chose a platform (the e2e tests pick
xcb under Xvfb), and no test ever reads or writes the user's real diary.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests judge correctness, never speed: on a busy CI machine a slow
# draw or example must not fail the build (benchmarks measure speed).
settings.register_profile("project", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("project")

# Before anything imports Qt: a QApplication created later picks this up.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point LBP_DESKTOP_DATA_DIR at a fresh folder for every test, and the
    config folder too (start on login writes ~/.config/autostart)."""
    data_dir = tmp_path / "lbp-data"
    monkeypatch.setenv("LBP_DESKTOP_DATA_DIR", str(data_dir))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    yield data_dir
