"""qa.metrics returns sacrebleu's own numbers, with signatures, at sentence, document and corpus level."""

from __future__ import annotations

import pytest
from sacrebleu.metrics import BLEU, CHRF, TER

import qa
from qa.metrics import corpus_metrics, document_metrics, segments, sentence_chrf, sentence_metrics

PAIRS = [
    ("The cat sat on the mat.", "The cat is sitting on the mat."),
    ("Russia promised to develop relations with North Korea.", "Russia has promised to develop relations with North Korea."),
    ("Completely unrelated words here.", "The minister resigned on Monday."),
]


@pytest.mark.parametrize("hyp, ref", PAIRS)
def test_sentence_scores_equal_sacrebleu(hyp: str, ref: str) -> None:
    got = sentence_metrics(hyp, ref)
    assert got["bleu"]["score"] == pytest.approx(BLEU(effective_order=True).sentence_score(hyp, [ref]).score, abs=1e-4)
    assert got["chrf"]["score"] == pytest.approx(CHRF().sentence_score(hyp, [ref]).score, abs=1e-4)
    assert got["ter"]["score"] == pytest.approx(TER().sentence_score(hyp, [ref]).score, abs=1e-4)
    assert sentence_chrf(hyp, ref) == pytest.approx(CHRF().sentence_score(hyp, [ref]).score)
    assert got["chrf"]["signature"].startswith("nrefs:1|case:mixed")


def test_corpus_scores_equal_sacrebleu() -> None:
    hyps, refs = [h for h, _ in PAIRS], [r for _, r in PAIRS]
    got = corpus_metrics(hyps, refs)
    for name, metric in (("bleu", BLEU()), ("chrf", CHRF()), ("ter", TER())):
        assert got[name]["score"] == pytest.approx(metric.corpus_score(hyps, [refs]).score, abs=1e-4)
        assert got[name]["signature"] == str(metric.get_signature())


def test_corpus_needs_aligned_lists() -> None:
    with pytest.raises(ValueError):
        corpus_metrics(["a"], ["a", "b"])


@pytest.mark.parametrize(
    "hyp, ref, n",
    [("A.\nB.", "C.\nD.", 2), ("A.\nB.", "C. D.", 1), ("One line.", "One line.", 1)],
)
def test_segments_pair_paragraphs_only_when_counts_agree(hyp: str, ref: str, n: int) -> None:
    h, r = segments(hyp, ref)
    assert len(h) == len(r) == n


def test_document_metrics_keys_and_back_translation() -> None:
    doc = qa.Document(id="d", target="The cat sat.\nIt slept.", reference="The cat sat down.\nIt slept.",
                      source="Mačka je sela.\nSpavala je.", back_translation="Mačka je sjela.\nSpavala je.", source_lang="sr")
    got = document_metrics(doc)
    assert set(got) == {"bleu", "chrf", "ter", "bleu_back", "chrf_back", "ter_back"}
    hyps, refs = ["The cat sat.", "It slept."], ["The cat sat down.", "It slept."]
    assert got["chrf"]["score"] == pytest.approx(CHRF().corpus_score(hyps, [refs]).score, abs=1e-4)
    assert got["chrf_back"]["score"] == pytest.approx(
        CHRF().corpus_score(["Mačka je sjela.", "Spavala je."], [["Mačka je sela.", "Spavala je."]]).score, abs=1e-4)


def test_engine_reports_metrics_with_reference() -> None:
    result = qa.check("The cat sat on the mat.", reference="The cat is sitting on the mat.")
    assert result.metrics["chrf"]["score"] == pytest.approx(
        CHRF().corpus_score(["The cat sat on the mat."], [["The cat is sitting on the mat."]]).score, abs=1e-4)


