"""The back office's summary tables (``app.services.stats``) against their recomputation.

The tables are kept by every write path in its own transaction; after any mix of
writes they must equal what ``rebuild`` computes from the ledger and the receipts.
The figures themselves are checked by hand in ``test_figures.py`` (which now reads
these tables).
"""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from chain import NOW, Chain
from sqlalchemy import func, select, text

from app.bootstrap import open_till
from app.core.cardcode import make_card_number
from app.core.earning import Bill
from app.core.ledger import NOT_A_VISIT, EntryKind, LedgerEntry
from app.core.periods import period_for
from app.core.receipt import Receipt, ReceiptKind
from app.core.segments import Segment
from app.db.models import PHONE_TAIL_REV, DayStoreStats, LedgerEntryRow, MemberDayStats, MemberStats, MemberStoreStats
from app.services import (
    awards,
    corrections,
    customers,
    feedback,
    housekeeping,
    ledger_writer,
    merges,
    receipts,
    redemption,
    segments,
    stats,
)
from app.services.reports.dashboard import dashboard
from sync.protocol import EntryRecord, FeedbackRecord, PullResponse
from sync.worker import ingest

ZONE = "Asia/Ho_Chi_Minh"


def differences(chain: Chain) -> list[str]:
    with chain.a.transaction() as s:
        return stats.differences(s)


def test_the_hand_made_chain_keeps_tables_equal_to_the_rebuild(chain: Chain) -> None:
    assert differences(chain) == []
    with chain.a.transaction() as s:
        # 24 November visits + 15 before; Hạnh's refunded sale and Linh's void are no visits.
        assert s.scalar(select(func.sum(DayStoreStats.visits))) == 39
        assert s.scalar(select(func.count()).select_from(MemberStats)) == 17  # members with a visit


def _pos(ext: str, total: int, *, card: str = "", kind: ReceiptKind = ReceiptKind.SALE, of: str = "", **kw: object):
    return Receipt(
        source="kiotviet",
        external_id=ext,
        store_id=kw.pop("store_id", ""),
        closed_at=NOW - timedelta(hours=2),
        total=total,
        kind=kind,
        customer_card=card,
        refund_of=of,
    )


