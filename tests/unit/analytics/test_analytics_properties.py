"""Properties over random histories: bounds, counts and input order."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from lbp_desktop.domain.analytics import ProgressAnalytics, progress_analytics
from lbp_desktop.domain.records import (
    PAIN_CONTEXTS,
    RUN_OUTCOMES,
    PainCheckIn,
    PegAnswer,
    SessionRun,
    StepRecord,
)

BASE = date(2026, 3, 2)  # a Monday
END = BASE + timedelta(days=34)

# Any offset people live in, from -12:00 to +14:00 in quarter hours.
offsets = st.integers(-48, 56).map(lambda q: timezone(timedelta(minutes=15 * q)))


@st.composite
def moments(draw: st.DrawFn) -> datetime:
    day = BASE + timedelta(days=draw(st.integers(-8, 40)))
    return datetime(
        day.year,
        day.month,
        day.day,
        draw(st.integers(0, 23)),
        draw(st.integers(0, 59)),
        tzinfo=draw(offsets),
    )


scores = st.integers(0, 10)
checkins = st.builds(
    PainCheckIn, at=moments(), score=scores, context=st.sampled_from(PAIN_CONTEXTS)
)


@st.composite
def runs(draw: st.DrawFn) -> SessionRun:
    start = draw(moments())
    steps = tuple(
        StepRecord(
            exercise_id="bridge",
            started_at=start,
            ended_at=start,
            planned_s=30.0,
            done_s=0.0,
            skipped=skipped,
        )
        for skipped in draw(st.lists(st.booleans(), max_size=2))
    )
    return SessionRun(
        at=start,
        plan_id="p",
        outcome=draw(st.sampled_from(RUN_OUTCOMES)),
        pre_pain=draw(st.none() | scores),
        post_pain=draw(st.none() | scores),
        steps=steps,
    )


pegs = st.builds(PegAnswer, at=moments(), pain=scores, enjoyment=scores, activity=scores)
goals = st.lists(
    st.tuples(st.integers(-10, 40).map(lambda n: BASE + timedelta(days=n)), st.integers(0, 8)),
    max_size=4,
)


def analyse(
    c: list[PainCheckIn],
    r: list[SessionRun],
    p: list[PegAnswer],
    g: list[tuple[date, int]],
    today: date,
) -> ProgressAnalytics:
    return progress_analytics(c, r, p, g, BASE, END, today, resamples=200)


def same(a: ProgressAnalytics, b: ProgressAnalytics) -> bool:
    arrays = [
        (a.pain.mean, b.pain.mean),
        (a.pain.rolling7, b.pain.rolling7),
        (a.pain.pre_session, b.pain.pre_session),
        (a.pain.post_session, b.pain.post_session),
        (a.weekly_pain.mean, b.weekly_pain.mean),
        (a.adherence.sessions, b.adherence.sessions),
        (a.adherence.weekdays.share, b.adherence.weekdays.share),
        (a.peg.score, b.peg.score),
        (a.peg.days, b.peg.days),
        (a.session_change.change, b.session_change.change),
        (a.session_change.days, b.session_change.days),
    ]
    return all(np.array_equal(x, y, equal_nan=True) for x, y in arrays) and (
        a.insights == b.insights
    )


@settings(max_examples=60, deadline=None)
@given(
    c=st.lists(checkins, max_size=60),
    r=st.lists(runs(), max_size=30),
    p=st.lists(pegs, max_size=6),
    g=goals,
    today_offset=st.integers(0, 40),
    shuffler=st.randoms(use_true_random=False),
)
def test_bounds_counts_and_input_order(
    c: list[PainCheckIn],
    r: list[SessionRun],
    p: list[PegAnswer],
    g: list[tuple[date, int]],
    today_offset: int,
    shuffler: random.Random,
) -> None:
    today = BASE + timedelta(days=today_offset)
    result = analyse(c, r, p, g, today)

    # Scores stay on the 0-10 scale through every mean.
    for series in (result.pain.mean, result.pain.rolling7, result.weekly_pain.mean):
        finite = series[np.isfinite(series)]
        assert ((finite >= 0) & (finite <= 10)).all()
    assert ((result.peg.score >= 0) & (result.peg.score <= 10)).all()
    assert (np.abs(result.session_change.change) <= 10).all()

    # Counting never invents entries or sessions.
    assert int(result.pain.entries.sum()) <= len(c)
    assert result.adherence.total <= len(r)
    assert result.session_change.count <= len(r)
    assert int(result.adherence.weeks.sessions.sum()) == result.adherence.total
    assert int(result.adherence.weekdays.sessions.sum()) == result.adherence.total
    weeks = result.adherence.weeks
    if weeks.percent is not None:
        planned = weeks.goal > 0
        assert np.allclose(
            weeks.percent[planned] * weeks.goal[planned] / 100, weeks.sessions[planned]
        )

    # Nothing after today shows.
    after = result.pain.days > np.datetime64(today)
    assert np.isnan(result.pain.mean[after]).all()
    assert (result.adherence.sessions[after] == 0).all()

    # The order the records arrive in changes nothing.
    for items in (c, r, p):
        shuffler.shuffle(items)
    assert same(result, analyse(c, r, p, g, today))
