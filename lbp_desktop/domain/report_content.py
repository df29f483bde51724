"""What the clinician report says: the numbers and sentences, decided here, laid out elsewhere.

Pure Python plus numpy: no Qt, no files, no clock (callers pass ``today``).
``services.report_pdf`` only places what this module decides on pages.

The report is for a patient to hand to a physiotherapist or GP, who should
get the picture in about two minutes: a short "what this is and is not",
key figures, the charts, the last weeks, the sessions stopped for pain,
then the patterns with their caveat and the sources.

Rules, the same as the Progress page's (``analytics`` and ``insights``):

- Pain: the 0-10 numeric rating (0 no pain, 10 worst imaginable). The trend
  compares the first two and the last two weeks with pain noted on 3 or
  more days; a change of 2 points or 30% is the minimal important change
  (Ostelo 2008).
- PEG (Krebs, J Gen Intern Med 2009): the mean of three 0-10 items. The
  trend compares the answers of the first 14 days with those of the last
  14 days, which needs answers spread over at least 4 weeks. No minimal
  important change of its own is assumed: the pain rule is applied and the
  report says so.
- A session counts as done when completed, stopped for pain, or partly done
  with at least one step (``adherence.counts_as_done``). A week meets the
  plan when it had at least the sessions per week in force on its Sunday.
- Posture breaks (``break_summary``): taken = when reminded or on the
  person's own; a reminder put off several times counts once. The line is
  left out when no posture break was recorded in the period (the reminders
  are optional).
- Never a diagnosis, never a cause: patterns are associations in one
  person's diary. With too little data a section says how much more is
  needed instead of giving numbers.

Dates are worded by ``day_words`` (the app passes its own date words, so
the domain keeps no month names).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from lbp_desktop import APP_NAME
from lbp_desktop.domain.adherence import counts_as_done
from lbp_desktop.domain.analytics import BreakSeries, ProgressAnalytics, ProgressData
from lbp_desktop.domain.goal_history import goal_on
from lbp_desktop.domain.insight_words import (
    CAVEAT,
    MINUS,
    DayWords,
    InsightParagraph,
    insight_paragraphs,
    points,
    score,
)
from lbp_desktop.domain.insights import (
    MEANINGFUL_POINTS,
    MEANINGFUL_SHARE,
    MIN_PAIN_DAYS_PER_WEEK,
    MIN_PAIN_WEEKS,
    WINDOW_WEEKS,
    Direction,
    Status,
    is_meaningful_change,
)
from lbp_desktop.domain.pain_series import ROLLING_DAYS
from lbp_desktop.domain.records import PainCheckIn, PegAnswer, PostureBreak, SessionRun
from lbp_desktop.domain.safety import STOP_LEVEL, STOP_RISE

TITLE = "Back pain diary: a report for your clinician"

# The caveat in the words the issue asks for; insight_words.CAVEAT begins with it.
ASSOCIATION = "This shows association, not proof of cause"

WEEKS_IN_TABLE = 12
# More rows than this and the table stops being read; the rest are counted.
MAX_LISTED_STOPS = 20
# PEG: answers in the first and the last PEG_WINDOW_DAYS days are compared;
# the two windows must not overlap, so the answers span at least this many days.
PEG_WINDOW_DAYS = 14
MIN_PEG_ANSWERS = 4
MIN_PEG_SPAN_DAYS = 2 * PEG_WINDOW_DAYS - 1
# A stop reason is the player's whole message; its first sentence says what happened.
MAX_REASON_CHARS = 90

ARROW = "\u2192"
# Means of whole-number scores may miss a decimal boundary by a rounding error.
_EPSILON = 1e-9
NO_REASON = "no reason recorded"

ABOUT = (
    f"Made by {APP_NAME}, a self-management app, from the person's own diary: pain "
    "scores, weekly PEG answers and guided exercise sessions, entered at home. Nothing "
    "here was measured or checked by a clinician.",
    "It is not a diagnosis and gives no treatment advice. Patterns in one person's "
    "diary show association, not proof of cause: pain also changes with sleep, stress, "
    "work, other activity and time.",
)

SOURCES = (
    "Pain: numeric rating scale 0-10 (0 no pain, 10 worst imaginable). Minimal "
    f"important change: {MEANINGFUL_POINTS:.0f} points or {MEANINGFUL_SHARE * 100:.0f}% "
    "(Ostelo 2008).",
    "PEG: average pain, interference with enjoyment of life and with general activity "
    "in the past week, each 0-10; the score is their mean (Krebs et al., J Gen Intern "
    "Med 2009).",
    f"Session stop rule: the app stops a session when pain rises {STOP_RISE} or more "
    f"points above the score given before it, or reaches {STOP_LEVEL}, and suggests a "
    "gentler plan next (after NHS inform: stop an exercise that makes symptoms worse "
    "or causes new pain).",
    "Sessions done: completed, stopped for pain, or partly done with at least one step. "
    "Weeks are Monday to Sunday; a week meets the plan with at least the planned "
    "number of sessions.",
    "Patterns: mean weekly pain in weeks on plan against weeks below it; Spearman's rank "
    "correlation between a week's sessions and the change in pain over the next week, "
    "with a bootstrap interval. Only complete weeks with pain noted on "
    f"{MIN_PAIN_DAYS_PER_WEEK} or more days are used.",
)

CHART_CAPTIONS = {
    "main": (
        "Left axis: pain 0-10, each day's average and the 7-day average. Right axis, as "
        "bars: sessions done each day, or over long periods the share of the weekly plan "
        "done each week. The legend above the chart names every series."
    ),
    "peg": "PEG score of each weekly answer (0-10; lower means pain gets in the way less).",
    "change": (
        "Pain after minus pain before each session: left of 0 less pain after, right of 0 more."
    ),
    "weekday": "Sessions done on each day of the week.",
}


@dataclass(frozen=True)
class Figure:
    """One row of the key figures: what, and its value in words."""

    label: str
    value: str


@dataclass(frozen=True)
class PlanUse:
    """How often one session plan was done in the period."""

    plan_id: str
    name: str
    sessions_done: int
    stopped_for_pain: int


@dataclass(frozen=True)
class PlanSummary:
    current_goal: int  # sessions per week in force on the report's last day; 0: no plan
    changes: tuple[tuple[date, int], ...]  # changes of the weekly plan inside the period
    by_plan: tuple[PlanUse, ...]  # most done first
    text: str


@dataclass(frozen=True)
class AdherenceSummary:
    sessions_done: int
    planned_weeks: int  # complete weeks with a weekly plan
    weeks_met: int
    share_met: float | None  # weeks_met / planned_weeks; None without such weeks
    per_week: float | None  # mean sessions in complete weeks; None without one
    text: str


@dataclass(frozen=True)
class Trend:
    """First and last two-week means of a 0-10 measure, or why there are none."""

    measure: str  # "pain" or "PEG"
    enough: bool
    first: float | None = None
    last: float | None = None
    first_from: date | None = None  # first day of each window
    last_from: date | None = None
    meaningful: bool | None = None
    direction: Direction | None = None
    text: str = ""

    @property
    def change(self) -> float | None:
        """Last minus first: negative is less pain."""
        if self.first is None or self.last is None:
            return None
        return self.last - self.first

    @property
    def relative(self) -> float | None:
        change = self.change
        if change is None or not self.first:
            return None
        return change / self.first


@dataclass(frozen=True)
class SessionChangeSummary:
    count: int  # sessions with pain noted before and after
    less: int
    same: int
    more: int
    median: float | None
    mean: float | None
    text: str


@dataclass(frozen=True)
class StoppedEvent:
    day: date
    plan_id: str
    plan_name: str
    exercise: str  # the exercise under way when it stopped (its name if known); "" if none
    pre: int | None  # pain before the session
    post: int | None  # pain at the check-in after it
    reason: str  # what the player said (its first sentence if long), or NO_REASON


@dataclass(frozen=True)
class WeekRow:
    monday: date
    days_counted: int  # 7 for a whole week; fewer at the ends of the period
    sessions: int
    goal: int  # 0: no plan that week
    percent: float | None  # of the plan; None without a plan
    met: bool | None  # None: no plan, or a week not yet over
    pain_mean: float | None
    pain_days: int


@dataclass(frozen=True)
class ReportContent:
    title: str
    start: date
    end: date  # the last day counted (not after the day the report was made)
    made_on: date
    period: str  # the range in words
    about: tuple[str, ...]
    figures: tuple[Figure, ...]
    plan: PlanSummary
    adherence: AdherenceSummary
    pain: Trend
    peg: Trend
    session_change: SessionChangeSummary
    stopped: tuple[StoppedEvent, ...]  # every stop in the period, oldest first
    stopped_text: str
    weeks: tuple[WeekRow, ...]  # the last WEEKS_IN_TABLE weeks, oldest first
    insights: tuple[InsightParagraph, ...]  # the caveat last
    caveat: str
    sources: tuple[str, ...]
    chart_captions: Mapping[str, str]
    has_entries: bool  # False: nothing was noted in the period at all
    analytics: ProgressAnalytics  # the numbers behind the charts

    @property
    def stopped_listed(self) -> tuple[StoppedEvent, ...]:
        """The stops the table shows: the most recent ``MAX_LISTED_STOPS``, oldest first."""
        return self.stopped[-MAX_LISTED_STOPS:]


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def _percent(share: float) -> str:
    # Half up, as people round (format() would make 12.5% into 12%).
    return f"{math.floor(share * 100 + 0.5)}%"


def _size(value: float) -> float:
    """A change's size cut (not rounded) to one decimal, so it is never shown larger than
    it is: 1.96 points is not a clear change and must not read as 2.0."""
    return math.floor(abs(value) * 10 + _EPSILON) / 10


def _signed_points(value: float) -> str:
    """'+0.5', '\u22121.7', '0.0': a change with a real minus sign."""
    text = f"{_size(value):.1f}"
    if text == "0.0":
        return text
    return (MINUS if value < 0 else "+") + text


def _reason(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return NO_REASON
    if len(text) <= MAX_REASON_CHARS:
        return text
    end = text.find(". ")
    if 0 < end < MAX_REASON_CHARS:
        return text[: end + 1]
    return text[: MAX_REASON_CHARS - 1].rstrip() + "\u2026"


def _in_period(day: date, start: date, last: date) -> bool:
    return start <= day <= last


# ----- sections -----------------------------------------------------------------------------


def _plan_summary(
    runs: Sequence[SessionRun],
    plan_names: Mapping[str, str],
    goal_history: Sequence[tuple[date, int]],
    start: date,
    last: date,
    day_words: DayWords,
) -> PlanSummary:
    done: Counter[str] = Counter()
    stopped: Counter[str] = Counter()
    for run in runs:
        if counts_as_done(run):
            done[run.plan_id] += 1
        if run.outcome == "stopped_for_pain":
            stopped[run.plan_id] += 1
    by_plan = tuple(
        PlanUse(plan_id, plan_names.get(plan_id, plan_id), done[plan_id], stopped[plan_id])
        for plan_id in sorted(done.keys() | stopped.keys(), key=lambda p: (-done[p], p))
    )
    current = goal_on(goal_history, last, 0)
    before = goal_on(goal_history, start - timedelta(days=1), 0)
    changes: list[tuple[date, int]] = []
    for when, goal in sorted(goal_history):
        if start <= when <= last and goal != (changes[-1][1] if changes else before):
            changes.append((when, goal))
    if current > 0:
        text = f"Weekly plan: {_plural(current, 'session')} a week."
    else:
        text = "No weekly plan (sessions per week) is set."
    if changes:
        steps = "; ".join(
            f"from {day_words(when)}: {_plural(goal, 'session') if goal else 'no plan'}"
            for when, goal in changes
        )
        text += f" Changed during the period ({steps})."
    return PlanSummary(current, tuple(changes), by_plan, text)


def _adherence_summary(analytics: ProgressAnalytics) -> AdherenceSummary:
    weeks = analytics.adherence.weeks
    complete = weeks.complete
    planned = complete & (weeks.goal > 0)
    n_planned = int(planned.sum())
    n_met = int((planned & weeks.met).sum())
    n_complete = int(complete.sum())
    done = analytics.adherence.total
    per_week = float(weeks.sessions[complete].mean()) if n_complete else None
    share = n_met / n_planned if n_planned else None
    text = f"{_plural(done, 'session')} done in the period"
    if per_week is not None:
        text += f", {per_week:.1f} a week on average over {_plural(n_complete, 'whole week')}"
    text += "."
    if share is not None:
        text += (
            f" The plan was met in {n_met} of {_plural(n_planned, 'whole week')} with a plan "
            f"({_percent(share)})."
        )
    elif n_complete and not (weeks.goal > 0).any():
        text += " No weekly plan was set, so there are no weeks to judge against one."
    elif not n_complete:
        text += " The period holds no whole week (Monday to Sunday) yet, so weeks are not judged."
    else:
        text += " No whole week of the period had a weekly plan."
    return AdherenceSummary(done, n_planned, n_met, share, per_week, text)


def _change_words(trend_first: float, trend_last: float) -> str:
    moved = trend_last - trend_first
    size = _size(moved)
    if size == 0:
        return "about the same"
    words = f"{points(size)} {'lower' if moved < 0 else 'higher'}"
    if trend_first > 0:
        # Cut, not rounded, like the points: 29.6% must not read as the 30% threshold.
        share = math.floor(abs(moved) / trend_first * 100 + _EPSILON)
        if share:
            words += f" ({share}% {'less' if moved < 0 else 'more'})"
    return words


def _size_words(meaningful: bool) -> str:
    size = f"{MEANINGFUL_POINTS:.0f} points or {MEANINGFUL_SHARE * 100:.0f}%"
    if meaningful:
        return f"at least {size}: a change people usually notice"
    return f"less than {size}: not a clear change"


def _pain_trend(analytics: ProgressAnalytics, day_words: DayWords) -> Trend:
    change = analytics.insights.change
    if change.status != Status.OK or change.baseline is None or change.latest is None:
        have = analytics.insights.pain_weeks
        return Trend(
            "pain",
            False,
            text=(
                f"Too few weeks to show a trend in pain: {have} of the {MIN_PAIN_WEEKS} "
                f"needed (a whole week with pain noted on {MIN_PAIN_DAYS_PER_WEEK} or more "
                "of its days)."
            ),
        )
    first, last = change.baseline, change.latest
    first_from, last_from = change.baseline_weeks[0], change.latest_weeks[0]
    meaningful = change.meaningful
    text = (
        f"Average pain {score(first)} in the first {WINDOW_WEEKS} weeks with pain noted "
        f"(from {day_words(first_from)}) and {score(last)} in the last {WINDOW_WEEKS} (from "
        f"{day_words(last_from)}): {_change_words(first, last)}; {_size_words(meaningful)}."
    )
    return Trend(
        "pain",
        True,
        first=first,
        last=last,
        first_from=first_from,
        last_from=last_from,
        meaningful=meaningful,
        direction=change.direction,
        text=text,
    )


def _peg_trend(analytics: ProgressAnalytics, day_words: DayWords) -> Trend:
    peg = analytics.peg
    days = peg.days.astype("datetime64[D]").astype(np.int64)
    count = peg.count
    span = int(days[-1] - days[0]) if count else 0
    if count < MIN_PEG_ANSWERS or span < MIN_PEG_SPAN_DAYS:
        if count == 0:
            so_far = "none so far"
        else:
            so_far = f"so far {_plural(count, 'answer')} over {_plural(span + 1, 'day')}"
        return Trend(
            "PEG",
            False,
            text=(
                f"Too few PEG answers to show a trend: at least {MIN_PEG_ANSWERS}, spread "
                f"over {MIN_PEG_SPAN_DAYS + 1} days or more, are needed ({so_far})."
            ),
        )
    first_window = days <= days[0] + PEG_WINDOW_DAYS - 1
    last_window = days >= days[-1] - PEG_WINDOW_DAYS + 1
    first = float(peg.score[first_window].mean())
    last = float(peg.score[last_window].mean())
    meaningful = is_meaningful_change(first, last)
    if not meaningful:
        direction = Direction.NO_MEANINGFUL_CHANGE
    else:
        direction = Direction.LESS_PAIN if last < first else Direction.MORE_PAIN
    first_from = peg.days[0].astype(object)
    last_from = peg.days[last_window][0].astype(object)
    n_first, n_last = int(first_window.sum()), int(last_window.sum())
    text = (
        f"Average PEG {score(first)} in the first {PEG_WINDOW_DAYS} days of answers "
        f"({_plural(n_first, 'answer')} from {day_words(first_from)}) and {score(last)} in "
        f"the last {PEG_WINDOW_DAYS} ({_plural(n_last, 'answer')} from "
        f"{day_words(last_from)}): {_change_words(first, last)}; {_size_words(meaningful)}, "
        "by the rule for pain scores (the PEG's own threshold may differ)."
    )
    return Trend(
        "PEG",
        True,
        first=first,
        last=last,
        first_from=first_from,
        last_from=last_from,
        meaningful=meaningful,
        direction=direction,
        text=text,
    )


def _session_change(analytics: ProgressAnalytics) -> SessionChangeSummary:
    change = analytics.session_change
    if change.count == 0:
        return SessionChangeSummary(
            0, 0, 0, 0, None, None, "No session in the period has pain noted both before and after."
        )
    median, mean = change.median, change.mean
    assert median is not None and mean is not None
    n = change.count
    text = (
        f"Of {_plural(n, 'session')} with pain noted before and after: less pain after "
        f"{change.less_pain} ({_percent(change.less_pain / n)}), the same after {change.same}, "
        f"more after {change.more_pain} ({_percent(change.more_pain / n)}). Median change "
        f"{_signed_points(median)} points, mean {_signed_points(mean)}. Sessions stopped for "
        "pain are included. Pain straight after a session says little about the days after."
    )
    return SessionChangeSummary(
        n, change.less_pain, change.same, change.more_pain, median, mean, text
    )


def _stopped_events(
    runs: Sequence[SessionRun], plan_names: Mapping[str, str], exercise_names: Mapping[str, str]
) -> tuple[StoppedEvent, ...]:
    stops = sorted(
        (r for r in runs if r.outcome == "stopped_for_pain"),
        key=lambda r: (r.at.date(), r.at.time(), r.id),
    )
    return tuple(
        StoppedEvent(
            day=r.at.date(),
            plan_id=r.plan_id,
            plan_name=plan_names.get(r.plan_id, r.plan_id),
            # The player records the step under way when the stop rule ends a session.
            exercise=exercise_names.get(r.steps[-1].exercise_id, r.steps[-1].exercise_id)
            if r.steps
            else "",
            pre=r.pre_pain,
            post=r.post_pain,
            reason=_reason(r.stop_reason),
        )
        for r in stops
    )


def _stopped_text(stops: Sequence[StoppedEvent], sessions_done: int) -> str:
    if not stops:
        return "No session was stopped for pain in this period."
    n = len(stops)
    text = f"{_plural(n, 'session')} stopped for pain"
    if sessions_done:
        text += f" ({_percent(n / sessions_done)} of sessions done)"
    text += "."
    if n > MAX_LISTED_STOPS:
        text += f" The table lists the latest {MAX_LISTED_STOPS}; the CSV export has them all."
    return text


def _week_rows(analytics: ProgressAnalytics) -> tuple[WeekRow, ...]:
    weeks = analytics.adherence.weeks
    pain = analytics.weekly_pain
    rows: list[WeekRow] = []
    for i in np.flatnonzero(weeks.days_counted > 0)[-WEEKS_IN_TABLE:].tolist():
        goal = int(weeks.goal[i])
        sessions = int(weeks.sessions[i])
        complete = bool(weeks.complete[i])
        mean = float(pain.mean[i])
        rows.append(
            WeekRow(
                monday=weeks.week_starts[i].astype(object),
                days_counted=int(weeks.days_counted[i]),
                sessions=sessions,
                goal=goal,
                percent=100.0 * sessions / goal if goal else None,
                met=(sessions >= goal) if goal and complete else None,
                pain_mean=mean if np.isfinite(mean) else None,
                pain_days=int(pain.days_with_entries[i]),
            )
        )
    return tuple(rows)


def _figures(
    analytics: ProgressAnalytics,
    period: str,
    plan: PlanSummary,
    adherence: AdherenceSummary,
    pain: Trend,
    peg: Trend,
    change: SessionChangeSummary,
    stops: int,
) -> tuple[Figure, ...]:
    counted = (analytics.end - analytics.start).days + 1
    pain_days = analytics.pain.days_with_entries
    means = analytics.pain.mean[np.isfinite(analytics.pain.mean)]
    noted = f"on {pain_days} of {_plural(counted, 'day')}"
    if means.size:
        noted += f"; average {score(float(means.mean()))} of 10"
    figures = [
        Figure("Period", f"{period} ({_plural(counted, 'day')})"),
        Figure(
            "Weekly plan",
            _plural(plan.current_goal, "session") + " a week" if plan.current_goal else "none set",
        ),
        Figure("Sessions done", str(adherence.sessions_done)),
    ]
    if adherence.share_met is not None:
        met = (
            f"{adherence.weeks_met} of {adherence.planned_weeks} ({_percent(adherence.share_met)})"
        )
    else:
        met = "cannot be judged (no whole week with a plan)"
    figures.append(Figure("Weeks meeting the plan", met))
    figures.append(Figure("Pain noted", noted))
    for name, trend in (("Pain", pain), ("PEG", peg)):
        label = f"{name}, first {ARROW} last 2 weeks"
        if trend.enough and trend.first is not None and trend.last is not None:
            verdict = "clear change" if trend.meaningful else "not a clear change"
            value = (
                f"{score(trend.first)} {ARROW} {score(trend.last)} "
                f"({_signed_points(trend.last - trend.first)}; {verdict})"
            )
        else:
            value = "too little data for a trend"
        figures.append(Figure(label, value))
    if change.count and change.median is not None:
        value = (
            f"less pain after {change.less}, the same after {change.same}, more after "
            f"{change.more} (of {change.count}); median change {_signed_points(change.median)}"
        )
    else:
        value = "no session with pain noted before and after"
    figures.append(Figure(f"Pain before {ARROW} after sessions", value))
    figures.append(Figure("Sessions stopped for pain", str(stops)))
    if analytics.breaks.total.has_any:
        figures.append(Figure("Posture breaks", _breaks_words(analytics.breaks, counted)))
    return tuple(figures)


def _breaks_words(breaks: BreakSeries, counted: int) -> str:
    """'41 taken on 12 of 14 days (35 when reminded, 6 on their own); reminders
    skipped 3, put off 5'."""
    total = breaks.total
    return (
        f"{total.breaks} taken on {breaks.days_with_breaks} of {_plural(counted, 'day')} "
        f"({total.taken} when reminded, {total.natural} on their own); "
        f"reminders skipped {total.skipped}, put off {total.snoozed}"
    )


