"""The check of grant numbers and priorities: bonus grants from 1001, program years below, priority 0 to 100."""

from __future__ import annotations

from sqlalchemy import Connection, select

from app.services.verify.common import e, named, py
from models.ledger import BONUS_BASE, HIGHEST_PRIORITY, LOWEST_PRIORITY


def bonus_grants(conn: Connection) -> list[str]:
    """Bonus grants are numbered from 1001 and program years below; a priority is 0 to 100."""
    return named(
        conn,
        select(e.c.workspace, py.c.number, py.c.bonus, py.c.priority)
        .join(e, e.c.id == py.c.enrollment)
        .where(
            (py.c.bonus & (py.c.number <= BONUS_BASE))
            | (~py.c.bonus & (py.c.number > BONUS_BASE))
            | (py.c.priority < HIGHEST_PRIORITY)
            | (py.c.priority > LOWEST_PRIORITY)
        ),
        lambda w, number, bonus, priority: (
            f"{w}: grant {number} ({'bonus' if bonus else 'program year'}, priority {priority}) "
            "is numbered or prioritised outside its range"
        ),
    )
