#!/usr/bin/env python3
"""Chinese twins that never lag: report, or record, which English revision each Chinese text translates.

    python3 scripts/twins.py                       # every lagging Chinese page and data text; exit 1 if any
    python3 scripts/twins.py --stamp FILE [FILE..] # FILE's Chinese is up to date with its current English
    python3 scripts/twins.py --stamp-all           # the same for every page and data file

FILE is a page (docs/zh/x.md or its twin docs/en/x.md) or a data file (data/myths.yml,
data/platforms/x.yml ...). The logic and the scheme are in hooks/guide/twins.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from guide import twins  # noqa: E402
from guide.errors import DataError  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this repository)")
    parser.add_argument("--stamp", nargs="+", metavar="FILE", help="record FILE's current English as translated")
    parser.add_argument("--stamp-all", action="store_true", help="record every page and data file as translated")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        if args.stamp_all:
            files = [
                f"docs/{twins.TARGET_LANG}/{p.relative_to(root / 'docs' / twins.TARGET_LANG).as_posix()}"
                for p in sorted((root / "docs" / twins.TARGET_LANG).rglob("*.md"))
            ]
            args.stamp = files + twins.data_files(root)
        if args.stamp:
            for file in args.stamp:
                rel = (
                    Path(file).resolve().relative_to(root).as_posix()
                    if Path(file).is_absolute() or (Path.cwd() / file).exists() and Path(file).resolve().is_relative_to(root)
                    else file
                )
                twins.stamp(root, rel)
                print(f"stamped {rel}")
            return 0
        lags = twins.report(root)
    except DataError as error:
        print(error, file=sys.stderr)
        return 2
    for lag in lags:
        print(lag)
    print(f"{len(lags)} lagging Chinese text(s)", file=sys.stderr)
    return 1 if lags else 0


if __name__ == "__main__":
    sys.exit(main())
