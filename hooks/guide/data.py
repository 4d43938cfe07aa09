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

from . import checks, sourcing, yamlsrc
from .dates import build_date, localize
from .errors import DataError, DataErrors, messages
from .schema_errors import problems

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
    prose_hosts: list[str] = field(default_factory=list)  # data/links.yml: hosts page prose may link to

    def ordered(self, lang: str) -> list[dict]:
        """The platforms in a language's reading order: English by name, Chinese by the pinyin of the
        Chinese name (领英 under L, 腾讯元宝 under T), as Chinese readers expect a list to be sorted."""
        return sorted(self.platforms.values(), key=lambda p: name_key(p["name"][lang], lang))

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


def name_key(name: str, lang: str) -> str:
    """The key a name sorts by in a language: pinyin without tones for Chinese (pypinyin), case-folded."""
    if lang == "zh":
        from pypinyin import lazy_pinyin  # its dictionaries load on first use only

        return " ".join(lazy_pinyin(name)).casefold()
    return name.casefold()


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


_files: dict[tuple[Path, ...], tuple[tuple, object]] = {}


def unchanged(path: Path, parse, *also: Path):
    """parse(path), parsed again only when the file (or one of `also`, e.g. its schema) changed:
    platform edits (mkdocs serve, the fuzz tests) do not re-read the shared files. Only successful
    parses are kept."""
    paths = (path, *also)
    key = tuple((p.stat().st_size, p.stat().st_mtime_ns) for p in paths)
    hit = _files.get(paths)
    if hit and hit[0] == key:
        return hit[1]
    value = parse(path)
    _files[paths] = (key, value)
    return value


def load_schema(path: Path) -> tuple[dict, object]:
    """A JSON Schema file and its validator (dates checked as dates)."""
    import jsonschema  # imported late: it costs ~0.16 s and only validation needs it

    schema = json.loads(path.read_text(encoding="utf-8"))
    return schema, jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def _load(root: Path, today: dt.date) -> Guide:
    for path in sorted((root / "data").rglob("*")):
        if path.is_symlink():  # a link could publish any file of the machine that builds the site
            raise DataError(
                f"{path.relative_to(root).as_posix()}:1: (file): symbolic links are not allowed in data/; commit the file itself"
            )
    schema, validator = unchanged(root / SCHEMA, load_schema)
    regions = unchanged(root / "data" / "regions.yml", lambda path: _load_regions(path, root))
    strings = unchanged(root / "data" / "strings.yml", lambda path: _load_strings(path, root))
    prose_hosts = _load_links(root / "data" / "links.yml", root)
    denylist = sourcing.load_denylist(root)
    codes = set(Locale.parse("en").territories) | set(regions["groups"])
    codes = {c for c in codes if c.isalpha() and c.isupper()}
    platforms: dict[str, dict] = {}
    paths = sorted((root / "data" / "platforms").glob("*"))
    stems = {p.stem for p in paths}
    found: list[str] = []  # every file's problems, so one build shows them all
    for path in paths:
        if path.suffix != ".yml" or not path.is_file():
            found.append(f"{yamlsrc.display(path, root)}:1: (file): platform files are named ID.yml; rename or remove this one")
            continue
        try:
            platform = _load_platform(path, root, validator, codes, today, stems, denylist)
        except DataError as error:
            found += messages(error)
            continue
        if platform["id"] in platforms:
            found.append(f"{yamlsrc.display(path, root)}:1: id: duplicate id '{platform['id']}'")
        platforms[platform["id"]] = platform
    if found:
        raise DataErrors(found)
    if not platforms:
        raise DataError("data/platforms:1: no platform files found")
    ordered = dict(sorted(platforms.items(), key=lambda item: item[1]["name"]["en"].casefold()))
    return Guide(root, today, ordered, regions, strings, schema, codes, prose_hosts)


