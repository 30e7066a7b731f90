"""HTML articles: the text a reader sees, one paragraph a line, with the way back to each character's place in the file.

The parser is the standard library's ``html.parser.HTMLParser``, which
tokenises as browsers do (raw-text ``script`` and ``style``, comments,
character references, unclosed tags). It is chosen over lxml because it
reports where every run of text and every character reference starts in
the file, and a finding must be shown at its line and column in the HTML:
lxml gives an element's line only. With ``convert_charrefs=False`` each
reference (``&amp;``, ``&#269;``) arrives on its own and is decoded with
``html.unescape``, the standard library's table of HTML5 references.

What is kept: the text of the ``body`` (or of the whole file when there is
no ``body``), with whitespace collapsed as a browser collapses it (kept in
``pre``). Block elements (``p``, ``div``, headings, list items, table
cells, ...) and ``br`` end a line, so each paragraph is one line as the
rules expect. Dropped: ``head`` (its ``title`` repeats the headline),
scripts, styles, templates, ``noscript``, comments, attributes.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from qa.io.extract import Extract
from qa.model import OffsetMap

BLOCKS = frozenset(
    """address article aside blockquote body caption center dd details dialog div dl dt fieldset figcaption figure
    footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main nav ol p pre section summary table tbody td tfoot th
    thead tr ul br option legend""".split()
)
HIDDEN = frozenset("head script style template noscript title textarea select svg math iframe object".split())
_WHITESPACE = " \t\n\r\f"


class _Reader(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.out = Extract()
        self.hidden: list[str] = []  # open elements whose content is not shown
        self.pre = 0
        self._line_offsets = [0]  # HTMLParser counts lines by "\n" alone
        for i, c in enumerate(text):
            if c == "\n":
                self._line_offsets.append(i + 1)

    def here(self) -> int:
        line, column = self.getpos()
        return self._line_offsets[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.hidden = [t for t in self.hidden if t != "head"]  # an unclosed head ends where the body starts
        if tag in HIDDEN:
            self.hidden.append(tag)
            return
        if tag in BLOCKS:
            self.out.newline(self.here())
        if tag == "pre":
            self.pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS:
            self.out.newline(self.here())

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            if tag in self.hidden:
                while self.hidden and self.hidden.pop() != tag:
                    pass
            return
        if tag in BLOCKS:
            self.out.newline(self.here())
        if tag == "pre" and self.pre:
            self.pre -= 1

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        at = self.here()
        if self.pre:
            self._pre(data, at)
            return
        i, n = 0, len(data)
        while i < n:
            j = i
            if data[i] in _WHITESPACE:
                while j < n and data[j] in _WHITESPACE:
                    j += 1
                self.out.space(at + i, at + j)
            else:
                while j < n and data[j] not in _WHITESPACE:
                    j += 1
                self.out.copy(data[i:j], at + i)
            i = j

    def _pre(self, data: str, at: int) -> None:
        """Preformatted text keeps its spaces; each of its lines is a line of the text."""
        start = 0
        for k, c in enumerate(data):
            if c in "\r\n":
                self.out.copy(data[start:k], at + start)
                self.out.newline(at + k)
                start = k + 1
        self.out.copy(data[start:], at + start)

    def _reference(self, raw_prefix: str, name: str) -> None:
        if self.hidden:
            return
        at = self.here()
        raw = raw_prefix + name
        end = at + len(raw)
        if self.text.startswith(";", end):
            end += 1
        decoded = html.unescape(self.text[at:end])
        if decoded == self.text[at:end]:
            self.out.copy(decoded, at)  # not a reference HTML knows: it is shown as written
        elif decoded.isspace() and not self.pre and "\xa0" not in decoded:
            self.out.space(at, end)
        else:
            self.out.put(decoded, at, end)

    def handle_entityref(self, name: str) -> None:
        self._reference("&", name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#", name)


def extract_html(text: str) -> tuple[str, OffsetMap]:
    """The article text of an HTML page and the map from its offsets to the page's."""
    reader = _Reader(text)
    reader.feed(text)
    reader.close()
    return reader.out.finish(text)
