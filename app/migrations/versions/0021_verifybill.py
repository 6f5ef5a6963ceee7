"""The entries' month index also holds the member (issue 17)

verify checks that the credit and discount on each bill do not exceed it: every member-month
of credit lined up with its bill. It grouped the entries by member and month, a sort of the
2.4 million entries of credit at 100,000 members, SQLite having no other way to group them.
With the member in the month index, between the kind and the amount, `(month, counts_as,
enrollment, amount_cents)` groups them by month, kind and member in its own order, from the
index alone. Its first columns still serve everything the old index did (a month's entries,
its net totals by kind): it replaces it, so that an entry write updates no more indexes.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-06 21:00:00
"""

from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_ledger_entries_month_kind_member", "ledger_entries", ["month", "counts_as", "enrollment", "amount_cents"]
    )
    op.drop_index("ix_ledger_entries_month_kind", table_name="ledger_entries")


def downgrade() -> None:
    op.create_index("ix_ledger_entries_month_kind", "ledger_entries", ["month", "counts_as", "amount_cents"])
    op.drop_index("ix_ledger_entries_month_kind_member", table_name="ledger_entries")
