"""a form's own id may be as long as the form makes it (Crunchbase permalinks pass 120 characters)

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


def upgrade() -> None:
    with op.batch_alter_table("applications") as batch:
        batch.alter_column("application_id", existing_type=sa.String(length=80), type_=sa.String(length=255))
    _recreate_search_index()


def downgrade() -> None:
    with op.batch_alter_table("applications") as batch:
        batch.alter_column("application_id", existing_type=sa.String(length=255), type_=sa.String(length=80))
    _recreate_search_index()
