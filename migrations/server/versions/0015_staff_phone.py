"""staff.phone: a staff member's own phone travels with her record (issue 9)

The self-earn flag (issue 11) compares a member's phone with the cashier's own; it was kept at the
till where a manager typed it, so at the store's other tills a cashier earning on her own card went
unflagged. The phone now syncs like the rest of the staff record. Nullable: tills that do not send
it leave it empty.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-29 19:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff") as batch:
        batch.add_column(sa.Column("phone", sa.String(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("staff") as batch:
        batch.drop_column("phone")
