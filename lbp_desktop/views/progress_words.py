"""What the Progress charts say in words: the summary line, the hovered day,
the captions under the small charts and the posture-break chart.

No Qt and no pyqtgraph: the PDF report and the tests use these too. The
numbers come from ``ProgressAnalytics`` as they are; this only reads them
out (a mean of the daily means for the summary is the one sum done here).
"""

from __future__ import annotations

from datetime import date

import numpy as np

from lbp_desktop.domain.adherence import WeekdayAdherence
from lbp_desktop.domain.analytics import BreakSeries, PegSeries, ProgressAnalytics, SessionChange
from lbp_desktop.views.words import DAY_NAMES, day_month, month_name, plural

# Legend entries of the main chart.
PAIN_DAY = "Pain that day (average)"
PAIN_WEEK = "7-day average pain"
BEFORE = "Before a session"
AFTER = "After a session"
SESSIONS_DAY = "Sessions that day"
PLAN_WEEK = "% of weekly plan done"
SESSIONS_WEEK = "Sessions that week"
# Legend entries of the posture-break chart: breaks in one bar, the
# reminders not taken up in the bar beside it.
BREAK_REMINDED = "Break when reminded"
BREAK_OWN = "Break on your own"
REMINDER_SKIPPED = "Reminder skipped"
REMINDER_PUT_OFF = "Reminder put off"

WEEKDAYS_PLURAL = tuple(f"{name}s" for name in DAY_NAMES)


def as_date(value: np.datetime64) -> date:
    return value.astype("datetime64[D]").astype(object)


def day_label(day: date, *, with_year: bool = False) -> str:
    """'Tue 3 March', or 'Tue 3 March 2026' when the period spans years."""
    text = f"{DAY_NAMES[day.weekday()][:3]} {day.day} {month_name(day)}"
    return f"{text} {day.year}" if with_year else text


def spans_years(analytics: ProgressAnalytics) -> bool:
    return analytics.start.year != analytics.end.year


def period_words(start: date, end: date) -> str:
    """'26 February to 11 March 2026' (the year once when both share it)."""
    if start == end:
        return day_month(end)
    if start.year == end.year:
        return f"{start.day} {month_name(start)} to {day_month(end)}"
    return f"{day_month(start)} to {day_month(end)}"


def days_counted(analytics: ProgressAnalytics) -> int:
    """Days of the period up to today (nothing after today is known)."""
    last = min(analytics.end, analytics.today)
    return max((last - analytics.start).days + 1, 0)


def mean_pain(analytics: ProgressAnalytics) -> float | None:
    """The mean of the daily means in the period (each day weighs the same)."""
    means = analytics.pain.mean
    finite = means[np.isfinite(means)]
    return float(finite.mean()) if finite.size else None


def summary_words(analytics: ProgressAnalytics) -> str:
    counted = days_counted(analytics)
    pain_days = analytics.pain.days_with_entries
    sessions = analytics.adherence.total
    did = f"did {plural(sessions, 'session')}" if sessions else "did no sessions"
    mean = mean_pain(analytics)
    text = f"From {period_words(analytics.start, analytics.end)} you "
    if mean is None:
        text += f"noted no pain scores and {did}."
    else:
        text += (
            f"noted your pain on {pain_days} of {plural(counted, 'day')}, on average "
            f"{mean:.1f} out of 10, and {did}."
        )
    goals = analytics.adherence.weeks.goal
    if goals.size and int(goals[-1]) > 0:
        text += f" Your plan: {plural(int(goals[-1]), 'session')} a week."
    breaks = analytics.breaks.total.breaks
    if breaks:
        text += f" You took {plural(breaks, 'posture break')}."
    return text


def hover_words(analytics: ProgressAnalytics, index: int, *, weekly: bool = False) -> str:
    """One day in words: 'Tue 3 March: pain 4.3 (3 entries), 7-day average 4.1, 2 sessions.'

    ``weekly`` adds the day's week against the plan (the chart shows weeks then).
    """
    pain = analytics.pain
    day = as_date(pain.days[index])
    with_year = spans_years(analytics)
    if day > analytics.today:
        return f"{day_label(day, with_year=with_year)}: not yet."
    parts: list[str] = []
    entries = int(pain.entries[index])
    if entries:
        parts.append(f"pain {pain.mean[index]:.1f} ({plural(entries, 'entry', 'entries')})")
    else:
        parts.append("no pain noted")
    rolling = float(pain.rolling7[index])
    if np.isfinite(rolling):
        parts.append(f"7-day average {rolling:.1f}")
    sessions = int(analytics.adherence.sessions[index])
    parts.append(plural(sessions, "session") if sessions else "no sessions")
    text = f"{day_label(day, with_year=with_year)}: {', '.join(parts)}."
    before, after = float(pain.pre_session[index]), float(pain.post_session[index])
    if np.isfinite(before) and np.isfinite(after):
        text += f" Before a session {before:.1f}, after {after:.1f}."
    elif np.isfinite(before):
        text += f" Before a session {before:.1f}."
    elif np.isfinite(after):
        text += f" After a session {after:.1f}."
    if weekly:
        text += " " + week_words(analytics, day)
    return text


