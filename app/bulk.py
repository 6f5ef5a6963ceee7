"""Bulk inserts fast enough for a 100,000-row import.

SQLAlchemy's executemany spends about 20 µs a row building parameters; on SQLite
the rows here go to the driver's executemany directly, each value passed through
the column type's own bind processor so that the stored form is exactly what
SQLAlchemy itself would store. PostgreSQL takes the rows by COPY, the same values
through the same bind processors (SQLAlchemy's batched insert spent 40 of a 100,000-row
import's 60 s there, tests/benchmarks/results/postgres.txt).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Table, insert
from sqlalchemy.exc import DBAPIError

#: An insert of at least this many rows, into a table holding at most twice as many,
#: drops the table's indexes and builds them again after (SQLite).
REBUILD_AT = 10_000
#: SQLite's page cache while such an insert goes into a big table's indexes as they stand
KEPT_INDEXES_CACHE_MIB = 192


@contextmanager
def paused_gc() -> Iterator[None]:
    """Python's cycle collector off while many rows are built in memory.

    It runs every 700 new objects and rescans everything still alive, which is a
    hundred thousand rows of cells: a third of an import's time, half of a what-if's
    list of changed applications. The rows hold no reference cycles, so nothing waits for it.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def bulk_insert(conn: Connection, table: Table, rows: list[dict]) -> None:
    if rows:
        insert_columns(conn, table, {name: [row[name] for row in rows] for name in rows[0]})


def insert_columns(conn: Connection, table: Table, columns: dict[str, list]) -> None:
    """Rows given column by column: column name -> its values, every list as long."""
    names = list(columns)
    if not names or not columns[names[0]]:
        return
    dialect = conn.dialect
    if dialect.name == "sqlite":
        compiled = insert(table).compile(dialect=dialect, column_keys=names)
        rows = zip(*_processed(conn, table, columns, compiled.positiontup))
        conn.exec_driver_sql(str(compiled), list(rows))
    elif dialect.driver == "psycopg" and (columns := _with_defaults(table, columns)) is not None:
        names = list(columns)
        listing = ", ".join(dialect.identifier_preparer.quote(name) for name in names)
        statement = f"COPY {dialect.identifier_preparer.format_table(table)} ({listing}) FROM STDIN"
        cursor = conn.connection.driver_connection.cursor()  # the same connection, the same transaction
        try:
            with cursor.copy(statement) as copy:
                for row in zip(*_processed(conn, table, columns, names)):
                    copy.write_row(row)
        except dialect.loaded_dbapi.Error as error:  # as SQLAlchemy's own execute says it (IntegrityError, ...)
            raise DBAPIError.instance(statement, None, error, dialect.loaded_dbapi.Error) from error
    else:
        conn.execute(insert(table), [dict(zip(names, row)) for row in zip(*columns.values())])


def _with_defaults(table: Table, columns: dict[str, list]) -> dict[str, list] | None:
    """The columns with each one left out that has a constant default filled in with it, as
    SQLAlchemy's insert would; None when one left out has a default computed per row."""
    length = len(next(iter(columns.values())))
    filled = dict(columns)
    for column in table.columns:
        if column.name in filled or column.default is None:
            continue
        if not column.default.is_scalar:
            return None
        filled[column.name] = [column.default.arg] * length
    return filled


def _processed(conn: Connection, table: Table, columns: dict[str, list], order) -> list[list]:
    """The columns in `order`, each value as SQLAlchemy's bind processor for it would send it.

    Column by column: a value that repeats (dates, the batch, the status) is processed once,
    and zip() builds the row tuples in C."""
    values = []
    for name in order:
        column = columns[name]
        process = table.c[name].type._cached_bind_processor(conn.dialect)
        if process is not None:
            memo = {value: process(value) for value in set(column)}
            column = list(map(memo.__getitem__, column))
        values.append(column)
    return values


class IndexesAside:
    """Insert without the table's indexes, then build them again, when that is faster.

    SQLite: a hundred thousand rows into a table with ten indexes spend most of their
    time in B-tree inserts (3–4 s here), while building an index sorts once (0.4 s for
    all ten). That wins while the table is not much bigger than what arrives. Within
    the caller's transaction: a failure rolls the dropped indexes back with the rows.
    The UNIQUE constraints' own indexes stay, so uniqueness is checked row by row.

        with IndexesAside(conn, table, stored_rows) as aside:
            aside.before_insert(rows_still_to_come)  # before each insert
    """

    def __init__(self, conn: Connection, table: Table, stored: int):
        self.conn, self.table, self.stored = conn, table, stored
        self.decided = False
        self.dropped: list[tuple[str, str]] = []  # (name, CREATE statement)

    def __enter__(self) -> IndexesAside:
        return self

    def before_insert(self, coming: int) -> None:
        """Decided at the first insert, when it is known that rows do arrive (a re-import
        of a file inserts none, and must not rebuild anything)."""
        if self.decided or not coming:
            return
        self.decided = True
        if self.conn.dialect.name != "sqlite" or coming < REBUILD_AT:
            return
        if self.stored > 2 * coming:
            # the rows go into every index as they come: a new row's key lands anywhere in each of
            # them, and once those pages outgrow the cache each insert reads one back and writes
            # one out (100,000 onto a million: 4 s with 64 MiB, about half with this; the import's
            # peak memory stays under 400 MB); `large_page_cache` gives it back after
            self.conn.exec_driver_sql(f"PRAGMA cache_size=-{KEPT_INDEXES_CACHE_MIB * 1024}")
            return
        self.dropped = self.conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
            (self.table.name,),
        ).fetchall()
        for name, _ in self.dropped:
            self.conn.exec_driver_sql(f'DROP INDEX "{name}"')

    def __exit__(self, error_type, error, traceback) -> None:
        if error_type is None:  # after a failure the transaction's rollback brings them back
            for _, sql in self.dropped:
                self.conn.exec_driver_sql(sql)


@contextmanager
def large_page_cache(conn: Connection, mebibytes: int = 64) -> Iterator[None]:
    """A bigger SQLite page cache for one bulk write, given back after.

    With the default 2 MiB a 100,000-row import spills pages to disk mid-transaction
    (a third slower). Only this connection, only meanwhile: every connection of a
    long session keeping 64 MiB would take the window past its memory budget.
    """
    if conn.dialect.name != "sqlite":
        yield
        return
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size=-{mebibytes * 1024}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size={int(before)}")
