"""Sync benchmark (DESIGN §9): push throughput to the server on PostgreSQL, 50 tills at once, and the
bootstrap of a new till in a chain of a million members.

Run on demand (PostgreSQL 15 on 127.0.0.1:5432, as for the tests):

    .venv/bin/python tests/benchmarks/bench_sync.py [--backlog 100000] [--terminals 50 --per-terminal 2000]
                                                     [--members 1000000] [--only push|many|bootstrap]

Everything runs here: a real uvicorn server process on a fresh database
(dropped at the end), real tills in temp folders, the real worker. The
backlogs are written through ``ledger_writer.append`` (hash chain, balances,
outbox) in large transactions, to save time before the clock starts; the
million-member chain is written straight into the server's tables with COPY.
"""

from __future__ import annotations

import argparse
import io
import multiprocessing as mp
import os
import sys
import tempfile
import time
from dataclasses import fields, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
from sqlalchemy import func, insert, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))

from synctools import Databases, ServerProcess, open_shop

from app.core.ids import new_id
from app.core.ledger import GENESIS_HASH, Balance, EntryKind, LedgerEntry, apply_entry, chain_hash
from app.db.models import BalanceRow, Customer, LedgerEntryRow, OutboxItem
from app.services import customers, ledger_writer
from app.services.till import Till
from sync.server.db import write_session
from sync.server.models import Base, EntryRow

TABLES = Base.metadata.tables
BALANCE_NAMES = [f.name for f in fields(Balance) if f.name != "extra"]
from sync.worker.pairing import pair_till  # noqa: E402
from sync.worker.worker import SyncWorker  # noqa: E402


def build_backlog(till: Till, *, members: int, entries: int) -> None:
    """``members`` enrolments (the real service), then sales up to ``entries`` ledger entries, all in the outbox.

    The sales are sealed and folded exactly as ``ledger_writer.append`` does (same chain, same balances,
    same outbox rows) but written with one bulk insert per 10,000, so a 100,000-entry backlog takes
    seconds to prepare rather than minutes.
    """
    ids = [
        customers.enroll(till, name=f"Khách {i}", phone=f"0987{i:06d}", staff=None).customer_id for i in range(members)
    ]
    left = entries - members
    at = datetime.now(UTC) - timedelta(days=30)
    while left > 0:
        n = min(left, 10_000)
        with till.transaction() as s:
            seq, prev = ledger_writer.chain_head(s, till.terminal_id)
            rows = {r.customer_id: r for r in s.scalars(select(BalanceRow).where(BalanceRow.customer_id.in_(ids)))}
            sealed = []
            for i in range(n):
                draft = ledger_writer.draft(
                    till, ids[i % members], EntryKind.EARN, at, points=5, stamps=1, qualifying=5, amount=50_000
                )
                entry = replace(draft, terminal_seq=seq + 1).sealed(prev)
                seq, prev = entry.terminal_seq, entry.hash
                sealed.append(entry)
                row = rows[entry.customer_id]
                after = apply_entry(ledger_writer.balance_of(row), entry)
                for name in BALANCE_NAMES:
                    setattr(row, name, getattr(after, name))
            s.execute(
                insert(LedgerEntryRow),
                [{c.key: getattr(ledger_writer.to_row(e), c.key) for c in LedgerEntryRow.__table__.columns}
                 for e in sealed],
            )  # fmt: skip
            s.execute(
                insert(OutboxItem),
                [{"item_type": "entry", "item_id": e.id, "created_at": e.created_at} for e in sealed],
            )
        left -= n


def pending_count(till: Till) -> int:
    """Entries and members still waiting (the staff a till reseals at pairing go by their own request)."""
    with till.transaction() as s:
        return int(
            s.scalar(
                select(func.count())
                .select_from(OutboxItem)
                .where(OutboxItem.acked_at.is_(None), OutboxItem.item_type.in_(("entry", "customer")))
            )
            or 0
        )


def new_server(databases: Databases, tmp: Path, processes: int = 1) -> ServerProcess:
    """``processes`` > 1: ``--workers N``, N server processes sharing nothing but the database."""
    tmp.mkdir(parents=True, exist_ok=True)
    extra = ["--workers", str(processes)] if processes > 1 else []
    srv = ServerProcess(db_url=databases.new("postgres"), log_dir=tmp, extra=extra)
    return srv.start()


