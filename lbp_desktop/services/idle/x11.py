"""Idle time on X11: the MIT-SCREEN-SAVER extension, through libXss with ctypes.

The X server keeps the time since the last input of any device, so one
cheap round trip answers. We open our own Xlib connection to $DISPLAY (Qt's
xcb connection is not an Xlib one), once, and close it in ``close()``.
Needs libXss.so.1 (Debian: libxss1) and libX11.so.6.
"""

from __future__ import annotations

import ctypes

from lbp_desktop.services.idle.base import log, sane_seconds

NAME = "X11 screen saver extension"


class _XScreenSaverInfo(ctypes.Structure):
    # <X11/extensions/scrnsaver.h>; Window and the times are C longs.
    _fields_ = (
        ("window", ctypes.c_ulong),
        ("state", ctypes.c_int),
        ("kind", ctypes.c_int),
        ("til_or_since", ctypes.c_ulong),
        ("idle", ctypes.c_ulong),  # milliseconds since the last input
        ("event_mask", ctypes.c_ulong),
    )


class XScreenSaverSource:
    name = NAME

    def __init__(self, display_name: str) -> None:
        """Raises OSError when the libraries, the display or the extension are missing."""
        x11 = ctypes.CDLL("libX11.so.6")
        xss = ctypes.CDLL("libXss.so.1")
        x11.XOpenDisplay.argtypes = (ctypes.c_char_p,)
        x11.XOpenDisplay.restype = ctypes.c_void_p
        x11.XDefaultRootWindow.argtypes = (ctypes.c_void_p,)
        x11.XDefaultRootWindow.restype = ctypes.c_ulong
        x11.XCloseDisplay.argtypes = (ctypes.c_void_p,)
        x11.XCloseDisplay.restype = ctypes.c_int
        xss.XScreenSaverQueryExtension.argtypes = (
            ctypes.c_void_p,
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_int),
        )
        xss.XScreenSaverQueryExtension.restype = ctypes.c_int
        xss.XScreenSaverQueryInfo.argtypes = (
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(_XScreenSaverInfo),
        )
        xss.XScreenSaverQueryInfo.restype = ctypes.c_int
        self._x11, self._xss = x11, xss
        self._display: int | None = x11.XOpenDisplay(display_name.encode())
        if not self._display:
            self._display = None
            raise OSError(f"cannot open X display {display_name!r}")
        event_base, error_base = ctypes.c_int(), ctypes.c_int()
        if not xss.XScreenSaverQueryExtension(
            self._display, ctypes.byref(event_base), ctypes.byref(error_base)
        ):
            self.close()
            raise OSError("the X server has no MIT-SCREEN-SAVER extension")
        self._root = x11.XDefaultRootWindow(self._display)
        self._info = _XScreenSaverInfo()

    def seconds_idle(self) -> float | None:
        if self._display is None:
            return None
        if not self._xss.XScreenSaverQueryInfo(self._display, self._root, ctypes.byref(self._info)):
            log.debug("XScreenSaverQueryInfo failed")
            return None
        return sane_seconds(self._info.idle, scale=0.001)

    def close(self) -> None:
        if self._display is not None:
            self._x11.XCloseDisplay(self._display)
            self._display = None


def open_x11_source(display_name: str | None) -> XScreenSaverSource | None:
    """The X11 source when it works on ``display_name``; None (logged) otherwise."""
    if not display_name:
        log.info("idle: no X display named (DISPLAY is empty)")
        return None
    try:
        source = XScreenSaverSource(display_name)
    except OSError as error:
        # A missing libXss.so.1 lands here: Debian/Ubuntu package libxss1.
        log.info("idle: X11 screen saver extension not usable: %s", error)
        return None
    if source.seconds_idle() is None:
        log.info("idle: X11 screen saver extension gave no sane first answer")
        source.close()
        return None
    return source
