"""The session player on the real clock: how exactly it ends, what it costs, what runs paused.

Two sessions on a real :class:`~lbp_desktop.session_runner.SessionRunner`
(``SystemClock``, the Qt ticker, a shown ``PlayerPage`` of 1100x760 and a
store in a temporary folder), on a plan made from the bundled chin tuck:

1. *Playing*: a session whose timeline is exactly ``--seconds`` long (60 by
   default: a 13 s get-ready, then five reps of a 5 s hold with a 2 s
   movement and 3 s rests, the figure moving), played straight through.
   Measured: the end error (when the ticker's timer fired for the tick that
   brought the summary, minus the moment Start was pressed plus the planned
   seconds), CPU time of the whole process (all threads) over wall time, timer
   events and thread wake-ups per second.
2. *Paused*: a second session skips the get-ready, plays a little of the first
   rep (the figure moving), is paused for ``--pause-seconds`` and resumed.
   Measured: timer events delivered in the process while paused (the goal is
   none), CPU while paused, and whether the ticker and the figure run again
   after the resume.

Nothing of the benchmark's own runs on a Qt timer while it measures: the
resume and the safety stop come from a Python thread through a queued signal,
and the session's end is seen in the ticker's own signal. Timer events are
counted by an event filter on the application, named by their receiver.

``python benchmarks/player_bench.py`` prints the results as one JSON line
after ``player_bench=``; ``benchmarks/run.py`` runs it in a fresh process.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import json
import os
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make the checkout importable
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QEventLoop, QObject, Signal  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from lbp_desktop import paths  # noqa: E402
from lbp_desktop.domain.clock import SystemClock  # noqa: E402
from lbp_desktop.domain.content import ContentLibrary, Plan, PlanItem  # noqa: E402
from lbp_desktop.domain.player import SUMMARY, PlayerState  # noqa: E402
from lbp_desktop.domain.records import SessionRun  # noqa: E402
from lbp_desktop.session_runner import SessionRunner  # noqa: E402
from lbp_desktop.storage.content_files import load_content  # noqa: E402
from lbp_desktop.storage.pose_files import PoseLibrary, load_poses, poses_dir  # noqa: E402
from lbp_desktop.storage.store import Store  # noqa: E402
from lbp_desktop.views import player_page  # noqa: E402
from lbp_desktop.views.player_page import PlayerPage  # noqa: E402
from lbp_desktop.views.theme import apply_theme  # noqa: E402

PREFIX = "player_bench="
EXERCISE = "chin-tuck"  # a bundled exercise with a moving figure, reps, holds and rests
WINDOW_SIZE = (1100, 760)
MIN_GET_READY_S = 10.0
PRE_PAIN = 2
PAUSE_SETTLE_S = 0.5


# ----- the plan -----------------------------------------------------------------


def bench_plan(
    library: ContentLibrary, seconds: float, exercise_id: str = EXERCISE
) -> tuple[Plan, float]:
    """A plan of one counted exercise and the get-ready that make the session ``seconds`` long.

    The exercise's own hold, movement and rest, one side and one set, as many
    reps as fit after a get-ready of at least 10 s (60 s of chin tucks: a
    13 s get-ready and five reps). Too short for one rep (tests): one rep,
    its hold and movement shortened alike, after a short get-ready.
    """
    if seconds <= 0:
        raise ValueError("the session needs a positive length")
    exercise = library.exercises[exercise_id]
    dosage = exercise.dosage
    if dosage.is_timed:
        raise ValueError(f"{exercise_id} is timed; the benchmark plays counted reps")
    block = (dosage.hold_s or 0) + (dosage.tempo_s or 0)
    rest = dosage.rest_s
    reps = int((seconds - MIN_GET_READY_S + rest) // (block + rest))
    overrides: dict[str, float | int | bool] = {"sets": 1, "per_side": False}
    if reps >= 1:
        overrides["reps"] = reps
        get_ready = seconds - (reps * block + (reps - 1) * rest)
    else:
        get_ready = seconds * 0.3
        shrink = (seconds - get_ready) / block
        overrides["reps"] = 1
        for name in ("hold_s", "tempo_s"):
            value = getattr(dosage, name)
            if value:
                overrides[name] = value * shrink
    plan = dataclasses.replace(
        library.plans["desk-reset"],  # a bundled plan, for everything but its items
        id=f"bench-{exercise_id}",
        name=f"{exercise.name}, {seconds:g} s",
        items=(PlanItem(exercise_id, overrides),),
    )
    return plan, get_ready


# ----- counting -----------------------------------------------------------------


def _source(obj: QObject) -> str:
    """A readable name for a timer event's receiver: 'QTimer in FigureView'."""
    name = type(obj).__name__
    parent = obj.parent()
    while parent is not None and type(parent).__module__.startswith("PySide6"):
        parent = parent.parent()
    return f"{name} in {type(parent).__name__}" if parent is not None else name


