"""Partner registry and deal-catalogue use cases (SPEC 5): each write is one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from app import schema
from app.database import UnitOfWork
from app.errors import AppError
from app.importing.deals import TARGETS, parse_deal
from models.deals import REQUEST_ACTIONS, Deal, RequestStatus, check_request_transition
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


def _deal_row(conn: Connection, deal_id: int, *, lock: bool = False):
    """The deal; `lock` holds it until commit (capacity is checked against it)."""
    query = select(d).where(d.c.id == deal_id)
    row = conn.execute(query.with_for_update() if lock else query).first()
    if row is None:
        raise AppError(f"no deal {deal_id}")
    return row


@dataclass(frozen=True)
class SaveDeal:
    """Add a deal (`deal_id` None), or edit one, from the same text columns as the deal file."""

    text: dict
    deal_id: int | None = None


@dataclass(frozen=True)
class SetDealActive:
    """Retire a deal (it stays, with its requests) or bring it back."""

    deal_id: int
    active: bool


@dataclass(frozen=True)
class DeleteDeal:
    """Only a deal nobody asked for can go; others are retired."""

    deal_id: int


def save_deal(command: SaveDeal, uow: UnitOfWork) -> int:
    """Errors name the field."""
    text, deal_id = command.text, command.deal_id
    record, errors = parse_deal(0, {column: (text.get(column) or "").strip() for column in TARGETS})
    if errors:
        raise InvalidInput("; ".join(f"{error.field}: {error.message}" for error in errors))
    now = uow.now()
    conn = uow.conn
    clash = select(d.c.id).where(
        func.lower(d.c.partner) == record["partner"].lower(), func.lower(d.c.title) == record["title"].lower()
    )
    if deal_id is not None:
        clash = clash.where(d.c.id != deal_id)
    if conn.execute(clash).first():
        raise InvalidInput(f"{record['partner']} already has a deal titled {record['title']!r}")
    if deal_id is None:
        return conn.execute(insert(d).values(**record, created_at=now, updated_at=now)).inserted_primary_key[0]
    _deal_row(conn, deal_id, lock=True)
    used = taken(conn, deal_id)
    if record["capacity"] is not None and record["capacity"] < used:
        raise InvalidInput(f"capacity: {used} places are already taken; it cannot be {record['capacity']}")
    conn.execute(update(d).where(d.c.id == deal_id).values(**record, updated_at=now))
    return deal_id


def set_deal_active(command: SetDealActive, uow: UnitOfWork) -> None:
    _deal_row(uow.conn, command.deal_id, lock=True)
    uow.conn.execute(update(d).where(d.c.id == command.deal_id).values(active=command.active, updated_at=uow.now()))


def delete_deal(command: DeleteDeal, uow: UnitOfWork) -> None:
    row = _deal_row(uow.conn, command.deal_id, lock=True)
    if uow.conn.execute(select(r.c.id).where(r.c.deal == command.deal_id)).first():
        raise RequestRefused(f"the deal {row.title!r} has requests: retire it instead of deleting it")
    uow.conn.execute(d.delete().where(d.c.id == command.deal_id))


# ---- redemption requests ----------------------------------------------------------------------


@dataclass(frozen=True)
class RequestOutcome:
    id: int
    status: str
    redeem: str  # the code or link, only once approved

    def as_json(self) -> dict:
        return {"id": self.id, "status": self.status, "redeem": self.redeem}


@dataclass(frozen=True)
class RequestDeal:
    """A member asks for a deal: only members with an accepted application, one open request per deal."""

    workspace: str
    deal_id: int
    note: str = ""


@dataclass(frozen=True)
class DecideRequest:
    """approve, decline or fulfil; approval checks the deal's state, validity and capacity on `on`."""

    request_id: int
    action: str
    reason: str = ""
    on: date | None = None
    expected_version: int | None = None


def request_deal(command: RequestDeal, uow: UnitOfWork) -> RequestOutcome:
    workspace, deal_id, note = command.workspace, command.deal_id, command.note
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
    now = uow.now()
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
    return RequestOutcome(request_id, "requested", "")


