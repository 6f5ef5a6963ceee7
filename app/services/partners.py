"""Partner registry use cases (SPEC 5): partner applications decided with history, unknown codes linked."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, insert, select, update

from app import schema
from app.database import UnitOfWork
from app.errors import AppError
from app.services.applications import find_application_row
from models.deals import check_partner_transition
from models.errors import ConcurrentChange, InvalidInput
from models.partners import PartnerKind

a, e, p = schema.applications, schema.enrollments, schema.partners

PARTNER_ACTIONS = {"activate": "active", "deactivate": "inactive", "reject": "inactive"}


@dataclass(frozen=True)
class DecidePartner:
    """A partner application is accepted (active) or turned down (inactive); partners can be switched off and on."""

    code: str
    action: str  # activate, deactivate or reject
    reason: str = ""


@dataclass(frozen=True)
class AddPartnerApplication:
    """'Apply to become a partner': stored as `applied`, decided later with decide_partner."""

    code: str
    name: str
    kind: str
    contact: str = ""
    annual_credit: int | None = None  # cents; None: the program default


@dataclass(frozen=True)
class LinkPartner:
    """An application named a partner code nobody knew: link it to a registered partner."""

    ref: str | int
    code: str


@dataclass(frozen=True)
class LinkCode:
    """Every application naming the unknown code `unknown` is linked to partner `code`."""

    unknown: str
    code: str


def decide_partner(command: DecidePartner, uow: UnitOfWork) -> str:
    code, action, reason = command.code, command.action, command.reason
    if action not in PARTNER_ACTIONS:
        raise AppError(f"unknown action {action!r} (activate, deactivate or reject)")
    target = PARTNER_ACTIONS[action]
    row = uow.conn.execute(select(p).where(p.c.code == code).with_for_update()).first()
    if row is None:
        raise AppError(f"no partner {code}")
    check_partner_transition(row.status, target, reason)
    uow.conn.execute(update(p).where(p.c.id == row.id).values(status=target))
    uow.conn.execute(
        insert(schema.partner_events).values(
            partner=row.id,
            at=uow.now(),
            actor=uow.actor,
            from_status=row.status,
            to_status=target,
            reason=reason.strip(),
        )
    )
    return target


def add_partner_application(command: AddPartnerApplication, uow: UnitOfWork) -> int:
    code, name, kind = command.code.strip(), command.name.strip(), command.kind
    contact, annual_credit = command.contact, command.annual_credit
    if not code or not name:
        raise InvalidInput("a partner needs a code and a name")
    if kind not in {k.value for k in PartnerKind}:
        raise InvalidInput(f"kind: {kind!r} is not accelerator, incubator or vc")
    if uow.conn.execute(select(p.c.id).where(p.c.code == code)).first():
        raise InvalidInput(f"a partner with code {code!r} exists already")
    now = uow.now()
    partner_id = uow.conn.execute(
        insert(p).values(
            code=code,
            name=name,
            kind=kind,
            status="applied",
            annual_credit_cents=annual_credit,
            contact=contact.strip(),
            created_at=now,
        )
    ).inserted_primary_key[0]
    uow.conn.execute(
        insert(schema.partner_events).values(
            partner=partner_id, at=now, actor=uow.actor, from_status="", to_status="applied", reason="applied"
        )
    )
    return partner_id


def link_partner(command: LinkPartner, uow: UnitOfWork) -> None:
    """Noted in the application's history."""
    application = find_application_row(uow.conn, command.ref, lock=True)
    if application.partner_code == command.code:
        raise AppError(f"application {command.ref} is already linked to {command.code}")
    _link(uow, [application], _partner(uow.conn, command.code))


def link_code(command: LinkCode, uow: UnitOfWork) -> int:
    """All in one transaction; returns how many applications were linked."""
    partner = _partner(uow.conn, command.code)
    applications = uow.conn.execute(select(a).where(a.c.partner_code == command.unknown).with_for_update()).all()
    if not applications:
        raise AppError(f"no application names the partner code {command.unknown!r}")
    _link(uow, applications, partner)
    return len(applications)


def _partner(conn: Connection, code: str):
    partner = conn.execute(select(p).where(p.c.code == code)).first()
    if partner is None:
        raise AppError(f"no partner {code}")
    return partner


def _link(uow, applications, partner) -> None:
    conn, now = uow.conn, uow.now()
    for application in applications:
        changed = conn.execute(
            update(a)
            .where(a.c.id == application.id, a.c.version == application.version)
            .values(partner_code=partner.code, version=application.version + 1)
        ).rowcount
        if changed != 1:
            raise ConcurrentChange(f"application {application.id} was changed by someone else meanwhile")
        conn.execute(
            update(e).where(e.c.application == application.id, e.c.partner.is_(None)).values(partner=partner.id)
        )
        conn.execute(
            insert(schema.transitions).values(
                application=application.id,
                at=now,
                actor=uow.actor,
                from_status=application.status,
                to_status=application.status,
                reason=f"partner code {application.partner_code or '(blank)'!r} linked to partner "
                f"{partner.code} ({partner.name})",
                override=False,
            )
        )
