"""The Chinese vocabulary lint: data/glossary.yml's forms to avoid, found in Chinese text.

`lint(root)` checks every Chinese page (docs/zh/**/*.md), every Chinese text of data/ (platforms,
strings, letters, myths, regions; the glossary's own notes, not its examples) and the Chinese site
texts of mkdocs.yml, and returns Findings, printed as
`docs/zh/index.md:7: 生成式 AI: found '生成内容的人工智能'; use '生成式 AI'`.
What is not prose is left out: code spans and blocks, HTML comments (markers), link addresses.
scripts/zh_lint.py is the command; tests/test_glossary.py runs it on the repository and on fixtures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import checks, yamlsrc
from .data import load_schema
from .errors import DataError
from .schema_errors import first_problem

GLOSSARY = "data/glossary.yml"
SCHEMA = "data/schema/glossary.schema.json"
# Data files whose Chinese texts are {en, zh} pairs anywhere in the document.
PAIR_FILES = ("data/letters.yml", "data/myths.yml", "data/regions.yml")
_TITLE = re.compile(r"《[^《》\n]*》")
# Not prose: fenced code, HTML comments, inline code, link and image addresses, bare URLs.
_NOT_PROSE = re.compile(
    r"^(?P<fence>```|~~~).*?^(?P=fence)[ \t]*$|<!--.*?-->|(?P<tick>`+).+?(?P=tick)|\]\([^)\s]*(?:\s+\"[^\"]*\")?\)|https?://[^\s)）>\]]+|\{[^{}\n]*[#.][^{}\n]*\}",
    re.S | re.M,
)
_MASK = "\u2400"  # a character neither Chinese nor Latin, so nothing matches across a masked span


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    term: str
    found: str
    use: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.term}: found '{self.found}'; use '{self.use}'"


@dataclass(frozen=True)
class Rule:
    term: str
    regex: re.Pattern
    use: str
    titles_allowed: bool

    def suggestion(self, match: re.Match) -> str:
        return match.expand(self.use) if "\\" in self.use else self.use


def load(root: Path) -> tuple[dict, list[Rule]]:
    """The glossary, checked against its schema, and its rules; DataError `file:line: field: problem`."""
    path = root / GLOSSARY
    data, lines = yamlsrc.read(path, root)
    _, validator = load_schema(root / SCHEMA)
    problem = first_problem(validator, data, lines)
    if problem:
        where, text = problem
        raise DataError(f"{GLOSSARY}:{yamlsrc.line_of(lines, where)}: {yamlsrc.field(where)}: {text}")
    rules = []
    for t_index, term in enumerate(data["terms"]):
        for a_index, avoid in enumerate(term["avoid"]):
            try:
                regex = re.compile(avoid["pattern"]) if "pattern" in avoid else re.compile(re.escape(avoid["text"]))
            except re.error as exc:
                where = ("terms", t_index, "avoid", a_index, "pattern")
                raise DataError(
                    f"{GLOSSARY}:{yamlsrc.line_of(lines, where)}: {yamlsrc.field(where)}: not a valid regular expression ({exc}); fix it"
                ) from None
            rules.append(Rule(term["zh"], regex, avoid.get("use", term["zh"]), "titles" in avoid.get("except", [])))
    return data, rules


def mask(text: str) -> str:
    """The text with what is not prose replaced by neutral characters (same length, same lines)."""
    return _NOT_PROSE.sub(lambda m: re.sub(r"[^\n]", _MASK, m.group(0)), text)


def find(text: str, rules: list[Rule]) -> list[tuple[int, Rule, re.Match]]:
    """(offset, rule, match) for every avoided form in one text; overlapping matches count once,
    the longest (生成式人工智能, not also 人工智能)."""
    prose = mask(text)
    titled = _TITLE.sub(lambda m: _MASK * len(m.group(0)), prose)
    hits = []
    for rule in rules:
        for match in rule.regex.finditer(titled if rule.titles_allowed else prose):
            hits.append((match.start(), match.end(), rule, match))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept, end = [], -1
    for start, stop, rule, match in hits:
        if start >= end:
            kept.append((start, rule, match))
            end = stop
    return kept


def _line_in_file(raw_lines: list[str], first: int, found: str) -> int:
    """The line of `found` in the file, searching from the line its field starts on (folded YAML
    text spreads one value over several lines)."""
    for number in range(first, len(raw_lines) + 1):
        if found in raw_lines[number - 1]:
            return number
    return first


def _zh_texts(root: Path, rel: str) -> list[tuple[int, str]]:
    """(line, text) for every Chinese text of one data file."""
    data, lines = yamlsrc.read(root / rel, root)
    if rel == "data/strings.yml":
        return [(lines[("zh", key)], value) for key, value in data.get("zh", {}).items() if isinstance(value, str)]
    if rel == GLOSSARY:
        return [(lines[("terms", i, "note", "zh")], t["note"]["zh"]) for i, t in enumerate(data["terms"]) if "note" in t]
    out = [(yamlsrc.line_of(lines, path), text) for path, text in checks.walk_texts(data) if path[-1] == "zh"]
    names = data.get("search_names", {}).get("zh", []) if isinstance(data, dict) and isinstance(data.get("search_names"), dict) else []
    out += [(yamlsrc.line_of(lines, ("search_names", "zh", i)), name) for i, name in enumerate(names)]
    return out


def data_files(root: Path) -> list[str]:
    files = [p.relative_to(root).as_posix() for p in sorted((root / "data" / "platforms").glob("*.yml"))]
    return files + ["data/strings.yml", *PAIR_FILES, GLOSSARY]


def lint_text(file: str, text: str, rules: list[Rule], first_line: int = 1, raw_lines: list[str] | None = None) -> list[Finding]:
    out = []
    for offset, rule, match in find(text, rules):
        found = match.group(0)
        if raw_lines is None:
            line = first_line + text.count("\n", 0, offset)
        else:
            line = _line_in_file(raw_lines, first_line, found)
        out.append(Finding(file, line, rule.term, found, rule.suggestion(match)))
    return out


def lint(root: Path) -> list[Finding]:
    """Every avoided form in the Chinese texts under root, in file order."""
    root = Path(root)
    _, rules = load(root)
    findings: list[Finding] = []
    for path in sorted((root / "docs" / "zh").rglob("*.md")):
        rel = path.relative_to(root).as_posix()
        findings += lint_text(rel, path.read_text(encoding="utf-8-sig"), rules)
    for rel in data_files(root):
        if not (root / rel).exists():
            continue
        raw = (root / rel).read_text(encoding="utf-8-sig").split("\n")
        for line, text in _zh_texts(root, rel):
            findings += lint_text(rel, text, rules, line, raw)
    config = root / "mkdocs.yml"
    if config.exists():  # the Chinese site name, description and copyright
        for number, text in enumerate(config.read_text(encoding="utf-8").split("\n"), 1):
            if re.search(r"[\u4e00-\u9fff]", text):
                findings += lint_text("mkdocs.yml", text, rules, number)
    return findings


def is_platform_file(file: str) -> bool:
    """A platform's data file or page (content helpers' files), not the platform list page."""
    return file.startswith("data/platforms/") or (file.startswith("docs/") and "/platforms/" in file and not file.endswith("/index.md"))
