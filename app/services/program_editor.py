"""Drafts of the program and its rewards, their previews, and publishing them.

Each save is a new numbered draft (kept in the till's settings; nothing a cashier
uses changes). Publishing makes a draft the program of the chain: through the
central server when the till is paired (the back office does the HTTP part), or
directly on a till that runs alone. Previews compare the active program with the
draft: what a sample bill earns under each, and which members would change tier.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, date, datetime

from sqlalchemy import func, select

from app.core.earning import Bill, Earn, compute_earn
from app.core.errors import NotFound, PermissionDenied
from app.core.ids import new_id
from app.core.program import Program
from app.core.program_checks import check_draft
from app.core.rewards import Period, Reward, RewardKind
from app.core.tiers import qualifying_window_start, tier_for_figure
from app.db.models import BalanceRow, Customer, LedgerEntryRow, OutboxItem, RewardRow, Setting
from app.services import catalog
from app.services.staff import StaffMember, audit
from app.services.till import Till, reward_from_row

DRAFT_PREFIX = "program.draft."
PUBLISH_ITEM = "publish"  # outbox item type: a publication waiting for the server


@dataclass(frozen=True)
class Draft:
    number: int
    program: Program
    rewards: tuple[Reward, ...]
    saved_by: str
    saved_at: datetime
    state: str = "draft"  # draft, queued (approved, waiting for the server), published
    approved_by: str | None = None
    approved_at: datetime | None = None
    published_version: int | None = None
    refusal: str = ""  # why the server refused a queued publication

    @property
    def key(self) -> str:
        return f"{DRAFT_PREFIX}{self.number:06d}"

    def to_json(self) -> str:
        return json.dumps(
            {
                "number": self.number,
                "program": json.loads(self.program.to_json()),
                "rewards": [reward_to_dict(r) for r in self.rewards],
                "saved_by": self.saved_by,
                "saved_at": self.saved_at.isoformat(),
                "state": self.state,
                "approved_by": self.approved_by,
                "approved_at": self.approved_at.isoformat() if self.approved_at else None,
                "published_version": self.published_version,
                "refusal": self.refusal,
            },
            ensure_ascii=False,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> Draft:
        d = json.loads(text)
        return cls(
            number=d["number"],
            program=Program.from_dict(d["program"]),
            rewards=tuple(reward_from_dict(r) for r in d["rewards"]),
            saved_by=d["saved_by"],
            saved_at=datetime.fromisoformat(d["saved_at"]),
            state=d.get("state", "draft"),
            approved_by=d.get("approved_by"),
            approved_at=datetime.fromisoformat(d["approved_at"]) if d.get("approved_at") else None,
            published_version=d.get("published_version"),
            refusal=d.get("refusal", ""),
        )


def reward_to_dict(r: Reward) -> dict[str, object]:
    d = asdict(r)
    d["kind"], d["limit_period"] = r.kind.value, r.limit_period.value
    d["starts_on"] = r.starts_on.isoformat() if r.starts_on else None
    d["ends_on"] = r.ends_on.isoformat() if r.ends_on else None
    return d


def reward_from_dict(d: dict[str, object]) -> Reward:
    data = dict(d)
    data["kind"] = RewardKind(str(data["kind"]))
    data["limit_period"] = Period(str(data.get("limit_period", "month")))
    for name in ("starts_on", "ends_on"):
        value = data.get(name)
        data[name] = date.fromisoformat(str(value)) if value else None
    return Reward(**data)  # type: ignore[arg-type]


def current(till: Till) -> tuple[Program, tuple[Reward, ...]]:
    """The program and the whole catalog (withdrawn rewards too) as the tills use them now."""
    with till.transaction() as s:
        rows = s.scalars(select(RewardRow).order_by(RewardRow.sort, RewardRow.name))
        return till.program(s), tuple(reward_from_row(r) for r in rows)


def check(program: Program, rewards: tuple[Reward, ...] | list[Reward]) -> None:
    """Every problem of a draft in one sentence (InvalidInput); nothing is written."""
    check_draft(program, rewards)


def save_draft(till: Till, program: Program, rewards: list[Reward] | tuple[Reward, ...], *, by: StaffMember) -> Draft:
    """A new draft version; what the tills use does not change. A manager or owner."""
    if not by.is_manager:
        raise PermissionDenied("Only a manager can change the program.")
    rewards = tuple(r if r.id else replace(r, id=new_id()) for r in rewards)
    check(program, rewards)
    with till.transaction() as s:
        last = s.scalar(select(func.max(Setting.key)).where(Setting.key.startswith(DRAFT_PREFIX)))
        number = int(last.removeprefix(DRAFT_PREFIX)) + 1 if last else 1
        draft = Draft(number, program, rewards, by.id, till.clock())
        s.add(Setting(key=draft.key, value=draft.to_json()))
        audit(s, by, "program.draft", str(number), after={"draft": number, "rules": _summary(program)})
    return draft


def drafts(till: Till) -> list[Draft]:
    """Every draft, newest first."""
    with till.transaction() as s:
        rows = s.scalars(select(Setting).where(Setting.key.startswith(DRAFT_PREFIX)).order_by(Setting.key.desc()))
        return [Draft.from_json(r.value) for r in rows]


def latest_draft(till: Till) -> Draft | None:
    found = drafts(till)
    return found[0] if found else None


def draft(till: Till, number: int) -> Draft:
    with till.transaction() as s:
        row = s.get(Setting, f"{DRAFT_PREFIX}{number:06d}")
        if row is None:
            raise NotFound("There is no draft {0}.", number=number)
        return Draft.from_json(row.value)


def _store(till: Till, d: Draft) -> None:
    with till.transaction() as s:
        row = s.get(Setting, d.key)
        if row is None:
            s.add(Setting(key=d.key, value=d.to_json()))
        else:
            row.value = d.to_json()


def _summary(p: Program) -> dict[str, object]:
    return {
        "points": f"{p.points_per_step} per {p.amount_step}",
        "card": f"{p.starter_stamps}/{p.card_size}",
        "tiers": [f"{t.name} {t.threshold} x{t.multiplier}" for t in p.tiers],
        "expiry_months": p.expiry_months,
    }


def _check_owner(by: StaffMember) -> None:
    if by.role != "owner":
        raise PermissionDenied("Only an owner can publish the program.")


def publish_here(till: Till, number: int, *, by: StaffMember) -> Program:
    """A till that runs alone (not paired with a server): the draft becomes the program here."""
    _check_owner(by)
    d = draft(till, number)
    check(d.program, d.rewards)
    published = catalog.publish_program(till, d.program, by=by)
    apply_rewards(till, d.rewards, by=by)
    _store(
        till,
        replace(d, state="published", approved_by=by.id, approved_at=till.clock(), published_version=published.version),
    )
    return published


def apply_rewards(till: Till, rewards: tuple[Reward, ...], *, by: StaffMember | None) -> None:
    keep = {r.id for r in rewards}
    for i, r in enumerate(rewards):
        catalog.save_reward(till, r, by=by, sort=i)
    for old in catalog.rewards(till, active_only=False):
        if old.id not in keep and old.active:
            catalog.save_reward(till, replace(old, active=False), by=by)


def queue_publication(till: Till, number: int, *, by: StaffMember) -> Draft:
    """The owner approved publishing (her PIN checked here) but the server is unreachable: queue it.

    The sync worker sends it on its next cycle; every till applies it after its next pull.
    """
    _check_owner(by)
    d = draft(till, number)
    check(d.program, d.rewards)
    queued = replace(d, state="queued", approved_by=by.id, approved_at=till.clock())
    with till.transaction() as s:
        row = s.get(Setting, d.key)
        assert row is not None
        row.value = queued.to_json()
        s.add(OutboxItem(item_type=PUBLISH_ITEM, item_id=d.key))
        audit(s, by, "program.publish", f"draft {number}", after={"draft": number, "state": "queued"})
    return queued


def mark_published(till: Till, number: int, version: int, *, by_id: str | None) -> None:
    """The server has published the draft as ``version`` (the next pull brings it to this till)."""
    d = draft(till, number)
    _store(
        till,
        replace(
            d,
            state="published",
            approved_by=d.approved_by or by_id,
            approved_at=d.approved_at or datetime.now(UTC),
            published_version=version,
        ),
    )


def mark_refused(till: Till, number: int, reason: str) -> None:
    """The server refused a queued publication for good: the draft goes back to being a draft, with why."""
    _store(till, replace(draft(till, number), state="draft", refusal=reason))


def record_publication(till: Till, number: int, version: int, *, by: StaffMember) -> None:
    """An online publication accepted by the server: remembered and audited here."""
    mark_published(till, number, version, by_id=by.id)
    with till.transaction() as s:
        audit(s, by, "program.publish", f"draft {number}", after={"draft": number, "version": version})


# -- previews ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class BillPreview:
    now: Earn
    draft: Earn


def preview_bill(
    current_program: Program, draft_program: Program, bill: Bill, *, at: datetime, tier: str | None
) -> BillPreview:
    """What one sample bill earns under the program in use and under the draft, side by side."""
    draft_program = replace(draft_program, timezone=current_program.timezone, currency=current_program.currency)
    draft_tier = tier if any(t.name == tier for t in draft_program.tiers) else None
    return BillPreview(
        compute_earn(current_program, bill, at=at, tier=tier), compute_earn(draft_program, bill, at=at, tier=draft_tier)
    )


@dataclass(frozen=True)
class TierMove:
    customer_id: str
    name: str
    before: str
    after: str


@dataclass(frozen=True)
class TierChanges:
    up: list[TierMove] = field(default_factory=list)
    down: list[TierMove] = field(default_factory=list)
    members: int = 0


def tier_changes(till: Till, draft_program: Program) -> TierChanges:
    """Which members would move up (at their next visit) or down (at the next yearly review) under the draft.

    Compared on the same figure the tiers use: qualifying points in the draft's window.
    """
    now = till.clock()
    since = qualifying_window_start(draft_program, now)
    result = TierChanges()
    with till.transaction() as s:
        figures = dict(
            s.execute(
                select(LedgerEntryRow.customer_id, func.sum(LedgerEntryRow.qualifying))
                .where(LedgerEntryRow.created_at > since)
                .group_by(LedgerEntryRow.customer_id)
            ).all()
        )
        rows = s.execute(
            select(Customer.id, Customer.name, BalanceRow.tier)
            .join(BalanceRow, BalanceRow.customer_id == Customer.id)
            .where(Customer.status == "active")
            .order_by(Customer.name)
        ).all()
        current_program = till.program(s)
    for cid, name, tier in rows:
        before = current_program.tier(tier)
        after = tier_for_figure(draft_program, int(figures.get(cid) or 0))
        before_in_draft = (
            draft_program.tier(before.name) if any(t.name == before.name for t in draft_program.tiers) else None
        )
        rank_before = draft_program.tiers.index(before_in_draft) if before_in_draft else None
        rank_after = draft_program.tiers.index(after)
        if before.name == after.name:
            continue
        move = TierMove(cid, name, before.name, after.name)
        if rank_before is None:
            (result.up if after.threshold > before.threshold else result.down).append(move)
        elif rank_after > rank_before:
            result.up.append(move)
        elif rank_after < rank_before:
            result.down.append(move)
    return replace(result, members=len(rows))
