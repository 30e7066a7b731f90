"""Beyond one machine: check a corpus of JSONL shards on a Dask distributed cluster, gather one report.

Each input path (a JSONL shard, a text file) is one task: the worker reads
it, checks every document and returns the results; the client yields them
shard by shard in input order, so the report equals the single-machine one.
Workers read the shards themselves, so the paths must be visible to them (a
shared or mounted filesystem); qa must be installed on every worker.

    from qa.distributed import check_on_dask
    for result in check_on_dask(["shards/part-000.jsonl", ...], "tcp://scheduler:8786"):
        ...

Dask is optional: ``pip install "qa[dask]"``.
"""

from __future__ import annotations

from collections import deque
from typing import Any, Iterable, Iterator

from qa.config import Config
from qa.engine import Engine
from qa.result import Result
from qa.io import load_documents
from qa.model import Document

AHEAD = 8  # shards in flight: bounds the client's memory on a long corpus


class DaskUnavailable(RuntimeError):
    """Dask is not installed; the message says how to install it."""


def _check_shard(path: str, config: Config, source_lang: str | None, target_lang: str | None) -> list[Result]:
    engine = Engine(config)
    # repeats within the shard are marked by the reader; across shards, by the client (_unique)
    return [engine.check(d) for d in load_documents([path], source_lang=source_lang, target_lang=target_lang)]


def check_on_dask(
    inputs: Iterable[str],
    scheduler: Any,
    config: Config | None = None,
    source_lang: str | None = None,
    target_lang: str | None = None,
) -> Iterator[Result]:
    """Yield results for every document of every input, in input order, computed on the cluster.

    ``scheduler`` is an address (``tcp://host:8786``) or a ``distributed.Client``.
    """
    try:
        from distributed import Client
    except ImportError:
        raise DaskUnavailable('Dask is not installed: pip install "qa[dask]"') from None
    config = config or Config()
    Engine(config)  # a bad selector fails here, not on every worker
    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    try:
        pending: deque[Any] = deque()
        seen: set[str] = set()
        for path in inputs:
            pending.append(client.submit(_check_shard, path, config, source_lang, target_lang, pure=False))
            if len(pending) >= AHEAD:
                yield from _unique(pending.popleft().result(), seen)
        while pending:
            yield from _unique(pending.popleft().result(), seen)
    finally:
        if client is not scheduler:
            client.close()


def _unique(results: list[Result], seen: set[str]) -> Iterator[Result]:
    """Mark a record whose id repeats an earlier one, exactly as the single-machine reader does."""
    for r in results:
        doc = r.document
        if "line" not in doc.metadata:
            yield r  # not a corpus record: ids of plain files are not checked for repeats
            continue
        if doc.error is None and doc.id in seen:
            message = f"{doc.path}:{doc.metadata['line']}: id {doc.id!r} repeats an earlier record's id"
            failed = Document.failed(doc.id, message, path=doc.path, line=doc.metadata["line"])
            r = Result(document=failed, passed=False)
        seen.add(doc.id)
        yield r