def week_words(analytics: ProgressAnalytics, day: date) -> str:
    """'Week from Mon 2 March: 9 of 14 planned sessions (64%).'"""
    weeks = analytics.adherence.weeks
    first = as_date(weeks.week_starts[0])
    row = (day - first).days // 7
    monday = as_date(weeks.week_starts[row])
    sessions = int(weeks.sessions[row])
    goal = int(weeks.goal[row])
    so_far = "" if bool(weeks.complete[row]) else " so far"
    label = f"Week from {day_label(monday, with_year=spans_years(analytics))}"
    if goal > 0:
        percent = 100.0 * sessions / goal
        return f"{label}: {sessions} of {goal} planned sessions{so_far} ({percent:.0f}%)."
    return f"{label}: {plural(sessions, 'session')}{so_far}, no plan set."


def peg_caption(peg: PegSeries) -> str:
    if peg.count == 0:
        return (
            "No weekly PEG answers in this period. The PEG asks how much pain gets in the "
            "way of enjoying life and of general activity."
        )
    latest = peg.count - 1
    day = as_date(peg.days[latest])
    return (
        f"{plural(peg.count, 'answer')}. The latest, on {day_month(day)}: "
        f"{peg.score[latest]:.1f} out of 10 (pain {peg.pain[latest]:.0f}, enjoyment of life "
        f"{peg.enjoyment[latest]:.0f}, general activity {peg.activity[latest]:.0f}). Lower "
        "means pain gets in the way less."
    )


def change_caption(change: SessionChange) -> str:
    if change.count == 0:
        return "No sessions in this period with pain noted both before and after."
    text = (
        f"Less pain after {plural(change.less_pain, 'session')}, the same after "
        f"{change.same}, more pain after {change.more_pain}."
    )
    stopped = int(change.stopped_for_pain.sum())
    if stopped:
        verb = "is" if stopped == 1 else "are"
        text += f" {plural(stopped, 'session')} stopped for pain {verb} counted too."
    return text


def breaks_caption(breaks: BreakSeries) -> str:
    """'41 breaks: 35 when reminded, 6 on your own. 3 reminders skipped, 5 put off for a
    few minutes.'

    A reminder put off and then taken counts in both: the chart shows them
    in two bars and nothing adds them up.
    """
    total = breaks.total
    if not total.has_any:
        return "No posture breaks in this period."
    if total.breaks:
        text = (
            f"{plural(total.breaks, 'break')}: {total.taken} when reminded, "
            f"{total.natural} on your own."
        )
    else:
        text = "No breaks taken in this period."
    skipped, put_off = total.skipped, total.snoozed
    if skipped and put_off:
        text += f" {plural(skipped, 'reminder')} skipped, {put_off} put off for a few minutes."
    elif skipped:
        text += f" {plural(skipped, 'reminder')} skipped."
    elif put_off:
        text += f" {plural(put_off, 'reminder')} put off for a few minutes."
    return text


def weekday_caption(weekdays: WeekdayAdherence) -> str:
    counts = [int(n) for n in weekdays.sessions]
    total = sum(counts)
    if total == 0:
        return "No sessions in this period."
    most, fewest = max(counts), min(counts)
    if most == fewest:
        return f"The same number of sessions on every day of the week ({most} each)."
    return (
        f"Most sessions on {_days_with(counts, most)} ({most}"
        f"{' each' if counts.count(most) > 1 else ''}); fewest on "
        f"{_days_with(counts, fewest)} ({fewest}{' each' if counts.count(fewest) > 1 else ''})."
    )


def _days_with(counts: list[int], value: int) -> str:
    names = [WEEKDAYS_PLURAL[i] for i, n in enumerate(counts) if n == value]
    if len(names) == 1:
        return names[0]
    if len(names) > 3:
        # A long list of day names hides the one that stands out.
        return f"{len(names)} days of the week"
    return ", ".join(names[:-1]) + " and " + names[-1]


def chart_description(analytics: ProgressAnalytics) -> str:
    """The main chart's accessible description: what it shows, then the summary."""
    return (
        "Pain each day from 0 (no pain) to 10 (worst imaginable) with its 7-day average, "
        "pain before and after sessions, and sessions done as bars. " + summary_words(analytics)
    )
