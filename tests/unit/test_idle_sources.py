"""Idle and full-screen backends: the parts that need no display, no bus and
no Windows or macOS (the system calls are injected)."""

from __future__ import annotations

import logging
import math
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import lbp_desktop.services.idle as idle
from lbp_desktop.services import full_screen as fs
from lbp_desktop.services.idle import (
    MAX_IDLE_S,
    find_idle_source,
    idle_status_text,
    is_wayland_session,
    macos,
    sane_seconds,
    session_bus_address,
    windows,
)
from lbp_desktop.services.idle.macos import MacIdleSource
from lbp_desktop.services.idle.windows import WindowsIdleSource, elapsed_ms

TICKS = 2**32


class Named:
    def __init__(self, name: str, seconds: float | None = 1.0) -> None:
        self.name = name
        self.seconds = seconds

    def seconds_idle(self) -> float | None:
        return self.seconds

    def close(self) -> None:
        pass


# ------------------------------------------------------------------ sanity of answers


def test_sane_seconds_scales_and_refuses_nonsense() -> None:
    assert sane_seconds(90_500, scale=0.001) == pytest.approx(90.5)
    assert sane_seconds(2.5) == 2.5
    assert sane_seconds(0) == 0.0
    assert sane_seconds(MAX_IDLE_S) == MAX_IDLE_S
    for nonsense in (-1, -0.001, math.nan, math.inf, MAX_IDLE_S + 1, 2**64 - 1, 10**400):
        assert sane_seconds(nonsense) is None, nonsense
    for not_a_number in (True, None, "5", b"5", [5]):
        assert sane_seconds(not_a_number) is None, not_a_number


# ------------------------------------------------------------------ Windows arithmetic


def test_elapsed_ms_across_the_49_day_wrap() -> None:
    assert elapsed_ms(10_000, 4_000) == 6_000
    # Input just before the 32-bit tick count wrapped, now just after.
    assert elapsed_ms(TICKS + 500, TICKS - 1_500) == 2_000
    # GetTickCount64 has run for years: only its low 32 bits matter.
    assert elapsed_ms(7 * TICKS + 20, (7 * TICKS + 5) % TICKS) == 15


@given(
    last_input64=st.integers(min_value=0, max_value=2**63),
    idle=st.integers(min_value=0, max_value=TICKS - 1),
)
def test_elapsed_ms_is_the_true_idle_time_below_the_wrap(last_input64: int, idle: int) -> None:
    assert elapsed_ms(last_input64 + idle, last_input64 % TICKS) == idle


def test_windows_source_reads_the_injected_calls() -> None:
    ticks = {"now": TICKS + 3_000, "last": TICKS - 2_000}
    source = WindowsIdleSource(lambda: ticks["last"], lambda: ticks["now"])
    assert source.seconds_idle() == pytest.approx(5.0)
    ticks["last"] = 3_000 - 250  # after the wrap
    assert source.seconds_idle() == pytest.approx(0.25)


def test_windows_source_failures_are_no_answer() -> None:
    assert WindowsIdleSource(lambda: None, lambda: 5).seconds_idle() is None

    def broken() -> int:
        raise OSError("access denied")

    assert WindowsIdleSource(broken, lambda: 5).seconds_idle() is None
    assert WindowsIdleSource(lambda: 5, broken).seconds_idle() is None


def test_macos_source_passes_seconds_and_refuses_nonsense() -> None:
    value = {"s": 42.25}
    source = MacIdleSource(lambda: value["s"])
    assert source.seconds_idle() == 42.25
    for nonsense in (math.nan, -3.0, math.inf):
        value["s"] = nonsense
        assert source.seconds_idle() is None

    def broken() -> float:
        raise OSError("no window server")

    assert MacIdleSource(broken).seconds_idle() is None


def test_windows_and_macos_backends_stay_away_from_other_systems() -> None:
    # This machine is Linux: the ctypes loaders must not even be tried.
    assert windows.open_windows_source() is None
    assert macos.open_macos_source() is None


