"""The ledger is append-only: no code path rewrites it, and the database refuses if one tries.

Two layers. A static check reads the source of everything that runs on a till
(``app/``, ``sync/``, ``pos_bridge/``) for an update or delete of ledger rows —
the cheap early warning in review. Migration 0002's triggers are the guard that
holds anyway: whatever a bug or a hand-typed SQL statement does, SQLite refuses
to change or delete an entry, while new entries go in as before.
"""

from __future__ import annotations

import ast
import re
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import delete, text, update
from sqlalchemy.exc import IntegrityError

from app.core.earning import Bill
from app.core.ids import new_id
from app.core.ledger import EntryKind
from app.db.models import LedgerEntryRow
from app.services import awards, balances, customers, ledger_writer
from app.services.awards import ReceiptRef
from app.services.till import Till

ROOT = Path(__file__).resolve().parents[2]
TILL_CODE = ("app", "sync", "pos_bridge")
APPEND_ONLY = "append-only"

# ---------------------------------------------------------------------------- the static check

# Raw SQL anywhere in the source (strings included) that rewrites or unguards the ledger.
_SQL = re.compile(
    r"""\b(?:UPDATE|DELETE\s+FROM|REPLACE\s+INTO|DROP\s+TABLE(?:\s+IF\s+EXISTS)?|DROP\s+TRIGGER(?:\s+IF\s+EXISTS)?)"""
    r"""\s+["'`\[]?ledger_entry""",
    re.IGNORECASE,
)
# Query methods that change rows when called on something built from LedgerEntryRow.
_WRITING_METHODS = {"update", "delete", "on_conflict_do_update", "on_conflict_do_nothing"}
# Session methods that would change or remove an ORM row passed to them.
_ROW_METHODS = {"delete", "merge"}
_LEDGERISH = re.compile(r"entry|ledger", re.IGNORECASE)


def _mentions_ledger(node: ast.AST) -> bool:
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name) and sub.id == "LedgerEntryRow":
            return True
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str) and sub.value.strip() == "ledger_entry":
            return True
    return False


def _func_name(call: ast.Call) -> str:
    f = call.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""


def _bound_names(target: ast.AST) -> list[str]:
    return [n.id for n in ast.walk(target) if isinstance(n, ast.Name)]


def _own_nodes(scope: ast.AST) -> list[ast.AST]:
    """The nodes of one function (or of the module), without those of the functions nested in it."""
    out: list[ast.AST] = []
    todo = list(ast.iter_child_nodes(scope))
    while todo:
        node = todo.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        out.append(node)
        todo.extend(ast.iter_child_nodes(node))
    return out


def _scope_writes(nodes: list[ast.AST], filename: str) -> list[str]:
    # Names bound, in this scope, to something built from LedgerEntryRow (a loaded row, rows, a query).
    ledger_names: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None and _mentions_ledger(node.value):
            for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                ledger_names.update(_bound_names(target))
        elif isinstance(node, ast.For | ast.comprehension) and _mentions_ledger(node.iter):
            ledger_names.update(_bound_names(node.target))
        elif isinstance(node, ast.withitem) and node.optional_vars and _mentions_ledger(node.context_expr):
            ledger_names.update(_bound_names(node.optional_vars))

    def is_ledger(expr: ast.AST) -> bool:
        return _mentions_ledger(expr) or (isinstance(expr, ast.Name) and expr.id in ledger_names)

    found = []
    for node in nodes:
        where = f"{filename}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Call):
            name = _func_name(node)
            if isinstance(node.func, ast.Name) and name in ("update", "delete") and node.args:
                if is_ledger(node.args[0]):
                    found.append(f"{where}: {name}() of the ledger")
            elif isinstance(node.func, ast.Attribute) and name in _WRITING_METHODS and is_ledger(node.func.value):
                found.append(f"{where}: .{name}() on a ledger query")
            if isinstance(node.func, ast.Attribute) and name in _ROW_METHODS and len(node.args) == 1:
                arg = node.args[0]
                if is_ledger(arg) or _LEDGERISH.search(ast.unparse(arg)):
                    found.append(f"{where}: session.{name}() of a ledger row")
            if name == "setattr" and node.args and is_ledger(node.args[0]):
                found.append(f"{where}: setattr() on a ledger row")
        elif isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for t in targets:
                if isinstance(t, ast.Attribute) and is_ledger(t.value):
                    found.append(f"{where}: assignment to {ast.unparse(t)} of a ledger row")
    return found


def ledger_writes(source: str, filename: str = "<snippet>") -> list[str]:
    """Places in ``source`` that update or delete ledger rows: "file:line: what"."""
    found = [
        f"{filename}:{source.count(chr(10), 0, m.start()) + 1}: raw SQL {m.group(0)!r}" for m in _SQL.finditer(source)
    ]
    tree = ast.parse(source, filename)
    scopes: list[ast.AST] = [
        tree,
        *(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)),
    ]
    for scope in scopes:
        found += _scope_writes(list(_own_nodes(scope)), filename)
    return found


