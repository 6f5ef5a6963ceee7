"""Taking a usage import back while its months are open, and applying it again (undo/redo)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update

from app import schema
from app.bulk import bulk_insert
from app.database import UnitOfWork
from app.services.ledger.common import b
from models.errors import RuleRefused


@dataclass(frozen=True)
class UndoBills:
    """A usage import's new bills go, changed ones get their amounts back.

    `added`: (workspace, month, amount); `changed`: (workspace, month, before, after).
    """

    added: tuple
    changed: tuple


@dataclass(frozen=True)
class RedoBills:
    added: tuple
    changed: tuple


def undo_bills(command: UndoBills, uow: UnitOfWork) -> None:
    """Refused, changing nothing, once a month was closed or a bill changed since."""
    conn = uow.conn
    months = {month for _, month, *_ in [*command.added, *command.changed]}
    closed = sorted(months & set(conn.execute(select(schema.month_closes.c.month)).scalars()))
    if closed:
        raise RuleRefused(f"{', '.join(closed)} was closed since: reopen it first, or import corrected bills")
    for workspace, month, amount in command.added:
        conn.execute(b.delete().where(b.c.workspace == workspace, b.c.month == month, b.c.amount_cents == amount))
    for workspace, month, before, after in command.changed:
        done = conn.execute(
            update(b)
            .where(b.c.workspace == workspace, b.c.month == month, b.c.amount_cents == after)
            .values(amount_cents=before)
        ).rowcount
        if done != 1:
            raise RuleRefused(f"the {month} bill of {workspace} changed since the import")


def redo_bills(command: RedoBills, uow: UnitOfWork) -> None:
    conn, now = uow.conn, uow.now()
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
            for w, m, amount in command.added
        ],
    )
    for workspace, month, _before, after in command.changed:
        conn.execute(update(b).where(b.c.workspace == workspace, b.c.month == month).values(amount_cents=after))
