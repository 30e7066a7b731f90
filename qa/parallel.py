"""Check a stream of documents in worker processes, results in input order, memory bounded.

Each worker builds its ``Engine`` once (rule selection, data files and
wordfreq/langdetect caches are per process). Documents are sent in small
chunks, grouped by source language so that each worker loads only its own
languages' word frequencies, and at most a few chunks per worker are in
flight, so a corpus of any size streams through with bounded memory, and the
output order is the input order whatever the number of workers.
"""

from __future__ import annotations

import gc
import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice
from typing import Callable, Iterable, Iterator

from qa.config import Config
from qa.engine import Engine, Result
from qa.model import Document

CHUNK = 64  # documents per task: fewer, larger messages; 16 spent a tenth of the run on inter-process traffic
AHEAD = 4  # chunks in flight per worker
SPILL = 4 * CHUNK  # how far a language's home worker may run ahead of the least-loaded one

_engine: Engine | None = None


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover  (not on Linux)
        return max(1, os.cpu_count() or 1)


def _init(config: Config) -> None:
    global _engine
    _engine = Engine(config)


def warm(config: Config) -> None:
    """Load, in the parent, what every worker needs whatever its documents: the bundled data tables
    and the English word frequencies. Workers are forked after this and share them (copy-on-write).

    Source languages' frequency lists and the langdetect profiles are left to the workers that
    need them: each worker gets its own languages (see :func:`_dispatch`), and langdetect is
    asked only where the cheap signals point at a foreign sentence, which most corpora never do.
    """
    from qa.language import zipf

    engine = Engine(config)
    # no source language and no reference: those tables (and sacrebleu) are loaded by the workers that need them
    engine.check(Document(id="warm", target="Warm-up i u.\nPhoto: x", source="Warm-up."))
    zipf("the", "en")
    # What is loaded now lives as long as the workers: moved out of the collector's sight, it is
    # neither scanned by every full collection in each worker nor copied into it page by page
    # (the collector's writes would break the copy-on-write sharing). Unfrozen when the workers end.
    gc.collect()
    gc.freeze()


def _check_chunk(docs: list[Document], prerender: Callable[[Result], str] | None = None) -> list[Result]:
    """Check a chunk in a worker. The documents are not sent back: the parent still holds them, and
    pickling every article's texts a second time would cost more than reporting on them. With
    ``prerender``, the streaming reporter's text is made here too, in parallel, not in the parent."""
    assert _engine is not None
    results = [_engine.check(d) for d in docs]
    for r in results:
        if prerender is not None:
            r.rendered = prerender(r)
        r.document = None  # type: ignore[assignment]  # reattached by the parent (_dispatch)
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
    warm(config)
    workers = [ProcessPoolExecutor(max_workers=1, initializer=_init, initargs=(config,)) for _ in range(jobs)]
    try:
        yield from _dispatch(chain(head, it), workers, prerender)
    finally:
        for w in workers:
            w.shutdown(cancel_futures=True)
        gc.unfreeze()


class _Slot:
    """Where a document's result will come from: its chunk's future, once the chunk is sent."""

    __slots__ = ("future", "index", "worker")

    def __init__(self, worker: int, index: int) -> None:
        self.worker = worker
        self.index = index
        self.future: Future[list[Result]] | None = None


def _dispatch(
    docs: Iterator[Document], workers: list[ProcessPoolExecutor], prerender: Callable[[Result], str] | None
) -> Iterator[Result]:
    """Send documents to workers by source language, yield results in input order.

    Each source language has a home worker, so a worker loads the word frequencies of the
    languages it is sent, not of every language in the corpus (a second or more, and hundreds
    of megabytes, per language list saved). Balance comes first: a document goes to the
    least-loaded worker instead when its home is more than ``SPILL`` documents ahead, so a
    one-language corpus is still shared by every worker.
    """
    n = len(workers)
    home: dict[str | None, int] = {}
    sent = [0] * n  # documents routed to each worker
    known: list[set[str | None]] = [set() for _ in range(n)]  # languages each worker has been sent
    open_chunks: list[list[Document]] = [[] for _ in range(n)]
    open_slots: list[list[_Slot]] = [[] for _ in range(n)]
    order: deque[tuple[Document, _Slot]] = deque()
    window = n * AHEAD * CHUNK  # documents read ahead of the oldest unreported one

    def submit(k: int) -> None:
        if open_chunks[k]:
            future = workers[k].submit(_check_chunk, open_chunks[k], prerender)
            for slot in open_slots[k]:
                slot.future = future
            open_chunks[k], open_slots[k] = [], []

    def oldest() -> Result:
        doc, slot = order.popleft()
        if slot.future is None:
            submit(slot.worker)  # its chunk is still filling: send it as it is
        assert slot.future is not None
        result = slot.future.result()[slot.index]
        result.document = doc
        return result

    for doc in docs:
        least = min(range(n), key=sent.__getitem__)
        k = home.setdefault(doc.source_lang, least)
        lead = sent[k] - sent[least]
        # a worker that already has this language takes it at a small lead; any worker at a large one
        if lead > SPILL or lead > CHUNK and doc.source_lang in known[least]:
            k = least
        known[k].add(doc.source_lang)
        slot = _Slot(k, len(open_chunks[k]))
        open_chunks[k].append(doc)
        open_slots[k].append(slot)
        sent[k] += 1
        order.append((doc, slot))
        if len(open_chunks[k]) >= CHUNK:
            submit(k)
        while len(order) > window:
            yield oldest()
    for k in range(n):
        submit(k)
    while order:
        yield oldest()
