"""Is the user in a full-screen window (a presentation, a video, a meeting)?

Breaks hold back while the ACTIVE window is full screen:

- X11: the window manager names the active window in the root window's
  ``_NET_ACTIVE_WINDOW`` and marks full-screen windows with
  ``_NET_WM_STATE_FULLSCREEN`` in their ``_NET_WM_STATE`` (EWMH). Read with
  libxcb through ctypes, on a connection of our own: xcb returns errors as
  values, while Xlib's default error handler ends the process, and the
  active window can close between two requests.
- Windows: ``SHQueryUserNotificationState`` says when a full-screen app,
  a Direct3D game or presentation mode is running.
- Elsewhere (Wayland, macOS): None, we cannot tell.

Not done on purpose: guessing from geometry (a window as big as the
screen). A maximised window on a screen without panels looks the same, and
a wrong guess would hold breaks back all day.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import Protocol

from lbp_desktop.services.idle import is_wayland_session

log = logging.getLogger(__name__)

# SHQueryUserNotificationState answers that mean "do not interrupt".
QUNS_BUSY = 2  # a full-screen app
QUNS_RUNNING_D3D_FULL_SCREEN = 3
QUNS_PRESENTATION_MODE = 4
BUSY_STATES = frozenset({QUNS_BUSY, QUNS_RUNNING_D3D_FULL_SCREEN, QUNS_PRESENTATION_MODE})


class _Backend(Protocol):
    name: str

    def is_full_screen(self, ignore: frozenset[int]) -> bool | None: ...

    def close(self) -> None: ...


class FullScreenProbe:
    """Asks the desktop whether the active window is full screen.

    ``platform_name`` defaults to ``QGuiApplication.platformName()``; ``env``
    to ``os.environ`` (DISPLAY, WAYLAND_DISPLAY, XDG_SESSION_TYPE).
    """

    def __init__(
        self, platform_name: str | None = None, *, env: Mapping[str, str] | None = None
    ) -> None:
        self._backend: _Backend | None = None
        try:
            self._backend = _open_backend(
                _platform_name() if platform_name is None else platform_name,
                os.environ if env is None else env,
            )
        except Exception:
            log.exception("full screen: probing failed")

    @property
    def name(self) -> str | None:
        """What answers, in plain words; None when nothing can tell here."""
        return None if self._backend is None else self._backend.name

    def is_full_screen(self, ignore_window_ids: Iterable[int] = ()) -> bool | None:
        """True: the active window is full screen and not one of ours.

        ``ignore_window_ids``: our own windows (``QWidget.winId()``), never
        counted. None: cannot tell here (or right now).
        """
        if self._backend is None:
            return None
        try:
            return self._backend.is_full_screen(frozenset(int(i) for i in ignore_window_ids))
        except Exception:  # never raise into the scheduler's timer
            log.debug("full screen: query failed", exc_info=True)
            return None

    def close(self) -> None:
        if self._backend is not None:
            self._backend.close()
            self._backend = None


def _platform_name() -> str:
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.platformName()


def _open_backend(platform: str, env: Mapping[str, str]) -> _Backend | None:
    if platform == "windows":
        return WindowsFullScreen.open()
    if platform == "xcb" and not is_wayland_session(env):
        # Under XWayland the X server knows only the X windows: no answer.
        return X11FullScreen.open(env.get("DISPLAY"))
    return None


# ------------------------------------------------------------------ Windows


class WindowsFullScreen:
    name = "Windows notification state"

    def __init__(
        self, notification_state: Callable[[], int | None], foreground: Callable[[], int]
    ) -> None:
        # Injected so the rules are tested on any system.
        self._state = notification_state
        self._foreground = foreground

    @classmethod
    def open(cls) -> WindowsFullScreen | None:
        if sys.platform != "win32":
            return None
        try:
            shell32 = ctypes.WinDLL("shell32")  # type: ignore[attr-defined]
            user32 = ctypes.WinDLL("user32")  # type: ignore[attr-defined]
            query = shell32.SHQueryUserNotificationState
            query.argtypes = (ctypes.POINTER(ctypes.c_int),)
            query.restype = ctypes.c_long  # HRESULT
            user32.GetForegroundWindow.argtypes = ()
            user32.GetForegroundWindow.restype = ctypes.c_void_p
        except (OSError, AttributeError) as error:
            log.info("full screen: Windows notification state not usable: %s", error)
            return None

        def state() -> int | None:
            value = ctypes.c_int(0)
            return value.value if query(ctypes.byref(value)) == 0 else None  # 0: S_OK

        return cls(state, lambda: user32.GetForegroundWindow() or 0)

    def is_full_screen(self, ignore: frozenset[int]) -> bool | None:
        state = self._state()
        if state is None:
            return None
        if state in BUSY_STATES and self._foreground() in ignore:
            return False  # our own window is the full-screen one
        return state in BUSY_STATES

    def close(self) -> None:
        pass


# ------------------------------------------------------------------ X11 (libxcb)

_ANY_PROPERTY_TYPE = 0
_MAX_WORDS = 1024  # _NET_WM_STATE holds a handful of atoms


class _Cookie(ctypes.Structure):
    _fields_ = (("sequence", ctypes.c_uint),)


class _ScreenIterator(ctypes.Structure):
    _fields_ = (("data", ctypes.c_void_p), ("rem", ctypes.c_int), ("index", ctypes.c_int))


class _InternAtomReply(ctypes.Structure):
    _fields_ = (
        ("response_type", ctypes.c_uint8),
        ("pad0", ctypes.c_uint8),
        ("sequence", ctypes.c_uint16),
        ("length", ctypes.c_uint32),
        ("atom", ctypes.c_uint32),
    )


class _GetPropertyReply(ctypes.Structure):
    _fields_ = (
        ("response_type", ctypes.c_uint8),
        ("format", ctypes.c_uint8),
        ("sequence", ctypes.c_uint16),
        ("length", ctypes.c_uint32),
        ("type", ctypes.c_uint32),
        ("bytes_after", ctypes.c_uint32),
        ("value_len", ctypes.c_uint32),
        ("pad0", ctypes.c_uint8 * 12),
    )


def _load_xcb() -> ctypes.CDLL:
    xcb = ctypes.CDLL("libxcb.so.1")
    c = ctypes.c_void_p
    error_out = ctypes.POINTER(ctypes.c_void_p)
    signatures: dict[str, tuple[tuple[object, ...], object]] = {
        "xcb_connect": ((ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)), c),
        "xcb_connection_has_error": ((c,), ctypes.c_int),
        "xcb_disconnect": ((c,), None),
        "xcb_get_setup": ((c,), c),
        "xcb_setup_roots_iterator": ((c,), _ScreenIterator),
        "xcb_screen_next": ((ctypes.POINTER(_ScreenIterator),), None),
        "xcb_intern_atom": ((c, ctypes.c_uint8, ctypes.c_uint16, ctypes.c_char_p), _Cookie),
        "xcb_intern_atom_reply": ((c, _Cookie, error_out), ctypes.POINTER(_InternAtomReply)),
        "xcb_get_property": (
            (c, ctypes.c_uint8) + (ctypes.c_uint32,) * 5,
            _Cookie,
        ),
        "xcb_get_property_reply": ((c, _Cookie, error_out), ctypes.POINTER(_GetPropertyReply)),
        "xcb_get_property_value": ((ctypes.POINTER(_GetPropertyReply),), c),
        "xcb_get_property_value_length": ((ctypes.POINTER(_GetPropertyReply),), ctypes.c_int),
    }
    for name, (argtypes, restype) in signatures.items():
        function = getattr(xcb, name)
        function.argtypes = argtypes
        function.restype = restype
    return xcb


def _load_free() -> Callable[[int], None]:
    """C's free(): xcb replies and errors are malloc'ed for the caller to free."""
    libc = ctypes.CDLL(None)  # the process's own C library, already loaded
    libc.free.argtypes = (ctypes.c_void_p,)
    libc.free.restype = None
    return libc.free


class X11FullScreen:
    name = "X11 window manager (EWMH)"

    def __init__(self, display_name: str) -> None:
        """Raises OSError when libxcb or the display are missing."""
        self._xcb = _load_xcb()
        self._c_free = _load_free()
        screen = ctypes.c_int(0)
        self._conn: int | None = self._xcb.xcb_connect(display_name.encode(), ctypes.byref(screen))
        if not self._conn or self._xcb.xcb_connection_has_error(self._conn):
            self.close()  # xcb wants even a failed connection disconnected
            raise OSError(f"cannot connect to X display {display_name!r}")
        roots = self._xcb.xcb_setup_roots_iterator(self._xcb.xcb_get_setup(self._conn))
        for _ in range(screen.value):
            self._xcb.xcb_screen_next(ctypes.byref(roots))
        self._root = ctypes.c_uint32.from_address(roots.data).value  # xcb_screen_t.root
        # only_if_exists: these atoms exist once an EWMH window manager ran.
        self._active = self._atom(b"_NET_ACTIVE_WINDOW")
        self._state = self._atom(b"_NET_WM_STATE")
        self._fullscreen = self._atom(b"_NET_WM_STATE_FULLSCREEN")

    @classmethod
    def open(cls, display_name: str | None) -> X11FullScreen | None:
        if not display_name:
            return None
        try:
            return cls(display_name)
        except OSError as error:
            log.info("full screen: X11 not usable: %s", error)
            return None

    def is_full_screen(self, ignore: frozenset[int]) -> bool | None:
        if self._conn is None:
            return None
        if not self._active:
            self._active = self._atom(b"_NET_ACTIVE_WINDOW")  # a window manager came later
            if not self._active:
                return None
        active = self._words(self._root, self._active)
        if active is None:
            return None  # no EWMH window manager: cannot tell
        window = active[0] if active else 0
        if window == 0 or window in ignore:
            return False
        if not self._state or not self._fullscreen:
            self._state = self._atom(b"_NET_WM_STATE")
            self._fullscreen = self._atom(b"_NET_WM_STATE_FULLSCREEN")
            if not self._state or not self._fullscreen:
                return False  # nothing was ever full screen on this display
        states = self._words(window, self._state)
        if states is None:
            # No property: an ordinary window. (A window that closed just now
            # also lands here; the next query sees the new active window.)
            return False
        return self._fullscreen in states

    def close(self) -> None:
        if self._conn is not None:
            self._xcb.xcb_disconnect(self._conn)
            self._conn = None

    def _atom(self, name: bytes) -> int:
        """The atom's number; 0 when it does not exist (or on error)."""
        cookie = self._xcb.xcb_intern_atom(self._conn, 1, len(name), name)
        error = ctypes.c_void_p()
        reply = self._xcb.xcb_intern_atom_reply(self._conn, cookie, ctypes.byref(error))
        self._free(error.value)
        if not reply:
            return 0
        try:
            return int(reply.contents.atom)
        finally:
            self._free(ctypes.cast(reply, ctypes.c_void_p).value)

    def _words(self, window: int, prop: int) -> list[int] | None:
        """A 32-bit property's values; None when it is missing or the window is gone."""
        cookie = self._xcb.xcb_get_property(
            self._conn, 0, window, prop, _ANY_PROPERTY_TYPE, 0, _MAX_WORDS
        )
        error = ctypes.c_void_p()
        reply = self._xcb.xcb_get_property_reply(self._conn, cookie, ctypes.byref(error))
        if error.value:
            log.debug("full screen: X error reading property %d of window %#x", prop, window)
            self._free(error.value)
        if not reply:
            return None
        try:
            head = reply.contents
            if head.type == 0 or head.format != 32:  # type None: the property is not set
                return None
            count = self._xcb.xcb_get_property_value_length(reply) // 4
            address = self._xcb.xcb_get_property_value(reply)
            return list((ctypes.c_uint32 * count).from_address(address)) if count else []
        finally:
            self._free(ctypes.cast(reply, ctypes.c_void_p).value)

    def _free(self, address: int | None) -> None:
        if address:
            self._c_free(address)
