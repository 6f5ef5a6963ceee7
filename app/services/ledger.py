"""Ledger use cases (SPEC 4): month close, restatement, program years, corrections.

Entries are append-only: every correction is a new entry. A grant's balance is
the sum of the entries drawn on it; renewal discounts are entries too (kind
`discount`) but are not credit and never count in a balance.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import Connection, func, insert, select, update

from app import schema
from app.bulk import bulk_insert
from app.database import Database, UnitOfWork, utcnow
from app.errors import AppError
from models.dates import add_years, day_before, month_end, parse_month
from models.errors import DomainError
from models.ledger import (
    CREDIT_KINDS,
    EntryKind,
    GrantBalance,
    expiring,
    lowest_balance_from,
    program_year,
    settle_bill,
)
from models.money import display

e, py, le, b, a = schema.enrollments, schema.program_years, schema.ledger_entries, schema.bills, schema.applications


class RuleRefused(DomainError):
    pass


@dataclass
class CloseSummary:
    month: str
    bills: int = 0
    billed: int = 0
    credit_applied: int = 0
    discounts: int = 0
    expired: int = 0
    already_closed: bool = False
    restated: list[dict] = field(default_factory=list)

    @property
    def due(self) -> int:
        return self.billed - self.credit_applied - self.discounts

    def as_json(self) -> dict:
        from models.money import plain

        document = {
            "month": self.month,
            "bills": self.bills,
            "billed": plain(self.billed),
            "credit_applied": plain(self.credit_applied),
            "discounts": plain(self.discounts),
            "expired": plain(self.expired),
            "due": plain(self.due),
            "already_closed": self.already_closed,
        }
        if self.restated:
            document["restated"] = self.restated
        return document


# ---- reading ------------------------------------------------------------------------


def enrollment_row(conn: Connection, workspace: str):
    row = conn.execute(select(e).where(e.c.workspace == workspace)).first()
    if row is None:
        raise AppError(f"no member workspace {workspace!r}")
    return row


def grant_balances(
    conn: Connection, enrollments: list[int] | None = None, on_or_after: date | None = None
) -> dict[int, list[GrantBalance]]:
    """Each enrollment's credit grants (not renewal years) with what is left of them.

    `on_or_after` keeps only grants still valid the day before it; each grant's
    entries are then summed through the (enrollment, program_year) index instead
    of grouping the whole ledger.
    """
    left = (
        select(func.coalesce(func.sum(le.c.amount_cents), 0))
        .where(le.c.enrollment == py.c.enrollment, le.c.program_year == py.c.number, le.c.kind.in_(CREDIT_KINDS))
        .scalar_subquery()
    )
    query = select(py.c.enrollment, py.c.number, py.c.valid_from, py.c.valid_until, left).where(py.c.renewal.is_(False))
    if enrollments is not None:
        query = query.where(py.c.enrollment.in_(enrollments))
    if on_or_after is not None:
        query = query.where(py.c.valid_until >= on_or_after - timedelta(days=1))
    balances: dict[int, list[GrantBalance]] = defaultdict(list)
    for enrollment, number, valid_from, valid_until, remaining in conn.execute(query):
        balances[enrollment].append(GrantBalance(number, valid_from, valid_until, int(remaining)))
    return balances


def balance(conn: Connection, enrollment: int) -> int:
    return int(
        conn.execute(
            select(func.coalesce(func.sum(le.c.amount_cents), 0)).where(
                le.c.enrollment == enrollment, le.c.kind.in_(CREDIT_KINDS)
            )
        ).scalar()
    )


def _renewal_years(conn: Connection, enrollments: list[int], on: date) -> dict[int, int]:
    rows = conn.execute(
        select(py.c.enrollment, py.c.number).where(
            py.c.renewal.is_(True), py.c.valid_from <= on, py.c.valid_until >= on
        )
    )
    wanted = set(enrollments)
    return {enrollment: number for enrollment, number in rows if enrollment in wanted}


def _closed(conn: Connection, month: str) -> bool:
    return (
        conn.execute(select(schema.month_closes.c.month).where(schema.month_closes.c.month == month)).first()
        is not None
    )


def _month_bounds(month: str) -> tuple[date, date]:
    year, number = parse_month(month)
    return date(year, number, 1), month_end(year, number)


# ---- month close ------------------------------------------------------------------------


def close_month(database: Database, month: str, restate: bool = False, preview: bool = False) -> CloseSummary:
    """Apply credit to a month's bills and expire what ended; idempotent; one transaction.

    With `preview`, compute what would happen and write nothing.
    """
    with database.unit_of_work() as uow:
        summary = close_month_in(uow, month, restate)
        if not preview:
            uow.commit()
    return summary


def close_month_in(uow: UnitOfWork, month: str, restate: bool = False) -> CloseSummary:
    conn = uow.conn
    first, last = _month_bounds(month)
    summary = CloseSummary(month)
    if _closed(conn, month):
        changed = conn.execute(
            select(b.c.workspace, b.c.settled_cents, b.c.amount_cents).where(
                b.c.month == month, (b.c.settled_cents.is_(None)) | (b.c.settled_cents != b.c.amount_cents)
            )
        ).all()
        if not changed:
            summary.already_closed = True
            return _summarise_closed(conn, month, summary)
        if not restate:
            listed = ", ".join(f"{w} ({display(old or 0)} → {display(new)})" for w, old, new in changed[:10])
            raise RuleRefused(
                f"{month} is closed and {len(changed)} bills changed since ({listed}); "
                "closing it again needs an explicit restatement (--restate)"
            )
        return _restate(uow, month, [w for w, _, _ in changed])
    earlier = conn.execute(
        select(b.c.month)
        .where(b.c.month < month, b.c.month.not_in(select(schema.month_closes.c.month)))
        .order_by(b.c.month)
        .limit(1)
    ).scalar()
    if earlier:
        raise RuleRefused(f"{earlier} has bills and is not closed yet: months close in order")
    previous = conn.execute(
        select(func.max(schema.month_closes.c.month)).where(schema.month_closes.c.month < month)
    ).scalar()
    expected = (first - timedelta(days=1)).strftime("%Y-%m")
    if previous is not None and previous != expected:
        raise RuleRefused(f"close {expected} first: months close in order, so that every expiry is on time")
    entries = _settle_month(uow, month, first, last, None, summary, catch_up=previous is None)
    bulk_insert(conn, le, entries)
    conn.execute(update(b).where(b.c.month == month).values(settled_cents=b.c.amount_cents))
    conn.execute(insert(schema.month_closes).values(month=month, closed_at=utcnow(), actor=uow.actor))
    return summary


def undo_bills(database: Database, added: list, changed: list) -> None:
    """Take back a usage import while its months are open: its new bills go, changed ones get
    their amounts back. Refused, changing nothing, once a month was closed or a bill changed since."""
    with database.unit_of_work() as uow:
        conn = uow.conn
        months = {month for _, month, *_ in [*added, *changed]}
        closed = sorted(months & set(conn.execute(select(schema.month_closes.c.month)).scalars()))
        if closed:
            raise RuleRefused(f"{', '.join(closed)} was closed since: reopen it first, or import corrected bills")
        for workspace, month, amount in added:
            conn.execute(b.delete().where(b.c.workspace == workspace, b.c.month == month, b.c.amount_cents == amount))
        for workspace, month, before, after in changed:
            done = conn.execute(
                update(b)
                .where(b.c.workspace == workspace, b.c.month == month, b.c.amount_cents == after)
                .values(amount_cents=before)
            ).rowcount
            if done != 1:
                raise RuleRefused(f"the {month} bill of {workspace} changed since the import")
        uow.commit()


def redo_bills(database: Database, added: list, changed: list) -> None:
    """Apply a usage import's recorded changes again (after undo_bills)."""
    with database.unit_of_work() as uow:
        conn, now = uow.conn, utcnow()
        bulk_insert(
            conn,
            b,
            [
                {
                    "workspace": w,
                    "month": m,
                    "amount_cents": amount,
                    "settled_cents": None,
                    "import_batch": None,
                    "imported_at": now,
                }
                for w, m, amount in added
            ],
        )
        for workspace, month, _before, after in changed:
            conn.execute(update(b).where(b.c.workspace == workspace, b.c.month == month).values(amount_cents=after))
        uow.commit()


