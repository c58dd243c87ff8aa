"""A small hand-made chain for the back office's figures (issue 8, "Done means").

Two stores (Quận 1 = the till's own store "A", Quận 3 = "B" with its own till),
twenty members, earns with hand-set points, redemptions (one reversed), a full
refund, a partial refund, a void, an expiry, a bonus, two manager corrections,
three tier moves, member and non-member POS receipts (a refund, a void, a tip),
ratings and tickets. Entries go through ``ledger_writer`` (the ledger's only
writer); members, receipts, ratings and tickets are plain rows as the enrolment,
the POS bridge and the feedback screen leave them (receipts tell the summary
tables of ``app.services.stats``, as the bridge does).

``NOW`` is Monday 30 November 2026, 10:00 in the shop; the test period is the
"last 30 days" preset: 1 to 30 November (local days). Every expected figure is
worked out by hand in the tests, from the table below.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from app.bootstrap import open_till
from app.core.cardcode import make_card_number
from app.core.ids import new_id
from app.core.ledger import EntryKind, LedgerEntry
from app.core.program import worked_example_program
from app.core.rewards import Reward, RewardKind
from app.db.models import Customer, Feedback, Receipt, Store, Terminal, Ticket
from app.services import catalog, ledger_writer, stats
from app.services.staff import StaffMember, add_staff
from app.services.till import Till

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
OWNER_PIN = "86420135"
MANAGER_PIN = "97531864"
CASHIER_PIN = "24681357"


def vn(y: int, m: int, d: int, h: int = 10, minute: int = 0) -> datetime:
    return datetime(y, m, d, h, minute, tzinfo=ZONE).astimezone(UTC)


def nov(d: int, h: int = 10) -> datetime:
    return vn(2026, 11, d, h)


NOW = nov(30, 10)

# id: (name, home store, enrolled, gender, area, birth year, birthday month, consent, status)
MEMBERS: dict[str, tuple[str, str, datetime, str | None, str | None, int | None, int | None, bool, str]] = {
    "m01": ("Nguyễn Thị An", "A", vn(2025, 6, 1), "F", "Quận 1", 1990, 3, True, "active"),
    "m02": ("Trần Văn Bình", "A", vn(2026, 1, 10), "M", "Quận 1", 1985, 11, True, "active"),
    "m03": ("Lê Thị Chi", "A", nov(5, 9), "F", "Quận 3", 2003, 12, True, "active"),
    "m04": ("Phạm Văn Dũng", "A", vn(2026, 2, 1), "M", "Quận 1", 1970, 11, False, "active"),
    "m05": ("Hoàng Thị Giang", "A", vn(2026, 4, 1), "F", None, None, None, True, "active"),
    "m06": ("Vũ Thị Hà", "A", nov(12), "F", "Quận 1", 1998, None, True, "active"),
    "m07": ("Võ Văn Hải", "A", vn(2025, 1, 1), "M", "Quận 5", 1960, 11, True, "active"),
    "m08": ("Đặng Thị Hạnh", "A", vn(2026, 3, 1), "F", "Quận 1", 1995, None, True, "active"),
    "m09": ("Bùi Văn Hùng", "A", vn(2025, 12, 1), "M", "Quận 3", 1980, None, True, "active"),
    "m10": ("Đỗ Thị Lan", "A", vn(2026, 6, 1, 9), "F", "Quận 1", 2001, None, False, "active"),
    "m11": ("Hồ Thị Linh", "A", vn(2026, 10, 25), "F", "Quận 1", 1999, None, True, "active"),
    "m12": ("Ngô Văn Long", "A", vn(2024, 5, 1), "M", "Quận 7", 1975, None, True, "blocked"),
    "m13": ("Dương Thị Mai", "B", vn(2026, 7, 1), "F", "Thủ Đức", 1992, 11, True, "active"),
    "m14": ("Lý Văn Nam", "B", vn(2026, 8, 30, 9), "M", "Thủ Đức", 1988, None, True, "active"),
    "m15": ("Mai Thị Oanh", "B", nov(20, 9), "F", "Thủ Đức", 2005, None, False, "active"),
    "m16": ("Trương Văn Phúc", "B", vn(2026, 2, 1), "M", "Bình Thạnh", 1965, None, True, "active"),
    "m17": ("Đinh Văn Quân", "B", vn(2026, 5, 1), "M", "Bình Thạnh", 1983, None, True, "active"),
    "m18": ("Lâm Thị Sương", "B", vn(2026, 8, 1), "F", "Thủ Đức", 1997, None, True, "active"),
    "m19": ("Phan Văn Tâm", "B", vn(2026, 10, 1), "M", None, None, 11, True, "active"),
    "m20": ("Tô Thị Uyên", "B", vn(2026, 9, 15), "F", "Thủ Đức", 1994, None, False, "merged"),
}


@dataclass
class Chain:
    home: Path
    a: Till  # the till the back office runs on (store A)
    b: Till  # store B's till, writing into the same database (as if synced)
    owner: StaffMember
    rewards: dict[str, str]  # "R1" / "R2" / "R3" -> reward id
    store_a: str
    store_b: str


def build(home: Path) -> Chain:
    a = open_till(home, store_name="Quận 1")
    a.clock = lambda: NOW
    owner = add_staff(a, name="Chị Hoa", role="owner", pin=OWNER_PIN)
    add_staff(a, name="Anh Minh", role="manager", pin=MANAGER_PIN, by=owner)
    add_staff(a, name="Em Lan", role="cashier", pin=CASHIER_PIN, by=owner)
    catalog.publish_program(a, replace(worked_example_program(), name="Cà Phê Demo"), by=owner)
    a.reload_program()
    rewards = {}
    for key, reward in (
        ("R1", Reward(id="", name="Giảm 20.000 ₫", kind=RewardKind.FIXED_DISCOUNT, cost_points=30, value=20_000)),
        ("R2", Reward(id="", name="Giảm 40.000 ₫", kind=RewardKind.FIXED_DISCOUNT, cost_points=50, value=40_000)),
        ("R3", Reward(id="", name="Bánh ngọt miễn phí", kind=RewardKind.FREE_ITEM, cost_points=50)),
    ):
        rewards[key] = catalog.save_reward(a, reward, by=owner).id
    store_b, term_b = "store-b", "till-b"
    with a.transaction() as s:
        s.add(Store(id=store_b, name="Quận 3", timezone="Asia/Ho_Chi_Minh", currency="VND"))
        s.flush()
        s.add(Terminal(id=term_b, store_id=store_b, name="Till Q3"))
    b = Till(engine=a.engine, terminal_id=term_b, store_id=store_b, card_key=a.card_key, clock=lambda: NOW)
    stores = {"A": a.store_id, "B": store_b}
    with a.transaction() as s:
        for i, (cid, (name, home_store, enrolled, gender, area, year, month, consent, status)) in enumerate(
            MEMBERS.items(), start=1
        ):
            s.add(
                Customer(
                    id=cid,
                    card_number=make_card_number(i),
                    phone=f"+8491200{i:04d}",
                    name=name,
                    name_key=name.lower(),
                    birthday_day=15 if month else None,
                    birthday_month=month,
                    birthday_year=year,
                    gender=gender,
                    area=area,
                    marketing_consent=consent,
                    referral_code=f"REF{i:03d}",
                    enrolled_at=enrolled,
                    enrolled_store=stores[home_store],
                    status=status,
                    merged_into="m18" if status == "merged" else None,
                    updated_at=enrolled,
                )
            )
    tills = {"A": a, "B": b}

    def put(store: str, cid: str, kind: EntryKind, at: datetime, **fields: object) -> LedgerEntry:
        t = tills[store]
        with t.transaction() as s:
            return ledger_writer.append(s, ledger_writer.draft(t, cid, kind, at, **fields))

    def earn(store: str, cid: str, at: datetime, amount: int) -> LedgerEntry:
        pts = amount // 10_000
        return put(store, cid, EntryKind.EARN, at, points=pts, stamps=1, qualifying=pts, amount=amount)

    def redeem(store: str, cid: str, at: datetime, reward: str, points: int) -> LedgerEntry:
        return put(store, cid, EntryKind.REDEEM, at, points=-points, reward_id=rewards[reward])

    def reverse(store: str, e: LedgerEntry, at: datetime, *, amount: int | None = None, points: int | None = None):
        pts = -e.points if points is None else points
        stamps = -e.stamps if amount is None or amount == e.amount else 0
        return put(store, e.customer_id, EntryKind.REVERSE, at, points=pts, stamps=stamps, amount=amount, reverses=e.id)

    # m01: five visits, a redemption, a manager correction of -3.
    earn("A", "m01", vn(2026, 8, 30), 100_000)
    earn("A", "m01", vn(2026, 10, 1), 100_000)
    earn("A", "m01", nov(3), 120_000)
    earn("A", "m01", nov(10), 80_000)
    earn("A", "m01", nov(24), 100_000)
    redeem("A", "m01", nov(24, 11), "R1", 30)
    put("A", "m01", EntryKind.ADJUST, nov(11), points=-3, reason="nhập sai")
    # m02: three visits every two months, then gone; Gold in July, back to Member on 1 November.
    for month in (3, 5, 7):
        earn("A", "m02", vn(2026, month, 1), 500_000)
    put("A", "m02", EntryKind.TIER, vn(2026, 7, 1, 11), tier="Gold")
    put("A", "m02", EntryKind.TIER, nov(1, 1), tier="Member")
    # m03: one big first bill on the day she joined.
    earn("A", "m03", nov(5), 400_000)
    # m04: two visits on 2 November, one at store B on the 20th.
    earn("A", "m04", nov(2, 10), 60_000)
    earn("A", "m04", nov(2, 15), 40_000)
    earn("B", "m04", nov(20), 50_000)
    # m05: weekly in October, then nothing (at risk).
    for day in (1, 8, 15):
        earn("A", "m05", vn(2026, 10, day), 100_000)
    # m06: joined, never bought. m07: one visit in 2025; its points expired on 8 November.
    earn("A", "m07", vn(2025, 6, 1), 150_000)
    put("A", "m07", EntryKind.EXPIRE, nov(8), points=-15)
    # m08: a sale refunded in full, then a sale partly refunded.
    e = earn("A", "m08", nov(6), 300_000)
    reverse("A", e, nov(7), amount=300_000)
    e = earn("A", "m08", nov(16), 200_000)
    reverse("A", e, nov(17), amount=50_000, points=-5)
    # m09: every eight days; spends 50 points.
    earn("A", "m09", vn(2026, 10, 20), 100_000)
    for day in (1, 9, 17, 25):
        earn("A", "m09", nov(day), 100_000)
    redeem("A", "m09", nov(25, 11), "R2", 50)
    # m10: a big first bill in June, back in November and up to Gold.
    earn("A", "m10", vn(2026, 6, 1), 1_000_000)
    earn("A", "m10", nov(14), 200_000)
    put("A", "m10", EntryKind.TIER, nov(14, 11), tier="Gold")
    # m11: a sale voided at once. m12: blocked, one visit.
    e = earn("A", "m11", nov(4), 50_000)
    reverse("A", e, nov(4, 11))
    earn("A", "m12", nov(11), 100_000)
    # m13: every Monday at store B; spends 30 points; a +5 correction.
    for day in (2, 9, 16, 23):
        earn("B", "m13", nov(day), 100_000)
    earn("B", "m13", nov(30, 8), 100_000)
    redeem("B", "m13", nov(23, 11), "R1", 30)
    put("B", "m13", EntryKind.ADJUST, nov(10), points=5, reason="thẻ giấy cũ")
    # m14: two visits; a redemption undone the same day.
    earn("B", "m14", vn(2026, 8, 30), 250_000)
    earn("B", "m14", nov(12), 250_000)
    r = redeem("B", "m14", nov(12, 11), "R1", 30)
    reverse("B", r, nov(12, 12), points=30)
    # m15: new in November. m16: once in March. m17: twice a fortnight apart, then nothing.
    earn("B", "m15", nov(20), 80_000)
    earn("B", "m16", vn(2026, 3, 1), 100_000)
    earn("B", "m17", vn(2026, 9, 20), 150_000)
    earn("B", "m17", vn(2026, 10, 5), 150_000)
    # m18: a big first bill with a welcome bonus, a second visit, Gold.
    earn("B", "m18", nov(7), 700_000)
    put("B", "m18", EntryKind.BONUS, nov(7, 11), points=20, reason="welcome")
    earn("B", "m18", nov(21), 300_000)
    put("B", "m18", EntryKind.TIER, nov(21, 11), tier="Gold")
    # m19 (a store B member) visits store A.
    earn("A", "m19", nov(18), 90_000)

    with a.transaction() as s:

        def receipt(store: str, ext: str, at: datetime, total: int, *, kind: str = "sale", **kw: object) -> None:
            row = Receipt(
                id=new_id(),
                source="kiotviet",
                external_id=ext,
                store_id=stores[store],
                kind=kind,
                closed_at=at,
                total=total,
                subtotal=total,
                state=kw.pop("state", "claimed" if kw.get("customer_id") else "unclaimed"),
                **kw,
            )
            s.add(row)
            s.flush()
            # What the POS bridge tells the summary tables when it stores a receipt (app.services.receipts).
            if kind == "sale":
                stats.sales_added(s, [row])
            else:
                stats.refund_added(s, row)

        receipt("A", "A1", nov(3), 120_000, customer_id="m01")
        receipt("A", "A2", nov(5), 400_000, customer_id="m03")
        receipt("A", "A3", nov(6), 300_000, customer_id="m08")
        receipt("A", "A3r", nov(7), -300_000, kind="refund", refund_of="A3", customer_id="m08")
        receipt("A", "A4", nov(16), 200_000, customer_id="m08")
        receipt("A", "A4r", nov(17), -50_000, kind="refund", refund_of="A4", customer_id="m08")
        receipt("A", "A5", nov(3), 55_000, tip=5_000)
        receipt("A", "A6", nov(10), 45_000)
        receipt("A", "A7", nov(10), 100_000, state="ignored")
        receipt("A", "A7v", nov(10, 11), -100_000, kind="void", refund_of="A7", state="ignored")
        receipt("A", "A8", nov(20), 80_000, state="expired")
        receipt("A", "A9", vn(2026, 10, 31), 70_000)
        receipt("B", "B1", nov(2), 100_000, customer_id="m13")
        receipt("B", "B2", nov(7), 700_000, customer_id="m18")
        receipt("B", "B3", nov(12), 60_000)
        receipt("B", "B3r", nov(13), -20_000, kind="refund", refund_of="B3", state="ignored")
        receipt("B", "B4", nov(21), 30_000, state="ignored")

        for store, at, rating in (
            ("A", nov(3), 5),
            ("A", nov(10), 4),
            ("B", nov(12), 2),
            ("B", nov(21), 5),
            ("A", vn(2026, 10, 15), 3),
            ("B", vn(2026, 10, 20), 4),
            ("A", vn(2026, 10, 1), 1),
        ):
            row = Feedback(id=new_id(), store_id=stores[store], rating=rating, created_at=at)
            s.add(row)
            stats.ratings_added(s, [row])  # as the feedback screen does
        for store, status in (("A", "open"), ("B", "in_progress"), ("A", "resolved")):
            s.add(Ticket(id=new_id(), store_id=stores[store], subject="Cà phê nguội", status=status))
    return Chain(home, a, b, owner, rewards, a.store_id, store_b)
