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
import multiprocessing
import os
import queue
import signal
from collections import deque
from itertools import chain, islice
from multiprocessing.queues import Queue
from typing import Callable, Iterable, Iterator

from qa.config import Config
from qa.engine import Engine
from qa.result import Result
from qa.model import Document
from qa.resources import trim_heap

CHUNK = 64  # documents per task: fewer, larger messages; 16 spent a tenth of the run on inter-process traffic
AHEAD = 4  # chunks in flight per worker
SPILL = 4 * CHUNK  # how far a language's home worker may run ahead of the least-loaded one

_engine: Engine | None = None


class WorkerError(RuntimeError):
    """A worker process died or failed outside the rules (which the engine isolates)."""


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
    from qa.languages.frequency import zipf

    engine = Engine(config)
    # no source language and no reference: those tables (and sacrebleu) are loaded by the workers that need them
    engine.check(Document(id="warm", target="Warm-up i u.\nPhoto: x", source="Warm-up."))
    zipf("the", "en")
    # What is loaded now lives as long as the workers: moved out of the collector's sight, it is
    # neither scanned by every full collection in each worker nor copied into it page by page
    # (the collector's writes would break the copy-on-write sharing). Unfrozen when the workers end.
    gc.collect()
    gc.freeze()
    trim_heap()  # what the warm-up freed is not resident in every worker forked from here


Checked = tuple[Result, "str | None"]  # a result, and its streaming reporter's text where a worker made it


def _check_chunk(docs: list[Document], prerender: Callable[[Result], str] | None = None) -> list[Checked]:
    """Check a chunk in a worker. The documents are not sent back: the parent still holds them, and
    pickling every article's texts a second time would cost more than reporting on them. With
    ``prerender``, the streaming reporter's text is made here too, in parallel, not in the parent."""
    assert _engine is not None
    out: list[Checked] = []
    for d in docs:
        r = _engine.check(d)
        text = prerender(r) if prerender is not None else None
        r.document = None  # type: ignore[assignment]  # reattached by the parent (_dispatch)
        out.append((r, text))
    return out


def check_documents(docs: Iterable[Document], config: Config | None = None, jobs: int = 1) -> Iterator[Result]:
    """Yield one ``Result`` per document, in input order; ``jobs > 1`` uses worker processes."""
    for result, _ in check_rendered(docs, config, jobs):
        yield result


def check_rendered(
    docs: Iterable[Document],
    config: Config | None = None,
    jobs: int = 1,
    prerender: Callable[[Result], str] | None = None,
) -> Iterator[Checked]:
    """Yield each document's ``Result`` with its streaming reporter's text, in input order.

    ``prerender`` (a module-level function, so workers can receive it) makes the text in the
    worker that checked the document; the text is None with one job, where the reporter renders
    in process as usual, and the reporter then makes it itself.
    """
    config = config or Config()
    it = iter(docs)
    head = list(islice(it, 2))
    if jobs <= 1 or len(head) < 2:  # one document: a pool would only cost start-up time
        engine = Engine(config)
        for d in chain(head, it):
            yield engine.check(d), None
        return
    workers: _Workers | None = None
    try:
        warm(config)
        workers = _Workers(jobs, config)
        yield from _dispatch(chain(head, it), workers, prerender)
    finally:
        if workers is not None:
            workers.close()
        gc.unfreeze()