# The one sanctioned delete: evicting a member who left the till's working set removes the till's
# *copies of other tills'* entries of hers (issue 12). Migration 0012's trigger allows exactly those
# rows, only while she is marked ``evicting``, and never this till's own (checked below in SQL).
_EVICTION = "app/services/working_set.py"


def test_no_till_code_updates_or_deletes_ledger_entries() -> None:
    files = [p for top in TILL_CODE for p in sorted((ROOT / top).rglob("*.py"))]
    assert any(p.name == "ledger_writer.py" for p in files), "the scan must see the ledger's writer"
    offences = [hit for p in files for hit in ledger_writes(p.read_text(encoding="utf-8"), str(p.relative_to(ROOT)))]
    sanctioned = [hit for hit in offences if hit.startswith(f"{_EVICTION}:") and hit.endswith("delete() of the ledger")]
    assert len(sanctioned) == 1, "the eviction's one delete of other tills' copies (and no other) is expected"
    offences = [hit for hit in offences if hit not in sanctioned]
    assert offences == [], "the ledger is append-only; record a reverse or adjust entry instead:\n" + "\n".join(
        offences
    )


@pytest.mark.parametrize(
    "snippet",
    [
        "s.execute(update(LedgerEntryRow).where(LedgerEntryRow.id == i).values(points=0))",
        "s.execute(sa.delete(LedgerEntryRow))",
        "s.execute(delete(LedgerEntryRow.__table__))",
        "s.query(LedgerEntryRow).filter_by(id=i).delete()",
        "s.query(LedgerEntryRow).update({'points': 0})",
        "s.execute(insert(LedgerEntryRow).values(**d).on_conflict_do_update(index_elements=['id'], set_=d))",
        "conn.exec_driver_sql('UPDATE ledger_entry SET points = 0')",
        "conn.execute(text('delete from \"ledger_entry\" where id = :i'))",
        "cur.execute('INSERT OR REPLACE INTO ledger_entry VALUES (?)', row)",
        "cur.execute('DROP TRIGGER IF EXISTS ledger_entry_no_update')",
        "row = s.get(LedgerEntryRow, i)\nrow.points = 0",
        "row = s.get(LedgerEntryRow, i)\nrow.points += 1",
        "row = s.get(LedgerEntryRow, i)\ns.delete(row)",
        "for r in s.scalars(select(LedgerEntryRow)):\n    r.reason = 'oops'",
        "for r in s.scalars(select(LedgerEntryRow)):\n    setattr(r, 'points', 0)",
        "session.delete(entry_row)",
        "session.merge(ledger_row)",
        "def fix(s, i):\n    row = s.get(LedgerEntryRow, i)\n    row.reason = 'typo'",
    ],
)
def test_the_static_check_catches_each_way_of_rewriting_the_ledger(snippet: str) -> None:
    assert ledger_writes(snippet), snippet


@pytest.mark.parametrize(
    "snippet",
    [
        "s.execute(update(ProgramVersion).values(active=False))",  # catalog.publish_program
        "rows = s.scalars(select(LedgerEntryRow).where(LedgerEntryRow.customer_id == c))\nout = [f(r) for r in rows]",
        "row = s.get(BalanceRow, c)\nrow.points = 5\nsetattr(row, 'stamps', 2)",
        "s.add(to_row(entry))",
        "s.delete(flag)",
        # ledger_writer: ``row`` is a ledger row in one function and a balance row in the next.
        "def load(s, i):\n    row = s.get(LedgerEntryRow, i)\n    return row\n"
        "def store(s, c):\n    row = s.get(BalanceRow, c)\n    setattr(row, 'points', 1)",
        "reason = 'the ledger is append-only, never UPDATE it'",
    ],
)
def test_the_static_check_leaves_ordinary_code_alone(snippet: str) -> None:
    assert ledger_writes(snippet) == []


# ---------------------------------------------------------------------------- the database's guard


def _member_with_sale(till: Till) -> tuple[str, str]:
    member = customers.enroll(till, name="Đặng Thu Hà", phone="0977 888 999", staff=None)
    sale = awards.award(till, member.customer_id, Bill(paid=125_000), staff=None)
    return member.customer_id, sale.earn.id


def _assert_ledger_intact(till: Till, customer_id: str, entry_id: str, points: int = 12) -> None:
    with till.transaction() as s:
        assert s.get(LedgerEntryRow, entry_id).points == points
        assert balances.verify_terminal_chain(s, till.terminal_id) >= 2
        assert balances.mismatches(s) == []
        assert balances.cached(s, customer_id).points == 12


def test_the_append_only_triggers_exist_at_head(till: Till, ledger_triggers: set[str]) -> None:
    with till.engine.connect() as conn:
        names = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))}
    assert ledger_triggers <= names


