"""Desktop notifications for what must not be missed (a heat or ice pack to take off).

On Linux (and the BSDs) the notification goes to the desktop's notification
service, ``org.freedesktop.Notifications.Notify`` on the session bus. Where
that service is missing, or on Windows and macOS, a fallback the app sets
is used (the tray icon's ``showMessage``); with neither, nothing happens.

Why not QtDBus: ``Notify`` takes its ``replaces_id`` as an unsigned 32-bit
integer, and PySide6 (6.11) cannot put one in a D-Bus message: a Python int
goes out as int32 in a QVariant and as uint16 through QDBusArgument.
GNOME Shell, KDE Plasma and dunst all check the signature and refuse the
call. So this module speaks the D-Bus wire protocol itself, with the
standard library: authenticate, ``Hello``, ``Notify``, wait for the reply.
That runs on a short-lived worker thread, so a slow notification service
never stalls the window; the answer comes back as the ``sent`` signal.
"""

from __future__ import annotations

import contextlib
import logging
import os
import struct
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

from lbp_desktop import APP_ID, APP_NAME
from lbp_desktop.services.idle.base import session_bus_address

if TYPE_CHECKING:
    import socket

log = logging.getLogger(__name__)

Fallback = Callable[[str, str], None]  # (title, body)

SERVICE = "org.freedesktop.Notifications"
OBJECT_PATH = "/org/freedesktop/Notifications"
# How long the worker waits for the bus and the service (a service that is
# started on demand takes a moment).
TIMEOUT_S = 5.0
# Critical: the notification stays until the user dismisses it, also in
# "do not disturb". Right for a pack that may be harming the skin.
URGENCY_CRITICAL = 2


class NotificationOutput(Protocol):
    """What the cue player needs of a notification backend (tests pass a fake)."""

    def notify(self, title: str, body: str) -> None: ...

    def set_fallback(self, fallback: Fallback | None) -> None: ...


