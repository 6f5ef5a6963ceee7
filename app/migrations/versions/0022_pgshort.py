"""PostgreSQL: one- and two-character search from the trigram index (issue 17)

pg_trgm holds no term shorter than three characters, so a needle of one or two was looked
for row by row: half a second at 200,000 rows when it is rare, seconds at three million.
`app.search.postgres_short_hits` asks 0015's trigram index instead for the needle with each
character that can stand beside it: a few patterns whose trigrams are in the index. That
needs every character beside it to be known, which holds for an application written in
letters, digits and the separators nearly every one holds (space, line break, "@", ".", "-").
The others (accents, other scripts, "&", "_", ...: a minority) are in the partial index made
here, the characters of each as its keys: PostgreSQL keeps it with every write.

SQLite: nothing (migration 0012 serves it there).

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-06 21:00:00
"""

from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

#: 0015's indexed expression, which `app.search` builds the same way
SEARCHED_TEXT = (
    "lower(company::text || E'\\n' || contact_name::text || E'\\n' || contact_email::text || E'\\n' "
    "|| web_domain::text || E'\\n' || coalesce(application_id::text, ''))"
)
#: an application holding a character other than these: `app.search.RARE_TEXT`, word for word
RARE_TEXT = f"{SEARCHED_TEXT} ~ '[^abcdefghijklmnopqrstuvwxyz0123456789 \\n@.-]'"
INDEX = "ix_applications_trgm_rare"


def _has_trigrams(bind) -> bool:
    return bool(bind.exec_driver_sql("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").first())


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql" or not _has_trigrams(bind):
        return  # without 0015's trigram index a short needle is looked for row by row, as before
    bind.exec_driver_sql(
        f"CREATE INDEX {INDEX} ON applications USING gin ((string_to_array({SEARCHED_TEXT}, NULL))) WHERE {RARE_TEXT}"
    )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        bind.exec_driver_sql(f"DROP INDEX IF EXISTS {INDEX}")
