"""Where a finding is, for formats that point into files (SARIF, GitHub annotations, JUnit).

A finding's line and column count within its side's text. That text is a
whole file when the side was read from a plain text file; then the position
is exact. A record of a ``.jsonl`` corpus is one line of its file: the
position inside the article cannot be a position in the file, so these
formats point at the record's line and say the in-article position in words.
"""

from __future__ import annotations

from dataclasses import dataclass

from qa.model import Document, Side


@dataclass(frozen=True)
class Where:
    path: str | None  # the file to point at; None for standard input or an unknown side file
    exact: bool  # the finding's line/column are positions in that file
    record_line: int | None = None  # for a corpus record: its line in the file


def where(doc: Document, side: Side = "target") -> Where:
    record_line = doc.metadata.get("line")
    if isinstance(record_line, int):
        return Where(doc.path, exact=False, record_line=record_line)
    if side == "target":
        return Where(doc.path, exact=doc.path is not None)
    paths = doc.metadata.get("paths") or {}
    side_path = paths.get(side) if isinstance(paths, dict) else None
    return Where(side_path, exact=side_path is not None)


def describe(doc: Document) -> str:
    """The name a person knows the document by: its file, or its corpus file, line and id."""
    record_line = doc.metadata.get("line")
    if isinstance(record_line, int) and doc.path:
        return f"{doc.path}:{record_line} ({doc.id})"
    return doc.path or doc.id
