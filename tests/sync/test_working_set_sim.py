"""Issue 12's simulation, CI size: a real server on PostgreSQL, 4 stores in 2 regions, 20 real tills.

The same code (``working_set_sim``) runs with 200,000 members in ``tests/benchmarks/bench_working_set.py``;
here with 4,000 so it fits CI's two minutes. Each till holds exactly its working set with the server's
balances; an offline till awards a member it does not hold by scanning her card, and after sync the
server and her home store's till show it on her; pull bytes per till follow its set, not the chain.
"""

from __future__ import annotations

from pathlib import Path

from synctools import Databases, ServerProcess
from working_set_sim import check_proportional, report, run

MEMBERS = 4_000


def test_twenty_tills_hold_their_working_sets_and_pull_in_proportion(databases: Databases, tmp_path: Path) -> None:
    srv = ServerProcess(db_url=databases.new("postgres"), log_dir=tmp_path).start()
    try:
        figures = run(srv, tmp_path, MEMBERS)
    finally:
        srv.stop()
    report(figures)
    check_proportional(figures)
