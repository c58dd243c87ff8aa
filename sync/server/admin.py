"""What a manager (or the embedded starter) does to the server: stores, codes, program, rewards.

Each function works inside the caller's session, so the CLI, the tests and the
embedded starter share them. Writes take change numbers, so tills pull them.
"""

from __future__ import annotations

import json
import secrets
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.errors import InvalidInput
from app.core.ids import new_id
from app.core.ledger import GENESIS_HASH
from app.core.program import Program
from app.core.rewards import Period, Reward, RewardKind
from sync.protocol import PairRequest, PairResponse, RewardRecord, StoreRecord, card_key_fingerprint
from sync.server.auth import hash_secret, new_pairing_code, new_token, normalise_code
from sync.server.db import ChangeCounter
from sync.server.errors import Refused
from sync.server.models import FlagRow, PairingCode, ProgramRow, RewardRow, ServerState, StoreRow, TerminalRow

CARD_KEY_BYTES = 32


def _now() -> datetime:
    return datetime.now(UTC)


def init_server(session: Session, *, card_key: bytes | None = None) -> ServerState:
    """The server's identity and the chain's card key; made once, on first start."""
    state = session.get(ServerState, 1)
    if state is None:
        state = ServerState(
            id=1,
            server_id=str(uuid.uuid4()),
            last_change=0,
            card_key=(card_key or secrets.token_bytes(CARD_KEY_BYTES)).hex(),
            created_at=_now(),
        )
        session.add(state)
        session.flush()
    return state


def card_key(session: Session) -> bytes:
    state = session.get(ServerState, 1)
    if state is None:
        raise RuntimeError("the server is not initialised")
    return bytes.fromhex(state.card_key)


def set_card_key(session: Session, key: bytes) -> None:
    """Start the chain with an existing till's card key, so the cards it printed scan everywhere.

    Only before any till is paired: afterwards the paired tills' cards would stop scanning.
    """
    if len(key) < 16:
        raise InvalidInput("A card key has at least 16 bytes.")
    if session.scalar(select(TerminalRow.id).limit(1)) is not None:
        raise InvalidInput("Tills are already paired with this chain; its card key can no longer change.")
    state = init_server(session)
    state.card_key = key.hex()


def create_store(
    session: Session,
    *,
    name: str,
    timezone: str = "Asia/Ho_Chi_Minh",
    currency: str = "VND",
    store_id: str | None = None,
) -> StoreRecord:
    """A store of the chain. ``store_id`` registers a till's existing store (its ledger names it)."""
    record = StoreRecord(id=store_id or new_id(), name=name, timezone=timezone, currency=currency)
    counter = ChangeCounter(session)
    row = session.get(StoreRow, record.id)
    if row is None:
        session.add(StoreRow(**record.model_dump(), created_at=_now(), change_no=counter.next()))
    else:
        row.name, row.timezone, row.currency, row.change_no = name, timezone, currency, counter.next()
    session.flush()
    counter.finish()
    return record


def stores(session: Session) -> list[StoreRecord]:
    return [
        StoreRecord(id=r.id, name=r.name, timezone=r.timezone, currency=r.currency)
        for r in session.scalars(select(StoreRow).order_by(StoreRow.name))
    ]


def issue_pairing_code(session: Session, store_id: str, *, valid_for: timedelta = timedelta(hours=24)) -> str:
    """A one-time code for one new till of ``store_id``. Shown once; only its hash is kept."""
    if session.get(StoreRow, store_id) is None:
        raise InvalidInput(f"There is no store {store_id!r} on this server.")
    code = new_pairing_code()
    now = _now()
    session.add(
        PairingCode(
            code_hash=hash_secret(normalise_code(code)), store_id=store_id, created_at=now, expires_at=now + valid_for
        )
    )
    session.flush()
    return code


