"""Seconds since the user last touched keyboard or mouse, from what the desktop offers.

``find_idle_source()`` probes the backends that fit the platform, in order,
and keeps the first whose first answer is a sane number:

- X11 session (Qt platform "xcb"): the X server's screen saver extension,
  then the desktop services on the session bus.
- Wayland session: only the desktop services (GNOME's Mutter idle monitor,
  then ``org.freedesktop.ScreenSaver``). The X11 extension is never used
  there, not even for an app forced onto XWayland: the X server then sees
  only input to X windows and would call a typing user "away".
- Windows: GetLastInputInfo. macOS: CGEventSourceSecondsSinceLastEventType.
- Offscreen, minimal, no display, no bus: None, and breaks are timed by the
  clock only (``idle_status_text`` says so in Settings).

Backends are imported when probed: QtDBus loads only where it is tried.
Nothing here raises: failures are logged and read as "not available".
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping

from lbp_desktop.services.idle.base import (
    MAX_IDLE_S,
    IdleSource,
    log,
    sane_seconds,
    session_bus_address,
)

__all__ = [
    "MAX_IDLE_S",
    "IdleSource",
    "find_idle_source",
    "idle_status_text",
    "is_wayland_session",
    "sane_seconds",
    "session_bus_address",
]

# Qt platforms with no real desktop behind them.
_NO_DESKTOP = frozenset({"", "offscreen", "minimal", "minimalegl", "vnc"})

Probe = Callable[[], IdleSource | None]


def find_idle_source(
    platform_name: str | None = None,
    *,
    env: Mapping[str, str] | None = None,
    bus_address: str | None = None,
) -> IdleSource | None:
    """The first idle backend that works here, or None.

    ``platform_name`` defaults to ``QGuiApplication.platformName()``; ``env``
    to ``os.environ`` (DISPLAY, WAYLAND_DISPLAY, XDG_SESSION_TYPE, the bus);
    ``bus_address`` overrides the session bus (tests use a private one).
    """
    try:
        platform = _platform_name() if platform_name is None else platform_name
        environ = os.environ if env is None else env
        probes = list(_probes(platform, environ, bus_address))
    except Exception:
        log.exception("idle: cannot tell which backends fit")
        return None
    for probe in probes:
        try:
            source = probe()
        except Exception:  # one backend's bug must stop neither the app nor the others
            log.exception("idle: a backend failed while probing")
            continue
        if source is not None:
            log.info("idle: using %s", source.name)
            return source
    log.info("idle: nothing works on platform %r; breaks follow the clock only", platform)
    return None


def idle_status_text(source: IdleSource | None) -> str:
    """The line for Settings: whether time away from the computer is noticed."""
    if source is None:
        return (
            "This desktop does not tell us when you step away, so breaks follow the "
            "clock only: time away from the computer is not noticed."
        )
    return (
        f"Time away from the keyboard and mouse counts as a break. Noticed through: {source.name}."
    )


def is_wayland_session(env: Mapping[str, str]) -> bool:
    return bool(env.get("WAYLAND_DISPLAY")) or env.get("XDG_SESSION_TYPE") == "wayland"


def _platform_name() -> str:
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.platformName()


def _probes(platform: str, env: Mapping[str, str], bus_address: str | None) -> Iterator[Probe]:
    if platform in _NO_DESKTOP:
        return
    if platform == "windows":
        from lbp_desktop.services.idle.windows import open_windows_source

        yield open_windows_source
        return
    if platform == "cocoa":
        from lbp_desktop.services.idle.macos import open_macos_source

        yield open_macos_source
        return
    # Linux and the BSDs: "xcb", "wayland" and its variants.
    if platform == "xcb" and not is_wayland_session(env):
        yield lambda: _x11(env.get("DISPLAY"))
    yield lambda: _dbus(bus_address or session_bus_address(env))


def _x11(display: str | None) -> IdleSource | None:
    from lbp_desktop.services.idle.x11 import open_x11_source

    return open_x11_source(display)


def _dbus(bus_address: str | None) -> IdleSource | None:
    from lbp_desktop.services.idle.dbus import open_dbus_source

    return open_dbus_source(bus_address)
