"""What a manager (or the embedded starter) does to the server: stores, codes, program, rewards.

Each function works inside the caller's session, so the CLI, the tests and the
embedded starter share them. Writes take change numbers, so tills pull them.
"""

from __future__ import annotations

import json
import secrets
import uuid
from dataclasses import asdict, replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.errors import InvalidInput
from app.core.ids import new_id
from app.core.ledger import GENESIS_HASH, fold
from app.core.limits import check_balance, check_entry
from app.core.merges import effective_parents, root_of
from app.core.program import Program
from app.core.rewards import Period, Reward, RewardKind
from sync.protocol import CustomerRecord, PairRequest, PairResponse, RewardRecord, StoreRecord, card_key_fingerprint
from sync.server import merges, vault, working_set
from sync.server.auth import hash_secret, new_pairing_code, new_token, normalise_code, open_token, seal_token
from sync.server.db import ChangeCounter
from sync.server.errors import Refused
from sync.server.ledger import ROLES, chunks, entry_of
from sync.server.models import (
    BalanceRow,
    CustomerRow,
    EntryRow,
    FlagRow,
    HeldEntry,
    PairingCode,
    ProfileProposal,
    ProgramRow,
    RewardRow,
    ServerState,
    StoreRow,
    TerminalRow,
    WorkingSetRow,
    not_counted_ids,
)

CARD_KEY_BYTES = 32
PIN_KEY_BYTES = 32
CARD_KEY, PIN_KEY = "card key", "PIN key"  # labels that bind each sealed key to its place


def _now() -> datetime:
    return datetime.now(UTC)


def init_server(
    session: Session, *, secret: bytes, card_key: bytes | None = None, pin_key: bytes | None = None
) -> ServerState:
    """The server's identity and the chain's card and PIN keys; made once, on first start.

    The keys are stored sealed with ``secret`` (``sync.server.vault``); a key stored in clear by an
    older version is sealed here, and a chain that has no PIN key yet gets one.
    """
    state = session.get(ServerState, 1)
    if state is None:
        state = ServerState(
            id=1,
            server_id=str(uuid.uuid4()),
            last_change=0,
            card_key=vault.seal(secret, card_key or secrets.token_bytes(CARD_KEY_BYTES), CARD_KEY),
            pin_key=vault.seal(secret, pin_key or secrets.token_bytes(PIN_KEY_BYTES), PIN_KEY),
            created_at=_now(),
        )
        session.add(state)
        session.flush()
    for label, stored in ((CARD_KEY, state.card_key), (PIN_KEY, state.pin_key or "")):
        if vault.is_sealed(stored):  # a wrong secret key says so at start, before anything is sealed with it
            vault.unseal(secret, stored, label)
    if not vault.is_sealed(state.card_key):
        state.card_key = vault.seal(secret, bytes.fromhex(state.card_key), CARD_KEY)
    if not state.pin_key:
        state.pin_key = vault.seal(secret, pin_key or secrets.token_bytes(PIN_KEY_BYTES), PIN_KEY)
    return state


def _state(session: Session) -> ServerState:
    state = session.get(ServerState, 1)
    if state is None:
        raise RuntimeError("the server is not initialised")
    return state


def card_key(session: Session, secret: bytes) -> bytes:
    return vault.unseal(secret, _state(session).card_key, CARD_KEY)


def pin_key(session: Session, secret: bytes) -> bytes:
    state = _state(session)
    if not state.pin_key:
        raise RuntimeError("the server has no PIN key yet: start it once")
    return vault.unseal(secret, state.pin_key, PIN_KEY)


def set_card_key(session: Session, key: bytes, secret: bytes, pin: bytes | None = None) -> None:
    """Start the chain with an existing till's card key (and PIN key), so its cards and PINs work everywhere.

    Only before any till is paired: afterwards the paired tills' cards would stop scanning.
    """
    if len(key) < 16:
        raise InvalidInput("A card key has at least 16 bytes.")
    if session.scalar(select(TerminalRow.id).limit(1)) is not None:
        raise InvalidInput("Tills are already paired with this chain; its card key can no longer change.")
    state = init_server(session, secret=secret)
    state.card_key = vault.seal(secret, key, CARD_KEY)
    if pin:
        state.pin_key = vault.seal(secret, pin, PIN_KEY)


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


