"""The till a service runs on: its database, identity, card key, clock and program.

Services take a ``Till`` rather than globals so tests can run several tills side
by side (the sync chaos test runs five) and set the clock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.core.clock import utcnow
from app.core.phone import DEFAULT_REGION
from app.core.program import Program
from app.core.rewards import Period, Reward, RewardKind
from app.db.models import ProgramVersion, RewardRow, Setting, Store

# The store's country (ISO 3166, "VN", "US"): the default region of every phone typed or exported here.
COUNTRY_SETTING = "store.country"


@dataclass
class Till:
    engine: Engine
    terminal_id: str
    store_id: str
    card_key: bytes
    # The chain's PIN keys (``pin.key``, outside the database), current first: PIN hashes mix it in.
    pin_keys: tuple[bytes, ...] = ()
    clock: Callable[[], datetime] = utcnow
    # Whether the server answered recently: offline, redemptions may be capped per day.
    is_online: Callable[[], bool] = lambda: False
    _program: Program | None = field(default=None, repr=False)
    _country: str | None = field(default=None, repr=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: everything inside commits together, durably, or not at all."""
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    def program(self, session: Session | None = None) -> Program:
        """The active program version (cached; ``reload_program`` after an edit or a pull)."""
        if self._program is None:
            if session is None:
                with self.transaction() as s:
                    return self.program(s)
            row = session.scalars(select(ProgramVersion).where(ProgramVersion.active)).first()
            program = Program.from_json(row.body) if row else Program()
            store = session.get(Store, self.store_id)
            # Rules are evaluated in the store's own zone (a chain may span zones), and amounts are
            # in the store's currency (a US shop's program counts cents, whatever the template said).
            self._program = replace(program, timezone=store.timezone, currency=store.currency) if store else program
        return self._program

    def reload_program(self) -> None:
        self._program = None
        self._country = None

    def country(self, session: Session | None = None) -> str:
        """The store's country, the region a typed or exported phone is read in (cached like the program).

        Set by the owner (wizard, ``loyalty init --country``, shop settings) or, at a till that
        joins a chain, from its store (``sync.worker.pairing``). A till that was never told (one
        set up before countries existed) reads phones as Vietnamese, exactly as it always has:
        guessing from its zone would turn a Hanoi shop's ``0912 345 678`` into a foreign number
        the day its zone was set to Asia/Bangkok.
        """
        if self._country is None:
            if session is None:
                with self.transaction() as s:
                    return self.country(s)
            row = session.get(Setting, COUNTRY_SETTING)
            self._country = row.value if row and row.value else DEFAULT_REGION
        return self._country

    def store_name(self, session: Session) -> str:
        store = session.get(Store, self.store_id)
        return store.name if store else ""


def reward_from_row(row: RewardRow) -> Reward:
    return Reward(
        id=row.id,
        name=row.name,
        kind=RewardKind(row.kind),
        cost_points=row.cost_points,
        cost_full_card=row.cost_full_card,
        value=row.value,
        cap=row.cap,
        item_sku=row.item_sku,
        min_tier=row.min_tier,
        limit_count=row.limit_count,
        limit_period=Period(row.limit_period),
        active=row.active,
        starts_on=row.starts_on,
        ends_on=row.ends_on,
    )
