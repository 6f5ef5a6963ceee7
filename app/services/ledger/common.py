"""What the ledger's use cases share: the tables, a member's rows, grant balances, reversals.

Entries are append-only: every correction is a new entry. A grant's balance is the
sum of the entries drawn on it; renewal discounts are entries too (kind `discount`)
but are not credit and never count in a balance.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta

from sqlalchemy import Connection, func, insert, select

from app import schema
from app.database import UnitOfWork
from app.errors import AppError
from app.grant_validity import last_valid_day
from app.kept_sums import add_entries
from models.dates import month_end, parse_month
from models.errors import RuleRefused
from models.ledger import CREDIT_KINDS, EntryKind, GrantBalance, ProgramYear, lowest_balance_from
from models.membership import Member, MemberStatus
from models.money import display

e, py, le, b, a = schema.enrollments, schema.program_years, schema.ledger_entries, schema.bills, schema.applications

__all__ = ["RuleRefused"]

#: the entries a month close makes
CLOSE_KINDS = (EntryKind.APPLY.value, EntryKind.EXPIRE.value, EntryKind.DISCOUNT.value)


def enrollment_row(conn: Connection, workspace: str, *, lock: bool = False):
    """The member's enrollment; `lock` holds it until commit (a second writer on this member waits)."""
    query = select(e).where(e.c.workspace == workspace)
    row = conn.execute(query.with_for_update() if lock else query).first()
    if row is None:
        raise AppError(f"no member workspace {workspace!r}")
    return row


def years_of(conn: Connection, enrollment: int) -> list[ProgramYear]:
    """The member's program years (and renewal years); bonus grants are not program years."""
    rows = conn.execute(
        select(py).where(py.c.enrollment == enrollment, py.c.bonus.is_(False)).order_by(py.c.number)
    ).all()
    return [ProgramYear("", y.number, y.valid_from, y.valid_until, y.credit_cents, y.renewal) for y in rows]


def member_of(conn: Connection, enrollment) -> Member:
    """The domain's view of an enrollment row: status and program years."""
    years = years_of(conn, enrollment.id)
    return Member(enrollment.workspace, MemberStatus(enrollment.status), tuple(years))


def grant_balances(
    conn: Connection,
    enrollments: list[int] | None = None,
    on_or_after: date | None = None,
    as_of: date | None = None,
) -> dict[int, list[GrantBalance]]:
    """Each enrollment's credit grants (program years and bonus grants, not renewal years) with
    what is left of them, their priority and their effective last day (extensions included).

    `on_or_after` keeps only grants still valid the day before it; each grant's
    entries are then summed through the (enrollment, program_year) index instead
    of grouping the whole ledger. With `as_of`, as they stood at the end of that day (entries
    and extensions made later left out): a past month's statement forecasts from its own end.
    """
    mine = [le.c.enrollment == py.c.enrollment, le.c.program_year == py.c.number, le.c.kind.in_(CREDIT_KINDS)]
    if as_of is not None:
        mine.append(le.c.entry_date <= as_of)
    left = select(func.coalesce(func.sum(le.c.amount_cents), 0)).where(*mine).scalar_subquery()
    until = last_valid_day(as_of=as_of)
    query = select(py.c.enrollment, py.c.number, py.c.valid_from, until, left, py.c.priority).where(
        py.c.renewal.is_(False)
    )
    if enrollments is not None:
        query = query.where(py.c.enrollment.in_(enrollments))
    if on_or_after is not None:
        day = on_or_after - timedelta(days=1)
        query = query.where((py.c.valid_until >= day) | (until >= day))
    balances: dict[int, list[GrantBalance]] = defaultdict(list)
    for enrollment, number, valid_from, valid_until, remaining, priority in conn.execute(query).all():
        balances[enrollment].append(GrantBalance(number, valid_from, valid_until, int(remaining), priority))
    return balances


