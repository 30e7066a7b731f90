"""Renderers of a ``Report``: each turns it into text for one audience and decides nothing."""

from __future__ import annotations

from typing import Callable, TextIO

from qa.report import Report

Renderer = Callable[[Report, TextIO], None]


def get_renderer(fmt: str) -> Renderer:
    """The renderer for a ``--format`` name (imported lazily: rich is not needed for JSON)."""
    if fmt == "json":
        from qa.reporters.json import render
    elif fmt == "terminal":
        from qa.reporters.terminal import render
    else:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    return render


FORMATS = ("terminal", "json")
