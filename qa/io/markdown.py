"""Markdown articles (markdown-it-py, CommonMark with tables): the prose, one paragraph a line, mapped back to the file.

Markdown syntax is not text: ``#``, ``*``, ``>``, link targets, images,
code blocks, HTML and YAML front matter (mdit-py-plugins) are dropped, and
the text of headings, paragraphs, list items, quotes and table cells is kept,
each on its own line. Inline code is kept: it is shown to the reader.

Positions: markdown-it gives each block its lines; inside a block, its
text tokens are found in the file in order (each token's text stands in the
file as written, after the previous one), and backslash escapes and entities
come as their own tokens (``text_join`` is switched off) whose markup is the
file's text (``\\*``, ``&amp;``). So a finding's line and column are those of
the Markdown file.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from qa.io.extract import Extract
from qa.model import OffsetMap
from qa.text import Text

_SKIP_BLOCKS = frozenset({"front_matter", "fence", "code_block", "html_block", "hr"})


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark").enable("table").disable("text_join").use(front_matter_plugin)


def extract_markdown(text: str) -> tuple[str, OffsetMap]:
    """The prose of a Markdown file and the map from its offsets to the file's."""
    line_starts = tuple(Text(text).line_starts)
    out = Extract()
    for token in _parser().parse(text):
        if token.type != "inline" or not token.map:
            continue
        begin, end = token.map
        start = line_starts[begin] if begin < len(line_starts) else len(text)
        stop = line_starts[end] if end < len(line_starts) else len(text)
        _inline(out, text, token.children or [], start, stop)
        out.newline(stop)
    return out.finish(line_starts=line_starts)


def _inline(out: Extract, text: str, children: list[Any], cursor: int, stop: int) -> None:
    for child in children:
        kind = child.type  # an image keeps its alt text in its own children: not shown, not read
        if kind in ("text", "code_inline"):
            content = child.content
            if not content:
                continue
            at = text.find(content, cursor, stop)
            if at < 0:  # normalised by the parser (a code span's line break): placed where the cursor is
                if out.ends_with_space and content[0] == " ":
                    content = content.lstrip(" ")
                out.put(content, cursor, cursor)
                continue
            if out.ends_with_space and content[0] == " ":  # text after a dropped element: no double space
                trimmed = content.lstrip(" ")
                at += len(content) - len(trimmed)
                content = trimmed
            out.copy(content, at)
            cursor = at + len(content)
        elif kind == "text_special":
            at = text.find(child.markup, cursor, stop)
            if at < 0:
                out.put(child.content, cursor, cursor)
                continue
            out.put(child.content, at, at + len(child.markup))
            cursor = at + len(child.markup)
        elif kind == "softbreak":
            at = text.find("\n", cursor, stop)
            at = cursor if at < 0 else at
            out.space(at, at + 1)
            cursor = at + 1
        elif kind == "hardbreak":
            at = text.find("\n", cursor, stop)
            at = cursor if at < 0 else at
            out.newline(at)
            cursor = at + 1
