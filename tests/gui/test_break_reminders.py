"""The Qt side of posture breaks: one sleeping timer, the window, the outcomes.

The clock is fake and the timer is never waited for: each test reads where
the timer is aimed (``sleep_ms``), steps the clock there and calls ``wake``,
as the timer would.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from lbp_desktop.break_reminders import (
    FULL_SCREEN_RECHECK_S,
    IDLE_QUERY_S,
    LONGEST_SLEEP_S,
    BreakReminders,
)
from lbp_desktop.domain import reminders as R
from lbp_desktop.domain.clock import FakeClock
from lbp_desktop.domain.reminder_settings import ReminderSettings

MONDAY_9 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
INTERVAL_S = 30 * 60


class FakeBreakWindow(QWidget):
    started = Signal(str)
    taken = Signal(float, str)
    snoozed = Signal(int)
    skipped = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.offers: list[tuple[object, tuple[int, ...], int | None]] = []
        self.withdrawn = 0
        self.phase = "offer"

    def state(self) -> str:
        return self.phase

    def offer(self, routine, *, snooze_min, skips_left) -> None:
        self.offers.append((routine, snooze_min, skips_left))
        self.show()

    def withdraw(self) -> None:
        self.withdrawn += 1
        self.hide()


class FakeIdle:
    name = "fake"

    def __init__(self) -> None:
        self.idle_s: float | None = 0.0
        self.asked = 0

    def seconds_idle(self) -> float | None:
        self.asked += 1
        return self.idle_s


class FakeFullScreen:
    def __init__(self) -> None:
        self.full: bool | None = False
        self.ignored: list[tuple[int, ...]] = []

    def is_full_screen(self, ignore_window_ids=()) -> bool | None:
        self.ignored.append(tuple(ignore_window_ids))
        return self.full


@pytest.fixture
def rig(qtbot):
    clock = FakeClock(MONDAY_9)
    windows: list[FakeBreakWindow] = []

    def make_window() -> FakeBreakWindow:
        window = FakeBreakWindow()
        qtbot.addWidget(window)
        windows.append(window)
        return window

    def build(*, idle=None, full_screen=None, **settings) -> BreakReminders:
        breaks = BreakReminders(
            clock,
            ReminderSettings(**settings),
            make_window=make_window,
            routines=list,
            idle_source=idle,
            full_screen=full_screen,
            own_window_ids=lambda: (42,),
        )
        breaks.records = []  # type: ignore[attr-defined]
        breaks.record_made.connect(breaks.records.append)  # type: ignore[attr-defined]
        breaks.states = []  # type: ignore[attr-defined]
        breaks.changed.connect(breaks.states.append)  # type: ignore[attr-defined]
        breaks.start()
        return breaks

    build.clock = clock  # type: ignore[attr-defined]
    build.windows = windows  # type: ignore[attr-defined]
    yield build


def sleep_then_wake(breaks: BreakReminders, clock: FakeClock) -> float:
    """Let the timer run out: the clock moves by its interval, then it wakes."""
    ms = breaks.sleep_ms()
    assert ms is not None, "the timer must always be armed while running"
    clock.advance(ms / 1000)
    breaks.wake()
    return ms / 1000


def test_without_an_idle_source_the_timer_sleeps_long(rig) -> None:
    breaks = rig()
    # Only the longest sleep bounds it: nothing polls.
    assert breaks.sleep_ms() == LONGEST_SLEEP_S * 1000
    slept = sleep_then_wake(breaks, rig.clock)
    assert slept == LONGEST_SLEEP_S
    assert breaks.sleep_ms() == (INTERVAL_S - LONGEST_SLEEP_S) * 1000
    sleep_then_wake(breaks, rig.clock)
    window = rig.windows[0]
    assert window.isVisible() and len(window.offers) == 1
    assert window.offers[0][1] == (5, 10)
    assert breaks.states[-1].reason == R.SHOWING


def test_snooze_stores_the_outcome_and_brings_it_back_after_five_minutes(rig) -> None:
    breaks = rig()
    while not rig.windows:
        sleep_then_wake(breaks, rig.clock)
    window = rig.windows[0]
    window.snoozed.emit(5)
    window.hide()
    assert [r.outcome for r in breaks.records] == ["snoozed"]
    assert breaks.sleep_ms() == 5 * 60 * 1000
    sleep_then_wake(breaks, rig.clock)
    assert len(window.offers) == 2 and window.isVisible()


def test_taken_break_records_its_length_and_routine(rig) -> None:
    breaks = rig()
    while not rig.windows:
        sleep_then_wake(breaks, rig.clock)
    window = rig.windows[0]
    window.started.emit("neck-and-shoulders")
    rig.clock.advance(45)
    window.taken.emit(45.0, "neck-and-shoulders")
    record = breaks.records[-1]
    assert (record.outcome, record.duration_s, record.routine_id) == (
        "taken",
        45.0,
        "neck-and-shoulders",
    )
    assert breaks.next_due().reason == R.DUE
    # An answer that comes twice (a double click) is stored once.
    window.taken.emit(45.0, "neck-and-shoulders")
    assert len(breaks.records) == 1


def test_idle_is_asked_about_once_a_minute_and_away_time_is_a_natural_break(rig) -> None:
    idle = FakeIdle()
    breaks = rig(idle=idle)
    assert breaks.sleep_ms() == IDLE_QUERY_S * 1000
    sleep_then_wake(breaks, rig.clock)
    assert idle.asked == 1
    # The user leaves for 12 minutes.
    for _ in range(12):
        idle.idle_s = (idle.idle_s or 0) + 60
        sleep_then_wake(breaks, rig.clock)
    assert breaks.next_due().reason == R.AWAY
    idle.idle_s = 20.0  # back 20 s ago
    sleep_then_wake(breaks, rig.clock)
    assert [r.outcome for r in breaks.records] == ["natural"]
    assert breaks.records[0].duration_s == pytest.approx(12 * 60 + 60 - 20, abs=61)
    # The interval started again when the user came back.
    assert breaks.next_due().at_mono == pytest.approx(
        rig.clock.monotonic() - 20 + INTERVAL_S, abs=1
    )


def test_an_offered_break_is_withdrawn_when_the_user_goes_away(rig) -> None:
    idle = FakeIdle()
    breaks = rig(idle=idle)
    while not rig.windows or not rig.windows[0].isVisible():
        sleep_then_wake(breaks, rig.clock)
    window = rig.windows[0]
    for _ in range(6):
        idle.idle_s = (idle.idle_s or 0) + 60
        sleep_then_wake(breaks, rig.clock)
    assert window.withdrawn == 1 and not window.isVisible()
    assert breaks.records == []  # the natural break is recorded when they come back


def test_no_idle_check_while_the_user_does_the_routine(rig) -> None:
    idle = FakeIdle()
    breaks = rig(idle=idle, idle_break_min=1)
    breaks.break_now()
    window = rig.windows[0]
    window.phase = "running"  # stretching: no keyboard or mouse for a while
    asked = idle.asked
    idle.idle_s = 80.0
    sleep_then_wake(breaks, rig.clock)
    assert idle.asked == asked and window.withdrawn == 0
    window.taken.emit(80.0, "walk-around")
    assert [r.outcome for r in breaks.records] == ["taken"]


def test_a_failing_idle_source_does_not_stop_the_reminders(rig) -> None:
    class Broken:
        name = "broken"

        def seconds_idle(self) -> float:
            raise OSError("display went away")

    breaks = rig(idle=Broken())
    for _ in range(31):
        sleep_then_wake(breaks, rig.clock)
    assert rig.windows and rig.windows[0].isVisible()


def test_a_full_screen_window_holds_the_break_back_until_it_ends(rig) -> None:
    probe = FakeFullScreen()
    probe.full = True
    breaks = rig(full_screen=probe)
    sleep_then_wake(breaks, rig.clock)
    sleep_then_wake(breaks, rig.clock)  # due now, but a presentation is on
    assert not rig.windows
    assert breaks.next_due().reason == R.BUSY
    assert probe.ignored[-1] == (42,)  # our own windows never count
    assert breaks.sleep_ms() == FULL_SCREEN_RECHECK_S * 1000
    sleep_then_wake(breaks, rig.clock)
    assert not rig.windows
    probe.full = False
    sleep_then_wake(breaks, rig.clock)
    # Not the moment the presentation ends: two minutes later.
    assert not rig.windows
    assert breaks.sleep_ms() == R.BUSY_GRACE_S * 1000
    sleep_then_wake(breaks, rig.clock)
    assert rig.windows and rig.windows[0].isVisible()


def test_full_screen_is_only_looked_at_when_a_break_is_due(rig) -> None:
    probe = FakeFullScreen()
    breaks = rig(full_screen=probe)
    sleep_then_wake(breaks, rig.clock)  # 15 min: not due
    assert probe.ignored == []
    sleep_then_wake(breaks, rig.clock)
    assert len(probe.ignored) == 1


def test_no_break_during_a_guided_session(rig) -> None:
    breaks = rig()
    breaks.set_session_active(True)
    rig.clock.advance(INTERVAL_S + 600)
    breaks.wake()
    assert not rig.windows
    breaks.set_session_active(False)
    assert breaks.sleep_ms() == R.BUSY_GRACE_S * 1000
    sleep_then_wake(breaks, rig.clock)
    assert rig.windows[0].isVisible() and len(rig.windows[0].offers) == 1


def test_pause_for_an_hour_wakes_at_its_end_and_resume_restarts(rig) -> None:
    breaks = rig()
    until = breaks.pause_for(60)
    assert until == MONDAY_9.replace(hour=10)
    assert breaks.paused_until() == until
    assert breaks.states[-1].reason == R.PAUSED
    sleep_then_wake(breaks, rig.clock)
    sleep_then_wake(breaks, rig.clock)
    sleep_then_wake(breaks, rig.clock)
    sleep_then_wake(breaks, rig.clock)
    assert rig.clock.now() == until
    assert breaks.next_due().reason == R.DUE
    breaks.pause_for(30)
    breaks.resume()
    assert breaks.next_due().at_mono == rig.clock.monotonic() + INTERVAL_S


def test_pause_until_tomorrow_ends_with_quiet_hours(rig) -> None:
    breaks = rig()
    until = breaks.pause_until_tomorrow()
    assert until == datetime(2026, 1, 6, 7, 0, tzinfo=UTC)


def test_break_now_offers_at_once(rig) -> None:
    breaks = rig()
    breaks.break_now()
    assert rig.windows[0].isVisible()
    rig.windows[0].skipped.emit()
    assert [r.outcome for r in breaks.records] == ["skipped"]


def test_a_skip_the_rules_no_longer_allow_stores_nothing(rig) -> None:
    breaks = rig(max_skips_per_day=0)
    breaks.break_now()
    assert rig.windows[0].offers[0][2] == 0  # the window was told: no skips left
    rig.windows[0].skipped.emit()
    assert breaks.records == [] and breaks.reminders.showing


def test_stop_leaves_no_timer_and_withdraws_the_window(rig) -> None:
    breaks = rig()
    breaks.break_now()
    breaks.stop()
    assert breaks.sleep_ms() is None
    assert rig.windows[0].withdrawn == 1
    breaks.wake()
    assert breaks.sleep_ms() is None
