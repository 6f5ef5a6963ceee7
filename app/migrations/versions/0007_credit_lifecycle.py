"""the credit lifecycle (SPEC 4, 10): bonus grants, extensions, credit notices

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 09:00:00
"""

from alembic import op
import sqlalchemy as sa


revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("program_years") as batch:
        batch.add_column(sa.Column("bonus", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("priority", sa.Integer(), nullable=False, server_default="50"))
        batch.add_column(sa.Column("reason", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("ledger_entries") as batch:
        batch.add_column(sa.Column("extends_entry", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("extended_until", sa.Date(), nullable=True))
        batch.create_foreign_key(
            batch.f("fk_ledger_entries_extends_entry_ledger_entries"), "ledger_entries", ["extends_entry"], ["id"]
        )
    op.create_table(
        "credit_notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("enrollment", sa.Integer(), nullable=False),
        sa.Column("program_year", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("threshold", sa.Integer(), nullable=False),
        sa.Column("made_on", sa.Date(), nullable=False),
        sa.Column("balance_cents", sa.BigInteger(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(
            ["enrollment"], ["enrollments.id"], name=op.f("fk_credit_notices_enrollment_enrollments")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credit_notices")),
        sa.UniqueConstraint("enrollment", "program_year", "kind", "threshold", name="uq_credit_notices_once"),
    )
    op.create_index(op.f("ix_credit_notices_enrollment"), "credit_notices", ["enrollment"])


def downgrade() -> None:
    op.drop_index(op.f("ix_credit_notices_enrollment"), table_name="credit_notices")
    op.drop_table("credit_notices")
    with op.batch_alter_table("ledger_entries") as batch:
        batch.drop_constraint(batch.f("fk_ledger_entries_extends_entry_ledger_entries"), type_="foreignkey")
        batch.drop_column("extended_until")
        batch.drop_column("extends_entry")
    with op.batch_alter_table("program_years") as batch:
        batch.drop_column("reason")
        batch.drop_column("priority")
        batch.drop_column("bonus")
