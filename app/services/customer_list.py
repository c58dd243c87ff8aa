"""The back office's customer table: one page of members, searched and sorted in SQL.

Built for a million members on a till's SQLite: every search is an index range
(phone, the phone's reversed tail, card number, name words) and every sort
column has an index, so the first page costs a few milliseconds however many
members there are; the table fetches further pages as the manager scrolls.
Merged-away members are not listed (their card and history live on in the
member they were merged into).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, aliased

from app.core import cardcode
from app.core.errors import InvalidInput
from app.core.names import name_words
from app.core.phone import DEFAULT_REGION, display_phone, looks_like_phone, normalise_phone
from app.db.models import BalanceRow, Customer, CustomerWord, phone_tail_rev
from app.services import merges
from app.services.till import Till

PAGE = 200
MAX_QUERY = 100
_DIGITS = re.compile(r"[\s.\-()/+]")


class Sort(StrEnum):
    NAME = "name"
    PHONE = "phone"
    TIER = "tier"
    POINTS = "points"
    STAMPS = "stamps"
    VISITS = "visits"
    LAST_VISIT = "last_visit"
    LIFETIME_SPEND = "lifetime_spend"


_SORT_COLUMNS: dict[Sort, Any] = {
    Sort.NAME: Customer.name_key,
    Sort.PHONE: Customer.phone,
    Sort.TIER: BalanceRow.tier,
    Sort.POINTS: BalanceRow.points,
    Sort.STAMPS: BalanceRow.stamps,
    Sort.VISITS: BalanceRow.visits,
    Sort.LAST_VISIT: BalanceRow.last_visit_at,
    Sort.LIFETIME_SPEND: BalanceRow.lifetime_spend,
}


class SearchBy(StrEnum):
    ALL = "all"
    CARD = "card"  # a scanned QR or a typed card number
    PHONE = "phone"
    PHONE_TAIL = "phone_tail"  # the last 4 to 9 digits
    NAME = "name"  # words of the name, any order, without diacritics
    CARD_OR_PHONE = "card_or_phone"  # ten digits in a country whose phones have ten (US): either


@dataclass(frozen=True)
class Search:
    """What a typed query means; ``parse_query`` decides, the SQL follows."""

    by: SearchBy
    value: str = ""
    words: tuple[str, ...] = ()
    phone: str = ""  # CARD_OR_PHONE: the E.164 number the digits also are


@dataclass(frozen=True)
class CustomerListRow:
    id: str
    name: str
    phone: str  # as staff read it: 0912 345 678
    card_number: str
    tier: str | None  # None: the program's base tier
    points: int
    stamps: int
    visits: int
    last_visit_at: datetime | None
    lifetime_spend: int
    status: str  # active, blocked
    enrolled_at: datetime
    birthday_day: int | None = None
    birthday_month: int | None = None
    birthday_year: int | None = None
    gender: str | None = None
    area: str | None = None
    marketing_consent: bool = False


def parse_query(text: str, card_key: bytes | None = None, region: str = DEFAULT_REGION) -> Search:
    """A phone, a phone's tail, a card (typed or scanned) or words of a name.

    ``region`` is the store's country: a phone typed without its country code is one of its.
    """
    text = (text or "").strip()
    if not text:
        return Search(SearchBy.ALL)
    if len(text) > MAX_QUERY:
        raise InvalidInput("That search is too long.")
    if cardcode.looks_like_card_payload(text):
        number = cardcode.verify_card_payload(text, card_key) if card_key else cardcode.unverified_card_number(text)
        return Search(SearchBy.CARD, number or "")
    digits = _DIGITS.sub("", text)
    if digits.isdigit():
        if len(digits) == 10 and not digits.startswith("0"):
            phone = _phone_or_empty(digits, region) if region != DEFAULT_REGION else ""
            if phone:  # (617) 555-0142 typed bare: her phone, or a card whose number it is
                if cardcode.is_valid_card_number(digits):
                    return Search(SearchBy.CARD_OR_PHONE, digits, phone=phone)
                return Search(SearchBy.PHONE, phone)
            return Search(SearchBy.CARD, cardcode.normalise_card_number(digits))  # card numbers never start with 0
        if looks_like_phone(text):
            try:
                return Search(SearchBy.PHONE, normalise_phone(text, region))
            except InvalidInput:
                pass
        if 4 <= len(digits) <= 9:
            return Search(SearchBy.PHONE_TAIL, digits)
        raise InvalidInput("Type at least 4 digits of the phone number, the whole card number, or a name.")
    words = tuple(sorted(name_words(text), key=lambda w: (-len(w), w)))
    if not words or max(len(w) for w in words) < 2:
        raise InvalidInput("Type at least two letters of the name.")
    return Search(SearchBy.NAME, words=words)


def _base() -> Select[Any]:
    return (
        select(
            Customer.id,
            Customer.name,
            Customer.phone,
            Customer.card_number,
            BalanceRow.tier,
            BalanceRow.points,
            BalanceRow.stamps,
            BalanceRow.visits,
            BalanceRow.last_visit_at,
            BalanceRow.lifetime_spend,
            Customer.status,
            Customer.enrolled_at,
            Customer.birthday_day,
            Customer.birthday_month,
            Customer.birthday_year,
            Customer.gender,
            Customer.area,
            Customer.marketing_consent,
        )
        .join(BalanceRow, BalanceRow.customer_id == Customer.id)
        .where(Customer.status != "merged")
    )


def _phone_or_empty(digits: str, region: str) -> str:
    try:
        return normalise_phone(digits, region)
    except InvalidInput:
        return ""


def _filtered(q: Select[Any], search: Search) -> Select[Any]:
    if search.by is SearchBy.CARD:
        return q.where(Customer.card_number == search.value)
    if search.by is SearchBy.CARD_OR_PHONE:
        return q.where(or_(Customer.card_number == search.value, Customer.phone == search.phone))
    if search.by is SearchBy.PHONE:
        return q.where(Customer.phone == search.value)
    if search.by is SearchBy.PHONE_TAIL:
        tail = search.value[-6:][::-1]
        rev = phone_tail_rev()  # an index on this very expression
        q = q.where(rev >= tail, rev < tail + ":")  # ":" follows "9"
        if len(search.value) > 6:
            q = q.where(Customer.phone.like(f"%{search.value}"))
        return q
    if search.by is SearchBy.NAME:
        for word in search.words:
            q = q.where(Customer.id.in_(_with_word(word)))
        return q
    return q


def _with_word(word: str) -> Select[Any]:
    return select(CustomerWord.customer_id).where(CustomerWord.word >= word, CustomerWord.word < word + "\uffff")


def _name_filter_by_scan(q: Select[Any], search: Search, member: Any = Customer.id) -> Select[Any]:
    """Common words ("nguyen", "thi" are in a third of the names): walk the sorted index and test each member
    (EXISTS on the member's words), stopping at the page's end, instead of sorting every match."""
    for word in search.words:
        w = aliased(CustomerWord)
        q = q.where(
            select(w.word)
            .where(w.customer_id == member, w.word >= word, w.word < word + "\uffff")
            .correlate(member.table)
            .exists()
        )
    return q


def _single_word(s: Session, search: Search) -> str | None:
    """A typed word that is a whole word of the names (no longer word starts with it), if one is."""
    for typed in search.words:
        first = s.scalar(select(func.min(CustomerWord.word)).where(CustomerWord.word >= typed))
        if first != typed:
            continue
        after = s.scalar(
            select(func.min(CustomerWord.word)).where(CustomerWord.word > typed, CustomerWord.word < typed + "\uffff")
        )
        if after is None:
            return typed
    return None


def _walk_word_in_name_order(search: Search, word: str, descending: bool) -> tuple[Select[Any], list[Any]]:
    """The members with ``word`` in name order straight from ``ix_customer_word_sorted`` (a surname like
    "nguyen" clusters in the name index, so walking that would pass every name before it first)."""
    q = _base().join(CustomerWord, CustomerWord.customer_id == Customer.id).where(CustomerWord.word == word)
    # The other words are tested on the word row itself, before the member's row is read.
    others = Search(SearchBy.NAME, words=tuple(w for w in search.words if w != word))
    q = _name_filter_by_scan(q, others, CustomerWord.customer_id)
    if descending:
        return q, [CustomerWord.name_key.desc(), CustomerWord.customer_id.desc()]
    return q, [CustomerWord.name_key, CustomerWord.customer_id]


COMMON_WORD = 20_000  # members sharing the rarest typed word, above which the sorted walk is cheaper


def _rarest_count(s: Session, search: Search) -> int:
    return min(
        int(s.scalar(select(func.count()).select_from(_with_word(w).limit(COMMON_WORD + 1).subquery())) or 0)
        for w in search.words
    )


def customer_page(
    till: Till,
    query: str = "",
    sort: Sort | str = Sort.NAME,
    offset: int = 0,
    limit: int = PAGE,
    *,
    descending: bool = False,
) -> list[CustomerListRow]:
    """One page of the table. Raises InvalidInput for a query that cannot be a search."""
    search = parse_query(query, till.card_key, till.country())
    with till.transaction() as s:
        return page_in(s, search, Sort(sort), offset, limit, descending=descending, region=till.country(s))


def page_in(
    s: Session,
    search: Search,
    sort: Sort,
    offset: int,
    limit: int,
    *,
    descending: bool = False,
    region: str = DEFAULT_REGION,
) -> list[CustomerListRow]:
    q = _ordered(s, search, sort, descending).offset(max(offset, 0)).limit(max(min(limit, 5000), 1))
    return [_row(r, region) for r in s.execute(q)]


def matching_in(s: Session, search: Search, limit: int) -> list[Any]:
    """The first members a search finds in name order, as raw rows (E.164 phone): the cashier's pick list.

    The same indexed paths as the table's first page, so "anh" or a phone's tail answers in a few
    milliseconds at a million members.
    """
    return list(s.execute(_ordered(s, search, Sort.NAME, False).limit(max(limit, 1))))


def every_customer(till: Till, query: str = "", sort: Sort | str = Sort.NAME, *, descending: bool = False
                   ) -> Iterator[CustomerListRow]:  # fmt: skip
    """Every member the search finds, in order, streamed from one read (File > Export of the whole table)."""
    region = till.country()
    search = parse_query(query, till.card_key, region)
    with till.transaction() as s:
        for r in s.execute(_ordered(s, search, Sort(sort), descending).execution_options(yield_per=5000)):
            yield _row(r, region)


def _ordered(s: Session, search: Search, sort: Sort, descending: bool) -> Select[Any]:
    column = _SORT_COLUMNS[sort]
    # Ties by the member id of the same table, so the sort index (column, id) gives the page in order.
    tie = Customer.id if column.class_ is Customer else BalanceRow.customer_id
    order = [column.desc() if descending else column.asc(), tie.desc() if descending else tie.asc()]
    q = _filtered(_base(), search)
    if search.by is SearchBy.NAME and _rarest_count(s, search) > COMMON_WORD:
        exact = _single_word(s, search) if sort is Sort.NAME else None
        if exact is not None:
            q, order = _walk_word_in_name_order(search, exact, descending)
        else:
            q = _name_filter_by_scan(_base(), search)
    return q.order_by(*order)


def _row(r: Any, region: str) -> CustomerListRow:
    return CustomerListRow(
        id=r.id,
        name=r.name,
        phone=display_phone(r.phone or "", region),
        card_number=r.card_number,
        tier=r.tier,
        points=r.points,
        stamps=r.stamps,
        visits=r.visits,
        last_visit_at=r.last_visit_at,
        lifetime_spend=r.lifetime_spend,
        status=r.status,
        enrolled_at=r.enrolled_at,
        birthday_day=r.birthday_day,
        birthday_month=r.birthday_month,
        birthday_year=r.birthday_year,
        gender=r.gender,
        area=r.area,
        marketing_consent=bool(r.marketing_consent),
    )


def customer_count(till: Till, query: str = "") -> int:
    """How many members the search finds (the table's caption)."""
    search = parse_query(query, till.card_key, till.country())
    with till.transaction() as s:
        if search.by is SearchBy.ALL:  # every member but the merged-away: one small index counted, no join
            everyone = int(s.scalar(select(func.count()).select_from(Customer)) or 0)
            return everyone - len(merges.parents_in(s))
        q = _filtered(_base(), search).with_only_columns(func.count())
        return int(s.scalar(q) or 0)