# ------------------------------------------------------------------ choosing a backend


@pytest.fixture
def probes(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, object]]:
    """Fake backends: each records that it was asked and answers what the test set."""
    calls: list[tuple[str, object]] = []
    answers: dict[str, object] = {"x11": None, "dbus": None, "windows": None, "macos": None}

    def fake(kind: str):
        def probe(arg: object = None) -> object:
            calls.append((kind, arg))
            answer = answers[kind]
            if isinstance(answer, Exception):
                raise answer
            return answer

        return probe

    monkeypatch.setattr(idle, "_x11", fake("x11"))
    monkeypatch.setattr(idle, "_dbus", fake("dbus"))
    monkeypatch.setattr(windows, "open_windows_source", fake("windows"))
    monkeypatch.setattr(macos, "open_macos_source", fake("macos"))
    yield {"calls": calls, "answers": answers}


def test_no_desktop_platforms_probe_nothing(probes: dict) -> None:
    for platform in ("offscreen", "minimal", ""):
        assert find_idle_source(platform, env={"DISPLAY": ":0"}) is None
    assert probes["calls"] == []


def test_x11_session_tries_the_x_server_first(probes: dict) -> None:
    x11 = Named("X11 screen saver extension")
    probes["answers"]["x11"] = x11
    env = {"DISPLAY": ":7", "DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/bus"}
    assert find_idle_source("xcb", env=env) is x11
    assert probes["calls"] == [("x11", ":7")]


def test_x11_session_falls_back_to_the_session_bus(probes: dict) -> None:
    mutter = Named("GNOME (Mutter idle monitor)")
    probes["answers"]["dbus"] = mutter
    env = {"DISPLAY": ":7", "DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/bus"}
    assert find_idle_source("xcb", env=env) is mutter
    assert probes["calls"] == [("x11", ":7"), ("dbus", "unix:path=/run/bus")]
    probes["calls"].clear()
    # An explicit bus wins over the environment's (tests use a private bus).
    assert find_idle_source("xcb", env=env, bus_address="unix:path=/tmp/b") is mutter
    assert probes["calls"][-1] == ("dbus", "unix:path=/tmp/b")


@pytest.mark.parametrize(
    ("platform", "env"),
    [
        ("wayland", {"WAYLAND_DISPLAY": "wayland-0"}),
        ("wayland-egl", {"WAYLAND_DISPLAY": "wayland-0"}),
        ("xcb", {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}),  # XWayland
        ("xcb", {"DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland"}),
    ],
)
def test_wayland_sessions_never_use_the_x_server(probes: dict, platform: str, env: dict) -> None:
    assert is_wayland_session(env)
    assert find_idle_source(platform, env=env, bus_address="unix:path=/tmp/b") is None
    assert probes["calls"] == [("dbus", "unix:path=/tmp/b")]


def test_windows_and_macos_use_their_own_call_only(probes: dict) -> None:
    probes["answers"]["windows"] = win = Named("Windows input time")
    probes["answers"]["macos"] = mac = Named("macOS input time")
    assert find_idle_source("windows", env={}) is win
    assert find_idle_source("cocoa", env={}) is mac
    assert probes["calls"] == [("windows", None), ("macos", None)]


def test_a_backend_that_raises_is_skipped_and_logged(
    probes: dict, caplog: pytest.LogCaptureFixture
) -> None:
    probes["answers"]["x11"] = RuntimeError("ctypes bug")
    probes["answers"]["dbus"] = bus_source = Named("desktop screen saver service")
    with caplog.at_level(logging.INFO, logger="lbp_desktop.services.idle"):
        assert find_idle_source("xcb", env={"DISPLAY": ":0"}, bus_address="x") is bus_source
    assert "a backend failed while probing" in caplog.text
    probes["answers"]["dbus"] = KeyError("also broken")
    assert find_idle_source("xcb", env={"DISPLAY": ":0"}, bus_address="x") is None


