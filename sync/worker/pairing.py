"""Pairing a till with a server, and the few files in the till's home that sync needs.

- ``sync.token`` (0600): the till's token. Never logged, never in the database.
- ``sync.json`` (optional): ``{"server_url": "https://…", "pairing_code": "…"}`` names
  a real server; without it the app starts an embedded one (``sync.embedded``).

An empty till adopts the server's store (its id goes into the till's Store and
Terminal rows) and the chain's card key, so its cards scan at every store. A
till that already has sales keeps its store; the server refuses the code when
the stores (or the card keys) differ, before the code is used up.

Pairing with a different server than before (another ``server_id``) queues the
till's whole history again and restarts the pull cursor: the new server has
none of it, and the server's idempotency makes the repeats harmless.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, exists, select, update
from sqlalchemy.orm import Session

from app.bootstrap import adopt_pin_key
from app.db.models import Feedback, LedgerEntryRow, Receipt, Setting, Staff, Store, Terminal, Ticket
from app.services import staff
from app.services.customers import ROLE_SETTING
from app.services.housekeeping import requeue_pruned
from app.services.settings import adopt_store_country_in
from app.services.till import Till
from sync.protocol import PairRequest, PairResponse, card_key_fingerprint
from sync.worker import ingest, outbox
from sync.worker.client import SyncClient

TOKEN_FILE = "sync.token"
PAIRING_FILE = "pairing.json"
CONFIG_FILE = "sync.json"
CARD_KEY_FILE = "card.key"
SERVER_URL = "sync.server_url"
SERVER_ID = "sync.server_id"


@dataclass(frozen=True)
class SyncConfig:
    server_url: str = ""  # empty: run the embedded server
    pairing_code: str = ""
    insecure: bool = False  # allow http:// to a host that is not this machine
    ca_file: str = ""  # trust this CA (a self-signed server certificate)


def read_config(home: Path) -> SyncConfig:
    path = Path(home) / CONFIG_FILE
    if not path.exists():
        return SyncConfig()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ValueError(f"{path} is not valid JSON: {exc}") from None
    return SyncConfig(
        server_url=str(data.get("server_url", "")).strip().rstrip("/"),
        pairing_code=str(data.get("pairing_code", "")).strip(),
        insecure=data.get("insecure") is True,
        ca_file=str(data.get("ca_file", "")).strip(),
    )


def write_private(path: Path, text: str) -> None:
    """Replace ``path`` atomically with owner-only content: a crash leaves the old file or the new."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def read_token(home: Path) -> str:
    path = Path(home) / TOKEN_FILE
    return path.read_text(encoding="ascii").strip() if path.exists() else ""


def setting(till: Till, key: str) -> str:
    with till.transaction() as s:
        row = s.get(Setting, key)
        return row.value if row else ""


def paired_with(till: Till, home: Path) -> tuple[str, str]:
    """(server URL, server id) this till holds a token for; empty when not paired."""
    if not read_token(home):
        return "", ""
    return setting(till, SERVER_URL), setting(till, SERVER_ID)


def ledger_is_empty(till: Till) -> bool:
    with till.transaction() as s:
        return not s.scalar(select(exists().where(LedgerEntryRow.id.is_not(None))))


def pair_till(
    till: Till,
    home: Path,
    server_url: str,
    code: str,
    *,
    terminal_name: str = "",
    client: SyncClient | None = None,
    insecure: bool = False,
    verify: bool | str = True,
) -> PairResponse:
    """Exchange ``code`` for a token and make this till part of the server's chain."""
    empty = ledger_is_empty(till)
    with till.transaction() as s:
        me = s.get(Terminal, till.terminal_id)
        name = terminal_name or (me.name if me else "")
    nonce = _pairing_nonce(Path(home), server_url, code.strip())
    request = PairRequest(
        nonce=nonce,
        code=code.strip(),
        terminal_id=till.terminal_id,
        terminal_name=name,
        store_id=till.store_id,
        ledger_empty=empty,
        card_key_fingerprint=card_key_fingerprint(till.card_key),
    )
    own_client = client is None
    client = client or SyncClient(server_url, insecure=insecure, verify=verify)
    try:
        answer = client.pair(request)
    finally:
        if own_client:
            client.close()
    adopt(till, Path(home), server_url, answer, empty)
    if terminal_name:  # the name the chain knows this till by: the same here ("at which till" in the audit log)
        with till.transaction() as s:
            me = s.get(Terminal, till.terminal_id)
            if me is not None:
                me.name = terminal_name
    (Path(home) / PAIRING_FILE).unlink(missing_ok=True)
    return answer


