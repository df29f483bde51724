"""The posture-break scheduler: when is the next reminder, and why.

A pure state machine like the player: it never sleeps and never reads the
time itself. The Qt side calls :meth:`Reminders.tick` from one single-shot
timer aimed at ``next_due()`` (or at ``until``, when the state changes then),
reports idle time from whatever idle backend works, and forwards the user's
answers. Every public call first accounts for the time since the last one.

Rules:

- The interval is ACTIVE time on the monotonic clock: time while reminders
  are off (quiet hours, a day off, the daily maximum, paused, away) does not
  count, and the interval restarts when such a stretch ends. Daylight-saving
  changes move neither the monotonic clock nor the interval.
- Idle >= the threshold is a natural break: "reset" restarts the interval
  when the user is back, "pause" only leaves the idle time out.
- A wall-clock jump over ``SUSPEND_JUMP_S`` ahead of the monotonic clock is a
  suspend: a natural break that restarts the interval, so waking brings no
  burst and no reminder at wake.
- Busy (a guided session, a full-screen window) holds reminders back; a
  reminder that came due meanwhile shows once, ``BUSY_GRACE_S`` after the
  last busy reason ends.
- One reminder at a time: while one is showing, nothing else comes due.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from lbp_desktop.domain.clock import Clock
from lbp_desktop.domain.records import PostureBreak, check_aware
from lbp_desktop.domain.reminder_settings import IDLE_RESET, ReminderSettings

__all__ = [
    "AWAY",
    "BUSY",
    "DAILY_MAX",
    "DUE",
    "NOT_WORKING_DAY",
    "PAUSED",
    "QUIET",
    "SHOWING",
    "NextReminder",
    "Reminders",
    "Tick",
    "tomorrow_morning",
]

# More than this between wall and monotonic time is a suspend, not NTP drift.
SUSPEND_JUMP_S = 60.0
# After busy ends, an overdue reminder waits this long: not in the user's face.
BUSY_GRACE_S = 120.0
# Away longer than this (idle or asleep) still restarts the interval, but is
# not kept as a natural break: it was lunch or the night, and counting it
# would flatter the break history.
NATURAL_BREAK_MAX_S = 3 * 3600.0

# Reasons for the tooltip and the tray icon.
DUE = "due"
SHOWING = "showing"
PAUSED = "paused"
QUIET = "quiet_hours"
NOT_WORKING_DAY = "not_working_day"
DAILY_MAX = "daily_max"
BUSY = "busy"
AWAY = "away"

# "Until tomorrow" ends here when there are no quiet hours to end it.
MORNING = time(6, 0)

# Off periods can only end at these local times; a gap longer than this many
# days is searched from its end only (the interval restarts either way).
_MAX_SEARCH_DAYS = 8


@dataclass(frozen=True)
class NextReminder:
    """When the next reminder comes and why; ``at_*`` None when not scheduled."""

    reason: str
    text: str
    at_mono: float | None = None
    at_wall: datetime | None = None
    # When the reason itself ends (pause end, quiet hours end, midnight).
    until: datetime | None = None


@dataclass(frozen=True)
class Tick:
    """What the app should do after a call."""

    show: bool  # open the break window now
    withdraw: bool  # close the break window: the user is away, it became a natural break
    records: tuple[PostureBreak, ...]
    next: NextReminder


class Reminders:
    def __init__(self, clock: Clock, settings: ReminderSettings | None = None) -> None:
        self._clock = clock
        self._settings = settings or ReminderSettings()
        self._last_mono = clock.monotonic()
        self._last_wall = check_aware("reminders", "now", clock.now())
        self._restart_mono = self._last_mono  # active time never exceeds time since here
        self._active_s = 0.0
        self._showing = False
        self._snooze_until: float | None = None  # monotonic
        self._floor_mono: float | None = None  # nothing shows before this (busy grace)
        self._paused_until: datetime | None = None
        self._paused_forever = False
        self._busy: set[str] = set()
        self._idle_since: float | None = None  # monotonic time of last input when away
        self._count_date = self._last_wall.date()
        self._shown = 0
        self._max_date: date | None = None  # the local day the daily maximum was reached
        self._skipped = 0
        self._records: list[PostureBreak] = []
        self._withdraw = False

    # --- settings and queries -------------------------------------------

    @property
    def settings(self) -> ReminderSettings:
        return self._settings

    def apply_settings(self, settings: ReminderSettings) -> None:
        self._account()
        self._settings = settings

    @property
    def showing(self) -> bool:
        return self._showing

    @property
    def busy_reasons(self) -> frozenset[str]:
        return frozenset(self._busy)

    def active_s(self) -> float:
        """Active seconds counted towards the current interval."""
        self._account()
        return self._active_s

    def skips_left(self) -> int | None:
        """Skips still allowed today; None when there is no cap."""
        self._account()
        cap = self._settings.max_skips_per_day
        return None if cap is None else max(0, cap - self._skipped)

    # --- inputs -----------------------------------------------------------

    def tick(self) -> Tick:
        self._account()
        show = False
        if not self._showing and self._blocker() is None and not self._busy:
            due = self._due_mono()
            if self._clock.monotonic() >= due:
                show = True
                self._showing = True
                if self._snooze_until is None:
                    # A snoozed reminder coming back is the same reminder.
                    self._shown += 1
                    limit = self._settings.daily_max
                    if limit is not None and self._shown >= limit:
                        self._max_date = self._count_date
                # The next interval counts from this reminder at the earliest.
                self._restart()
        records, self._records = tuple(self._records), []
        withdraw, self._withdraw = self._withdraw, False
        return Tick(show=show, withdraw=withdraw, records=records, next=self.next_due())

    def report_idle(self, seconds_idle: float | None) -> Tick:
        """Seconds since the last keyboard or mouse input; None: no idle backend."""
        self._account()
        if seconds_idle is None or seconds_idle < 0:
            self._idle_since = None
            return self.tick()
        mono = self._clock.monotonic()
        last_input = mono - seconds_idle
        if seconds_idle >= self._settings.idle_break_min * 60:
            if self._idle_since is None:
                self._idle_since = last_input
                if self._settings.idle_policy == IDLE_RESET:
                    self._active_s = 0.0
                else:
                    # The idle minutes before we noticed were counted as active.
                    self._active_s = max(0.0, self._active_s - seconds_idle)
                self._snooze_until = None
                self._end_showing_as_away()
        elif self._idle_since is not None:
            self._record("natural", max(0.0, last_input - self._idle_since))
            self._idle_since = None
            if self._settings.idle_policy == IDLE_RESET:
                self._restart(at=last_input)
            else:
                self._add_active(seconds_idle)
        return self.tick()

    def break_now(self) -> Tick:
        """The user asked for a break: it shows at once, whatever the schedule says.

        It is not counted against the daily maximum (the user chose it), and
        a pause stays in force after it.
        """
        self._account()
        if not self._showing:
            self._showing = True
            self._restart()
        records, self._records = tuple(self._records), []
        withdraw, self._withdraw = self._withdraw, False
        return Tick(show=True, withdraw=withdraw, records=records, next=self.next_due())

    def snooze(self, minutes: int) -> PostureBreak:
        self._account()
        if not self._showing:
            raise RuntimeError("no reminder is showing")
        if minutes not in self._settings.snooze_min:
            raise ValueError(f"snooze must be one of {self._settings.snooze_min} minutes")
        self._showing = False
        self._snooze_until = self._clock.monotonic() + minutes * 60
        return self._make("snoozed", 0.0)

    def skip(self) -> PostureBreak:
        self._account()
        if not self._showing:
            raise RuntimeError("no reminder is showing")
        left = self.skips_left()
        if left is not None and left <= 0:
            raise RuntimeError("no skips left today")
        self._skipped += 1
        self._showing = False
        self._restart()
        return self._make("skipped", 0.0)

    def taken(self, duration_s: float = 0.0, routine_id: str | None = None) -> PostureBreak:
        self._account()
        if not self._showing:
            raise RuntimeError("no reminder is showing")
        record = self._make("taken", duration_s, routine_id)  # validates before changing state
        self._showing = False
        self._restart()
        return record

    def pause_until(self, until: datetime | None) -> None:
        """Pause reminders until a wall time (None: until resumed)."""
        self._account()
        if until is not None:
            check_aware("reminders", "until", until)
        self._paused_until = until
        self._paused_forever = until is None
        self._snooze_until = None
        self._floor_mono = None
        # The user chose quiet: an open reminder goes away without a record.
        if self._showing:
            self._showing = False
            self._withdraw = True
        self._active_s = 0.0
        self._account()  # a pause in the past ends at once

    def resume(self) -> None:
        self._account()
        if self._paused_until is not None or self._paused_forever:
            self._paused_until = None
            self._paused_forever = False
            self._restart()

    def set_busy(self, reason: str) -> None:
        self._account()
        self._busy.add(reason)

    def clear_busy(self, reason: str | None = None) -> None:
        """End one busy reason (None: all of them)."""
        self._account()
        if reason is None:
            self._busy.clear()
        else:
            self._busy.discard(reason)
        if not self._busy:
            grace = self._clock.monotonic() + BUSY_GRACE_S
            if self._due_mono() < grace:
                self._floor_mono = grace

    # --- output -------------------------------------------------------------

    def next_due(self) -> NextReminder:
        self._account()
        wall = self._clock.now()
        if self._showing:
            return NextReminder(SHOWING, "Break now", self._clock.monotonic(), wall)
        blocker = self._blocker()
        if blocker is not None:
            return blocker
        if self._busy:
            return NextReminder(BUSY, "Reminders wait until you are done")
        mono = self._clock.monotonic()
        at = max(self._due_mono(), mono)
        at_wall = _later(wall, at - mono)
        minutes = round((at - mono) / 60)
        text = "Break due now" if minutes <= 0 else f"Break due in {minutes} min"
        return NextReminder(DUE, text, at, at_wall)

    # --- internals -------------------------------------------------------

    def _make(self, outcome: str, duration_s: float, routine_id: str | None = None) -> PostureBreak:
        return PostureBreak(
            at=self._clock.now(), outcome=outcome, duration_s=duration_s, routine_id=routine_id
        )

    def _record(self, outcome: str, duration_s: float) -> None:
        if outcome == "natural" and duration_s > NATURAL_BREAK_MAX_S:
            return  # the end of a working day, not a posture break
        self._records.append(self._make(outcome, duration_s))

    def _restart(self, at: float | None = None) -> None:
        mono = self._clock.monotonic()
        start = mono if at is None else min(max(at, self._restart_mono), mono)
        self._restart_mono = start
        self._active_s = mono - start
        self._snooze_until = None
        self._floor_mono = None

    def _add_active(self, seconds: float) -> None:
        limit = self._clock.monotonic() - self._restart_mono
        self._active_s = min(self._active_s + max(0.0, seconds), limit)

    def _due_mono(self) -> float:
        if self._snooze_until is not None:
            due = self._snooze_until
        else:
            remaining = self._settings.interval_min * 60 - self._active_s
            due = self._clock.monotonic() + remaining
        return due if self._floor_mono is None else max(due, self._floor_mono)

    def _end_showing_as_away(self) -> None:
        if self._showing:
            self._showing = False
            self._withdraw = True

    def _paused_at(self, wall: datetime) -> bool:
        if self._paused_forever:
            return True
        return self._paused_until is not None and wall.timestamp() < self._paused_until.timestamp()

    def _off_at(self, wall: datetime) -> str | None:
        """Why reminders are off at this local time, by the settings alone."""
        if wall.weekday() not in self._settings.working_days:
            return NOT_WORKING_DAY
        if self._in_quiet(wall.time()):
            return QUIET
        # The last reminder of the day may still be open or snoozed: it is allowed to end.
        if wall.date() == self._max_date and not self._showing and self._snooze_until is None:
            return DAILY_MAX
        return None

    def _in_quiet(self, t: time) -> bool:
        start, end = self._settings.quiet_start, self._settings.quiet_end
        if start is None or end is None:
            return False
        if start < end:
            return start <= t < end
        return t >= start or t < end  # crosses midnight

    def _off_end_between(self, before: datetime, now: datetime) -> datetime | None:
        """The latest moment in (before, now] at which an off period ended."""
        first = max(before.date(), now.date() - timedelta(days=_MAX_SEARCH_DAYS))
        tz = now.tzinfo
        latest: datetime | None = None
        day: date = first
        while day <= now.date():
            ends = [time(0, 0)]
            if self._settings.quiet_end is not None:
                ends.append(self._settings.quiet_end)
            for t in ends:
                edge = datetime.combine(day, t, tzinfo=tz)
                just_before = edge - timedelta(microseconds=1)
                if (
                    before.timestamp() < edge.timestamp() <= now.timestamp()
                    and self._off_at(just_before) is not None
                    and self._off_at(edge) is None
                    and (latest is None or edge.timestamp() > latest.timestamp())
                ):
                    latest = edge
            day += timedelta(days=1)
        return latest

    def _blocker(self) -> NextReminder | None:
        wall = self._clock.now()
        if self._paused_forever:
            return NextReminder(PAUSED, "Reminders paused")
        if self._paused_at(wall):
            until = self._paused_until
            assert until is not None
            return NextReminder(PAUSED, f"Paused until {_clock_text(until, wall)}", until=until)
        off = self._off_at(wall)
        if off == NOT_WORKING_DAY:
            midnight = datetime.combine(wall.date() + timedelta(days=1), time(0), wall.tzinfo)
            return NextReminder(NOT_WORKING_DAY, "Not a working day", until=midnight)
        if off == QUIET:
            end = self._settings.quiet_end
            assert end is not None
            day = wall.date() if wall.time() < end else wall.date() + timedelta(days=1)
            until = datetime.combine(day, end, wall.tzinfo)
            return NextReminder(QUIET, f"Quiet hours until {end:%H:%M}", until=until)
        if off == DAILY_MAX:
            midnight = datetime.combine(wall.date() + timedelta(days=1), time(0), wall.tzinfo)
            return NextReminder(DAILY_MAX, "Daily maximum reached", until=midnight)
        if self._idle_since is not None:
            return NextReminder(AWAY, "Away: the timer waits for you")
        return None

    def _account(self) -> None:
        """Bring the counters up to now; the only place time passes."""
        mono = self._clock.monotonic()
        wall = check_aware("reminders", "now", self._clock.now())
        d_mono = max(0.0, mono - self._last_mono)
        # Timestamps, not subtraction: within one ZoneInfo Python subtracts wall
        # times and a DST change would look like an hour's suspend.
        d_wall = wall.timestamp() - self._last_wall.timestamp()
        before = self._last_wall
        self._last_mono, self._last_wall = mono, wall
        if wall.date() != self._count_date:
            self._count_date = wall.date()
            self._shown = 0
            self._skipped = 0
        if d_wall - d_mono > SUSPEND_JUMP_S:
            self._suspended(d_wall - d_mono, before)
            return
        if self._paused_until is not None and not self._paused_at(wall):
            # The pause ended between calls: the interval starts at its end.
            ended = self._paused_until
            self._paused_until = None
            since = max(0.0, wall.timestamp() - ended.timestamp())
            self._restart(at=mono - min(d_mono, since))
            return
        if self._paused_at(wall) or self._idle_since is not None:
            return
        if self._off_at(wall) is not None:
            self._restart()
            self._active_s = 0.0
            return
        off_end = self._off_end_between(before, wall)
        if off_end is not None:
            self._restart(at=mono - min(d_mono, wall.timestamp() - off_end.timestamp()))
            return
        self._add_active(d_mono)

    def _suspended(self, slept_s: float, before: datetime) -> None:
        # A sleep that reached into quiet hours or another day was no posture break.
        counting = (
            not self._paused_at(before)
            and self._off_at(before) is None
            and self._off_at(self._last_wall) is None
            and self._off_end_between(before, self._last_wall) is None
        )
        if counting:
            away = slept_s
            if self._idle_since is not None:
                away += max(0.0, self._last_mono - self._idle_since)
            self._record("natural", away)
        self._idle_since = None
        self._end_showing_as_away()
        if self._paused_until is not None and not self._paused_at(self._last_wall):
            self._paused_until = None
        self._restart()


def tomorrow_morning(now: datetime, settings: ReminderSettings) -> datetime:
    """When "pause until tomorrow" ends: tomorrow at the end of quiet hours.

    Without quiet hours, tomorrow at ``MORNING``: never midnight, which
    would bring a reminder to someone still working late.
    """
    check_aware("reminders", "now", now)
    morning = settings.quiet_end or MORNING
    # combine() in the zone's own rules: 07:00 stays 07:00 across a DST night.
    return datetime.combine(now.date() + timedelta(days=1), morning, now.tzinfo)


def _later(wall: datetime, seconds: float) -> datetime:
    # In UTC: adding to a ZoneInfo time adds wall time, wrong across DST.
    return (wall.astimezone(UTC) + timedelta(seconds=seconds)).astimezone(wall.tzinfo)


def _clock_text(when: datetime, now: datetime) -> str:
    local = when.astimezone(now.tzinfo)
    if local.date() == now.date():
        return f"{local:%H:%M}"
    return f"{local:%a %H:%M}"
