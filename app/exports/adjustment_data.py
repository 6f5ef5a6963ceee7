"""One month's billing adjustments read in one streamed query (SPEC 6): the figures of
`month_data.month_members` for the adjustments, and nothing else.

The database sums the month's entries per member, its balances and its program year, and
the rows arrive ready for the sheet, already in workspace order, a chunk at a time: no
per-member objects, and no dictionaries of 100,000 members to join in Python.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import NamedTuple

from sqlalchemy import Connection, and_, case, func, literal, or_, select

from app import schema
from app.exports.month_data import month_bounds
from app.grant_validity import extension_ends
from models.ledger import CREDIT_KINDS

le, py, e, b, a, p = (
    schema.ledger_entries,
    schema.program_years,
    schema.enrollments,
    schema.bills,
    schema.applications,
    schema.partners,
)

FETCH = 2_000  # rows fetched at a time


class AdjustmentRow(NamedTuple):
    """One workspace's adjustment: cents, the program year in force at the month's end."""

    workspace: str
    company: str
    partner_code: str  # "" for none
    partner_name: str  # "" when the code is not a registered partner's
    program_year: int | None
    renewal: bool
    bill: int
    credit_applied: int  # negative
    discount: int  # negative
    closing: int  # the credit left after the month's last day
    grant_expiry: date | None  # None for a renewal year, or no year in force

    @property
    def due(self) -> int:
        return self.bill + self.credit_applied + self.discount


def adjustment_rows(conn: Connection, month: str) -> Iterator[AdjustmentRow]:
    """Members with a bill or an entry of `month`'s billing (an entry carrying the month, or
    carrying none and dated in it), in workspace order: what `month_members(conn, month)` says."""
    first, last = month_bounds(month)
    billing = or_(le.c.month == month, and_(le.c.month.is_(None), le.c.entry_date.between(first, last)))
    kinds = (
        select(le.c.enrollment, le.c.counts_as, func.sum(le.c.amount_cents).label("amount"))
        .where(billing)
        .group_by(le.c.enrollment, le.c.counts_as)
        .subquery("kinds")
    )

    def of_kind(kind: str):
        return func.sum(case((kinds.c.counts_as == kind, kinds.c.amount), else_=0))

    moves = (
        select(
            kinds.c.enrollment,
            of_kind("apply").label("applied"),
            of_kind("discount").label("discount"),
            func.max(case((kinds.c.amount != 0, 1), else_=0)).label("moved"),
        )
        .group_by(kinds.c.enrollment)
        .subquery("moves")
    )
    balances = (
        select(le.c.enrollment, func.sum(le.c.amount_cents).label("closing"))
        .where(le.c.kind.in_(CREDIT_KINDS), le.c.entry_date <= last)
        .group_by(le.c.enrollment)
        .subquery("balances")
    )
    ends = extension_ends(as_of=last).element.cte("extension_ends")  # read once, used twice
    until = func.coalesce(ends.c.until, py.c.valid_until)
    standing = (  # the program year in force at the month's end: the highest that covers it
        select(py.c.enrollment, func.max(py.c.number).label("number"))
        .outerjoin(ends, (ends.c.enrollment == py.c.enrollment) & (ends.c.program_year == py.c.number))
        .where(py.c.bonus.is_(False), py.c.valid_from <= last, until >= last)
        .group_by(py.c.enrollment)
        .subquery("standing")
    )
    query = (
        select(
            e.c.workspace,
            a.c.company,
            func.coalesce(a.c.partner_code, literal("")),
            func.coalesce(p.c.name, literal("")),
            standing.c.number,
            py.c.renewal,
            func.coalesce(b.c.amount_cents, 0),
            func.coalesce(moves.c.applied, 0),
            func.coalesce(moves.c.discount, 0),
            func.coalesce(balances.c.closing, 0),
            until.label("valid_until"),
        )
        .select_from(e)
        .join(a, a.c.id == e.c.application)
        .outerjoin(p, p.c.id == e.c.partner)
        .outerjoin(b, (b.c.workspace == e.c.workspace) & (b.c.month == month))
        .outerjoin(moves, moves.c.enrollment == e.c.id)
        .outerjoin(balances, balances.c.enrollment == e.c.id)
        .outerjoin(standing, standing.c.enrollment == e.c.id)
        .outerjoin(py, (py.c.enrollment == e.c.id) & (py.c.number == standing.c.number) & py.c.bonus.is_(False))
        .outerjoin(ends, (ends.c.enrollment == e.c.id) & (ends.c.program_year == standing.c.number))
        .where(or_(b.c.id.is_not(None), moves.c.moved == 1))
        .order_by(e.c.workspace)
    )
    result = conn.execution_options(stream_results=True, yield_per=FETCH).execute(query)
    for chunk in result.partitions(FETCH):
        for workspace, company, code, name, year, renewal, bill, applied, discount, closing, expiry in chunk:
            renewal = bool(renewal)
            yield AdjustmentRow(
                workspace,
                company,
                code,
                name,
                year,
                renewal,
                int(bill),
                int(applied),
                int(discount),
                int(closing),
                None if year is None or renewal else expiry,
            )
