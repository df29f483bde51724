"""The machine's time zone with its daylight-saving rules.

``datetime.now().astimezone()`` gives a fixed offset: right for this moment,
wrong an hour later on the night the clocks change. Reminders ("quiet hours
until 07:00", "paused until tomorrow") and the diary's days need the zone's
rules, so the system clock resolves the zone's name once and uses it while it
agrees with what the system reports.
"""

from __future__ import annotations

import os
from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def local_zone(now: datetime | None = None) -> tzinfo:
    """The local zone with its rules, or the fixed offset of ``now`` when unknown."""
    probe = now or datetime.now().astimezone()
    for name in _zone_names():
        try:
            zone = ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            continue
        # Only trust a name that agrees with the offset the system reports now.
        if probe.astimezone(zone).utcoffset() == probe.utcoffset():
            return zone
    fixed = probe.tzinfo
    assert fixed is not None
    return fixed


def _zone_names() -> list[str]:
    names: list[str] = []
    key = os.environ.get("TZ", "").lstrip(":")
    if key:
        names.append(key)
    try:
        target = os.path.realpath("/etc/localtime")
    except OSError:
        return names
    if "zoneinfo/" in target:
        names.append(target.split("zoneinfo/", 1)[1])
    return names
