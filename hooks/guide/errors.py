"""The one error type for contributors' mistakes: a PluginError, so MkDocs prints one line."""

from __future__ import annotations

from mkdocs.exceptions import PluginError


class DataError(PluginError):
    """Bad data or a bad marker: `file:line: field: problem; fix`."""

    def __init__(self, message: str):
        # One line always, whatever a quoted value holds: line breaks are shown, not obeyed.
        super().__init__(message.replace("\r", "\\r").replace("\n", "\\n"))


# More problems than this in one build are summed up: the first ones are what a contributor fixes first.
MAX_SHOWN = 25


class DataErrors(DataError):
    """Several mistakes found in one pass, one `file:line: field: problem; fix` line each."""

    def __init__(self, messages: list[str]):
        self.messages = [m.replace("\r", "\\r").replace("\n", "\\n") for m in messages]
        shown = self.messages[:MAX_SHOWN]
        if len(self.messages) > MAX_SHOWN:
            shown.append(f"... and {len(self.messages) - MAX_SHOWN} more problems; fix these first")
        PluginError.__init__(self, "\n".join(shown))


def messages(error: DataError) -> list[str]:
    """The one-line messages a DataError (or DataErrors) carries."""
    return list(getattr(error, "messages", None) or [str(error)])