# ----- everything ---------------------------------------------------------------------------


def report_content(
    checkins: Iterable[PainCheckIn],
    runs: Iterable[SessionRun],
    pegs: Iterable[PegAnswer],
    *,
    goal_history: Sequence[tuple[date, int]],
    plan_names: Mapping[str, str],
    start: date,
    end: date,
    today: date,
    exercise_names: Mapping[str, str] | None = None,
    day_words: DayWords = date.isoformat,
    breaks: Iterable[PostureBreak] = (),
) -> ReportContent:
    """The report on the days ``start..end`` (inclusive), made on ``today``.

    ``goal_history``: ``(date, sessions per week)`` pairs, each in force from
    its date (0: no plan), as for ``analytics``. ``plan_names`` and
    ``exercise_names``: id -> name (one the library no longer has is shown
    by its id). ``breaks``: the posture breaks, for one line of the key
    figures (none: no line). Records outside the period are ignored, except
    check-ins of the six days before ``start``, which feed the 7-day average
    as on the Progress page.
    """
    if end < start:
        raise ValueError(f"end {end} is before start {start}")
    last = min(end, today)
    if last < start:
        raise ValueError(f"the period starts on {start}, after the report's day {today}")
    lead = start - timedelta(days=ROLLING_DAYS - 1)
    kept_checkins = [c for c in checkins if _in_period(c.at.date(), lead, last)]
    kept_runs = [r for r in runs if _in_period(r.at.date(), start, last)]
    kept_pegs = [p for p in pegs if _in_period(p.at.date(), start, last)]
    kept_breaks = [b for b in breaks if _in_period(b.at.date(), start, last)]
    data = ProgressData.from_records(kept_checkins, kept_runs, kept_pegs, kept_breaks)
    analytics = data.analyse(goal_history, start, last, today)

    period = f"{day_words(start)} to {day_words(last)}"
    plan = _plan_summary(kept_runs, plan_names, goal_history, start, last, day_words)
    adherence = _adherence_summary(analytics)
    pain = _pain_trend(analytics, day_words)
    peg = _peg_trend(analytics, day_words)
    change = _session_change(analytics)
    stops = _stopped_events(kept_runs, plan_names, exercise_names or {})
    in_period = [c for c in kept_checkins if c.at.date() >= start]
    return ReportContent(
        title=TITLE,
        start=start,
        end=last,
        made_on=today,
        period=period,
        about=ABOUT,
        figures=_figures(analytics, period, plan, adherence, pain, peg, change, len(stops)),
        plan=plan,
        adherence=adherence,
        pain=pain,
        peg=peg,
        session_change=change,
        stopped=stops,
        stopped_text=_stopped_text(stops, adherence.sessions_done),
        weeks=_week_rows(analytics),
        insights=insight_paragraphs(analytics.insights, day_words),
        caveat=CAVEAT if ASSOCIATION.lower() in CAVEAT.lower() else f"{ASSOCIATION}. {CAVEAT}",
        sources=SOURCES,
        chart_captions=dict(CHART_CAPTIONS),
        has_entries=bool(in_period or kept_runs or kept_pegs),
        analytics=analytics,
    )