def test_a_realistic_mix_of_writes_keeps_the_tables_equal_to_the_rebuild(chain: Chain) -> None:
    a, owner = chain.a, chain.owner
    with a.transaction() as s:
        before = stats.kept(s)
    redeemed_before = sum(
        n for (_, st, r), n in before.rewards.items() if (st, r) == (a.store_id, chain.rewards["R1"])
    )
    members_before = sum(n for (st, _), (n, _) in before.homes.items() if st == a.store_id)
    sale = awards.award(a, "m06", Bill(paid=150_000), staff=None).earn  # Hà's first visit
    awards.award(a, "m06", Bill(paid=60_000), staff=None)
    redemption.redeem(a, "m10", chain.rewards["R1"], staff=None, identified=True)
    undone = redemption.redeem(a, "m02", chain.rewards["R1"], staff=None, identified=True).entry
    corrections.reverse(a, undone.id, manager=owner, reason="khách đổi ý")  # no longer a redemption
    customers.enroll(a, name="Khách Mới", phone="0901234999", staff=None)  # a member with the welcome bonus
    corrections.reverse(a, sale.id, manager=owner, reason="bán nhầm")  # a void: the first visit goes
    later = awards.award(a, "m01", Bill(paid=300_000), staff=None).earn
    corrections.reverse(a, later.id, manager=owner, reason="trả một món", refunded_amount=100_000)
    # POS: a member's sale partly refunded, a non-member's sale voided, one claimed at the till.
    store = a.store_id
    summary = receipts.apply_receipts(
        a,
        [
            _pos("P1", 200_000, card=make_card_number(5), store_id=store),
            _pos("P2", 90_000, store_id=store),
            _pos("P3", 70_000, store_id=store),
            _pos("P1r", -50_000, kind=ReceiptKind.REFUND, of="P1", store_id=store),
            _pos("P2v", -90_000, kind=ReceiptKind.VOID, of="P2", store_id=store),
        ],
    )
    assert summary.awarded == 1
    receipts.claim(a, "m07", receipt_number="P3", staff=None)
    # An expiry, and two entries of another till pulled by the sync (a sale and the void of one of ours).
    with a.transaction() as s:
        ledger_writer.append(s, ledger_writer.draft(a, "m02", EntryKind.EXPIRE, NOW, points=-20))
    mine = awards.award(a, "m04", Bill(paid=80_000), staff=None).earn
    theirs = LedgerEntry(id="till-c-1", terminal_id="till-c", store_id=chain.store_b, terminal_seq=1,
                         customer_id="m15", kind=EntryKind.EARN, created_at=NOW - timedelta(hours=1),
                         points=12, stamps=1, qualifying=12, amount=120_000).sealed("0" * 64)  # fmt: skip
    void = LedgerEntry(id="till-c-2", terminal_id="till-c", store_id=chain.store_b, terminal_seq=2,
                       customer_id="m04", kind=EntryKind.REVERSE, created_at=NOW - timedelta(minutes=30),
                       points=-mine.points, stamps=-mine.stamps, reverses=mine.id).sealed(theirs.hash)  # fmt: skip
    rated = FeedbackRecord(id="till-c-f1", store_id=chain.store_b, rating=2, created_at=NOW - timedelta(hours=3))
    page = PullResponse(cursor=7, more=False, entries=[EntryRecord.of(theirs), EntryRecord.of(void)], feedback=[rated])
    ingest.apply_page(a, page)
    feedback.rate_visit(a, "m01", 5, entry_id=later.id)  # ratings: this till's and another's
    # A merge (Phúc's card into Hùng), and a merge undone (Chi into Dũng and back).
    merges.merge(a, "m09", "m16", manager=owner, reason="hai thẻ")
    merges.merge(a, "m04", "m03", manager=owner, reason="nhầm")
    merges.unmerge(a, "m03", manager=owner, reason="không phải một người")
    # Sales that earned nothing are no visits (the program's default): one kept, one voided since.
    with a.transaction() as s:
        giang, mai = s.get(MemberStats, "m05").visits, s.get(MemberStats, "m13").visits
    nothing = awards.award(a, "m05", Bill(paid=5_000), staff=None).earn
    assert nothing.reason == NOT_A_VISIT
    nothing_again = awards.award(a, "m13", Bill(paid=4_000), staff=None).earn
    corrections.reverse(a, nothing_again.id, manager=owner, reason="nhập nhầm")

    assert differences(chain) == []
    with a.transaction() as s:
        assert s.get(MemberStats, "m16") is None  # folded into Hùng
        hung = s.get(MemberStats, "m09")
        assert hung.visits == 6 and hung.first_visit == s.scalar(
            select(LedgerEntryRow.created_at).where(LedgerEntryRow.customer_id == "m16")
        )
        assert s.get(MemberStats, "m03").visits == 1  # Chi has her own visit back after the undo
        assert s.get(MemberStats, "m05").visits == giang  # her sale that earned nothing is no visit
        assert s.get(MemberStats, "m13").visits == mai
        kept = stats.kept(s)
    # The reward counted once (Lan's redemption; Bình's was reversed), the new member in the base tier.
    assert sum(n for (_, st, r), n in kept.rewards.items() if (st, r) == (a.store_id, chain.rewards["R1"])) == (
        redeemed_before + 1
    )
    assert sum(n for (st, tier), (n, _) in kept.homes.items() if st == a.store_id) == members_before + 1


def test_the_figures_follow_the_writes(chain: Chain) -> None:
    """What a manager sees moves with the sales: the dashboard and the segments read the kept tables."""
    before = dashboard(chain.a, period_for("30d", NOW, ZONE))
    awards.award(chain.a, "m06", Bill(paid=150_000), staff=None)
    awards.award(chain.a, "m05", Bill(paid=5_000), staff=None)  # earns nothing: no visit, no spend
    receipts.apply_receipts(chain.a, [_pos("Q1", 40_000, store_id=chain.a.store_id)])
    after = dashboard(chain.a, period_for("30d", NOW, ZONE))
    assert (after.visits, after.visiting_members) == (before.visits + 1, before.visiting_members + 1)
    assert after.points_issued == before.points_issued + 15
    assert (after.non_members.sales, after.non_members.spend) == (6, 285_000)
    feedback.rate_visit(chain.a, None, 1)  # a guest's complaint: the period's 4 ratings become 5
    assert (dashboard(chain.a, period_for("30d", NOW, ZONE)).ratings, after.ratings) == (5, 4)
    # Merged cards fold: Phúc's March visit is Hùng's now, and Phúc is in no segment.
    merges.merge(chain.a, "m09", "m16", manager=chain.owner, reason="hai thẻ")
    rep = segments.report(chain.a)
    hung = next(m for m in rep.members if m.customer_id == "m09")
    assert hung.visits == 6 and "m16" not in {m.customer_id for m in rep.members}
    assert Segment.NEW in segments.segment_of(chain.a, "m06").segments


