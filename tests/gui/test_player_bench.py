"""The player benchmark runs and reports every number; it asserts no timings.

Benchmarks are not timed tests: how late the session ended or how much CPU
it used is for ``make bench`` to print, not for a test to judge.
"""

from __future__ import annotations

import dataclasses
import math

import pytest

from benchmarks import player_bench, run
from lbp_desktop.domain.content import ContentLibrary, plan_duration_s

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

NUMBERS = (
    "planned_s",
    "end_error_ms",
    "start_call_ms",
    "play_wall_s",
    "play_cpu_s",
    "play_cpu_percent",
    "play_timer_events_per_s",
    "play_paints_per_s",
    "pause_wall_s",
    "pause_cpu_percent",
)
COUNTS = ("ticks", "tick_interval_ms", "paused_timer_events", "paused_paints")
FLAGS = (
    "reached_summary",
    "paused",
    "figure_animating_before_pause",
    "figure_frozen_while_paused",
    "ticker_running_after_resume",
    "figure_animating_after_resume",
    "pause_session_stopped",
)


def check_result(result: dict, seconds: float) -> None:
    for name in NUMBERS:
        assert isinstance(result[name], float) and math.isfinite(result[name]), name
    for name in COUNTS:
        assert isinstance(result[name], int) and result[name] >= 0, name
    for name in FLAGS:
        assert isinstance(result[name], bool), name
    for name in ("play_timer_events_by_source", "paused_timer_events_by_source"):
        counts = result[name]
        assert all(isinstance(k, str) and isinstance(v, int) for k, v in counts.items()), name
    for name in ("play_wakeups_per_s", "paused_wakeups_per_s"):
        assert result[name] is None or result[name] >= 0, name
    assert len(result["load_before"]) == len(result["load_after"]) == 3
    # A finished session of the planned length, played by the real ticker.
    assert result["seconds"] == seconds
    assert result["planned_s"] == pytest.approx(seconds)
    assert result["reached_summary"] and result["outcome"] == "completed"
    assert result["ticks"] > 0 and "QTimer in Ticker" in result["play_timer_events_by_source"]
    # The pause happened during a rep, with the figure moving, and ended.
    assert result["phase_at_pause"] == "work"
    assert result["paused"] and result["figure_animating_before_pause"]
    assert result["pause_session_stopped"]


@pytest.mark.parametrize("seconds", [2.0, 60.0, 95.0])
def test_the_plan_lasts_exactly_the_seconds_asked(library: ContentLibrary, seconds) -> None:
    plan, get_ready = player_bench.bench_plan(library, seconds)
    lib = dataclasses.replace(library, plans={**library.plans, plan.id: plan})
    assert get_ready > 0
    assert plan_duration_s(plan, lib) + get_ready == pytest.approx(seconds)
    assert [item.exercise_id for item in plan.items] == [player_bench.EXERCISE]


def test_a_short_run_in_process_reports_every_field(qapp) -> None:
    result = player_bench.measure(seconds=2.0, pause_s=0.5)
    check_result(result, 2.0)
    notes: list[str] = []
    rows = run.player_rows_from(result, notes)
    goals = {row.goal for row in rows}
    assert {"<= 10", "< 5", "= 0", "yes"} <= goals
    assert all(row.result in ("pass", "**FAIL**") for row in rows if row.goal)
    assert any(note.startswith("Load average") for note in notes)
    assert "| session end error" in run.table(rows)


@pytest.mark.slow
def test_make_bench_runs_it_in_a_fresh_process() -> None:
    result = run.run_player_bench(2.0, 0.5)
    check_result(result, 2.0)
