"""The four eligibility rules (SPEC 2) as a pure function.

Each rule answers pass, fail or unknown with one line a person can read.
"""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True)
class RuleResult:
    rule: str
    outcome: Outcome
    reason: str


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


def check_age(app: Application, policy: Policy) -> RuleResult:
    inc, applied = app.incorporated_on, app.submitted_on
    if inc is None:
        return RuleResult("age", Outcome.UNKNOWN, "incorporation date not given")
    if inc > applied:
        raise InvalidInput(f"incorporated on {inc}, after the application date {applied}")
    limit = add_years(applied, -policy.max_age_years)
    span = years_and_months(inc, applied)
    if inc > limit:
        return RuleResult("age", Outcome.PASS, f"incorporated {inc}, {span} before application")
    return RuleResult(
        "age",
        Outcome.FAIL,
        f"incorporated {inc}, {span} before application (must be less than {policy.max_age_years} years)",
    )


def check_funding(app: Application, policy: Policy) -> RuleResult:
    if app.total_funding is None:
        if app.funding_currency:
            return RuleResult("funding", Outcome.UNKNOWN, f"funding given in {app.funding_currency}, no USD value stated")
        return RuleResult("funding", Outcome.UNKNOWN, "total funding not given")
    raised, limit = display(app.total_funding), display(policy.max_funding)
    if app.total_funding <= policy.max_funding:
        return RuleResult("funding", Outcome.PASS, f"raised USD {raised} (limit {limit})")
    return RuleResult("funding", Outcome.FAIL, f"raised USD {raised}, more than the limit of {limit}")


def check_territory(app: Application, policy: Policy) -> RuleResult:
    version = policy.territory_list_version
    if policy.is_eligible_territory(app.country):
        return RuleResult("territory", Outcome.PASS, f"{app.country} is an eligible territory (list v{version})")
    return RuleResult("territory", Outcome.FAIL, f"{app.country} is not an eligible territory (list v{version})")


def check_previous_discount(app: Application, prior: str | None) -> RuleResult:
    """`prior` describes an enrollment or discount of the same workspace or company, if any."""
    if app.previous_discount:
        return RuleResult("previous_discount", Outcome.FAIL, "declares a previous Segment discount")
    if prior:
        return RuleResult("previous_discount", Outcome.FAIL, prior)
    if app.previous_discount is None:
        return RuleResult("previous_discount", Outcome.UNKNOWN, "previous discount not declared; none on record")
    return RuleResult("previous_discount", Outcome.PASS, "no previous discount declared or on record")


def evaluate(app: Application, policy: Policy, prior: str | None = None) -> Verdict:
    """All four rules for an application under a policy, on its application date."""
    results = (
        check_age(app, policy),
        check_funding(app, policy),
        check_territory(app, policy),
        check_previous_discount(app, prior),
    )
    return Verdict(overall([r.outcome for r in results]), results, policy.version)
