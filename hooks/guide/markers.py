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
    "sourcing": False,
    "plan": False,
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


def read_page(path: Path, where: str) -> str:
    """A page's text, or DataError when it is not UTF-8."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(f"{where}:{line}: the page is not valid UTF-8; save it with the UTF-8 encoding") from None


def check_docs(docs_dir: Path, langs: tuple[str, ...], platforms: set[str], require_pages: bool = True) -> tuple[dict[str, str], list[str]]:
    """Every page exists in every language, every marker in every language is valid, and twins carry
    the same markers: (each page's text by its path, e.g. docs/en/x.md; every problem found).

    Runs before the first language is built, so a bad page stops the build before anything is written.
    `require_pages` False: the data did not load, so its problems are reported, not pages it lacks.
    """
    found: list[str] = []
    for path in sorted(docs_dir.rglob("*")):
        if path.is_symlink():  # a link could publish any file of the machine that builds the site
            found.append(f"docs/{path.relative_to(docs_dir).as_posix()}:1: symbolic links are not allowed in docs/; commit the file itself")
    pages = {
        lang: {p.relative_to(docs_dir / lang).as_posix() for p in (docs_dir / lang).rglob("*.md") if not p.is_symlink()} for lang in langs
    }
    for lang in langs:
        for other in langs:
            for missing in sorted(pages[lang] - pages[other]):
                found.append(
                    f"docs/{lang}/{missing}:1: page has no twin docs/{other}/{missing}; "
                    f"add the {other} translation there (every page exists in every language)"
                )
    for pid in sorted(platforms) if require_pages else ():
        missing = [f"docs/{lang}/platforms/{pid}.md" for lang in langs if f"platforms/{pid}.md" not in pages[lang]]
        if missing:
            found.append(
                f"data/platforms/{pid}.yml:1: id: platform '{pid}' has no page {' or '.join(missing)}; "
                f"copy the pages of linkedin (docs/LANG/platforms/linkedin.md) and adapt them, or run scripts/new_platform.py"
            )
    texts, scanned = {}, {}
    for lang in langs:
        for rel in sorted(pages[lang]):
            where = f"docs/{lang}/{rel}"
            try:
                texts[where] = read_page(docs_dir / lang / rel, where)
                scanned[where] = scan(texts[where], where, platforms)
            except DataError as error:
                found.append(str(error))
    found += _twin_problems(scanned, langs)
    found += _anchor_problems(scanned, langs, platforms)
    return texts, found


def _twin_problems(scanned: dict[str, list[Marker]], langs: tuple[str, ...]) -> list[str]:
    """A marker one language's page has and its twin lacks, named at the page that lacks it."""
    found = []
    for where, marks in scanned.items():
        lang, rel = where.split("/", 2)[1:]
        for other in langs:
            twin = f"docs/{other}/{rel}"
            if other == lang or twin not in scanned:
                continue
            theirs = {(m.kind, m.platform) for m in scanned[twin]}
            for m in marks:
                if (m.kind, m.platform) not in theirs:
                    label = f"optout:{m.kind}" + (f" {m.platform}" if m.platform else "")
                    found.append(
                        f"{twin}:1: marker '<!-- {label} -->' is on {where} (line {m.line}) but not here; add it (twins carry the same markers)"
                    )
    return found


# Markers whose anchors other pages link to (#stop-..., #object-...): every platform page needs them.
_LINKED_MARKERS = ("steps", "object")


def _anchor_problems(scanned: dict[str, list[Marker]], langs: tuple[str, ...], platforms: set[str]) -> list[str]:
    found = []
    for pid in sorted(platforms):
        for lang in langs:
            where = f"docs/{lang}/platforms/{pid}.md"
            if where not in scanned:
                continue
            have = {m.kind for m in scanned[where] if m.platform == pid}
            for kind in _LINKED_MARKERS:
                if kind not in have:
                    found.append(
                        f"{where}:1: marker '<!-- optout:{kind} {pid} -->' is missing; the overview, checklist and letters "
                        f"link to the anchors it creates (#{'stop' if kind == 'steps' else 'object'}-ACTION-ID): put it back"
                    )
    return found
