"""Loading and validating data/: platforms, regions and interface strings.

`load(config_dir)` returns a Guide or raises DataError with one line:
`data/platforms/x.yml:12: stop_future[0].url: 'http://...' must be an https:// link`.

Data is read afresh at the start of every build (hooks/validate.py passes fresh=True from the
outer build's on_pre_build) and shared only with the other languages of that same build, so
`mkdocs serve` always sees edits and the second language does not parse everything again.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale

from . import checks, yamlsrc
from .dates import build_date
from .errors import DataError

LANGS = ("en", "zh")
SCHEMA = Path("data/schema/platform.schema.json")


@dataclass
class Guide:
    """Everything the hooks render from, for one build."""

    root: Path
    today: dt.date
    platforms: dict[str, dict]  # id -> platform, sorted by English name
    regions: dict  # data/regions.yml as loaded
    strings: dict  # lang -> key -> text
    schema: dict
    region_codes: set[str] = field(default_factory=set)

    def region_name(self, code: str, lang: str) -> str:
        groups = self.regions["groups"]
        if code in groups:
            return groups[code]["name"][lang]
        if code in self.regions["names"]:
            return self.regions["names"][code][lang]
        return Locale.parse(lang).territories.get(code, code)

    def expand(self, codes: list[str]) -> set[str]:
        """Groups replaced by their member countries (recursively); the group names are kept."""
        out: set[str] = set()
        for code in codes:
            out.add(code)
            members = self.regions["groups"].get(code, {}).get("members", [])
            out |= self.expand(members)
        return out


_cache: dict[tuple[str, dt.date], Guide] = {}


def load(root: Path, today: dt.date | None = None, *, fresh: bool = False) -> Guide:
    """Load and validate everything under root/data, or raise DataError.

    fresh=True re-reads the files; otherwise the data loaded earlier in this build is reused.
    """
    key = (str(Path(root).resolve()), today or build_date())
    if fresh or key not in _cache:
        _cache.pop(key, None)
        _cache[key] = _load(Path(root), key[1])
    return _cache[key]


def _load(root: Path, today: dt.date) -> Guide:
    import jsonschema  # imported late: it costs ~0.16 s and only validation needs it

    schema = json.loads((root / SCHEMA).read_text(encoding="utf-8"))
    regions = _load_regions(root / "data" / "regions.yml", root)
    strings, _ = yamlsrc.read(root / "data" / "strings.yml", root)
    for lang in LANGS:
        missing = set(strings.get(LANGS[0], {})) ^ set(strings.get(lang, {}))
        if missing:
            raise DataError(f"data/strings.yml:1: {lang}: keys {sorted(missing)} must exist in every language")
    codes = set(Locale.parse("en").territories) | set(regions["groups"])
    codes = {c for c in codes if c.isalpha() and c.isupper()}
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    platforms: dict[str, dict] = {}
    paths = sorted((root / "data" / "platforms").glob("*"))
    for path in paths:
        if path.suffix != ".yml":
            raise DataError(f"{yamlsrc.display(path, root)}:1: platform files must end in .yml")
        platform = _load_platform(path, root, validator, codes, today)
        if platform["id"] in platforms:
            raise DataError(f"{yamlsrc.display(path, root)}:1: id: duplicate id '{platform['id']}'")
        platforms[platform["id"]] = platform
    if not platforms:
        raise DataError("data/platforms:1: no platform files found")
    ordered = dict(sorted(platforms.items(), key=lambda item: item[1]["name"]["en"].casefold()))
    return Guide(root, today, ordered, regions, strings, schema, codes)


def _load_platform(path: Path, root: Path, validator, codes: set[str], today: dt.date) -> dict:
    name = yamlsrc.display(path, root)
    data, lines = yamlsrc.read(path, root)
    if not isinstance(data, dict):
        raise DataError(f"{name}:1: the file must be a mapping of fields (id:, name:, ...)")
    errors = sorted(validator.iter_errors(data), key=lambda e: (yamlsrc.line_of(lines, e.absolute_path), list(map(str, e.absolute_path))))
    if errors:
        error = errors[0]
        where = tuple(error.absolute_path)
        problem, where = _describe(error, where)
        raise DataError(f"{name}:{yamlsrc.line_of(lines, where)}: {yamlsrc.field(where)}: {problem}")
    for where, problem in checks.semantic(data, path.stem, codes, today):
        raise DataError(f"{name}:{yamlsrc.line_of(lines, where)}: {yamlsrc.field(where)}: {problem}")
    data["_file"] = name
    return data


def _describe(error, where: tuple) -> tuple[str, tuple]:
    """A schema error in words a contributor can act on, and the path it is about."""
    v = error.validator
    if v == "required":
        missing = error.message.split("'")[1]
        return f"missing required field '{missing}'", where
    if v == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        if extra:
            return f"unknown field '{extra[0]}'; check its spelling against data/schema/platform.schema.json", where + (extra[0],)
    if v == "pattern" and error.schema.get("pattern", "").startswith("^https://"):
        return f"'{error.instance}' must be an https:// link", where
    if v == "format" and error.schema.get("format") == "date":
        return f"'{error.instance}' is not a valid date; write YYYY-MM-DD", where
    if v == "pattern" and "[0-9]{4}" in error.schema.get("pattern", ""):
        return f"'{error.instance}' is not a date; write YYYY-MM-DD", where
    if v == "minLength":
        return "must not be empty", where
    if v == "maxLength":
        return f"is {len(error.instance)} characters; the limit is {error.schema['maxLength']}: shorten it", where
    if v == "minItems":
        return f"needs at least {error.schema['minItems']} item(s)", where
    if v == "enum":
        return f"'{error.instance}' is not allowed; use one of {', '.join(map(str, error.schema['enum']))}", where
    if v == "type":
        expected = error.schema["type"]
        return f"must be {'a ' + expected if isinstance(expected, str) else expected}, not {type(error.instance).__name__} {error.instance!r:.40}", where
    if v == "uniqueItems":
        return "lists the same value twice", where
    return error.message[:200], where


def _load_regions(path: Path, root: Path) -> dict:
    data, _ = yamlsrc.read(path, root)
    for key in ("names", "groups", "filter"):
        if key not in data:
            raise DataError(f"{yamlsrc.display(path, root)}:1: {key}: missing")
    return data
