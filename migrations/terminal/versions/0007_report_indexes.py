"""Back-office report indexes: ledger entries by kind and time, members by enrolment time and status (issue 8)

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 13:25:00.000000
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_ledger_entry_kind_created", "ledger_entry", ["kind", "created_at"])
    op.create_index("ix_customer_enrolled_at", "customer", ["enrolled_at"])
    op.create_index("ix_customer_status", "customer", ["status"])  # the few merged or blocked members


def downgrade() -> None:
    op.drop_index("ix_customer_status", table_name="customer")
    op.drop_index("ix_customer_enrolled_at", table_name="customer")
    op.drop_index("ix_ledger_entry_kind_created", table_name="ledger_entry")
