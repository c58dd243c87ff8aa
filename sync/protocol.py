"""The wire format between terminals and the central server: one module both sides import.

Every record that crosses the network is a pydantic model here, so the worker
and the server cannot drift apart, and the server's OpenAPI schema (which the
fuzz tests read) says exactly what a terminal may send. Limits mirror the
database columns: a string the database would refuse is refused here with a
readable 422, never as a 500 from deep inside a transaction.

Money is int minor units; times are aware datetimes, sent as UTC ISO strings.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from app.core.audit import secrets_in
from app.core.ledger import EntryKind, LedgerEntry
from app.core.merges import MergeFact, MergeKind

PROTOCOL_VERSION = 1
API = "/v1"
MAX_BATCH = 5000  # records of one kind in one push
MAX_PULL_LIMIT = 10_000
DEFAULT_PULL_LIMIT = 1000

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
INT32_MIN, INT32_MAX = -(2**31), 2**31 - 1


def _clean_text(value: str) -> str:
    """PostgreSQL refuses NUL and unpaired surrogates; refuse them at the door instead."""
    if "\x00" in value:
        raise ValueError("text must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("text must be valid Unicode (no unpaired surrogates)") from None
    return value


def _utc(value: datetime) -> datetime:
    """Times travel as UTC; a clock years off (a dead CMOS battery) is still a fact, within reason."""
    if not 1900 <= value.year <= 9000:
        raise ValueError("time is outside the years 1900–9000")
    try:
        return value.astimezone(UTC)
    except OverflowError:
        raise ValueError("time is out of range") from None


_Clean = AfterValidator(_clean_text)
Text10 = Annotated[str, StringConstraints(max_length=10), _Clean]
Text20 = Annotated[str, StringConstraints(max_length=20), _Clean]
Text40 = Annotated[str, StringConstraints(max_length=40), _Clean]
Text100 = Annotated[str, StringConstraints(max_length=100), _Clean]
Text200 = Annotated[str, StringConstraints(max_length=200), _Clean]
Text500 = Annotated[str, StringConstraints(max_length=500), _Clean]
Text20000 = Annotated[str, StringConstraints(max_length=20_000), _Clean]
Word20 = Annotated[str, StringConstraints(min_length=1, max_length=20), _Clean]
Word30 = Annotated[str, StringConstraints(min_length=1, max_length=30), _Clean]
Word64 = Annotated[str, StringConstraints(min_length=1, max_length=64), _Clean]
Name = Annotated[str, StringConstraints(min_length=1, max_length=200), _Clean]
ProgramBody = Annotated[str, StringConstraints(min_length=2, max_length=200_000), _Clean]
PairingCodeText = Annotated[str, StringConstraints(min_length=4, max_length=40), _Clean]
Currency = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
Id = Annotated[str, StringConstraints(min_length=1, max_length=40, pattern=r"^[0-9A-Za-z_.:-]+$")]
EntryId = Annotated[str, StringConstraints(min_length=1, max_length=36, pattern=r"^[0-9A-Za-z_.:-]+$")]
Hash = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
UTCTime = Annotated[AwareDatetime, AfterValidator(_utc)]
Int64 = Annotated[int, Field(ge=INT64_MIN, le=INT64_MAX)]
Int32 = Annotated[int, Field(ge=INT32_MIN, le=INT32_MAX)]
Count = Annotated[int, Field(ge=0, le=INT64_MAX)]
Cursor = Annotated[int, Field(ge=0, le=INT64_MAX)]


class Record(BaseModel):
    # Unknown fields are refused: a typo in a field name must not silently drop data.
    model_config = ConfigDict(extra="forbid", frozen=True)


class EntryRecord(Record):
    """A sealed ledger entry, field for field as ``app.core.ledger.LedgerEntry``."""

    id: EntryId
    terminal_id: Id
    store_id: Id
    terminal_seq: Annotated[int, Field(ge=1, le=INT64_MAX)]
    customer_id: Id
    kind: EntryKind
    created_at: UTCTime
    points: Int64 = 0
    stamps: Int32 = 0
    qualifying: Int64 = 0
    amount: Int64 | None = None
    currency: Currency = "VND"
    reward_id: Id | None = None
    # Free text from POS exports and managers: generous limits, because a till's SQLite does not
    # enforce column lengths and an entry the server refused would stall that till's sync forever.
    receipt_source: Text100 | None = None
    receipt_id: Text500 | None = None
    program_version: Int32 = 0
    staff_id: Id | None = None
    reason: Text20000 = ""
    reverses: EntryId | None = None
    tier: Text200 | None = None
    prev_hash: Hash
    hash: Hash

    @classmethod
    def of(cls, entry: LedgerEntry) -> EntryRecord:
        return cls.model_construct(**{name: getattr(entry, name) for name in cls.model_fields})

    def to_entry(self) -> LedgerEntry:
        data = {name: getattr(self, name) for name in type(self).model_fields}
        data["kind"] = EntryKind(self.kind)
        return LedgerEntry(**data)


class CustomerRecord(Record):
    """A member's profile. ``name_key`` is not sent: each side folds the name itself."""

    id: Id
    card_number: Word20
    phone: Text20 | None = None
    name: Name
    birthday_day: Annotated[int, Field(ge=1, le=31)] | None = None
    birthday_month: Annotated[int, Field(ge=1, le=12)] | None = None
    birthday_year: Annotated[int, Field(ge=1900, le=2200)] | None = None
    gender: Text10 | None = None
    area: Text100 | None = None
    marketing_consent: bool = False
    referral_code: Word20
    referred_by: Id | None = None
    enrolled_at: UTCTime
    enrolled_store: Id
    status: Literal["active", "blocked", "merged"] = "active"
    merged_into: Id | None = None
    updated_at: UTCTime


