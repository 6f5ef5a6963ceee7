"""Partner registry and deal-catalogue use cases (SPEC 5): each write is one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from app import schema
from app.database import Database, utcnow
from app.errors import AppError
from app.importing.applications import ImportReport
from app.importing.deals import TARGETS, parse_deal
from app.importing.mapping import Mapping
from app.services.applications import find_application_row
from models.deals import (
    REQUEST_ACTIONS,
    Deal,
    RequestStatus,
    check_partner_transition,
    check_request_transition,
)
from models.errors import ConcurrentChange, DomainError, InvalidInput

d, r, ev, e, a, p = (
    schema.deals,
    schema.deal_requests,
    schema.deal_request_events,
    schema.enrollments,
    schema.applications,
    schema.partners,
)
TAKEN = ("approved", "fulfilled")


class RequestRefused(DomainError):
    """A redemption request the program's rules do not allow."""


# ---- catalogue ----------------------------------------------------------------------------


def import_deals(database: Database, path: Path | str, mapping: Mapping | None = None, strict: bool = False):
    from app.importing.deals import import_deals as run

    with database.unit_of_work() as uow:
        report: ImportReport = run(uow.conn, path, mapping, utcnow(), strict)
        if strict and report.invalid:
            report.imported = 0
        else:
            uow.commit()
    return report


def import_requests(database: Database, path: Path | str, mapping: Mapping | None = None, strict: bool = False):
    """Requests from the request form's export, checked row by row like the catalogue."""
    from app.importing.requests import import_requests as run

    with database.unit_of_work() as uow:
        report: ImportReport = run(uow.conn, path, mapping, utcnow(), uow.actor, strict)
        if strict and report.invalid:
            report.imported = 0
        else:
            uow.commit()
    return report


def deal_from_row(row) -> Deal:
    return Deal(
        row.partner,
        row.title,
        row.category,
        row.description,
        row.value_text,
        row.value_cents,
        row.redeem,
        row.valid_from,
        row.valid_until,
        row.capacity,
        row.active,
        row.id,
    )


def taken(conn: Connection, deal_id: int) -> int:
    return conn.execute(select(func.count()).where(r.c.deal == deal_id, r.c.status.in_(TAKEN))).scalar()


def _deal_row(conn: Connection, deal_id: int):
    row = conn.execute(select(d).where(d.c.id == deal_id)).first()
    if row is None:
        raise AppError(f"no deal {deal_id}")
    return row


def save_deal(database: Database, text: dict[str, str], deal_id: int | None = None) -> int:
    """Add a deal, or edit one, from the same text columns as the deal file; errors name the field."""
    record, errors = parse_deal(0, {column: (text.get(column) or "").strip() for column in TARGETS})
    if errors:
        raise InvalidInput("; ".join(f"{error.field}: {error.message}" for error in errors))
    now = utcnow()
    with database.unit_of_work() as uow:
        conn = uow.conn
        clash = select(d.c.id).where(
            func.lower(d.c.partner) == record["partner"].lower(), func.lower(d.c.title) == record["title"].lower()
        )
        if deal_id is not None:
            clash = clash.where(d.c.id != deal_id)
        if conn.execute(clash).first():
            raise InvalidInput(f"{record['partner']} already has a deal titled {record['title']!r}")
        if deal_id is None:
            deal_id = conn.execute(insert(d).values(**record, created_at=now, updated_at=now)).inserted_primary_key[0]
        else:
            _deal_row(conn, deal_id)
            used = taken(conn, deal_id)
            if record["capacity"] is not None and record["capacity"] < used:
                raise InvalidInput(f"capacity: {used} places are already taken; it cannot be {record['capacity']}")
            conn.execute(update(d).where(d.c.id == deal_id).values(**record, updated_at=now))
        uow.commit()
    return deal_id


def set_deal_active(database: Database, deal_id: int, active: bool) -> None:
    """Retire a deal (it stays, with its requests) or bring it back."""
    with database.unit_of_work() as uow:
        _deal_row(uow.conn, deal_id)
        uow.conn.execute(update(d).where(d.c.id == deal_id).values(active=active, updated_at=utcnow()))
        uow.commit()