class EventCounter(QObject):
    """Counts timer and paint events in the whole application while ``counting``."""

    def __init__(self) -> None:
        super().__init__()
        self.counting = False
        self.timers: Counter[str] = Counter()
        self.paints = 0
        self.ticker: QObject | None = None  # the session's ticker: its timer's events are ticks
        self.ticks = 0
        self.first_tick_at: float | None = None
        self.last_tick_at: float | None = None

    def reset(self) -> None:
        self.timers.clear()
        self.paints = 0
        self.ticks = 0
        self.first_tick_at = self.last_tick_at = None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Timer:
            if self.counting and self.ticker is not None and obj.parent() is self.ticker:
                self.last_tick_at = time.monotonic()
                if self.first_tick_at is None:
                    self.first_tick_at = self.last_tick_at
                self.ticks += 1
            if self.counting:
                self.timers[_source(obj)] += 1
        elif kind == QEvent.Type.Paint and self.counting:
            self.paints += 1
        return False


def wakeups() -> int | None:
    """Voluntary context switches of all the process's threads (Linux): each is a sleep ended."""
    total = 0
    try:
        for task in os.scandir("/proc/self/task"):
            with open(os.path.join(task.path, "status"), encoding="ascii") as fh:
                for line in fh:
                    if line.startswith("voluntary_ctxt_switches:"):
                        total += int(line.split()[1])
    except OSError:
        return None
    return total


@dataclasses.dataclass
class Window:
    """Wall time, CPU time, timer events, paints and wake-ups over one stretch."""

    wall_s: float = 0.0
    cpu_s: float = 0.0
    timer_events: dict[str, int] = dataclasses.field(default_factory=dict)
    paints: int = 0
    wakeups: int | None = None

    @property
    def cpu_percent(self) -> float:
        return 100.0 * self.cpu_s / self.wall_s if self.wall_s > 0 else 0.0

    def per_s(self, count: float | None) -> float | None:
        return None if count is None or self.wall_s <= 0 else count / self.wall_s


class Stopwatch:
    def __init__(self, counter: EventCounter) -> None:
        self.counter = counter

    def __enter__(self) -> Window:
        self.window = Window()
        self.counter.reset()
        self.counter.counting = True
        self._wake = wakeups()
        self._cpu = time.process_time()
        self._wall = time.monotonic()
        return self.window

    def stop(self, at: float | None = None) -> None:
        wall_end = at if at is not None else time.monotonic()
        cpu_end = time.process_time()
        wake_end = wakeups()
        self.counter.counting = False
        self.window.wall_s = wall_end - self._wall
        self.window.cpu_s = cpu_end - self._cpu
        self.window.timer_events = dict(self.counter.timers)
        self.window.paints = self.counter.paints
        if self._wake is not None and wake_end is not None:
            self.window.wakeups = wake_end - self._wake

    def __exit__(self, *exc: object) -> None:
        if self.counter.counting:
            self.stop()


