"""One earn per receipt per till (pulled entries of another till that also earned it are stored)

Revision ID: 4a1c0e7d9b21
Revises: bf3e64f2ea3d
Create Date: 2026-11-23 11:40:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "4a1c0e7d9b21"
down_revision = "bf3e64f2ea3d"
branch_labels = None
depends_on = None

WHERE = sa.text("kind = 'earn' AND receipt_id IS NOT NULL")


def _replace_trigger(per_terminal: bool) -> None:
    same_till = " AND terminal_id = NEW.terminal_id" if per_terminal else ""
    op.execute("DROP TRIGGER IF EXISTS ledger_entry_no_replace")
    op.execute(
        "CREATE TRIGGER ledger_entry_no_replace BEFORE INSERT ON ledger_entry "
        "WHEN EXISTS (SELECT 1 FROM ledger_entry WHERE id = NEW.id)"
        " OR EXISTS (SELECT 1 FROM ledger_entry WHERE terminal_id = NEW.terminal_id AND terminal_seq = NEW.terminal_seq)"
        " OR (NEW.kind = 'earn' AND NEW.receipt_id IS NOT NULL AND EXISTS (SELECT 1 FROM ledger_entry"
        " WHERE kind = 'earn' AND receipt_source = NEW.receipt_source AND store_id = NEW.store_id"
        f" AND receipt_id = NEW.receipt_id{same_till})) "
        "BEGIN SELECT RAISE(ABORT, 'ledger_entry is append-only: this entry id, till sequence number or receipt "
        "is already recorded'); END"
    )


def upgrade() -> None:
    op.drop_index("uq_ledger_entry_receipt_earn", table_name="ledger_entry")
    op.create_index(
        "uq_ledger_entry_receipt_earn",
        "ledger_entry",
        ["receipt_source", "store_id", "receipt_id", "terminal_id"],
        unique=True,
        sqlite_where=WHERE,
        postgresql_where=WHERE,
    )
    _replace_trigger(per_terminal=True)


def downgrade() -> None:
    op.drop_index("uq_ledger_entry_receipt_earn", table_name="ledger_entry")
    op.create_index(
        "uq_ledger_entry_receipt_earn",
        "ledger_entry",
        ["receipt_source", "store_id", "receipt_id"],
        unique=True,
        sqlite_where=WHERE,
        postgresql_where=WHERE,
    )
    _replace_trigger(per_terminal=False)
