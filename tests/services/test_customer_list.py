"""The back office's customer list and page, and the manager's changes to a member: on a real till."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select

from app import cli
from app.core.earning import Bill
from app.core.errors import BadCardCode, Duplicate, InvalidInput, NotAllowed, NotFound, PermissionDenied
from app.core.lifecycle import Birthday
from app.db.models import AuditLog, Customer, CustomerWord, phone_tail_rev
from app.services import awards, corrections, customer_list, customer_page, customers, merges, name_words, profiles
from app.services.customer_list import SearchBy, Sort
from app.services.staff import StaffMember
from app.services.till import Till


@pytest.fixture
def shop(till: Till, enrol: Callable[..., customers.Enrolled], cashier: StaffMember) -> dict[str, str]:
    ids = {
        "anh": enrol("Nguyễn Thị Ánh", phone="0912 345 678").customer_id,
        "an": enrol("Nguyễn Văn An", phone="0903 115 678").customer_id,
        "binh": enrol("Trần Văn Bình", phone="0987 654 321").customer_id,
        "dung": enrol("Đặng Thị Dung", phone="0933 333 333").customer_id,
    }
    awards.award(till, ids["binh"], Bill(paid=500_000), staff=cashier)  # 50 points
    awards.award(till, ids["anh"], Bill(paid=120_000), staff=cashier)  # 12 points
    return ids


def names(rows: list[customer_list.CustomerListRow]) -> list[str]:
    return [r.name for r in rows]


def test_queries_mean_what_staff_type() -> None:
    assert customer_list.parse_query("5678") == customer_list.Search(SearchBy.PHONE_TAIL, "5678")
    assert customer_list.parse_query("0912 345 678").by is SearchBy.PHONE
    assert customer_list.parse_query("8049122404").by is SearchBy.CARD  # a card number never starts with 0
    assert customer_list.parse_query("Thị ÁNH").words == ("anh", "thi")
    assert customer_list.parse_query("").by is SearchBy.ALL
    with pytest.raises(InvalidInput, match="at least 4 digits"):
        customer_list.parse_query("56")
    with pytest.raises(InvalidInput, match="two letters"):
        customer_list.parse_query("a")


def test_the_phone_tail_search_reads_its_index(till: Till, shop: dict[str, str]) -> None:
    """The tail's range is read off ``ix_customer_phone_tail_rev``, an index on the expression (0014):
    SQLite uses it only when the query writes the very same expression (https://www.sqlite.org/expridx.html)."""
    rev = phone_tail_rev()
    q = select(Customer.id).where(rev >= "8765", rev < "8765:")
    sql = str(q.compile(dialect=till.engine.dialect, compile_kwargs={"literal_binds": True}))
    with till.engine.connect() as conn:
        plan = [r[3] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql)]
    assert plan == ["SEARCH customer USING INDEX ix_customer_phone_tail_rev (<expr>>? AND <expr><?)"], plan


def test_search_by_phone_tail_name_words_and_card(till: Till, shop: dict[str, str]) -> None:
    assert names(customer_list.customer_page(till, "5678")) == ["Nguyễn Thị Ánh", "Nguyễn Văn An"]
    assert names(customer_list.customer_page(till, "345678")) == ["Nguyễn Thị Ánh"]
    assert names(customer_list.customer_page(till, "2345678")) == ["Nguyễn Thị Ánh"]  # 7 digits: tail + suffix
    assert names(customer_list.customer_page(till, "0912.345.678")) == ["Nguyễn Thị Ánh"]
    # Words in any order, without diacritics, prefixes of words: the given name comes last in Vietnamese.
    assert names(customer_list.customer_page(till, "anh")) == ["Nguyễn Thị Ánh"]
    assert names(customer_list.customer_page(till, "thi nguyen")) == ["Nguyễn Thị Ánh"]
    assert names(customer_list.customer_page(till, "dang")) == ["Đặng Thị Dung"]  # đ is d
    assert names(customer_list.customer_page(till, "an")) == ["Nguyễn Thị Ánh", "Nguyễn Văn An"]
    card = customers.view(till, shop["binh"]).card_number
    assert names(customer_list.customer_page(till, card)) == ["Trần Văn Bình"]
    assert customer_list.customer_count(till, "nguyen") == 2 and customer_list.customer_count(till) == 4


