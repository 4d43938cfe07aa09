#!/usr/bin/env python3
"""List every platform whose facts were last verified more than 90 days ago.

    python3 scripts/stale.py [--date YYYY-MM-DD] [--days N] [--markdown] [--fail]

The build date is --date, else SOURCE_DATE_EPOCH, else today (UTC). Exit status: 0, also when
platforms are stale (a report, not a check); 1 with --fail when any platform is stale; 2 when the
data does not load (the message is the build's one line). .github/workflows/stale.yml runs it weekly.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from guide import data, freshness  # noqa: E402
from guide.dates import build_date  # noqa: E402
from guide.errors import DataError  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--date", type=dt.date.fromisoformat, help="build date (default: SOURCE_DATE_EPOCH or today)")
    parser.add_argument("--days", type=int, default=freshness.STALE_AFTER_DAYS, help="stale after this many days (default: %(default)s)")
    parser.add_argument("--markdown", action="store_true", help="a Markdown table (for an issue or a job summary)")
    parser.add_argument("--fail", action="store_true", help="exit 1 when any platform is stale")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    today = args.date or build_date()
    try:
        guide = data.load(args.root, today)
    except DataError as error:
        print(error, file=sys.stderr)
        return 2
    stale = freshness.stale_platforms(guide.platforms, today, args.days)
    if args.markdown:
        print(f"{len(stale)} of {len(guide.platforms)} platforms were last verified more than {args.days} days before {today}.\n")
        if stale:
            print("| Platform | Last verified | Days | File |\n|---|---|---|---|")
    for platform in stale:
        days = freshness.age(platform, today)
        if args.markdown:
            print(f"| {platform['name']['en']} | {platform['last_verified']} | {days} | `{platform['_file']}` |")
        else:
            print(f"{platform['_file']}: {platform['id']}: last verified {platform['last_verified']}, {days} days ago")
    if not args.markdown:
        print(f"{len(stale)} of {len(guide.platforms)} platforms stale (more than {args.days} days before {today})", file=sys.stderr)
    return 1 if args.fail and stale else 0


if __name__ == "__main__":
    sys.exit(main())
