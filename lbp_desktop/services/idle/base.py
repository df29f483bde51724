"""What every idle backend shares: the protocol and the sanity check on answers."""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

log = logging.getLogger("lbp_desktop.services.idle")

# Longer than any real absence: a bigger answer is garbage (an unset counter,
# a unit mix-up), not a user who has been away for a year.
MAX_IDLE_S = 366 * 24 * 3600.0


class IdleSource(Protocol):
    """Seconds since the last keyboard or mouse input, from one desktop service."""

    name: str  # plain words for Settings

    def seconds_idle(self) -> float | None:
        """None: the source stopped answering (or answered nonsense)."""
        ...

    def close(self) -> None:
        """Let go of what the source holds (a display connection, a bus)."""
        ...


def sane_seconds(value: object, *, scale: float = 1.0) -> float | None:
    """``value * scale`` as seconds when it is a plausible idle time, else None."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        seconds = float(value) * scale
    except OverflowError:
        return None
    if not math.isfinite(seconds) or seconds < 0 or seconds > MAX_IDLE_S:
        return None
    return seconds


def session_bus_address(env: Mapping[str, str]) -> str | None:
    """Where the session bus listens, as libdbus finds it (None: no bus)."""
    address = env.get("DBUS_SESSION_BUS_ADDRESS")
    if address:
        return address
    runtime = env.get("XDG_RUNTIME_DIR")
    if runtime and (Path(runtime) / "bus").exists():
        return f"unix:path={Path(runtime) / 'bus'}"
    return None
