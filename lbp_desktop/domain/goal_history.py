"""The weekly plan (sessions per week) over time, as stored in the settings.

Adherence is judged against the plan that was in force at the time, so a
change of plan must not rewrite the past: each change is kept with the day
it took effect. Stored as a list of ``{"from": "YYYY-MM-DD", "goal": n}``;
``goal`` 0 means "no weekly plan" from that day.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

MAX_GOAL = 21

GoalHistory = list[tuple[date, int]]


def read_goal_history(stored: object) -> GoalHistory:
    """The stored history, oldest first; ill-formed entries are left out, never fatal."""
    if not isinstance(stored, list):
        return []
    by_day: dict[date, int] = {}
    for entry in stored:
        if not isinstance(entry, dict):
            continue
        goal, when = entry.get("goal"), entry.get("from")
        if isinstance(goal, bool) or not isinstance(goal, int) or not 0 <= goal <= MAX_GOAL:
            continue
        try:
            day = date.fromisoformat(when) if isinstance(when, str) else None
        except ValueError:
            day = None
        if day is not None:
            by_day[day] = goal  # the later entry for a day wins, as it was written later
    return sorted(by_day.items())


def write_goal_history(history: Sequence[tuple[date, int]]) -> list[dict[str, object]]:
    return [{"from": day.isoformat(), "goal": goal} for day, goal in history]


def with_goal_change(history: Sequence[tuple[date, int]], day: date, goal: int) -> GoalHistory:
    """The history after setting ``goal`` from ``day`` on: a change on the same day
    replaces that day's entry; a change to what is already in force adds nothing."""
    if not 0 <= goal <= MAX_GOAL:
        raise ValueError(f"a weekly plan is 0 to {MAX_GOAL} sessions, got {goal}")
    kept = [(d, g) for d, g in history if d < day]
    if kept and kept[-1][1] == goal:
        return kept
    return [*kept, (day, goal)]


def goal_on(history: Sequence[tuple[date, int]], day: date, default: int) -> int:
    """The plan in force on ``day``; ``default`` before the first entry."""
    found = default
    for when, goal in history:
        if when > day:
            break
        found = goal
    return found


def effective_history(
    history: Sequence[tuple[date, int]], current_goal: int, first_day: date | None
) -> GoalHistory:
    """What analytics should use: the stored history, or for a diary from before
    the history was kept, the current plan from the first day of the diary."""
    if history:
        return list(history)
    return [(first_day or date.min, current_goal)]
