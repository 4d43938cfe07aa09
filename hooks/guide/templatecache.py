"""One compiled copy of each theme template per process, shared by every Jinja environment.

MkDocs makes a new Jinja environment for every build, and mkdocs-static-i18n builds once per
language, so every template of the theme was parsed and compiled again for the second language (and
on every `mkdocs serve` rebuild). The environments are made the same way (`config.theme.get_env()`),
so their compiled code is the same: Jinja's bytecode cache keeps it, keyed by the template's name and
checked against a checksum of its source, so an edited template is compiled afresh.
"""

from __future__ import annotations

import jinja2


class _MemoryCache(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # ignored by Jinja when the source's checksum differs

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


CACHE = _MemoryCache()


def share(env: jinja2.Environment) -> jinja2.Environment:
    """env, compiling through the process-wide cache."""
    env.bytecode_cache = CACHE
    return env
