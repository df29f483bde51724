"""Quit cleanly on SIGTERM/SIGINT (logout, `kill`, Ctrl+C in a terminal).

Python signal handlers only run when the interpreter gets control, which a
sleeping Qt event loop never gives it. The standard remedy: let the C-level
handler write to a socket Qt watches (signal.set_wakeup_fd), so the app
wakes exactly when a signal comes, without a polling timer.
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier


class QuitOnSignals(QObject):
    def __init__(self, on_quit: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_quit = on_quit
        self._read, self._write = socket.socketpair()
        for sock in (self._read, self._write):
            sock.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._write.fileno())
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        self._previous_handlers = {sig: signal.signal(sig, self._note) for sig in self._signals()}
        self._pending = False

    @staticmethod
    def _signals() -> list[signal.Signals]:
        wanted = [signal.SIGINT, signal.SIGTERM]
        if hasattr(signal, "SIGHUP"):
            wanted.append(signal.SIGHUP)
        return wanted

    def _note(self, signum: int, frame: object) -> None:
        self._pending = True

    def _drain(self) -> None:
        try:
            while self._read.recv(64):
                pass
        except BlockingIOError:
            pass
        if self._pending:
            self._pending = False
            self._on_quit()

    def uninstall(self) -> None:
        signal.set_wakeup_fd(self._previous_fd)
        for sig, handler in self._previous_handlers.items():
            signal.signal(sig, handler)
        self._notifier.setEnabled(False)
        self._read.close()
        self._write.close()
