"""Every dashboard figure and segment against the hand-made chain (``chain.py``).

The expected numbers are worked out by hand from the table in ``chain.py``; the
comments show the sums. Period: the "last 30 days" preset on 30 November 2026
= 1..30 November, local days.
"""

from __future__ import annotations

import csv
import json
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest
from chain import NOW, Chain
from sqlalchemy import func, select, text
from sqlalchemy.exc import OperationalError

from app.core.errors import InvalidInput
from app.core.periods import period_for
from app.core.segments import Segment
from app.db.models import AuditLog, LedgerEntryRow, Setting
from app.services import segments
from app.services.reports.dashboard import Dashboard, dashboard
from app.services.reports.visits import read_transaction

ZONE = "Asia/Ho_Chi_Minh"


def nov30(chain: Chain, stores: frozenset[str] | None = None) -> Dashboard:
    return dashboard(chain.a, period_for("30d", NOW, ZONE), stores)


def test_the_30_day_preset_is_1_to_30_november_in_the_shop() -> None:
    p = period_for("30d", NOW, ZONE)
    assert (p.first_day, p.last_day) == (date(2026, 11, 1), date(2026, 11, 30))
    assert p.start.isoformat() == "2026-10-31T17:00:00+00:00"  # midnight in Hồ Chí Minh City
    assert period_for("month", NOW, ZONE).first_day == date(2026, 11, 1)
    assert period_for("7d", NOW, ZONE).first_day == date(2026, 11, 24)
    assert period_for("today", NOW, ZONE).first_day == date(2026, 11, 30)
    with pytest.raises(InvalidInput):
        period_for("custom", NOW, ZONE, first=date(2026, 11, 5), last=date(2026, 11, 1))


def test_members_visits_and_repeat_rate_for_the_chain(chain: Chain) -> None:
    d = nov30(chain)
    assert d.members_total == 19  # 20 rows, Uyên (m20) merged away; blocked Long still a member
    assert d.members_new == 3  # Chi 5/11, Hà 12/11, Oanh 20/11
    # Visits: An 3, Chi 1, Dũng 3, Hạnh 1 (6/11 refunded in full), Hùng 4, Lan 1, Long 1, Mai 5,
    # Nam 1, Oanh 1, Sương 2, Tâm 1 = 24 by 12 members; Linh's sale was voided.
    assert (d.visits, d.visiting_members) == (24, 12)
    assert d.repeat_rate == pytest.approx(17 / 24)  # An 3 + Dũng 3 + Hùng 4 + Mai 5 + Sương 2
    assert d.visits_per_active == pytest.approx(2.0)
    assert d.active_30 == 12
    assert d.active_90 == 14  # + Giang (October) and Quân (20/9, 5/10); An's 30/8 is older


def test_points_liability_and_rewards_for_the_chain(chain: Chain) -> None:
    d = nov30(chain)
    # Earned in November 402 (An 30, Chi 40, Dũng 15, Hạnh 50, Hùng 40, Lan 20, Linh 5, Long 10,
    # Mai 50, Nam 25, Oanh 8, Sương 100, Tâm 9) + welcome 20 + correction +5
    # - taken back by the refunds and the void 40 (30 + 5 + 5) = 387.
    assert d.points_issued == 387
    assert d.points_redeemed == 110  # An 30 + Hùng 50 + Mai 30 + Nam 30 - Nam's undo 30
    assert d.points_expired == 15  # Hải
    assert d.redemption_rate == pytest.approx(110 / 387)
    # Balances: An 17, Bình 150, Chi 40, Dũng 15, Giang 30, Hạnh 15, Lan 120, Long 10, Mai 25,
    # Nam 50, Oanh 8, Phúc 10, Quân 30, Sương 120, Tâm 9 (Hà, Hải, Hùng, Linh 0) = 649.
    assert d.points_outstanding == 649
    # No pay-with-points: the best money per point of a fixed discount, 40.000 ₫ / 50 points.
    assert d.point_value.per_point == Fraction(800) and d.point_value.source == "rewards"
    assert d.liability == 519_200
    assert [(r.name, r.count) for r in d.top_rewards] == [("Giảm 20.000 ₫", 2), ("Giảm 40.000 ₫", 1)]


