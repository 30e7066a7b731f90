"""The command line: exit codes, --exit-zero, --fail-on, --output in every format, errors on stderr, progress."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from qa.cli import main
from qa.result import Result
from qa.model import Document
from qa.reporters import FORMATS
from qa.reporters.progress import Progress

ROOT = Path(__file__).resolve().parent.parent
SEED = str(ROOT / "corpora" / "seed" / "000_e95d2a5f9d54e8aa.txt")


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_failing_document_exits_1_and_exit_zero_exits_0() -> None:
    assert run("check", SEED, "--source-lang", "sr", "--format", "json")[0] == 1
    assert run("check", SEED, "--source-lang", "sr", "--format", "json", "--exit-zero")[0] == 0


def test_fail_on_and_threshold_decide_the_verdict() -> None:
    code, out, _ = run("check", SEED, "--source-lang", "sr", "--format", "json", "--fail-on", "critical", "--threshold", "100")
    assert code == 0 and json.loads(out)["documents"][0]["passed"] is True
    code, out, _ = run("check", SEED, "--source-lang", "sr", "--format", "json", "--fail-on", "critical", "--threshold", "1")
    assert code == 1


def test_bad_fail_on_is_a_usage_error() -> None:
    code, _, err = run("check", SEED, "--fail-on", "fatal")
    assert code == 2 and "unknown severity 'fatal'" in err


def test_missing_input_exits_2_with_a_message_on_stderr(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    code, out, err = run("check", missing, "--format", "json")
    assert code == 2
    assert "missing.txt" in err and err.startswith("qa: error:")
    assert json.loads(out)["summary"]["errors"] == 1  # the report still accounts for it
    assert run("check", missing, "--exit-zero")[0] == 2  # --exit-zero does not hide input errors


def test_unknown_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run("check", SEED, "--format", "pdf")
    assert code == 2 and "invalid choice: 'pdf'" in capsys.readouterr().err  # argparse writes to sys.stderr


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_writes_every_format_to_a_file(fmt: str, tmp_path: Path) -> None:
    target = tmp_path / f"report.{fmt}"
    code, out, _ = run("check", SEED, "--source-lang", "sr", "--format", fmt, "--output", str(target))
    assert code == 1 and out == ""
    assert target.read_text(encoding="utf-8").strip()


def test_unwritable_output_exits_2(tmp_path: Path) -> None:
    code, _, err = run("check", SEED, "--output", str(tmp_path / "no" / "such" / "dir" / "r.json"), "--format", "json")
    assert code == 2 and "cannot write report" in err


def test_no_progress_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "target": "One fine line."}\n{"id": "b", "target": "Another fine line."}\n', encoding="utf-8")
    code, _, err = run("check", str(corpus), "--format", "json", "--jobs", "1")
    assert code == 0 and err == ""


def test_progress_shows_from_the_second_document_and_logs_through_it() -> None:
    stream = io.StringIO()
    done = Result(document=Document(id="x", target="t"), passed=True)
    with Progress(stream, enabled=True) as progress:
        progress.advance(done)
        assert progress._live is None  # one document: no progress
        progress.advance(done)
        progress.log("qa: error: something")
    text = stream.getvalue()
    assert "checked 2 documents, 0 failed" in text and "qa: error: something" in text


def test_output_file_is_named_on_stderr(tmp_path: Path) -> None:
    target = tmp_path / "r.html"
    code, out, err = run("check", SEED, "--source-lang", "sr", "--format", "html", "-o", str(target), "--no-config")
    assert out == "" and f"qa: wrote the html report of 1 document to {target}" in err


def test_quiet_leaves_out_passing_documents(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "fine", "target": "One fine line."}\n{"id": "bad", "target": "Pratite nas, Twitter i Viber."}\n',
                      encoding="utf-8")
    code, out, _ = run("check", str(corpus), "--quiet", "--no-config", "-j", "1", "--source-lang", "sr")
    assert code == 1 and "bad" in out and " fine " not in out and "1 passing document not shown" in out


def test_rules_show_where_a_severity_is_set_per_table_entry() -> None:
    code, out, _ = run("rules")
    rows = {line.split()[0]: line for line in out.splitlines() if line.strip().startswith("QA")}
    assert "by entry" in rows["QA701"] and "by entry" in rows["QA702"] and "by entry" not in rows["QA101"]
    code, out, _ = run("rules", "--format", "json")
    listed = {r["code"]: r for r in json.loads(out)}
    assert set(listed["QA701"]["severity_by_entry"]) >= {"minor", "major"} and "severity_by_entry" not in listed["QA101"]


def test_progress_is_a_bar_when_the_total_is_known() -> None:
    stream = io.StringIO()
    done = Result(document=Document(id="x", target="t"), passed=True)
    with Progress(stream, enabled=True) as progress:
        progress.total = 3
        progress.advance(done)
        progress.advance(done)
        progress._live.refresh()
    assert "2/3" in stream.getvalue()


def test_count_documents_counts_corpus_lines_and_files(tmp_path: Path) -> None:
    from qa.io.loader import count_documents

    (tmp_path / "a.jsonl").write_text('{"target": "x"}\n{"target": "y"}\n{"target": "z"}', encoding="utf-8")
    (tmp_path / "b.txt").write_text("Text.", encoding="utf-8")
    assert count_documents([str(tmp_path)]) == 4
    assert count_documents(["-"]) is None


EXAMPLE = ROOT / "tests" / "data" / "example"


def _metrics_of(*flags: str) -> tuple[int, dict, str]:
    code, out, err = run("check", str(EXAMPLE / "target.txt"), "--reference", str(EXAMPLE / "reference.txt"),
                         "--format", "json", "--no-config", *flags)
    return code, (json.loads(out)["documents"][0]["metrics"] if out else {}), err


def test_metrics_option_chooses_the_document_metrics() -> None:
    _, every, _ = _metrics_of()
    assert list(every) == ["bleu", "chrf", "ter"]
    _, chosen, _ = _metrics_of("--metrics", "bleu,chrf")
    assert chosen == {k: every[k] for k in ("bleu", "chrf")}
    _, repeated, _ = _metrics_of("--metrics", "chrf", "--metrics", "bleu")  # repeatable, like --select
    assert repeated == chosen
    assert _metrics_of("--metrics", "none")[1] == {}


def test_metrics_option_leaves_findings_and_verdict_alone() -> None:
    _, full, _ = run("check", str(EXAMPLE / "target.txt"), "--reference", str(EXAMPLE / "reference.txt"), "--format", "json", "--no-config")
    _, none, _ = run("check", str(EXAMPLE / "target.txt"), "--reference", str(EXAMPLE / "reference.txt"), "--format", "json", "--no-config",
                     "--metrics", "none")
    full_doc, none_doc = json.loads(full)["documents"][0], json.loads(none)["documents"][0]
    assert full_doc["metrics"] and not none_doc["metrics"]
    full_doc["metrics"] = none_doc["metrics"] = {}
    assert full_doc == none_doc


@pytest.mark.parametrize(
    "value, message",
    [("bleu,bertscore", "--metrics: unknown metric 'bertscore'"), ("none,ter", "--metrics: none cannot be combined"), (",", "--metrics: no metric named")],
)
def test_bad_metrics_option_is_a_usage_error(value: str, message: str) -> None:
    code, out, err = _metrics_of("--metrics", value)
    assert code == 2 and out == {}
    assert err.startswith(f"qa: error: {message}") and "Traceback" not in err