def test_common_words_walk_the_sorted_index_with_the_same_answer(
    till: Till, shop: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = {q: names(customer_list.customer_page(till, q)) for q in ("an", "thi nguyen", "dang", "zz")}
    monkeypatch.setattr(customer_list, "COMMON_WORD", 0)  # as if every word were in a third of the names
    assert {q: names(customer_list.customer_page(till, q)) for q in expected} == expected
    assert expected["an"] == ["Nguyễn Thị Ánh", "Nguyễn Văn An"] and expected["zz"] == []


def test_sorted_in_sql_and_paged(till: Till, shop: dict[str, str]) -> None:
    by_points = customer_list.customer_page(till, sort=Sort.POINTS, descending=True)
    assert [(r.name, r.points) for r in by_points[:2]] == [("Trần Văn Bình", 50), ("Nguyễn Thị Ánh", 12)]
    assert by_points[0].visits == 1 and by_points[0].lifetime_spend == 500_000 and by_points[0].last_visit_at
    first, second = (customer_list.customer_page(till, offset=i, limit=2) for i in (0, 2))
    assert names(first) + names(second) == ["Đặng Thị Dung", "Nguyễn Thị Ánh", "Nguyễn Văn An", "Trần Văn Bình"]
    assert list(customer_list.every_customer(till)) == first + second  # the export streams the same rows
    assert names(list(customer_list.every_customer(till, "nguyen", Sort.POINTS, descending=True))) == [
        "Nguyễn Thị Ánh",
        "Nguyễn Văn An",
    ]


def test_a_merged_away_member_leaves_the_list_and_its_card_finds_the_survivor(
    till: Till, shop: dict[str, str], manager: StaffMember
) -> None:
    old_card = customers.view(till, shop["an"]).card_number
    merges.merge(till, shop["anh"], shop["an"], manager=manager, reason="cùng một người")
    assert names(customer_list.customer_page(till, "5678")) == ["Nguyễn Thị Ánh"]
    assert customers.find(till, old_card).matches[0].customer_id == shop["anh"]
    page = customer_page.profile(till, shop["anh"])
    assert [m.id for m in page.merged_in] == [shop["an"]]
    assert {h.card for h in page.history} == {customers.view(till, shop["anh"]).card_number, old_card}
    with pytest.raises(NotAllowed, match="already merged"):
        merges.merge(till, shop["binh"], shop["an"], manager=manager, reason="x")


def test_the_name_index_kept_by_the_writers_equals_a_rebuild(
    till: Till, shop: dict[str, str], manager: StaffMember
) -> None:
    profiles.edit_profile(
        till, shop["an"], profiles.ProfileEdit(name="Nguyễn Văn Ân Hoà", phone="0903 115 678"), manager=manager,
        reason="khách sửa tên",
    )  # fmt: skip
    with till.transaction() as s:
        kept = name_words.indexed(s)
        name_words.rebuild(s)
        assert name_words.indexed(s) == kept
    assert names(customer_list.customer_page(till, "hoa")) == ["Nguyễn Văn Ân Hoà"]


def test_the_page_tells_the_history_in_full(till: Till, shop: dict[str, str], manager: StaffMember) -> None:
    sale = awards.award(till, shop["dung"], Bill(paid=80_000), staff=None)
    corrections.reverse(till, sale.earn.id, manager=manager, reason="khách trả hàng")
    corrections.adjust(till, shop["dung"], points=5, reason="xin lỗi", manager=manager)
    page = customer_page.profile(till, shop["dung"])
    assert [h.kind for h in page.history] == ["adjust", "reverse", "earn", "bonus"]
    earn = page.history[2]
    assert earn.reversed and earn.amount == 80_000 and earn.store and earn.till and earn.own_till
    assert page.history[0].staff == manager.name and page.history[0].reason == "xin lỗi"
    assert page.balance.points == 5


def test_profile_edit_and_a_new_card(
    till: Till, shop: dict[str, str], manager: StaffMember, cashier: StaffMember, snapshot: Callable[[], Any]
) -> None:
    before = snapshot()
    edit = profiles.ProfileEdit(name="Trần Văn Bình", phone="0912 345 678")  # Ánh's number
    with pytest.raises(Duplicate):
        profiles.edit_profile(till, shop["binh"], edit, manager=manager, reason="sửa")
    with pytest.raises(PermissionDenied):
        profiles.replace_card(till, shop["binh"], manager=cashier, reason="mất thẻ")
    with pytest.raises(InvalidInput, match="Say why"):
        profiles.replace_card(till, shop["binh"], manager=manager, reason=" ")
    assert snapshot() == before  # refused: nothing changed

    profiles.edit_profile(
        till, shop["binh"],
        profiles.ProfileEdit(name="Trần Văn Bình", phone="0987 654 321", birthday=Birthday(2, 9, 1990), area="Q1"),
        manager=manager, reason="khách cho ngày sinh",
    )  # fmt: skip
    page = customer_page.profile(till, shop["binh"])
    assert page.birthday == "02/09/1990" and page.area == "Q1"

    old = customers.view(till, shop["binh"]).card_number
    new = profiles.replace_card(till, shop["binh"], manager=manager, reason="mất thẻ")
    assert new.old_number == old and new.card_number != old
    assert customers.find(till, new.payload).matches[0].customer_id == shop["binh"]
    with pytest.raises(BadCardCode, match="was replaced by a new card"):
        customers.find(till, old)
    with till.transaction() as s:
        actions = [a.action for a in s.scalars(select(AuditLog).where(AuditLog.subject == shop["binh"]))]
    assert actions[-2:] == ["customer.edit", "customer.new_card"]
    with pytest.raises(NotFound):
        profiles.replace_card(till, "nobody", manager=manager, reason="x")


def test_the_rebuild_command_restores_a_lost_name_index(
    till: Till, shop: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with till.transaction() as s:
        kept = name_words.indexed(s)
        s.execute(delete(CustomerWord))  # as after a bulk load straight into SQL
    assert customer_list.customer_page(till, "anh") == []
    assert cli.main(["--home", str(tmp_path / "home"), "rebuild-search"]) == 0
    assert "had drifted" in capsys.readouterr().out
    with till.transaction() as s:
        assert name_words.indexed(s) == kept
    assert names(customer_list.customer_page(till, "anh")) == ["Nguyễn Thị Ánh"]
    assert cli.main(["--home", str(tmp_path / "home"), "rebuild-search"]) == 0
    assert "up to date" in capsys.readouterr().out