def issue_pairing_code(
    session: Session,
    store_id: str,
    *,
    valid_for: timedelta = timedelta(hours=24),
    role: str = "till",
    scope: str | None = None,
) -> str:
    """A one-time code for one new till of ``store_id``. Shown once; only its hash is kept.

    ``role="head_office"`` pairs the chain's back office, which may edit any member's profile.
    ``scope`` is which members the new till will hold (``default_scope`` when not given): a till of a
    big chain holds its store's, not the chain's (issue 12), and setting it here — before the till's
    first sync, the only time a scope can change cleanly — spares a ``set-scope`` per till.
    """
    if session.get(StoreRow, store_id) is None:
        raise InvalidInput(f"There is no store {store_id!r} on this server.")
    if role not in ROLES:
        raise InvalidInput(f"A terminal's role is one of {', '.join(ROLES)}.")
    scope = scope or default_scope(role)
    if scope not in working_set.SCOPES:
        raise InvalidInput("{0} is not a scope (store, region or chain).", scope=scope)
    code = new_pairing_code()
    now = _now()
    session.add(
        PairingCode(
            code_hash=hash_secret(normalise_code(code)),
            store_id=store_id,
            created_at=now,
            expires_at=now + valid_for,
            role=role,
            scope=scope,
        )
    )
    session.flush()
    return code


def default_scope(role: str) -> str:
    """A till holds its store's working set; the chain's back office holds the chain (its reports are
    the chain's). DECISIONS.md, "A till's scope"."""
    return "chain" if role == "head_office" else "store"


def pair(session: Session, req: PairRequest, now: datetime, secret: bytes) -> PairResponse:
    """Exchange a pairing code for a token. The code works once; the token is shown once.

    Once more for the same till with the same one-time nonce: a till whose answer was lost on the way
    retries, and gets the same token back rather than a used-up code and no token.
    """
    code = session.get(PairingCode, hash_secret(normalise_code(req.code)), with_for_update=True)
    if code is not None and code.used_at is not None and req.nonce:
        again = _pair_again(session, code, req, secret)
        if again is not None:
            return again
    if code is None or code.used_at is not None or code.expires_at <= now:
        raise Refused(
            401,
            "bad_pairing_code",
            "This pairing code is unknown, expired or already used. Ask the manager for a new one.",
        )
    store = session.get(StoreRow, code.store_id)
    assert store is not None
    key = card_key(session, secret)
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
            # Only a new till takes the code's scope: a till paired again (a lost token) keeps what it
            # holds and the scope it was pulling by; ``set-scope`` changes it on purpose.
            scope=code.scope,
        )
        session.add(terminal)
    terminal.name = req.terminal_name or terminal.name
    terminal.token_hash = hash_secret(token)  # a re-paired till's old token stops working
    terminal.paired_at, terminal.revoked_at = now, None
    terminal.role = code.role
    terminal.change_no = counter.next()
    code.used_at, code.used_by = now, req.terminal_id
    if req.nonce:
        code.nonce_hash, code.token_box = hash_secret(req.nonce), seal_token(req.nonce, token)
    try:
        session.flush()
    except IntegrityError:
        raise Refused(409, "conflict", "This till is being paired twice at once; try again.") from None
    counter.finish()
    return _pair_response(session, secret, token, terminal, store)


def _pair_response(session: Session, secret: bytes, token: str, terminal: TerminalRow, store: StoreRow) -> PairResponse:
    return PairResponse(
        token=token,
        server_id=_state(session).server_id,
        terminal_id=terminal.id,
        store=StoreRecord(id=store.id, name=store.name, timezone=store.timezone, currency=store.currency),
        card_key=card_key(session, secret).hex(),
        pin_key=pin_key(session, secret).hex(),
        role=terminal.role,
    )


