"""Credit notices (SPEC 10): when a grant's use passes 50, 75 and 100 % of its credit, and 90, 30
and 0 days before a grant with credit left ends. Each is made once per grant and threshold.

A notice is due in its band only: a grant found at 80 % used gets the 75 % notice, not a late
50 % one as well, and one found 20 days before its last day gets the 30-day notice; a warning
that has been overtaken is not worth sending.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from models.money import Cents, display

USED_THRESHOLDS = (50, 75, 100)  # per cent of the grant's credit used
EXPIRY_THRESHOLDS = (90, 30, 0)  # days before the last valid day, with credit left


class NoticeKind(str, Enum):
    USED = "used"
    EXPIRY = "expiry"


@dataclass(frozen=True)
class GrantUse:
    """What the rules need to know about one grant on a day."""

    program_year: int
    name: str  # "program year 1", "bonus grant 1"
    credit: Cents  # granted, with net adjustments
    used: Cents  # credit applied, net of reversals
    remaining: Cents
    valid_from: date
    last_day: date  # effective, extensions included


@dataclass(frozen=True)
class Notice:
    program_year: int
    kind: NoticeKind
    threshold: int
    remaining: Cents
    expires_on: date  # the last valid day
    text: str


def used_band(credit: Cents, used: Cents) -> int | None:
    """The highest used threshold that `used` of `credit` has passed (integer arithmetic), if any."""
    if credit <= 0:
        return None
    passed = [t for t in USED_THRESHOLDS if used * 100 >= t * credit]
    return passed[-1] if passed else None


def expiry_band(days_left: int) -> int | None:
    """The expiry notice whose band holds `days_left` days before the last valid day (90: 31-90, 30: 1-30, 0: 0)."""
    if days_left < 0:
        return None
    bands = [t for t in EXPIRY_THRESHOLDS if days_left <= t]
    return bands[-1] if bands else None


def due_notices(workspace: str, grant: GrantUse, on: date, made: set[tuple[str, int]]) -> list[Notice]:
    """The notices due for `grant` on `on` that were not made before (`made`: (kind, threshold) pairs)."""
    if not grant.valid_from <= on <= grant.last_day:
        return []
    notices = []
    band = used_band(grant.credit, grant.used)
    if band is not None and (NoticeKind.USED.value, band) not in made:
        share = f"{band} %" if band < 100 else "all"
        notices.append(
            Notice(
                grant.program_year,
                NoticeKind.USED,
                band,
                grant.remaining,
                grant.last_day,
                f"{workspace} has used {share} of the credit of its {grant.name} "
                f"({display(grant.used)} of {display(grant.credit)}); {display(grant.remaining)} is left "
                f"until {grant.last_day}",
            )
        )
    days = (grant.last_day - on).days
    band = expiry_band(days)
    if grant.remaining > 0 and band is not None and (NoticeKind.EXPIRY.value, band) not in made:
        when = "today is its last day" if days == 0 else f"{days} day{'s' if days != 1 else ''} from now"
        notices.append(
            Notice(
                grant.program_year,
                NoticeKind.EXPIRY,
                band,
                grant.remaining,
                grant.last_day,
                f"{display(grant.remaining)} of credit of the {grant.name} of {workspace} expires after "
                f"{grant.last_day} ({when}); unused credit does not carry over",
            )
        )
    return notices
