"""Plans as the Session page shows them: names and dosages already in words.

Pure Python (no Qt) so the words are tested without a window. The page
itself only knows PlanView; this module is the one place that reads the
content model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lbp_desktop.domain.content import ContentLibrary, Dosage, Plan, plan_duration_s


@dataclass(frozen=True)
class PlanView:
    """What the page shows of one plan, already in words."""

    id: str
    name: str
    summary: str
    minutes: float  # computed from the plan, never typed
    origin: str  # "bundled" or "user"
    items: Sequence[tuple[str, str]]  # (exercise name, dosage in words), in order
    sources: Sequence[str] = ()


def _count(count: int, one: str) -> str:
    return f"{count} {one if count == 1 else one + 's'}"


def seconds_words(seconds: float) -> str:
    """'5 s', '2 min', '1 min 30 s'."""
    total = round(seconds)
    if total < 60:
        return f"{total} s"
    minutes, rest = divmod(total, 60)
    return f"{minutes} min" if rest == 0 else f"{minutes} min {rest} s"


def minutes_words(minutes: float) -> str:
    """'about 12 minutes', 'under a minute'."""
    if minutes < 1:
        return "under a minute"
    return f"about {_count(round(minutes), 'minute')}"


def describe_dosage(
    *,
    reps: int | None = None,
    hold_s: float | None = None,
    sets: int | None = None,
    per_side: bool = False,
    rest_s: float | None = None,
    duration_s: float | None = None,
) -> str:
    """A dosage as a patient would say it: '2 sets of 5 reps, hold 5 s, each side'."""
    parts: list[str] = []
    if reps:
        parts.append(_count(reps, "rep"))
    if hold_s:
        parts.append(f"hold {seconds_words(hold_s)}")
    if duration_s and not reps:
        parts.append(f"for {seconds_words(duration_s)}")
    text = ", ".join(parts)
    if sets and sets > 1:
        text = f"{sets} sets of {text}" if text else f"{sets} sets"
    if per_side:
        text = f"{text}, each side" if text else "each side"
    if rest_s and text:
        between = "between sets" if sets and sets > 1 else "in between"
        text = f"{text}, rest {seconds_words(rest_s)} {between}"
    return text


def dosage_words(dosage: Dosage) -> str:
    return describe_dosage(
        reps=None if dosage.is_timed else dosage.reps,
        hold_s=dosage.hold_s,
        sets=dosage.sets,
        per_side=dosage.per_side,
        rest_s=dosage.rest_s,
        duration_s=dosage.interval_s,
    )


def plan_view(plan: Plan, library: ContentLibrary) -> PlanView:
    items: list[tuple[str, str]] = []
    sources: list[str] = list(plan.sources)
    for item in plan.items:
        exercise = library.exercises.get(item.exercise_id)
        if exercise is None:  # the loader drops such plans; never crash the page over one
            items.append((item.exercise_id, ""))
            continue
        items.append((exercise.name, dosage_words(item.dosage_for(exercise))))
        sources.extend(s for s in exercise.sources if s not in sources)
    try:
        minutes = plan_duration_s(plan, library) / 60
    except KeyError:
        minutes = 0.0
    return PlanView(
        id=plan.id,
        name=plan.name,
        summary=plan.summary,
        minutes=minutes,
        origin=plan.origin,
        items=tuple(items),
        sources=tuple(sources),
    )


def plan_views(library: ContentLibrary) -> list[PlanView]:
    """Every plan, the user's own (say, from their physio) first, then by name."""
    plans = sorted(library.plans.values(), key=lambda p: (p.origin != "user", p.name.lower()))
    return [plan_view(plan, library) for plan in plans]
