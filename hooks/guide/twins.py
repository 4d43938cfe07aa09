"""Twins that never lag: which Chinese texts were checked against which English revision.

Pages: each Chinese page records, in its front matter, the hash of the English page it translates:
`translated_from: "3f2a9c0b1d2e"` (the first 12 hex digits of SHA-256 over the English file's text,
whitespace runs folded to one space, so re-wrapping lines changes nothing).

Data texts: data/translations.lock.yml lists, per data file, the hashes of the English texts whose
Chinese twins were checked. A text lags when its English hash is not in its file's list: its English
changed (or it is new) since someone last confirmed the Chinese. Hashes, not field paths, are
recorded, so moving or inserting entries does not make their neighbours lag.

`python3 scripts/twins.py` reports every lagging page and text; `--stamp FILE` records FILE's
current English as translated (after updating the Chinese). The build (hooks/twins.py) puts a note
at the top of a lagging Chinese page, linking to the English page; a page lags when its English page
changed or a data text it shows (the platform of its markers, myths, letters) lags.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from . import checks, yamlsrc
from .errors import DataError

LOCK = "data/translations.lock.yml"
SOURCE_LANG, TARGET_LANG = "en", "zh"
FIELD = "translated_from"
_FRONT = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)
_STAMP = re.compile(rf"^{FIELD}:[ \t]*[\"']?([^\"'\s]*)[\"']?[ \t]*(?=\r?$)", re.M)
_MARKER = re.compile(r"<!--\s*optout:(\S+)(?:[ \t]+([a-z0-9-]+))?\s*-->")
# Pages whose markers show a data file other than a platform's.
MARKER_FILES = {"myths": "data/myths.yml", "letters": "data/letters.yml"}


def text_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.replace("\ufeff", "").split()).encode("utf-8")).hexdigest()[:12]


# --- pages ---------------------------------------------------------------------------------------


def recorded(zh_text: str) -> str | None:
    """The English hash a Chinese page says it translates, or None."""
    front = _FRONT.match(zh_text)
    found = _STAMP.search(front.group(1) or "") if front else None
    return found.group(1) if found else None


def page_hash(root: Path, rel: str) -> str:
    return text_hash((root / "docs" / SOURCE_LANG / rel).read_text(encoding="utf-8-sig"))


def stamped(zh_text: str, value: str) -> str:
    """The Chinese page's text with `translated_from` set to value (front matter added if missing)."""
    line = f'{FIELD}: "{value}"'
    front = _FRONT.match(zh_text)
    if not front:
        return f"---\n{line}\n---\n\n{zh_text.lstrip(chr(0xFEFF))}"
    body = front.group(1) or ""
    newline = "\r\n" if "\r\n" in front.group(0) else "\n"
    body = _STAMP.sub(line, body, count=1) if _STAMP.search(body) else body + line + newline
    return f"---{newline}{body}---{newline}" + zh_text[front.end() :]


# --- data texts ----------------------------------------------------------------------------------


def data_files(root: Path) -> list[str]:
    files = [p.relative_to(root).as_posix() for p in sorted((root / "data" / "platforms").glob("*.yml"))]
    others = ["data/strings.yml", "data/letters.yml", "data/myths.yml", "data/regions.yml", "data/glossary.yml"]
    return files + [f for f in others if (root / f).exists()]


_read: dict[tuple[Path, str], tuple[tuple, object]] = {}


def _cached(path: Path, kind: str, parse):
    """parse(), again only when the file changed: the build asks once per Chinese page."""
    stat = path.stat()
    key, hit = (path.resolve(), kind), _read.get((path.resolve(), kind))
    if hit and hit[0] == (stat.st_size, stat.st_mtime_ns):
        return hit[1]
    value = parse()
    _read[key] = ((stat.st_size, stat.st_mtime_ns), value)
    return value


def pairs(root: Path, rel: str) -> list[tuple[tuple, str, int]]:
    """(path of the Chinese text, its English twin, line) for every text of one data file."""
    return _cached(root / rel, "pairs", lambda: _pairs(root, rel))


def _pairs(root: Path, rel: str) -> list[tuple[tuple, str, int]]:
    data, lines = yamlsrc.read(root / rel, root)
    if rel == "data/strings.yml":
        return [
            ((TARGET_LANG, key), value, lines[(TARGET_LANG, key)])
            for key, value in data.get(SOURCE_LANG, {}).items()
            if key in data.get(TARGET_LANG, {})
        ]
    found = {}
    for path, text in checks.walk_texts(data):
        found.setdefault(path[:-1], {})[path[-1]] = text
    return [
        (where + (TARGET_LANG,), twin[SOURCE_LANG], yamlsrc.line_of(lines, where + (TARGET_LANG,)))
        for where, twin in found.items()
        if SOURCE_LANG in twin
    ]


