"""The central server's tables: the authoritative ledger of the whole chain.

Every row a terminal may pull carries ``change_no``: the server's own change
number, taken from the single ``server_state.last_change`` counter by each
writing transaction while it holds that row's lock until commit. So numbers
become visible in the order they were given, and a pull by cursor never skips
a row that committed late (see ``sync.server.changes``).

Unlike the till's tables, nothing here is unique where two offline tills could
legitimately disagree (two members with one phone, one receipt earned twice):
entries are facts, the server keeps them all and raises a flag instead.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Select,
    String,
    Text,
    UniqueConstraint,
    or_,
    select,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.db.types import NAMING, UTCDateTime


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _now() -> datetime:
    return datetime.now(UTC)


class ServerState(Base):
    """One row: who this server is, the change counter, and the chain's card key."""

    __tablename__ = "server_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    server_id: Mapped[str] = mapped_column(String(36))
    last_change: Mapped[int] = mapped_column(BigInteger, default=0)
    # The chain's secrets, sealed with the server's secret key (``sync.server.secrets``), never in clear:
    # the card key signs every card's QR code, the PIN key is mixed into every staff PIN hash.
    card_key: Mapped[str] = mapped_column(String(400))
    pin_key: Mapped[str | None] = mapped_column(String(400))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)


class StoreRow(Base):
    __tablename__ = "store"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Ho_Chi_Minh")
    currency: Mapped[str] = mapped_column(String(3), default="VND")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    change_no: Mapped[int] = mapped_column(BigInteger, index=True)
    # A server-side grouping of stores (issue 12): a till whose scope is "region" holds the members
    # seen at any store of its region. None: the store is a region of its own.
    region: Mapped[str | None] = mapped_column(String(100))


class TerminalRow(Base):
    """A paired till. ``token_hash`` is SHA-256 of its token: the token itself is never stored."""

    __tablename__ = "terminal"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"), index=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    paired_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The end of this till's chain as the server holds it: the next push must continue here.
    head_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    head_hash: Mapped[str] = mapped_column(String(64))
    change_no: Mapped[int] = mapped_column(BigInteger, index=True)
    # "till", or "head_office": the chain's back office, which may edit any member's profile.
    role: Mapped[str] = mapped_column(String(20), default="till", server_default="till")
    # Quarantined: what it pushes is stored (the chain stays whole) but held for a manager's review.
    quarantined_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Which members it holds (issue 12, ``sync.server.working_set``): "chain" (every member: the
    # embedded server, a head office), "region" or "store" (its working set).
    scope: Mapped[str] = mapped_column(String(10), default="chain", server_default="chain")


class PairingCode(Base):
    """A one-time code a manager hands to a new till. Only its hash is kept."""

    __tablename__ = "pairing_code"
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    used_by: Mapped[str | None] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(20), default="till", server_default="till")
    # Which members the till it pairs will hold (``TerminalRow.scope``): set when the code is made, so a
    # chain's tills hold their store from their first sync without a second command per till. Codes made
    # before this column keep the old meaning, the whole chain.
    scope: Mapped[str] = mapped_column(String(10), default="chain", server_default="chain")
    # A retried pairing (the answer was lost) sends the same nonce and gets the same token back:
    # the token is kept sealed under a key only that nonce gives (``sync.server.auth.seal_token``).
    nonce_hash: Mapped[str | None] = mapped_column(String(64))
    token_box: Mapped[str | None] = mapped_column(String(200))


class CustomerRow(Base):
    """A member's profile: the last pushed version wins (by the server's change number)."""

    __tablename__ = "customer"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    card_number: Mapped[str] = mapped_column(String(20), index=True)
    phone: Mapped[str | None] = mapped_column(String(20), index=True)
    name: Mapped[str] = mapped_column(String(200))
    birthday_day: Mapped[int | None] = mapped_column(Integer)
    birthday_month: Mapped[int | None] = mapped_column(Integer)
    birthday_year: Mapped[int | None] = mapped_column(Integer)
    gender: Mapped[str | None] = mapped_column(String(10))
    area: Mapped[str | None] = mapped_column(String(100))
    marketing_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    referral_code: Mapped[str] = mapped_column(String(20))
    referred_by: Mapped[str | None] = mapped_column(String(40))
    enrolled_at: Mapped[datetime] = mapped_column(UTCDateTime)
    enrolled_store: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20), default="active")
    merged_into: Mapped[str | None] = mapped_column(String(40))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    change_no: Mapped[int] = mapped_column(BigInteger, index=True)


