"""One- and two-character search from indexes (issue 17)

SQLite's trigram table holds no term shorter than three characters, so a needle of one or
two was looked for row by row: six seconds at a million rows when it is rare. Two things
let `app.search` answer it from indexes instead, the same rows as before:

- `applications_fts_terms`, an `fts5vocab` view of the trigram table (it stores nothing):
  every trigram holding the needle, and the applications that have each;
- `ix_applications_short_text`, a partial index of the applications with a searched value
  shorter than three characters (no trigram at all): a handful of rows.

PostgreSQL: nothing (pg_trgm serves its search).

Revision ID: 0012
Revises: 0009
Create Date: 2026-12-03 16:00:00
"""

from alembic import op

revision = "0012"
down_revision = "0009"
branch_labels = None
depends_on = None

#: the partial index's condition, written once: `app.search` repeats it word for word so that
#: SQLite's planner recognises it
SHORT_TEXT = (
    "length(company) BETWEEN 1 AND 2 OR length(contact_name) BETWEEN 1 AND 2 "
    "OR length(contact_email) BETWEEN 1 AND 2 OR length(web_domain) BETWEEN 1 AND 2 "
    "OR length(application_id) BETWEEN 1 AND 2"
)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    has_fts = bind.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'applications_fts'").first()
    if has_fts:
        bind.exec_driver_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS applications_fts_terms USING fts5vocab(applications_fts, instance)"
        )
    bind.exec_driver_sql(
        f"CREATE INDEX IF NOT EXISTS ix_applications_short_text ON applications (id) WHERE {SHORT_TEXT}"
    )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    bind.exec_driver_sql("DROP INDEX IF EXISTS ix_applications_short_text")
    bind.exec_driver_sql("DROP TABLE IF EXISTS applications_fts_terms")