def _pair_again(session: Session, code: PairingCode, req: PairRequest, secret: bytes) -> PairResponse | None:
    """The answer to a retried pairing, when it is one: same code, same till, same nonce, token unchanged."""
    assert req.nonce
    if code.used_by != req.terminal_id or not code.token_box or code.nonce_hash != hash_secret(req.nonce):
        return None
    token = open_token(req.nonce, code.token_box)
    terminal = session.get(TerminalRow, req.terminal_id)
    if terminal is None or terminal.revoked_at is not None or terminal.token_hash != hash_secret(token):
        return None  # revoked or paired again since: the old answer is no longer true
    store = session.get(StoreRow, terminal.store_id)
    assert store is not None
    return _pair_response(session, secret, token, terminal, store)


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


def proposals(session: Session, *, include_decided: bool = False) -> list[ProfileProposal]:
    q = select(ProfileProposal).order_by(ProfileProposal.created_at)
    if not include_decided:
        q = q.where(ProfileProposal.decided_at.is_(None))
    return list(session.scalars(q))


def decide_proposal(session: Session, proposal_id: str, *, accept: bool) -> None:
    """A manager's answer to another store's profile change: applied as it was sent, or dropped."""
    proposal = session.get(ProfileProposal, proposal_id, with_for_update=True)
    if proposal is None or proposal.decided_at is not None:
        raise InvalidInput(f"There is no open proposal {proposal_id!r}.")
    proposal.decided_at, proposal.decision = _now(), "accepted" if accept else "rejected"
    if accept:
        record = CustomerRecord.model_validate_json(proposal.body)
        row = session.get(CustomerRow, record.id)
        if row is None:
            raise InvalidInput(f"Member {record.id} is not on this server any more.")
        counter = ChangeCounter(session)
        for name, value in record.model_dump().items():
            if name != "enrolled_store":
                setattr(row, name, value)
        row.received_at, row.change_no = _now(), counter.next()
        session.flush()
        counter.finish()


# -- quarantine ------------------------------------------------------------------------------------


def quarantine_terminal(session: Session, terminal_id: str, *, revoke: bool = False) -> None:
    """From now on this till's entries are stored (its chain stays whole) but held: not in balances,
    not sent to other tills, until a manager releases or rejects them. ``revoke`` also cuts its token."""
    row = session.get(TerminalRow, terminal_id, with_for_update=True)
    if row is None:
        raise InvalidInput(f"There is no terminal {terminal_id!r}.")
    row.quarantined_at = row.quarantined_at or _now()
    if revoke:
        row.token_hash, row.revoked_at = None, _now()


def set_scope(session: Session, terminal_id: str, scope: str) -> None:
    """Which members a till holds (issue 12, ``sync.server.working_set``): "store", "region" or "chain".

    Set it before the till's first sync (pairing, then this): a till that pulled the chain already
    keeps what it holds and from then on is sent only its set's changes."""
    if scope not in working_set.SCOPES:
        raise InvalidInput("{0} is not a scope (store, region or chain).", scope=scope)
    row = session.get(TerminalRow, terminal_id, with_for_update=True)
    if row is None:
        raise InvalidInput("There is no terminal {0}.", terminal=terminal_id)
    row.scope = scope


def set_region(session: Session, store_id: str, region: str | None) -> None:
    """A store's region: the tills of scope "region" hold the members seen at any of its stores.

    Members seen from now on enter the region's set; to fill it with the store's past members too,
    they are copied from the store's set here."""
    row = session.get(StoreRow, store_id, with_for_update=True)
    if row is None:
        raise InvalidInput("There is no store {0}.", store=store_id)
    row.region = region or None
    if row.region:
        counter = ChangeCounter(session)
        members = set(
            session.scalars(
                select(WorkingSetRow.customer_id).where(
                    WorkingSetRow.holder == working_set.store_holder(store_id), WorkingSetRow.has_left.is_(False)
                )
            )
        )
        working_set.enter(session, counter, working_set.region_holder(row.region), members, _now())
        session.flush()
        counter.finish()


def expire_working_set(session: Session, days: int = working_set.DEFAULT_DAYS) -> int:
    """Members not seen by a store (region, till) for ``days`` leave its set; their tills evict them."""
    counter = ChangeCounter(session)
    gone = working_set.expire(session, counter, _now(), days)
    session.flush()
    counter.finish()
    return gone


