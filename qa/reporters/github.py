"""GitHub Actions workflow commands: one annotation line per finding.

    ::error file=a.txt,line=36,col=31,endLine=36,endColumn=32,title=QA101 untranslated-function-word::Serbian 'i' ...

critical and major findings are ``error``, minor ``warning``, info
``notice``. Columns count code points and ``endColumn`` is exclusive, as in
the JSON report. Values are escaped as GitHub's toolkit does: ``%``, CR and
LF in the message; additionally ``:`` and ``,`` in properties. A finding in a
``.jsonl`` corpus record points at the record's line and names the article
and position in the message; one in a translation unit (XLIFF, PO, TMX,
CSV) points at the unit's line and names the unit. HTML and Markdown
findings point at their place in the file. Unreadable inputs and crashed rules are
``error`` lines with the title ``qa error``.
"""

from __future__ import annotations

from typing import TextIO

from qa.result import Result
from qa.model import Finding, Severity
from qa.report import Report
from qa.reporters import replay
from qa.reporters.escaping import visible
from qa.reporters.locations import finding_location, where

COMMAND = {Severity.CRITICAL: "error", Severity.MAJOR: "error", Severity.MINOR: "warning", Severity.INFO: "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **props: object) -> str:
    fields = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{kind}{' ' + fields if fields else ''}::{escape_data(visible(message))}\n"


def annotation(r: Result, f: Finding) -> str:
    doc = r.document
    loc = finding_location(doc, f)
    message = f.message + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
    title = f"{f.rule} {f.name}"
    if loc.exact:
        return command(COMMAND[f.severity], message, file=loc.path, line=loc.line, col=loc.column,
                       endLine=loc.end_line, endColumn=loc.end_column, title=title)
    unit = f"unit {loc.unit} " if loc.unit is not None else ""
    message = f"{doc.id} {unit}{f.side} {loc.line}:{loc.column}: {message}"
    return command(COMMAND[f.severity], message, file=loc.path, line=loc.anchor_line, title=title)


class Stream:
    """Annotation lines for each document as it arrives."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def document(self, r: Result, text: str | None = None) -> None:
        doc = r.document
        if r.error is not None:
            w = where(doc)
            self.out.write(command("error", r.error, file=w.path, line=w.record_line, title="qa error"))
        for e in r.rule_errors:
            self.out.write(command("error", f"rule {e.rule} failed on {doc.id}: {e.message}", file=doc.path, title="qa error"))
        for f in r.findings:
            self.out.write(annotation(r, f))

    def finish(self, report: Report) -> None:
        self.out.flush()


def render(report: Report, out: TextIO) -> None:
    replay(Stream(out), report)
