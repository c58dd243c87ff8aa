"""The terminal's tables (DESIGN §3), in SQLAlchemy 2 style.

The ledger is append-only: nothing in the code updates or deletes a
``LedgerEntry`` row; ``app.services.ledger_writer`` is the only writer. The
``balance`` table is a cache of the ledger, updated in the same transaction.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    ColumnElement,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
    literal_column,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.db.types import NAMING, UTCDateTime


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _now() -> datetime:
    return datetime.now(UTC)


class Store(Base):
    __tablename__ = "store"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Ho_Chi_Minh")
    currency: Mapped[str] = mapped_column(String(3), default="VND")


class Terminal(Base):
    """This till (and, after a pull, the others of the chain)."""

    __tablename__ = "terminal"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    name: Mapped[str] = mapped_column(String(200))
    server_url: Mapped[str | None] = mapped_column(String(500))
    is_self: Mapped[bool] = mapped_column(Boolean, default=False)


class Staff(Base):
    __tablename__ = "staff"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("store.id"))
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))  # cashier, manager, owner
    pin_hash: Mapped[str] = mapped_column(String(200))  # scrypt, salted; never the PIN
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    # Optional, E.164, kept at this till only: a staff member earning on a member with her own
    # phone is flagged for the manager (the sale still goes through).
    phone: Mapped[str | None] = mapped_column(String(20))


# The phone's last six digits backwards (0014's index). https://www.sqlite.org/expridx.html
PHONE_TAIL_REV = " || ".join(f"substr(phone, -{i}, 1)" for i in range(1, 7))


def phone_tail_rev() -> ColumnElement[str]:
    """``PHONE_TAIL_REV`` as a query term of the ``customer`` table, written exactly as the index's
    expression (constants inline, not bound), so that SQLite's planner reads the search off the index."""
    phone = Customer.__table__.c.phone
    digits = [func.substr(phone, literal_column(f"-{i}"), literal_column("1")) for i in range(1, 7)]
    out: ColumnElement[str] = digits[0]
    for d in digits[1:]:
        out = out.op("||")(d)
    return out


class Customer(Base):
    __tablename__ = "customer"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    card_number: Mapped[str] = mapped_column(String(20), unique=True)
    phone: Mapped[str | None] = mapped_column(String(20), unique=True)  # E.164
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200))  # folded: no case, no diacritics
    birthday_day: Mapped[int | None] = mapped_column(Integer)
    birthday_month: Mapped[int | None] = mapped_column(Integer)
    birthday_year: Mapped[int | None] = mapped_column(Integer)
    gender: Mapped[str | None] = mapped_column(String(10))
    area: Mapped[str | None] = mapped_column(String(100))
    marketing_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    referral_code: Mapped[str] = mapped_column(String(20), unique=True)
    referred_by: Mapped[str | None] = mapped_column(String(40))
    enrolled_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now, index=True)  # new members (0007)
    enrolled_store: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20), default="active", index=True)  # active, blocked, merged
    merged_into: Mapped[str | None] = mapped_column(String(40))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)

    # Name search by prefix, and the back office's table sorted by name with a stable order.
    __table_args__ = (
        Index("ix_customer_name_sort", "name_key", "id"),
        # The birthday segment's count and list: one small range rather than every member (0011).
        Index("ix_customer_birthday", "birthday_month", "status"),
        # Members enrolled in a range, read off this index alone (0011): the dashboard's new members
        # (by status and home store), the lapsed count's recent members (joined to member_stats by id).
        Index("ix_customer_enrolled_id", "enrolled_at", "status", "enrolled_store", "id"),
        # The phone's last six digits backwards, so "the number ends in 5678" is an index range
        # (``phone_tail_rev`` above, app.services.customer_list). An index on the expression (0014), not
        # a generated column (0006): SQLite copies a table with a generated column and an index row by
        # row, never by its transfer optimisation (a new till's snapshot, ``sync.worker.snapshot``).
        Index("ix_customer_phone_tail_rev", text(PHONE_TAIL_REV)),
    )


