"""The corpus of broken inputs in tests/bad_inputs/: loading cases and applying them to a project."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent / "bad_inputs"
BASE = HERE / "base"
SAMPLE = "data/platforms/sample.yml"
SAMPLE_EPOCH = 1749600000  # 2025-06-11 00:00 UTC: the day after the sample was last verified
DATA_PARTS = (
    "data/schema",
    "data/regions.yml",
    "data/strings.yml",
    "data/links.yml",
    "data/letters.yml",
    "data/myths.yml",
    "data/source_denylist.yml",
)
OPERATIONS = ("replace", "append", "write", "copy", "symlink", "delete", "transform")


@dataclass
class Case:
    name: str
    spec: dict

    @property
    def edit(self) -> str:
        return self.spec.get("edit", SAMPLE)

    @property
    def passes(self) -> bool:
        return self.spec["expect"] == "pass"

    @property
    def cli(self) -> bool:
        return bool(self.spec.get("cli"))


def cases() -> list[Case]:
    found = [Case(p.stem, yaml.safe_load(p.read_text(encoding="utf-8"))) for p in sorted((HERE / "cases").glob("*.yml"))]
    for case in found:
        ops = [op for op in OPERATIONS if op in case.spec]
        if ops == ["replace", "copy"]:  # copy, then change the copy
            ops = ["copy"]
        assert len(ops) == 1, f"{case.name}: exactly one of {OPERATIONS}, got {ops}"
        assert "fault" in case.spec and "expect" in case.spec, case.name
    return found


def mini_project(root: Path, real: Path) -> Path:
    """base/ plus the real schema, regions, strings, link allow-list, hooks and theme overrides."""
    shutil.copytree(BASE, root)
    for part in DATA_PARTS:
        src = real / part
        if src.is_dir():
            shutil.copytree(src, root / part)
        elif src.exists():
            shutil.copy2(src, root / part)
    shutil.copy2(real / "mkdocs.yml", root / "mkdocs.yml")
    return root


def add_sample(project: Path) -> None:
    """Add base/'s platform and its two pages to a copy of the real project."""
    for rel in (SAMPLE, "docs/en/platforms/sample.md", "docs/zh/platforms/sample.md"):
        shutil.copy2(BASE / rel, project / rel)


def apply(case: Case, project: Path) -> int | None:
    """Break `project` as the case says; return the first changed line of the edited file, if any."""
    spec, path = case.spec, project / case.edit
    if "copy" in spec:
        shutil.copy2(path, project / spec["copy"])
        if "replace" not in spec:
            return 1
        path = project / spec["copy"]
    encoding = spec.get("encoding", "utf-8")
    before = path.read_text(encoding="utf-8") if path.exists() and not path.is_symlink() else None
    if "replace" in spec:
        pairs = list(zip(spec["replace"], spec["with"])) if isinstance(spec["replace"], list) else [(spec["replace"], spec["with"])]
        after = before
        for old, new in pairs:
            assert old in after, f"{case.name}: {old!r} not in {path.name}"
            after = after.replace(old, new, 1)
    elif "append" in spec:
        after = before + spec["append"]
        path.write_bytes(after.encode(encoding))
        return before.count("\n") + 1 + len(spec["append"]) - len(spec["append"].lstrip("\n"))
    elif "write" in spec:
        after = spec["write"]
    elif "symlink" in spec:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(spec["symlink"])
        return None
    elif "delete" in spec:
        path.unlink()
        return None
    else:
        after = {
            "bom": lambda t: "\ufeff" + t,
            "crlf": lambda t: t.replace("\n", "\r\n"),
            "no_final_newline": lambda t: t.rstrip("\n"),
            "long_summary": lambda t: t.replace("Sample Social trains *generative* AI", "Sample Social trains AI. " * 70, 1),
        }[spec["transform"]](before)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(after.encode(encoding))
    if before is None:
        return 1
    old, new = before.split("\n"), after.split("\n")
    return next((i for i, (a, b) in enumerate(zip(old, new), 1) if a != b), min(len(old), len(new)))


def expected_prefix(case: Case, changed_line: int | None, project: Path) -> str:
    expect = case.spec["expect"]
    line = expect.get("line", changed_line)
    if "line_of" in expect:  # the first line holding this text, in the file named by the message
        text = (project / expect.get("file", case.edit)).read_text(encoding="utf-8")
        line = text[: text.index(expect["line_of"])].count("\n") + 1
    assert line is not None, f"{case.name}: give expect.line"
    prefix = f"{expect.get('file', case.edit)}:{line}: "
    if expect.get("field"):
        prefix += f"{expect['field']}: "
    return prefix
