from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from lbp_desktop.domain.clock import FakeClock
from lbp_desktop.domain.records import PainCheckIn
from lbp_desktop.storage import weekly_plan
from lbp_desktop.storage.store import Store

NOW = datetime(2026, 3, 11, 9, 0, tzinfo=UTC)


def test_the_plan_and_its_history(tmp_path: Path) -> None:
    with Store.open(tmp_path / "d", clock=FakeClock(NOW)) as store:
        assert weekly_plan.weekly_goal(store) == weekly_plan.DEFAULT_WEEKLY_GOAL
        store.add(PainCheckIn(at=datetime(2024, 5, 1, 9, 0, tzinfo=UTC), score=3))
        # No history kept yet: the current plan from the start of the first year.
        assert weekly_plan.goal_history(store) == [(date(2024, 1, 1), 5)]
        weekly_plan.set_weekly_goal(store, 3, date(2026, 3, 11))
        assert weekly_plan.weekly_goal(store) == 3
        assert weekly_plan.goal_history(store) == [(date(2024, 1, 1), 5), (date(2026, 3, 11), 3)]
        store.set_setting(weekly_plan.SETTING_WEEKLY_GOAL, "lots")
        assert weekly_plan.weekly_goal(store) == weekly_plan.DEFAULT_WEEKLY_GOAL


def test_no_weekly_plan_is_kept_across_a_restart(tmp_path: Path) -> None:
    with Store.open(tmp_path / "d", clock=FakeClock(NOW)) as store:
        weekly_plan.set_weekly_goal(store, 0, date(2026, 3, 11))
    with Store.open(tmp_path / "d", clock=FakeClock(NOW)) as store:
        assert weekly_plan.weekly_goal(store) == 0
        store.set_setting(weekly_plan.SETTING_WEEKLY_GOAL, -1)
        assert weekly_plan.weekly_goal(store) == weekly_plan.DEFAULT_WEEKLY_GOAL
