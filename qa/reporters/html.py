"""One self-contained HTML page for editors: each article with its findings highlighted where they are.

Per document: the verdict and score, the texts side by side paragraph by
paragraph (source, target, reference, back-translation, whichever are given;
paragraph *i* beside paragraph *i*, the simplest alignment), every finding
highlighted in the colour of its severity (the message and suggestion in the
tooltip, the details in a panel on click), and a findings table. At the top,
a summary table and filters by severity and category.

No network: CSS and JavaScript are inline and a Content-Security-Policy
forbids loading anything. All article text is escaped (``html.escape``) and
control characters are shown as escapes; the script only reads the page and
writes with ``textContent``. Without JavaScript the page still shows
everything but the filters and the panel.

Marks: a stretch of text covered by several findings (a footer that also
holds an untranslated word) is one ``<mark>`` whose ``data-findings`` lists
them all, coloured by the worst. A finding that covers no visible text (an
empty span, a blank line) is a caret mark at its position. So every finding
has at least one element whose ``data-findings`` names it.
"""

from __future__ import annotations

import html
from typing import Iterable, TextIO

from qa import __version__
from qa.result import Result
from qa.model import Document, Finding, Severity, Side
from qa.report import Report
from qa.reporters.escaping import visible
from qa.reporters.locations import describe, finding_location
from qa.text import Text

_ORDER = (Severity.CRITICAL, Severity.MAJOR, Severity.MINOR, Severity.INFO)
_LABEL = {"source": "source", "target": "target (translation)", "reference": "reference", "back_translation": "back-translation"}


def esc(s: str) -> str:
    return html.escape(visible(s), quote=True)


def render(report: Report, out: TextIO) -> None:
    out.write(_HEAD)
    out.write(_header(report))
    out.write(_summary(report))
    for i, r in enumerate(report.results, 1):
        out.write(_document(i, r))
    out.write(f'<footer>qa {esc(__version__)} · spans are code-point offsets into the unmodified texts</footer>\n')
    out.write('<aside id="panel" hidden><button type="button" id="panel-close" aria-label="close">×</button><div id="panel-body"></div></aside>\n')
    out.write(f"<script>{_SCRIPT}</script>\n</body>\n</html>\n")


def _header(report: Report) -> str:
    s = report.summary
    c = s["findings"]
    sev_counts = {sev.value: c[sev.value] for sev in _ORDER}
    cats: dict[str, int] = {}
    for r in report.results:
        for f in r.findings:
            cats[f.category] = cats.get(f.category, 0) + 1
    sev_boxes = "".join(
        f'<label class="chip sev-{v}"><input type="checkbox" data-filter="severity" value="{v}" checked> {v} ({n})</label>'
        for v, n in sev_counts.items()
    )
    cat_boxes = "".join(
        f'<label class="chip"><input type="checkbox" data-filter="category" value="{esc(k)}" checked> {esc(k)} ({n})</label>'
        for k, n in sorted(cats.items())
    )
    return (
        '<header>\n<h1>qa report</h1>\n'
        f'<p class="totals">{s["documents"]} document{"" if s["documents"] == 1 else "s"} · {s["passed"]} passed · {s["failed"]} failed · {s["errors"]} errors</p>\n'
        f'<div id="filters"><div><span class="flabel">severity</span>{sev_boxes}</div>'
        f'<div><span class="flabel">category</span>{cat_boxes or "<em>none</em>"}</div></div>\n</header>\n'
    )


def _verdict(r: Result) -> tuple[str, str]:
    if r.error is not None or r.rule_errors:
        return "ERROR", "error"
    return ("PASS", "pass") if r.passed else ("FAIL", "fail")


