"""The checks per grant: its balance never below zero, entries of the right sign, credit applied
only while the grant is valid, and what expiry left behind.

One grouped pass over the entries (`grant_pass`) reads every grant's balance and marks the
members with an entry out of the ordinary: any entry but a grant, credit applied, an expiry, a
discount or an adjustment down, each of its own sign and counted as itself, and any entry that
reverses another. It returns only the grants that break a rule or need a closer look; the checks
of single entries then read those members' entries alone. Credit applied outside a program
year's days is looked for by the index of each grant's entries in date order.
"""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import Connection, and_, case, exists, false, func, or_, select

from app import schema
from app.grant_validity import extension_ends, standing_ends
from app.kept_sums import NO_YEAR, ys
from app.services.verify.common import CHUNK, FEW, e, le, named, py
from models.dates import month_end, parse_month
from models.ledger import CREDIT_KINDS, EntryKind
from models.money import display


class Grants(NamedTuple):
    odd: list[int]  # the members with an entry out of the ordinary (see the module's note)
    negative: list[str]  # the grants that end below zero, named
    outside: list[int]  # the members with credit applied outside a program year's own days
    expired_not_empty: list[str]
    kept_differ: list[tuple[int, int]]  # (member, year) whose kept sums (app.kept_sums) differ from the entries


#: 0 for an entry as the close, the grants and the corrections down write it: a grant above zero,
#: credit applied, an expiry, a discount or an adjustment below zero, counted as itself; 1 for any
#: other (a reversal, an extension, an adjustment up, an entry of the wrong sign or counted as another)
ODD = case(
    (
        (le.c.amount_cents < 0)
        & le.c.kind.in_(("apply", "expire", "discount", "adjust"))
        & (le.c.counts_as == le.c.kind),
        0,
    ),
    ((le.c.amount_cents > 0) & (le.c.kind == "grant") & (le.c.counts_as == "grant"), 0),
    else_=1,
)

#: the kinds of credit, the most frequent first (the balance tests each entry's kind in this order)
CREDIT_ORDER = sorted(CREDIT_KINDS, key=("apply", "expire", "grant", "adjust", "reverse").index)


def grant_pass(conn: Connection) -> Grants:
    """One grouped pass over the entries, per grant: its credit balance and whether an entry is out of
    the ordinary; joined to its program year, it keeps only the grants that end below zero, hold
    credit past their end, or are out of the ordinary. An ordinary grant has no extension (an
    extension is no ordinary entry): its last day is its program year's own. Then, by the index of
    each grant's entries in date order, the program years with credit applied before their first
    day or after their last."""
    per_grant = (
        select(
            le.c.enrollment,
            le.c.program_year,
            func.sum(case({kind: le.c.amount_cents for kind in CREDIT_ORDER}, value=le.c.kind, else_=0)).label(
                "balance"
            ),
            func.max(ODD).label("odd"),
            # what app.kept_sums keeps of the member-year, summed here in the same pass (its credit is the balance)
            func.sum(case((le.c.counts_as == EntryKind.APPLY.value, le.c.amount_cents), else_=0)).label("applied"),
            func.max(case((le.c.kind.in_(CREDIT_KINDS), le.c.entry_date), else_=None)).label("latest"),
            func.sum(case((le.c.kind == EntryKind.EXTEND.value, 1), else_=0)).label("extensions"),
        )
        .group_by(le.c.enrollment, le.c.program_year)
        .subquery("per_grant")
    )
    g = per_grant.c
    kept = and_(ys.c.enrollment == g.enrollment, ys.c.program_year == func.coalesce(g.program_year, NO_YEAR))
    kept_differs = or_(
        ys.c.enrollment.is_(None),
        ys.c.credit_cents != g.balance,
        ys.c.applied_cents != g.applied,
        ys.c.extensions != g.extensions,
        ys.c.latest_credit_on != g.latest,
        ys.c.latest_credit_on.is_(None) != g.latest.is_(None),
    )
    last_closed = conn.execute(select(func.max(schema.month_closes.c.month))).scalar()
    horizon = month_end(*parse_month(last_closed)) if last_closed is not None else None
    held = false() if horizon is None else and_(py.c.valid_until < horizon, per_grant.c.balance != 0, ~py.c.renewal)
    rows = conn.execute(
        select(
            per_grant.c.enrollment,
            per_grant.c.program_year,
            per_grant.c.balance,
            per_grant.c.odd,
            py.c.valid_until,
            py.c.renewal,
            py.c.id.is_not(None),
            kept_differs,
        )
        .outerjoin(py, and_(py.c.enrollment == per_grant.c.enrollment, py.c.number == per_grant.c.program_year))
        .outerjoin(ys, kept)
        .where(or_(per_grant.c.odd > 0, per_grant.c.balance < 0, held, kept_differs))
        .order_by(per_grant.c.enrollment, per_grant.c.program_year)
    ).all()
    # a row there only for its kept sums names nothing below: it is neither odd, nor below zero, nor held
    differ = [(row.enrollment, NO_YEAR if row.program_year is None else row.program_year) for row in rows if row[-1]]
    odd = sorted({row.enrollment for row in rows if row.odd} | set(_reversing(conn)))
    extended = standing_ends(conn, odd, whole_past=FEW)
    workspaces = _workspaces(conn, sorted({row.enrollment for row in rows}))
    negative, expired = [], []
    for n, number, balance, _, end, renewal, has_year, _ in rows:
        workspace = workspaces.get(n)
        if workspace is None:  # entries of no member (foreign keys off): left out, as the join to members did
            continue
        if balance < 0:
            negative.append(f"{workspace}: program year {number} ends at {display(balance)}: credit below zero")
        end = extended.get((n, number), end)
        if has_year and horizon is not None and end < horizon and balance != 0 and not renewal:
            expired.append(
                f"{workspace}: program year {number} ended {end} but still holds {display(balance)} (expiry missing)"
            )
    return Grants(odd, negative, _applied_outside_own_days(conn), expired, differ)


