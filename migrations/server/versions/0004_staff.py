"""the stores' staff, synced from the tills so a cashier can work at any till of her store (issue 9)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 14:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

import app.db.types

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staff",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("store_id", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("pin_hash", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("terminal_id", sa.String(length=40), nullable=False),
        sa.Column("received_at", app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("change_no", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
    )
    op.create_index(op.f("ix_staff_change_no"), "staff", ["change_no"], unique=False)
    op.create_index(op.f("ix_staff_store_id"), "staff", ["store_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_staff_store_id"), table_name="staff")
    op.drop_index(op.f("ix_staff_change_no"), table_name="staff")
    op.drop_table("staff")
