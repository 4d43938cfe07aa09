"""Markers: HTML comments in pages that the inject hook replaces with content from data/.

Syntax: `<!-- optout:KIND PLATFORM -->` for platform content, `<!-- optout:KIND -->` for lists.
Invisible on GitHub and harmless when the hooks are off. Any comment starting with `optout:` is a
marker, so a typo in the kind is an error, not silently left in the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import DataError

MARKER = re.compile(r"<!--\s*optout:(?P<kind>\S*)(?:[ \t]+(?P<arg>[^\s>]*))?\s*-->")

# kind -> whether it names a platform
KINDS: dict[str, bool] = {
    "status": True,
    "regions": True,
    "data": True,
    "timeline": True,
    "disputes": True,
    "steps": True,
    "object": True,
    "alternatives": True,
    "sources": True,
    "platforms": False,
    "overview": False,
    "changes": False,
    "checklist": False,
    "letters": False,
    "myths": False,
    "opendata": False,
}


@dataclass(frozen=True)
class Marker:
    kind: str
    platform: str | None
    line: int
    start: int
    end: int


def scan(text: str, where: str, platforms: set[str]) -> list[Marker]:
    """All markers in a page, checked; raises DataError naming page:line for a bad one."""
    found = []
    for match in MARKER.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        kind, arg = match.group("kind"), match.group("arg")
        if kind not in KINDS:
            raise DataError(f"{where}:{line}: unknown marker kind 'optout:{kind}'; use one of {', '.join(KINDS)}")
        if KINDS[kind]:
            if not arg:
                raise DataError(f"{where}:{line}: marker 'optout:{kind}' needs a platform id, e.g. <!-- optout:{kind} linkedin -->")
            if arg not in platforms:
                raise DataError(f"{where}:{line}: marker 'optout:{kind}' names unknown platform '{arg}'; it needs data/platforms/{arg}.yml")
        elif arg:
            raise DataError(f"{where}:{line}: marker 'optout:{kind}' takes no platform; remove '{arg}'")
        found.append(Marker(kind, arg, line, match.start(), match.end()))
    return found


def check_docs(docs_dir: Path, langs: tuple[str, ...], platforms: set[str]) -> None:
    """Every page exists in every language, and every marker in every language is valid.

    Runs before the first language is built, so a bad page stops the build before anything is written.
    """
    pages = {lang: {p.relative_to(docs_dir / lang).as_posix() for p in (docs_dir / lang).rglob("*.md")} for lang in langs}
    for lang in langs:
        for other in langs:
            for missing in sorted(pages[lang] - pages[other]):
                raise DataError(
                    f"docs/{lang}/{missing}:1: page has no twin docs/{other}/{missing}; every page exists in every language"
                )
    for lang in langs:
        for rel in sorted(pages[lang]):
            path = docs_dir / lang / rel
            scan(path.read_text(encoding="utf-8-sig"), f"docs/{lang}/{rel}", platforms)
