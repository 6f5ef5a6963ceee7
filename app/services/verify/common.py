"""What the checks share: the tables, and naming each offending row a query returns."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Select

from app import schema

le, py, e, b = schema.ledger_entries, schema.program_years, schema.enrollments, schema.bills


def named(conn: Connection, rows: Select, text: Callable[..., str]) -> list[str]:
    """One breach per row of `rows`, worded by `text`."""
    return [text(*row) for row in conn.execute(rows)]
