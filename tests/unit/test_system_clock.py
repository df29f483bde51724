"""The system clock's local time keeps daylight-saving rules, never a stale zone."""

from __future__ import annotations

import time
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from lbp_desktop.domain.clock import SystemClock
from lbp_desktop.local_time import local_zone


@pytest.fixture
def berlin(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_local_zone_is_the_named_zone_with_its_rules(berlin) -> None:
    zone = local_zone()
    assert zone == ZoneInfo("Europe/Berlin")


def test_now_carries_the_zone_so_later_times_cross_dst_right(berlin) -> None:
    now = SystemClock(zone=ZoneInfo("Europe/Berlin")).now()
    assert now.tzinfo == ZoneInfo("Europe/Berlin")
    # Half a year on, the offset differs from today's (one is +01:00, one +02:00).
    later = now + timedelta(days=182)
    assert later.utcoffset() != now.utcoffset()


def test_a_zone_that_disagrees_with_the_system_is_not_used(berlin) -> None:
    now = SystemClock(zone=ZoneInfo("America/New_York")).now()
    assert now.tzinfo != ZoneInfo("America/New_York")
    assert now.utcoffset() == ZoneInfo("Europe/Berlin").utcoffset(now.replace(tzinfo=None))


def test_without_a_zone_now_is_aware() -> None:
    assert SystemClock().now().utcoffset() is not None


def test_unknown_tz_name_falls_back_to_a_fixed_offset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Nowhere/Atlantis")
    monkeypatch.setattr("os.path.realpath", lambda _p: "/nonexistent")
    zone = local_zone()
    assert not isinstance(zone, ZoneInfo)
