"""The checks per grant: its balance never below zero, entries of the right sign, credit applied
only while the grant is valid, and what expiry left behind."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import Connection, and_, case, func, select

from app import schema
from app.grant_validity import extension_ends
from app.services.verify.common import e, le, named, py
from models.dates import month_end, parse_month
from models.ledger import CREDIT_KINDS
from models.money import display


class Grants(NamedTuple):
    wrong_signs: bool
    negative: bool  # some grant ends below zero
    corrected: list[int]  # the members with a grant given credit back (an adjustment up, a reversal)
    applied_outside: bool  # some credit applied outside its grant's validity
    expired_not_empty: list[str]


#: members with a correction up to which the running balance is read member by member
_FEW_CORRECTED = 500


def grant_pass(conn: Connection) -> Grants:
    """One grouped pass over the entries, per grant: its balance, its entries of the wrong sign, its
    corrections up, its first and last credit applied. The checks that need each entry (which one has
    the wrong sign, which was applied outside its grant) read the entries again only when this pass
    finds such a grant; what expiry left behind is named from the pass itself."""
    credit = le.c.kind.in_(CREDIT_KINDS)
    applied = le.c.kind == "apply"
    grants = conn.execute(
        select(
            le.c.enrollment,
            le.c.program_year,
            func.coalesce(func.sum(case((credit, le.c.amount_cents), else_=0)), 0),
            func.coalesce(func.sum(case((WRONG_SIGN, 1), else_=0)), 0),
            func.coalesce(
                func.sum(case((le.c.kind.in_(("adjust", "reverse")) & (le.c.amount_cents > 0), 1), else_=0)), 0
            ),
            func.min(case((applied, le.c.entry_date), else_=None)),
            func.max(case((applied, le.c.entry_date), else_=None)),
        ).group_by(le.c.enrollment, le.c.program_year)
    ).all()
    ends = extension_ends()
    until = func.coalesce(ends.c.until, py.c.valid_until)
    years = {
        (n, number): (workspace, start, end, renewal)
        for n, number, workspace, start, end, renewal in conn.execute(
            select(py.c.enrollment, py.c.number, e.c.workspace, py.c.valid_from, until, py.c.renewal)
            .join(e, e.c.id == py.c.enrollment)
            .outerjoin(ends, and_(ends.c.enrollment == py.c.enrollment, ends.c.program_year == py.c.number))
            .order_by(py.c.enrollment, py.c.number)
        )
    }
    last_closed = conn.execute(select(func.max(schema.month_closes.c.month))).scalar()
    horizon = month_end(*parse_month(last_closed)) if last_closed is not None else None
    wrong = negative = outside = False
    corrected, expired = set(), []
    for n, number, balance, signs, ups, first, last in grants:
        wrong = wrong or signs > 0
        negative = negative or balance < 0
        if ups:
            corrected.add(n)
        year = years.get((n, number))
        if year is None:
            continue
        workspace, start, end, renewal = year
        if first is not None and (first < start or last > end):
            outside = True
        if horizon is not None and end < horizon and balance != 0 and not renewal:
            expired.append(
                f"{workspace}: program year {number} ended {end} but still holds {display(balance)} (expiry missing)"
            )
    return Grants(wrong, negative, sorted(corrected), outside, expired)


WRONG_SIGN = (
    (and_(le.c.kind == "grant", le.c.amount_cents <= 0))
    | (and_(le.c.kind.in_(("apply", "expire", "discount")), le.c.amount_cents >= 0))
    | (and_(le.c.kind == "extend", le.c.amount_cents != 0))
)


def signs(conn: Connection) -> list[str]:
    return named(
        conn,
        select(le.c.id, e.c.workspace, le.c.kind, le.c.amount_cents)
        .join(e, e.c.id == le.c.enrollment)
        .where(WRONG_SIGN),
        lambda i, w, kind, a: f"entry {i} ({w}): a {kind} of {display(a)} has the wrong sign",
    )


def never_negative(conn: Connection, grants: Grants) -> list[str]:
    """No grant's balance is ever below zero.

    Without a positive correction (an adjustment up, a reversal giving credit
    back) a grant's balance only falls after its grant entry, so its lowest point
    is its final balance: the grant pass checks those (`grants`), and they are named only
    if one is below. The few grants with positive corrections get the running balance, in
    date order, by a window function, read for those members alone when they are few.
    """
    breaches = []
    final = (
        select(le.c.enrollment, le.c.program_year, func.sum(le.c.amount_cents).label("balance"))
        .where(le.c.kind.in_(CREDIT_KINDS))
        .group_by(le.c.enrollment, le.c.program_year)
        .subquery()
    )
    if grants.negative:
        breaches += named(
            conn,
            select(e.c.workspace, final.c.program_year, final.c.balance)
            .join(e, e.c.id == final.c.enrollment)
            .where(final.c.balance < 0),
            lambda w, year, bal: f"{w}: program year {year} ends at {display(bal)}: credit below zero",
        )
    if not grants.corrected:
        return breaches
    corrected = select(le.c.enrollment, le.c.program_year).where(
        le.c.kind.in_(("adjust", "reverse")), le.c.amount_cents > 0
    )
    if len(grants.corrected) <= _FEW_CORRECTED:
        corrected = corrected.where(le.c.enrollment.in_(grants.corrected))
    corrected = corrected.distinct().subquery()
    daily = (  # a day counts whole: the entries of one day are not ordered against each other
        select(le.c.enrollment, le.c.program_year, le.c.entry_date, func.sum(le.c.amount_cents).label("change"))
        .join(corrected, and_(corrected.c.enrollment == le.c.enrollment, corrected.c.program_year == le.c.program_year))
        .where(le.c.kind.in_(CREDIT_KINDS))
        .group_by(le.c.enrollment, le.c.program_year, le.c.entry_date)
        .subquery()
    )
    running = select(
        daily.c.enrollment,
        daily.c.program_year,
        daily.c.entry_date,
        func.sum(daily.c.change)
        .over(partition_by=(daily.c.enrollment, daily.c.program_year), order_by=daily.c.entry_date)
        .label("balance"),
    ).subquery()
    breaches += named(
        conn,
        select(e.c.workspace, running.c.program_year, running.c.entry_date, running.c.balance)
        .join(e, e.c.id == running.c.enrollment)
        .where(running.c.balance < 0)
        .order_by(running.c.enrollment, running.c.program_year, running.c.entry_date),
        lambda w, year, on, bal: f"{w}: program year {year} is at {display(bal)} at the end of {on}: credit below zero",
    )
    return breaches


def applied_while_valid(conn: Connection) -> list[str]:
    """Credit is applied only while its grant is valid: from its first day to its last, extensions included."""
    ends = extension_ends()
    until = func.coalesce(ends.c.until, py.c.valid_until)
    return named(
        conn,
        select(le.c.id, e.c.workspace, le.c.entry_date, py.c.number, py.c.valid_from, until)
        .join(e, e.c.id == le.c.enrollment)
        .join(py, and_(py.c.enrollment == le.c.enrollment, py.c.number == le.c.program_year))
        .outerjoin(ends, and_(ends.c.enrollment == py.c.enrollment, ends.c.program_year == py.c.number))
        .where(le.c.kind == "apply", (le.c.entry_date < py.c.valid_from) | (le.c.entry_date > until)),
        lambda i, w, on, year, start, end: (
            f"entry {i} ({w}): credit applied on {on} from year {year}, valid {start} to {end} only"
        ),
    )
