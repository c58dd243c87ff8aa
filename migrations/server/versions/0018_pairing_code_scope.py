"""pairing_code.scope: the working set a newly paired till holds (issue 12 item 1: "a till holds its store")

A code made by ``loyalty-server pairing-code`` says which members its till will hold: its store's by
default for a till, the chain's for a head office. Codes issued before this revision pair as they
always did, with the whole chain (the column's server default).

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-30 01:30:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("pairing_code", schema=None) as batch_op:
        batch_op.add_column(sa.Column("scope", sa.String(length=10), server_default="chain", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("pairing_code", schema=None) as batch_op:
        batch_op.drop_column("scope")
