"""Read side of the partner registry and the deal catalogue: plain rows for tables and --json."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, case, func, or_, select

from app import schema

d, r, ev, e, a, p, le = (
    schema.deals,
    schema.deal_requests,
    schema.deal_request_events,
    schema.enrollments,
    schema.applications,
    schema.partners,
    schema.ledger_entries,
)


@dataclass(frozen=True)
class DealRow:
    id: int
    partner: str
    title: str
    category: str
    value_text: str
    value_cents: int | None
    valid_from: date | None
    valid_until: date | None
    capacity: int | None
    taken: int
    open_requests: int
    active: bool
    description: str
    redeem: str

    @property
    def remaining(self) -> int | None:
        return None if self.capacity is None else max(self.capacity - self.taken, 0)

    def as_json(self, reveal: bool = False) -> dict:
        from models.money import plain

        return {
            "id": self.id,
            "partner": self.partner,
            "title": self.title,
            "category": self.category,
            "value_text": self.value_text,
            "value_usd": plain(self.value_cents) if self.value_cents is not None else None,
            "valid_from": self.valid_from.isoformat() if self.valid_from else None,
            "valid_until": self.valid_until.isoformat() if self.valid_until else None,
            "capacity": self.capacity,
            "remaining": self.remaining,
            "active": self.active,
            **({"redeem": self.redeem} if reveal else {}),
        }


def deal_rows(conn: Connection, category: str = "", text: str = "", active_only: bool = False) -> list[DealRow]:
    taken = func.sum(case((r.c.status.in_(("approved", "fulfilled")), 1), else_=0))
    waiting = func.sum(case((r.c.status == "requested", 1), else_=0))
    counts = select(r.c.deal, taken.label("taken"), waiting.label("waiting")).group_by(r.c.deal).subquery()
    query = select(d, func.coalesce(counts.c.taken, 0), func.coalesce(counts.c.waiting, 0)).outerjoin(
        counts, counts.c.deal == d.c.id
    )
    if category:
        query = query.where(d.c.category == category)
    if text:
        # contains, as typed: '%' and '_' are characters here, not wildcards
        query = query.where(
            or_(
                func.lower(d.c.title).contains(text.lower(), autoescape=True),
                func.lower(d.c.partner).contains(text.lower(), autoescape=True),
                func.lower(d.c.description).contains(text.lower(), autoescape=True),
            )
        )
    if active_only:
        query = query.where(d.c.active)
    rows = conn.execute(query.order_by(func.lower(d.c.partner), func.lower(d.c.title))).all()
    return [
        DealRow(
            row.id,
            row.partner,
            row.title,
            row.category,
            row.value_text,
            row.value_cents,
            row.valid_from,
            row.valid_until,
            row.capacity,
            int(row[-2]),
            int(row[-1]),
            row.active,
            row.description,
            row.redeem,
        )
        for row in rows
    ]


def categories(conn: Connection) -> list[str]:
    return [c for c in conn.execute(select(d.c.category).distinct().order_by(d.c.category)).scalars() if c]


@dataclass(frozen=True)
class RequestRow:
    id: int
    deal: int
    partner: str
    title: str
    workspace: str
    company: str
    contact_email: str
    status: str
    requested_at: datetime
    decided_by: str
    decided_at: datetime | None
    reason: str
    redeem: str  # blank until the request is approved
    version: int

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "deal": self.deal,
            "partner": self.partner,
            "title": self.title,
            "workspace": self.workspace,
            "company": self.company,
            "status": self.status,
            "requested_at": self.requested_at.isoformat(timespec="seconds"),
            "decided_by": self.decided_by,
            "decided_at": self.decided_at.isoformat(timespec="seconds") if self.decided_at else None,
            "reason": self.reason,
            "redeem": self.redeem,
        }


def request_rows(conn: Connection, deal: int | None = None, workspace: str = "", status: str = "") -> list[RequestRow]:
    """Requests with their latest decision; the code only where approved or fulfilled."""
    latest = select(ev.c.request, func.max(ev.c.id).label("event")).group_by(ev.c.request).subquery()
    query = (
        select(
            r,
            d.c.partner,
            d.c.title,
            d.c.redeem,
            e.c.workspace,
            a.c.company,
            a.c.contact_email,
            ev.c.actor,
            ev.c.at,
            ev.c.reason,
        )
        .join(d, d.c.id == r.c.deal)
        .join(e, e.c.id == r.c.enrollment)
        .join(a, a.c.id == e.c.application)
        .outerjoin(latest, latest.c.request == r.c.id)
        .outerjoin(ev, ev.c.id == latest.c.event)
    )
    if deal is not None:
        query = query.where(r.c.deal == deal)
    if workspace:
        query = query.where(e.c.workspace == workspace)
    if status:
        query = query.where(r.c.status == status)
    out = []
    for row in conn.execute(query.order_by(r.c.requested_at.desc(), r.c.id.desc())):
        decided = row.status != "requested"
        out.append(
            RequestRow(
                row.id,
                row.deal,
                row.partner,
                row.title,
                row.workspace,
                row.company,
                row.contact_email,
                row.status,
                row.requested_at,
                row.actor if decided else "",
                row.at if decided else None,
                row.reason if decided else row.note,
                row.redeem if row.status in ("approved", "fulfilled") else "",
                row.version,
            )
        )
    return out


def request_history(conn: Connection, request_id: int) -> list[dict]:
    return [
        {"at": at, "actor": actor, "from_status": before, "to_status": after, "reason": reason}
        for at, actor, before, after, reason in conn.execute(
            select(ev.c.at, ev.c.actor, ev.c.from_status, ev.c.to_status, ev.c.reason)
            .where(ev.c.request == request_id)
            .order_by(ev.c.id)
        )
    ]


@dataclass(frozen=True)
class PartnerRow:
    id: int
    code: str
    name: str
    kind: str
    status: str
    contact: str
    annual_credit_cents: int | None
    members: int
    granted_cents: int

    def as_json(self) -> dict:
        from models.money import plain

        return {
            "code": self.code,
            "name": self.name,
            "kind": self.kind,
            "status": self.status,
            "contact": self.contact,
            "annual_credit_usd": plain(self.annual_credit_cents) if self.annual_credit_cents is not None else None,
            "members": self.members,
            "credit_granted_usd": plain(self.granted_cents),
        }


def partner_rows(conn: Connection) -> list[PartnerRow]:
    """Each partner with its members and the credit granted through it (grants net of their reversals)."""
    members = dict(
        conn.execute(
            select(e.c.partner, func.count())
            .where(e.c.partner.is_not(None), e.c.status != "cancelled")
            .group_by(e.c.partner)
        ).all()
    )
    original = le.alias("original")
    granted = dict(
        conn.execute(
            select(e.c.partner, func.sum(le.c.amount_cents))
            .join(le, le.c.enrollment == e.c.id)
            .outerjoin(original, original.c.id == le.c.reverses)
            .where(e.c.partner.is_not(None), func.coalesce(original.c.kind, le.c.kind) == "grant")
            .group_by(e.c.partner)
        ).all()
    )
    return [
        PartnerRow(
            row.id,
            row.code,
            row.name,
            row.kind,
            row.status,
            row.contact,
            row.annual_credit_cents,
            int(members.get(row.id, 0)),
            int(granted.get(row.id, 0) or 0),
        )
        for row in conn.execute(select(p).order_by(func.lower(p.c.name)))
    ]


def partner_history(conn: Connection, partner_id: int) -> list[dict]:
    ev_p = schema.partner_events
    return [
        {"at": at, "actor": actor, "from_status": before, "to_status": after, "reason": reason}
        for at, actor, before, after, reason in conn.execute(
            select(ev_p.c.at, ev_p.c.actor, ev_p.c.from_status, ev_p.c.to_status, ev_p.c.reason)
            .where(ev_p.c.partner == partner_id)
            .order_by(ev_p.c.id)
        )
    ]


def unknown_partner_codes(conn: Connection) -> list[tuple[str, int]]:
    """Partner codes named by applications that no registered partner has, with how many name each."""
    return [
        (code, int(count))
        for code, count in conn.execute(
            select(a.c.partner_code, func.count())
            .where(a.c.partner_code != "", a.c.partner_code.not_in(select(p.c.code)))
            .group_by(a.c.partner_code)
            .order_by(func.count().desc(), a.c.partner_code)
        )
    ]