def _applied_outside_own_days(conn: Connection) -> list[int]:
    """The members with credit applied before a program year's first day or after its own last day
    (an extension may make the latter valid: `applied_while_valid` reads those members' entries)."""
    entry = le.alias("entry")
    of_year = and_(entry.c.enrollment == py.c.enrollment, entry.c.program_year == py.c.number, entry.c.kind == "apply")
    before = exists().where(of_year, entry.c.entry_date < py.c.valid_from)
    after = exists().where(of_year, entry.c.entry_date > py.c.valid_until)
    return list(
        conn.execute(select(py.c.enrollment).where(before | after).distinct().order_by(py.c.enrollment)).scalars()
    )


def _reversing(conn: Connection) -> list[int]:
    """The members with an entry that reverses another (read by the unique index of `reverses`)."""
    # `reverses IS NOT NULL` as two ranges: without statistics SQLite reads the whole table for it
    pointing = or_(le.c.reverses > 0, le.c.reverses <= 0)
    return sorted(set(conn.execute(select(le.c.enrollment).where(pointing)).scalars()))


def _chunks(members: list[int]):
    for start in range(0, len(members), CHUNK):
        yield members[start : start + CHUNK]


def _workspaces(conn: Connection, members: list[int]) -> dict[int, str]:
    found = {}
    for chunk in _chunks(members):
        found.update((n, w) for n, w in conn.execute(select(e.c.id, e.c.workspace).where(e.c.id.in_(chunk))))
    return found


WRONG_SIGN = (
    (and_(le.c.kind == "grant", le.c.amount_cents <= 0))
    | (and_(le.c.kind.in_(("apply", "expire", "discount")), le.c.amount_cents >= 0))
    | (and_(le.c.kind == "extend", le.c.amount_cents != 0))
)


def signs(conn: Connection, grants: Grants) -> list[str]:
    """An entry of the wrong sign is out of the ordinary: only those members' entries are read."""
    return named(
        conn,
        select(le.c.id, e.c.workspace, le.c.kind, le.c.amount_cents)
        .join(e, e.c.id == le.c.enrollment)
        .where(WRONG_SIGN)
        .order_by(le.c.id),
        lambda i, w, kind, a: f"entry {i} ({w}): a {kind} of {display(a)} has the wrong sign",
        grants.odd,
    )


def never_negative(conn: Connection, grants: Grants) -> list[str]:
    """No grant's balance is ever below zero.

    Without a positive correction (an adjustment up, a reversal giving credit back) a grant's
    balance only falls after its grant entry, so its lowest point is its final balance: the grant
    pass names those below zero. A positive correction is out of the ordinary: the grants with one
    get the running balance, in date order, by a window function, read for those members alone.
    """
    breaches = list(grants.negative)
    if not grants.odd:
        return breaches
    corrected = select(le.c.enrollment, le.c.program_year).where(
        le.c.kind.in_(("adjust", "reverse")), le.c.amount_cents > 0
    )
    for chunk in [None] if len(grants.odd) > FEW else _chunks(grants.odd):
        breaches += _running_below_zero(
            conn, corrected if chunk is None else corrected.where(le.c.enrollment.in_(chunk))
        )
    return breaches


def _running_below_zero(conn: Connection, corrected) -> list[str]:
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
    return named(
        conn,
        select(e.c.workspace, running.c.program_year, running.c.entry_date, running.c.balance)
        .join(e, e.c.id == running.c.enrollment)
        .where(running.c.balance < 0)
        .order_by(running.c.enrollment, running.c.program_year, running.c.entry_date),
        lambda w, year, on, bal: f"{w}: program year {year} is at {display(bal)} at the end of {on}: credit below zero",
    )


def applied_while_valid(conn: Connection, grants: Grants) -> list[str]:
    """Credit is applied only while its grant is valid: from its first day to its last, extensions
    included; read for the members the grant pass found credit applied outside a program year's own days."""
    breaches = []
    for chunk in [None] if len(grants.outside) > FEW else _chunks(grants.outside):
        breaches += _applied_outside(conn, extension_ends(enrollments=chunk), chunk)
    return breaches


def _applied_outside(conn: Connection, ends, chunk: list[int] | None) -> list[str]:
    until = func.coalesce(ends.c.until, py.c.valid_until)
    rows = (
        select(le.c.id, e.c.workspace, le.c.entry_date, py.c.number, py.c.valid_from, until)
        .join(e, e.c.id == le.c.enrollment)
        .join(py, and_(py.c.enrollment == le.c.enrollment, py.c.number == le.c.program_year))
        .outerjoin(ends, and_(ends.c.enrollment == py.c.enrollment, ends.c.program_year == py.c.number))
        .where(le.c.kind == "apply", (le.c.entry_date < py.c.valid_from) | (le.c.entry_date > until))
        .order_by(le.c.id)
    )
    if chunk is not None:
        rows = rows.where(le.c.enrollment.in_(chunk))
    return named(
        conn,
        rows,
        lambda i, w, on, year, start, end: (
            f"entry {i} ({w}): credit applied on {on} from year {year}, valid {start} to {end} only"
        ),
    )
