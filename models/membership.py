"""Membership (SPEC 4): a member's status and the program-year decisions on it.

Year 2 is confirmed from a window before the first anniversary and is valid from
it; a member who no longer qualifies graduates; after the program years a renewal
year at the renewal discount may follow once the credit is used or expired. These
rules are plain functions over the member's years, so the services only read and
write rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from models.errors import RuleRefused
from models.ledger import ProgramYear, program_year
from models.money import Cents, display
from models.partners import Partner


class MemberStatus(str, Enum):
    ACTIVE = "active"  # in its program years
    GRADUATED = "graduated"  # no longer qualifies: no further grant
    RENEWAL = "renewal"  # in a discounted renewal year
    CANCELLED = "cancelled"  # the acceptance was undone


#: status changes a person can make directly (graduate, and undo it); renewals have their own rule
_STATUS_CHANGES = {
    (MemberStatus.ACTIVE, MemberStatus.GRADUATED): "graduated: the member no longer qualifies; no further grant",
    (MemberStatus.GRADUATED, MemberStatus.ACTIVE): "graduation undone: the member is active again",
}


def status_change_note(workspace: str, current: MemberStatus, target: MemberStatus) -> str:
    """The history note of a status change, or a refusal when it is not one that exists."""
    note = _STATUS_CHANGES.get((current, target))
    if note is None:
        sources = [before.value for before, after in _STATUS_CHANGES if after == target]
        raise RuleRefused(f"{workspace} is {current.value}, not {' or '.join(sources)}")
    return note


def member_credit(partner: Partner | None, default: Cents) -> Cents:
    """A year's credit: the partner's amount for its members (active partners only), else the policy's."""
    return partner.credit_for_members(default) if partner is not None else default


@dataclass(frozen=True)
class Member:
    """What the program-year rules need to know about a member."""

    workspace: str
    status: MemberStatus
    years: tuple[ProgramYear, ...]  # in order

    @property
    def program_years(self) -> tuple[ProgramYear, ...]:
        return tuple(y for y in self.years if not y.renewal)

    def current_year(self, on: date) -> ProgramYear | None:
        """The year in force on `on`; before the first one or after the last, the nearest one."""
        if not self.years:
            return None
        for year in self.years:
            if year.covers(on):
                return year
        started = [y for y in self.years if y.valid_from <= on]
        return started[-1] if started else self.years[0]

    def next_year(self, on: date, max_years: int, credit: Cents, window_days: int) -> ProgramYear:
        """Year 2 (or the next program year), confirmed on `on`: valid from the anniversary.

        Refused for a member that is not active, that had its program years, or while
        the anniversary is more than `window_days` away (the grant would be counted in
        the balance and liability months before anyone can use it).
        """
        if self.status != MemberStatus.ACTIVE:
            raise RuleRefused(f"{self.workspace} is {self.status.value}: no further program year")
        years = self.program_years
        if not years:
            raise RuleRefused(f"{self.workspace} has no program year yet")
        if len(years) >= max_years:
            raise RuleRefused(f"{self.workspace} already had {len(years)} program years, the most the program gives")
        last = years[-1]
        anniversary = last.valid_until + timedelta(days=1)
        opens = anniversary - timedelta(days=window_days)
        if on < opens:
            raise RuleRefused(
                f"year {last.number + 1} of {self.workspace} can be confirmed from {opens} "
                f"({window_days} days before its anniversary on {anniversary}), not on {on}"
            )
        return program_year(self.workspace, last.number + 1, anniversary, credit)

    def renewal_year(self, on: date, credit_left: Cents) -> ProgramYear:
        """A renewal year after the program years, once their credit is used or expired.

        It starts on `on`, or the day after the last year ends when that is later.
        """
        if self.status == MemberStatus.CANCELLED:
            raise RuleRefused(f"{self.workspace} is cancelled: no renewal")
        if not self.years:
            raise RuleRefused(f"{self.workspace} has no program year yet")
        last = self.years[-1]
        if on <= last.valid_until and credit_left > 0:
            raise RuleRefused(
                f"{self.workspace} still has {display(credit_left)} of credit until {last.valid_until}: "
                "renewal comes after"
            )
        start = max(on, last.valid_until + timedelta(days=1))
        return program_year(self.workspace, last.number + 1, start, 0, renewal=True)


def prior_enrollment_note(
    workspace: str,
    domains: list[str] | tuple[str, ...] | frozenset[str],
    workspace_enrolled: Callable[[str], bool],
    workspace_of_domain: Callable[[str], str | None],
) -> str | None:
    """Rule 4's record half: an enrollment of the same workspace or company, described for a person.

    The lookups say whether a workspace holds or held an enrollment, and which
    workspace holds one under a company domain (free-mail domains are never asked).
    """
    if workspace and workspace_enrolled(workspace):
        return f"workspace {workspace} already holds or held a program enrollment"
    for domain in sorted(set(domains) - {""}):
        holder = workspace_of_domain(domain)
        if holder:
            return f"{domain} already holds or held a program enrollment (workspace {holder})"
    return None
