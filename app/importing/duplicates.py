"""Possible duplicates: each new application flagged against every earlier one it shares
a key with (the workspace, a registrable company domain, or the name without its legal
form; models/matching.py says what the keys are).

Every earlier match is listed, up to MATCHES_LISTED per application and kind of key: a
key that more applications share than that (a university's mail domain, an employer's)
names a crowd, not a company, and the reviewer sees the earliest of them.

Stored as the keys, not the pairs (issue 17, migration 0019): a key that a second
application holds is written to `match_keys` with each of its holders, once; an
application resembles the earlier holders of its keys. A crowd of 16,000 sharing one
domain writes 16,000 rows, where one row per pair wrote 800,000 (50 a member) and took
the import to 1.5x the same import without it. The import finds the rows holding a
shared key by one probe of a key's index per new row and key (its first other entry) and
writes each holder once; the reads (the detail, `show`, the queue's flag) look the pairs
up from the keys, the earliest first.
"""

from __future__ import annotations

from collections.abc import Iterator
from heapq import merge
from itertools import islice

from sqlalchemy import Connection, Select, bindparam, exists, select, text

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
_FLUSH = 200_000  # match keys written at a time
_PAGE = 50  # later holders read (and checked) at a time when looking for those that list an application


def flag_duplicates(conn: Connection, batch: int, first_id: int) -> int:
    """Write the match keys of the batch's applications that share a key with another one
    (and of the stored holders of a key that only now becomes shared); returns how many of
    the batch's applications resemble an earlier one.

    Done after the insert, so that rows of the same file find each other as well as those
    already stored.
    """
    keys: list[tuple[int, str, str]] = []  # (application, kind, key): the batch's shared keys
    held: dict[str, set[str]] = {}  # kind -> the keys an earlier application holds
    for kind, columns in KEYS:
        holding = _holding(conn, batch, first_id, columns)
        if holding:
            held[kind] = _held_before(conn, first_id, kind, columns, {key for _, key in holding})
            keys.extend((application, kind, key) for application, key in holding)
    keys.sort()
    resembling = set()
    for application, kind, key in keys:  # in id order: each key is held before by the rows before it
        earlier = held[kind]
        if key in earlier:
            resembling.add(application)
        else:
            earlier.add(key)
    for start in range(0, len(keys), _FLUSH):
        part = keys[start : start + _FLUSH]
        insert_columns(
            conn,
            schema.match_keys,
            {
                "application": [application for application, _, _ in part],
                "kind": [kind for _, kind, _ in part],
                "value": [key for _, _, key in part],
            },
        )
    return len(resembling)


def _holding(conn: Connection, batch: int, first_id: int, columns: tuple[str, ...]) -> set[tuple[int, str]]:
    """(application, key) of the batch's applications holding a key that another application
    holds too: per new row and key, one look at the key's index for an entry that is not the
    row itself."""
    found: set[tuple[int, str]] = set()
    for column in columns:
        probes = " OR ".join(
            f"EXISTS (SELECT 1 FROM applications o WHERE o.{other} = n.{column} AND o.id != n.id)" for other in columns
        )
        rows = conn.execute(
            text(
                f"SELECT n.id, n.{column} FROM applications n "
                f"WHERE n.id >= :first AND n.import_batch = :batch AND n.{column} != '' AND ({probes})"
            ),
            {"first": first_id, "batch": batch},
        )
        found.update((application, key) for application, key in rows)
    return found


def _held_before(conn: Connection, first_id: int, kind: str, columns: tuple[str, ...], keys: set[str]) -> set[str]:
    """Which of `keys` an application stored before this import holds. A key shared already
    has its holders in match_keys; the stored holder of one that only now becomes shared is
    written there."""
    held: set[str] = set()
    if first_id <= 1:
        return held  # nothing was stored before
    m = schema.match_keys.c
    ordered = sorted(keys)
    for start in range(0, len(ordered), _STEP):
        chunk = ordered[start : start + _STEP]
        query = select(m.value).where(m.kind == kind, m.value.in_(bindparam("keys", expanding=True))).distinct()
        held.update(conn.execute(query, {"keys": chunk}).scalars())
    unheld = [key for key in ordered if key not in held]
    holders: set[tuple[int, str]] = set()
    for start in range(0, len(unheld), _STEP):
        chunk = unheld[start : start + _STEP]
        for column in columns:
            query = text(f"SELECT id, {column} FROM applications WHERE {column} IN :keys AND id < :first")
            rows = conn.execute(query.bindparams(bindparam("keys", expanding=True)), {"keys": chunk, "first": first_id})
            holders.update((application, key) for application, key in rows)
    if holders:
        # two imports at once (PostgreSQL) may both make one stored key shared: the second
        # waits for the first, then finds its holders written
        if conn.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        rows = [{"application": application, "kind": kind, "value": key} for application, key in sorted(holders)]
        conn.execute(insert(schema.match_keys).on_conflict_do_nothing(), rows)
    held.update(key for _, key in holders)
    return held


# The reads: what the detail, `show` and the queue list. Each looks a key up on its own
# (its holders in id order, from the primary key): a join of match_keys with itself lets
# SQLite's planner, which has no statistics, walk every key of a kind instead.


