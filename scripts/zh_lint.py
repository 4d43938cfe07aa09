#!/usr/bin/env python3
"""Chinese vocabulary lint: the forms data/glossary.yml says to avoid, in docs/zh/ and data/.

    python3 scripts/zh_lint.py            # every finding; exit status 1 if there is any
    python3 scripts/zh_lint.py --count    # findings per file

Prints `file:line: term: found '...'; use '...'`. The logic is hooks/guide/glossary.py.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from guide import glossary  # noqa: E402
from guide.errors import DataError  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this repository)")
    parser.add_argument("--count", action="store_true", help="print the number of findings per file")
    args = parser.parse_args(argv)
    try:
        findings = glossary.lint(args.root)
    except DataError as error:
        print(error, file=sys.stderr)
        return 2
    if args.count:
        for file, n in sorted(Counter(f.file for f in findings).items()):
            print(f"{n:4} {file}")
    else:
        for finding in findings:
            print(finding)
    print(f"{len(findings)} finding(s) in {len({f.file for f in findings})} file(s)", file=sys.stderr)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
