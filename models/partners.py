"""Program partners: accelerators, incubators and VC firms (SPEC 5)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from models.money import Cents


class PartnerKind(str, Enum):
    ACCELERATOR = "accelerator"
    INCUBATOR = "incubator"
    VC = "vc"


class PartnerStatus(str, Enum):
    APPLIED = "applied"
    ACTIVE = "active"
    INACTIVE = "inactive"


@dataclass
class Partner:
    code: str
    name: str
    kind: PartnerKind
    status: PartnerStatus = PartnerStatus.ACTIVE
    annual_credit: Cents | None = None  # None: the program default
    contact: str = ""
    id: int | None = None

    def credit_for_members(self, default: Cents) -> Cents:
        """The annual credit of this partner's members; only an active partner's amount counts."""
        if self.status == PartnerStatus.ACTIVE and self.annual_credit is not None:
            return self.annual_credit
        return default
