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
from operator import itemgetter
from typing import NamedTuple

from sqlalchemy import Connection, Integer, case, func, select

from app import schema
from app.database import UnitOfWork
from app.kept_sums import ys
from app.ledger_sums import CHUNK, MemberFigures, credit_sum, member_figures
from models.dates import parse_month
from models.forecast import RUN_OUT_HORIZON, add_months, month_days, month_label, plan
from models.ledger import CREDIT_KINDS, GrantBalance

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


class MemberSummary(NamedTuple):  # a tuple: 100,000 of them are made each time the pane is filled
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


def _current_year(own: list[_Year], today: date) -> _Year | None:
    """The year in force today: the one valid today, else the last one started, else the first."""
    own.sort(key=_number)
    started = None
    for y in own:
        if y.valid_from <= today:
            if today <= y.valid_until:
                return y
            started = y
    return started or (own[0] if own else None)


_number = itemgetter(0)


def member_summaries(uow: UnitOfWork, enrollments: list[int] | None = None) -> list[MemberSummary]:
    """One row per member (or per one of `enrollments`): a handful of grouped queries whatever the size."""
    last = last_closed_month(uow.conn)
    return _summaries(uow, last, member_figures(uow.conn, uow.today, last, enrollments), enrollments)[0]


def _in_force(today: date, enrollments: list[int] | None):
    """(enrollment, number) of each member's year in force today by the program years' own last days:
    the first valid today, else the last one started, else the first (`_current_year` in SQL); and
    the last year started with whether one started is a renewal (the program's members by year)."""
    started = py.c.valid_from <= today
    running = func.min(case((started & (py.c.valid_until >= today), py.c.number), else_=None))
    last_started = func.max(case((started, py.c.number), else_=None))
    query = (
        select(
            py.c.enrollment,
            func.coalesce(running, last_started, func.min(py.c.number)).label("number"),
            last_started.label("started"),
            func.max(case((started, py.c.renewal.cast(Integer)), else_=None)).label("renewal"),
        )
        .where(py.c.bonus.is_(False))
        .group_by(py.c.enrollment)
    )
    if enrollments is not None:
        query = query.where(py.c.enrollment.in_(enrollments))
    return query.subquery("in_force")


def _year_label(status: str, started: int, renewal) -> str | None:
    """The program's members by year: which a member counts in (None: a cancelled one counts in none)."""
    if status == "cancelled":
        return None
    return "graduated" if status == "graduated" else ("renewal" if renewal else f"year {started}")


def _grant_rows(conn: Connection, cut: date | None, extended: set[int], enrollments: list[int] | None):
    """The program years that may hold credit for the forecast, in the table's order, each with the
    credit its entries hold (kept): those valid after `cut` (a grant that ended before draws nothing),
    and every year of the members with an extension (its last day may be later than its own)."""
    columns = (py.c.id, py.c.enrollment, py.c.number, py.c.valid_from, py.c.valid_until, py.c.renewal, py.c.bonus)
    query = select(*columns, py.c.priority, ys.c.credit_cents).outerjoin(
        ys, (ys.c.enrollment == py.c.enrollment) & (ys.c.program_year == py.c.number)
    )
    rows = {}
    if cut is not None:
        running = query.where(py.c.valid_until >= cut, py.c.renewal.is_(False))
        if enrollments is not None:
            running = running.where(py.c.enrollment.in_(enrollments))
        rows = {row[0]: row for row in conn.execute(running).all()}
    mine = sorted(extended)
    for start in range(0, len(mine), CHUNK):
        for row in conn.execute(query.where(py.c.enrollment.in_(mine[start : start + CHUNK]))).all():
            rows[row[0]] = row
    return [rows[key] for key in sorted(rows)]


def _summaries(
    uow: UnitOfWork, last: str | None, figures: MemberFigures, enrollments: list[int] | None
) -> tuple[list[MemberSummary], dict[str, int]]:
    """The members, and how many count in each year (`ProgramTotals.members_by_year`, of these
    members): the members with their recent bills summed in SQL (the pace, the last month's bill), their
    year in force (`_in_force`) and its applied credit (kept), then one walk over them with their
    totals (`member_figures`). A member with an extension has its years read and its year in force
    chosen by their effective last days; the forecast draws from the grants with credit left, built
    for those alone (`plan` draws from no other)."""
    conn, today = uow.conn, uow.today
    totals, ends, used_of = figures
    extended = {n for n, _ in ends}
    cut = None
    calendar, lasts = [], []
    if last:
        after = parse_month(last)
        calendar = month_days(after, RUN_OUT_HORIZON)
        lasts = [end for _, _, end in calendar]
        cut = date(after[0], after[1], 1) - _ONE_DAY  # a grant that ended before the last month draws nothing
    years: dict[int, list[_Year]] = defaultdict(list)  # the years of the members with an extension
    live: dict[int, list[GrantBalance]] = defaultdict(list)
    for _, enrollment, number, valid_from, valid_until, renewal, bonus, priority, credit in _grant_rows(
        conn, cut, extended, enrollments
    ):
        until = ends.get((enrollment, number), valid_until)
        if enrollment in extended and not bonus:  # program years only (a bonus grant is not the year in force)
            years[enrollment].append(_Year(number, valid_from, until, renewal))
        # the forecast walks every grant with credit left (bonus, extended, a year 2 to come) in
        # drawing order, as the close does
        if cut is None or renewal or credit is None or credit <= 0 or (valid_until < cut and until < cut):
            continue
        live[enrollment].append(GrantBalance(number, valid_from, until, int(credit), priority))
    summaries = []
    by_year: dict[str, int] = defaultdict(int)
    nothing = (0, 0, 0)
    for row in conn.execute(_member_rows(last, today, enrollments)).all():
        (enrollment, workspace, company, partner, status, billed, bills, last_bill, last_bills) = row[:9]
        number, until, renewal, applied, started, renewed = row[9:]
        if started is not None:
            label = _year_label(status, started, renewed)
            if label is not None:
                by_year[label] += 1
        if enrollment in extended:  # its years in force by their effective last days
            current = _current_year(years[enrollment], today)
            number, until, renewal = (current.number, current.valid_until, current.renewal) if current else (None,) * 3
            used = used_of.get((enrollment, number), 0)
        else:
            used = -applied if applied else 0
        available, committed, applied_last = totals.get(enrollment, nothing)
        pace = int(billed) // int(bills) if bills else 0  # models.forecast.average_bill of the recent bills
        run_out = first_full = None
        if enrollment in live:
            forecast = plan(live[enrollment], pace, 1, calendar, lasts)
            if forecast.run_out is not None:
                run_out = lasts[forecast.run_out]
            if forecast.first_full_bill is not None:
                first_full = lasts[forecast.first_full_bill]
        elif pace > 0 and lasts:  # no credit left: the next bill is charged in full (models.forecast.plan)
            first_full = lasts[0]
        summaries.append(
            MemberSummary(
                enrollment,
                workspace,
                company,
                partner,
                status,
                number,
                available,
                committed,
                used if number is not None else 0,
                until + _ONE_DAY if number is not None and not renewal else None,
                pace,
                int(last_bill) + applied_last if last_bills else 0,
                run_out,
                first_full,
            )
        )
    return summaries, dict(sorted(by_year.items()))