def resembled(conn: Connection, application: int, limit: int | None = None) -> list[tuple[int, str]]:
    """(earlier application, kind) for each earlier application `application` resembles, by
    application then kind: the earliest MATCHES_LISTED of each kind, the first `limit` of
    them all."""
    each = MATCHES_LISTED if limit is None else min(limit, MATCHES_LISTED)
    found = []
    for kind, values in _keys_of(conn, [application]).get(application, {}).items():
        earlier = set()
        for value in values:
            earlier.update(_holders_before(conn, kind, value, application, each))
        found.extend((other, kind) for other in sorted(earlier)[:each])
    found.sort()
    return found if limit is None else found[:limit]


def resembling(conn: Connection, application: int, limit: int | None = None) -> list[tuple[int, str]]:
    """(later application, kind) for each later application that lists `application` among
    those it resembles, by application then kind; the first `limit` of them."""
    found = []
    for kind, values in _keys_of(conn, [application]).get(application, {}).items():
        found.extend((other, kind) for other in _listing(conn, kind, values, application, limit))
    found.sort()
    return found if limit is None else found[:limit]


def _listing(conn: Connection, kind: str, values: list[str], application: int, limit: int | None) -> list[int]:
    """The later holders of `values` (keys of `kind`) that list `application`, the first
    `limit`: those with fewer than MATCHES_LISTED applications before it holding one of
    their keys of that kind."""
    before: dict[str, list[int]] = {}  # key -> its first holders before `application`

    def counted(value: str) -> list[int]:
        if value not in before:
            before[value] = _holders_before(conn, kind, value, application, MATCHES_LISTED)
        return before[value]

    # only a key fewer than MATCHES_LISTED applications held before it can list it
    listing = [value for value in values if len(counted(value)) < MATCHES_LISTED]
    later = merge(*(_holders_after(conn, kind, value, application) for value in listing))
    found: list[int] = []
    for page in _pages(later):
        keys = _keys_of(conn, page, kind)
        for other in dict.fromkeys(page):
            if found and found[-1] == other:
                continue  # it holds two of the keys
            theirs = keys[other][kind]
            earlier = counted(theirs[0]) if len(theirs) == 1 else set().union(*map(counted, theirs))
            if len(earlier) < MATCHES_LISTED:
                found.append(other)
                if len(found) == limit:
                    return found
    return found


_KEYS_OF = text(
    "SELECT application, kind, value FROM match_keys WHERE application IN :applications"
    " ORDER BY application, kind, value"
).bindparams(bindparam("applications", expanding=True))
_BEFORE = text(
    "SELECT application FROM match_keys WHERE kind = :kind AND value = :value AND application < :application"
    " ORDER BY application LIMIT :count"
)
_AFTER = text(
    "SELECT application FROM match_keys WHERE kind = :kind AND value = :value AND application > :application"
    " ORDER BY application LIMIT :count"
)


def _keys_of(conn: Connection, applications: list[int], kind: str | None = None) -> dict[int, dict[str, list[str]]]:
    """application -> kind -> its match keys (of `kind` only, if given)."""
    keys: dict[int, dict[str, list[str]]] = {}
    for application, found_kind, value in conn.execute(_KEYS_OF, {"applications": applications}):
        if kind is None or found_kind == kind:
            keys.setdefault(application, {}).setdefault(found_kind, []).append(value)
    return keys


def _holders_before(conn: Connection, kind: str, value: str, application: int, count: int) -> list[int]:
    """The first `count` holders of a key, before `application`."""
    found = conn.execute(_BEFORE, {"kind": kind, "value": value, "application": application, "count": count})
    return found.scalars().all()


def _holders_after(conn: Connection, kind: str, value: str, application: int) -> Iterator[int]:
    """The holders of a key after `application`, in order, read a page at a time."""
    last = application
    while True:
        found = conn.execute(_AFTER, {"kind": kind, "value": value, "application": last, "count": _PAGE})
        page = found.scalars().all()
        yield from page
        if len(page) < _PAGE:
            return
        last = page[-1]


def _pages(ids: Iterator[int]) -> Iterator[list[int]]:
    while page := list(islice(ids, _PAGE)):
        yield page


def flag_pairs(conn: Connection) -> set[tuple[int, int, str]]:
    """Every flag as (application, earlier application, kind)."""
    m = schema.match_keys.c
    holders = conn.execute(select(m.application).distinct()).scalars().all()
    return {(application, other, kind) for application in holders for other, kind in resembled(conn, application)}


def _earlier_holder(m):
    o = schema.match_keys.alias("o")
    return exists().where(o.c.kind == m.c.kind, o.c.value == m.c.value, o.c.application < m.c.application)


def is_flagged(application):
    """A condition: the application (a column or a value) resembles an earlier one."""
    m = schema.match_keys.alias("m")
    return exists().where(m.c.application == application, _earlier_holder(m))


def flagged_applications() -> Select:
    """The ids of the applications that resemble an earlier one."""
    m = schema.match_keys.alias("m")
    return select(m.c.application).where(_earlier_holder(m))
