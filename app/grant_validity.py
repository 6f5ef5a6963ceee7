"""A grant's effective last valid day in SQL (SPEC 4): its own, or its latest extension not reversed.

An extension is a ledger entry of kind `extend` on the grant's program year carrying
the new last day; extensions are only ever later than the day they extend, so the
latest one standing is the grant's last day. Every reader of a grant's validity
(balances, the close, verify, the Ledger pane, statements) uses this expression.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, exists, func, select

from app import schema
from models.ledger import EntryKind

le, py = schema.ledger_entries, schema.program_years


def standing_extensions(as_of: date | None = None):
    """The extension entries not reversed (an alias, to correlate with program_years); with
    `as_of`, as they stood at the end of that day: made by then, and not reversed by then."""
    ext, rev = le.alias("ext"), le.alias("ext_rev")
    reversal = exists().where(rev.c.reverses == ext.c.id)
    standing = ext.c.kind == EntryKind.EXTEND.value
    if as_of is not None:
        reversal = exists().where(rev.c.reverses == ext.c.id, rev.c.entry_date <= as_of)
        standing = standing & (ext.c.entry_date <= as_of)
    return ext, standing & ~reversal


def last_valid_day(years=py, as_of: date | None = None):
    """The effective last valid day of each row of `years` (program_years or an alias of it);
    with `as_of`, as it stood at the end of that day (a past month's export shows the expiry
    its members were told then, not an extension granted later)."""
    ext, standing = standing_extensions(as_of)
    latest = (
        select(func.max(ext.c.extended_until))
        .where(ext.c.enrollment == years.c.enrollment, ext.c.program_year == years.c.number, standing)
        .scalar_subquery()
    )
    return func.coalesce(latest, years.c.valid_until)


def extension_ends(as_of: date | None = None, enrollments: list[int] | None = None):
    """(enrollment, program_year, until) of every grant with an extension standing (at the end of
    `as_of`, if given; of these members only, if given): one grouped pass, for reads over the whole
    ledger that would otherwise look up each entry's grant."""
    ext, standing = standing_extensions(as_of)
    query = select(ext.c.enrollment, ext.c.program_year, func.max(ext.c.extended_until).label("until")).where(standing)
    if enrollments is not None:
        query = query.where(ext.c.enrollment.in_(enrollments))
    return query.group_by(ext.c.enrollment, ext.c.program_year).subquery("extension_ends")


#: members per statement when the ends are read for some members only
ENDS_CHUNK = 500


def standing_ends(conn: Connection, enrollments: list[int], whole_past: int) -> dict[tuple[int, int], date]:
    """(enrollment, program year) -> the last day of its latest extension standing, for (at least) these
    members: looked up a chunk of members at a time, or, past `whole_past` members, read in one grouped
    pass over every member (cheaper than that many lookups)."""
    chunks = (
        [None]
        if len(enrollments) > whole_past
        else [enrollments[start : start + ENDS_CHUNK] for start in range(0, len(enrollments), ENDS_CHUNK)]
    )
    found = {}
    for chunk in chunks:
        ends = extension_ends(enrollments=chunk)
        found.update(((n, year), until) for n, year, until in conn.execute(select(ends)) if until is not None)
    return found
