"""The credit lifecycle past the program years (SPEC 4): extensions and bonus grants.

- an *extension* moves a grant's last valid day later: an entry of kind `extend` that
  points at the grant entry and carries the new last day (amount 0); reversing it with
  `reverse` takes it back, unless credit was drawn after the day it would end again;
- a *bonus grant* is a grant outside the program years (goodwill, a partner top-up, a
  bridge after the program), with its own amount, validity, reason and priority. It is a
  `program_years` row marked `bonus`, numbered from 1001 (models.ledger.BONUS_BASE), so
  year 2 and renewal, which count program years, never see it.

Both hold the member's row until they commit, like every correction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Connection, func, insert, select

from app.database import UnitOfWork
from app.errors import AppError
from app.grant_validity import last_valid_day, standing_extensions
from app.kept_sums import add_entry
from app.ledger_queries import last_closed_month
from app.services.ledger.common import e, enrollment_row, le, py, reversed_ids
from models.dates import month_end, parse_month
from models.errors import RuleRefused
from models.ledger import BONUS_BASE, CREDIT_KINDS, PROGRAM_YEAR_PRIORITY, EntryKind, check_priority, is_bonus
from models.membership import MemberStatus
from models.money import display


@dataclass(frozen=True)
class Extend:
    """Extend what is left of a grant to a later last valid day."""

    grant_entry_id: int
    until: date  # the new last valid day
    reason: str


@dataclass(frozen=True)
class Bonus:
    """A bonus grant outside the program years."""

    workspace: str
    amount: int  # cents
    valid_from: date
    valid_until: date  # the last valid day
    reason: str
    priority: int = PROGRAM_YEAR_PRIORITY


def grant_name(number: int) -> str:
    return f"bonus grant {number - BONUS_BASE}" if is_bonus(number) else f"program year {number}"


def _grant_year(conn: Connection, enrollment: int, number: int):
    """The grant's row with its effective last day and what is left of it."""
    left = (
        select(func.coalesce(func.sum(le.c.amount_cents), 0))
        .where(le.c.enrollment == py.c.enrollment, le.c.program_year == py.c.number, le.c.kind.in_(CREDIT_KINDS))
        .scalar_subquery()
    )
    return conn.execute(
        select(py, last_valid_day().label("until"), left.label("left")).where(
            py.c.enrollment == enrollment, py.c.number == number
        )
    ).first()


def extend(command: Extend, uow: UnitOfWork) -> dict:
    reason = command.reason.strip()
    if not reason:
        raise RuleRefused("an extension needs a reason")
    conn = uow.conn
    grant = conn.execute(select(le).where(le.c.id == command.grant_entry_id)).first()
    if grant is None:
        raise AppError(f"no ledger entry {command.grant_entry_id}")
    if grant.kind != EntryKind.GRANT.value:
        raise RuleRefused(f"entry {grant.id} is a {grant.kind}, not a grant: only a grant can be extended")
    workspace = conn.execute(select(e.c.workspace).where(e.c.id == grant.enrollment)).scalar()
    enrollment = enrollment_row(conn, workspace, lock=True)
    if conn.execute(select(le.c.id).where(le.c.reverses == grant.id)).first():
        raise RuleRefused(f"grant entry {grant.id} was reversed: there is nothing to extend")
    year = _grant_year(conn, enrollment.id, grant.program_year)
    if year is None or year.renewal:
        raise RuleRefused(f"entry {grant.id} is not the grant of a program year or bonus grant")
    name = f"{grant_name(year.number)} of {workspace}"
    today = uow.today
    if year.until < today:
        raise RuleRefused(f"{name} ended on {year.until}: expired credit cannot be extended")
    if int(year.left) <= 0:
        raise RuleRefused(f"{name} holds no credit: there is nothing to extend")
    if command.until <= year.until:
        raise RuleRefused(
            f"{name} is valid until {year.until}; an extension must end later than that, not on {command.until}"
        )
    entry = add_entry(
        conn,
        enrollment=enrollment.id,
        kind=EntryKind.EXTEND.value,
        counts_as=EntryKind.EXTEND.value,
        entry_date=today,
        amount_cents=0,
        program_year=year.number,
        reason=reason,
        actor=uow.actor,
        extends_entry=grant.id,
        extended_until=command.until,
        created_at=uow.now(),
    )
    return {
        "entry": entry,
        "workspace": workspace,
        "program_year": year.number,
        "grant_entry": grant.id,
        "was_valid_until": year.until,
        "valid_until": command.until,
        "credit": int(year.left),
    }


