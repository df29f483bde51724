"""kill -9 while writing: every record acknowledged before the kill is on disk.

A child process adds pain check-ins in a loop and prints each id right after
add() returns; the parent kills it with SIGKILL at a random moment, many
times, and each time opens the store and checks the files parse and hold
every printed id.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lbp_desktop.domain.records import PainCheckIn
from lbp_desktop.storage.check import check_data_dir
from lbp_desktop.storage.store import Store

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("store_crash_child.py")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL"),
]


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def run_and_kill(data_dir: Path, mode: str, rng: random.Random) -> list[str]:
    """Start the child, let it write for a random moment, SIGKILL it; the ids it printed."""
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), str(data_dir), mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=child_env(),
        cwd=ROOT,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first == b"ready\n", proc.stderr.read() if proc.stderr else first
        time.sleep(rng.uniform(0.0, 0.2))  # somewhere in the middle of a write, often
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL
    # A line cut off by the kill was not fully printed: it does not count.
    lines = out.split(b"\n")[:-1]
    return [line.decode() for line in lines]


def stored_ids(data_dir: Path) -> set[str]:
    with Store.open(data_dir) as store:  # the killed writer's lock is gone
        return {record.id for record in store.records(PainCheckIn)}


@pytest.mark.parametrize(("mode", "rounds"), [("add", 25), ("add_many", 10)])
def test_acknowledged_records_survive_sigkill(tmp_path: Path, mode: str, rounds: int) -> None:
    data_dir = tmp_path / "diary"
    rng = random.Random(f"{mode}-kill")
    acknowledged: list[str] = []
    for _ in range(rounds):
        acknowledged += run_and_kill(data_dir, mode, rng)
        missing = set(acknowledged) - stored_ids(data_dir)
        assert not missing, f"{len(missing)} acknowledged records lost"
        assert check_data_dir(data_dir) == []
    assert len(acknowledged) > rounds  # the child did get to write, again and again
    leftovers = [p.name for p in data_dir.rglob("*.tmp")]
    assert leftovers == []  # half-written temp files are cleaned up on open
