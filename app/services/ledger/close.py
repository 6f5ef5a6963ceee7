"""The month close (SPEC 4): credit applied to a month's bills, expiry, restatement, reopening.

A close is idempotent and one transaction; months close in order and only once
they have ended. It holds every member's row until it commits, so an adjustment
or a second close made at the same moment waits for it and then sees it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from sqlalchemy import func, insert, select, update

from app import schema
from app.database import UnitOfWork
from app.kept_sums import add_entries
from app.services.ledger.common import (
    CLOSE_KINDS,
    b,
    closed,
    drawable_on,
    e,
    grant_balances,
    le,
    month_bounds,
    py,
    reverse_all,
    reversed_ids,
)
from models.errors import RuleRefused
from models.ledger import EntryKind, expiring, settle_bill
from models.money import display, plain

mc = schema.month_closes


@dataclass(frozen=True)
class CloseMonth:
    month: str  # YYYY-MM
    restate: bool = False  # reverse and re-apply a closed month whose bills changed


@dataclass(frozen=True)
class ReopenMonth:
    month: str
    reason: str


@dataclass
class CloseSummary:
    month: str
    bills: int = 0
    billed: int = 0
    credit_applied: int = 0
    discounts: int = 0
    expired: int = 0
    already_closed: bool = False
    notices: int = 0  # credit notices the close made
    restated: list[dict] = field(default_factory=list)

    @property
    def due(self) -> int:
        return self.billed - self.credit_applied - self.discounts

    def as_json(self) -> dict:
        document = {
            "month": self.month,
            "bills": self.bills,
            "billed": plain(self.billed),
            "credit_applied": plain(self.credit_applied),
            "discounts": plain(self.discounts),
            "expired": plain(self.expired),
            "due": plain(self.due),
            "already_closed": self.already_closed,
        }
        if self.restated:
            document["restated"] = self.restated
        return document


def close_month(command: CloseMonth, uow: UnitOfWork) -> CloseSummary:
    """Apply credit to a month's bills and expire what ended; idempotent."""
    month = command.month
    first, last = month_bounds(month)
    if last >= uow.today:
        raise RuleRefused(f"{month} has not ended yet: it can be closed from {last + timedelta(days=1)} on")
    conn = uow.conn
    uow.hold(e)  # every member: corrections made meanwhile wait for this close, and see it
    summary = CloseSummary(month)
    if closed(conn, month):
        changed = conn.execute(
            select(b.c.workspace, b.c.settled_cents, b.c.amount_cents).where(
                b.c.month == month, (b.c.settled_cents.is_(None)) | (b.c.settled_cents != b.c.amount_cents)
            )
        ).all()
        if not changed:
            summary.already_closed = True
            return summarise_closed(uow, month, summary)
        if not command.restate:
            listed = ", ".join(f"{w} ({display(old or 0)} → {display(new)})" for w, old, new in changed[:10])
            raise RuleRefused(
                f"{month} is closed and {len(changed)} bills changed since ({listed}); "
                "closing it again needs an explicit restatement (--restate)"
            )
        return _restate(uow, month, [w for w, _, _ in changed])
    earlier = conn.execute(
        select(b.c.month).where(b.c.month < month, b.c.month.not_in(select(mc.c.month))).order_by(b.c.month).limit(1)
    ).scalar()
    if earlier:
        raise RuleRefused(f"{earlier} has bills and is not closed yet: months close in order")
    previous = conn.execute(select(func.max(mc.c.month)).where(mc.c.month < month)).scalar()
    expected = (first - timedelta(days=1)).strftime("%Y-%m")
    if previous is not None and previous != expected:
        raise RuleRefused(f"close {expected} first: months close in order, so that every expiry is on time")
    entries = settle_month(uow, month, None, summary, catch_up=previous is None)
    add_entries(conn, entries)
    conn.execute(update(b).where(b.c.month == month).values(settled_cents=b.c.amount_cents))
    conn.execute(insert(mc).values(month=month, closed_at=uow.now(), actor=uow.actor))
    from app.services.ledger.notices import notices_on

    summary.notices = len(notices_on(uow, uow.today))  # SPEC 10: the credit notices now due, once each
    return summary