def _summary(report: Report) -> str:
    rows = []
    for i, r in enumerate(report.results, 1):
        label, cls = _verdict(r)
        counts = "".join(f'<td class="num">{sum(1 for f in r.findings if f.severity is s)}</td>' for s in _ORDER)
        score = "–" if r.error is not None else f"{r.score.per_100_words:.2f}"
        rows.append(
            f'<tr><td><span class="verdict {cls}">{label}</span></td><td><a href="#doc-{i}">{esc(describe(r.document))}</a></td>'
            f'<td class="num">{score}</td><td class="num">{r.words}</td>{counts}</tr>'
        )
    head = "".join(f'<th class="num sev-{s.value}">{s.value}</th>' for s in _ORDER)
    return (
        '<section id="summary"><h2>Summary</h2><table class="summary"><thead><tr><th>verdict</th><th>document</th>'
        f'<th class="num">score / 100 words</th><th class="num">words</th>{head}</tr></thead><tbody>\n'
        + "\n".join(rows)
        + "\n</tbody></table></section>\n"
    )


def _document(i: int, r: Result) -> str:
    doc = r.document
    label, cls = _verdict(r)
    parts = [f'<article class="doc" id="doc-{i}">\n<h2><span class="verdict {cls}">{label}</span> {esc(describe(doc))}</h2>\n']
    if doc.error is not None:
        parts.append(f'<p class="error">{esc(doc.error)}</p>\n</article>\n')
        return "".join(parts)
    langs = f" · {esc(doc.source_lang)}→{esc(doc.target_lang or 'en')}" if doc.source_lang else ""
    parts.append(
        f'<p class="meta">score {r.score.per_100_words:.2f} per 100 words (penalty {r.score.penalty:g}, {r.words} words){langs}</p>\n'
    )
    for key, metric in r.metrics.items():
        parts.append(f'<p class="meta metric">{esc(key)} {metric["score"]:.2f} <code>{esc(str(metric.get("signature", "")))}</code></p>\n')
    for e in r.rule_errors:
        parts.append(f'<p class="error">rule {esc(e.rule)} failed and was skipped: {esc(e.message)}</p>\n')
    ids = {id(f): f"d{i}-f{n}" for n, f in enumerate(r.findings, 1)}
    sides: list[Side] = [s for s in ("source", "target", "reference", "back_translation") if doc.side(s) is not None]
    # a document made of translation units shows one row per unit, with its id; any other, paragraph beside paragraph
    columns = {
        s: _paint(doc.side(s) or "", [f for f in r.findings if f.side == s], ids, [u.spans[s] for u in doc.units] or None)
        for s in sides
    }
    heads = "".join(f"<th>{_LABEL[s]}{_lang(doc, s)}</th>" for s in sides)
    if doc.units:
        heads = "<th>unit</th>" + heads
    parts.append(f'<table class="texts cols-{len(sides)}"><thead><tr>{heads}</tr></thead><tbody>\n')
    for row in range(max(len(c) for c in columns.values())):
        cells = "".join(
            f'<td class="para" data-side="{s}">{columns[s][row] if row < len(columns[s]) else ""}</td>' for s in sides
        )
        if doc.units:
            cells = f'<td class="unit"><code>{esc(doc.units[row].id)}</code></td>' + cells
        parts.append(f"<tr>{cells}</tr>\n")
    parts.append("</tbody></table>\n")
    parts.append(_findings_table(r, ids))
    parts.append("</article>\n")
    return "".join(parts)


def _lang(doc: Document, side: str) -> str:
    lang = doc.source_lang if side in ("source", "back_translation") else doc.target_lang
    return f" ({esc(lang)})" if lang else ""


