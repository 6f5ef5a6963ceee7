import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from app import schema
from app.backup import backup
from app.database import Database
from app.migrate import HEAD, REVISIONS, SCRIPTS, MigrationFailed, NewerDatabase, ensure_schema
from tests.importing import import_file

CSV = "application_id,submitted_on,company,contact_email,country\nM1,2026-01-10,Keep Me,k@keep.io,GB\n"


def test_the_known_revisions_are_alembics(tmp_path):
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(SCRIPTS))
    assert script.get_current_head() == HEAD
    assert [r.revision for r in script.walk_revisions()][::-1] == list(REVISIONS)


def test_a_database_from_a_newer_version_is_refused_and_left_alone(database, database_url):
    with database.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(NewerDatabase, match="newer Startup Desk"):
        Database(database_url)
    with database.read() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999"


def test_a_foreign_database_is_not_touched(tmp_path):
    path = tmp_path / "other.sqlite3"
    sqlite3.connect(path).execute("CREATE TABLE accounts (id INTEGER)").connection.commit()
    before = path.read_bytes()
    with pytest.raises(Exception, match="another program's SQLite database"):
        Database(f"sqlite:///{path}")
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["other.sqlite3"]


def _scripts_with(tmp_path: Path, body: str) -> Path:
    scripts = tmp_path / "migrations"
    shutil.copytree(SCRIPTS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9000_test.py").write_text(
        f'revision = "9000"\ndown_revision = "{HEAD}"\nbranch_labels = None\ndepends_on = None\n'
        "from alembic import op\nimport sqlalchemy as sa\n\n\ndef upgrade():\n" + body
    )
    return scripts


def test_a_failed_upgrade_is_rolled_back_restored_and_says_so(database, database_url, write_csv, tmp_path):
    import_file(database, write_csv(CSV))
    database.close()
    scripts = _scripts_with(
        tmp_path,
        "    op.execute('DELETE FROM transitions')\n"
        "    op.add_column('applications', sa.Column('score', sa.Integer()))\n"
        "    raise RuntimeError('boom')\n",
    )
    with pytest.raises(MigrationFailed, match="boom") as failure:
        ensure_schema(database_url, tmp_path / "backups", scripts, "9000")
    assert "backup" in str(failure.value)
    reopened = Database(database_url)
    with reopened.read() as conn:
        assert conn.execute(select(schema.applications.c.company)).scalar() == "Keep Me"
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD
    assert list((tmp_path / "backups").iterdir()), "a backup is taken before any upgrade"
    reopened.close()


def test_a_table_rebuilding_migration_on_sqlite_keeps_child_rows(tmp_path, write_csv):
    url = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    database = Database(url, "tester")
    import_file(database, write_csv(CSV))
    from app.services.applications import Decide, decide

    database.run(decide, Decide("M1", "review"))
    database.close()
    # batch_alter_table rebuilds 'applications' (copy, drop, rename): with foreign keys on,
    # the drop would cascade or fail on the transitions that point at it.
    scripts = _scripts_with(
        tmp_path,
        "    with op.batch_alter_table('applications', recreate='always') as batch:\n"
        "        batch.add_column(sa.Column('score', sa.Integer()))\n",
    )
    ensure_schema(url, tmp_path / "backups", scripts, "9000")
    connection = sqlite3.connect(tmp_path / "desk.sqlite3")
    assert connection.execute("SELECT count(*) FROM transitions").fetchone()[0] == 1
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    connection.close()


def test_a_backup_is_a_consistent_openable_copy(database, write_csv, tmp_path):
    import_file(database, write_csv(CSV))
    target = backup(database.url, tmp_path / "copy.sqlite3")
    copy = Database(f"sqlite:///{target}")
    with copy.read() as conn:
        assert conn.execute(select(func.count()).select_from(schema.applications)).scalar() == 1
        assert conn.execute(select(func.count()).select_from(schema.territories)).scalar() == 249
        from app.search import text_condition

        # a copy of a PostgreSQL database gets SQLite's own search index, filled
        found = conn.execute(select(schema.applications.c.company).where(text_condition(conn, "keep"))).all()
        assert len(found) == 1
    copy.close()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


def test_sqlite_runs_with_foreign_keys_on_and_full_sync(database):
    if not database.is_sqlite:
        pytest.skip("SQLite settings")
    with database.read() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2


def test_the_migrated_schema_is_the_declared_one(database, database_url):
    """Every migration together builds exactly app/schema.py (what schema.declared leaves out aside)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from app import db, schema

    engine = db.create(db.normalise_url(database_url))
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"include_object": schema.declared})
            assert compare_metadata(context, schema.metadata) == []
    finally:
        engine.dispose()


def test_a_copy_built_from_the_declared_schema_keeps_the_open_request_index(tmp_path):
    """A PostgreSQL backup is a SQLite file built by create_all: the partial index, declared as
    DDL, must come with it (the migrations' own is tested in test_deals)."""
    from sqlalchemy import create_engine

    from app.schema import OPEN_REQUEST_INDEX

    engine = create_engine(f"sqlite:///{tmp_path / 'copy.sqlite3'}")
    schema.metadata.create_all(engine)
    with engine.connect() as conn:
        sql = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = ?", (OPEN_REQUEST_INDEX,)).scalar()
    engine.dispose()
    assert sql is not None and "UNIQUE" in sql and sql.endswith("WHERE is_open")