class Later(QObject):
    """Runs a function on the GUI thread after a delay, without a Qt timer.

    A Python thread sleeps and emits a queued signal: the event loop wakes
    for it, but no timer event is delivered, so it does not count.
    """

    due = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.due.connect(lambda fn: fn())
        self._threads: list[threading.Timer] = []

    def after(self, seconds: float, fn: Callable[[], None]) -> None:
        thread = threading.Timer(seconds, self.due.emit, args=(fn,))
        thread.daemon = True
        thread.start()
        self._threads.append(thread)

    def cancel(self) -> None:
        for thread in self._threads:
            thread.cancel()
        self._threads.clear()


# ----- the sessions ---------------------------------------------------------------


@dataclasses.dataclass
class Setup:
    library: ContentLibrary
    poses: PoseLibrary
    plan: Plan
    get_ready_s: float
    store: Store
    later: Later


def _runner(setup: Setup, counter: EventCounter) -> SessionRunner:
    page = PlayerPage()
    page.resize(*WINDOW_SIZE)
    page.show()
    runner = SessionRunner(
        setup.plan.id,
        setup.library,
        setup.poses,
        setup.store,
        SystemClock(),
        page,
        get_ready_s=setup.get_ready_s,
        parent=page,
    )
    counter.ticker = runner.ticker
    _settle(setup, 0.3)  # shown and painted before anything is measured
    return runner


def _settle(setup: Setup, seconds: float) -> None:
    loop = QEventLoop()
    setup.later.after(seconds, loop.quit)
    loop.exec()


def _close(runner: SessionRunner) -> None:
    """The session's page goes, as the app deletes a finished session's page."""
    page = runner.page
    page.close()
    page.deleteLater()


def play_session(setup: Setup, counter: EventCounter) -> dict:
    runner = _runner(setup, counter)
    page = runner.page
    planned = runner.player.planned_s
    loop = QEventLoop()
    ended: list[float] = []

    def on_state(state: PlayerState) -> None:
        if state.phase == SUMMARY and not ended:
            # The moment the ticker's timer fired for this tick, not after the
            # runner has drawn the summary and written the run.
            ended.append(counter.last_tick_at or time.monotonic())
            loop.quit()

    runner.ticker.ticked.connect(on_state)
    setup.later.after(planned * 2 + 30, loop.quit)  # a safety net if it never ends
    page.pre_scale.buttons[PRE_PAIN].click()
    watch = Stopwatch(counter)
    with watch as window:
        started = time.monotonic()
        page.start_button.click()
        start_call_ms = (time.monotonic() - started) * 1000.0
        loop.exec()
        watch.stop(at=ended[0] if ended else None)
    setup.later.cancel()
    summary = runner.player.phase == SUMMARY
    # The user answers the last question: the run is stored complete.
    if summary:
        runner.check_in_after(PRE_PAIN, {})
    run = setup.store.get(SessionRun, runner.player.run_id)
    _close(runner)
    error_ms = (ended[0] - (started + planned)) * 1000.0 if ended else None
    return {
        "planned_s": planned,
        "reached_summary": summary,
        "outcome": run.outcome if run is not None else None,
        "end_error_ms": error_ms,
        "start_call_ms": start_call_ms,
        "tick_interval_ms": runner.ticker.interval_ms,
        "ticks": counter.ticks,
        "play_wall_s": window.wall_s,
        "play_cpu_s": window.cpu_s,
        "play_cpu_percent": window.cpu_percent,
        "play_timer_events_per_s": window.per_s(sum(window.timer_events.values())),
        "play_timer_events_by_source": window.timer_events,
        "play_paints_per_s": window.per_s(window.paints),
        "play_wakeups_per_s": window.per_s(window.wakeups),
    }


