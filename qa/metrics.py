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
        from qa.ter import TER as FastTER  # sacrebleu's TER, its edit counting made faster (same numbers)

        return FastTER()
    raise ValueError(f"unknown metric {name!r} (choose from {', '.join(METRICS)})")


def _entry(score: Any, metric: Any) -> dict[str, Any]:
    return {"score": round(float(score.score), 4), "signature": str(metric.get_signature())}


def corpus_metrics(hypotheses: Sequence[str], references: Sequence[str], metrics: Sequence[str] = METRICS) -> dict[str, dict[str, Any]]:
    """Corpus-level scores of aligned segment lists (one reference each), as sacrebleu's ``corpus_score``."""
    if len(hypotheses) != len(references):
        raise ValueError(f"{len(hypotheses)} hypotheses but {len(references)} references")
    out = {}
    for name in metrics:
        m = _metric(name)
        out[name] = _entry(m.corpus_score(list(hypotheses), [list(references)]), m)
    return out


def sentence_metrics(hypothesis: str, reference: str, metrics: Sequence[str] = METRICS) -> dict[str, dict[str, Any]]:
    """One segment's scores, as sacrebleu's ``sentence_score``."""
    out = {}
    for name in metrics:
        m = _metric(name, sentence=True)
        out[name] = _entry(m.sentence_score(hypothesis, [reference]), m)
    return out


def sentence_chrf(hypothesis: str, reference: str) -> float:
    """sacrebleu's sentence chrF (0-100); the relative drift rules call this once per aligned pair."""
    return float(_metric("chrf", sentence=True).sentence_score(hypothesis, [reference]).score)


def segments(hypothesis: str, reference: str) -> tuple[list[str], list[str]]:
    """Paragraph pairs when both texts have as many paragraphs, else the whole texts as one segment each."""
    h, r = Text(hypothesis), Text(reference)
    if len(h.paragraphs) == len(r.paragraphs) and h.paragraphs:
        return [h.slice(p) for p in h.paragraphs], [r.slice(p) for p in r.paragraphs]
    return [" ".join(hypothesis.split())], [" ".join(reference.split())]


def document_scores(hypothesis: str, reference: str, metrics: Sequence[str] = METRICS) -> dict[str, dict[str, Any]]:
    hyps, refs = segments(hypothesis, reference)
    return corpus_metrics(hyps, refs, metrics)


def document_metrics(doc: Document) -> dict[str, dict[str, Any]]:
    """The report's ``metrics``: target against the reference (``bleu``, ``chrf``, ``ter``) and the
    back-translation against the source (``bleu_back``, ``chrf_back``, ``ter_back``)."""
    out: dict[str, dict[str, Any]] = {}
    if doc.reference is not None and doc.reference.strip() and doc.target.strip():
        out.update(document_scores(doc.target, doc.reference))
    if doc.back_translation is not None and doc.source is not None and doc.back_translation.strip() and doc.source.strip():
        for name, entry in document_scores(doc.back_translation, doc.source).items():
            out[f"{name}_back"] = entry
    return out
