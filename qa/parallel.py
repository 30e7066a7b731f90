"""Check a stream of documents in worker processes, results in input order, memory bounded.

Each worker builds its ``Engine`` once (rule selection, data files and
wordfreq/langdetect caches are per process). Documents are sent in small
chunks and at most a few chunks per worker are in flight, so a corpus of any
size streams through with bounded memory, and the output order is the input
order whatever the number of workers.
"""

from __future__ import annotations

import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Callable, Iterable, Iterator

from qa.config import Config
from qa.engine import Engine, Result
from qa.model import Document

CHUNK = 16  # documents per task: amortises pickling without hurting order latency
AHEAD = 4  # chunks in flight per worker
WARM_DOCS = 256  # documents read ahead to learn which languages' data to load before forking

_engine: Engine | None = None


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover  (not on Linux)
        return max(1, os.cpu_count() or 1)


def _init(config: Config) -> None:
    global _engine
    _engine = Engine(config)


def warm(config: Config, docs: list[Document]) -> None:
    """Load, in the parent, what every worker would load for itself: the bundled data tables, the
    langdetect profiles and the word frequencies of the languages in the first documents.

    Workers are forked after this, so they share the loaded data (copy-on-write) instead of
    each spending a second or more reading it.
    """
    from qa.language import _detector_factory, wordfreq_lang, zipf

    engine = Engine(config)
    engine.check(Document(id="warm", target="Warm-up i u.\nPhoto: x", source="Warm-up.", reference="Warm-up.", source_lang="sr"))
    _detector_factory()
    for lang in {"en", "sh", *(wordfreq_lang(d.source_lang) or "en" for d in docs)}:
        zipf("the", lang)


def _check_chunk(docs: list[Document], prerender: Callable[[Result], str] | None = None) -> list[Result]:
    """Check a chunk in a worker. The documents are not sent back: the parent still holds them, and
    pickling every article's texts a second time would cost more than reporting on them. With
    ``prerender``, the streaming reporter's text is made here too, in parallel, not in the parent."""
    assert _engine is not None
    results = [_engine.check(d) for d in docs]
    for r in results:
        if prerender is not None:
            r.rendered = prerender(r)
        r.document = None  # type: ignore[assignment]  # reattached by the parent (_rejoin)
    return results


def _rejoin(results: list[Result], docs: list[Document]) -> list[Result]:
    for r, d in zip(results, docs):
        r.document = d
    return results


def check_documents(
    docs: Iterable[Document],
    config: Config | None = None,
    jobs: int = 1,
    prerender: Callable[[Result], str] | None = None,
) -> Iterator[Result]:
    """Yield one ``Result`` per document, in input order; ``jobs > 1`` uses worker processes.

    ``prerender`` (a module-level function, so workers can receive it) makes each result's
    ``rendered`` text in the worker; with one job the reporter renders in process as usual.
    """
    config = config or Config()
    it = iter(docs)
    head = list(islice(it, 2))
    if jobs <= 1 or len(head) < 2:  # one document: a pool would only cost start-up time
        engine = Engine(config)
        for d in head:
            yield engine.check(d)
        for d in it:
            yield engine.check(d)
        return
    head += list(islice(it, WARM_DOCS - len(head)))
    warm(config, head)
    chunks = _chunks(head, it)
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init, initargs=(config,)) as pool:
        pending: deque[tuple[Future[list[Result]], list[Document]]] = deque()
        for chunk in chunks:
            pending.append((pool.submit(_check_chunk, chunk, prerender), chunk))
            if len(pending) >= jobs * AHEAD:
                future, docs = pending.popleft()
                yield from _rejoin(future.result(), docs)
        while pending:
            future, docs = pending.popleft()
            yield from _rejoin(future.result(), docs)


def _chunks(head: list[Document], rest: Iterator[Document]) -> Iterator[list[Document]]:
    chunk = list(head)
    for d in rest:
        chunk.append(d)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
