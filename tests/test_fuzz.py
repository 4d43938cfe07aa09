"""Fuzzing the loader: whatever a platform file holds, data.load accepts it or raises DataError
(one line, `file:line: ...`), never any other exception.

Three generators: structural changes to a valid document (fields deleted, replaced by values of
any type, added), edits of its YAML text (characters and YAML syntax inserted or deleted), and
arbitrary bytes.
"""

from __future__ import annotations

import copy
import datetime as dt
import re

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bad_input_cases import BASE, SAMPLE, mini_project
from conftest import ROOT
from guide import data
from guide.errors import DataError, messages

TODAY = dt.date(2025, 6, 11)
BASE_TEXT = (BASE / SAMPLE).read_text(encoding="utf-8")
BASE_DOC = yaml.safe_load(BASE_TEXT)
MESSAGE = re.compile(r"[^\n]+:\d+: [^\n]+")
FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# Values a contributor (or an attacker) might write, beside arbitrary ones.
TRICKY = [
    "",
    " ",
    "yes",
    "NO",
    "null",
    "~",
    "2025-02-30",
    "2025-06-01",
    "2999-01-01",
    "EU",
    "UK",
    "eu",
    "sample",
    "https://www.example.com/x",
    "http://www.example.com/",
    "https://user:pw@www.example.com/",
    "javascript:alert(1)",
    "data:text/html,x",
    "https://www.exаmple.com/",
    "https://xn--exmple-cua.com/",
    "https://www.example.com/a)[x](javascript:1)",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "&#60;b&#62;",
    "*x*{ onclick=alert(1) }",
    "[a](https://www.example.com/)",
    "[a [b]](http://evil.test/)",
    "![i](https://www.example.com/i.png)",
    "\u202e",
    "\x07",
    "x" * 2000,
    "privacy@example.com",
    "a`[x](javascript:1)`@example.com",
    "official",
    "press",
    "policy",
    "help",
]
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=40), st.sampled_from(TRICKY))
values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.one_of(st.text(max_size=12), st.sampled_from(TRICKY[:14])), children, max_size=3)
    ),
    max_leaves=8,
)
YAML_BITS = [
    "\t",
    ":",
    ": ",
    "- ",
    "-",
    "{",
    "}",
    "[",
    "]",
    ",",
    "&a ",
    "*a",
    "!!str ",
    "!!python/object:os.system ",
    "'",
    '"',
    "\n",
    "\n  ",
    "---\n",
    "%YAML 1.1\n",
    "#",
    "? ",
    "|",
    ">",
    "\\",
    "\ufeff",
    "\r\n",
    "\x00",
    "\u202e",
]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return mini_project(tmp_path_factory.mktemp("fuzz") / "p", ROOT)


def _load(project, content: bytes) -> None:
    """The assertion: accepted, or refused with the project's own errors, one line each."""
    (project / SAMPLE).write_bytes(content)
    data._cache.clear()  # rewrites within one mtime tick must not hit the cache
    try:
        data.load(project, TODAY)
    except DataError as error:  # one or more problems, each on one line of its own
        lines = str(error).split("\n")
        assert lines == messages(error)[: len(lines)] or lines[-1].startswith("... and "), str(error)
        assert all(MESSAGE.fullmatch(line) for line in messages(error)), str(error)


def _places(doc, path=()):
    """Every (container, key) in a document."""
    items = doc.items() if isinstance(doc, dict) else enumerate(doc) if isinstance(doc, list) else []
    for key, value in items:
        yield doc, key
        yield from _places(value, path + (key,))


def test_base_file_loads(project):
    _load(project, BASE_TEXT.encode())
    assert "sample" in data.load(project, TODAY).platforms


@FUZZ
@given(st.data())
def test_structural_changes(project, draw):
    doc = copy.deepcopy(BASE_DOC)
    for _ in range(draw.draw(st.integers(1, 4), label="changes")):
        places = list(_places(doc))
        container, key = draw.draw(st.sampled_from(places), label="where")
        action = draw.draw(st.sampled_from(["delete", "replace", "add"]), label="action")
        if action == "delete":
            del container[key]
        elif action == "replace":
            container[key] = draw.draw(values, label="value")
        elif isinstance(container, dict):
            container[draw.draw(st.one_of(st.text(max_size=12), st.integers()), label="new key")] = draw.draw(values, label="value")
        else:
            container.append(draw.draw(values, label="value"))
    _load(project, yaml.safe_dump(doc, allow_unicode=True, sort_keys=False).encode("utf-8"))


@FUZZ
@given(st.data())
def test_text_edits(project, draw):
    text = BASE_TEXT
    for _ in range(draw.draw(st.integers(1, 5), label="edits")):
        at = draw.draw(st.integers(0, len(text)), label="at")
        cut = draw.draw(st.integers(0, 8), label="cut")
        insert = draw.draw(st.one_of(st.sampled_from(YAML_BITS), st.sampled_from(TRICKY), st.text(max_size=6)), label="insert")
        text = text[:at] + insert + text[at + cut :]
    _load(project, text.encode("utf-8", errors="surrogatepass"))


@FUZZ
@given(st.binary(max_size=300) | st.builds(lambda head, tail: head + tail, st.just(BASE_TEXT.encode()[:400]), st.binary(max_size=60)))
def test_arbitrary_bytes(project, content):
    _load(project, content)


def test_fuzzer_would_catch_a_crash(project, monkeypatch):
    """The assertion fails for an exception that is not DataError (here: a loader bug put back)."""
    monkeypatch.setattr(data.checks, "semantic", lambda *a: iter([((), 1 / 0)]))
    with pytest.raises(ZeroDivisionError):
        _load(project, BASE_TEXT.encode())


PAGE_BITS = [
    "[a](",
    ")",
    "](",
    "<",
    ">",
    "<a href=",
    "javascript:",
    "https://",
    "http://",
    "//",
    "[",
    "]",
    "`",
    "```\n",
    "\n",
    "<!--",
    "-->",
    "onclick=",
    "<script",
    "mailto:",
    "../",
    "%",
    "#",
    ":",
    " ",
]


@FUZZ
@given(st.lists(st.one_of(st.sampled_from(PAGE_BITS), st.text(max_size=5)), max_size=30))
def test_page_checks_never_crash(project, bits):
    from guide import prose

    page = project / "docs" / "en" / "methodology.md"
    for line, problem in prose.check_page("".join(bits), page, project / "docs" / "en", ["example.com"]):
        assert isinstance(line, int) and line >= 1 and "\n" not in problem
