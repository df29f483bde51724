"""The insights in plain words: every status, the boundaries, the caveat always there."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from lbp_desktop.domain.insight_words import (
    CAVEAT,
    HEADINGS,
    MINUS,
    change_words,
    insight_paragraphs,
    insights_text,
    link_words,
    plan_words,
    points,
    signed,
    strength,
)
from lbp_desktop.domain.insights import (
    AdherenceCorrelation,
    Direction,
    Insights,
    Measure,
    PainChange,
    PlanComparison,
    Shortfall,
    Status,
)

MONDAY = date(2026, 1, 5)
WEEK = timedelta(days=7)


def plan_ok(
    met: float = 3.2, fewer: float = 4.1, n_met: int = 8, n_fewer: int = 5
) -> PlanComparison:
    return PlanComparison(Status.OK, n_met, n_fewer, met_mean=met, fewer_mean=fewer)


def link_ok(
    rho: float = -0.21,
    low: float = -0.45,
    high: float = 0.05,
    pairs: int = 40,
    measure: Measure = Measure.SESSIONS,
) -> AdherenceCorrelation:
    return AdherenceCorrelation(
        Status.OK, pairs, measure, rho=rho, low=low, high=high, resamples=2000
    )


def change_ok(baseline: float, latest: float, direction: Direction) -> PainChange:
    return PainChange(
        Status.OK,
        baseline=baseline,
        latest=latest,
        baseline_weeks=(MONDAY, MONDAY + WEEK),
        latest_weeks=(MONDAY + 8 * WEEK, MONDAY + 9 * WEEK),
        baseline_days=14,
        latest_days=12,
        direction=direction,
    )


def insights_of(
    plan: PlanComparison | None = None,
    link: AdherenceCorrelation | None = None,
    change: PainChange | None = None,
) -> Insights:
    return Insights(
        plan_comparison=plan or plan_ok(),
        correlation=link or link_ok(),
        change=change or change_ok(6.0, 3.5, Direction.LESS_PAIN),
        pain_weeks=12,
    )


# -- (a) weeks on plan against weeks with fewer sessions --------------------------------------


def test_plan_comparison_gives_both_means_and_the_weeks_behind_them() -> None:
    text = plan_words(plan_ok(met=3.2, fewer=4.1, n_met=8, n_fewer=5))
    assert "In the 8 weeks in which you did at least your planned sessions" in text
    assert "averaged 3.2 out of 10" in text
    assert "In the 5 weeks with fewer sessions, it averaged 4.1." in text
    assert text.endswith("That is 0.9 points lower in the weeks on plan.")


def test_plan_comparison_says_higher_and_singular_weeks() -> None:
    text = plan_words(plan_ok(met=5.0, fewer=4.0, n_met=1, n_fewer=1))
    assert "In the 1 week in which" in text and "In the 1 week with fewer" in text
    assert text.endswith("That is 1.0 point higher in the weeks on plan.")


def test_a_difference_that_rounds_to_nothing_is_about_the_same() -> None:
    text = plan_words(plan_ok(met=4.02, fewer=3.98))
    assert text.endswith("So far the two kinds of weeks look about the same.")
    assert "lower" not in text and "higher" not in text


def test_plan_comparison_with_too_few_weeks_says_what_is_needed_not_numbers() -> None:
    result = PlanComparison(
        Status.NOT_ENOUGH_DATA,
        met_weeks=5,
        fewer_weeks=1,
        shortfalls=(Shortfall(2, "plan_missed_weeks"),),
    )
    text = plan_words(result)
    assert "at least 3 weeks of each kind are needed" in text
    assert "pain noted on 3 or more of its days" in text
    assert "So far there are 5 weeks in which you did at least your planned sessions" in text
    assert "and 1 week with fewer." in text
    assert "averaged" not in text


def test_plan_comparison_with_no_weeks_at_all() -> None:
    result = PlanComparison(
        Status.NOT_ENOUGH_DATA,
        0,
        0,
        shortfalls=(Shortfall(3, "plan_met_weeks"), Shortfall(3, "plan_missed_weeks")),
    )
    text = plan_words(result)
    assert "So far there is no such week with a plan." in text


def test_plan_comparison_counts_zero_as_no_weeks() -> None:
    result = PlanComparison(
        Status.NOT_ENOUGH_DATA, 0, 2, shortfalls=(Shortfall(3, "plan_met_weeks"),)
    )
    assert "So far there are no weeks in which you did" in plan_words(result)
    result = PlanComparison(
        Status.NOT_ENOUGH_DATA, 4, 0, shortfalls=(Shortfall(3, "plan_missed_weeks"),)
    )
    assert "and no weeks with fewer." in plan_words(result)


def test_no_plan_points_to_settings() -> None:
    text = plan_words(PlanComparison(Status.NO_PLAN, 0, 0))
    assert "You have not set a weekly plan" in text
    assert "Settings" in text


# -- (b) the link between a week's sessions and the next week's change ------------------------


@pytest.mark.parametrize(
    ("rho", "expected"),
    [
        (0.0, "no clear"),
        (0.099, "no clear"),
        (-0.099, "no clear"),
        (0.1, "a weak"),
        (-0.1, "a weak"),
        (0.299, "a weak"),
        (0.3, "a moderate"),
        (-0.499, "a moderate"),
        (0.5, "a strong"),
        (-1.0, "a strong"),
    ],
)
def test_strength_words_at_their_boundaries(rho: float, expected: str) -> None:
    assert strength(rho) == expected


def test_a_weak_negative_link_whose_range_includes_no_link() -> None:
    text = link_words(link_ok(rho=-0.21, low=-0.45, high=0.05, pairs=40))
    assert text.startswith("Across 40 pairs of back-to-back weeks, weeks with more sessions")
    assert "tended to be followed by your pain going down over the next week" in text
    assert "a weak link" in text
    assert f"rank correlation {MINUS}0.21; 95% range {MINUS}0.45 to 0.05" in text
    assert "The range of plausible values includes no link at all." in text
    assert "wide" not in text  # 0.50 wide: not more than WIDE_INTERVAL


def test_a_range_that_touches_zero_still_includes_no_link() -> None:
    text = link_words(link_ok(rho=-0.3, low=-0.5, high=0.0))
    assert "includes no link at all" in text


def test_a_range_clear_of_zero_says_chance_alone_is_unlikely_without_claiming_cause() -> None:
    text = link_words(link_ok(rho=-0.33, low=-0.40, high=-0.24, pairs=520))
    assert "a moderate link" in text
    assert "does not include zero, so chance alone is an unlikely explanation" in text
    assert "cause" not in text and "because" not in text


def test_a_wide_range_is_called_rough() -> None:
    text = link_words(link_ok(rho=-0.68, low=-0.96, high=-0.14, pairs=11))
    assert "a strong link" in text
    assert "The range is wide, so this may change as more weeks are added." in text


def test_pain_rising_after_busier_weeks_suggests_talking_to_the_physiotherapist() -> None:
    text = link_words(link_ok(rho=0.4, low=0.1, high=0.6))
    assert "your pain going up over the next week" in text
    assert "talk it over with your physiotherapist" in text
    # Not when the range includes no link: that would make too much of it.
    assert "physiotherapist" not in link_words(link_ok(rho=0.4, low=-0.1, high=0.6))


def test_no_clear_link_is_said_plainly() -> None:
    text = link_words(link_ok(rho=0.05, low=-0.2, high=0.3, measure=Measure.SHARE_OF_PLAN))
    assert "there was no clear link between how much of your plan you did in a week" in text
    assert "tended" not in text


def test_share_of_plan_is_worded_as_the_plan() -> None:
    text = link_words(link_ok(measure=Measure.SHARE_OF_PLAN))
    assert "weeks in which you did more of your plan tended" in text


def test_a_link_without_an_interval_says_it_cannot_say_how_sure() -> None:
    result = AdherenceCorrelation(Status.OK, 6, Measure.SESSIONS, rho=-0.5)
    assert "too few different weeks to say how sure" in link_words(result)


def test_too_few_pairs_says_how_many_more() -> None:
    result = AdherenceCorrelation(
        Status.NOT_ENOUGH_DATA, 2, Measure.SESSIONS, shortfalls=(Shortfall(4, "week_pairs"),)
    )
    text = link_words(result)
    assert "at least 6 pairs of back-to-back weeks are needed" in text
    assert "So far there are 2 pairs: 4 more are needed." in text
    assert "correlation" not in text


def test_one_pair_short_is_singular() -> None:
    result = AdherenceCorrelation(
        Status.NOT_ENOUGH_DATA, 5, Measure.SESSIONS, shortfalls=(Shortfall(1, "week_pairs"),)
    )
    assert "So far there are 5 pairs: 1 more is needed." in link_words(result)
    none = AdherenceCorrelation(
        Status.NOT_ENOUGH_DATA, 0, Measure.SESSIONS, shortfalls=(Shortfall(6, "week_pairs"),)
    )
    assert "So far there are no pairs: 6 more are needed." in link_words(none)


def test_no_variation_says_the_weeks_were_alike() -> None:
    result = AdherenceCorrelation(Status.NO_VARIATION, 8, Measure.SHARE_OF_PLAN)
    text = link_words(result)
    assert "your weeks were all alike" in text
    assert "the same share of your plan every week" in text


def test_signed_numbers_use_a_real_minus_and_no_negative_zero() -> None:
    assert signed(-0.21) == f"{MINUS}0.21"
    assert signed(0.05) == "0.05"
    assert signed(-0.001) == "0.00"


def test_points_are_never_negative_and_singular_at_one() -> None:
    assert points(-2.04) == "2.0 points"
    assert points(1.0) == "1.0 point"
    assert points(0.96) == "1.0 point"


# -- (c) the change since the start of the period ---------------------------------------------


def test_a_fall_of_two_points_is_a_meaningful_improvement() -> None:
    text = change_words(change_ok(6.0, 4.0, Direction.LESS_PAIN))
    assert "Your average pain went from 6.0 out of 10 in the two weeks from 2026-01-05" in text
    assert "to 4.0 in the two weeks from 2026-03-02" in text
    assert ": 2.0 points lower (33% less)." in text
    assert "A fall of at least 2 points or 30% is one that people usually notice" in text


def test_a_fall_of_thirty_percent_is_meaningful_even_under_two_points() -> None:
    text = change_words(change_ok(3.0, 2.1, Direction.LESS_PAIN))
    assert "0.9 points lower (30% less)" in text
    assert "real improvement" in text


def test_a_meaningful_rise_suggests_seeing_someone_without_diagnosing() -> None:
    text = change_words(change_ok(3.0, 5.0, Direction.MORE_PAIN))
    assert "2.0 points higher (67% more)" in text
    assert "A rise of at least 2 points or 30% is one that people usually notice." in text
    assert "talk to your GP or physiotherapist" in text


def test_a_small_change_is_not_called_clear() -> None:
    text = change_words(change_ok(4.6, 4.2, Direction.NO_MEANINGFUL_CHANGE))
    assert "0.4 points lower (9% less)" in text
    assert "less than the 2 points or 30% that people usually notice" in text
    assert "does not count as a clear change yet" in text


def test_no_change_at_all_and_a_zero_baseline() -> None:
    same = change_words(change_ok(3.0, 3.02, Direction.NO_MEANINGFUL_CHANGE))
    assert ": about the same." in same
    from_zero = change_words(change_ok(0.0, 1.0, Direction.NO_MEANINGFUL_CHANGE))
    assert "1.0 point higher." in from_zero  # no percentage of a zero baseline
    assert "%  " not in from_zero and "(" not in from_zero.split("higher")[1].split(".")[0]


def test_dates_come_from_the_callers_words_and_scattered_weeks_are_listed() -> None:
    result = PainChange(
        Status.OK,
        baseline=5.0,
        latest=4.5,
        baseline_weeks=(MONDAY, MONDAY + 3 * WEEK),
        latest_weeks=(MONDAY + 9 * WEEK,),
        direction=Direction.NO_MEANINGFUL_CHANGE,
    )
    text = change_words(result, lambda d: f"<{d.day}.{d.month}>")
    assert "in the weeks starting <5.1> and <26.1>" in text
    assert "in the week starting <9.3>" in text


def test_too_few_pain_weeks_says_how_many_more() -> None:
    result = PainChange(Status.NOT_ENOUGH_DATA, shortfalls=(Shortfall(3, "pain_weeks"),))
    text = change_words(result)
    assert "at least 4 weeks are needed in the period shown" in text
    assert "So far there is 1 such week: 3 more are needed." in text
    none = PainChange(Status.NOT_ENOUGH_DATA, shortfalls=(Shortfall(4, "pain_weeks"),))
    assert "So far there are no such weeks: 4 more are needed." in change_words(none)
    last = PainChange(Status.NOT_ENOUGH_DATA, shortfalls=(Shortfall(1, "pain_weeks"),))
    assert "So far there are 3 such weeks: 1 more is needed." in change_words(last)


# -- (d) all together, the caveat always last -------------------------------------------------

ALL_STATUSES = [
    insights_of(),
    insights_of(plan=PlanComparison(Status.NO_PLAN, 0, 0)),
    insights_of(
        plan=PlanComparison(
            Status.NOT_ENOUGH_DATA, 1, 1, shortfalls=(Shortfall(2, "plan_met_weeks"),)
        ),
        link=AdherenceCorrelation(
            Status.NOT_ENOUGH_DATA, 1, Measure.SESSIONS, shortfalls=(Shortfall(5, "week_pairs"),)
        ),
        change=PainChange(Status.NOT_ENOUGH_DATA, shortfalls=(Shortfall(2, "pain_weeks"),)),
    ),
    insights_of(link=AdherenceCorrelation(Status.NO_VARIATION, 7, Measure.SESSIONS)),
    insights_of(change=change_ok(3.0, 5.0, Direction.MORE_PAIN)),
    insights_of(change=change_ok(4.0, 4.1, Direction.NO_MEANINGFUL_CHANGE)),
]


@pytest.mark.parametrize("insights", ALL_STATUSES)
def test_every_panel_ends_with_association_not_proof_of_cause(insights: Insights) -> None:
    paragraphs = insight_paragraphs(insights)
    assert [p.key for p in paragraphs] == ["plan", "link", "change", "caveat"]
    assert [p.heading for p in paragraphs] == list(HEADINGS.values())
    assert paragraphs[-1].text == CAVEAT
    assert "association, not proof of cause" in paragraphs[-1].text
    assert insights_text(insights).endswith(CAVEAT)


@pytest.mark.parametrize("insights", ALL_STATUSES)
def test_never_overclaims_nor_diagnoses(insights: Insights) -> None:
    text = insights_text(insights).lower()
    for word in ("proves", "caused by", "because of your sessions", "diagnos", "you have a "):
        assert word not in text


def test_a_paragraph_says_whether_it_holds_a_result() -> None:
    full = insight_paragraphs(insights_of())
    assert [p.has_result for p in full] == [True, True, True, False]
    short = insight_paragraphs(ALL_STATUSES[2])
    assert [p.has_result for p in short] == [False, False, False, False]