def preview_close(uow: UnitOfWork, month: str, restate: bool = False) -> CloseSummary:
    """What closing `month` would do, in a transaction that is rolled back: a read."""
    return close_month(CloseMonth(month, restate), uow)


def reopen_month(command: ReopenMonth, uow: UnitOfWork) -> int:
    """Undo the latest month close: every entry it made (not yet reversed) is reversed, and the
    month is open again for corrected bills. Returns how many entries were reversed."""
    month, reason = command.month, command.reason.strip()
    if not reason:
        raise RuleRefused("reopening a month needs a reason")
    conn = uow.conn
    uow.hold(e)
    latest = conn.execute(select(func.max(mc.c.month))).scalar()
    if latest != month:
        raise RuleRefused(f"only the latest closed month can be reopened ({latest or 'none is closed'}), not {month}")
    made = conn.execute(
        select(le).where(le.c.month == month, le.c.kind.in_(CLOSE_KINDS), le.c.id.not_in(reversed_ids()))
    ).all()
    reverse_all(uow, made, f"{month} reopened: {reason}")
    conn.execute(update(b).where(b.c.month == month).values(settled_cents=None))
    conn.execute(mc.delete().where(mc.c.month == month))
    return len(made)


def _renewal_years(uow: UnitOfWork, enrollments: list[int], on: date) -> dict[int, int]:
    rows = uow.conn.execute(
        select(py.c.enrollment, py.c.number).where(
            py.c.renewal.is_(True), py.c.valid_from <= on, py.c.valid_until >= on
        )
    )
    wanted = set(enrollments)
    return {enrollment: number for enrollment, number in rows if enrollment in wanted}


def settle_month(
    uow: UnitOfWork, month: str, only: list[int] | None, summary: CloseSummary, catch_up: bool = False
) -> list[dict]:
    """The entries that close `month` (for all members, or `only` these enrollments).

    The month before was closed (or, with `catch_up`, this is the first close), so
    only grants still valid at the month's start can have anything to expire.
    """
    conn = uow.conn
    first, last = month_bounds(month)
    now = uow.now()
    query = (
        select(b.c.workspace, b.c.amount_cents, e.c.id)
        .join(e, e.c.workspace == b.c.workspace)
        .where(b.c.month == month)
    )
    if only is not None:
        query = query.where(e.c.id.in_(only))
    bills = conn.execute(query).all()
    balances = grant_balances(conn, only, None if catch_up else first)
    renewals = _renewal_years(uow, [enrollment for _, _, enrollment in bills], last)
    policies = uow.policies
    entries: list[dict] = []

    def entry(enrollment: int, kind: EntryKind, on: date, amount: int, year: int | None, reason: str) -> dict:
        return {
            "enrollment": enrollment,
            "kind": kind.value,
            "counts_as": kind.value,
            "entry_date": on,
            "amount_cents": amount,
            "program_year": year,
            "month": month,
            "reason": reason,
            "actor": uow.actor,
            "reverses": None,
            "policy_version": None,
            "created_at": now,
        }

    # expiry first: a grant that ends within the month is not valid on the bill's date anyway
    for enrollment, grants in balances.items():
        for grant in expiring(grants, last):
            entries.append(
                entry(
                    enrollment,
                    EntryKind.EXPIRE,
                    grant.expires_on,
                    -grant.remaining,
                    grant.program_year,
                    "unused credit expired",
                )
            )
            summary.expired += grant.remaining
        balances[enrollment] = [g for g in grants if g.expires_on > last]
    drawable_on(conn, balances, last)
    for _workspace, amount, enrollment in bills:
        rate = policies.in_force(last).renewal_discount if enrollment in renewals else None
        outcome = settle_bill(balances.get(enrollment, []), amount, last, rate)
        for year, drawn in outcome.draws:
            entries.append(
                entry(
                    enrollment,
                    EntryKind.APPLY,
                    last,
                    -drawn,
                    year,
                    f"credit applied to the {month} bill of {display(amount)}",
                )
            )
            balances[enrollment] = [
                replace(g, remaining=g.remaining - drawn) if g.program_year == year else g for g in balances[enrollment]
            ]
        if outcome.discount:
            entries.append(
                entry(
                    enrollment,
                    EntryKind.DISCOUNT,
                    last,
                    -outcome.discount,
                    renewals[enrollment],
                    f"renewal discount on the {month} bill",
                )
            )
        summary.bills += 1
        summary.billed += amount
        summary.credit_applied += outcome.applied
        summary.discounts += outcome.discount
    return entries


