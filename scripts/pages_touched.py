#!/usr/bin/env python3
"""Which pages of the site a change touches, from the list of changed files (one per line on stdin).

    git diff --name-only main | python3 scripts/pages_touched.py

Prints a Markdown list for a pull-request comment: each platform whose data file changed (its page in
both languages, plus the overview, checklist, changes and letters, which list every platform), each
page changed in docs/, and a note when templates, hooks or interface strings change every page.
Only file names are read; nothing of the change runs.
"""

from __future__ import annotations

import re
import sys

LISTS = ("overview/", "checklist/", "changes/", "letters/", "plan/")
EVERY_PAGE = re.compile(r"^(hooks/|overrides/|mkdocs\.yml$|data/strings\.yml$|data/regions\.yml$|data/schema/)")


def pages(changed: list[str]) -> tuple[list[str], bool]:
    """(page paths, e.g. platforms/linkedin/ and zh/platforms/linkedin/; whether every page changes)."""
    found: list[str] = []
    every = False
    for name in changed:
        name = name.strip()
        if match := re.fullmatch(r"data/platforms/([a-z0-9-]+)\.yml", name):
            found += [f"platforms/{match.group(1)}/", f"zh/platforms/{match.group(1)}/"]
            found += [prefix + page for prefix in ("", "zh/") for page in LISTS]
        elif match := re.fullmatch(r"docs/(en|zh)/(.+)\.md", name):
            path = re.sub(r"(^|/)index$", r"\1", match.group(2))
            path = path + "/" if path and not path.endswith("/") else path
            found.append(("zh/" if match.group(1) == "zh" else "") + path)
        elif name in ("data/letters.yml", "data/myths.yml"):
            page = "letters/" if "letters" in name else "myths/"
            found += [page, "zh/" + page]
        elif EVERY_PAGE.match(name):
            every = True
    return sorted(set(found)), every


def main() -> int:
    found, every = pages(sys.stdin.read().splitlines())
    lines = ["**Pages this change touches**", ""]
    lines += [f"- `/{page}`" for page in found] or ["- none directly"]
    if every:
        lines += ["", "Templates, hooks, strings or the schema changed: every page may look different."]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
