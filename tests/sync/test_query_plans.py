"""Every hot query of the server uses an index on PostgreSQL (issue 12): push ingest, the already-held
and duplicate-receipt checks, the balance fold, the reversal look-up, a pull page — so each stays
O(batch) however long the ledger grows. Checked with ``EXPLAIN`` on the very statements a real push and
pull send, captured as they go, on a ledger of 40,000 rows (the plan, not the speed, is the point).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, text
from synctools import Databases

from app.core.ledger import GENESIS_HASH, EntryKind, LedgerEntry
from sync.protocol import PULL_KINDS, CustomerRecord, EntryRecord, PairRequest, PushRequest
from sync.server import admin, changes, ledger
from sync.server.db import read_session, write_session
from sync.server.ledger import Caller
from sync.server.main import prepare
from sync.server.vault import load_secret

ROWS = 40_000
# not customer_merge: a small table. working_set: a row per member per store, region and VIP (issue 12).
BIG_TABLES = re.compile(r"\b(ledger_entry|balance|customer|working_set)\b")
SEQ_SCAN = re.compile(r"Seq Scan on (ledger_entry|balance|customer|working_set)\b")
AT = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)
# The push's statements on the big tables, by a piece of their text (sync.server.ledger, bulk, working_set).
HOT_PUSH_QUERIES = (
    "ledger_entry.terminal_seq >=",  # the retry's already-held check
    "ledger_entry.receipt_id = ANY",  # the duplicate-receipt flag (index led by receipt_id)
    "ledger_entry.id = ANY",  # the entries that reversals cancel
    "FROM balance",  # the fold reads the balances…
    "INSERT INTO balance",  # … and writes them back in one upsert
    "FROM customer",  # the members of the batch
    "JOIN working_set",  # who is in the store's set already (one primary-key probe per member)…
    "INSERT INTO working_set",  # … and the set's rows in one upsert
)


@pytest.fixture
def server_db(databases: Databases, tmp_path: Path) -> Iterator[tuple[Engine, bytes]]:
    url, secrets = databases.new("postgres"), str(tmp_path / "server.secret")
    eng = prepare(url, secrets_file=secrets)
    yield eng, load_secret(url, secrets)
    eng.dispose()


def _seed(engine: Engine, store: str) -> None:
    """An old till's 40,000 entries (earns with receipts, every member), members and balances, by COPY."""
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        with cur.copy(
            "COPY customer (id, card_number, name, marketing_consent, referral_code, enrolled_at, enrolled_store,"
            " status, updated_at, received_at, change_no) FROM STDIN"
        ) as copy:
            for i in range(ROWS):
                copy.write_row((f"m{i}", f"9{i:09d}", f"Khách {i}", False, f"R{i}", AT, store, "active", AT, AT, i + 1))
        with cur.copy(
            "COPY ledger_entry (id, terminal_id, store_id, terminal_seq, customer_id, kind, created_at, points,"
            " stamps, qualifying, amount, currency, receipt_source, receipt_id, program_version, reason, prev_hash,"
            " hash, received_at, change_no) FROM STDIN"
        ) as copy:
            for i in range(ROWS):
                copy.write_row((f"old-{i}", "old-till", store, i + 1, f"m{i}", "earn", AT, 10, 1, 10, 100_000, "VND",
                                "pos", f"HD{i}", 1, "", "0" * 64, "1" * 64, AT, ROWS + i + 1))  # fmt: skip
        with cur.copy("COPY balance (customer_id, points, stamps, lifetime_points, lifetime_spend, visits,"
                      " redeemed_points, entry_count, change_no) FROM STDIN") as copy:  # fmt: skip
            for i in range(ROWS):
                copy.write_row((f"m{i}", 10, 1, 10, 100_000, 1, 0, 1, 2 * ROWS + i + 1))
        cur.execute("UPDATE server_state SET last_change = %s", (3 * ROWS,))
        raw.commit()
        cur.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()


def _batch(terminal: str, store: str, start_seq: int, prev: str, n: int) -> PushRequest:
    entries = []
    for k in range(n):
        seq = start_seq + k
        member = f"m{(seq * 7919) % ROWS}"
        if k % 10 == 9:  # a reversal of an old sale, found in the ledger by id
            e = LedgerEntry(id=f"{terminal}-{seq}", terminal_id=terminal, store_id=store, terminal_seq=seq,
                            customer_id=f"m{seq}", kind=EntryKind.REVERSE, created_at=AT + timedelta(seconds=seq),
                            points=-10, stamps=-1, reverses=f"old-{seq}", program_version=1)  # fmt: skip
        else:  # a receipt that may have earned before (the duplicate-receipt check)
            e = LedgerEntry(id=f"{terminal}-{seq}", terminal_id=terminal, store_id=store, terminal_seq=seq,
                            customer_id=member, kind=EntryKind.EARN, created_at=AT + timedelta(seconds=seq),
                            points=5, stamps=1, qualifying=5, amount=50_000, program_version=1,
                            receipt_source="pos", receipt_id=f"HD{seq * 3}")  # fmt: skip
        e = e.sealed(prev)
        prev = e.hash
        entries.append(EntryRecord.of(e))
    customers = [CustomerRecord(id=f"m{i}", card_number=f"9{i:09d}", name=f"Khách {i} (sửa)", referral_code=f"R{i}",
                                enrolled_at=AT, enrolled_store=store, updated_at=AT + timedelta(days=1))
                 for i in range(start_seq, start_seq + 50)]  # fmt: skip
    customers += [CustomerRecord(id=f"new-{start_seq}-{i}", card_number=f"8{start_seq:04d}{i:05d}", name="Khách mới",
                                 referral_code=f"N{start_seq}-{i}", enrolled_at=AT, enrolled_store=store,
                                 updated_at=AT) for i in range(30)]  # fmt: skip
    return PushRequest(customers=customers, entries=entries)


