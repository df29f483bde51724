"""The Progress page's own words: the summary line, a day, a week, the captions.

No Qt needed: these are the page's text alternative and the PDF's captions.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
from test_progress_page import GOALS, TODAY, at, empty_data, hand_made_data, sample_data

from lbp_desktop.domain.adherence import WeekdayAdherence
from lbp_desktop.domain.analytics import ProgressAnalytics, ProgressData, range_bounds
from lbp_desktop.domain.records import PainCheckIn, PegAnswer, SessionRun
from lbp_desktop.views import progress_words as words


def analyse(data: ProgressData, name: str = "2w", goals=GOALS) -> ProgressAnalytics:
    start, end = range_bounds(name, TODAY, data.first_day())
    return data.analyse(goals, start, end, TODAY)


def weekday(counts: list[int]) -> WeekdayAdherence:
    sessions = np.array(counts, dtype=np.int64)
    return WeekdayAdherence(sessions, np.ones(7, dtype=np.int64), sessions / max(sum(counts), 1))


def test_summary_counts_days_pain_and_sessions() -> None:
    text = words.summary_words(analyse(hand_made_data()))
    assert text == (
        "From 26 February to 11 March 2026 you noted your pain on 9 of 14 days, on average "
        "4.9 out of 10, and did 2 sessions. Your plan: 4 sessions a week."
    )


def test_summary_without_pain_without_sessions_and_without_a_plan() -> None:
    text = words.summary_words(analyse(empty_data(), goals=()))
    assert text == "From 26 February to 11 March 2026 you noted no pain scores and did no sessions."


def test_summary_across_years_names_both() -> None:
    text = words.summary_words(analyse(sample_data(), "1y"))
    assert text.startswith("From 12 March 2025 to 11 March 2026 you noted your pain on ")
    assert words.period_words(date(2026, 3, 11), date(2026, 3, 11)) == "11 March 2026"


def test_a_day_in_words() -> None:
    analytics = analyse(hand_made_data())
    tuesday = len(analytics.pain.days) - 2
    assert words.hover_words(analytics, tuesday) == (
        "Tue 10 March: pain 4.3 (3 entries), 7-day average 4.9, 2 sessions. "
        "Before a session 5.0, after 3.0."
    )
    monday = tuesday - 1
    assert words.hover_words(analytics, monday) == (
        "Mon 9 March: pain 5.0 (1 entry), 7-day average 5.0, no sessions."
    )
    # Before the first entry there is no 7-day average to give either.
    assert words.hover_words(analytics, 0) == "Thu 26 February: no pain noted, no sessions."


def test_only_a_before_or_only_an_after_score() -> None:
    runs = [
        SessionRun(at=at(TODAY, 9), plan_id="p", outcome="completed", pre_pain=4),
        SessionRun(
            at=at(TODAY - timedelta(days=1), 9), plan_id="p", outcome="completed", post_pain=2
        ),
    ]
    analytics = analyse(ProgressData.from_records([], runs, []))
    last = len(analytics.pain.days) - 1
    assert words.hover_words(analytics, last).endswith("1 session. Before a session 4.0.")
    assert words.hover_words(analytics, last - 1).endswith("1 session. After a session 2.0.")


def test_a_week_against_the_plan_and_without_one() -> None:
    analytics = analyse(hand_made_data())
    assert words.week_words(analytics, TODAY) == (
        "Week from Mon 9 March: 2 of 4 planned sessions so far (50%)."
    )
    assert words.week_words(analytics, date(2026, 3, 4)) == (
        "Week from Mon 2 March: 0 of 4 planned sessions (0%)."
    )
    no_plan = analyse(hand_made_data(), goals=())
    assert words.week_words(no_plan, TODAY) == (
        "Week from Mon 9 March: 2 sessions so far, no plan set."
    )


def test_weekly_hover_adds_the_week() -> None:
    analytics = analyse(hand_made_data())
    text = words.hover_words(analytics, len(analytics.pain.days) - 1, weekly=True)
    assert text.endswith(
        "no sessions. Week from Mon 9 March: 2 of 4 planned sessions so far (50%)."
    )


def test_peg_caption() -> None:
    pegs = [
        PegAnswer(at=at(TODAY - timedelta(days=8), 10), pain=6, enjoyment=5, activity=4),
        PegAnswer(at=at(TODAY - timedelta(days=1), 10), pain=4, enjoyment=3, activity=3),
    ]
    analytics = analyse(ProgressData.from_records([], [], pegs))
    assert words.peg_caption(analytics.peg) == (
        "2 answers. The latest, on 10 March 2026: 3.3 out of 10 (pain 4, enjoyment of life 3, "
        "general activity 3). Lower means pain gets in the way less."
    )
    assert words.peg_caption(analyse(empty_data()).peg).startswith("No weekly PEG answers")


def test_change_caption_counts_less_same_more_and_stopped_runs() -> None:
    runs = [
        SessionRun(at=at(TODAY, 8), plan_id="p", outcome="completed", pre_pain=5, post_pain=3),
        SessionRun(at=at(TODAY, 12), plan_id="p", outcome="completed", pre_pain=4, post_pain=4),
        SessionRun(
            at=at(TODAY, 18), plan_id="p", outcome="stopped_for_pain", pre_pain=4, post_pain=6
        ),
    ]
    analytics = analyse(ProgressData.from_records([], runs, []))
    assert words.change_caption(analytics.session_change) == (
        "Less pain after 1 session, the same after 1, more pain after 1. "
        "1 session stopped for pain is counted too."
    )
    assert words.change_caption(analyse(empty_data()).session_change).startswith("No sessions")


def test_weekday_caption_with_ties_and_none() -> None:
    assert words.weekday_caption(weekday([5, 3, 3, 4, 2, 1, 1])) == (
        "Most sessions on Mondays (5); fewest on Saturdays and Sundays (1 each)."
    )
    assert words.weekday_caption(weekday([2, 2, 1, 2, 2, 2, 2])) == (
        "Most sessions on 6 days of the week (2 each); fewest on Wednesdays (1)."
    )
    assert words.weekday_caption(weekday([4, 4, 1, 2, 2, 0, 0])) == (
        "Most sessions on Mondays and Tuesdays (4 each); fewest on Saturdays and Sundays (0 each)."
    )
    assert words.weekday_caption(weekday([3] * 7)) == (
        "The same number of sessions on every day of the week (3 each)."
    )
    assert words.weekday_caption(weekday([0] * 7)) == "No sessions in this period."


def test_day_labels() -> None:
    assert words.day_label(date(2026, 3, 3)) == "Tue 3 March"
    assert words.day_label(date(2026, 3, 3), with_year=True) == "Tue 3 March 2026"


def test_mean_pain_weighs_each_day_the_same() -> None:
    checkins = [PainCheckIn(at=at(TODAY, h), score=s) for h, s in ((8, 2), (9, 2), (10, 2))]
    checkins.append(PainCheckIn(at=at(TODAY - timedelta(days=1), 9), score=8))
    analytics = analyse(ProgressData.from_records(checkins, [], []))
    assert words.mean_pain(analytics) == 5.0