class EntryRow(Base):
    """Append-only: the chain's ledger, every terminal's entries, each exactly once."""

    __tablename__ = "ledger_entry"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    terminal_id: Mapped[str] = mapped_column(String(40))
    store_id: Mapped[str] = mapped_column(String(40))
    terminal_seq: Mapped[int] = mapped_column(BigInteger)
    customer_id: Mapped[str] = mapped_column(String(40), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    points: Mapped[int] = mapped_column(BigInteger, default=0)
    stamps: Mapped[int] = mapped_column(Integer, default=0)
    qualifying: Mapped[int] = mapped_column(BigInteger, default=0)
    amount: Mapped[int | None] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3), default="VND")
    reward_id: Mapped[str | None] = mapped_column(String(40))
    receipt_source: Mapped[str | None] = mapped_column(String(100))
    receipt_id: Mapped[str | None] = mapped_column(Text)
    program_version: Mapped[int] = mapped_column(Integer, default=0)
    staff_id: Mapped[str | None] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text, default="")
    reverses: Mapped[str | None] = mapped_column(String(36), index=True)
    tier: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    change_no: Mapped[int] = mapped_column(BigInteger, unique=True)

    __table_args__ = (
        UniqueConstraint("terminal_id", "terminal_seq", name="uq_ledger_entry_terminal_seq"),
        # Not unique: two tills offline may earn one receipt twice; the server flags it. Led by what the
        # push's checks fix (receipt_id IN (…) AND kind = …), so each is O(batch) at any ledger size.
        Index("ix_ledger_entry_receipt_kind", "receipt_id", "kind"),
    )


class CustomerMergeRow(Base):
    """Two members merged, or a merge undone: a fact from a till, stored once (see ``sync.server.merges``)."""

    __tablename__ = "customer_merge"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # merge, unmerge
    survivor_id: Mapped[str] = mapped_column(String(40), index=True)
    duplicate_id: Mapped[str] = mapped_column(String(40), index=True)
    undoes: Mapped[str | None] = mapped_column(String(36))
    terminal_id: Mapped[str] = mapped_column(String(40))
    store_id: Mapped[str] = mapped_column(String(40))
    staff_id: Mapped[str | None] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    change_no: Mapped[int] = mapped_column(BigInteger, index=True)


class BalanceRow(Base):
    """Each member's standing across the chain: the fold of all their entries on the server."""

    __tablename__ = "balance"
    customer_id: Mapped[str] = mapped_column(String(40), primary_key=True)  # no FK: entries may come first
    points: Mapped[int] = mapped_column(BigInteger, default=0)
    stamps: Mapped[int] = mapped_column(BigInteger, default=0)
    lifetime_points: Mapped[int] = mapped_column(BigInteger, default=0)
    lifetime_spend: Mapped[int] = mapped_column(BigInteger, default=0)
    visits: Mapped[int] = mapped_column(BigInteger, default=0)
    last_visit_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    tier: Mapped[str | None] = mapped_column(Text)
    tier_since: Mapped[datetime | None] = mapped_column(UTCDateTime)
    redeemed_points: Mapped[int] = mapped_column(BigInteger, default=0)
    entry_count: Mapped[int] = mapped_column(BigInteger, default=0)
    change_no: Mapped[int] = mapped_column(BigInteger, index=True)


class ProgramRow(Base):
    __tablename__ = "program_version"
    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    body: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    change_no: Mapped[int] = mapped_column(BigInteger, index=True)