def test_the_rebuild_command_and_the_check(chain: Chain, capsys: pytest.CaptureFixture[str]) -> None:
    with chain.a.transaction() as s:  # damage the kept tables
        s.execute(text("UPDATE day_store_stats SET visits = visits + 1"))
        s.execute(text("DELETE FROM member_stats WHERE customer_id = 'm01'"))
    chain.a.engine.dispose()
    assert stats.main(["check", "--home", str(chain.home)]) == 1
    assert "differ" in capsys.readouterr().out
    assert stats.main(["rebuild", "--home", str(chain.home)]) == 0
    assert "rebuilt" in capsys.readouterr().out
    assert stats.main(["check", "--home", str(chain.home)]) == 0
    assert differences(chain) == []


def _undo_0012(db: sqlite3.Connection) -> None:
    """The working set's tables and the ledger's plain no-delete trigger, as before migration 0012."""
    db.execute("DROP TABLE balance_opening")
    db.execute("DROP TABLE member_left")
    db.execute("DROP TRIGGER ledger_entry_no_delete")
    db.execute(
        "CREATE TRIGGER ledger_entry_no_delete BEFORE DELETE ON ledger_entry BEGIN SELECT RAISE(ABORT, "
        "'ledger_entry is append-only: an entry is never deleted (record a reverse entry)'); END"
    )


def _undo_0013(db: sqlite3.Connection) -> None:
    """The audit log as it was before migration 0013 (no chain-wide id, no till; lines not queued)."""
    db.execute("DELETE FROM outbox WHERE item_type = 'audit'")
    db.execute("ALTER TABLE audit_log RENAME TO audit_log_0013")
    db.execute(
        "CREATE TABLE audit_log (id INTEGER NOT NULL, at DATETIME NOT NULL, staff_id VARCHAR(40), "
        "action VARCHAR(50) NOT NULL, subject VARCHAR(100) NOT NULL, before TEXT NOT NULL, after TEXT NOT NULL, "
        "CONSTRAINT pk_audit_log PRIMARY KEY (id))"
    )
    db.execute(
        "INSERT INTO audit_log SELECT id, at, staff_id, action, subject, before, after FROM audit_log_0013 "
        "WHERE terminal_id IS NULL"
    )
    db.execute("DROP TABLE audit_log_0013")


def _undo_0014(db: sqlite3.Connection) -> None:
    """The phone-tail search as it was before migration 0014: a virtual generated column with an index."""
    db.execute("DROP INDEX ix_customer_phone_tail_rev")
    db.execute(
        f"ALTER TABLE customer ADD COLUMN phone_tail_rev VARCHAR(6) GENERATED ALWAYS AS ({PHONE_TAIL_REV}) VIRTUAL"
    )
    db.execute("CREATE INDEX ix_customer_phone_tail_rev ON customer (phone_tail_rev)")


