from __future__ import annotations

from datetime import date

import pytest

from lbp_desktop.domain.goal_history import (
    effective_history,
    goal_on,
    read_goal_history,
    with_goal_change,
    write_goal_history,
)

D1, D2, D3 = date(2026, 1, 5), date(2026, 2, 2), date(2026, 3, 2)


def test_changes_keep_the_past() -> None:
    history = with_goal_change([], D1, 3)
    history = with_goal_change(history, D2, 5)
    assert history == [(D1, 3), (D2, 5)]
    assert goal_on(history, date(2026, 1, 31), 0) == 3
    assert goal_on(history, D2, 0) == 5
    assert goal_on(history, date(2025, 12, 1), 4) == 4  # before any plan: the default


def test_a_second_change_on_the_same_day_replaces_it_and_no_op_changes_add_nothing() -> None:
    history = with_goal_change([(D1, 3)], D2, 5)
    assert with_goal_change(history, D2, 4) == [(D1, 3), (D2, 4)]
    assert with_goal_change(history, D3, 5) == history
    # Setting the plan back on the day it changed undoes the change.
    assert with_goal_change(history, D2, 3) == [(D1, 3)]


def test_zero_means_no_plan_and_out_of_range_is_refused() -> None:
    assert with_goal_change([(D1, 3)], D2, 0) == [(D1, 3), (D2, 0)]
    with pytest.raises(ValueError):
        with_goal_change([], D1, 22)


def test_stored_form_round_trips_and_garbage_is_dropped() -> None:
    history = [(D1, 3), (D2, 0)]
    assert read_goal_history(write_goal_history(history)) == history
    stored = [
        {"from": "2026-02-02", "goal": 5},
        {"from": "2026-01-05", "goal": 3},
        {"from": "not a date", "goal": 2},
        {"from": "2026-03-02", "goal": True},
        {"from": "2026-03-02", "goal": 99},
        "nonsense",
    ]
    assert read_goal_history(stored) == [(D1, 3), (D2, 5)]
    assert read_goal_history({"from": "2026-01-05"}) == []


def test_a_diary_from_before_the_history_uses_the_current_plan_throughout() -> None:
    assert effective_history([], 4, D1) == [(D1, 4)]
    assert effective_history([(D2, 5)], 4, D1) == [(D2, 5)]
