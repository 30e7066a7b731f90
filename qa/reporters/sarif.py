"""SARIF 2.1.0 for code-scanning tools (GitHub code scanning, GitLab, Azure DevOps, IDE viewers).

One run: ``tool.driver.rules`` holds every rule that reported something,
with its documentation (title, why, bad and good examples, known limits);
each result carries ``ruleId``, a level (critical and major: ``error``, minor:
``warning``, info: ``note``), the message and suggestion, and a region with
start/end line and column plus ``charOffset``/``charLength``. Columns and
offsets count code points (``columnKind: unicodeCodePoints``), as everywhere
in qa. The MQM category and severity are in each result's ``properties``.

A record of a ``.jsonl`` corpus is one line of its file: its results point at
that line, and the position inside the article is in ``properties``. A
finding in a translation unit (XLIFF, PO, TMX, CSV) points at the unit's
line; the unit is a logical location (``kind: element``, named by its id)
and ``properties.unit``, and the position inside the unit's text is
``properties.unitRegion``. For HTML and Markdown articles the region is the
span's place in the file (markup and entities counted).
Unreadable inputs and rules that crashed are ``toolExecutionNotifications``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any, Callable, TextIO
from urllib.parse import quote

from qa import __version__
from qa.result import Result
from qa.model import Document, Finding, Severity
from qa.registry import Rule
from qa.rules import get_rule
from qa.report import Report
from qa.reporters.locations import Location, finding_location, related_location

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {Severity.CRITICAL: "error", Severity.MAJOR: "error", Severity.MINOR: "warning", Severity.INFO: "note"}


def uri(path: str) -> str:
    """A relative path stays relative (code scanning resolves it against the checkout); an absolute one becomes file://."""
    p = path.replace("\\", "/")
    if p.startswith("/") or PureWindowsPath(path).drive:
        return "file://" + quote(p if p.startswith("/") else "/" + p, safe="/:")
    return quote(str(PurePosixPath(p)), safe="/")


def render(report: Report, out: TextIO) -> None:
    json.dump(sarif(report), out, ensure_ascii=False, indent=2)
    out.write("\n")


def sarif(report: Report) -> dict[str, Any]:
    codes = sorted({f.rule for r in report.results for f in r.findings})
    index = {code: i for i, code in enumerate(codes)}
    results: list[dict[str, Any]] = []
    for r in report.results:
        seen: dict[tuple[str, str], int] = {}
        for f in r.findings:
            n = seen[(f.rule, f.excerpt)] = seen.get((f.rule, f.excerpt), 0) + 1
            results.append(_result(r, f, index[f.rule], n))
    notifications = _notifications(report)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "qa",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [_descriptor(code) for code in codes],
                    }
                },
                "invocations": [
                    {"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}
                ],
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {"summary": report.summary},
            }
        ],
    }


def _descriptor(code: str) -> dict[str, Any]:
    try:
        rule = get_rule(code)
    except KeyError:  # a rule from a plug-in that is not loaded here: say what we know
        return {"id": code}
    d = rule.doc
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": d.title},
        "fullDescription": {"text": d.why or d.title},
        "help": {"text": _help_text(rule), "markdown": _help_markdown(rule)},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"category": rule.category, "severity": rule.severity.value, "tags": [rule.category]},
    }


def _help_text(rule: Rule) -> str:
    return _help(rule, f"{rule.doc.title}", ("Why: ", "Bad: ", "Good: ", "Known limits: "), str, "\n")


def _code(s: str) -> str:
    """A Markdown code span that survives backticks and line breaks in the example."""
    s = s.replace("\n", "⏎")
    fence = "``" if "`" in s else "`"
    return f"{fence} {s} {fence}" if fence == "``" else f"`{s}`"


def _help_markdown(rule: Rule) -> str:
    labels = ("*Why it matters:* ", "*Bad:* ", "*Good:* ", "*Known limits:* ")
    return _help(rule, f"**{rule.code} {rule.name}**: {rule.doc.title}", labels, _code, "\n\n")


