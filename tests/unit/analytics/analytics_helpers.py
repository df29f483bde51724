"""Builders for hand-made histories, and a plain reference Spearman.

The reference ranks by counting, one value at a time, so it shares nothing
with the vectorised code it checks.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone, tzinfo

from lbp_desktop.domain.records import PainCheckIn, PegAnswer, SessionRun, StepRecord

CET = timezone(timedelta(hours=1))
CEST = timezone(timedelta(hours=2))

# A Monday, so week arithmetic in the tests reads plainly.
MONDAY = date(2026, 1, 5)


def at(day: date, hour: int = 9, minute: int = 0, tz: tzinfo = CET) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)


def pain(
    day: date, score: int, hour: int = 9, *, context: str = "anytime", tz: tzinfo = CET
) -> PainCheckIn:
    return PainCheckIn(at=at(day, hour, tz=tz), score=score, context=context)


def step(*, skipped: bool = False, day: date = MONDAY) -> StepRecord:
    start = at(day, 10)
    return StepRecord(
        exercise_id="bridge",
        started_at=start,
        ended_at=start + timedelta(seconds=30),
        planned_s=30.0,
        done_s=0.0 if skipped else 30.0,
        skipped=skipped,
    )


def run(
    day: date,
    outcome: str = "completed",
    *,
    hour: int = 10,
    pre: int | None = None,
    post: int | None = None,
    steps: Sequence[StepRecord] = (),
    tz: tzinfo = CET,
) -> SessionRun:
    return SessionRun(
        at=at(day, hour, tz=tz),
        plan_id="gentle-start",
        outcome=outcome,
        pre_pain=pre,
        post_pain=post,
        steps=tuple(steps),
    )


def peg(day: date, pain_: int, enjoyment: int, activity: int, hour: int = 19) -> PegAnswer:
    return PegAnswer(at=at(day, hour), pain=pain_, enjoyment=enjoyment, activity=activity)


def week(
    monday: date, *, sessions: int, score: int, pain_days: int = 7
) -> tuple[list[PainCheckIn], list[SessionRun]]:
    """One week: ``score`` noted on its first ``pain_days`` days, ``sessions`` runs."""
    checkins = [pain(monday + timedelta(days=i), score) for i in range(pain_days)]
    runs = [run(monday + timedelta(days=i % 7), hour=8 + i // 7) for i in range(sessions)]
    return checkins, runs


def reference_ranks(values: Sequence[float]) -> list[float]:
    out = []
    for v in values:
        below = sum(1 for w in values if w < v)
        equal = sum(1 for w in values if w == v)
        out.append(below + (equal + 1) / 2)
    return out


def reference_spearman(x: Sequence[float], y: Sequence[float]) -> float:
    rx, ry = reference_ranks(x), reference_ranks(y)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = sum((a - mx) ** 2 for a in rx)
    vy = sum((b - my) ** 2 for b in ry)
    if vx == 0 or vy == 0:
        return math.nan
    return cov / math.sqrt(vx * vy)
