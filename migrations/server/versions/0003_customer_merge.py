"""member merges and their undos, synced from the tills (issue 8)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 13:45:00.000000
"""

import sqlalchemy as sa
from alembic import op

import app.db.types

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "customer_merge",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("survivor_id", sa.String(length=40), nullable=False),
        sa.Column("duplicate_id", sa.String(length=40), nullable=False),
        sa.Column("undoes", sa.String(length=36), nullable=True),
        sa.Column("terminal_id", sa.String(length=40), nullable=False),
        sa.Column("store_id", sa.String(length=40), nullable=False),
        sa.Column("staff_id", sa.String(length=40), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("received_at", app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("change_no", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_merge")),
    )
    op.create_index(op.f("ix_customer_merge_change_no"), "customer_merge", ["change_no"], unique=False)
    op.create_index(op.f("ix_customer_merge_duplicate_id"), "customer_merge", ["duplicate_id"], unique=False)
    op.create_index(op.f("ix_customer_merge_survivor_id"), "customer_merge", ["survivor_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_customer_merge_survivor_id"), table_name="customer_merge")
    op.drop_index(op.f("ix_customer_merge_duplicate_id"), table_name="customer_merge")
    op.drop_index(op.f("ix_customer_merge_change_no"), table_name="customer_merge")
    op.drop_table("customer_merge")
