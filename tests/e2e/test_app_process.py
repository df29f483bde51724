"""The real app in a subprocess: smoke test, unreadable data, second launch."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.conftest import answer_safety_questions, app_env

pytestmark = pytest.mark.slow


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_smoke_test_on_seeded_history(run_cli, tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run_cli("seed-demo", "--days", "30", "--data-dir", str(data)).returncode == 0
    out = run_cli("--smoke-test", "--data-dir", str(data))
    assert out.returncode == 0, out.stdout + out.stderr
    lines = dict(line.split("=", 1) for line in out.stdout.splitlines() if "=" in line)
    assert float(lines["first_paint_ms"]) > 0
    assert float(lines["rss_mb"]) > 10
    assert "exercises" in out.stdout


def test_smoke_test_on_an_empty_folder(run_cli, tmp_path: Path) -> None:
    out = run_cli("--smoke-test", "--data-dir", str(tmp_path / "new"))
    assert out.returncode == 0, out.stdout + out.stderr


def test_unreadable_file_fails_the_smoke_test_and_is_kept(run_cli, tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run_cli("seed-demo", "--days", "3", "--data-dir", str(data)).returncode == 0
    settings = data / "settings.json"
    settings.write_bytes(b"\x00\xffnot json at all")
    before = _digest(settings)
    out = run_cli("--smoke-test", "--data-dir", str(data))
    assert out.returncode != 0
    assert "settings.json" in out.stdout + out.stderr
    assert _digest(settings) == before


def test_second_launch_hands_over_and_exits(tmp_path: Path) -> None:
    data = tmp_path / "data"
    home = tmp_path / "home"
    home.mkdir()
    env = app_env(home) | {"LBP_DESKTOP_LOG": "INFO"}
    cmd = [sys.executable, "-m", "lbp_desktop", "--data-dir", str(data)]
    first = subprocess.Popen(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert first.stderr is not None
        deadline = time.monotonic() + 30
        for line in first.stderr:
            if "ready" in line or time.monotonic() > deadline:
                break
        second = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=30)
        assert second.returncode == 0, second.stderr
        # The first app is busy a moment after "ready" (the welcome is built):
        # wait for it to take the request rather than guess how long that takes.
        seen = []
        for line in first.stderr:
            seen.append(line)
            if "brought to the front" in line or time.monotonic() > deadline:
                break
        assert any("brought to the front" in line for line in seen), seen
        assert first.poll() is None, "the first window must stay open"
    finally:
        first.terminate()
        _, err = first.communicate(timeout=30)
    assert first.returncode == 0, err


def test_play_opens_a_plan_and_a_second_play_goes_to_the_running_app(tmp_path: Path) -> None:
    data = tmp_path / "data"
    answer_safety_questions(data)
    home = tmp_path / "home"
    home.mkdir()
    env = app_env(home) | {"LBP_DESKTOP_LOG": "INFO"}
    base = [sys.executable, "-m", "lbp_desktop", "--data-dir", str(data)]
    first = subprocess.Popen(
        [*base, "play", "desk-reset"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    seen: list[str] = []
    try:
        assert first.stderr is not None
        deadline = time.monotonic() + 30
        for line in first.stderr:
            seen.append(line)
            if "session opened" in line or time.monotonic() > deadline:
                break
        assert any("session opened: desk-reset" in line for line in seen), "".join(seen)
        second = subprocess.run(
            [*base, "play", "gentle-start"], env=env, capture_output=True, text=True, timeout=30
        )
        assert second.returncode == 0, second.stderr
        assert first.poll() is None, "the first app must stay open"
    finally:
        first.terminate()
        _, err = first.communicate(timeout=30)
    assert "brought to the front by a second launch: play" in err
    assert first.returncode == 0, err
