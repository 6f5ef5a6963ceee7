"""Drafts for members (SPEC 9): a deal approved (with its code or link) or declined, year 2
granted or not, the renewal offer. Each is made in the transaction of the decision that
calls it (app.services.deals and the program-year use cases hook them in), and goes to
the application's contact, like every message of the outbox."""

from __future__ import annotations

from sqlalchemy import func, select

from app import schema
from app.database import UnitOfWork
from app.errors import AppError
from app.services.applications import application_from_row
from app.services.outbox import Composer, add_draft, add_rows, draft_row
from models.messages import Kind, long_date, usd

a, e, y, d, r = schema.applications, schema.enrollments, schema.program_years, schema.deals, schema.deal_requests


def _member(uow: UnitOfWork, enrollment: int):
    row = uow.conn.execute(select(a).join(e, e.c.application == a.c.id).where(e.c.id == enrollment)).first()
    if row is None:
        raise AppError(f"no member {enrollment}")
    return application_from_row(row)


def _nth(uow: UnitOfWork, kind: Kind, application: int) -> int:
    """How many messages of this kind the member has had: what keeps each one's Message-ID its own."""
    m = schema.outbox_messages
    return uow.conn.execute(
        select(func.count()).select_from(m).where(m.c.kind == kind.value, m.c.application == application)
    ).scalar()


def draft_deal_message(uow: UnitOfWork, request: int, approved: bool) -> int:
    """Approved: the deal's code or link; declined: the deal named. One draft per decision."""
    row = uow.conn.execute(
        select(r.c.enrollment, d.c.title, d.c.partner, d.c.redeem).join(d, d.c.id == r.c.deal).where(r.c.id == request)
    ).first()
    if row is None:
        raise AppError(f"no deal request {request}")
    app = _member(uow, row.enrollment)
    extra = {"deal": row.title, "partner": row.partner}
    if approved:
        extra["redeem"] = row.redeem
    kind = Kind.DEAL_APPROVED if approved else Kind.DEAL_DECLINED
    key = f"{kind.value}:request:{request}:{_nth(uow, kind, app.id)}"
    return add_draft(uow, Composer(uow), kind, app, (), "", None, None, extra, key)


def draft_year_two(uow: UnitOfWork, enrollment: int, granted: bool, reason: str = "") -> int:
    """Year 2 granted (its credit and dates, from the program year) or not (the reviewer's reason)."""
    app, composer = _member(uow, enrollment), Composer(uow)
    language = composer.settings.language
    extra: dict[str, str] = {}
    if granted:
        year = uow.conn.execute(
            select(y).where(y.c.enrollment == enrollment, y.c.number == 2).order_by(y.c.id.desc())
        ).first()
        if year is None:
            raise AppError(f"member {app.workspace} has no year 2")
        extra = {
            "amount": usd(year.credit_cents, language),
            "valid_from": long_date(year.valid_from, language),
            "valid_until": long_date(year.valid_until, language),
        }
    else:
        extra = {"decision_reason": reason}
    kind = Kind.YEAR2_GRANTED if granted else Kind.YEAR2_REFUSED
    key = f"{kind.value}:enrollment:{enrollment}:{_nth(uow, kind, app.id)}"  # granted again after an undo: a new one
    return add_draft(uow, composer, kind, app, (), reason, None, None, extra, key)


def draft_renewal_offer(uow: UnitOfWork, enrollment: int, valid_until) -> int:
    """The discounted renewal year on offer, at the policy's discount, open until `valid_until`."""
    app, composer = _member(uow, enrollment), Composer(uow)
    language = composer.settings.language
    rate = uow.policies.in_force(uow.today).renewal_discount * 100
    discount = f"{rate.normalize():f} %".replace(".", "," if language == "de" else ".")
    extra = {"discount": discount, "valid_until": long_date(valid_until, language)}
    key = f"{Kind.RENEWAL_OFFER.value}:enrollment:{enrollment}:{_nth(uow, Kind.RENEWAL_OFFER, app.id)}"
    return add_draft(uow, composer, Kind.RENEWAL_OFFER, app, (), "", None, None, extra, key)


def draft_credit_notices(uow: UnitOfWork, notices: list[dict]) -> list[int]:
    """One outbox draft per credit notice just made (SPEC 10): its text and the credit left.
    A notice is made once per grant and threshold, and so is its draft (the Message-ID says
    which). A close can make thousands: the members are read, and the drafts written, at once."""
    if not notices:
        return []
    composer = Composer(uow)
    language = composer.settings.language
    wanted = sorted({notice["enrollment"] for notice in notices})
    members = {
        enrollment: application_from_row(row)
        for row in uow.conn.execute(
            select(a, e.c.id.label("enrollment_id")).join(e, e.c.application == a.c.id).where(e.c.id.in_(wanted))
        )
        for enrollment in (row.enrollment_id,)
    }
    rows = []
    for notice in notices:
        extra = {"notice": notice["text"], "balance": usd(notice["balance_cents"], language)}
        key = f"credit_notice:{notice['enrollment']}:{notice['program_year']}:{notice['kind']}:{notice['threshold']}"
        app = members[notice["enrollment"]]
        rows.append(draft_row(uow, composer, Kind.CREDIT_NOTICE, app, (), "", None, None, extra, key))
    return add_rows(uow, rows)


def discard_unsent(uow: UnitOfWork, enrollment: int, kind: Kind) -> int:
    """A member decision undone takes back its unsent message of `kind` (a sent one stays sent)."""
    from sqlalchemy import update

    from app.services.outbox import OPEN

    m, app = schema.outbox_messages, _member(uow, enrollment)
    return uow.conn.execute(
        update(m)
        .where(m.c.application == app.id, m.c.kind == kind.value, m.c.status.in_(OPEN))
        .values(status="discarded", updated_at=uow.now(), version=m.c.version + 1)
    ).rowcount


def discard_request_messages(uow: UnitOfWork, request: int) -> int:
    """A deal decision undone takes back its unsent message (approved or declined). The drafts
    of a request are known by their Message-IDs, which their keys make (see draft_deal_message)."""
    from sqlalchemy import update

    from app.services.outbox import OPEN
    from models.messages import message_id

    row = uow.conn.execute(select(r.c.enrollment).where(r.c.id == request)).first()
    if row is None:
        return 0
    app, domain, m = _member(uow, row.enrollment), Composer(uow).domain, schema.outbox_messages
    ids = [
        message_id(f"{kind.value}:request:{request}:{n}", domain)
        for kind in (Kind.DEAL_APPROVED, Kind.DEAL_DECLINED)
        for n in range(_nth(uow, kind, app.id) + 1)
    ]
    return uow.conn.execute(
        update(m)
        .where(m.c.message_id.in_(ids), m.c.status.in_(OPEN))
        .values(status="discarded", updated_at=uow.now(), version=m.c.version + 1)
    ).rowcount
