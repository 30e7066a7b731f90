"""Markdown for a pull-request comment: the verdict, a table of documents, the worst findings of each.

Sized for a comment (GitHub allows 65,536 characters): at most ``MAX_DOCS``
documents get a findings table, failed ones first, and each shows its
``MAX_FINDINGS`` worst findings. Article text is escaped so an excerpt can
neither format the comment nor inject HTML.
"""

from __future__ import annotations

import re
from typing import TextIO

from qa import __version__
from qa.result import Result
from qa.model import Finding, Severity
from qa.report import Report
from qa.reporters.escaping import visible
from qa.reporters.locations import describe, finding_location

MAX_DOCS = 25
MAX_FINDINGS = 10
_ORDER = (Severity.CRITICAL, Severity.MAJOR, Severity.MINOR, Severity.INFO)
_SPECIAL = re.compile(r"([\\`*_\[\]|~])")  # what can format text in a table cell (< > & become entities)


def md(s: str, limit: int | None = None) -> str:
    """Plain text as Markdown that renders as itself: punctuation escaped, HTML neutralised, one line."""
    s = visible(s).replace("\r\n", "\n").replace("\n", " ⏎ ")
    if limit is not None and len(s) > limit:
        s = s[: limit - 1] + "…"
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", s)


def _n(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _verdict(r: Result) -> str:
    if r.error is not None or r.rule_errors:
        return "⚠️ error"
    return "✅ pass" if r.passed else "❌ fail"


def _count(r: Result, s: Severity) -> int:
    return sum(1 for f in r.findings if f.severity is s)


def worst(findings: list[Finding], n: int = MAX_FINDINGS) -> list[Finding]:
    return sorted(findings, key=lambda f: (-f.severity.rank, -f.weight, f.side != "target", f.start))[:n]


def render(report: Report, out: TextIO) -> None:
    s = report.summary
    c = s["findings"]
    failed = s["failed"] + s["errors"]
    head = "✅ all documents passed" if not failed else f"❌ {s['failed']} of {_n(s['documents'], 'document')} failed"
    if s["errors"]:
        head += f", {s['errors']} with errors"
    out.write(f"## qa: {head}\n\n")
    out.write(
        f"{_n(s['documents'], 'document')} · {s['passed']} passed · {s['failed']} failed · {s['errors']} errors · "
        f"findings: {c['critical']} critical, {c['major']} major, {c['minor']} minor, {c['info']} info\n\n"
    )
    if not report.results:
        return
    ranked = sorted(report.results, key=lambda r: (r.passed and not r.rule_errors and r.error is None, -r.score.per_100_words))
    shown = ranked[:MAX_DOCS]
    out.write("| | document | score / 100 words | critical | major | minor | info |\n")
    out.write("|---|---|---:|---:|---:|---:|---:|\n")
    for r in shown:
        score = "–" if r.error is not None else f"{r.score.per_100_words:.2f}"
        counts = " | ".join(str(_count(r, sev)) for sev in _ORDER)
        out.write(f"| {_verdict(r)} | {md(describe(r.document), 80)} | {score} | {counts} |\n")
    if len(ranked) > len(shown):
        out.write(f"\n… and {len(ranked) - len(shown)} more documents (see the full report).\n")
    for r in shown:
        if r.error is not None:
            out.write(f"\n### ⚠️ {md(describe(r.document), 80)}\n\n{md(r.error)}\n")
            continue
        if not r.findings and not r.rule_errors:
            continue
        out.write(f"\n### {_verdict(r)}: {md(describe(r.document), 80)}\n\n")
        for e in r.rule_errors:
            out.write(f"- rule {md(e.rule)} failed and was skipped: {md(e.message)}\n")
        if r.rule_errors:
            out.write("\n")
        top = worst(r.findings)
        out.write("| where | severity | rule | message | excerpt | suggestion |\n|---|---|---|---|---|---|\n")
        for f in top:
            loc = finding_location(r.document, f)
            where = (f"unit {md(loc.unit)} " if loc.unit is not None else "") + f"{loc.line}:{loc.column}"
            where += "" if f.side == "target" else f" ({f.side})"
            out.write(
                f"| {where} | {f.severity.value} | {f.rule} {md(f.name)} | {md(f.message)} | "
                f"{md(f.excerpt, 60)} | {md(f.suggestion or '', 40)} |\n"
            )
        if len(r.findings) > len(top):
            out.write(f"\n… and {len(r.findings) - len(top)} more findings (see the full report).\n")
    out.write(f"\n<sub>qa {__version__}</sub>\n")
