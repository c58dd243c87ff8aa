"""Open (or create) a till's home: its database, card key and identity.

The home folder holds everything a till has: ``terminal.db`` (the ledger),
``card.key`` (the key that signs card QR codes; 0600, never logged) and the POS
export folders. A new home is migrated and given a store, a terminal and the
default program, so the till works before it has ever seen the server.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import select

from app.core.cardcode import new_card_key
from app.core.ids import new_id
from app.core.program import Program, worked_example_program
from app.db.engine import make_engine
from app.db.migrate import upgrade
from app.db.models import ProgramVersion, Setting, Store, Terminal
from app.services.till import Till

DEFAULT_HOME = Path(os.environ.get("LOYALTY_HOME", Path.home() / ".loyalty-terminal"))


def read_secret(path: Path, make: bytes | None = None) -> bytes:
    """Read a secret file, creating it (owner-only) with ``make`` when missing."""
    if not path.exists():
        if make is None:
            raise FileNotFoundError(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written aside, then linked in whole: a kill or a power cut during the first start
        # must not leave an empty or half-written key that the till can never start with.
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(make.hex().encode())
                f.flush()
                os.fsync(f.fileno())
            try:
                os.link(tmp, path)  # like O_EXCL: if another process made the key first, theirs stands
            except FileExistsError:
                pass
            _fsync_dir(path.parent)
        finally:
            tmp.unlink(missing_ok=True)
    return bytes.fromhex(path.read_text().strip())


def _fsync_dir(folder: Path) -> None:
    """Make a new directory entry durable (POSIX; Windows cannot open a folder for this)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def get_setting(till: Till, key: str, default: str = "") -> str:
    with till.transaction() as s:
        row = s.get(Setting, key)
        return row.value if row else default


def set_setting(till: Till, key: str, value: str) -> None:
    with till.transaction() as s:
        row = s.get(Setting, key)
        if row is None:
            s.add(Setting(key=key, value=value))
        else:
            row.value = value


def open_till(
    home: Path | str = DEFAULT_HOME,
    *,
    store_name: str = "Cà Phê Demo",
    timezone: str = "Asia/Ho_Chi_Minh",
    program: Program | None = None,
) -> Till:
    """The till living in ``home``; a new home gets a store, a terminal and a program."""
    home = Path(home)
    home.mkdir(parents=True, exist_ok=True)
    engine = make_engine(home / "terminal.db")
    upgrade(engine)
    card_key = read_secret(home / "card.key", new_card_key())
    till = Till(engine=engine, terminal_id="", store_id="", card_key=card_key)
    with till.transaction() as s:
        me = s.scalars(select(Terminal).where(Terminal.is_self)).first()
        if me is None:
            store = Store(id=new_id(), name=store_name, timezone=timezone, currency="VND")
            s.add(store)
            s.flush()
            me = Terminal(id=new_id(), store_id=store.id, name="Till 1", is_self=True)
            s.add(me)
        if s.scalars(select(ProgramVersion).where(ProgramVersion.active)).first() is None:
            p = program or worked_example_program()
            s.add(ProgramVersion(version=p.version, body=p.to_json(), active=True))
        till.terminal_id, till.store_id = me.id, me.store_id
    return till