class CustomerWord(Base):
    """Each word of a member's folded name, so "anh" finds "Nguyễn Thị Ánh" without a table scan."""

    __tablename__ = "customer_word"
    word: Mapped[str] = mapped_column(String(100), primary_key=True)
    customer_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name_key: Mapped[str] = mapped_column(String(200), default="")  # the member's folded name, to list in order

    __table_args__ = (
        # A member's own words (rewritten on a rename; tested one member at a time by a sorted walk).
        Index("ix_customer_word_member", "customer_id", "word"),
        # The members with one word, already in name order: "nguyen" lists its first page without a sort.
        Index("ix_customer_word_sorted", "word", "name_key", "customer_id"),
    )


class CustomerMerge(Base):
    """A merge of two members, or its undo: a synced fact, never changed (see app.core.merges)."""

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


class ReplacedCard(Base):
    """A card number that was replaced by a new card: refused with a sentence, never reissued."""

    __tablename__ = "replaced_card"
    card_number: Mapped[str] = mapped_column(String(20), primary_key=True)
    customer_id: Mapped[str] = mapped_column(String(40))
    replaced_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ProgramVersion(Base):
    __tablename__ = "program_version"
    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    body: Mapped[str] = mapped_column(Text)  # Program.to_json()
    active: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)


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
    starts_on: Mapped[date | None] = mapped_column(Date)  # offered from (the shop's calendar)
    ends_on: Mapped[date | None] = mapped_column(Date)  # offered until, inclusive


class LedgerEntryRow(Base):
    """Append-only. See app.core.ledger.LedgerEntry for the meaning of each field."""

    __tablename__ = "ledger_entry"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUIDv7 made at the till
    terminal_id: Mapped[str] = mapped_column(String(40))
    store_id: Mapped[str] = mapped_column(String(40))
    terminal_seq: Mapped[int] = mapped_column(BigInteger)
    customer_id: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    points: Mapped[int] = mapped_column(BigInteger, default=0)
    stamps: Mapped[int] = mapped_column(Integer, default=0)
    qualifying: Mapped[int] = mapped_column(BigInteger, default=0)
    amount: Mapped[int | None] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3), default="VND")
    reward_id: Mapped[str | None] = mapped_column(String(40))
    receipt_source: Mapped[str | None] = mapped_column(String(40))
    receipt_id: Mapped[str | None] = mapped_column(String(100))
    program_version: Mapped[int] = mapped_column(Integer, default=0)
    staff_id: Mapped[str | None] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text, default="")
    reverses: Mapped[str | None] = mapped_column(String(36))
    tier: Mapped[str | None] = mapped_column(String(100))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        UniqueConstraint("terminal_id", "terminal_seq", name="uq_ledger_entry_terminal_seq"),
        Index("ix_ledger_entry_customer_created", "customer_id", "created_at"),
        Index("ix_ledger_entry_reverses", "reverses"),
        # The back office's figures read one kind of entry over a date range (migration 0007).
        Index("ix_ledger_entry_kind_created", "kind", "created_at"),
        # The dashboard's tier moves: each tier entry with the one before it, from this index alone
        # (only tier entries are in it: migration 0009).
        Index(
            "ix_ledger_entry_tier_moves",
            "customer_id",
            "created_at",
            "terminal_id",
            "terminal_seq",
            "tier",
            "store_id",
            sqlite_where=text("kind = 'tier'"),
            postgresql_where=text("kind = 'tier'"),
        ),
        # A receipt earns once at a till, whatever path (typed, POS file, claim) awards it; the
        # award service also refuses a receipt another till already earned. Two tills offline
        # can still both earn it: the server keeps both facts and flags them, and every till
        # must be able to store the other's entry to keep the same balances (hence terminal_id).
        # A voucher's use is a redeem entry naming its code: "was it used?" must not scan the ledger.
        Index(
            "ix_ledger_entry_voucher",
            "receipt_id",
            sqlite_where=text("receipt_source = 'voucher'"),
            postgresql_where=text("receipt_source = 'voucher'"),
        ),
        Index(
            "uq_ledger_entry_receipt_earn",
            "receipt_source",
            "store_id",
            "receipt_id",
            "terminal_id",
            unique=True,
            sqlite_where=text("kind = 'earn' AND receipt_id IS NOT NULL"),
            postgresql_where=text("kind = 'earn' AND receipt_id IS NOT NULL"),
        ),
    )