def test_the_upgrade_fills_the_tables_of_an_existing_home(chain: Chain) -> None:
    """A home saved before migration 0009: opening it builds the tables from its ledger and receipts."""
    chain.a.engine.dispose()
    db = sqlite3.connect(chain.home / "terminal.db")
    for trigger in (*stats.HOME_TIER_TRIGGER_NAMES, *stats.MEMBER_STORE_TRIGGER_NAMES, *stats.WINDOW_TRIGGER_NAMES):
        db.execute(f"DROP TRIGGER {trigger}")
    db.execute("DROP INDEX ix_ledger_entry_tier_moves")
    db.execute("DROP INDEX ix_customer_birthday")  # migration 0011's
    db.execute("DROP INDEX ix_customer_enrolled_id")
    tables = ("day_store_stats", "member_day_stats", "member_stats", "day_reward_stats", "home_tier_stats")
    later = ("member_store_stats", "stats_window", "member_window_stats", "member_store_window_stats")  # 0011's
    for table in (*tables, *later):
        db.execute(f"DROP TABLE {table}")
    db.execute("ALTER TABLE staff DROP COLUMN phone")  # what migration 0010, after 0009, adds
    _undo_0014(db)
    _undo_0013(db)
    _undo_0012(db)
    db.execute("UPDATE alembic_version SET version_num = '0008'")
    db.commit()
    db.close()
    till = open_till(chain.home)
    with till.transaction() as s:
        assert stats.differences(s) == []
        assert s.scalar(select(func.count()).select_from(MemberDayStats)) > 0
    till.engine.dispose()


def test_the_upgrade_to_0011_fills_each_members_last_day_per_store(chain: Chain) -> None:
    """A home saved at migration 0010: opening it fills ``member_store_stats`` from the member-day rows,
    and the writes after it keep it (the triggers are there)."""
    chain.a.engine.dispose()
    db = sqlite3.connect(chain.home / "terminal.db")
    for trigger in (*stats.MEMBER_STORE_TRIGGER_NAMES, *stats.WINDOW_TRIGGER_NAMES):
        db.execute(f"DROP TRIGGER {trigger}")
    for table in ("member_store_stats", "stats_window", "member_window_stats", "member_store_window_stats"):
        db.execute(f"DROP TABLE {table}")
    db.execute("DROP INDEX ix_customer_birthday")
    db.execute("DROP INDEX ix_customer_enrolled_id")
    _undo_0014(db)
    _undo_0013(db)
    _undo_0012(db)
    db.execute("UPDATE alembic_version SET version_num = '0010'")
    db.commit()
    db.close()
    till = open_till(chain.home)
    till.clock = lambda: NOW
    with till.transaction() as s:
        assert stats.differences(s) == []
        assert s.scalar(select(func.count()).select_from(MemberStoreStats)) > 0
    awards.award(till, "m06", Bill(paid=150_000), staff=None)  # Hà's first visit: a new row
    with till.transaction() as s:
        assert stats.differences(s) == []
        assert s.get(MemberStoreStats, ("m06", till.store_id)).last_day == NOW.astimezone(ZoneInfo(ZONE)).date()
    till.engine.dispose()


def test_one_stores_active_members_are_the_member_day_rows_made_distinct(chain: Chain) -> None:
    """The kept last day per store gives the counts the member-day rows give (a period ending now
    reads the former, a past one the latter), after sales, a void and a merge."""
    from app.services.reports import dashboard as figures

    a = chain.a
    awards.award(a, "m06", Bill(paid=150_000), staff=None)
    sale = awards.award(a, "m02", Bill(paid=90_000), staff=None).earn
    corrections.reverse(a, sale.id, manager=chain.owner, reason="bán nhầm")
    merges.merge(a, "m09", "m16", manager=chain.owner, reason="hai thẻ")
    period = period_for("30d", NOW, ZONE)
    for stores in (frozenset({a.store_id}), frozenset({chain.store_b}), frozenset({a.store_id, chain.store_b})):
        with segments.read_transaction(a) as s:
            kept = figures._actives(s, period, stores, NOW)
            counted = figures._actives(s, period, stores, None)  # no "now": the member-day rows
        assert kept == counted and kept[1] > 0, stores
    assert differences(chain) == []