def _member_rows(last: str | None, today: date, enrollments: list[int] | None):
    """Each member with its recent bills summed, its year in force and that year's kept applied credit."""
    recent = (
        select(
            b.c.workspace,
            func.sum(b.c.amount_cents).label("billed"),
            func.count().label("bills"),
            func.sum(case((b.c.month == (last or ""), b.c.amount_cents), else_=0)).label("last_bill"),
            func.sum(case((b.c.month == (last or ""), 1), else_=0)).label("last_bills"),
        )
        .where(b.c.month.in_(_months_back(last, PACE_MONTHS) if last else []))
        .group_by(b.c.workspace)
        .subquery("recent_bills")
    )
    in_force = _in_force(today, enrollments)
    year = py.alias("year_in_force")
    members = (
        select(
            e.c.id,
            e.c.workspace,
            a.c.company,
            a.c.partner_code,
            e.c.status,
            recent.c.billed,
            recent.c.bills,
            recent.c.last_bill,
            recent.c.last_bills,
            year.c.number,
            year.c.valid_until,
            year.c.renewal,
            ys.c.applied_cents,
            in_force.c.started,
            in_force.c.renewal,
        )
        .join(a, a.c.id == e.c.application)
        .outerjoin(recent, recent.c.workspace == e.c.workspace)
        .outerjoin(in_force, in_force.c.enrollment == e.c.id)
        .outerjoin(year, (year.c.enrollment == in_force.c.enrollment) & (year.c.number == in_force.c.number))
        .outerjoin(ys, (ys.c.enrollment == year.c.enrollment) & (ys.c.program_year == year.c.number))
        .order_by(e.c.workspace)
    )
    if enrollments is not None:
        members = members.where(e.c.id.in_(enrollments))
    return members


def program_totals(uow: UnitOfWork, totals: dict | None = None, by_year: dict | None = None) -> ProgramTotals:
    """The program's figures; `totals` (`member_figures(...).totals` of every member) saves the pass
    over the entries, `by_year` (`_summaries`' count) the pass over the program years."""
    conn, today = uow.conn, uow.today
    if totals is not None:
        available, committed = sum(f[0] for f in totals.values()), sum(f[1] for f in totals.values())
    else:
        credit = le.c.kind.in_(CREDIT_KINDS)
        available, committed = conn.execute(
            select(credit_sum(credit & (le.c.entry_date <= today)), credit_sum(credit & (le.c.entry_date > today)))
        ).one()
    last = last_closed_month(conn)
    per_month: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    if last:
        for month, kind, amount in conn.execute(
            select(le.c.month, le.c.counts_as, func.sum(le.c.amount_cents))
            .where(le.c.month.in_(_months_back(last, 12)), le.c.counts_as.in_(("apply", "expire")))
            .group_by(le.c.month, le.c.counts_as)
        ):
            per_month[month][0 if kind == "apply" else 1] -= int(amount)
    by_month = sorted((m, applied, expired) for m, (applied, expired) in per_month.items())
    if by_year is None:
        by_year = _members_by_year(conn, today)
    return ProgramTotals(int(available), int(committed), by_month, by_year, last)


def _members_by_year(conn: Connection, today: date) -> dict[str, int]:
    """How many members count in each year: by the last program year each has started."""
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
        label = _year_label(status, number, renewal)
        if label is not None:
            members[label] += count
    return dict(sorted(members.items()))


def ledger_overview(uow: UnitOfWork) -> tuple[list[MemberSummary], ProgramTotals]:
    """What the Ledger pane shows, read in one transaction: one pass over the entries serves both."""
    last = last_closed_month(uow.conn)
    figures = member_figures(uow.conn, uow.today, last)
    members, by_year = _summaries(uow, last, figures, None)
    return members, program_totals(uow, figures.totals, by_year)


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
