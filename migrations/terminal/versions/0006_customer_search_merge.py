"""Customer search (phone tail, name words), sort indexes, member merges and replaced cards (issue 8)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 13:20:00.000000
"""

import unicodedata

import sqlalchemy as sa
from alembic import op

from app.db.types import UTCDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

PHONE_TAIL_REV = " || ".join(f"substr(phone, -{i}, 1)" for i in range(1, 7))
BALANCE_SORTS = ("points", "stamps", "visits", "last_visit_at", "lifetime_spend", "tier")


def _fold(name: str) -> str:
    """As app.services.customers.fold_name on the day of this migration (a migration must not change later)."""
    text = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).lower().split())


def upgrade() -> None:
    # A VIRTUAL generated column can be added in place (no table copy) and indexed.
    op.add_column("customer", sa.Column("phone_tail_rev", sa.String(6), sa.Computed(PHONE_TAIL_REV, persisted=False)))
    op.create_index("ix_customer_phone_tail_rev", "customer", ["phone_tail_rev"])
    for name in BALANCE_SORTS:  # with the member: ties keep a stable order, no sort step for a page
        op.create_index(f"ix_balance_{name}", "balance", [name, "customer_id"])
    op.drop_index("ix_customer_name_key", table_name="customer")
    op.create_index("ix_customer_name_sort", "customer", ["name_key", "id"])
    words = op.create_table(
        "customer_word",
        sa.Column("word", sa.String(100), nullable=False),
        sa.Column("customer_id", sa.String(40), nullable=False),
        sa.Column("name_key", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("word", "customer_id", name=op.f("pk_customer_word")),
    )
    op.create_index("ix_customer_word_member", "customer_word", ["customer_id", "word"])
    op.create_index("ix_customer_word_sorted", "customer_word", ["word", "name_key", "customer_id"])
    op.create_table(
        "customer_merge",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("survivor_id", sa.String(40), nullable=False),
        sa.Column("duplicate_id", sa.String(40), nullable=False),
        sa.Column("undoes", sa.String(36), nullable=True),
        sa.Column("terminal_id", sa.String(40), nullable=False),
        sa.Column("store_id", sa.String(40), nullable=False),
        sa.Column("staff_id", sa.String(40), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_merge")),
    )
    op.create_index("ix_customer_merge_survivor_id", "customer_merge", ["survivor_id"])
    op.create_index("ix_customer_merge_duplicate_id", "customer_merge", ["duplicate_id"])
    op.create_table(
        "replaced_card",
        sa.Column("card_number", sa.String(20), nullable=False),
        sa.Column("customer_id", sa.String(40), nullable=False),
        sa.Column("replaced_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("card_number", name=op.f("pk_replaced_card")),
    )
    conn = op.get_bind()
    rows = [
        {"word": word[:100], "customer_id": cid, "name_key": _fold(name)}
        for cid, name in conn.execute(sa.text("SELECT id, name FROM customer"))
        for word in set(_fold(name).split())
    ]
    if rows:
        op.bulk_insert(words, rows)


def downgrade() -> None:
    op.drop_table("replaced_card")
    op.drop_index("ix_customer_merge_duplicate_id", table_name="customer_merge")
    op.drop_index("ix_customer_merge_survivor_id", table_name="customer_merge")
    op.drop_table("customer_merge")
    op.drop_index("ix_customer_word_sorted", table_name="customer_word")
    op.drop_index("ix_customer_word_member", table_name="customer_word")
    op.drop_table("customer_word")
    for name in BALANCE_SORTS:
        op.drop_index(f"ix_balance_{name}", table_name="balance")
    op.drop_index("ix_customer_name_sort", table_name="customer")
    op.create_index("ix_customer_name_key", "customer", ["name_key"])
    op.drop_index("ix_customer_phone_tail_rev", table_name="customer")
    with op.batch_alter_table("customer") as batch:
        batch.drop_column("phone_tail_rev")
