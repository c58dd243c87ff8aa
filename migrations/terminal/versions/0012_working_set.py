"""working set: opening balances of members whose ledger a till holds in part, and who left its set (issue 12)

A till holding its working set evicts a member who left it (``app.services.working_set.evict``):
her record and the copies of *other tills'* entries of hers go. The append-only trigger of
migration 0002 refused every DELETE; it now refuses every DELETE except, inside an eviction's own
transaction, a row of another till of a member marked ``evicting``. This till's own entries (those
of the terminal marked ``is_self``) are refused as before, whatever the mark says.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-29 19:45:00.000000
"""

import sqlalchemy as sa
from alembic import op

import app.db.types

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_REFUSED = "ledger_entry is append-only: an entry is never deleted (record a reverse entry)"


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
        sa.Column("evicting", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.PrimaryKeyConstraint("customer_id", name=op.f("pk_member_left")),
    )
    op.execute("DROP TRIGGER IF EXISTS ledger_entry_no_delete")
    op.execute(
        "CREATE TRIGGER ledger_entry_no_delete BEFORE DELETE ON ledger_entry"
        " WHEN OLD.terminal_id IN (SELECT id FROM terminal WHERE is_self)"
        " OR NOT EXISTS (SELECT 1 FROM member_left WHERE customer_id = OLD.customer_id AND evicting)"
        f" BEGIN SELECT RAISE(ABORT, '{_REFUSED}'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS ledger_entry_no_delete")
    op.execute(f"CREATE TRIGGER ledger_entry_no_delete BEFORE DELETE ON ledger_entry BEGIN SELECT RAISE(ABORT, '{_REFUSED}'); END")
    op.drop_table("member_left")
    op.drop_table("balance_opening")
