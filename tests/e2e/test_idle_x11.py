"""The X11 backends against a real X server (a private Xvfb): idle time from
the screen saver extension, and the full-screen probe reading EWMH properties.

Xvfb has no window manager, so the test plays one: it creates windows and
sets ``_NET_ACTIVE_WINDOW`` on the root and ``_NET_WM_STATE`` on a window,
as a window manager would.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
from collections.abc import Iterator

import pytest

from lbp_desktop.services.full_screen import FullScreenProbe
from lbp_desktop.services.idle import find_idle_source, idle_status_text
from lbp_desktop.services.idle.x11 import NAME as X11_NAME
from lbp_desktop.services.idle.x11 import open_x11_source
from tests.xdisplay import xvfb_display

pytestmark = pytest.mark.slow


def _have_library(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


needs_xss = pytest.mark.skipif(
    not _have_library("libXss.so.1"), reason="needs libXss.so.1 (Debian package: libxss1)"
)
needs_xcb = pytest.mark.skipif(
    not _have_library("libxcb.so.1"), reason="needs libxcb.so.1 (Debian package: libxcb1)"
)


@pytest.fixture
def display() -> Iterator[str]:
    with xvfb_display() as name:
        yield name


# ------------------------------------------------------------------ idle time


def _move_pointer(display: str, x: int, y: int) -> None:
    xdotool = shutil.which("xdotool")
    if xdotool is None:
        pytest.skip("needs xdotool to make input")
    subprocess.run([xdotool, "mousemove", str(x), str(y)], env={"DISPLAY": display}, check=True)


@needs_xss
def test_idle_grows_without_input_and_drops_after_the_mouse_moves(qtbot, display: str) -> None:
    # Only DISPLAY in the environment: no session bus, no Wayland.
    source = find_idle_source("xcb", env={"DISPLAY": display})
    assert source is not None and source.name == X11_NAME
    assert "X11 screen saver extension" in idle_status_text(source)
    try:
        first = source.seconds_idle()
        assert first is not None and 0 <= first < 60
        # Nobody touches this display: idle time only grows.
        qtbot.waitUntil(lambda: (source.seconds_idle() or 0) >= first + 0.4, timeout=5000)
        before = source.seconds_idle()
        assert before is not None and before >= 0.4
        _move_pointer(display, 100, 120)
        after = source.seconds_idle()
        assert after is not None and after < before and after < 0.3
        qtbot.waitUntil(lambda: (source.seconds_idle() or 0) > after + 0.2, timeout=5000)
        _move_pointer(display, 300, 20)
        again = source.seconds_idle()
        assert again is not None and again < 0.3
    finally:
        source.close()
    assert source.seconds_idle() is None  # closed: no answer, no crash
    source.close()  # twice is fine


@needs_xss
def test_x11_is_not_used_in_a_wayland_session_even_on_xwayland(display: str) -> None:
    # Under XWayland the X server sees only input to X windows: it would call
    # a user typing in a Wayland window "away". No bus here, so: nothing.
    env = {"DISPLAY": display, "WAYLAND_DISPLAY": "wayland-0"}
    assert find_idle_source("xcb", env=env) is None
    assert find_idle_source("xcb", env={"DISPLAY": display, "XDG_SESSION_TYPE": "wayland"}) is None
    assert FullScreenProbe("xcb", env=env).is_full_screen() is None


@needs_xss
def test_a_display_that_is_not_there_gives_no_source() -> None:
    assert open_x11_source(":4321") is None
    assert open_x11_source(None) is None
    assert find_idle_source("xcb", env={}) is None


# ------------------------------------------------------------------ full screen


class _ScreenIterator(ctypes.Structure):
    _fields_ = (("data", ctypes.c_void_p), ("rem", ctypes.c_int), ("index", ctypes.c_int))


class FakeWindowManager:
    """Just enough of a window manager: windows and the EWMH properties on them."""

    REPLACE = 0
    ATOM = 4  # predefined atoms of the X protocol
    WINDOW = 33

    def __init__(self, display: str) -> None:
        xcb = ctypes.CDLL("libxcb.so.1")
        c, u8, u16, u32 = ctypes.c_void_p, ctypes.c_uint8, ctypes.c_uint16, ctypes.c_uint32
        i16, cookie = ctypes.c_int16, ctypes.c_uint
        window_args = (c, u8, u32, u32, i16, i16, u16, u16, u16, u16, u32, u32, c)
        for name, argtypes, restype in (
            ("xcb_connect", (ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)), c),
            ("xcb_connection_has_error", (c,), ctypes.c_int),
            ("xcb_disconnect", (c,), None),
            ("xcb_get_setup", (c,), c),
            ("xcb_setup_roots_iterator", (c,), _ScreenIterator),
            ("xcb_generate_id", (c,), u32),
            ("xcb_flush", (c,), ctypes.c_int),
            ("xcb_intern_atom", (c, u8, u16, ctypes.c_char_p), cookie),
            ("xcb_intern_atom_reply", (c, cookie, c), c),
            ("xcb_create_window", window_args, cookie),
            ("xcb_destroy_window", (c, u32), cookie),
            ("xcb_change_property", (c, u8, u32, u32, u32, u8, u32, c), cookie),
            ("xcb_delete_property", (c, u32, u32), cookie),
        ):
            getattr(xcb, name).argtypes = argtypes
            getattr(xcb, name).restype = restype
        self._xcb = xcb
        self._free = ctypes.CDLL(None).free
        self._free.argtypes = (c,)
        self._conn = xcb.xcb_connect(display.encode(), None)
        assert not xcb.xcb_connection_has_error(self._conn)
        screens = xcb.xcb_setup_roots_iterator(xcb.xcb_get_setup(self._conn))
        self.root = ctypes.c_uint32.from_address(screens.data).value  # xcb_screen_t.root

    def atom(self, name: str) -> int:
        raw = name.encode()
        cookie = self._xcb.xcb_intern_atom(self._conn, 0, len(raw), raw)
        reply = self._xcb.xcb_intern_atom_reply(self._conn, cookie, None)
        assert reply
        atom = ctypes.c_uint32.from_address(reply + 8).value
        self._free(reply)
        return atom

    def create_window(self) -> int:
        window = self._xcb.xcb_generate_id(self._conn)
        self._xcb.xcb_create_window(
            self._conn, 0, window, self.root, 0, 0, 1280, 860, 0, 1, 0, 0, None
        )
        self._sync()
        return window

    def destroy_window(self, window: int) -> None:
        self._xcb.xcb_destroy_window(self._conn, window)
        self._sync()

    def set_active(self, window: int) -> None:
        self._set(self.root, "_NET_ACTIVE_WINDOW", self.WINDOW, [window])

    def set_state(self, window: int, *states: str) -> None:
        self._set(window, "_NET_WM_STATE", self.ATOM, [self.atom(s) for s in states])

    def clear_active(self) -> None:
        self._xcb.xcb_delete_property(self._conn, self.root, self.atom("_NET_ACTIVE_WINDOW"))
        self._sync()

    def close(self) -> None:
        self._xcb.xcb_disconnect(self._conn)

    def _sync(self) -> None:
        # A flush only sends; a request with a reply comes back after the server
        # has carried out everything sent before it, so the probe (another
        # connection, with no ordering against this one) sees the change.
        self._xcb.xcb_flush(self._conn)
        self.atom("WM_NAME")

    def _set(self, window: int, prop: str, kind: int, values: list[int]) -> None:
        data = (ctypes.c_uint32 * len(values))(*values)
        self._xcb.xcb_change_property(
            self._conn, self.REPLACE, window, self.atom(prop), kind, 32, len(values), data
        )
        self._sync()


@pytest.fixture
def wm(display: str) -> Iterator[FakeWindowManager]:
    manager = FakeWindowManager(display)
    yield manager
    manager.close()


@needs_xcb
def test_full_screen_follows_the_active_window_state(display: str, wm: FakeWindowManager) -> None:
    probe = FullScreenProbe("xcb", env={"DISPLAY": display})
    assert probe.name == "X11 window manager (EWMH)"
    # A bare X server: no window manager has named an active window.
    assert probe.is_full_screen() is None

    video, editor = wm.create_window(), wm.create_window()
    wm.set_state(video, "_NET_WM_STATE_FULLSCREEN", "_NET_WM_STATE_ABOVE")
    wm.set_state(editor, "_NET_WM_STATE_MAXIMIZED_VERT", "_NET_WM_STATE_MAXIMIZED_HORZ")
    wm.set_active(video)
    assert probe.is_full_screen() is True
    wm.set_active(editor)  # maximised is not full screen
    assert probe.is_full_screen() is False
    wm.set_state(editor, "_NET_WM_STATE_FULLSCREEN")  # the user pressed F11
    assert probe.is_full_screen() is True
    wm.set_state(editor)  # and again: an empty state
    assert probe.is_full_screen() is False

    plain = wm.create_window()  # no _NET_WM_STATE at all
    wm.set_active(plain)
    assert probe.is_full_screen() is False
    wm.set_active(0)  # the desktop itself has focus
    assert probe.is_full_screen() is False
    wm.clear_active()  # the window manager went away
    assert probe.is_full_screen() is None
    probe.close()
    assert probe.is_full_screen() is None


@needs_xcb
def test_our_own_full_screen_window_does_not_count(display: str, wm: FakeWindowManager) -> None:
    probe = FullScreenProbe("xcb", env={"DISPLAY": display})
    ours, theirs = wm.create_window(), wm.create_window()
    wm.set_state(ours, "_NET_WM_STATE_FULLSCREEN")
    wm.set_state(theirs, "_NET_WM_STATE_FULLSCREEN")
    wm.set_active(ours)
    assert probe.is_full_screen() is True
    assert probe.is_full_screen(ignore_window_ids=[ours]) is False
    assert probe.is_full_screen(ignore_window_ids=(w for w in [theirs, ours])) is False
    wm.set_active(theirs)
    assert probe.is_full_screen(ignore_window_ids=[ours]) is True
    probe.close()


@needs_xcb
def test_an_active_window_that_is_gone_is_an_answer_not_a_crash(
    display: str, wm: FakeWindowManager
) -> None:
    probe = FullScreenProbe("xcb", env={"DISPLAY": display})
    video = wm.create_window()
    wm.set_state(video, "_NET_WM_STATE_FULLSCREEN")
    wm.set_active(video)
    assert probe.is_full_screen() is True
    wm.destroy_window(video)  # closed before the window manager updated the root
    for _ in range(3):  # the X error comes back as a value; the connection lives on
        assert probe.is_full_screen() is False
    survivor = wm.create_window()
    wm.set_state(survivor, "_NET_WM_STATE_FULLSCREEN")
    wm.set_active(survivor)
    assert probe.is_full_screen() is True
    probe.close()


def test_no_x_display_means_cannot_tell() -> None:
    assert FullScreenProbe("xcb", env={}).is_full_screen() is None
    assert FullScreenProbe("xcb", env={"DISPLAY": ":4321"}).is_full_screen() is None
    assert FullScreenProbe("wayland", env={"WAYLAND_DISPLAY": "wayland-0"}).name is None


def test_xvfb_display_starts_and_stops() -> None:
    with xvfb_display() as name:
        assert name.startswith(":")
        socket = f"/tmp/.X11-unix/X{name[1:]}"
        assert os.path.exists(socket)
    assert not os.path.exists(socket)  # the server is gone
