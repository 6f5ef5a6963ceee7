"""A new policy version from a date (SPEC 1, 10): "make this the policy from DATE".

The what-if's change becomes a new effective-dated version; nothing before it is touched. Every
decision and grant keeps the version it recorded, eligibility stays a function of the application
date (SPEC 2), so a version takes effect only for applications submitted, and grants made, from
its date on. To keep that true, the date must be after today (a version dated today or earlier
would claim a policy for days whose decisions were made under another) and after every existing
version's date (versions stay in the order they take effect). Who made it and when is recorded
on the version (created_by, created_at).

A changed territory list is a new list version: a copy of the list in force with the eligible
flags as changed (a decision keeps the list version it was made under).

Partner credit is not part of a policy version: it is each partner's own setting (Partners), so a
change that carries one is refused with that reason rather than half-saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func, insert, select

from app import schema
from app.database import UnitOfWork
from app.errors import AppError
from models.whatif import PolicyChange

pol, ter = schema.policies, schema.territories


@dataclass(frozen=True)
class NewPolicyVersion:
    change: PolicyChange
    effective_from: date


@dataclass(frozen=True)
class WithdrawPolicyVersion:
    """Undo: take back a version that is not in force yet and that nothing was recorded under."""

    version: int


def new_policy_version(command: NewPolicyVersion, uow: UnitOfWork) -> dict:
    """Creates the version; returns {"version", "effective_from", "territory_list_version", "was_version"}."""
    change, start, conn = command.change, command.effective_from, uow.conn
    if change.partner_credit:
        raise AppError(
            "partner credit is each partner's own setting (Partners), not part of a policy version: "
            "leave it out to make the rest the policy"
        )
    if start <= uow.today:
        raise AppError(
            f"a new policy version takes effect after today ({uow.today.isoformat()}), not on "
            f"{start.isoformat()}: decisions already made keep the policy they were made under"
        )
    conn.execute(select(pol.c.version).with_for_update())  # PostgreSQL: one new version at a time
    latest = conn.execute(select(pol.c.version, pol.c.effective_from).order_by(pol.c.effective_from.desc())).first()
    if start <= latest.effective_from:
        raise AppError(
            f"policy version {latest.version} takes effect on {latest.effective_from.isoformat()}: "
            f"a new version must start after it, not on {start.isoformat()}"
        )
    base = uow.policies.in_force(start)
    target = change.applied_to(base)
    if target == base:
        raise AppError("the change leaves the policy as it is: there is no new version to make")
    list_version = base.territory_list_version
    if target.eligible_territories != base.eligible_territories:
        list_version = _new_territory_list(conn, base.territory_list_version, target.eligible_territories)
    version = int(conn.execute(select(func.max(pol.c.version))).scalar() or 0) + 1
    conn.execute(
        insert(pol).values(
            version=version,
            effective_from=start,
            annual_credit_cents=target.annual_credit,
            program_years=target.program_years,
            max_age_years=target.max_age_years,
            max_funding_cents=target.max_funding,
            renewal_discount_bp=int(target.renewal_discount * 10_000),
            territory_list_version=list_version,
            year_two_window_days=target.year_two_window_days,
            created_at=uow.now(),
            created_by=uow.actor,
        )
    )
    uow.forget_policies()  # the book now has one more version
    return {
        "version": version,
        "effective_from": start.isoformat(),
        "territory_list_version": list_version,
        "was_version": base.version,
        "created_by": uow.actor,
    }


def _new_territory_list(conn, base: int, eligible: frozenset[str]) -> int:
    rows = conn.execute(select(ter.c.alpha2, ter.c.name, ter.c.review_note).where(ter.c.list_version == base)).all()
    known = {row.alpha2 for row in rows}
    unknown = sorted(eligible - known)
    if unknown:
        raise AppError(f"not on the territory list: {', '.join(unknown)}")
    version = int(conn.execute(select(func.max(ter.c.list_version))).scalar() or 0) + 1
    conn.execute(
        insert(ter),
        [
            {
                "list_version": version,
                "alpha2": row.alpha2,
                "name": row.name,
                "eligible": row.alpha2 in eligible,
                "review_note": row.review_note,
            }
            for row in rows
        ],
    )
    return version


def withdraw_policy_version(command: WithdrawPolicyVersion, uow: UnitOfWork) -> dict:
    """Removes a version made by mistake while it is still to come and nothing refers to it."""
    conn = uow.conn
    row = conn.execute(select(pol).where(pol.c.version == command.version).with_for_update()).first()
    if row is None:
        raise AppError(f"no policy version {command.version}")
    if row.effective_from <= uow.today:
        raise AppError(
            f"policy version {row.version} has been in force since {row.effective_from.isoformat()}: "
            "make a newer version instead"
        )
    later = conn.execute(select(func.count()).where(pol.c.effective_from > row.effective_from)).scalar()
    used = sum(
        conn.execute(select(func.count()).select_from(table).where(table.c.policy_version == row.version)).scalar()
        for table in (schema.applications, schema.transitions, schema.ledger_entries, schema.program_years)
    )
    if later or used:
        raise AppError(f"policy version {row.version} is no longer the last one, or has been used: it stays")
    conn.execute(delete(pol).where(pol.c.version == row.version))
    shared = conn.execute(
        select(func.count()).where(pol.c.territory_list_version == row.territory_list_version)
    ).scalar()
    if not shared and row.territory_list_version != 1:
        conn.execute(delete(ter).where(ter.c.list_version == row.territory_list_version))
    uow.forget_policies()
    return {"version": row.version, "effective_from": row.effective_from.isoformat()}
