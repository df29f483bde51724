"""One running app per user and data folder.

The first instance listens on a local socket (a Unix socket file, a named
pipe on Windows); a second launch connects, sends one JSON line such as
{"action": "activate"}, and exits. The data dir's lock file still guards the
data itself; this only makes a second launch bring the first to the front.
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from lbp_desktop import APP_ID

MAX_MESSAGE_BYTES = 64 * 1024  # a message is a few bytes; anything bigger is not ours


# This module is imported before the first paint, so it keeps to cheap
# imports: the uid instead of getpass, zlib's checksums instead of hashlib,
# json only when a message really comes or goes (together ~15 ms measured here).


def _user_name() -> str:
    if hasattr(os, "getuid"):
        return str(os.getuid())
    # Windows: named pipes are visible machine-wide, so the user name matters.
    return os.environ.get("USERNAME", "user")


def instance_key(data_dir: Path, user: str | None = None) -> str:
    """A short socket name for this user and data dir.

    Hashed: the raw path may be long or hold characters a socket name cannot,
    and Unix socket paths are limited to ~100 bytes. Two 32-bit checksums make
    64 bits: enough to keep one user's data folders apart.
    """
    who = user if user is not None else _user_name()
    where = os.path.normcase(str(Path(data_dir).expanduser().resolve()))
    raw = f"{who}\0{where}".encode()
    return f"{APP_ID}-{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}"


class SingleInstance(QObject):
    message_received = Signal(dict)

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytearray] = {}

    @property
    def is_primary(self) -> bool:
        return self._server is not None and self._server.isListening()

    def try_become_primary(self, timeout_ms: int = 500) -> bool:
        """True when this process is now the one instance; False when another answers."""
        if self.is_primary:
            return True
        probe = QLocalSocket()
        probe.connectToServer(self.key)
        if probe.waitForConnected(timeout_ms):
            probe.disconnectFromServer()
            return False
        # Nobody answered: a socket file left by a crashed instance would make
        # listen() fail with "address in use", so clear it first.
        QLocalServer.removeServer(self.key)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.key):
            server.deleteLater()
            return False
        server.newConnection.connect(self._on_new_connection)
        self._server = server
        return True

    def send_to_primary(self, message: dict, timeout_ms: int = 1000) -> bool:
        """Send one message to the running instance; False if none took it."""
        socket = QLocalSocket()
        socket.connectToServer(self.key)
        if not socket.waitForConnected(timeout_ms):
            return False
        import json

        socket.write(json.dumps(message).encode("utf-8") + b"\n")
        if not socket.waitForBytesWritten(timeout_ms):
            socket.abort()
            return False
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(timeout_ms)
        return True

    def close(self) -> None:
        if self._server is not None:
            self._server.close()  # also removes the socket file
            self._server.deleteLater()
            self._server = None

    def _on_new_connection(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = bytearray()
            socket.readyRead.connect(lambda s=socket: self._on_ready_read(s))
            socket.disconnected.connect(lambda s=socket: self._on_disconnected(s))

    def _on_ready_read(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.get(socket)
        if buffer is None:
            return
        buffer.extend(bytes(socket.readAll().data()))
        if len(buffer) > MAX_MESSAGE_BYTES:
            socket.abort()
            return
        while b"\n" in buffer:
            line, _, rest = bytes(buffer).partition(b"\n")
            buffer[:] = rest
            self._deliver(line)

    def _on_disconnected(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.pop(socket, None)
        if buffer is not None:
            buffer.extend(bytes(socket.readAll().data()))
        if buffer and buffer.strip() and len(buffer) <= MAX_MESSAGE_BYTES:
            self._deliver(bytes(buffer))  # a last line without its newline
        socket.deleteLater()

    def _deliver(self, line: bytes) -> None:
        import json

        try:
            message = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return  # not one of ours: ignore rather than crash the running app
        if isinstance(message, dict):
            self.message_received.emit(message)
