"""Text taken out of a marked-up file (HTML, Markdown, DOCX), built piece by piece with the way back to the file.

A reader walks its parser's output and hands each stretch of text here with
where it lies in the file: ``copy`` for text read as it stands, ``put`` for
text that differs from its source (an entity decoded, a tag turned into a
line break), ``space`` for whitespace that collapses as a browser collapses
it, ``newline`` for a paragraph boundary. ``finish`` returns the text and the
``OffsetMap`` from its offsets back to the file, so a finding in the text can
be shown at its line and column in the file. Nothing is padded: the text
holds only what a reader of the article sees.
"""

from __future__ import annotations

from qa.model import OffsetMap
from qa.text import Text


class Extract:
    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._text_starts: list[int] = []
        self._file_starts: list[int] = []
        self._file_ends: list[int] = []
        self._last = "\n"  # the last character, as if a line had just ended: no leading space or blank line
        self._soft_space = False  # the last piece is a collapsed space, dropped if a line ends after it

    def _add(self, text: str, file_start: int, file_end: int) -> None:
        if not text:
            return
        copied = len(text) == file_end - file_start
        if (
            copied
            and self._text_starts
            and not self._soft_space
            and self._file_ends[-1] == file_start
            and self._length - self._text_starts[-1] == self._file_ends[-1] - self._file_starts[-1]
        ):
            self._file_ends[-1] = file_end  # continues the previous copied piece
        else:
            self._text_starts.append(self._length)
            self._file_starts.append(file_start)
            self._file_ends.append(file_end)
        self._parts.append(text)
        self._length += len(text)
        self._last = text[-1]
        self._soft_space = False

    def copy(self, text: str, file_start: int) -> None:
        """Text that stands in the file exactly as it is here, from ``file_start`` on."""
        self._add(text, file_start, file_start + len(text))

    def put(self, text: str, file_start: int, file_end: int) -> None:
        """Text that stands for ``file_start:file_end`` of the file without being a copy of it (``&amp;`` read as ``&``)."""
        self._add(text, file_start, file_end)

    def space(self, file_start: int, file_end: int) -> None:
        """Whitespace that collapses to one space, and to nothing at the start of a line or after a space."""
        if self._last in " \n\t":
            return
        self._add(" ", file_start, file_end)
        self._soft_space = True

    def newline(self, file_at: int) -> None:
        """End the current line (one paragraph a line); nothing when no line is open."""
        if self._soft_space:  # a line does not end in the space that collapsed before a closing tag
            self._parts.pop()
            self._length -= 1
            self._text_starts.pop()
            self._file_starts.pop()
            self._file_ends.pop()
            self._last = self._parts[-1][-1] if self._parts else "\n"
            self._soft_space = False
        if self._last == "\n":
            return
        self._add("\n", file_at, file_at)

    @property
    def at_line_start(self) -> bool:
        return self._last == "\n"

    @property
    def ends_with_space(self) -> bool:
        return self._last in " \t\n"

    def finish(self, file_text: str | None = None, line_starts: tuple[int, ...] | None = None) -> tuple[str, OffsetMap]:
        """The text and its map; the file's lines are those of ``file_text`` unless ``line_starts`` says otherwise."""
        self.newline(self._file_ends[-1] if self._file_ends else 0)
        if line_starts is None:
            line_starts = tuple(Text(file_text or "").line_starts)
        origin = OffsetMap(
            text_starts=(*self._text_starts, self._length),
            file_starts=tuple(self._file_starts),
            file_ends=tuple(self._file_ends),
            line_starts=line_starts,
        )
        return "".join(self._parts), origin
