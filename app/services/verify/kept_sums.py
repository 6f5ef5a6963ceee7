"""The check of the sums the writers keep per member-year (`app.kept_sums`): each row equals
what the member-year's entries sum to, and no member-year with entries lacks its row (both
from the grant pass, `grants.grant_pass`), and no row is kept for a member-year without entries."""

from __future__ import annotations

from sqlalchemy import Connection, exists, select

from app.kept_sums import NO_YEAR, ys
from app.services.verify.common import e, le
from app.services.verify.grants import Grants


def kept_sums(conn: Connection, grants: Grants) -> list[str]:
    """The member-years whose kept row differs from their entries (the grant pass sums both beside
    each other), then the kept rows of a member-year without entries (by the entries' index)."""
    wrong = grants.kept_differ
    stray = []
    for of_year, rows in (
        (le.c.program_year == ys.c.program_year, ys.c.program_year != NO_YEAR),
        (le.c.program_year.is_(None), ys.c.program_year == NO_YEAR),
    ):  # two statements, each a lookup by the entries' (enrollment, program_year) index
        entries = exists().where(le.c.enrollment == ys.c.enrollment, of_year)
        stray += conn.execute(select(ys.c.enrollment, ys.c.program_year).where(rows, ~entries)).all()
    keys = sorted(set(wrong) | set(stray))
    workspaces = dict(conn.execute(select(e.c.id, e.c.workspace).where(e.c.id.in_({n for n, _ in keys}))).all())
    return [
        f"{workspaces.get(n, f'enrollment {n}')}: the sums kept for "
        f"{'its entries of no year' if year == NO_YEAR else f'program year {year}'} differ from its entries"
        for n, year in keys
    ]