def summarise_closed(uow: UnitOfWork, month: str, summary: CloseSummary) -> CloseSummary:
    """A closed month's figures, net of reversals: what its close stands at now."""
    conn = uow.conn
    summary.bills, billed = conn.execute(
        select(func.count(), func.coalesce(func.sum(b.c.amount_cents), 0)).where(b.c.month == month)
    ).one()
    sums = {
        kind: int(amount)
        for kind, amount in conn.execute(
            select(le.c.counts_as, func.sum(le.c.amount_cents))
            .where(le.c.month == month, le.c.counts_as.in_(CLOSE_KINDS))
            .group_by(le.c.counts_as)
        )
    }
    summary.credit_applied = -sums.get("apply", 0)
    summary.discounts = -sums.get("discount", 0)
    summary.expired = -sums.get("expire", 0)
    summary.billed = int(billed)
    return summary


def _restate(uow: UnitOfWork, month: str, workspaces: list[str]) -> CloseSummary:
    """Reverse what the changed members' closes did from `month` on, and close those months again for them."""
    conn = uow.conn
    enrollments = dict(conn.execute(select(e.c.workspace, e.c.id).where(e.c.workspace.in_(workspaces))).all())
    ids = list(enrollments.values())
    before = _applied_by_workspace(uow, ids, month)
    undo = conn.execute(
        select(le).where(
            le.c.enrollment.in_(ids), le.c.month >= month, le.c.kind.in_(CLOSE_KINDS), le.c.id.not_in(reversed_ids())
        )
    ).all()
    reverse_all(uow, undo, f"restatement of {month}: billing changed")
    months = conn.execute(select(mc.c.month).where(mc.c.month >= month).order_by(mc.c.month)).scalars().all()
    summary = CloseSummary(month)
    for each in months:
        part = CloseSummary(each)
        add_entries(conn, settle_month(uow, each, ids, part, catch_up=True))
        if each == month:
            summary = part
    conn.execute(
        update(b).where(b.c.workspace.in_(workspaces), b.c.month >= month).values(settled_cents=b.c.amount_cents)
    )
    after = _applied_by_workspace(uow, ids, month)
    summary.restated = [
        {
            "workspace": w,
            "credit_applied_before": plain(before.get(i, 0)),
            "credit_applied_after": plain(after.get(i, 0)),
        }
        for w, i in sorted(enrollments.items())
    ]
    return summary


def _applied_by_workspace(uow: UnitOfWork, ids: list[int], month: str) -> dict[int, int]:
    """Credit applied from `month` on, net of reversals, per enrollment."""
    return {
        enrollment: -int(amount)
        for enrollment, amount in uow.conn.execute(
            select(le.c.enrollment, func.sum(le.c.amount_cents))
            .where(le.c.enrollment.in_(ids), le.c.counts_as == EntryKind.APPLY.value, le.c.month >= month)
            .group_by(le.c.enrollment)
        )
    }
