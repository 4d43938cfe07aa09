#!/usr/bin/env python3
"""Start a new platform: its data file and both pages, from templates with every field to fill marked TODO.

    python3 scripts/new_platform.py ID "Name"

ID is the platform's short name (lower-case letters, digits and single hyphens, e.g. `le-chat`): it
names data/platforms/ID.yml, docs/en/platforms/ID.md and docs/zh/platforms/ID.md. Then replace every
TODO and run `mkdocs build --strict`: the build lists every TODO left, with its file and line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = Path(__file__).resolve().parent / "templates"
ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def create(root: Path, pid: str, name: str, today: dt.date) -> list[Path]:
    """Write the three files; raise ValueError (nothing written) for a bad or taken id or name."""
    if not ID.fullmatch(pid) or len(pid) > 40:
        raise ValueError(f"'{pid}' is not a valid id: use lower-case letters, digits and single hyphens (at most 40), e.g. le-chat")
    if not name.strip() or any(c in name for c in "'<>{}\n") or len(name) > 80:
        raise ValueError(f"'{name}' is not a usable name: plain text, at most 80 characters, without ' < > {{ }}")
    targets = {
        root / "data" / "platforms" / f"{pid}.yml": TEMPLATES / "platform.yml",
        root / "docs" / "en" / "platforms" / f"{pid}.md": TEMPLATES / "page.en.md",
        root / "docs" / "zh" / "platforms" / f"{pid}.md": TEMPLATES / "page.zh.md",
    }
    taken = [p for p in targets if p.exists()]
    if taken:
        raise ValueError(f"'{pid}' exists already ({taken[0].relative_to(root)}); edit it, or choose another id")
    for target, template in targets.items():
        text = template.read_text(encoding="utf-8").format(id=pid, name=name, today=today.isoformat())
        target.write_text(text, encoding="utf-8")
    return list(targets)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("id", help="short name, e.g. le-chat")
    parser.add_argument("name", help='the name readers know, e.g. "Le Chat (Mistral)"')
    args = parser.parse_args(argv)
    try:
        written = create(ROOT, args.id, args.name, dt.datetime.now(dt.UTC).date())
    except ValueError as err:
        print(f"new_platform.py: {err}", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path.relative_to(ROOT)}")
    print("Now replace every TODO (the build lists those left) and run: mkdocs build --strict")
    return 0


if __name__ == "__main__":
    sys.exit(main())
