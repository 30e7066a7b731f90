"""JSON Lines: one ``qa-report/1`` document object a line, for dashboards that stream.

Each line is exactly an element of the JSON report's ``documents`` (same
schema, ``#/$defs/document``), in input order, so a consumer can process a
corpus of any size line by line. No summary line: it is the sum of the lines.
"""

from __future__ import annotations

import json
from typing import TextIO

from qa.result import Result
from qa.report import Report
from qa.reporters import replay
from qa.reporters.json import document_dict


def line(result: Result) -> str:
    return json.dumps(document_dict(result), ensure_ascii=False, separators=(",", ":")) + "\n"


class Stream:
    """One line per document as it arrives; nothing at the end."""

    prerender = staticmethod(line)  # run where the result is checked; the stream writes its text

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def document(self, result: Result, text: str | None = None) -> None:
        self.out.write(text or line(result))

    def finish(self, report: Report) -> None:
        self.out.flush()


def render(report: Report, out: TextIO) -> None:
    replay(Stream(out), report)
