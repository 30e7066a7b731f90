"""sacrebleu's BLEU, chrF and TER at document, sentence and corpus level, each with its signature.

The numbers are sacrebleu's own (its metric objects are called, nothing is
re-implemented), so a score in a ``qa`` report can be reproduced with
``sacrebleu`` from the signature printed beside it.

Segments: a document is scored paragraph by paragraph when the hypothesis
and the reference have the same number of paragraphs (one paragraph per
line, as scraped news is stored), and as one segment otherwise, so a merged
or split paragraph does not shift every later pair. Sentence scores use
sacrebleu's ``sentence_score`` (BLEU with effective order, as sacrebleu
recommends for single sentences).
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any, Sequence

from qa.model import Document
from qa.text import Text

METRICS = ("bleu", "chrf", "ter")


@lru_cache(maxsize=None)
def _metric(name: str, sentence: bool = False):  # type: ignore[no-untyped-def]
    from sacrebleu.metrics import BLEU, CHRF, TER

    if name == "bleu":
        return BLEU(effective_order=sentence)
    if name == "chrf":
        return CHRF()
    if name == "ter":
        return TER()
    raise ValueError(f"unknown metric {name!r} (choose from {', '.join(METRICS)})")


def _entry(score: Any, metric: Any) -> dict[str, Any]:
    return {"score": round(float(score.score), 4), "signature": str(metric.get_signature())}


def corpus_metrics(hypotheses: Sequence[str], references: Sequence[str], metrics: Sequence[str] = METRICS,
                   *, reuse_chrf: bool = False) -> dict[str, dict[str, Any]]:
    """Corpus-level scores of aligned segment lists (one reference each), as sacrebleu's ``corpus_score``.
    ``reuse_chrf``: chrF statistics of pairs the document's drift rules scored come from the memo
    (``document_metrics`` only, which empties it)."""
    if len(hypotheses) != len(references):
        raise ValueError(f"{len(hypotheses)} hypotheses but {len(references)} references")
    out = {}
    for name in metrics:
        m = _metric(name)
        if reuse_chrf and name == "chrf" and hypotheses and _chrf_reusable(m) and all(isinstance(r, str) for r in references):
            # corpus_score's own steps (argument checks, segment statistics, aggregation), with the
            # statistics of pairs this document's drift rules have scored taken from the memo
            m._check_corpus_score_args(list(hypotheses), [list(references)])
            stats = [_chrf_statistics(m, h, r, reuse=True) for h, r in zip(hypotheses, references)]
            m.num_refs = 1  # what corpus_score's reference caching records for one reference a segment (the signature's nrefs)
            out[name] = _entry(m._aggregate_and_compute(stats), m)
            continue
        out[name] = _entry(m.corpus_score(list(hypotheses), [list(references)]), m)
    return out


def sentence_metrics(hypothesis: str, reference: str, metrics: Sequence[str] = METRICS) -> dict[str, dict[str, Any]]:
    """One segment's scores, as sacrebleu's ``sentence_score``."""
    out = {}
    for name in metrics:
        m = _metric(name, sentence=True)
        out[name] = _entry(m.sentence_score(hypothesis, [reference]), m)
    return out


# chrF statistics of the pairs sentence_chrf scored in this document: the drift rules score aligned sentence
# pairs, then the document's chrF scores its paragraphs, and a paragraph of one sentence (every DEMETR unit,
# many news leads) is the same pair again. Only the document's metrics read it, and they empty it when done,
# so no statistics pass from one document to the next; bounded for callers that never ask for a document's.
# One memo per thread: engines checking documents in threads of one process keep theirs apart.
_local = threading.local()
_CHRF_PAIRS_MAX = 1024


def _chrf_pairs() -> dict[tuple[str, str], list[int]]:
    """This thread's memo of chrF statistics (see above)."""
    try:
        return _local.chrf_pairs  # type: ignore[no-any-return]
    except AttributeError:
        _local.chrf_pairs = {}
        return _local.chrf_pairs  # type: ignore[no-any-return]


