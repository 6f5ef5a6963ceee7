"""The checks of single entries against the entry they point at: reversals cancel what they
reverse, each entry counts as the kind it cancels (or is), extensions extend a grant.

Each reads only the entries of the members the grant pass found out of the ordinary
(`Grants.odd`): a reversal, an extension, an entry counted as another kind or one that
reverses another is never ordinary."""

from __future__ import annotations

from sqlalchemy import Connection, and_, func, select

from app.services.verify.common import e, le, named, py
from app.services.verify.grants import Grants
from models.money import display


def reversals(conn: Connection, grants: Grants) -> list[str]:
    original = le.alias("original")
    return named(
        conn,
        select(le.c.id, le.c.reverses, original.c.id, le.c.amount_cents, original.c.amount_cents, original.c.kind)
        .outerjoin(original, original.c.id == le.c.reverses)
        .where(
            le.c.kind == "reverse",
            (original.c.id.is_(None))
            | (le.c.amount_cents != -original.c.amount_cents)
            | (original.c.kind == "reverse"),
        )
        .order_by(le.c.id),
        lambda i, target, found, amount, was, kind: (
            f"entry {i} reverses entry {target}, which does not exist"
            if found is None
            else f"entry {i} reverses entry {target} ({kind}) but does not cancel it ({display(amount)} vs {display(was)})"
        ),
        grants.odd,
    )


def counted_as(conn: Connection, grants: Grants) -> list[str]:
    """An entry counts as its own kind, a reversal as the kind of the entry it cancels."""
    original = le.alias("original")
    expected = func.coalesce(original.c.kind, le.c.kind)
    return named(
        conn,
        select(le.c.id, le.c.counts_as, expected)
        .outerjoin(original, original.c.id == le.c.reverses)
        .where(le.c.counts_as != expected)
        .order_by(le.c.id),
        lambda i, counted, kind: f"entry {i} counts as {counted}, but the {kind} it cancels (or is) says otherwise",
        grants.odd,
    )


def extensions(conn: Connection, grants: Grants) -> list[str]:
    """An extension points at a grant entry of its own member and grant, and ends later than the grant did."""
    grant = le.alias("grant")
    return named(
        conn,
        select(le.c.id, e.c.workspace, le.c.extends_entry, le.c.extended_until, grant.c.id, py.c.valid_until)
        .join(e, e.c.id == le.c.enrollment)
        .outerjoin(
            grant,
            and_(
                grant.c.id == le.c.extends_entry,
                grant.c.kind == "grant",
                grant.c.enrollment == le.c.enrollment,
                grant.c.program_year == le.c.program_year,
            ),
        )
        .outerjoin(py, and_(py.c.enrollment == le.c.enrollment, py.c.number == le.c.program_year))
        .where(
            le.c.kind == "extend",
            grant.c.id.is_(None)
            | le.c.extended_until.is_(None)
            | py.c.valid_until.is_(None)
            | (le.c.extended_until <= py.c.valid_until),
        )
        .order_by(le.c.id),
        lambda i, w, target, until, found, was: (
            f"entry {i} ({w}) extends entry {target}, which is not a grant of the same member and grant"
            if found is None or was is None
            else f"entry {i} ({w}) extends a grant valid until {was} to {until}, which is not later"
        ),
        grants.odd,
    )
