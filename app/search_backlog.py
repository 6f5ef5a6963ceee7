"""The applications not yet in SQLite's trigram table (migration 0020, issue 17).

A big import commits its rows without filling the search index (a fifth of its time); they
go in after, a slice per transaction: `index_waiting`, which the window runs on a worker and
the command line before it exits. Until then `app.search` looks for a needle in them row by
row, so a search finds them all the same. The waiting applications are the last ones:
every id from `waiting_from` on (applications only ever arrive at the end).
"""

from __future__ import annotations

from sqlalchemy import Connection

#: an import of at most this many rows fills the index itself, in its own transaction, when
#: nothing else waits: the common small import leaves nothing behind
WITHIN_IMPORT = 5_000
#: applications put into the index per transaction: about a tenth of a second, so another
#: writer waits no longer than that
SLICE = 20_000

FTS_COLUMNS = ("company", "contact_name", "contact_email", "web_domain", "application_id")


def has_sqlite_table(conn: Connection, name: str) -> bool:
    """Whether this is SQLite with the search table `name` (the trigram table and its companions,
    made by migrations where SQLite can): asked once per engine."""
    cache = conn.engine.__dict__.setdefault("_startup_desk_fts", {})
    if name not in cache:
        cache[name] = conn.dialect.name == "sqlite" and bool(
            conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).first()
        )
    return cache[name]


def waiting_from(conn: Connection) -> int | None:
    """The first application id the trigram table does not hold, or None when it holds every one."""
    if not has_sqlite_table(conn, "applications_fts_backlog"):
        return None
    start, last = conn.exec_driver_sql(
        "SELECT indexed_below, (SELECT max(id) FROM applications) FROM applications_fts_backlog"
    ).one()
    return start if last is not None and start <= last else None


def waiting(conn: Connection) -> int:
    """How many applications the trigram table does not hold yet."""
    start = waiting_from(conn)
    if start is None:
        return 0
    return conn.exec_driver_sql("SELECT count(*) FROM applications WHERE id >= ?", (start,)).scalar()


def index_waiting(conn: Connection, rows: int | None = SLICE) -> int:
    """Put the next `rows` waiting applications (None: all of them) into the trigram table (the
    caller commits); how many still wait after them."""
    start = waiting_from(conn)
    if start is None:
        return 0
    upto = None
    if rows is not None:
        upto = conn.exec_driver_sql(
            "SELECT id FROM applications WHERE id >= ? ORDER BY id LIMIT 1 OFFSET ?", (start, rows)
        ).scalar()
    columns = ", ".join(FTS_COLUMNS)
    between = "id >= ?" + (" AND id < ?" if upto is not None else "")
    bounds = (start, upto) if upto is not None else (start,)
    conn.exec_driver_sql(
        f"INSERT INTO applications_fts(rowid, {columns}) SELECT id, {columns} FROM applications WHERE {between}", bounds
    )
    last = conn.exec_driver_sql("SELECT max(id) FROM applications").scalar()
    conn.exec_driver_sql("UPDATE applications_fts_backlog SET indexed_below = ?", (upto or last + 1,))
    return waiting(conn)


def index_small_import(conn: Connection) -> None:
    """After an import's rows are in (its transaction): fill the index with them when they are
    few and nothing older waits; a big import leaves them waiting (see the module's note)."""
    if waiting(conn) <= WITHIN_IMPORT:
        index_waiting(conn, WITHIN_IMPORT)


def all_indexed(conn: Connection) -> None:
    """After the trigram table was rebuilt from the applications (a restored copy): nothing waits."""
    if has_sqlite_table(conn, "applications_fts_backlog"):
        conn.exec_driver_sql(
            "UPDATE applications_fts_backlog SET indexed_below = (SELECT coalesce(max(id), 0) + 1 FROM applications)"
        )
