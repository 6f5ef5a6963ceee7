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


def backup(url: str, target: Path | str) -> Path:
    url = db.normalise_url(url)
    target = Path(target).expanduser().resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    with temporary_beside(target) as partial:
        if db.is_sqlite(url):
            _copy_sqlite(url, partial)
        else:
            _copy_to_sqlite(url, partial)
    return target


def _copy_sqlite(url: str, target: Path) -> None:
    source_path = db.sqlite_path(url)
    if source_path is None or not source_path.exists():
        raise AppError(f"there is no database at {source_path}")
    _online_copy(source_path, target)


def _online_copy(source_path: Path | str, target: Path | str) -> None:
    """SQLite's backup API: a consistent copy even while others write."""
    source = sqlite3.connect(source_path)
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
    finally:
        destination.close()
        source.close()


def _copy_to_sqlite(url: str, target: Path) -> None:
    from app.schema import metadata

    source = db.create(url)
    destination = db.create(f"sqlite:///{target}")
    try:
        with (
            source.connect().execution_options(isolation_level="REPEATABLE READ") as reader,
            destination.begin() as writer,
        ):
            metadata.create_all(writer)
            revision = reader.execute(text("SELECT version_num FROM alembic_version")).scalar()
            writer.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)"))
            writer.execute(text("INSERT INTO alembic_version VALUES (:v)"), {"v": revision})
            writer.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
            for table in metadata.sorted_tables:
                rows = [dict(row._mapping) for row in reader.execute(select(table))]
                if rows:
                    writer.execute(insert(table), rows)
    finally:
        source.dispose()
        destination.dispose()
    # WAL files belong to the temporary name; fold them in before the rename.
    connection = sqlite3.connect(target)
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.close()


def restore_sqlite(backup_path: Path | str, url: str) -> None:
    """Put a SQLite backup back in place of the database at `url`."""
    target = db.sqlite_path(db.normalise_url(url))
    if target is None:
        raise AppError("only a SQLite database can be restored from a file")
    _online_copy(backup_path, target)
    for suffix in ("-wal", "-shm"):
        leftover = Path(f"{target}{suffix}")
        if leftover.exists() and leftover.stat().st_size == 0:
            os.remove(leftover)
