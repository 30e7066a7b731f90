"""What each format promises, checked on the rendered output: SARIF validates, JUnit parses, GitHub lines are well formed."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from qa.result import Result
from qa.model import Document, Finding, Severity
from qa.report import Report
from qa.reporters import FORMATS, get_renderer
from qa.reporters.github import escape_data, escape_property
from qa.scoring import Score

DATA = Path(__file__).resolve().parent.parent / "data"
SARIF_SCHEMA = DATA / "sarif-schema-2.1.0.json"
REPORT_SCHEMA = json.loads(resources.files("qa").joinpath("schema/qa-report-1.schema.json").read_text(encoding="utf-8"))


def render(report: Report, fmt: str) -> str:
    out = io.StringIO()
    get_renderer(fmt)(report, out)
    return out.getvalue()


def findings(report: Report) -> list[Finding]:
    return [f for r in report.results for f in r.findings]


def hostile_report() -> Report:
    """An article whose text and finding carry everything that could break a format."""
    text = 'Lead\n<script>alert(1)</script> 100% a,b: c | `x` *y* & "z"\x1b[31m\n'
    start = text.index("<script>")
    f = Finding(rule="QA999", name="test-rule", category="other", severity=Severity.MINOR, side="target",
                start=start, end=len(text) - 1, line=2, column=1, end_line=2, end_column=len(text) - start,
                excerpt=text[start:-1], message="bad: 50%,\nnext <b>line</b>", suggestion="a|b")
    doc = Document(id="hostile,id:1", target=text, path="dir,with:odd%/a.txt")
    return Report([Result(document=doc, findings=[f], words=9, score=Score(1.0, 11.1), passed=False)])


def test_get_renderer_knows_every_format() -> None:
    for fmt in FORMATS:
        assert callable(get_renderer(fmt))
    with pytest.raises(ValueError, match="unknown format"):
        get_renderer("pdf")


# SARIF

def test_sarif_validates_against_the_official_schema(reports: dict[str, Report]) -> None:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    for report in (*reports.values(), hostile_report(), Report()):
        errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(json.loads(render(report, "sarif")))]
        assert not errors, errors[:5]


def test_sarif_results_carry_rule_level_region_and_mqm_properties(seed_report: Report) -> None:
    sarif = json.loads(render(seed_report, "sarif"))
    run = sarif["runs"][0]
    assert sarif["version"] == "2.1.0" and run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert all(r["help"]["text"] and r["shortDescription"]["text"] and r["name"] for r in rules)
    level = {"critical": "error", "major": "error", "minor": "warning", "info": "note"}
    fs = findings(seed_report)
    assert len(run["results"]) == len(fs) > 0
    for res, f in zip(run["results"], fs):
        assert res["ruleId"] == f.rule and rules[res["ruleIndex"]]["id"] == f.rule
        assert res["level"] == level[f.severity.value]
        assert res["message"]["text"].startswith(f.message)
        region = res["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (
            f.line, f.column, f.end_line, f.end_column)
        assert (region["charOffset"], region["charLength"]) == (f.start, f.end - f.start)
        assert res["properties"]["category"] == f.category and res["properties"]["severity"] == f.severity.value
    assert len({res["partialFingerprints"]["qaFinding/v1"] for res in run["results"]}) == len(fs)


# JUnit

def test_junit_parses_with_a_case_per_document_and_a_failure_listing_findings(reports: dict[str, Report]) -> None:
    for report in (*reports.values(), hostile_report()):
        root = ET.fromstring(render(report, "junit"))
        cases = root.findall("testsuite/testcase")
        assert len(cases) == len(report.results)
        assert int(root.get("failures", "0")) == sum(1 for r in report.results if not r.passed)
        for case, r in zip(cases, report.results):
            failure = case.find("failure")
            assert (failure is not None) == (not r.passed)
            if failure is not None:
                assert all(f.rule in (failure.text or "") for f in r.findings)


# GitHub

_LINE = re.compile(
    r"^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=QA\d{3} [a-z0-9-]+::[^\r\n]+$"
)


_UNIT_LINE = re.compile(r"^::(error|warning|notice) file=[^,:]+,line=\d+,title=QA\d{3} [a-z0-9-]+::\S+ unit \S+ target \d+:\d+: [^\r\n]+$")


def test_github_one_well_formed_line_per_finding(reports: dict[str, Report]) -> None:
    for name, report in reports.items():
        lines = render(report, "github").splitlines()
        assert len(lines) == len(findings(report))
        for line, f in zip(lines, findings(report)):
            assert (_UNIT_LINE if name == "units" else _LINE).match(line), line
            assert line.startswith("::" + {"critical": "error", "major": "error", "minor": "warning", "info": "notice"}[f.severity.value])


def test_github_escapes_properties_and_message() -> None:
    assert escape_data("50%\r\nx") == "50%25%0D%0Ax"
    assert escape_property("a,b:c%") == "a%2Cb%3Ac%25"
    (line,) = render(hostile_report(), "github").splitlines()
    assert line.startswith("::warning file=dir%2Cwith%3Aodd%25/a.txt,line=2,")
    assert line.endswith("::bad: 50%25,%0Anext <b>line</b> (suggestion: a|b)")


# JSON Lines

def test_jsonl_is_one_schema_valid_document_a_line(reports: dict[str, Report]) -> None:
    doc_schema = {"$schema": REPORT_SCHEMA["$schema"], "$defs": REPORT_SCHEMA["$defs"], "$ref": "#/$defs/document"}
    for report in reports.values():
        lines = render(report, "jsonl").splitlines()
        assert len(lines) == len(report.results)
        for line, r in zip(lines, report.results):
            doc = json.loads(line)
            jsonschema.validate(doc, doc_schema)
            assert doc["id"] == r.document.id and len(doc["findings"]) == len(r.findings)


# Markdown

def test_markdown_escapes_article_text() -> None:
    md = render(hostile_report(), "markdown")
    assert "<script>" not in md and "&lt;script&gt;" in md
    row = next(line for line in md.splitlines() if "QA999" in line)
    assert row.count(" | ") == 5, row  # the excerpt's "|" cannot add a column
    assert "\x1b" not in md


def test_markdown_lists_verdict_score_and_worst_findings(seed_report: Report) -> None:
    md = render(seed_report, "markdown")
    r = seed_report.results[0]
    assert f"{r.score.per_100_words:.2f}" in md and "❌ fail" in md
    worst = max(findings(seed_report), key=lambda f: f.severity.rank)
    assert worst.rule in md


# HTML (structure; the browser test is in test_html_browser.py)

class _Marks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.marked: set[str] = set()
        self.rows: list[str] = []
        self.scripts = 0
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("data-findings"):
            self.marked.update((a["data-findings"] or "").split())
        if a.get("data-finding"):
            self.rows.append(a["data-finding"] or "")
        self.scripts += tag == "script"
        self.external += [v for k, v in attrs if k in ("src", "href") and v and not v.startswith("#")]


@pytest.mark.parametrize("name", ["seed", "example", "units", "markup"])
def test_html_marks_every_finding_and_loads_nothing(reports: dict[str, Report], name: str) -> None:
    page = _Marks()
    page.feed(render(reports[name], "html"))
    assert len(page.rows) == len(findings(reports[name]))
    assert page.marked == set(page.rows)
    assert page.scripts == 1 and page.external == []


def test_html_escapes_article_text() -> None:
    html = render(hostile_report(), "html")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "\x1b" not in html and "\\x1b" in html


def test_html_shows_source_and_reference_beside_the_target(example_report: Report) -> None:
    html = render(example_report, "html")
    row = re.search(r"<tr><td class=\"para\" data-side=\"source\">Vlada Srbije.*?</tr>", html)
    assert row and 'data-side="target">The' in row.group() and 'data-side="reference">The Serbian' in row.group()


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_error_document_and_an_empty_report_render(fmt: str) -> None:
    failed = Result(document=Document.failed("gone", "gone.txt: no such file", path="gone.txt"))
    assert render(Report([failed]), fmt) is not None
    assert render(Report(), fmt) is not None


def test_corpus_records_point_at_their_line(build_report, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        '{"id": "ok", "target": "A clean headline\\n\\nThe talks went well, the minister said."}\n'
        '{"id": "bad", "target": "A headline\\n\\nFollow us on Facebook, Twitter i Viber for more news.", "source_lang": "sr"}\n',
        encoding="utf-8",
    )
    report = build_report([corpus])
    fs = findings(report)
    assert fs
    for line in render(report, "github").splitlines():
        assert ",line=2,title=" in line and ":: bad target " not in line and "::bad target 3:" in line
    sarif = json.loads(render(report, "sarif"))
    for res in sarif["runs"][0]["results"]:
        assert res["locations"][0]["physicalLocation"]["region"] == {"startLine": 2}
        assert res["properties"]["articleRegion"]["startLine"] == 3


# translation units and extracted text: every format says where, in the file or the unit


def test_every_format_names_the_unit_of_each_finding(units_report: Report) -> None:
    units = [(r.document.id, f.rule, r.document.unit_at(f.side, f.start).id) for r in units_report.results for f in r.findings]  # type: ignore[union-attr]
    assert ("article", "QA101", "signing") in units and ("article", "QA801", "amount") in units
    report = json.loads(render(units_report, "json"))
    jsonschema.validate(report, REPORT_SCHEMA)
    assert [(f["rule"], f["unit"]) for d in report["documents"] for f in d["findings"]] == [(rule, unit) for _, rule, unit in units]
    sarif = json.loads(render(units_report, "sarif"))
    for result, (_, _, unit) in zip(sarif["runs"][0]["results"], units):
        assert result["properties"]["unit"] == unit
        assert result["locations"][0]["logicalLocations"][1] == {
            "name": unit, "fullyQualifiedName": f"{result['properties']['document']}/target/{unit}", "kind": "element"
        }
        assert result["properties"]["unitRegion"]["startLine"] == 1
        assert "startLine" in result["locations"][0]["physicalLocation"]["region"]  # the unit's line in the file
    for fmt in ("junit", "github", "markdown", "html", "terminal"):
        text = render(units_report, fmt)
        assert all(f"unit {unit}" in text for _, _, unit in units), fmt


def test_html_and_markdown_findings_point_into_the_file_in_every_format(markup_report: Report) -> None:
    [result] = markup_report.results
    [finding] = [f for f in result.findings if f.rule == "QA101"]
    report = json.loads(render(markup_report, "json"))
    jsonschema.validate(report, REPORT_SCHEMA)
    [placed] = [f for f in report["documents"][0]["findings"] if f["rule"] == "QA101"]
    assert (placed["line"], placed["column"], placed["start"]) == (13, 27, finding.start)  # start indexes the text, line the file
    sarif = json.loads(render(markup_report, "sarif"))
    [region] = [r["locations"][0]["physicalLocation"]["region"] for r in sarif["runs"][0]["results"] if r["ruleId"] == "QA101"]
    html_file = (DATA / "formats" / "article.html").read_text(encoding="utf-8")
    assert html_file[region["charOffset"] : region["charOffset"] + region["charLength"]] == "i"
    assert (region["startLine"], region["startColumn"]) == (13, 27)
    assert "line=13,col=27" in render(markup_report, "github")


def test_a_docx_position_is_a_paragraph_not_a_region_of_the_file(build_report) -> None:  # type: ignore[no-untyped-def]
    report = build_report([DATA / "formats" / "article.docx"], source=DATA / "formats" / "article.sr.docx")
    sarif = json.loads(render(report, "sarif"))
    [result] = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "QA101"]
    assert "region" not in result["locations"][0]["physicalLocation"]
    assert (result["properties"]["articleRegion"]["startLine"], result["properties"]["articleRegion"]["startColumn"]) == (2, 7)
    assert "file=tests/data/formats/article.docx,line=" not in render(report, "github")
