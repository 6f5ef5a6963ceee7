"""Consistent copies of the database.

A SQLite database is copied with SQLite's online backup API. Any other database
(PostgreSQL) is copied table by table, inside one repeatable-read transaction,
into a SQLite file with the same schema: a portable snapshot that Startup Desk
opens like any other database.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import insert, select, text

from app import db
from app.errors import AppError
from app.files import temporary_beside
from app.search_backlog import all_indexed


def backup(url: str, target: Path | str) -> Path:
    """A copy of the database at `url` as a SQLite file at `target`, checked before it is reported:
    a damaged source is refused (its copy would look like a good backup), and the copy must pass
    SQLite's integrity check and hold as many rows as the source before it takes the name."""
    url = db.normalise_url(url)
    target = Path(target).expanduser().resolve()
    if db.is_database_file(url, target):
        # SQLite deletes or replays a -wal or -journal it finds beside the database: no backup there
        raise AppError(f"the backup cannot replace the database itself or one of its own files ({target})")
    target.parent.mkdir(parents=True, exist_ok=True)
    with temporary_beside(target) as partial:
        if db.is_sqlite(url):
            _copy_sqlite(url, partial)
            _check_copy(partial, None)
        else:
            _check_copy(partial, _copy_to_sqlite(url, partial))
    return target


def _integrity(connection: sqlite3.Connection, pragma: str = "integrity_check") -> list[str]:
    try:
        found = [row[0] for row in connection.execute(f"PRAGMA {pragma}")]
    except sqlite3.DatabaseError as exc:  # "database disk image is malformed", "file is not a database"
        return [str(exc)]
    return [] if found == ["ok"] else found


def _check_copy(copy: Path, expected: dict[str, int] | None) -> None:
    """The copy passes SQLite's integrity check and, copied row by row, holds every row read."""
    connection = sqlite3.connect(copy)
    try:
        problems = _integrity(connection)
        counts = {name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in expected or {}}
    finally:
        connection.close()
    if problems:
        raise AppError(f"the backup failed SQLite's integrity check ({'; '.join(problems[:3])}); nothing was kept")
    short = {name: (had, counts[name]) for name, had in (expected or {}).items() if counts[name] != had}
    if short:
        listed = ", ".join(f"{name}: {had} rows read, {got} in the copy" for name, (had, got) in short.items())
        raise AppError(f"the backup does not hold every row ({listed}); nothing was kept")


def _copy_sqlite(url: str, target: Path) -> None:
    source_path = db.sqlite_path(url)
    if source_path is None or not source_path.exists():
        raise AppError(f"there is no database at {source_path}")
    _online_copy(source_path, target)


def _online_copy(source_path: Path | str, target: Path | str, check_source: bool = True) -> None:
    """SQLite's backup API: a consistent copy even while others write (SQLite's own connections
    share the file's locks within the process, so this never drops another connection's)."""
    source = sqlite3.connect(source_path)
    destination = sqlite3.connect(target)
    try:
        problems = _integrity(source, "quick_check") if check_source else []
        if problems:
            raise AppError(
                f"the database {source_path} is damaged ({'; '.join(problems[:3])}): "
                "a copy of it would not be a backup; nothing was written"
            )
        source.backup(destination)
    finally:
        destination.close()
        source.close()


def _copy_to_sqlite(url: str, target: Path) -> dict[str, int]:
    """Every table, in one snapshot; returns how many rows of each were read.

    The copy has the source's schema revision exactly: the SQLite file is made by the
    migrations up to that revision (search index and triggers included), and only the
    tables and columns of that revision are copied. The backup taken before an upgrade
    is of the database as it was, not of the schema this version would make."""
    from sqlalchemy import MetaData, column, inspect, table

    from app.migrate import SCRIPTS, upgrade_to

    read: dict[str, int] = {}
    source = db.create(url)
    try:
        with source.connect().execution_options(isolation_level="REPEATABLE READ") as reader:
            revision = reader.execute(text("SELECT version_num FROM alembic_version")).scalar()
            upgrade_to(f"sqlite:///{target}", SCRIPTS, revision)
            found = inspect(reader)
            source_columns = {name: {c["name"] for c in found.get_columns(name)} for name in found.get_table_names()}
            destination = db.create(f"sqlite:///{target}")
            try:
                with destination.begin() as writer:
                    writer.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
                    shape = MetaData()
                    shape.reflect(bind=writer)
                    for copy in shape.sorted_tables:
                        if (
                            copy.name in ("alembic_version", "applications_fts_backlog")
                            or copy.name not in source_columns
                        ):
                            continue  # SQLite's own search tables are filled below
                        names = [c.name for c in copy.columns if c.name in source_columns[copy.name]]
                        query = select(*(column(n) for n in names)).select_from(table(copy.name))
                        rows = [dict(row._mapping) for row in reader.execute(query)]
                        read[copy.name] = len(rows)
                        if rows:
                            writer.execute(insert(copy), rows)
                    if "applications_fts" in shape.tables:  # SQLite's search index, of what was copied
                        writer.exec_driver_sql("INSERT INTO applications_fts(applications_fts) VALUES ('rebuild')")
                        all_indexed(writer)
            finally:
                destination.dispose()
    finally:
        source.dispose()
    # WAL files belong to the temporary name; fold them in before the rename.
    connection = sqlite3.connect(target)
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.close()
    return read


def restore_sqlite(backup_path: Path | str, url: str) -> None:
    """Put a SQLite backup back in place of the database at `url`."""
    target = db.sqlite_path(db.normalise_url(url))
    if target is None:
        raise AppError("only a SQLite database can be restored from a file")
    _online_copy(backup_path, target, check_source=False)
    for suffix in ("-wal", "-shm"):
        leftover = Path(f"{target}{suffix}")
        if leftover.exists() and leftover.stat().st_size == 0:
            os.remove(leftover)
