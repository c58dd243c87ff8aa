"""Working-set simulation at the issue's size (issue 12, "Done means"): 200,000 members, 20 tills.

Run on demand (PostgreSQL 15 on 127.0.0.1:5432, as for the tests), under nice:

    nice -n 19 timeout 7200 .venv/bin/python tests/benchmarks/bench_working_set.py [--members 200000]

The very code of the CI test (``tests/sync/working_set_sim.py``, run there with 4,000 members): a real
server process on a fresh PostgreSQL database, 4 stores in 2 regions, 5 real till homes per store
synced by the real worker; members generated server-side by COPY. It asserts what the test asserts
(each till holds exactly its working set with the server's balances; the offline award on a card the
till did not hold lands on the member at the server and at her home store's till; pull bytes per
member of the set alike at every till) and prints the times and each till's pull bytes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))

from synctools import Databases, ServerProcess
from working_set_sim import check_proportional, report, run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--members", type=int, default=200_000)
    parser.add_argument("--no-chain-till", action="store_true", help="skip the whole-chain till (for comparison)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        databases = Databases(tmp)
        srv = ServerProcess(db_url=databases.new("postgres"), log_dir=tmp, docs=False).start()
        try:
            figures = run(srv, tmp, args.members, chain_till=not args.no_chain_till)
        finally:
            srv.stop()
            databases.drop_all()
        report(figures)
        check_proportional(figures)
        print("  every till holds exactly its working set; the offline award is on her at the server and at home")


if __name__ == "__main__":
    main()
