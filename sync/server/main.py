"""``loyalty-server``: run the central server, and the manager's few admin commands.

    loyalty-server --database-url postgresql://loyalty@db/loyalty --secrets-file /etc/loyalty/server.secret \
        --host 0.0.0.0 --port 443 --certfile fullchain.pem --keyfile privkey.pem
    loyalty-server --database-url … create-store --name "Cà Phê Quận 1"
    loyalty-server --database-url … pairing-code --store <store id>
    loyalty-server --database-url … publish-program --file program.json
    loyalty-server --database-url … save-reward --file reward.json
    loyalty-server --database-url … flags

The database is upgraded (Alembic) before the server listens. The URL may
also come from ``LOYALTY_SERVER_DATABASE_URL``.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, select

from app.core.errors import LoyaltyError
from sync.server import admin
from sync.server.auth import parse_networks
from sync.server.db import make_server_engine, write_session
from sync.server.metrics import MULTIPROC_ENV, prepare_multiprocess
from sync.server.migrate import upgrade
from sync.server.models import StoreRow, TerminalRow
from sync.server.settings import ENV, ServerSettings
from sync.server.vault import KEY_ENV, VaultError, load_secret

DEFAULT_URL = os.environ.get("LOYALTY_SERVER_DATABASE_URL", "sqlite:///loyalty-server.db")


def prepare(
    url: str, *, secrets_file: str | None = None, card_key: bytes | None = None, pin_key: bytes | None = None
) -> Engine:
    """Upgrade the database and make sure the server has its identity and its (sealed) card and PIN keys."""
    engine = make_server_engine(url)
    upgrade(engine)
    with write_session(engine) as s:
        admin.init_server(s, secret=load_secret(url, secrets_file), card_key=card_key, pin_key=pin_key)
    return engine


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="loyalty-server", description="The loyalty chain's central server.")
    p.add_argument(
        "--database-url", default=DEFAULT_URL, help="postgresql://… or sqlite:///path (default: %(default)s)"
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=int, default=1, help="server processes (PostgreSQL only)")
    p.add_argument("--max-body-mb", type=float, default=5.0, help="largest request body accepted")
    p.add_argument("--auth-burst", type=int, default=20, help="wrong tokens/codes allowed per address at once")
    p.add_argument("--auth-per-second", type=float, default=0.5, help="…and refilled at this rate")
    p.add_argument(
        "--secrets-file",
        default=None,
        help=f"the key sealing the chain's card and PIN keys (created 0600 when missing); or set {KEY_ENV}",
    )
    p.add_argument("--certfile", help="serve HTTPS with this certificate chain (PEM)")
    p.add_argument("--keyfile", help="…and this private key (PEM)")
    p.add_argument(
        "--trusted-proxies",
        default="",
        help="comma-separated addresses/networks of reverse proxies whose X-Forwarded-For is believed (default: none)",
    )
    p.add_argument("--docs", action="store_true", help="serve /docs and /openapi.json (development, fuzzing)")
    p.add_argument("--token-burst", type=int, default=600, help="requests one till may make at once")
    p.add_argument(
        "--history-days",
        type=int,
        default=396,
        help="a member entering a till's working set comes with this many days of history (the rest summed)",
    )
    p.add_argument("--token-per-second", type=float, default=50.0, help="…and then per second")
    p.add_argument("--log-level", default="info")
    p.add_argument("--parent-watch", action="store_true", help=argparse.SUPPRESS)  # embedded: exit with the till
    sub = p.add_subparsers(dest="command")
    sub.add_parser("serve", help="run the HTTP server (the default)")
    sub.add_parser("migrate", help="upgrade the database and exit")
    s = sub.add_parser("create-store", help="add a store to the chain")
    s.add_argument("--name", required=True)
    s.add_argument("--id", help="register an existing till's store under its own id")
    s.add_argument("--timezone", default="Asia/Ho_Chi_Minh")
    s.add_argument("--currency", default="VND")
    sub.add_parser("stores", help="list the stores")
    s = sub.add_parser(
        "set-card-key", help="start the chain with an existing till's card key (card.key; pin.key beside it too)"
    )
    s.add_argument("--file", type=Path, required=True)
    s = sub.add_parser("pairing-code", help="a one-time code that pairs a new till with a store")
    s.add_argument("--store", required=True, help="the store's id")
    s.add_argument("--hours", type=float, default=24.0, help="how long the code stays valid")
    s.add_argument(
        "--role", default="till", choices=["till", "head_office"], help="head_office: the back office (any profile)"
    )
    s.add_argument(
        "--scope",
        choices=["store", "region", "chain"],
        help="which members the till will hold (default: store for a till, chain for a head office)",
    )
    sub.add_parser("terminals", help="list the paired tills")
    s = sub.add_parser("set-scope", help="which members a till holds: its store's, its region's or the chain")
    s.add_argument("terminal_id")
    s.add_argument("scope", choices=["store", "region", "chain"])
    s = sub.add_parser("set-region", help="put a store in a region (tills of scope 'region' share its members)")
    s.add_argument("--store", required=True, help="the store's id")
    s.add_argument("--region", default="", help="the region's name (empty: none)")
    s = sub.add_parser("expire-working-set", help="members not seen for N days leave the tills' working sets")
    s.add_argument("--days", type=int, default=396)
    s = sub.add_parser("revoke", help="revoke a till's token")
    s.add_argument("terminal_id")
    s = sub.add_parser("publish-program", help="publish a program version (JSON, as Program.to_json)")
    s.add_argument("--file", type=Path, required=True)
    s = sub.add_parser("save-reward", help="add or change a reward (JSON)")
    s.add_argument("--file", type=Path, required=True)
    s = sub.add_parser("proposals", help="profile changes from tills of other stores, waiting for a manager")
    s.add_argument("--all", action="store_true", help="include decided ones")
    s = sub.add_parser("accept-proposal", help="apply another store's profile change")
    s.add_argument("proposal_id")
    s = sub.add_parser("reject-proposal", help="drop another store's profile change")
    s.add_argument("proposal_id")
    s = sub.add_parser("quarantine", help="hold a till's entries for review from now on (it keeps syncing)")
    s.add_argument("terminal_id")
    s.add_argument("--revoke", action="store_true", help="also revoke its token")
    s = sub.add_parser("unquarantine", help="count a till's new entries again")
    s.add_argument("terminal_id")
    s = sub.add_parser("held", help="entries held for review")
    s.add_argument("--terminal", default=None)
    for name, what in (("release", "count held entries and send them to the tills"), ("reject", "never count them")):
        s = sub.add_parser(name, help=what)
        s.add_argument("--terminal", default=None, help="all of this till's held entries")
        s.add_argument("--entry", action="append", default=[], help="this entry (repeatable)")
    s = sub.add_parser("flags", help="what a manager should look at")
    s.add_argument("--all", action="store_true", help="include resolved flags")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    command = args.command or "serve"
    logging.basicConfig(level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if bool(args.certfile) != bool(args.keyfile):
        print("--certfile and --keyfile go together", file=sys.stderr)
        return 2
    try:
        engine = prepare(args.database_url, secrets_file=args.secrets_file)
    except VaultError as exc:
        print(f"loyalty-server: {exc.message}", file=sys.stderr)
        return 2
    if command == "serve":
        return serve(args)
    if command == "migrate":
        print("database is up to date")
        return 0
    try:
        with write_session(engine) as s:
            if command == "create-store":
                store = admin.create_store(
                    s, name=args.name, timezone=args.timezone, currency=args.currency, store_id=args.id
                )
                print(store.id)
            elif command == "set-card-key":
                pin_file = args.file.with_name("pin.key")
                pin = bytes.fromhex(pin_file.read_text(encoding="ascii").split()[0]) if pin_file.exists() else None
                admin.set_card_key(
                    s,
                    bytes.fromhex(args.file.read_text(encoding="ascii").strip()),
                    load_secret(args.database_url, args.secrets_file),
                    pin,
                )
                print("the chain's card key is set")
            elif command == "stores":
                for st in admin.stores(s):
                    print(f"{st.id}  {st.name}  ({st.timezone}, {st.currency})")
            elif command == "pairing-code":
                code = admin.issue_pairing_code(
                    s, args.store, valid_for=timedelta(hours=args.hours), role=args.role, scope=args.scope
                )
                until = datetime.now(UTC) + timedelta(hours=args.hours)
                print(code)
                scope = args.scope or admin.default_scope(args.role)
                print(f"(valid once, until {until:%Y-%m-%d %H:%M} UTC; the till will hold: {scope})", file=sys.stderr)
            elif command == "terminals":
                for t in s.scalars(select(TerminalRow).order_by(TerminalRow.store_id, TerminalRow.name)):
                    store = s.get(StoreRow, t.store_id)
                    state = "revoked" if t.revoked_at else f"last seen {t.last_seen_at or 'never'}"
                    print(
                        f"{t.id}  {t.name or '-'}  store {store.name if store else t.store_id}  #{t.head_seq}  "
                        f"holds {t.scope}  {state}"
                    )
            elif command == "revoke":
                if not admin.revoke_terminal(s, args.terminal_id):
                    print("no such terminal", file=sys.stderr)
                    return 1
            elif command == "publish-program":
                version = admin.publish_program(s, admin.program_from_file_text(args.file.read_text(encoding="utf-8")))
                print(f"program version {version} is active")
            elif command == "save-reward":
                reward = admin.save_reward(s, admin.reward_from_json(args.file.read_text(encoding="utf-8")))
                print(reward.id)
            elif command == "proposals":
                for p in admin.proposals(s, include_decided=args.all):
                    print(json.dumps({"id": p.id, "member": p.customer_id, "from_terminal": p.terminal_id,
                                      "store": p.store_id, "decision": p.decision, "profile": json.loads(p.body)},
                                     ensure_ascii=False))  # fmt: skip
            elif command in ("accept-proposal", "reject-proposal"):
                admin.decide_proposal(s, args.proposal_id, accept=command == "accept-proposal")
                print(f"proposal {args.proposal_id} {command.split('-')[0]}ed")
            elif command == "set-scope":
                admin.set_scope(s, args.terminal_id, args.scope)
                print(f"terminal {args.terminal_id} holds: {args.scope}")
            elif command == "set-region":
                admin.set_region(s, args.store, args.region)
                print(f"store {args.store} is in region {args.region or '(none)'}")
            elif command == "expire-working-set":
                print(f"{admin.expire_working_set(s, args.days)} members left a working set")
            elif command == "quarantine":
                admin.quarantine_terminal(s, args.terminal_id, revoke=args.revoke)
                print(f"terminal {args.terminal_id} is quarantined" + (" and revoked" if args.revoke else ""))
            elif command == "unquarantine":
                admin.lift_quarantine(s, args.terminal_id)
                print(f"terminal {args.terminal_id} is no longer quarantined (held entries still wait for you)")
            elif command == "held":
                for h in admin.held_entries(s, args.terminal):
                    print(json.dumps({"entry": h.entry_id, "terminal": h.terminal_id, "member": h.customer_id,
                                      "held_at": h.held_at.isoformat(), "reason": h.reason},
                                     ensure_ascii=False))  # fmt: skip
            elif command in ("release", "reject"):
                if not args.terminal and not args.entry:
                    print(f"{command}: name --terminal or --entry", file=sys.stderr)
                    return 1
                n = admin.decide_held(
                    s, release=command == "release", terminal_id=args.terminal, entry_ids=args.entry or None
                )
                print(f"{n} {'entry' if n == 1 else 'entries'} {'released' if command == 'release' else 'rejected'}")
            elif command == "flags":
                for f in admin.open_flags(s, include_resolved=args.all):
                    print(
                        json.dumps(
                            {"id": f.id, "kind": f.kind, "count": f.count, "message": f.message}, ensure_ascii=False
                        )
                    )
    except (LoyaltyError, ValueError, OSError) as exc:
        print(f"{command}: {exc}", file=sys.stderr)
        return 1
    return 0


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    settings = ServerSettings(
        database_url=args.database_url,
        max_body_bytes=int(args.max_body_mb * 1024 * 1024),
        auth_burst=args.auth_burst,
        auth_per_second=args.auth_per_second,
        token_burst=args.token_burst,
        token_per_second=args.token_per_second,
        trusted_proxies=tuple(p.strip() for p in args.trusted_proxies.split(",") if p.strip()),
        docs=args.docs,
        secrets_file=args.secrets_file or "",
        history_days=args.history_days,
    )
    try:
        parse_networks(settings.trusted_proxies)
    except ValueError as exc:
        print(f"--trusted-proxies: {exc}", file=sys.stderr)
        return 2
    os.environ[ENV] = settings.to_env()
    if args.workers > 1 and not settings.database_url.startswith("postgres"):
        print("--workers needs PostgreSQL (SQLite takes one writer at a time)", file=sys.stderr)
        return 2
    own_dir = not os.environ.get(MULTIPROC_ENV)
    metrics_dir = prepare_multiprocess(args.workers)  # before uvicorn spawns them: every process's counters
    if args.parent_watch:
        _exit_with_parent()
    uvicorn.run(
        "sync.server.app:app_from_env",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers if args.workers > 1 else None,
        log_level=args.log_level,
        timeout_graceful_shutdown=5,
        # Our own X-Forwarded-For handling (--trusted-proxies) decides who the client is; uvicorn's
        # default would believe the header from any local connection.
        proxy_headers=False,
        ssl_certfile=args.certfile,
        ssl_keyfile=args.keyfile,
    )
    if metrics_dir and own_dir:  # the temporary one made above (an operator's own is left in place)
        shutil.rmtree(metrics_dir, ignore_errors=True)
    return 0


def _exit_with_parent() -> None:
    """Embedded beside a till: when the till's process ends (even killed), stdin closes and so do we."""

    def watch() -> None:
        try:
            sys.stdin.buffer.read()
        finally:
            os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


if __name__ == "__main__":
    raise SystemExit(main())
