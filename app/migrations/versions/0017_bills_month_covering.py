"""The bills' month index also holds the workspace and the amount (issue 17)

The Ledger pane sums each workspace's bills of the last three closed months (its pace and
the last month's bill): through the month index alone it looked every one of those bills up
in the table (300,000 lookups at 100,000 members, spread over the table when the bills were
not imported month by month). With `(month, workspace, amount_cents)` the sums read the index
alone; its first column serves every lookup by month (the close, the exports, the program
forecast), so it replaces the month index rather than joining it.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04 18:45:00
"""

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_bills_month_workspace_amount", "bills", ["month", "workspace", "amount_cents"])
    op.drop_index("ix_bills_month", table_name="bills")


def downgrade() -> None:
    op.create_index("ix_bills_month", "bills", ["month"])
    op.drop_index("ix_bills_month_workspace_amount", table_name="bills")