def refuse_extension_reversal(conn: Connection, extension, today: date) -> None:
    """Reversing an extension ends the grant where it ended without it: refused once credit was drawn
    (or expired) after that day, or when that day is already behind a closed month's end.

    A grant with an extension standing is not reversed either: the extension goes first."""
    ext, standing = standing_extensions()
    if extension.kind == EntryKind.GRANT.value:
        held = conn.execute(
            select(ext.c.id).where(
                ext.c.enrollment == extension.enrollment, ext.c.program_year == extension.program_year, standing
            )
        ).first()
        if held is not None:
            raise RuleRefused(
                f"grant entry {extension.id} was extended by entry {held.id}: reverse the extension first"
            )
        return
    others = conn.execute(
        select(func.max(ext.c.extended_until)).where(
            ext.c.enrollment == extension.enrollment,
            ext.c.program_year == extension.program_year,
            ext.c.id != extension.id,
            standing,
        )
    ).scalar()
    original = conn.execute(
        select(py.c.valid_until).where(py.c.enrollment == extension.enrollment, py.c.number == extension.program_year)
    ).scalar()
    if original is None:
        return
    back_to = max(d for d in (original, others) if d is not None)
    if back_to >= extension.extended_until:
        return  # a later extension stands: nothing ends earlier
    drawn = conn.execute(
        select(le.c.id, le.c.kind, le.c.entry_date)
        .where(
            le.c.enrollment == extension.enrollment,
            le.c.program_year == extension.program_year,
            le.c.kind.in_((EntryKind.APPLY.value, EntryKind.EXPIRE.value)),
            le.c.entry_date > back_to,
            le.c.id.not_in(reversed_ids()),
        )
        .order_by(le.c.entry_date)
    ).first()
    if drawn is not None:
        what = "credit was drawn" if drawn.kind == EntryKind.APPLY.value else "the extended credit expired"
        raise RuleRefused(
            f"entry {extension.id} extended {grant_name(extension.program_year)} past {back_to}, and {what} "
            f"on {drawn.entry_date} (entry {drawn.id}): reopen that month first"
        )
    last = last_closed_month(conn)
    if last is not None and back_to + timedelta(days=1) <= month_end(*parse_month(last)):
        raise RuleRefused(
            f"without entry {extension.id}, {grant_name(extension.program_year)} would have expired on "
            f"{back_to + timedelta(days=1)}, in {last} or before, which is closed: reopen it first"
        )


def bonus(command: Bonus, uow: UnitOfWork) -> dict:
    reason = command.reason.strip()
    if not reason:
        raise RuleRefused("a bonus grant needs a reason")
    if command.amount <= 0:
        raise RuleRefused(f"a bonus grant is a positive amount, not {display(command.amount)}")
    try:
        priority = check_priority(command.priority)
    except ValueError as exc:
        raise RuleRefused(str(exc)) from exc
    if command.valid_until < command.valid_from:
        raise RuleRefused(f"a bonus grant valid from {command.valid_from} cannot end before, on {command.valid_until}")
    today = uow.today
    if command.valid_until < today:
        raise RuleRefused(
            f"a bonus grant valid until {command.valid_until} would already have ended (today is {today})"
        )
    conn = uow.conn
    enrollment = enrollment_row(conn, command.workspace, lock=True)
    if enrollment.status == MemberStatus.CANCELLED.value:
        raise RuleRefused(f"{command.workspace} is cancelled: no bonus grant")
    highest = conn.execute(
        select(func.max(py.c.number)).where(py.c.enrollment == enrollment.id, py.c.bonus.is_(True))
    ).scalar()
    number = max(highest or 0, BONUS_BASE) + 1
    policy = uow.policies.in_force(command.valid_from)
    now = uow.now()
    conn.execute(
        insert(py).values(
            enrollment=enrollment.id,
            number=number,
            valid_from=command.valid_from,
            valid_until=command.valid_until,
            credit_cents=command.amount,
            renewal=False,
            bonus=True,
            priority=priority,
            reason=reason,
            policy_version=policy.version,
            decided_by=uow.actor,
            decided_at=now,
        )
    )
    entry = add_entry(
        conn,
        enrollment=enrollment.id,
        kind=EntryKind.GRANT.value,
        counts_as=EntryKind.GRANT.value,
        entry_date=command.valid_from,
        amount_cents=command.amount,
        program_year=number,
        reason=f"{grant_name(number)}, valid {command.valid_from} to {command.valid_until}, "
        f"priority {priority}: {reason}",
        actor=uow.actor,
        policy_version=policy.version,
        created_at=now,
    )
    return {
        "workspace": command.workspace,
        "grant_entry": entry,
        "program_year": number,
        "amount": command.amount,
        "valid_from": command.valid_from,
        "valid_until": command.valid_until,
        "priority": priority,
    }
