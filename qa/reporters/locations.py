"""Where a finding is, worked out once for every format: the file, the line and column a person looks at, the unit.

A finding's ``start``/``end`` index its side's text as checked; where that
text is in a file depends on how it was read:

- a plain text file is the text: the position is exact in the file;
- text extracted from HTML or Markdown maps back to the file through the
  document's ``OffsetMap``: the position is exact in the file too;
- text extracted from DOCX maps to (paragraph, column): there is no line
  to point at in a binary file, so the position is not "exact" for
  formats that point into files;
- a record of a ``.jsonl`` corpus is one line of its file: the position is
  inside the article, and formats point at the record's line;
- a document made of translation units (XLIFF, PO, TMX, CSV): the
  position is inside the unit's text, the unit is named (``unit``), and
  formats point at the unit's line in the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping

from qa.io.loader import format_of
from qa.model import Document, Finding, Side
from qa.text import Text


@dataclass(frozen=True)
class Where:
    path: str | None  # the file to point at; None for standard input or an unknown side file
    exact: bool  # the finding's line/column are positions in that file
    record_line: int | None = None  # for a corpus record: its line in the file


def where(doc: Document, side: Side = "target") -> Where:
    record_line = doc.metadata.get("line")
    if isinstance(record_line, int):
        return Where(doc.path, exact=False, record_line=record_line)
    if doc.units:
        return Where(doc.path, exact=False)
    if side == "target":
        path = doc.path
    else:
        paths = doc.metadata.get("paths") or {}
        path = paths.get(side) if isinstance(paths, dict) else None
    return Where(path, exact=path is not None and format_of(path) != "docx")  # a DOCX position is a paragraph, not a line


@dataclass(frozen=True)
class Location:
    """A span placed for a reader: positions are 1-based, columns and offsets count code points."""

    path: str | None  # the file the span's side was read from, if any
    exact: bool  # line, column and offset below are positions in that file
    line: int
    column: int
    end_line: int
    end_column: int
    offset: int  # where the span starts, in the same frame as line and column
    length: int
    anchor_line: int | None = None  # when not exact: the file line to point at (corpus record, translation unit)
    unit: str | None = None  # the translation unit holding the span


def locate(doc: Document, side: Side, start: int, end: int, known: tuple[int, int, int, int] | None = None) -> Location:
    """Place ``side[start:end]`` of a document; ``known`` is its (line, column, end_line, end_column) in the text, if computed."""
    w = where(doc, side)
    unit = doc.unit_at(side, start)
    if unit is not None:
        base = unit.spans[side][0]
        piece = Text((doc.side(side) or "")[base : unit.spans[side][1]])
        line, column = piece.position(start - base)
        end_line, end_column = piece.position(min(end, unit.spans[side][1]) - base)
        return Location(w.path, False, line, column, end_line, end_column, start - base, end - start, unit.line, unit.id)
    origin = doc.origins.get(side)
    if origin is not None:
        file_start, file_end = origin.file_offset(start), origin.file_offset(end, end=True)
        line, column = origin.position(file_start)
        end_line, end_column = origin.position(max(file_start, file_end))
        return Location(w.path, w.exact, line, column, end_line, end_column, file_start, max(0, file_end - file_start))
    if known is None:
        text = _text(doc.side(side) or "")
        known = (*text.position(start), *text.position(end))
    return Location(w.path, w.exact, *known, start, end - start, anchor_line=w.record_line)


@lru_cache(maxsize=8)
def _text(raw: str) -> Text:
    """The line map of a side, made once for the many related spans a document's findings point at."""
    return Text(raw)


def finding_location(doc: Document, f: Finding) -> Location:
    return locate(doc, f.side, f.start, f.end, (f.line, f.column, f.end_line, f.end_column))


def related_location(doc: Document, rel: Mapping[str, Any]) -> Location:
    return locate(doc, rel["side"], rel["start"], rel["end"])


def describe(doc: Document) -> str:
    """The name a person knows the document by: its file, or its corpus file, line and id."""
    record_line = doc.metadata.get("line")
    if isinstance(record_line, int) and doc.path:
        return f"{doc.path}:{record_line} ({doc.id})"
    return doc.path or doc.id


def label(loc: Location, side: Side = "target") -> str:
    """A finding's place in a line of a human report: ``36:31``, ``unit t2 1:15``, ``5:1 [source]``."""
    text = f"{loc.line}:{loc.column}"
    if loc.unit is not None:
        text = f"unit {loc.unit} {text}"
    return text if side == "target" else f"{text} [{side}]"
