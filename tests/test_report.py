"""The qa-report/1 JSON: valid against the shipped schema, summary counts, exit codes."""

from __future__ import annotations

import io
import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

import qa
from qa.cli import main
from qa.report import Report
from qa.reporters.json import report_dict

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpora" / "seed" / "000_e95d2a5f9d54e8aa.txt"
SCHEMA = json.loads(resources.files("qa").joinpath("schema/qa-report-1.schema.json").read_text(encoding="utf-8"))


def run_json(*args: str) -> tuple[int, dict]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", *args, "--format", "json"], stdout=out, stderr=err)
    return code, json.loads(out.getvalue())


def test_seed_report_is_valid_and_locates_every_finding() -> None:
    code, report = run_json(str(SEED), "--source-lang", "sr")
    jsonschema.validate(report, SCHEMA)
    assert code == 1
    doc = report["documents"][0]
    text = SEED.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert doc["id"] == "000_e95d2a5f9d54e8aa" and doc["source_lang"] == "sr" and doc["passed"] is False
    for f in doc["findings"]:
        assert text[f["start"] : f["end"]] == f["excerpt"]
        line_start = sum(len(ln) + 1 for ln in lines[: f["line"] - 1])
        assert line_start + f["column"] - 1 == f["start"]
    counts = report["summary"]["findings"]
    assert sum(counts.values()) == len(doc["findings"])


def test_unreadable_input_is_an_error_entry_and_the_rest_is_checked(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("A clean headline\nThe talks went well, the minister said.\n", encoding="utf-8")
    code, report = run_json(str(good), str(tmp_path / "missing.txt"))
    jsonschema.validate(report, SCHEMA)
    assert code == 2
    assert [d["error"] is None for d in report["documents"]] == [True, False]
    assert "no such file" in report["documents"][1]["error"]
    assert report["summary"]["errors"] == 1 and report["summary"]["passed"] == 1


def test_jsonl_corpus_keeps_order_and_reports_bad_lines(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        "\n".join(
            [
                json.dumps({"id": "a", "target": "Follow us on Facebook, Twitter i Viber.", "source_lang": "sr"}),
                "{not json",
                json.dumps({"id": "c", "source": "x"}),
                json.dumps({"id": "d", "target": 5}),
                json.dumps({"id": "a", "target": "Same id again."}),
                json.dumps({"id": "f", "target": "A clean sentence, the agency said."}),
            ]
        ),
        encoding="utf-8",
    )
    code, report = run_json(str(corpus))
    jsonschema.validate(report, SCHEMA)
    docs = report["documents"]
    assert [d["id"] for d in docs] == ["a", "c:2", "c", "d", "a", "f"]
    assert [d["error"] is not None for d in docs] == [False, True, True, True, True, False]
    assert code == 2
    assert "QA101" in {f["rule"] for f in docs[0]["findings"]}


def test_exit_codes() -> None:
    clean = Report([qa.check("A clean sentence, the agency said.")])
    dirty = Report([qa.check("Follow us on Twitter i Viber.", source_lang="sr")])
    assert clean.exit_code() == 0
    assert dirty.exit_code() == 1
    assert dirty.exit_code(exit_zero=True) == 0


def test_report_dict_has_contract_keys() -> None:
    report = report_dict(Report([qa.check("Twitter i Viber.", source_lang="sr")]))
    assert report["schema"] == "qa-report/1"
    assert report["tool"] == {"name": "qa", "version": qa.__version__}
    jsonschema.validate(report, SCHEMA)


@pytest.mark.parametrize("fmt", ["terminal", "json"])
def test_stdin_is_read(monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO("Twitter i Viber.".encode())))
    out = io.StringIO()
    assert main(["check", "-", "--source-lang", "sr", "--format", fmt], stdout=out, stderr=io.StringIO()) == 1
    assert "QA101" in out.getvalue()


def test_streamed_json_equals_rendered_json_and_holds_nothing() -> None:
    from qa.reporters.json import Stream, render

    results = [qa.check(t, source_lang="sr") for t in ("Twitter i Viber.", "A clean sentence, the agency said.", "")]
    whole = io.StringIO()
    render(Report(results), whole)
    streamed = io.StringIO()
    report = Report(keep=False)
    stream = Stream(streamed)
    for r in results:
        report.add(r)
        stream.document(r)
    stream.finish(report)
    assert streamed.getvalue() == whole.getvalue()
    assert report.results == [] and report.summary == Report(results).summary
    jsonschema.validate(json.loads(streamed.getvalue()), SCHEMA)


def test_empty_report_is_valid_json() -> None:
    from qa.reporters.json import render

    out = io.StringIO()
    render(Report(), out)
    assert json.loads(out.getvalue())["documents"] == []
