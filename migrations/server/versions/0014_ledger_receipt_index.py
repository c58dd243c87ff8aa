"""ledger index for the hot receipt checks: (receipt_id, kind) instead of (receipt_source, store_id, receipt_id)

Every push looks up the batch's receipts by ``receipt_id IN (…) AND kind = 'earn'`` (a receipt earned
twice) and its vouchers by ``receipt_id IN (…) AND kind = 'redeem'``. The old index led with
``receipt_source``, which neither query can bound, so PostgreSQL scanned the whole ledger (59 ms per
900 receipts at 300,000 rows, growing with the ledger). The new index leads with what the queries
fix: each lookup is O(batch). The old one served no query, and every insert paid for it: dropped.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-29 16:00:00.000000
"""

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_ledger_entry_receipt_kind", "ledger_entry", ["receipt_id", "kind"], unique=False)
    op.drop_index("ix_ledger_entry_receipt", table_name="ledger_entry")


def downgrade() -> None:
    op.create_index(
        "ix_ledger_entry_receipt", "ledger_entry", ["receipt_source", "store_id", "receipt_id"], unique=False
    )
    op.drop_index("ix_ledger_entry_receipt_kind", table_name="ledger_entry")
