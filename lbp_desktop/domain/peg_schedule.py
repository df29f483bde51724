"""When the weekly PEG questions (Krebs 2009) are offered on the Today page.

Pure Python: no Qt, no files, no clock. Callers pass ``today``.

The rule: the PEG is due when

- the user has used the app before today (never on the very first day: a
  question about "the past week" means little on day one, and a new user
  has enough to take in);
- no PEG answer belongs to the last 7 calendar days, today included: an
  answer on a Wednesday makes the next one due the Wednesday after;
- and the user did not say "Not this week" in the current ISO week
  (Monday to Sunday). A skip lasts until the next Monday, not seven days, so
  a skip on Sunday evening does not hide the questions for a whole week.

Days follow the rule of the rest of the domain (``overview.local_day``): a
record belongs to the wall-clock date it was made on, in its own offset. An
answer given at 00:30 on a Thursday in Mumbai is a Thursday answer even
though it was still Wednesday in Europe, so the next PEG is due on a
Thursday. The skip is stored as the ISO week of the user's own date when
they pressed the button (``iso_week_key``); the settings store keeps the
text, and a value that is not one of ours counts as no skip.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from lbp_desktop.domain.records import PegAnswer

PEG_EVERY_DAYS = 7


def iso_week_key(day: date) -> str:
    """'2026-W11': the ISO year and week, the form a skip is stored in.

    The ISO year, not the calendar year: 1 January 2027 is in week 53 of 2026.
    """
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def last_answer_day(answers: Iterable[PegAnswer]) -> date | None:
    """The newest day with a PEG answer, or None when there is none."""
    return max((answer.at.date() for answer in answers), default=None)


def peg_due(
    answers: Iterable[PegAnswer],
    *,
    today: date,
    first_use: date | None,
    skipped_week: object = None,
) -> bool:
    """Whether to offer the PEG today (see the module docstring for the rule).

    ``first_use``: the day of the user's first record, None when there is none
    yet (then today is the first day). ``skipped_week``: the stored skip, as
    written by ``iso_week_key`` on the day of the skip.
    """
    if first_use is None or first_use >= today:
        return False
    if skipped_week == iso_week_key(today):
        return False
    last = last_answer_day(answers)
    # An answer dated after today (a clock set wrong) counts as recent.
    return last is None or (today - last).days >= PEG_EVERY_DAYS
