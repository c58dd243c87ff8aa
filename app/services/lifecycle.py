"""Jobs that run by the calendar: point expiry and the yearly tier review.

Both write ledger entries (never silent balance changes) and both are safe to
run again: a second run the same day finds nothing left to do.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select

from app.core.ledger import EntryKind
from app.core.lifecycle import add_months, points_to_expire
from app.core.tiers import review_due, review_tier
from app.db.models import BalanceRow, Customer, Setting
from app.services import ledger_writer
from app.services.awards import qualifying_figure
from app.services.till import Till

LAST_REVIEW_KEY = "tier_review.last"


def run_expiry(till: Till, *, batch: int = 500) -> int:
    """Expire the points of members with no visit for ``expiry_months``. Returns how many."""
    program = till.program()
    if program.expiry_months <= 0:
        return 0
    now = till.clock()
    cutoff = add_months(now, -program.expiry_months)
    expired = 0
    while True:
        with till.transaction() as s:
            rows = s.execute(
                select(BalanceRow, Customer.enrolled_at)
                .join(Customer, Customer.id == BalanceRow.customer_id)
                .where(
                    BalanceRow.points > 0,
                    or_(BalanceRow.last_visit_at < cutoff, BalanceRow.last_visit_at.is_(None)),
                    Customer.enrolled_at < cutoff,
                )
                .limit(batch)
            ).all()
            done = 0
            for bal, enrolled_at in rows:
                last = bal.last_visit_at or enrolled_at
                points = points_to_expire(program, bal.points, last, now)
                if points:
                    ledger_writer.append(
                        s,
                        ledger_writer.draft(
                            till,
                            bal.customer_id,
                            EntryKind.EXPIRE,
                            now,
                            points=-points,
                            program_version=program.version,
                            reason=f"no visit for {program.expiry_months} months",
                        ),
                    )
                    done += 1
            expired += done
        if len(rows) < batch or done == 0:
            return expired


def run_tier_review(till: Till) -> int:
    """Once a year: move members down at most one tier, unless they visited within the grace period."""
    program = till.program()
    now = till.clock()
    with till.transaction() as s:
        last = s.get(Setting, LAST_REVIEW_KEY)
        last_at = datetime.fromisoformat(last.value) if last else None
        if not review_due(program, now, last_at):
            return 0
        moved = 0
        base = program.base_tier.name
        for bal in s.scalars(select(BalanceRow).where(BalanceRow.tier.is_not(None), BalanceRow.tier != base)):
            figure = qualifying_figure(s, bal.customer_id, now, program)
            target = review_tier(program, bal.tier, figure, bal.last_visit_at, now)
            if target is not None:
                ledger_writer.append(
                    s,
                    ledger_writer.draft(
                        till,
                        bal.customer_id,
                        EntryKind.TIER,
                        now,
                        tier=target.name,
                        program_version=program.version,
                        reason=f"yearly review: {figure} qualifying {program.point_name}",
                    ),
                )
                moved += 1
        if last is None:
            s.add(Setting(key=LAST_REVIEW_KEY, value=now.isoformat()))
        else:
            last.value = now.isoformat()
        return moved
