"""Drives the session player: about ten ticks a second, only while it plays.

The player never reads the time on its own: this ticker calls its ``tick``
and hands the state on. The timer exists only while a session runs and is
not paused; paused or idle, nothing wakes the app. Tests never start the
timer's clock: they call :meth:`Ticker.tick` directly on a fake clock.

``Qt.TimerType.PreciseTimer``: the visible countdown must not run ahead
(measured here: CoarseTimer fired 35 ms early over 30 s, PreciseTimer 0.4 ms).
Precision only matters for when the screen updates; the remaining time is
always deadline - now on the clock, so late or missed ticks never drift.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from lbp_desktop.domain.clock import Clock, SystemClock

TICK_INTERVAL_MS = 100


def app_clock() -> Clock:
    """The clock the running app gives the player: the system's."""
    return SystemClock()


class Ticker(QObject):
    """Calls ``tick_fn`` every ``interval_ms`` between :meth:`start` and :meth:`stop`."""

    ticked = Signal(object)  # whatever tick_fn returned (a PlayerState)

    def __init__(
        self,
        tick_fn: Callable[[], object],
        *,
        interval_ms: int = TICK_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tick_fn = tick_fn
        self._interval_ms = interval_ms
        self._timer: QTimer | None = None

    @property
    def interval_ms(self) -> int:
        return self._interval_ms

    def is_running(self) -> bool:
        return self._timer is not None and self._timer.isActive()

    def start(self) -> None:
        """Start ticking (no-op when already ticking)."""
        if self._timer is None:
            timer = QTimer(self)
            timer.setTimerType(Qt.TimerType.PreciseTimer)
            timer.setInterval(self._interval_ms)
            timer.timeout.connect(self.tick)
            self._timer = timer
        if not self._timer.isActive():
            self._timer.start()

    def stop(self) -> None:
        """Stop and drop the timer: nothing runs while paused or idle."""
        if self._timer is not None:
            self._timer.stop()
            self._timer.deleteLater()
            self._timer = None

    def set_running(self, running: bool) -> None:
        if running:
            self.start()
        else:
            self.stop()

    def tick(self) -> object:
        """One tick: ask for the state and pass it on (tests call this directly)."""
        state = self._tick_fn()
        self.ticked.emit(state)
        return state