def pair(session: Session, req: PairRequest, now: datetime) -> PairResponse:
    """Exchange a pairing code for a token. The code works once; the token is shown once."""
    code = session.get(PairingCode, hash_secret(normalise_code(req.code)), with_for_update=True)
    if code is None or code.used_at is not None or code.expires_at <= now:
        raise Refused(
            401,
            "bad_pairing_code",
            "This pairing code is unknown, expired or already used. Ask the manager for a new one.",
        )
    store = session.get(StoreRow, code.store_id)
    assert store is not None
    key = card_key(session)
    if not req.ledger_empty:
        if req.store_id != store.id:
            raise Refused(
                409,
                "store_mismatch",
                f"This till already has sales recorded for its own store ({req.store_id}), but the code is for "
                f"store “{store.name}” ({store.id}). Use a code for the till's own store, or pair a new till.",
            )
        if req.card_key_fingerprint != card_key_fingerprint(key):
            raise Refused(
                409,
                "card_key_mismatch",
                "This till's member cards were signed with a different card key than the chain's, so they would "
                "not scan at the other stores. Pair a new till, or start the chain with this till's key "
                "(loyalty-server set-card-key --file card.key, before any till is paired).",
            )
    terminal = session.get(TerminalRow, req.terminal_id, with_for_update=True)
    if terminal is not None and terminal.store_id != store.id:
        raise Refused(409, "terminal_elsewhere", "This till is already registered for another store.")
    token = new_token()
    counter = ChangeCounter(session)
    if terminal is None:
        terminal = TerminalRow(
            id=req.terminal_id,
            store_id=store.id,
            name=req.terminal_name,
            paired_at=now,
            head_seq=0,
            head_hash=GENESIS_HASH,
        )
        session.add(terminal)
    terminal.name = req.terminal_name or terminal.name
    terminal.token_hash = hash_secret(token)  # a re-paired till's old token stops working
    terminal.paired_at, terminal.revoked_at = now, None
    terminal.change_no = counter.next()
    code.used_at, code.used_by = now, req.terminal_id
    try:
        session.flush()
    except IntegrityError:
        raise Refused(409, "conflict", "This till is being paired twice at once; try again.") from None
    counter.finish()
    state = session.get(ServerState, 1)
    assert state is not None
    return PairResponse(
        token=token,
        server_id=state.server_id,
        terminal_id=terminal.id,
        store=StoreRecord(id=store.id, name=store.name, timezone=store.timezone, currency=store.currency),
        card_key=key.hex(),
    )


def revoke_terminal(session: Session, terminal_id: str) -> bool:
    row = session.get(TerminalRow, terminal_id)
    if row is None:
        return False
    row.token_hash, row.revoked_at = None, _now()
    return True


def publish_program(session: Session, program: Program, *, keep_version: bool = False, active: bool = True) -> int:
    """Store a program version (validated) and make it the one tills use. Returns its number."""
    counter = ChangeCounter(session)
    if not keep_version:
        latest = session.scalar(select(func.max(ProgramRow.version))) or 0
        program = replace(program, version=latest + 1)
    body = Program.from_json(program.to_json()).to_json()  # refuse what a till could not load
    if active:
        for row in session.scalars(select(ProgramRow).where(ProgramRow.active)):
            if row.version != program.version:
                row.active, row.change_no = False, counter.next()
    row = session.get(ProgramRow, program.version)
    if row is None:
        session.add(
            ProgramRow(version=program.version, body=body, active=active, created_at=_now(), change_no=counter.next())
        )
    else:
        row.body, row.active, row.change_no = body, active, counter.next()
    session.flush()
    counter.finish()
    return program.version


def program_from_file_text(text: str) -> Program:
    return Program.from_json(text)


def save_reward(session: Session, record: RewardRecord) -> RewardRecord:
    # The core's own checks (a cost, a sane percentage) before a till ever sees it.
    Reward(
        id=record.id,
        name=record.name,
        kind=RewardKind(record.kind),
        cost_points=record.cost_points,
        cost_full_card=record.cost_full_card,
        value=record.value,
        cap=record.cap,
        item_sku=record.item_sku,
        min_tier=record.min_tier,
        limit_count=record.limit_count,
        limit_period=Period(record.limit_period),
        active=record.active,
        starts_on=record.starts_on,
        ends_on=record.ends_on,
    )
    counter = ChangeCounter(session)
    data = {**record.model_dump(), "change_no": counter.next()}
    row = session.get(RewardRow, record.id)
    if row is None:
        session.add(RewardRow(**data))
    else:
        for k, v in data.items():
            setattr(row, k, v)
    session.flush()
    counter.finish()
    return record


def reward_from_json(text: str) -> RewardRecord:
    data = json.loads(text)
    data.setdefault("id", new_id())
    return RewardRecord.model_validate(data)


def open_flags(session: Session, *, include_resolved: bool = False) -> list[FlagRow]:
    q = select(FlagRow).order_by(FlagRow.created_at)
    if not include_resolved:
        q = q.where(FlagRow.resolved_at.is_(None))
    return list(session.scalars(q))
