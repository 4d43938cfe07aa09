"""YAML reading that keeps line numbers and refuses YAML's surprises.

Every value is returned together with a map from its path (a tuple of keys and indexes) to the
line it starts on, so validation can say `file:line: field: problem`.

Deliberate differences from yaml.safe_load:
- only `true`/`false` are booleans, so the country code `NO` stays a string;
- dates stay strings (`2025-11-03`), as the JSON Schema expects;
- duplicate keys, anchors/aliases and non-string keys are errors, not silent surprises.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError

Path_ = tuple  # a path into the document: ("stop_future", 0, "steps", "web")
Lines = dict


# libyaml's C parser when PyYAML was built with it (the wheels are): about 10x faster.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    """SafeLoader with YAML 1.2-like booleans and no timestamp type."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


_KEY = re.compile(r"[A-Za-z0-9_-]{1,60}")
_CORE = "tag:yaml.org,2002:"
_PLAIN_TAGS = {
    yaml.MappingNode: {_CORE + "map"},
    yaml.SequenceNode: {_CORE + "seq"},
    yaml.ScalarNode: {_CORE + t for t in ("str", "int", "float", "bool", "null")},
}


# What YAML refuses to read (the printable set of YAML 1.1, as PyYAML's reader checks it).
_CONTROL = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def read(path: Path, root: Path | None = None) -> tuple[Any, Lines]:
    """Parse one YAML file; return (data, lines) or raise DataError naming file and line."""
    name = display(path, root)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(f"{name}:{line}: (file): the file is not valid UTF-8; save it with the UTF-8 encoding") from None
    return parse(text, name)


def parse(text: str, name: str) -> tuple[Any, Lines]:
    """Parse YAML text read from the file `name`; return (data, lines) or raise DataError."""
    bad = _CONTROL.search(text)  # before parsing: libyaml reports the position in bytes, not characters
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise DataError(f"{name}:{line}: (file): the invisible control character U+{ord(bad.group()):04X} is not allowed; delete it")
    loader = None
    try:
        loader = _Loader(text)
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = exc.problem or exc.context or "invalid YAML"
        hint = "check indentation and quoting"
        lines_ = text.split("\n")
        if "\\t" in problem or "tab" in problem or "\t" in lines_[min(line, len(lines_)) - 1].split("#")[0].lstrip(" ")[:1]:
            hint = "indent with spaces, not tabs"
        elif "another document" in problem:
            hint = "a file holds one document: remove the extra '---' line"
        raise DataError(f"{name}:{line}: (file): YAML syntax error: {problem}; {hint}") from None
    except yaml.reader.ReaderError as exc:  # a control character, e.g. pasted from a PDF
        line = text[: exc.position].count("\n") + 1
        raise DataError(f"{name}:{line}: (file): the invisible control character U+{exc.character:04X} is not allowed; delete it") from None
    except yaml.YAMLError as exc:
        raise DataError(f"{name}:1: (file): YAML error: {str(exc).splitlines()[0]}") from None
    except RecursionError:
        raise DataError(f"{name}:1: (file): the YAML is nested too deeply; a platform file needs a few levels only") from None
    finally:
        if loader:
            loader.dispose()
    if node is None:
        raise DataError(f"{name}:1: (file): the file is empty; copy data/platforms/linkedin.yml to start")
    lines: Lines = {}
    try:
        data = _convert(node, (), lines, name, loader, set())
    except RecursionError:
        raise DataError(f"{name}:1: (file): the YAML is nested too deeply; a platform file needs a few levels only") from None
    return data, lines


def display(path: Path, root: Path | None = None) -> str:
    """A path as contributors see it: relative to the project root (the folder of mkdocs.yml)."""
    try:
        return path.resolve().relative_to((root or Path.cwd()).resolve()).as_posix()
    except ValueError:
        return str(path)


def _convert(node: yaml.Node, path: Path_, lines: Lines, name: str, loader: _Loader, seen: set) -> Any:
    line = node.start_mark.line + 1
    lines.setdefault(path, line)
    if id(node) in seen:
        raise DataError(f"{name}:{lines.get(path, line)}: {field(path)}: YAML anchors and aliases are not allowed; write the value out")
    seen.add(id(node))
    if node.tag not in _PLAIN_TAGS[type(node)]:  # explicit tags (!!python/..., !!set, !foo) build surprises
        raise DataError(
            f"{name}:{line}: {field(path)}: YAML tags such as '{node.tag.replace(_CORE, '!!')}' are not allowed; write a plain value"
        )
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                raise DataError(f"{name}:{key_node.start_mark.line + 1}: {field(path)}: keys must be plain names")
            key = key_node.value
            if not _KEY.fullmatch(key):
                raise DataError(
                    f"{name}:{key_node.start_mark.line + 1}: {field(path)}: key {key!r:.40} must be a plain name (letters, digits, '-' and '_')"
                )
            if key == "<<":
                raise DataError(f"{name}:{key_node.start_mark.line + 1}: {field(path)}: YAML merge keys are not allowed")
            if key in result:
                raise DataError(f"{name}:{key_node.start_mark.line + 1}: {field(path + (key,))}: duplicate key; keep one")
            lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = _convert(value_node, path + (key,), lines, name, loader, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, path + (index,), lines, name, loader, seen) for index, item in enumerate(node.value)]
    try:
        return loader.construct_object(node, deep=True)
    except yaml.YAMLError as exc:
        raise DataError(f"{name}:{line}: {field(path)}: {getattr(exc, 'problem', exc)}") from None


def field(path: Path_) -> str:
    """Render a path as `stop_future[0].steps.web[1]`; the top level is `(file)`."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(file)"


def line_of(lines: Lines, path: Path_) -> int:
    """The line of the deepest part of `path` that exists in the file."""
    path = tuple(path)
    while path and path not in lines:
        path = path[:-1]
    return lines.get(path, 1)
