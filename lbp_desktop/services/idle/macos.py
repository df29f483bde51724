"""Idle time on macOS: CGEventSourceSecondsSinceLastEventType (ctypes, CoreGraphics)."""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from collections.abc import Callable

from lbp_desktop.services.idle.base import log, sane_seconds

NAME = "macOS input time"
# Any input in the whole login session, not only our app's.
COMBINED_SESSION_STATE = 0  # kCGEventSourceStateCombinedSessionState
ANY_INPUT_EVENT = 0xFFFFFFFF  # kCGAnyInputEventType
_FALLBACK_PATH = "/System/Library/Frameworks/ApplicationServices.framework/ApplicationServices"


class MacIdleSource:
    name = NAME

    def __init__(self, seconds_since_input: Callable[[], float]) -> None:
        self._query = seconds_since_input

    def seconds_idle(self) -> float | None:
        try:
            value = self._query()
        except Exception as error:  # never raise into the scheduler's timer
            log.debug("idle: CGEventSourceSecondsSinceLastEventType failed: %s", error)
            return None
        return sane_seconds(value)

    def close(self) -> None:
        pass


def _system_call() -> Callable[[], float]:
    path = ctypes.util.find_library("ApplicationServices") or _FALLBACK_PATH
    function = ctypes.CDLL(path).CGEventSourceSecondsSinceLastEventType
    function.argtypes = (ctypes.c_int32, ctypes.c_uint32)
    function.restype = ctypes.c_double  # CFTimeInterval
    return lambda: function(COMBINED_SESSION_STATE, ANY_INPUT_EVENT)


def open_macos_source() -> MacIdleSource | None:
    if sys.platform != "darwin":
        return None
    try:
        source = MacIdleSource(_system_call())
    except (OSError, AttributeError) as error:
        log.info("idle: macOS input time not usable: %s", error)
        return None
    return source if source.seconds_idle() is not None else None
