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

import math
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from lbp_desktop.domain.clock import Clock, SystemClock

TICK_INTERVAL_MS = 100


def app_clock() -> Clock:
    """The clock the running app gives the player: the system's."""
    return SystemClock()


def aligned_delay_ms(remaining_s: float, interval_ms: int = TICK_INTERVAL_MS) -> int:
    """Milliseconds to the next moment the countdown crosses a whole tick.

    Ticks fall on the deadlines, not ``interval`` after whenever the timer
    happened to start: a segment then ends on the tick of its deadline, and
    the digits change when the second really turns. Rounded up, so a tick is
    never a hair early (which would cost a whole interval).
    """
    step = interval_ms / 1000
    ahead = max(remaining_s, 0.0) % step
    return math.ceil(round(ahead * 1000, 6)) or interval_ms


class Ticker(QObject):
    """Calls ``tick_fn`` between :meth:`start` and :meth:`stop`, about every
    ``interval_ms``; with ``remaining`` (the seconds left, from the state a tick
    returned) each tick is aligned to the countdown's deadline."""

    ticked = Signal(object)  # whatever tick_fn returned (a PlayerState)

    def __init__(
        self,
        tick_fn: Callable[[], object],
        *,
        interval_ms: int = TICK_INTERVAL_MS,
        remaining: Callable[[object], float] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tick_fn = tick_fn
        self._interval_ms = interval_ms
        self._remaining = remaining
        self._timer: QTimer | None = None
        self._last: object = None

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
            timer.setSingleShot(True)  # re-armed after each tick, to the next deadline
            timer.timeout.connect(self.tick)
            self._timer = timer
        if not self._timer.isActive():
            self._timer.start(self._next_delay_ms())

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
        self._last = state
        self.ticked.emit(state)
        # The slot may have stopped us (pause, end); otherwise on to the next deadline.
        if self._timer is not None:
            self._timer.start(self._next_delay_ms())
        return state

    def note_state(self, state: object) -> None:
        """A state taken outside a tick (after a command): align to it."""
        self._last = state
        if self._timer is not None and self._timer.isActive():
            self._timer.start(self._next_delay_ms())

    def _next_delay_ms(self) -> int:
        if self._remaining is None or self._last is None:
            return self._interval_ms
        return aligned_delay_ms(self._remaining(self._last), self._interval_ms)