def server_cpu(srv: ServerProcess) -> float:
    """CPU seconds used so far by the server and its worker processes (Linux /proc): on a shared machine
    the server's cost per entry is steadier than a wall-clock rate."""
    assert srv.proc is not None
    tick = os.sysconf("SC_CLK_TCK")
    total, todo = 0.0, [srv.proc.pid]
    while todo:
        pid = todo.pop()
        try:
            fields_ = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields_[11]) + int(fields_[12])) / tick  # utime, stime
            todo += [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        except (OSError, ValueError, IndexError):
            continue
    return total


def _proc_cpu(pid: int) -> float:
    tick = os.sysconf("SC_CLK_TCK")
    fields_ = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields_[11]) + int(fields_[12])) / tick  # utime, stime


def database_cpu(srv: ServerProcess) -> dict[int, float]:
    """CPU seconds of each PostgreSQL backend serving this benchmark's database, by pid (Linux /proc;
    ``pg_stat_activity`` names them): PostgreSQL's own share of a push, which the server's figure lacks.
    A difference of two readings counts backends that appeared meanwhile in full."""
    dsn = srv.db_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn) as conn:
        pids = [r[0] for r in conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )]  # fmt: skip
    out = {}
    for pid in pids:
        try:
            out[pid] = _proc_cpu(pid)
        except (OSError, ValueError, IndexError):
            continue
    return out


def database_cpu_since(srv: ServerProcess, before: dict[int, float]) -> float:
    return sum(cpu - before.get(pid, 0.0) for pid, cpu in database_cpu(srv).items())


def copy_rate(srv: ServerProcess) -> float:
    """The database's own limit for these rows: the pushed ledger, COPYed into a table with the very same
    columns and indexes (``LIKE … INCLUDING ALL``), in the same PostgreSQL, right after the push."""
    dsn = srv.db_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn) as conn:
        columns = ", ".join(c.name for c in TABLES["ledger_entry"].columns)
        buf = io.BytesIO()
        with conn.cursor().copy(f"COPY (SELECT {columns} FROM ledger_entry) TO STDOUT") as out:
            for chunk in out:
                buf.write(chunk)
        n = conn.execute("SELECT count(*) FROM ledger_entry").fetchone()[0]  # type: ignore[index]
        conn.execute("CREATE TABLE copy_probe (LIKE ledger_entry INCLUDING ALL)")
        conn.commit()
        t0 = time.perf_counter()
        with conn.cursor().copy(f"COPY copy_probe ({columns}) FROM STDIN") as copy:
            copy.write(buf.getvalue())
        conn.commit()
        elapsed = time.perf_counter() - t0
        conn.execute("DROP TABLE copy_probe")
        conn.commit()
    return n / elapsed


def paired_till(srv: ServerProcess, home: Path, store: str) -> Till:
    shop = open_shop(home)
    pair_till(shop.till, home, srv.url, srv.pairing_code(store))
    return shop.till


# -- 1. one till, a 100,000-entry backlog --------------------------------------------------------------


def bench_push(databases: Databases, tmp: Path, backlog: int, batch: int, processes: int = 1) -> None:
    srv = new_server(databases, tmp, processes)
    try:
        store = srv.new_store()
        till = paired_till(srv, tmp / "till", store)
        t0 = time.perf_counter()
        build_backlog(till, members=200, entries=backlog)
        print(f"  backlog of {backlog:,} entries (+200 members) written in {time.perf_counter() - t0:.1f} s")
        worker = SyncWorker(till, srv.url, (tmp / "till" / "sync.token").read_text(), batch_size=batch)
        load = os.getloadavg()[0]
        t0, cpu0, own0, db0 = time.perf_counter(), server_cpu(srv), time.process_time(), database_cpu(srv)
        worker.push_all()
        elapsed, cpu = time.perf_counter() - t0, server_cpu(srv) - cpu0
        db_cpu = database_cpu_since(srv, db0)
        own = time.process_time() - own0  # the till's worker: batches read, encoded, acknowledged
        assert pending_count(till) == 0
        with write_session(srv.engine) as s:
            held = s.scalar(select(func.count()).select_from(EntryRow))
        assert held == backlog, held
        rate = backlog / elapsed
        raw = copy_rate(srv)
        print(
            f"push, 1 till, {processes} server process(es), batches of {batch}: {backlog:,} entries in "
            f"{elapsed:.1f} s = {rate:,.0f} entries/s; raw COPY of the same rows {raw:,.0f} rows/s; "
            f"ratio {rate / raw:.0%}; server CPU {cpu:.1f} s = {backlog / cpu:,.0f} entries per CPU-second; "
            f"PostgreSQL CPU {db_cpu:.1f} s; the till's worker CPU {own:.1f} s; load average {load:.1f} at the "
            f"start, {os.getloadavg()[0]:.1f} at the end"
        )
        worker.stop()
        till.engine.dispose()
    finally:
        srv.stop()


