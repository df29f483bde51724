"""Settings of the posture-break reminders: validated, and safe to load.

``ReminderSettings(...)`` refuses bad values (a settings dialog shows the
message). ``from_json`` never raises: stored data may come from an older or
newer version, or be damaged, and a broken field must not cost the user the
other ones, so each bad part falls back to its default on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import time
from typing import Any

IDLE_RESET = "reset"  # idle >= threshold was a natural break: the interval restarts
IDLE_PAUSE = "pause"  # idle time does not count, the interval goes on after it
IDLE_POLICIES = (IDLE_RESET, IDLE_PAUSE)
ALL_DAYS = frozenset(range(7))  # Monday is 0, as datetime.weekday()

INTERVAL_RANGE_MIN = (5, 240)
IDLE_BREAK_RANGE_MIN = (1, 60)
DAILY_MAX_RANGE = (1, 100)
SNOOZE_RANGE_MIN = (1, 60)
SKIPS_RANGE = (0, 100)


def _in_range(name: str, value: object, bounds: tuple[int, int]) -> int:
    # bool is an int subclass; True must not pass as a number of minutes.
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be a whole number, got {value!r}")
    low, high = bounds
    if not low <= value <= high:
        raise ValueError(f"{name} must be from {low} to {high}, got {value}")
    return value


@dataclass(frozen=True)
class ReminderSettings:
    interval_min: int = 30
    idle_break_min: int = 5
    # Both set, or both None (no quiet hours). May cross midnight (22:00-07:00).
    quiet_start: time | None = time(22, 0)
    quiet_end: time | None = time(7, 0)
    working_days: frozenset[int] = ALL_DAYS
    # None: no daily maximum.
    daily_max: int | None = 20
    snooze_min: tuple[int, ...] = (5, 10)
    idle_policy: str = IDLE_RESET
    # USER-VOICES asks for a daily cap on skips; None: no cap.
    max_skips_per_day: int | None = None

    def __post_init__(self) -> None:
        _in_range("interval_min", self.interval_min, INTERVAL_RANGE_MIN)
        _in_range("idle_break_min", self.idle_break_min, IDLE_BREAK_RANGE_MIN)
        if (self.quiet_start is None) != (self.quiet_end is None):
            raise ValueError("quiet hours need both a start and an end")
        for name in ("quiet_start", "quiet_end"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, time) or value.tzinfo is not None):
                raise ValueError(f"{name} must be a local time of day, got {value!r}")
        if self.quiet_start is not None and self.quiet_start == self.quiet_end:
            raise ValueError("quiet hours must not start and end at the same time")
        days = self.working_days
        if not isinstance(days, frozenset) or not days <= ALL_DAYS:
            raise ValueError(f"working_days must be weekdays 0 (Monday) to 6, got {days!r}")
        if any(isinstance(d, bool) for d in days):
            raise ValueError("working_days must be weekdays 0 (Monday) to 6")
        if self.daily_max is not None:
            _in_range("daily_max", self.daily_max, DAILY_MAX_RANGE)
        if not isinstance(self.snooze_min, tuple) or not self.snooze_min:
            raise ValueError("snooze_min must offer at least one length")
        for minutes in self.snooze_min:
            _in_range("snooze_min", minutes, SNOOZE_RANGE_MIN)
        if list(self.snooze_min) != sorted(set(self.snooze_min)):
            raise ValueError("snooze_min must be increasing lengths without repeats")
        if self.idle_policy not in IDLE_POLICIES:
            raise ValueError(f"idle_policy must be one of {', '.join(IDLE_POLICIES)}")
        if self.max_skips_per_day is not None:
            _in_range("max_skips_per_day", self.max_skips_per_day, SKIPS_RANGE)

    def to_json(self) -> dict[str, Any]:
        return {
            "interval_min": self.interval_min,
            "idle_break_min": self.idle_break_min,
            "quiet_start": _time_text(self.quiet_start),
            "quiet_end": _time_text(self.quiet_end),
            "working_days": sorted(self.working_days),
            "daily_max": self.daily_max,
            "snooze_min": list(self.snooze_min),
            "idle_policy": self.idle_policy,
            "max_skips_per_day": self.max_skips_per_day,
        }

    @classmethod
    def from_json(cls, data: object) -> ReminderSettings:
        """Never raises: every field that does not parse keeps its default."""
        if not isinstance(data, dict):
            return cls()
        parsed: dict[str, Any] = {}
        for f in fields(cls):
            if f.name in ("quiet_start", "quiet_end") or f.name not in data:
                continue
            value = _PARSERS[f.name](data[f.name])
            if value is not _BAD:
                parsed[f.name] = value
        if "quiet_start" in data or "quiet_end" in data:
            start = _parse_time(data.get("quiet_start"))
            end = _parse_time(data.get("quiet_end"))
            # The pair stands or falls together: half a window is no window.
            if start is not _BAD and end is not _BAD:
                parsed["quiet_start"], parsed["quiet_end"] = start, end
        # Fields were checked one by one; drop whichever still fails the whole.
        for name in [n for n in parsed if n not in ("quiet_start", "quiet_end")]:
            try:
                cls(**{name: parsed[name]})
            except ValueError:
                del parsed[name]
        if "quiet_start" in parsed:
            try:
                cls(quiet_start=parsed["quiet_start"], quiet_end=parsed["quiet_end"])
            except ValueError:
                parsed.pop("quiet_start", None)
                parsed.pop("quiet_end", None)
        try:
            return cls(**parsed)
        except ValueError:
            return cls()


_BAD = object()


def _time_text(value: time | None) -> str | None:
    return None if value is None else value.strftime("%H:%M")


def _parse_time(value: object) -> object:
    if value is None:
        return None
    if not isinstance(value, str):
        return _BAD
    try:
        parsed = time.fromisoformat(value)
    except ValueError:
        return _BAD
    return _BAD if parsed.tzinfo is not None else parsed.replace(second=0, microsecond=0)


def _parse_int(value: object) -> object:
    return value if isinstance(value, int) and not isinstance(value, bool) else _BAD


def _parse_optional_int(value: object) -> object:
    return None if value is None else _parse_int(value)


def _parse_days(value: object) -> object:
    if not isinstance(value, list):
        return _BAD
    if not all(isinstance(d, int) and not isinstance(d, bool) for d in value):
        return _BAD
    return frozenset(value)


def _parse_snooze(value: object) -> object:
    if not isinstance(value, list) or not all(_parse_int(v) is not _BAD for v in value):
        return _BAD
    return tuple(sorted(set(value)))


def _parse_policy(value: object) -> object:
    return value if value in IDLE_POLICIES else _BAD


_PARSERS = {
    "interval_min": _parse_int,
    "idle_break_min": _parse_int,
    "working_days": _parse_days,
    "daily_max": _parse_optional_int,
    "snooze_min": _parse_snooze,
    "idle_policy": _parse_policy,
    "max_skips_per_day": _parse_optional_int,
}
