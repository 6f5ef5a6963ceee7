"""Policy what-if (SPEC 10): a changed policy evaluated against stored applications, as plain rules.

Only the rules a change touches are evaluated again (funding cap: funding; age limit: age;
territory list: territory), each with the rule's own outcome function; the other rules keep
the outcome stored with the application. Credit amounts are integer cents.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from models.dates import add_years
from models.eligibility import Outcome, age_outcome, overall
from models.errors import InvalidInput
from models.money import Cents
from models.policy import Policy

RULE_NAMES = ("age", "funding", "territory", "previous_discount")


@dataclass(frozen=True)
class PolicyChange:
    """What the what-if changes; None (or empty) keeps the policy's value."""

    funding_cap: Cents | None = None
    max_age_years: int | None = None
    annual_credit: Cents | None = None
    partner_credit: tuple[tuple[str, Cents], ...] = ()  # (partner code, annual credit)
    territories: frozenset[str] | None = None

    def __post_init__(self) -> None:
        if self.funding_cap is not None and self.funding_cap < 0:
            raise InvalidInput("a funding cap cannot be negative")
        if self.max_age_years is not None and not 1 <= self.max_age_years <= 100:
            raise InvalidInput(f"an age limit is 1 to 100 years, not {self.max_age_years}")
        if self.annual_credit is not None and self.annual_credit < 0:
            raise InvalidInput("an annual credit cannot be negative")
        if any(cents < 0 for _, cents in self.partner_credit):
            raise InvalidInput("a partner's credit cannot be negative")

    @property
    def touches_rules(self) -> bool:
        return self.funding_cap is not None or self.max_age_years is not None or self.territories is not None

    def applied_to(self, policy: Policy) -> Policy:
        """The policy as it would be (what "make this the policy from DATE" would save)."""
        return replace(
            policy,
            max_funding=policy.max_funding if self.funding_cap is None else self.funding_cap,
            max_age_years=policy.max_age_years if self.max_age_years is None else self.max_age_years,
            annual_credit=policy.annual_credit if self.annual_credit is None else self.annual_credit,
            eligible_territories=policy.eligible_territories if self.territories is None else self.territories,
        )

    def describe(self) -> dict:
        return {
            "funding_cap": self.funding_cap,
            "max_age_years": self.max_age_years,
            "annual_credit": self.annual_credit,
            "partner_credit": dict(self.partner_credit),
            "territories": sorted(self.territories) if self.territories is not None else None,
        }


def reevaluated(
    change: PolicyChange,
    stored: tuple[str, str, str, str],
    submitted: date,
    incorporated: date | None,
    raised: Cents | None,
    country: str,
) -> tuple[str, tuple[str, str, str, str]]:
    """(eligibility, (age, funding, territory, previous discount)) of one application under the change."""
    age, funding, territory, previous = stored
    if change.max_age_years is not None and incorporated is not None:
        age = age_outcome(incorporated, add_years(submitted, -change.max_age_years)).value
    if change.funding_cap is not None and raised is not None:
        funding = (Outcome.PASS if raised <= change.funding_cap else Outcome.FAIL).value
    if change.territories is not None:
        territory = (Outcome.PASS if country in change.territories else Outcome.FAIL).value
    rules = (age, funding, territory, previous)
    return overall([Outcome(r) for r in rules]).value, rules


def credit_of(
    partner_code: str, partners: dict[str, Cents | None], annual: Cents, overrides: dict[str, Cents]
) -> Cents:
    """A year's credit for a member of `partner_code`: the override, else the active partner's amount,
    else the annual credit (`partners`: active partners' amounts, None for the program default)."""
    if partner_code in overrides:
        return overrides[partner_code]
    amount = partners.get(partner_code)
    return annual if amount is None else amount