def delete_deal(database: Database, deal_id: int) -> None:
    """Only a deal nobody asked for can go; others are retired."""
    with database.unit_of_work() as uow:
        row = _deal_row(uow.conn, deal_id)
        if uow.conn.execute(select(r.c.id).where(r.c.deal == deal_id)).first():
            raise RequestRefused(f"the deal {row.title!r} has requests: retire it instead of deleting it")
        uow.conn.execute(d.delete().where(d.c.id == deal_id))
        uow.commit()


# ---- redemption requests ----------------------------------------------------------------------


@dataclass(frozen=True)
class RequestOutcome:
    id: int
    status: str
    redeem: str  # the code or link, only once approved

    def as_json(self) -> dict:
        return {"id": self.id, "status": self.status, "redeem": self.redeem}


def request_deal(database: Database, workspace: str, deal_id: int, note: str = "") -> RequestOutcome:
    """A member asks for a deal: only members with an accepted application, one open request per deal."""
    with database.unit_of_work() as uow:
        conn = uow.conn
        member = conn.execute(
            select(e.c.id, e.c.status, a.c.status.label("application_status"))
            .join(a, a.c.id == e.c.application)
            .where(e.c.workspace == workspace)
        ).first()
        if member is None:
            raise RequestRefused(f"{workspace} is not a member: only accepted startups can request deals")
        if member.application_status != "accepted" or member.status == "cancelled":
            raise RequestRefused(f"{workspace}'s application is not accepted: it cannot request deals")
        deal = deal_from_row(_deal_row(conn, deal_id))
        if not deal.active:
            raise RequestRefused(f"the deal {deal.title!r} is retired")
        if conn.execute(select(r.c.id).where(r.c.deal == deal_id, r.c.enrollment == member.id, r.c.is_open)).first():
            raise RequestRefused(f"{workspace} already has an open request for {deal.title!r}")
        now = utcnow()
        try:
            request_id = conn.execute(
                insert(r).values(
                    deal=deal_id,
                    enrollment=member.id,
                    status=RequestStatus.REQUESTED.value,
                    is_open=True,
                    requested_at=now,
                    note=note.strip(),
                    version=1,
                )
            ).inserted_primary_key[0]
        except IntegrityError:  # someone else's request landed first (the partial unique index)
            raise RequestRefused(f"{workspace} already has an open request for {deal.title!r}") from None
        conn.execute(
            insert(ev).values(
                request=request_id, at=now, actor=uow.actor, from_status="", to_status="requested", reason=note.strip()
            )
        )
        uow.commit()
    return RequestOutcome(request_id, "requested", "")


def decide_request(
    database: Database,
    request_id: int,
    action: str,
    reason: str = "",
    on: date | None = None,
    expected_version: int | None = None,
) -> RequestOutcome:
    """approve, decline or fulfil; approval checks the deal's state, validity and capacity now."""
    if action not in REQUEST_ACTIONS:
        raise AppError(f"unknown action {action!r} (approve, decline or fulfil)")
    target = REQUEST_ACTIONS[action]
    on = on or date.today()
    with database.unit_of_work() as uow:
        conn = uow.conn
        row = conn.execute(select(r).where(r.c.id == request_id)).first()
        if row is None:
            raise AppError(f"no request {request_id}")
        if expected_version is not None and row.version != expected_version:
            raise ConcurrentChange(f"request {request_id} was changed by someone else meanwhile; look again")
        current = RequestStatus(row.status)
        check_request_transition(current, target, reason)
        deal = deal_from_row(_deal_row(conn, row.deal))
        if target == RequestStatus.APPROVED:
            deal.check_approval(on, taken(conn, row.deal))
        changed = conn.execute(
            update(r)
            .where(r.c.id == request_id, r.c.version == row.version)
            .values(status=target.value, is_open=target.is_open, version=row.version + 1)
        ).rowcount
        if changed != 1:
            raise ConcurrentChange(f"request {request_id} was changed by someone else meanwhile; look again")
        conn.execute(
            insert(ev).values(
                request=request_id,
                at=utcnow(),
                actor=uow.actor,
                from_status=current.value,
                to_status=target.value,
                reason=reason.strip(),
            )
        )
        uow.commit()
    return RequestOutcome(request_id, target.value, deal.redeem if target.reveals_code else "")


# ---- partners ----------------------------------------------------------------------------------------

PARTNER_ACTIONS = {"activate": "active", "deactivate": "inactive", "reject": "inactive"}


