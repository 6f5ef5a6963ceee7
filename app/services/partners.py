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


# ---- taking actions back (Edit → Undo in the window) ------------------------------------------


@dataclass(frozen=True)
class WithdrawPartnerApplication:
    """Take back a partner application just recorded, while it is undecided and unused."""

    code: str


def withdraw_partner_application(command: WithdrawPartnerApplication, uow: UnitOfWork) -> None:
    conn = uow.conn
    row = conn.execute(select(p).where(p.c.code == command.code).with_for_update()).first()
    if row is None:
        raise AppError(f"no partner {command.code}")
    events = conn.execute(select(schema.partner_events.c.id).where(schema.partner_events.c.partner == row.id)).all()
    used = conn.execute(select(e.c.id).where(e.c.partner == row.id)).first()
    if row.status != "applied" or len(events) != 1 or used:
        raise ConcurrentChange(f"partner {row.code} was decided or linked meanwhile: it stays")
    conn.execute(schema.partner_events.delete().where(schema.partner_events.c.partner == row.id))
    conn.execute(p.delete().where(p.c.id == row.id))


@dataclass(frozen=True)
class UndoPartnerDecision:
    """Put a partner back in the status before its last decision, if it is still `status`."""

    code: str
    status: str


def undo_partner_decision(command: UndoPartnerDecision, uow: UnitOfWork) -> str:
    """Noted in the partner's history ("undo"); returns the status it is back in."""
    pe = schema.partner_events
    row = uow.conn.execute(select(p).where(p.c.code == command.code).with_for_update()).first()
    if row is None:
        raise AppError(f"no partner {command.code}")
    if row.status != command.status:
        raise ConcurrentChange(f"partner {row.code} is {row.status} now, not {command.status}: it stays")
    last = uow.conn.execute(
        select(pe.c.from_status).where(pe.c.partner == row.id, pe.c.to_status == row.status).order_by(pe.c.id.desc())
    ).first()
    if last is None or not last.from_status:
        raise AppError(f"partner {row.code} has no decision to take back")
    uow.conn.execute(update(p).where(p.c.id == row.id).values(status=last.from_status))
    uow.conn.execute(
        insert(pe).values(
            partner=row.id,
            at=uow.now(),
            actor=uow.actor,
            from_status=row.status,
            to_status=last.from_status,
            reason="undo",
        )
    )
    return last.from_status


@dataclass(frozen=True)
class LinkedCode:
    """What `link_code_undoably` did: enough to take it back."""

    count: int
    applications: tuple[int, ...]
    enrollments: tuple[int, ...]  # those that got the partner


@dataclass(frozen=True)
class UnlinkCode:
    """Take back a `link_code`: those applications name `unknown` again, those enrollments no partner."""

    unknown: str
    code: str
    linked: LinkedCode


def link_code_undoably(command: LinkCode, uow: UnitOfWork) -> LinkedCode:
    """`link_code`, returning what it changed."""
    applications = uow.conn.execute(select(a).where(a.c.partner_code == command.unknown).with_for_update()).all()
    ids = [application.id for application in applications]
    enrollments = (
        uow.conn.execute(select(e.c.id).where(e.c.application.in_(ids), e.c.partner.is_(None))).scalars().all()
    )
    count = link_code(command, uow)
    return LinkedCode(count, tuple(ids), tuple(enrollments))


def unlink_code(command: UnlinkCode, uow: UnitOfWork) -> None:
    """Noted in each application's history; refused if any of them changed since."""
    conn, now, partner = uow.conn, uow.now(), _partner(uow.conn, command.code)
    ids = list(command.linked.applications)
    applications = conn.execute(select(a).where(a.c.id.in_(ids)).with_for_update()).all()
    for application in applications:
        if application.partner_code != command.code:
            raise ConcurrentChange(f"application {application.id} was changed by someone else meanwhile")
        conn.execute(
            update(a)
            .where(a.c.id == application.id)
            .values(partner_code=command.unknown, version=application.version + 1)
        )
        conn.execute(
            insert(schema.transitions).values(
                application=application.id,
                at=now,
                actor=uow.actor,
                from_status=application.status,
                to_status=application.status,
                reason=f"undo: partner code {command.unknown!r} no longer linked to {partner.code}",
                override=False,
            )
        )
    enrollments = list(command.linked.enrollments)
    if enrollments:
        conn.execute(update(e).where(e.c.id.in_(enrollments), e.c.partner == partner.id).values(partner=None))
