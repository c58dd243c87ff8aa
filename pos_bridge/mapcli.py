"""``loyalty-pos-bridge map FILE``: map an unknown POS export's columns in the terminal.

Shows the sample's columns and first rows, asks which column holds each receipt field, the
date order and the decimal mark, reads the sample with the result to show what it makes of it,
and saves a named profile in the till's home (``pos-profiles/<name>.json``). ``--gui`` opens the
same mapping in the Qt dialog instead (``python -m app.ui.pos_mapping``, in its own process:
the bridge never imports the UI).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from pos_bridge.profiles import save_profile
from pos_bridge.readers.base import ReaderError
from pos_bridge.readers.mapped import FIELDS, REQUIRED, Profile, ProfileReader, Sample, name_pattern, sample

FIELD_HELP = {
    "receipt_id": "the receipt's number",
    "closed_at": "when it was paid (date and time)",
    "total": "what the customer paid",
    "customer_phone": "the customer's phone",
    "customer_card": "the customer's loyalty card number",
    "kind": "sale / refund / void, in the POS's words",
    "refund_of": "for a refund: the number of the sale it refunds",
    "tip": "tip or service charge (never earns)",
    "line_name": "item name (one row per item)",
    "line_sku": "item code",
    "line_category": "item group",
    "line_qty": "quantity",
    "line_unit_price": "unit price",
    "line_total": "line amount",
}


def show(found: Sample, out: Callable[[str], None]) -> None:
    out("Columns of the sample (with its first rows):")
    for i, name in enumerate(found.header, start=1):
        values = " | ".join(row[i - 1] for row in found.rows[:3] if i - 1 < len(row) and row[i - 1])
        out(f"  {i:2}. {name or '(no name)'}: {values}")


def ask_column(field: str, found: Sample, ask: Callable[[str], str], out: Callable[[str], None]) -> str:
    need = field in REQUIRED
    while True:
        answer = ask(f"{field} — {FIELD_HELP[field]} — column number{'' if need else ' [Enter: none]'}: ").strip()
        if not answer and not need:
            return ""
        if answer.isdigit() and 1 <= int(answer) <= len(found.header) and found.header[int(answer) - 1]:
            return found.header[int(answer) - 1]
        out(f"  Give a number from 1 to {len(found.header)}" + ("." if need else ", or Enter for none."))


def build(path: Path, found: Sample, ask: Callable[[str], str], out: Callable[[str], None], name: str) -> Profile:
    columns = {f: c for f in FIELDS if (c := ask_column(f, found, ask, out))}
    order = ask("Dates write the day first (dmy) or the month first (mdy)? [dmy]: ").strip().lower() or "dmy"
    while order not in ("dmy", "mdy"):
        order = ask("  Answer dmy or mdy: ").strip().lower()
    mark = ask("Decimal mark in amounts: , or . [Enter: work it out per value]: ").strip() or None
    while mark not in (None, ",", "."):
        mark = ask("  Answer , or . or Enter: ").strip() or None
    default = name or re.sub(r"[^\w\-]+", "-", path.stem).strip("-")[:40] or "pos"
    chosen = name or ask(f"Profile name [{default}]: ").strip() or default
    return Profile(
        name=chosen,
        columns=columns,
        date_order=order,
        decimal=mark,
        file_pattern=name_pattern(path.name),
        about=f"Mapped by a manager from the sample {path.name}.",
    )


def preview(profile: Profile, path: Path, out: Callable[[str], None], *, tz: str, currency: str) -> int:
    reader = ProfileReader.for_profile(profile)()
    result = reader.read([path], store_id="preview", tz=tz, currency=currency)
    out(f"The sample reads as {len(result.receipts)} receipt(s); {len(result.problems)} row(s) could not be read.")
    for r in result.receipts[:3]:
        who = r.customer_phone or r.customer_card or "no member"
        out(f"  {r.kind.value} {r.external_id} at {r.closed_at:%Y-%m-%d %H:%M} UTC: {r.total:,} ({who})")
    for p in result.problems[:3]:
        out(f"  ! {p}")
    return len(result.receipts)


def main(argv: Sequence[str], *, default_home: Path) -> int:
    p = argparse.ArgumentParser(prog="loyalty-pos-bridge map", description=__doc__.splitlines()[0])
    p.add_argument("file", help="a sample export of the POS (.xlsx or CSV)")
    p.add_argument("--home", default=str(default_home), help="the till's data folder (default %(default)s)")
    p.add_argument("--name", default="", help="the profile's name (asked when not given)")
    p.add_argument("--gui", action="store_true", help="open the mapping dialog instead of asking here")
    p.add_argument("--tz", default="Asia/Ho_Chi_Minh", help="the POS's time zone, to preview the sample")
    p.add_argument("--currency", default="VND", help="the POS's currency, to preview the sample")
    args = p.parse_args(argv)
    path = Path(args.file)
    if args.gui:
        return subprocess.call([sys.executable, "-m", "app.ui.pos_mapping", str(path), "--home", args.home])
    try:
        found = sample(path)
    except ReaderError as err:
        print(f"{path.name}: {err}", file=sys.stderr)
        return 2
    show(found, print)
    try:
        profile = build(path, found, input, print, args.name)
        preview(profile, path, print, tz=args.tz, currency=args.currency)
    except (ValueError, ReaderError) as err:
        print(f"Not saved: {err}", file=sys.stderr)
        return 2
    except EOFError:
        print("Not saved.", file=sys.stderr)
        return 1
    if input("Save this profile? [Y/n]: ").strip().lower() in ("", "y", "yes", "c", "có"):
        print(f"Saved {save_profile(Path(args.home), profile)}")
        return 0
    print("Not saved.")
    return 1