class BalanceRow(Base):
    """Cache of the ledger per customer; ``app.services.balances.rebuild`` must reproduce it."""

    __tablename__ = "balance"
    customer_id: Mapped[str] = mapped_column(ForeignKey("customer.id"), primary_key=True)
    points: Mapped[int] = mapped_column(BigInteger, default=0)
    stamps: Mapped[int] = mapped_column(Integer, default=0)
    lifetime_points: Mapped[int] = mapped_column(BigInteger, default=0)
    lifetime_spend: Mapped[int] = mapped_column(BigInteger, default=0)
    visits: Mapped[int] = mapped_column(Integer, default=0)
    last_visit_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    tier: Mapped[str | None] = mapped_column(String(100))
    tier_since: Mapped[datetime | None] = mapped_column(UTCDateTime)
    redeemed_points: Mapped[int] = mapped_column(BigInteger, default=0)
    entry_count: Mapped[int] = mapped_column(Integer, default=0)

    # The back office's customer table sorts a million members by these (first page in milliseconds).
    # (with the member, so ties keep a stable order and the page needs no sort step).
    __table_args__ = (
        Index("ix_balance_points", "points", "customer_id"),
        Index("ix_balance_stamps", "stamps", "customer_id"),
        Index("ix_balance_visits", "visits", "customer_id"),
        Index("ix_balance_last_visit_at", "last_visit_at", "customer_id"),
        Index("ix_balance_lifetime_spend", "lifetime_spend", "customer_id"),
        Index("ix_balance_tier", "tier", "customer_id"),
    )


class BalanceOpening(Base):
    """What a member's entries this till was not sent add up to (issue 12, ``app.core.working_set``).

    A till holding its working set gets a member entering it with her recent history only; the
    server sums the rest into this row, kept apart from the append-only ledger. Her balance is this
    row combined with the fold of the entries held here (``balances.rebuild``)."""

    __tablename__ = "balance_opening"
    customer_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    points: Mapped[int] = mapped_column(BigInteger, default=0)
    stamps: Mapped[int] = mapped_column(BigInteger, default=0)
    lifetime_points: Mapped[int] = mapped_column(BigInteger, default=0)
    lifetime_spend: Mapped[int] = mapped_column(BigInteger, default=0)
    visits: Mapped[int] = mapped_column(BigInteger, default=0)
    last_visit_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    tier: Mapped[str | None] = mapped_column(String(100))
    tier_since: Mapped[datetime | None] = mapped_column(UTCDateTime)
    redeemed_points: Mapped[int] = mapped_column(BigInteger, default=0)
    entry_count: Mapped[int] = mapped_column(BigInteger, default=0)
    as_of_change: Mapped[int] = mapped_column(BigInteger, default=0)  # the server's change number


class MemberLeft(Base):
    """A member the server says left this till's working set: evicted in the background
    (``app.services.working_set``) unless she is still needed here, or comes back first."""

    __tablename__ = "member_left"
    customer_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    left_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Set only inside the eviction's own transaction: the one state in which the append-only trigger
    # lets another till's copy of an entry of hers go (migration 0012). Never this till's own rows.
    evicting: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("0"))


class OutboxItem(Base):
    """What the server has not acknowledged yet. The sync worker reads this, nothing else."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    item_type: Mapped[str] = mapped_column(String(20))  # entry, customer, feedback, ticket
    item_id: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    acked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_outbox_pending", "item_type", "id", sqlite_where=text("acked_at IS NULL")),)


class Flag(Base):
    """Something a manager should look at; a flag never blocks a sale."""

    __tablename__ = "flag"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))  # daily_cap, self_earn, negative_balance, ...
    customer_id: Mapped[str | None] = mapped_column(String(40), index=True)
    entry_id: Mapped[str | None] = mapped_column(String(36))
    staff_id: Mapped[str | None] = mapped_column(String(40))
    message: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class AuditLog(Base):
    """Who did what, when, at which till. Written at a till, pushed to the server once (outbox kind
    ``audit``), and pulled by the other tills of the store: ``uid`` is the line's id across the chain,
    ``terminal_id`` the till it was written at (NULL: this till — a line never leaves its till's name)."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    terminal_id: Mapped[str | None] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now, index=True)
    staff_id: Mapped[str | None] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(50))
    subject: Mapped[str] = mapped_column(String(100), default="")
    before: Mapped[str] = mapped_column(Text, default="")  # JSON
    after: Mapped[str] = mapped_column(Text, default="")  # JSON