def _serve(config: Config, tasks: Queue, results: Queue) -> None:  # type: ignore[type-arg]
    """A worker process: check the chunks sent to it until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it stops the workers
    _init(config)
    while (task := tasks.get()) is not None:
        chunk_id, docs, prerender = task
        try:
            results.put((chunk_id, _check_chunk(docs, prerender), None))
        except Exception as e:  # rules are isolated by the engine; this is anything else, reported by the parent
            results.put((chunk_id, None, f"{type(e).__name__}: {e}"))


class _Workers:
    """Worker processes, each with its own task queue and one result queue for all.

    Every worker is forked before the parent starts a thread (the queues' feeder threads start with
    their first message), so no child inherits a lock some parent thread was holding.
    """

    def __init__(self, n: int, config: Config) -> None:
        methods = multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
        self.results: Queue = ctx.Queue()  # type: ignore[type-arg]
        self.tasks: list[Queue] = [ctx.Queue() for _ in range(n)]  # type: ignore[type-arg]
        self.procs = [ctx.Process(target=_serve, args=(config, q, self.results), daemon=True) for q in self.tasks]
        for p in self.procs:
            p.start()
        self.done: dict[int, list[Checked]] = {}
        self.sent = 0

    def submit(self, k: int, docs: list[Document], prerender: Callable[[Result], str] | None) -> int:
        chunk_id = self.sent
        self.sent += 1
        self.tasks[k].put((chunk_id, docs, prerender))
        return chunk_id

    def result(self, chunk_id: int) -> list[Checked]:
        while chunk_id not in self.done:
            try:
                got, results, error = self.results.get(timeout=1.0)
            except queue.Empty:
                for p in self.procs:
                    if not p.is_alive():
                        raise WorkerError(
                            f"a worker process stopped unexpectedly (exit code {p.exitcode}; -9 is often the system "
                            "out of memory); --jobs 1 checks in one process"
                        ) from None
                continue
            if error is not None:
                raise WorkerError(f"a worker process failed: {error}")
            self.done[got] = results
        return self.done[chunk_id]

    def forget(self, chunk_id: int) -> None:
        del self.done[chunk_id]

    def close(self) -> None:
        for q in self.tasks:
            q.put(None)
            q.cancel_join_thread()  # a worker that died must not keep the parent waiting at exit
        for p in self.procs:
            p.join(timeout=5)
            if p.is_alive():
                p.terminate()
                p.join()
        self.results.cancel_join_thread()


class _Slot:
    """Where a document's result will come from: its chunk, once the chunk is sent."""

    __slots__ = ("chunk", "index", "worker")

    def __init__(self, worker: int, index: int) -> None:
        self.worker = worker
        self.index = index
        self.chunk: int | None = None


def _dispatch(docs: Iterator[Document], workers: _Workers, prerender: Callable[[Result], str] | None) -> Iterator[Checked]:
    """Send documents to workers by source language, yield results in input order.

    Each source language has a home worker, so a worker loads the word frequencies of the
    languages it is sent, not of every language in the corpus (a second or more, and hundreds
    of megabytes, per language list saved). Balance comes first: a document goes to a
    less-loaded worker when its home has run ahead (by one chunk if that worker already has the
    language, by ``SPILL`` documents otherwise), so a one-language corpus is still shared by
    every worker.
    """
    n = len(workers.procs)
    home: dict[str | None, int] = {}
    sent = [0] * n  # documents routed to each worker
    known: list[set[str | None]] = [set() for _ in range(n)]  # languages each worker has been sent
    open_chunks: list[list[Document]] = [[] for _ in range(n)]
    open_slots: list[list[_Slot]] = [[] for _ in range(n)]
    order: deque[tuple[Document, _Slot]] = deque()
    window = n * AHEAD * CHUNK  # documents read ahead of the oldest unreported one
    unreported: dict[int, int] = {}  # documents of each sent chunk still to be yielded

    def submit(k: int) -> None:
        if open_chunks[k]:
            chunk = workers.submit(k, open_chunks[k], prerender)
            unreported[chunk] = len(open_chunks[k])
            for slot in open_slots[k]:
                slot.chunk = chunk
            open_chunks[k], open_slots[k] = [], []

    def oldest() -> Checked:
        doc, slot = order.popleft()
        if slot.chunk is None:
            submit(slot.worker)  # its chunk is still filling: send it as it is
        chunk = slot.chunk
        assert chunk is not None
        result, text = workers.result(chunk)[slot.index]
        unreported[chunk] -= 1
        if not unreported[chunk]:  # chunks of different languages interleave: kept until all is yielded
            del unreported[chunk]
            workers.forget(chunk)
        result.document = doc
        return result, text

    for doc in docs:
        least = min(range(n), key=sent.__getitem__)
        k = home.setdefault(doc.source_lang, least)
        lead = sent[k] - sent[least]
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
