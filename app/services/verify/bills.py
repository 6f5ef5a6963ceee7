"""The checks of bills: credit and discount on a bill never exceed it; a closed month's bills are settled."""

from __future__ import annotations

from sqlalchemy import Connection, and_, func, literal, select

from app import schema
from app.services.verify.common import b, e, le, named
from models.money import display


def applied_within_bills(conn: Connection) -> list[str]:
    """Credit and discount on a bill, net of reversals, never exceed the bill (one pass: a reversal
    carries the month and counts as the kind of the entry it cancels)."""
    applied = (
        select(le.c.enrollment, le.c.month, (-func.sum(le.c.amount_cents)).label("applied"))
        .where(le.c.counts_as.in_(("apply", "discount")), le.c.month.is_not(None))
        .group_by(le.c.enrollment, le.c.month)
        .subquery()
    )
    return named(
        conn,
        select(e.c.workspace, applied.c.month, applied.c.applied, func.coalesce(b.c.settled_cents, literal(0)))
        .join(e, e.c.id == applied.c.enrollment)
        .outerjoin(b, and_(b.c.workspace == e.c.workspace, b.c.month == applied.c.month))
        .where(applied.c.applied > func.coalesce(b.c.settled_cents, literal(0))),
        lambda w, month, amount, bill: (
            f"{w} {month}: {display(amount)} of credit and discount on a bill of {display(bill)}"
        ),
    )


def bills_settled(conn: Connection) -> list[str]:
    """Every bill of a closed month is settled as billed; read from the partial index of the bills
    that are not (migration 0018), whose condition this is."""
    return named(
        conn,
        select(b.c.workspace, b.c.month, b.c.settled_cents, b.c.amount_cents)
        .join(schema.month_closes, schema.month_closes.c.month == b.c.month)
        .where((b.c.settled_cents.is_(None)) | (b.c.settled_cents != b.c.amount_cents)),
        lambda w, month, settled, amount: (
            f"{w} {month}: billing says {display(amount)} but the close settled {display(settled or 0)}: restate {month}"
        ),
    )
