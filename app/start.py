"""The console entry points, kept thin: the cyclic garbage collector waits while the app starts.

Start-up allocates hundreds of thousands of objects (imports, SQLAlchemy's mappers, Qt's enums)
and none of them is garbage, so the collector's passes over them are pure cost: about 15 % of the
CPU to the login window (``tests/benchmarks/bench_start.py``). It is paused here, before the first
import, and the cashier app turns it back on once the login window has painted (``app.ui.main.run``
freezes what was built, then enables it); every other command turns it back on before it runs.
https://docs.python.org/3/library/gc.html#gc.freeze
"""

from __future__ import annotations

import gc
from collections.abc import Sequence


def run_terminal(argv: Sequence[str] | None = None) -> int:
    """``loyalty-terminal``: the cashier app."""
    gc.disable()
    try:
        from app.cli import run_terminal as run

        return run(argv)
    finally:
        gc.enable()


def main(argv: Sequence[str] | None = None) -> int:
    """``loyalty``: the app (``loyalty run``) or one command."""
    gc.disable()
    try:
        from app.cli import main as cli_main

        return cli_main(argv)
    finally:
        gc.enable()
