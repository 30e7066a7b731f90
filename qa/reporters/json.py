"""The ``qa-report/1`` JSON report, for dashboards (schema: ``qa/schema/qa-report-1.schema.json``)."""

from __future__ import annotations

import json
from json.encoder import c_encode_basestring, py_encode_basestring  # type: ignore[attr-defined]
from typing import Any, TextIO

from qa import __version__
from qa.result import Result
from qa.model import Document, Finding
from qa.report import SCHEMA, Report
from qa.reporters import replay
from qa.reporters.locations import finding_location, related_location


def finding_dict(f: Finding, doc: Document | None = None) -> dict[str, Any]:
    """A finding of the report; with its document, ``line``/``column`` are where a person finds it (see ``locations``)."""
    out: dict[str, Any] = {
        "rule": f.rule,
        "name": f.name,
        "category": f.category,
        "severity": f.severity.value,
        "side": f.side,
        "start": f.start,
        "end": f.end,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "excerpt": f.excerpt,
        "message": f.message,
        "suggestion": f.suggestion,
    }
    if doc is not None and (doc.units or f.side in doc.origins):
        loc = finding_location(doc, f)
        out.update(line=loc.line, column=loc.column, end_line=loc.end_line, end_column=loc.end_column)
        if loc.unit is not None:
            out["unit"] = loc.unit
    if f.related:
        out["related"] = [_related(dict(r), doc) for r in f.related]
    return out


def _related(rel: dict[str, Any], doc: Document | None) -> dict[str, Any]:
    if doc is not None and (doc.units or rel["side"] in doc.origins):
        loc = related_location(doc, rel)
        rel.update(line=loc.line, column=loc.column)
        if loc.unit is not None:
            rel["unit"] = loc.unit
    return rel


def document_dict(r: Result) -> dict[str, Any]:
    doc = r.document
    out: dict[str, Any] = {
        "id": doc.id,
        "path": doc.path,
        "source_lang": doc.source_lang,
        "target_lang": doc.target_lang,
        "words": r.words,
        "passed": r.passed,
        "error": doc.error,
        "score": {"penalty": r.score.penalty, "per_100_words": r.score.per_100_words},
        "metrics": r.metrics,
        "findings": [finding_dict(f, doc) for f in r.findings],
    }
    if doc.metadata.get("encoding"):
        out["encoding"] = doc.metadata["encoding"]
    if r.rule_errors:
        out["rule_errors"] = [{"rule": e.rule, "message": e.message} for e in r.rule_errors]
    return out


def report_dict(report: Report) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "tool": {"name": "qa", "version": __version__},
        "summary": report.summary,
        "documents": [document_dict(r) for r in report.results],
    }


def document_text(result: Result) -> str:
    """One element of ``documents``, indented to its place in the report (a worker may make it: see ``Stream.prerender``)."""
    return "\n    " + dumps(document_dict(result), "    ")


def dumps(value: Any, margin: str = "") -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` with every line after the first indented by
    ``margin``, character for character, for the dicts, lists, strings, numbers, booleans and nulls a
    report is made of (anything else goes to ``json.dumps``).

    Why: ``json.dumps`` encodes in C only without ``indent``; indented, it runs a chain of Python
    generators, and writing each document of a corpus's report cost more than several rules. Here
    the strings are encoded by the same C function and the layout is built in one list."""
    out: list[str] = []
    try:
        _pretty(value, margin, out)
    except _Unsupported:
        return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + margin)
    return "".join(out)


_encode = c_encode_basestring or py_encode_basestring  # the C encoder json.dumps uses for ensure_ascii=False


class _Unsupported(Exception):
    """A value ``_pretty`` does not write as ``json.dumps`` would (a key that is no string, another type)."""


def _pretty(value: Any, margin: str, out: list[str]) -> None:
    kind = type(value)
    if kind is str:
        out.append(_encode(value))
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        inner = margin + "  "
        sep = "{\n" + inner
        for k, v in value.items():
            if type(k) is not str:
                raise _Unsupported
            out.append(sep)
            out.append(_encode(k))
            out.append(": ")
            _pretty(v, inner, out)
            sep = ",\n" + inner
        out.append("\n" + margin + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = margin + "  "
        sep = "[\n" + inner
        for v in value:
            out.append(sep)
            _pretty(v, inner, out)
            sep = ",\n" + inner
        out.append("\n" + margin + "]")
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is float:
        out.append("NaN" if value != value else "Infinity" if value == _INF else "-Infinity" if value == -_INF else float.__repr__(value))
    else:
        raise _Unsupported


_INF = float("inf")


class Stream:
    """Writes the report as documents arrive: header, one document at a time, the summary last.

    Key order does not matter to JSON readers, so ``summary`` follows
    ``documents``; memory stays flat however long the corpus.
    """

    prerender = staticmethod(document_text)  # run where the result is checked; the stream writes its text

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.count = 0
        self.started = False

    def _start(self) -> None:
        # written with the first document, so a usage error found before it leaves no half report
        if not self.started:
            tool = json.dumps({"name": "qa", "version": __version__}, ensure_ascii=False)
            self.out.write(f'{{\n  "schema": "{SCHEMA}",\n  "tool": {tool},\n  "documents": [')
            self.started = True

    def document(self, result: Result, text: str | None = None) -> None:
        self._start()
        self.out.write(("," if self.count else "") + (text or document_text(result)))
        self.count += 1

    def finish(self, report: Report) -> None:
        self._start()
        summary = dumps(report.summary, "  ")
        self.out.write(("\n  " if self.count else "") + f'],\n  "summary": {summary}\n}}\n')


def render(report: Report, out: TextIO) -> None:
    replay(Stream(out), report)
