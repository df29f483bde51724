"""Where the domain gets the time from: always injected, never read directly."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float:
        """Seconds on a clock that never goes back (stops during suspend)."""

    def now(self) -> datetime:
        """The wall-clock time, timezone-aware, in the user's local offset."""


class SystemClock:
    """The machine's clocks; ``zone`` adds daylight-saving rules to ``now()``.

    Without a zone, ``now()`` carries today's fixed offset. With one, it is
    used while it agrees with the system's offset, so a user who moves the
    machine to another zone gets the system's answer, never a stale zone.
    """

    def __init__(self, zone: tzinfo | None = None) -> None:
        self._zone = zone

    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        fixed = datetime.now().astimezone()
        zone = self._zone
        if zone is not None:
            zoned = fixed.astimezone(zone)
            if zoned.utcoffset() == fixed.utcoffset():
                return zoned
        return fixed


class FakeClock:
    """A clock tests step by hand: no sleeping, microseconds per test."""

    def __init__(self, start: datetime | None = None, monotonic: float = 1000.0) -> None:
        self._now = start or datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
        if self._now.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware start")
        self._mono = monotonic

    def monotonic(self) -> float:
        return self._mono

    def now(self) -> datetime:
        return self._now

    def advance(self, seconds: float) -> None:
        """Time passes normally: both clocks move together."""
        self._mono += seconds
        self._now += timedelta(seconds=seconds)

    def suspend(self, seconds: float) -> None:
        """The machine sleeps: the wall clock moves, the monotonic one does not."""
        self._now += timedelta(seconds=seconds)
