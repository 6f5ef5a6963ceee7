"""The checks of bills: credit and discount on a bill never exceed it; a closed month's bills are settled.

Credit within bills lines up every member-month of credit applied with its bill. Its grouped pass
reads the month index of the entries alone, in its own order, (month, counts_as, member) (migration
0021), and looks each group's bill up in the bills' (month, workspace, amount) index alone: no sort,
and no read of either table. Against the bill's amount, not what the close settled: the two differ
only on the bills in the partial index of those not settled as billed (migration 0018), which are
checked against their settled amount from there; the few groups found over their bill are recounted
whole before they are named.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, and_, case, column, func, literal, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import TableClause

from app import schema
from app.services.verify.common import CHUNK, b, e, le, named
from models.money import display

KINDS = ("apply", "discount")  # what a bill is given: credit, then the renewal discount


class _IndexedBy(TableClause):
    """A table read through one index on SQLite (`INDEXED BY`; SQLAlchemy renders no table hints for
    it): without statistics SQLite looks a bill up by its unique (workspace, month) index and then
    reads the bill for its amount, where the month index holds both (migration 0017)."""

    inherit_cache = True  # the index is not in the statement cache's key: one instance per table

    def __init__(self, table, index: str):
        super().__init__(table.name, *(column(c.name, c.type) for c in table.c))
        self.index = index


@compiles(_IndexedBy, "sqlite")
def _indexed_by(element, compiler, **kw):
    text = compiler.visit_table(element, **kw)
    return f"{text} INDEXED BY {element.index}" if kw.get("asfrom") else text


#: the bills, looked up by (month, workspace) in their month index alone
bill = _IndexedBy(b, "ix_bills_month_workspace_amount")
#: the condition of the bills' partial index of those not settled as billed (`schema.UNSETTLED`)
UNSETTLED = b.c.settled_cents.is_(None) | (b.c.settled_cents != b.c.amount_cents)


def applied_within_bills(conn: Connection) -> list[str]:
    """Credit and discount on a bill, net of reversals, never exceed what the close settled of it (a
    reversal carries the month and counts as the kind of the entry it cancels)."""
    over = _recount(conn, _over_amount(conn) | _over_unsettled(conn))
    return [
        f"{workspace} {month}: {display(given)} of credit and discount on a bill of {display(settled)}"
        for workspace, month, given, settled in sorted(over)
        if given > settled
    ]


def _over_amount(conn: Connection) -> set[tuple[int, str]]:
    """(member, month) of every group above its bill's amount (or with no bill): one pass over the
    month index, a group per month, kind and member; a discount's group adds the member's credit of
    the month (read for those alone), so that a bill given both is measured by their sum."""
    groups = (
        select(le.c.month, le.c.counts_as, le.c.enrollment, (-func.sum(le.c.amount_cents)).label("given"))
        .where(le.c.month.is_not(None), le.c.counts_as.in_(KINDS))  # IN: the index's order serves the GROUP BY
        .group_by(le.c.month, le.c.counts_as, le.c.enrollment)
        .subquery("groups")
    )
    credit = le.alias("credit")
    credit_too = (
        select(-func.sum(credit.c.amount_cents))
        .where(
            credit.c.month == groups.c.month,
            credit.c.counts_as == "apply",
            credit.c.enrollment == groups.c.enrollment,
        )
        .scalar_subquery()
    )
    given = groups.c.given + case((groups.c.counts_as == "discount", func.coalesce(credit_too, 0)), else_=0)
    rows = (
        select(groups.c.enrollment, groups.c.month)
        .join(e, e.c.id == groups.c.enrollment)
        .outerjoin(bill, and_(bill.c.month == groups.c.month, bill.c.workspace == e.c.workspace))
        .where(given > func.coalesce(bill.c.amount_cents, literal(0)))
    )
    return {(n, month) for n, month in conn.execute(rows)}


def _over_unsettled(conn: Connection) -> set[tuple[int, str]]:
    """(member, month) of the bills not settled as billed (read by their partial index) that were
    given more than the close settled of them."""
    given = (
        select(func.coalesce(-func.sum(le.c.amount_cents), 0))
        .where(le.c.month == b.c.month, le.c.counts_as.in_(KINDS), le.c.enrollment == e.c.id)
        .scalar_subquery()
    )
    rows = (
        select(e.c.id, b.c.month)
        .join(e, e.c.workspace == b.c.workspace)
        .where(UNSETTLED, given > func.coalesce(b.c.settled_cents, literal(0)))
    )
    return {(n, month) for n, month in conn.execute(rows)}


def _recount(conn: Connection, keys: Iterable[tuple[int, str]]) -> list[tuple[str, str, int, int]]:
    """(workspace, month, credit and discount given, what the close settled of the bill) of each of
    these (member, month), its entries read by the member's index."""
    keys = sorted(keys)
    found = []
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start : start + CHUNK]
        members, months = sorted({n for n, _ in chunk}), sorted({m for _, m in chunk})
        given = (
            select(le.c.enrollment, le.c.month, (-func.sum(le.c.amount_cents)).label("given"))
            .where(le.c.enrollment.in_(members), le.c.month.in_(months), le.c.counts_as.in_(KINDS))
            .group_by(le.c.enrollment, le.c.month)
            .subquery()
        )
        rows = (
            select(given.c.enrollment, given.c.month, e.c.workspace, given.c.given, b.c.settled_cents)
            .join(e, e.c.id == given.c.enrollment)
            .outerjoin(b, and_(b.c.workspace == e.c.workspace, b.c.month == given.c.month))
        )
        wanted = set(chunk)
        for n, month, workspace, amount, settled in conn.execute(rows):
            if (n, month) in wanted:
                found.append((workspace, month, int(amount), int(settled or 0)))
    return found


def bills_settled(conn: Connection) -> list[str]:
    """Every bill of a closed month is settled as billed; read from the partial index of the bills
    that are not (migration 0018), whose condition this is."""
    return named(
        conn,
        select(b.c.workspace, b.c.month, b.c.settled_cents, b.c.amount_cents)
        .join(schema.month_closes, schema.month_closes.c.month == b.c.month)
        .where(UNSETTLED),
        lambda w, month, settled, amount: (
            f"{w} {month}: billing says {display(amount)} but the close settled {display(settled or 0)}: restate {month}"
        ),
    )