def decide_partner(database: Database, code: str, action: str, reason: str = "") -> str:
    """A partner application is accepted (active) or turned down (inactive); partners can be switched off and on."""
    if action not in PARTNER_ACTIONS:
        raise AppError(f"unknown action {action!r} (activate, deactivate or reject)")
    target = PARTNER_ACTIONS[action]
    with database.unit_of_work() as uow:
        row = uow.conn.execute(select(p).where(p.c.code == code)).first()
        if row is None:
            raise AppError(f"no partner {code}")
        check_partner_transition(row.status, target, reason)
        uow.conn.execute(update(p).where(p.c.id == row.id).values(status=target))
        uow.conn.execute(
            insert(schema.partner_events).values(
                partner=row.id,
                at=utcnow(),
                actor=uow.actor,
                from_status=row.status,
                to_status=target,
                reason=reason.strip(),
            )
        )
        uow.commit()
    return target


def add_partner_application(
    database: Database, code: str, name: str, kind: str, contact: str = "", annual_credit: int | None = None
) -> int:
    """'Apply to become a partner': stored as `applied`, decided later with decide_partner."""
    from models.partners import PartnerKind

    code, name = code.strip(), name.strip()
    if not code or not name:
        raise InvalidInput("a partner needs a code and a name")
    if kind not in {k.value for k in PartnerKind}:
        raise InvalidInput(f"kind: {kind!r} is not accelerator, incubator or vc")
    with database.unit_of_work() as uow:
        if uow.conn.execute(select(p.c.id).where(p.c.code == code)).first():
            raise InvalidInput(f"a partner with code {code!r} exists already")
        now = utcnow()
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
        uow.commit()
    return partner_id


def link_partner(database: Database, ref: str | int, code: str) -> None:
    """An application named a partner code nobody knew: link it to a registered partner, noted in its history."""
    with database.unit_of_work() as uow:
        application = find_application_row(uow.conn, ref)
        if application.partner_code == code:
            raise AppError(f"application {ref} is already linked to {code}")
        _link(uow, [application], _partner(uow.conn, code))
        uow.commit()


def link_code(database: Database, unknown: str, code: str) -> int:
    """Every application naming the unknown code `unknown` is linked to partner `code`, all in one transaction."""
    with database.unit_of_work() as uow:
        partner = _partner(uow.conn, code)
        applications = uow.conn.execute(select(a).where(a.c.partner_code == unknown)).all()
        if not applications:
            raise AppError(f"no application names the partner code {unknown!r}")
        _link(uow, applications, partner)
        uow.commit()
    return len(applications)


def _partner(conn: Connection, code: str):
    partner = conn.execute(select(p).where(p.c.code == code)).first()
    if partner is None:
        raise AppError(f"no partner {code}")
    return partner


def _link(uow, applications, partner) -> None:
    conn, now = uow.conn, utcnow()
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


# ---- exports ---------------------------------------------------------------------------------------


def export_catalogue(database: Database, target: Path | str) -> int:
    """The catalogue as a SPEC 7 deal file (re-importing it adds nothing)."""
    from app.deal_queries import deal_rows
    from app.exports.sheets import write_csv
    from models.money import plain

    with database.read() as conn:
        rows = deal_rows(conn)
    write_csv(
        Path(target),
        TARGETS,
        (
            [
                row.partner,
                row.title,
                row.category,
                row.description,
                row.value_text,
                plain(row.value_cents) if row.value_cents is not None else "",
                row.redeem,
                row.valid_from.isoformat() if row.valid_from else "",
                row.valid_until.isoformat() if row.valid_until else "",
                row.capacity if row.capacity is not None else "",
                "yes" if row.active else "no",
            ]
            for row in rows
        ),
    )
    return len(rows)


def export_approved(database: Database, target: Path | str) -> int:
    """Approved requests, each with its code or link, for mailing the members."""
    from app.deal_queries import request_rows
    from app.exports.sheets import write_csv

    with database.read() as conn:
        rows = request_rows(conn, status="approved")
    write_csv(
        Path(target),
        ("workspace", "company", "contact_email", "partner", "deal", "redeem", "approved_by", "approved_at"),
        (
            [
                row.workspace,
                row.company,
                row.contact_email,
                row.partner,
                row.title,
                row.redeem,
                row.decided_by,
                row.decided_at.isoformat(timespec="seconds") if row.decided_at else "",
            ]
            for row in rows
        ),
    )
    return len(rows)
