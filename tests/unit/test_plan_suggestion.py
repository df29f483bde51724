from __future__ import annotations

from datetime import UTC, datetime, timedelta

from lbp_desktop.domain.plan_suggestion import AFTER_PAIN, FIRST_TIME, suggest_plan
from lbp_desktop.domain.records import SessionRun

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
PLANS = {"gentle-start", "core-builder"}


def run(hours: int, outcome: str, pre: int | None = 2, post: int | None = 2) -> SessionRun:
    return SessionRun(
        at=T0 + timedelta(hours=hours), plan_id="core-builder", outcome=outcome,
        pre_pain=pre, post_pain=post,
    )  # fmt: skip


def test_first_time_points_at_the_gentle_plan() -> None:
    assert suggest_plan([], PLANS).why == FIRST_TIME  # type: ignore[union-attr]
    # A session that never ended does not count as having done one.
    assert suggest_plan([run(0, "in_progress")], PLANS).why == FIRST_TIME  # type: ignore[union-attr]


def test_after_a_stop_for_pain_the_gentle_plan_next() -> None:
    found = suggest_plan([run(0, "completed"), run(1, "stopped_for_pain", post=None)], PLANS)
    assert found is not None and found.plan_id == "gentle-start" and found.why == AFTER_PAIN


def test_a_rise_of_two_after_the_session_counts_too() -> None:
    assert suggest_plan([run(0, "completed", pre=3, post=5)], PLANS).why == AFTER_PAIN  # type: ignore[union-attr]
    assert suggest_plan([run(0, "completed", pre=3, post=4)], PLANS) is None
    assert suggest_plan([run(0, "partial", pre=1, post=7)], PLANS).why == AFTER_PAIN  # type: ignore[union-attr]


def test_only_the_latest_ended_session_counts() -> None:
    runs = [run(0, "stopped_for_pain"), run(5, "completed"), run(9, "in_progress")]
    assert suggest_plan(runs, PLANS) is None


def test_no_gentle_plan_no_suggestion() -> None:
    assert suggest_plan([], {"core-builder"}) is None
