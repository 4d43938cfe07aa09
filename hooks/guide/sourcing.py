"""How well each key fact is sourced, and which hosts are never cited.

A *key fact* is one region row of a platform (its training status, since when, default, opt-out and
who is excluded all rest on the row's sources) or one action URL (the link a reader follows to change
a setting or send a form). A key fact is *confirmed* when at least one source it cites is strong: the
platform's own page, a regulator, a court record, or an archived copy of one of them (source kinds
official, regulator, court, archive). Unconfirmed key facts are shown as such on the page, and
the share of confirmed key facts is shown on the methodology page (marker `optout:sourcing`).

data/source_denylist.yml lists content farms and aggregators: a source on one of their hosts (or a
subdomain) stops the build.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import checks, yamlsrc
from .errors import DataError

STRONG_KINDS = ("official", "regulator", "court", "archive")
DENYLIST = Path("data") / "source_denylist.yml"


def is_strong(source: dict) -> bool:
    return source["kind"] in STRONG_KINDS


def confirmed(platform: dict, refs: list[str]) -> bool:
    """True when at least one of the cited sources is strong."""
    return any(is_strong(platform["sources"][ref]) for ref in refs)


def key_facts(platform: dict) -> list[tuple[str, dict]]:
    """(kind, item) for every key fact: ("region", row) and ("action", action with a url)."""
    facts = [("region", row) for row in platform["regions"]]
    facts += [("action", a) for group in ("stop_future", "object") for a in platform[group] if "url" in a]
    return facts


@dataclass
class Share:
    confirmed: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.confirmed / self.total) if self.total else 100


def share(platform: dict) -> Share:
    facts = key_facts(platform)
    return Share(sum(confirmed(platform, item["sources"]) for _, item in facts), len(facts))


def overall(platforms) -> Share:
    shares = [share(p) for p in platforms]
    return Share(sum(s.confirmed for s in shares), sum(s.total for s in shares))


def load_denylist(root: Path) -> dict[str, str]:
    """host -> why, from data/source_denylist.yml (an absent file denies nothing)."""
    path = root / DENYLIST
    if not path.exists():
        return {}
    data, lines = yamlsrc.read(path, root)
    name = yamlsrc.display(path, root)
    entries = data.get("hosts") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise DataError(f"{name}:1: hosts: must be a list of {{host: example.com, why: content farm}}")
    hosts = {}
    for index, entry in enumerate(entries):
        ok = isinstance(entry, dict) and set(entry) == {"host", "why"}
        if not ok or not checks.DOMAIN.fullmatch(str(entry["host"])) or not isinstance(entry["why"], str) or not entry["why"].strip():
            raise DataError(
                f"{name}:{yamlsrc.line_of(lines, ('hosts', index))}: hosts[{index}]: write {{host: example.com, why: content farm}} (a plain domain and the reason)"
            )
        hosts[entry["host"]] = entry["why"]
    return hosts
