"""The till that ``test_crash.py`` kills: it awards sales in a loop and reports each one it confirmed.

A line goes to stdout only after the service call returned, i.e. after the
commit — the moment the cashier would see "awarded". The parent kills this
process at random moments and checks that every reported sale is in the
ledger, exactly once, with the chain, balances and outbox still in agreement.

Lines written:
    OPENING                               imports done, about to open (or create) the till
    READY <terminal_id>
    AWARD <earn entry id>                 a single sale, committed
    BATCH <batch id> <count>              <count> sales committed in one transaction

Usage: python tests/db/crash_child.py HOME SEED [--customers N]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from app.bootstrap import open_till  # noqa: E402
from app.core.earning import Bill  # noqa: E402
from app.core.ids import new_id  # noqa: E402
from app.db.models import Customer  # noqa: E402
from app.services import awards, customers  # noqa: E402
from app.services.awards import ReceiptRef  # noqa: E402
from app.services.till import Till  # noqa: E402

BATCH_SOURCE = "crash-batch"
BATCH_SIZE = 40


def phone_of(i: int) -> str:
    return f"+849000{i:05d}"


def members(till: Till, count: int) -> list[str]:
    """The test's members, enrolling those a previous (killed) run did not get to."""
    with till.transaction() as s:
        have: dict[str | None, str] = {phone: cid for phone, cid in s.execute(select(Customer.phone, Customer.id))}
    for i in range(count):
        if phone_of(i) not in have:
            have[phone_of(i)] = customers.enroll(till, name=f"Khách {i}", phone=phone_of(i), staff=None).customer_id
    return [have[phone_of(i)] for i in range(count)]


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("home", type=Path)
    parser.add_argument("seed", type=int)
    parser.add_argument("--customers", type=int, default=4)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    say("OPENING")
    till = open_till(args.home)
    ids = members(till, args.customers)
    say(f"READY {till.terminal_id}")
    while True:
        if rng.random() < 0.15:
            # A long transaction (a POS export applied at once): a kill inside it must leave none of it.
            batch = new_id()
            with till.transaction() as s:
                for i in range(BATCH_SIZE):
                    bill = Bill(paid=rng.randrange(20, 300) * 1_000)
                    receipt = ReceiptRef(BATCH_SOURCE, f"{batch}/{i}")
                    awards.award(till, rng.choice(ids), bill, staff=None, receipt=receipt, session=s)
            say(f"BATCH {batch} {BATCH_SIZE}")
        else:
            result = awards.award(till, rng.choice(ids), Bill(paid=rng.randrange(20, 300) * 1_000), staff=None)
            say(f"AWARD {result.earn.id}")


if __name__ == "__main__":
    main()