@pytest.mark.parametrize(
    "statement",
    [
        update(LedgerEntryRow).values(points=1_000_000),
        update(LedgerEntryRow).values(reason="never happened"),
        delete(LedgerEntryRow),
        text("DELETE FROM ledger_entry WHERE kind = 'earn'"),
    ],
    ids=["update points", "update reason", "delete all", "delete earns"],
)
def test_the_database_refuses_to_update_or_delete_an_entry(till: Till, statement: object) -> None:
    customer_id, entry_id = _member_with_sale(till)
    with pytest.raises(IntegrityError, match=APPEND_ONLY), till.transaction() as s:
        s.execute(statement)  # type: ignore[call-overload]
    _assert_ledger_intact(till, customer_id, entry_id)


def test_changing_or_deleting_a_loaded_entry_fails_at_commit(till: Till) -> None:
    customer_id, entry_id = _member_with_sale(till)
    with pytest.raises(IntegrityError, match=APPEND_ONLY), till.transaction() as s:
        s.get(LedgerEntryRow, entry_id).points = 500
    with pytest.raises(IntegrityError, match=APPEND_ONLY), till.transaction() as s:
        s.delete(s.get(LedgerEntryRow, entry_id))
    _assert_ledger_intact(till, customer_id, entry_id)


def test_hand_typed_sql_cannot_rewrite_history_either(till: Till) -> None:
    """What a support session with the sqlite3 shell would try: no app engine, no pragmas."""
    customer_id, entry_id = _member_with_sale(till)
    db = till.engine.url.database
    conn = sqlite3.connect(db)
    try:
        for sql in (
            "UPDATE ledger_entry SET points = points * 10",
            "DELETE FROM ledger_entry",
            # REPLACE deletes the old row without firing delete triggers: it has its own guard.
            "INSERT OR REPLACE INTO ledger_entry SELECT * FROM ledger_entry WHERE kind = 'earn'",
            "REPLACE INTO ledger_entry (id, terminal_id, store_id, terminal_seq, customer_id, kind, created_at,"
            " points, stamps, qualifying, currency, program_version, reason, prev_hash, hash)"
            " SELECT 'forged', terminal_id, store_id, terminal_seq, customer_id, kind, created_at,"
            " 9999, stamps, qualifying, currency, program_version, reason, prev_hash, hash"
            " FROM ledger_entry WHERE kind = 'earn'",
        ):
            with pytest.raises(sqlite3.IntegrityError, match=APPEND_ONLY):
                conn.execute(sql)
            conn.rollback()
    finally:
        conn.close()
    _assert_ledger_intact(till, customer_id, entry_id)


def test_new_entries_still_go_in(till: Till) -> None:
    customer_id, _ = _member_with_sale(till)
    with pytest.raises(IntegrityError), till.transaction() as s:
        s.execute(update(LedgerEntryRow).values(points=0))
    # Sales after a refused rewrite chain on normally …
    for paid in (30_000, 45_000, 60_000):
        awards.award(till, customer_id, Bill(paid=paid), staff=None)
    # … and an entry pulled from another till of the chain is stored as it is.
    other = replace(
        ledger_writer.draft(till, customer_id, EntryKind.EARN, till.clock(), points=7, amount=70_000),
        terminal_id=new_id(),
        terminal_seq=1,
    ).sealed("0" * 64)
    with till.transaction() as s:
        ledger_writer.store(s, other)
    with till.transaction() as s:
        assert balances.verify_terminal_chain(s, till.terminal_id) == 5  # welcome, 4 sales
        assert balances.cached(s, customer_id).points == 12 + 3 + 4 + 6 + 7
        assert balances.mismatches(s) == []


def test_the_same_entry_twice_is_refused_and_counted_once(till: Till) -> None:
    """A pull that brings an entry again must not double it (nor replace it)."""
    customer_id, entry_id = _member_with_sale(till)
    with till.transaction() as s:
        again = ledger_writer.load(s, entry_id)
    with pytest.raises(IntegrityError), till.transaction() as s:
        ledger_writer.store(s, again)
    _assert_ledger_intact(till, customer_id, entry_id)


def test_one_receipt_earns_once_per_store_but_each_store_has_its_own_numbers(till: Till) -> None:
    customer_id, _ = _member_with_sale(till)
    receipt = ReceiptRef("kiotviet", "HD000123")
    awards.award(till, customer_id, Bill(paid=50_000), staff=None, receipt=receipt)
    # Another store's POS may well number its receipts the same way; its earn is a different fact.
    elsewhere = replace(
        ledger_writer.draft(
            till, customer_id, EntryKind.EARN, till.clock(), points=5, receipt_source="kiotviet", receipt_id="HD000123"
        ),
        terminal_id=new_id(),
        store_id=new_id(),
        terminal_seq=1,
    ).sealed("0" * 64)
    with till.transaction() as s:
        ledger_writer.store(s, elsewhere)
    same_store = replace(elsewhere, id=new_id(), store_id=till.store_id).sealed("0" * 64)
    with pytest.raises(IntegrityError), till.transaction() as s:
        ledger_writer.store(s, same_store)
    with till.transaction() as s:
        assert balances.mismatches(s) == []
        assert balances.cached(s, customer_id).points == 12 + 5 + 5