def test_document_chrf_reuses_the_drift_rules_pairs_with_sacrebleus_numbers() -> None:
    """The drift rules score a one-sentence document's pair first; the document's chrF then takes those
    statistics (spacing aside, chrF ignores spaces) and must still print sacrebleu's score and signature."""
    import qa.metrics as metrics

    hyp, ref = "Russia promised  to develop relations with North Korea.", "Russia has promised to develop relations with North Korea."
    assert sentence_chrf(hyp, ref) == CHRF().sentence_score(hyp, [ref]).score
    assert metrics._chrf_pairs()  # noted for the document's metrics
    got = document_metrics(qa.Document(id="d", target=hyp, reference=ref))
    expected = CHRF()
    score = expected.corpus_score([" ".join(hyp.split())], [[" ".join(ref.split())]])
    assert got["chrf"] == {"score": round(score.score, 4), "signature": str(expected.get_signature())}
    assert not metrics._chrf_pairs()  # emptied with the document


def test_sentence_chrf_never_reads_statistics_noted_before() -> None:
    """Only a document's own metrics read the memo: a sentence score is computed afresh even when a pair was
    noted (by an earlier document whose metrics never ran), so nothing passes between documents."""
    import qa.metrics as metrics

    hyp, ref = "The cat sat on the mat.", "The cat is sitting on the mat."
    metrics._chrf_pairs()[metrics._chrf_key(hyp, ref)] = [0] * 18  # statistics that would score 0
    try:
        assert sentence_chrf(hyp, ref) == CHRF().sentence_score(hyp, [ref]).score > 0
    finally:
        metrics._chrf_pairs().clear()


def test_engine_document_chrf_is_sacrebleus_exactly() -> None:
    hyp, ref = "The minister said on Monday that talks would resume.", "On Monday the minister said the talks would resume."
    result = qa.check(hyp, reference=ref)
    metric = CHRF()
    assert result.metrics["chrf"]["score"] == round(metric.corpus_score([hyp], [[ref]]).score, 4)


def test_each_thread_keeps_its_own_chrf_memo() -> None:
    """Engines in threads of one process: a document's metrics in one thread neither read nor empty the
    pairs another thread's document has noted."""
    import threading

    import qa.metrics as metrics

    hyp, ref = "The cat sat on the mat.", "The cat is sitting on the mat."
    sentence_chrf(hyp, ref)
    other: list[int] = []
    thread = threading.Thread(target=lambda: other.append(len(metrics._chrf_pairs())))
    thread.start()
    thread.join()
    assert other == [0] and metrics._chrf_key(hyp, ref) in metrics._chrf_pairs()
    metrics._chrf_pairs().clear()


DOC = qa.Document(id="d", target="The cat sat.\nIt slept.", reference="The cat sat down.\nIt slept.",
                  source="Mačka je sela.\nSpavala je.", back_translation="Mačka je sjela.\nSpavala je.", source_lang="sr")


@pytest.mark.parametrize("chosen", [("bleu", "chrf"), ("ter",), ("chrf",)])
def test_document_metrics_computes_only_the_chosen_metrics_and_their_back_translation_twins(chosen: tuple[str, ...]) -> None:
    every = document_metrics(DOC)
    got = document_metrics(DOC, chosen)
    assert list(got) == [*chosen, *(f"{m}_back" for m in chosen)]
    assert got == {k: every[k] for k in got}  # the same numbers and signatures as with every metric


def test_no_metrics_chosen_gives_none_and_still_empties_the_chrf_memo() -> None:
    import qa.metrics as metrics

    sentence_chrf(DOC.target, DOC.reference)  # a drift rule's pair, noted for the document's chrF
    assert metrics._chrf_pairs()
    assert document_metrics(DOC, ()) == {}
    assert not metrics._chrf_pairs()  # no statistics pass to the next document


def test_ter_is_not_computed_when_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """Leaving TER out saves its time: sacrebleu's TER is never called."""
    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("TER was computed")

    monkeypatch.setattr(TER, "corpus_score", refuse)
    assert set(qa.Engine(qa.Config(metrics=("bleu", "chrf"))).check(DOC).metrics) == {"bleu", "chrf", "bleu_back", "chrf_back"}
    with pytest.raises(AssertionError, match="TER was computed"):
        document_metrics(DOC, ("ter",))


def test_engine_default_reports_every_metric() -> None:
    assert set(qa.Engine().check(DOC).metrics) == {"bleu", "chrf", "ter", "bleu_back", "chrf_back", "ter_back"}
    assert qa.Config().metrics == qa.metrics.METRICS