def _findings_table(r: Result, ids: dict[int, str]) -> str:
    if not r.findings:
        return '<p class="clean">no findings</p>\n'
    rows = []
    for f in r.findings:
        loc = finding_location(r.document, f)
        where = (f"unit {esc(loc.unit)} " if loc.unit is not None else "") + f"{loc.line}:{loc.column}"
        where += "" if f.side == "target" else f" ({f.side})"
        excerpt = f.excerpt if len(f.excerpt) <= 160 else f.excerpt[:120] + " … " + f.excerpt[-30:]
        rows.append(
            f'<tr data-finding="{ids[id(f)]}" data-severity="{f.severity.value}" data-category="{esc(f.category)}" tabindex="0">'
            f'<td class="where">{where}</td><td><span class="sev sev-{f.severity.value}">{f.severity.value}</span></td>'
            f'<td class="rule"><b>{f.rule}</b> {esc(f.name)}</td><td class="cat">{esc(f.category)}</td>'
            f'<td class="msg">{esc(f.message)}</td><td class="excerpt">{esc(excerpt)}</td>'
            f'<td class="sugg">{esc(f.suggestion or "")}</td></tr>'
        )
    return (
        '<details class="findings" open><summary>findings</summary><table class="findings"><thead><tr><th>where</th><th>severity</th>'
        "<th>rule</th><th>category</th><th>message</th><th>excerpt</th><th>suggestion</th></tr></thead><tbody>\n"
        + "\n".join(rows)
        + "\n</tbody></table></details>\n"
    )


def _worst(fs: Iterable[Finding]) -> Severity:
    return max((f.severity for f in fs), key=lambda s: s.rank)


def _mark(fs: list[Finding], ids: dict[int, str], content: str, point: bool = False) -> str:
    sev = _worst(fs).value
    title = "\n".join(
        f"{f.rule} {f.name} ({f.severity.value}): {f.message}" + (f" → {f.suggestion}" if f.suggestion else "") for f in fs
    )
    classes = f"sev-{sev}" + (" point" if point else "") + (" multi" if len(fs) > 1 else "")
    return (
        f'<mark class="{classes}" data-severity="{sev}" data-findings="{" ".join(ids[id(f)] for f in fs)}" '
        f'title="{esc(title)}" tabindex="0">{content}</mark>'
    )


def _paint(raw: str, findings: list[Finding], ids: dict[int, str], units: list[tuple[int, int]] | None = None) -> list[str]:
    """The side's paragraphs (or units) as HTML, each finding marked; one string per paragraph (or unit)."""
    blocks = units or [(b.start, b.end) for b in Text(raw).paragraphs] or [(0, 0)]
    ranged: list[Finding] = []
    points: dict[int, list[tuple[int, Finding]]] = {}  # block index -> (position, finding)
    for f in findings:
        if f.start < f.end and any(s < f.end and f.start < e for s, e in blocks):
            ranged.append(f)
            continue
        k = max((n for n, (s, _) in enumerate(blocks) if s <= f.start), default=0)
        s, e = blocks[k]
        points.setdefault(k, []).append((min(max(f.start, s), e), f))
    out = []
    for k, (s, e) in enumerate(blocks):
        inside = [f for f in ranged if f.start < e and s < f.end]
        here = points.get(k, [])
        cuts = sorted({s, e, *(max(s, f.start) for f in inside), *(min(e, f.end) for f in inside), *(p for p, _ in here)})
        html_parts = []
        for n, c in enumerate(cuts):
            at = [f for p, f in here if p == c]
            if at:
                html_parts.append(_mark(at, ids, "", point=True))
            if n + 1 < len(cuts):
                nxt = cuts[n + 1]
                covering = [f for f in inside if f.start < nxt and c < f.end]
                piece = esc(raw[c:nxt])
                html_parts.append(_mark(covering, ids, piece) if covering else piece)
        out.append("".join(html_parts))
    return out


_HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="qa">
<title>qa report</title>
<style>
:root { --critical: #b3001b; --major: #ff9c9c; --minor: #ffd966; --info: #bcdcff; --ink: #1d1d1f; --muted: #6b6b70; --line: #e3e3e8; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0; padding: 0 1.5rem 4rem; background: #fafafa; }
header { border-bottom: 1px solid var(--line); padding: .6rem 0 .5rem; }
h1 { font-size: 1.3rem; margin: 0 0 .2rem; } h2 { font-size: 1.1rem; margin: 1.2rem 0 .4rem; }
.totals, .meta { color: var(--muted); margin: .1rem 0; }
#filters div { margin: .2rem 0; } .flabel { display: inline-block; width: 5.5rem; color: var(--muted); font-size: .85rem; }
.chip { display: inline-block; margin: 0 .4rem .2rem 0; padding: 0 .45rem; border-radius: 1rem; border: 1px solid var(--line); background: #fff; font-size: .85rem; cursor: pointer; }
.chip.sev-critical { border-color: var(--critical); } .chip.sev-major { border-color: var(--major); } .chip.sev-minor { border-color: var(--minor); } .chip.sev-info { border-color: var(--info); }
table { border-collapse: collapse; background: #fff; }
table.summary td, table.summary th, table.findings td, table.findings th { border-bottom: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; }
.num { text-align: right !important; font-variant-numeric: tabular-nums; }
.verdict { font-weight: 700; padding: 0 .4rem; border-radius: .25rem; color: #fff; font-size: .85rem; }
.verdict.pass { background: #1a7f37; } .verdict.fail { background: #cf222e; } .verdict.error { background: #6e40c9; }
article.doc { background: #fff; border: 1px solid var(--line); border-radius: .5rem; padding: .2rem 1rem 1rem; margin: 1.2rem 0; }
table.texts { width: 100%; table-layout: fixed; margin: .6rem 0; }
table.texts th { text-align: left; color: var(--muted); font-weight: 600; font-size: .85rem; border-bottom: 1px solid var(--line); padding: .2rem .6rem; }
td.para { vertical-align: top; padding: .35rem .6rem; white-space: pre-wrap; overflow-wrap: anywhere; border-bottom: 1px dotted var(--line); }
td.para + td.para { border-left: 1px solid var(--line); }
td.para[data-side="source"], td.para[data-side="reference"], td.para[data-side="back_translation"] { color: #3a3a40; background: #fcfcfd; }
mark { background: none; color: inherit; border-radius: .15rem; cursor: pointer; padding: 0 1px; }
mark.sev-critical { background: var(--critical); color: #fff; } mark.sev-major { background: var(--major); }
mark.sev-minor { background: var(--minor); } mark.sev-info { background: var(--info); }
mark.multi { box-shadow: inset 0 -2px 0 rgba(0,0,0,.45); }
mark.point::after { content: "\\2038"; font-weight: 700; color: #000; }
mark.off { background: none !important; color: inherit !important; box-shadow: none; cursor: default; }
mark.off.point { display: none; }
mark.current, tr.current { outline: 2px solid #0969da; }
.sev { font-size: .8rem; padding: 0 .35rem; border-radius: .2rem; }
.sev.sev-critical { background: var(--critical); color: #fff; } .sev.sev-major { background: var(--major); } .sev.sev-minor { background: var(--minor); } .sev.sev-info { background: var(--info); }
table.findings { width: 100%; font-size: .88rem; } td.where { white-space: nowrap; color: var(--muted); } td.rule { white-space: nowrap; }
td.excerpt { font-family: ui-monospace, monospace; font-size: .82rem; white-space: pre-wrap; overflow-wrap: anywhere; } td.sugg { color: #1a7f37; }
tr[data-finding] { cursor: pointer; } .error { color: #cf222e; } .clean { color: #1a7f37; }
details.findings summary { cursor: pointer; color: var(--muted); }
#panel { position: fixed; right: 1rem; bottom: 1rem; max-width: 34rem; max-height: 45vh; overflow: auto; background: #fff; border: 1px solid #c8c8d0; border-radius: .5rem; box-shadow: 0 6px 24px rgba(0,0,0,.18); padding: .6rem .9rem; z-index: 3; }
#panel-close { float: right; border: 0; background: none; font-size: 1.2rem; cursor: pointer; }
#panel .item { margin: .3rem 0 .6rem; } #panel .item .sugg { color: #1a7f37; }
footer { color: var(--muted); font-size: .8rem; margin-top: 2rem; }
</style>
</head>
<body data-qa-ready="0">
"""

# The script reads the page and writes with textContent only: nothing from the article is ever parsed as HTML.
_SCRIPT = """
(function () {
  "use strict";
  var RANK = {info: 0, minor: 1, major: 2, critical: 3};
  var rows = {};
  document.querySelectorAll("tr[data-finding]").forEach(function (tr) { rows[tr.getAttribute("data-finding")] = tr; });
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark[data-findings]"));
  function active() {
    var sev = {}, cat = {};
    document.querySelectorAll("#filters input").forEach(function (b) {
      if (b.checked) { (b.getAttribute("data-filter") === "severity" ? sev : cat)[b.value] = true; }
    });
    return {sev: sev, cat: cat};
  }
  function apply() {
    var on = active();
    Object.keys(rows).forEach(function (id) {
      var tr = rows[id];
      tr.hidden = !(on.sev[tr.getAttribute("data-severity")] && on.cat[tr.getAttribute("data-category")]);
    });
    marks.forEach(function (m) {
      var best = null;
      m.getAttribute("data-findings").split(" ").forEach(function (id) {
        var tr = rows[id];
        if (tr && !tr.hidden) {
          var s = tr.getAttribute("data-severity");
          if (best === null || RANK[s] > RANK[best]) { best = s; }
        }
      });
      ["critical", "major", "minor", "info"].forEach(function (s) { m.classList.remove("sev-" + s); });
      m.classList.toggle("off", best === null);
      if (best !== null) { m.classList.add("sev-" + best); }
    });
  }
  var panel = document.getElementById("panel"), body = document.getElementById("panel-body");
  function clearCurrent() { document.querySelectorAll(".current").forEach(function (e) { e.classList.remove("current"); }); }
  function show(mark) {
    clearCurrent();
    mark.classList.add("current");
    body.textContent = "";
    mark.getAttribute("data-findings").split(" ").forEach(function (id) {
      var tr = rows[id];
      if (!tr || tr.hidden) { return; }
      tr.classList.add("current");
      var cells = tr.querySelectorAll("td"), item = document.createElement("div"), head = document.createElement("div");
      item.className = "item";
      var b = document.createElement("b");
      b.textContent = cells[2].textContent + " · " + cells[1].textContent + " · " + cells[3].textContent;
      head.appendChild(b);
      var msg = document.createElement("div");
      msg.textContent = cells[4].textContent + " (line " + cells[0].textContent + ")";
      item.appendChild(head); item.appendChild(msg);
      if (cells[6].textContent) {
        var s = document.createElement("div"); s.className = "sugg"; s.textContent = "suggestion: " + cells[6].textContent; item.appendChild(s);
      }
      body.appendChild(item);
    });
    panel.hidden = body.childNodes.length === 0;
  }
  marks.forEach(function (m) {
    m.addEventListener("click", function () { if (!m.classList.contains("off")) { show(m); } });
    m.addEventListener("keydown", function (e) { if (e.key === "Enter") { show(m); } });
  });
  Object.keys(rows).forEach(function (id) {
    rows[id].addEventListener("click", function () {
      var m = marks.filter(function (x) { return x.getAttribute("data-findings").split(" ").indexOf(id) >= 0; })[0];
      if (m) {
        var box = m.getBoundingClientRect();
        if (box.top < 0 || box.bottom > window.innerHeight) { m.scrollIntoView({block: "center"}); }
        show(m);
      }
    });
  });
  document.getElementById("panel-close").addEventListener("click", function () { panel.hidden = true; clearCurrent(); });
  document.querySelectorAll("#filters input").forEach(function (b) { b.addEventListener("change", apply); });
  apply();
  var target = decodeURIComponent(location.hash.slice(1));
  if (rows[target]) { rows[target].click(); }  // a link to one finding (report.html#d1-f3) opens it
  document.body.setAttribute("data-qa-ready", "1");
})();
"""
