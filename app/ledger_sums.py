"""The ledger's sums per member-year, in one lean pass over the entries (the Ledger pane's, the
program totals', the forecast's): `year_sums`. `app.ledger_queries` reads them.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, case, func, select

from app import schema
from app.grant_validity import standing_ends
from models.ledger import CREDIT_KINDS, EntryKind

le = schema.ledger_entries


def credit_sum(condition):
    """The sum of the entries' amounts where `condition` holds (0 where none)."""
    return func.coalesce(func.sum(case((condition, le.c.amount_cents), else_=0)), 0)


#: member-years with an extension above which their standing ones are read in one grouped pass
#: (`extension_ends`) rather than member by member
_FEW_EXTENDED = 500
#: the entries that are not credit (a renewal discount, an extension): a member-year that holds one,
#: or an entry dated after today, has its figures summed in full (`_full_figures`)
_NOT_CREDIT = tuple(kind.value for kind in EntryKind if kind.value not in CREDIT_KINDS)
#: enrollments per statement when the few member-years the lean pass marked are summed in full
CHUNK = 5_000


def _full_figures(conn: Connection, today: date, enrollments: list[int] | None):
    """(enrollment, program year, available + committed, committed, used, latest extension): every
    figure with its own condition, for every year of the members the lean pass marked."""
    credit = le.c.kind.in_(CREDIT_KINDS)
    query = select(
        le.c.enrollment,
        le.c.program_year,
        credit_sum(credit),
        credit_sum((le.c.entry_date > today) & credit),
        -credit_sum(le.c.counts_as == "apply"),
        func.max(case((le.c.kind == EntryKind.EXTEND.value, le.c.extended_until), else_=None)),
    ).group_by(le.c.enrollment, le.c.program_year)
    if enrollments is None:
        return conn.execute(query).all()
    rows = []
    for start in range(0, len(enrollments), CHUNK):
        rows += conn.execute(query.where(le.c.enrollment.in_(enrollments[start : start + CHUNK]))).all()
    return rows


def year_sums(conn: Connection, today: date, last: str | None, enrollments: list[int] | None = None):
    """(enrollment, program year) -> (available, committed, used, applied in the last closed month,
    the grant's latest standing extension or None): one lean pass over the entries.

    The pass sums each member-year's entries and its applied credit, and marks the member-years
    that hold an entry that is not credit (a renewal discount, an extension) or one dated after
    today (a year 2 confirmed ahead of its anniversary); only the members with such a year are
    summed again with a condition per figure (`_full_figures`): each condition costs about a
    quarter of a bare GROUP BY (tests/benchmarks/bench_scale). The last month's applied credit
    comes from the month index (that month's entries only), and whether an extension still stands
    (not reversed) is asked of the extended member-years afterwards, a correlated lookup per entry
    having cost as much as the whole pass."""
    marked = case((le.c.kind.in_(_NOT_CREDIT) | (le.c.entry_date > today), 1), else_=0)
    query = select(
        le.c.enrollment,
        le.c.program_year,
        func.sum(le.c.amount_cents),
        func.sum(case((le.c.counts_as == "apply", le.c.amount_cents), else_=0)),
        func.max(marked),
    ).group_by(le.c.enrollment, le.c.program_year)
    if enrollments is not None:
        query = query.where(le.c.enrollment.in_(enrollments))
    sums: dict[tuple[int, int | None], tuple] = {}
    again = set()
    for enrollment, year, total, applied, mark in conn.execute(query).all():
        if mark:
            again.add(enrollment)
        else:
            sums[enrollment, year] = (int(total), 0, -int(applied), 0, None)
    extended = []
    if again:
        for enrollment, year, total, later, used, extension in _full_figures(conn, today, sorted(again)):
            sums[enrollment, year] = (int(total) - int(later), int(later), int(used), 0, None)
            if extension is not None:
                extended.append((enrollment, year))
    if last:
        month = (
            select(le.c.enrollment, le.c.program_year, func.sum(le.c.amount_cents))
            .where(le.c.month == last, le.c.counts_as.in_(("apply", "discount")))
            .group_by(le.c.enrollment, le.c.program_year)
        )
        if enrollments is not None:
            month = month.where(le.c.enrollment.in_(enrollments))
        # (on PostgreSQL each statement reads what was committed when it began: an entry of a close
        # that committed since the pass is left out rather than refused)
        for enrollment, year, amount in conn.execute(month).all():
            f = sums.get((enrollment, year))
            if f is not None:
                sums[enrollment, year] = (f[0], f[1], f[2], int(amount), None)
    if extended:
        for key, until in standing_ends(conn, sorted({n for n, _ in extended}), _FEW_EXTENDED).items():
            f = sums.get(key)
            if f is not None:
                sums[key] = (f[0], f[1], f[2], f[3], until)
    return sums
