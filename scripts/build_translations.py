"""Refresh the translation sources and compile them: ``pyside6-lupdate`` then ``pyside6-lrelease``.

    .venv/bin/python scripts/build_translations.py          # update .ts from app/ui, build .qm
    .venv/bin/python scripts/build_translations.py --check  # exit 1 if a .ts or .qm is out of date

New strings land in ``assets/i18n/loyalty_<lang>.ts`` as unfinished; translate
them (Qt Linguist: ``pyside6-linguist``, or by hand) and run this again. Both
the ``.ts`` and the ``.qm`` are committed: a till has no Qt tools on it.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.ui.i18n import LANGUAGES, compile_ts, qm_path, run_lupdate, ts_path


def unfinished(ts: Path) -> int:
    return ts.read_text(encoding="utf-8").count('type="unfinished"')


def build() -> int:
    ts_files = [ts_path(code) for code in LANGUAGES]
    print(run_lupdate(ts_files).strip())
    for code in LANGUAGES:
        compile_ts(ts_path(code), qm_path(code))
        print(f"{qm_path(code).name}: built ({unfinished(ts_path(code))} unfinished in {ts_path(code).name})")
    return 0


def check() -> int:
    """The committed files are what the build would make now."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for code in LANGUAGES:
            copy = Path(tmp) / ts_path(code).name
            shutil.copy(ts_path(code), copy)
            run_lupdate([copy])
            if copy.read_text(encoding="utf-8") != ts_path(code).read_text(encoding="utf-8"):
                problems.append(f"{ts_path(code).name} is behind the source strings in app/ui")
            qm = Path(tmp) / qm_path(code).name
            compile_ts(ts_path(code), qm)
            if not qm_path(code).exists() or qm.read_bytes() != qm_path(code).read_bytes():
                problems.append(f"{qm_path(code).name} does not match {ts_path(code).name}")
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print("Run: .venv/bin/python scripts/build_translations.py", file=sys.stderr)
    return 1 if problems else 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--check", action="store_true", help="only check that the committed files are current"
    )
    args = parser.parse_args()
    return check() if args.check else build()


if __name__ == "__main__":
    sys.exit(main())