def decide_request(command: DecideRequest, uow: UnitOfWork) -> RequestOutcome:
    request_id, action, reason = command.request_id, command.action, command.reason
    expected_version = command.expected_version
    if action not in REQUEST_ACTIONS:
        raise AppError(f"unknown action {action!r} (approve, decline or fulfil)")
    target = REQUEST_ACTIONS[action]
    on = command.on or uow.today
    conn = uow.conn
    row = conn.execute(select(r).where(r.c.id == request_id).with_for_update()).first()
    if row is None:
        raise AppError(f"no request {request_id}")
    if expected_version is not None and row.version != expected_version:
        raise ConcurrentChange(f"request {request_id} was changed by someone else meanwhile; look again")
    current = RequestStatus(row.status)
    check_request_transition(current, target, reason)
    # the deal is held: two approvals at once cannot both take its last place
    deal = deal_from_row(_deal_row(conn, row.deal, lock=True))
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
            at=uow.now(),
            actor=uow.actor,
            from_status=current.value,
            to_status=target.value,
            reason=reason.strip(),
        )
    )
    if target in (RequestStatus.APPROVED, RequestStatus.DECLINED):
        from app.services.member_messages import draft_deal_message  # the member's message (SPEC 9)

        draft_deal_message(uow, request_id, target == RequestStatus.APPROVED)
    return RequestOutcome(request_id, target.value, deal.redeem if target.reveals_code else "")


# ---- taking actions back (Edit → Undo in the window) ------------------------------------------


def deal_text(row) -> dict[str, str]:
    """A deal as the text columns `save_deal` reads (what an undone edit puts back)."""
    return {
        "partner": row.partner,
        "title": row.title,
        "category": row.category,
        "description": row.description,
        "value_text": row.value_text,
        "value_usd": "" if row.value_cents is None else f"{row.value_cents // 100}.{row.value_cents % 100:02d}",
        "redeem": row.redeem,
        "valid_from": row.valid_from.isoformat() if row.valid_from else "",
        "valid_until": row.valid_until.isoformat() if row.valid_until else "",
        "capacity": "" if row.capacity is None else str(row.capacity),
        "active": "yes" if row.active else "no",
    }


@dataclass(frozen=True)
class EditDeal:
    """Edit a deal and get back what it was (to put it back): `save_deal` with a memory."""

    deal_id: int
    text: dict


def edit_deal(command: EditDeal, uow: UnitOfWork) -> dict[str, str]:
    before = deal_text(_deal_row(uow.conn, command.deal_id, lock=True))
    save_deal(SaveDeal(command.text, command.deal_id), uow)
    return before


@dataclass(frozen=True)
class WithdrawRequest:
    """Take back a request just recorded, while nobody has decided it."""

    request_id: int


def withdraw_request(command: WithdrawRequest, uow: UnitOfWork) -> None:
    conn = uow.conn
    row = conn.execute(select(r).where(r.c.id == command.request_id).with_for_update()).first()
    if row is None:
        raise AppError(f"no request {command.request_id}")
    if row.status != RequestStatus.REQUESTED.value or row.version != 1:
        raise ConcurrentChange(f"request {row.id} was decided meanwhile ({row.status}): it stays")
    conn.execute(ev.delete().where(ev.c.request == row.id))
    conn.execute(r.delete().where(r.c.id == row.id))


@dataclass(frozen=True)
class UndoDecision:
    """Put a request back in the state before its last decision, if it is still in `status`."""

    request_id: int
    status: str  # what the decision being taken back set


def undo_decision(command: UndoDecision, uow: UnitOfWork) -> RequestOutcome:
    """Noted in the request's history ("undo"), like any other step."""
    conn = uow.conn
    row = conn.execute(select(r).where(r.c.id == command.request_id).with_for_update()).first()
    if row is None:
        raise AppError(f"no request {command.request_id}")
    if row.status != command.status:
        raise ConcurrentChange(f"request {row.id} is {row.status} now, not {command.status}: it stays")
    last = conn.execute(
        select(ev.c.from_status).where(ev.c.request == row.id, ev.c.to_status == row.status).order_by(ev.c.id.desc())
    ).first()
    if last is None or not last.from_status:
        raise AppError(f"request {row.id} has no decision to take back")
    before = RequestStatus(last.from_status)
    if before.is_open and not row.is_open:
        clash = select(r.c.id).where(r.c.deal == row.deal, r.c.enrollment == row.enrollment, r.c.is_open)
        if conn.execute(clash).first():
            raise RequestRefused(f"the member has asked for this deal again since (request {row.id} stays)")
    conn.execute(
        update(r).where(r.c.id == row.id).values(status=before.value, is_open=before.is_open, version=row.version + 1)
    )
    conn.execute(
        insert(ev).values(
            request=row.id, at=uow.now(), actor=uow.actor, from_status=row.status, to_status=before.value, reason="undo"
        )
    )
    from app.services.member_messages import discard_request_messages  # its unsent message goes too

    discard_request_messages(uow, row.id)
    return RequestOutcome(row.id, before.value, "")
