"""Helpers for tests that run the real entry point in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def app_env(tmp_home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = env.get("QT_QPA_PLATFORM", "offscreen")
    # Keep Qt's own config and caches out of the real home.
    env["HOME"] = str(tmp_home)
    env["XDG_CONFIG_HOME"] = str(tmp_home / ".config")
    env["XDG_DATA_HOME"] = str(tmp_home / ".local/share")
    env["XDG_RUNTIME_DIR"] = str(tmp_home / "runtime")
    (tmp_home / "runtime").mkdir(mode=0o700, parents=True, exist_ok=True)
    env.pop("LBP_DESKTOP_DATA_DIR", None)
    return env


@pytest.fixture
def run_cli(tmp_path: Path):
    """Run `python -m lbp_desktop ARGS` and return the CompletedProcess."""
    home = tmp_path / "home"
    home.mkdir()

    def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "lbp_desktop", *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=app_env(home),
        )

    return run


def answer_safety_questions(data_dir: Path) -> None:
    """Store "no" to every red-flag question, as a user who passed the first-run screen."""
    from datetime import UTC, datetime

    from lbp_desktop.domain import safety
    from lbp_desktop.domain.clock import SystemClock
    from lbp_desktop.storage.store import Store

    with Store.open(data_dir, clock=SystemClock()) as store:
        answers = {q.id: False for q in safety.RED_FLAG_QUESTIONS}
        store.set_setting(
            "safety_screen",
            {"answers": answers, "blocks": False, "answered_at": datetime.now(UTC).isoformat()},
        )
