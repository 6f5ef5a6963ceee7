"""Possible duplicates: each new application flagged against every earlier one it shares
a key with (the workspace, a registrable company domain, or the name without its legal
form; models/matching.py says what the keys are).

Every earlier match is listed, up to MATCHES_LISTED per application and kind of key: a
key that more applications share than that (a university's mail domain, an employer's)
names a crowd, not a company, and the reviewer sees the earliest of them.

Stored as the keys, not the pairs (issue 17, migration 0017): a key that a second
application holds is written to `match_keys` with each of its holders, once; an
application resembles the earlier holders of its keys. A crowd of 16,000 sharing one
domain writes 16,000 rows, where one row per pair wrote 800,000 (50 a member) and took
the import to 1.5x the same import without it. The import finds the shared keys by one
probe of a key's index per new row (its first other entry) and writes each holder once,
in one pass over the new rows in id order; the reads (the detail, `show`, the queue's
flag) look the pairs up from the keys, the earliest first.
"""

from __future__ import annotations

from sqlalchemy import Connection, Select, and_, bindparam, exists, select, text

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
_FLUSH = 200_000  # match keys held before they are written
_PAGE = 200  # later holders read at a time when looking for those that list an application


def flag_duplicates(conn: Connection, batch: int, first_id: int) -> int:
    """Write the match keys of the batch's applications that share a key with another one
    (and of the stored holders of a key that only now becomes shared); returns how many of
    the batch's applications resemble an earlier one.

    Done after the insert, so that rows of the same file find each other as well as those
    already stored.
    """
    kinds = []  # (kind, positions of its columns in a row, its shared keys, those held by an earlier row)
    position = 1
    for kind, columns in KEYS:
        shared = _shared_keys(conn, batch, first_id, columns)
        if shared:
            places = tuple(range(position, position + len(columns)))
            kinds.append((kind, places, shared, _held_before(conn, first_id, kind, columns, shared)))
        position += len(columns)
    if not kinds:
        return 0
    flagged = 0
    keys: dict[str, list] = {"application": [], "kind": [], "value": []}
    listing = ", ".join(column for _, columns in KEYS for column in columns)
    rows = conn.execute(
        text(f"SELECT id, {listing} FROM applications WHERE id >= :first AND import_batch = :batch ORDER BY id"),
        {"first": first_id, "batch": batch},
    )
    applications, kinds_of, values = keys["application"], keys["kind"], keys["value"]
    while chunk := rows.fetchmany(_FETCH):
        for row in chunk:
            application = row[0]
            resembles = False
            for kind, places, shared, held in kinds:
                if len(places) == 1:
                    mine = (row[places[0]],)
                else:
                    mine = dict.fromkeys(row[place] for place in places)
                for key in mine:
                    if key not in shared:
                        continue
                    if key in held:
                        resembles = True
                    else:
                        held.add(key)
                    applications.append(application)
                    kinds_of.append(kind)
                    values.append(key)
            flagged += resembles
        if len(applications) >= _FLUSH:
            insert_columns(conn, schema.match_keys, keys)
            keys = {name: [] for name in keys}
            applications, kinds_of, values = keys["application"], keys["kind"], keys["value"]
    insert_columns(conn, schema.match_keys, keys)
    return flagged


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
    ordered_holders = sorted(holders)
    insert_columns(
        conn,
        schema.match_keys,
        {
            "application": [application for application, _ in ordered_holders],
            "kind": [kind] * len(ordered_holders),
            "value": [key for _, key in ordered_holders],
        },
    )
    held.update(key for _, key in ordered_holders)
    return held


# The reads: what the detail, `show` and the queue list.

_EARLIER = text(
    "SELECT DISTINCT o.application FROM match_keys m JOIN match_keys o"
    " ON o.kind = m.kind AND o.value = m.value AND o.application < m.application"
    " WHERE m.application = :application AND m.kind = :kind ORDER BY o.application LIMIT :n"
)
# how many (at most :n) applications before :before hold a key of :holder's of this kind
_COUNTED_BEFORE = text(
    "SELECT COUNT(*) FROM (SELECT DISTINCT h.application FROM match_keys y JOIN match_keys h"
    " ON h.kind = y.kind AND h.value = y.value AND h.application < :before"
    " WHERE y.application = :holder AND y.kind = :kind LIMIT :n) AS holders"
)


def resembled(conn: Connection, application: int, limit: int | None = None) -> list[tuple[int, str]]:
    """(earlier application, kind) for each earlier application `application` resembles, by
    application then kind: the earliest MATCHES_LISTED of each kind, the first `limit` of
    them all."""
    each = MATCHES_LISTED if limit is None else min(limit, MATCHES_LISTED)
    found = []
    for kind, _ in KEYS:
        rows = conn.execute(_EARLIER, {"application": application, "kind": kind, "n": each})
        found.extend((other, kind) for (other,) in rows)
    found.sort()
    return found if limit is None else found[:limit]


def resembling(conn: Connection, application: int, limit: int | None = None) -> list[tuple[int, str]]:
    """(later application, kind) for each later application that lists `application` among
    those it resembles, by application then kind; the first `limit` of them."""
    m = schema.match_keys.c
    found = []
    for kind, _ in KEYS:
        mine = conn.execute(select(m.value).where(m.application == application, m.kind == kind)).scalars().all()
        # only a key fewer than MATCHES_LISTED applications held before it can list it
        listing = [value for value in mine if _held_by_fewer(conn, kind, value, application)]
        if not listing:
            continue
        later = select(m.application).where(m.kind == kind, m.value.in_(listing)).distinct().order_by(m.application)
        last, count = application, 0
        while limit is None or count < limit:
            page = conn.execute(later.where(m.application > last).limit(_PAGE)).scalars().all()
            for other in page:
                before = {"before": application, "holder": other, "kind": kind, "n": MATCHES_LISTED}
                if conn.execute(_COUNTED_BEFORE, before).scalar() < MATCHES_LISTED:
                    found.append((other, kind))
                    count += 1
                    if limit is not None and count >= limit:
                        break
            if len(page) < _PAGE:
                break
            last = page[-1]
    found.sort()
    return found if limit is None else found[:limit]


def _held_by_fewer(conn: Connection, kind: str, value: str, application: int) -> bool:
    m = schema.match_keys.c
    earlier = select(m.application).where(m.kind == kind, m.value == value, m.application < application)
    return len(conn.execute(earlier.limit(MATCHES_LISTED)).all()) < MATCHES_LISTED


def flag_pairs(conn: Connection) -> set[tuple[int, int, str]]:
    """Every flag as (application, earlier application, kind)."""
    m = schema.match_keys.c
    holders = conn.execute(select(m.application).distinct()).scalars().all()
    return {(application, other, kind) for application in holders for other, kind in resembled(conn, application)}


def _pairs_of_keys():
    m, o = schema.match_keys.alias("m"), schema.match_keys.alias("o")
    return m, o, and_(o.c.kind == m.c.kind, o.c.value == m.c.value, o.c.application < m.c.application)


def is_flagged(application):
    """A condition: the application (a column or a value) resembles an earlier one."""
    m, o, earlier = _pairs_of_keys()
    return exists().where(m.c.application == application, earlier)


def flagged_applications() -> Select:
    """The ids of the applications that resemble an earlier one."""
    m, o, earlier = _pairs_of_keys()
    return select(m.c.application).where(exists().where(earlier))
