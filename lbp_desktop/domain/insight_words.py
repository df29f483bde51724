"""The insights of the Progress page in plain words, for the screen and the PDF.

Pure Python: no Qt, no clock. ``insights`` computes the numbers and says
when there are too few; this module only words them, so a patient can read
them in a few seconds and a physiotherapist still finds the numbers behind.

Rules for the wording:

- Every paragraph gives the data behind it (weeks, pairs of weeks).
- A link is described by its direction and strength, and whether the range
  of plausible values includes no link at all; never "because of".
- A change counts as clear only at the minimal important change (2 points
  or 30%); anything smaller is said to be smaller than that.
- Nothing here diagnoses. When pain goes up, the words suggest talking to a
  GP or physiotherapist, as the rest of the app does.
- The last paragraph always says that this is association, not proof of
  cause (``Insights.association_not_cause``).
- With too little data a paragraph says how much more is needed instead of
  giving numbers that would mean little.

Dates come through ``day_words`` (the page passes the app's own date words,
so the domain keeps no month names of its own).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from lbp_desktop.domain.insights import (
    MEANINGFUL_POINTS,
    MEANINGFUL_SHARE,
    MIN_GROUP_WEEKS,
    MIN_PAIN_DAYS_PER_WEEK,
    MIN_PAIN_WEEKS,
    MIN_WEEK_PAIRS,
    AdherenceCorrelation,
    Direction,
    Insights,
    Measure,
    PainChange,
    PlanComparison,
    Shortfall,
    Status,
)

DayWords = Callable[[date], str]

# Cohen's usual sizes for a correlation, applied to |rho|.
NO_LINK_BELOW = 0.1
WEAK_BELOW = 0.3
MODERATE_BELOW = 0.5

# An interval wider than this (on the -1..1 scale) is said to be rough.
WIDE_INTERVAL = 0.5

MINUS = "\u2212"  # a real minus sign: a hyphen reads as a dash in running text
DASH = "\u2014"

HEADINGS = {
    "plan": "Weeks on plan and weeks with fewer sessions",
    "link": "Sessions and the week after",
    "change": "Since the start of this period",
    "caveat": "What this can and cannot tell you",
}

CAVEAT = (
    "This shows association, not proof of cause: it tells you what went together in "
    "your own diary, not that one thing caused the other. Pain also changes with sleep, "
    "stress, work, other activity and time."
)


@dataclass(frozen=True)
class InsightParagraph:
    """One paragraph of the panel."""

    key: str  # "plan", "link", "change" or "caveat"
    heading: str
    text: str
    has_result: bool  # False: it says how much more data is needed, or that there is no plan


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def _count(count: int, one: str, many: str | None = None) -> str:
    """'no weeks', '1 week', '3 weeks'."""
    return f"no {many or one + 's'}" if count == 0 else _plural(count, one, many)


def _is_are(count: int) -> str:
    return "is" if count == 1 else "are"


def _there_are(count: int, one: str, many: str | None = None) -> str:
    """'there is 1 week', 'there are 3 weeks', 'there are no weeks'."""
    return f"there {_is_are(count)} {_count(count, one, many)}"


def score(value: float) -> str:
    """A 0-10 score as people read it: one decimal."""
    return f"{value:.1f}"


def points(value: float) -> str:
    """A size in points of the 0-10 scale, never negative: '0.7 points'."""
    text = f"{abs(value):.1f}"
    return f"{text} point" if text == "1.0" else f"{text} points"


def signed(value: float, decimals: int = 2) -> str:
    """A correlation with a real minus sign: '\u22120.21', '0.05'."""
    text = f"{value:.{decimals}f}"
    if text.startswith("-"):
        # -0.00 is still zero: no sign for it.
        return text[1:] if float(text) == 0 else MINUS + text[1:]
    return text


def _days_rule() -> str:
    return f"pain noted on {MIN_PAIN_DAYS_PER_WEEK} or more of its days"


# ----- (a) weeks that met the plan against weeks with fewer sessions ----------------------------


def plan_words(result: PlanComparison) -> str:
    if result.status == Status.NO_PLAN:
        return (
            "You have not set a weekly plan for this period, so there are no weeks to "
            "compare with it. You can set how many sessions a week you aim for in Settings."
        )
    if result.status != Status.OK or result.met_mean is None or result.fewer_mean is None:
        need = _need_per_group(result.shortfalls, result.met_weeks, result.fewer_weeks)
        if result.met_weeks == 0 and result.fewer_weeks == 0:
            so_far = "So far there is no such week with a plan."
        else:
            so_far = (
                f"So far {_there_are(result.met_weeks, 'week')} in which you did at least "
                f"your planned sessions, and {_count(result.fewer_weeks, 'week')} with fewer."
            )
        return (
            "To compare weeks in which you did your planned sessions with weeks in which you "
            f"did fewer, at least {need} weeks of each kind are needed in the period shown, "
            f"each with {_days_rule()}. {so_far}"
        )
    met, fewer = result.met_mean, result.fewer_mean
    text = (
        f"In the {_plural(result.met_weeks, 'week')} in which you did at least your planned "
        f"sessions, your pain averaged {score(met)} out of 10. In the "
        f"{_plural(result.fewer_weeks, 'week')} with fewer sessions, it averaged {score(fewer)}."
    )
    difference = met - fewer
    if f"{abs(difference):.1f}" == "0.0":
        return f"{text} So far the two kinds of weeks look about the same."
    lower_or_higher = "lower" if difference < 0 else "higher"
    return f"{text} That is {points(difference)} {lower_or_higher} in the weeks on plan."


def _need_per_group(shortfalls: Sequence[Shortfall], met: int, fewer: int) -> int:
    # The domain says how many more of each kind; have + more is what it needs.
    have = {"plan_met_weeks": met, "plan_missed_weeks": fewer}
    needs = [have[s.unit] + s.more for s in shortfalls if s.unit in have]
    return max(needs, default=MIN_GROUP_WEEKS)


# ----- (b) sessions in a week and the change in pain the week after -----------------------------


def strength(rho: float) -> str:
    """'no clear', 'a weak', 'a moderate' or 'a strong' (by |rho|)."""
    size = abs(rho)
    if size < NO_LINK_BELOW:
        return "no clear"
    if size < WEAK_BELOW:
        return "a weak"
    if size < MODERATE_BELOW:
        return "a moderate"
    return "a strong"


def interval_includes_no_link(low: float, high: float) -> bool:
    return low <= 0.0 <= high


def link_words(result: AdherenceCorrelation) -> str:
    by_share = result.measure == Measure.SHARE_OF_PLAN
    weeks_with_more = (
        "weeks in which you did more of your plan" if by_share else "weeks with more sessions"
    )
    if result.status == Status.NOT_ENOUGH_DATA:
        missing = max(MIN_WEEK_PAIRS - result.pairs, 1)
        for shortfall in result.shortfalls:
            if shortfall.unit == "week_pairs":
                missing = shortfall.more
        need = result.pairs + missing
        return (
            f"To see whether {weeks_with_more} go with your pain easing the week after, at "
            f"least {_plural(need, 'pair')} of back-to-back weeks are needed in the period "
            f"shown (two weeks in a row, each with {_days_rule()}). So far "
            f"{_there_are(result.pairs, 'pair')}: {missing} more {_is_are(missing)} needed."
        )
    if result.status == Status.NO_VARIATION or result.rho is None:
        what = "share of your plan" if by_share else "number of sessions"
        return (
            f"Across {_plural(result.pairs, 'pair')} of back-to-back weeks, your weeks were all "
            f"alike {DASH} the same {what} every week, or the same change in pain {DASH} so "
            "there is no pattern to measure yet."
        )
    rho = result.rho
    basis = f"Across {_plural(result.pairs, 'pair')} of back-to-back weeks"
    size = strength(rho)
    how_much = "how much of your plan you did" if by_share else "how many sessions you did"
    numbers = f"rank correlation {signed(rho)}"
    interval = ""
    if result.low is not None and result.high is not None:
        percent = f"{result.confidence * 100:.0f}%"
        numbers += f"; {percent} range {signed(result.low)} to {signed(result.high)}"
        if interval_includes_no_link(result.low, result.high):
            interval = " The range of plausible values includes no link at all."
        else:
            interval = (
                " The range of plausible values does not include zero, so chance alone is "
                "an unlikely explanation."
            )
        if result.high - result.low > WIDE_INTERVAL:
            interval += " The range is wide, so this may change as more weeks are added."
    else:
        interval = " There were too few different weeks to say how sure this is."
    if size == "no clear":
        text = (
            f"{basis}, there was no clear link between {how_much} in a week and how your "
            f"pain changed over the next week ({numbers})."
        )
        return text + interval
    direction = "down" if rho < 0 else "up"
    text = (
        f"{basis}, {weeks_with_more} tended to be followed by your pain going {direction} "
        f"over the next week {DASH} {size} link ({numbers})."
    )
    text += interval
    if rho > 0 and result.low is not None and result.low > 0:
        text += (
            " If your sessions seem to make your pain worse, talk it over with your "
            "physiotherapist."
        )
    return text


# ----- (c) the change since the start of the period ---------------------------------------------


def _weeks_phrase(mondays: Sequence[date], day_words: DayWords) -> str:
    if len(mondays) == 1:
        return f"the week starting {day_words(mondays[0])}"
    back_to_back = all((b - a).days == 7 for a, b in pairwise(mondays))
    if back_to_back:
        return f"the {_count_word(len(mondays))} weeks from {day_words(mondays[0])}"
    listed = ", ".join(day_words(d) for d in mondays[:-1])
    return f"the weeks starting {listed} and {day_words(mondays[-1])}"


def _count_word(count: int) -> str:
    return ("two", "three", "four")[count - 2] if 2 <= count <= 4 else str(count)


def change_words(result: PainChange, day_words: DayWords = date.isoformat) -> str:
    if result.status != Status.OK or result.baseline is None or result.latest is None:
        more = MIN_PAIN_WEEKS
        for shortfall in result.shortfalls:
            if shortfall.unit == "pain_weeks":
                more = shortfall.more
        have = max(MIN_PAIN_WEEKS - more, 0)
        return (
            f"To tell whether your pain has changed, at least {MIN_PAIN_WEEKS} weeks are "
            f"needed in the period shown, each with {_days_rule()}. So far "
            f"{_there_are(have, 'such week')}: {more} more {_is_are(more)} needed."
        )
    baseline, latest = result.baseline, result.latest
    start = _weeks_phrase(result.baseline_weeks, day_words)
    end = _weeks_phrase(result.latest_weeks, day_words)
    moved = latest - baseline
    text = f"Your average pain went from {score(baseline)} out of 10 in {start} to {score(latest)}"
    text += f" in {end}"
    if f"{abs(moved):.1f}" == "0.0":
        text += ": about the same."
    else:
        text += f": {points(moved)} {'lower' if moved < 0 else 'higher'}"
        relative = result.relative
        if relative is not None and f"{abs(relative) * 100:.0f}" != "0":
            text += f" ({abs(relative) * 100:.0f}% {'less' if moved < 0 else 'more'})"
        text += "."
    size = f"{MEANINGFUL_POINTS:.0f} points or {MEANINGFUL_SHARE * 100:.0f}%"
    if result.direction == Direction.LESS_PAIN:
        return (
            f"{text} A fall of at least {size} is one that people usually notice as a real "
            "improvement, and this one is that large."
        )
    if result.direction == Direction.MORE_PAIN:
        return (
            f"{text} A rise of at least {size} is one that people usually notice. If your "
            "pain keeps getting worse, talk to your GP or physiotherapist."
        )
    return (
        f"{text} That is less than the {size} that people usually notice, so it does not "
        "count as a clear change yet."
    )


# ----- everything -------------------------------------------------------------------------------


def insight_paragraphs(
    insights: Insights, day_words: DayWords = date.isoformat
) -> tuple[InsightParagraph, ...]:
    """The panel's paragraphs, in order; the caveat is always the last."""
    plan = insights.plan_comparison
    link = insights.correlation
    change = insights.change
    return (
        InsightParagraph("plan", HEADINGS["plan"], plan_words(plan), plan.status == Status.OK),
        InsightParagraph("link", HEADINGS["link"], link_words(link), link.status == Status.OK),
        InsightParagraph(
            "change",
            HEADINGS["change"],
            change_words(change, day_words),
            change.status == Status.OK,
        ),
        InsightParagraph("caveat", HEADINGS["caveat"], CAVEAT, False),
    )


def insights_text(insights: Insights, day_words: DayWords = date.isoformat) -> str:
    """The panel as plain text, for a screen reader's description or a report."""
    return "\n\n".join(f"{p.heading}. {p.text}" for p in insight_paragraphs(insights, day_words))
