"""Interrupted sessions: which to offer for resuming, and where to carry on.

A session run is written with outcome ``in_progress`` when it starts and
updated as each step finishes. If the app dies (or the computer does) before
the summary, the run stays ``in_progress``. At the next start the app offers
to carry on from the first step that was not finished, if the session was
recent enough for that to make sense; older ones are closed as ``partial``
so that charts and counts never see a session that is forever running.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from lbp_desktop.domain.player_timeline import GET_READY, SET_BREAK, SWITCH_SIDE, Segment
from lbp_desktop.domain.records import SessionRun, StepRecord

# Carrying on makes sense the same day; a run older than this is closed.
RESUME_WINDOW = timedelta(hours=12)
INTERRUPTED_REASON = "The session was interrupted before it ended."
# Pauses that lead into a bout: resuming starts there, so there is time to get ready.
_LEAD_INS = (GET_READY, SWITCH_SIDE, SET_BREAK)


@dataclass(frozen=True)
class ResumeOffer:
    run: SessionRun
    last_activity: datetime


def last_activity(run: SessionRun) -> datetime:
    """When anything last happened in the run: its start or its latest step."""
    ends = [step.ended_at for step in run.steps]
    return max([run.at, *ends])


def interrupted(runs: Iterable[SessionRun]) -> list[SessionRun]:
    """Runs still marked in progress, newest first."""
    found = [run for run in runs if run.outcome == "in_progress"]
    return sorted(found, key=last_activity, reverse=True)


def pick_offer(
    runs: Iterable[SessionRun], now: datetime, known_plans: Iterable[str]
) -> tuple[ResumeOffer | None, list[SessionRun]]:
    """The one run worth offering (the newest recent one of a known plan), and the
    runs to close as interrupted (all the others)."""
    plans = set(known_plans)
    offer: ResumeOffer | None = None
    to_close: list[SessionRun] = []
    for run in interrupted(runs):
        seen = last_activity(run)
        fresh = timedelta(0) <= now - seen <= RESUME_WINDOW
        if offer is None and fresh and run.plan_id in plans:
            offer = ResumeOffer(run, seen)
        else:
            to_close.append(run)
    return offer, to_close


def closed_as_interrupted(run: SessionRun) -> SessionRun:
    """The run as it ended: partial, at its last activity, with the reason."""
    return run.replace(  # type: ignore[return-value]
        outcome="partial",
        ended_at=last_activity(run),
        stop_reason=run.stop_reason or INTERRUPTED_REASON,
    )


def _bout_key(step: StepRecord) -> tuple[object, object, object]:
    extra = step.extra if isinstance(step.extra, dict) else {}
    return (extra.get("item"), extra.get("set"), step.side)


def bout_keys(segments: Sequence[Segment]) -> dict[tuple[object, object, object], int]:
    """(plan item, set, side) of each bout, as step records name them."""
    keys: dict[tuple[object, object, object], int] = {}
    for seg in segments:
        if seg.bout is not None:
            keys.setdefault((seg.item_index, seg.set_no, seg.side), seg.bout)
    return keys


def finished_bouts(segments: Sequence[Segment], steps: Sequence[StepRecord]) -> set[int]:
    """Bouts the stored steps show as done (not skipped)."""
    keys = bout_keys(segments)
    return {keys[_bout_key(step)] for step in steps if not step.skipped and _bout_key(step) in keys}


def resume_index(segments: Sequence[Segment], steps: Sequence[StepRecord]) -> int | None:
    """The segment to carry on from: the lead-in of the bout after the furthest one
    written (a user who went back to repeat a part had already got that far).
    None when the stored steps already reach the end of the plan."""
    keys = bout_keys(segments)
    reached = [keys[_bout_key(step)] for step in steps if _bout_key(step) in keys]
    if not reached:
        return 0  # nothing written yet, or the plan changed since: from the top
    last = max(reached)
    first_of_next = next((s.index for s in segments if s.bout == last + 1), None)
    if first_of_next is None:
        return None
    index = first_of_next
    while index > 0 and segments[index - 1].phase in _LEAD_INS:
        index -= 1
    return index
