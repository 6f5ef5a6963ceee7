"""What the ledger says about one month, per member: the rows of SPEC 6's exports.

Every figure is a sum of ledger entries (reversals counted with the kind of the
entry they cancel), so the files agree with the ledger to the cent.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Connection, and_, case, func, literal, or_, select

from app import schema
from app.errors import AppError
from app.grant_validity import extension_ends, last_valid_day
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
    """One member's month: the bill, what the ledger did, and where the credit stands.

    `moves` are the month's entries summed by what they count as. For billing (the
    adjustments) an entry belongs to the month whose close made it; for a statement,
    to the month of its date, so that opening + moves = closing. `billing` holds the
    billing view beside a statement's dated one (None: the same as `moves`): the bill
    and what is due are always the billing view, so every export's due is the close's.
    """

    enrollment: int
    workspace: str
    company: str
    partner_code: str
    partner_name: str
    program_year: int | None  # the year in force at the month's end; None when no year covers it
    grant_expiry: date | None  # the last valid day of the credit in force at the month's end
    bill: int = 0
    opening: int = 0  # credit balance before the month's first day
    moves: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    closing: int = 0  # credit balance after the month's last day
    renewal: bool = False  # the year in force is a renewal year
    billing: dict[str, int] | None = None
    bonus_expiry: date | None = None  # the last valid day of the bonus credit in force at the month's end

    @property
    def credit_applied(self) -> int:
        return self.moves.get("apply", 0)

    @property
    def discount(self) -> int:
        return self.moves.get("discount", 0)

    @property
    def bill_credit(self) -> int:
        """Credit applied to this month's bill (negative), whenever corrected."""
        return (self.moves if self.billing is None else self.billing).get("apply", 0)

    @property
    def bill_discount(self) -> int:
        return (self.moves if self.billing is None else self.billing).get("discount", 0)

    @property
    def due(self) -> int:
        return self.bill + self.bill_credit + self.bill_discount

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


def month_members(conn: Connection, month: str, statement: bool = False, balances: bool = True) -> list[MemberMonth]:
    """Members with a bill or an entry in `month` (for a `statement`, also every member
    enrolled by the month's end who is not cancelled). Without `balances`, their opening and
    closing balances are left at zero: that pass reads the whole ledger, and `verify`'s
    check of every month's totals needs only the month's own figures.

    A bill counts whenever the member was accepted: a bill for a month before the first
    grant is valid got no credit from the close, and appears with credit 0.00 and the
    whole bill due, as the close charged it (SPEC 4).
    """
    first, last = month_bounds(month)
    dated = le.c.entry_date.between(first, last)
    billing = or_(le.c.month == month, and_(le.c.month.is_(None), dated))
    moves: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    billed: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    if statement:
        by_date = func.sum(case((dated, le.c.amount_cents), else_=0))
        by_close = func.sum(case((billing, le.c.amount_cents), else_=0))
        query = select(le.c.enrollment, le.c.counts_as, by_date, by_close).where(or_(dated, billing))
    else:
        query = select(le.c.enrollment, le.c.counts_as, func.sum(le.c.amount_cents), literal(0)).where(billing)
    for enrollment, kind, amount, for_bill in conn.execute(query.group_by(le.c.enrollment, le.c.counts_as)):
        if amount:
            moves[enrollment][kind] += int(amount)
        if for_bill:
            billed[enrollment][kind] += int(for_bill)
    bills = dict(
        conn.execute(
            select(e.c.id, b.c.amount_cents).join(b, b.c.workspace == e.c.workspace).where(b.c.month == month)
        ).all()
    )
    opening: dict[int, int] = {}
    closing: dict[int, int] = {}
    before = func.sum(case((le.c.entry_date < first, le.c.amount_cents), else_=0))
    for enrollment, start, end in (
        conn.execute(  # one pass over the ledger for both balances
            select(le.c.enrollment, before, func.sum(le.c.amount_cents))
            .where(le.c.kind.in_(CREDIT_KINDS), le.c.entry_date <= last)
            .group_by(le.c.enrollment)
        )
        if balances
        else ()
    ):
        opening[enrollment], closing[enrollment] = int(start), int(end)
    # a grant's own last day, or its latest extension standing at the month's end (an extension
    # granted later is not what the month's members were told)
    until = last_valid_day(as_of=last)
    ends = extension_ends(as_of=last)  # the same, in one grouped pass (for every member: not a lookup per year)
    year_until = func.coalesce(ends.c.until, py.c.valid_until)
    years = {  # the program year in force at the month's end (a bonus grant is not a program year)
        row.enrollment: row
        for row in conn.execute(
            select(py.c.enrollment, py.c.number, year_until.label("valid_until"), py.c.renewal)
            .outerjoin(ends, (ends.c.enrollment == py.c.enrollment) & (ends.c.program_year == py.c.number))
            .where(py.c.bonus.is_(False), py.c.valid_from <= last, year_until >= last)
            .order_by(py.c.enrollment, py.c.number)
        )
    }
    bonus_until = dict(  # bonus grants are few: their latest last day per member
        conn.execute(
            select(py.c.enrollment, func.max(until))
            .where(py.c.bonus.is_(True), py.c.valid_from <= last, until >= last)
            .group_by(py.c.enrollment)
        ).all()
    )
    wanted = set(moves) | set(bills)
    rows = conn.execute(
        select(e.c.id, e.c.workspace, e.c.status, e.c.accepted_on, a.c.company, a.c.partner_code, p.c.name)
        .join(a, a.c.id == e.c.application)
        .outerjoin(p, p.c.id == e.c.partner)
        .order_by(e.c.workspace)
    ).all()
    members = []
    for enrollment, workspace, status, accepted_on, company, partner_code, partner_name in rows:
        if enrollment not in wanted and not (statement and status != "cancelled" and accepted_on <= last):
            continue
        year = years.get(enrollment)
        members.append(
            MemberMonth(
                enrollment=enrollment,
                workspace=workspace,
                company=company,
                partner_code=partner_code or "",
                partner_name=partner_name or "",
                program_year=None if year is None else year.number,
                grant_expiry=None if year is None or year.renewal else year.valid_until,
                bill=int(bills.get(enrollment, 0)),
                opening=opening.get(enrollment, 0),
                moves=moves.get(enrollment, defaultdict(int)),
                closing=closing.get(enrollment, 0),
                renewal=bool(year is not None and year.renewal),
                billing=billed.get(enrollment, {}) if statement else None,
                bonus_expiry=bonus_until.get(enrollment),
            )
        )
    return members


