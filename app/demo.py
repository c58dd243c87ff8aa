"""Demo data, so a newcomer who starts the till sees a working café at once.

Everything goes through the real services (enrol, award, redeem), so the demo
ledger is a real ledger: hash-chained, with balances that rebuild exactly.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from app.core.earning import Bill
from app.core.lifecycle import Birthday
from app.core.program import worked_example_program
from app.core.rewards import Period, Reward, RewardKind
from app.db.models import Staff
from app.services import awards, catalog, customers, redemption, staff
from app.services.pos_bridge import FolderConfig, configure_folders
from app.services.till import Till

OWNER_PIN, MANAGER_PIN, CASHIER_PIN = "1234", "2580", "1111"

NAMES = [
    "Nguyễn Thị Ánh",
    "Trần Văn Bình",
    "Lê Thị Cúc",
    "Phạm Minh Đức",
    "Hoàng Thu Hà",
    "Vũ Quốc Huy",
    "Đặng Thị Lan",
    "Bùi Văn Long",
    "Đỗ Thị Mai",
    "Hồ Quang Nam",
    "Ngô Thị Ngọc",
    "Dương Văn Phúc",
    "Lý Thị Quỳnh",
    "Phan Thanh Sơn",
    "Trịnh Thị Thảo",
    "Mai Văn Tuấn",
    "Cao Thị Uyên",
    "Võ Đình Việt",
    "Tạ Thị Xuân",
    "Lâm Hoàng Yến",
    "Nguyễn Văn An",
    "Trần Thị Bích",
    "Lê Hoàng Chi",
    "Phạm Thị Dung",
    "Hoàng Văn Giang",
    "Vũ Thị Hạnh",
    "Đặng Minh Khoa",
    "Bùi Thị Linh",
    "Đỗ Văn Mạnh",
    "Hồ Thị Nga",
    "Ngô Quang Oanh",
    "Dương Thị Phương",
    "Lý Văn Quang",
    "Phan Thị Rạng",
    "Trịnh Văn Sang",
    "Mai Thị Tâm",
    "Cao Văn Thắng",
    "Võ Thị Trang",
    "Tạ Văn Trung",
    "Lâm Thị Vân",
]


@dataclass(frozen=True)
class DemoInfo:
    owner_pin: str
    manager_pin: str
    cashier_pin: str
    sample_payload: str  # a member's card QR payload, to try a "scan" by pasting it
    sample_phone: str


def is_seeded(till: Till) -> bool:
    with till.transaction() as s:
        return bool(s.scalar(select(func.count()).select_from(Staff)))


def seed(till: Till, *, customers_count: int = 40, seed_value: int = 7) -> DemoInfo:
    """Staff, a program with a Gold tier and happy hour, rewards, and members with a few months of visits."""
    rng = random.Random(seed_value)
    real_clock = till.clock
    owner = staff.add_staff(till, name="Chị Hoa", role="owner", pin=OWNER_PIN)
    staff.add_staff(till, name="Anh Minh", role="manager", pin=MANAGER_PIN, by=owner)
    cashier = staff.add_staff(till, name="Lan", role="cashier", pin=CASHIER_PIN, by=owner)
    program = replace(
        worked_example_program(),
        name="Cà Phê Demo",
        birthday_points=20,
        referral_new_points=10,
        referral_referrer_points=10,
        point_value=1_000,
    )
    catalog.publish_program(till, program, by=owner)
    rewards = [
        Reward(id="", name="Cà phê sữa đá miễn phí", kind=RewardKind.FREE_ITEM, cost_full_card=True, item_sku="CF01"),
        Reward(id="", name="Giảm 20.000 ₫", kind=RewardKind.FIXED_DISCOUNT, cost_points=30, value=20_000),
        Reward(id="", name="Bánh ngọt miễn phí", kind=RewardKind.FREE_ITEM, cost_points=50, item_sku="BK01"),
        Reward(
            id="",
            name="Giảm 10% (tối đa 50.000 ₫)",
            kind=RewardKind.PERCENT_DISCOUNT,
            cost_points=80,
            value=10,
            cap=50_000,
            min_tier="Gold",
            limit_count=1,
            limit_period=Period.WEEK,
        ),
        Reward(id="", name="Dùng điểm trả tiền", kind=RewardKind.POINTS_PAYMENT),
    ]
    saved = [catalog.save_reward(till, r, by=owner, sort=i) for i, r in enumerate(rewards)]
    now = real_clock()
    first = None
    try:
        for i, name in enumerate(NAMES[:customers_count]):
            start = now - timedelta(days=rng.randint(20, 200), hours=rng.randint(0, 10))
            till.clock = lambda start=start: start
            phone = f"09{rng.randint(10, 99)}{rng.randint(100000, 999999)}"
            bday = Birthday(rng.randint(1, 28), rng.randint(1, 12)) if i % 3 else None
            if i == 0:
                phone, bday = "0912345678", None
            enrolled = customers.enroll(till, name=name, phone=phone, staff=cashier, birthday=bday)
            first = first or enrolled
            visits = rng.randint(0, 14) if i else 6
            at = start
            for _ in range(visits):
                at += timedelta(days=rng.randint(1, 12), minutes=rng.randint(0, 300))
                if at >= now:
                    break
                till.clock = lambda at=at: at
                amount = rng.choice([35_000, 45_000, 55_000, 65_000, 89_000, 125_000, 150_000, 240_000])
                awards.award(till, enrolled.customer_id, Bill(paid=amount), staff=cashier)
                if rng.random() < 0.15:
                    view = customers.view(till, enrolled.customer_id)
                    affordable = [r for r in view.available_now if r.kind is not RewardKind.POINTS_PAYMENT]
                    if affordable:
                        redemption.redeem(
                            till, enrolled.customer_id, affordable[0].id, staff=cashier, identified=True, bill=amount
                        )
    finally:
        till.clock = real_clock
    # A watched POS export folder in the till's home: drop a generic export (for instance
    # assets/samples/generic/receipts.csv) into it and its receipts reach the cashier window.
    home = Path(till.engine.url.database or ".").resolve().parent
    configure_folders(till, [FolderConfig(str(home / "pos-exports"))])
    _write_todays_export(home / "pos-exports", now)
    assert first is not None and saved
    return DemoInfo(OWNER_PIN, MANAGER_PIN, CASHIER_PIN, first.payload, "0912 345 678")


def _write_todays_export(folder: Path, now: datetime) -> None:
    """Three sales from the POS this morning that named no member: the cashier attaches them (F7)."""
    folder.mkdir(parents=True, exist_ok=True)
    local_now = now.astimezone(ZoneInfo("Asia/Ho_Chi_Minh"))
    rows = ["receipt_id,closed_at,total,line_name,line_category,line_qty,line_unit_price"]
    for i, (minutes, total, item) in enumerate(
        [(50, 65_000, "Cà phê sữa đá"), (35, 45_000, "Trà đào cam sả"), (10, 89_000, "Bánh mì trứng")]
    ):
        at = (local_now - timedelta(minutes=minutes)).strftime("%Y-%m-%d %H:%M")
        rows.append(f"DEMO-{local_now:%m%d}-{i + 1},{at},{total},{item},Demo,1,{total}")
    (folder / f"demo-{local_now:%Y%m%d}.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
