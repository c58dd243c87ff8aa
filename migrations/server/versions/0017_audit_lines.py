"""audit_line: the tills' audit logs, synced (issue 9 item 4: "at which till")

Each till pushes its audit lines once (outbox kind ``audit``); the server keeps them by id and
sends them to the other tills of the line's store.

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-29 20:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

import app.db.types

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_line",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("terminal_id", sa.String(length=40), nullable=False),
        sa.Column("store_id", sa.String(length=40), nullable=False),
        sa.Column("at", app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("staff_id", sa.String(length=40), nullable=True),
        sa.Column("action", sa.String(length=50), nullable=False),
        sa.Column("subject", sa.String(length=100), nullable=False),
        sa.Column("before", sa.Text(), nullable=False),
        sa.Column("after", sa.Text(), nullable=False),
        sa.Column("received_at", app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("change_no", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_line")),
    )
    with op.batch_alter_table("audit_line", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_line_change_no"), ["change_no"], unique=False)
        batch_op.create_index("ix_audit_line_store_change", ["store_id", "change_no"], unique=False)


def downgrade() -> None:
    op.drop_table("audit_line")
