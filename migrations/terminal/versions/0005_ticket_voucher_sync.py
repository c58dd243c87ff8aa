"""tickets and vouchers sync: an index of voucher uses; a ticket's locally edited fields, when it was resolved; a voucher's store and note

Revision ID: 0005
Revises: 4a1c0e7d9b21
Create Date: 2026-11-29 13:10:00.000000
"""

import sqlalchemy as sa
from alembic import op

import app.db.types

revision = "0005"
down_revision = "4a1c0e7d9b21"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_ledger_entry_voucher",
        "ledger_entry",
        ["receipt_id"],
        unique=False,
        sqlite_where=sa.text("receipt_source = 'voucher'"),
        postgresql_where=sa.text("receipt_source = 'voucher'"),
    )
    with op.batch_alter_table("ticket", schema=None) as batch_op:
        batch_op.add_column(sa.Column("resolved_at", app.db.types.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("dirty", sa.Text(), nullable=False, server_default=""))
        batch_op.create_index("ix_ticket_status_due", ["status", "due_at"], unique=False)
    with op.batch_alter_table("voucher", schema=None) as batch_op:
        batch_op.add_column(sa.Column("store_id", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("currency", sa.String(length=3), nullable=False, server_default="VND"))
        batch_op.add_column(sa.Column("note", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("issued_by", sa.String(length=40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("voucher", schema=None) as batch_op:
        batch_op.drop_column("issued_by")
        batch_op.drop_column("note")
        batch_op.drop_column("currency")
        batch_op.drop_column("store_id")
    with op.batch_alter_table("ticket", schema=None) as batch_op:
        batch_op.drop_index("ix_ticket_status_due")
        batch_op.drop_column("dirty")
        batch_op.drop_column("resolved_at")
    op.drop_index("ix_ledger_entry_voucher", table_name="ledger_entry")
