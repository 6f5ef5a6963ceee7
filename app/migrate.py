"""Schema migrations (Alembic), applied when a database is opened.

- a database from a newer Startup Desk is refused, never opened;
- before upgrading an existing database a backup is taken; a failed upgrade is
  rolled back (DDL is transactional on both databases here), the backup is put
  back on SQLite, and the message says so;
- on SQLite migrations run with foreign keys off, since a table-rebuilding
  migration would otherwise cascade-delete child rows; `foreign_key_check` and
  `integrity_check` must come back clean before the upgrade commits.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, inspect

from app import db
from app.clock import utcnow
from app.errors import AppError

#: The revisions this version knows, oldest first. A test keeps it equal to Alembic's.
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0012", "0015", "0016")
REVISIONS += ("0017", "0018", "0019", "0020", "0021", "0022", "0023")
HEAD = REVISIONS[-1]
SCRIPTS = Path(__file__).with_name("migrations")


class NewerDatabase(AppError):
    pass


class MigrationFailed(AppError):
    pass


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        if inspect(connection).get_table_names():
            raise AppError("this database was not made by Startup Desk; refusing to change it")
        return None
    return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def ensure_schema(url: str, backup_dir: Path | None = None, scripts: Path = SCRIPTS, head: str = HEAD) -> str | None:
    """Bring the database at `url` to `head`. Returns the backup's path, if one was taken."""
    url = db.normalise_url(url)
    engine = db.create(url)
    try:
        with engine.connect() as connection:
            revision = current_revision(connection)
    finally:
        engine.dispose()
    if revision == head:
        return None
    known = _known_revisions(scripts)
    if revision is not None and revision not in known:
        raise NewerDatabase(
            f"this database was written by a newer Startup Desk (schema {revision}); "
            f"this version knows schema {head} at most. Update Startup Desk to open it."
        )
    backup_path = None
    if revision is not None:
        from app.backup import backup

        folder = backup_dir or db.user_data_dir() / "backups"
        stamp = utcnow().strftime("%Y%m%dT%H%M%SZ")
        backup_path = backup(url, folder / f"before-schema-{head}-{stamp}.sqlite3")
    try:
        upgrade_to(url, scripts, head)
    except Exception as exc:
        restored = ""
        if backup_path and db.is_sqlite(url):
            from app.backup import restore_sqlite

            restore_sqlite(backup_path, url)
            restored = f" The database was restored from the backup {backup_path}."
        elif backup_path:
            restored = f" Nothing was changed (the upgrade was rolled back); a backup is at {backup_path}."
        raise MigrationFailed(f"upgrading the database to schema {head} failed: {exc}.{restored}") from exc
    return str(backup_path) if backup_path else None


def _known_revisions(scripts: Path) -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory(str(scripts)).walk_revisions()}


def upgrade_to(url: str, scripts: Path, head: str) -> None:
    """Run the migrations of `scripts` on `url` up to the revision `head`, in one transaction."""
    from alembic import command
    from alembic.config import Config

    engine: Engine = db.create(url, foreign_keys=False)
    try:
        with engine.begin() as connection:
            config = Config()
            config.set_main_option("script_location", str(scripts))
            config.attributes["connection"] = connection
            command.upgrade(config, head)
            if db.is_sqlite(url):
                _check_sqlite(connection)
    finally:
        engine.dispose()


def _check_sqlite(connection: Connection) -> None:
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise MigrationFailed(f"foreign key check found {len(broken)} broken references, e.g. {tuple(broken[0])}")
    integrity = connection.exec_driver_sql("PRAGMA integrity_check").scalar()
    if integrity != "ok":
        raise MigrationFailed(f"integrity check: {integrity}")
