"""Renderers of a ``Report``: each turns it into text for one audience and decides nothing.

Every renderer is ``render(report, out)``; what passes and the exit code come
from ``Result.passed`` and ``Report.exit_code``.
"""

from __future__ import annotations

from importlib import import_module
from typing import Callable, Protocol, TextIO

from qa.result import Result
from qa.report import Report

Renderer = Callable[[Report, TextIO], None]


class Stream(Protocol):
    """A renderer that writes each document as it arrives, then the summary: memory stays flat."""

    def document(self, result: Result, text: str | None = None) -> None:
        """Write one document; ``text`` is its rendering when a worker process made it already."""

    def finish(self, report: Report) -> None: ...

FORMATS = ("terminal", "json", "jsonl", "sarif", "junit", "github", "markdown", "html")


def replay(stream: Stream, report: Report) -> None:
    """Render a finished report through a format's streaming writer: one code path for both uses."""
    for result in report.results:
        stream.document(result)
    stream.finish(report)


def get_renderer(fmt: str) -> Renderer:
    """The renderer for a ``--format`` name; its module ``qa.reporters.<format>`` is imported only now (rich is not needed for JSON)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    render: Renderer = import_module(f"qa.reporters.{fmt}").render
    return render


def get_stream(fmt: str) -> Callable[[TextIO], Stream] | None:
    """The streaming writer of a format, or None when the format needs every result first (SARIF, HTML, ...)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    return getattr(import_module(f"qa.reporters.{fmt}"), "Stream", None)