def _pairing_nonce(home: Path, server_url: str, code: str) -> str:
    """The nonce of this pairing, kept (0600) until it is done: a retry after a lost answer, even after a
    restart, sends the same one and gets the same token back instead of "code already used"."""
    path = home / PAIRING_FILE
    try:
        kept = json.loads(path.read_text(encoding="ascii"))
        if kept.get("server_url") == server_url and kept.get("code") == code:
            return str(kept["nonce"])
    except (OSError, ValueError, KeyError, AttributeError):
        pass
    nonce = secrets.token_hex(32)
    write_private(path, json.dumps({"server_url": server_url, "code": code, "nonce": nonce}))
    return nonce


def adopt(till: Till, home: Path, server_url: str, answer: PairResponse, ledger_empty: bool) -> None:
    if answer.pin_key:  # the chain's PIN key becomes current; PINs hashed under the old one still work
        till.pin_keys = adopt_pin_key(Path(home), bytes.fromhex(answer.pin_key))
    key = bytes.fromhex(answer.card_key)
    if ledger_empty and key != till.card_key:
        write_private(home / CARD_KEY_FILE, key.hex())
        till.card_key = key
    previous_server = setting(till, SERVER_ID)
    moved = answer.store.id != till.store_id
    with till.transaction() as s:
        if moved:
            _move_to_store(s, till, till.store_id, answer)
        if answer.pin_key:  # staff set up before pairing: their PINs work at the chain's other tills at once
            staff.reseal_staff_pins(s, till.pin_keys)
        me = s.get(Terminal, till.terminal_id)
        if me is not None:
            me.server_url = server_url
        _set(s, SERVER_URL, server_url)
        _set(s, SERVER_ID, answer.server_id)
        _set(s, ROLE_SETTING, answer.role)
        if previous_server and previous_server != answer.server_id:
            _set(s, ingest.CURSOR, "0")
    if moved:
        till.store_id = answer.store.id
    if previous_server and previous_server != answer.server_id:
        outbox.requeue_everything(till)
        requeue_pruned(till)  # entries whose acknowledged rows housekeeping pruned: from the ledger, in order
    write_private(home / TOKEN_FILE, answer.token)
    till.reload_program()


def remember_server(till: Till, server_url: str) -> None:
    """The embedded server listens on a new port at each start: the till records where it is now."""
    with till.transaction() as s:
        me = s.get(Terminal, till.terminal_id)
        if me is not None:
            me.server_url = server_url
        _set(s, SERVER_URL, server_url)


def _move_to_store(s: Session, till: Till, old: str, answer: PairResponse) -> None:
    """An empty till joins the server's store: its rows that name the old store follow it."""
    new = answer.store
    row = s.get(Store, new.id)
    if row is None:
        s.add(Store(id=new.id, name=new.name, timezone=new.timezone, currency=new.currency))
    else:
        row.name, row.timezone, row.currency = new.name, new.timezone, new.currency
    # Its phones are the new store's country's: the server's word if it sends one, else its zone's.
    adopt_store_country_in(s, till, getattr(new, "country", None), new.timezone)
    s.flush()
    for model in (Terminal, Staff, Receipt, Feedback, Ticket):
        s.execute(update(model).where(model.store_id == old).values(store_id=new.id))
    s.flush()
    s.execute(delete(Store).where(Store.id == old))


def _set(s: Session, key: str, value: str) -> None:
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=value))
    else:
        row.value = value
