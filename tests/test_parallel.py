"""Worker processes give the same results, in the same order, as one process."""

from __future__ import annotations

import io
from pathlib import Path

import qa
from qa.cli import main
from qa.parallel import check_documents

ROOT = Path(__file__).resolve().parent.parent


def _docs(n: int) -> list[qa.Document]:
    texts = [
        "Headline\nFollow us on Facebook, Twitter i Viber.",
        "Headline\nThe talks went well, the minister said.",
        "Headline\nPhoto: Reuters\nThe river rose overnight, officials said.",
    ]
    return [qa.Document(id=f"d{i}", target=texts[i % 3], source_lang="sr") for i in range(n)]


def test_parallel_results_equal_serial_and_keep_order() -> None:
    docs = _docs(100)
    serial = list(check_documents(docs, jobs=1))
    parallel = list(check_documents(docs, jobs=2))
    assert [r.document.id for r in parallel] == [d.id for d in docs]
    assert [r.findings for r in parallel] == [r.findings for r in serial]
    assert [r.passed for r in parallel] == [r.passed for r in serial]


def test_cli_jobs_two_is_byte_identical_to_jobs_one_on_corpora() -> None:
    outs = []
    for jobs in ("1", "2"):
        out = io.StringIO()
        main(["check", str(ROOT / "corpora"), "--format", "json", "--jobs", jobs, "--no-config"], stdout=out, stderr=io.StringIO())
        outs.append(out.getvalue())
    assert outs[0] == outs[1]
    assert '"documents": 5' in outs[0]


def test_results_keep_order_when_languages_interleave() -> None:
    """Documents of several languages go to different workers; the output is still the input order."""
    langs = ["sr", "de", "pl", "ru", "fr"]
    docs = [qa.Document(id=f"d{i}", target=f"Headline\nThe talks went well on day {i}, the minister said.", source_lang=langs[i % 5]) for i in range(300)]
    parallel = list(check_documents(docs, jobs=2))
    serial = list(check_documents(docs, jobs=1))
    assert [r.document.id for r in parallel] == [d.id for d in docs]
    assert [r.findings for r in parallel] == [r.findings for r in serial]


def test_a_dead_worker_is_an_error_not_a_hang(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import os

    import qa.parallel as parallel

    monkeypatch.setattr(parallel, "_check_chunk", lambda docs, prerender=None: os._exit(3))  # inherited by the forked workers
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", str(ROOT / "corpora" / "synthetic"), "--jobs", "2", "--no-config", "--format", "json"], stdout=out, stderr=err)
    assert code == 2
    assert "worker process stopped unexpectedly (exit code 3" in err.getvalue()


def test_stopping_early_stops_the_workers() -> None:
    import multiprocessing

    results = check_documents(_docs(400), jobs=2)
    first = next(results)
    results.close()  # the consumer stops reading: the workers are told to stop and joined
    assert first.document.id == "d0"
    assert not multiprocessing.active_children()


def test_metrics_option_reaches_the_workers(tmp_path: Path) -> None:
    """--jobs 2 with --metrics gives the --jobs 1 report: the choice travels with the configuration."""
    import json

    corpus = tmp_path / "c.jsonl"
    records = [
        {"id": f"d{i}", "target": f"The river rose overnight, officials said on day {i}.",
         "reference": f"Officials said the river rose during the night on day {i}.",
         "source": f"Reka je porasla preko noći, rekli su zvaničnici {i}. dana.",
         "back_translation": f"Reka je narasla tokom noći, rekli su zvaničnici dana {i}.", "source_lang": "sr"}
        for i in range(6)
    ]
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    outs = []
    for jobs in ("1", "2"):
        out = io.StringIO()
        main(["check", str(corpus), "--format", "json", "--jobs", jobs, "--no-config", "--metrics", "bleu,chrf"], stdout=out, stderr=io.StringIO())
        outs.append(out.getvalue())
    assert outs[0] == outs[1]
    assert [list(d["metrics"]) for d in json.loads(outs[1])["documents"]] == [["bleu", "chrf", "bleu_back", "chrf_back"]] * 6


def test_check_documents_in_workers_follows_the_metrics_config() -> None:
    docs = [qa.Document(id=f"d{i}", target="The talks went well, the minister said.", reference="The minister said the talks went well.")
            for i in range(4)]
    results = list(check_documents(docs, qa.Config(metrics=("ter",)), jobs=2))
    assert [list(r.metrics) for r in results] == [["ter"]] * 4
