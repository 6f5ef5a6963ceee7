"""PostgreSQL: one trigram index over the searched text instead of five (issue 17)

Migration 0003 gave each searched column (company, contact, e-mail, domain, application id)
a pg_trgm GIN index of its own. Every imported row then fed five GIN indexes, a third of a
100,000-row import on PostgreSQL, and a search read five of them and OR'ed the bitmaps. One
index over the five values joined by a line break (which no search box holds, so no match
runs from one value into the next) serves the same "contains" in one read.
`app.search.postgres_text` builds the same expression: PostgreSQL uses an expression index
only for the expression it was built on.

SQLite: nothing (its FTS5 trigram table already holds the five in one).

Revision ID: 0015
Revises: 0012
Create Date: 2026-12-03 19:20:00
"""

from alembic import op

revision = "0015"
down_revision = "0012"
branch_labels = None
depends_on = None

COLUMNS = {
    "company": "lower(company)",
    "contact_name": "lower(contact_name)",
    "contact_email": "lower(contact_email)",
    "web_domain": "web_domain",
    "application_id": "lower(application_id)",
}
SEARCHED_TEXT = (
    "lower(company::text || E'\\n' || contact_name::text || E'\\n' || contact_email::text || E'\\n' "
    "|| web_domain::text || E'\\n' || coalesce(application_id::text, ''))"
)
INDEX = "ix_applications_trgm_text"


def _has_trigrams(bind) -> bool:
    return bool(bind.exec_driver_sql("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").first())


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql" or not _has_trigrams(bind):
        return  # without pg_trgm (refused in 0003) a search reads every row, as before
    for column in COLUMNS:
        bind.exec_driver_sql(f"DROP INDEX IF EXISTS ix_applications_trgm_{column}")
    bind.exec_driver_sql(f"CREATE INDEX {INDEX} ON applications USING gin (({SEARCHED_TEXT}) gin_trgm_ops)")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql" or not _has_trigrams(bind):
        return
    bind.exec_driver_sql(f"DROP INDEX IF EXISTS {INDEX}")
    for column, expression in COLUMNS.items():
        bind.exec_driver_sql(
            f"CREATE INDEX ix_applications_trgm_{column} ON applications USING gin (({expression}) gin_trgm_ops)"
        )
