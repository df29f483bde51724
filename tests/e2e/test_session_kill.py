"""Killing the app mid-session loses at most the step in progress."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lbp_desktop.domain.clock import SystemClock
from lbp_desktop.domain.records import SessionRun
from lbp_desktop.domain.run_resume import pick_offer
from lbp_desktop.storage.check import check_data_dir
from lbp_desktop.storage.store import Store
from tests.e2e.conftest import answer_safety_questions, app_env

pytestmark = pytest.mark.slow

CHILD = Path(__file__).with_name("session_kill_child.py")


def test_a_killed_session_keeps_every_finished_step(tmp_path: Path, run_cli) -> None:
    data_dir = tmp_path / "data"
    answer_safety_questions(data_dir)
    home = tmp_path / "child-home"
    home.mkdir()
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(data_dir), "desk-reset"],
        env=app_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    acknowledged = 0
    try:
        assert child.stdout is not None
        deadline = time.monotonic() + 60
        for line in child.stdout:
            if line.startswith("saved "):
                acknowledged = int(line.split()[1])
            if acknowledged >= 2 or time.monotonic() > deadline:
                break
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        _, err = child.communicate(timeout=30)
    assert acknowledged >= 2, f"the session never got two steps in: {err}"

    assert check_data_dir(data_dir) == []
    with Store.open(data_dir, read_only=True, clock=SystemClock()) as store:
        [run] = store.records(SessionRun)
    assert run.outcome == "in_progress" and run.pre_pain == 2
    assert len(run.steps) >= acknowledged  # nothing acknowledged was lost
    assert [s.exercise_id for s in run.steps][:2] == ["chin-tuck", "shoulder-blade-squeeze"]

    # The next start opens the folder (the dead process's lock is no obstacle)
    # and would offer to carry the run on.
    out = run_cli("--smoke-test", "--data-dir", str(data_dir))
    assert out.returncode == 0, out.stdout + out.stderr
    offer, to_close = pick_offer([run], run.steps[-1].ended_at, ["desk-reset"])
    assert offer is not None and offer.run.id == run.id and to_close == []
