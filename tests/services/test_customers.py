"""Enrolling members and finding them again however the cashier types or scans."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.core import cardcode
from app.core.errors import BadCardCode, Duplicate, InvalidInput, NotAllowed, NotFound
from app.core.ledger import EntryKind, LedgerEntry
from app.core.lifecycle import Birthday
from app.db.models import AuditLog, Customer, OutboxItem
from app.services import customers
from app.services.staff import StaffMember
from app.services.till import Till

Enrol = Callable[..., customers.Enrolled]


def test_a_new_member_gets_a_card_a_referral_code_and_two_starter_stamps(
    till: Till, cashier: StaffMember, member: customers.Enrolled, history: Callable[[str], list[LedgerEntry]]
) -> None:
    assert cardcode.is_valid_card_number(member.card_number)
    assert cardcode.verify_card_payload(member.payload, till.card_key) == member.card_number
    assert len(member.referral_code) == 6 and member.referral_code.isalnum()
    (welcome,) = history(member.customer_id)
    assert (welcome.kind, welcome.stamps, welcome.staff_id) == (EntryKind.BONUS, 2, cashier.id)
    card = customers.view(till, member.customer_id)
    assert (card.name, card.phone, card.tier, card.stamps_on_card) == (
        "Nguyễn Thị Lan",
        "0912 345 678",
        "Member",
        2,
    )
    with till.transaction() as s:
        c = s.get(Customer, member.customer_id)
        assert c is not None and c.phone == "+84912345678" and c.enrolled_store == till.store_id
        queued = {(o.item_type, o.item_id) for o in s.scalars(select(OutboxItem))}
        assert ("customer", member.customer_id) in queued and ("entry", welcome.id) in queued
        assert s.scalars(select(AuditLog.action).where(AuditLog.subject == member.customer_id)).all() == [
            "customer.enroll"
        ]


def test_the_profile_keeps_birthday_gender_area_and_consent(till: Till, enrol: Enrol) -> None:
    new = enrol(
        "Phạm Văn Đức", birthday=Birthday(2, 9, 1985), gender="m", area="Quận 3", marketing_consent=True
    )
    with till.transaction() as s:
        c = s.get(Customer, new.customer_id)
        assert c is not None
        assert (c.birthday_day, c.birthday_month, c.birthday_year) == (2, 9, 1985)
        assert (c.gender, c.area, c.marketing_consent) == ("m", "Quận 3", True)


@pytest.mark.parametrize("typed", ["0912 345 678", "+84 912 345 678", "0912.345.678", "84912345678"])
def test_a_member_is_found_by_phone_however_it_is_typed(
    till: Till, member: customers.Enrolled, typed: str
) -> None:
    found = customers.find(till, typed)
    assert found.via == "phone"
    assert [m.customer_id for m in found.matches] == [member.customer_id]
    assert not found.identified  # a phone number may earn, never spend


def test_a_member_is_found_by_the_typed_card_number(till: Till, member: customers.Enrolled) -> None:
    spaced = cardcode.format_card_number(member.card_number)
    for typed in (member.card_number, spaced):
        found = customers.find(till, typed)
        assert (found.via, [m.customer_id for m in found.matches]) == ("number", [member.customer_id])
        assert not found.identified


def test_a_scanned_card_identifies_the_member(till: Till, member: customers.Enrolled) -> None:
    found = customers.find(till, member.payload)
    assert found.via == "card" and found.identified
    assert customers.customer_for_card(till, member.payload) == member.customer_id
    assert customers.find(till, member.payload.lower() + "\r\n").identified  # caps lock, scanner's Enter


def test_a_forged_or_foreign_card_is_refused(till: Till, member: customers.Enrolled) -> None:
    forged = cardcode.sign_card_payload(member.card_number, cardcode.new_card_key())
    with pytest.raises(BadCardCode):
        customers.find(till, forged)
    with pytest.raises(BadCardCode):
        customers.find(till, member.payload[:-1] + ("A" if member.payload[-1] != "A" else "B"))


def test_a_mistyped_card_number_is_refused_at_once(till: Till, member: customers.Enrolled) -> None:
    wrong = member.card_number[:-1] + str((int(member.card_number[-1]) + 1) % 10)
    with pytest.raises(BadCardCode):
        customers.find(till, wrong)


def test_a_member_is_found_by_name_without_accents_or_case(till: Till, enrol: Enrol) -> None:
    lan = enrol("Nguyễn Thị Lan")
    enrol("Trần Văn Đạt")
    assert [m.customer_id for m in customers.find(till, "nguyen thi").matches] == [lan.customer_id]
    assert [m.name for m in customers.find(till, "TRAN VAN DAT").matches] == ["Trần Văn Đạt"]
    assert [m.name for m in customers.find(till, "Nguyễn").matches] == ["Nguyễn Thị Lan"]
    assert customers.find(till, "Lê").matches == []


def test_an_empty_search_or_one_letter_asks_for_more(till: Till) -> None:
    with pytest.raises(InvalidInput):
        customers.find(till, "   ")
    with pytest.raises(InvalidInput, match="two letters"):
        customers.find(till, "N")


def test_one_phone_number_belongs_to_one_member(
    till: Till, member: customers.Enrolled, enrol: Enrol, snapshot: Callable[[], Any]
) -> None:
    before = snapshot()
    with pytest.raises(Duplicate) as err:
        enrol("Someone Else", phone="+84 912 345 678")
    assert str(err.value) == "The phone number 0912 345 678 already belongs to a member."
    assert snapshot() == before


def test_a_referral_code_is_typed_in_any_case(till: Till, member: customers.Enrolled, enrol: Enrol) -> None:
    friend = enrol("Minh", referral_code=f"  {member.referral_code.lower()} ")
    with till.transaction() as s:
        c = s.get(Customer, friend.customer_id)
        assert c is not None and c.referred_by == member.customer_id


def test_an_unknown_referral_code_is_refused_and_nobody_is_enrolled(
    till: Till, member: customers.Enrolled, enrol: Enrol, snapshot: Callable[[], Any]
) -> None:
    before = snapshot()
    with pytest.raises(NotFound, match="ZZZZZZ"):
        enrol("Minh", referral_code="zzzzzz")
    assert snapshot() == before


def test_names_are_tidied_and_kept_in_unicode_composed_form(till: Till, enrol: Enrol) -> None:
    decomposed = "Nguye\u0302\u0303n  Thi\u0323   Lan "  # as some keyboards send it
    new = enrol(decomposed)
    assert customers.view(till, new.customer_id).name == "Nguyễn Thị Lan"


def test_a_name_that_looks_like_sql_is_stored_verbatim_and_found_again(
    till: Till, enrol: Enrol, member: customers.Enrolled
) -> None:
    bobby = "Robert'); DROP TABLE customer;--"
    new = enrol(bobby)
    assert customers.view(till, new.customer_id).name == bobby
    assert [m.customer_id for m in customers.find(till, "Robert'); DROP").matches] == [new.customer_id]
    assert customers.view(till, member.customer_id).name == "Nguyễn Thị Lan"  # the table is intact
    with sqlite3.connect(Path(str(till.engine.url.database))) as db:
        assert db.execute("SELECT count(*) FROM customer").fetchone() == (2,)
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_manager_blocks_a_shared_card_with_a_reason_and_it_is_audited(
    till: Till, manager: StaffMember, member: customers.Enrolled
) -> None:
    customers.set_blocked(
        till, member.customer_id, True, manager=manager, reason="card shared in a Facebook group"
    )
    assert customers.view(till, member.customer_id).blocked
    customers.set_blocked(till, member.customer_id, False, manager=manager, reason="owner called, sorted out")
    assert not customers.view(till, member.customer_id).blocked
    with till.transaction() as s:
        rows = s.scalars(
            select(AuditLog).where(
                AuditLog.subject == member.customer_id, AuditLog.action.like("customer.%block")
            )
        ).all()
        assert [(r.action, r.staff_id) for r in rows] == [
            ("customer.block", manager.id),
            ("customer.unblock", manager.id),
        ]
        assert json.loads(rows[0].after) == {"status": "blocked", "reason": "card shared in a Facebook group"}
        assert json.loads(rows[0].before) == {"status": "active"}


def test_a_cashier_cannot_block_and_a_block_needs_a_reason(
    till: Till,
    cashier: StaffMember,
    manager: StaffMember,
    member: customers.Enrolled,
    snapshot: Callable[[], Any],
) -> None:
    before = snapshot()
    with pytest.raises(NotAllowed):
        customers.set_blocked(till, member.customer_id, True, manager=cashier, reason="rude")
    with pytest.raises(InvalidInput):
        customers.set_blocked(till, member.customer_id, True, manager=manager, reason="   ")
    with pytest.raises(NotFound):
        customers.set_blocked(till, "no-such-id", True, manager=manager, reason="x")
    assert snapshot() == before


def test_viewing_an_unknown_customer_says_so(till: Till) -> None:
    with pytest.raises(NotFound):
        customers.view(till, "no-such-id")


def test_a_given_name_typed_without_diacritics_gives_the_pick_list(till: Till, enrol: Enrol) -> None:
    """Vietnamese names end with the given name: "anh" must find "Nguyễn Thị Ánh", not only names starting so."""
    anh = enrol("Nguyễn Thị Ánh")
    tuan_anh = enrol("Trần Tuấn Anh")
    enrol("Lê Văn Bình")
    found = customers.find(till, "anh")
    assert found.via == "name" and not found.identified
    assert [m.customer_id for m in found.matches] == [anh.customer_id, tuan_anh.customer_id]  # in name order
    assert [m.customer_id for m in customers.find(till, "thi anh").matches] == [anh.customer_id]
    assert [m.customer_id for m in customers.find(till, "ÁNH NGUYỄN").matches] == [anh.customer_id]


def test_the_last_digits_of_a_phone_give_the_pick_list(till: Till, enrol: Enrol) -> None:
    a = enrol("Nguyễn Thị Ánh", phone="0912 345 678")
    b = enrol("Trần Văn Bảo", phone="0987 345 678")
    enrol("Lê Văn Bình", phone="0903 111 222")
    six = customers.find(till, "345678")
    assert six.via == "phone_tail" and not six.identified  # may earn, never spend
    assert [m.customer_id for m in six.matches] == [a.customer_id, b.customer_id]
    assert six.matches[0].phone == "+84912345678"
    assert [m.customer_id for m in customers.find(till, "5678").matches] == [a.customer_id, b.customer_id]
    assert [m.customer_id for m in customers.find(till, "2 345 678").matches] == [a.customer_id]
    assert customers.find(till, "9999").matches == []
    # A whole number and a card still go straight to the one member.
    assert [m.customer_id for m in customers.find(till, "0912 345 678").matches] == [a.customer_id]
    assert customers.find(till, a.payload).identified
