"""Dates, times and counts in the plain words the pages use.

Names come from these tables, not strftime: QApplication sets the C locale
from the environment, and a German day name in an English sentence helps
no one. (Translations will replace the tables, not mix the two.)
"""

from __future__ import annotations

from datetime import date, datetime

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def month_name(day: date) -> str:
    return MONTH_NAMES[day.month - 1]


def short_month(day: date) -> str:
    """'Mar'."""
    return MONTH_NAMES[day.month - 1][:3]


def long_date(day: date) -> str:
    """'Wednesday 11 March 2026'."""
    return f"{DAY_NAMES[day.weekday()]} {day.day} {month_name(day)} {day.year}"


def day_month(day: date) -> str:
    """'11 March 2026' (no weekday)."""
    return f"{day.day} {month_name(day)} {day.year}"


def short_date(day: date) -> str:
    """'11 Mar'."""
    return f"{day.day} {short_month(day)}"


def clock_time(moment: datetime) -> str:
    """'14:05', in the offset the moment was recorded with."""
    return f"{moment:%H:%M}"


def date_and_time(moment: datetime) -> str:
    return f"{long_date(moment.date())} at {clock_time(moment)}"


def plural(count: int, one: str, many: str | None = None) -> str:
    """'1 session', '3 sessions'."""
    word = one if count == 1 else (many or one + "s")
    return f"{count} {word}"


def relative_day(day: date, today: date) -> str:
    """'today', 'yesterday', or 'on Monday 9 March 2026'."""
    delta = (today - day).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "yesterday"
    return f"on {long_date(day)}"
