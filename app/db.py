"""Where the database is and how a connection to it is set up."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

APP_NAME = "startup-desk"
ENV_DB = "STARTUP_DESK_DB"


def user_data_dir() -> Path:
    # platformdirs knows each platform's convention (XDG, ~/Library, %APPDATA%).
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False, ensure_exists=True)


def default_url() -> str:
    """`STARTUP_DESK_DB`, else the per-user SQLite database in the user data folder."""
    return os.environ.get(ENV_DB) or f"sqlite:///{user_data_dir() / 'startup-desk.sqlite3'}"


def demo_url() -> str:
    """The demo's own database in the user data folder: the demo never lands in the person's data."""
    return f"sqlite:///{user_data_dir() / 'demo.sqlite3'}"


def normalise_url(url: str) -> str:
    """A bare file path is a SQLite database; PostgreSQL uses psycopg 3."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def without_password(url: str) -> str:
    """`url` as it may be written down (settings, recent lists): without its password."""
    from sqlalchemy.engine import URL

    u = make_url(url)
    return URL.create(u.drivername, u.username, None, u.host, u.port, u.database, u.query).render_as_string(
        hide_password=False
    )


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def is_database_file(url: str, candidate: str | Path) -> bool:
    """Whether `candidate` is one of the files SQLite keeps for the database at `url`.

    Nothing but SQLite may open those: closing any descriptor of a file drops every
    POSIX lock the process holds on it, SQLite's included. The window refuses to import
    from, export to or back up over them."""
    path = sqlite_path(url)
    if path is None:
        return False
    candidate = Path(candidate).expanduser()
    try:
        candidate = candidate.resolve()
        path = path.resolve()
    except OSError:
        return False
    if candidate in {Path(f"{path}{suffix}") for suffix in ("", "-wal", "-shm", "-journal")}:
        return True
    try:  # a hard link or another name of the same file
        return candidate.exists() and path.exists() and os.path.samefile(candidate, path)
    except OSError:
        return False


def probe(url: str) -> None:
    """Refuse what is not a Startup Desk database before anything opens it for writing: an
    in-memory database (it would keep nothing), a folder, a file that is not SQLite, or
    another program's SQLite database (opening it would switch its journal and add our
    tables: it is left byte for byte as it is). A missing or empty file is a new database."""
    import sqlite3

    from app.errors import AppError

    if not is_sqlite(url):
        _probe_server(url)
        return
    parsed = make_url(url)
    if not parsed.database or parsed.database == ":memory:" or "mode=memory" in str(parsed.query):
        raise AppError("an in-memory database keeps nothing: give Startup Desk a file (or a PostgreSQL URL)")
    path = Path(parsed.database)
    if path.is_dir():
        raise AppError(f"{path} is a folder, not a database file")
    _check_writable(path)
    if not path.exists() or path.stat().st_size == 0:
        return
    # Read-only is not enough for a file in WAL mode: opening it makes its -wal and -shm files.
    # Unless a program has it open now (they are there already), it is read as immutable.
    live = any(path.with_name(path.name + suffix).exists() for suffix in ("-wal", "-shm"))
    try:
        probe = sqlite3.connect(f"{path.resolve().as_uri()}?{'mode=ro' if live else 'immutable=1'}", uri=True)
    except sqlite3.Error as exc:
        raise AppError(f"{path} cannot be opened ({exc})") from None
    try:
        objects = [name for (name,) in probe.execute("SELECT name FROM sqlite_master WHERE type <> 'index'")]
        marks = [probe.execute(f"PRAGMA {mark}").fetchone()[0] for mark in ("user_version", "application_id")]
    except sqlite3.OperationalError as exc:  # the file is there but cannot be read now: not a verdict on it
        raise AppError(f"{path} cannot be read ({exc}): is the disk full or failing?") from None
    except sqlite3.DatabaseError as exc:
        raise AppError(f"{path} is not a Startup Desk database ({exc})") from None
    finally:
        probe.close()
    if "alembic_version" in objects:
        return
    if objects:
        listed = ", ".join(sorted(objects)[:5]) + (" …" if len(objects) > 5 else "")
        raise AppError(
            f"{path} is another program's SQLite database (tables {listed}): Startup Desk leaves it as it is"
        )
    if any(marks):  # no tables yet, but another program has marked the file as its own
        raise AppError(
            f"{path} is another program's SQLite database (user_version {marks[0]}, application_id "
            f"{marks[1]}): Startup Desk leaves it as it is"
        )


def _probe_server(url: str) -> None:
    """A server database that holds another program's tables (and no schema version of ours) is
    refused before a migration adds ours beside them."""
    from sqlalchemy import inspect

    from app.errors import AppError

    engine = create_engine(normalise_url(url))
    try:
        with engine.connect() as connection:
            tables = inspect(connection).get_table_names()
    finally:
        engine.dispose()
    if tables and "alembic_version" not in tables:
        listed = ", ".join(sorted(tables)[:5]) + (" …" if len(tables) > 5 else "")
        shown = make_url(normalise_url(url)).render_as_string(hide_password=True)
        raise AppError(f"{shown} holds another program's tables ({listed}): Startup Desk leaves it as it is")


def _check_writable(path: Path) -> None:
    """SQLite writes the database and its journal beside it: a read-only file or folder (or file
    system) is said so by name, before SQLite's own "unable to open database file"."""
    import os

    from app.errors import AppError

    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if path.exists() and not os.access(path, os.W_OK):
        raise AppError(f"{path} is read-only: Startup Desk opens its database for writing; nothing was changed")
    if not os.access(folder, os.W_OK):
        raise AppError(
            f"{path}: the folder {folder} is read-only, and SQLite writes its journal beside the database; "
            "nothing was changed"
        )


def folded_contains(needle: str, *values: str | None) -> bool:
    """Whether any of `values` holds `needle`, case folded as the trigram table folds it: the
    search of the applications an import left out of it for now (app.search_backlog)."""
    return any(value is not None and needle in value.lower() for value in values)


def create(url: str, *, foreign_keys: bool = True) -> Engine:
    """An engine for `url`. `foreign_keys=False` is for migrations on SQLite only."""
    url = normalise_url(url)
    if not is_sqlite(url):
        return create_engine(url, pool_pre_ping=True)
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": 15})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record) -> None:
        # Let SQLAlchemy, not the driver, say when transactions begin, so DDL is
        # transactional too (the pysqlite recipe of the SQLAlchemy docs).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # Foreign keys are off by default in SQLite; FULL makes a commit survive a
        # power cut; WAL lets the window read while a worker writes.
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=15000")
        cursor.close()
        dbapi_connection.create_function("folded_contains", -1, folded_contains, deterministic=True)

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        # A writer takes the write lock up front: two writers then queue instead of
        # failing with 'database is locked' when a read lock cannot be upgraded.
        connection.exec_driver_sql(connection.get_execution_options().get("sqlite_begin", "BEGIN"))

    return engine