def test_tiers_receipts_ratings_and_tickets_for_the_chain(chain: Chain) -> None:
    d = nov30(chain)
    assert [(t.tier, t.members) for t in d.tiers_now] == [("Member", 17), ("Gold", 2)]  # Lan, Sương
    assert (d.tier_ups, d.tier_downs) == (2, 1)  # Lan and Sương up; Bình back to Member on 1/11
    # Member receipts A1 120k, A2 400k, A4 200k-50k, B1 100k, B2 700k (A3 refunded in full).
    assert (d.members.sales, d.members.spend, d.members.average_bill) == (5, 1_470_000, 294_000)
    # Non-member A5 55k-5k tip, A6 45k, A8 80k, B3 60k-20k, B4 30k (A7 voided, A9 in October).
    assert (d.non_members.sales, d.non_members.spend, d.non_members.average_bill) == (5, 245_000, 49_000)
    assert d.member_share_of_spend == pytest.approx(1470 / 1715)
    # Member revenue in the period: Sương 1.000k, Mai 500k, Chi 400k, Hùng 400k, An 300k, ... = 3.620k;
    # 12 spenders, the top 3 (20 % rounded up) spent 1.900k.
    assert (d.spending_members, d.top20_members) == (12, 3)
    assert d.top20_share == pytest.approx(1900 / 3620)
    assert (d.rating_average, d.ratings, d.rating_previous) == (4.0, 4, 3.5)
    assert d.open_tickets == 2
    assert d.complainants_returned is None or 0 <= d.complainants_returned <= 1


def test_the_outstanding_points_of_a_past_period_come_from_the_ledger(chain: Chain) -> None:
    d = dashboard(chain.a, period_for("custom", NOW, ZONE, first=date(2026, 11, 1), last=date(2026, 11, 15)))
    # Entries before 16/11: An 37, Bình 150, Chi 40, Dũng 10, Giang 30, Hùng 30, Lan 120, Long 10,
    # Mai 25, Nam 50, Phúc 10, Quân 30, Sương 90 (Hải, Hạnh, Linh back to 0; Oanh, Tâm not yet).
    assert d.points_outstanding == 632


def test_the_daily_series(chain: Chain) -> None:
    days = {x.day.day: x for x in nov30(chain).days}
    assert len(days) == 30
    assert (days[2].visits, days[2].points_issued, days[2].member_spend) == (3, 20, 100_000)  # Dũng x2, Mai
    assert (days[7].points_issued, days[7].member_spend) == (60, 700_000)  # Sương 70 + 20, Hạnh -30
    assert (days[12].visits, days[12].new_members, days[12].points_redeemed) == (1, 1, 0)  # Nam's undo
    assert (days[12].non_member_spend, days[12].rating) == (40_000, 2.0)
    assert days[30].visits == 1  # Mai at 08:00
    assert sum(x.visits for x in days.values()) == 24


def test_the_same_figures_for_store_a_only(chain: Chain) -> None:
    d = nov30(chain, frozenset({chain.store_a}))
    assert (d.members_total, d.members_new) == (12, 2)  # members who joined at store A
    # Visits made at store A: An 3, Chi 1, Dũng 2, Hạnh 1, Hùng 4, Lan 1, Long 1, Tâm 1 (a B member).
    assert (d.visits, d.visiting_members, d.active_30, d.active_90) == (14, 8, 8, 9)
    assert d.repeat_rate == pytest.approx(9 / 14)
    assert (d.points_issued, d.points_redeemed, d.points_expired) == (174, 80, 15)  # 214 - 40
    assert d.points_outstanding == 397  # store A's members
    assert d.liability == 317_600
    assert [(t.tier, t.members) for t in d.tiers_now] == [("Member", 11), ("Gold", 1)]
    assert (d.tier_ups, d.tier_downs) == (1, 1)
    assert (d.members.sales, d.members.spend) == (3, 670_000)
    assert (d.non_members.sales, d.non_members.spend) == (3, 175_000)
    assert d.top20_share == pytest.approx(800 / 1740)  # Chi 400k + Hùng 400k of 1.740k
    assert (d.rating_average, d.rating_previous, d.open_tickets) == (4.5, 3.0, 1)


