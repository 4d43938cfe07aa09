"""Reader texts that are not about one platform: data/letters.yml and data/myths.yml.

`load(root, known_regions)` returns {"letters": ..., "myths": ...} or raises DataError with one line
`data/letters.yml:12: letters[0].body.zh: ...`. Each file is checked against its schema in
data/schema/, then for what a schema cannot say: cited sources exist and are cited, links are https to
a plain host, text has no HTML, and a letter's placeholders are known fields, the same in both languages.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import checks, yamlsrc
from .data import load_schema, unchanged
from .errors import DataError, DataErrors
from .schema_errors import problems as schema_problems

FILES = {"letters": "data/letters.yml", "myths": "data/myths.yml"}
PLACEHOLDER = re.compile(r"\{([a-z]*)\}")
BUILD_FILLED = {"platform"}  # placeholders the build fills in; the others are reader fields


def load(root: Path, known_regions: set[str]) -> dict:
    """Both files, validated; each read again only when it or its schema changed."""
    out = {}
    for name, rel in FILES.items():
        path, schema = root / rel, root / "data" / "schema" / f"{name}.schema.json"
        if not path.exists():
            raise DataError(f"{rel}:1: file missing; the {name} page is generated from it")
        out[name] = unchanged(path, lambda path, name=name, schema=schema: _load(root, name, schema, known_regions), schema)
    return out


def _load(root: Path, name: str, schema: Path, known_regions: set[str]) -> dict:
    data, lines = yamlsrc.read(root / FILES[name], root)
    _, validator = unchanged(schema, load_schema)
    problems = schema_problems(validator, data, lines) or list(_semantic(name, data, known_regions))
    found = []
    for where, problem, *offset in problems:
        line = yamlsrc.line_of(lines, where) + (offset[0] if offset else 0)
        found.append(f"{FILES[name]}:{line}: {yamlsrc.field(where)}: {problem}")
    if found:
        raise DataErrors(found)
    return data


def _semantic(name: str, data: dict, known_regions: set[str]):
    registry = data["sources"]
    items = data[name]
    ids = [item["id"] for item in items]
    for index, item in enumerate(items):
        if ids.index(item["id"]) != index:
            yield (name, index, "id"), f"duplicate id '{item['id']}'"
        for ref_index, ref in enumerate(item["sources"]):
            if ref not in registry:
                yield (name, index, "sources", ref_index), f"unknown source '{ref}'; define it under `sources:`"
    cited = {ref for item in items for ref in item["sources"]}
    for key, source in registry.items():
        if key not in cited:
            yield ("sources", key), f"source '{key}' is cited nowhere; cite it or remove it"
        yield from checks.check_url(source["url"], ("sources", key, "url"), None)
    hosts = sorted({checks.host_of(s["url"]) for s in registry.values()})
    for path, value in [*checks.walk_texts(items, (name,)), *checks.walk_texts(data.get("fields", {}), ("fields",))]:
        if path[-2] != "body":  # letter bodies are plain text with placeholders, checked below
            yield from checks.check_text(value, path, hosts)
    if name == "letters":
        yield from _letters(data, known_regions)


def _letters(data: dict, known_regions: set[str]):
    fields = set(data["fields"]) | BUILD_FILLED
    for index, letter in enumerate(data["letters"]):
        for r_index, code in enumerate(letter["regions"]):
            if code not in known_regions:
                yield (
                    ("letters", index, "regions", r_index),
                    f"unknown region '{code}'; use an ISO 3166-1 alpha-2 code or a group from data/regions.yml",
                )
        for part in ("rights", "reply", "escalate"):
            for ref_index, ref in enumerate(letter[part]["sources"]):
                if ref not in letter["sources"]:
                    yield ("letters", index, part, "sources", ref_index), f"source '{ref}' is not in this letter's `sources`; add it there"
        used = {}
        for lang, body in letter["body"].items():
            where = ("letters", index, "body", lang)
            used[lang] = set(PLACEHOLDER.findall(body))
            for match in PLACEHOLDER.finditer(body):
                if match.group(1) not in fields:
                    # the block's text starts on the line after `en: |-`; point at the placeholder's own line
                    yield (
                        where,
                        f"unknown placeholder '{match.group(0)}'; use one of {sorted(fields)}",
                        1 + body.count("\n", 0, match.start()),
                    )
            if checks._HTML.search(body):
                yield where, "raw HTML is not allowed in a letter; write plain text", 1
        if used.get("en") != used.get("zh"):
            missing = sorted(used["en"] ^ used["zh"])
            yield ("letters", index, "body", "zh"), f"placeholders differ between languages: {missing} appear in only one of en and zh", 1


def parts(body: str) -> list[tuple[str, str]]:
    """A letter body as ("text", words) and ("slot", field) pieces, for the macro to render."""
    out, last = [], 0
    for match in PLACEHOLDER.finditer(body):
        out.append(("text", body[last : match.start()]))
        out.append(("slot", match.group(1)))
        last = match.end()
    out.append(("text", body[last:]))
    return [p for p in out if p[1]]
