"""Calendar days and ISO weeks as whole numbers numpy can count with.

Pure Python plus numpy: no Qt, no clock.

The day rule (the same as ``overview.local_day`` and the store's year files):
a record belongs to the calendar date of its ``at`` on its own wall clock,
read with the UTC offset it was recorded with. Consequences, on purpose:

- Travel: a pain score at 23:30+01:00 on the 10th and one at 00:30+02:00 are
  the same instant (22:30 UTC), but the first counts for the 10th and the
  second for the 11th, because that is the evening and the night the person
  lived through. Nothing is converted to the machine's current zone, so the
  history does not move when the user moves.
- Daylight saving: a 23-hour (spring) or 25-hour (autumn) day is still one
  date. 00:30+00:00 and 23:30+01:00 on the London spring-forward day both
  belong to it; the two 01:30s of the autumn day (+01:00 and +00:00) both
  belong to theirs. Day grids are built from dates, never from 24-hour steps
  of an instant, so such days are neither doubled nor skipped.

Days are numbered from 1970-01-01 (day 0), like numpy's ``datetime64[D]``.
Weeks are ISO weeks: Monday to Sunday.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TypeVar

import numpy as np
import numpy.typing as npt

_EPOCH = date(1970, 1, 1)
_EPOCH_ORDINAL = _EPOCH.toordinal()
_EPOCH_WEEKDAY = _EPOCH.weekday()  # 1970-01-01 was a Thursday (3)

IntArray = npt.NDArray[np.int64]


def record_day(moment: datetime) -> date:
    """The calendar day a record belongs to: its own wall-clock date."""
    return moment.date()


def day_number(day: date | datetime) -> int:
    """Days since 1970-01-01; for a datetime, of its own wall-clock date.

    ``toordinal`` reads the date fields only, so an aware datetime is not
    converted to UTC or to another zone first.
    """
    return day.toordinal() - _EPOCH_ORDINAL


def date_of(number: int) -> date:
    return date.fromordinal(int(number) + _EPOCH_ORDINAL)


def day_numbers(moments: list[datetime]) -> IntArray:
    """Day numbers of many records' ``at`` (same rule as ``day_number``)."""
    ordinals = [m.toordinal() for m in moments]
    return np.asarray(ordinals, dtype=np.int64).reshape(-1) - _EPOCH_ORDINAL


def as_datetime64(first: int, count: int) -> npt.NDArray[np.datetime64]:
    """``count`` consecutive dates from day number ``first``, as ``datetime64[D]``."""
    return np.arange(first, first + count, dtype=np.int64).astype("datetime64[D]")


def mondays_as_datetime64(first_monday: int, weeks: int) -> npt.NDArray[np.datetime64]:
    """The Mondays of ``weeks`` consecutive weeks from ``first_monday``."""
    return as_datetime64(first_monday, 7 * weeks)[::7].copy()


def weekdays(numbers: IntArray) -> IntArray:
    """ISO weekday index of each day number: Monday 0 ... Sunday 6."""
    return (numbers + _EPOCH_WEEKDAY) % 7


def monday_number(number: int) -> int:
    """The Monday that starts the ISO week holding day ``number``."""
    return number - (number + _EPOCH_WEEKDAY) % 7


def monday_of(day: date) -> date:
    return date_of(monday_number(day_number(day)))


def week_grid(start: int, end: int) -> tuple[int, int]:
    """First Monday and number of ISO weeks that overlap days ``start..end``."""
    first = monday_number(start)
    return first, (monday_number(end) - first) // 7 + 1


def days_counted_per_week(first_monday: int, weeks: int, start: int, last: int) -> IntArray:
    """How many days of each week lie in ``start..last`` (0 to 7)."""
    mondays = first_monday + 7 * np.arange(weeks, dtype=np.int64)
    low = np.maximum(mondays, start)
    high = np.minimum(mondays + 6, last)
    return np.clip(high - low + 1, 0, 7)


ArrayT = TypeVar("ArrayT", bound=np.ndarray)


def read_only(array: ArrayT) -> ArrayT:
    """Marks a result array read-only: results are shared with views, and a
    chart that edited one in place would change every other reader's copy."""
    array.setflags(write=False)
    return array
