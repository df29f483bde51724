"""Any sequence of commands and clock jumps keeps the player's promises."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from player_helpers import player

from lbp_desktop.domain import player as P
from lbp_desktop.domain.content import PlanItem
from lbp_desktop.domain.safety import should_stop

COMMANDS = ("pause", "resume", "next", "previous", "restart_step", "add_10s", "remove_10s", "stop")
REWINDS = {"previous", "restart_step"}
KNOWN_EVENTS = {
    P.PHASE_STARTED, P.HALFWAY, P.LAST_3, P.SWITCH_SIDE_EVENT, P.HOLD_EVENT, P.RELEASE_EVENT,
    P.DONE, P.SKIN_CHECK, P.GUIDANCE, P.BREATH, P.BELL, P.INTERVAL_CAPPED, P.SLEPT,
    P.ENDED_DURING_SLEEP, P.STOPPED_FOR_PAIN, P.PAIN_AFTER, P.SESSION_DONE, P.TEN_LEFT,
}  # fmt: skip

ops = st.one_of(
    st.tuples(st.just("advance"), st.floats(0, 120, allow_nan=False)),
    st.tuples(st.just("suspend"), st.floats(0, 3000, allow_nan=False)),
    st.tuples(st.sampled_from(COMMANDS), st.none()),
    st.tuples(st.just("report_pain"), st.integers(0, 10)),
)

ITEMS = (
    "hold-stretch",
    "side-reps",
    PlanItem("ice-pack", {"interval_s": 400}),  # skin check at 300
    PlanItem("heat-pack", {"interval_s": 1500}),  # capped to 1200
    "box",
    "scan",
)


@settings(max_examples=200, deadline=None)
@given(st.lists(ops, max_size=60), st.integers(0, 10))
def test_invariants_hold_for_any_commands_and_clock_jumps(operations, pre: int) -> None:
    p, clock = player(*ITEMS, pre=pre)
    running_s = suspended_s = 0.0
    rewound = stopped_for_pain = False
    last_index = 0
    for name, arg in operations:
        before = p.tick()
        if name == "advance":
            if before.phase != P.SUMMARY and not before.paused:
                running_s += arg
            clock.advance(arg)
        elif name == "suspend":
            suspended_s += arg
            clock.suspend(arg)
        elif name == "report_pain":
            decision = p.report_pain(arg)
            if before.phase != P.SUMMARY:
                assert decision is not None
                assert decision.stop == should_stop(pre, arg).stop
                stopped_for_pain = stopped_for_pain or decision.stop
        else:
            rewound = rewound or name in REWINDS
            getattr(p, name)()
        state = p.tick()

        assert 0 <= state.remaining_s <= state.total_s
        assert 0 <= state.progress <= 1
        assert len(state.events) <= 8  # no bursts
        assert {e.kind for e in state.events} <= KNOWN_EVENTS
        # Time is never invented: played time fits in the clock time that ran.
        assert p.time_done_s <= running_s + suspended_s + 1e-6
        if not rewound:
            assert p.time_done_s <= p.planned_s + max(p.added_s, 0) + 1e-6
            assert p.segment_index >= last_index  # plan order
            last_index = p.segment_index
        if state.phase != P.SUMMARY:
            assert state.item_index == p.segments[p.segment_index].item_index
        # The stop rule always wins, and nothing undoes it.
        if stopped_for_pain:
            assert state.phase == P.SUMMARY and state.outcome == "stopped_for_pain"
        if state.phase == P.SUMMARY:
            assert state.outcome in ("completed", "partial", "stopped_for_pain")
    # Whatever happened, the run is a valid record.
    if p.phase != P.CHECK_IN:
        run = p.run()
        assert all(s.done_s >= 0 for s in run.steps)