def drawable_on(conn: Connection, balances: dict[int, list[GrantBalance]], day: date) -> None:
    """Limit each grant valid on `day` to what a bill of that day may take from it: its balance
    that day, and no more than leaves every later day at zero or more.

    Most grants have no entry dated after a month's last day, and their balance is what
    `grant_balances` summed. Those that do — a correction made after the month ended, the
    reversed closes of later months in a restatement — are recounted day by day (a close
    and its reversal share a day, and cancel)."""
    until = last_valid_day()
    later = (
        select(le.c.id)
        .where(
            le.c.enrollment == py.c.enrollment,
            le.c.program_year == py.c.number,
            le.c.kind.in_(CREDIT_KINDS),
            le.c.entry_date > day,
        )
        .exists()
    )
    touched = conn.execute(
        select(py.c.enrollment, py.c.number).where(
            py.c.enrollment.in_(list(balances)), py.c.renewal.is_(False), py.c.valid_from <= day, until >= day, later
        )
    ).all()
    for enrollment, number in touched:
        days = conn.execute(
            select(le.c.entry_date, func.sum(le.c.amount_cents))
            .where(le.c.enrollment == enrollment, le.c.program_year == number, le.c.kind.in_(CREDIT_KINDS))
            .group_by(le.c.entry_date)
            .order_by(le.c.entry_date)
        ).all()
        lowest, _day = lowest_balance_from([(on, int(cents)) for on, cents in days], day)
        balances[enrollment] = [
            replace(g, remaining=max(0, min(g.remaining, lowest))) if g.program_year == number else g
            for g in balances[enrollment]
        ]


def closed(conn: Connection, month: str) -> bool:
    mc = schema.month_closes
    return conn.execute(select(mc.c.month).where(mc.c.month == month)).first() is not None


def month_bounds(month: str) -> tuple[date, date]:
    year, number = parse_month(month)
    return date(year, number, 1), month_end(year, number)


def reversed_ids():
    return select(le.c.reverses).where(le.c.reverses.is_not(None))


def reverse_all(uow: UnitOfWork, rows, reason: str) -> None:
    """Reverse each of these entries, dated and tagged as the entry it cancels."""
    now = uow.now()
    add_entries(
        uow.conn,
        [
            {
                "enrollment": row.enrollment,
                "kind": EntryKind.REVERSE.value,
                "counts_as": row.kind,
                "entry_date": row.entry_date,
                "amount_cents": -row.amount_cents,
                "program_year": row.program_year,
                "month": row.month,
                "reason": reason,
                "actor": uow.actor,
                "reverses": row.id,
                "policy_version": None,
                "created_at": now,
            }
            for row in rows
        ],
    )


def refuse_below_zero(conn: Connection, enrollment: int, year: int, on: date, amount: int, what: str) -> None:
    """Refuse an entry of `amount` dated `on` that would put the year's credit below zero on
    that day or any day after (a back-dated correction can, while the final balance holds).
    The caller holds the member, so the entries read here stay as they are until it commits."""
    if amount >= 0:
        return
    entries = conn.execute(
        select(le.c.entry_date, le.c.amount_cents)
        .where(le.c.enrollment == enrollment, le.c.program_year == year, le.c.kind.in_(CREDIT_KINDS))
        .order_by(le.c.entry_date, le.c.id)
    ).all()
    lowest, day = lowest_balance_from([(entry_date, int(cents)) for entry_date, cents in entries], on)
    if lowest + amount < 0:
        raise RuleRefused(
            f"{what} would leave program year {year} at {display(lowest + amount)} on {day}: "
            "credit cannot go below zero"
        )


def refuse_entry_below_zero(conn: Connection, like, on: date, amount: int, what: str) -> None:
    """The same, for an entry of `amount` that counts against the same program year as `like`
    (a reversal, or a reinstatement); entries that are not credit take nothing from a year."""
    if like.kind in CREDIT_KINDS and like.program_year is not None:
        refuse_below_zero(conn, like.enrollment, like.program_year, on, amount, what)


def note(uow: UnitOfWork, enrollment, text: str) -> None:
    """A membership decision in the application's history: who, when and what (the status stays)."""
    conn = uow.conn
    status = conn.execute(select(a.c.status).where(a.c.id == enrollment.application)).scalar()
    conn.execute(
        insert(schema.transitions).values(
            application=enrollment.application,
            at=uow.now(),
            actor=uow.actor,
            from_status=status,
            to_status=status,
            reason=text,
            override=False,
        )
    )