def test_the_kept_12_month_spend_rolls_forward_and_gives_the_vip_cut_off_of_the_sorted_spends(chain: Chain) -> None:
    """Months later, housekeeping moves every member's window (the report does not wait on it); the
    cut-off read off the index is the one the spends worked out from the buckets and sorted give, and
    the VIPs it counts are the members the per-member rules call VIP."""
    later = NOW + timedelta(days=250)  # August 2027: the spends of before September 2026 leave the window
    month = stats.month_number(later.astimezone(ZoneInfo(ZONE)).date())
    with chain.a.transaction() as s:
        before = dict(s.execute(select(MemberStats.customer_id, MemberStats.spend_12m)).all())
        spend_at = dict(s.execute(select(MemberStats.customer_id, MemberStats.spend_at)).all())
    unrolled = segments.report(chain.a, now=later)  # before housekeeping: the spends are worked out
    with segments.read_transaction(chain.a) as s:
        assert dict(s.execute(select(MemberStats.customer_id, MemberStats.spend_at)).all()) == spend_at  # no roll
    assert housekeeping.roll_spends(chain.a, now=later, chunk=3, pause=0) == len(before)  # in chunks of 3
    assert housekeeping.roll_spends(chain.a, now=later) == 0  # nobody behind: nothing written
    rep = segments.report(chain.a, now=later)
    assert differences(chain) == []  # every kept spend is its window's
    with segments.read_transaction(chain.a) as s:
        after = dict(s.execute(select(MemberStats.customer_id, MemberStats.spend_12m)).all())
        assert set(s.scalars(select(MemberStats.spend_at))) == {month}
        rules = segments.rules_for(s)
        kept = segments._vip_kept(s, later, rules, month)
        sorted_ = segments._vip_sorted(s, later, rules, month)
    assert any(after[c] < before[c] for c in before)  # some spend did leave the window
    assert kept == sorted_ and kept[1] > 0
    assert rep.limits.vip_spend == unrolled.limits.vip_spend == kept[0]
    assert rep.counts() == unrolled.counts()
    assert rep.count(Segment.VIP) == sum(Segment.VIP in m.segments for m in rep.members) == kept[1]
    # A sale after the roll keeps its member's spend right (the trigger), and the next report agrees.
    awards.award(chain.a, "m01", Bill(paid=2_000_000), staff=None)
    assert differences(chain) == []


def test_a_housekeeping_pass_rolls_the_spends_at_a_new_month(chain: Chain) -> None:
    """The background pass (``housekeeping.run_once``) is what moves the spends, once a month."""
    later = NOW + timedelta(days=40)
    chain.a.clock = lambda: later
    assert housekeeping.run_once(chain.a, pause=0).spends_rolled > 0
    assert housekeeping.run_once(chain.a, pause=0).spends_rolled == 0
    with segments.read_transaction(chain.a) as s:
        month = stats.month_number(later.astimezone(ZoneInfo(ZONE)).date())
        assert set(s.scalars(select(MemberStats.spend_at))) == {month}
    assert differences(chain) == []


def test_a_segments_pages_hold_exactly_its_members(chain: Chain) -> None:
    """The Segments tab reads a segment's list page by page: every page put together is the segment,
    each member once, as the whole report (every member's rules) says."""
    rep = segments.report(chain.a)
    assert rep.paged and rep.total() == 18  # 20 members, one blocked, one merged away
    everyone = segments.report(chain.a)
    for segment in Segment:
        want = sorted(m.customer_id for m in everyone.members_in(segment))
        got: list[str] = []
        offset: int | None = 0
        pages = 0
        while offset is not None:
            page, offset = segments.segment_page(chain.a, rep, segment, offset, limit=2)
            assert len(page) <= 2
            got += [m.customer_id for m in page]
            pages += 1
        assert sorted(got) == want and len(got) == len(set(got)), segment
        assert rep.count(segment) == len(want), segment
        assert pages >= (len(want) + 1) // 2
    assert rep.paged  # the counts and the pages never read every member


def test_segment_counts_with_every_member_counted_are_the_rules_member_by_member(chain: Chain) -> None:
    """The counts leave out the few members not counted (blocked, merged away); with none of them
    left (an empty exclusion list, which the counts then skip), they still are what the per-member
    rules say."""
    with chain.a.transaction() as s:
        s.execute(text("UPDATE customer SET status = 'active', merged_into = NULL WHERE status != 'active'"))
    housekeeping.roll_spends(chain.a, pause=0)
    rep = segments.report(chain.a)
    assert rep.total() == 20
    everyone = segments.report(chain.a)
    for segment in Segment:
        assert rep.count(segment) == len(everyone.members_in(segment)), segment
    assert sum(rep.counts().values()) > 0