class Feedback(Base):
    __tablename__ = "feedback"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    customer_id: Mapped[str | None] = mapped_column(String(40), index=True)
    entry_id: Mapped[str | None] = mapped_column(String(36))
    receipt_id: Mapped[str | None] = mapped_column(String(100))
    store_id: Mapped[str] = mapped_column(String(40))
    rating: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)


class Ticket(Base):
    __tablename__ = "ticket"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    customer_id: Mapped[str | None] = mapped_column(String(40))
    feedback_id: Mapped[str | None] = mapped_column(String(36))
    store_id: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(300))
    priority: Mapped[str] = mapped_column(String(10), default="normal")  # low, normal, high
    status: Mapped[str] = mapped_column(String(20), default="open")  # open, in_progress, resolved
    assignee: Mapped[str | None] = mapped_column(String(40))
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolution: Mapped[str] = mapped_column(Text, default="")
    voucher_code: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Fields edited at this till and not yet acknowledged by the server (comma-separated):
    # they are pushed as the till's change and win over a pulled copy until then.
    dirty: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_ticket_status_due", "status", "due_at"),)


class Voucher(Base):
    __tablename__ = "voucher"
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    customer_id: Mapped[str | None] = mapped_column(String(40))
    value: Mapped[int] = mapped_column(BigInteger)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    issued_for: Mapped[str] = mapped_column(String(20))  # ticket, birthday, referral, reward
    issued_ref: Mapped[str | None] = mapped_column(String(40))
    redeemed_entry_id: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    store_id: Mapped[str | None] = mapped_column(String(40))
    currency: Mapped[str] = mapped_column(String(3), default="VND")
    note: Mapped[str] = mapped_column(Text, default="")
    issued_by: Mapped[str | None] = mapped_column(String(40))


class Receipt(Base):
    """A POS receipt read by the bridge; earns once, through its ledger entry."""

    __tablename__ = "receipt"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    source: Mapped[str] = mapped_column(String(40))
    external_id: Mapped[str] = mapped_column(String(100))
    store_id: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(10))  # sale, refund, void
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    total: Mapped[int] = mapped_column(BigInteger)
    subtotal: Mapped[int] = mapped_column(BigInteger, default=0)
    discount: Mapped[int] = mapped_column(BigInteger, default=0)
    tax: Mapped[int] = mapped_column(BigInteger, default=0)
    tip: Mapped[int] = mapped_column(BigInteger, default=0)
    currency: Mapped[str] = mapped_column(String(3), default="VND")
    lines_json: Mapped[str] = mapped_column(Text, default="[]")
    customer_ref: Mapped[str] = mapped_column(String(100), default="")
    refund_of: Mapped[str] = mapped_column(String(100), default="")
    state: Mapped[str] = mapped_column(String(10), default="unclaimed")  # unclaimed, claimed, expired, ignored
    customer_id: Mapped[str | None] = mapped_column(String(40))
    ledger_entry_id: Mapped[str | None] = mapped_column(String(36))
    file_hash: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)

    __table_args__ = (
        UniqueConstraint("source", "store_id", "external_id", name="uq_receipt_source_key"),
        # A refund finds its sale, and a claim sums the sale's refunds, without a table scan.
        Index("ix_receipt_refund_of", "source", "store_id", "refund_of"),
        Index("ix_receipt_state_closed", "state", "closed_at"),
    )


