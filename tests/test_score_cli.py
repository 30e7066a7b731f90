"""`qa score` prints sacrebleu's own numbers, document and corpus level, with signatures."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import sacrebleu

from qa.cli import main

HYP = ["The cat sat on the mat.", "It was happy."]
REF = ["The cat was sitting on the mat.", "It was glad."]


def test_score_equals_sacrebleu(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        "\n".join(json.dumps({"id": f"d{i}", "target": h, "reference": r}) for i, (h, r) in enumerate(zip(HYP, REF))) + "\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    assert main(["score", str(corpus), "--format", "json"], stdout=out, stderr=io.StringIO()) == 0
    report = json.loads(out.getvalue())
    assert report["corpus"]["bleu"]["score"] == pytest.approx(sacrebleu.corpus_bleu(HYP, [REF]).score, abs=1e-4)
    assert report["corpus"]["chrf"]["score"] == pytest.approx(sacrebleu.corpus_chrf(HYP, [REF]).score, abs=1e-4)
    assert report["corpus"]["ter"]["score"] == pytest.approx(sacrebleu.corpus_ter(HYP, [REF]).score, abs=1e-4)
    assert report["corpus"]["chrf"]["signature"].startswith("nrefs:1|")
    assert report["documents"][1]["metrics"]["chrf"]["score"] == pytest.approx(
        sacrebleu.corpus_chrf([HYP[1]], [[REF[1]]]).score, abs=1e-4
    )


def test_score_without_reference_warns(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Just a target.", encoding="utf-8")
    err = io.StringIO()
    assert main(["score", str(f)], stdout=io.StringIO(), stderr=err) == 0
    assert "no reference" in err.getvalue()


def test_score_metrics_option(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        "\n".join(json.dumps({"id": f"d{i}", "target": h, "reference": r}) for i, (h, r) in enumerate(zip(HYP, REF))) + "\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    assert main(["score", str(corpus), "--format", "json", "--metrics", "chrf"], stdout=out, stderr=io.StringIO()) == 0
    report = json.loads(out.getvalue())
    assert list(report["corpus"]) == ["chrf"] and all(list(d["metrics"]) == ["chrf"] for d in report["documents"])
    assert report["corpus"]["chrf"]["score"] == pytest.approx(sacrebleu.corpus_chrf(HYP, [REF]).score, abs=1e-4)
    err = io.StringIO()
    assert main(["score", str(corpus), "--metrics", "none"], stdout=io.StringIO(), stderr=err) == 2
    assert "nothing to print" in err.getvalue()
    err = io.StringIO()
    assert main(["score", str(corpus), "--metrics", "rouge"], stdout=io.StringIO(), stderr=err) == 2
    assert "unknown metric 'rouge'" in err.getvalue()
