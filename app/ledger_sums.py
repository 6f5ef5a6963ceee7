"""The ledger's sums per member, read from what the writers keep (`app.kept_sums`), not from the
entries (`member_figures`: the Ledger pane's and the program totals'). `app.ledger_queries` reads them.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from sqlalchemy import Connection, case, func, select

from app import schema
from app.grant_validity import standing_ends
from app.kept_sums import ys
from models.ledger import CREDIT_KINDS

le = schema.ledger_entries


def credit_sum(condition):
    """The sum of the entries' amounts where `condition` holds (0 where none)."""
    return func.coalesce(func.sum(case((condition, le.c.amount_cents), else_=0)), 0)


#: member-years with an extension above which their standing ones are read in one grouped pass
#: (`extension_ends`) rather than member by member
_FEW_EXTENDED = 500
#: enrollments per statement when the few members with credit dated after today are summed in full
CHUNK = 5_000


def _full_figures(conn: Connection, today: date, enrollments: list[int]):
    """(enrollment, program year, available + committed, committed, used): every figure with its
    own condition, summed from the entries of these members (those with credit dated after today)."""
    credit = le.c.kind.in_(CREDIT_KINDS)
    query = select(
        le.c.enrollment,
        le.c.program_year,
        credit_sum(credit),
        credit_sum((le.c.entry_date > today) & credit),
        -credit_sum(le.c.counts_as == "apply"),
    ).group_by(le.c.enrollment, le.c.program_year)
    rows = []
    for start in range(0, len(enrollments), CHUNK):
        rows += conn.execute(query.where(le.c.enrollment.in_(enrollments[start : start + CHUNK]))).all()
    return rows


class MemberFigures(NamedTuple):
    """What the Ledger pane needs of the kept sums, per member rather than per member-year."""

    totals: dict[int, list[int]]  # enrollment -> [available, committed, applied in the last closed month]
    ends: dict[tuple[int, int], date]  # (enrollment, year) -> the last day of its latest standing extension
    used: dict[tuple[int, int], int]  # (enrollment, year) -> credit applied: the extended members' years only


def member_figures(conn: Connection, today: date, last: str | None, enrollments: list[int] | None = None):
    """`MemberFigures` from the kept sums, one row per member: summed in SQL over the member's
    years, with the members that hold credit dated after today summed from their entries
    (`_full_figures`), the last month's applied credit from the month index, and, for the members
    with an extension, the extensions standing and each year's applied credit (their year in
    force is chosen by its effective last day)."""
    later = func.max(case((ys.c.latest_credit_on > today, 1), else_=0))
    query = select(ys.c.enrollment, func.sum(ys.c.credit_cents), later, func.sum(ys.c.extensions)).group_by(
        ys.c.enrollment
    )
    if enrollments is not None:
        query = query.where(ys.c.enrollment.in_(enrollments))
    totals: dict[int, list[int]] = {}
    again, extended = [], []
    for enrollment, credit, marked, extensions in conn.execute(query).all():
        totals[enrollment] = [int(credit), 0, 0]
        if marked:
            again.append(enrollment)
        if extensions:
            extended.append(enrollment)
    if again:
        for enrollment in again:
            totals[enrollment][0] = 0
        for enrollment, _, total, committed, _ in _full_figures(conn, today, again):
            mine = totals[enrollment]
            mine[0] += int(total) - int(committed)
            mine[1] += int(committed)
    if last:
        month = (
            select(le.c.enrollment, func.sum(le.c.amount_cents))
            .where(le.c.month == last, le.c.counts_as.in_(("apply", "discount")))
            .group_by(le.c.enrollment)
        )
        if enrollments is not None:
            month = month.where(le.c.enrollment.in_(enrollments))
        for enrollment, amount in conn.execute(month).all():
            mine = totals.get(enrollment)
            if mine is not None:
                mine[2] = int(amount)
    ends: dict[tuple[int, int], date] = {}
    used: dict[tuple[int, int], int] = {}
    if extended:
        ends = standing_ends(conn, extended, _FEW_EXTENDED)
        for start in range(0, len(extended), CHUNK):
            chunk = extended[start : start + CHUNK]
            rows = conn.execute(
                select(ys.c.enrollment, ys.c.program_year, ys.c.applied_cents).where(ys.c.enrollment.in_(chunk))
            )
            used.update(((n, year), -int(applied)) for n, year, applied in rows)
    return MemberFigures(totals, ends, used)
