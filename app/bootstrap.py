"""Open (or create) a till's home: its database, card key and identity.

The home folder holds everything a till has: ``terminal.db`` (the ledger),
``card.key`` (the key that signs card QR codes; 0600, never logged), ``pin.key``
(the chain's PIN key, mixed into every PIN hash, so a copy of the database alone
gives no PIN away) and the POS export folders. The home is owner-only (0700) and
its secret and database files 0600: set when they are made, repaired at each
start. A new home is migrated and given a store, a terminal and the default
program, so the till works before it has ever seen the server.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from sqlalchemy import select

from app.core.cardcode import new_card_key
from app.core.ids import new_id
from app.core.program import Program, worked_example_program
from app.db.engine import make_engine
from app.db.migrate import upgrade
from app.db.models import ProgramVersion, Store, Terminal
from app.services.settings import get_setting, set_setting  # re-exported: older callers import them here
from app.services.till import Till

__all__ = ["DEFAULT_HOME", "get_setting", "open_till", "read_secret", "secure_home", "set_setting"]

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


PIN_KEY_FILE = "pin.key"
# Files of the home that hold the ledger or a secret: owner-only, always.
PRIVATE_FILES = (
    "terminal.db",
    "terminal.db-wal",
    "terminal.db-shm",
    "terminal.db-journal",
    "card.key",
    PIN_KEY_FILE,
    "sync.token",
    "sync.json",
    "pairing.json",
    "server.db",
    "server.db-wal",
    "server.db-shm",
    "server.db.secret",
)


def secure_home(home: Path) -> None:
    """Owner-only home and files (POSIX). Repairs what a copy, a restore or an old version loosened."""
    if os.name != "posix":
        return
    os.chmod(home, 0o700)
    for name in PRIVATE_FILES:
        path = home / name
        if path.is_file() and not path.is_symlink():
            os.chmod(path, 0o600)


def _create_private(path: Path) -> None:
    """Create an empty owner-only file, so what SQLite makes beside it (-wal, -shm) is owner-only too."""
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))


def read_pin_keys(home: Path) -> tuple[bytes, ...]:
    """The PIN keys of this till, current first (a paired till keeps its own first key for old hashes)."""
    path = home / PIN_KEY_FILE
    read_secret(path, secrets.token_bytes(32))  # made at a standalone till's first start
    return tuple(bytes.fromhex(line) for line in path.read_text().split() if line)


def adopt_pin_key(home: Path, key: bytes) -> tuple[bytes, ...]:
    """Make the chain's PIN key current (at pairing); keys held before stay for hashes made with them."""
    keys = read_pin_keys(home)
    if keys and keys[0] == key:
        return keys
    keys = (key, *(k for k in keys if k != key))
    _write_private(home / PIN_KEY_FILE, "\n".join(k.hex() for k in keys) + "\n")
    return keys


def _write_private(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def open_till(
    home: Path | str = DEFAULT_HOME,
    *,
    store_name: str = "Cà Phê Demo",
    timezone: str = "Asia/Ho_Chi_Minh",
    program: Program | None = None,
) -> Till:
    """The till living in ``home``; a new home gets a store, a terminal and a program."""
    home = Path(home)
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    secure_home(home)
    _create_private(home / "terminal.db")
    engine = make_engine(home / "terminal.db")
    upgrade(engine)
    card_key = read_secret(home / "card.key", new_card_key())
    till = Till(engine=engine, terminal_id="", store_id="", card_key=card_key, pin_keys=read_pin_keys(home))
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
