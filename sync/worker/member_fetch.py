"""Fetch a member this till does not hold, while online, in one round-trip; she is kept afterwards.

Called off the GUI thread (``app.ui.controllers.lookup``): it is network I/O. A till
that is not paired, or cannot reach the server within a few seconds, answers
``False`` and the cashier goes on as offline (a scanned genuine card still earns on
its placeholder, ``app.services.unknown_cards``).
"""

from __future__ import annotations

from pathlib import Path

from app.core.phone import normalise_phone
from app.services.till import Till
from sync.worker import ingest
from sync.worker.client import SyncClient, SyncError
from sync.worker.pairing import SERVER_URL, read_token, setting

TIMEOUT_S = 5.0  # a customer at the counter: better to go on offline than to wait


def can_fetch(home: Path) -> bool:
    """Whether this till is paired at all (a file check, cheap enough for the GUI thread)."""
    return bool(read_token(home))


def fetch(till: Till, home: Path, *, card: str | None = None, phone: str | None = None) -> bool:
    """True if the server knew the member and she is now held here (with her ledger)."""
    token, url = read_token(home), setting(till, SERVER_URL)
    if not (token and url) or not (card or phone):
        return False
    try:
        with SyncClient(url, token, timeout=TIMEOUT_S) as client:
            page = client.member(card=card, phone=normalise_phone(phone, till.country()) if phone else None)
    except SyncError:
        return False
    if not page.customers:
        return False
    ingest.apply_member(till, page)
    return True
