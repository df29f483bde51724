"""The bundled plans, played on a fake clock from the check-in to the summary."""

from __future__ import annotations

import pytest

from lbp_desktop.domain import player as P
from lbp_desktop.domain.clock import FakeClock
from lbp_desktop.domain.content import ContentLibrary, dosage_duration_s
from lbp_desktop.domain.player import Player
from lbp_desktop.domain.player_timeline import GET_READY_S
from lbp_desktop.paths import content_dir
from lbp_desktop.storage.content_files import load_content


@pytest.fixture(scope="module")
def library() -> ContentLibrary:
    return load_content(content_dir())


def play(player: Player, clock: FakeClock, step: float) -> list:
    states = []
    for _ in range(100_000):
        if player.phase == P.SUMMARY:
            break
        clock.advance(step)
        states.append(player.tick())
    return states


@pytest.mark.parametrize(
    "plan_id",
    ["gentle-start", "core-builder", "desk-reset", "heat-and-relax", "ice-interval",
     "guided-body-scan", "morning-mobility", "up-and-about"],
)  # fmt: skip
def test_every_bundled_plan_plays_to_the_end_on_time(library: ContentLibrary, plan_id: str) -> None:
    plan = library.plans[plan_id]
    clock = FakeClock()
    player = Player(plan, library, clock)
    # Work and rest as the content counts them, plus get-ready and the
    # minimum switch-side and set-break pauses.
    content_s = sum(dosage_duration_s(library.item_dosage(i)) for i in plan.items)
    assert player.planned_s >= content_s + GET_READY_S * len(plan.items)
    player.start(2)
    states = play(player, clock, 1.0)
    assert len(states) == player.planned_s  # ends on the tick of its planned end
    assert states[-1].outcome == "completed" and states[-1].progress == 1.0
    assert player.time_done_s == pytest.approx(player.planned_s)
    run = player.run()
    assert run.outcome == "completed" and run.pre_pain == 2
    assert {s.exercise_id for s in run.steps} == {i.exercise_id for i in plan.items}
    assert not any(s.skipped for s in run.steps)
    progress = [s.progress for s in states]
    assert progress == sorted(progress)


def test_gentle_start_records_each_side_of_each_set(library: ContentLibrary) -> None:
    clock = FakeClock()
    player = Player(library.plans["gentle-start"], library, clock)
    player.start(1)
    play(player, clock, 0.5)
    knee_rolls = [
        (s.side, s.reps, s.extra["set"]) for s in player.steps if s.exercise_id == "knee-rolls"
    ]
    assert knee_rolls == [("left", 3, 1), ("right", 3, 1), ("left", 3, 2), ("right", 3, 2)]


def test_heat_and_relax_asks_for_skin_checks_then_paces_the_breath(
    library: ContentLibrary,
) -> None:
    clock = FakeClock()
    player = Player(library.plans["heat-and-relax"], library, clock)
    player.start(4)
    states = play(player, clock, 1.0)
    skin = [i + 1 - 10 for i, s in enumerate(states) for e in s.events if e.kind == P.SKIN_CHECK]
    assert skin == [300, 600]
    breaths = [e.text for s in states for e in s.events if e.kind == P.BREATH]
    assert breaths[:4] == ["in", "out", "in", "out"]  # slow breathing: 5 in, 5 out
    assert len(breaths) == 300 // 5
    guidance = [e.text for s in states for e in s.events if e.kind == P.GUIDANCE]
    assert len(guidance) == 2 + 4  # every line of both, once


def test_body_scan_guidance_lines_each_come_once_in_order(library: ContentLibrary) -> None:
    scan = library.exercises["body-scan"]
    clock = FakeClock()
    player = Player(library.plans["guided-body-scan"], library, clock)
    player.start(3)
    states = play(player, clock, 1.0)
    lines = [e.text for s in states for e in s.events if e.kind == P.GUIDANCE]
    assert lines == [line.text for line in scan.guidance]
