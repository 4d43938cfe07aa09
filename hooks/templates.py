"""Theme templates compiled once per process, not once per language build (hooks/guide/templatecache.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from guide import templatecache

if TYPE_CHECKING:
    import jinja2


def on_env(env: jinja2.Environment, *, config, files) -> jinja2.Environment:
    return templatecache.share(env)
