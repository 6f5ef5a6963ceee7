"""Effective-dated program policy (SPEC 1).

Every decision and grant records the version it was made under, so a policy
change never rewrites the past.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from models.errors import DomainError
from models.money import Cents


@dataclass(frozen=True)
class Policy:
    version: int
    effective_from: date
    annual_credit: Cents = 2_500_000
    program_years: int = 2
    max_age_years: int = 2
    max_funding: Cents = 500_000_000
    renewal_discount: Decimal = Decimal("0.50")
    territory_list_version: int = 1
    eligible_territories: frozenset[str] = field(default_factory=frozenset)
    year_two_window_days: int = 60  # year 2 may be confirmed this many days before the anniversary

    def is_eligible_territory(self, alpha2: str) -> bool:
        return alpha2 in self.eligible_territories


class PolicyBook:
    """All policy versions; picks the one in force on a day."""

    def __init__(self, policies: list[Policy]):
        if not policies:
            raise DomainError("no program policy is defined")
        self._policies = sorted(policies, key=lambda p: (p.effective_from, p.version))
        self._by_day: dict[date, Policy] = {}

    def in_force(self, on: date) -> Policy:
        cached = self._by_day.get(on)
        if cached is None:
            cached = self._by_day[on] = self._find(on)
        return cached

    def _find(self, on: date) -> Policy:
        chosen = None
        for policy in self._policies:
            if policy.effective_from <= on:
                chosen = policy
            else:
                break
        # Before the first policy, the first one applies: the program had to start somewhere.
        return chosen or self._policies[0]

    def by_version(self, version: int) -> Policy:
        for policy in self._policies:
            if policy.version == version:
                return policy
        raise DomainError(f"no policy version {version}")

    @property
    def latest(self) -> Policy:
        return max(self._policies, key=lambda p: p.version)
