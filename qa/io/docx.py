"""Word documents (python-docx): the body's paragraphs and table cells in reading order, one a line.

A DOCX file has no lines to point at, so a finding's line is the number of
its paragraph in the body (empty paragraphs and table-cell paragraphs
counted, in reading order) and its column the character within that
paragraph; a line break inside a paragraph does not start a new one.
Headers, footers, footnotes and comments are not the article and are not
read. A cell merged across columns is read once.
"""

from __future__ import annotations

from typing import IO, Any, Iterator

from qa.model import OffsetMap


class DocxError(ValueError):
    """The file is not a Word document python-docx can open."""


def extract_docx(stream: IO[bytes]) -> tuple[str, OffsetMap]:
    """The text of a DOCX file and the map from its offsets to (paragraph, column) positions."""
    try:
        import docx

        document = docx.Document(stream)
        paragraphs = [p.text for p in _paragraphs(document)]
    except Exception as e:  # zipfile, XML and package errors alike: any of them means "not a readable .docx"
        raise DocxError(f"not a Word document python-docx can read ({type(e).__name__}: {e})") from None
    starts, pos = [], 0
    for text in paragraphs:
        starts.append(pos)
        pos += len(text) + 1
    text = "\n".join(paragraphs)
    origin = OffsetMap(text_starts=(0, len(text)), file_starts=(0,), file_ends=(len(text),), line_starts=tuple(starts) or (0,))
    return text, origin


def _paragraphs(container: Any) -> Iterator[Any]:
    """Paragraphs of a body or cell in reading order, descending into tables."""
    from docx.table import Table

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                seen: list[Any] = []  # the cell elements read: a merged cell appears once per column it spans
                for cell in row.cells:
                    if any(cell._tc is tc for tc in seen):
                        continue
                    seen.append(cell._tc)
                    yield from _paragraphs(cell)
        else:
            yield block
