"""audit lines sync: a chain-wide id and the till each line was written at (issue 9 item 4)

Each line gets ``uid`` (a UUIDv7 made here, the line's id on the server and at the other tills)
and ``terminal_id`` (NULL for lines written at this till; the writing till's id for pulled ones).
The lines already here are queued in the outbox, so the store's other tills see them too: the
log is one log.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-29 20:00:00.000000
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from app.core.ids import new_id

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("uid", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("terminal_id", sa.String(length=40), nullable=True))
    conn = op.get_bind()
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    ids = [row[0] for row in conn.execute(sa.text("SELECT id FROM audit_log ORDER BY id"))]
    for line_id in ids:
        uid = new_id()
        conn.execute(sa.text("UPDATE audit_log SET uid = :uid WHERE id = :id"), {"uid": uid, "id": line_id})
        conn.execute(
            sa.text("INSERT INTO outbox (item_type, item_id, created_at) VALUES ('audit', :uid, :now)"),
            {"uid": uid, "now": now},
        )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.alter_column("uid", existing_type=sa.String(length=36), nullable=False)
        batch_op.create_unique_constraint(batch_op.f("uq_audit_log_uid"), ["uid"])
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)


def downgrade() -> None:
    op.execute("DELETE FROM outbox WHERE item_type = 'audit'")
    op.execute("DELETE FROM audit_log WHERE terminal_id IS NOT NULL")  # pulled from other tills
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))
        batch_op.drop_constraint(batch_op.f("uq_audit_log_uid"), type_="unique")
        batch_op.drop_column("terminal_id")
        batch_op.drop_column("uid")