#: what a member's credit is made of: a statement lists entries that count as one of these
LISTED_KINDS = ("grant", "apply", "expire", "adjust", "extend")
CLOSE_MADE = ("apply", "expire", "discount")  # what a month close makes (and a reopen or restatement undoes)


@dataclass(frozen=True)
class StatementLine:
    """One thing that happened to a member's credit, at its net amount."""

    day: date
    kind: str  # what it counts as: grant, apply, expire, adjust, extend
    amount: int
    reason: str
    program_year: int | None = None  # the grant it belongs to (a bonus grant's number from 1001)
    valid_until: date | None = None  # an extension: the grant's new last valid day


def month_entries(conn: Connection, enrollment: int, month: str) -> list[StatementLine]:
    """One member's credit in the month as a member reads it (SPEC 4 "What a member sees").

    An entry and everything that corrected it within the month are one line at their net
    amount: a close undone and redone (or restated) is one line per kind, month and year,
    with the redone close's wording; an entry reversed and reinstated is the entry; an
    entry reversed for good, or a close undone and not redone, is no line at all. The
    full trail stays in `ledger`.
    """
    first, last = month_bounds(month)
    rows = conn.execute(
        select(
            le.c.id,
            le.c.kind,
            le.c.counts_as,
            le.c.entry_date,
            le.c.amount_cents,
            le.c.program_year,
            le.c.month,
            le.c.reason,
            le.c.reverses,
            le.c.reinstates,
            le.c.extended_until,
        )
        .where(
            le.c.enrollment == enrollment,
            le.c.counts_as.in_(LISTED_KINDS),
            le.c.entry_date.between(first, last),
        )
        .order_by(le.c.entry_date, le.c.id)
    ).all()
    by_id = {row.id: row for row in rows}

    def root(row) -> int:
        """The entry a correction chain starts from (a reversal's original; a reinstatement's)."""
        while True:
            pointer = row.reverses or row.reinstates
            if pointer is None:
                return row.id
            if pointer not in by_id:
                return pointer  # the chain began before the month
            row = by_id[pointer]

    groups: dict[object, list] = {}
    for row in rows:
        if row.month is not None and row.counts_as in CLOSE_MADE:
            key: object = ("close", row.counts_as, row.month, row.program_year)
        else:
            key = root(row)
        groups.setdefault(key, []).append(row)
    lines = []
    for members in groups.values():
        net = sum(int(row.amount_cents) for row in members)
        made = [row for row in members if row.kind != "reverse" and row.reinstates is None] or members
        if members[0].counts_as == "extend":  # no amount: it stands while it is not reversed
            reversals = sum(1 for row in members if row.kind == "reverse")
            if len(members) - reversals > reversals:
                ext = made[0]
                lines.append(
                    StatementLine(ext.entry_date, "extend", 0, ext.reason, ext.program_year, ext.extended_until)
                )
            continue
        if net == 0:
            continue
        shown = made[-1] if made[0].month is not None else made[0]  # a redone close's wording; else the entry's
        lines.append(StatementLine(shown.entry_date, shown.counts_as, net, shown.reason, shown.program_year))
    lines.sort(key=lambda line: line.day)
    return lines
