"""Indexes that answer two reads at scale from the index alone (issue 17)

- the queue's count of a submitted-date range within statuses (the open queue of a
  quarter): `(status, submitted_on)` holds both, so the count reads only the matching
  index entries instead of looking every match up in the table (1.2 s at 3,000,000);
- the Ledger pane's net totals of the last twelve closed months: `(month, counts_as,
  amount_cents)` replaces the month index (its first column serves every lookup by month),
  so the totals no longer read each month's entries from the table.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 12:10:00
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_applications_status_submitted_on", "applications", ["status", "submitted_on"])
    op.create_index("ix_ledger_entries_month_kind", "ledger_entries", ["month", "counts_as", "amount_cents"])
    op.drop_index("ix_ledger_entries_month", table_name="ledger_entries")


def downgrade() -> None:
    op.create_index("ix_ledger_entries_month", "ledger_entries", ["month"])
    op.drop_index("ix_ledger_entries_month_kind", table_name="ledger_entries")
    op.drop_index("ix_applications_status_submitted_on", table_name="applications")
