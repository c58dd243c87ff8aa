"""The till from a shell: run the app, or enrol / award / redeem / show / print a card.

Every command is one call into the same services the cashier window uses, so
the core can be demonstrated and scripted without a screen.
"""

from __future__ import annotations

import argparse
import gc
import getpass
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from app import firstrun
from app.bootstrap import DEFAULT_HOME, open_till
from app.core.errors import InvalidInput, LoyaltyError, NotFound
from app.core.lifecycle import Birthday, parse_birthday
from app.core.money import currency, format_money, parse_amount
from app.services import (
    balances,
    catalog,
    corrections,
    customers,
    lifecycle,
    name_words,
    redemption,
    staff,
    vouchers,
)
from app.services.settings import get_setting
from app.services.setup import LANGUAGE_SETTING
from app.services.till import Till


def _till(args: argparse.Namespace) -> Till:
    return open_till(Path(args.home))


def _pin(args: argparse.Namespace) -> str:
    """The staff PIN: from ``LOYALTY_PIN``, else asked for without echo. Never from argv: ``ps`` shows argv
    to every user of the machine."""
    pin = os.environ.get("LOYALTY_PIN", "")
    if not pin and sys.stdin.isatty():
        pin = getpass.getpass("Staff PIN: ")
    if not pin:
        raise LoyaltyError("Type your staff PIN when asked, or set LOYALTY_PIN (never on the command line).")
    return pin


class _NoPinOnArgv(argparse.Action):
    def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        parser.error("PINs are not taken on the command line (other users see it in `ps`): type it when asked, "
                     "or set LOYALTY_PIN.")  # fmt: skip


def _birthday(text: str) -> Birthday | None:
    """The same day-first parser as the till's ("24/11", "24.11", "24-11-1990")."""
    return parse_birthday(text)


def _money(till: Till, minor: int) -> str:
    """An amount in the shop's currency, written as the shop's language writes it ($12.34, 125.000 ₫)."""
    language = get_setting(till, LANGUAGE_SETTING, "vi")
    return format_money(minor, currency(till.program().currency), language)


def _one(till: Till, query: str) -> tuple[str, customers.Lookup]:
    found = customers.find(till, query)
    if not found.matches:
        raise NotFound("No member found for {0}.", query=query)
    if len(found.matches) > 1:
        names = "; ".join(f"{m.name} ({m.card_number})" for m in found.matches[:10])
        raise LoyaltyError("Several members match: {0}. Use the card number.", names=names)
    return found.matches[0].customer_id, found


def cmd_show(args: argparse.Namespace) -> None:
    till = _till(args)
    cid, _ = _one(till, args.query)
    v = customers.view(till, cid)
    print(f"{v.name}  card {v.card_number}  phone {v.phone}  tier {v.tier}{'  BLOCKED' if v.blocked else ''}")
    print(
        f"  {v.balance.points} {v.point_name}, stamps {v.stamps_on_card}/{v.card_size}"
        f"{f' (+{v.full_cards} full card)' if v.full_cards else ''}, visits {v.balance.visits}, "
        f"spent {_money(till, v.balance.lifetime_spend)}"
    )
    for o in v.rewards:
        state = "available" if o.affordable else f"needs {o.missing} more"
        print(f"  - {o.reward.name}: {o.reward.cost_text(till.program())} — {state}")
    for flag in v.flags:
        print(f"  ! {flag}")


def cmd_enroll(args: argparse.Namespace) -> None:
    bday = _birthday(args.birthday) if args.birthday else None  # a typo is said before the PIN is asked
    till = _till(args)
    who = staff.login(till, _pin(args))
    e = customers.enroll(
        till, name=args.name, phone=args.phone, staff=who, birthday=bday, referral_code=args.referral or ""
    )
    print(f"Enrolled {args.name}: card {e.card_number}, referral code {e.referral_code}")
    print(f"QR payload: {e.payload}")


def cmd_award(args: argparse.Namespace) -> None:
    from app.core.earning import Bill
    from app.services import awards

    till = _till(args)
    who = staff.login(till, _pin(args))
    cid, _ = _one(till, args.query)
    amount = parse_amount(args.amount, currency(till.program().currency))
    r = awards.award(till, cid, Bill(paid=amount), staff=who)
    print(
        f"Awarded {_money(till, amount)}: +{r.points} "
        f"{till.program().point_name}, +{r.stamps} stamps" + (f", now {r.new_tier}" if r.new_tier else "")
    )
    for f in r.flags:
        print(f"  ! {f}")


