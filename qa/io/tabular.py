"""Spreadsheets (CSV, TSV) with one translation unit a row, read with the standard ``csv`` module.

The first row names the columns. The ones read are ``id``, ``source``,
``target`` (required), ``reference``, ``back_translation`` and
``document``; other columns are ignored. Their names can be changed in the
configuration (``columns = {target = "en", source = "sr"}``) or with
``--columns target=en,source=sr``; names match without regard to case.

Rows with the same ``document`` value are one document (in the order the
documents first appear); without that column the whole file is one
document. A unit's id is its ``id`` cell, or ``row N`` with the row number a
spreadsheet shows (the header is row 1).
"""

from __future__ import annotations

import csv
from typing import Iterator, Mapping

from qa.io.units import UnitRecord, unit_document
from qa.model import Document

ROLES = ("id", "source", "target", "reference", "back_translation", "document")
DEFAULT_COLUMNS: dict[str, str] = {role: role for role in ROLES}


class TableError(ValueError):
    """A spreadsheet without the columns it needs, or not readable as CSV."""


def columns_for(overrides: Mapping[str, str] | None) -> dict[str, str]:
    """The column name of each role, the configured names over the defaults; unknown roles are errors."""
    names = dict(DEFAULT_COLUMNS)
    for role, name in (overrides or {}).items():
        if role not in ROLES:
            raise ValueError(f"unknown column role {role!r} (known: {', '.join(ROLES)})")
        names[role] = name
    return names


def read_table(
    text: str, delimiter: str, path: str, stem: str, source_lang: str | None, target_lang: str | None,
    columns: Mapping[str, str] | None = None,
) -> Iterator[Document]:
    names = columns_for(columns)
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter)
    try:
        header = next(reader, None)
        if header is None:
            raise TableError("empty: no header row naming the columns")
        index = {h.strip().lower(): i for i, h in reversed(list(enumerate(header)))}
        where = {role: index.get(name.strip().lower()) for role, name in names.items()}
        if where["target"] is None:
            raise TableError(
                f"no {names['target']!r} column (the header has {', '.join(repr(h) for h in header) or 'nothing'}); "
                "name the columns with --columns target=NAME,source=NAME"
            )
        groups: dict[str, list[UnitRecord]] = {}
        line = reader.line_num + 1
        for row in reader:
            row_line, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            cell = {role: (row[i] if i is not None and i < len(row) else None) for role, i in where.items()}
            record = UnitRecord(id=(cell["id"] or "").strip() or f"row {row_line}", line=row_line)
            for side in ("source", "target", "reference", "back_translation"):
                if where[side] is not None:
                    record.texts[side] = cell[side] or ""  # type: ignore[index]
            key = (cell["document"] or "").strip() if where["document"] is not None else stem
            groups.setdefault(key or stem, []).append(record)
    except csv.Error as e:
        raise TableError(f"not valid CSV at line {reader.line_num} ({e})") from None
    if not groups:
        groups[stem] = []
    for key, records in groups.items():
        yield unit_document(key, path, records, source_lang, target_lang, {"format": "tsv" if delimiter == "\t" else "csv"})

