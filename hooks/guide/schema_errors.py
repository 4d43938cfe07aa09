"""JSON Schema errors in words a contributor can act on: what is wrong and how to fix it."""

from __future__ import annotations

import difflib

# JSON Schema types, as YAML writes them.
_TYPES = {
    "array": "a list ([a, b], or one '- item' per line)",
    "object": "a group of fields (one 'name: value' per line, indented)",
    "string": "text (in quotes if it looks like a number or yes/no)",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
}

# Patterns of the schema, in words a contributor can act on.
_PATTERNS = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": "must be lower-case letters, digits and single hyphens, e.g. 'my-platform'",
    "^[A-Z]{2,5}$": "is not a region code; use an upper-case ISO 3166-1 code (e.g. DE) or a group from data/regions.yml (e.g. EU)",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "is not a date; write YYYY-MM-DD",
    "^https://[^\\s]+$": "must be an https:// link",
    "^[^<>\\n\\r]+$": "is not one line of plain text; write it on one line, without < or > (quotes are fine)",
    "^[0-9a-f]{7,64}$": "is not a revision hash; let scripts/twins.py write it",
}


def describe(error, where: tuple) -> tuple[str, tuple]:
    """A schema error in words a contributor can act on, and the path it is about."""
    v = error.validator
    schema = error.schema if isinstance(error.schema, dict) else {}
    if v == "required":
        missing = error.message.split("'")[1]
        return f"missing required field '{missing}'", where
    if v == "additionalProperties":
        known = list(schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(known))
        if extra:
            close = difflib.get_close_matches(extra[0], known, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"the fields here are: {', '.join(known)}"
            return f"unknown field '{extra[0]}'; {hint}", where + (extra[0],)
    if v == "pattern" and "propertyNames" in error.schema_path:
        return f"key '{error.instance}' {_PATTERNS.get(schema['pattern'], 'has characters that are not allowed')}", where + (
            error.instance,
        )
    if v == "pattern":
        pattern = schema.get("pattern", "")
        if pattern in _PATTERNS:
            return f"'{error.instance:.80}' {_PATTERNS[pattern]}", where
        if "@" in pattern:
            return f"'{error.instance:.80}' is not a plain email address like privacy@example.com", where
        if pattern.startswith("^([a-z0-9]"):
            return f"'{error.instance:.80}' is not a plain domain; write it like example.com (no https://, no path)", where
    if v == "format" and schema.get("format") == "date":
        return f"'{error.instance}' is not a valid date; write YYYY-MM-DD", where
    if v == "minLength":
        return "must not be empty", where
    if v == "maxLength":
        return f"is {len(error.instance)} characters; the limit is {schema['maxLength']}: shorten it", where
    if v == "minItems":
        return f"needs at least {schema['minItems']} item(s)", where
    if v == "maxItems":
        return f"has {len(error.instance)} items; the limit is {schema['maxItems']}: merge or drop some", where
    if v == "minProperties":
        names = ", ".join(schema.get("properties", {})) or "one entry"
        return f"must not be empty; give at least one of: {names}", where
    if v == "enum" and isinstance(error.instance, bool):
        return (
            f'{str(error.instance).lower()} is read as a yes/no value; write one of {", ".join(map(str, schema["enum"]))} in quotes, e.g. "yes"',
            where,
        )
    if v == "enum":
        return f"'{error.instance}' is not allowed; use one of {', '.join(map(str, schema['enum']))}", where
    if v == "type" and set(schema.get("properties", {})) == {"en", "zh"}:
        return (
            f"must be a text in both languages, written as {{en: ..., zh: ...}}, not {type(error.instance).__name__} {error.instance!r:.40}",
            where,
        )
    if v == "type":
        expected = _TYPES.get(schema["type"], str(schema["type"])) if isinstance(schema["type"], str) else str(schema["type"])
        return f"must be {expected}, not {error.instance!r:.40}", where
    if v == "uniqueItems":
        return "lists the same value twice; keep one", where
    return error.message[:200], where


def problems(validator, data, lines: dict) -> list[tuple[tuple, str]]:
    """(path, problem) of every schema error, in the order of the file, one per place."""
    from . import yamlsrc

    errors = list(validator.iter_errors(data))
    # A misspelt field is both unknown and missing: report the spelling, where the typo is.
    misspelt = {tuple(e.absolute_path) for e in errors if e.validator == "additionalProperties"}
    errors = [e for e in errors if not (e.validator == "required" and tuple(e.absolute_path) in misspelt)]
    errors.sort(key=lambda e: (yamlsrc.line_of(lines, e.absolute_path), list(map(str, e.absolute_path))))
    found, seen = [], set()
    for error in errors:
        problem, where = describe(error, tuple(error.absolute_path))
        if where not in seen:  # one problem per field: the first one is what to fix
            seen.add(where)
            found.append((where, problem))
    return found


def first_problem(validator, data, lines: dict) -> tuple[tuple, str] | None:
    """(path, problem) of the schema error that comes first in the file, or None when valid."""
    found = problems(validator, data, lines)
    return found[0] if found else None
