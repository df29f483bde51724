"""Small hand-made exercises and plans, so timelines can be computed by hand."""

from __future__ import annotations

from datetime import UTC, datetime

from lbp_desktop.domain.clock import FakeClock
from lbp_desktop.domain.content import (
    Bells,
    Breath,
    ContentLibrary,
    Dosage,
    Exercise,
    GuidanceLine,
    Plan,
    PlanItem,
)
from lbp_desktop.domain.player import Player, PlayerState

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def exercise(
    ident: str,
    dosage: Dosage,
    category: str = "stretch",
    *,
    skin_checks_s: tuple[float, ...] = (),
    guidance: tuple[GuidanceLine, ...] = (),
    breath: Breath | None = None,
    bells: Bells | None = None,
) -> Exercise:
    return Exercise(
        id=ident,
        name=ident.replace("-", " ").capitalize(),
        category=category,
        position="any",
        steps=(f"Get ready for {ident}.",),
        cues=("First cue.", "Second cue."),
        mistakes=("A mistake.",),
        cautions=("Stop if it makes symptoms worse or brings new pain.",),
        dosage=dosage,
        sources=("test",),
        skin_checks_s=skin_checks_s,
        guidance=guidance,
        breath=breath,
        bells=bells,
    )


HOLD = exercise("hold-stretch", Dosage(hold_s=20, reps=2, rest_s=5))
REPS = exercise("side-reps", Dosage(hold_s=2, tempo_s=2, reps=2, sets=2, per_side=True, rest_s=3))
HEAT = exercise(
    "heat-pack",
    Dosage(interval_s=900),
    "heat",
    skin_checks_s=(300, 600, 900),
    guidance=(GuidanceLine(0, "Settle in."), GuidanceLine(60, "Breathe easily.")),
)
ICE = exercise("ice-pack", Dosage(interval_s=900), "ice", skin_checks_s=(300, 600))
BOX = exercise(
    "box",
    Dosage(interval_s=32),
    "breathing",
    breath=Breath(in_s=4, out_s=4, hold_in_s=4, hold_out_s=4),
    guidance=(GuidanceLine(0, "Sit tall."), GuidanceLine(16, "Keep going.")),
    bells=Bells(),
)
SCAN = exercise(
    "scan",
    Dosage(interval_s=120),
    "meditation",
    guidance=(
        GuidanceLine(0, "Close your eyes."),
        GuidanceLine(30, "Notice your feet."),
        GuidanceLine(90, "Notice your back."),
    ),
    bells=Bells(interval_s=60),
)
ALL = (HOLD, REPS, HEAT, ICE, BOX, SCAN)


def library(*plans: Plan) -> ContentLibrary:
    return ContentLibrary(
        exercises={e.id: e for e in ALL}, plans={p.id: p for p in plans}, problems=[]
    )


def make_plan(*items: str | PlanItem, ident: str = "test-plan") -> Plan:
    made = tuple(PlanItem(i) if isinstance(i, str) else i for i in items)
    return Plan(ident, "Test plan", "A plan for tests.", made)


def player(*items: str | PlanItem, pre: int | None = 2, get_ready_s: float = 10.0):
    """A player over a hand-made plan on a fake clock, started when ``pre`` is given."""
    plan = make_plan(*items)
    clock = FakeClock(START, monotonic=1000.0)
    p = Player(plan, library(plan), clock, get_ready_s=get_ready_s)
    if pre is not None:
        p.start(pre)
    return p, clock


def run_for(p: Player, clock: FakeClock, seconds: float, step: float = 1.0) -> list[PlayerState]:
    """Tick every ``step`` seconds for ``seconds``; the states after each tick."""
    states = []
    t = 0.0
    while t < seconds - 1e-9:
        clock.advance(step)
        t += step
        states.append(p.tick())
    return states


def kinds(states: list[PlayerState]) -> list[str]:
    return [e.kind for s in states for e in s.events]
