"""Active-time intervals, idle, snooze, skip, pause and busy on a fake clock."""

from __future__ import annotations

from datetime import timedelta

import pytest
from reminder_helpers import make, run

from lbp_desktop.domain import reminders as R

INTERVAL = 30 * 60


def test_first_reminder_comes_after_one_interval_of_active_time() -> None:
    r, clock = make()
    start = clock.monotonic()
    nxt = r.next_due()
    assert nxt.reason == R.DUE and nxt.at_mono == start + INTERVAL
    assert nxt.text == "Break due in 30 min"
    assert nxt.at_wall == clock.now() + timedelta(seconds=INTERVAL)
    assert run(r, clock, INTERVAL - 1, step=60) == []
    clock.advance(1)
    tick = r.tick()
    assert tick.show and r.showing and tick.next.reason == R.SHOWING
    # One reminder at a time: nothing else while it is open.
    assert run(r, clock, 3 * INTERVAL) == []


def test_taken_records_and_restarts_the_interval() -> None:
    r, clock = make()
    run(r, clock, INTERVAL)
    clock.advance(45)
    rec = r.taken(45.0, "posture-reset")
    assert (rec.outcome, rec.duration_s, rec.routine_id, rec.at) == (
        "taken",
        45.0,
        "posture-reset",
        clock.now(),
    )
    assert r.next_due().at_mono == clock.monotonic() + INTERVAL
    assert run(r, clock, INTERVAL) == [clock.monotonic()]


def test_answers_need_an_open_reminder() -> None:
    r, _ = make()
    with pytest.raises(RuntimeError):
        r.taken()
    with pytest.raises(RuntimeError):
        r.skip()
    with pytest.raises(RuntimeError):
        r.snooze(5)


@pytest.mark.parametrize("minutes", [5, 10])
def test_snooze_brings_the_same_reminder_back_after_its_length(minutes: int) -> None:
    r, clock = make(daily_max=1)
    run(r, clock, INTERVAL)
    rec = r.snooze(minutes)
    assert rec.outcome == "snoozed" and not r.showing
    assert r.next_due().at_mono == clock.monotonic() + minutes * 60
    # A snoozed reminder is the same one: the daily maximum of 1 does not stop it.
    assert run(r, clock, minutes * 60) == [clock.monotonic()]


def test_snooze_only_offers_the_configured_lengths() -> None:
    r, clock = make()
    run(r, clock, INTERVAL)
    with pytest.raises(ValueError):
        r.snooze(7)
    assert r.showing


def test_skip_records_and_restarts() -> None:
    r, clock = make()
    run(r, clock, INTERVAL)
    assert r.skip().outcome == "skipped"
    assert r.next_due().at_mono == clock.monotonic() + INTERVAL


def test_skips_have_a_daily_cap_when_set() -> None:
    r, clock = make(max_skips_per_day=1)
    assert r.skips_left() == 1
    run(r, clock, INTERVAL)
    r.skip()
    assert r.skips_left() == 0
    run(r, clock, INTERVAL)
    with pytest.raises(RuntimeError, match="no skips left"):
        r.skip()
    assert r.showing  # snooze and take still work
    r.snooze(5)
    clock.advance(24 * 3600)
    r.tick()
    assert r.skips_left() == 1  # a new day


def test_idle_at_the_threshold_restarts_the_interval_and_records_one_natural_break() -> None:
    r, clock = make()
    run(r, clock, 20 * 60)
    assert r.report_idle(299).records == ()
    assert r.active_s() == 20 * 60  # below the threshold: nothing changes
    clock.advance(1)
    away = r.report_idle(300)
    assert away.records == () and away.next.reason == R.AWAY
    clock.advance(600)
    assert r.report_idle(900).next.reason == R.AWAY
    assert r.tick().show is False
    clock.advance(30)
    back = r.report_idle(10)  # input 10 s ago: away for 920 s
    assert [(b.outcome, b.duration_s) for b in back.records] == [("natural", 920.0)]
    assert back.next.at_mono == clock.monotonic() - 10 + INTERVAL
    assert r.report_idle(11).records == ()


def test_pause_policy_leaves_idle_time_out_but_keeps_the_interval() -> None:
    r, clock = make(idle_policy="pause")
    run(r, clock, 20 * 60)
    clock.advance(300)
    r.report_idle(300)  # the last 5 min were not active after all
    assert r.active_s() == 20 * 60
    clock.advance(3600)
    back = r.report_idle(0)
    assert [b.outcome for b in back.records] == ["natural"]
    assert back.next.at_mono == clock.monotonic() + 10 * 60


