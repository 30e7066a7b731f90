"""benchmarks/mqm.py on a tiny hand-made MQM file: spans, the error-free definition, the halves, the scoring.

The fixture is written here in the data's own format (one row per rater
error, ``<v>`` tags marking the span), so the parsing and the arithmetic are
checked against figures worked out by hand, not against the benchmark's output.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import mqm  # noqa: E402

import qa  # noqa: E402

HEADER = "system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity\n"


def _row(system: str, doc: str, i: int, rater: str, source: str, target: str, category: str, severity: str) -> str:
    return "\t".join([system, doc, str(i), str(i), rater, source, target, category, severity]) + "\n"


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    rows = [HEADER]
    for rater in ("r1", "r2", "r3"):  # segment 1: three raters, no error
        rows.append(_row("Sys.1", "doc-a", 1, rater, "他来了。", "He came.", "no-error", "no-error"))
    # segment 2: one rater marks a punctuation error at "came ."; the others see none
    rows.append(_row("Sys.1", "doc-a", 2, "r1", "她走了。", "She went<v> .</v>", "Fluency/Punctuation", "Minor"))
    rows.append(_row("Sys.1", "doc-a", 2, "r2", "她走了。", "She went .", "no-error", "no-error"))
    rows.append(_row("Sys.1", "doc-a", 2, "r3", "她走了。", "She went .", "no-error", "no-error"))
    # segment 3: only two raters left, both saying no error: neither error-free nor erroneous
    rows.append(_row("Sys.1", "doc-a", 3, "r1", "好。", "Good.", "no-error", "no-error"))
    rows.append(_row("Sys.1", "doc-a", 3, "r2", "好。", "Good.", "no-error", "no-error"))
    # an omission marked in the source
    rows.append(_row("Sys.1", "doc-b", 1, "r1", "<v>今天</v>下雨。", "It rains.", "Accuracy/Omission", "Major"))
    path = tmp_path / mqm.FILE
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.writelines(rows)
    return tmp_path


def test_load_spans_and_error_free(data: Path) -> None:
    arts = mqm.load(data)
    a = arts[("Sys.1", "doc-a")]
    assert [s.target for s in a] == ["He came.", "She went .", "Good."]
    assert [s.error_free for s in a] == [True, False, False]
    assert [s.has_error for s in a] == [False, True, False]
    span = a[1].spans[0]
    assert (span.side, span.start, span.end) == ("target", 8, 10)
    assert a[1].target[span.start : span.end] == " ."
    b = arts[("Sys.1", "doc-b")][0]
    assert (b.spans[0].side, b.spans[0].start, b.spans[0].end) == ("source", 0, 2)
    assert b.source == "今天下雨。"


def test_halves_are_stable_and_split_by_document() -> None:
    assert mqm.half_of("xinhua-zh-01.6565") == mqm.half_of("xinhua-zh-01.6565")
    names = [f"doc-{i}" for i in range(200)]
    dev = sum(mqm.half_of(n) == "dev" for n in names)
    assert 70 < dev < 130


def _finding(start: int, end: int, severity: str, side: str = "target") -> qa.Finding:
    return qa.Finding(rule="QA402", name="space-before-punctuation", category="fluency/punctuation",
                      severity=qa.Severity.parse(severity), side=side, start=start, end=end, line=0, column=0,
                      end_line=0, end_column=0, excerpt="x", message="m")


def test_score_counts_false_alarms_precision_and_recall(data: Path) -> None:
    arts = mqm.articles(mqm.load(data), "source", "all", 1)
    art = next(a for a in arts if a.doc == "doc-a")
    doc = art.document("source")
    second = doc.target.index("She")
    result = qa.Result(document=doc)
    result.findings = [
        _finding(second + 8, second + 10, "minor"),  # on the rater's punctuation span
        _finding(0, 2, "major"),  # in the error-free segment: a false alarm
        _finding(0, 1, "info", side="source"),
    ]
    t = mqm.score([art], [result])
    assert (t.segments, t.error_free, t.with_error) == (3, 1, 1)
    assert t.flagged["info+"] == 1 and t.flagged["major+"] == 1
    assert t.findings["info+"] == 3 and t.findings["minor+"] == 2 and t.findings["major+"] == 1
    assert t.on_span["minor+"] == 1 and t.in_error["minor+"] == 1
    assert t.visible["punctuation"] == 1
    assert t.seen[("punctuation", "minor+")] == 1 and t.seen[("punctuation", "major+")] == 0


def test_reference_mode_leaves_out_the_reference_system(data: Path) -> None:
    loaded = mqm.load(data)
    loaded[(mqm.REFERENCE_SYSTEM, "doc-a")] = loaded[("Sys.1", "doc-a")]
    arts = mqm.articles(loaded, "reference", "all", 1)
    assert [(a.system, a.doc) for a in arts] == [("Sys.1", "doc-a")]
    assert arts[0].reference == "He came.\nShe went .\nGood."


def test_runs_use_the_public_metrics_option_every_rule_and_no_metrics() -> None:
    """The benchmark leaves out sacrebleu's document metrics through the configuration (so worker
    processes get it too), not by patching the engine; the findings are the default configuration's."""
    config = mqm._without_metrics()
    assert config.metrics == () and config.select == () and config.ignore == ()
    doc = qa.Document(id="d", target="He came.\nShe went .", reference="He arrived.\nShe left.", source="他来了。\n她走了。", source_lang="zh")
    plain, bare = qa.Engine().check(doc), qa.Engine(config).check(doc)
    assert plain.metrics and bare.metrics == {}
    assert bare.findings == plain.findings and bare.passed == plain.passed
