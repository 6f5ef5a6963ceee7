"""The ledger's sums per member-year, kept by every writer of entries (issue 17)

The Ledger pane summed all the entries (2,800,000 at 100,000 members) each time it was
filled: twice one GROUP BY over them. `ledger_year_sums` keeps, per (enrollment, program
year; 0 for the entries of no year), the credit, the credit applied, the latest credit
entry's date and the number of extensions (app/kept_sums.py); every writer adds its
entries to it in its own transaction. Filled here from the entries already written; the
downgrade drops it (the entries hold everything it summed).

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-06 21:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None

CREDIT_KINDS = "('grant', 'apply', 'expire', 'adjust', 'reverse')"


def upgrade() -> None:
    op.create_table(
        "ledger_year_sums",
        sa.Column("enrollment", sa.Integer(), nullable=False),
        sa.Column("program_year", sa.Integer(), nullable=False),
        sa.Column("credit_cents", sa.BigInteger(), nullable=False),
        sa.Column("applied_cents", sa.BigInteger(), nullable=False),
        sa.Column("latest_credit_on", sa.Date(), nullable=True),
        sa.Column("extensions", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["enrollment"], ["enrollments.id"], name=op.f("fk_ledger_year_sums_enrollment_enrollments")
        ),
        sa.PrimaryKeyConstraint("enrollment", "program_year", name=op.f("pk_ledger_year_sums")),
    )
    op.execute(
        "INSERT INTO ledger_year_sums (enrollment, program_year, credit_cents, applied_cents, latest_credit_on,"
        " extensions) SELECT enrollment, coalesce(program_year, 0),"
        f" sum(CASE WHEN kind IN {CREDIT_KINDS} THEN amount_cents ELSE 0 END),"
        " sum(CASE WHEN counts_as = 'apply' THEN amount_cents ELSE 0 END),"
        f" max(CASE WHEN kind IN {CREDIT_KINDS} THEN entry_date END),"
        " sum(CASE WHEN kind = 'extend' THEN 1 ELSE 0 END)"
        " FROM ledger_entries GROUP BY enrollment, program_year"
    )


def downgrade() -> None:
    op.drop_table("ledger_year_sums")
