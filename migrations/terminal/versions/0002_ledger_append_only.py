"""ledger append-only triggers

The ledger is the only truth (DESIGN §3): entries are never updated or deleted,
a correction is a new entry. The code keeps that rule (``ledger_writer`` has no
update or delete, and ``tests/db/test_append_only.py`` greps for one), but a
bug, a hand-run SQL statement in a support session or a "quick fix" script
could still rewrite history on a till. These triggers make SQLite itself
refuse: an UPDATE or DELETE of a ``ledger_entry`` row aborts its statement.
``INSERT OR REPLACE`` is refused too when it would replace an entry: SQLite's
REPLACE deletes the old row without firing delete triggers (unless
``recursive_triggers`` is on), so it needs its own guard on insert.

Autogenerate does not see triggers, so it never proposes to drop them. But a
batch migration of ``ledger_entry`` (SQLite's copy-and-rename ALTER) drops the
table and its triggers with it: such a migration must create them again
(``create_triggers()`` below); ``tests/db/test_append_only.py`` checks that
they exist at head.

Revision ID: cf396d67b531
Revises: ceae4fdc7a55
Create Date: 2026-11-23 10:30:00.000000
"""

from alembic import op

revision = 'cf396d67b531'
down_revision = 'ceae4fdc7a55'
branch_labels = None
depends_on = None

# An insert that would collide with an existing entry (same id, same seq of the same
# till, or the same receipt's earn: the table's unique keys) would make REPLACE delete it.
_COLLIDES = (
    "WHEN EXISTS (SELECT 1 FROM ledger_entry WHERE id = NEW.id)"
    " OR EXISTS (SELECT 1 FROM ledger_entry"
    " WHERE terminal_id = NEW.terminal_id AND terminal_seq = NEW.terminal_seq)"
    " OR (NEW.kind = 'earn' AND NEW.receipt_id IS NOT NULL AND EXISTS (SELECT 1 FROM ledger_entry"
    " WHERE kind = 'earn' AND receipt_source = NEW.receipt_source AND store_id = NEW.store_id"
    " AND receipt_id = NEW.receipt_id))"
)

TRIGGERS = {
    "ledger_entry_no_update": (
        "BEFORE UPDATE ON ledger_entry",
        "ledger_entry is append-only: an entry is never changed (record a reverse or adjust entry)",
    ),
    "ledger_entry_no_delete": (
        "BEFORE DELETE ON ledger_entry",
        "ledger_entry is append-only: an entry is never deleted (record a reverse entry)",
    ),
    "ledger_entry_no_replace": (
        f"BEFORE INSERT ON ledger_entry {_COLLIDES}",
        "ledger_entry is append-only: this entry id, till sequence number or receipt is already recorded",
    ),
}


def create_triggers() -> None:
    for name, (when, message) in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {when} BEGIN SELECT RAISE(ABORT, '{message}'); END")


def upgrade() -> None:
    create_triggers()


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
