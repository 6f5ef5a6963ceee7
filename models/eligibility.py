"""The four eligibility rules (SPEC 2) as a pure function.

Each rule answers pass, fail or unknown with one line a person can read. The
line is rendered from the facts on demand: an import evaluates a hundred
thousand applications and reads no reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from models.applications import Application, Eligibility
from models.dates import add_years, years_and_months
from models.errors import InvalidInput
from models.money import display
from models.policy import Policy


class Outcome(str, Enum):
    PASS = "pass"
    FAIL = "fail"
    UNKNOWN = "unknown"


RULES = ("age", "funding", "territory", "previous_discount")


@dataclass(frozen=True, slots=True)
class RuleResult:
    rule: str
    outcome: Outcome
    why: str  # which reason applies: a key of _REASONS
    facts: tuple = ()

    @property
    def reason(self) -> str:
        return _REASONS[self.why](*self.facts)


def _age_reason(incorporated: date, applied: date, limit_years: int, passed: bool) -> str:
    text = f"incorporated {incorporated}, {years_and_months(incorporated, applied)} before application"
    return text if passed else f"{text} (must be less than {limit_years} years)"


_REASONS = {
    "age": _age_reason,
    "age-unknown": lambda: "incorporation date not given",
    "funding-pass": lambda raised, limit: f"raised USD {display(raised)} (limit {display(limit)})",
    "funding-fail": lambda raised, limit: f"raised USD {display(raised)}, more than the limit of {display(limit)}",
    "funding-currency": lambda currency: f"funding given in {currency}, no USD value stated",
    "funding-unknown": lambda: "total funding not given",
    "territory-pass": lambda country, version: f"{country} is an eligible territory (list v{version})",
    "territory-fail": lambda country, version: f"{country} is not an eligible territory (list v{version})",
    "declared": lambda: "declares a previous Segment discount",
    "prior": lambda note: note,
    "undeclared": lambda: "previous discount not declared; none on record",
    "none": lambda: "no previous discount declared or on record",
}


@dataclass(frozen=True)
class Verdict:
    eligibility: Eligibility
    results: tuple[RuleResult, ...]
    policy_version: int

    def outcome(self, rule: str) -> Outcome:
        return next(r.outcome for r in self.results if r.rule == rule)

    @property
    def failed(self) -> tuple[RuleResult, ...]:
        return tuple(r for r in self.results if r.outcome == Outcome.FAIL)


def overall(outcomes: list[Outcome] | tuple[Outcome, ...]) -> Eligibility:
    if Outcome.FAIL in outcomes:
        return Eligibility.INELIGIBLE
    if Outcome.UNKNOWN in outcomes:
        return Eligibility.INCOMPLETE
    return Eligibility.ELIGIBLE


_PASS, _FAIL, _UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN


def check_age(app: Application, policy: Policy) -> RuleResult:
    inc, applied = app.incorporated_on, app.submitted_on
    if inc is None:
        return RuleResult("age", _UNKNOWN, "age-unknown")
    if inc > applied:
        raise InvalidInput(f"incorporated on {inc}, after the application date {applied}")
    passed = inc > add_years(applied, -policy.max_age_years)
    return RuleResult("age", _PASS if passed else _FAIL, "age", (inc, applied, policy.max_age_years, passed))


def check_funding(app: Application, policy: Policy) -> RuleResult:
    raised = app.total_funding
    if raised is None:
        if app.funding_currency:
            return RuleResult("funding", _UNKNOWN, "funding-currency", (app.funding_currency,))
        return RuleResult("funding", _UNKNOWN, "funding-unknown")
    if raised <= policy.max_funding:
        return RuleResult("funding", _PASS, "funding-pass", (raised, policy.max_funding))
    return RuleResult("funding", _FAIL, "funding-fail", (raised, policy.max_funding))


def check_territory(app: Application, policy: Policy) -> RuleResult:
    facts = (app.country, policy.territory_list_version)
    if app.country in policy.eligible_territories:
        return RuleResult("territory", _PASS, "territory-pass", facts)
    return RuleResult("territory", _FAIL, "territory-fail", facts)


def check_previous_discount(app: Application, prior: str | None) -> RuleResult:
    """`prior` describes an enrollment or discount of the same workspace or company, if any."""
    if app.previous_discount:
        return RuleResult("previous_discount", _FAIL, "declared")
    if prior:
        return RuleResult("previous_discount", _FAIL, "prior", (prior,))
    if app.previous_discount is None:
        return RuleResult("previous_discount", _UNKNOWN, "undeclared")
    return RuleResult("previous_discount", _PASS, "none")


def evaluate(app: Application, policy: Policy, prior: str | None = None) -> Verdict:
    """All four rules for an application under a policy, on its application date."""
    results = (
        check_age(app, policy),
        check_funding(app, policy),
        check_territory(app, policy),
        check_previous_discount(app, prior),
    )
    return Verdict(overall([r.outcome for r in results]), results, policy.version)