def _per_member_both_ways(a: object, period: object, stores: object) -> tuple[object, object]:
    """``_per_member`` off the kept window sums and off the member-day rows (the window hidden)."""
    from app.services.reports import dashboard as figures

    with segments.read_transaction(a) as s:  # type: ignore[arg-type]
        kept = figures._per_member_kept(s, period, stores)  # type: ignore[arg-type]
        window, stats.window_of = stats.window_of, lambda s: None  # type: ignore[assignment]
        try:
            grouped = figures._per_member(s, period, stores)  # type: ignore[arg-type]
        finally:
            stats.window_of = window  # type: ignore[assignment]
    return kept, grouped


def test_the_kept_30_days_per_member_follow_every_write_and_give_the_grouped_figures(chain: Chain) -> None:
    """Housekeeping sets the dashboard's 30 days; the triggers keep each member's sums through sales,
    a void, a partial refund, another till's entries, a merge and its undo; a day later the window
    moves (the oldest day out); the figures read off it are the ones the member-day rows give."""
    a, owner = chain.a, chain.owner
    assert housekeeping.roll_window(a) is True
    assert housekeeping.roll_window(a) is False  # already the last 30 days: nothing written
    period = period_for("30d", NOW, ZONE)
    with a.transaction() as s:
        assert stats.window_of(s) == (period.first_day, period.last_day)
    assert differences(chain) == []
    sale = awards.award(a, "m06", Bill(paid=150_000), staff=None).earn
    awards.award(a, "m06", Bill(paid=60_000), staff=None)
    corrections.reverse(a, sale.id, manager=owner, reason="bán nhầm")  # a void
    later = awards.award(a, "m01", Bill(paid=300_000), staff=None).earn
    corrections.reverse(a, later.id, manager=owner, reason="trả một món", refunded_amount=100_000)
    theirs = LedgerEntry(id="till-c-1", terminal_id="till-c", store_id=chain.store_b, terminal_seq=1,
                         customer_id="m15", kind=EntryKind.EARN, created_at=NOW - timedelta(hours=1),
                         points=12, stamps=1, qualifying=12, amount=120_000).sealed("0" * 64)  # fmt: skip
    ingest.apply_page(a, PullResponse(cursor=3, more=False, entries=[EntryRecord.of(theirs)]))
    merges.merge(a, "m09", "m16", manager=owner, reason="hai thẻ")
    merges.merge(a, "m04", "m03", manager=owner, reason="nhầm")
    merges.unmerge(a, "m03", manager=owner, reason="không phải một người")
    assert differences(chain) == []
    for stores in (None, frozenset({a.store_id}), frozenset({chain.store_b})):
        kept, grouped = _per_member_both_ways(a, period, stores)
        assert kept is not None and kept == grouped and kept[0] > 0, stores
    full = dashboard(a, period)
    assert full.repeat_rate is not None and full.top20_share is not None
    # The next day: the window moves by one day (the oldest day's rows out), and still agrees.
    tomorrow = NOW + timedelta(days=1)
    assert housekeeping.roll_window(a, now=tomorrow) is True
    assert differences(chain) == []
    for stores in (None, frozenset({a.store_id})):
        kept, grouped = _per_member_both_ways(a, period_for("30d", tomorrow, ZONE), stores)
        assert kept == grouped, stores
    # Months later (a till off for a while): summed again from scratch.
    assert housekeeping.roll_window(a, now=NOW + timedelta(days=100)) is True
    assert differences(chain) == []
    # The window's period only: another period (or two stores) groups the member-day rows.
    assert _per_member_both_ways(a, period_for("7d", NOW, ZONE), None)[0] is None
    assert _per_member_both_ways(a, period, frozenset({a.store_id, chain.store_b}))[0] is None


def test_a_rebuild_makes_the_window_sums_again(chain: Chain) -> None:
    housekeeping.roll_window(chain.a)
    with chain.a.transaction() as s:
        s.execute(text("UPDATE member_window_stats SET spend = spend + 1"))
    assert any("window" in line for line in differences(chain))
    with chain.a.transaction() as s:
        stats.rebuild_in(s)
    assert differences(chain) == []
    with chain.a.transaction() as s:
        assert s.scalar(text("SELECT COUNT(*) FROM member_window_stats")) > 0
