"""Idle time from a desktop service on the session bus (GNOME, KDE and others).

Wayland gives clients no global idle query, so there the desktop's own
services are the only way:

- GNOME: Mutter's idle monitor, ``GetIdletime`` (uint64 milliseconds).
- KDE Plasma on X11 and some others: ``org.freedesktop.ScreenSaver``
  ``GetSessionIdleTime`` (uint32). The draft spec says seconds, but KDE,
  the main implementer, returns KIdleTime's milliseconds and its clients
  divide by 1000; so do we. Plasma on Wayland and others answer "not
  supported", and some stand-in services always answer 0: such a source is
  not counted as working, so Settings can say honestly that time away is
  not noticed.

Plain blocking calls with a short timeout: one call about once a minute, a
millisecond on a healthy desktop. No auto-start: probing must not launch a
screen saver daemon.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage

from lbp_desktop.services.idle.base import log, sane_seconds

CALL_TIMEOUT_MS = 500

_serial = itertools.count(1)


@dataclass(frozen=True)
class Method:
    name: str  # for Settings
    service: str
    paths: tuple[str, ...]  # tried in order at probe time
    interface: str
    member: str
    zero_is_stub: bool  # a first answer of exactly 0 means "not implemented"


MUTTER = Method(
    name="GNOME (Mutter idle monitor)",
    service="org.gnome.Mutter.IdleMonitor",
    paths=("/org/gnome/Mutter/IdleMonitor/Core",),
    interface="org.gnome.Mutter.IdleMonitor",
    member="GetIdletime",
    zero_is_stub=False,
)
SCREENSAVER = Method(
    name="screen saver service (KDE and others)",
    service="org.freedesktop.ScreenSaver",
    # KDE registers both; the short one is the older.
    paths=("/org/freedesktop/ScreenSaver", "/ScreenSaver"),
    interface="org.freedesktop.ScreenSaver",
    member="GetSessionIdleTime",
    zero_is_stub=True,
)
METHODS = (MUTTER, SCREENSAVER)


class DBusIdleSource:
    def __init__(self, bus: QDBusBus, method: Method, path: str) -> None:
        self.name = method.name
        self._bus: QDBusBus | None = bus
        self._method = method
        self._path = path

    def seconds_idle(self) -> float | None:
        if self._bus is None:
            return None
        try:
            value = self._bus.call(self._method, self._path)
        except Exception:  # never raise into the scheduler's timer
            log.debug("idle: D-Bus call failed", exc_info=True)
            return None
        return None if value is None else sane_seconds(value, scale=0.001)

    def close(self) -> None:
        if self._bus is not None:
            self._bus.disconnect()
            self._bus = None


class QDBusBus:
    """Our own named connection to one bus address (never Qt's shared sessionBus())."""

    def __init__(self, address: str) -> None:
        self.address = address
        # A name of our own: Qt hands back an existing connection of the same
        # name (even for another address), and closing it would close both.
        self._name = f"lbp-desktop-idle-{next(_serial)}"
        self._connection = QDBusConnection.connectToBus(address, self._name)

    def connected(self) -> bool:
        return self._connection.isConnected()

    def call(self, method: Method, path: str) -> object | None:
        """The first value of the reply; None (logged at debug) on any error."""
        message = QDBusMessage.createMethodCall(
            method.service, path, method.interface, method.member
        )
        message.setAutoStartService(False)
        reply = self._connection.call(message, QDBus.CallMode.Block, CALL_TIMEOUT_MS)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage:
            log.debug("idle: %s.%s: %s", method.service, method.member, reply.errorName())
            return None
        arguments = reply.arguments()
        return arguments[0] if arguments else None

    def disconnect(self) -> None:
        QDBusConnection.disconnectFromBus(self._name)


def open_dbus_source(address: str | None) -> DBusIdleSource | None:
    """The first desktop service on the bus at ``address`` that answers sanely."""
    if not address:
        log.info("idle: no session bus")
        return None
    bus = QDBusBus(address)
    if not bus.connected():
        log.info("idle: cannot connect to the session bus at %s", address)
        bus.disconnect()
        return None
    for method in METHODS:
        for path in method.paths:
            if _works(bus, method, path):
                return DBusIdleSource(bus, method, path)
    bus.disconnect()
    return None


def _works(bus: QDBusBus, method: Method, path: str) -> bool:
    value = bus.call(method, path)
    if value is None:
        return False
    if sane_seconds(value, scale=0.001) is None:
        log.info("idle: %s answered %r, not an idle time", method.service, value)
        return False
    if method.zero_is_stub and value == 0:
        # A real counter in milliseconds is never exactly 0 when the app
        # starts: the user's last click was at least some milliseconds ago.
        log.info("idle: %s answers 0, a stub that never notices time away", method.service)
        return False
    log.info("idle: using %s at %s", method.service, path)
    return True
