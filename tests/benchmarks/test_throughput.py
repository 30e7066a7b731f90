"""benchmarks/throughput.py: the per-family profile, the TER share it prints beside it, and the extra --metrics rows."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import throughput  # noqa: E402

UNITS = [
    {"id": "a", "source": "Sąd ogłosił upadłość.", "target": "The court declared bankruptcy.",
     "reference": "The court announced the bankruptcy.", "source_lang": "pl"},
    {"id": "b", "source": "Sąd ogłosił upadłość.", "target": "bankruptcy the declared court The.",
     "reference": "The court announced the bankruptcy.", "source_lang": "pl"},
    {"id": "c", "source": "Sąd ogłosił upadłość.", "target": ".", "reference": " ", "source_lang": "pl"},
]


def test_family_profile_names_metrics_and_the_rule_families() -> None:
    ms, per_unit = throughput.family_profile(UNITS)
    assert {"metrics", "text", "fidelity", "reference"} <= set(ms)
    assert per_unit > 0 and abs(sum(ms.values()) - per_unit) < 1e-6


def test_family_profile_without_the_reference_computes_no_metrics() -> None:
    """The headline rows give qa what pofilter gets (source and MT): the profile beside them does too."""
    ms, per_unit = throughput.family_profile(UNITS, reference=False)
    assert "metrics" not in ms
    assert {"text", "fidelity"} <= set(ms) and per_unit > 0


def test_the_headline_corpus_has_no_reference_and_the_extra_one_has_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    plain, with_reference, pos = throughput.write_corpora(UNITS, tmp_path, 2, 2)
    rows = [json.loads(line) for line in plain.read_text(encoding="utf-8").splitlines()]
    extra = [json.loads(line) for line in with_reference.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(extra) == 6 and all("reference" not in r for r in rows)
    assert [e["reference"] for e in extra] == [u["reference"] for u in UNITS] * 2
    assert [{k: v for k, v in e.items() if k != "reference"} for e in extra] == rows
    assert sum(p.read_text(encoding="utf-8").count("msgctxt") for p in pos) == 6


def test_ter_share_scores_ter_alone_and_skips_units_without_a_reference(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A blank reference has no TER (the engine scores none); the others are scored with TER only."""
    import qa.metrics

    calls: list[tuple[str, str, list[str]]] = []
    real = qa.metrics.document_scores

    def counted(hyp: str, ref: str, metrics: list[str]):  # type: ignore[no-untyped-def]
        calls.append((hyp, ref, metrics))
        return real(hyp, ref, metrics)

    monkeypatch.setattr(qa.metrics, "document_scores", counted)
    assert throughput.ter_share(UNITS) > 0
    assert [(h, m) for h, _, m in calls] == [(UNITS[0]["target"], ["ter"]), (UNITS[1]["target"], ["ter"])]


def test_headline_command_computes_every_metric_and_extra_rows_choose_theirs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json
    import os
    import subprocess

    corpus = tmp_path / "u.jsonl"
    corpus.write_text("".join(json.dumps(u, ensure_ascii=False) + "\n" for u in UNITS[:2]), encoding="utf-8")
    headline = throughput.qa_command(corpus, 1)
    assert headline == [sys.executable, "-m", "qa", "check", "--no-config", "--format", "json",
                        "--output", os.devnull, "--jobs", "1", str(corpus)]  # as measured before the extra rows
    for chosen, expected in ((None, ["bleu", "chrf", "ter"]), ("bleu,chrf", ["bleu", "chrf"]), ("none", [])):
        cmd = throughput.qa_command(corpus, 1, chosen)
        report = tmp_path / "report.json"
        cmd[cmd.index("--output") + 1] = str(report)
        subprocess.run(cmd, check=False, cwd=ROOT, capture_output=True)
        assert [list(d["metrics"]) for d in json.loads(report.read_text(encoding="utf-8"))["documents"]] == [expected] * 2


def test_extra_rows_are_labelled_with_what_they_leave_out() -> None:
    assert throughput.metrics_label("bleu,chrf").startswith("extra: ")
    assert throughput.metrics_label("bleu,chrf").endswith("--metrics bleu,chrf** (no TER)")
    assert throughput.metrics_label("none").endswith("(no document metrics)")
