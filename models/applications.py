"""Applications and their workflow (SPEC 3)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum

from models.errors import TransitionRefused
from models.money import Cents


class Status(str, Enum):
    NEW = "new"
    IN_REVIEW = "in_review"
    NEEDS_INFO = "needs_info"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"

    @property
    def is_final(self) -> bool:
        return self in _FINAL


_OPEN = (Status.NEW, Status.IN_REVIEW, Status.NEEDS_INFO)
_FINAL = frozenset({Status.ACCEPTED, Status.REJECTED, Status.WITHDRAWN})

#: The only transitions that exist (SPEC 3).
TRANSITIONS: frozenset[tuple[Status, Status]] = frozenset(
    {(Status.NEW, Status.IN_REVIEW), (Status.IN_REVIEW, Status.NEEDS_INFO), (Status.NEEDS_INFO, Status.IN_REVIEW)}
    | {(source, final) for source in _OPEN for final in _FINAL}
)


def decision_steps(current: Status, target: Status) -> tuple[Status, ...]:
    """The statuses a decision passes through to reach `target` from `current`.

    SPEC 3 has no new -> needs_info: asking a new application for information opens
    it for review first. () when no decision leads there (the application is final,
    or already there).
    """
    if current == Status.NEW and target == Status.NEEDS_INFO:
        return (Status.IN_REVIEW, Status.NEEDS_INFO)
    return (target,) if (current, target) in TRANSITIONS else ()


def can_decide(current: Status, target: Status) -> bool:
    """Whether a decision can take an application from `current` to `target`."""
    return bool(decision_steps(current, target))


class Eligibility(str, Enum):
    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"
    INCOMPLETE = "incomplete"


@dataclass
class Application:
    submitted_on: date
    company: str
    contact_email: str
    country: str  # ISO 3166-1 alpha-2, already normalised
    incorporated_on: date | None = None
    total_funding: Cents | None = None
    funding_currency: str | None = None  # set when funding was stated in another currency
    previous_discount: bool | None = None
    contact_name: str = ""
    website: str = ""
    workspace: str = ""
    partner_code: str = ""
    notes: str = ""
    application_id: str | None = None
    id: int | None = None
    status: Status = Status.NEW
    version: int = 1


@dataclass(frozen=True)
class Transition:
    """One step of an application's history: who, when (UTC), from, to, why."""

    application: int
    at: datetime
    actor: str
    from_status: Status
    to_status: Status
    reason: str = ""
    override: bool = False
    policy_version: int | None = None
    reverses: int | None = None
    id: int | None = None


@dataclass(frozen=True)
class Decision:
    to_status: Status
    reason: str = ""
    extra: dict = field(default_factory=dict)


def check_transition(
    current: Status, target: Status, eligibility: Eligibility | None, reason: str, why: str = ""
) -> bool:
    """Refuse what SPEC 3 forbids; return whether the transition is an override.

    An override is accepting an application that is not `eligible`: it needs a
    reason. `why` says what made it so (the failed or unknown rules).
    """
    if current == target:
        raise TransitionRefused(f"the application is already {current.value}")
    if (current, target) not in TRANSITIONS:
        raise TransitionRefused(f"an application cannot go from {current.value} to {target.value}")
    reason = reason.strip()
    if target == Status.REJECTED and not reason:
        raise TransitionRefused("rejecting needs a reason: a failed rule, 'duplicate' or text")
    if target == Status.ACCEPTED and eligibility != Eligibility.ELIGIBLE:
        state = eligibility.value if eligibility else "not evaluated"
        if not reason:
            detail = f" ({why})" if why else ""
            raise TransitionRefused(f"the application is {state}{detail}: accepting it needs an override reason")
        return True
    return False


def check_reversal(current: Status, last: Transition) -> Transition:
    """The reversal of the latest transition: back to where it came from.

    History is never rewritten: undoing a decision is one more transition that
    points at the one it reverses.
    """
    if last.to_status != current:
        raise TransitionRefused("only the latest transition can be reversed")
    if last.reverses is not None:
        raise TransitionRefused("a reversal is undone by deciding again, not by reversing it")
    return last
