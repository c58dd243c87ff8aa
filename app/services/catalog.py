"""The program and the rewards catalog stored on the till (edited by a manager or pulled from the server)."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import func, select, update

from app.core.errors import PermissionDenied
from app.core.ids import new_id
from app.core.program import Program
from app.core.rewards import Reward
from app.db.models import ProgramVersion, RewardRow
from app.services.staff import StaffMember, audit
from app.services.till import Till, reward_from_row


def publish_program(till: Till, program: Program, *, by: StaffMember | None) -> Program:
    """Store a new program version and make it the active one. Old versions stay for history.

    ``by`` is the manager who published it; None only for the system itself (the
    first start, or a version pulled from the server).
    """
    if by is not None and not by.is_manager:
        raise PermissionDenied("Only a manager can change the program.")
    with till.transaction() as s:
        latest = s.scalar(select(func.max(ProgramVersion.version))) or 0
        program = replace(program, version=latest + 1)
        old = s.scalars(select(ProgramVersion).where(ProgramVersion.active)).first()
        s.execute(update(ProgramVersion).values(active=False))
        s.add(ProgramVersion(version=program.version, body=program.to_json(), active=True))
        audit(
            s,
            by,
            "program.publish",
            str(program.version),
            before={"version": old.version if old else None},
            after={"version": program.version},
        )
    till.reload_program()
    return program


def save_reward(till: Till, reward: Reward, *, by: StaffMember | None, sort: int = 0) -> Reward:
    reward = reward if reward.id else replace(reward, id=new_id())
    with till.transaction() as s:
        row = s.get(RewardRow, reward.id)
        before = reward_from_row(row).__dict__ if row else {}
        if row is None:
            row = RewardRow(id=reward.id)
            s.add(row)
        for name in (
            "name",
            "cost_points",
            "cost_full_card",
            "value",
            "cap",
            "item_sku",
            "min_tier",
            "limit_count",
            "active",
            "starts_on",
            "ends_on",
        ):
            setattr(row, name, getattr(reward, name))
        row.kind, row.limit_period, row.sort = reward.kind.value, reward.limit_period.value, sort
        audit(s, by, "reward.save", reward.id, before=before, after=reward.__dict__)
    return reward


def rewards(till: Till, *, active_only: bool = True) -> list[Reward]:
    with till.transaction() as s:
        q = select(RewardRow).order_by(RewardRow.sort, RewardRow.name)
        if active_only:
            q = q.where(RewardRow.active)
        return [reward_from_row(r) for r in s.scalars(q)]
