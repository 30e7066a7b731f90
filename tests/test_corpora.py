"""The bundled corpora: every inserted synthetic artifact is found, and the seed article passes the shared seed check."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import qa
from qa.io import load_documents

ROOT = Path(__file__).resolve().parent.parent
SYNTHETIC = ROOT / "corpora" / "synthetic"
SEED_CHECK = ROOT.parent / "shared" / "tools" / "seed_check.py"


def _artifacts() -> list:
    manifest = json.loads((SYNTHETIC / "MANIFEST.json").read_text(encoding="utf-8"))
    return [pytest.param(doc["id"], item, id=f"{doc['id']}-{item['kind']}") for doc in manifest for item in doc["inserted"]]


@pytest.fixture(scope="module")
def results() -> dict[str, qa.Result]:
    engine = qa.Engine()
    return {d.id: engine.check(d) for d in load_documents([str(SYNTHETIC / "ntrex-synthetic.jsonl")])}


@pytest.mark.parametrize("doc_id, item", _artifacts())
def test_inserted_artifact_is_found(results: dict[str, qa.Result], doc_id: str, item: dict) -> None:
    result = results[doc_id]
    hits = [
        f
        for f in result.findings
        if f.start < item["end"] and item["start"] < f.end and f.category == item["category"]
    ]
    assert hits, f"{item['kind']} at line {item['line']} not found: {[(f.rule, f.line) for f in result.findings]}"


@pytest.mark.skipif(not SEED_CHECK.is_file(), reason="the shared seed check (../shared/tools/seed_check.py) is not beside this checkout")
def test_seed_check_passes() -> None:
    proc = subprocess.run(
        [sys.executable, str(SEED_CHECK), sys.executable, "-m", "qa"], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
