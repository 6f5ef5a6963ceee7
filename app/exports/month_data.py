"""What the ledger says about one month, per member: the rows of SPEC 6's exports.

Every figure is a sum of ledger entries (reversals counted with the kind of the
entry they cancel), so the files agree with the ledger to the cent.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Connection, and_, case, func, or_, select

from app import schema
from app.errors import AppError
from models.dates import month_end, parse_month
from models.ledger import CREDIT_KINDS

le, py, e, b, a, p = (
    schema.ledger_entries,
    schema.program_years,
    schema.enrollments,
    schema.bills,
    schema.applications,
    schema.partners,
)


class MonthNotReady(AppError):
    """The month cannot be exported yet: it is open, or its bills changed since the close."""


def month_bounds(month: str) -> tuple[date, date]:
    year, number = parse_month(month)
    return date(year, number, 1), month_end(year, number)


@dataclass(slots=True)
class MemberMonth:
    """One member's month: the bill, what the ledger did, and where the credit stands."""

    enrollment: int
    workspace: str
    company: str
    partner_code: str
    partner_name: str
    program_year: str  # "1", "2" or "renewal"; "" when no year covers the month's end
    grant_expiry: date | None  # the last valid day of the credit in force at the month's end
    bill: int = 0
    opening: int = 0  # credit balance before the month's first day
    moves: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # effective kind -> sum in the month
    closing: int = 0  # credit balance after the month's last day

    @property
    def credit_applied(self) -> int:
        return self.moves.get("apply", 0)

    @property
    def discount(self) -> int:
        return self.moves.get("discount", 0)

    @property
    def due(self) -> int:
        return self.bill + self.credit_applied + self.discount

    @property
    def granted(self) -> int:
        return self.moves.get("grant", 0)

    @property
    def expired(self) -> int:
        return self.moves.get("expire", 0)

    @property
    def adjustments(self) -> int:
        return self.moves.get("adjust", 0)


def require_closed(conn: Connection, month: str) -> None:
    """Exports describe a closed month whose bills still match what the close settled."""
    month_bounds(month)  # refuses what is not YYYY-MM
    if conn.execute(select(schema.month_closes.c.month).where(schema.month_closes.c.month == month)).first() is None:
        raise MonthNotReady(f"{month} is not closed yet: close the month first (close-month {month})")
    changed = conn.execute(
        select(func.count()).where(b.c.month == month, b.c.settled_cents != b.c.amount_cents)
    ).scalar()
    if changed:
        raise MonthNotReady(
            f"{changed} bill(s) of {month} changed after the close: restate first (close-month {month} --restate)"
        )


def month_members(conn: Connection, month: str, statement: bool = False) -> list[MemberMonth]:
    """Members with a bill or an entry in `month`.

    For billing, an entry belongs to the month whose close made it (its reversal too,
    whenever it was made). For a `statement`, every member enrolled by the month's
    end, and an entry belongs to the month of its date: opening + the month's moves
    = closing, always.
    """
    first, last = month_bounds(month)
    original = le.alias("original")
    kind = func.coalesce(original.c.kind, le.c.kind)
    if statement:
        in_month = le.c.entry_date.between(first, last)
    else:
        in_month = or_(le.c.month == month, and_(le.c.month.is_(None), le.c.entry_date.between(first, last)))
    moves: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for enrollment, effective, amount in conn.execute(
        select(le.c.enrollment, kind, func.sum(le.c.amount_cents))
        .outerjoin(original, original.c.id == le.c.reverses)
        .where(in_month)
        .group_by(le.c.enrollment, kind)
    ):
        moves[enrollment][effective] += int(amount)
    bills = dict(
        conn.execute(
            select(e.c.id, b.c.amount_cents).join(b, b.c.workspace == e.c.workspace).where(b.c.month == month)
        ).all()
    )
    opening: dict[int, int] = {}
    closing: dict[int, int] = {}
    before = func.sum(case((le.c.entry_date < first, le.c.amount_cents), else_=0))
    for enrollment, start, end in conn.execute(  # one pass over the ledger for both balances
        select(le.c.enrollment, before, func.sum(le.c.amount_cents))
        .where(le.c.kind.in_(CREDIT_KINDS), le.c.entry_date <= last)
        .group_by(le.c.enrollment)
    ):
        opening[enrollment], closing[enrollment] = int(start), int(end)
    years = {
        row.enrollment: row
        for row in conn.execute(
            select(py.c.enrollment, py.c.number, py.c.valid_until, py.c.renewal)
            .where(py.c.valid_from <= last, py.c.valid_until >= last)
            .order_by(py.c.enrollment, py.c.number)
        )
    }
    wanted = set(moves) | set(bills)
    rows = conn.execute(
        select(e.c.id, e.c.workspace, e.c.status, a.c.company, a.c.partner_code, p.c.name)
        .join(a, a.c.id == e.c.application)
        .outerjoin(p, p.c.id == e.c.partner)
        .where(e.c.accepted_on <= last)
        .order_by(e.c.workspace)
    ).all()
    members = []
    for enrollment, workspace, status, company, partner_code, partner_name in rows:
        if enrollment not in wanted and not (statement and status != "cancelled"):
            continue
        year = years.get(enrollment)
        members.append(
            MemberMonth(
                enrollment=enrollment,
                workspace=workspace,
                company=company,
                partner_code=partner_code or "",
                partner_name=partner_name or "",
                program_year="" if year is None else ("renewal" if year.renewal else str(year.number)),
                grant_expiry=None if year is None or year.renewal else year.valid_until,
                bill=int(bills.get(enrollment, 0)),
                opening=opening.get(enrollment, 0),
                moves=moves.get(enrollment, defaultdict(int)),
                closing=closing.get(enrollment, 0),
            )
        )
    return members


def month_entries(conn: Connection, enrollment: int, month: str) -> list[tuple[date, str, int, str]]:
    """One member's credit entries dated in the month: (date, effective kind, amount, reason)."""
    first, last = month_bounds(month)
    original = le.alias("original")
    return [
        (day, effective, int(amount), reason)
        for day, effective, amount, reason in conn.execute(
            select(le.c.entry_date, func.coalesce(original.c.kind, le.c.kind), le.c.amount_cents, le.c.reason)
            .outerjoin(original, original.c.id == le.c.reverses)
            .where(
                le.c.enrollment == enrollment,
                le.c.kind.in_(CREDIT_KINDS),
                le.c.entry_date.between(first, last),
            )
            .order_by(le.c.entry_date, le.c.id)
        )
    ]
