"""The one error type for contributors' mistakes: a PluginError, so MkDocs prints one line."""

from __future__ import annotations

from mkdocs.exceptions import PluginError


class DataError(PluginError):
    """Bad data or a bad marker: `file:line: field: problem; fix`."""

    def __init__(self, message: str):
        # One line always, whatever a quoted value holds: line breaks are shown, not obeyed.
        super().__init__(message.replace("\r", "\\r").replace("\n", "\\n"))
