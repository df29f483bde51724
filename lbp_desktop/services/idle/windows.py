"""Idle time on Windows: GetLastInputInfo against the tick count (ctypes).

GetLastInputInfo gives the 32-bit tick count of the last input, which wraps
every 49.7 days; GetTickCount64 does not wrap. The difference is taken
modulo 2**32, which is right for any absence shorter than 49.7 days.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

from lbp_desktop.services.idle.base import log, sane_seconds

NAME = "Windows input time"
_MASK32 = 0xFFFFFFFF


def elapsed_ms(now_ticks64: int, last_input_ticks32: int) -> int:
    """Milliseconds from a 32-bit tick stamp to a 64-bit tick count, across wraps."""
    return ((now_ticks64 & _MASK32) - last_input_ticks32) & _MASK32


class _LastInputInfo(ctypes.Structure):
    _fields_ = (("cbSize", ctypes.c_uint), ("dwTime", ctypes.c_uint32))


class WindowsIdleSource:
    name = NAME

    def __init__(self, last_input: Callable[[], int | None], tick_count: Callable[[], int]) -> None:
        # Injected so the arithmetic is tested on any system.
        self._last_input = last_input
        self._tick_count = tick_count

    def seconds_idle(self) -> float | None:
        try:
            last = self._last_input()
            now = self._tick_count()
        except Exception as error:  # never raise into the scheduler's timer
            log.debug("idle: GetLastInputInfo failed: %s", error)
            return None
        if last is None:
            return None
        return sane_seconds(elapsed_ms(now, last), scale=0.001)

    def close(self) -> None:
        pass


def _system_calls() -> tuple[Callable[[], int | None], Callable[[], int]]:
    user32 = ctypes.WinDLL("user32")  # type: ignore[attr-defined]
    kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined]
    get_last_input = user32.GetLastInputInfo
    get_last_input.argtypes = (ctypes.POINTER(_LastInputInfo),)
    get_last_input.restype = ctypes.c_int
    kernel32.GetTickCount64.argtypes = ()
    kernel32.GetTickCount64.restype = ctypes.c_uint64

    def last_input() -> int | None:
        info = _LastInputInfo(ctypes.sizeof(_LastInputInfo), 0)
        return info.dwTime if get_last_input(ctypes.byref(info)) else None

    return last_input, kernel32.GetTickCount64


def open_windows_source() -> WindowsIdleSource | None:
    if sys.platform != "win32":
        return None
    try:
        source = WindowsIdleSource(*_system_calls())
    except (OSError, AttributeError) as error:
        log.info("idle: Windows input time not usable: %s", error)
        return None
    return source if source.seconds_idle() is not None else None
