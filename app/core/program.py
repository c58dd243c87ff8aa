"""A loyalty program version: the rules as data, never as code.

The owner edits these in the back office; the server syncs them to every till;
each ledger entry records the version it was computed with, so changing a rule
never rewrites history. Multipliers are exact fractions ("1.5"), never floats.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from datetime import time
from enum import StrEnum
from fractions import Fraction
from typing import Any

from app.core.errors import InvalidInput, Sentences


class StampMode(StrEnum):
    VISIT = "visit"  # one stamp per visit at or above min_spend
    ITEM = "item"  # one stamp per qualifying item (SKU or category) on the bill
    OFF = "off"  # no stamp card: a points-only program


@dataclass(frozen=True)
class StampRule:
    mode: StampMode = StampMode.VISIT
    min_spend: int = 30_000  # minor units
    skus: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()


@dataclass(frozen=True)
class TimeWindow:
    """A multiplier for some weekdays and hours, in the store's zone ("double points Tuesday")."""

    name: str
    multiplier: Fraction
    weekdays: frozenset[int] = frozenset(range(7))  # Monday = 0
    start: time = time(0, 0)
    end: time = time.max  # from start (inclusive) to end (exclusive); time.max = to midnight


@dataclass(frozen=True)
class CategoryBonus:
    """Extra points on the part of the bill spent in a category ("x2 on desserts")."""

    category: str
    multiplier: Fraction


@dataclass(frozen=True)
class Tier:
    name: str
    threshold: int  # qualifying points in the rolling window
    multiplier: Fraction = Fraction(1)


