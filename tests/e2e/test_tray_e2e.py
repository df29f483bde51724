"""The real app in the tray of a real tray host (trayer under Xvfb), driven by
real clicks and keys: the icon appears and each menu action does what it says.

And without any tray (offscreen): the app starts, keeps running as a window
and waits for a tray. The rest of the no-tray path (asking before quitting,
the window after the wait) is in tests/gui/test_companion.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import answer_safety_questions, app_env
from tests.e2e.log_lines import LogLines
from tests.xdisplay import xvfb_display

pytestmark = pytest.mark.slow

SCREEN_W = 1280
APP_TITLE = "Back Care Companion"


def start_app(args: list[str], env: dict[str, str]) -> LogLines:
    """The app in a subprocess, its log lines collected as they come."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "lbp_desktop", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    return LogLines(proc)


def _x(display: str, *args: str) -> str:
    out = subprocess.run(
        args, env=dict(os.environ, DISPLAY=display), capture_output=True, text=True, timeout=20
    )
    return out.stdout


@pytest.fixture
def tray_desktop(tmp_path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    for tool in ("trayer", "xdotool", "xwininfo"):
        if not shutil.which(tool):
            pytest.skip(f"needs {tool}")
    home = tmp_path / "home"
    home.mkdir()
    with xvfb_display() as display:
        env = app_env(home)
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", LBP_DESKTOP_LOG="INFO")
        trayer = subprocess.Popen(
            ["trayer", "--edge", "top", "--align", "right", "--widthtype", "request"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            yield display, env
        finally:
            trayer.terminate()
            trayer.wait(10)


def _tray_icon_centre(display: str) -> tuple[int, int]:
    """Where the embedded icon is: the trayer window's child, found by xwininfo."""
    for _ in range(50):
        for wid in _x(display, "xdotool", "search", "--class", "trayer").split():
            tree = _x(display, "xwininfo", "-id", wid, "-children")
            info = _x(display, "xwininfo", "-id", wid)
            if "child" not in tree or " 0 children" in tree:
                continue
            geo = {
                k.strip(): int(v)
                for k, v in (
                    line.split(":", 1)
                    for line in info.splitlines()
                    if line.strip().startswith(("Absolute upper-left", "Width", "Height"))
                )
            }
            if geo["Width"] >= 16:
                return (
                    geo["Absolute upper-left X"] + geo["Width"] // 2,
                    geo["Absolute upper-left Y"] + geo["Height"] // 2,
                )
        time.sleep(0.2)
    raise AssertionError("trayer never held an icon")


def _menu(display: str, icon: tuple[int, int], *keys: str) -> None:
    x, y = icon
    _x(display, "xdotool", "mousemove", str(x), str(y), "click", "3")
    time.sleep(0.8)  # the menu opens and grabs the keyboard
    for key in keys:
        _x(display, "xdotool", "key", key)
        time.sleep(0.4)


def _visible(display: str, name: str) -> bool:
    return bool(_x(display, "xdotool", "search", "--onlyvisible", "--name", name).split())


def _setting(data_dir: Path, key: str) -> object:
    import json

    text = (data_dir / "settings.json").read_text(encoding="utf-8")
    return json.loads(text).get("settings", {}).get(key, {}).get("value")


def test_tray_icon_and_every_menu_action(tray_desktop, tmp_path: Path) -> None:
    display, env = tray_desktop
    data_dir = tmp_path / "data"
    answer_safety_questions(data_dir)
    app = start_app(["--data-dir", str(data_dir), "--in-tray"], env)
    try:
        app.wait_for("tray icon shown")
        icon = _tray_icon_centre(display)
        assert icon[0] > SCREEN_W * 0.8 and icon[1] < 40  # top right, where trayer is
        assert not _visible(display, APP_TITLE)  # started at login: no window

        _menu(display, icon, "b")  # Posture break now
        app.wait_for("break offered")
        assert _visible(display, "Time for a short break")
        wid = _x(display, "xdotool", "search", "--onlyvisible", "--name", "short break").split()[0]
        _x(display, "xdotool", "windowfocus", "--sync", wid)
        _x(display, "xdotool", "key", "Escape")  # skip, by keyboard
        app.wait_for("break outcome: skipped")

        _menu(display, icon, "p", "Return")  # Pause reminders > For 30 minutes
        deadline = time.monotonic() + 10
        while _setting(data_dir, "reminders_paused_until") is None:
            assert time.monotonic() < deadline, "the pause was never stored"
            time.sleep(0.2)
        _menu(display, icon, "r")  # Resume reminders
        deadline = time.monotonic() + 10
        while _setting(data_dir, "reminders_paused_until") is not None:
            assert time.monotonic() < deadline, "resume was never stored"
            time.sleep(0.2)

        _menu(display, icon, "l")  # Log pain...: the window opens on Today
        deadline = time.monotonic() + 10
        while not _visible(display, APP_TITLE):
            assert time.monotonic() < deadline, "Log pain did not open the window"
            time.sleep(0.2)

        _menu(display, icon, "s", "Return")  # Start a session > the suggested plan
        app.wait_for("session opened")

        # A second launch (a double-click while running) opens the same window.
        second = subprocess.run(
            [sys.executable, "-m", "lbp_desktop", "--data-dir", str(data_dir)],
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert second.returncode == 0
        app.wait_for("brought to the front by a second launch")

        _menu(display, icon, "q")  # Quit
        assert app.proc.wait(20) == 0
    finally:
        app.stop()

    from lbp_desktop.domain.clock import SystemClock
    from lbp_desktop.domain.records import PostureBreak
    from lbp_desktop.storage.store import Store

    with Store.open(data_dir, read_only=True, clock=SystemClock()) as store:
        assert [r.outcome for r in store.records(PostureBreak)] == ["skipped"]


def test_without_a_tray_the_app_keeps_its_window_and_waits_for_one(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = app_env(home)
    env.update(QT_QPA_PLATFORM="offscreen", LBP_DESKTOP_LOG="INFO")
    app = start_app(["--data-dir", str(tmp_path / "data")], env)
    try:
        app.wait_for("no system tray yet")
        time.sleep(1.0)
        assert app.proc.poll() is None  # still running, as a window
    finally:
        app.stop()
    assert app.proc.returncode == 0
