"""Manual corrections (SPEC 4): adjustments, reversals, and undoing a reversal.

Each one holds the member's row before it reads a balance, so two corrections at
once on PostgreSQL queue like they do on SQLite: no interleaving takes credit
below zero on any day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from app.database import UnitOfWork
from app.errors import AppError
from app.kept_sums import add_entry
from app.services.ledger.common import (
    e,
    enrollment_row,
    grant_balances,
    le,
    py,
    refuse_below_zero,
    refuse_entry_below_zero,
)
from models.errors import RuleRefused
from models.ledger import EntryKind, is_bonus
from models.money import display


@dataclass(frozen=True)
class Adjust:
    """A manual, signed correction to the credit of the year in force on `on`; never below zero."""

    workspace: str
    amount: int  # cents, signed
    reason: str
    on: date | None = None  # default today


@dataclass(frozen=True)
class Reverse:
    """Cancel one entry by a new one pointing at it."""

    entry_id: int
    reason: str


@dataclass(frozen=True)
class ReinstateEntry:
    """Undo a reversal made by mistake: a new entry like the one it cancelled."""

    reversal_id: int
    reason: str


def adjust(command: Adjust, uow: UnitOfWork) -> int:
    workspace, amount, reason = command.workspace, command.amount, command.reason.strip()
    if not reason:
        raise RuleRefused("an adjustment needs a reason")
    if amount == 0:
        raise RuleRefused("an adjustment of zero changes nothing")
    on = command.on or uow.today
    conn = uow.conn
    enrollment = enrollment_row(conn, workspace, lock=True)
    grants = [
        g for g in grant_balances(conn, [enrollment.id]).get(enrollment.id, []) if g.valid_from <= on <= g.valid_until
    ]
    if not grants:
        raise RuleRefused(f"{workspace} has no credit grant valid on {on} to adjust")
    # the program year in force (a bonus grant only when no program year is valid that day)
    grant = max(grants, key=lambda g: (not is_bonus(g.program_year), g.valid_until))
    refuse_below_zero(
        conn, enrollment.id, grant.program_year, on, amount, f"adjusting {workspace} by {display(amount)}"
    )
    return add_entry(
        conn,
        enrollment=enrollment.id,
        kind=EntryKind.ADJUST.value,
        counts_as=EntryKind.ADJUST.value,
        entry_date=on,
        amount_cents=amount,
        program_year=grant.program_year,
        reason=reason,
        actor=uow.actor,
        created_at=uow.now(),
    )


def _entry(uow: UnitOfWork, entry_id: int):
    """An entry, with its member's row held (its balance is about to be checked)."""
    original = uow.conn.execute(select(le).where(le.c.id == entry_id)).first()
    if original is None:
        raise AppError(f"no ledger entry {entry_id}")
    uow.hold(e, [original.enrollment])
    return original


def reverse(command: Reverse, uow: UnitOfWork) -> int:
    entry_id, reason = command.entry_id, command.reason.strip()
    if not reason:
        raise RuleRefused("a reversal needs a reason")
    conn = uow.conn
    original = _entry(uow, entry_id)
    if original.kind == EntryKind.REVERSE.value:
        raise RuleRefused(f"entry {entry_id} is itself a reversal; record a new adjustment instead")
    if conn.execute(select(le.c.id).where(le.c.reverses == entry_id)).first():
        raise RuleRefused(f"entry {entry_id} was already reversed")
    if original.kind in (EntryKind.EXTEND.value, EntryKind.GRANT.value):
        from app.services.ledger.lifecycle import refuse_extension_reversal

        refuse_extension_reversal(conn, original, uow.today)
    # never before what it cancels: a year granted ahead of its start is reversed on that day
    on = max(uow.today, original.entry_date)
    refuse_entry_below_zero(conn, original, on, -original.amount_cents, f"reversing entry {entry_id}")
    entry = add_entry(
        conn,
        enrollment=original.enrollment,
        kind=EntryKind.REVERSE.value,
        counts_as=original.kind,
        entry_date=on,
        amount_cents=-original.amount_cents,
        program_year=original.program_year,
        month=original.month,
        reason=reason,
        actor=uow.actor,
        reverses=entry_id,
        created_at=uow.now(),
    )
    if original.kind == EntryKind.GRANT.value and (original.program_year or 0) >= 2:
        # a later year granted by mistake goes with its grant (nothing was drawn from it, see
        # above), so it can be granted again; the grant and its reversal keep the trail
        conn.execute(py.delete().where(py.c.enrollment == original.enrollment, py.c.number == original.program_year))
        if original.program_year == 2:  # its unsent "year 2 granted" message goes too
            from app.services.member_messages import discard_unsent
            from models.messages import Kind

            discard_unsent(uow, original.enrollment, Kind.YEAR2_GRANTED)
    return entry


def reinstate_entry(command: ReinstateEntry, uow: UnitOfWork) -> int:
    """A new entry like the one the reversal cancelled (same kind, amount, program year and month,
    dated today), so that nothing points at a reversal. Returns its id.

    A later year's grant is not reinstated this way: its reversal took the year back; grant
    the year again instead."""
    reversal_id, reason = command.reversal_id, command.reason.strip()
    if not reason:
        raise RuleRefused("reinstating an entry needs a reason")
    conn = uow.conn
    reversal = conn.execute(select(le).where(le.c.id == reversal_id)).first()
    if reversal is None or reversal.kind != EntryKind.REVERSE.value:
        raise RuleRefused(f"entry {reversal_id} is not a reversal")
    original = _entry(uow, reversal.reverses)
    if conn.execute(select(le.c.id).where(le.c.reinstates == reversal_id)).first():
        raise RuleRefused(f"reversal {reversal_id} was already undone")
    if original.kind == EntryKind.GRANT.value and (original.program_year or 0) >= 2:
        raise RuleRefused(f"year {original.program_year} was taken back with its grant: grant it again instead")
    if original.kind == EntryKind.EXTEND.value:
        raise RuleRefused(f"extension {original.id} was taken back: extend the grant again instead")
    on = max(uow.today, reversal.entry_date)
    refuse_entry_below_zero(conn, original, on, original.amount_cents, f"reinstating entry {original.id}")
    return add_entry(
        conn,
        enrollment=original.enrollment,
        kind=original.kind,
        counts_as=original.kind,
        entry_date=on,
        amount_cents=original.amount_cents,
        program_year=original.program_year,
        month=original.month,
        reason=f"reinstated entry {original.id} (reversal {reversal_id} undone): {reason}",
        actor=uow.actor,
        policy_version=original.policy_version,
        reinstates=reversal_id,
        created_at=uow.now(),
    )