# -- 2. fifty tills at once -----------------------------------------------------------------------------


def _one_till(home: str, url: str, store_code: str, per_terminal: int, ready: object, go: object, out: object) -> None:
    from sync.worker.pairing import read_token

    shop = open_shop(Path(home))
    pair_till(shop.till, Path(home), url, store_code)
    build_backlog(shop.till, members=50, entries=per_terminal)
    worker = SyncWorker(shop.till, url, read_token(Path(home)), batch_size=500, timeout=120)
    ready.put(1)  # type: ignore[attr-defined]
    go.wait()  # type: ignore[attr-defined]
    t0 = time.perf_counter()
    errors = 0
    while True:
        try:
            worker.push_all()
            break
        except Exception:
            errors += 1
    out.put((time.perf_counter() - t0, pending_count(shop.till), errors))  # type: ignore[attr-defined]


def bench_many(databases: Databases, tmp: Path, terminals: int, per_terminal: int, processes: int = 1) -> None:
    srv = new_server(databases, tmp, processes)
    try:
        store = srv.new_store()
        ctx = mp.get_context("spawn")
        ready, out, go = ctx.Queue(), ctx.Queue(), ctx.Event()
        procs = [
            ctx.Process(
                target=_one_till,
                args=(str(tmp / f"till-{i}"), srv.url, srv.pairing_code(store), per_terminal, ready, go, out),
            )
            for i in range(terminals)
        ]
        t0 = time.perf_counter()
        for p in procs:
            p.start()
        for _ in procs:
            ready.get(timeout=1800)
        print(f"  {terminals} tills with {per_terminal:,} entries each ready in {time.perf_counter() - t0:.1f} s")
        load = os.getloadavg()[0]
        t0, cpu0, db0 = time.perf_counter(), server_cpu(srv), database_cpu(srv)
        go.set()
        results = [out.get(timeout=1800) for _ in procs]
        wall, cpu = time.perf_counter() - t0, server_cpu(srv) - cpu0
        db_cpu = database_cpu_since(srv, db0)
        for p in procs:
            p.join(60)
        total = terminals * per_terminal
        with write_session(srv.engine) as s:
            held = s.scalar(select(func.count()).select_from(EntryRow))
        left = sum(r[1] for r in results)
        errors = sum(r[2] for r in results)
        assert held == total and left == 0, (held, left)
        slowest = max(r[0] for r in results)
        raw = copy_rate(srv)
        print(
            f"push, {terminals} tills at once, {processes} server process(es): {total:,} entries in {wall:.1f} s = "
            f"{total / wall:,.0f} entries/s (slowest till {slowest:.1f} s; failed requests retried: {errors}); "
            f"raw COPY {raw:,.0f} rows/s; ratio {total / wall / raw:.0%}; "
            f"server CPU {cpu:.1f} s = {total / cpu:,.0f} entries per CPU-second; PostgreSQL CPU {db_cpu:.1f} s; "
            f"load average {load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end"
        )
    finally:
        srv.stop()


# -- 3. a new till in a chain of a million members --------------------------------------------------------


