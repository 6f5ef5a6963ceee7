"""The search index filled after an import's commit (issue 17)

Filling SQLite's trigram table was a fifth of a 100,000-row import and more of one onto a
million rows. A big import now commits its rows without it; `app.search` fills it after,
a slice per transaction (the window on a worker, the command line before it exits), and
meanwhile looks for a needle in the rows not yet in it row by row, so every search still
finds them. `applications_fts_backlog` holds where that waiting part starts: every
application from `indexed_below` on is not in the trigram table (applications only ever
arrive at the end).

The triggers that keep the trigram table right when a searched value changes (or an
application is deleted) now leave a waiting application alone: it goes in with its values
of the time it is reached. A later migration that rebuilds the applications table on
SQLite must create these triggers again (`create_triggers`), not 0003's.

PostgreSQL: nothing (its trigram index is kept by PostgreSQL itself).

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06 21:00:00
"""

from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

FTS_COLUMNS = ("company", "contact_name", "contact_email", "web_domain", "application_id")
INDEXED = "(SELECT indexed_below FROM applications_fts_backlog)"


def create_triggers(bind, waiting_aside: bool = True) -> None:
    columns = ", ".join(FTS_COLUMNS)
    new = ", ".join(f"new.{c}" for c in FTS_COLUMNS)
    old = ", ".join(f"old.{c}" for c in FTS_COLUMNS)
    when = f"WHEN old.id < {INDEXED} " if waiting_aside else ""
    delete = f"INSERT INTO applications_fts(applications_fts, rowid, {columns}) VALUES ('delete', old.id, {old});"
    for trigger in ("delete", "update"):
        bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS applications_fts_{trigger}")
    bind.exec_driver_sql(f"CREATE TRIGGER applications_fts_delete AFTER DELETE ON applications {when}BEGIN {delete} END")
    bind.exec_driver_sql(
        f"CREATE TRIGGER applications_fts_update AFTER UPDATE OF {columns} ON applications {when}BEGIN {delete} "
        f"INSERT INTO applications_fts(rowid, {columns}) VALUES (new.id, {new}); END"
    )


def _has_fts(bind) -> bool:
    return bind.dialect.name == "sqlite" and bool(
        bind.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'applications_fts'").first()
    )


def upgrade() -> None:
    bind = op.get_bind()
    if not _has_fts(bind):
        return
    bind.exec_driver_sql("CREATE TABLE applications_fts_backlog (indexed_below INTEGER NOT NULL)")
    bind.exec_driver_sql(
        "INSERT INTO applications_fts_backlog (indexed_below) SELECT coalesce(max(id), 0) + 1 FROM applications"
    )
    create_triggers(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if not _has_fts(bind):
        return
    columns = ", ".join(FTS_COLUMNS)
    bind.exec_driver_sql(  # what still waits goes in first: 0019's schema has every application in it
        f"INSERT INTO applications_fts(rowid, {columns}) SELECT id, {columns} FROM applications "
        f"WHERE id >= {INDEXED}"
    )
    create_triggers(bind, waiting_aside=False)
    bind.exec_driver_sql("DROP TABLE applications_fts_backlog")