def cmd_redeem(args: argparse.Namespace) -> None:
    till = _till(args)
    who = staff.login(till, _pin(args))
    cid, found = _one(till, args.card)
    if found.via not in ("card", "number"):
        raise LoyaltyError("Redeeming needs the member's card: give its QR payload or card number.")
    matches = [r for r in catalog.rewards(till) if args.reward.lower() in (r.id.lower(), r.name.lower())]
    if not matches:
        raise NotFound("No reward named {0}. See `loyalty rewards`.", reward=args.reward)
    bill = parse_amount(args.bill) if args.bill else 0
    r = redemption.redeem(
        till, cid, matches[0].id, staff=who, identified=True, bill=bill, points_to_spend=args.points or 0
    )
    print(
        f"Redeemed {matches[0].name}: −{r.redemption.points} points, −{r.redemption.stamps} stamps"
        + (f", discount {_money(till, r.redemption.discount)}" if r.redemption.discount else "")
        + (f", voucher {r.voucher_code}" if r.voucher_code else "")
    )
    if r.voucher is not None:
        print(f"  voucher QR: {r.voucher.payload}  (valid until {r.voucher.expires_on:%d/%m/%Y})")


def cmd_voucher(args: argparse.Namespace) -> None:
    till = _till(args)
    who = staff.login(till, _pin(args))
    cid = _one(till, args.member)[0] if args.member else None
    bill = parse_amount(args.bill) if args.bill else 0
    use = vouchers.redeem(till, args.code, staff=who, customer_id=cid, bill=bill)
    print(f"Voucher {use.code} used: take {_money(till, use.discount)} off the bill.")


def cmd_rewards(args: argparse.Namespace) -> None:
    till = _till(args)
    for r in catalog.rewards(till):
        print(f"{r.id}  {r.name}  ({r.cost_text(till.program())})")


def cmd_card(args: argparse.Namespace) -> None:
    from app.cards.render import CardFace, render_card_pdf, render_card_png
    from app.core.cardcode import sign_card_payload

    till = _till(args)
    cid, _ = _one(till, args.query)
    v = customers.view(till, cid)
    with till.transaction() as s:
        store = till.store_name(s)
    face = CardFace(
        name=v.name,
        card_number=v.card_number,
        payload=sign_card_payload(v.card_number, till.card_key),
        store_name=store,
        tier=v.tier,
    )
    out = Path(args.out)
    path = render_card_pdf([face], out) if out.suffix.lower() == ".pdf" else render_card_png(face, out)
    print(f"Card written to {path}")


def cmd_adjust(args: argparse.Namespace) -> None:
    till = _till(args)
    manager = staff.require_manager(till, _pin(args))
    cid, _ = _one(till, args.query)
    e = corrections.adjust(till, cid, points=args.points, stamps=args.stamps, reason=args.reason, manager=manager)
    print(f"Adjusted: {e.points:+} points, {e.stamps:+} stamps (entry {e.id})")


def cmd_expire(args: argparse.Namespace) -> None:
    till = _till(args)
    staff.require_manager(till, _pin(args))
    print(
        f"Expired the points of {lifecycle.run_expiry(till)} members; "
        f"{lifecycle.run_tier_review(till)} tier changes at the yearly review."
    )


def cmd_verify(args: argparse.Namespace) -> None:
    till = _till(args)
    with till.transaction() as s:
        last = balances.verify_terminal_chain(s, till.terminal_id)
        bad = balances.mismatches(s)
    print(f"Chain of this till verified: {last} entries.")
    if bad:
        raise LoyaltyError(
            "{0} cached balances differ from the ledger: {1}",
            count=len(bad),
            first=", ".join(str(b[0]) for b in bad[:5]),
        )
    print("Every cached balance equals a rebuild from the ledger.")


def cmd_rebuild_search(args: argparse.Namespace) -> None:
    """The name-word index the back office searches, recomputed from the names (after a bulk load)."""
    till = _till(args)
    with till.transaction() as s:
        before = name_words.indexed(s)
        written = name_words.rebuild(s)
        same = name_words.indexed(s) == before
    print(f"Name search index rebuilt: {written} words; " + ("it was up to date." if same else "it had drifted."))