def lift_quarantine(session: Session, terminal_id: str) -> None:
    row = session.get(TerminalRow, terminal_id, with_for_update=True)
    if row is None:
        raise InvalidInput(f"There is no terminal {terminal_id!r}.")
    row.quarantined_at = None


def held_entries(session: Session, terminal_id: str | None = None) -> list[HeldEntry]:
    q = select(HeldEntry).where(HeldEntry.decision.is_(None)).order_by(HeldEntry.held_at)
    if terminal_id:
        q = q.where(HeldEntry.terminal_id == terminal_id)
    return list(session.scalars(q))


def decide_held(
    session: Session, *, release: bool, terminal_id: str | None = None, entry_ids: list[str] | None = None
) -> int:
    """Release (count them from now on, send them to the tills) or reject (never count them) held entries.

    Returns how many were decided. Balances of the members concerned are folded again from the
    entries that count, so a release lands exactly once and a rejection leaves no trace in them.
    """
    q = select(HeldEntry).where(HeldEntry.decision.is_(None)).with_for_update()
    if terminal_id:
        q = q.where(HeldEntry.terminal_id == terminal_id)
    if entry_ids:
        q = q.where(HeldEntry.entry_id.in_(entry_ids))
    rows = list(session.scalars(q))
    if not rows:
        return 0
    rows += _held_reversals(session, {r.entry_id for r in rows})
    if release:  # an entry beyond what any sale can produce is never counted, whoever says so
        for r in session.execute(select(EntryRow.__table__).where(EntryRow.id.in_([h.entry_id for h in rows]))):
            check_entry(entry_of(r))
    counter = ChangeCounter(session)
    now = _now()
    for row in rows:
        row.decision, row.decided_at = ("released" if release else "rejected"), now
        if release:
            row.change_no = counter.next()
    session.flush()
    if release:
        refold_balances(session, counter, list({r.customer_id for r in rows}))
    session.flush()
    counter.finish()
    return len(rows)


def _held_reversals(session: Session, decided: set[str]) -> list[HeldEntry]:
    """Held reversals of the entries being decided, however deep, which follow them.

    A void of a held sale is held too (``reverses_uncounted``): released together they cancel, rejected
    together neither counts; decided apart, the member would keep a sale her till took back.
    """
    found: list[HeldEntry] = []
    ids = set(decided)
    frontier = list(decided)
    while frontier:
        more: dict[str, HeldEntry] = {}
        for part in chunks(frontier):
            for h in session.scalars(
                select(HeldEntry)
                .join(EntryRow, EntryRow.id == HeldEntry.entry_id)
                .where(HeldEntry.decision.is_(None), EntryRow.reverses.in_(part))
                .with_for_update(of=HeldEntry)
            ):
                if h.entry_id not in ids:
                    more[h.entry_id] = h
        found += more.values()
        ids |= set(more)
        frontier = list(more)
    return found


def refold_balances(session: Session, counter: ChangeCounter, customer_ids: list[str]) -> None:
    """Each member's balance again from every entry that counts (held and rejected ones do not).

    Into whoever holds her balance: a merged-away card's entries count in the survivor's, so the
    survivor is refolded from the entries of every card merged into her (as ``merges`` does).
    """
    not_counted = not_counted_ids()
    parents = effective_parents(merges.facts(session))
    for cid in dict.fromkeys(root_of(c, parents) for c in customer_ids):
        group = [cid, *(c for c in parents if root_of(c, parents) == cid)]
        entries = [
            entry_of(r)
            for r in session.execute(
                select(EntryRow.__table__).where(EntryRow.customer_id.in_(group), EntryRow.id.not_in(not_counted))
            )
        ]
        balance = fold(entries)
        for e in entries[-1:]:
            check_balance(balance, e)
        data = {k: v for k, v in asdict(balance).items() if k != "extra"}
        row = session.get(BalanceRow, cid)
        if row is None:
            session.add(BalanceRow(customer_id=cid, change_no=counter.next(), **data))
        else:
            for k, v in data.items():
                setattr(row, k, v)
            row.change_no = counter.next()
