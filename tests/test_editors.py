"""Editors complete fields and show schema errors while typing: every data file names its JSON Schema
(a yaml-language-server comment), and the workspace settings map the same files (issue 15)."""

from __future__ import annotations

import json

from conftest import ROOT

SCHEMAS = {"data/platforms/*.yml": "platform", "data/letters.yml": "letters", "data/myths.yml": "myths"}


def test_every_data_file_points_at_its_schema():
    for pattern, name in SCHEMAS.items():
        files = sorted(ROOT.glob(pattern))
        assert files, pattern
        for path in files:
            first = path.read_text(encoding="utf-8").split("\n", 1)[0]
            assert first.startswith("# yaml-language-server: $schema="), path
            target = (path.parent / first.split("$schema=", 1)[1].strip()).resolve()
            assert target == (ROOT / "data" / "schema" / f"{name}.schema.json").resolve(), path


def test_workspace_settings_map_the_same_schemas():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped = {glob: schema.removeprefix("./") for schema, glob in settings["yaml.schemas"].items()}
    assert mapped == {pattern: f"data/schema/{name}.schema.json" for pattern, name in SCHEMAS.items()}
    for schema in mapped.values():
        assert (ROOT / schema).is_file()


def test_the_scaffold_template_points_at_the_schema():
    template = (ROOT / "scripts" / "templates" / "platform.yml").read_text(encoding="utf-8")
    assert template.startswith("# yaml-language-server: $schema=../schema/platform.schema.json\n")