def read_lock(root: Path) -> dict[str, set[str]]:
    path = root / LOCK
    if not path.exists():
        return {}
    return _cached(path, "lock", lambda: _parse_lock(path))


def _parse_lock(path: Path) -> dict[str, set[str]]:
    import yaml  # a generated file keyed by paths, which yamlsrc (contributors' data) does not allow

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DataError(
            f"{LOCK}:1: (file): not valid YAML ({str(exc).splitlines()[0]}); regenerate it with python3 scripts/twins.py --stamp-all after checking the translations"
        ) from None
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        raise DataError(
            f"{LOCK}:1: (file): must map each data file to a list of hashes; regenerate it with python3 scripts/twins.py --stamp"
        )
    return {str(file): {str(h) for h in hashes} for file, hashes in data.items()}


def write_lock(root: Path, lock: dict[str, set[str]]) -> None:
    out = [
        "# English revisions the Chinese texts of data/ were checked against (see hooks/guide/twins.py).",
        "# Per file, the hashes of English texts whose Chinese twin is up to date. Do not edit by hand:",
        "# after updating a Chinese text, run `python3 scripts/twins.py --stamp data/FILE.yml`.",
    ]
    for file in sorted(lock):
        out.append(f"{file}:")
        out += [f'  - "{h}"' for h in sorted(lock[file])]
    (root / LOCK).write_text("\n".join(out) + "\n", encoding="utf-8")


@dataclass(frozen=True)
class Lag:
    file: str  # the Chinese page or the data file
    line: int
    field: str  # the data field, or "" for a page
    english: str  # the English page or file it should follow

    def __str__(self) -> str:
        if self.field:
            return f"{self.file}:{self.line}: {self.field}: the English text changed since this Chinese text was checked; update it, then run python3 scripts/twins.py --stamp {self.file}"
        return f"{self.file}:1: translated_from: {self.english} changed since this page was translated; update it, then run python3 scripts/twins.py --stamp {self.file}"


def lagging_texts(root: Path, rel: str, lock: dict[str, set[str]] | None = None) -> list[Lag]:
    lock = read_lock(root) if lock is None else lock
    known = lock.get(rel, set())
    return [Lag(rel, line, yamlsrc.field(where), rel) for where, en, line in pairs(root, rel) if text_hash(en) not in known]


def page_lags(root: Path, rel: str, lock: dict[str, set[str]] | None = None) -> list[Lag]:
    """Why the Chinese page docs/zh/REL may lag: its English page, or a data text it shows."""
    zh_path = root / "docs" / TARGET_LANG / rel
    zh_text = zh_path.read_text(encoding="utf-8-sig")
    lags = []
    if recorded(zh_text) != page_hash(root, rel):
        lags.append(Lag(f"docs/{TARGET_LANG}/{rel}", 1, "", f"docs/{SOURCE_LANG}/{rel}"))
    lock = read_lock(root) if lock is None else lock
    for file in sorted(shown_data(root, zh_text)):
        lags += lagging_texts(root, file, lock)
    return lags


def shown_data(root: Path, page_text: str) -> set[str]:
    """The data files a page's markers show texts of."""
    out = set()
    for kind, arg in _MARKER.findall(page_text):
        if arg and (root / "data" / "platforms" / f"{arg}.yml").exists():
            out.add(f"data/platforms/{arg}.yml")
        elif kind in MARKER_FILES:
            out.add(MARKER_FILES[kind])
    return out


def report(root: Path) -> list[Lag]:
    """Every lagging Chinese page and data text."""
    lock = read_lock(root)
    lags = []
    for path in sorted((root / "docs" / TARGET_LANG).rglob("*.md")):
        rel = path.relative_to(root / "docs" / TARGET_LANG).as_posix()
        if (root / "docs" / SOURCE_LANG / rel).exists() and recorded(path.read_text(encoding="utf-8-sig")) != page_hash(root, rel):
            lags.append(Lag(f"docs/{TARGET_LANG}/{rel}", 1, "", f"docs/{SOURCE_LANG}/{rel}"))
    for file in data_files(root):
        lags += lagging_texts(root, file, lock)
    return lags


def stamp(root: Path, rel: str) -> None:
    """Record FILE's current English as translated: a Chinese (or English) page, or a data file."""
    if rel.startswith("docs/"):
        page = rel.split("/", 2)[2]
        zh_path = root / "docs" / TARGET_LANG / page
        text = zh_path.read_text(encoding="utf-8-sig")
        zh_path.write_text(stamped(text, page_hash(root, page)), encoding="utf-8")
        return
    lock = dict(read_lock(root))  # a copy: read_lock's value is cached
    lock[rel] = {text_hash(en) for _, en, _ in pairs(root, rel)}
    write_lock(root, lock)
