"""Enrollment: what accepting an application makes (the member, year 1 and its grant), and its undoing."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import Connection, insert, select, update

from app import schema
from app.database import UnitOfWork
from app.domains import mail_domain, web_domain
from app.errors import AppError
from app.kept_sums import add_entry
from models.applications import Application
from models.errors import TransitionRefused
from models.ledger import EntryKind, program_year
from models.membership import MemberStatus, member_credit
from models.partners import Partner, PartnerKind, PartnerStatus

_SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,118}[a-z0-9])?$")


def enroll(uow: UnitOfWork, app: Application, on: date, workspace: str | None, policy_version: int) -> str:
    conn = uow.conn
    e = schema.enrollments
    cancelled = conn.execute(
        select(e).where(e.c.application == app.id, e.c.status == MemberStatus.CANCELLED.value)
    ).first()
    if cancelled is not None:
        return reinstate_enrollment(uow, cancelled)
    slug = (workspace or app.workspace or _slugify(app.company)).lower()
    if not _SLUG.match(slug):
        raise AppError(f"{slug!r} is not a workspace slug (lower-case letters, digits and '-')")
    if conn.execute(select(e.c.id).where(e.c.workspace == slug)).first():
        raise TransitionRefused(f"workspace {slug} is already enrolled; give another with --workspace")
    if on < app.submitted_on:
        raise AppError(f"acceptance date {on} is before the application date {app.submitted_on}")
    policy = uow.policies.in_force(on)
    partner = partner_of(conn, app.partner_code) if app.partner_code else None
    credit = member_credit(partner, policy.annual_credit)
    now = uow.now()
    enrollment = conn.execute(
        insert(e).values(
            workspace=slug,
            application=app.id,
            partner=partner.id if partner is not None else None,
            accepted_on=on,
            status=MemberStatus.ACTIVE.value,
            web_domain=web_domain(app.website),
            mail_domain=mail_domain(app.contact_email),
            created_at=now,
        )
    ).inserted_primary_key[0]
    year = program_year(slug, 1, on, credit)
    conn.execute(
        insert(schema.program_years).values(
            enrollment=enrollment,
            number=1,
            valid_from=year.valid_from,
            valid_until=year.valid_until,
            credit_cents=credit,
            renewal=False,
            policy_version=policy.version,
            decided_by=uow.actor,
            decided_at=now,
        )
    )
    add_entry(
        conn,
        enrollment=enrollment,
        kind=EntryKind.GRANT.value,
        counts_as=EntryKind.GRANT.value,
        entry_date=on,
        amount_cents=credit,
        program_year=1,
        reason=f"program year 1, valid {year.valid_from} to {year.valid_until}",
        actor=uow.actor,
        policy_version=policy.version,
        created_at=now,
    )
    return slug


def partner_of(conn: Connection, code: str | None = None, *, partner_id: int | None = None) -> Partner | None:
    """The registered partner of a code (or id), as the domain sees it; None when nobody has it."""
    p = schema.partners
    row = conn.execute(select(p).where(p.c.code == code if partner_id is None else p.c.id == partner_id)).first()
    if row is None:
        return None
    return Partner(
        row.code,
        row.name,
        PartnerKind(row.kind),
        PartnerStatus(row.status),
        row.annual_credit_cents,
        row.contact,
        row.id,
    )


def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:120].strip("-") or "workspace"


def reinstate_enrollment(uow: UnitOfWork, enrollment) -> str:
    """Accepting again after an undone acceptance: the same enrollment and year, granted anew."""
    conn = uow.conn
    year = conn.execute(
        select(schema.program_years).where(
            schema.program_years.c.enrollment == enrollment.id, schema.program_years.c.number == 1
        )
    ).one()
    conn.execute(
        update(schema.enrollments)
        .where(schema.enrollments.c.id == enrollment.id)
        .values(status=MemberStatus.ACTIVE.value)
    )
    add_entry(
        conn,
        enrollment=enrollment.id,
        kind=EntryKind.GRANT.value,
        counts_as=EntryKind.GRANT.value,
        entry_date=year.valid_from,
        amount_cents=year.credit_cents,
        program_year=1,
        reason=f"program year 1, valid {year.valid_from} to {year.valid_until} (accepted again)",
        actor=uow.actor,
        policy_version=year.policy_version,
        created_at=uow.now(),
    )
    return enrollment.workspace


def cancel_enrollment(uow: UnitOfWork, application: int, reason: str) -> None:
    conn = uow.conn
    e, entries = schema.enrollments, schema.ledger_entries
    enrollment = conn.execute(
        select(e).where(e.c.application == application, e.c.status == MemberStatus.ACTIVE.value)
    ).one()
    rows = conn.execute(select(entries).where(entries.c.enrollment == enrollment.id).order_by(entries.c.id)).all()
    open_grants = [r for r in rows if r.kind == EntryKind.GRANT.value and not any(x.reverses == r.id for x in rows)]
    others = [r for r in rows if r.kind != EntryKind.GRANT.value and r.kind != EntryKind.REVERSE.value]
    if others:
        raise TransitionRefused(
            f"workspace {enrollment.workspace} has ledger entries beyond its grant; correct it in the ledger"
        )
    for grant in open_grants:
        add_entry(
            conn,
            enrollment=enrollment.id,
            kind=EntryKind.REVERSE.value,
            counts_as=EntryKind.GRANT.value,
            entry_date=grant.entry_date,
            amount_cents=-grant.amount_cents,
            program_year=grant.program_year,
            reason=f"acceptance undone: {reason}",
            actor=uow.actor,
            reverses=grant.id,
            policy_version=grant.policy_version,
            created_at=uow.now(),
        )
    conn.execute(update(e).where(e.c.id == enrollment.id).values(status=MemberStatus.CANCELLED.value))
