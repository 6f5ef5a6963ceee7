"""The (status, eligibility) index also holds the partner code (issue 16)

The policy what-if counts the open queue's eligible applications by partner: through
(status, eligibility) that looked up every eligible row for its partner (0.37 s at a
million); with the partner code in the index the count reads the index alone (0.10 s).
Every query the old index served (the queue's "eligible, not yet reviewed") is served by
the new one's first two columns, so it replaces the old one rather than joining it.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04 03:30:00
"""

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_applications_status_eligibility", table_name="applications")
    op.create_index(
        "ix_applications_status_eligibility_partner", "applications", ["status", "eligibility", "partner_code"]
    )


def downgrade() -> None:
    op.drop_index("ix_applications_status_eligibility_partner", table_name="applications")
    op.create_index("ix_applications_status_eligibility", "applications", ["status", "eligibility"])
