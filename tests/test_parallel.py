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
