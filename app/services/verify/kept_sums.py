"""The check of the sums the writers keep per member-year (`app.kept_sums`): each row equals
what the member-year's entries sum to, and no member-year with entries lacks its row."""

from __future__ import annotations

from sqlalchemy import Connection, and_, exists, or_, select

from app.kept_sums import NO_YEAR, recomputed, ys
from app.services.verify.common import e, le


def kept_sums(conn: Connection) -> list[str]:
    """One grouped pass over the entries beside the kept rows (by their key), then the kept rows
    of a member-year without entries (by the entries' index)."""
    summed = recomputed().subquery("summed")
    latest = (summed.c.latest_credit_on, ys.c.latest_credit_on)
    differs = or_(
        ys.c.enrollment.is_(None),
        *(summed.c[name] != ys.c[name] for name in ("credit_cents", "applied_cents", "extensions")),
        latest[0] != latest[1],
        latest[0].is_(None) != latest[1].is_(None),
    )
    wrong = conn.execute(
        select(summed.c.enrollment, summed.c.program_year)
        .outerjoin(ys, and_(ys.c.enrollment == summed.c.enrollment, ys.c.program_year == summed.c.program_year))
        .where(differs)
    ).all()
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
