"""Trust boundaries: terminal roles and quarantine, idempotent pairing, profile proposals, held
entries, the PIN key, and room for the sealed (encrypted) chain secrets.

Existing clear-text card keys are sealed by the server at its next start (``admin.init_server``),
with the secret key from the environment or the secrets file: a migration never sees that key.

Revision ID: 0013
Revises: 0005
Create Date: 2026-11-29 13:10:00.000000
"""

import sqlalchemy as sa
from alembic import op

import sync.server.models

revision = "0013"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("server_state") as batch:
        batch.alter_column("card_key", type_=sa.String(length=400), existing_type=sa.String(length=128))
        batch.add_column(sa.Column("pin_key", sa.String(length=400), nullable=True))
    with op.batch_alter_table("terminal") as batch:
        batch.add_column(sa.Column("role", sa.String(length=20), server_default="till", nullable=False))
        batch.add_column(sa.Column("quarantined_at", sync.server.models.UTCDateTime(timezone=True), nullable=True))
    with op.batch_alter_table("pairing_code") as batch:
        batch.add_column(sa.Column("role", sa.String(length=20), server_default="till", nullable=False))
        batch.add_column(sa.Column("nonce_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("token_box", sa.String(length=200), nullable=True))
    op.create_table(
        "profile_proposal",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=40), nullable=False),
        sa.Column("terminal_id", sa.String(length=40), nullable=False),
        sa.Column("store_id", sa.String(length=40), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sync.server.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("decided_at", sync.server.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("decision", sa.String(length=20), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profile_proposal")),
    )
    op.create_index(op.f("ix_profile_proposal_customer_id"), "profile_proposal", ["customer_id"])
    op.create_table(
        "held_entry",
        sa.Column("entry_id", sa.String(length=36), nullable=False),
        sa.Column("terminal_id", sa.String(length=40), nullable=False),
        sa.Column("customer_id", sa.String(length=40), nullable=False),
        sa.Column("held_at", sync.server.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("decision", sa.String(length=20), nullable=True),
        sa.Column("decided_at", sync.server.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("change_no", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("entry_id", name=op.f("pk_held_entry")),
    )
    op.create_index(op.f("ix_held_entry_change_no"), "held_entry", ["change_no"])
    op.create_index(op.f("ix_held_entry_terminal_id"), "held_entry", ["terminal_id"])
    op.create_index(op.f("ix_held_entry_customer_id"), "held_entry", ["customer_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_held_entry_change_no"), table_name="held_entry")
    op.drop_index(op.f("ix_held_entry_customer_id"), table_name="held_entry")
    op.drop_index(op.f("ix_held_entry_terminal_id"), table_name="held_entry")
    op.drop_table("held_entry")
    op.drop_index(op.f("ix_profile_proposal_customer_id"), table_name="profile_proposal")
    op.drop_table("profile_proposal")
    with op.batch_alter_table("pairing_code") as batch:
        batch.drop_column("token_box")
        batch.drop_column("nonce_hash")
        batch.drop_column("role")
    with op.batch_alter_table("terminal") as batch:
        batch.drop_column("quarantined_at")
        batch.drop_column("role")
    with op.batch_alter_table("server_state") as batch:
        batch.drop_column("pin_key")
        batch.alter_column("card_key", type_=sa.String(length=128), existing_type=sa.String(length=400))
