"""Flags: what the server wants a manager to see. A flag never blocks a sale."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.core.ids import new_id
from sync.server.db import ChangeCounter, write_session
from sync.server.errors import FlagSpec
from sync.server.metrics import FLAGS_RAISED
from sync.server.models import FlagRow


def raise_flag(session: Session, counter: ChangeCounter, spec: FlagSpec, now: datetime) -> None:
    """Add a flag, or count one more occurrence of the same open flag."""
    FLAGS_RAISED.labels(spec.kind).inc()
    if spec.dedupe_key:
        open_flag = session.scalars(select(FlagRow).where(FlagRow.dedupe_key == spec.dedupe_key)).first()
        if open_flag is not None:
            open_flag.count += 1
            open_flag.last_seen_at = now
            open_flag.message = spec.message
            open_flag.change_no = counter.next()
            return
    session.add(
        FlagRow(
            id=new_id(),
            kind=spec.kind,
            store_id=spec.store_id,
            terminal_id=spec.terminal_id,
            customer_id=spec.customer_id,
            entry_id=spec.entry_id,
            seq=spec.seq,
            message=spec.message,
            dedupe_key=spec.dedupe_key,
            count=1,
            created_at=now,
            last_seen_at=now,
            change_no=counter.next(),
        )
    )


def record_flag(engine: Engine, spec: FlagSpec, now: datetime) -> None:
    """In its own transaction: the batch that caused it was rolled back."""
    with write_session(engine) as s:
        counter = ChangeCounter(s)
        raise_flag(s, counter, spec, now)
        s.flush()
        counter.finish()
