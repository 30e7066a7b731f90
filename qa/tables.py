"""One loader for the pattern tables users extend: boilerplate patterns, calques and idioms.

Each table is a TOML file with an array of tables (``[[pattern]]``,
``[[calque]]``, ``[[idiom]]``) whose entries are validated against a JSON
Schema shipped in ``qa/schema/`` (the field's standard validator,
jsonschema, does the checking). An error names the file, the entry and the
field, and says what was expected, so a user sees what to fix. Severities are
parsed into ``Severity`` here, once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from qa.model import Severity
from qa.resources import read_toml

SCHEMAS = Path(__file__).parent / "schema"


@dataclass(frozen=True)
class TableKind:
    """A kind of table: the key of its entries in the TOML file and its schema file."""

    key: str  # "pattern", "calque", "idiom"
    schema: str  # file name in qa/schema/


BOILERPLATE = TableKind("pattern", "boilerplate-table.schema.json")
CALQUES = TableKind("calque", "calque-table.schema.json")
IDIOMS = TableKind("idiom", "idiom-table.schema.json")


@dataclass(frozen=True)
class Entry:
    """One validated entry, with where it came from (for messages) and its table's top-level keys."""

    data: dict[str, Any]
    where: str  # "path: idiom 3 ('u-cetiri-oka')"
    table: dict[str, Any]  # the file's top-level keys other than the entries (e.g. ``lang``)

    def severity(self, default: str = "minor") -> Severity:
        return Severity.parse(self.data.get("severity", default))

    def strings(self, field: str) -> tuple[str, ...]:
        """A field that may be written as one string or a list of strings, as a tuple of stripped strings."""
        value = self.data.get(field, ())
        return (value.strip(),) if isinstance(value, str) else tuple(v.strip() for v in value)

    def error(self, message: str) -> ValueError:
        return ValueError(f"{self.where}: {message}")


def load_table(path: Path, kind: TableKind, validate: bool = True) -> list[Entry]:
    """The validated entries of one table file; ValueError names the file, the entry and the problem.
    ``validate=False`` skips the schema for a table shipped with qa (its tests validate it)."""
    try:
        data = read_toml(path)
    except ValueError as e:
        raise ValueError(str(e).replace("invalid TOML", "not valid TOML")) from None
    entries = data.get(kind.key, [])
    top = {k: v for k, v in data.items() if k != kind.key}
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ValueError(f"{path}: '{kind.key}' must be an array of tables ([[{kind.key}]])")
    validator = _validator(kind.schema) if validate else None
    out = []
    for i, entry in enumerate(entries, start=1):
        ident = entry.get("id")
        where = f"{path}: {kind.key} {i}" + (f" ({ident!r})" if isinstance(ident, str) else "")
        errors = [] if validator is None else sorted(
            validator.iter_errors(entry), key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))))
        if errors:
            raise ValueError(f"{where}: {_describe(errors[0])}")
        out.append(Entry(entry, where, top))
    return out


def _describe(error: Any) -> str:
    """A jsonschema error in a user's words: which field, what is wrong, what the schema expects."""
    field = ".".join(str(p) for p in error.absolute_path if not isinstance(p, int)) or None
    if error.validator == "required":
        missing = error.message.split("'")[1]
        return f"missing field {missing!r}"
    if error.validator == "additionalProperties":
        return f"unknown field(s): {error.message.split('(')[-1].rstrip(')')}"
    hint = error.schema.get("description") if isinstance(error.schema, dict) else None
    where = f"field {field!r}: " if field else ""
    return where + error.message + (f" ({hint})" if hint else "")


@lru_cache(maxsize=None)
def _validator(name: str) -> Any:
    from jsonschema import Draft202012Validator

    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)