def cmd_housekeeping(args: argparse.Namespace) -> None:
    """One housekeeping pass now (what the app does in the background); the settings; the one-off switch."""
    from app.services import housekeeping
    from app.services.settings import set_setting

    till = _till(args)
    limits = {
        housekeeping.OUTBOX_DAYS: args.outbox_days,
        housekeeping.ARCHIVE_DAYS: args.archive_days,
        housekeeping.QUARANTINE_DAYS: args.quarantine_days,
    }
    if args.compact or any(v is not None for v in limits.values()):
        staff.require_manager(till, _pin(args))
    for key, value in limits.items():
        if value is not None:
            if value < 0:
                raise InvalidInput("A number of days is 0 (keep for ever) or more.")
            set_setting(till, key, str(value))
    if args.compact:
        db = Path(args.home) / "terminal.db"
        before = db.stat().st_size
        switched = housekeeping.enable_incremental_vacuum(till)
        print(
            "The database now gives free space back step by step (it was compacted once: "
            f"{before / 2**20:.0f} MB → {db.stat().st_size / 2**20:.0f} MB)."
            if switched
            else "The database already gives free space back step by step."
        )
    report = housekeeping.run_once(till, max_vacuum_steps=1_000_000, pause=0)
    kept = {k.split(".")[1]: housekeeping.days_setting(till, k) for k in limits}
    print(
        f"Outbox: {report.outbox_pruned} acknowledged rows pruned (kept {kept['outbox_days']} days). "
        f"POS folders: {report.rotated.archive_days} archive days and {report.rotated.quarantined} quarantined "
        f"files deleted (kept {kept['archive_days']} and {kept['quarantine_days']} days; 0 = for ever). "
        f"Back-office summaries: {report.spends_rolled} members' 12-month spends moved to this month, "
        f"the dashboard's 30 days {'moved to end today' if report.window_moved else 'already current'}. "
        f"Vacuum: {report.pages_freed} free pages given back."
    )


def run_terminal(argv: Sequence[str] | None = None) -> int:
    """Start the cashier app; a new till first asks: the demo, or a real shop (wizard)."""
    parser = argparse.ArgumentParser(prog="loyalty-terminal", description=run_terminal.__doc__)
    parser.add_argument("--home", default=str(DEFAULT_HOME), help="the till's data folder (default %(default)s)")
    parser.add_argument("--demo", action="store_true", help="a new till starts the demo without asking")
    parser.add_argument("--no-demo", action="store_true", help="a new till goes straight to the real-shop setup")
    parser.add_argument("--no-sync", action="store_true", help="run without the sync worker (offline till)")
    args, qt_args = parser.parse_known_args(argv)
    return _run(Path(args.home), demo=_first_run(args), sync=not args.no_sync, qt_args=qt_args)


def _first_run(args: argparse.Namespace) -> bool | None:
    """True: seed the demo on a new till; False: set up a real shop; None: ask (the demo is the default)."""
    return True if args.demo else False if args.no_demo else None


