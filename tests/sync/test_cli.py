"""The console scripts: a manager sets up the chain (``loyalty-server``), a back-room PC syncs (``loyalty-sync``)."""

from __future__ import annotations

import contextlib
import json
import signal
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update
from synctools import ROOT, ServerProcess, Shop, members_with_a_sale, server_entries, till_entries, wait_until

from app.bootstrap import open_till
from app.core.program import worked_example_program
from app.db.models import OutboxItem
from app.services import customers
from app.services.syncstatus import pending_count
from sync.worker.worker import SyncWorker


def run(*args: str, ok: bool = True, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=120, input=stdin)
    if ok:
        assert done.returncode == 0, done.stderr
    return done


# The commands do not depend on the database kind (the push/pull tests cover both): PostgreSQL only.
@pytest.mark.parametrize("own_server", ["postgres"], indirect=True)
def test_a_manager_sets_up_a_store_and_a_back_room_pc_syncs_a_till(own_server: ServerProcess, tmp_path: Path) -> None:
    server = own_server
    admin = ["-m", "sync.server.main", "--database-url", server.db_url, "--secrets-file", str(server.secrets_file)]
    store = run(*admin, "create-store", "--name", "Cà Phê Bình Thạnh").stdout.strip()
    assert store in run(*admin, "stores").stdout
    code = run(*admin, "pairing-code", "--store", store).stdout.strip()
    assert len(code.replace("-", "")) == 10

    home = tmp_path / "till"
    till = open_till(home)
    member = customers.enroll(till, name="Ngô Thị Ngọc", phone="0988 765 432", staff=None)
    # This till has a sale for its own store already: a code for another store is refused, clearly.
    refused = run("-m", "sync", "--home", str(home), "pair", "--server", server.url, "--code", code, ok=False)
    assert refused.returncode == 1 and "already has sales" in refused.stderr

    # To bring this till into the chain, the chain starts with its card key and registers its store.
    run(*admin, "set-card-key", "--file", str(home / "card.key"))
    run(*admin, "create-store", "--id", till.store_id, "--name", "Cà Phê Demo")
    fresh = tmp_path / "fresh"
    # The code read from stdin: a secret on the command line shows in the process list.
    paired = run("-m", "sync", "--home", str(fresh), "pair", "--server", server.url, stdin=code + "\n")
    assert "Cà Phê Bình Thạnh" in paired.stdout
    none = run("-m", "sync", "--home", str(tmp_path / "other"), "pair", "--server", server.url, stdin="", ok=False)
    assert none.returncode == 2 and "no pairing code" in none.stderr
    late = run(*admin, "set-card-key", "--file", str(home / "card.key"), ok=False)
    assert "already paired" in late.stderr
    code = run(*admin, "pairing-code", "--store", till.store_id).stdout.strip()
    once = run("-m", "sync", "--home", str(home), "run", "--server", server.url, "--code", code, "--once")
    assert "pushed 1 entries and 1 members" in once.stdout
    assert pending_count(till) == 0 and member.welcome.id in server_entries(server)
    assert "waiting to be sent: 0" in run("-m", "sync", "--home", str(home), "status").stdout
    terminals = run(*admin, "terminals").stdout
    assert till.terminal_id in terminals and "#1" in terminals
    # A code made without --scope pairs a till that holds its store's members, not the chain's (issue 12).
    assert [line for line in terminals.splitlines() if "holds store" in line] == terminals.splitlines()
    back_office = run(*admin, "pairing-code", "--store", store, "--role", "head_office")
    assert "will hold: chain" in back_office.stderr
    bad = run(*admin, "pairing-code", "--store", store, "--scope", "planet", ok=False)
    assert bad.returncode == 2 and "invalid choice" in bad.stderr

    # The console scripts are installed under their names too.
    bin_dir = Path(sys.executable).parent
    for script in ("loyalty-server", "loyalty-sync"):
        assert (bin_dir / script).exists()
    assert till_entries(till, own_only=True).keys() <= server_entries(server).keys()
    till.engine.dispose()


@pytest.mark.parametrize("own_server", ["sqlite"], indirect=True)
def test_publish_program_and_reward_from_files(own_server: ServerProcess, tmp_path: Path) -> None:
    admin = [
        "-m",
        "sync.server.main",
        "--database-url",
        own_server.db_url,
        "--secrets-file",
        str(own_server.secrets_file),
    ]
    program = tmp_path / "program.json"
    program.write_text(worked_example_program().to_json(), encoding="utf-8")
    assert "version 1 is active" in run(*admin, "publish-program", "--file", str(program)).stdout
    assert "version 2 is active" in run(*admin, "publish-program", "--file", str(program)).stdout
    reward = tmp_path / "reward.json"
    reward.write_text(json.dumps({"name": "Trà đá", "kind": "free_item", "cost_points": 5}), encoding="utf-8")
    assert run(*admin, "save-reward", "--file", str(reward)).stdout.strip()
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"name": "Free", "kind": "free_item", "cost_points": 0}), encoding="utf-8")
    assert run(*admin, "save-reward", "--file", str(bad), ok=False).returncode != 0
    assert run(*admin, "flags").stdout == ""


@pytest.mark.parametrize("own_server", ["sqlite"], indirect=True)
def test_the_sync_daemon_keeps_house_on_a_pc_without_the_cashier_app(
    own_server: ServerProcess, shops: Callable[..., Shop]
) -> None:
    """A back-room PC running only ``loyalty-sync run`` prunes its acknowledged outbox as the app does."""
    shop = shops(own_server)
    members_with_a_sale(shop, 4, "0915 10")
    SyncWorker(shop.till, own_server.url, shop.token).run_once()
    assert pending_count(shop.till) == 0
    with shop.till.transaction() as s:  # acknowledged a month ago: past the 14 days kept by default
        s.execute(update(OutboxItem).values(acked_at=datetime.now(UTC) - timedelta(days=30)))
    def entry_rows() -> int:
        with shop.till.transaction() as s:
            return s.scalar(select(func.count()).select_from(OutboxItem).where(OutboxItem.item_type == "entry"))

    before = entry_rows()
    assert before == 8  # four welcomes, four sales

    daemon = subprocess.Popen(
        [sys.executable, "-m", "sync.worker.main", "--home", str(shop.home), "run", "--housekeeping-delay", "0"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        with contextlib.suppress(AssertionError):  # timed out: the assertion below says so, with the log
            wait_until(lambda: entry_rows() <= 1, timeout=60, step=0.2)
    finally:
        daemon.send_signal(signal.SIGTERM)
        _, err = daemon.communicate(timeout=30)
    left = entry_rows()
    assert left == 1, f"the daemon never pruned the outbox: {err[-2000:]}"  # the newest row is kept
    assert daemon.returncode == 0 and "housekeeping pass: Report(outbox_pruned=7" in err
    assert pending_count(shop.till) == 0  # nothing waiting was touched
