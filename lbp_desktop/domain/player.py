"""The guided-session player: a state machine driven by an injected clock.

The player never sleeps and never reads the time itself: a Qt ticker (or a
test) calls :meth:`Player.tick` and the commands, and the player reads
``clock.monotonic()`` and ``clock.now()``. Remaining time is always
``deadline - now`` on the monotonic clock, never a counter decremented per
tick, so it cannot drift; segments chain deadline to deadline.

Heat and ice also keep a wall-clock deadline, because the monotonic clock
stops while the laptop sleeps and a cold pack does not. They end at the
20-minute hard cap counted from their start, pauses included.

Flow: check-in (pain before) -> the timeline of segments (see
``player_timeline``) -> summary (pain after). ``report_pain`` applies the
stop rule at once, whatever the player is doing.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from lbp_desktop.domain.clock import Clock
from lbp_desktop.domain.content import ContentLibrary, Plan
from lbp_desktop.domain.player_cues import (
    HOLD,
    RELEASE,
    breath_phase,
    guidance_line,
    rep_part,
    segment_cue,
)
from lbp_desktop.domain.player_timeline import (
    ACTIVE_PHASES,
    BREATHING,
    CHECK_IN,
    GET_READY,
    GET_READY_S,
    INTERVAL,
    MEDITATION,
    REST,
    SET_BREAK,
    SUMMARY,
    SWITCH_SIDE,
    TRANSITION_PHASES,
    WORK,
    Segment,
    build_timeline,
    describe,
)
from lbp_desktop.domain.records import PainCheckIn, SessionRun, StepRecord, new_id
from lbp_desktop.domain.run_resume import finished_bouts, resume_index
from lbp_desktop.domain.safety import (
    SKIN_CHECK_TEXT,
    StepDown,
    StopDecision,
    cap_heat_ice_s,
    check_pain_score,
    should_stop,
    skin_check_times,
    step_down_after_stop,
)

__all__ = [
    "BREATHING",
    "CHECK_IN",
    "GET_READY",
    "INTERVAL",
    "MEDITATION",
    "REST",
    "SET_BREAK",
    "SUMMARY",
    "SWITCH_SIDE",
    "WORK",
    "Event",
    "Player",
    "PlayerState",
]

ADJUST_S = 10.0
# Halfway cues only for segments long enough that the cue helps, not nags.
HALFWAY_MIN_S = 20.0
LAST_SECONDS = 3.0
LAST_SECONDS_MIN_S = 6.0
# "10 seconds left" only where ten seconds is a small part of the whole.
TEN_LEFT_S = 10.0
TEN_LEFT_MIN_S = 30.0
# Wall and monotonic clocks may differ by a little without any sleep (NTP).
SLEEP_TOLERANCE_S = 2.0
# Going back within this many seconds of a segment's start goes one further.
PREVIOUS_GRACE_S = 3.0

# Event kinds: the UI turns these into sounds, speech and notifications.
PHASE_STARTED = "phase_started"
HALFWAY = "halfway"
LAST_3 = "last_3"
TEN_LEFT = "ten_seconds_left"
SWITCH_SIDE_EVENT = "switch_side"
HOLD_EVENT = "hold"
RELEASE_EVENT = "release"
DONE = "done"
SKIN_CHECK = "skin_check"
GUIDANCE = "guidance"
BREATH = "breath"
BELL = "bell"
INTERVAL_CAPPED = "interval_capped"
SLEPT = "slept_during_interval"
ENDED_DURING_SLEEP = "interval_ended_during_sleep"
STOPPED_FOR_PAIN = "stopped_for_pain"
PAIN_AFTER = "pain_rule_after"
SESSION_DONE = "session_done"
# Safety and outcome events survive when a late tick skips over segments.
STICKY_EVENTS = frozenset(
    {INTERVAL_CAPPED, SLEPT, ENDED_DURING_SLEEP, STOPPED_FOR_PAIN, PAIN_AFTER, SESSION_DONE}
)

RUNNING = "running"  # internal: playing the timeline


@dataclass(frozen=True)
class Event:
    kind: str
    text: str = ""
    phase: str | None = None
    at: datetime | None = None


@dataclass(frozen=True)
class PlayerState:
    """Everything a view needs to draw the player, at one tick."""

    phase: str
    plan_id: str
    exercise_id: str | None
    exercise_name: str | None
    item_index: int
    item_count: int
    remaining_s: float
    total_s: float
    elapsed_s: float
    rep: int | None
    reps: int | None
    set_no: int | None
    sets: int | None
    side: str | None
    cue: str
    guidance: str | None
    rep_part: str | None
    breath_phase: str | None
    breath_level: float | None
    next_label: str
    progress: float
    paused: bool
    events: tuple[Event, ...]
    new_steps: tuple[StepRecord, ...]
    new_checkins: tuple[PainCheckIn, ...]
    outcome: str
    stop_reason: str
    step_down: StepDown | None
    pre_pain: int | None
    post_pain: int | None


@dataclass
class _Running:
    """The segment being played and its deadlines."""

    segment: Segment
    deadline: float
    total: float
    wall_deadline: datetime | None = None
    cap_mono: float | None = None
    cap_wall: datetime | None = None
    fired: set[str] = field(default_factory=set)
    breath_index: int | None = None


@dataclass
class _Bout:
    """One visit to a bout (an exercise's set on one side): becomes a StepRecord."""

    number: int
    segment: Segment
    started_at: datetime
    done_s: float = 0.0
    reps_done: set[int] = field(default_factory=set)
    capped: bool = False


class Player:
    def __init__(
        self,
        plan: Plan,
        library: ContentLibrary,
        clock: Clock,
        *,
        get_ready_s: float = GET_READY_S,
        run_id: str | None = None,
        resume: SessionRun | None = None,
    ) -> None:
        self.plan = plan
        self.segments = build_timeline(plan, library, get_ready_s)
        if not self.segments:
            raise ValueError(f"plan {plan.id!r} has nothing to play")
        # Carrying on an interrupted run: same record, from its first unfinished part.
        self.resumed = resume
        self._resume_at = 0
        if resume is not None:
            if resume.plan_id != plan.id:
                raise ValueError(f"run {resume.id} is of plan {resume.plan_id!r}, not {plan.id!r}")
            at = resume_index(self.segments, resume.steps)
            if at is None:
                raise ValueError(f"run {resume.id} has nothing left to play")
            self._resume_at = at
        self.run_id = resume.id if resume is not None else run_id or new_id()
        self._clock = clock
        self._offsets = [0.0, *itertools.accumulate(s.duration_s for s in self.segments)]
        self.planned_s = self._offsets[-1]
        self._bout_planned: dict[int, float] = {}
        for seg in self.segments:
            if seg.bout is not None:
                self._bout_planned[seg.bout] = self._bout_planned.get(seg.bout, 0) + seg.duration_s
        self._phase = CHECK_IN
        self._index = 0
        self._run: _Running | None = None
        self._paused_at: float | None = None
        self._paused_wall: datetime | None = None
        self._bout: _Bout | None = None
        self._events: list[Event] = []
        self._enter_mark = 0
        self._new_steps: list[StepRecord] = []
        self._new_checkins: list[PainCheckIn] = []
        self.steps: list[StepRecord] = []
        self.checkins: list[PainCheckIn] = []
        self._work_done: set[int] = set()
        self._started_wall: datetime | None = None
        self._ended_wall: datetime | None = None
        self._pre: int | None = None
        self._post: int | None = None
        self._post_decision: StopDecision | None = None
        self._outcome = "in_progress"
        self._stop_reason = ""
        self._step_down: StepDown | None = None
        self._final_progress = 0.0
        # Accounting behind the invariants: active time played, pauses, +/-10 s.
        self._done_s = 0.0
        self.added_s = 0.0
        self.paused_s = 0.0

    # ------------------------------------------------------------------ commands

    def start(self, pre_pain: int) -> None:
        """Record the pre-session pain and start the first countdown.

        When carrying on an interrupted run, ``pre_pain`` is the pain now: the
        stop rule compares it with the run's own pre-session score.
        """
        if self._phase != CHECK_IN:
            return
        check_pain_score(pre_pain)
        if self.resumed is not None:
            self._carry_on(self.resumed, pre_pain)
        else:
            self._pre = pre_pain
            self._record_pain(pre_pain, "before_session")
            self._started_wall = self._clock.now()
        # Pain already at the stop level (or risen since an interrupted run
        # began): the rule wins before the first step.
        assert self._pre is not None
        decision = should_stop(self._pre, pre_pain)
        if decision.stop:
            self._stop_for_pain(decision)
            return
        self._phase = RUNNING
        self._enter(self._resume_at, self._clock.monotonic())

    def _carry_on(self, run: SessionRun, pain_now: int) -> None:
        """Take up an interrupted run: its record, its first pain score, its done parts."""
        self._pre = run.pre_pain if run.pre_pain is not None else pain_now
        self._started_wall = run.at
        self.steps = list(run.steps)
        done = finished_bouts(self.segments, run.steps)
        self._work_done = {
            s.index for s in self.segments if s.bout in done and s.phase in ACTIVE_PHASES
        }
        self._done_s = self._offsets[self._resume_at]
        self._record_pain(pain_now, "during_session")

    def pause(self) -> None:
        if self._phase == RUNNING and self._paused_at is None:
            self._paused_at = self._clock.monotonic()
            self._paused_wall = self._clock.now()

    def resume(self) -> None:
        if self._phase != RUNNING or self._paused_at is None or self._run is None:
            return
        assert self._paused_wall is not None
        run = self._run
        shift = self._clock.monotonic() - self._paused_at
        self.paused_s += shift
        run.deadline += shift
        if run.wall_deadline is not None and run.cap_wall is not None:
            wall_shift = self._clock.now() - self._paused_wall
            run.wall_deadline = min(run.wall_deadline + wall_shift, run.cap_wall)
        self._paused_at = self._paused_wall = None
        # The pack stayed on during the pause: the cap counts it.
        if run.cap_mono is not None and run.deadline > run.cap_mono:
            excess = run.deadline - run.cap_mono
            run.deadline -= excess
            run.total -= excess
            self._emit(INTERVAL_CAPPED, _cap_text(run.segment))

    def toggle_pause(self) -> None:
        if self._paused_at is None:
            self.pause()
        else:
            self.resume()

    def next(self) -> None:
        """Skip the rest of this countdown."""
        if self._phase != RUNNING:
            return
        self._leave(self._elapsed(), natural=False)
        self._advance(self._clock.monotonic())

    def previous(self) -> None:
        """Back to the start of the previous exercise part (rests are skipped).

        Like a music player: early in a segment, go one further back.
        """
        if self._phase != RUNNING:
            return
        target = self._index
        if self._elapsed() < PREVIOUS_GRACE_S or self._current.phase in TRANSITION_PHASES:
            target = self._previous_index(self._index)
        self._jump(target)

    def restart_step(self) -> None:
        if self._phase == RUNNING:
            self._jump(self._index)

    def add_10s(self) -> None:
        self._adjust(ADJUST_S)

    def remove_10s(self) -> None:
        self._adjust(-ADJUST_S)

    def stop(self) -> None:
        """The user ends the session early (Esc, confirmed)."""
        if self._phase == RUNNING:
            self._finish("partial", "You stopped the session early.")

    def report_pain(self, score: int) -> StopDecision | None:
        """The "this hurts" control: record the pain and apply the stop rule now."""
        check_pain_score(score)
        if self._phase == CHECK_IN or self._pre is None:
            return None
        if self._phase == SUMMARY:
            return self.check_in_after(score)
        self._record_pain(score, "during_session")
        decision = should_stop(self._pre, score)
        if decision.stop:
            self._stop_for_pain(decision)
        return decision

    def check_in_after(self, score: int) -> StopDecision | None:
        """Pain after the session; the stop rule flags a rise for next time."""
        check_pain_score(score)
        if self._phase != SUMMARY or self._pre is None:
            return None
        if self._post_decision is not None:
            return self._post_decision  # one post-session check-in per run
        self._post = score
        self._record_pain(score, "after_session")
        decision = should_stop(self._pre, score)
        self._post_decision = decision
        if decision.stop and self._outcome != "stopped_for_pain":
            self._step_down = step_down_after_stop(self.plan.id)
            self._stop_reason = decision.reason
            self._emit(PAIN_AFTER, f"{decision.reason} {self._step_down.text}")
        return decision

    # --------------------------------------------------------------------- tick

    def tick(self) -> PlayerState:
        """Catch up with the clock, then return the state and the new events."""
        if self._phase == RUNNING:
            first = len(self._events)
            moves = 0
            for _ in range(len(self.segments) + 1):
                if self._phase != RUNNING or not self._step_time():
                    break
                moves += 1
            if moves > 1:
                self._drop_skipped_events(first)
            if self._phase == RUNNING:
                self._fire_cues()
        return self._state(drain=True)

    def snapshot(self) -> PlayerState:
        """The state without reading the clock for transitions or taking events."""
        return self._state(drain=False)

    def wake_up_in_s(self) -> float | None:
        """Paused during heat or ice: seconds until the 20-minute cap ends the
        interval anyway (the pack stays on while paused). The app sets one
        single-shot timer for then, so the "take it off" cue is not left
        waiting for the user to press resume. None otherwise."""
        run = self._run
        if self._phase != RUNNING or self._paused_at is None or run is None:
            return None
        if run.cap_mono is None or run.cap_wall is None:
            return None
        mono_left = run.cap_mono - self._clock.monotonic()
        wall_left = (run.cap_wall - self._clock.now()).total_seconds()
        return max(min(mono_left, wall_left), 0.0)

    @property
    def time_done_s(self) -> float:
        """Seconds of the timeline played (pauses excluded)."""
        current = self._elapsed() if self._phase == RUNNING else 0.0
        return self._done_s + current

    @property
    def segment_index(self) -> int:
        """Where in the timeline the player is; ``len(segments)`` in the summary."""
        return len(self.segments) if self._phase == SUMMARY else self._index

    @property
    def phase(self) -> str:
        return self._current.phase if self._phase == RUNNING else self._phase

    def run(self) -> SessionRun:
        """The run record as it stands (outcome "in_progress" until the summary)."""
        if self._started_wall is None:
            raise RuntimeError("the session has not started")
        ended = self._ended_wall
        if ended is not None:
            ended = max(ended, self._started_wall)
        return SessionRun(
            id=self.run_id,
            at=self._started_wall,
            plan_id=self.plan.id,
            outcome=self._outcome,
            ended_at=ended,
            pre_pain=self._pre,
            post_pain=self._post,
            stop_reason=self._stop_reason,
            steps=tuple(self.steps),
        )

    # ------------------------------------------------------------ time and state

    @property
    def _current(self) -> Segment:
        return self.segments[self._index]

    def _remaining(self) -> float:
        if self._run is None:
            return 0.0
        ref = self._paused_at if self._paused_at is not None else self._clock.monotonic()
        return min(max(self._run.deadline - ref, 0.0), self._run.total)

    def _elapsed(self) -> float:
        if self._run is None:
            return 0.0
        return self._run.total - self._remaining()

    def _step_time(self) -> bool:
        """Move past the current segment if its time is up; True when it moved."""
        run = self._run
        assert run is not None
        now = self._clock.monotonic()
        if run.segment.is_heat_ice and self._heat_ice_time(run, now, self._clock.now()):
            return True
        if self._paused_at is None and now >= run.deadline:
            self._leave(run.total, natural=True)
            self._advance(run.deadline)  # deadline to deadline: no drift
            return True
        return False

    def _heat_ice_time(self, run: _Running, now: float, wall: datetime) -> bool:
        """Apply the cap and the wall-clock deadline; True when the interval ended."""
        assert run.cap_mono is not None and run.cap_wall is not None
        assert run.wall_deadline is not None
        if self._paused_at is not None:
            if now < run.cap_mono and wall < run.cap_wall:
                return False
            self._leave(self._elapsed(), natural=False)
            if now < run.cap_mono:
                self._emit_slept_end(run, run.cap_wall)
            else:
                self._emit(INTERVAL_CAPPED, _cap_text(run.segment))
            self._advance(now)
            return True
        wall_left = (min(run.wall_deadline, run.cap_wall) - wall).total_seconds()
        mono_left = run.deadline - now
        if wall_left >= mono_left - SLEEP_TOLERANCE_S:
            return False
        if wall_left <= 0:
            # The pack stayed on through the sleep: the whole interval was done.
            self._leave(run.total, natural=False)
            self._emit_slept_end(run, min(run.wall_deadline, run.cap_wall))
            self._advance(now)
            return True
        shift = mono_left - wall_left
        run.deadline -= shift
        run.cap_mono -= shift
        minutes = round(shift / 60)
        self._emit(
            SLEPT,
            f"Your computer slept for about {minutes} minutes; the timer counted that time, "
            "because the pack stayed on.",
        )
        return False

    def _emit_slept_end(self, run: _Running, ended_at: datetime) -> None:
        word = "ice" if run.segment.exercise.category == "ice" else "heat"
        self._emit(
            ENDED_DURING_SLEEP,
            f"Your computer slept; the {word} interval ended at {ended_at:%H:%M}. "
            "Take the pack off now if it is still on, and look at your skin.",
            at=ended_at,
        )

    def _enter(self, index: int, start: float) -> None:
        seg = self.segments[index]
        self._index = index
        now = self._clock.monotonic()
        wall_now = self._clock.now()
        if self._paused_at is not None:
            # Entered while paused: it waits, frozen at its start.
            self.paused_s += now - self._paused_at
            self._paused_at, self._paused_wall = now, wall_now
            start = now
        run = _Running(seg, start + seg.duration_s, seg.duration_s)
        if seg.cap_s is not None:
            wall_start = wall_now - timedelta(seconds=now - start)
            run.wall_deadline = wall_start + timedelta(seconds=seg.duration_s)
            run.cap_mono = start + seg.cap_s
            run.cap_wall = wall_start + timedelta(seconds=seg.cap_s)
        self._run = run
        self._switch_bout(seg)
        self._enter_mark = len(self._events)
        self._emit(PHASE_STARTED, describe(seg))
        if seg.phase == SWITCH_SIDE:
            self._emit(SWITCH_SIDE_EVENT, f"Switch sides: now your {seg.side} side.")
        if seg.capped and seg.requested_s is not None:
            cap = cap_heat_ice_s(seg.requested_s, seg.exercise.category)
            self._emit(INTERVAL_CAPPED, cap.text)
        if seg.phase in ACTIVE_PHASES and seg.exercise.bells and seg.exercise.bells.start:
            self._emit(BELL, "start")

    def _leave(self, elapsed: float, *, natural: bool) -> None:
        """Account for the segment being left; ``natural`` when its time ran out."""
        seg = self._current
        self._done_s += elapsed
        if self._bout is not None and seg.bout == self._bout.number:
            self._bout.done_s += elapsed
            if seg.phase in ACTIVE_PHASES and elapsed >= seg.duration_s / 2:
                self._bout.reps_done.add(seg.index)
            self._bout.capped = self._bout.capped or seg.capped
        if seg.phase in ACTIVE_PHASES and elapsed >= seg.duration_s / 2:
            self._work_done.add(seg.index)
        if natural and seg.phase in ACTIVE_PHASES:
            self._emit(DONE, f"{seg.exercise.name} done")
            if seg.exercise.bells and seg.exercise.bells.end:
                self._emit(BELL, "end")
        self._run = None

    def _advance(self, start: float) -> None:
        if self._index + 1 < len(self.segments):
            self._enter(self._index + 1, start)
            return
        every_part_done = all(
            s.index in self._work_done for s in self.segments if s.phase in ACTIVE_PHASES
        )
        self._finish("completed" if every_part_done else "partial", "")

    def _jump(self, index: int) -> None:
        self._leave(self._elapsed(), natural=False)
        self._enter(index, self._clock.monotonic())

    def _previous_index(self, index: int) -> int:
        for i in range(index - 1, -1, -1):
            if self.segments[i].phase not in TRANSITION_PHASES:
                return i
        return 0

    def _adjust(self, seconds: float) -> None:
        run = self._run
        if self._phase != RUNNING or run is None:
            return
        if seconds < 0:
            # Never below zero: at most what is left comes off.
            cut = min(-seconds, self._remaining())
            run.deadline -= cut
            run.total -= cut
            if run.wall_deadline is not None:
                run.wall_deadline -= timedelta(seconds=cut)
            self.added_s -= cut
            return
        if run.cap_mono is not None and run.wall_deadline is not None:
            assert run.cap_wall is not None
            room = min(
                run.cap_mono - run.deadline, (run.cap_wall - run.wall_deadline).total_seconds()
            )
            if room < seconds:
                self._emit(INTERVAL_CAPPED, _cap_text(run.segment))
            seconds = max(min(seconds, room), 0.0)
            run.wall_deadline += timedelta(seconds=seconds)
        run.deadline += seconds
        run.total += seconds
        self.added_s += seconds

    def _finish(self, outcome: str, reason: str) -> None:
        if self._phase == RUNNING and self._run is not None:
            self._final_progress = self._progress()
            self._leave(self._elapsed(), natural=False)
        if outcome == "completed":
            self._final_progress = 1.0
        self._close_bout()
        if self._paused_at is not None:
            self.paused_s += self._clock.monotonic() - self._paused_at
        self._paused_at = self._paused_wall = None
        self._phase = SUMMARY
        self._outcome = outcome
        self._stop_reason = reason
        self._ended_wall = self._clock.now()
        if outcome != "stopped_for_pain":
            self._emit(SESSION_DONE, reason or "Session complete. Well done.")

    # ----------------------------------------------------------------- records

    def _switch_bout(self, seg: Segment) -> None:
        if self._bout is not None and self._bout.number == seg.bout:
            return
        self._close_bout()
        if seg.bout is not None:
            self._bout = _Bout(seg.bout, seg, self._clock.now())

    def _close_bout(self) -> None:
        bout = self._bout
        if bout is None:
            return
        self._bout = None
        seg = bout.segment
        counted = seg.reps is not None
        record = StepRecord(
            exercise_id=seg.exercise.id,
            started_at=bout.started_at,
            ended_at=max(self._clock.now(), bout.started_at),
            planned_s=self._bout_planned[bout.number],
            done_s=bout.done_s,
            side=seg.side,
            reps=len(bout.reps_done) if counted else None,
            skipped=not bout.reps_done,
            extra={"item": seg.item_index, "set": seg.set_no, "capped": bout.capped},
        )
        self.steps.append(record)
        self._new_steps.append(record)

    def _stop_for_pain(self, decision: StopDecision) -> None:
        """The stop rule fired: end kindly, say why, and suggest an easier plan."""
        self._step_down = step_down_after_stop(self.plan.id)
        self._finish("stopped_for_pain", decision.reason)
        self._emit(STOPPED_FOR_PAIN, f"{decision.reason} {self._step_down.text}")

    def _record_pain(self, score: int, context: str) -> None:
        record = PainCheckIn(at=self._clock.now(), score=score, context=context, run_id=self.run_id)
        self.checkins.append(record)
        self._new_checkins.append(record)

    # --------------------------------------------------------------- cues

    def _emit(self, kind: str, text: str = "", *, at: datetime | None = None) -> None:
        phase = self.phase if self._phase != CHECK_IN else CHECK_IN
        self._events.append(Event(kind, text, phase, at))

    def _drop_skipped_events(self, first: int) -> None:
        """After a late tick crossed several segments, keep only the last one's
        cues (and every safety event): a burst of stale sounds helps nobody."""
        mark = self._enter_mark if self._phase == RUNNING else len(self._events)
        kept = [e for e in self._events[first:mark] if e.kind in STICKY_EVENTS]
        self._events[first:] = kept + self._events[max(mark, first) :]

    def _fire_once(self, run: _Running, key: str, kind: str, text: str = "") -> None:
        if key not in run.fired:
            run.fired.add(key)
            self._emit(kind, text)

    def _fire_cues(self) -> None:
        run = self._run
        assert run is not None
        seg = run.segment
        remaining = self._remaining()
        elapsed = run.total - remaining
        long_enough = seg.phase in ACTIVE_PHASES and run.total >= HALFWAY_MIN_S
        if long_enough and elapsed >= run.total / 2 and remaining > LAST_SECONDS:
            self._fire_once(run, "halfway", HALFWAY, "Halfway")
        if (
            seg.phase in ACTIVE_PHASES
            and run.total >= TEN_LEFT_MIN_S
            and LAST_SECONDS < remaining <= TEN_LEFT_S
        ):
            self._fire_once(run, "ten", TEN_LEFT, "10 seconds left")
        if run.total >= LAST_SECONDS_MIN_S and 0 < remaining <= LAST_SECONDS:
            self._fire_once(run, "last", LAST_3, "Last 3 seconds")
        part = rep_part(seg, run.total, elapsed)
        if part == HOLD:
            self._fire_once(run, "hold", HOLD_EVENT, "Hold")
        elif part == RELEASE and seg.dosage.hold_s:
            self._fire_once(run, "release", RELEASE_EVENT, "Slowly release")
        if seg.phase == INTERVAL:
            due = [t for t in skin_check_times(seg.exercise, run.total) if t <= elapsed]
            self._fire_latest(run, [f"skin:{t}" for t in due], SKIN_CHECK, SKIN_CHECK_TEXT)
        if seg.phase in ACTIVE_PHASES and seg.dosage.is_timed:
            lines = seg.exercise.guidance_within(run.total)
            keys = [f"line:{i}" for i, line in enumerate(lines) if line.at_s <= elapsed]
            latest = guidance_line(lines, elapsed)
            if latest is not None:
                self._fire_latest(run, keys, GUIDANCE, latest.text)
        if seg.phase == BREATHING and seg.exercise.breath is not None:
            breath = breath_phase(seg.exercise.breath, elapsed)
            if breath.index != run.breath_index:
                run.breath_index = breath.index
                self._emit(BREATH, breath.name)
        bells = seg.exercise.bells
        if seg.phase in ACTIVE_PHASES and bells and bells.interval_s:
            count = int(elapsed // bells.interval_s)
            keys = [f"bell:{k}" for k in range(1, count + 1)]
            self._fire_latest(run, keys, BELL, "interval")

    def _fire_latest(self, run: _Running, keys: list[str], kind: str, text: str) -> None:
        """One event for any number of newly due moments (no burst after a jump)."""
        new = [k for k in keys if k not in run.fired]
        if new:
            run.fired.update(new)
            self._emit(kind, text)

    # --------------------------------------------------------------- the view

    def _progress(self) -> float:
        if self._phase == CHECK_IN:
            return 0.0
        if self._phase == SUMMARY or self._run is None:
            return self._final_progress
        seg = self._current
        total = self.planned_s - seg.duration_s + self._run.total
        if total <= 0:
            return 1.0
        done = self._offsets[self._index] + self._elapsed()
        return min(max(done / total, 0.0), 1.0)

    def _next_label(self) -> str:
        if self._phase == CHECK_IN:
            first = self.segments[self._resume_at]
            if self.resumed is not None:
                later = self.segments[self._resume_at :]
                work = next((s for s in later if s.phase in ACTIVE_PHASES), first)
                return f"Carrying on with: {describe(work)}"
            return f"First up: {first.exercise.name}"
        if self._phase == SUMMARY:
            return ""
        if self._index + 1 >= len(self.segments):
            return "Then: how do you feel?"
        upcoming = self.segments[self._index + 1]
        if upcoming.phase == GET_READY:
            return f"Next exercise: {upcoming.exercise.name}"
        return f"Next: {describe(upcoming)}"

    def _state(self, *, drain: bool) -> PlayerState:
        events = tuple(self._events)
        steps = tuple(self._new_steps)
        checkins = tuple(self._new_checkins)
        if drain:
            self._events.clear()
            self._new_steps.clear()
            self._new_checkins.clear()
        running = self._phase == RUNNING and self._run is not None
        seg = self._current if running else None
        total = self._run.total if running and self._run else 0.0
        remaining = self._remaining() if running else 0.0
        elapsed = total - remaining
        part = rep_part(seg, total, elapsed) if seg else None
        breath = None
        if seg and seg.phase == BREATHING and seg.exercise.breath is not None:
            breath = breath_phase(seg.exercise.breath, elapsed)
        line = None
        if seg and seg.phase in ACTIVE_PHASES and seg.dosage.is_timed:
            found = guidance_line(seg.exercise.guidance_within(total), elapsed)
            line = found.text if found else None
        return PlayerState(
            phase=self.phase,
            plan_id=self.plan.id,
            exercise_id=seg.exercise.id if seg else None,
            exercise_name=seg.exercise.name if seg else None,
            item_index=seg.item_index if seg else 0,
            item_count=len(self.plan.items),
            remaining_s=remaining,
            total_s=total,
            elapsed_s=elapsed,
            rep=seg.rep if seg else None,
            reps=seg.reps if seg else None,
            set_no=seg.set_no if seg else None,
            sets=seg.sets if seg else None,
            side=seg.side if seg else None,
            cue=segment_cue(seg, part) if seg else self._summary_cue(),
            guidance=line,
            rep_part=part,
            breath_phase=breath.name if breath else None,
            breath_level=breath.level if breath else None,
            next_label=self._next_label(),
            progress=self._progress(),
            paused=self._paused_at is not None,
            events=events,
            new_steps=steps,
            new_checkins=checkins,
            outcome=self._outcome,
            stop_reason=self._stop_reason,
            step_down=self._step_down,
            pre_pain=self._pre,
            post_pain=self._post,
        )

    def _summary_cue(self) -> str:
        if self._phase == CHECK_IN and self.resumed is not None:
            return (
                "Welcome back. Before you carry on: how much pain do you have right now, "
                "from 0 to 10?"
            )
        if self._phase == CHECK_IN:
            return "Before you start: how much pain do you have right now, from 0 to 10?"
        if self._post is None:
            return "How much pain do you have now, from 0 to 10?"
        return self._stop_reason or "Thank you. Well done."


def _cap_text(seg: Segment) -> str:
    word = "Ice" if seg.exercise.category == "ice" else "Heat"
    return (
        f"{word} is limited to 20 minutes at a time, counting any pause. "
        "Take the pack off when the timer ends."
    )
