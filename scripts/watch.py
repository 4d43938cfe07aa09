#!/usr/bin/env python3
"""Watch every page the guide relies on or sends readers to, and report what changed.

    python3 scripts/watch.py [--state FILE] [--report DIR] [--only ID ...] [--delay S] [--timeout S]

Fetches every source URL and every action URL in data/ (platforms' sources, settings, forms and
contacts; the sources of data/letters.yml and data/myths.yml), reduces each page to its readable
text (trafilatura), compares that with the fingerprint recorded on the last run (--state, JSON), and
reports per platform:

- changed: the readable text differs from last time (with a short diff);
- unchanged, or first seen (recorded now, compared next time);
- moved: the address redirects elsewhere (the site should link the new address);
- gone: 404 or 410 (a dead link on the site);
- login-walled: 401 or 403 (cannot be checked without an account);
- unreachable: any other error, a time-out or no connection.

It never fails because a page changed: it exits 0 and writes, per platform with anything to act on,
DIR/ID.md (the body of the issue the weekly workflow opens or updates) and DIR/summary.md. It is
polite: one request at a time, --delay seconds between two requests to the same host, a descriptive
User-Agent, and pages it cannot use are not retried.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

USER_AGENT = (
    "optout-guide-watch/1.0 (checks the sources of an open guide to AI-training opt-outs; +https://github.com/optout-guide/optout-guide)"
)
STATUSES = ("changed", "moved", "gone", "login-walled", "unreachable", "new", "unchanged")
# What a reader or maintainer must act on; the others are listed in the summary only.
ACTIONABLE = ("changed", "moved", "gone", "login-walled", "unreachable")
DIFF_LINES = 20


@dataclass(frozen=True)
class Target:
    owner: str  # platform id, or "letters" / "myths"
    what: str  # where the URL is used, e.g. "sources.privacy-eu-2025" or "stop_future.genai"
    url: str
    shown: bool  # a link the site shows as a button (an action), not only as a citation


@dataclass
class Result:
    target: Target
    status: str
    detail: str = ""
    diff: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------------------------------
# What to watch


def targets(root: Path = ROOT, only: set[str] | None = None) -> list[Target]:
    """Every URL of the data, once per place it is used."""
    from guide import data, texts

    guide = data.load(root)
    found: list[Target] = []
    for pid, p in guide.platforms.items():
        if only and pid not in only:
            continue
        for key, source in p["sources"].items():
            found.append(Target(pid, f"sources.{key}", source["url"], False))
        for group in ("stop_future", "object", "contacts"):
            for action in p.get(group, []):
                if "url" in action:
                    found.append(Target(pid, f"{group}.{action['id']}", action["url"], True))
    if not only:
        for name, doc in texts.load(root, guide.region_codes).items():
            for key, source in doc.get("sources", {}).items():
                found.append(Target(name, f"sources.{key}", source["url"], False))
    return found


# --------------------------------------------------------------------------------------------------
# Fetching and reducing a page to its text


def readable(html: str) -> str:
    """The page's readable text (navigation, ads and boilerplate left out), whitespace folded."""
    import trafilatura

    text = trafilatura.extract(html, favor_recall=True, include_comments=False, include_tables=True) or ""
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _same_address(a: str, b: str) -> bool:
    """Equal but for a trailing slash or the fragment, which a redirect does not really change."""
    norm = lambda u: urlsplit(u)._replace(fragment="").geturl().rstrip("/")  # noqa: E731
    return norm(a) == norm(b)


def check(client, target: Target, previous: dict | None, timeout: float) -> tuple[Result, dict | None]:
    """The result for one target, and what to record for it (None: keep the previous record)."""
    import httpx

    try:
        response = client.get(target.url, follow_redirects=True, timeout=timeout)
    except httpx.HTTPError as exc:
        return Result(target, "unreachable", type(exc).__name__), None
    if response.status_code in (404, 410):
        return Result(target, "gone", f"HTTP {response.status_code}"), None
    if response.status_code in (401, 403):
        return Result(target, "login-walled", f"HTTP {response.status_code}"), None
    if response.status_code >= 400:
        return Result(target, "unreachable", f"HTTP {response.status_code}"), None
    final = str(response.url)
    if response.history and not _same_address(final, target.url):
        return Result(target, "moved", f"now at {final} (HTTP {response.history[0].status_code})"), None
    text = readable(response.text)
    record = {"fingerprint": fingerprint(text), "text": text}
    if previous is None:
        return Result(target, "new", f"{len(text)} characters recorded"), record
    if previous["fingerprint"] == record["fingerprint"]:
        return Result(target, "unchanged"), record
    diff = list(difflib.unified_diff(previous["text"].splitlines(), text.splitlines(), "last run", "now", n=0, lineterm=""))
    shown = [line for line in diff if not line.startswith(("---", "+++", "@@"))]
    more = [f"... ({len(shown) - DIFF_LINES} more lines)"] if len(shown) > DIFF_LINES else []
    return Result(target, "changed", f"{len(shown)} lines differ", shown[:DIFF_LINES] + more), record


