"""``loyalty-sync``: the sync worker without the cashier app (a back-room PC, a service).

    loyalty-sync --home D:/loyalty pair --server https://loyalty.example.vn      # asks for the code
    echo ABCDE-FGHJK | loyalty-sync --home D:/loyalty pair --server https://…       # or reads it from stdin
    loyalty-sync --home D:/loyalty                  # run until stopped (Ctrl-C, SIGTERM)
    loyalty-sync --home D:/loyalty run --once       # one push+pull cycle; exit 1 if it failed
    loyalty-sync --home D:/loyalty status

The server is the one named by ``--server``, else ``sync.json`` in the home,
else the one the till was paired with.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from pathlib import Path

from app.bootstrap import DEFAULT_HOME, open_till
from app.services.housekeeping import Housekeeper
from app.services.syncstatus import SyncStatus, pending_count
from app.services.till import Till
from sync.worker.client import SyncError, check_server_url
from sync.worker.pairing import SERVER_URL, pair_till, paired_with, read_config, read_token, setting
from sync.worker.worker import SyncWorker, describe


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="loyalty-sync", description="Sync a till's ledger with the central server.")
    p.add_argument("--home", type=Path, default=DEFAULT_HOME, help="the till's home folder (default: %(default)s)")
    p.add_argument("--log-level", default="info")
    sub = p.add_subparsers(dest="command")
    r = sub.add_parser("run", help="push and pull until stopped (the default)")
    r.add_argument("--server", default="", help="the server's URL")
    r.add_argument("--code", default="", help="a pairing code, if the till is not paired yet")
    r.add_argument("--once", action="store_true", help="one cycle, then exit")
    r.add_argument("--interval", type=float, default=10.0, help="seconds between cycles when all is well")
    r.add_argument("--batch", type=int, default=1000, help="outbox items per push")
    r.add_argument("--pull-limit", type=int, default=1000, help="records per pulled page")
    r.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for the server")
    r.add_argument("--backoff-cap", type=float, default=60.0, help="longest wait between failed tries")
    r.add_argument(
        "--housekeeping-delay", type=float, default=60.0, help="seconds before the first housekeeping pass (not --once)"
    )
    pr = sub.add_parser("pair", help="pair this till with a server using a one-time code")
    pr.add_argument("--server", required=True)
    pr.add_argument(
        "--code",
        default="",
        help="the one-time pairing code; left out, it is asked for (or read from stdin), so it never "
        "shows in the process list or the shell's history",
    )
    pr.add_argument("--name", default="", help="a name for this till on the server")
    for q in (r, pr):
        q.add_argument("--insecure", action="store_true", help="allow plain http:// to a host that is not this PC")
        q.add_argument("--ca-file", default="", help="trust this CA certificate (a self-signed server)")
    sub.add_parser("status", help="what is waiting, and which server")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    till = open_till(args.home)
    command = args.command or "run"
    if command == "pair":
        config = read_config(args.home)
        code = args.code or _ask_code()
        if not code:
            print("Pairing failed: no pairing code was given.", file=sys.stderr)
            return 2
        try:
            answer = pair_till(
                till,
                args.home,
                args.server.rstrip("/"),
                code,
                terminal_name=args.name,
                insecure=args.insecure or config.insecure,
                verify=args.ca_file or config.ca_file or True,
            )
        except SyncError as exc:
            print(f"Pairing failed: {exc.message}", file=sys.stderr)
            return 1
        print(f"Paired with {args.server} as a till of “{answer.store.name}”.")
        return 0
    if command == "status":
        url, server_id = paired_with(till, args.home)
        print(f"server: {url or '(not paired)'}  id: {server_id or '-'}")
        print(f"waiting to be sent: {pending_count(till)}")
        return 0
    if not hasattr(args, "server"):  # bare ``loyalty-sync``: run with the defaults
        args = _parser().parse_args([*(argv or sys.argv[1:]), "run"])
    return run(till, args)


def _ask_code() -> str:
    """The pairing code typed without echo at a terminal, or the first line of stdin (a script's pipe)."""
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass("Pairing code: ").strip()
    return sys.stdin.readline().strip()


def resolve_server(
    till: Till, home: Path, server: str, code: str, *, insecure: bool = False, verify: bool | str = True
) -> tuple[str, str]:
    """(URL, token), pairing first when a code is given and the till is not paired with that server."""
    config = read_config(home)
    url = (server or config.server_url or setting(till, SERVER_URL)).rstrip("/")
    if not url:
        raise SystemExit("No server: pass --server, or write sync.json, or pair the till first.")
    check_server_url(url, insecure=insecure)  # before anything secret would travel
    code = code or config.pairing_code
    paired_url, _ = paired_with(till, home)
    if code and paired_url != url:
        pair_till(till, home, url, code, insecure=insecure, verify=verify)
    token = read_token(home)
    if not token:
        raise SystemExit(f"This till is not paired with {url}: run `loyalty-sync pair --server {url} --code …`.")
    return url, token


def run(till: Till, args: argparse.Namespace) -> int:
    config = read_config(args.home)
    insecure, verify = args.insecure or config.insecure, args.ca_file or config.ca_file or True
    try:
        url, token = resolve_server(till, args.home, args.server, args.code, insecure=insecure, verify=verify)
    except SyncError as exc:
        print(f"loyalty-sync: {exc.message}", file=sys.stderr)
        return 1
    worker = SyncWorker(
        till,
        url,
        token,
        batch_size=args.batch,
        pull_limit=args.pull_limit,
        interval=args.interval,
        timeout=args.timeout,
        backoff_cap=args.backoff_cap,
        insecure=insecure,
        verify=verify,
    )
    if args.once:
        try:
            report = worker.run_once()
        except Exception as exc:
            print(f"Sync failed: {describe(exc)}", file=sys.stderr)
            return 1
        finally:
            worker.stop()
        print(
            f"pushed {report.pushed_entries} entries and {report.pushed_customers} members; "
            f"pulled {report.pulled_entries} entries and {report.pulled_customers} members"
        )
        return 1 if report.refused else 0
    done = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: done.set())
    last: list[SyncStatus] = []

    def show(status: SyncStatus) -> None:
        if not last or (status.online, status.last_error) != (last[0].online, last[0].last_error):
            state = "online" if status.online else "offline"
            print(f"{state}; {status.pending} waiting; {status.last_error or 'no error'}", flush=True)
        last[:] = [status]

    worker.add_listener(show)
    worker.start()
    # A back-room PC or a back office's node may run no cashier app: its outbox, its POS folders, its
    # database's free pages and the members who left its working set are kept here (as the app does).
    keeper = Housekeeper(till, first_delay=args.housekeeping_delay)
    keeper.start()
    try:
        done.wait()
    finally:
        keeper.stop()
        worker.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
