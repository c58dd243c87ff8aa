"""phone tail search by an expression index instead of a generated column (issue 12, item 2)

``customer.phone_tail_rev`` (0006) was a VIRTUAL generated column with an index. SQLite (3.40) does not
use its transfer optimisation (``INSERT INTO t SELECT * FROM t2``: records and index entries copied in
order, no index rebuilt) for a table with a generated column and an index, so a new till could not take
the server's ready-built ``customer`` table as it is (``sync.worker.snapshot``) and spent 6–7 s of CPU at
a million members copying it column by column and rebuilding its indexes. An index on the same
expression serves the same search (``app.services.customer_list``: the planner matches the WHERE's
expression to the index's, https://www.sqlite.org/expridx.html) and keeps the table transferable.
Dropping a VIRTUAL column rewrites no row. https://www.sqlite.org/lang_altertable.html#altertabdropcol

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30 01:20:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

# As app.db.models.PHONE_TAIL_REV on the day of this migration (a migration must not change later).
PHONE_TAIL_REV = " || ".join(f"substr(phone, -{i}, 1)" for i in range(1, 7))


def upgrade() -> None:
    op.drop_index("ix_customer_phone_tail_rev", table_name="customer")
    op.execute("ALTER TABLE customer DROP COLUMN phone_tail_rev")
    op.execute(f"CREATE INDEX ix_customer_phone_tail_rev ON customer ({PHONE_TAIL_REV})")


def downgrade() -> None:
    op.execute("DROP INDEX ix_customer_phone_tail_rev")
    op.add_column("customer", sa.Column("phone_tail_rev", sa.String(6), sa.Computed(PHONE_TAIL_REV, persisted=False)))
    op.create_index("ix_customer_phone_tail_rev", "customer", ["phone_tail_rev"])