def pause_session(setup: Setup, counter: EventCounter, pause_s: float) -> dict:
    runner = _runner(setup, counter)
    page = runner.page
    page.pre_scale.buttons[PRE_PAIN].click()
    page.start_button.click()
    runner.run_command(player_page.NEXT)  # straight into the first rep: the figure moves
    work_s = runner.player.snapshot().remaining_s
    lead_s = min(2.0, work_s / 3)
    _settle(setup, lead_s)
    phase_at_pause = runner.player.phase
    animating_before = page.figure.is_animating()
    page.pause_button.click()
    paused = runner.player.snapshot().paused
    _settle(setup, PAUSE_SETTLE_S)  # the page draws "Paused" once; then it should be still
    frame_time = page.figure.current_time()
    loop = QEventLoop()
    watch = Stopwatch(counter)
    with watch as window:
        setup.later.after(pause_s, loop.quit)
        loop.exec()
        watch.stop()
    frozen = page.figure.current_time() == frame_time
    page.pause_button.click()
    ticker_after = runner.ticker.is_running()
    figure_after = page.figure.is_animating()
    after = Stopwatch(counter)
    with after as resumed:
        _settle(setup, lead_s)
        after.stop()
    runner.stop()
    stopped = runner.player.phase == SUMMARY
    _close(runner)
    return {
        "phase_at_pause": phase_at_pause,
        "paused": paused,
        "figure_animating_before_pause": animating_before,
        "pause_wall_s": window.wall_s,
        "pause_cpu_percent": window.cpu_percent,
        "paused_timer_events": sum(window.timer_events.values()),
        "paused_timer_events_by_source": window.timer_events,
        "paused_paints": window.paints,
        "paused_wakeups_per_s": window.per_s(window.wakeups),
        "figure_frozen_while_paused": frozen,
        "ticker_running_after_resume": ticker_after,
        "figure_animating_after_resume": figure_after,
        "timer_events_after_resume": sum(resumed.timer_events.values()),
        "pause_session_stopped": stopped,
    }


def measure(
    seconds: float = 60.0,
    pause_s: float = 10.0,
    *,
    exercise_id: str = EXERCISE,
    profile: Path | None = None,
) -> dict:
    """Both sessions, in this process (it needs Qt's offscreen platform or a display)."""
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    apply_theme(app, "system")
    library = load_content(paths.content_dir())
    poses = load_poses(poses_dir(), library.exercises)
    plan, get_ready = bench_plan(library, seconds, exercise_id)
    library = dataclasses.replace(library, plans={**library.plans, plan.id: plan})
    counter = EventCounter()
    app.installEventFilter(counter)
    load_before = os.getloadavg()
    try:
        with tempfile.TemporaryDirectory(prefix="lbp-player-bench-") as tmp:
            store = Store.open(Path(tmp) / "data")
            try:
                setup = Setup(library, poses, plan, get_ready, store, Later())
                profiler = cProfile.Profile() if profile is not None else None
                if profiler is not None:
                    profiler.enable()
                played = play_session(setup, counter)
                if profiler is not None and profile is not None:
                    profiler.disable()
                    profiler.dump_stats(str(profile))
                paused = pause_session(setup, counter, pause_s)
                counter.ticker = None
                app.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the closed pages
            finally:
                store.close()
    finally:
        app.removeEventFilter(counter)
    load_after = os.getloadavg()
    return {
        "seconds": seconds,
        "plan": f"{exercise_id}: get-ready {get_ready:.3g} s, {_reps(plan)} rep(s)",
        **played,
        **paused,
        "load_before": list(load_before),
        "load_after": list(load_after),
    }


def _reps(plan: Plan) -> object:
    return plan.items[0].overrides.get("reps")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="session length (60)")
    parser.add_argument("--pause-seconds", type=float, default=10.0, help="pause length (10)")
    parser.add_argument("--exercise", default=EXERCISE, help=f"a counted exercise ({EXERCISE})")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the played session")
    args = parser.parse_args(argv)
    result: dict[str, Any] = measure(
        args.seconds, args.pause_seconds, exercise_id=args.exercise, profile=args.profile
    )
    print(PREFIX + json.dumps(result), flush=True)
    return 0 if result["reached_summary"] else 1


if __name__ == "__main__":
    sys.exit(main())
