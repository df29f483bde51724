"""Posture-break reminders on the Qt side: one sleeping timer and the break window.

The domain scheduler (``domain.reminders``) decides; this object only feeds it
time, idle and full-screen facts, shows its decisions and stores the
outcomes. While idle in the tray the app must sleep, so there is exactly one
single-shot timer, aimed at the earliest of: the next reminder, the end of
the current pause or quiet hours, the next idle query (about once a minute,
only when an idle source works) and, while a full-screen window holds
reminders back, the next look at it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from lbp_desktop.domain import reminders as R
from lbp_desktop.domain.clock import Clock
from lbp_desktop.domain.records import PostureBreak
from lbp_desktop.domain.reminder_settings import ReminderSettings
from lbp_desktop.domain.reminders import NextReminder, Reminders, Tick, tomorrow_morning

if TYPE_CHECKING:
    from lbp_desktop.domain.break_routines import BreakRoutine
    from lbp_desktop.views.break_window import BreakWindow

log = logging.getLogger(__name__)

# How often idle time is asked for: a 5-minute threshold needs no more, and the
# scheduler works out when the user came back from the answer itself.
IDLE_QUERY_S = 60.0
# While a full-screen window holds a reminder back, look again this often.
FULL_SCREEN_RECHECK_S = 30.0
# Never sleep longer than this: a wall-clock change (suspend, a new time zone)
# is noticed within this time even without an idle source.
LONGEST_SLEEP_S = 15 * 60.0
BUSY_SESSION = "session"
BUSY_FULL_SCREEN = "full_screen"


class IdleSource(Protocol):
    name: str

    def seconds_idle(self) -> float | None: ...


class FullScreenProbe(Protocol):
    def is_full_screen(self, ignore_window_ids: Sequence[int] = ()) -> bool | None: ...


class BreakReminders(QObject):
    changed = Signal(object)  # NextReminder, after every change of state
    record_made = Signal(object)  # PostureBreak to store

    def __init__(
        self,
        clock: Clock,
        settings: ReminderSettings,
        *,
        make_window: Callable[[], BreakWindow],
        routines: Callable[[], list[BreakRoutine]],
        idle_source: IdleSource | None = None,
        full_screen: FullScreenProbe | None = None,
        own_window_ids: Callable[[], Sequence[int]] = tuple,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.reminders = Reminders(clock, settings)
        self.idle_source = idle_source
        self.full_screen = full_screen
        self._own_window_ids = own_window_ids
        self._make_window = make_window
        self._routines = routines
        self._window: BreakWindow | None = None
        self._recent_routines: list[str] = []
        self._next_idle_query: float | None = None
        self._next_full_screen_look: float | None = None
        self._stopped = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        # Second accuracy is plenty for a break; it lets the system batch wake-ups.
        self.timer.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self.timer.timeout.connect(self.wake)

    # -- life ---------------------------------------------------------------------------

    def start(self) -> None:
        self._stopped = False
        if self.idle_source is not None:
            self._next_idle_query = self.clock.monotonic() + IDLE_QUERY_S
        self._after(self.reminders.tick())

    def stop(self) -> None:
        """Quitting: no more wake-ups, the window goes without an outcome."""
        self._stopped = True
        self.timer.stop()
        if self._window is not None:
            self._window.withdraw()

    def next_due(self) -> NextReminder:
        return self.reminders.next_due()

    @property
    def window(self) -> BreakWindow | None:
        return self._window

    # -- what the user or the app asks ------------------------------------------------------

    def apply_settings(self, settings: ReminderSettings) -> None:
        self.reminders.apply_settings(settings)
        self._after(self.reminders.tick())

    def break_now(self) -> None:
        """The user asked for it: the window may take the keyboard."""
        self._after(self.reminders.break_now())
        if self._window is not None:
            self._window.activateWindow()

    def pause_for(self, minutes: int) -> datetime:
        until = _in_utc_then_local(self.clock.now(), minutes * 60)
        self.reminders.pause_until(until)
        self._after(self.reminders.tick())
        return until

    def pause_until_tomorrow(self) -> datetime:
        until = tomorrow_morning(self.clock.now(), self.reminders.settings)
        self.reminders.pause_until(until)
        self._after(self.reminders.tick())
        return until

    def restore_pause(self, until: datetime) -> None:
        """A pause chosen before the app last quit, still in force."""
        if until.timestamp() > self.clock.now().timestamp():
            self.reminders.pause_until(until)
            self._after(self.reminders.tick())

    def paused_until(self) -> datetime | None:
        nxt = self.reminders.next_due()
        return nxt.until if nxt.reason == R.PAUSED else None

    def resume(self) -> None:
        self.reminders.resume()
        self._after(self.reminders.tick())

    def set_session_active(self, active: bool) -> None:
        if active:
            self.reminders.set_busy(BUSY_SESSION)
        else:
            self.reminders.clear_busy(BUSY_SESSION)
        self._after(self.reminders.tick())

    # -- the one timer --------------------------------------------------------------------

    def wake(self) -> None:
        """The timer fired (or a test stepped the clock): bring everything up to date."""
        if self._stopped:
            return
        mono = self.clock.monotonic()
        if self._is_due(mono) or BUSY_FULL_SCREEN in self.reminders.busy_reasons:
            self._look_at_full_screen(mono)
        tick: Tick | None = None
        if self._doing_a_break():
            # Stretching, not typing: no input is expected, and it is no sign of absence.
            self._next_idle_query = mono + IDLE_QUERY_S
        elif self.idle_source is not None and (
            self._next_idle_query is None or mono >= self._next_idle_query or self._is_due(mono)
        ):
            tick = self.reminders.report_idle(self._ask_idle())
            self._next_idle_query = mono + IDLE_QUERY_S
        self._after(tick or self.reminders.tick())

    def _doing_a_break(self) -> bool:
        window = self._window
        if window is None or not window.isVisible():
            return False
        return window.state() in ("running", "finished")

    def sleep_ms(self) -> int | None:
        """How long the timer was last set to sleep; None when it is not running."""
        return self.timer.interval() if self.timer.isActive() else None

    def _is_due(self, mono: float) -> bool:
        nxt = self.reminders.next_due()
        return nxt.reason == R.DUE and nxt.at_mono is not None and nxt.at_mono <= mono

    def _ask_idle(self) -> float | None:
        assert self.idle_source is not None
        try:
            return self.idle_source.seconds_idle()
        except Exception:  # a backend must never stop the reminders
            log.exception("idle query failed")
            return None

    def _look_at_full_screen(self, mono: float) -> None:
        if self.full_screen is None:
            return
        if self._next_full_screen_look is not None and mono < self._next_full_screen_look:
            return
        try:
            full = self.full_screen.is_full_screen(self._own_window_ids())
        except Exception:
            log.exception("full-screen check failed")
            full = None
        busy = BUSY_FULL_SCREEN in self.reminders.busy_reasons
        if full and not busy:
            log.info("a full-screen window holds the break back")
            self.reminders.set_busy(BUSY_FULL_SCREEN)
        elif not full and busy:
            self.reminders.clear_busy(BUSY_FULL_SCREEN)
        self._next_full_screen_look = mono + FULL_SCREEN_RECHECK_S if full else None

    def _after(self, tick: Tick) -> None:
        for record in tick.records:
            self.record_made.emit(record)
        if tick.withdraw and self._window is not None:
            self._window.withdraw()
        if tick.show:
            self._offer()
        self._arm(tick.next)
        self.changed.emit(tick.next)

    def _arm(self, nxt: NextReminder) -> None:
        if self._stopped:
            return
        mono = self.clock.monotonic()
        waits = [LONGEST_SLEEP_S]
        if nxt.reason == R.DUE and nxt.at_mono is not None:
            waits.append(nxt.at_mono - mono)
        if nxt.until is not None:
            waits.append(nxt.until.timestamp() - self.clock.now().timestamp())
        if self._next_idle_query is not None:
            waits.append(self._next_idle_query - mono)
        if self._next_full_screen_look is not None:
            waits.append(self._next_full_screen_look - mono)
        wait_s = max(1.0, min(waits))
        self.timer.start(int(wait_s * 1000))

    # -- the break window -----------------------------------------------------------------

    def _offer(self) -> None:
        from lbp_desktop.domain.break_routines import next_routine

        window = self._window
        if window is None:
            window = self._window = self._make_window()
            window.started.connect(self._on_started)
            window.taken.connect(self._on_taken)
            window.snoozed.connect(self._on_snoozed)
            window.skipped.connect(self._on_skipped)
        if window.isVisible():
            window.raise_()
            return
        routine = next_routine(self._routines(), self._recent_routines)
        log.info("break offered: %s", routine.id if routine is not None else "plain")
        window.offer(
            routine,
            snooze_min=self.reminders.settings.snooze_min,
            skips_left=self.reminders.skips_left(),
        )

    def _on_started(self, routine_id: str) -> None:
        self._recent_routines = [routine_id, *self._recent_routines][:3]

    def _on_taken(self, seconds: float, routine_id: str) -> None:
        if self.reminders.showing:
            self._outcome(lambda: self.reminders.taken(seconds, routine_id or None))

    def _on_snoozed(self, minutes: int) -> None:
        if self.reminders.showing:
            self._outcome(lambda: self.reminders.snooze(minutes))

    def _on_skipped(self) -> None:
        if self.reminders.showing:
            self._outcome(self.reminders.skip)

    def _outcome(self, answer: Callable[[], PostureBreak]) -> None:
        try:
            record = answer()
        except (RuntimeError, ValueError) as exc:
            # The window offered something the rules no longer allow (a skip
            # cap reached meanwhile): nothing is stored, the reminder stays.
            log.warning("break answer refused: %s", exc)
            return
        log.info("break outcome: %s", record.outcome)
        self.record_made.emit(record)
        self._after(self.reminders.tick())


def _in_utc_then_local(now: datetime, seconds: float) -> datetime:
    # Adding to a zoned time adds wall time; a pause lasts real minutes.
    return (now.astimezone(UTC) + timedelta(seconds=seconds)).astimezone(now.tzinfo)