class MergeRecord(Record):
    """Two members merged (or a merge undone): a fact like an entry, made at a till, never changed."""

    id: EntryId
    kind: Literal["merge", "unmerge"]
    survivor_id: Id
    duplicate_id: Id
    undoes: EntryId | None = None
    terminal_id: Id
    store_id: Id
    staff_id: Id | None = None
    reason: Text20000 = ""
    created_at: UTCTime

    @classmethod
    def of(cls, fact: MergeFact) -> MergeRecord:
        data = {name: getattr(fact, name) for name in cls.model_fields}
        data["kind"] = fact.kind.value
        return cls.model_construct(**data)

    def to_fact(self) -> MergeFact:
        data = {name: getattr(self, name) for name in type(self).model_fields}
        data["kind"] = MergeKind(self.kind)
        return MergeFact(**data)


class StoreRecord(Record):
    id: Id
    name: Name
    timezone: Word64 = "Asia/Ho_Chi_Minh"
    currency: Currency = "VND"


class TerminalRecord(Record):
    id: Id
    store_id: Id
    name: Text200


class ProgramRecord(Record):
    version: Annotated[int, Field(ge=1, le=INT32_MAX)]
    body: ProgramBody  # Program.to_json()
    active: bool
    created_at: UTCTime


class RewardRecord(Record):
    id: Id
    name: Name
    kind: Word30
    cost_points: Int32 = 0
    cost_full_card: bool = False
    value: Int64 = 0
    cap: Int64 = 0
    item_sku: Text100 = ""
    min_tier: Text100 | None = None
    limit_count: Int32 = 0
    limit_period: Text10 = "month"
    active: bool = True
    sort: Int32 = 0
    starts_on: date | None = None  # offered from / until (inclusive, the shop's calendar)
    ends_on: date | None = None


class BalanceRecord(Record):
    """The server's balance of a member across every till of the chain."""

    customer_id: Id
    points: Int64 = 0
    stamps: Int64 = 0
    lifetime_points: Int64 = 0
    lifetime_spend: Int64 = 0
    visits: Int64 = 0
    last_visit_at: UTCTime | None = None
    tier: str | None = None
    tier_since: UTCTime | None = None
    redeemed_points: Int64 = 0
    entry_count: Int64 = 0