EXPECTED_SEGMENTS = {
    "m01": {"regular"},
    "m02": {"lapsed", "birthday", "vip"},  # last visit 1 July; 1.500k in 12 months
    "m03": {"new"},
    "m04": {"new", "birthday"},
    "m05": {"regular", "at_risk"},  # weekly in October, 46 days since
    "m06": set(),  # joined 12/11, never bought
    "m07": {"lapsed", "birthday"},
    "m08": {"new"},  # the refunded sale was no first visit: 16/11 was
    "m09": {"regular"},
    "m10": {"vip", "big_first"},  # 1.000k first bill
    "m11": set(),  # the voided sale
    "m13": {"new", "birthday"},
    "m14": set(),
    "m15": {"new"},
    "m16": {"lapsed"},
    "m17": {"regular", "at_risk"},  # a fortnight apart, then 56 days
    "m18": {"new", "vip", "big_first"},  # 700k first bill
    "m19": {"new", "birthday"},
}  # m12 blocked and m20 merged are in no segment


def test_every_members_segments(chain: Chain) -> None:
    rep = segments.report(chain.a)
    got = {m.customer_id: {s.value for s in m.segments} for m in rep.members}
    assert got == EXPECTED_SEGMENTS
    # VIP: top 3 of 15 spenders (Bình 1.500k, Lan 1.200k, Sương 1.000k); big first bill: top 2 of 16.
    assert (rep.limits.vip_spend, rep.limits.big_first_bill) == (1_000_000, 700_000)
    assert rep.counts() == {
        Segment.NEW: 7,
        Segment.REGULAR: 4,
        Segment.VIP: 3,
        Segment.AT_RISK: 2,
        Segment.LAPSED: 3,
        Segment.BIG_FIRST: 2,
        Segment.BIRTHDAY: 5,
    }


def test_filters_by_area_age_and_gender(chain: Chain) -> None:
    thu_duc = segments.report(chain.a, filters=segments.SegmentFilter(area="thủ đức"))
    assert sorted(m.customer_id for m in thu_duc.members) == ["m13", "m14", "m15", "m18"]
    assert thu_duc.count(Segment.NEW) == 3
    young = segments.report(chain.a, filters=segments.SegmentFilter(age_band="25_34"))
    assert sorted(m.customer_id for m in young.members) == ["m06", "m08", "m10", "m11", "m13", "m18"]
    men = segments.report(chain.a, filters=segments.SegmentFilter(gender="M"))
    assert sorted(m.customer_id for m in men.members) == ["m02", "m04", "m07", "m09", "m14", "m16", "m17", "m19"]
    assert sorted(m.customer_id for m in men.members_in(Segment.LAPSED)) == ["m02", "m07", "m16"]  # all men
    assert men.count(Segment.NEW) == 2  # Dũng, Tâm


def test_a_longer_lapsed_setting_moves_members_out(chain: Chain) -> None:
    segments.set_lapsed_days(chain.a, 200, by=chain.owner)
    rep = segments.report(chain.a)
    # Bình (152 days) is no longer lapsed but overdue (61-day interval): at risk; Phúc 274, Hải 547 stay.
    assert sorted(m.customer_id for m in rep.members_in(Segment.LAPSED)) == ["m07", "m16"]
    assert "m02" in [m.customer_id for m in rep.members_in(Segment.AT_RISK)]
    with pytest.raises(InvalidInput):
        segments.set_lapsed_days(chain.a, 3, by=chain.owner)


