"""working set: opening balances of members whose ledger a till holds in part, and who left its set (issue 12)

Revision ID: 0012
Revises: 0010 (the coordinator re-chains it after 0011)
Create Date: 2026-11-29 19:45:00.000000
"""

import sqlalchemy as sa
from alembic import op

import app.db.types

revision = "0012"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "balance_opening",
        sa.Column("customer_id", sa.String(length=40), nullable=False),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.Column("stamps", sa.BigInteger(), nullable=False),
        sa.Column("lifetime_points", sa.BigInteger(), nullable=False),
        sa.Column("lifetime_spend", sa.BigInteger(), nullable=False),
        sa.Column("visits", sa.BigInteger(), nullable=False),
        sa.Column("last_visit_at", app.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("tier", sa.String(length=100), nullable=True),
        sa.Column("tier_since", app.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("redeemed_points", sa.BigInteger(), nullable=False),
        sa.Column("entry_count", sa.BigInteger(), nullable=False),
        sa.Column("as_of_change", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("customer_id", name=op.f("pk_balance_opening")),
    )
    op.create_table(
        "member_left",
        sa.Column("customer_id", sa.String(length=40), nullable=False),
        sa.Column("left_at", app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("customer_id", name=op.f("pk_member_left")),
    )


def downgrade() -> None:
    op.drop_table("member_left")
    op.drop_table("balance_opening")
