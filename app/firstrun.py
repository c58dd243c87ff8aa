"""First run from the shell: ``loyalty init`` (a real shop) and ``loyalty join`` (a till of a chain).

The owner's PIN is asked at a prompt (twice, hidden) or taken from ``LOYALTY_PIN``;
never from the command line, where ``ps`` and the shell history would keep it. A
pairing code likewise comes from a prompt or ``LOYALTY_PAIRING_CODE``.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from app.core.errors import InvalidInput, LoyaltyError
from app.core.money import CURRENCIES
from app.core.phone import country_name
from app.core.templates import Template
from app.services import setup
from app.services.setup import ShopSetup
from app.services.till import Till

PIN_ENV = "LOYALTY_PIN"
CODE_ENV = "LOYALTY_PAIRING_CODE"


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _line(prompt: str) -> str:
    """One line from the person at the keyboard, or from a pipe when scripted."""
    if _interactive():
        return input(prompt)
    print(prompt, end="", file=sys.stderr, flush=True)
    line = sys.stdin.readline()
    if not line:
        raise InvalidInput("{0} is needed (standard input ended).", what=prompt.strip().rstrip(":"))
    return line.rstrip("\r\n")


def ask_pin(prompt: str = "Owner PIN (4-8 digits): ") -> str:
    """The new owner's PIN: ``LOYALTY_PIN``, else typed twice without echo (one line each from a pipe)."""
    pin = os.environ.get(PIN_ENV, "")
    if pin:
        return pin.strip()
    if _interactive():
        first = getpass.getpass(prompt)
        if getpass.getpass("The same PIN again: ") != first:
            raise InvalidInput("The two PINs differ; nothing was set up.")
        return first.strip()
    return _line(prompt).strip()


def _pairing_code() -> str:
    return os.environ.get(CODE_ENV, "").strip() or _line("Pairing code (from the chain's manager): ").strip()


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    i = sub.add_parser(
        "init",
        help="set up a new real shop on this till (asks the owner's name and PIN)",
        description="Set up this till for a real shop. The owner's PIN is asked at a prompt or read from "
        f"{PIN_ENV}; it is never given on the command line.",
    )
    i.add_argument("--store", required=True, help="the shop's name, as customers see it")
    i.add_argument("--address", default="")
    i.add_argument("--currency", default="VND", choices=sorted(CURRENCIES), type=str.upper)
    i.add_argument("--timezone", default="Asia/Ho_Chi_Minh", help="e.g. Asia/Ho_Chi_Minh, America/New_York")
    i.add_argument(
        "--country",
        default="",
        help="the ISO 3166 country phones are typed in, e.g. VN, US (default: the country of --timezone)",
    )
    i.add_argument("--language", default="vi", choices=setup.LANGUAGES)
    i.add_argument("--template", default=Template.STAMP_CARD.value, choices=[t.value for t in Template])
    i.add_argument("--owner", default="", help="the owner's name (asked at a prompt when left out)")
    i.add_argument(
        "--server", default="", help=f"pair with this central server afterwards (code from a prompt or {CODE_ENV})"
    )
    j = sub.add_parser(
        "join",
        help="make this new till part of an existing chain (store, program and staff come from the server)",
    )
    j.add_argument("--server", required=True, help="the chain's central server, e.g. https://loyalty.example.vn")
    j.add_argument("--name", default="", help="a name for this till, e.g. 'Till 2'")


def cmd_init(args: argparse.Namespace) -> None:
    home = Path(args.home)
    if args.pin:
        raise InvalidInput(
            "`loyalty init` asks for the owner's PIN at a prompt (or reads {0}), not --pin.", variable=PIN_ENV
        )
    if setup.is_set_up(home):
        raise InvalidInput("{0} already holds a till; change the shop in the back office.", home=str(home))
    owner = args.owner.strip() or _line("Owner's name: ").strip()
    choice = setup.check_setup(
        ShopSetup(
            store_name=args.store,
            owner_name=owner,
            owner_pin=ask_pin(),
            currency=args.currency,
            timezone=args.timezone,
            country=args.country,
            language=args.language,
            address=args.address,
            template=args.template,
        )
    )
    till, who = setup.setup_shop(home, choice)
    print(
        f"{choice.store_name} is set up in {home}: {choice.currency}, {choice.timezone}, owner {who.name}; "
        f"phones without a country code are read as {country_name(choice.country)} ({choice.country}) numbers."
    )
    if args.server:
        _connect(till, home, args.server, "")
    print("Start the till with: loyalty-terminal" + (f" --home {home}" if str(home) != str(_default_home()) else ""))


def cmd_join(args: argparse.Namespace) -> None:
    home = Path(args.home)
    if setup.is_set_up(home):
        raise InvalidInput("{0} already holds a till; a till joins a chain only when it is new.", home=str(home))
    from app.bootstrap import open_till

    till = open_till(home)
    _connect(till, home, args.server, args.name)


def _connect(till: Till, home: Path, server: str, name: str) -> None:
    from sync.worker.client import SyncError
    from sync.worker.join import connect

    try:
        answer = connect(till, home, server, _pairing_code(), terminal_name=name)
    except SyncError as exc:
        raise LoyaltyError("Pairing with {0} failed: {1}", server=server, reason=exc.message) from None
    print(
        f"Paired with {server} as a till of “{answer.store.name}” ({answer.store.currency}, {answer.store.timezone})."
    )


def _default_home() -> Path:
    from app.bootstrap import DEFAULT_HOME

    return DEFAULT_HOME


COMMANDS = {"init": cmd_init, "join": cmd_join}