CLOSE_KINDS = ("apply", "expire", "discount")  # the entries a month close makes


def _reversed_ids():
    return select(le.c.reverses).where(le.c.reverses.is_not(None))


def _reverse_all(uow: UnitOfWork, rows, reason: str) -> None:
    """Reverse each of these entries, dated and tagged as the entry it cancels."""
    now = utcnow()
    bulk_insert(
        uow.conn,
        le,
        [
            {
                "enrollment": row.enrollment,
                "kind": EntryKind.REVERSE.value,
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


def reopen_month(database: Database, month: str, reason: str) -> int:
    """Undo the latest month close: every entry it made (not yet reversed) is reversed, and the
    month is open again for corrected bills. Returns how many entries were reversed."""
    if not reason.strip():
        raise RuleRefused("reopening a month needs a reason")
    with database.unit_of_work() as uow:
        conn = uow.conn
        latest = conn.execute(select(func.max(schema.month_closes.c.month))).scalar()
        if latest != month:
            raise RuleRefused(
                f"only the latest closed month can be reopened ({latest or 'none is closed'}), not {month}"
            )
        made = conn.execute(
            select(le).where(le.c.month == month, le.c.kind.in_(CLOSE_KINDS), le.c.id.not_in(_reversed_ids()))
        ).all()
        _reverse_all(uow, made, f"{month} reopened: {reason.strip()}")
        conn.execute(update(b).where(b.c.month == month).values(settled_cents=None))
        conn.execute(schema.month_closes.delete().where(schema.month_closes.c.month == month))
        uow.commit()
    return len(made)


def _settle_month(
    uow: UnitOfWork,
    month: str,
    first: date,
    last: date,
    only: list[int] | None,
    summary: CloseSummary,
    catch_up: bool = False,
) -> list[dict]:
    """The entries that close `month` (for all members, or `only` these enrollments).

    The month before was closed (or, with `catch_up`, this is the first close), so
    only grants still valid at the month's start can have anything to expire.
    """
    conn = uow.conn
    now = utcnow()
    query = (
        select(b.c.workspace, b.c.amount_cents, e.c.id)
        .join(e, e.c.workspace == b.c.workspace)
        .where(b.c.month == month)
    )
    if only is not None:
        query = query.where(e.c.id.in_(only))
    bills = conn.execute(query).all()
    balances = grant_balances(conn, only, None if catch_up else first)
    renewals = _renewal_years(conn, [enrollment for _, _, enrollment in bills], last)
    policies = uow.policies
    entries: list[dict] = []

    def entry(enrollment: int, kind: EntryKind, on: date, amount: int, year: int | None, reason: str) -> dict:
        return {
            "enrollment": enrollment,
            "kind": kind.value,
            "entry_date": on,
            "amount_cents": amount,
            "program_year": year,
            "month": month,
            "reason": reason,
            "actor": uow.actor,
            "reverses": None,
            "policy_version": None,
            "created_at": now,
        }

    # expiry first: a grant that ends within the month is not valid on the bill's date anyway
    for enrollment, grants in balances.items():
        for grant in expiring(grants, last):
            entries.append(
                entry(
                    enrollment,
                    EntryKind.EXPIRE,
                    grant.expires_on,
                    -grant.remaining,
                    grant.program_year,
                    "unused credit expired",
                )
            )
            summary.expired += grant.remaining
        balances[enrollment] = [g for g in grants if g.expires_on > last]
    for _workspace, amount, enrollment in bills:
        rate = policies.in_force(last).renewal_discount if enrollment in renewals else None
        outcome = settle_bill(balances.get(enrollment, []), amount, last, rate)
        for year, drawn in outcome.draws:
            entries.append(
                entry(
                    enrollment,
                    EntryKind.APPLY,
                    last,
                    -drawn,
                    year,
                    f"credit applied to the {month} bill of {display(amount)}",
                )
            )
            balances[enrollment] = [
                GrantBalance(g.program_year, g.valid_from, g.valid_until, g.remaining - drawn)
                if g.program_year == year
                else g
                for g in balances[enrollment]
            ]
        if outcome.discount:
            entries.append(
                entry(
                    enrollment,
                    EntryKind.DISCOUNT,
                    last,
                    -outcome.discount,
                    renewals[enrollment],
                    f"renewal discount on the {month} bill",
                )
            )
        summary.bills += 1
        summary.billed += amount
        summary.credit_applied += outcome.applied
        summary.discounts += outcome.discount
    return entries


def _summarise_closed(conn: Connection, month: str, summary: CloseSummary) -> CloseSummary:
    summary.bills, billed = conn.execute(
        select(func.count(), func.coalesce(func.sum(b.c.amount_cents), 0)).where(b.c.month == month)
    ).one()
    sums = dict(
        conn.execute(
            select(le.c.kind, func.sum(le.c.amount_cents)).where(le.c.month == month).group_by(le.c.kind)
        ).all()
    )
    summary.credit_applied = -int(sums.get("apply", 0) or 0) - _reversed(conn, month, "apply")
    summary.discounts = -int(sums.get("discount", 0) or 0) - _reversed(conn, month, "discount")
    summary.expired = -int(sums.get("expire", 0) or 0) - _reversed(conn, month, "expire")
    summary.billed = int(billed)
    return summary


def _reversed(conn: Connection, month: str, kind: str) -> int:
    original = le.alias("original")
    total = conn.execute(
        select(func.coalesce(func.sum(le.c.amount_cents), 0))
        .join(original, original.c.id == le.c.reverses)
        .where(original.c.month == month, original.c.kind == kind, le.c.kind == EntryKind.REVERSE.value)
    ).scalar()
    return int(total)


def _restate(uow: UnitOfWork, month: str, workspaces: list[str]) -> CloseSummary:
    """Reverse what the changed members' closes did from `month` on, and close those months again for them."""
    conn = uow.conn
    enrollments = dict(conn.execute(select(e.c.workspace, e.c.id).where(e.c.workspace.in_(workspaces))).all())
    ids = list(enrollments.values())
    before = _applied_by_workspace(conn, ids, month)
    undo = conn.execute(
        select(le).where(
            le.c.enrollment.in_(ids),
            le.c.month >= month,
            le.c.kind.in_(CLOSE_KINDS),
            le.c.id.not_in(_reversed_ids()),
        )
    ).all()
    _reverse_all(uow, undo, f"restatement of {month}: billing changed")
    closed = [
        m
        for (m,) in conn.execute(
            select(schema.month_closes.c.month)
            .where(schema.month_closes.c.month >= month)
            .order_by(schema.month_closes.c.month)
        )
    ]
    summary = CloseSummary(month)
    for each in closed:
        first, last = _month_bounds(each)
        part = CloseSummary(each)
        bulk_insert(conn, le, _settle_month(uow, each, first, last, ids, part, catch_up=True))
        if each == month:
            summary = part
    conn.execute(
        update(b).where(b.c.workspace.in_(workspaces), b.c.month >= month).values(settled_cents=b.c.amount_cents)
    )
    after = _applied_by_workspace(conn, ids, month)
    from models.money import plain

    summary.restated = [
        {
            "workspace": w,
            "credit_applied_before": plain(before.get(i, 0)),
            "credit_applied_after": plain(after.get(i, 0)),
        }
        for w, i in sorted(enrollments.items())
    ]
    return summary


def _applied_by_workspace(conn: Connection, ids: list[int], month: str) -> dict[int, int]:
    """Credit applied from `month` on, net of reversals, per enrollment."""
    original = le.alias("original")
    applied = dict(
        conn.execute(
            select(le.c.enrollment, -func.sum(le.c.amount_cents))
            .where(le.c.enrollment.in_(ids), le.c.kind == "apply", le.c.month >= month)
            .group_by(le.c.enrollment)
        ).all()
    )
    for enrollment, amount in conn.execute(
        select(le.c.enrollment, func.sum(le.c.amount_cents))
        .join(original, original.c.id == le.c.reverses)
        .where(le.c.enrollment.in_(ids), original.c.kind == "apply", original.c.month >= month)
        .group_by(le.c.enrollment)
    ):
        applied[enrollment] = applied.get(enrollment, 0) - amount
    return {k: int(v) for k, v in applied.items()}


# ---- program years ------------------------------------------------------------------


def _years(conn: Connection, enrollment: int):
    return conn.execute(select(py).where(py.c.enrollment == enrollment).order_by(py.c.number)).all()


def grant_year_two(database: Database, workspace: str, on: date | None = None) -> dict:
    """Year 2, on a program manager's confirmation that the member still qualifies (SPEC 4)."""
    with database.unit_of_work() as uow:
        conn = uow.conn
        enrollment = enrollment_row(conn, workspace)
        if enrollment.status != "active":
            raise RuleRefused(f"{workspace} is {enrollment.status}: no further program year")
        years = [y for y in _years(conn, enrollment.id) if not y.renewal]
        policy = uow.policies.in_force(on or date.today())
        if len(years) >= policy.program_years:
            raise RuleRefused(f"{workspace} already had {len(years)} program years, the most the program gives")
        last = years[-1]
        start = last.valid_until + timedelta(days=1)
        credit = _member_credit(conn, enrollment, policy.annual_credit)
        grant = _add_year(uow, enrollment.id, last.number + 1, start, credit, False, policy.version, on or date.today())
        uow.commit()
    return {
        "workspace": workspace,
        "grant_entry": grant,
        "program_year": last.number + 1,
        "valid_from": start,
        "valid_until": day_before(add_years(start, 1)),
    }


def graduate(database: Database, workspace: str) -> dict:
    """The member no longer qualifies: no further grant; what is left expires as usual."""
    return _change_status(
        database, workspace, "active", "graduated", "graduated: the member no longer qualifies; no further grant"
    )


def _change_status(database: Database, workspace: str, before: str, after: str, note: str) -> dict:
    """A member's status from `before` to `after`, noted in its application's history."""
    with database.unit_of_work() as uow:
        enrollment = enrollment_row(uow.conn, workspace)
        if enrollment.status != before:
            raise RuleRefused(f"{workspace} is {enrollment.status}, not {before}")
        uow.conn.execute(update(e).where(e.c.id == enrollment.id).values(status=after))
        _note(uow, enrollment, note)
        uow.commit()
    return {"workspace": workspace, "status": after}


def renew(database: Database, workspace: str, on: date | None = None) -> dict:
    """A renewal year at the renewal discount, once the program years' credit is used or expired."""
    on = on or date.today()
    with database.unit_of_work() as uow:
        conn = uow.conn
        enrollment = enrollment_row(conn, workspace)
        years = _years(conn, enrollment.id)
        last = years[-1]
        left = sum(
            g.remaining for g in grant_balances(conn, [enrollment.id]).get(enrollment.id, []) if g.valid_until >= on
        )
        if on <= last.valid_until and left > 0:
            raise RuleRefused(
                f"{workspace} still has {display(left)} of credit until {last.valid_until}: renewal comes after"
            )
        start = max(on, last.valid_until + timedelta(days=1))
        policy = uow.policies.in_force(start)
        _add_year(uow, enrollment.id, last.number + 1, start, 0, True, policy.version, on)
        conn.execute(update(e).where(e.c.id == enrollment.id).values(status="renewal"))
        _note(uow, enrollment, f"renewal year from {start} at the renewal discount ({policy.renewal_discount})")
        uow.commit()
    return {
        "workspace": workspace,
        "program_year": last.number + 1,
        "renewal": True,
        "valid_from": start,
        "discount": str(policy.renewal_discount),
    }


def _member_credit(conn: Connection, enrollment, default: int) -> int:
    if enrollment.partner is None:
        return default
    partner = conn.execute(select(schema.partners).where(schema.partners.c.id == enrollment.partner)).first()
    if partner is not None and partner.status == "active" and partner.annual_credit_cents is not None:
        return partner.annual_credit_cents
    return default


def _add_year(
    uow: UnitOfWork,
    enrollment: int,
    number: int,
    start: date,
    credit: int,
    renewal: bool,
    policy_version: int,
    decided_on: date,
) -> int | None:
    """The program year and its grant entry; returns the entry's id (None for a renewal year)."""
    conn = uow.conn
    year = program_year("", number, start, credit, renewal)
    now = utcnow()
    conn.execute(
        insert(py).values(
            enrollment=enrollment,
            number=number,
            valid_from=year.valid_from,
            valid_until=year.valid_until,
            credit_cents=credit,
            renewal=renewal,
            policy_version=policy_version,
            decided_by=uow.actor,
            decided_at=now,
        )
    )
    if not credit:
        return None
    return conn.execute(
        insert(le).values(
            enrollment=enrollment,
            kind=EntryKind.GRANT.value,
            entry_date=year.valid_from,
            amount_cents=credit,
            program_year=number,
            reason=f"program year {number}, valid {year.valid_from} to {year.valid_until} (confirmed {decided_on})",
            actor=uow.actor,
            policy_version=policy_version,
            created_at=now,
        )
    ).inserted_primary_key[0]


# ---- corrections --------------------------------------------------------------------------


def _refuse_below_zero(conn: Connection, enrollment: int, year: int, on: date, amount: int, what: str) -> None:
    """Refuse an entry of `amount` dated `on` that would put the year's credit below zero on
    that day or any day after (a back-dated correction can, while the final balance holds)."""
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


def _refuse_entry_below_zero(conn: Connection, like, on: date, amount: int, what: str) -> None:
    """The same, for an entry of `amount` that counts against the same program year as `like`
    (a reversal, or a reinstatement); entries that are not credit take nothing from a year."""
    if like.kind in CREDIT_KINDS and like.program_year is not None:
        _refuse_below_zero(conn, like.enrollment, like.program_year, on, amount, what)


def adjust(database: Database, workspace: str, amount: int, reason: str, on: date | None = None) -> int:
    """A manual, signed correction to the credit of the year in force; never below zero."""
    if not reason.strip():
        raise RuleRefused("an adjustment needs a reason")
    if amount == 0:
        raise RuleRefused("an adjustment of zero changes nothing")
    on = on or date.today()
    with database.unit_of_work() as uow:
        conn = uow.conn
        enrollment = enrollment_row(conn, workspace)
        grants = [
            g
            for g in grant_balances(conn, [enrollment.id]).get(enrollment.id, [])
            if g.valid_from <= on <= g.valid_until
        ]
        if not grants:
            raise RuleRefused(f"{workspace} has no credit grant valid on {on} to adjust")
        grant = max(grants, key=lambda g: g.valid_until)
        _refuse_below_zero(
            conn, enrollment.id, grant.program_year, on, amount, f"adjusting {workspace} by {display(amount)}"
        )
        entry = conn.execute(
            insert(le).values(
                enrollment=enrollment.id,
                kind=EntryKind.ADJUST.value,
                entry_date=on,
                amount_cents=amount,
                program_year=grant.program_year,
                reason=reason.strip(),
                actor=uow.actor,
                created_at=utcnow(),
            )
        ).inserted_primary_key[0]
        uow.commit()
    return entry


def reverse(database: Database, entry_id: int, reason: str) -> int:
    """Cancel one entry by a new one pointing at it; a grant's balance never goes below zero."""
    if not reason.strip():
        raise RuleRefused("a reversal needs a reason")
    with database.unit_of_work() as uow:
        conn = uow.conn
        original = conn.execute(select(le).where(le.c.id == entry_id)).first()
        if original is None:
            raise AppError(f"no ledger entry {entry_id}")
        if original.kind == EntryKind.REVERSE.value:
            raise RuleRefused(f"entry {entry_id} is itself a reversal; record a new adjustment instead")
        if conn.execute(select(le.c.id).where(le.c.reverses == entry_id)).first():
            raise RuleRefused(f"entry {entry_id} was already reversed")
        # never before what it cancels: a year granted ahead of its start is reversed on that day
        on = max(date.today(), original.entry_date)
        _refuse_entry_below_zero(conn, original, on, -original.amount_cents, f"reversing entry {entry_id}")
        entry = conn.execute(
            insert(le).values(
                enrollment=original.enrollment,
                kind=EntryKind.REVERSE.value,
                entry_date=on,
                amount_cents=-original.amount_cents,
                program_year=original.program_year,
                month=original.month,
                reason=reason.strip(),
                actor=uow.actor,
                reverses=entry_id,
                created_at=utcnow(),
            )
        ).inserted_primary_key[0]
        if original.kind == EntryKind.GRANT.value and (original.program_year or 0) >= 2:
            # a later year granted by mistake goes with its grant (nothing was drawn from it, see
            # above), so it can be granted again; the grant and its reversal keep the trail
            conn.execute(
                py.delete().where(py.c.enrollment == original.enrollment, py.c.number == original.program_year)
            )
        uow.commit()
    return entry


def _note(uow: UnitOfWork, enrollment, text: str) -> None:
    """A membership decision in the application's history: who, when and what (the status stays)."""
    conn = uow.conn
    status = conn.execute(select(a.c.status).where(a.c.id == enrollment.application)).scalar()
    conn.execute(
        insert(schema.transitions).values(
            application=enrollment.application,
            at=utcnow(),
            actor=uow.actor,
            from_status=status,
            to_status=status,
            reason=text,
            override=False,
        )
    )


def reinstate_entry(database: Database, reversal_id: int, reason: str) -> int:
    """Undo a reversal made by mistake: a new entry like the one it cancelled (same kind, amount,
    program year and month, dated today), so that nothing points at a reversal. Returns its id.

    A later year's grant is not reinstated this way: its reversal took the year back; grant
    the year again instead."""
    if not reason.strip():
        raise RuleRefused("reinstating an entry needs a reason")
    with database.unit_of_work() as uow:
        conn = uow.conn
        reversal = conn.execute(select(le).where(le.c.id == reversal_id)).first()
        if reversal is None or reversal.kind != EntryKind.REVERSE.value:
            raise RuleRefused(f"entry {reversal_id} is not a reversal")
        original = conn.execute(select(le).where(le.c.id == reversal.reverses)).one()
        if original.kind == EntryKind.GRANT.value and (original.program_year or 0) >= 2:
            raise RuleRefused(f"year {original.program_year} was taken back with its grant: grant it again instead")
        on = max(date.today(), reversal.entry_date)
        _refuse_entry_below_zero(conn, original, on, original.amount_cents, f"reinstating entry {original.id}")
        entry = conn.execute(
            insert(le).values(
                enrollment=original.enrollment,
                kind=original.kind,
                entry_date=on,
                amount_cents=original.amount_cents,
                program_year=original.program_year,
                month=original.month,
                reason=f"reinstated entry {original.id} (reversal {reversal_id} undone): {reason.strip()}",
                actor=uow.actor,
                policy_version=original.policy_version,
                created_at=utcnow(),
            )
        ).inserted_primary_key[0]
        uow.commit()
    return entry


def cancel_renewal(database: Database, workspace: str, status: str = "active") -> dict:
    """Undo a renewal made by mistake, before any renewal discount was given: the renewal year
    goes and the member's status is `status` again (what it was before the renewal)."""
    if status not in ("active", "graduated"):
        raise RuleRefused(f"a member goes back to active or graduated, not {status}")
    with database.unit_of_work() as uow:
        conn = uow.conn
        enrollment = enrollment_row(conn, workspace)
        years = _years(conn, enrollment.id)
        if enrollment.status != "renewal" or not years or not years[-1].renewal:
            raise RuleRefused(f"{workspace} has no renewal year to cancel")
        year = years[-1].number
        given = conn.execute(
            select(func.count()).where(
                le.c.enrollment == enrollment.id,
                le.c.program_year == year,
                le.c.kind == EntryKind.DISCOUNT.value,
                le.c.id.not_in(_reversed_ids()),
            )
        ).scalar()
        if given:
            raise RuleRefused(f"{workspace} already had {given} bill(s) discounted in its renewal year")
        conn.execute(py.delete().where(py.c.enrollment == enrollment.id, py.c.number == year))
        conn.execute(update(e).where(e.c.id == enrollment.id).values(status=status))
        _note(uow, enrollment, f"renewal cancelled: the member is {status} again")
        uow.commit()
    return {"workspace": workspace, "status": status}


def reinstate(database: Database, workspace: str) -> dict:
    """Undo a graduation made by mistake: the member is active again."""
    return _change_status(database, workspace, "graduated", "active", "graduation undone: the member is active again")


# ---- statements --------------------------------------------------------------------------


def ledger_of(database: Database, workspace: str) -> dict:
    with database.read() as conn:
        enrollment = enrollment_row(conn, workspace)
        rows = conn.execute(select(le).where(le.c.enrollment == enrollment.id).order_by(le.c.entry_date, le.c.id)).all()
    # on a day with both, what expires goes before what is granted: the balance reads as it happened
    rows.sort(key=lambda r: (r.entry_date, r.kind != EntryKind.EXPIRE.value, r.id))
    running = 0
    entries = []
    for row in rows:
        if row.kind in CREDIT_KINDS:
            running += row.amount_cents
        entries.append(
            {
                "id": row.id,
                "date": row.entry_date,
                "kind": row.kind,
                "amount": row.amount_cents,
                "balance": running,
                "program_year": row.program_year,
                "month": row.month,
                "reason": row.reason,
                "actor": row.actor,
                "reverses": row.reverses,
            }
        )
    return {"workspace": workspace, "status": enrollment.status, "balance": running, "entries": entries}
