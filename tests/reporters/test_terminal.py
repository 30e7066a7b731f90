"""The terminal report for an editor with a list of articles: names, --quiet, reading order, lines to delete, no wrapping.

Goldens in ``tests/reporters/golden/`` (``QA_UPDATE_GOLDEN=1`` rewrites
them, as in ``test_golden``), rendered from ``tests/data/corpus/editor.jsonl``:
a passing article, one with page chrome, a duplicate and a missing space
(findings of three kinds in reading order, the lines to delete at the
end), and one with an untranslated "i".
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console

from qa.report import Report
from qa.reporters.terminal import Stream, render
from qa.scoring import Policy
from qa.model import Severity

from test_golden import GOLDEN, UPDATE, normalise  # the golden files' folder and habits

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus" / "editor.jsonl"


@pytest.fixture(scope="module")
def corpus(build_report) -> Report:  # type: ignore[no-untyped-def]
    return build_report([CORPUS])


def _check(name: str, text: str) -> None:
    path = GOLDEN / name
    text = normalise(text)
    if UPDATE or not path.exists():
        path.write_text(text, encoding="utf-8", newline="")
        if not UPDATE:
            pytest.fail(f"{name} was missing and has been written: review it and run again")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs; if intended: QA_UPDATE_GOLDEN=1 python -m pytest tests/reporters"


@pytest.mark.parametrize("quiet", [False, True], ids=["all", "quiet"])
def test_corpus_golden(corpus: Report, quiet: bool) -> None:
    out = io.StringIO()
    render(corpus, out, quiet=quiet)
    _check(f"corpus{'-quiet' if quiet else ''}.txt", out.getvalue())


def test_documents_are_named_by_id_and_file_and_quiet_shows_only_failures(corpus: Report) -> None:
    out = io.StringIO()
    render(corpus, out)
    headers = [line for line in out.getvalue().splitlines() if line.startswith((" PASS", " FAIL"))]
    assert [h.split()[1:3] for h in headers] == [
        ["belgrade-talks-001", "tests/data/corpus/editor.jsonl:1"],
        ["budget-chrome-002", "tests/data/corpus/editor.jsonl:2"],
        ["school-003", "tests/data/corpus/editor.jsonl:3"],
    ]
    quiet = io.StringIO()
    render(corpus, quiet, quiet=True)
    assert "belgrade-talks-001" not in quiet.getvalue() and "school-003" in quiet.getvalue()
    assert "1 passing document not shown (--quiet)" in quiet.getvalue() and "qa summary" in quiet.getvalue()


def test_findings_in_reading_order_and_the_lines_to_delete(corpus: Report) -> None:
    out = io.StringIO()
    render(corpus, out)
    section = out.getvalue().split(" FAIL  budget-chrome-002")[1].split(" FAIL ")[0]
    rows = [line.split() for line in section.splitlines() if re.match(r"^    \d+:\d+ ", line)]
    places = [tuple(map(int, row[0].split(":"))) for row in rows]
    assert places == sorted(places) and len(places) == 5
    assert [row[1] for row in rows] == ["major", "minor", "major", "major", "major"]  # not grouped by severity
    assert "  to delete: lines 1, 4-6 (page chrome and repeated text)" in section


def test_the_score_line_says_what_the_number_means_and_where_the_limit_is(corpus: Report) -> None:
    out = io.StringIO()
    render(corpus, out, policy=Policy(fail_on=Severity.CRITICAL, threshold=8.5))
    assert "score 64.84 = penalty per 100 words, lower is better; fails at 8.5 or on a critical+ finding" in out.getvalue()


def test_no_wrapping_into_a_file_or_pipe(seed_report: Report) -> None:
    out = io.StringIO()
    render(seed_report, out)
    lines = out.getvalue().splitlines()
    long = [line for line in lines if "QA701" in line]
    # one finding, one line: the whole message is on the finding's line
    assert long and all(len(line) > 120 and line.endswith(")") for line in long)
    assert any(line.endswith("through the ages)") for line in long)


def test_colours_by_severity_on_a_terminal(corpus: Report) -> None:
    out = io.StringIO()
    stream = Stream(out, width=200)
    stream.console = Console(file=out, width=200, force_terminal=True, color_system="standard", highlight=False)
    for r in corpus.results:
        stream.document(r)
    text = out.getvalue()
    assert "\x1b[1;31m major " in text and "\x1b[33m minor " in text  # bold red majors, yellow minors
