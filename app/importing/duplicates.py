"""Possible duplicates: each new application flagged against every earlier one it shares
a key with (the workspace, a registrable company domain, or the name without its legal
form; models/matching.py says what the keys are)."""

from __future__ import annotations

from sqlalchemy import Connection, select

from app import schema
from app.bulk import insert_columns

#: Pairs of columns whose equal values make two applications possible duplicates.
DUPLICATE_KEYS = (
    ("workspace", "workspace", "workspace"),
    ("domain", "web_domain", "web_domain"),
    ("domain", "web_domain", "mail_domain"),
    ("domain", "mail_domain", "web_domain"),
    ("domain", "mail_domain", "mail_domain"),
    ("name", "name_key", "name_key"),
)


def flag_duplicates(conn: Connection, batch: int, first_id: int) -> int:
    """Flag each application of the batch against every earlier one sharing a key, once per
    kind of key; returns how many applications were flagged.

    Done in SQL over the indexed key columns, after the insert, so that rows of the
    same file find each other as well as those already stored.
    """
    new, old = schema.applications.alias("new"), schema.applications.alias("old")
    pairs: set[tuple[int, int, str]] = set()
    for kind, new_column, old_column in DUPLICATE_KEYS:
        query = (
            select(new.c.id, old.c.id)
            .join(old, (old.c[old_column] == new.c[new_column]) & (old.c.id < new.c.id))
            # the id range finds the batch's rows by the primary key; the batch number keeps out a concurrent import's
            .where(new.c.id >= first_id, new.c.import_batch == batch, new.c[new_column] != "")
        )
        pairs.update((application, other, kind) for application, other in conn.execute(query))
    if pairs:
        ordered = sorted(pairs)
        insert_columns(
            conn,
            schema.duplicate_flags,
            {
                "application": [application for application, _, _ in ordered],
                "other": [other for _, other, _ in ordered],
                "kind": [kind for _, _, kind in ordered],
            },
        )
    return len({application for application, _, _ in pairs})
