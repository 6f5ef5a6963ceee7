"""Calendar arithmetic the program's rules are written in."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

#: the days the program holds: its date arithmetic (program years, windows, forecasts) stays
#: far inside what Python's date can represent, so a date out here is refused where it comes in
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2999, 12, 31)


def holds(day: date) -> bool:
    return FIRST_DAY <= day <= LAST_DAY


def add_years(day: date, years: int) -> date:
    """The same calendar day `years` later (or earlier); 29 February becomes 28 February."""
    year = day.year + years
    if day.month == 2 and day.day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return day.replace(year=year)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def parse_month(text: str) -> tuple[int, int]:
    """'2026-01' -> (2026, 1); anything else is refused."""
    from models.errors import InvalidInput

    parts = text.strip().split("-")
    if len(parts) != 2 or len(parts[0]) != 4 or not all(p.isascii() and p.isdigit() for p in parts):
        raise InvalidInput(f"not a month (YYYY-MM): {text!r}")
    year, month = int(parts[0]), int(parts[1])
    if not 1 <= month <= 12:
        raise InvalidInput(f"not a month (YYYY-MM): {text!r}")
    return year, month


def years_and_months(start: date, end: date) -> str:
    """'1 year 8 months' between two dates (whole months, start before end)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    years, months = divmod(max(months, 0), 12)
    parts = []
    if years:
        parts.append(f"{years} year{'s' if years != 1 else ''}")
    if months or not years:
        parts.append(f"{months} month{'s' if months != 1 else ''}")
    return " ".join(parts)


def day_before(day: date) -> date:
    return day - timedelta(days=1)