class RewardRow(Base):
    __tablename__ = "reward"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(30))
    cost_points: Mapped[int] = mapped_column(Integer, default=0)
    cost_full_card: Mapped[bool] = mapped_column(Boolean, default=False)
    value: Mapped[int] = mapped_column(BigInteger, default=0)
    cap: Mapped[int] = mapped_column(BigInteger, default=0)
    item_sku: Mapped[str] = mapped_column(String(100), default="")
    min_tier: Mapped[str | None] = mapped_column(String(100))
    limit_count: Mapped[int] = mapped_column(Integer, default=0)
    limit_period: Mapped[str] = mapped_column(String(10), default="month")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort: Mapped[int] = mapped_column(Integer, default=0)
    starts_on: Mapped[date | None] = mapped_column(Date)  # offered from / until (the shop's calendar)
    ends_on: Mapped[date | None] = mapped_column(Date)
    change_no: Mapped[int] = mapped_column(BigInteger, index=True)


class FlagRow(Base):
    """For a manager: a refused batch (gap, broken link, conflicting entry), a negative balance.

    ``dedupe_key`` keeps a till that retries a refused batch every minute from
    raising a new flag each time: the open flag's ``count`` goes up instead.
    """

    __tablename__ = "flag"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(30), index=True)
    store_id: Mapped[str | None] = mapped_column(String(40))
    terminal_id: Mapped[str | None] = mapped_column(String(40))
    customer_id: Mapped[str | None] = mapped_column(String(40), index=True)
    entry_id: Mapped[str | None] = mapped_column(String(36))
    seq: Mapped[int | None] = mapped_column(BigInteger)
    message: Mapped[str] = mapped_column(Text)
    dedupe_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    count: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    change_no: Mapped[int] = mapped_column(BigInteger, index=True)


class ProfileProposal(Base):
    """A profile change from a till that does not own the member: kept for a manager, not applied."""

    __tablename__ = "profile_proposal"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    customer_id: Mapped[str] = mapped_column(String(40), index=True)
    terminal_id: Mapped[str] = mapped_column(String(40))
    store_id: Mapped[str] = mapped_column(String(40))
    body: Mapped[str] = mapped_column(Text)  # the CustomerRecord as sent, JSON
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decision: Mapped[str | None] = mapped_column(String(20))  # accepted / rejected


class HeldEntry(Base):
    """An entry of a quarantined till: stored in the ledger, but not in balances nor sent to tills.

    A manager releases it (it counts from then on) or rejects it (it never counts). The ledger row
    itself is append-only, so the hold lives beside it.
    """

    __tablename__ = "held_entry"
    entry_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    terminal_id: Mapped[str] = mapped_column(String(40), index=True)
    customer_id: Mapped[str] = mapped_column(String(40), index=True)
    held_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    decision: Mapped[str | None] = mapped_column(String(20))  # released / rejected; None = waiting
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(Text, default="")
    # Given at release: the entry reaches the tills' pulls then (its own change number is long past).
    change_no: Mapped[int | None] = mapped_column(BigInteger, index=True)


def not_counted_ids() -> Select[tuple[str]]:
    """Ids of the entries no balance may fold: held and not released (waiting, or rejected)."""
    return select(HeldEntry.entry_id).where(or_(HeldEntry.decision.is_(None), HeldEntry.decision == "rejected"))


class FeedbackRow(Base):
    """A customer's rating of a visit, from the till that took it. A fact: stored once."""

    __tablename__ = "feedback"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    customer_id: Mapped[str | None] = mapped_column(String(40), index=True)
    entry_id: Mapped[str | None] = mapped_column(String(36))
    receipt_id: Mapped[str | None] = mapped_column(String(100))
    store_id: Mapped[str] = mapped_column(String(40))
    terminal_id: Mapped[str] = mapped_column(String(40))
    rating: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    change_no: Mapped[int] = mapped_column(BigInteger, index=True)


