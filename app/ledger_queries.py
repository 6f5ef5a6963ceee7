"""Read side of the ledger: member summaries, program totals, balance history."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Connection, Integer, func, select

from app import schema
from models.dates import parse_month
from models.ledger import CREDIT_KINDS

le, py, e, b, a = schema.ledger_entries, schema.program_years, schema.enrollments, schema.bills, schema.applications


@dataclass(frozen=True)
class MemberSummary:
    enrollment: int
    workspace: str
    company: str
    partner: str
    status: str
    program_year: int | None
    balance: int
    used_this_year: int
    expires_on: date | None  # the day the current year's credit expires
    burn_per_month: int  # average credit used over the last three closed months
    due_last_month: int
    run_out: date | None  # projected from the burn rate; None when not burning


def last_closed_month(conn: Connection) -> str | None:
    return conn.execute(select(func.max(schema.month_closes.c.month))).scalar()


def _months_back(month: str, count: int) -> list[str]:
    year, number = parse_month(month)
    months = []
    for _ in range(count):
        months.append(f"{year:04d}-{number:02d}")
        number -= 1
        if number == 0:
            year, number = year - 1, 12
    return months


def member_summaries(conn: Connection, today: date) -> list[MemberSummary]:
    """One row per member, a handful of grouped queries whatever the size."""
    balances = dict(
        conn.execute(
            select(le.c.enrollment, func.sum(le.c.amount_cents))
            .where(le.c.kind.in_(CREDIT_KINDS))
            .group_by(le.c.enrollment)
        ).all()
    )
    years: dict[int, list] = defaultdict(list)
    for row in conn.execute(select(py.c.enrollment, py.c.number, py.c.valid_from, py.c.valid_until, py.c.renewal)):
        years[row.enrollment].append(row)
    used = defaultdict(int)
    for enrollment, year, amount in conn.execute(
        select(le.c.enrollment, le.c.program_year, func.sum(le.c.amount_cents))
        .where(le.c.kind == "apply")
        .group_by(le.c.enrollment, le.c.program_year)
    ):
        used[(enrollment, year)] = -int(amount)
    last = last_closed_month(conn)
    burn: dict[int, int] = defaultdict(int)
    due: dict[int, int] = {}
    if last:
        recent = _months_back(last, 3)
        for enrollment, amount in conn.execute(
            select(le.c.enrollment, func.sum(le.c.amount_cents))
            .where(le.c.kind == "apply", le.c.month.in_(recent))
            .group_by(le.c.enrollment)
        ):
            burn[enrollment] = -int(amount) // 3
        applied_last = dict(
            conn.execute(
                select(le.c.enrollment, func.sum(le.c.amount_cents))
                .where(le.c.kind.in_(("apply", "discount")), le.c.month == last)
                .group_by(le.c.enrollment)
            ).all()
        )
        for enrollment, bill in conn.execute(
            select(e.c.id, b.c.amount_cents).join(b, b.c.workspace == e.c.workspace).where(b.c.month == last)
        ):
            due[enrollment] = bill + int(applied_last.get(enrollment, 0))
    rows = conn.execute(
        select(e.c.id, e.c.workspace, a.c.company, a.c.partner_code, e.c.status)
        .join(a, a.c.id == e.c.application)
        .order_by(e.c.workspace)
    ).all()
    summaries = []
    for enrollment, workspace, company, partner, status in rows:
        own = sorted(years.get(enrollment, []), key=lambda y: y.number)
        current = next((y for y in own if y.valid_from <= today <= y.valid_until), own[-1] if own else None)
        balance = int(balances.get(enrollment, 0))
        rate = burn.get(enrollment, 0)
        expires = current.valid_until + timedelta(days=1) if current is not None and not current.renewal else None
        run_out = None
        if rate > 0 and balance > 0:
            run_out = today + timedelta(days=int(balance / rate * 30.44))
            if expires and run_out > expires:
                run_out = None  # credit expires before it runs out
        summaries.append(
            MemberSummary(
                enrollment,
                workspace,
                company,
                partner,
                status,
                current.number if current is not None else None,
                balance,
                used.get((enrollment, current.number), 0) if current is not None else 0,
                expires,
                rate,
                due.get(enrollment, 0),
                run_out,
            )
        )
    return summaries


@dataclass(frozen=True)
class ProgramTotals:
    liability: int  # outstanding credit: the sum of balances
    by_month: list[tuple[str, int, int]]  # (month, credit applied, credit expired), net of reversals
    members_by_year: dict[str, int]
    last_closed: str | None


def program_totals(conn: Connection) -> ProgramTotals:
    liability = int(
        conn.execute(select(func.coalesce(func.sum(le.c.amount_cents), 0)).where(le.c.kind.in_(CREDIT_KINDS))).scalar()
    )
    original = le.alias("original")
    kind = func.coalesce(original.c.kind, le.c.kind)
    month = func.coalesce(le.c.month, original.c.month)
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for month_value, kind_value, amount in conn.execute(
        select(month, kind, func.sum(le.c.amount_cents))
        .outerjoin(original, original.c.id == le.c.reverses)
        .where(month.is_not(None), kind.in_(("apply", "expire")))
        .group_by(month, kind)
    ):
        totals[month_value][0 if kind_value == "apply" else 1] -= int(amount)
    by_month = sorted((m, applied, expired) for m, (applied, expired) in totals.items())
    today = date.today()
    members: dict[str, int] = defaultdict(int)
    current = (
        select(
            py.c.enrollment,
            func.max(py.c.number).label("number"),
            func.max(py.c.renewal.cast(Integer)).label("renewal"),
        )
        .where(py.c.valid_from <= today)
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
    return ProgramTotals(liability, by_month, dict(sorted(members.items())), last_closed_month(conn))


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
