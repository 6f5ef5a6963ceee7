"""The one place that reads the clock.

Every use case asks its unit of work for `today` and `now()`; the unit of work asks
the database's clock, which is this module's `SystemClock` unless a test or a
person fixes it. `STARTUP_DESK_TODAY=2028-02-29` fixes the default clock at noon UTC
of that day (CI runs the whole suite that way, on a leap day; it has passed at
2025-06-15 too, so no test depends on the calendar); a test passes `FixedClock(...)`
to the database instead.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

ENV_TODAY = "STARTUP_DESK_TODAY"


class Clock:
    """What time it is, in naive UTC (the same on SQLite and PostgreSQL)."""

    def now(self) -> datetime:
        raise NotImplementedError

    def today(self) -> date:
        return self.now().date()


class SystemClock(Clock):
    def now(self) -> datetime:
        return datetime.now(UTC).replace(tzinfo=None)


@dataclass
class FixedClock(Clock):
    """A clock standing at `at` (a date means noon UTC of that day); `advance` moves it on."""

    at: datetime

    def __init__(self, at: datetime | date | str):
        if isinstance(at, str):
            at = date.fromisoformat(at)
        if not isinstance(at, datetime):
            at = datetime.combine(at, time(12))
        self.at = at.replace(tzinfo=None)

    def now(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)


def default_clock() -> Clock:
    """The system's clock, or the day `STARTUP_DESK_TODAY` names."""
    fixed = os.environ.get(ENV_TODAY)
    return FixedClock(fixed) if fixed else SystemClock()


def utcnow() -> datetime:
    """Now on the default clock, for what has no unit of work (file stamps, logs)."""
    return default_clock().now()
