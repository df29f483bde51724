"""Reminder settings: validation, and loading that never raises."""

from __future__ import annotations

from datetime import time
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lbp_desktop.domain.reminder_settings import ReminderSettings

DEFAULTS = ReminderSettings()


def test_defaults_follow_the_brief() -> None:
    s = DEFAULTS
    assert (s.interval_min, s.idle_break_min, s.idle_policy) == (30, 5, "reset")
    assert (s.quiet_start, s.quiet_end, s.snooze_min) == (time(22), time(7), (5, 10))


def test_round_trip() -> None:
    s = ReminderSettings(
        interval_min=45,
        idle_break_min=3,
        quiet_start=time(23, 30),
        quiet_end=time(6, 15),
        working_days=frozenset({0, 2, 4}),
        daily_max=None,
        snooze_min=(2, 15),
        idle_policy="pause",
        max_skips_per_day=3,
    )
    assert ReminderSettings.from_json(s.to_json()) == s
    no_quiet = ReminderSettings(quiet_start=None, quiet_end=None)
    assert ReminderSettings.from_json(no_quiet.to_json()) == no_quiet


@pytest.mark.parametrize(
    "changes",
    [
        {"interval_min": 0},
        {"interval_min": True},
        {"idle_break_min": 61},
        {"quiet_start": None},
        {"quiet_start": time(7), "quiet_end": time(7)},
        {"working_days": frozenset({7})},
        {"working_days": {1, 2}},
        {"daily_max": 0},
        {"snooze_min": ()},
        {"snooze_min": (10, 5)},
        {"idle_policy": "ignore"},
        {"max_skips_per_day": -1},
    ],
)
def test_bad_values_are_refused(changes: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        ReminderSettings(**changes)


def test_bad_parts_fall_back_to_defaults_one_by_one() -> None:
    loaded = ReminderSettings.from_json(
        {
            "interval_min": "thirty",
            "idle_break_min": 10,
            "quiet_start": "25:00",
            "quiet_end": "06:00",
            "working_days": [0, 1, 9],
            "daily_max": 0,
            "snooze_min": [10, 5, 5],
            "idle_policy": "pause",
            "max_skips_per_day": 2.5,
            "from_a_newer_version": True,
        }
    )
    assert loaded == ReminderSettings(idle_break_min=10, snooze_min=(5, 10), idle_policy="pause")
    same = {"quiet_start": "08:00", "quiet_end": "08:00"}
    assert ReminderSettings.from_json(same) == DEFAULTS
    assert ReminderSettings.from_json({"quiet_start": None, "quiet_end": None}).quiet_end is None


@pytest.mark.parametrize("data", [None, [], "x", 3, {"working_days": "weekdays"}])
def test_garbage_gives_defaults(data: object) -> None:
    assert ReminderSettings.from_json(data) == DEFAULTS


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


# Generating nested JSON can be slow on a busy machine's first draw; the
# property, not the speed of generating it, is what this test is about.
@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(list(DEFAULTS.to_json())), json_values))
def test_from_json_never_raises(data: dict[str, object]) -> None:
    loaded = ReminderSettings.from_json(data)
    assert ReminderSettings.from_json(loaded.to_json()) == loaded