class FlagRecord(Record):
    """Something the server wants a manager to look at (a negative balance, a broken chain)."""

    id: Id
    kind: str
    message: str
    created_at: UTCTime
    store_id: str | None = None
    terminal_id: str | None = None
    customer_id: str | None = None
    entry_id: str | None = None
    resolved_at: UTCTime | None = None


class FeedbackRecord(Record):
    """A customer's 1–5 rating of a visit. A fact: stored once, never changed."""

    id: EntryId
    customer_id: Id | None = None
    entry_id: EntryId | None = None
    receipt_id: Text100 | None = None
    store_id: Id
    rating: Annotated[int, Field(ge=1, le=5)]
    comment: Text20000 = ""
    created_at: UTCTime


TicketField = Literal["priority", "status", "assignee", "due_at", "resolution", "voucher_code", "resolved_at"]
TICKET_FIELDS: tuple[str, ...] = TicketField.__args__  # type: ignore[attr-defined]


class TicketRecord(Record):
    """A complaint ticket. Its editable fields are last-writer-wins *per field* at the server.

    ``changed`` names the fields the till edited since the server last acknowledged
    this ticket; the server applies only those (a new ticket is stored whole). A
    pulled record has ``changed`` empty.
    """

    id: EntryId
    customer_id: Id | None = None
    feedback_id: EntryId | None = None
    store_id: Id
    subject: Text500
    priority: Literal["low", "normal", "high"] = "normal"
    status: Literal["open", "in_progress", "resolved"] = "open"
    assignee: Id | None = None
    due_at: UTCTime | None = None
    resolution: Text20000 = ""
    voucher_code: Text40 | None = None
    created_at: UTCTime
    updated_at: UTCTime
    resolved_at: UTCTime | None = None
    changed: Annotated[list[TicketField], Field(max_length=len(TICKET_FIELDS))] = []


class VoucherRecord(Record):
    """A voucher as issued (a compensation or a reward). Whether it was used is in the ledger:
    a ``redeem`` entry with ``receipt_source == "voucher"`` and ``receipt_id`` its code."""

    code: Annotated[str, StringConstraints(pattern=r"^[A-Z2-7]{8}$")]
    customer_id: Id | None = None
    store_id: Id
    value: Annotated[int, Field(ge=1, le=INT64_MAX)]
    currency: Currency = "VND"
    expires_at: UTCTime
    issued_for: Word20
    issued_ref: Id | None = None
    issued_by: Id | None = None
    note: Text20000 = ""
    created_at: UTCTime


def _audit_values(value: str) -> str:
    """Before/after travel as the JSON object the till stored. One still carrying a secret is refused,
    whatever the till's version: audit lines go to every till of the store (``app.core.audit``)."""
    try:
        data = json.loads(value or "{}")
        found = secrets_in(data) if isinstance(data, dict) else []
    except (ValueError, RecursionError):  # not JSON, or nested deeper than any till writes
        raise ValueError("before/after must be a JSON object") from None
    if not isinstance(data, dict):
        raise ValueError("before/after must be a JSON object")
    if found:
        raise ValueError(f"an audit line may not carry a secret ({', '.join(found)})")
    return value


AuditValues = Annotated[str, StringConstraints(max_length=20_000), _Clean, AfterValidator(_audit_values)]


class AuditRecord(Record):
    """A line of a till's audit log: who did what, when, at which till, before and after (issue 9).

    A fact: stored once by its id, never changed. ``terminal_id`` is the till that wrote it; the
    server accepts a line only from that till, of its own store.
    """

    id: EntryId
    terminal_id: Id
    store_id: Id
    at: UTCTime
    staff_id: Id | None = None
    action: Annotated[str, StringConstraints(min_length=1, max_length=50), _Clean]
    subject: Text100 = ""
    before: AuditValues = "{}"
    after: AuditValues = "{}"


