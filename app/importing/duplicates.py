"""Possible duplicates: each new application flagged against every earlier one it shares
a key with (the workspace, a registrable company domain, or the name without its legal
form; models/matching.py says what the keys are).

Every earlier match is listed, up to MATCHES_LISTED per application and kind of key: a
key that more applications share than that (a university's mail domain, an employer's)
names a crowd, not a company, and the reviewer sees the earliest of them.

Linear in the rows (issue 17: a crowd of 16,000 once cost each new row a join with every
earlier member): the keys some other application holds too are found by one probe of a
key's index per new row (its first other entry), and only the earliest MATCHES_LISTED
holders of each such key are ever kept, in one pass over the new rows in id order.
"""

from __future__ import annotations

from heapq import merge
from itertools import islice

from sqlalchemy import Connection, bindparam, text

from app import schema
from app.bulk import insert_columns

#: The kinds of key, and the columns that hold one (a domain is a website's or a mail's).
KEYS = (
    ("workspace", ("workspace",)),
    ("domain", ("web_domain", "mail_domain")),
    ("name", ("name_key",)),
)
MATCHES_LISTED = 50
_STEP = 500  # keys per IN list on SQLite (its limit of bound values is 999 on old builds)
_FETCH = 20_000
_FLUSH = 200_000  # pairs held before they are written


def flag_duplicates(conn: Connection, batch: int, first_id: int) -> int:
    """Flag each application of the batch against every earlier one sharing a key (at most
    MATCHES_LISTED of each kind, the earliest); returns how many applications were flagged.

    Done after the insert, so that rows of the same file find each other as well as those
    already stored.
    """
    kinds = []  # (kind, positions of its columns in a row, its shared keys, key -> earliest holders)
    position = 1
    for kind, columns in KEYS:
        shared = _shared_keys(conn, batch, first_id, columns)
        if shared:
            places = tuple(range(position, position + len(columns)))
            kinds.append((kind, places, shared, _stored_holders(conn, first_id, columns, shared)))
        position += len(columns)
    if not kinds:
        return 0
    flagged = 0
    pairs: dict[str, list] = {"application": [], "other": [], "kind": []}
    listing = ", ".join(column for _, columns in KEYS for column in columns)
    rows = conn.execute(
        text(f"SELECT id, {listing} FROM applications WHERE id >= :first AND import_batch = :batch ORDER BY id"),
        {"first": first_id, "batch": batch},
    )
    while chunk := rows.fetchmany(_FETCH):
        for row in chunk:
            application = row[0]
            resembles = False
            for kind, places, shared, earliest in kinds:
                keys = [row[place] for place in places]
                keys = [key for key in (dict.fromkeys(keys) if len(keys) > 1 else keys) if key in shared]
                if not keys:
                    continue
                groups = [earliest.setdefault(key, []) for key in keys]
                found = groups[0] if len(groups) == 1 else _merged(groups)
                if found:
                    pairs["application"].extend([application] * len(found))
                    pairs["other"].extend(found)
                    pairs["kind"].extend([kind] * len(found))
                    resembles = True
                for group in groups:
                    if len(group) < MATCHES_LISTED:
                        group.append(application)
            flagged += resembles
        if len(pairs["application"]) >= _FLUSH:
            insert_columns(conn, schema.duplicate_flags, pairs)
            pairs = {name: [] for name in pairs}
    insert_columns(conn, schema.duplicate_flags, pairs)
    return flagged


def _merged(groups: list[list[int]]) -> list[int]:
    """The earliest MATCHES_LISTED of several ascending id lists, each id once."""
    out: list[int] = []
    for other in merge(*groups):
        if not out or out[-1] != other:
            out.append(other)
            if len(out) == MATCHES_LISTED:
                break
    return out


def _shared_keys(conn: Connection, batch: int, first_id: int, columns: tuple[str, ...]) -> set[str]:
    """The keys of the batch that another application holds too: per new row and key, one
    look at the key's index for an entry that is not the row itself."""
    found: set[str] = set()
    for column in columns:
        probes = " OR ".join(
            f"EXISTS (SELECT 1 FROM applications o WHERE o.{other} = n.{column} AND o.id != n.id)" for other in columns
        )
        rows = conn.execute(
            text(
                f"SELECT DISTINCT n.{column} FROM applications n "
                f"WHERE n.id >= :first AND n.import_batch = :batch AND n.{column} != '' AND ({probes})"
            ),
            {"first": first_id, "batch": batch},
        )
        found.update(key for (key,) in rows)
    return found


def _stored_holders(conn: Connection, first_id: int, columns: tuple[str, ...], keys: set[str]) -> dict[str, list[int]]:
    """key -> the earliest MATCHES_LISTED applications stored before this import holding it."""
    holders: dict[str, set[int]] = {}
    ordered = sorted(keys)
    for start in range(0, len(ordered), _STEP):
        chunk = ordered[start : start + _STEP]
        for column in columns:
            query = text(f"SELECT {column}, id FROM applications WHERE {column} IN :keys AND id < :first")
            rows = conn.execute(query.bindparams(bindparam("keys", expanding=True)), {"keys": chunk, "first": first_id})
            for key, application in rows:
                holders.setdefault(key, set()).add(application)
    return {key: list(islice(sorted(ids), MATCHES_LISTED)) for key, ids in holders.items()}