def seed_million(srv: ServerProcess, members: int, store: str) -> str:
    """Members, their welcome entries (one old till's valid chain) and balances, by COPY."""
    legacy = new_id()
    now = datetime.now(UTC) - timedelta(days=365)
    dsn = srv.db_url.replace("postgresql+psycopg://", "postgresql://")
    t0 = time.perf_counter()
    customers_buf, entries_buf, balances_buf = io.StringIO(), io.StringIO(), io.StringIO()
    prev = GENESIS_HASH
    for i in range(members):
        cid = new_id()
        at = now + timedelta(seconds=i)
        ts = at.isoformat()
        card = f"9{i:09d}"
        customers_buf.write(
            f"{cid}\t{card}\t+8490{i:07d}\tKhách {i}\t\\N\t\\N\t\\N\t\\N\t\\N\tf\tR{i:08d}\t\\N\t{ts}\t{store}"
            f"\tactive\t\\N\t{ts}\t{ts}\t{2 * i + 1}\n"
        )
        e = LedgerEntry(
            id=new_id(), terminal_id=legacy, store_id=store, terminal_seq=i + 1, customer_id=cid,
            kind=EntryKind.BONUS, created_at=at, stamps=2, program_version=1, reason="welcome", prev_hash=prev,
        )  # fmt: skip
        h = chain_hash(prev, e)
        entries_buf.write(
            f"{e.id}\t{legacy}\t{store}\t{i + 1}\t{cid}\tbonus\t{ts}\t0\t2\t0\t\\N\tVND\t\\N\t\\N\t\\N\t1\t\\N\twelcome"
            f"\t\\N\t\\N\t{prev}\t{h}\t{ts}\t{2 * i + 2}\n"
        )
        balances_buf.write(f"{cid}\t0\t2\t0\t0\t0\t\\N\t\\N\t\\N\t0\t1\t{2 * members + i + 1}\n")
        prev = h
    print(f"  {members:,} members, entries and balances prepared in {time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    with psycopg.connect(dsn) as conn:
        conn.execute("ALTER TABLE ledger_entry DISABLE TRIGGER USER")
        for table, buf in (("customer", customers_buf), ("ledger_entry", entries_buf), ("balance", balances_buf)):
            columns = ", ".join(c.name for c in TABLES[table].columns)
            with conn.cursor().copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                copy.write(buf.getvalue())
        conn.execute("ALTER TABLE ledger_entry ENABLE TRIGGER USER")
        conn.execute(
            "INSERT INTO terminal (id, store_id, name, paired_at, head_seq, head_hash, change_no) "
            "VALUES (%s, %s, 'old till', now(), %s, %s, %s)",
            (legacy, store, members, prev, 3 * members + 1),
        )
        conn.execute("UPDATE server_state SET last_change = %s", (3 * members + 1,))
        conn.execute("ANALYZE")
    print(f"  loaded into PostgreSQL with COPY in {time.perf_counter() - t0:.1f} s")
    return legacy


def bench_bootstrap(databases: Databases, tmp: Path, members: int, page: int) -> None:
    srv = new_server(databases, tmp)
    try:
        store = srv.new_store()
        seed_million(srv, members, store)
        till = paired_till(srv, tmp / "new-till", store)
        worker = SyncWorker(till, srv.url, (tmp / "new-till" / "sync.token").read_text(), pull_limit=page, timeout=120)
        t0 = time.perf_counter()
        _entries, _members, pages = worker.pull_all()
        elapsed = time.perf_counter() - t0
        with till.transaction() as s:
            have = s.scalar(select(func.count()).select_from(Customer))
            ledger = s.scalar(select(func.count()).select_from(LedgerEntryRow))
        assert have == members and ledger == members, (have, ledger)
        print(
            f"bootstrap of a new till: {members:,} members + {members:,} entries in {pages} pages of {page} "
            f"in {elapsed:.1f} s ({(members * 2) / elapsed:,.0f} records/s)"
        )
        t0 = time.perf_counter()
        found = customers.find(till, f"090{members // 2:07d}")
        print(
            f"  then a member is found by phone in {1000 * (time.perf_counter() - t0):.1f} ms: {found.matches[0].name}"
        )
        worker.stop()
        till.engine.dispose()
    finally:
        srv.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backlog", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--terminals", type=int, default=50)
    parser.add_argument("--per-terminal", type=int, default=2_000)
    parser.add_argument("--members", type=int, default=1_000_000)
    parser.add_argument("--page", type=int, default=5_000)
    parser.add_argument("--only", choices=["push", "many", "bootstrap"])
    parser.add_argument("--processes", default="1,2", help="server processes to measure push with (default: 1,2)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        databases = Databases(tmp)
        try:
            processes = [int(p) for p in args.processes.split(",")]
            if args.only in (None, "push"):
                for n in processes:
                    bench_push(databases, tmp / f"push-{n}", args.backlog, args.batch, n)
            if args.only in (None, "many"):
                for n in processes:
                    bench_many(databases, tmp / f"many-{n}", args.terminals, args.per_terminal, n)
            if args.only in (None, "bootstrap"):
                bench_bootstrap(databases, tmp / "bootstrap", args.members, args.page)
        finally:
            databases.drop_all()


if __name__ == "__main__":
    main()
