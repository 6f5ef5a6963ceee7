"""a form's own id may be as long as the form makes it (Crunchbase permalinks pass 120 characters);
duplicate keys recomputed: registrable domains (the Public Suffix List), names without their legal form only

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 09:00:00
"""

import importlib.util
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _recreate_search_index() -> None:
    """On SQLite the batch rebuild drops the applications table's FTS triggers (see 0003)."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    spec = importlib.util.spec_from_file_location(
        "queue_indexes_0003", Path(__file__).with_name("0003_queue_indexes.py")
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.create_sqlite_fts(bind)


def _recompute_keys() -> None:
    """The stored matching keys as today's rules make them (app/domains.py, models/matching.py),
    so that a new application is compared with old ones on the same terms. Only keys that
    change are written."""
    from app.domains import mail_domain, web_domain
    from models.matching import name_key

    bind = op.get_bind()
    applications = sa.table(
        "applications",
        sa.column("id"),
        sa.column("company"),
        sa.column("contact_email"),
        sa.column("website"),
        sa.column("web_domain"),
        sa.column("mail_domain"),
        sa.column("name_key"),
    )
    enrollments = sa.table(
        "enrollments", sa.column("id"), sa.column("application"), sa.column("web_domain"), sa.column("mail_domain")
    )
    a, e = applications.c, enrollments.c
    changed = []
    for row in bind.execute(
        sa.select(a.id, a.company, a.contact_email, a.website, a.web_domain, a.mail_domain, a.name_key)
    ):
        keys = (web_domain(row.website), mail_domain(row.contact_email), name_key(row.company))
        if keys != (row.web_domain, row.mail_domain, row.name_key):
            changed.append({"key_id": row.id, "w": keys[0], "m": keys[1], "n": keys[2]})
    if changed:
        bind.execute(
            applications.update()
            .where(a.id == sa.bindparam("key_id"))
            .values(web_domain=sa.bindparam("w"), mail_domain=sa.bindparam("m"), name_key=sa.bindparam("n")),
            changed,
        )
    moved = []
    query = sa.select(e.id, e.web_domain, e.mail_domain, a.website, a.contact_email).join(
        applications, a.id == e.application
    )
    for row in bind.execute(query):
        keys = (web_domain(row.website), mail_domain(row.contact_email))
        if keys != (row.web_domain, row.mail_domain):
            moved.append({"key_id": row.id, "w": keys[0], "m": keys[1]})
    if moved:
        bind.execute(
            enrollments.update()
            .where(e.id == sa.bindparam("key_id"))
            .values(web_domain=sa.bindparam("w"), mail_domain=sa.bindparam("m")),
            moved,
        )


def upgrade() -> None:
    with op.batch_alter_table("applications") as batch:
        batch.alter_column("application_id", existing_type=sa.String(length=80), type_=sa.String(length=255))
    _recreate_search_index()
    _recompute_keys()


def downgrade() -> None:
    with op.batch_alter_table("applications") as batch:
        batch.alter_column("application_id", existing_type=sa.String(length=255), type_=sa.String(length=80))
    _recreate_search_index()
