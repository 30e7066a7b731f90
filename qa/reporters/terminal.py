"""The editor's view: each article named, its findings in reading order, what to delete, and a summary table.

Per document: a header with the verdict, the document's name (its id, and
its file with the record's line for a corpus), the languages and the word
count; a score line that says what the number means and where the limit is;
the findings in reading order, each coloured by its severity, with the
excerpt underlined in its line; and, when some findings are page chrome or
duplicates, one closing line listing the lines to delete. ``quiet`` shows
only the documents that did not pass, then the summary.

Output to a file or a pipe is not wrapped (one finding, one line); a
terminal wraps as terminals do. Article text is never interpreted: it is put
into ``rich.text.Text`` objects (no markup parsing) and control characters
are shown as escapes, so an article cannot inject colours or terminal
escape sequences.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from qa.result import Result
from qa.model import DELETION_CATEGORIES, Document, Finding, Severity
from qa.report import Report
from qa.reporters import replay
from qa.reporters.escaping import visible as safe
from qa.reporters.locations import Location, finding_location, label, related_location
from qa.scoring import Policy

_STYLE = {
    Severity.CRITICAL: "bold white on red",
    Severity.MAJOR: "bold red",
    Severity.MINOR: "yellow",
    Severity.INFO: "cyan",
}
_CONTEXT = 50  # characters of line shown either side of an excerpt
_WHERE = 9  # the narrowest position column


class Stream:
    """Each document's section as soon as it is checked; the summary table at the end."""

    def __init__(self, out: TextIO, width: int | None = None, quiet: bool = False, policy: Policy | None = None) -> None:
        self.console = Console(file=out, width=width, highlight=False, soft_wrap=False, emoji=False)
        if not self.console.is_terminal:
            self.console.soft_wrap = True  # files and pipes: a finding stays on one line, however long
            if width is None:
                self.console.width = 120  # the summary table's layout
        self.quiet = quiet
        self.policy = policy or Policy()
        self.hidden = 0

    def document(self, result: Result, text: str | None = None) -> None:
        if self.quiet and result.passed and result.error is None and not result.rule_errors:
            self.hidden += 1
            return
        _document(self.console, result, self.policy)

    def finish(self, report: Report) -> None:
        _summary(self.console, report)
        if self.quiet and self.hidden:
            self.console.print(Text(f"{self.hidden} passing document{'' if self.hidden == 1 else 's'} not shown (--quiet)", style="dim"))


def render(report: Report, out: TextIO, width: int | None = None, quiet: bool = False, policy: Policy | None = None) -> None:
    replay(Stream(out, width, quiet, policy), report)


def name(doc: Document) -> Text:
    """The document's id, then its file (with the record's line); a file named by its id is shown once."""
    record_line = doc.metadata.get("line")
    path = safe(doc.path) if doc.path else None
    if path and isinstance(record_line, int):
        path = f"{path}:{record_line}"
    if path and doc.id == PurePath(doc.path or "").stem and not isinstance(record_line, int):
        return Text(path, style="bold")
    out = Text(safe(doc.id), style="bold")
    if path:
        out.append(f"  {path}", style="dim")
    return out


def _document(console: Console, r: Result, policy: Policy) -> None:
    doc = r.document
    if doc.error is not None:
        console.print(Text.assemble(("ERROR ", "bold white on red"), name(doc), "  ", safe(doc.error)))
        console.print()
        return
    verdict = ("PASS", "bold green") if r.passed else ("FAIL", "bold red")
    header = Text.assemble((f" {verdict[0]} ", f"reverse {verdict[1]}"), " ", name(doc))
    if doc.source_lang:
        header.append(f"  {doc.source_lang}→{doc.target_lang or 'en'}", style="dim")
    header.append(f"  {r.words} words", style="dim")
    console.print(header)
    console.print(
        Text.assemble(
            "  score ",
            (f"{r.score.per_100_words:.2f}", verdict[1]),
            (f" = penalty per 100 words, lower is better; fails at {policy.threshold:.1f} or on a {policy.fail_on.value}+ finding"
             f" (penalty {r.score.penalty:g})", "dim"),
        )
    )
    for key, metric in r.metrics.items():
        console.print(Text(f"  {key} {metric['score']:.2f}  ", style="dim") + Text(metric.get("signature", ""), style="dim"))
    for err in r.rule_errors:
        console.print(Text(f"  rule {err.rule} failed and was skipped: {safe(err.message)}", style="red"))
    if not r.findings:
        console.print(Text("  no findings", style="green"))
    placed = [(f, finding_location(doc, f)) for f in r.findings]  # the engine's order: each side in reading order
    width = max([_WHERE, *(len(label(loc, f.side)) for f, loc in placed)])
    for f, loc in placed:
        _finding(console, doc, f, loc, width)
    deletions = _deletions(placed)
    if deletions:
        console.print(Text.assemble(("  to delete: ", "bold"), (deletions, "bold"), (" (page chrome and repeated text)", "dim")))
    console.print()


