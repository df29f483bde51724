"""A fake clock that keeps local time like a real system, and a ticking loop."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

from lbp_desktop.domain.clock import FakeClock
from lbp_desktop.domain.reminder_settings import ReminderSettings
from lbp_desktop.domain.reminders import Reminders

# A Monday morning, outside the default quiet hours.
MONDAY_9 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


class LocalClock(FakeClock):
    """FakeClock in UTC, shown in a zone: DST changes the offset, not the time.

    FakeClock adds to its own datetime, which in a ZoneInfo adds wall time;
    a real system clock moves in real seconds and shows them in local time.
    """

    def __init__(self, start: datetime, zone: tzinfo) -> None:
        super().__init__(start.astimezone(UTC))
        self._zone = zone

    def now(self) -> datetime:
        return super().now().astimezone(self._zone)


def make(
    start: datetime = MONDAY_9, zone: tzinfo | None = None, **settings: object
) -> tuple[Reminders, FakeClock]:
    clock = FakeClock(start) if zone is None else LocalClock(start, zone)
    return Reminders(clock, ReminderSettings(**settings)), clock  # type: ignore[arg-type]


def run(r: Reminders, clock: FakeClock, seconds: float, step: float = 30.0) -> list[float]:
    """Advance in small steps, ticking each time; the monotonic times of shows."""
    shows: list[float] = []
    left = seconds
    while left > 0:
        dt = min(step, left)
        clock.advance(dt)
        left -= dt
        if r.tick().show:
            shows.append(clock.monotonic())
    return shows
