"""A member's ledger as the `ledger` command shows it: every entry with the running balance."""

from __future__ import annotations

from sqlalchemy import select

from app.database import UnitOfWork
from app.services.ledger.common import enrollment_row, le
from models.ledger import CREDIT_KINDS, EntryKind


def ledger_of(uow: UnitOfWork, workspace: str) -> dict:
    """A read: the full trail, corrections included (what a member sees nets them out).

    The balance is the credit available today; a grant dated later is committed."""
    conn = uow.conn
    enrollment = enrollment_row(conn, workspace)
    rows = conn.execute(select(le).where(le.c.enrollment == enrollment.id).order_by(le.c.entry_date, le.c.id)).all()
    # on a day with both, what expires goes before what is granted: the balance reads as it happened
    rows.sort(key=lambda r: (r.entry_date, r.kind != EntryKind.EXPIRE.value, r.id))
    running = available = 0
    entries = []
    for row in rows:
        if row.kind in CREDIT_KINDS:
            running += row.amount_cents
            if row.entry_date <= uow.today:
                available += row.amount_cents
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
                # an extension: the grant entry it extends and the grant's new last valid day
                "extends": row.extends_entry,
                "valid_until": row.extended_until,
            }
        )
    return {
        "workspace": workspace,
        "status": enrollment.status,
        "balance": available,  # credit available today: what ledger_sums.member_figures counts too
        "committed": running - available,  # granted for later (dated after today)
        "entries": entries,
    }
