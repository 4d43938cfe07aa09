"""Front matter of pages in docs/: read exactly as MkDocs reads it, then checked as untrusted input.

The theme acts on front-matter keys (`template` swaps the page's template, `redirect`-like keys,
`icon`, `status`, `subtitle`, `title` printed unescaped ...) and prints some values into the page
head, so a one-line change in a pull request could restyle, retitle or redirect a page. Only the keys
in data/schema/frontmatter.schema.json are accepted; values are checked there (a description is one
line of plain text, quotes allowed) and escaped again where printed (overrides/main.html).

MkDocs also reads MultiMarkdown-style metadata ("key: value" lines at the very top of a page, with no
`---`): that form is refused, so what a reviewer sees as prose can never become a head value.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.utils.meta import YAML_RE, get_data

from . import yamlsrc
from .errors import DataError, DataErrors
from .schema_errors import problems

SCHEMA = Path("data") / "schema" / "frontmatter.schema.json"
_LINE_KEY = re.compile(r"^([A-Za-z0-9_-]+)\s*:", re.M)
_UNSAFE_TITLE = re.compile(r"[<>]|&(#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]*;)", re.I)


def check(text: str, where: str, validator) -> dict:
    """The page's front matter, or DataError `page:line: key: problem; fix`."""
    text = text.replace("\r\n", "\n")
    _, meta = get_data(text)  # what MkDocs will hand the theme as page.meta
    block = YAML_RE.match(text)
    if block is None:
        if meta:
            key = next(iter(meta))
            line = _line_of_key(text, key)
            raise DataError(
                f"{where}:{line}: {key}: MkDocs would read this line as page metadata; "
                "put front matter between two '---' lines at the top, or start the page with its # title"
            )
        raise DataError(f"{where}:1: (front matter): the page has no front matter; start it with ---, a line 'description: ...', and ---")
    # Line 2 of the page is line 1 of the block: pad so the YAML reader's line numbers are the page's.
    data, lines = yamlsrc.parse("\n" + block.group(1), where)
    if not isinstance(data, dict) or not meta:
        raise DataError(f"{where}:2: (front matter): front matter must be 'key: value' lines, e.g. description: ...")
    found = [
        f"{where}:{yamlsrc.line_of(lines, path)}: {yamlsrc.field(path)}: {message}{_hint(path, message)}"
        for path, message in problems(validator, data, lines)
    ]
    if found:
        raise DataErrors(found)
    return data


def _hint(path: tuple, message: str) -> str:
    """A fix for an unknown key that is not a misspelling of a known one."""
    if message.startswith("unknown field") and "did you mean" not in message:
        return "; the page title comes from its first # heading, and templates, redirects and icons are not set per page"
    return ""


def check_title(text: str, where: str) -> None:
    """The first # heading becomes the page title, which the theme prints unescaped (in <title>,
    the header and the navigation; its striptags filter even turns &lt; back into <)."""
    for number, line in enumerate(text.split("\n"), 1):
        if line.startswith("# "):
            if _UNSAFE_TITLE.search(line):
                raise DataError(
                    f"{where}:{number}: (title): the page title must be plain text; remove <, > and HTML entities such as &lt; or &#60;"
                )
            return


def _line_of_key(text: str, key: str) -> int:
    for match in _LINE_KEY.finditer(text):
        if match.group(1).lower() == key:
            return text.count("\n", 0, match.start()) + 1
    return 1


def validator(root: Path):
    """The front-matter schema's validator (cached on the file's change time, like the data schema)."""
    from .data import load_schema, unchanged

    return unchanged(root / SCHEMA, load_schema)[1]


# Configuration values the theme prints raw into the page (the header's aria-label, the footer, the
# language switcher); mkdocs.yml changes by pull request too. `copyright` is printed as HTML on purpose.
_CONFIG_KEYS = ("site_name", "site_description", "site_author", "copyright")
_CONFIG_UNSAFE = re.compile(r"[<>\"]|&(#|[a-z][a-z0-9]*;)", re.I)


def check_config(config) -> None:
    """DataError for a site-wide value in mkdocs.yml (or an i18n language's override) that would
    open a tag or an attribute where the theme prints it unescaped."""
    values = [(key, getattr(config, key, None)) for key in _CONFIG_KEYS]
    i18n = config.plugins.get("i18n") if getattr(config, "plugins", None) is not None else None
    for lang in i18n.config.languages if i18n else ():
        values += [(f"plugins.i18n.languages[{lang.locale}].{key}", getattr(lang, key, None)) for key in (*_CONFIG_KEYS, "name")]
    for key, value in values:
        if isinstance(value, str) and _CONFIG_UNSAFE.search(value):
            raise DataError(
                f"mkdocs.yml:1: {key}: '{value:.60}' holds <, >, \" or an HTML entity, which the theme prints unescaped; write plain text"
            )
