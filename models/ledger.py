"""The credit ledger (SPEC 4): enrollments, program years and append-only entries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from models.dates import add_years, day_before
from models.money import Cents


class EntryKind(str, Enum):
    GRANT = "grant"
    APPLY = "apply"
    EXPIRE = "expire"
    ADJUST = "adjust"
    REVERSE = "reverse"
    DISCOUNT = "discount"  # renewal-year discount on a bill; not drawn from a grant


@dataclass(frozen=True)
class ProgramYear:
    """One program year of a member: the grant and the days it is valid."""

    workspace: str
    number: int  # 1, 2 for program years; renewal years continue the count
    valid_from: date
    valid_until: date  # the last valid day
    credit: Cents  # 0 for a renewal year, which discounts instead of granting
    renewal: bool = False

    @property
    def expires_on(self) -> date:
        """The day the remaining balance expires: the day after the last valid day."""
        from datetime import timedelta

        return self.valid_until + timedelta(days=1)

    def covers(self, day: date) -> bool:
        return self.valid_from <= day <= self.valid_until


def program_year(workspace: str, number: int, start: date, credit: Cents, renewal: bool = False) -> ProgramYear:
    """A year valid from `start` to the day before its anniversary (2026-01-15 → 2027-01-14)."""
    return ProgramYear(workspace, number, start, day_before(add_years(start, 1)), credit, renewal)


@dataclass(frozen=True)
class Entry:
    workspace: str
    kind: EntryKind
    on: date
    amount: Cents  # signed: grants add, applied and expired credit subtract
    reason: str = ""
    actor: str = ""
    program_year: int | None = None  # the grant an apply/expire draws from
    month: str | None = None  # 'YYYY-MM' of the bill an apply/discount belongs to
    reverses: int | None = None
    policy_version: int | None = None
    id: int | None = None
