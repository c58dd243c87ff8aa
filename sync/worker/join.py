"""Connect a till to a chain's central server at first run (the wizard, ``loyalty init``/``join``).

A new real shop may pair right after it is set up; a till joining an existing chain
pairs first and takes its store, program, rewards and staff from the server. Both
remember the server in ``sync.json`` so the app syncs with it (rather than starting
an embedded server), then push and pull once so the till holds what the chain has.
Network I/O: callers on a GUI must run this off the GUI thread.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select

from app.db.models import ProgramVersion
from app.services import catalog
from app.services.till import Till
from sync.protocol import PairResponse
from sync.worker import snapshot
from sync.worker.backoffice import queue_all_staff
from sync.worker.pairing import CONFIG_FILE, pair_till, read_token, write_private
from sync.worker.worker import SyncWorker


def normalise_url(url: str) -> str:
    url = url.strip().rstrip("/")
    if url and "://" not in url:
        url = "https://" + url
    return url


def connect(till: Till, home: Path | str, server_url: str, code: str, *, terminal_name: str = "") -> PairResponse:
    """Pair with ``server_url`` using a one-time ``code``, remember the server, then sync once.

    Raises ``sync.worker.client.SyncError`` (a readable message) when the server refuses
    or cannot be reached; the till stays as it was, unpaired.
    """
    home = Path(home)
    url = normalise_url(server_url)
    answer = pair_till(till, home, url, code, terminal_name=terminal_name)
    write_private(home / CONFIG_FILE, json.dumps({"server_url": url}))
    queue_all_staff(till)  # a new shop's owner (and any staff) become known to the chain
    template_rewards = {r.id for r in catalog.rewards(till, active_only=False)}
    program_before = _active_program(till)
    # An empty till takes the chain's snapshot in one go; the pull then brings only what came after it.
    snapshot.try_bootstrap(till, url, read_token(home), home)
    worker = SyncWorker(till, url, read_token(home), timeout=30.0)
    try:
        worker.run_once()
    finally:
        worker.stop()
    till.reload_program()
    if _active_program(till) != program_before:
        # The chain has its own program: its catalog replaces the one the setup template made here.
        for reward in catalog.rewards(till):
            if reward.id in template_rewards:
                catalog.save_reward(till, replace(reward, active=False), by=None)
    return answer


def _active_program(till: Till) -> str:
    with till.transaction() as s:
        row = s.scalars(select(ProgramVersion).where(ProgramVersion.active)).first()
        return row.body if row else ""
