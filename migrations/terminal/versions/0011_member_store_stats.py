"""Back-office summaries: last visit per store, the last 30 days per member (the dashboard's targets)

``member_store_stats`` (each member's last day with a visit per store: the active members of
one store) is kept by SQLite triggers on ``member_day_stats``
(``app.services.stats.MEMBER_STORE_TRIGGERS``); the upgrade fills it from the member-day
rows in one statement. ``member_window_stats`` and ``member_store_window_stats`` (each
member's visits and spend of the days in ``stats_window``: the per-member figures of the
dashboard's 30 days) are kept by triggers too (``stats.WINDOW_TRIGGERS``); they start empty
and housekeeping sets their days and fills them (``housekeeping.roll_window``). Also two indexes of members: by birthday month and status (the birthday
segment's count is a small range of it rather than a scan of every member) and by enrolment
with status, home store and id (the dashboard's new members and the lapsed count's recent
members are read off it alone).

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-29 19:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "member_store_stats",
        sa.Column("customer_id", sa.String(length=40), nullable=False),
        sa.Column("store_id", sa.String(length=40), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("customer_id", "store_id", name=op.f("pk_member_store_stats")),
        sqlite_with_rowid=False,
    )
    from app.services import stats  # the same code that keeps it up to date

    op.execute(stats.MEMBER_STORE_FILL)
    op.create_index("ix_member_store_stats_store_day", "member_store_stats", ["store_id", "last_day"])
    op.create_table(
        "stats_window",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stats_window")),
    )
    op.create_table(
        "member_window_stats",
        sa.Column("customer_id", sa.String(length=40), nullable=False),
        sa.Column("visits", sa.Integer(), nullable=False),
        sa.Column("spend", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("customer_id", name=op.f("pk_member_window_stats")),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_member_window_stats_spend", "member_window_stats", ["spend", "visits"])
    op.create_table(
        "member_store_window_stats",
        sa.Column("store_id", sa.String(length=40), nullable=False),
        sa.Column("customer_id", sa.String(length=40), nullable=False),
        sa.Column("visits", sa.Integer(), nullable=False),
        sa.Column("spend", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("store_id", "customer_id", name=op.f("pk_member_store_window_stats")),
        sqlite_with_rowid=False,
    )
    op.create_index(
        "ix_member_store_window_stats_spend", "member_store_window_stats", ["store_id", "spend", "visits"]
    )
    for trigger in (*stats.MEMBER_STORE_TRIGGERS, *stats.WINDOW_TRIGGERS):  # the terminal's database is SQLite
        op.execute(trigger)
    op.create_index("ix_customer_birthday", "customer", ["birthday_month", "status"])
    op.create_index("ix_customer_enrolled_id", "customer", ["enrolled_at", "status", "enrolled_store", "id"])


def downgrade() -> None:
    from app.services import stats

    op.drop_index("ix_customer_enrolled_id", table_name="customer")
    op.drop_index("ix_customer_birthday", table_name="customer")
    for name in (*stats.MEMBER_STORE_TRIGGER_NAMES, *stats.WINDOW_TRIGGER_NAMES):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("member_store_window_stats")  # with their indexes
    op.drop_table("member_window_stats")
    op.drop_table("stats_window")
    op.drop_index("ix_member_store_stats_store_day", table_name="member_store_stats")
    op.drop_table("member_store_stats")
