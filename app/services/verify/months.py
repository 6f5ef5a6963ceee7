"""The cross-check of every closed month: its billing adjustments total what its close does (SPEC 4)."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, case, func, select

from app import schema
from app.database import UnitOfWork
from app.services.verify.common import b, e, le
from models.money import display


def export_totals(conn: Connection) -> dict[str, tuple[int, int, int]]:
    """month -> (bills, credit applied, renewal discount) as the billing adjustments total them, every
    month in one grouped pass: a member's bill (a bill whose workspace is no member's is on no row), and
    the credit and discount on it, net of reversals: the entries the month's close made (`month`), or,
    carrying no month, dated in it (`app.exports.month_data.month_members`' billing view)."""
    return month_totals(conn)[0]


def close_totals(conn: Connection) -> dict[str, tuple[int, int, int]]:
    """month -> (bills, credit applied, renewal discount) as the close sums them (`summarise_closed`):
    every bill of the month, the entries carrying the month; one grouped pass for every month."""
    return month_totals(conn)[1]


def month_totals(conn: Connection) -> tuple[dict[str, tuple[int, int, int]], dict[str, tuple[int, int, int]]]:
    """(export_totals, close_totals) from one pass over the bills and one over the entries carrying a
    month, which both definitions share; the export also takes the few entries that carry none."""
    exported: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    closed: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    member = e.c.id.is_not(None)
    for month, every, members, count in conn.execute(
        select(
            b.c.month,
            func.sum(b.c.amount_cents),
            func.sum(case((member, b.c.amount_cents), else_=0)),
            func.sum(case((member, 1), else_=0)),
        )
        .outerjoin(e, e.c.workspace == b.c.workspace)
        .group_by(b.c.month)
    ):
        closed[month][0] += int(every)
        if count:  # a month with no member's bill is on no row of the export
            exported[month][0] += int(members)
    kinds = le.c.counts_as.in_(("apply", "discount"))
    # the entries carrying a month, from the (month, counts_as, amount_cents) index alone; then the few without
    for month, kind, amount in conn.execute(
        select(le.c.month, le.c.counts_as, func.sum(le.c.amount_cents))
        .where(le.c.month.is_not(None), kinds)
        .group_by(le.c.month, le.c.counts_as)
    ):
        for totals in (exported, closed):
            totals[month][1 if kind == "apply" else 2] -= int(amount)
    for day, kind, amount in conn.execute(
        select(le.c.entry_date, le.c.counts_as, func.sum(le.c.amount_cents))
        .where(le.c.month.is_(None), kinds)
        .group_by(le.c.entry_date, le.c.counts_as)
    ):
        exported[f"{day.year:04d}-{day.month:02d}"][1 if kind == "apply" else 2] -= int(amount)
    return (
        {month: (bills, applied, discount) for month, (bills, applied, discount) in exported.items()},
        {month: (bills, applied, discount) for month, (bills, applied, discount) in closed.items()},
    )


def exports_agree_with_closes(uow: UnitOfWork) -> list[str]:
    """Every closed month's billing adjustments total what its close does, to the cent (SPEC 4): the
    export's definition and the close's (tests/app/test_ledger_rules.py checks that these totals are
    the export's). Both take every bill of a member and every entry carrying the month; they can only
    differ by a bill of no member or an entry of credit or discount carrying no month, so those two
    are looked for first (the bills by each member's index range, the entries by the month index),
    and the months are totalled, one grouped pass for every month, only when one is found."""
    conn = uow.conn
    months = list(conn.execute(select(schema.month_closes.c.month).order_by(schema.month_closes.c.month)).scalars())
    if not months or not _could_disagree(conn, set(months)):
        return []
    exported, closed = month_totals(conn)
    breaches = []
    for month in months:
        bills, applied, discount = exported.get(month, (0, 0, 0))
        mine = (bills, applied, discount, bills - applied - discount)
        bills, applied, discount = closed.get(month, (0, 0, 0))
        theirs = (bills, applied, discount, bills - applied - discount)
        if mine != theirs:
            names = ("bills", "credit applied", "renewal discount", "due")
            differ = ", ".join(
                f"{name} {display(a)} vs {display(b)}" for name, a, b in zip(names, mine, theirs) if a != b
            )
            breaches.append(f"{month}: the billing adjustments and the close disagree ({differ})")
    return breaches


def _could_disagree(conn: Connection, closed: set[str]) -> bool:
    """A bill of a workspace that is no member (fewer bills counted member by member than in all), or
    credit or discount carrying no month dated in a closed month (the export counts it, the close not)."""
    of_member = select(func.count()).select_from(b).where(b.c.workspace == e.c.workspace).scalar_subquery()
    members = conn.execute(select(func.coalesce(func.sum(of_member), 0)).select_from(e)).scalar()
    if members != conn.execute(select(func.count()).select_from(b)).scalar():
        return True
    undated: dict[tuple[str, str], int] = defaultdict(int)
    for day, kind, amount in conn.execute(
        select(le.c.entry_date, le.c.counts_as, func.sum(le.c.amount_cents))
        .where(le.c.month.is_(None), le.c.counts_as.in_(("apply", "discount")))
        .group_by(le.c.entry_date, le.c.counts_as)
    ):
        undated[f"{day.year:04d}-{day.month:02d}", kind] += int(amount)
    return any(amount for (month, _), amount in undated.items() if month in closed)