def _chrf_key(hypothesis: str, reference: str) -> tuple[str, str]:
    """What sacrebleu's chrF reads of a pair: with ``whitespace=False`` (qa's, sacrebleu's default) character
    n-grams are taken after every space is removed (``helpers.extract_all_char_ngrams``), and chrF has no
    word n-grams and no lower-casing, so pairs equal but for spaces have the same statistics."""
    return "".join(hypothesis.split()), "".join(reference.split())


def _chrf_statistics(chrf: Any, hypothesis: str, reference: str, reuse: bool) -> list[int]:
    """sacrebleu's chrF match statistics of one pair (``_extract_corpus_statistics``, as ``sentence_score``
    and ``corpus_score`` compute them), noted in the memo; ``reuse``: taken from it when noted already."""
    key = _chrf_key(hypothesis, reference)
    memo = _chrf_pairs()
    stats = memo.get(key) if reuse else None
    if stats is None:
        stats = chrf._extract_corpus_statistics([hypothesis], [[reference]])[0]
        if len(memo) >= _CHRF_PAIRS_MAX:
            memo.clear()
        memo[key] = stats
    return stats


def _chrf_reusable(chrf: Any) -> bool:
    """Are the statistics a function of the spaceless pair (``_chrf_key``)? True of qa's ``CHRF()``."""
    return not chrf.whitespace and chrf.word_order == 0 and not chrf.lowercase


def sentence_chrf(hypothesis: str, reference: str) -> float:
    """sacrebleu's sentence chrF (0-100); the relative drift rules call this once per aligned pair.

    The score is ``CHRF().sentence_score(hypothesis, [reference]).score``: its statistics go through
    sacrebleu's own ``_aggregate_and_compute``, and the document's chrF reuses them (``_chrf_pairs``)."""
    chrf = _metric("chrf", sentence=True)
    if not _chrf_reusable(chrf):
        return float(chrf.sentence_score(hypothesis, [reference]).score)
    chrf._check_sentence_score_args(hypothesis, [reference])
    return float(chrf._aggregate_and_compute([_chrf_statistics(chrf, hypothesis, reference, reuse=False)]).score)


def segments(hypothesis: str, reference: str) -> tuple[list[str], list[str]]:
    """Paragraph pairs when both texts have as many paragraphs, else the whole texts as one segment each."""
    h, r = Text(hypothesis), Text(reference)
    if len(h.paragraphs) == len(r.paragraphs) and h.paragraphs:
        return [h.slice(p) for p in h.paragraphs], [r.slice(p) for p in r.paragraphs]
    return [" ".join(hypothesis.split())], [" ".join(reference.split())]


def document_scores(hypothesis: str, reference: str, metrics: Sequence[str] = METRICS, *, reuse_chrf: bool = False) -> dict[str, dict[str, Any]]:
    hyps, refs = segments(hypothesis, reference)
    return corpus_metrics(hyps, refs, metrics, reuse_chrf=reuse_chrf)


def document_metrics(doc: Document, metrics: Sequence[str] = METRICS) -> dict[str, dict[str, Any]]:
    """The report's ``metrics``: target against the reference (``bleu``, ``chrf``, ``ter``) and the
    back-translation against the source (``bleu_back``, ``chrf_back``, ``ter_back``), of the chosen
    ``metrics`` only (configuration ``metrics``; none: ``{}``). Called for every document with a
    reference or back-translation, whatever is chosen, so the chrF memo is emptied all the same."""
    out: dict[str, dict[str, Any]] = {}
    try:
        if not metrics:
            return out
        if doc.reference is not None and doc.reference.strip() and doc.target.strip():
            out.update(document_scores(doc.target, doc.reference, metrics, reuse_chrf=True))
        if doc.back_translation is not None and doc.source is not None and doc.back_translation.strip() and doc.source.strip():
            for name, entry in document_scores(doc.back_translation, doc.source, metrics, reuse_chrf=True).items():
                out[f"{name}_back"] = entry
    finally:
        _chrf_pairs().clear()  # the document is done: its pairs' statistics go with it
    return out
