"""Posture breaks counted per day, for the Today page, the Progress page and the report.

Pure Python: no Qt, no clock, and no numpy (the Today page counts today's
breaks at start-up, before numpy is ever needed).

What a ``PostureBreak`` record means, by its outcome (``records.BREAK_OUTCOMES``):

- ``taken``: a reminder came and the person took the break;
- ``natural``: they got up on their own, without a reminder (away from the
  computer long enough, or it was asleep): it is a break all the same;
- ``skipped``: a reminder came and they said no;
- ``snoozed``: a reminder came and they put it off for a few minutes.

Reminders and outcomes are not the same count. The scheduler writes one
``snoozed`` record each time "Later" is pressed, and the same reminder comes
back and ends as taken or skipped (or, when the person walked away, it goes
and a natural break is written). So a reminder snoozed twice and then taken
leaves three records; counting records would show three reminders. Here:

- ``breaks`` = taken + natural: the number people care about;
- ``snoozed`` = reminders put off at least once: each run of consecutive
  snoozed records (in time order, within one day) is one reminder, however
  often it was put off. A reminder put off and then taken counts once in
  ``snoozed`` and once in ``taken``: they answer two different questions
  ("did I take breaks?", "how often did I put one off?"), and nothing adds
  the two up;
- ``reminders`` = taken + skipped + the snoozed reminders that ended neither
  taken nor skipped (``snoozed_unanswered``: the person went away, paused
  the reminders, or the day ended): each reminder once.

Only one reminder is ever on screen at a time, so consecutive snoozes belong
to one reminder. The rare exception (a reminder put off, then taken away by
"Pause reminders", and the next one put off too, with no record in
between) counts as one reminder put off, not two.

Days follow the app's day rule (``overview.local_day``): the date of the
record's own wall clock; within a day, records are in wall-clock order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from lbp_desktop.domain.records import PostureBreak

# Positions in a day's tally, in the order of BreakCounts' fields; the
# outcomes' positions also break ties between records of the same instant.
_TAKEN, _NATURAL, _SKIPPED, _SNOOZED, _UNANSWERED = range(5)
_COLUMN = {"taken": _TAKEN, "natural": _NATURAL, "skipped": _SKIPPED, "snoozed": _SNOOZED}
_KEY_DAY = 4 * 86_400 * 1_000_000  # a key's day is key // _KEY_DAY


@dataclass(frozen=True)
class BreakCounts:
    """One day's (or one period's) posture breaks; see the module docstring."""

    taken: int = 0  # breaks taken when a reminder came
    natural: int = 0  # breaks taken on the person's own
    skipped: int = 0  # reminders declined
    snoozed: int = 0  # reminders put off at least once
    snoozed_unanswered: int = 0  # of those, the ones that then ended neither taken nor skipped

    @property
    def breaks(self) -> int:
        return self.taken + self.natural

    @property
    def reminders(self) -> int:
        """Reminders that came, each once, however often it was put off."""
        return self.taken + self.skipped + self.snoozed_unanswered

    @property
    def has_any(self) -> bool:
        """Anything at all happened (a break or a reminder)."""
        return bool(self.breaks or self.skipped or self.snoozed)

    def __add__(self, other: BreakCounts) -> BreakCounts:
        return BreakCounts(
            self.taken + other.taken,
            self.natural + other.natural,
            self.skipped + other.skipped,
            self.snoozed + other.snoozed,
            self.snoozed_unanswered + other.snoozed_unanswered,
        )


NO_BREAKS = BreakCounts()


def breaks_by_day(breaks: Iterable[PostureBreak]) -> dict[date, BreakCounts]:
    """Each day that has posture-break records, with its counts. Any input order."""
    records = list(breaks)
    # One int per record: its day, its time of day on its own clock, then its
    # outcome (which only settles exact ties, so the input order never
    # shows). Ten years of breaks (~30,000) sort as ints in a few ms; as
    # tuples of naive datetimes it took ten times longer.
    keys = [
        ((at.toordinal() * 86_400 + at.hour * 3_600 + at.minute * 60 + at.second) * 1_000_000
         + at.microsecond) * 4 + _COLUMN[outcome]
        for at, outcome in zip([b.at for b in records], [b.outcome for b in records], strict=True)
    ]  # fmt: skip
    keys.sort()
    tallies: dict[int, list[int]] = {}
    waiting: int | None = None  # the day of a put-off reminder that has not ended yet
    for key in keys:
        day, column = key // _KEY_DAY, key % 4
        tally = tallies.get(day)
        if tally is None:
            tally = tallies[day] = [0, 0, 0, 0, 0]
        if waiting is not None and waiting != day:
            # A new day: the reminder put off on an earlier one did not come back.
            tallies[waiting][_UNANSWERED] += 1
            waiting = None
        if column == _SNOOZED:
            if waiting is None:  # a second "Later" for the same reminder is not counted
                tally[_SNOOZED] += 1
                waiting = day
            continue
        if waiting is not None and column == _NATURAL:
            # The person went away while it was put off: the reminder ended unanswered.
            tally[_UNANSWERED] += 1
        waiting = None
        tally[column] += 1
    if waiting is not None:
        tallies[waiting][_UNANSWERED] += 1
    return {date.fromordinal(day): BreakCounts(*tally) for day, tally in tallies.items()}


def breaks_on(breaks: Iterable[PostureBreak], day: date) -> BreakCounts:
    """The counts of one day (only that day's records are looked at)."""
    return breaks_by_day(b for b in breaks if b.at.date() == day).get(day, NO_BREAKS)


def total(counts: Iterable[BreakCounts]) -> BreakCounts:
    result = NO_BREAKS
    for one in counts:
        result = result + one
    return result
