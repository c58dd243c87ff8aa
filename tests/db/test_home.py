"""A till's home folder survives a bad first start and two programs starting it at once.

The cashier app and the headless sync worker may both open the same new home;
a first start may be cut short (a kill, a power cut). Either way the till must
start again with one identity and one card key — a till whose key is lost or
empty can no longer verify the cards it printed.
"""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from pathlib import Path

from app.bootstrap import open_till
from app.core import cardcode
from app.core.cardcode import CARD_KEY_BYTES

ROOT = Path(__file__).resolve().parents[2]

_OPEN_AND_REPORT = """
import json, sys
sys.path.insert(0, {root!r})
from app.bootstrap import open_till
till = open_till({home!r})
print(json.dumps([till.terminal_id, till.store_id, till.card_key.hex()]))
"""


def test_the_card_key_is_whole_private_and_kept(tmp_path: Path) -> None:
    home = tmp_path / "home"
    till = open_till(home)
    till.engine.dispose()
    key_file = home / "card.key"
    assert len(till.card_key) == CARD_KEY_BYTES
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert [p.name for p in home.iterdir() if p.name.endswith(".tmp")] == []
    payload = cardcode.sign_card_payload(cardcode.make_card_number(42), till.card_key)
    again = open_till(home)
    again.engine.dispose()
    assert cardcode.verify_card_payload(payload, again.card_key) == cardcode.make_card_number(42)


def test_a_first_start_cut_short_while_writing_the_key_starts_again(tmp_path: Path) -> None:
    """What a kill between creating and filling the key leaves: a stray half-written temp file."""
    home = tmp_path / "home"
    home.mkdir()
    (home / ".card.key.4242.tmp").write_bytes(b"0badc0de")
    till = open_till(home)
    till.engine.dispose()
    assert len(till.card_key) == CARD_KEY_BYTES


def test_two_programs_opening_a_new_home_at_once_agree_on_one_till(tmp_path: Path) -> None:
    home = tmp_path / "home"
    code = _OPEN_AND_REPORT.format(root=str(ROOT), home=str(home))
    procs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True) for _ in range(4)]
    seen = []
    for p in procs:
        out, _ = p.communicate(timeout=60)
        assert p.returncode == 0
        seen.append(tuple(json.loads(out)))
    assert len(set(seen)) == 1, f"one home, one till: {seen}"
    till = open_till(home)
    till.engine.dispose()
    assert (till.terminal_id, till.store_id, till.card_key.hex()) == seen[0]
