"""imports at scale (issue 17): the duplicate flags' redundant index goes

`uq_duplicate_flags_pair` (application, other, kind) already finds an application's flags
by its first column; `ix_duplicate_flags_application` only cost every flag written (a crowd
sharing one domain writes 50 a row) a second B-tree insert.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 12:45:00
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("duplicate_flags") as batch:
        batch.drop_index(batch.f("ix_duplicate_flags_application"))


def downgrade() -> None:
    with op.batch_alter_table("duplicate_flags") as batch:
        batch.create_index(batch.f("ix_duplicate_flags_application"), ["application"], unique=False)
