"""Quiet hours, working days, the daily maximum, suspend and daylight saving."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest
from reminder_helpers import MONDAY_9, make, run

from lbp_desktop.domain import reminders as R

INTERVAL = 30 * 60
LONDON = ZoneInfo("Europe/London")
BERLIN = ZoneInfo("Europe/Berlin")


def test_quiet_hours_across_midnight() -> None:
    r, clock = make(datetime(2026, 1, 5, 21, 45, tzinfo=UTC))
    run(r, clock, 15 * 60)  # 22:00: quiet, 15 active minutes dropped
    nxt = r.next_due()
    assert (nxt.reason, nxt.text, nxt.at_mono) == (R.QUIET, "Quiet hours until 07:00", None)
    assert nxt.until == datetime(2026, 1, 6, 7, 0, tzinfo=UTC)
    assert run(r, clock, 9 * 3600, step=60) == []  # through midnight to 07:00
    assert clock.now() == datetime(2026, 1, 6, 7, 0, tzinfo=UTC)
    # The interval restarts when quiet hours end: no reminder right at 07:00.
    assert r.next_due().at_mono == clock.monotonic() + INTERVAL
    assert run(r, clock, INTERVAL, step=60) == [clock.monotonic()]


def test_quiet_end_between_ticks_counts_only_the_time_after_it() -> None:
    r, clock = make(datetime(2026, 1, 6, 6, 50, tzinfo=UTC))
    assert r.next_due().reason == R.QUIET
    clock.advance(20 * 60)  # one late tick at 07:10
    assert r.active_s() == 10 * 60


def test_quiet_hours_within_a_day_and_none() -> None:
    r, clock = make(quiet_start=time(12, 0), quiet_end=time(13, 0), interval_min=240)
    run(r, clock, 3 * 3600 + 60, step=60)  # to 12:01
    assert r.next_due().reason == R.QUIET
    r2, clock2 = make(datetime(2026, 1, 5, 23, 0, tzinfo=UTC), quiet_start=None, quiet_end=None)
    assert run(r2, clock2, INTERVAL) == [clock2.monotonic()]


def test_working_days() -> None:
    saturday = datetime(2026, 1, 10, 9, 0, tzinfo=UTC)
    r, clock = make(saturday, working_days=frozenset(range(5)))
    nxt = r.next_due()
    assert (nxt.reason, nxt.text) == (R.NOT_WORKING_DAY, "Not a working day")
    assert nxt.until == datetime(2026, 1, 11, 0, 0, tzinfo=UTC)
    assert run(r, clock, 14 * 3600, step=300) == []
    # Sunday off as well, then Monday 07:00 after quiet hours.
    clock.advance(32 * 3600)
    assert r.tick().show is False
    assert clock.now() == datetime(2026, 1, 12, 7, 0, tzinfo=UTC)
    assert r.next_due().at_mono == clock.monotonic() + INTERVAL


def test_daily_maximum() -> None:
    r, clock = make(daily_max=2)
    for _ in range(2):
        assert len(run(r, clock, INTERVAL)) == 1
        r.taken()
    nxt = r.next_due()
    assert (nxt.reason, nxt.text) == (R.DAILY_MAX, "Daily maximum reached")
    assert run(r, clock, 10 * 3600, step=60) == []  # to 20:00
    r2, clock2 = make(
        datetime(2026, 1, 5, 23, 0, tzinfo=UTC), daily_max=1, quiet_start=None, quiet_end=None
    )
    run(r2, clock2, INTERVAL)
    r2.skip()
    assert r2.next_due().reason == R.DAILY_MAX
    run(r2, clock2, 30 * 60)  # midnight: a new day, the interval starts there
    assert r2.next_due().at_mono == clock2.monotonic() + INTERVAL


@pytest.mark.parametrize("hours", [2, 10])
def test_suspend_is_one_natural_break_and_no_reminder_at_wake(hours: int) -> None:
    r, clock = make(quiet_start=None, quiet_end=None)
    run(r, clock, 25 * 60)
    clock.suspend(hours * 3600)
    tick = r.tick()
    assert not tick.show
    # Ten hours away was the night, not a posture break: the interval restarts,
    # but the history does not count it.
    kept = [("natural", hours * 3600.0)] if hours * 3600 <= R.NATURAL_BREAK_MAX_S else []
    assert [(b.outcome, b.duration_s) for b in tick.records] == kept
    assert tick.next.at_mono == clock.monotonic() + INTERVAL
    assert run(r, clock, INTERVAL - 60) == []
    assert len(run(r, clock, 60)) == 1


def test_suspend_while_a_reminder_is_open_withdraws_it_and_never_bursts() -> None:
    r, clock = make(quiet_start=None, quiet_end=None)
    run(r, clock, INTERVAL)
    r.snooze(5)
    clock.suspend(2 * 3600)
    tick = r.tick()
    assert not tick.show and len(tick.records) == 1
    run(r, clock, INTERVAL)
    assert r.showing
    r2, clock2 = make(quiet_start=None, quiet_end=None)
    run(r2, clock2, INTERVAL)
    clock2.suspend(7200)
    assert r2.tick().withdraw and not r2.showing


def test_suspend_into_quiet_hours_records_nothing_and_small_drift_is_no_suspend() -> None:
    r, clock = make(datetime(2026, 1, 5, 23, 0, tzinfo=UTC))
    clock.suspend(9 * 3600)
    assert r.tick().records == ()
    # Closed at 21:30, opened at 22:45: it slept into quiet hours, not a break.
    r3, clock3 = make(datetime(2026, 1, 5, 21, 30, tzinfo=UTC))
    clock3.suspend(75 * 60)
    assert r3.tick().records == ()
    r2, clock2 = make()
    run(r2, clock2, 60)
    clock2.suspend(59)  # NTP-sized: not a break
    assert r2.tick().records == () and r2.active_s() == 60


@pytest.mark.parametrize(
    ("zone", "start_utc"),
    [
        (LONDON, datetime(2026, 3, 29, 0, 45, tzinfo=UTC)),  # 01:00 GMT -> 02:00 BST
        (LONDON, datetime(2026, 10, 25, 0, 45, tzinfo=UTC)),  # 02:00 BST -> 01:00 GMT
        (BERLIN, datetime(2026, 3, 29, 0, 45, tzinfo=UTC)),  # 02:00 CET -> 03:00 CEST
        (BERLIN, datetime(2026, 10, 25, 0, 45, tzinfo=UTC)),  # 03:00 CEST -> 02:00 CET
    ],
)
def test_daylight_saving_neither_fires_nor_delays(zone: ZoneInfo, start_utc: datetime) -> None:
    r, clock = make(start_utc, zone=zone, quiet_start=None, quiet_end=None)
    start = clock.monotonic()
    offset_before = clock.now().utcoffset()
    shows, records = [], []
    for _ in range(2 * INTERVAL // 60):
        clock.advance(60)
        tick = r.tick()
        records.extend(tick.records)
        if tick.show:
            shows.append(clock.monotonic())
    assert clock.now().utcoffset() != offset_before  # the change really happened
    assert shows == [start + INTERVAL]
    assert records == []  # not mistaken for a suspend


def test_quiet_hours_follow_local_time_across_daylight_saving() -> None:
    # Berlin, spring forward night: quiet hours end at 07:00 CEST = 05:00 UTC.
    r, clock = make(datetime(2026, 3, 28, 22, 0, tzinfo=UTC), zone=BERLIN)
    assert r.next_due().reason == R.QUIET
    run(r, clock, 7 * 3600, step=60)
    assert clock.now() == datetime(2026, 3, 29, 7, 0, tzinfo=BERLIN)
    assert r.next_due().reason == R.DUE
    assert r.next_due().at_mono == clock.monotonic() + INTERVAL
    # Autumn: 07:00 CET = 06:00 UTC, an hour longer night in UTC.
    r2, clock2 = make(datetime(2026, 10, 24, 21, 0, tzinfo=UTC), zone=BERLIN)
    run(r2, clock2, 9 * 3600 - 60, step=60)
    assert clock2.now() == datetime(2026, 10, 25, 6, 59, tzinfo=BERLIN)
    assert r2.next_due().reason == R.QUIET
    run(r2, clock2, 60)
    assert r2.next_due().reason == R.DUE


def test_monday_fixture_is_a_working_morning() -> None:
    r, _ = make(MONDAY_9)
    assert r.next_due().reason == R.DUE
