"""What the clinician report says, on hand-made diaries with known answers."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from lbp_desktop.domain.insight_words import CAVEAT
from lbp_desktop.domain.insights import Direction
from lbp_desktop.domain.records import PainCheckIn, PegAnswer, SessionRun, StepRecord
from lbp_desktop.domain.report_content import (
    ABOUT,
    ARROW,
    ASSOCIATION,
    MAX_LISTED_STOPS,
    NO_REASON,
    TITLE,
    WEEKS_IN_TABLE,
    ReportContent,
    report_content,
)
from lbp_desktop.domain.safety import should_stop

CET = timezone(timedelta(hours=1))
MONDAY = date(2026, 1, 5)
PLANS = {"gentle-start": "Gentle start", "core-builder": "Core builder"}
EXERCISES = {"bridge": "Bridge", "bird-dog": "Bird dog"}


def at(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=CET)


def pain(day: date, score: int, hour: int = 9) -> PainCheckIn:
    return PainCheckIn(at=at(day, hour), score=score)


def step(day: date, exercise: str = "bridge") -> StepRecord:
    start = at(day, 10)
    return StepRecord(
        exercise_id=exercise,
        started_at=start,
        ended_at=start + timedelta(seconds=30),
        planned_s=30.0,
        done_s=30.0,
    )


def run(
    day: date,
    *,
    outcome: str = "completed",
    plan: str = "gentle-start",
    pre: int | None = None,
    post: int | None = None,
    reason: str = "",
    exercise: str = "bridge",
    hour: int = 10,
) -> SessionRun:
    return SessionRun(
        at=at(day, hour),
        plan_id=plan,
        outcome=outcome,
        pre_pain=pre,
        post_pain=post,
        stop_reason=reason,
        steps=(step(day, exercise),),
    )


def peg(day: date, score: int) -> PegAnswer:
    return PegAnswer(at=at(day, 19), pain=score, enjoyment=score, activity=score)


def make(
    checkins: list[PainCheckIn],
    runs: list[SessionRun],
    pegs: list[PegAnswer] = (),  # type: ignore[assignment]
    *,
    goals: list[tuple[date, int]] | None = None,
    start: date = MONDAY,
    end: date | None = None,
    today: date | None = None,
) -> ReportContent:
    last = end or MONDAY + timedelta(days=6 * 7 - 1)
    return report_content(
        checkins,
        runs,
        pegs,
        goal_history=[(MONDAY - timedelta(days=30), 3)] if goals is None else goals,
        plan_names=PLANS,
        exercise_names=EXERCISES,
        start=start,
        end=last,
        today=today or last,
    )


def six_weeks() -> tuple[list[PainCheckIn], list[SessionRun], list[PegAnswer]]:
    """Six whole weeks from MONDAY: pain 6, 6, 5, 4, 3, 3 every day; 3 sessions in the
    first four weeks and 1 in the last two (plan: 3 a week); PEG 6, 6, 5, 4, 3, 3."""
    scores = (6, 6, 5, 4, 3, 3)
    checkins, runs, pegs = [], [], []
    for week, score in enumerate(scores):
        monday = MONDAY + timedelta(days=7 * week)
        checkins += [pain(monday + timedelta(days=d), score) for d in range(7)]
        sessions = 3 if week < 4 else 1
        runs += [run(monday + timedelta(days=2 * i), pre=4, post=3) for i in range(sessions)]
        pegs.append(peg(monday + timedelta(days=6), score))
    return checkins, runs, pegs


def test_six_weeks_give_the_known_figures() -> None:
    content = make(*six_weeks())
    assert content.title == TITLE
    assert (content.start, content.end) == (MONDAY, MONDAY + timedelta(days=41))
    assert content.period == "2026-01-05 to 2026-02-15"
    assert content.has_entries

    adherence = content.adherence
    assert adherence.sessions_done == 14
    assert (adherence.weeks_met, adherence.planned_weeks) == (4, 6)
    assert adherence.share_met == pytest.approx(4 / 6)
    assert adherence.per_week == pytest.approx(14 / 6)
    assert "The plan was met in 4 of 6 whole weeks with a plan (67%)." in adherence.text

    trend = content.pain
    assert trend.enough and trend.meaningful
    assert (trend.first, trend.last) == (pytest.approx(6.0), pytest.approx(3.0))
    assert trend.change == pytest.approx(-3.0)
    assert trend.relative == pytest.approx(-0.5)
    assert trend.direction == Direction.LESS_PAIN
    assert (trend.first_from, trend.last_from) == (MONDAY, MONDAY + timedelta(days=28))
    assert "3.0 points lower (50% less)" in trend.text

    peg_trend = content.peg
    assert peg_trend.enough and peg_trend.meaningful
    # First 14 days: the answers of weeks 1 and 2 (6, 6); last 14: weeks 5 and 6 (3, 3).
    assert (peg_trend.first, peg_trend.last) == (pytest.approx(6.0), pytest.approx(3.0))
    assert "PEG's own threshold may differ" in peg_trend.text

    change = content.session_change
    assert (change.count, change.less, change.same, change.more) == (14, 14, 0, 0)
    assert change.median == pytest.approx(-1.0)

    figures = {f.label: f.value for f in content.figures}
    assert figures["Weekly plan"] == "3 sessions a week"
    assert figures["Sessions done"] == "14"
    assert figures["Weeks meeting the plan"] == "4 of 6 (67%)"
    pain_figure = figures[f"Pain, first {ARROW} last 2 weeks"]
    assert pain_figure == f"6.0 {ARROW} 3.0 (\u22123.0; clear change)"
    assert figures["Sessions stopped for pain"] == "0"
    assert content.stopped == () and "No session was stopped" in content.stopped_text


def test_the_weeks_table_holds_the_last_weeks_and_marks_an_unfinished_one() -> None:
    checkins, runs, pegs = six_weeks()
    # Twenty weeks of plan; the report is made on a Wednesday, three days into a week.
    today = MONDAY + timedelta(days=7 * 14 + 2)
    content = make(checkins, runs, pegs, end=today, today=today)
    assert len(content.weeks) == WEEKS_IN_TABLE
    assert content.weeks[-1].monday == MONDAY + timedelta(days=7 * 14)
    last = content.weeks[-1]
    assert (last.days_counted, last.sessions, last.goal, last.met) == (3, 0, 3, None)
    assert content.weeks[0].monday == MONDAY + timedelta(days=7 * 3)
    week4 = content.weeks[0]
    assert (week4.sessions, week4.met, week4.percent) == (3, True, pytest.approx(100.0))
    assert week4.pain_mean == pytest.approx(4.0) and week4.pain_days == 7
    assert content.weeks[2].pain_mean == pytest.approx(3.0)
    assert content.weeks[3].pain_mean is None and content.weeks[3].pain_days == 0


def test_too_little_data_is_said_not_shown_as_numbers() -> None:
    checkins = [pain(MONDAY + timedelta(days=d), 5) for d in range(10)]
    content = make(checkins, [run(MONDAY)], [peg(MONDAY, 4)], end=MONDAY + timedelta(days=9))
    assert not content.pain.enough and content.pain.first is None
    assert "Too few weeks to show a trend in pain: 1 of the 4 needed" in content.pain.text
    assert not content.peg.enough and content.peg.change is None
    assert "(so far 1 answer over 1 day)" in content.peg.text
    assert content.session_change.count == 0
    assert "No session in the period has pain noted" in content.session_change.text
    figures = {f.label: f.value for f in content.figures}
    assert figures[f"Pain, first {ARROW} last 2 weeks"] == "too little data for a trend"
    assert figures[f"PEG, first {ARROW} last 2 weeks"] == "too little data for a trend"
    assert not any(p.has_result for p in content.insights)
    assert "needed" in content.insights[1].text


def test_an_empty_period_says_so() -> None:
    content = make([], [], [], end=MONDAY + timedelta(days=13))
    assert not content.has_entries
    assert content.adherence.sessions_done == 0
    assert "none so far" in content.peg.text
    assert content.stopped == () and content.plan.by_plan == ()


def test_without_a_plan_weeks_are_not_judged() -> None:
    checkins, runs, pegs = six_weeks()
    content = make(checkins, runs, pegs, goals=[])
    assert content.plan.current_goal == 0
    assert content.plan.text.startswith("No weekly plan (sessions per week) is set.")
    assert content.adherence.share_met is None and content.adherence.planned_weeks == 0
    assert "No weekly plan was set" in content.adherence.text
    figures = {f.label: f.value for f in content.figures}
    assert figures["Weekly plan"] == "none set"
    assert figures["Weeks meeting the plan"].startswith("cannot be judged")
    assert all(row.goal == 0 and row.percent is None and row.met is None for row in content.weeks)
    assert "not set a weekly plan" in content.insights[0].text
    # The pain trend does not need a plan.
    assert content.pain.enough


def test_a_plan_change_in_the_period_is_named() -> None:
    checkins, runs, pegs = six_weeks()
    change_day = MONDAY + timedelta(days=21)
    goals = [(MONDAY - timedelta(days=30), 3), (change_day, 2), (change_day + timedelta(days=7), 2)]
    content = make(checkins, runs, pegs, goals=goals)
    assert content.plan.current_goal == 2
    assert content.plan.changes == ((change_day, 2),)
    assert "Changed during the period (from 2026-01-26: 2 sessions)." in content.plan.text


def test_a_stop_for_pain_is_listed_with_plan_exercise_and_reason() -> None:
    checkins, runs, pegs = six_weeks()
    reason = should_stop(3, 5).reason
    day = MONDAY + timedelta(days=15)
    stopped = run(
        day,
        outcome="stopped_for_pain",
        plan="core-builder",
        pre=3,
        post=4,
        reason=reason,
        exercise="bird-dog",
        hour=18,
    )
    unknown = run(day + timedelta(days=1), outcome="stopped_for_pain", plan="my-own", pre=2)
    content = make(checkins, [*runs, stopped, unknown], pegs)
    first, second = content.stopped
    assert (first.day, first.plan_name, first.exercise) == (day, "Core builder", "Bird dog")
    assert (first.pre, first.post) == (3, 4)
    # The player's whole message is long; its first sentence says what happened.
    assert first.reason == "Your pain went from 3 to 5, up 2 points since you started."
    assert (second.plan_name, second.reason, second.post) == ("my-own", NO_REASON, None)
    assert content.stopped_text == "2 sessions stopped for pain (13% of sessions done)."
    by_plan = {p.plan_id: p for p in content.plan.by_plan}
    assert by_plan["core-builder"].name == "Core builder"
    assert (by_plan["core-builder"].sessions_done, by_plan["core-builder"].stopped_for_pain) == (
        1,
        1,
    )
    assert by_plan["gentle-start"].stopped_for_pain == 0
    assert content.plan.by_plan[0].plan_id == "gentle-start"  # the most done first
    # Stopped sessions count as done and are in the before/after change.
    assert content.adherence.sessions_done == 16
    assert content.session_change.more == 1


def test_many_stops_list_the_latest_and_say_how_many() -> None:
    runs = [
        run(MONDAY + timedelta(days=i), outcome="stopped_for_pain", pre=2, post=4)
        for i in range(MAX_LISTED_STOPS + 5)
    ]
    content = make([], runs, [])
    assert len(content.stopped) == MAX_LISTED_STOPS + 5
    assert content.stopped_listed == content.stopped[5:]
    assert f"lists the latest {MAX_LISTED_STOPS}" in content.stopped_text


def test_the_caveat_and_the_what_this_is_not_are_always_there() -> None:
    for content in (make(*six_weeks()), make([], [], [])):
        assert content.caveat == CAVEAT
        assert content.caveat.startswith(ASSOCIATION)
        assert content.insights[-1].key == "caveat"
        assert "not a diagnosis" in " ".join(content.about)
        assert content.about == ABOUT
        assert any("Ostelo 2008" in s for s in content.sources)
        assert any("Krebs et al., J Gen Intern Med 2009" in s for s in content.sources)


def test_no_words_of_diagnosis_or_cause() -> None:
    content = make(*six_weeks())
    text = " ".join(
        [
            *content.about,
            *(f.value for f in content.figures),
            content.plan.text,
            content.adherence.text,
            content.pain.text,
            content.peg.text,
            content.session_change.text,
            *(p.text for p in content.insights),
        ]
    ).lower()
    for claim in ("because of", "caused by", "you have", "diagnosed", "proves", "cured"):
        assert claim not in text


def test_records_outside_the_period_are_left_out_but_feed_the_7_day_average() -> None:
    before = [pain(MONDAY - timedelta(days=d), 9) for d in range(1, 4)]
    after = [pain(MONDAY + timedelta(days=20), 9)]
    inside = [pain(MONDAY + timedelta(days=d), 3) for d in range(14)]
    runs = [run(MONDAY - timedelta(days=1)), run(MONDAY + timedelta(days=2))]
    content = make(before + inside + after, runs, [], end=MONDAY + timedelta(days=13))
    assert content.adherence.sessions_done == 1
    daily = content.analytics.pain
    assert daily.days_with_entries == 14
    # Monday's 7-day average takes in the three 9s of the days before: (3 + 9 * 3) / 4.
    assert float(daily.rolling7[0]) == pytest.approx(7.5)
    figures = {f.label: f.value for f in content.figures}
    assert figures["Pain noted"] == "on 14 of 14 days; average 3.0 of 10"


def test_a_period_ending_after_today_stops_today_and_one_after_it_is_refused() -> None:
    checkins, runs, pegs = six_weeks()
    today = MONDAY + timedelta(days=20)
    content = make(checkins, runs, pegs, end=MONDAY + timedelta(days=60), today=today)
    assert content.end == today and content.made_on == today
    assert content.adherence.sessions_done == 9
    with pytest.raises(ValueError, match="after the report's day"):
        tomorrow = today + timedelta(days=1)
        make([], [], [], start=tomorrow, end=tomorrow + timedelta(days=4), today=today)
    with pytest.raises(ValueError, match="before start"):
        make([], [], [], start=MONDAY, end=MONDAY - timedelta(days=1))


def test_day_words_word_every_date() -> None:
    checkins, runs, pegs = six_weeks()
    content = report_content(
        checkins,
        runs,
        pegs,
        goal_history=[(MONDAY, 3)],
        plan_names=PLANS,
        start=MONDAY,
        end=MONDAY + timedelta(days=41),
        today=MONDAY + timedelta(days=41),
        day_words=lambda d: f"<{d.day}.{d.month}>",
    )
    assert content.period == "<5.1> to <15.2>"
    assert "(from <5.1>)" in content.pain.text
    assert "2026-" not in content.pain.text + content.peg.text


def test_a_change_just_below_the_threshold_never_reads_as_reaching_it() -> None:
    # Weeks 1-2: pain 6 every day. Weeks 3-4: 5 on three days, 4 on eleven (mean 59/14).
    # The change is 1.79 points, 29.8%: rounded, it would read "1.8 points (30% less)".
    checkins = [pain(MONDAY + timedelta(days=d), 6) for d in range(14)]
    checkins += [pain(MONDAY + timedelta(days=14 + d), 5 if d < 3 else 4) for d in range(14)]
    content = make(checkins, [], end=MONDAY + timedelta(days=27))
    assert content.pain.enough and not content.pain.meaningful
    assert content.pain.relative == pytest.approx(-(6 - 59 / 14) / 6)
    assert "1.7 points lower (29% less); less than 2 points or 30%" in content.pain.text
    figures = {f.label: f.value for f in content.figures}
    assert figures[f"Pain, first {ARROW} last 2 weeks"].endswith("(\u22121.7; not a clear change)")
