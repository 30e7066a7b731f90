"""Baselines: recorded findings are not reported again, matched by document, rule and excerpt with counts."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from qa.baseline import Baseline, BaselineError
from qa.cli import main
from qa.config import Config
from qa.engine import Engine
from qa.result import Result
from qa.model import Document
from qa.scoring import Policy

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpora" / "seed" / "000_e95d2a5f9d54e8aa.txt"
FOOTER = "Follow us on Facebook,Twitter i Viber."


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(Config(source_lang="sr"))


def check(engine: Engine, text: str, doc_id: str = "seed") -> Result:
    return engine.check(Document(id=doc_id, target=text, source_lang="sr"))


def roundtrip(b: Baseline, tmp_path: Path) -> Baseline:
    path = tmp_path / "baseline.json"
    b.write(path)
    assert json.loads(path.read_text(encoding="utf-8"))["schema"] == "qa-baseline/1"
    return Baseline.load(path)


def test_baselined_findings_are_removed_and_the_document_rescored(engine: Engine, tmp_path: Path) -> None:
    before = check(engine, SEED.read_text(encoding="utf-8"))
    assert before.findings and not before.passed
    baseline = roundtrip(Baseline.of([before]), tmp_path)
    after, removed = baseline.filter(before, Policy())
    assert removed == len(before.findings) and after.findings == []
    assert after.passed and after.score.penalty == 0
    assert baseline.unmatched == 0


def test_edits_elsewhere_do_not_resurrect_old_findings(engine: Engine) -> None:
    text = SEED.read_text(encoding="utf-8")
    baseline = Baseline.of([check(engine, text)])
    edited = "An editor's new opening paragraph, which shifts every offset.\n\n" + text.replace("Pyongyang has", "Pyongyang had")
    after, _ = baseline.filter(check(engine, edited), Policy())
    assert after.findings == [] and after.passed


def test_counts_make_a_second_identical_finding_new(engine: Engine) -> None:
    text = SEED.read_text(encoding="utf-8")
    baseline = Baseline.of([check(engine, text)])
    doubled = check(engine, text + "\n\n" + FOOTER)
    after, removed = baseline.filter(doubled, Policy())
    assert removed == len(check(engine, text).findings)
    assert "QA101" in {f.rule for f in after.findings}
    assert all(f.line == text.count("\n") + 3 for f in after.findings)  # only the new copy of the footer
    assert not after.passed


def test_findings_of_another_document_are_not_matched(engine: Engine) -> None:
    text = SEED.read_text(encoding="utf-8")
    baseline = Baseline.of([check(engine, text, "a")])
    after, removed = baseline.filter(check(engine, text, "b"), Policy())
    assert removed == 0 and after.findings


@pytest.mark.parametrize(
    "content, message",
    [
        ("not json", "not a baseline file"),
        ('{"schema": "other", "findings": []}', "not a qa-baseline/1 file"),
        ('{"schema": "qa-baseline/1", "findings": [{"rule": "QA101"}]}', "entry 0 needs"),
        ('{"schema": "qa-baseline/1", "findings": [{"document": "a", "rule": "QA101", "excerpt": "i", "count": 0}]}', "positive"),
    ],
)
def test_a_broken_baseline_file_is_an_error_naming_it(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError, match=message):
        Baseline.load(path)


def test_cli_writes_then_applies_a_baseline(tmp_path: Path) -> None:
    baseline = tmp_path / "qa-baseline.json"
    out, err = io.StringIO(), io.StringIO()
    assert main(["check", str(SEED), "--source-lang", "sr", "--format", "json", "--write-baseline", str(baseline)], stdout=out, stderr=err) == 0
    recorded = json.loads(baseline.read_text(encoding="utf-8"))
    assert sum(e["count"] for e in recorded["findings"]) == len(json.loads(out.getvalue())["documents"][0]["findings"])
    assert "wrote" in err.getvalue()

    out, err = io.StringIO(), io.StringIO()
    assert main(["check", str(SEED), "--source-lang", "sr", "--format", "json", "--baseline", str(baseline)], stdout=out, stderr=err) == 0
    report = json.loads(out.getvalue())
    assert report["documents"][0]["findings"] == [] and report["summary"]["passed"] == 1
    assert "in the baseline not reported" in err.getvalue()


def test_cli_missing_baseline_exits_2(tmp_path: Path) -> None:
    err = io.StringIO()
    assert main(["check", str(SEED), "--baseline", str(tmp_path / "none.json")], stdout=io.StringIO(), stderr=err) == 2
    assert "none.json: cannot read baseline" in err.getvalue()


def test_a_baseline_with_worker_processes_reports_no_baselined_finding(tmp_path: Path) -> None:
    """Workers render streamed JSON as they check; with a baseline that text would still show the
    findings the baseline removes, so it must not be what is written."""
    corpus = tmp_path / "corpus.jsonl"
    text = SEED.read_text(encoding="utf-8")
    corpus.write_text("".join(json.dumps({"id": f"d{i}", "target": text, "source_lang": "sr"}) + "\n" for i in range(3)), encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    args = ["check", str(corpus), "--format", "json", "--jobs", "2"]
    assert main([*args, "--write-baseline", str(baseline)], stdout=io.StringIO(), stderr=io.StringIO()) == 0
    out = io.StringIO()
    assert main([*args, "--baseline", str(baseline)], stdout=out, stderr=io.StringIO()) == 0
    assert [d["findings"] for d in json.loads(out.getvalue())["documents"]] == [[], [], []]
