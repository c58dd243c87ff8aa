"""Back-office summary tables: day, member-day, member, reward-day and home-tier stats (issue 8's targets)

The tables are a cache of the ledger and the POS receipts (``app.services.stats``); the
upgrade fills them for an existing home by rebuilding them once. ``home_tier_stats`` is
kept by SQLite triggers on ``customer`` and ``balance`` (``stats.HOME_TIER_TRIGGERS``).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29 15:45:00.000000
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

from app.db.types import UTCDateTime

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "day_store_stats",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("store_id", sa.String(length=40), nullable=False),
        sa.Column("visits", sa.Integer(), nullable=False),
        sa.Column("points_issued", sa.BigInteger(), nullable=False),
        sa.Column("points_redeemed", sa.BigInteger(), nullable=False),
        sa.Column("points_expired", sa.BigInteger(), nullable=False),
        sa.Column("member_bills", sa.Integer(), nullable=False),
        sa.Column("member_spend", sa.BigInteger(), nullable=False),
        sa.Column("non_member_bills", sa.Integer(), nullable=False),
        sa.Column("non_member_spend", sa.BigInteger(), nullable=False),
        sa.Column("rating_sum", sa.Integer(), nullable=False),
        sa.Column("ratings", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", "store_id", name=op.f("pk_day_store_stats")),
    )
    op.create_table(
        "member_day_stats",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("store_id", sa.String(length=40), nullable=False),
        sa.Column("customer_id", sa.String(length=40), nullable=False),
        sa.Column("visits", sa.Integer(), nullable=False),
        sa.Column("spend", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("day", "store_id", "customer_id", name=op.f("pk_member_day_stats")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "member_stats",
        sa.Column("customer_id", sa.String(length=40), nullable=False),
        sa.Column("visits", sa.Integer(), nullable=False),
        sa.Column("first_visit", UTCDateTime(), nullable=True),
        sa.Column("first_bill", sa.BigInteger(), nullable=False),
        sa.Column("last_visit", UTCDateTime(), nullable=True),
        sa.Column("prev_visit", UTCDateTime(), nullable=True),
        sa.Column("spend_month", sa.Integer(), nullable=False),
        *(sa.Column(f"spend_{i}", sa.BigInteger(), nullable=False) for i in range(12)),
        sa.Column("spend_at", sa.Integer(), nullable=False),
        sa.Column("spend_12m", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("customer_id", name=op.f("pk_member_stats")),
    )
    op.create_table(
        "day_reward_stats",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("store_id", sa.String(length=40), nullable=False),
        sa.Column("reward_id", sa.String(length=40), nullable=False),
        sa.Column("redemptions", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", "store_id", "reward_id", name=op.f("pk_day_reward_stats")),
    )
    op.create_table(
        "home_tier_stats",
        sa.Column("store_id", sa.String(length=40), nullable=False),
        sa.Column("tier", sa.String(length=100), nullable=False),
        sa.Column("members", sa.Integer(), nullable=False),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("store_id", "tier", name=op.f("pk_home_tier_stats")),
    )
    from app.services import stats  # the same code that keeps them up to date

    for trigger in (*stats.HOME_TIER_TRIGGERS, stats.SPEND_TRIGGER):  # the terminal's database is SQLite
        op.execute(trigger)

    stats.rebuild_in(Session(bind=op.get_bind()))
    for column in ("first_visit", "first_bill", "prev_visit", "spend_month", "spend_at", "spend_12m"):  # after rows
        op.create_index(f"ix_member_stats_{column}", "member_stats", [column])
    op.create_index("ix_member_stats_last_visit", "member_stats", ["last_visit", "visits", "first_visit"])
    op.create_index(  # the dashboard's tier moves, read off this index alone
        "ix_ledger_entry_tier_moves",
        "ledger_entry",
        ["customer_id", "created_at", "terminal_id", "terminal_seq", "tier", "store_id"],
        sqlite_where=sa.text("kind = 'tier'"),
        postgresql_where=sa.text("kind = 'tier'"),
    )


def downgrade() -> None:
    op.drop_index("ix_ledger_entry_tier_moves", table_name="ledger_entry")
    for column in ("first_visit", "first_bill", "last_visit", "prev_visit", "spend_month", "spend_at", "spend_12m"):
        op.drop_index(f"ix_member_stats_{column}", table_name="member_stats")  # last_visit: with visits, first_visit
    from app.services import stats

    for name in (*stats.HOME_TIER_TRIGGER_NAMES, stats.SPEND_TRIGGER_NAME):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("home_tier_stats")
    op.drop_table("day_reward_stats")
    op.drop_table("member_stats")
    op.drop_table("member_day_stats")
    op.drop_table("day_store_stats")
