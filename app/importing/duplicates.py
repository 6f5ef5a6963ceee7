"""Possible duplicates: each new application flagged against every earlier one it shares
a key with (the workspace, a registrable company domain, or the name without its legal
form; models/matching.py says what the keys are).

Every earlier match is listed, up to MATCHES_LISTED per application and kind of key: a
key that more applications share than that (a university's mail domain, an employer's)
names a crowd, not a company, and the reviewer sees the earliest of them.
"""

from __future__ import annotations

from bisect import bisect_left
from heapq import merge
from itertools import islice

from sqlalchemy import Connection, exists, select

from app import schema
from app.bulk import insert_columns

#: The kinds of key, and the columns that hold one (a domain is a website's or a mail's).
KEYS = (
    ("workspace", ("workspace",)),
    ("domain", ("web_domain", "mail_domain")),
    ("name", ("name_key",)),
)
MATCHES_LISTED = 50


def flag_duplicates(conn: Connection, batch: int, first_id: int) -> int:
    """Flag each application of the batch against every earlier one sharing a key (at most
    MATCHES_LISTED of each kind, the earliest); returns how many applications were flagged.

    Done after the insert, so that rows of the same file find each other as well as those
    already stored. Each query reads one row per application holding a key of the batch
    (the indexed key columns, through EXISTS), never one row per pair.
    """
    a = schema.applications
    new = a.alias("new")
    in_batch = (new.c.id >= first_id) & (new.c.import_batch == batch)
    pairs: list[tuple[int, int, str]] = []
    for kind, columns in KEYS:
        holders: dict[str, set[int]] = {}  # key -> every application holding it
        for old_column in columns:
            shares = [new.c[new_column] == a.c[old_column] for new_column in columns]
            query = select(a.c.id, a.c[old_column]).where(
                a.c[old_column] != "",
                exists().where(in_batch, shares[0] if len(shares) == 1 else shares[0] | shares[1]),
            )
            for application, key in conn.execute(query):
                holders.setdefault(key, set()).add(application)
        if not holders:
            continue
        groups = {key: sorted(ids) for key, ids in holders.items()}
        batch_rows = conn.execute(select(new.c.id, *(new.c[column] for column in columns)).where(in_batch))
        for application, *keys in batch_rows:
            earlier = [
                group[: bisect_left(group, application)]
                for group in (groups.get(key) for key in dict.fromkeys(keys) if key)
                if group
            ]
            seen = 0
            last = None
            for other in merge(*(islice(ids, MATCHES_LISTED) for ids in earlier)):
                if other == last:
                    continue
                last = other
                pairs.append((application, other, kind))
                seen += 1
                if seen == MATCHES_LISTED:
                    break
    if pairs:
        insert_columns(
            conn,
            schema.duplicate_flags,
            {
                "application": [application for application, _, _ in pairs],
                "other": [other for _, other, _ in pairs],
                "kind": [kind for _, _, kind in pairs],
            },
        )
    return len({application for application, _, _ in pairs})