def _captured(engine: Engine) -> tuple[list[tuple[str, Any]], Any]:
    seen: list[tuple[str, Any]] = []

    def capture(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "UPDATE", "DELETE", "WITH", "INSERT")):
            seen.append((statement, parameters[0] if executemany else parameters))

    event.listen(engine, "before_cursor_execute", capture)
    return seen, capture


def test_every_hot_query_of_push_and_pull_uses_an_index(server_db: tuple[Engine, bytes]) -> None:
    engine, secret = server_db
    with write_session(engine) as s:
        store = admin.create_store(s, name="Quận 1").id
        code = admin.issue_pairing_code(s, store)
    with write_session(engine) as s:
        answer = admin.pair(
            s,
            PairRequest(
                code=code, terminal_id="t-new", store_id=store, ledger_empty=True, card_key_fingerprint="0" * 32
            ),
            datetime.now(UTC),
            secret,
        )
    assert answer.terminal_id == "t-new"
    _seed(engine, store)
    caller = Caller(terminal_id="t-new", store_id=store)
    first = _batch("t-new", store, 1, GENESIS_HASH, 600)
    second = _batch("t-new", store, 601, first.entries[-1].hash, 600)

    seen, capture = _captured(engine)
    try:
        for batch in (first, second, second):  # the last one again: the retry's already-held check
            with write_session(engine) as s:
                ledger.push(s, caller, batch, datetime.now(UTC))
        other = Caller(terminal_id="t-other", store_id=store)
        with read_session(engine) as s:
            changes.pull(s, other, 0, 1000, PULL_KINDS)  # a new till's first page
        with read_session(engine) as s:
            changes.pull(s, other, 3 * ROWS, 1000, PULL_KINDS)  # a till a push behind
        scoped = Caller(terminal_id="t-other", store_id=store, scope="store")  # holds its working set
        with read_session(engine) as s:
            changes.pull(s, scoped, 0, 1000, PULL_KINDS)  # its first page: members entering its set
        with read_session(engine) as s:
            changes.pull(s, scoped, 3 * ROWS, 1000, PULL_KINDS)
    finally:
        event.remove(engine, "before_cursor_execute", capture)

    scans: list[str] = []
    checked = 0
    with engine.connect() as conn:
        # At 40,000 rows, reading the table beats 600 index probes and the planner rightly says so; at
        # 500,000,000 it would not. What must hold at any size is that an index serving the query exists:
        # with sequential scans "disabled" the planner still falls back to one only when no index can
        # serve (https://www.postgresql.org/docs/15/runtime-config-query.html#GUC-ENABLE-SEQSCAN).
        conn.exec_driver_sql("SET enable_seqscan = off")
        leading = dict(
            conn.exec_driver_sql(
                "SELECT i.relname, a.attname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
                "JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[0]"
            ).all()
        )
        for statement, params in seen:
            if not BIG_TABLES.search(statement):
                continue
            checked += 1
            plan = "\n".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + statement, params or {}))
            (tree,) = conn.exec_driver_sql("EXPLAIN (FORMAT JSON) " + statement, params or {}).scalar_one()
            unbounded = [n for n in _nodes(tree["Plan"]) if _walks_whole_index(n, leading)]
            if SEQ_SCAN.search(plan) or unbounded:
                scans.append(f"{statement}\n{plan}")
        conn.execute(text("ROLLBACK"))
    assert checked >= 12, checked  # the push's reads and writes and both pulls were seen
    hot = [s for s, _ in seen if BIG_TABLES.search(s)]
    for fragment in HOT_PUSH_QUERIES:  # each hot statement of a push was among those checked
        assert any(fragment in s for s in hot), fragment
    assert any("working_set" in statement for statement, _ in seen)  # the scoped pulls' set was read
    assert scans == [], "\n\n".join(scans)


def _nodes(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield node
    for child in node.get("Plans", []):
        yield from _nodes(child)


def _walks_whole_index(node: dict[str, Any], leading: dict[str, str]) -> bool:
    """An index scan whose condition does not bound the index's first column reads all of the index:
    O(table) like a sequential scan (the old receipt index, led by receipt_source, did that)."""
    if "Index Name" not in node or not BIG_TABLES.search(node.get("Relation Name", "") or node["Index Name"]):
        return False
    first = leading.get(node["Index Name"], "")
    return not re.search(rf"\b{re.escape(first)}\b", node.get("Index Cond", ""))
