"""The one error type for contributors' mistakes: a PluginError, so MkDocs prints one line."""

from __future__ import annotations

from mkdocs.exceptions import PluginError


class DataError(PluginError):
    """Bad data or a bad marker: `file:line: field: problem; fix`."""
