"""working set: store regions, each terminal's scope, and who is in whose set (issue 12)

A till holds its working set, not the chain: the members seen at its store (or region) within
N months, everyone enrolled there, the chain's top tier and anyone fetched on demand. The server
keeps one row per (holder, member) and moves its change number when she enters or leaves, so a
pull by cursor sends a till exactly the members entering and leaving its set. Existing terminals
keep the whole chain (scope "chain") until a manager sets their scope.

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-29 19:10:00.000000
"""

import sqlalchemy as sa
from alembic import op

import sync.server.models

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("store") as batch:
        batch.add_column(sa.Column("region", sa.String(length=100), nullable=True))
    with op.batch_alter_table("terminal") as batch:
        batch.add_column(sa.Column("scope", sa.String(length=10), server_default="chain", nullable=False))
    op.create_table(
        "working_set",
        sa.Column("holder", sa.String(length=80), nullable=False),
        sa.Column("customer_id", sa.String(length=40), nullable=False),
        sa.Column("last_seen_at", sync.server.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("has_left", sa.Boolean(), nullable=False),
        sa.Column("change_no", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("holder", "customer_id", name=op.f("pk_working_set")),
    )
    op.create_index("ix_working_set_holder_change", "working_set", ["holder", "change_no"], unique=False)
    op.create_index("ix_working_set_customer", "working_set", ["customer_id", "holder"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_working_set_customer", table_name="working_set")
    op.drop_index("ix_working_set_holder_change", table_name="working_set")
    op.drop_table("working_set")
    with op.batch_alter_table("terminal") as batch:
        batch.drop_column("scope")
    with op.batch_alter_table("store") as batch:
        batch.drop_column("region")
