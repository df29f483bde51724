"""Realistic sample data for the GUI tests and screenshots (no Qt here)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from lbp_desktop.domain.records import PainCheckIn, PostureBreak, SessionRun
from lbp_desktop.views.plan_view import PlanView

TZ = timezone(timedelta(hours=1))
TODAY = date(2026, 3, 11)  # a Wednesday

History = tuple[list[PainCheckIn], list[SessionRun], list[PostureBreak]]


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=TZ)


def make_history() -> History:
    """Four weeks of a believable diary: pain easing slowly, sessions most days."""
    checkins = [
        PainCheckIn(at=at(TODAY, 8, 5), score=6, area="lower_back", note="stiff after sleeping"),
        PainCheckIn(at=at(TODAY, 13, 40), score=4, area="leg_left"),
    ]
    runs = [SessionRun(at=at(TODAY, 7), plan_id="gentle-start", outcome="completed")]
    pattern = [6, 7, 5, None, 6, 5, 6, None, 5, 5, 4, 6, None, 5, 4, 5, 4, None, 4, 5, 3, 4]
    for back, score in enumerate([*pattern, 6, 7, 6, 7, 6], start=1):
        day = TODAY - timedelta(days=back)
        if score is not None:
            checkins.append(PainCheckIn(at=at(day, 9), score=score))
        if back % 3 != 0:
            runs.append(SessionRun(at=at(day, 18), plan_id="gentle-start", outcome="completed"))
    breaks = [PostureBreak(at=at(TODAY, hour), outcome="taken") for hour in (10, 11, 15)]
    return checkins, runs, breaks


def make_plans() -> list[PlanView]:
    return [
        PlanView(
            id="physio-lee",
            name="Plan from your physio",
            summary="Three core exercises agreed at your last appointment.",
            minutes=14.5,
            origin="user",
            items=[
                ("Bird dog", "2 sets of 8 reps, hold 3 s, each side"),
                ("Dead bug", "2 sets of 10 reps, rest 30 s between sets"),
                ("Side plank on knees", "3 reps, hold 15 s, each side"),
            ],
        ),
        PlanView(
            id="gentle-start",
            name="Gentle start",
            summary="Easy movements for a stiff morning, lying on your back.",
            minutes=11.7,
            origin="bundled",
            items=[
                ("Knee to chest", "5 reps, hold 5 s, each side"),
                ("Pelvic tilt", "10 reps"),
                ("Lower trunk rotation", "8 reps, each side"),
                ("Diaphragmatic breathing", "for 3 min"),
            ],
            sources=["NICE guideline NG59: Low back pain and sciatica in over 16s (2016)"],
        ),
    ]