def test_segment_of_one_member_uses_the_same_rules(chain: Chain) -> None:
    segments.report(chain.a)  # remembers the chain-wide cut-offs
    assert segments.segment_of(chain.a, "m05").primary is Segment.AT_RISK
    assert segments.segment_of(chain.a, "m10").segments == {Segment.VIP, Segment.BIG_FIRST}
    assert segments.segment_of(chain.a, "m02").primary is Segment.BIRTHDAY
    assert segments.segment_of(chain.a, "m06").primary is None


CAMPAIGNS = {
    # Only members with marketing consent: Dũng (birthday) and Lan (VIP) said no.
    "birthday": [
        ["Dương Thị Mai", "+84912000013", "yes", "birthday", "2026-11-30"],
        ["Phan Văn Tâm", "+84912000019", "yes", "birthday", "2026-11-18"],
        ["Trần Văn Bình", "+84912000002", "yes", "birthday", "2026-07-01"],
        ["Võ Văn Hải", "+84912000007", "yes", "birthday", "2025-06-01"],
    ],
    "winback": [
        ["Đinh Văn Quân", "+84912000017", "yes", "at_risk", "2026-10-05"],
        ["Hoàng Thị Giang", "+84912000005", "yes", "at_risk", "2026-10-15"],
        ["Trần Văn Bình", "+84912000002", "yes", "lapsed", "2026-07-01"],
        ["Trương Văn Phúc", "+84912000016", "yes", "lapsed", "2026-03-01"],
        ["Võ Văn Hải", "+84912000007", "yes", "lapsed", "2025-06-01"],
    ],
    "vip": [
        ["Lâm Thị Sương", "+84912000018", "yes", "vip", "2026-11-21"],
        ["Trần Văn Bình", "+84912000002", "yes", "vip", "2026-07-01"],
    ],
}


@pytest.mark.parametrize("campaign", sorted(CAMPAIGNS))
def test_campaign_lists_are_written_and_audited(chain: Chain, tmp_path: Path, campaign: str) -> None:
    path = tmp_path / f"{campaign}.csv"
    assert segments.export_campaign(chain.a, campaign, path, by=chain.owner) == len(CAMPAIGNS[campaign])
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["name", "phone", "consent", "segment", "last_visit"]
    assert rows[1:] == CAMPAIGNS[campaign]
    with chain.a.transaction() as s:
        log = s.scalars(select(AuditLog).where(AuditLog.action == "campaign.export")).one()
        assert (log.subject, log.staff_id) == (campaign, chain.owner.id)
        assert json.loads(log.after)["members"] == len(CAMPAIGNS[campaign])


def test_an_unknown_campaign_is_refused(chain: Chain, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        segments.export_campaign(chain.a, "everyone", tmp_path / "x.csv", by=chain.owner)
    assert not (tmp_path / "x.csv").exists()


@pytest.mark.parametrize("segment", list(Segment))
def test_the_quick_count_agrees_with_the_report(chain: Chain, segment: Segment) -> None:
    assert segments.count(chain.a, segment) == segments.report(chain.a).count(segment)


def test_a_report_never_holds_the_tills_write_lock(chain: Chain) -> None:
    """The cashier's award must not wait on the manager's dashboard (every till write is BEGIN IMMEDIATE)."""
    with read_transaction(chain.a) as report:
        assert report.scalar(select(func.count()).select_from(LedgerEntryRow)) == 57  # the chain's entries
        with chain.a.transaction() as s:  # would wait, then fail with "database is locked"
            s.add(Setting(key="test.during_report", value="1"))
        # The report still reads its own snapshot: the write made meanwhile is not in it.
        assert report.get(Setting, "test.during_report") is None
    with read_transaction(chain.a) as report, pytest.raises(OperationalError):
        report.execute(text("DELETE FROM setting"))  # a report connection cannot write
