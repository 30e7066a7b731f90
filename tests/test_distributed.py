"""A corpus of JSONL shards checked on a Dask LocalCluster gives the single-machine report."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed", reason="Dask is an optional extra: pip install 'qa[dask]'")

import qa  # noqa: E402
from qa.cli import main  # noqa: E402
from qa.distributed import check_on_dask  # noqa: E402
from qa.reporters.json import report_dict  # noqa: E402


def _shards(tmp_path: Path) -> list[str]:
    records = [
        [{"id": "a", "target": "Headline\nFollow us on Facebook, Twitter i Viber.", "source_lang": "sr"},
         {"id": "b", "target": "Headline\nThe talks went well, the minister said."}],
        [{"id": "c", "target": "Headline\nPhoto: Reuters\nThe river rose overnight."},
         {"id": "a", "target": "An id that repeats one from the first shard."}],
        [{"id": "e", "target": "Headline\nTalks with Путин ended."}],
    ]
    paths = []
    for i, shard in enumerate(records):
        p = tmp_path / f"part-{i:03d}.jsonl"
        lines = [json.dumps(r, ensure_ascii=False) for r in shard]
        if i == 2:
            lines.append("{broken")
        p.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(str(p))
    return paths


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c


def test_dask_report_equals_single_machine(tmp_path: Path, cluster) -> None:
    paths = _shards(tmp_path)
    local = qa.Report([qa.Engine().check(d) for d in qa.load_documents(paths)])
    with distributed.Client(cluster) as client:
        remote = qa.Report(list(check_on_dask(paths, client)))
    assert report_dict(remote) == report_dict(local)
    assert [r.document.id for r in remote.results] == ["a", "b", "c", "a", "e", "part-002:2"]
    assert "repeats an earlier record's id" in (remote.results[3].document.error or "")


def test_cli_dask_flag(tmp_path: Path, cluster) -> None:
    paths = _shards(tmp_path)
    out_local, out_dask = io.StringIO(), io.StringIO()
    code_local = main(["check", *paths, "--format", "json", "--no-config", "--jobs", "1"], stdout=out_local, stderr=io.StringIO())
    code_dask = main(["check", *paths, "--format", "json", "--no-config", "--dask", cluster.scheduler_address], stdout=out_dask, stderr=io.StringIO())
    assert out_dask.getvalue() == out_local.getvalue()
    assert code_dask == code_local == 2


def test_dask_workers_follow_the_metrics_config(tmp_path: Path, cluster) -> None:
    shard = tmp_path / "part-000.jsonl"
    shard.write_text(json.dumps({"id": "a", "target": "The talks went well, the minister said.",
                                 "reference": "The minister said the talks went well."}) + "\n", encoding="utf-8")
    config = qa.Config(metrics=("bleu", "chrf"))
    local = qa.Report([qa.Engine(config).check(d) for d in qa.load_documents([str(shard)])])
    with distributed.Client(cluster) as client:
        remote = qa.Report(list(check_on_dask([str(shard)], client, config)))
    assert report_dict(remote) == report_dict(local)
    assert list(remote.results[0].metrics) == ["bleu", "chrf"]