def _help(rule: Rule, title: str, labels: tuple[str, str, str, str], example: Callable[[str], str], sep: str) -> str:
    """A rule's documentation as one text: title, why, bad and good examples, known limits (plain or Markdown)."""
    d = rule.doc
    why, bad, good, limits = labels
    parts = [title]
    if d.why:
        parts.append(why + d.why)
    parts += [bad + example(ex.target) for ex in d.bad]
    parts += [good + example(ex.target) for ex in d.good]
    if d.limits:
        parts.append(limits + d.limits)
    return sep.join(parts)


def _message(f: Finding) -> str:
    return f"{f.message} (suggestion: {f.suggestion})" if f.suggestion else f.message


def _location(r: Result, side: str, loc: Location, excerpt: str) -> dict[str, Any]:
    doc = r.document
    logical: list[dict[str, Any]] = [{"name": doc.id, "fullyQualifiedName": f"{doc.id}/{side}", "kind": "document"}]
    if loc.unit is not None:
        logical.append({"name": loc.unit, "fullyQualifiedName": f"{doc.id}/{side}/{loc.unit}", "kind": "element"})
    out: dict[str, Any] = {"logicalLocations": logical}
    if loc.path is None:
        return out
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri(loc.path)}}
    if loc.exact:
        physical["region"] = {
            "startLine": loc.line,
            "startColumn": loc.column,
            "endLine": loc.end_line,
            "endColumn": loc.end_column,
            "charOffset": loc.offset,
            "charLength": loc.length,
            "snippet": {"text": excerpt},
        }
    elif loc.anchor_line is not None:
        physical["region"] = {"startLine": loc.anchor_line}
    out["physicalLocation"] = physical
    return out


def _result(r: Result, f: Finding, rule_index: int, occurrence: int) -> dict[str, Any]:
    doc = r.document
    where = finding_location(doc, f)
    loc = _location(r, f.side, where, f.excerpt)
    props: dict[str, Any] = {
        "category": f.category,
        "severity": f.severity.value,
        "document": doc.id,
        "side": f.side,
        "excerpt": f.excerpt,
    }
    if f.suggestion is not None:
        props["suggestion"] = f.suggestion
    if where.unit is not None:
        props["unit"] = where.unit
    if not where.exact:  # the article or unit is not a file of its own: say where in it
        region = {"startLine": where.line, "startColumn": where.column, "endLine": where.end_line,
                  "endColumn": where.end_column, "charOffset": where.offset, "charLength": where.length}
        props["unitRegion" if where.unit is not None else "articleRegion"] = region
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": LEVEL[f.severity],
        "message": {"text": _message(f)},
        "locations": [loc],
        # the same key the baseline matches on, so code scanning tracks a finding across edits elsewhere
        "partialFingerprints": {"qaFinding/v1": _fingerprint(doc.id, f, occurrence)},
        "properties": props,
    }
    if f.related:
        out["relatedLocations"] = [
            {
                "id": i + 1,
                "message": {"text": f"{rel['rule']}: {rel['message']}" if "rule" in rel else f"related {rel['side']} text"},
                **_location(r, rel["side"], related_location(doc, rel), rel["excerpt"]),
            }
            for i, rel in enumerate(f.related)
        ]
    return out


def _fingerprint(doc_id: str, f: Finding, occurrence: int) -> str:
    key = "\x1f".join((doc_id, f.rule, f.excerpt, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _notifications(report: Report) -> list[dict[str, Any]]:
    notes: list[dict[str, Any]] = []
    for r in report.results:
        if r.error is not None:
            notes.append({"level": "error", "message": {"text": r.error}})
        for e in r.rule_errors:
            notes.append({"level": "error", "message": {"text": f"rule {e.rule} failed on {r.document.id}: {e.message}"},
                          "associatedRule": {"id": e.rule}})
    return notes
