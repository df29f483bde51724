"""The user's weekly plan (sessions per week) as kept in the settings table.

One reader for the app, the command line and the PDF report, so they all
judge adherence against the same plan: the current goal under
``sessions_per_week`` and its changes over time under
``sessions_per_week_history`` (see ``domain.goal_history``).
"""

from __future__ import annotations

from datetime import date

from lbp_desktop.domain.goal_history import (
    MAX_GOAL,
    GoalHistory,
    effective_history,
    read_goal_history,
    with_goal_change,
    write_goal_history,
)
from lbp_desktop.storage.store import Store

SETTING_WEEKLY_GOAL = "sessions_per_week"
SETTING_GOAL_HISTORY = "sessions_per_week_history"
DEFAULT_WEEKLY_GOAL = 5


def weekly_goal(store: Store) -> int:
    """The plan in force now; the default when none (or nonsense) is stored."""
    goal = store.get_setting(SETTING_WEEKLY_GOAL, DEFAULT_WEEKLY_GOAL)
    if isinstance(goal, bool) or not isinstance(goal, int) or not 0 <= goal <= MAX_GOAL:
        return DEFAULT_WEEKLY_GOAL
    return goal


def goal_history(store: Store) -> GoalHistory:
    """The plan over time; a diary from before changes were kept has its current
    plan from the start of its first year (file names alone: no year is read)."""
    stored = read_goal_history(store.get_setting(SETTING_GOAL_HISTORY))
    years = store.years()
    first = date(years[0], 1, 1) if years else None
    return effective_history(stored, weekly_goal(store), first)


def set_weekly_goal(store: Store, goal: int, today: date) -> GoalHistory:
    """Store a new plan from ``today`` on; the past keeps the plan it had."""
    history = with_goal_change(goal_history(store), today, goal)
    store.set_setting(SETTING_WEEKLY_GOAL, goal)
    store.set_setting(SETTING_GOAL_HISTORY, write_goal_history(history))
    return history