def _finding(console: Console, doc: Document, f: Finding, loc: Location, width: int) -> None:
    text = doc.side(f.side) or ""
    indent = " " * (4 + width + 1)
    line = Text("    ")
    line.append(f"{label(loc, f.side):<{width}}", style="bold")
    line.append(f" {f.severity.value:<5} ", style=_STYLE[f.severity])
    line.append(f"{f.rule} ", style=_STYLE[f.severity])
    line.append(f"{f.name}  ", style="dim")
    line.append(safe(f.message))
    console.print(line)
    console.print(_excerpt_line(f, text, indent))
    if f.suggestion:
        console.print(Text(f"{indent}suggestion: ", style="dim") + Text(safe(f.suggestion), style="green"))
    for rel in f.related:
        where = label(related_location(doc, rel)) if doc.units or rel["side"] in doc.origins else f"{rel['line']}:{rel['column']}"
        if "rule" in rel:  # the same defect found again by another rule, merged into this finding
            console.print(Text(f"{indent}also {rel['rule']} at {where}: ", style="dim") + Text(safe(_clip(str(rel["message"]), 80))))
        else:
            console.print(Text(f"{indent}see {rel['side']} {where}: ", style="dim") + Text(safe(_clip(str(rel["excerpt"]), 80))))


def _deletions(placed: list[tuple[Finding, Location]]) -> str:
    """The target lines that page chrome and duplicates occupy, as "5-8, 14, 36" (in a unit: "unit t3 line 1")."""
    lines: set[int] = set()
    in_units: dict[str, set[int]] = {}
    for f, loc in placed:
        if f.side != "target" or f.category not in DELETION_CATEGORIES:
            continue
        last = loc.end_line - 1 if loc.end_line > loc.line and loc.end_column == 1 else loc.end_line
        span = set(range(loc.line, max(loc.line, last) + 1))
        if loc.unit is not None:
            in_units.setdefault(loc.unit, set()).update(span)
        else:
            lines.update(span)
    parts = []
    if lines:
        parts.append(f"line{'s' if len(lines) > 1 else ''} {_ranges(lines)}")
    for unit, unit_lines in in_units.items():
        parts.append(f"unit {safe(unit)} line{'s' if len(unit_lines) > 1 else ''} {_ranges(unit_lines)}")
    return "; ".join(parts)


def _ranges(numbers: set[int]) -> str:
    out: list[str] = []
    ordered = sorted(numbers)
    start = prev = ordered[0]
    for n in ordered[1:] + [None]:  # type: ignore[list-item]
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(out)


def _excerpt_line(f: Finding, text: str, indent: str) -> Text:
    """The finding's line, clipped around the excerpt, with the excerpt underlined."""
    line_start = text.rfind("\n", 0, f.start) + 1
    line_end = text.find("\n", f.start)
    line_end = len(text) if line_end == -1 else line_end
    end = min(f.end, line_end)
    lo = max(line_start, f.start - _CONTEXT)
    hi = min(line_end, max(end, f.start) + _CONTEXT)
    out = Text(indent)
    out.append("…" if lo > line_start else "", style="dim")
    out.append(safe(text[lo : f.start]), style="dim")
    excerpt = text[f.start : end]
    if len(excerpt) > 2 * _CONTEXT:  # a whole paragraph: its start and end say enough
        excerpt = excerpt[:_CONTEXT] + " … " + excerpt[-_CONTEXT // 2 :]
    out.append(safe(excerpt) if excerpt else "⌃", style=f"underline {_STYLE[f.severity]}")
    out.append(safe(text[end:hi]), style="dim")
    out.append("…" if hi < line_end else "", style="dim")
    return out


def _clip(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def _summary(console: Console, report: Report) -> None:
    s = report.summary
    table = Table(title="qa summary", show_edge=False, header_style="bold")
    for col in ("documents", "passed", "failed", "errors", "critical", "major", "minor", "info"):
        table.add_column(col, justify="right")
    counts = s["findings"]
    table.add_row(
        *(str(s[k]) for k in ("documents", "passed", "failed", "errors")),
        *(str(counts[k]) for k in ("critical", "major", "minor", "info")),
    )
    console.print(table, soft_wrap=False)
