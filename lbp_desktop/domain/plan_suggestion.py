"""Which plan to suggest next, from how the last sessions went.

The rules, first match wins:

1. After pain: the pain stop rule's promise. After a session stopped for
   pain, or one that left the pain 2 or more points higher (or at 7 or
   more), the gentle plan is suggested next time. Only the latest ended
   session is looked at: one good session after a bad one lifts it. With no
   gentle plan to offer, nothing is suggested rather than the plan that hurt.
2. Someone with no ended session in the time looked at is pointed at the
   gentle plan, as a first step (or a first step back).
3. Otherwise the plan the user completed most recently (a plan they know
   and finished is the easiest one to do again); when no completed run's
   plan still exists, the plan of the latest session that counts as done;
   failing that, the gentle plan as a fresh start.

With a weekly plan (sessions per week) and sessions still to do this week,
rule 3 says how many, kindly and only when the number can still be reached
with one session a day: "2 more sessions to reach this week's goal". On a
Saturday with four to go it says nothing about the goal: a number no one
can meet is not encouragement.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass
from datetime import date

from lbp_desktop.domain.overview import session_counts, sessions_in_week
from lbp_desktop.domain.records import SessionRun
from lbp_desktop.domain.safety import GENTLE_PLAN_ID, should_stop

FIRST_TIME = "first_time"
AFTER_PAIN = "after_pain"
RECENT = "recent"

_GENTLE_REASON = "A good plan to begin (or begin again) with: easy movements."
_PAIN_REASON = (
    "Your pain went up in your last session, so an easier plan this time. "
    "If it keeps getting worse, ask your GP or a physiotherapist."
)


@dataclass(frozen=True)
class PlanSuggestion:
    plan_id: str
    why: str  # FIRST_TIME, AFTER_PAIN or RECENT
    text: str  # one sentence for the Session page, where the plan list shows the names
    # Why, for the Today page's card, which shows the plan's name and length itself.
    reason: str = ""
    sessions_to_goal: int = 0  # sessions still to do this week; 0 when none or not said


def suggest_plan(
    runs: Iterable[SessionRun],
    known_plans: Container[str],
    *,
    today: date | None = None,
    weekly_goal: int = 0,
) -> PlanSuggestion | None:
    """The plan to do next (see the module docstring), None when there is none to offer.

    ``today`` and ``weekly_goal`` (sessions per week, 0 for no plan) let rule 3
    mention the sessions still to do this week.
    """
    gentle_known = GENTLE_PLAN_ID in known_plans
    ended = [run for run in runs if run.outcome != "in_progress"]
    if not ended:
        return _gentle_first() if gentle_known else None
    last = max(ended, key=lambda run: run.at)
    rose_after = (
        last.pre_pain is not None
        and last.post_pain is not None
        and should_stop(last.pre_pain, last.post_pain).stop
    )
    if last.outcome == "stopped_for_pain" or rose_after:
        if not gentle_known:
            return None
        return PlanSuggestion(
            GENTLE_PLAN_ID,
            AFTER_PAIN,
            "Suggested: Gentle start, because your pain went up in your last session. "
            "If it keeps getting worse, ask your GP or a physiotherapist.",
            _PAIN_REASON,
        )

    newest_first = sorted(ended, key=lambda run: run.at, reverse=True)
    known = [run for run in newest_first if run.plan_id in known_plans]
    completed = next((run for run in known if run.outcome == "completed"), None)
    done = completed or next((run for run in known if session_counts(run)), None)
    if done is None:
        return _gentle_first() if gentle_known else None
    verb = "completed" if completed else "did"
    what = f"The plan you {verb} most recently."
    to_go = _reachable_sessions_to_goal(ended, today, weekly_goal)
    goal_words = f" {to_go} more {_sessions(to_go)} to reach this week's goal." if to_go else ""
    return PlanSuggestion(
        done.plan_id,
        RECENT,
        f"Suggested: {what[0].lower()}{what[1:]}{goal_words}",
        what + goal_words,
        to_go,
    )


def _gentle_first() -> PlanSuggestion:
    return PlanSuggestion(
        GENTLE_PLAN_ID,
        FIRST_TIME,
        "Suggested: Gentle start, a good plan to begin (or begin again) with: "
        "easy movements, about 10 minutes.",
        _GENTLE_REASON,
    )


def _reachable_sessions_to_goal(
    runs: Iterable[SessionRun], today: date | None, weekly_goal: int
) -> int:
    """Sessions still to do this week, or 0 when the goal is met, unset, or out of reach."""
    if today is None or weekly_goal <= 0:
        return 0
    to_go = weekly_goal - sessions_in_week(runs, today)
    days_left = 7 - today.weekday()  # today included
    return to_go if 0 < to_go <= days_left else 0


def _sessions(count: int) -> str:
    return "session" if count == 1 else "sessions"
