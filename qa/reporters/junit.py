"""JUnit XML for CI test tabs (GitLab, Jenkins, Azure DevOps): a suite per input file, a test case per document.

A failed document is a ``<failure>`` whose text lists its findings, one per
line, worst first; an unreadable document or a crashed rule is an
``<error>``. A passing document's findings (below the fail-on severity) are
in its ``<system-out>``. A finding in a translation unit names it
(``unit t2 1:15``). Article text is made XML-safe: control characters
become visible escapes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO

from qa import __version__
from qa.result import Result
from qa.model import Severity
from qa.report import Report
from qa.reporters.escaping import xml_safe
from qa.reporters.locations import finding_location, label, where

_ORDER = (Severity.CRITICAL, Severity.MAJOR, Severity.MINOR, Severity.INFO)


def counts(r: Result) -> str:
    parts = [f"{sum(1 for f in r.findings if f.severity is s)} {s.value}" for s in _ORDER]
    return ", ".join(p for p in parts if not p.startswith("0 ")) or "no findings"


def verdict(r: Result) -> str:
    return f"score {r.score.per_100_words:.2f} per 100 words (penalty {r.score.penalty:g}, {r.words} words); {counts(r)}"


def finding_lines(r: Result) -> str:
    lines = []
    for f in sorted(r.findings, key=lambda f: (-f.severity.rank, f.side != "target", f.start)):
        where_ = label(finding_location(r.document, f), f.side)
        line = f"{where_} {f.rule} {f.name} [{f.severity.value}, {f.category}] {f.message}"
        if f.suggestion:
            line += f" (suggestion: {f.suggestion})"
        excerpt = f.excerpt if len(f.excerpt) <= 120 else f.excerpt[:100] + " … " + f.excerpt[-15:]
        lines.append(line + "\n    " + excerpt.replace("\n", "⏎"))
    return "\n".join(lines)


def _suite_name(r: Result) -> str:
    return r.document.path or "stdin"


def render(report: Report, out: TextIO) -> None:
    suites: dict[str, list[Result]] = {}
    for r in report.results:
        suites.setdefault(_suite_name(r), []).append(r)
    root = ET.Element("testsuites", name="qa")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for name, results in suites.items():
        failures = sum(1 for r in results if r.error is None and not r.rule_errors and not r.passed)
        errors = sum(1 for r in results if r.error is not None or r.rule_errors)
        suite = ET.SubElement(root, "testsuite", name=xml_safe(name), tests=str(len(results)),
                              failures=str(failures), errors=str(errors), skipped="0", time="0")
        props = ET.SubElement(suite, "properties")
        ET.SubElement(props, "property", name="qa.version", value=__version__)
        for key, value in (("tests", len(results)), ("failures", failures), ("errors", errors)):
            totals[key] += value
        for r in results:
            _case(suite, name, r)
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("time", "0")
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")


def _case(suite: ET.Element, suite_name: str, r: Result) -> None:
    doc = r.document
    case = ET.SubElement(suite, "testcase", name=xml_safe(doc.id),
                         classname=xml_safe(f"qa.{suite_name}"), time="0")
    w = where(doc)
    if w.path is not None:
        case.set("file", xml_safe(w.path))
    if w.record_line is not None:
        case.set("line", str(w.record_line))
    if r.error is not None:
        ET.SubElement(case, "error", message=xml_safe(r.error), type="input").text = xml_safe(r.error)
        return
    for e in r.rule_errors:
        text = f"rule {e.rule} failed: {e.message}"
        ET.SubElement(case, "error", message=xml_safe(text), type="rule").text = xml_safe(text)
    if not r.passed and not r.rule_errors:
        worst = max((f.severity for f in r.findings), key=lambda s: s.rank, default=None)
        failure = ET.SubElement(case, "failure", message=xml_safe(f"FAIL: {verdict(r)}"),
                                type=worst.value if worst else "threshold")
        failure.text = xml_safe(finding_lines(r))
    elif r.findings:
        ET.SubElement(case, "system-out").text = xml_safe(f"PASS: {verdict(r)}\n{finding_lines(r)}")