class ImportedFile(Base):
    """Every POS export file seen, by content hash: a re-export or a copy is never read twice."""

    __tablename__ = "imported_file"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    path: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(String(20))  # applied, partly, quarantined
    detail: Mapped[str] = mapped_column(Text, default="")
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)


class Setting(Base):
    """Small key/value settings of this till (language, sync cursor, limits)."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# -- summary tables of the back office (migration 0009; kept by app.services.stats) ----------------------
class DayStoreStats(Base):
    """Per local day and store: what the dashboard sums. ``app.services.stats.rebuild`` must reproduce it.

    Visits and receipts are counted on the day of the sale, even when a refund or a void
    made later changes them; points on the day of the entry. Rows of zeros mean nothing.
    """

    __tablename__ = "day_store_stats"
    day: Mapped[date] = mapped_column(Date, primary_key=True)  # local day in the store's zone
    store_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    visits: Mapped[int] = mapped_column(Integer, default=0)
    points_issued: Mapped[int] = mapped_column(BigInteger, default=0)
    points_redeemed: Mapped[int] = mapped_column(BigInteger, default=0)
    points_expired: Mapped[int] = mapped_column(BigInteger, default=0)
    member_bills: Mapped[int] = mapped_column(Integer, default=0)
    member_spend: Mapped[int] = mapped_column(BigInteger, default=0)
    non_member_bills: Mapped[int] = mapped_column(Integer, default=0)
    non_member_spend: Mapped[int] = mapped_column(BigInteger, default=0)
    rating_sum: Mapped[int] = mapped_column(Integer, default=0)
    ratings: Mapped[int] = mapped_column(Integer, default=0)


class MemberDayStats(Base):
    """Per local day, store and member (the holder, after merges): live visits and their net bills.

    The dashboard's per-member figures of a period (repeat rate, the 20/80 share) group these
    rows instead of the ledger's earns and their reversals. Without rowid: the primary key is
    the table, so a period is one range read with the sums in it.
    """

    __tablename__ = "member_day_stats"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    store_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    customer_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    visits: Mapped[int] = mapped_column(Integer, default=0)
    spend: Mapped[int] = mapped_column(BigInteger, default=0)

    __table_args__ = {"sqlite_with_rowid": False}


class MemberStoreStats(Base):
    """Per member (the holder, after merges) and store: the local day of the last live visit there.

    The dashboard's active members of one store (a visit there in the last 30 / 90 days) are an
    index range of it rather than every member-day row of 90 days made distinct. Kept by SQLite
    triggers on ``member_day_stats`` (``app.services.stats.MEMBER_STORE_TRIGGERS``, migration 0011):
    every row added there with a visit moves the day forward; the writers that take visits away
    (a reversed sale, a merge: ``stats.refold_members``) recompute the member's rows.
    """

    __tablename__ = "member_store_stats"
    customer_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    store_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    last_day: Mapped[date] = mapped_column(Date)  # local day in the store's zone

    __table_args__ = (
        Index("ix_member_store_stats_store_day", "store_id", "last_day"),
        {"sqlite_with_rowid": False},
    )


class StatsWindow(Base):
    """The days ``member_window_stats`` sums (one row, id 1): the dashboard's last 30 days, moved
    forward each day by housekeeping (``app.services.housekeeping.roll_window``)."""

    __tablename__ = "stats_window"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    first_day: Mapped[date] = mapped_column(Date)
    last_day: Mapped[date] = mapped_column(Date)


class MemberWindowStats(Base):
    """Per member (the holder): visits and net bills of the days of ``stats_window``, every store.

    The member-day rows of those days summed per member, kept by SQLite triggers on
    ``member_day_stats`` (``app.services.stats.WINDOW_TRIGGERS``): the dashboard's per-member
    figures of its last 30 days (repeat rate, the 20/80 share) without a GROUP BY of 600,000 rows
    at every call. A row can fall to zeros (a reversed sale); readers leave those out.
    """

    __tablename__ = "member_window_stats"
    customer_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    visits: Mapped[int] = mapped_column(Integer, default=0)
    spend: Mapped[int] = mapped_column(BigInteger, default=0)

    __table_args__ = (Index("ix_member_window_stats_spend", "spend", "visits"), {"sqlite_with_rowid": False})


class MemberStoreWindowStats(Base):
    """Per store and member: ``member_window_stats`` at each store (the dashboard of one store)."""

    __tablename__ = "member_store_window_stats"
    store_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    customer_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    visits: Mapped[int] = mapped_column(Integer, default=0)
    spend: Mapped[int] = mapped_column(BigInteger, default=0)

    __table_args__ = (
        Index("ix_member_store_window_stats_spend", "store_id", "spend", "visits"),
        {"sqlite_with_rowid": False},
    )


class MemberStats(Base):
    """Per member (the holder, after merges): the visit facts the segments need.

    ``spend_0`` … ``spend_11`` are the net bills of the twelve calendar months up to
    ``spend_month`` (months since year 0: year * 12 + month - 1, in the store's zone),
    month m in ``spend_{m % 12}``; a reader drops the months older than its own window.
    """

    __tablename__ = "member_stats"
    customer_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    visits: Mapped[int] = mapped_column(Integer, default=0)
    # Indexed: each segment's count is an index range (new, regular, lapsed, big first bill, VIP).
    first_visit: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    first_bill: Mapped[int] = mapped_column(BigInteger, default=0, index=True)
    last_visit: Mapped[datetime | None] = mapped_column(UTCDateTime)  # indexed below
    prev_visit: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)  # the visit before the last
    spend_month: Mapped[int] = mapped_column(Integer, default=0, index=True)
    spend_0: Mapped[int] = mapped_column(BigInteger, default=0)
    spend_1: Mapped[int] = mapped_column(BigInteger, default=0)
    spend_2: Mapped[int] = mapped_column(BigInteger, default=0)
    spend_3: Mapped[int] = mapped_column(BigInteger, default=0)
    spend_4: Mapped[int] = mapped_column(BigInteger, default=0)
    spend_5: Mapped[int] = mapped_column(BigInteger, default=0)
    spend_6: Mapped[int] = mapped_column(BigInteger, default=0)
    spend_7: Mapped[int] = mapped_column(BigInteger, default=0)
    spend_8: Mapped[int] = mapped_column(BigInteger, default=0)
    spend_9: Mapped[int] = mapped_column(BigInteger, default=0)
    spend_10: Mapped[int] = mapped_column(BigInteger, default=0)
    spend_11: Mapped[int] = mapped_column(BigInteger, default=0)
    # The twelve months' spend ending with month ``spend_at`` (>= ``spend_month``), kept by a trigger
    # (``app.services.stats.SPEND_TRIGGER``) and rolled forward to the current month by the segments'
    # report: the VIP cut-off is then one ORDER BY … OFFSET on its index.
    spend_at: Mapped[int] = mapped_column(Integer, default=0, index=True)
    spend_12m: Mapped[int] = mapped_column(BigInteger, default=0, index=True)

    # Recent visitors with what "at risk" needs: read from the index alone.
    __table_args__ = (Index("ix_member_stats_last_visit", "last_visit", "visits", "first_visit"),)


class DayRewardStats(Base):
    """Per local day, store and reward: redemptions not reversed (the dashboard's most redeemed rewards).

    Counted on the redemption's day and store; its reversal, whenever made, takes it off there.
    """

    __tablename__ = "day_reward_stats"
    day: Mapped[date] = mapped_column(Date, primary_key=True)  # local day in the store's zone
    store_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    reward_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    redemptions: Mapped[int] = mapped_column(Integer, default=0)


class HomeTierStats(Base):
    """Per home store and tier: the members not merged away and their outstanding points.

    Kept by SQLite triggers on ``customer`` and ``balance`` (migration 0009), so every writer
    of those rows keeps it right; ``tier`` is '' for a member without a tier (the base tier).
    """

    __tablename__ = "home_tier_stats"
    store_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    tier: Mapped[str] = mapped_column(String(100), primary_key=True)
    members: Mapped[int] = mapped_column(Integer, default=0)
    points: Mapped[int] = mapped_column(BigInteger, default=0)