def run(found: list[Target], state: dict, *, delay: float, timeout: float, transport=None) -> list[Result]:
    """Check every target once per URL (one request per address), waiting `delay` between two
    requests to the same host; `state` (url -> record) is updated in place."""
    import httpx

    results: list[Result] = []
    seen: dict[str, tuple[Result, dict | None]] = {}
    last_request: dict[str, float] = {}
    with httpx.Client(headers={"User-Agent": USER_AGENT, "Accept-Language": "en, zh;q=0.8"}, transport=transport) as client:
        for target in found:
            if target.url not in seen:
                host = urlsplit(target.url).hostname or ""
                wait = last_request.get(host, 0.0) + delay - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
                seen[target.url] = check(client, target, state.get(target.url), timeout)
                last_request[host] = time.monotonic()
                if seen[target.url][1] is not None:
                    state[target.url] = seen[target.url][1]
            result = seen[target.url][0]
            results.append(Result(target, result.status, result.detail, result.diff))
    return results


# --------------------------------------------------------------------------------------------------
# Reports


def by_owner(results: list[Result]) -> dict[str, list[Result]]:
    grouped: dict[str, list[Result]] = {}
    for result in results:
        grouped.setdefault(result.target.owner, []).append(result)
    return grouped


def owner_report(owner: str, results: list[Result]) -> str | None:
    """The Markdown body of the issue for one platform, or None when there is nothing to act on."""
    acting = [r for r in results if r.status in ACTIONABLE]
    if not acting:
        return None
    lines = [f"Source watch for `{owner}` (data/platforms/{owner}.yml): what changed since the last weekly run.", ""]
    for status in ACTIONABLE:
        for r in (r for r in acting if r.status == status):
            button = " (a link the site shows as a button)" if r.target.shown else ""
            lines.append(f"- **{status}**: `{r.target.what}`{button} {r.target.url} {r.detail}".rstrip())
            if r.diff:
                lines += ["", "  ```diff", *[f"  {line}" for line in r.diff], "  ```", ""]
    lines += ["", "Re-read the page, update the data and its `last_verified`, or replace a dead link."]
    return "\n".join(lines) + "\n"


def summary(results: list[Result]) -> str:
    """One table: per platform, how many of its URLs are in each state; then the dead links the site shows."""
    head = "| platform | " + " | ".join(STATUSES) + " |"
    lines = ["# Source watch", "", head, "|" + "---|" * (len(STATUSES) + 1)]
    for owner, items in sorted(by_owner(results).items()):
        counts = [sum(r.status == s for r in items) for s in STATUSES]
        lines.append(f"| {owner} | " + " | ".join(str(c) for c in counts) + " |")
    dead = [r for r in results if r.status in ("gone", "moved")]
    lines += ["", "## Links the site shows that are gone or moved", ""]
    lines += [f"- {r.target.owner}: `{r.target.what}` {r.target.url}: {r.status} {r.detail}".rstrip() for r in dead] or ["None."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--state", type=Path, default=ROOT / ".cache" / "watch" / "fingerprints.json", help="fingerprints of the last run (JSON); updated"
    )
    parser.add_argument(
        "--report",
        type=Path,
        default=ROOT / ".cache" / "watch" / "report",
        help="folder for summary.md and one ID.md per platform to act on",
    )
    parser.add_argument("--only", nargs="*", help="platform ids to watch (default: all, with letters and myths)")
    parser.add_argument("--delay", type=float, default=2.0, help="seconds between two requests to the same host")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds before a request is given up")
    args = parser.parse_args(argv)

    from guide.errors import DataError

    try:
        found = targets(ROOT, set(args.only) if args.only else None)
    except DataError as err:
        print(err, file=sys.stderr)
        return 2
    state = json.loads(args.state.read_text(encoding="utf-8")) if args.state.exists() else {}
    results = run(found, state, delay=args.delay, timeout=args.timeout)
    args.state.parent.mkdir(parents=True, exist_ok=True)
    args.state.write_text(json.dumps(state, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    write_reports(results, args.report)
    for owner, items in sorted(by_owner(results).items()):
        counts = ", ".join(f"{s} {n}" for s in STATUSES if (n := sum(r.status == s for r in items)))
        print(f"{owner}: {counts}")
    return 0


def write_reports(results: list[Result], folder: Path) -> list[str]:
    """summary.md and ID.md per platform to act on; returns the ids written."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.md"):
        old.unlink()
    (folder / "summary.md").write_text(summary(results), encoding="utf-8")
    written = []
    for owner, items in sorted(by_owner(results).items()):
        body = owner_report(owner, items)
        if body:
            (folder / f"{owner}.md").write_text(body, encoding="utf-8")
            written.append(owner)
    return written


if __name__ == "__main__":
    sys.exit(main())
