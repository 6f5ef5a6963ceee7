"""The bills a close has not settled as billed, in a partial index (issue 17)

`verify` names every bill of a closed month whose settled amount is not its amount
(billing changed it after the close, and the month wants a restatement). That read
went through every bill (3,500,000 at 100,000 members, 0.5 s); the index holds only
the bills not settled as billed (the open months' bills, and those waiting for a
restatement), so the check reads those alone. Declared in app/schema.py as DDL, in the
one statement both databases understand (see the open-request index).

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-04 18:45:00
"""

from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX ix_bills_unsettled ON bills (month) WHERE settled_cents IS NULL OR settled_cents <> amount_cents"
    )


def downgrade() -> None:
    op.drop_index("ix_bills_unsettled", table_name="bills")
