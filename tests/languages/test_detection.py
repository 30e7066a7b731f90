"""qa's sparse copy of langdetect's n-gram table reads as langdetect's own, and detects the same."""

from __future__ import annotations

from langdetect.detector_factory import DetectorFactory, PROFILES_DIRECTORY

from qa.languages import detection
from qa.languages.profile import normalise


def test_sparse_table_reads_as_langdetects() -> None:
    ours = detection._detector_factory()
    theirs = DetectorFactory()
    theirs.load_profile(PROFILES_DIRECTORY)
    assert ours.langlist == theirs.langlist
    assert ours.word_lang_prob_map.keys() == theirs.word_lang_prob_map.keys()
    assert all(ours.word_lang_prob_map[w] == dense for w, dense in theirs.word_lang_prob_map.items())
    assert len(ours.word_lang_prob_map.probs) < 4 * len(theirs.word_lang_prob_map)  # sparse: few languages a row


def test_detect_is_langdetects_with_a_fixed_seed() -> None:
    from langdetect import DetectorFactory as Factory
    from langdetect.lang_detect_exception import LangDetectException

    theirs = DetectorFactory()
    theirs.load_profile(PROFILES_DIRECTORY)
    texts = ["Der Präsident hat heute in Berlin gesprochen.", "The president spoke in Berlin today.",
             "Predsjednik je danas govorio u Beogradu.", "Президент выступил сегодня в Москве.", "12345", "ok", "这是一个测试句子。"]
    for text in texts:
        Factory.seed = 0
        detector = theirs.create()
        detector.append(text)
        try:
            expected = {normalise(p.lang): p.prob for p in detector.get_probabilities()}
        except LangDetectException:
            expected = {}
        assert detection.detect.__wrapped__(text) == expected, text