class DesktopNotifier(QObject):
    """Sends desktop notifications; see the module docstring for the routes."""

    # True: the desktop's notification service took it; False: the fallback
    # got it or, with no fallback, nobody did.
    sent = Signal(bool)
    _worker_done = Signal(bool, str, str)

    def __init__(
        self,
        *,
        bus_address: str | None = None,
        fallback: Fallback | None = None,
        use_dbus: bool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._address = bus_address
        self._fallback = fallback
        self._use_dbus = _dbus_platform() if use_dbus is None else use_dbus
        self._worker_done.connect(self._on_worker_done)

    def set_fallback(self, fallback: Fallback | None) -> None:
        self._fallback = fallback

    def notify(self, title: str, body: str) -> None:
        address = (self._address or session_bus_address(os.environ)) if self._use_dbus else None
        if address is None:
            self._on_worker_done(False, title, body)
            return
        worker = threading.Thread(
            target=self._send, args=(address, title, body), name="notify", daemon=True
        )
        worker.start()

    def _send(self, address: str, title: str, body: str) -> None:
        try:
            ok = send_notification(address, title, body)
        except (OSError, ValueError, struct.error) as exc:
            log.info("desktop notification over D-Bus failed: %s", exc)
            ok = False
        # RuntimeError: the notifier was deleted (the app is quitting): nobody to tell.
        with contextlib.suppress(RuntimeError):
            self._worker_done.emit(ok, title, body)

    def _on_worker_done(self, ok: bool, title: str, body: str) -> None:
        if ok:
            self.sent.emit(True)
            return
        if self._fallback is not None:
            self._fallback(title, body)
        else:
            log.info("no way to show a desktop notification: %s", title)
        self.sent.emit(False)


def _dbus_platform() -> bool:
    return not sys.platform.startswith(("win", "darwin", "cygwin"))


# ------------------------------------------------------------------ the D-Bus wire protocol


def send_notification(address: str, title: str, body: str, *, timeout: float = TIMEOUT_S) -> bool:
    """Call Notify on the bus at ``address``; True when the service accepted it."""
    with _connect(address, timeout) as sock:
        _authenticate(sock)
        hello = _method_call(
            1, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "Hello"
        )
        notify = _method_call(
            2, SERVICE, OBJECT_PATH, SERVICE, "Notify", "susssasa{sv}i", _notify_body(title, body)
        )
        sock.sendall(hello + notify)
        reader = _Reader(sock)
        while True:
            kind, reply_to, error = reader.next_message()
            if reply_to == 2:
                if error:
                    log.info("the notification service refused: %s", error)
                return kind == _METHOD_RETURN


_METHOD_CALL = 1
_METHOD_RETURN = 2
_ERROR = 3

# Header field codes.
_PATH, _INTERFACE, _MEMBER, _ERROR_NAME, _REPLY_SERIAL, _DESTINATION, _SIGNATURE = (
    1,
    2,
    3,
    4,
    5,
    6,
    8,
)


def _connect(address: str, timeout: float) -> socket.socket:
    """The first unix-socket address of a D-Bus address list that answers."""
    import socket  # here: only the worker thread needs it

    last_error: OSError | None = None
    for entry in address.split(";"):
        transport, _, params = entry.partition(":")
        if transport != "unix":
            continue
        keys = dict(p.split("=", 1) for p in params.split(",") if "=" in p)
        if "path" in keys:
            target = _unescape(keys["path"])
        elif "abstract" in keys:
            target = "\0" + _unescape(keys["abstract"])
        else:
            continue
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(timeout)
        try:
            sock.connect(target)
        except OSError as exc:
            sock.close()
            last_error = exc
            continue
        return sock
    raise last_error or OSError(f"no usable unix socket in D-Bus address {address!r}")


def _unescape(value: str) -> str:
    """D-Bus addresses escape bytes as %xx."""
    out = bytearray()
    i = 0
    raw = value.encode()
    while i < len(raw):
        if raw[i] == ord("%") and i + 2 < len(raw):
            out.append(int(raw[i + 1 : i + 3], 16))
            i += 3
        else:
            out.append(raw[i])
            i += 1
    return out.decode()


def _authenticate(sock: socket.socket) -> None:
    uid = str(os.getuid()).encode().hex()
    sock.sendall(b"\0AUTH EXTERNAL " + uid.encode() + b"\r\n")
    line = _read_line(sock)
    if not line.startswith(b"OK "):
        raise OSError(f"D-Bus authentication refused: {line.decode(errors='replace')}")
    sock.sendall(b"BEGIN\r\n")


def _read_line(sock: socket.socket) -> bytes:
    data = bytearray()
    while not data.endswith(b"\r\n"):
        chunk = sock.recv(1)
        if not chunk:
            raise OSError("the bus closed the connection while authenticating")
        data += chunk
        if len(data) > 4096:
            raise OSError("overlong line from the bus")
    return bytes(data)


class _Writer:
    """Little-endian D-Bus marshalling of the few types a notification needs.

    Alignment is counted from the start of the buffer; the body and the
    header each start on an 8-byte boundary of the message, so that is the
    same as counting from the message's start.
    """

    def __init__(self) -> None:
        self.buf = bytearray()

    def pad(self, alignment: int) -> None:
        self.buf += b"\0" * (-len(self.buf) % alignment)

    def byte(self, value: int) -> None:
        self.buf.append(value)

    def uint32(self, value: int) -> None:
        self.pad(4)
        self.buf += struct.pack("<I", value)

    def int32(self, value: int) -> None:
        self.pad(4)
        self.buf += struct.pack("<i", value)

    def string(self, value: str) -> None:
        data = value.encode()
        self.uint32(len(data))
        self.buf += data + b"\0"

    def signature(self, value: str) -> None:
        data = value.encode()
        self.buf.append(len(data))
        self.buf += data + b"\0"

    def variant(self, sig: str, value: str | int) -> None:
        self.signature(sig)
        if sig == "y":
            assert isinstance(value, int)
            self.byte(value)
        elif sig in ("s", "o"):
            assert isinstance(value, str)
            self.string(value)
        elif sig == "g":
            assert isinstance(value, str)
            self.signature(value)
        else:
            raise ValueError(f"variant type {sig!r} not supported")

    def array(self, element_alignment: int, fill: Callable[[], None]) -> None:
        self.pad(4)
        at = len(self.buf)
        self.buf += b"\0\0\0\0"
        self.pad(element_alignment)
        start = len(self.buf)
        fill()
        struct.pack_into("<I", self.buf, at, len(self.buf) - start)


def _notify_body(title: str, body: str) -> bytes:
    hints: list[tuple[str, str, str | int]] = [
        ("desktop-entry", "s", APP_ID),
        ("urgency", "y", URGENCY_CRITICAL),
    ]
    w = _Writer()
    w.string(APP_NAME)  # app_name
    w.uint32(0)  # replaces_id: a new notification
    w.string(APP_ID)  # app_icon (the icon the desktop entry installs)
    w.string(title)  # summary
    w.string(body)  # body
    w.array(4, lambda: None)  # actions: none
    w.array(8, lambda: _dict_entries(w, hints))  # hints
    w.int32(-1)  # expire_timeout: the server's default
    return bytes(w.buf)


def _dict_entries(w: _Writer, entries: list[tuple[str, str, str | int]]) -> None:
    for key, sig, value in entries:
        w.pad(8)
        w.string(key)
        w.variant(sig, value)


def _method_call(
    serial: int,
    destination: str,
    path: str,
    interface: str,
    member: str,
    signature: str = "",
    body: bytes = b"",
) -> bytes:
    fields: list[tuple[int, str, str]] = [
        (_PATH, "o", path),
        (_INTERFACE, "s", interface),
        (_MEMBER, "s", member),
        (_DESTINATION, "s", destination),
    ]
    if signature:
        fields.append((_SIGNATURE, "g", signature))
    w = _Writer()
    w.buf += b"l" + bytes([_METHOD_CALL, 0, 1])  # little-endian, call, no flags, version 1
    w.uint32(len(body))
    w.uint32(serial)

    def fill() -> None:
        for code, sig, value in fields:
            w.pad(8)
            w.byte(code)
            w.variant(sig, value)

    w.array(8, fill)
    w.pad(8)
    return bytes(w.buf) + body


class _Reader:
    """Reads whole messages and finds out what each one answers."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock

    def _exactly(self, size: int) -> bytes:
        data = bytearray()
        while len(data) < size:
            chunk = self._sock.recv(size - len(data))
            if not chunk:
                raise OSError("the bus closed the connection")
            data += chunk
        return bytes(data)

    def next_message(self) -> tuple[int, int | None, str]:
        """(message type, serial it replies to or None, error name or "")."""
        fixed = self._exactly(16)
        endian = {ord("l"): "<", ord("B"): ">"}.get(fixed[0])
        if endian is None:
            raise ValueError("not a D-Bus message")
        kind = fixed[1]
        body_len, _serial, fields_len = struct.unpack(endian + "III", fixed[4:16])
        header_end = 16 + fields_len
        rest = self._exactly(header_end + (-header_end % 8) - 16 + body_len)
        header = fixed + rest[:fields_len]
        reply_to, error = _reply_fields(header, endian)
        return kind, reply_to, error


def _reply_fields(header: bytes, endian: str) -> tuple[int | None, str]:
    reply_to: int | None = None
    error = ""
    pos = 16
    while pos < len(header):
        pos += -pos % 8
        if pos >= len(header):
            break
        code = header[pos]
        sig_len = header[pos + 1]
        sig = header[pos + 2 : pos + 2 + sig_len].decode()
        pos += 3 + sig_len
        if sig == "u":
            pos += -pos % 4
            (value,) = struct.unpack_from(endian + "I", header, pos)
            pos += 4
            if code == _REPLY_SERIAL:
                reply_to = value
        elif sig in ("s", "o"):
            pos += -pos % 4
            (length,) = struct.unpack_from(endian + "I", header, pos)
            text = header[pos + 4 : pos + 4 + length].decode(errors="replace")
            pos += 5 + length
            if code == _ERROR_NAME:
                error = text
        elif sig == "g":
            length = header[pos]
            pos += 2 + length
        else:
            raise ValueError(f"unexpected header field type {sig!r}")
    return reply_to, error