@dataclass(frozen=True)
class Program:
    version: int = 1
    name: str = "Loyalty"
    currency: str = "VND"
    point_name: str = "điểm"
    timezone: str = "Asia/Ho_Chi_Minh"
    # Points: points_per_step for every amount_step of the qualifying amount, rounded down.
    points_per_step: int = 1
    amount_step: int = 10_000
    tax_qualifies: bool = True  # tax in or out of the qualifying amount (tips never qualify)
    # POS line categories that never earn (gift cards, cigarettes, a deposit): their lines are taken out
    # of the qualifying amount, like reward lines. A typed amount has no lines, so it cannot leave them out.
    excluded_categories: frozenset[str] = frozenset()
    # Stamp card. Starter stamps: endowed progress (a 10-slot card with 2 filled gets finished
    # far more often than a blank 8-slot one).
    card_size: int = 10
    starter_stamps: int = 2
    stamp_rule: StampRule = field(default_factory=StampRule)
    windows: tuple[TimeWindow, ...] = ()
    category_bonuses: tuple[CategoryBonus, ...] = ()
    # Tiers, lowest first; the first one (threshold 0) is where every member starts.
    tiers: tuple[Tier, ...] = (Tier("Member", 0),)
    qualifying_months: int = 12
    review_month: int = 1  # the yearly tier review: 1 January by default
    review_day: int = 1
    downgrade_grace_days: int = 90  # don't punish the loyal who were ill or away
    # Expiry: points expire after this many months without a visit (0 = never).
    expiry_months: int = 12
    # Bonuses.
    welcome_points: int = 0
    birthday_points: int = 0
    birthday_window: str = "week"  # "week" or "month"
    referral_referrer_points: int = 0
    referral_new_points: int = 0
    # Abuse limits, enforced at the till so they hold offline (0 = off).
    min_minutes_between_earns: int = 0
    daily_earn_cap_points: int = 0
    # A flag for the manager (never a refusal) when one member earns more than this many times in a
    # store day: a cashier earning on a friend's card all day is the usual abuse.
    earns_per_day_flag: int = 0
    # Whether a sale that earns nothing (below the smallest earning step) still counts as a visit.
    # Off by default: a mistyped "-5000" or a 125 ₫ bill is not a customer coming back, and visits
    # drive the repeat rate, the segments and the expiry clock.
    zero_earn_is_visit: bool = False
    # With the server unreachable, how many points one member may spend per day at this till.
    offline_daily_redeem_cap: int = 0
    # Points as payment: minor units one point is worth when spent on a bill (0 = off).
    point_value: int = 0
    # The most points one manual adjustment may move with a manager's PIN; beyond it the owner's
    # PIN is needed and the server flags the entry (a stolen manager PIN can't mint a fortune).
    adjust_limit_points: int = 10_000

    def __post_init__(self) -> None:
        problems = []
        if self.amount_step <= 0 or self.points_per_step < 0:
            problems.append("the amount step must be positive and points per step not negative")
        if self.earns_per_day_flag < 0:
            problems.append("the earns-per-day flag must not be negative")
        if self.adjust_limit_points < 0:
            problems.append("the adjustment limit must not be negative")
        if self.card_size < 1 or not 0 <= self.starter_stamps < self.card_size:
            problems.append("the stamp card needs at least one slot and fewer starter stamps than slots")
        if not self.tiers or self.tiers[0].threshold != 0:
            problems.append("the first tier must start at 0")
        if any(a.threshold >= b.threshold for a, b in zip(self.tiers, self.tiers[1:], strict=False)):
            problems.append("tier thresholds must rise")
        if any(w.multiplier <= 0 for w in self.windows) or any(t.multiplier <= 0 for t in self.tiers):
            problems.append("multipliers must be positive")
        if len({t.name for t in self.tiers}) != len(self.tiers):
            problems.append("tier names must differ")
        if problems:
            # each problem is translated on its own by the UI (they are listed in its TEMPLATES)
            raise InvalidInput("Program is not valid: {0}.", problems=Sentences(problems, "; "))

    # -- tiers -------------------------------------------------------------------------------
    @property
    def base_tier(self) -> Tier:
        return self.tiers[0]

    def tier(self, name: str | None) -> Tier:
        for t in self.tiers:
            if t.name == name:
                return t
        return self.base_tier

    def tier_rank(self, name: str | None) -> int:
        return self.tiers.index(self.tier(name))

    # -- storage -----------------------------------------------------------------------------
    def to_json(self) -> str:
        return json.dumps(_plain(asdict(self)), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str | bytes) -> Program:
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise InvalidInput("Program is not valid JSON: {0}.", error=str(exc)) from None
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Program:
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise InvalidInput("Program has unknown settings: {0}.", names=", ".join(sorted(unknown)))
        try:
            d = dict(data)
            if "stamp_rule" in d:
                r = d["stamp_rule"]
                d["stamp_rule"] = StampRule(
                    mode=StampMode(r.get("mode", "visit")),
                    min_spend=_int(r.get("min_spend", 0)),
                    skus=frozenset(r.get("skus", ())),
                    categories=frozenset(r.get("categories", ())),
                )
            if "windows" in d:
                d["windows"] = tuple(
                    TimeWindow(
                        name=w["name"],
                        multiplier=Fraction(str(w["multiplier"])),
                        weekdays=frozenset(int(x) for x in w.get("weekdays", range(7))),
                        start=time.fromisoformat(w.get("start", "00:00")),
                        end=time.fromisoformat(w.get("end", "23:59:59.999999")),
                    )
                    for w in d["windows"]
                )
            if "category_bonuses" in d:
                d["category_bonuses"] = tuple(
                    CategoryBonus(c["category"], Fraction(str(c["multiplier"]))) for c in d["category_bonuses"]
                )
            if "excluded_categories" in d:
                d["excluded_categories"] = frozenset(str(c) for c in d["excluded_categories"])
            if "tiers" in d:
                d["tiers"] = tuple(
                    Tier(t["name"], _int(t["threshold"]), Fraction(str(t.get("multiplier", "1")))) for t in d["tiers"]
                )
            for name in known - {"stamp_rule", "windows", "category_bonuses", "tiers", "excluded_categories"}:
                if name in d and name not in (
                    "name",
                    "currency",
                    "point_name",
                    "timezone",
                    "birthday_window",
                ):
                    d[name] = d[name] if isinstance(d[name], bool) else _int(d[name])
            return cls(**d)
        except (KeyError, TypeError, ValueError, ZeroDivisionError) as exc:
            raise InvalidInput("Program is not valid: {0}.", problem=str(exc)) from None


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{value!r} must be a whole number")
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, frozenset | set):
        return sorted(_plain(v) for v in value)
    if isinstance(value, Fraction):
        return str(value) if value.denominator == 1 else _decimal_text(value)
    if isinstance(value, time):
        return value.isoformat()
    return value


def _decimal_text(value: Fraction) -> str:
    """1.5 stays "1.5"; a fraction with no short decimal stays "p/q" (Fraction reads both)."""
    for digits in range(1, 7):
        scaled = value * 10**digits
        if scaled.denominator == 1:
            whole, frac = divmod(int(scaled), 10**digits)
            return f"{whole}.{str(frac).rjust(digits, '0')}"
    return f"{value.numerator}/{value.denominator}"


def worked_example_program() -> Program:
    """DESIGN §4's worked example; also the demo store's program."""
    return Program(
        version=1,
        name="Cà Phê Demo",
        points_per_step=1,
        amount_step=10_000,
        card_size=10,
        starter_stamps=2,
        stamp_rule=StampRule(StampMode.VISIT, min_spend=30_000),
        windows=(TimeWindow("Double points Tuesday", Fraction(2), weekdays=frozenset({1})),),
        tiers=(Tier("Member", 0), Tier("Gold", 300, Fraction(3, 2))),
    )