def _load_platform(path: Path, root: Path, validator, codes: set[str], today: dt.date, stems: set[str], denylist: dict[str, str]) -> dict:
    name = yamlsrc.display(path, root)
    data, lines = yamlsrc.read(path, root)
    if not isinstance(data, dict):
        raise DataError(
            f"{name}:1: (file): the file must be a mapping of fields (id:, name:, ...); copy data/platforms/linkedin.yml to start"
        )
    at = lambda where, problem: f"{name}:{yamlsrc.line_of(lines, where)}: {yamlsrc.field(where)}: {problem}"  # noqa: E731
    schema_problems = problems(validator, data, lines)
    if schema_problems:  # the checks below assume a file that fits the schema; TODOs are listed too
        listed = {where for where, _ in schema_problems}
        todo = [(where, problem) for where, problem in checks.todos(data) if where not in listed]
        ordered = sorted(schema_problems + todo, key=lambda item: yamlsrc.line_of(lines, item[0]))
        raise DataErrors([at(where, problem) for where, problem in ordered])
    if data["id"] != path.stem and data["id"] in stems:  # a copied file whose id was not changed
        raise DataError(
            f"{name}:{yamlsrc.line_of(lines, ('id',))}: id: duplicate id '{data['id']}', already used by data/platforms/{data['id']}.yml; "
            f"give this platform its own id and name the file after it"
        )
    semantic = [at(where, problem) for where, problem in checks.semantic(data, path.stem, codes, today, denylist)]
    if semantic:
        raise DataErrors(semantic)
    data["_file"] = name
    return data


def _load_regions(path: Path, root: Path) -> dict:
    data, lines = yamlsrc.read(path, root)
    name = yamlsrc.display(path, root)
    if not isinstance(data, dict):
        raise DataError(f"{name}:1: (file): must be a mapping with names:, groups: and filter:")
    for key in ("names", "groups", "filter"):
        if not isinstance(data.get(key), list if key == "filter" else dict):
            raise DataError(f"{name}:{yamlsrc.line_of(lines, (key,))}: {key}: missing or not a {'list' if key == 'filter' else 'mapping'}")
    texts = [(("names", code), value) for code, value in data["names"].items()]
    texts += [(("groups", code, "name"), group.get("name") if isinstance(group, dict) else None) for code, group in data["groups"].items()]
    for where, value in texts:
        if not (isinstance(value, dict) and all(isinstance(value.get(lang), str) for lang in LANGS)):
            raise DataError(
                f"{name}:{yamlsrc.line_of(lines, where)}: {yamlsrc.field(where)}: must be a name in both languages, {{en: ..., zh: ...}}"
            )
        for lang in LANGS:
            for problem_at, problem in checks.check_plain(value[lang], where + (lang,)):
                raise DataError(f"{name}:{yamlsrc.line_of(lines, problem_at)}: {yamlsrc.field(problem_at)}: {problem}")
    return data


def _load_strings(path: Path, root: Path) -> dict:
    """Interface strings: the same keys in every language, plain text with {placeholders}."""
    data, lines = yamlsrc.read(path, root)
    name = yamlsrc.display(path, root)
    if not isinstance(data, dict) or not all(isinstance(data.get(lang), dict) for lang in LANGS):
        raise DataError(f"{name}:1: (file): must hold one mapping of strings per language: {', '.join(LANGS)}")
    for lang in LANGS:
        for other in LANGS:
            for key in data[other]:
                if key not in data[lang]:
                    raise DataError(
                        f"{name}:{lines[(other, key)]}: {other}.{key}: has no {lang} twin; add {lang}.{key} (every string exists in every language)"
                    )
        for key, value in data[lang].items():
            if not isinstance(value, str):
                raise DataError(f"{name}:{lines[(lang, key)]}: {lang}.{key}: must be text; put it in quotes")
            for where, problem in checks.check_plain(value, (lang, key), placeholders=True):
                raise DataError(f"{name}:{yamlsrc.line_of(lines, where)}: {yamlsrc.field(where)}: {problem}")
    # Each language's house style (Chinese: a space between Chinese and Latin letters or digits).
    return {lang: {key: localize(value, lang) for key, value in data[lang].items()} for lang in data}


def _load_links(path: Path, root: Path) -> list[str]:
    """Hosts page prose may link to besides platforms' domains and sources' hosts (optional file)."""
    if not path.exists():
        return []
    data, lines = yamlsrc.read(path, root)
    name = yamlsrc.display(path, root)
    hosts = data.get("prose_hosts") if isinstance(data, dict) else None
    if not isinstance(hosts, list) or not all(isinstance(h, str) and checks.DOMAIN.fullmatch(h) for h in hosts):
        raise DataError(f"{name}:{yamlsrc.line_of(lines, ('prose_hosts',))}: prose_hosts: must be a list of plain domains like example.org")
    return hosts
