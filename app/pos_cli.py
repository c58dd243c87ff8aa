"""``loyalty-pos-bridge``: run the bridge headless against a folder, for a back-room PC or cron.

loyalty-pos-bridge --home ~/.loyalty-terminal --folder /srv/pos-exports --once
loyalty-pos-bridge --folder /srv/pos-exports --reader kiotviet --watch
loyalty-pos-bridge map sample-export.xlsx          # map an unknown POS's columns to a profile
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from app.bootstrap import DEFAULT_HOME, open_till
from app.services.pos_bridge import FolderConfig, PosBridge, configured_folders, describe
from pos_bridge.readers.registry import default_registry


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["map"]:
        from pos_bridge.mapcli import main as map_main

        return map_main(argv[1:], default_home=DEFAULT_HOME)
    p = argparse.ArgumentParser(prog="loyalty-pos-bridge", description=__doc__.splitlines()[0])
    p.add_argument("--home", default=str(DEFAULT_HOME), help="the till's data folder (default %(default)s)")
    p.add_argument(
        "--folder",
        action="append",
        default=[],
        help="an export folder (repeatable; default: the folders configured for this till)",
    )
    p.add_argument(
        "--reader",
        default=None,
        help=f"the POS format ({', '.join(default_registry().names())}); default: recognise each file",
    )
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--once", action="store_true", help="read what is there now and exit (the default)")
    mode.add_argument("--watch", action="store_true", help="keep watching until interrupted")
    p.add_argument("--settle", type=float, default=2.0, help="seconds a file must stay unchanged before reading")
    p.add_argument(
        "--sibling-wait",
        type=float,
        default=60.0,
        help="seconds to wait for a missing file of a multi-file export (kept across --once runs)",
    )
    p.add_argument("--tz", default=None, help="the export's time zone (default: the store's), e.g. America/New_York")
    p.add_argument("--currency", default=None, help="the export's currency (default: the store's), e.g. USD")
    args = p.parse_args(argv)
    till = open_till(Path(args.home))
    folders = [FolderConfig(f, args.reader, args.tz, args.currency) for f in args.folder] or configured_folders(till)
    if not folders:
        print("No export folder: give --folder.", file=sys.stderr)
        return 2
    bridge = PosBridge(till, folders, settle_seconds=args.settle, sibling_wait_seconds=args.sibling_wait)
    bridge.add_listener(lambda r: print(describe(r) + "".join(f"\n  note: {n}" for n in r.notes), flush=True))
    if args.watch:
        try:
            while True:
                bridge.poll()
                time.sleep(1.0)
        except KeyboardInterrupt:
            return 0
    # --once: poll until every file is handled or waits for a sibling (files need two polls `settle`
    # apart to count as complete), and no longer than the deadline.
    deadline = time.monotonic() + args.settle * 3 + 2
    handled = 0
    while time.monotonic() < deadline:
        reports = bridge.poll()
        handled += len(reports)
        if not reports and bridge.watcher.idle:
            break
        time.sleep(min(0.5, args.settle / 2 or 0.1))
    waiting = bridge.watcher.waiting
    print(f"{handled} export(s) handled" + (f"; waiting: {'; '.join(waiting)}" if waiting else "."))
    return 0


if __name__ == "__main__":
    sys.exit(main())