def test_no_platform_name_at_all_is_no_source(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_qt() -> str:
        raise ImportError("no Qt GUI here")

    monkeypatch.setattr(idle, "_platform_name", no_qt)
    assert find_idle_source() is None


def test_session_bus_address_as_libdbus_finds_it(tmp_path: Path) -> None:
    assert session_bus_address({"DBUS_SESSION_BUS_ADDRESS": "unix:path=/x"}) == "unix:path=/x"
    assert session_bus_address({"XDG_RUNTIME_DIR": str(tmp_path)}) is None
    (tmp_path / "bus").touch()
    assert session_bus_address({"XDG_RUNTIME_DIR": str(tmp_path)}) == f"unix:path={tmp_path}/bus"
    assert session_bus_address({}) is None


def test_status_text_says_plainly_whether_time_away_is_noticed() -> None:
    working = idle_status_text(Named("GNOME (Mutter idle monitor)"))
    assert "GNOME (Mutter idle monitor)" in working and "counts as a break" in working
    missing = idle_status_text(None)
    assert "clock only" in missing and "not noticed" in missing
    for text in (working, missing):
        assert len(text) < 160 and text.endswith(".")


# ------------------------------------------------------------------ full screen


class FakeBackend:
    name = "fake"

    def __init__(self, answer: bool | Exception | None) -> None:
        self.answer = answer
        self.asked: list[frozenset[int]] = []
        self.closed = False

    def is_full_screen(self, ignore: frozenset[int]) -> bool | None:
        self.asked.append(ignore)
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer

    def close(self) -> None:
        self.closed = True


def test_full_screen_probe_passes_our_windows_and_never_raises(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backend = FakeBackend(True)
    monkeypatch.setattr(fs, "_open_backend", lambda platform, env: backend)
    probe = fs.FullScreenProbe("xcb", env={})
    assert probe.name == "fake"
    assert probe.is_full_screen() is True
    assert probe.is_full_screen(ignore_window_ids=[0x1C00003, 0x1C00007]) is True
    assert backend.asked == [frozenset(), frozenset({0x1C00003, 0x1C00007})]
    backend.answer = OSError("connection lost")
    assert probe.is_full_screen() is None
    probe.close()
    assert backend.closed and probe.name is None and probe.is_full_screen() is None


def test_full_screen_probe_cannot_tell_without_a_known_desktop(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[str | None] = []
    monkeypatch.setattr(fs.X11FullScreen, "open", classmethod(lambda cls, d: opened.append(d)))
    for platform, env in [
        ("offscreen", {"DISPLAY": ":0"}),
        ("wayland", {"WAYLAND_DISPLAY": "wayland-0"}),
        ("xcb", {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}),  # XWayland
        ("cocoa", {}),
        ("windows", {}),  # this machine is not Windows
    ]:
        probe = fs.FullScreenProbe(platform, env=env)
        assert probe.name is None and probe.is_full_screen() is None, platform
    assert opened == []
    fs.FullScreenProbe("xcb", env={"DISPLAY": ":3"})
    assert opened == [":3"]


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (1, False),  # QUNS_NOT_PRESENT: screen saver or locked
        (fs.QUNS_BUSY, True),
        (fs.QUNS_RUNNING_D3D_FULL_SCREEN, True),
        (fs.QUNS_PRESENTATION_MODE, True),
        (5, False),  # QUNS_ACCEPTS_NOTIFICATIONS
        (6, False),  # QUNS_QUIET_TIME: the first hour after setup, not busy
        (7, False),  # QUNS_APP: a store app, often windowed
        (None, None),  # the call failed
    ],
)
def test_windows_notification_states(state: int | None, expected: bool | None) -> None:
    backend = fs.WindowsFullScreen(lambda: state, lambda: 0x40A12)
    assert backend.is_full_screen(frozenset()) is expected


def test_windows_full_screen_of_our_own_window_does_not_count() -> None:
    backend = fs.WindowsFullScreen(lambda: fs.QUNS_BUSY, lambda: 0x40A12)
    assert backend.is_full_screen(frozenset({0x40A12})) is False
    assert backend.is_full_screen(frozenset({0x99})) is True
