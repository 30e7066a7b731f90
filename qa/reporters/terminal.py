"""The editor's view: per document a verdict header, findings by severity with the excerpt in its line, a summary table.

Article text is never interpreted: it is put into ``rich.text.Text`` objects
(no markup parsing) and control characters are shown as escapes, so an
article cannot inject colours or terminal escape sequences.
"""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from qa.result import Result
from qa.model import Finding, Severity
from qa.report import Report
from qa.reporters import replay
from qa.reporters.escaping import visible as safe

_STYLE = {
    Severity.CRITICAL: "bold white on red",
    Severity.MAJOR: "bold red",
    Severity.MINOR: "yellow",
    Severity.INFO: "cyan",
}
_ORDER = (Severity.CRITICAL, Severity.MAJOR, Severity.MINOR, Severity.INFO)
_CONTEXT = 50  # characters of line shown either side of an excerpt


class Stream:
    """Each document's section as soon as it is checked; the summary table at the end."""

    def __init__(self, out: TextIO, width: int | None = None) -> None:
        self.console = Console(file=out, width=width, highlight=False, soft_wrap=False, emoji=False)
        if width is None and not self.console.is_terminal:
            self.console.width = 120  # files and pipes: wide enough that a finding stays on one line

    def document(self, result: Result, text: str | None = None) -> None:
        _document(self.console, result)

    def finish(self, report: Report) -> None:
        _summary(self.console, report)


def render(report: Report, out: TextIO, width: int | None = None) -> None:
    replay(Stream(out, width), report)


def _document(console: Console, r: Result) -> None:
    doc = r.document
    name = safe(doc.path or doc.id)
    if doc.error is not None:
        header = Text.assemble(("ERROR ", "bold white on red"), (name, "bold"), "  ", safe(doc.error))
        console.print(header)
        console.print()
        return
    verdict = ("PASS", "bold green") if r.passed else ("FAIL", "bold red")
    header = Text.assemble(
        (f" {verdict[0]} ", f"reverse {verdict[1]}"),
        " ",
        (name, "bold"),
        f"  score {r.score.per_100_words:.2f} per 100 words (penalty {r.score.penalty:g}, {r.words} words)",
    )
    if doc.source_lang:
        header.append(f"  {doc.source_lang}→{doc.target_lang or 'en'}", style="dim")
    console.print(header)
    for key, metric in r.metrics.items():
        console.print(Text(f"  {key} {metric['score']:.2f}  ", style="dim") + Text(metric.get("signature", ""), style="dim"))
    for err in r.rule_errors:
        console.print(Text(f"  rule {err.rule} failed and was skipped: {safe(err.message)}", style="red"))
    if not r.findings:
        console.print(Text("  no findings", style="green"))
    for severity in _ORDER:
        group = [f for f in r.findings if f.severity is severity]
        if not group:
            continue
        console.print(Text(f"  {severity.value} ({len(group)})", style=_STYLE[severity]))
        for f in group:
            _finding(console, f, doc.side(f.side) or "")
    console.print()


def _finding(console: Console, f: Finding, text: str) -> None:
    where = f"{f.line}:{f.column}" + ("" if f.side == "target" else f" [{f.side}]")
    line = Text("    ")
    line.append(f"{where:<9}", style="bold")
    line.append(f" {f.rule} ", style=_STYLE[f.severity])
    line.append(f"{f.name}  ", style="dim")
    line.append(safe(f.message))
    console.print(line)
    console.print(_excerpt_line(f, text))
    if f.suggestion:
        console.print(Text("              suggestion: ", style="dim") + Text(safe(f.suggestion), style="green"))
    for rel in f.related:
        console.print(Text(f"              see {rel['side']} {rel['line']}:{rel['column']}: ", style="dim") + Text(safe(_clip(str(rel["excerpt"]), 80))))


def _excerpt_line(f: Finding, text: str) -> Text:
    """The finding's line, clipped around the excerpt, with the excerpt underlined."""
    line_start = text.rfind("\n", 0, f.start) + 1
    line_end = text.find("\n", f.start)
    line_end = len(text) if line_end == -1 else line_end
    end = min(f.end, line_end)
    lo = max(line_start, f.start - _CONTEXT)
    hi = min(line_end, max(end, f.start) + _CONTEXT)
    out = Text("              ")
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
    console.print(table)