class AuditRow(Base):
    """A line of a till's audit log (issue 9: who did what, when, at which till). A fact: stored once,
    sent to the other tills of its store."""

    __tablename__ = "audit_line"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    terminal_id: Mapped[str] = mapped_column(String(40))
    store_id: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    staff_id: Mapped[str | None] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(50))
    subject: Mapped[str] = mapped_column(String(100), default="")
    before: Mapped[str] = mapped_column(Text, default="{}")  # JSON, as the till wrote it
    after: Mapped[str] = mapped_column(Text, default="{}")
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    change_no: Mapped[int] = mapped_column(BigInteger, index=True)

    __table_args__ = (Index("ix_audit_line_store_change", "store_id", "change_no"),)


class TicketRow(Base):
    """A complaint ticket; its editable fields are last-writer-wins per field (see ``sync.server.tickets``)."""

    __tablename__ = "ticket"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    customer_id: Mapped[str | None] = mapped_column(String(40), index=True)
    feedback_id: Mapped[str | None] = mapped_column(String(36))
    store_id: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(Text)
    priority: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(20))
    assignee: Mapped[str | None] = mapped_column(String(40))
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolution: Mapped[str] = mapped_column(Text, default="")
    voucher_code: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    change_no: Mapped[int] = mapped_column(BigInteger, index=True)


class VoucherRow(Base):
    """A voucher as issued. Its use is a ledger entry (``receipt_source = 'voucher'``)."""

    __tablename__ = "voucher"
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    customer_id: Mapped[str | None] = mapped_column(String(40), index=True)
    store_id: Mapped[str] = mapped_column(String(40))
    value: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3), default="VND")
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    issued_for: Mapped[str] = mapped_column(String(20))
    issued_ref: Mapped[str | None] = mapped_column(String(40))
    issued_by: Mapped[str | None] = mapped_column(String(40))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    change_no: Mapped[int] = mapped_column(BigInteger, index=True)


class TillHealthRow(Base):
    """Each till's last report of its own sync and POS-bridge state (one row per till, replaced)."""

    __tablename__ = "till_health"
    terminal_id: Mapped[str] = mapped_column(ForeignKey("terminal.id"), primary_key=True)
    reported_at: Mapped[datetime] = mapped_column(UTCDateTime)
    pending: Mapped[int] = mapped_column(BigInteger, default=0)
    last_sync_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str] = mapped_column(Text, default="")
    pos_watching: Mapped[bool] = mapped_column(Boolean, default=False)
    pos_last_file: Mapped[str] = mapped_column(Text, default="")
    pos_last_file_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    pos_quarantined: Mapped[int] = mapped_column(BigInteger, default=0)
    app_version: Mapped[str] = mapped_column(String(40), default="")


class StaffRow(Base):
    """A store's staff member, pushed by the store's tills (issue 9); the last push wins.

    ``pin_hash`` is the till's opaque PIN hash, kept unchanged so every till of the store
    (and the server's admin endpoint) checks the same PIN.
    """

    __tablename__ = "staff"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    store_id: Mapped[str] = mapped_column(String(40), index=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    pin_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    phone: Mapped[str | None] = mapped_column(String(20))  # her own, for the self-earn flag (migration 0015)
    terminal_id: Mapped[str] = mapped_column(String(40))  # the till that last wrote it
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    change_no: Mapped[int] = mapped_column(BigInteger, index=True)


class WorkingSetRow(Base):
    """A member in a holder's working set (issue 12, ``sync.server.working_set``).

    ``holder`` is ``store:<id>``, ``region:<name>``, ``terminal:<id>`` (fetched on demand) or ``vip``.
    ``change_no`` moves when she enters (``has_left`` false) or leaves (``has_left`` true) the set, so a pull
    by cursor sees both; ``last_seen_at`` moves on every visit without a change number (it only
    decides when she leaves).
    """

    __tablename__ = "working_set"
    holder: Mapped[str] = mapped_column(String(80), primary_key=True)
    customer_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    has_left: Mapped[bool] = mapped_column(Boolean, default=False)
    change_no: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (
        # A pull reads its holders' rows after a cursor; the member filter looks up (member, holder).
        Index("ix_working_set_holder_change", "holder", "change_no"),
        Index("ix_working_set_customer", "customer_id", "holder"),
    )