def _run(home: Path, *, demo: bool | None, sync: bool, qt_args: list[str]) -> int:
    from app.services.setup import is_set_up

    if not is_set_up(home) and demo is not True:
        gc.enable()  # the wizard is a long-lived window: the collector (paused by app.start) runs again
        from app.ui.setup_wizard import run_wizard

        outcome = run_wizard(home, real_shop=demo is False, argv=[sys.argv[0], *qt_args])
        if outcome is None:  # the wizard was closed: nothing is set up, nothing starts
            return 0
        demo = outcome == "demo"
    till = open_till(home)
    if demo:  # imported only for the demo: its sample data is not on a real shop's start path
        from app import demo as demo_data

        if not demo_data.is_seeded(till):
            info = demo_data.seed(till)
            print(
                f"Demo till ready in {home}. PINs: cashier {info.cashier_pin}, manager {info.manager_pin}, "
                f"owner {info.owner_pin}. Try the phone {info.sample_phone}."
            )
    # Sync starts once the login window has painted (importing it costs a quarter of a second the
    # cashier would wait for): until then, and if it fails, the status line says offline.
    from app.services.late_sync import LateSync, embedded_sync

    late = LateSync(embedded_sync(home, till)) if sync else None
    # The POS bridge watches the export folders in its own thread. Like sync, a problem there (a
    # share that is gone, a bad setting) is said and the till still opens: sales can be typed.
    from app.services.pos_bridge import PosBridge, configured_folders

    bridge: PosBridge | None = None
    try:
        if configured_folders(till):
            bridge = PosBridge(till)
            bridge.start()
            print("Watching POS exports in: " + ", ".join(str(f) for f in bridge.folders))
    except Exception as exc:
        print(f"POS bridge not started ({exc}); award sales by hand.", file=sys.stderr)
        bridge = None
    try:
        from app.ui.main import run

        return run(
            till,
            sync=late,
            pos_bridge=bridge,
            argv=[sys.argv[0], *qt_args],
            after_paint=[late.begin] if late is not None else [],
        )
    finally:
        if bridge is not None:
            bridge.stop()
        if late is not None:
            late.stop()


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="loyalty", description="The loyalty till from the command line.")
    p.add_argument("--home", default=str(DEFAULT_HOME), help="the till's data folder (default %(default)s)")
    p.add_argument("--pin", nargs="?", action=_NoPinOnArgv, help=argparse.SUPPRESS)
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="start the cashier app")
    r.add_argument("--demo", action="store_true")
    r.add_argument("--no-demo", action="store_true")
    r.add_argument("--no-sync", action="store_true")
    s = sub.add_parser("show", help="show a member: card payload, card number, phone or name")
    s.add_argument("query")
    e = sub.add_parser("enroll", help="enrol a new member")
    e.add_argument("--name", required=True)
    e.add_argument("--phone", required=True)
    e.add_argument("--birthday", help="DD/MM or DD/MM/YYYY")
    e.add_argument("--referral", help="the referral code of the member who brought them")
    a = sub.add_parser("award", help="award a bill to a member")
    a.add_argument("query", help="card payload, card number or phone")
    a.add_argument("amount", help="the bill, e.g. 125.000")
    d = sub.add_parser("redeem", help="redeem a reward (needs the card)")
    d.add_argument("card", help="the card's QR payload or card number")
    d.add_argument("reward", help="reward id or exact name")
    d.add_argument("--bill", help="the bill amount, for discounts")
    d.add_argument("--points", type=int, help="points to spend, for paying with points")
    v = sub.add_parser("voucher", help="take a voucher off a bill (its QR payload, or its code)")
    v.add_argument("code", help="the voucher's QR payload (works offline anywhere) or its 8-character code")
    v.add_argument("--bill", help="the bill amount (the voucher covers at most the bill)")
    v.add_argument("--member", help="the member it is booked to, for a guest's voucher (card number or phone)")
    sub.add_parser("rewards", help="list the rewards")
    c = sub.add_parser("card", help="print a member's card as PNG or PDF")
    c.add_argument("query")
    c.add_argument("--out", required=True, help="file.png or file.pdf")
    j = sub.add_parser("adjust", help="correct a balance (manager PIN)")
    j.add_argument("query")
    j.add_argument("--points", type=int, default=0)
    j.add_argument("--stamps", type=int, default=0)
    j.add_argument("--reason", required=True)
    sub.add_parser("expire", help="run point expiry and the yearly tier review (manager PIN)")
    sub.add_parser("verify", help="verify the ledger chain and the cached balances")
    sub.add_parser("rebuild-search", help="rebuild the back office's name search index (after a bulk load)")
    h = sub.add_parser(
        "housekeeping",
        help="prune the sent outbox, rotate old POS files, give free space back (the app does it in the background)",
    )
    h.add_argument("--outbox-days", type=int, help="keep acknowledged outbox rows this many days (manager PIN)")
    h.add_argument("--archive-days", type=int, help="keep the POS archive this many days (manager PIN)")
    h.add_argument("--quarantine-days", type=int, help="keep quarantined POS files this many days (manager PIN)")
    h.add_argument(
        "--compact",
        action="store_true",
        help="switch an older database to step-by-step vacuum: one full VACUUM, at closing time (manager PIN)",
    )
    firstrun.add_parsers(sub)
    return p


COMMANDS = {
    "show": cmd_show,
    "enroll": cmd_enroll,
    "award": cmd_award,
    "redeem": cmd_redeem,
    "voucher": cmd_voucher,
    "rewards": cmd_rewards,
    "card": cmd_card,
    "adjust": cmd_adjust,
    "expire": cmd_expire,
    "verify": cmd_verify,
    "rebuild-search": cmd_rebuild_search,
    "housekeeping": cmd_housekeeping,
    **firstrun.COMMANDS,
}


def main(argv: Sequence[str] | None = None) -> int:
    args, rest = build_parser().parse_known_args(argv)
    if args.command != "run":
        gc.enable()  # paused by app.start for the app's start-up only; a command may run long
    try:
        if args.command == "run":
            return _run(Path(args.home), demo=_first_run(args), sync=not args.no_sync, qt_args=rest)
        if rest:
            build_parser().error(f"unrecognized arguments: {' '.join(rest)}")
        COMMANDS[args.command](args)
    except LoyaltyError as err:
        print(f"error: {err.message}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