class TillHealth(Record):
    """What a till tells the server about itself with each sync cycle (shown in the back office)."""

    pending: Count = 0
    last_sync_at: UTCTime | None = None
    last_error: Text500 = ""
    pos_watching: bool = False
    pos_last_file: Text500 = ""
    pos_last_file_at: UTCTime | None = None
    pos_quarantined: Count = 0
    app_version: Text40 = ""


class TillHealthRecord(TillHealth):
    """A till's last report, as the server holds it."""

    terminal_id: Id
    store_id: Id
    name: Text200 = ""
    reported_at: UTCTime | None = None
    last_seen_at: UTCTime | None = None


class ChainHealth(Record):
    tills: list[TillHealthRecord]
    flags: list[FlagRecord]
    time: UTCTime


class StaffRecord(Record):
    """A staff member of a store, so she can log in at any till of it (issue 9).

    ``pin_hash`` is the opaque string ``app.services.staff.hash_pin`` made: stored and sent
    unchanged, never parsed. Last writer wins (the server's change number orders the writes).
    """

    id: Id
    store_id: Id
    name: Name
    role: Literal["cashier", "manager", "owner"]
    pin_hash: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    active: bool = True
    created_at: UTCTime
    # Her own phone (E.164), so earning on her own member card is flagged at any till of the store
    # (issue 11's self-earn flag); None: none recorded. Older tills leave it out.
    phone: Text20 | None = None


class StaffPush(Record):
    staff: Annotated[list[StaffRecord], Field(max_length=MAX_BATCH)]


class StaffAck(Record):
    acked: list[str]
    change: int


class PublishProgram(Record):
    """An owner publishes a program version and its rewards from a till's back office.

    ``pin`` is the owner's PIN, checked by the server against the staff it holds. A publication
    queued while the till was offline carries no PIN: the till checked it when the owner approved
    (``approved_at``), as it does for every manager approval made offline; the server still
    refuses anyone who is not an active owner of the till's store.
    """

    draft_id: Id
    staff_id: Id
    pin: Annotated[str, StringConstraints(pattern=r"^[0-9]{4,8}$")] | None = None
    approved_at: UTCTime
    body: ProgramBody  # Program.to_json()
    rewards: Annotated[list[RewardRecord], Field(max_length=1000)] = []


class Published(Record):
    version: int
    change: int


# -- requests and answers ----------------------------------------------------------------------


class PairRequest(Record):
    """A terminal exchanging a one-time pairing code for its token."""

    code: PairingCodeText
    terminal_id: Id
    terminal_name: Text200 = ""
    store_id: Id  # the terminal's local store
    ledger_empty: bool  # an empty till adopts the server's store and card key
    card_key_fingerprint: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16,64}$")]
    # A one-time secret the till keeps until pairing is done: retried with the same nonce (the answer
    # was lost), the request gets the same token back instead of "code already used".
    nonce: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{32,128}$")] | None = None


class PairResponse(Record):
    token: str
    server_id: str
    terminal_id: str
    store: StoreRecord
    card_key: str  # hex; the chain's key that signs card QR codes
    pin_key: str = ""  # hex; the chain's PIN key, mixed into every staff PIN hash (kept in pin.key)
    role: str = "till"  # or "head_office"


class PushRequest(Record):
    """Customers are applied before entries; entries are one terminal's, in ``terminal_seq`` order."""

    customers: Annotated[list[CustomerRecord], Field(max_length=MAX_BATCH)] = []
    entries: Annotated[list[EntryRecord], Field(max_length=MAX_BATCH)] = []
    merges: Annotated[list[MergeRecord], Field(max_length=MAX_BATCH)] = []  # stored after customers, before entries
    feedback: Annotated[list[FeedbackRecord], Field(max_length=MAX_BATCH)] = []
    tickets: Annotated[list[TicketRecord], Field(max_length=MAX_BATCH)] = []
    vouchers: Annotated[list[VoucherRecord], Field(max_length=MAX_BATCH)] = []
    audit: Annotated[list[AuditRecord], Field(max_length=MAX_BATCH)] = []  # the till's own audit lines


