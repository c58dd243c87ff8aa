"""What a till's back office writes to the chain: its store's staff, and program publications.

Staff: a till sends the staff rows it changed (add, disable, role, new PIN); the
server keeps the last one that arrives (its change number orders them) and every
till of that store pulls them, so a cashier can log in at any till of her store.
PIN hashes are opaque strings, stored as they came.

Publishing: only an active owner of the calling till's store may publish, and the
server checks her PIN against the hash it holds (``app.services.staff.check_pin``).
A publication the till queued while offline carries no PIN (the till checked it
when she approved, as for every offline manager approval): the server still
refuses it unless the staff member named is an active owner of that store.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import InvalidInput
from app.core.program import Program
from app.services.staff import check_pin
from sync.protocol import Published, PublishProgram, StaffAck, StaffPush
from sync.server import admin
from sync.server.db import ChangeCounter, current_change
from sync.server.errors import Refused
from sync.server.ledger import Caller
from sync.server.models import ProgramRow, RewardRow, StaffRow


def push_staff(session: Session, caller: Caller, body: StaffPush, now: datetime) -> StaffAck:
    for r in body.staff:
        if r.store_id != caller.store_id:
            raise Refused(
                403,
                "forbidden",
                f"Staff of store {r.store_id} was sent by a till of store {caller.store_id}: "
                "a till may only send its own store's staff.",
            )
    counter = ChangeCounter(session)
    for r in {r.id: r for r in body.staff}.values():  # the last copy in a batch wins
        row = session.get(StaffRow, r.id)
        if row is not None and row.store_id != caller.store_id:
            raise Refused(403, "forbidden", "This staff member belongs to another store.")
        data = {**r.model_dump(), "terminal_id": caller.terminal_id, "received_at": now, "change_no": counter.next()}
        if row is None:
            session.add(StaffRow(**data))
        else:
            for k, v in data.items():
                setattr(row, k, v)
    session.flush()
    change = counter.finish() if body.staff else current_change(session)
    return StaffAck(acked=list(dict.fromkeys(r.id for r in body.staff)), change=change)


def owner_of(
    session: Session, caller: Caller, staff_id: str, pin: str | None, pin_keys: Sequence[bytes] = ()
) -> StaffRow:
    """The active owner of the caller's store who approves, or a 403 saying why not."""
    row = session.get(StaffRow, staff_id)
    if row is None or not row.active or row.role != "owner" or row.store_id != caller.store_id:
        raise Refused(
            403,
            "not_owner",
            "Publishing the program needs an active owner of this till's store (as the server knows the staff; "
            "let the till sync its staff first).",
        )
    if pin is not None and not check_pin(pin, row.pin_hash, pin_keys):
        raise Refused(403, "wrong_pin", "That is not the owner's PIN.")
    return row


def publish(session: Session, caller: Caller, body: PublishProgram, pin_keys: Sequence[bytes] = ()) -> Published:
    """``pin_keys``: the chain's PIN key, so a hash made at a paired till checks here too."""
    owner_of(session, caller, body.staff_id, body.pin, pin_keys)
    try:
        program = Program.from_json(body.body)
        active = session.scalars(select(ProgramRow).where(ProgramRow.active)).first()
        if active is not None and _same(active.body, program):  # a retry of a publication already made
            version = active.version
        else:
            version = admin.publish_program(session, program)
        for r in body.rewards:
            admin.save_reward(session, r)  # checked by the core's rules first
    except InvalidInput as err:  # the whole publication is refused: the transaction rolls back
        raise Refused(422, "invalid_program", err.message) from None
    sent = {r.id for r in body.rewards}
    counter = ChangeCounter(session)
    for row in session.scalars(select(RewardRow).where(RewardRow.active, RewardRow.id.not_in(sent or {""}))):
        row.active, row.change_no = False, counter.next()  # left out of the catalog: withdrawn
    session.flush()
    counter.finish()
    return Published(version=version, change=current_change(session))


def _same(stored_body: str, program: Program) -> bool:
    a, b = json.loads(stored_body), json.loads(program.to_json())
    a.pop("version", None)
    b.pop("version", None)
    return a == b