def test_idle_while_a_reminder_is_open_withdraws_it() -> None:
    r, clock = make()
    run(r, clock, INTERVAL)
    clock.advance(300)
    tick = r.report_idle(301)
    assert tick.withdraw and not r.showing and not tick.show
    clock.advance(60)
    assert [b.outcome for b in r.report_idle(1).records] == ["natural"]


def test_no_idle_backend_means_time_based_only() -> None:
    r, clock = make()
    r.report_idle(None)
    assert run(r, clock, INTERVAL) == [clock.monotonic()]


def test_pause_until_and_resume() -> None:
    r, clock = make()
    run(r, clock, 20 * 60)
    until = clock.now() + timedelta(hours=1)
    r.pause_until(until)
    nxt = r.next_due()
    assert (nxt.reason, nxt.at_mono, nxt.until) == (R.PAUSED, None, until)
    assert nxt.text == f"Paused until {until:%H:%M}"
    assert run(r, clock, 3600 - 30) == []
    # The pause ends by itself; the interval starts at its end.
    clock.advance(90)
    assert r.next_due().at_mono == clock.monotonic() - 60 + INTERVAL
    r.pause_until(None)
    assert r.next_due().text == "Reminders paused"
    assert run(r, clock, 5 * INTERVAL) == []
    r.resume()
    assert r.next_due().at_mono == clock.monotonic() + INTERVAL


def test_pausing_closes_an_open_reminder_without_a_record() -> None:
    r, clock = make()
    run(r, clock, INTERVAL)
    r.pause_until(clock.now() + timedelta(minutes=30))
    tick = r.tick()
    assert tick.withdraw and tick.records == () and not r.showing


def test_pause_until_needs_an_aware_time() -> None:
    r, clock = make()
    with pytest.raises(ValueError):
        r.pause_until(clock.now().replace(tzinfo=None))


def test_busy_postpones_without_a_burst_and_not_at_once() -> None:
    r, clock = make()
    r.set_busy("session")
    r.set_busy("fullscreen")
    assert r.next_due().reason == R.BUSY
    assert run(r, clock, 3 * INTERVAL) == []
    r.clear_busy("session")
    assert run(r, clock, 60) == []
    r.clear_busy("fullscreen")
    nxt = r.next_due()
    assert nxt.reason == R.DUE and nxt.at_mono == clock.monotonic() + R.BUSY_GRACE_S
    shows = run(r, clock, R.BUSY_GRACE_S + INTERVAL - 60, step=10)
    assert shows == [nxt.at_mono]  # exactly one, after the grace


def test_busy_that_ends_early_keeps_the_interval() -> None:
    r, clock = make()
    r.set_busy("fullscreen")
    run(r, clock, 5 * 60)
    r.clear_busy()
    assert r.next_due().at_mono == clock.monotonic() + 25 * 60


def test_break_now_shows_at_once_and_the_next_interval_starts_after_it() -> None:
    r, clock = make(daily_max=1)
    clock.advance(600)
    tick = r.break_now()
    assert tick.show and r.showing
    clock.advance(40)
    assert r.taken(40.0).outcome == "taken"
    # Asked for, not scheduled: the one scheduled reminder of the day still comes.
    assert run(r, clock, INTERVAL - 40, step=60) == []
    clock.advance(40)
    assert r.tick().show


def test_break_now_while_paused_keeps_the_pause() -> None:
    r, _clock = make()
    r.pause_until(None)
    assert r.break_now().show
    r.skip()
    assert r.next_due().reason == R.PAUSED


def test_break_now_while_one_is_open_shows_the_same_one() -> None:
    r, clock = make()
    run(r, clock, INTERVAL)
    assert r.showing
    assert r.break_now().show and r.showing
    r.skip()
    assert not r.showing


def test_pause_until_tomorrow_ends_when_quiet_hours_end() -> None:
    from datetime import datetime, time
    from zoneinfo import ZoneInfo

    from lbp_desktop.domain.reminder_settings import ReminderSettings

    london = ZoneInfo("Europe/London")
    # The night the clocks go forward: 07:00 is still 07:00 local the next day.
    late = datetime(2026, 3, 28, 23, 30, tzinfo=london)
    end = R.tomorrow_morning(late, ReminderSettings())
    assert (end.date().isoformat(), end.time(), end.utcoffset()) == (
        "2026-03-29",
        time(7, 0),
        timedelta(hours=1),
    )
    no_quiet = ReminderSettings(quiet_start=None, quiet_end=None)
    assert R.tomorrow_morning(late, no_quiet).time() == R.MORNING
