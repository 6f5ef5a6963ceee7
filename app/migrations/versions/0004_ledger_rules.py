"""year 2 confirmation window, reinstatements point at the reversal they undo, what an entry counts as

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 11:00:00
"""

from alembic import op
import sqlalchemy as sa


revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("policies") as batch:
        batch.add_column(sa.Column("year_two_window_days", sa.Integer(), nullable=False, server_default="60"))
    with op.batch_alter_table("ledger_entries") as batch:
        batch.add_column(sa.Column("counts_as", sa.String(length=16), nullable=True))
    op.execute("UPDATE ledger_entries SET counts_as = kind WHERE reverses IS NULL")
    op.execute(
        "UPDATE ledger_entries SET counts_as = "
        "(SELECT o.kind FROM ledger_entries o WHERE o.id = ledger_entries.reverses) WHERE reverses IS NOT NULL"
    )
    with op.batch_alter_table("ledger_entries") as batch:
        batch.alter_column("counts_as", existing_type=sa.String(length=16), nullable=False)
        batch.add_column(sa.Column("reinstates", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            batch.f("fk_ledger_entries_reinstates_ledger_entries"), "ledger_entries", ["reinstates"], ["id"]
        )
        batch.create_unique_constraint(batch.f("uq_ledger_entries_reinstates"), ["reinstates"])


def downgrade() -> None:
    with op.batch_alter_table("ledger_entries") as batch:
        batch.drop_constraint(batch.f("uq_ledger_entries_reinstates"), type_="unique")
        batch.drop_constraint(batch.f("fk_ledger_entries_reinstates_ledger_entries"), type_="foreignkey")
        batch.drop_column("reinstates")
        batch.drop_column("counts_as")
    with op.batch_alter_table("policies") as batch:
        batch.drop_column("year_two_window_days")
