"""Which plan to suggest next, from how the last sessions went.

The pain stop rule's promise: after a session stopped for pain, or one that
left the pain 2 or more points higher (or at 7 or more), the gentle plan is
suggested next time. Someone with no finished session in the time looked at
is pointed at the gentle plan too, as a first step.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass

from lbp_desktop.domain.records import SessionRun
from lbp_desktop.domain.safety import GENTLE_PLAN_ID, should_stop

FIRST_TIME = "first_time"
AFTER_PAIN = "after_pain"


@dataclass(frozen=True)
class PlanSuggestion:
    plan_id: str
    why: str  # FIRST_TIME or AFTER_PAIN
    text: str


def suggest_plan(runs: Iterable[SessionRun], known_plans: Container[str]) -> PlanSuggestion | None:
    """None when the last session gives no reason to steer the user."""
    if GENTLE_PLAN_ID not in known_plans:
        return None
    ended = [run for run in runs if run.outcome != "in_progress"]
    if not ended:
        return PlanSuggestion(
            GENTLE_PLAN_ID,
            FIRST_TIME,
            "Suggested: Gentle start, a good plan to begin (or begin again) with: "
            "easy movements, about 10 minutes.",
        )
    last = max(ended, key=lambda run: run.at)
    rose_after = (
        last.pre_pain is not None
        and last.post_pain is not None
        and should_stop(last.pre_pain, last.post_pain).stop
    )
    if last.outcome == "stopped_for_pain" or rose_after:
        return PlanSuggestion(
            GENTLE_PLAN_ID,
            AFTER_PAIN,
            "Suggested: Gentle start, because your pain went up in your last session. "
            "If it keeps getting worse, ask your GP or a physiotherapist.",
        )
    return None
