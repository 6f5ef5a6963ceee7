"""Read side of the ledger: the members' figures, the program's totals, a member's balance history.

Every figure here is a net sum over the entries in one pass (a reversal counts as the
kind it cancels: `counts_as`), so a close that was undone and redone, or an entry
reversed and reinstated, counts once. The same definitions serve `ledger`, `verify`
and the statements: credit *available* on a day counts the entries dated that day or
before; a grant dated later (year 2 confirmed ahead of its anniversary) is *committed*.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlalchemy import Connection, Integer, case, func, select

from app import schema
from app.database import UnitOfWork
from app.grant_validity import extension_ends, standing_extensions
from models.dates import parse_month
from models.forecast import RUN_OUT_HORIZON, add_months, average_bill, month_days, month_label, plan
from models.ledger import CREDIT_KINDS, EntryKind, GrantBalance

le, py, e, b, a = schema.ledger_entries, schema.program_years, schema.enrollments, schema.bills, schema.applications
mc = schema.month_closes

#: how many closed months set a member's pace (the forecast's average bill)
PACE_MONTHS = 3
_ONE_DAY = date(2000, 1, 2) - date(2000, 1, 1)


class _Year(NamedTuple):
    number: int
    valid_from: date
    valid_until: date  # the effective last valid day, extensions included
    renewal: bool


@dataclass(frozen=True)
class MemberSummary:
    enrollment: int
    workspace: str
    company: str
    partner: str
    status: str
    program_year: int | None
    balance: int  # credit available today
    committed: int  # credit granted for later (a year 2 that starts at the anniversary)
    used_this_year: int  # credit applied in the year in force, net of reversals
    expires_on: date | None  # the day the current year's credit expires
    burn_per_month: int  # the pace: the average bill of the last closed months
    due_last_month: int
    run_out: date | None  # the bill date on which credit is forecast to run out; None: it expires first
    first_full_bill: date | None  # the first bill forecast to be charged in full


@dataclass(frozen=True)
class ProgramTotals:
    liability: int  # outstanding credit available now
    committed: int  # credit granted for later
    by_month: list[tuple[str, int, int]]  # (month, credit applied, credit expired), net, the last 12 closed
    members_by_year: dict[str, int]
    last_closed: str | None


def last_closed_month(conn: Connection) -> str | None:
    return conn.execute(select(func.max(mc.c.month))).scalar()


def _months_back(month: str, count: int) -> list[str]:
    start = parse_month(month)
    return [month_label(add_months(start, -n)) for n in range(count)]


def _credit(condition):
    return func.coalesce(func.sum(case((condition, le.c.amount_cents), else_=0)), 0)


#: member-years with an extension above which their standing ones are read in one grouped pass
#: (`extension_ends`) rather than member by member
_FEW_EXTENDED = 500


def year_figures(conn: Connection, today: date, last: str | None, enrollments: list[int] | None = None):
    """enrollment -> [(program year, (available, committed, used, applied in the last closed month,
    the grant's latest standing extension or None))]: one pass over the entries with conditional sums.

    The pass costs twice a bare GROUP BY (tests/benchmarks/bench_scale): each condition fails
    early for most rows (a future date, the last month), and it only marks the years with an
    extension; whether one still stands (not reversed) is asked of those few afterwards, a
    correlated lookup per entry having cost as much as the whole pass."""
    credit = le.c.kind.in_(CREDIT_KINDS)
    query = select(
        le.c.enrollment,
        le.c.program_year,
        _credit(credit),
        _credit((le.c.entry_date > today) & credit),
        -_credit(le.c.counts_as == "apply"),
        _credit((le.c.month == (last or "")) & le.c.counts_as.in_(("apply", "discount"))),
        func.max(case((le.c.kind == EntryKind.EXTEND.value, le.c.extended_until), else_=None)),
    ).group_by(le.c.enrollment, le.c.program_year)
    if enrollments is not None:
        query = query.where(le.c.enrollment.in_(enrollments))
    rows = conn.execute(query).all()
    extended = [(row[0], row[1]) for row in rows if row[6] is not None]
    standing = _standing_extensions(conn, extended) if extended else {}
    figures: dict[int, list] = defaultdict(list)
    for enrollment, year, total, later, used, applied, _ in rows:
        until = standing.get((enrollment, year))
        figures[enrollment].append((year, (int(total) - int(later), int(later), int(used), int(applied), until)))
    return figures


def _standing_extensions(conn: Connection, extended: list[tuple[int, int]]) -> dict[tuple[int, int], date]:
    """(enrollment, program year) -> the latest extension not reversed, for these member-years."""
    ends = extension_ends()
    query = select(ends.c.enrollment, ends.c.program_year, ends.c.until)
    if len(extended) <= _FEW_EXTENDED:
        ext, standing = standing_extensions()
        query = (
            select(ext.c.enrollment, ext.c.program_year, func.max(ext.c.extended_until))
            .where(ext.c.enrollment.in_(sorted({n for n, _ in extended})), standing)
            .group_by(ext.c.enrollment, ext.c.program_year)
        )
    return {(n, year): until for n, year, until in conn.execute(query) if until is not None}


def _grants(years, figures, on_or_after: date | None) -> dict[int, list[GrantBalance]]:
    """`grant_balances` from what the one pass summed: each grant's balance is its entries' sum
    (available and committed), its last day its latest standing extension, else its own."""
    day = on_or_after - _ONE_DAY if on_or_after is not None else None
    sums = {(enrollment, year): f for enrollment, mine in figures.items() for year, f in mine}
    balances: dict[int, list[GrantBalance]] = defaultdict(list)
    for y in years:
        if y.renewal:
            continue
        f = sums.get((y.enrollment, y.number))
        until = (f[4] if f is not None else None) or y.valid_until
        if day is not None and y.valid_until < day and until < day:
            continue
        remaining = f[0] + f[1] if f is not None else 0
        balances[y.enrollment].append(GrantBalance(y.number, y.valid_from, until, remaining, y.priority))
    return balances


def member_summaries(uow: UnitOfWork, enrollments: list[int] | None = None, figures=None) -> list[MemberSummary]:
    """One row per member (or per one of `enrollments`): a handful of grouped queries whatever the size."""
    conn, today = uow.conn, uow.today
    last = last_closed_month(conn)
    if figures is None:
        figures = year_figures(conn, today, last, enrollments)
    # every grant (a bonus grant and a renewal year too, for the forecast) in the table's order
    query = select(
        py.c.enrollment, py.c.number, py.c.valid_from, py.c.valid_until, py.c.renewal, py.c.bonus, py.c.priority
    ).order_by(py.c.id)
    all_years = conn.execute(query if enrollments is None else query.where(py.c.enrollment.in_(enrollments))).all()
    extended = {(n, year): f[4] for n, mine in figures.items() for year, f in mine if f[4] is not None}
    years: dict[int, list] = defaultdict(list)
    # program years only (a bonus grant is not the year in force), each to its effective last day
    for y in all_years:
        if not y.bonus:
            until = extended.get((y.enrollment, y.number)) or y.valid_until
            years[y.enrollment].append(_Year(y.number, y.valid_from, until, y.renewal))
    recent_bills: dict[str, list[int]] = defaultdict(list)
    last_bill: dict[str, int] = {}
    if last:
        for workspace, month, amount in conn.execute(
            select(b.c.workspace, b.c.month, b.c.amount_cents).where(b.c.month.in_(_months_back(last, PACE_MONTHS)))
        ):
            recent_bills[workspace].append(int(amount))
            if month == last:
                last_bill[workspace] = int(amount)
    # the forecast walks every grant (bonus, extended, a year 2 to come) in drawing order, as the close does
    calendar, lasts, grants = [], [], {}
    if last:
        after = parse_month(last)
        calendar = month_days(after, RUN_OUT_HORIZON)
        lasts = [day for _, _, day in calendar]
        grants = _grants(all_years, figures, date(after[0], after[1], 1))
    members = select(e.c.id, e.c.workspace, a.c.company, a.c.partner_code, e.c.status).join(
        a, a.c.id == e.c.application
    )
    if enrollments is not None:
        members = members.where(e.c.id.in_(enrollments))
    summaries = []
    for enrollment, workspace, company, partner, status in conn.execute(members.order_by(e.c.workspace)):
        own = sorted(years.get(enrollment, []), key=lambda y: y.number)
        started = [y for y in own if y.valid_from <= today]
        current = next((y for y in own if y.valid_from <= today <= y.valid_until), started[-1] if started else None)
        current = current or (own[0] if own else None)
        mine = figures.get(enrollment, [])
        available = sum(f[0] for _, f in mine)
        committed = sum(f[1] for _, f in mine)
        used = next((f[2] for year, f in mine if current is not None and year == current.number), 0)
        applied_last = sum(f[3] for _, f in mine)
        expires = current.valid_until + _ONE_DAY if current is not None and not current.renewal else None
        pace = average_bill(recent_bills.get(workspace, [])) if last else 0
        forecast = plan(grants.get(enrollment, ()), pace, 1, calendar, lasts) if last else None
        summaries.append(
            MemberSummary(
                enrollment,
                workspace,
                company,
                partner,
                status,
                current.number if current is not None else None,
                available,
                committed,
                used,
                expires,
                pace,
                last_bill[workspace] + applied_last if workspace in last_bill else 0,
                lasts[forecast.run_out] if forecast and forecast.run_out is not None else None,
                lasts[forecast.first_full_bill] if forecast and forecast.first_full_bill is not None else None,
            )
        )
    return summaries


def program_totals(uow: UnitOfWork, figures=None) -> ProgramTotals:
    """The program's figures; `figures` (year_figures of every member) saves the pass over the entries."""
    conn, today = uow.conn, uow.today
    if figures is None:
        credit = le.c.kind.in_(CREDIT_KINDS)
        available, committed = conn.execute(
            select(_credit(credit & (le.c.entry_date <= today)), _credit(credit & (le.c.entry_date > today)))
        ).one()
    else:
        mine = [f for years in figures.values() for _, f in years]
        available, committed = sum(f[0] for f in mine), sum(f[1] for f in mine)
    last = last_closed_month(conn)
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    if last:
        for month, kind, amount in conn.execute(
            select(le.c.month, le.c.counts_as, func.sum(le.c.amount_cents))
            .where(le.c.month.in_(_months_back(last, 12)), le.c.counts_as.in_(("apply", "expire")))
            .group_by(le.c.month, le.c.counts_as)
        ):
            totals[month][0 if kind == "apply" else 1] -= int(amount)
    by_month = sorted((m, applied, expired) for m, (applied, expired) in totals.items())
    members: dict[str, int] = defaultdict(int)
    current = (
        select(
            py.c.enrollment,
            func.max(py.c.number).label("number"),
            func.max(py.c.renewal.cast(Integer)).label("renewal"),
        )
        .where(py.c.valid_from <= today, py.c.bonus.is_(False))
        .group_by(py.c.enrollment)
        .subquery()
    )
    for status, number, renewal, count in conn.execute(
        select(e.c.status, current.c.number, current.c.renewal, func.count())
        .join(current, current.c.enrollment == e.c.id)
        .group_by(e.c.status, current.c.number, current.c.renewal)
    ):
        if status == "cancelled":
            continue
        label = "graduated" if status == "graduated" else ("renewal" if renewal else f"year {number}")
        members[label] += count
    return ProgramTotals(int(available), int(committed), by_month, dict(sorted(members.items())), last)


def ledger_overview(uow: UnitOfWork) -> tuple[list[MemberSummary], ProgramTotals]:
    """What the Ledger pane shows, read in one transaction: one pass over the entries serves both."""
    figures = year_figures(uow.conn, uow.today, last_closed_month(uow.conn))
    return member_summaries(uow, figures=figures), program_totals(uow, figures=figures)


def balance_history(conn: Connection, enrollment: int) -> list[tuple[date, int]]:
    """The member's credit balance after each day with entries (for the burn-down chart)."""
    points: list[tuple[date, int]] = []
    running = 0
    for day, amount in conn.execute(
        select(le.c.entry_date, func.sum(le.c.amount_cents))
        .where(le.c.enrollment == enrollment, le.c.kind.in_(CREDIT_KINDS))
        .group_by(le.c.entry_date)
        .order_by(le.c.entry_date)
    ):
        running += int(amount)
        points.append((day, running))
    return points
