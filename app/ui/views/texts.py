"""Sentences more than one view shows (reward costs, what is missing, what a sale earned)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.program import Program
from app.core.rewards import Reward, RewardKind
from app.services.customers import CustomerView, RewardOption
from app.ui.format import Formatter, point_unit, stamp_unit


def reward_cost(reward: Reward, program: Program, fmt: Formatter) -> str:
    if reward.cost_full_card:
        return QCoreApplication.translate("Texts", "a full card ({0} stamps)").format(program.card_size)
    if reward.kind is RewardKind.POINTS_PAYMENT:
        return QCoreApplication.translate("Texts", "1 {0} = {1}").format(
            point_unit(program.point_name, 1), fmt.money(program.point_value)
        )
    return f"{fmt.number(reward.cost_points)} {point_unit(program.point_name, reward.cost_points)}"


def missing_text(option: RewardOption, program: Program, fmt: Formatter) -> str:
    """How far the customer is from a reward: "18 more points" / "3 more stamps"."""
    if option.reward.cost_full_card:
        return QCoreApplication.translate("Texts", "{0} more {1}").format(
            option.missing, stamp_unit(option.missing)
        )
    return QCoreApplication.translate("Texts", "{0} more {1}").format(
        fmt.number(option.missing), point_unit(program.point_name, option.missing)
    )


def earned_text(points: int, stamps: int, program: Program, fmt: Formatter) -> str:
    """ "+12 points, +1 stamp" — what a sale gave (or, negative, what an undo took back)."""
    return (
        f"{fmt.signed(points)} {point_unit(program.point_name, points)}, "
        f"{fmt.signed(stamps)} {stamp_unit(stamps)}"
    )


def spendable_now(c: CustomerView) -> list[Reward]:
    """Rewards worth telling the customer about (paying with points is always "available": not news)."""
    return [r for r in c.available_now if r.kind is not RewardKind.POINTS_PAYMENT]


def next_goal(c: CustomerView) -> RewardOption | None:
    """The closest points reward not yet affordable — what keeps the customer coming back.

    The stamp card already shows how far its reward is, so it is not repeated here.
    """
    waiting = [
        o
        for o in c.rewards
        if not o.affordable and not o.reward.cost_full_card and o.reward.kind is not RewardKind.POINTS_PAYMENT
    ]
    return min(waiting, key=lambda o: o.missing) if waiting else None
