"""The partner-deal catalogue and redemption requests (SPEC 5).

A request goes `requested → approved → fulfilled`, or `requested → declined`
(an approved request can still be declined, say when the partner withdraws the
offer). A deal can be approved only while it is active, within its validity and
below its capacity; its code or link is revealed only once a request is approved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from models.errors import DomainError, TransitionRefused
from models.money import Cents


class DealRefused(DomainError):
    """The deal cannot be given now (inactive, not yet valid, expired or full)."""


class RequestStatus(str, Enum):
    REQUESTED = "requested"
    APPROVED = "approved"
    FULFILLED = "fulfilled"
    DECLINED = "declined"

    @property
    def is_open(self) -> bool:
        return self in (RequestStatus.REQUESTED, RequestStatus.APPROVED)

    @property
    def reveals_code(self) -> bool:
        return self in (RequestStatus.APPROVED, RequestStatus.FULFILLED)


REQUEST_TRANSITIONS: frozenset[tuple[RequestStatus, RequestStatus]] = frozenset(
    {
        (RequestStatus.REQUESTED, RequestStatus.APPROVED),
        (RequestStatus.REQUESTED, RequestStatus.DECLINED),
        (RequestStatus.APPROVED, RequestStatus.FULFILLED),
        (RequestStatus.APPROVED, RequestStatus.DECLINED),
    }
)

#: what a person types (CLI, buttons) -> the state it leads to
REQUEST_ACTIONS = {
    "approve": RequestStatus.APPROVED,
    "decline": RequestStatus.DECLINED,
    "fulfil": RequestStatus.FULFILLED,
}


@dataclass(frozen=True)
class Deal:
    partner: str
    title: str
    category: str = ""
    description: str = ""
    value_text: str = ""
    value: Cents | None = None
    redeem: str = ""
    valid_from: date | None = None
    valid_until: date | None = None
    capacity: int | None = None  # None: unlimited
    active: bool = True
    id: int | None = None

    def remaining(self, taken: int) -> int | None:
        """Places left, given `taken` approved or fulfilled requests; None when unlimited."""
        return None if self.capacity is None else max(self.capacity - taken, 0)

    def refusal(self, on: date, taken: int) -> str | None:
        """Why the deal cannot be approved on `on` with `taken` places used, or None."""
        if not self.active:
            return f"the deal {self.title!r} is retired (inactive)"
        if self.valid_from and on < self.valid_from:
            return f"the deal {self.title!r} is valid only from {self.valid_from}"
        if self.valid_until and on > self.valid_until:
            return f"the deal {self.title!r} expired on {self.valid_until}"
        if self.capacity is not None and taken >= self.capacity:
            return f"the deal {self.title!r} is full ({taken} of {self.capacity} taken)"
        return None

    def check_approval(self, on: date, taken: int) -> None:
        reason = self.refusal(on, taken)
        if reason:
            raise DealRefused(reason)


def check_request_transition(current: RequestStatus, target: RequestStatus, reason: str) -> None:
    """Refuse what the request workflow does not allow; declining needs a reason."""
    if (current, target) not in REQUEST_TRANSITIONS:
        if current == target:
            raise TransitionRefused(f"the request is already {current.value}")
        raise TransitionRefused(f"a {current.value} request cannot become {target.value}")
    if target == RequestStatus.DECLINED and not reason.strip():
        raise TransitionRefused("declining a request needs a reason")


def check_partner_transition(current: str, target: str, reason: str) -> None:
    """applied → active or inactive; active ↔ inactive. Turning a partner down or off needs a reason."""
    allowed = {("applied", "active"), ("applied", "inactive"), ("active", "inactive"), ("inactive", "active")}
    if (current, target) not in allowed:
        if current == target:
            raise TransitionRefused(f"the partner is already {current}")
        raise TransitionRefused(f"a partner that is {current} cannot become {target}")
    if target == "inactive" and not reason.strip():
        raise TransitionRefused("making a partner inactive needs a reason")
