"""A stored flag's sentence as a template and its details, with ids turned into names.

A flag keeps one English sentence (``flag.message``): the server writes it, the till pulls it,
and the server's copy is the record. That sentence names members and tills by their ids and its
figures (a daily cap, a count of wrong PINs, a negative balance) are inside it, so showing it in
Vietnamese used to mean dropping it for the kind's general phrase — and the numbers with it.

Here each known shape of those sentences (written by ``sync/server/ledger.py``,
``sync/server/records.py``, ``sync/worker/ingest.py``, ``app/services/awards.py`` and
``app/services/staff.py``) is read back into a ``Notice`` whose details are the figures, and the
member's and the till's *names* where this till knows them. A sentence of another shape is kept
as it is. Adding a details column to the flag tables of both databases would avoid the reading
back; until then a test holds each shape to its writer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import Notice
from app.db.models import Customer, Terminal

# The templates a manager reads (registered for translation in ``app/ui/errors.py``).
DAILY_CAP = "Daily earn cap of {0} reached: {1} points not given."
PIN_FAILURES = "{0} wrong PINs in a row at this till: someone may be guessing staff PINs."
NEGATIVE_POINTS = "{0} is at {1} points after a sale at till {2}: the same points were probably spent twice offline."
NEGATIVE_STAMPS = "{0} is at {1} stamps after a sale at till {2}: the same stamps were probably spent twice offline."
SAME_PHONE = "{0} and {1} have the same phone number {2}: probably one person with two cards."
SAME_CARD = "{0} and {1} have the same card number {2}: probably one person with two cards."
SAME_REFERRAL = "{0} and {1} have the same referral code {2}: probably one person with two cards."
RECEIPT_TWICE = "Receipt {0} earned points more than once; reverse the extra earn."
VOUCHER_TIMES = "Voucher {0} was used {1} times, probably at two tills while offline."
VOUCHER_TWICE = "Voucher {0} was used more than once, probably at two tills while offline."
SEQUENCE_GAP = "Till {0} sent its entries with some missing or out of order; the server refused them."
CONFLICT = "Till {0} sent an entry that differs from the one the server holds; it was refused."
FORBIDDEN = "Till {0} tried to send entries as another till ({1}); they were refused."
HELD = "Till {0} is quarantined: its entries are held for review and not counted."
UNUSUAL_ADJUST = "Till {0} adjusted {1} by {2} points and {3} stamps: check it, and reverse it if it was not meant."
PROPOSAL = "Till {0} of another store changed {1}'s profile; it was not applied."
OUT_OF_BOUNDS = "Till {0} sent an entry beyond what its program can produce; the server holds it, not counted."
REVERSES_HELD = "Till {0} reversed an entry the server holds; the reversal waits with it, not counted."
CANNOT_STORE = "Till {0} sent a batch the server's database could not store; it was refused."

TEMPLATES = (
    DAILY_CAP,
    PIN_FAILURES,
    NEGATIVE_POINTS,
    NEGATIVE_STAMPS,
    SAME_PHONE,
    SAME_CARD,
    SAME_REFERRAL,
    RECEIPT_TWICE,
    VOUCHER_TIMES,
    VOUCHER_TWICE,
    SEQUENCE_GAP,
    CONFLICT,
    FORBIDDEN,
    HELD,
    UNUSUAL_ADJUST,
    PROPOSAL,
    OUT_OF_BOUNDS,
    REVERSES_HELD,
    CANNOT_STORE,
)


@dataclass(frozen=True)
class Names:
    """Ids to names, read once per list of flags."""

    members: dict[str, str]
    tills: dict[str, str]

    def member(self, cid: str) -> str:
        return self.members.get(cid, cid)

    def till(self, tid: str) -> str:
        return self.tills.get(tid, tid)


def _int(text: str) -> int:
    return int(text.replace(",", "").replace("+", ""))


def _signed(text: str) -> str:
    return text  # "+1,500": the sign is the point; kept as written


Reader = Callable[[re.Match[str], Names], Notice]

_SHAPES: dict[str, list[tuple[re.Pattern[str], Reader]]] = {
    "daily_cap": [
        (
            re.compile(r"Daily earn cap of ([\d,]+) reached: ([\d,]+) points not given"),
            lambda m, n: Notice(DAILY_CAP, cap=_int(m[1]), lost=_int(m[2])),
        )
    ],
    "pin_failures": [
        (
            re.compile(r"(\d+) wrong PINs in a row"),
            lambda m, n: Notice(PIN_FAILURES, failures=_int(m[1])),
        )
    ],
    "negative_balance": [
        (
            re.compile(r"Member (\S+) is at (-?[\d,]+) (points|stamps) after an? \w+ at terminal (\S+?):"),
            lambda m, n: Notice(
                NEGATIVE_POINTS if m[3] == "points" else NEGATIVE_STAMPS,
                member=n.member(m[1]),
                balance=-_int(m[2].lstrip("-")) if m[2].startswith("-") else _int(m[2]),
                till=n.till(m[4]),
            ),
        )
    ],
    "duplicate_member": [
        (
            re.compile(r"Members (\S+) and (\S+) share the (phone|card number|referral code) (\S+?):"),
            lambda m, n: Notice(
                {"phone": SAME_PHONE, "card number": SAME_CARD}.get(m[3], SAME_REFERRAL),
                first=n.member(m[1]),
                second=n.member(m[2]),
                value=m[4],
            ),
        )
    ],
    "duplicate_receipt": [
        (
            re.compile(r"Receipt (\S+?) earned points"),
            lambda m, n: Notice(RECEIPT_TWICE, receipt=m[1]),
        )
    ],
    "voucher_reused": [
        (
            re.compile(r"Voucher (\S+) was used more than once \(entries ([^)]*)\)"),
            lambda m, n: Notice(VOUCHER_TIMES, code=m[1], times=len(m[2].split(","))),
        ),
        (
            re.compile(r"Voucher (\S+) was used more than once"),
            lambda m, n: Notice(VOUCHER_TWICE, code=m[1]),
        ),
    ],
    "sequence_gap": [
        (
            re.compile(r"Terminal (\S+) (?:sent entry|skipped entries)"),
            lambda m, n: Notice(SEQUENCE_GAP, till=n.till(m[1])),
        )
    ],
    "conflicting_entry": [
        (
            re.compile(r"Terminal (\S+) (?:sent a different entry|reused entry id)"),
            lambda m, n: Notice(CONFLICT, till=n.till(m[1])),
        )
    ],
    "forbidden_write": [
        (
            re.compile(r"Terminal (\S+) tried to push an entry as terminal (\S+)"),
            lambda m, n: Notice(FORBIDDEN, till=n.till(m[1]), other=n.till(m[2])),
        )
    ],
    "held_entries": [
        (
            re.compile(r"Terminal (\S+) is quarantined"),
            lambda m, n: Notice(HELD, till=n.till(m[1])),
        )
    ],
    "unusual_adjustment": [
        (
            re.compile(
                r"Terminal (\S+) of store \S+ adjusted member (\S+) by ([+-][\d,]+) points and ([+-][\d,]+) stamps"
            ),
            lambda m, n: Notice(
                UNUSUAL_ADJUST, till=n.till(m[1]), member=n.member(m[2]), points=_signed(m[3]), stamps=_signed(m[4])
            ),
        )
    ],
    "entry_out_of_bounds": [
        (re.compile(r"^Terminal (\S+?): "), lambda m, n: Notice(OUT_OF_BOUNDS, till=n.till(m[1]))),
    ],
    "balance_out_of_bounds": [
        (re.compile(r"^Terminal (\S+?): "), lambda m, n: Notice(OUT_OF_BOUNDS, till=n.till(m[1]))),
    ],
    "reverses_uncounted": [
        (re.compile(r"^Terminal (\S+?): "), lambda m, n: Notice(REVERSES_HELD, till=n.till(m[1]))),
    ],
    "cannot_store": [
        (
            re.compile(r"A batch of terminal (\S+) could not be stored"),
            lambda m, n: Notice(CANNOT_STORE, till=n.till(m[1])),
        ),
    ],
    "profile_proposal": [
        (
            re.compile(r"Terminal (\S+) of store \S+ changed the profile of member (\S+),"),
            lambda m, n: Notice(PROPOSAL, till=n.till(m[1]), member=n.member(m[2])),
        )
    ],
}

_IDS = re.compile(r"(?:Members?|member|[Tt]erminal) (\S+?)(?=[\s:,;)])")


def names_for(s: Session, messages: list[str], till_names: dict[str, str]) -> Names:
    """The members and tills the messages name, as this till knows them (``till_names``: the chain's
    health report, which names every till; the ``terminal`` table names this one)."""
    ids = {i for text in messages for i in _IDS.findall(text)}
    members: dict[str, str] = {}
    tills = dict(till_names)
    if ids:
        for cid, name in s.execute(select(Customer.id, Customer.name).where(Customer.id.in_(ids))):
            members[cid] = name
        for tid, name in s.execute(select(Terminal.id, Terminal.name).where(Terminal.id.in_(ids))):
            tills[tid] = name
    return Names(members, tills)


def read_back(kind: str, message: str, names: Names) -> str:
    """The flag's sentence as a ``Notice`` when its shape is known, else the stored sentence."""
    for pattern, reader in _SHAPES.get(kind, []):
        found = pattern.search(message)
        if found:
            return reader(found, names)
    return message