class RefusedEntry(Record):
    """An entry the server stored in the till's chain but will not count: beyond the bounds (issue 13).

    Why stored at all: the hash chain means nothing after it could be taken without it, and one bad
    entry must not keep a till's later sales from the chain. It is held for a manager (never
    counted, never sent to other tills), flagged on the server, and named here so the till flags it too.
    """

    id: str
    code: str  # entry_out_of_bounds / balance_out_of_bounds / reverses_refused
    message: str


class PushResponse(Record):
    acked_entries: list[str]
    acked_customers: list[str]
    acked_merges: list[str] = []
    acked_feedback: list[str] = []
    acked_tickets: list[str] = []
    acked_vouchers: list[str] = []
    acked_audit: list[str] = []
    head_seq: int  # the last entry of this terminal the server holds
    head_hash: str
    change: int  # the server's change number after this push
    # Sent only when not empty, so a till of an older version still reads the answer.
    refused_entries: list[RefusedEntry] = []


class PullResponse(Record):
    """Everything that changed after ``cursor`` up to the returned ``cursor``, oldest first."""

    cursor: int
    more: bool
    stores: list[StoreRecord] = []
    terminals: list[TerminalRecord] = []
    programs: list[ProgramRecord] = []
    rewards: list[RewardRecord] = []
    customers: list[CustomerRecord] = []
    entries: list[EntryRecord] = []  # of other terminals only, in the server's order
    balances: list[BalanceRecord] = []
    flags: list[FlagRecord] = []
    merges: list[MergeRecord] = []  # every till's merges and undos, its own included
    feedback: list[FeedbackRecord] = []
    tickets: list[TicketRecord] = []
    vouchers: list[VoucherRecord] = []
    staff: list[StaffRecord] = []  # of the pulling till's store only
    # A till holding its working set (issue 12, ``sync.server.working_set``): the opening balance of
    # each member entering its set (what her entries it is not sent add up to), and who left it.
    openings: list[BalanceRecord] = []
    left: list[Id] = []
    scope: Literal["store", "region"] | None = None  # set on a working-set till's pages (None: the chain)
    audit: list[AuditRecord] = []  # the other tills' audit lines, of the pulling till's store only

    @property
    def size(self) -> int:
        return sum(
            len(x)
            for x in (
                self.stores,
                self.terminals,
                self.programs,
                self.rewards,
                self.customers,
                self.entries,
                self.balances,
                self.flags,
                self.merges,
                self.feedback,
                self.tickets,
                self.vouchers,
                self.staff,
                self.openings,
                self.left,
                self.audit,
            )
        )


class TerminalStatus(Record):
    terminal_id: str
    store_id: str
    head_seq: int
    head_hash: str
    change: int


class Health(Record):
    status: Literal["ok", "unavailable"]
    protocol: int = PROTOCOL_VERSION
    time: datetime


class ErrorBody(Record):
    """Every refusal: a sentence a manager can read, and a stable code for the program."""

    detail: str
    code: str
    errors: list[dict[str, object]] = []


PULL_KINDS = (
    "stores",
    "terminals",
    "programs",
    "rewards",
    "customers",
    "entries",
    "balances",
    "flags",
    "feedback",
    "tickets",
    "vouchers",
)
PULL_KINDS = (*PULL_KINDS, "merges")  # member merges and their undos (issue 8)
PULL_KINDS = (*PULL_KINDS, "staff")  # the till's store's staff (issue 9)
PULL_KINDS = (*PULL_KINDS, "audit")  # the store's other tills' audit lines (issue 9 item 4)
# A till keeps its own balances (a cache of its ledger); it does not need the server's.
TERMINAL_PULL_KINDS = tuple(k for k in PULL_KINDS if k != "balances")


def card_key_fingerprint(key: bytes) -> str:
    """Compares card keys without sending one: enough to tell "same key" from "another key"."""
    return hashlib.sha256(b"loyalty card key fingerprint\x00" + key).hexdigest()[:32]
