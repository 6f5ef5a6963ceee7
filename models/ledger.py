"""The credit ledger (SPEC 4): enrollments, program years and append-only entries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
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
    EXTEND = "extend"  # moves a grant's last valid day later; amount 0, points at the grant entry


#: The kinds of entry that change a member's credit (a discount is not credit).
CREDIT_KINDS = tuple(
    kind.value for kind in (EntryKind.GRANT, EntryKind.APPLY, EntryKind.EXPIRE, EntryKind.ADJUST, EntryKind.REVERSE)
)


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


ONE_DAY = timedelta(days=1)

#: a program-year grant's priority; a bonus grant has its own, 0 (drawn first) to 100 (drawn last)
PROGRAM_YEAR_PRIORITY = 50
LOWEST_PRIORITY, HIGHEST_PRIORITY = 100, 0
#: bonus grants are numbered from here (1001, 1002, ...): never a program year's number, which
#: year 2 and renewal count from the member's program years (SPEC 4)
BONUS_BASE = 1000


def is_bonus(number: int | None) -> bool:
    return number is not None and number > BONUS_BASE


def check_priority(priority: int) -> int:
    if not HIGHEST_PRIORITY <= priority <= LOWEST_PRIORITY:
        raise ValueError(f"a priority is 0 (drawn first) to 100 (drawn last), not {priority}")
    return priority


def effective_until(valid_until: date, extensions: list[date] | tuple[date, ...]) -> date:
    """A grant's last valid day: the latest of its extensions (not reversed) that is later than the original."""
    return max([valid_until, *extensions])


@dataclass(frozen=True)
class GrantBalance:
    """What is left of one grant's credit (a program year, or a bonus grant), valid to its effective last day."""

    program_year: int
    valid_from: date
    valid_until: date  # the effective last valid day, extensions included
    remaining: Cents
    priority: int = PROGRAM_YEAR_PRIORITY

    @property
    def expires_on(self) -> date:
        return self.valid_until + ONE_DAY


@dataclass(frozen=True)
class BillOutcome:
    bill: Cents
    draws: tuple[tuple[int, Cents], ...]  # (program year, credit applied from it)
    discount: Cents = 0

    @property
    def applied(self) -> Cents:
        return sum(amount for _, amount in self.draws)

    @property
    def due(self) -> Cents:
        return self.bill - self.applied - self.discount


def drawing_order(grant: GrantBalance) -> tuple[int, date, int]:
    """Priority first (0 is drawn first), then the grant that expires first (SPEC 4)."""
    return (grant.priority, grant.valid_until, grant.program_year)


def apply_credit(grants: list[GrantBalance], bill: Cents, on: date) -> tuple[tuple[int, Cents], ...]:
    """Credit for a bill dated `on`: from grants valid that day, by priority, then the one that expires first.

    Never more than the bill, never more than a grant holds (SPEC 4).
    """
    if bill < 0:
        raise ValueError("a bill cannot be negative")
    draws = []
    left = bill
    for grant in sorted(grants, key=drawing_order):
        if left == 0:
            break
        if grant.valid_from <= on <= grant.valid_until and grant.remaining > 0:
            amount = min(left, grant.remaining)
            draws.append((grant.program_year, amount))
            left -= amount
    return tuple(draws)


def settle_bill(grants: list[GrantBalance], bill: Cents, on: date, renewal_rate=None) -> BillOutcome:
    """Credit first; in a renewal year, the discount on what remains (never below zero due)."""
    from models.money import percent_of

    draws = apply_credit(grants, bill, on)
    applied = sum(amount for _, amount in draws)
    discount = 0
    if renewal_rate:
        discount = min(percent_of(bill, renewal_rate), bill - applied)
    return BillOutcome(bill, draws, discount)


def expiring(grants: list[GrantBalance], through: date) -> list[GrantBalance]:
    """Grants whose expiry day has come by `through` and that still hold credit."""
    return [g for g in grants if g.expires_on <= through and g.remaining > 0]


def lowest_balance_from(entries: list[tuple[date, Cents]], on: date) -> tuple[Cents, date]:
    """The lowest a grant's balance stands at the end of day `on` or of any later day, and the
    day it does: its entries given as (date, amount).

    What an entry dated `on` may take away: it counts after that day's entries, and must
    leave every later day at zero or more, not only the final balance. (A month closed
    in February leaves the year low at its end, whatever a reversal dated today gives
    back later.) A day counts whole: entries of one day (a close and its reversal, a
    reversal and the adjustment that replaces it) are not ordered against each other.
    """
    balance = sum(amount for day, amount in entries if day <= on)
    later: dict[date, Cents] = {}
    for day, amount in entries:
        if day > on:
            later[day] = later.get(day, 0) + amount
    lowest, lowest_on = balance, on
    for day in sorted(later):
        balance += later[day]
        if balance < lowest:
            lowest, lowest_on = balance, day
    return lowest, lowest_on


#: "expiring soon": a grant with credit left whose expiry is at most this many days away (SPEC 10's notices
#: warn at 90, 30 and 0 days; the Ledger pane's filter looks 60 days ahead)
EXPIRING_SOON_DAYS = 60


def expiring_soon(expires_on: date | None, balance: Cents, today: date, days: int = EXPIRING_SOON_DAYS) -> bool:
    """Credit left that expires within `days` of `today`."""
    return expires_on is not None and balance > 0 and today <= expires_on <= today + timedelta(days=days)
