"""Each sync cycle: tell the server how this till is, and keep the chain's health for the back office.

The back office must show every till's sync and POS-bridge state, offline too
(the last known). So the worker — already on a background thread, already
talking to the server — sends this till's report and, at most once a minute,
fetches the chain's (every till's last report and the open flags) into the
till's settings. The back office reads only the local database: it never waits
on the network, and offline it shows what it last heard, with its time.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from app.db.models import ImportedFile, Setting
from app.services.syncstatus import SyncStatus, pending_count
from app.services.till import Till
from sync.protocol import TillHealth
from sync.worker.client import SyncClient

log = logging.getLogger("loyalty.sync")

CHAIN_KEY = "health.chain"  # the server's last ChainHealth, as JSON
LAST_SYNC_KEY = "health.last_sync"  # when this till last finished a cycle (ISO UTC)
POS_FOLDERS_KEY = "pos.folders"
CHAIN_EVERY = timedelta(minutes=1)


def local_report(till: Till, status: SyncStatus) -> TillHealth:
    """What this till knows of itself: the outbox, the last cycle, the POS files it read or quarantined."""
    with till.transaction() as s:
        last = s.execute(
            select(ImportedFile.path, ImportedFile.seen_at).order_by(ImportedFile.seen_at.desc()).limit(1)
        ).first()
        quarantined = s.scalar(
            select(func.count()).select_from(ImportedFile).where(ImportedFile.outcome == "quarantined")
        )
        folders = s.get(Setting, POS_FOLDERS_KEY)
    return TillHealth(
        pending=pending_count(till),
        last_sync_at=status.last_success,
        last_error=(status.last_error or "")[:500],
        pos_watching=bool(folders and folders.value.strip() not in ("", "[]")),
        pos_last_file=(last[0] if last else "")[-500:],
        pos_last_file_at=last[1] if last else None,
        pos_quarantined=int(quarantined or 0),
    )


def _set(till: Till, key: str, value: str) -> None:
    with till.transaction() as s:
        row = s.get(Setting, key)
        if row is None:
            s.add(Setting(key=key, value=value))
        else:
            row.value = value


def _get(till: Till, key: str) -> str:
    with till.transaction() as s:
        row = s.get(Setting, key)
        return row.value if row else ""


def exchange(till: Till, client: SyncClient, status: SyncStatus, now: datetime | None = None) -> bool:
    """Send this till's report; fetch the chain's when the copy held is over a minute old.

    Best effort: a failure here never fails the sync cycle (it is logged). True when the
    chain's health was fetched.
    """
    now = now or datetime.now(UTC)
    try:
        _set(till, LAST_SYNC_KEY, now.isoformat())
        client.report_health(local_report(till, status))
        held = _get(till, CHAIN_KEY)
        fetched = json.loads(held).get("time") if held else None
        if fetched and now - datetime.fromisoformat(fetched) < CHAIN_EVERY:
            return False
        chain = client.chain_health()
        _set(till, CHAIN_KEY, chain.model_dump_json())
        return True
    except Exception as exc:  # the report is a courtesy: sales and sync go on without it
        log.info("health report failed: %s", exc)
        return False
