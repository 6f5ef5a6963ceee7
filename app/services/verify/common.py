"""What the checks share: the tables, and naming each offending row a query returns, over the whole
ledger or over a few members' entries only."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import ColumnElement, Connection, Select

from app import schema

le, py, e, b = schema.ledger_entries, schema.program_years, schema.enrollments, schema.bills

#: members per statement when a check reads a few members' entries (`enrollment IN (...)`)
CHUNK = 500
#: past this many members a check reads the whole ledger once instead of member by member
FEW = 5_000


def named(
    conn: Connection,
    rows: Select,
    text: Callable[..., str],
    among: Sequence[int] | None = None,
    member: ColumnElement | None = None,
) -> list[str]:
    """One breach per row of `rows`, worded by `text`; with `among`, only the rows of those members
    (`member`, the entry's enrollment unless told), read a chunk of members at a time by the index."""
    if among is None or len(among) > FEW:
        return [text(*row) for row in conn.execute(rows)]
    member = le.c.enrollment if member is None else member
    found = []
    for start in range(0, len(among), CHUNK):
        found += [text(*row) for row in conn.execute(rows.where(member.in_(among[start : start + CHUNK])))]
    return found
