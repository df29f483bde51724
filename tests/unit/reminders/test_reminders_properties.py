"""Whatever happens, no burst of reminders and no due time in the past."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from reminder_helpers import make

INTERVAL = 30 * 60
TOLERANCE = 1.0

commands = st.lists(
    st.one_of(
        st.tuples(st.just("advance"), st.floats(1, 3 * 3600)),
        st.tuples(st.just("suspend"), st.floats(0, 12 * 3600)),
        st.tuples(st.just("idle"), st.none() | st.floats(0, 3600)),
        st.tuples(st.just("snooze"), st.sampled_from([5, 10])),
        st.tuples(st.just("skip"), st.none()),
        st.tuples(st.just("taken"), st.none()),
        st.tuples(st.just("busy"), st.sampled_from(["session", "fullscreen"])),
        st.tuples(st.just("idle_busy"), st.sampled_from(["session", "fullscreen", None])),
        st.tuples(st.just("pause"), st.floats(-600, 6 * 3600)),
        st.tuples(st.just("resume"), st.none()),
    ),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(commands, st.sampled_from(["reset", "pause"]), st.booleans())
def test_no_reminders_closer_than_an_interval_unless_snoozed(
    cmds: list[tuple[str, object]], policy: str, quiet: bool
) -> None:
    extra = {} if quiet else {"quiet_start": None, "quiet_end": None}
    r, clock = make(idle_policy=policy, **extra)  # type: ignore[arg-type]
    last_show: float | None = None
    snoozed = False
    for name, arg in cmds:
        if name == "advance":
            clock.advance(arg)  # type: ignore[arg-type]
        elif name == "suspend":
            clock.suspend(arg)  # type: ignore[arg-type]
        elif name == "idle":
            r.report_idle(arg)  # type: ignore[arg-type]
        elif name == "busy":
            r.set_busy(arg)  # type: ignore[arg-type]
        elif name == "idle_busy":
            r.clear_busy(arg)  # type: ignore[arg-type]
        elif name == "pause":
            r.pause_until(clock.now() + timedelta(seconds=arg))  # type: ignore[arg-type]
        elif name == "resume":
            r.resume()
        elif r.showing:
            if name == "snooze":
                r.snooze(arg)  # type: ignore[arg-type]
                snoozed = True
            elif name == "skip":
                r.skip()
            else:
                r.taken()
        tick = r.tick()
        now = clock.monotonic()
        if tick.show:
            if last_show is not None and not snoozed:
                assert now - last_show >= INTERVAL - TOLERANCE
            last_show, snoozed = now, False
        nxt = tick.next
        if nxt.at_mono is not None:
            assert nxt.at_mono >= now
            assert nxt.at_wall is not None and nxt.at_wall >= clock.now()
        assert not (tick.show and tick.withdraw)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(61, 24 * 3600), min_size=1, max_size=10))
def test_waking_never_shows_a_reminder(sleeps: list[float]) -> None:
    r, clock = make(quiet_start=None, quiet_end=None)
    clock.advance(INTERVAL - 1)
    for seconds in sleeps:
        clock.suspend(seconds)
        assert not r.tick().show
    clock.advance(INTERVAL - 1)
    assert not r.tick().show
