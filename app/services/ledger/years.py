"""Program-year decisions (SPEC 4): year 2, graduation, renewal, and undoing them.

The rules (when year 2 may be confirmed, when a renewal may start, which status
changes exist, a partner's credit) are models.membership's; this module reads
and writes the rows, holding the member's row until it commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, insert, select, update

from app.database import UnitOfWork
from app.kept_sums import add_entry
from app.services.enrollment import partner_of
from app.services.ledger.common import e, enrollment_row, grant_balances, le, member_of, note, py, reversed_ids
from models.errors import RuleRefused
from models.ledger import EntryKind, ProgramYear
from models.membership import MemberStatus, member_credit, status_change_note
from models.wording import counted


@dataclass(frozen=True)
class GrantYearTwo:
    """Year 2, on a program manager's confirmation that the member still qualifies."""

    workspace: str
    on: date | None = None  # the confirmation date (default today)


@dataclass(frozen=True)
class Graduate:
    """The member no longer qualifies: no further grant; what is left expires as usual."""

    workspace: str


@dataclass(frozen=True)
class ReinstateMember:
    """Undo a graduation made by mistake: the member is active again."""

    workspace: str


@dataclass(frozen=True)
class Renew:
    """A renewal year at the renewal discount, once the program years' credit is used or expired."""

    workspace: str
    on: date | None = None


@dataclass(frozen=True)
class CancelRenewal:
    """Undo a renewal made by mistake, before any renewal discount was given."""

    workspace: str
    status: str = MemberStatus.ACTIVE.value  # what the member was before the renewal


def grant_year_two(command: GrantYearTwo, uow: UnitOfWork) -> dict:
    on = command.on or uow.today
    conn = uow.conn
    enrollment = enrollment_row(conn, command.workspace, lock=True)
    policy = uow.policies.in_force(on)
    partner = partner_of(conn, partner_id=enrollment.partner) if enrollment.partner is not None else None
    year = member_of(conn, enrollment).next_year(
        on, policy.program_years, member_credit(partner, policy.annual_credit), policy.year_two_window_days
    )
    grant = _add_year(uow, enrollment.id, year, policy.version, on)
    from app.services.member_messages import draft_year_two  # the member's message (SPEC 9)

    draft_year_two(uow, enrollment.id, granted=True)
    return {
        "workspace": command.workspace,
        "grant_entry": grant,
        "program_year": year.number,
        "valid_from": year.valid_from,
        "valid_until": year.valid_until,
    }


def graduate(command: Graduate, uow: UnitOfWork) -> dict:
    """The member no longer qualifies for year 2: the status, and the member's message (SPEC 9)."""
    from app.services.member_messages import draft_year_two

    result = _change_status(uow, command.workspace, MemberStatus.GRADUATED)
    enrollment = enrollment_row(uow.conn, command.workspace)
    draft_year_two(uow, enrollment.id, granted=False, reason="the member no longer meets the program's requirements")
    return result


def reinstate_member(command: ReinstateMember, uow: UnitOfWork) -> dict:
    """A graduation made by mistake, undone: its unsent "year 2 not granted" message goes too."""
    from app.services.member_messages import discard_unsent
    from models.messages import Kind

    result = _change_status(uow, command.workspace, MemberStatus.ACTIVE)
    discard_unsent(uow, enrollment_row(uow.conn, command.workspace).id, Kind.YEAR2_REFUSED)
    return result


def _change_status(uow: UnitOfWork, workspace: str, target: MemberStatus) -> dict:
    """A member's status change, noted in its application's history."""
    enrollment = enrollment_row(uow.conn, workspace, lock=True)
    text = status_change_note(workspace, MemberStatus(enrollment.status), target)
    uow.conn.execute(update(e).where(e.c.id == enrollment.id).values(status=target.value))
    note(uow, enrollment, text)
    return {"workspace": workspace, "status": target.value}


def renew(command: Renew, uow: UnitOfWork) -> dict:
    on = command.on or uow.today
    conn = uow.conn
    enrollment = enrollment_row(conn, command.workspace, lock=True)
    left = sum(g.remaining for g in grant_balances(conn, [enrollment.id]).get(enrollment.id, []) if g.valid_until >= on)
    year = member_of(conn, enrollment).renewal_year(on, left)
    policy = uow.policies.in_force(year.valid_from)
    _add_year(uow, enrollment.id, year, policy.version, on)
    conn.execute(update(e).where(e.c.id == enrollment.id).values(status=MemberStatus.RENEWAL.value))
    note(uow, enrollment, f"renewal year from {year.valid_from} at the renewal discount ({policy.renewal_discount})")
    from app.services.member_messages import draft_renewal_offer  # the member's message (SPEC 9)

    draft_renewal_offer(uow, enrollment.id, year.valid_until)
    return {
        "workspace": command.workspace,
        "program_year": year.number,
        "renewal": True,
        "valid_from": year.valid_from,
        "discount": str(policy.renewal_discount),
    }


def cancel_renewal(command: CancelRenewal, uow: UnitOfWork) -> dict:
    workspace = command.workspace
    target = MemberStatus(command.status)
    if target not in (MemberStatus.ACTIVE, MemberStatus.GRADUATED):
        raise RuleRefused(f"a member goes back to active or graduated, not {command.status}")
    conn = uow.conn
    enrollment = enrollment_row(conn, workspace, lock=True)
    member = member_of(conn, enrollment)
    if member.status != MemberStatus.RENEWAL or not member.years or not member.years[-1].renewal:
        raise RuleRefused(f"{workspace} has no renewal year to cancel")
    number = member.years[-1].number
    given = conn.execute(
        select(func.count()).where(
            le.c.enrollment == enrollment.id,
            le.c.program_year == number,
            le.c.kind == EntryKind.DISCOUNT.value,
            le.c.id.not_in(reversed_ids()),
        )
    ).scalar()
    if given:
        raise RuleRefused(f"{workspace} already had {counted(given, 'bill')} discounted in its renewal year")
    conn.execute(py.delete().where(py.c.enrollment == enrollment.id, py.c.number == number))
    conn.execute(update(e).where(e.c.id == enrollment.id).values(status=target.value))
    note(uow, enrollment, f"renewal cancelled: the member is {target.value} again")
    from app.services.member_messages import discard_unsent
    from models.messages import Kind

    discard_unsent(uow, enrollment.id, Kind.RENEWAL_OFFER)  # its unsent message goes with it
    return {"workspace": workspace, "status": target.value}


def _add_year(uow: UnitOfWork, enrollment: int, year: ProgramYear, policy_version: int, decided_on: date) -> int | None:
    """The program year and its grant entry; returns the entry's id (None for a renewal year)."""
    conn = uow.conn
    now = uow.now()
    conn.execute(
        insert(py).values(
            enrollment=enrollment,
            number=year.number,
            valid_from=year.valid_from,
            valid_until=year.valid_until,
            credit_cents=year.credit,
            renewal=year.renewal,
            policy_version=policy_version,
            decided_by=uow.actor,
            decided_at=now,
        )
    )
    if not year.credit:
        return None
    return add_entry(
        conn,
        enrollment=enrollment,
        kind=EntryKind.GRANT.value,
        counts_as=EntryKind.GRANT.value,
        entry_date=year.valid_from,
        amount_cents=year.credit,
        program_year=year.number,
        reason=f"program year {year.number}, valid {year.valid_from} to {year.valid_until} (confirmed {decided_on})",
        actor=uow.actor,
        policy_version=policy_version,
        created_at=now,
    )
