"""Queue indexes and text search.

The queue sorts by company, submitted date and funding through their indexes and
filters by status with eligibility, country and partner through theirs. Text search
(company, contact, e-mail, domain, application id) is an FTS5 trigram index on
SQLite, and pg_trgm GIN indexes on PostgreSQL: both answer "contains" without
reading every row. New applications enter the FTS table in one statement per import
(`app.search.index_new_applications`): a per-row insert trigger tripled the import's
time. Triggers keep it right when an application's text changes or one is deleted.

A later migration that rebuilds the applications table on SQLite (batch mode) drops
these triggers with the old table: it must create them again (`create_sqlite_fts`).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

FTS_COLUMNS = ("company", "contact_name", "contact_email", "web_domain", "application_id")
TRIGRAM_EXPRESSIONS = {
    "company": "lower(company)",
    "contact_name": "lower(contact_name)",
    "contact_email": "lower(contact_email)",
    "web_domain": "web_domain",
    "application_id": "lower(application_id)",
}


def create_sqlite_fts(bind) -> bool:
    """The FTS5 table, its update and delete triggers, and its contents; False where this SQLite
    has no trigram tokenizer (before 3.34)."""
    try:
        bind.exec_driver_sql("CREATE VIRTUAL TABLE temp.trigram_probe USING fts5(x, tokenize='trigram')")
        bind.exec_driver_sql("DROP TABLE temp.trigram_probe")
    except sa.exc.OperationalError:
        return False
    columns = ", ".join(FTS_COLUMNS)
    new = ", ".join(f"new.{c}" for c in FTS_COLUMNS)
    old = ", ".join(f"old.{c}" for c in FTS_COLUMNS)
    statements = [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS applications_fts USING fts5({columns}, content='applications', "
        "content_rowid='id', tokenize='trigram')",
        f"CREATE TRIGGER IF NOT EXISTS applications_fts_delete AFTER DELETE ON applications BEGIN "
        f"INSERT INTO applications_fts(applications_fts, rowid, {columns}) VALUES ('delete', old.id, {old}); END",
        f"CREATE TRIGGER IF NOT EXISTS applications_fts_update AFTER UPDATE OF {columns} ON applications BEGIN "
        f"INSERT INTO applications_fts(applications_fts, rowid, {columns}) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO applications_fts(rowid, {columns}) VALUES (new.id, {new}); END",
        "INSERT INTO applications_fts(applications_fts) VALUES ('rebuild')",
    ]
    for statement in statements:
        bind.exec_driver_sql(statement)
    return True


def upgrade() -> None:
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_applications_status"))
        batch_op.create_index(batch_op.f("ix_applications_company"), ["company"], unique=False)
        batch_op.create_index(batch_op.f("ix_applications_country"), ["country"], unique=False)
        batch_op.create_index(batch_op.f("ix_applications_partner_code"), ["partner_code"], unique=False)
        batch_op.create_index("ix_applications_status_eligibility", ["status", "eligibility"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_applications_total_funding_cents"), ["total_funding_cents"], unique=False
        )
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        create_sqlite_fts(bind)
    elif bind.dialect.name == "postgresql":
        # pg_trgm is a trusted extension (PostgreSQL 13+): a database owner may create it. Where
        # that is refused, text search still works, by reading every row.
        savepoint = bind.begin_nested()
        try:
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            for column, expression in TRIGRAM_EXPRESSIONS.items():
                bind.exec_driver_sql(
                    f"CREATE INDEX ix_applications_trgm_{column} ON applications "
                    f"USING gin (({expression}) gin_trgm_ops)"
                )
            savepoint.commit()
        except sa.exc.DBAPIError:
            savepoint.rollback()


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for trigger in ("delete", "update"):
            bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS applications_fts_{trigger}")
        bind.exec_driver_sql("DROP TABLE IF EXISTS applications_fts")
    elif bind.dialect.name == "postgresql":
        for column in TRIGRAM_EXPRESSIONS:
            bind.exec_driver_sql(f"DROP INDEX IF EXISTS ix_applications_trgm_{column}")
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_applications_total_funding_cents"))
        batch_op.drop_index("ix_applications_status_eligibility")
        batch_op.drop_index(batch_op.f("ix_applications_partner_code"))
        batch_op.drop_index(batch_op.f("ix_applications_country"))
        batch_op.drop_index(batch_op.f("ix_applications_company"))
        batch_op.create_index(batch_op.f("ix_applications_status"), ["status"], unique=False)
