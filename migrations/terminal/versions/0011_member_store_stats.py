"""Back-office summary: each member's last visit per store (the dashboard's active members of one store)

``member_store_stats`` is kept by SQLite triggers on ``member_day_stats``
(``app.services.stats.MEMBER_STORE_TRIGGERS``); the upgrade fills it from the member-day
rows in one statement. Also two indexes of members: by birthday month and status (the birthday
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
    for trigger in stats.MEMBER_STORE_TRIGGERS:  # the terminal's database is SQLite
        op.execute(trigger)
    op.create_index("ix_customer_birthday", "customer", ["birthday_month", "status"])
    op.create_index("ix_customer_enrolled_id", "customer", ["enrolled_at", "status", "enrolled_store", "id"])


def downgrade() -> None:
    from app.services import stats

    op.drop_index("ix_customer_enrolled_id", table_name="customer")
    op.drop_index("ix_customer_birthday", table_name="customer")
    for name in stats.MEMBER_STORE_TRIGGER_NAMES:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("ix_member_store_stats_store_day", table_name="member_store_stats")
    op.drop_table("member_store_stats")
