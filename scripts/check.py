#!/usr/bin/env python3
"""The build's checks of data and pages, without building: every problem, one line each.

    python3 scripts/check.py            # data/, docs/ and mkdocs.yml, exactly as `mkdocs build` checks them
    python3 scripts/check.py --yaml F…  # each YAML file parses (pre-commit passes the changed ones)

Exit status 0 when all is well, 1 with the problems on stderr. pre-commit runs both.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))


def check_yaml(files: list[str]) -> list[str]:
    import yaml

    class Loader(yaml.SafeLoader):
        """Reads MkDocs' !ENV and !!python/name tags as plain values: only the syntax is checked here."""

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    problems = []
    for name in files:
        try:
            yaml.load(Path(name).read_text(encoding="utf-8-sig"), Loader=Loader)  # noqa: S506 - the safe loader
        except (yaml.YAMLError, UnicodeDecodeError) as err:
            problems.append(f"{name}: {' '.join(str(err).split())}")
    return problems


def check_site() -> list[str]:
    """What hooks/validate.py finds (it runs first in every build, before anything is written)."""
    import importlib.util

    from mkdocs.config import load_config

    from guide.errors import DataError, messages

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    spec = importlib.util.spec_from_file_location("validate_hook", ROOT / "hooks" / "validate.py")
    validate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(validate)
    config = load_config(str(ROOT / "mkdocs.yml"))
    try:
        validate.on_pre_build(config)
    except DataError as err:
        return messages(err)
    return []


def main(argv: list[str]) -> int:
    problems = check_yaml(argv[1:]) if argv[:1] == ["--yaml"] else check_site()
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
