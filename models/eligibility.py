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
from models.policy import Policy, PolicyBook


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
    "territory-unknown": lambda country, version: "country not given (the file named none)",
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


# ---- the rules' outcomes: one place, shared by evaluate() and Screen ----------------


def age_limit(applied: date, policy: Policy) -> date:
    """A company incorporated after this day is young enough (less than max_age_years old)."""
    return add_years(applied, -policy.max_age_years)


def age_outcome(incorporated: date | None, limit: date) -> Outcome:
    if incorporated is None:
        return _UNKNOWN
    return _PASS if incorporated > limit else _FAIL


def funding_outcome(raised: int | None, policy: Policy) -> Outcome:
    if raised is None:  # not given, or given only in another currency
        return _UNKNOWN
    return _PASS if raised <= policy.max_funding else _FAIL


def territory_outcome(country: str, policy: Policy) -> Outcome:
    if not country:  # read as unknown on purpose ('Remote', when the column mapping says so)
        return _UNKNOWN
    return _PASS if country in policy.eligible_territories else _FAIL


def previous_discount_outcome(declared: bool | None, prior: str | None) -> Outcome:
    if declared or prior:
        return _FAIL
    return _UNKNOWN if declared is None else _PASS


# ---- with reasons, for one application ---------------------------------------------


def check_age(app: Application, policy: Policy) -> RuleResult:
    inc, applied = app.incorporated_on, app.submitted_on
    if inc is None:
        return RuleResult("age", _UNKNOWN, "age-unknown")
    if inc > applied:
        raise InvalidInput(f"incorporated on {inc}, after the application date {applied}")
    outcome = age_outcome(inc, age_limit(applied, policy))
    return RuleResult("age", outcome, "age", (inc, applied, policy.max_age_years, outcome == _PASS))


def check_funding(app: Application, policy: Policy) -> RuleResult:
    raised = app.total_funding
    outcome = funding_outcome(raised, policy)
    if raised is None:
        if app.funding_currency:
            return RuleResult("funding", outcome, "funding-currency", (app.funding_currency,))
        return RuleResult("funding", outcome, "funding-unknown")
    return RuleResult("funding", outcome, f"funding-{outcome.value}", (raised, policy.max_funding))


def check_territory(app: Application, policy: Policy) -> RuleResult:
    outcome = territory_outcome(app.country, policy)
    return RuleResult("territory", outcome, f"territory-{outcome.value}", (app.country, policy.territory_list_version))


def check_previous_discount(app: Application, prior: str | None) -> RuleResult:
    """`prior` describes an enrollment or discount of the same workspace or company, if any."""
    outcome = previous_discount_outcome(app.previous_discount, prior)
    if app.previous_discount:
        return RuleResult("previous_discount", outcome, "declared")
    if prior:
        return RuleResult("previous_discount", outcome, "prior", (prior,))
    return RuleResult("previous_discount", outcome, "undeclared" if outcome == _UNKNOWN else "none")


def evaluate(app: Application, policy: Policy, prior: str | None = None) -> Verdict:
    """All four rules for an application under a policy, on its application date."""
    results = (
        check_age(app, policy),
        check_funding(app, policy),
        check_territory(app, policy),
        check_previous_discount(app, prior),
    )
    return Verdict(overall([r.outcome for r in results]), results, policy.version)


# ---- outcomes only, for many applications ------------------------------------------

#: (eligibility, age, funding, territory, previous discount) as stored, by the four outcomes.
_STORED = {
    outcomes: (overall(outcomes).value, *(o.value for o in outcomes))
    for outcomes in ((a, f, t, p) for a in Outcome for f in Outcome for t in Outcome for p in Outcome)
}


class Screen:
    """The four rules for the rows of an import: what evaluate() decides, without reasons.

    The outcome functions are evaluate()'s own; what repeats from row to row (the
    policy in force on a day and its age limit) is worked out once per day. The
    caller has checked that no company was incorporated after it applied.
    """

    def __init__(self, policies: PolicyBook):
        self._policies = policies
        self._days: dict[date, tuple[Policy, date]] = {}

    def outcomes(
        self,
        applied: date,
        incorporated: date | None,
        raised: int | None,
        country: str,
        declared: bool | None,
        prior: str | None,
    ) -> tuple[tuple[str, str, str, str, str], int]:
        """((eligibility, age, funding, territory, previous discount), policy version)."""
        day = self._days.get(applied)
        if day is None:
            policy = self._policies.in_force(applied)
            day = self._days[applied] = (policy, age_limit(applied, policy))
        policy, limit = day
        stored = _STORED[
            (
                age_outcome(incorporated, limit),
                funding_outcome(raised, policy),
                territory_outcome(country, policy),
                previous_discount_outcome(declared, prior),
            )
        ]
        return stored, policy.version
