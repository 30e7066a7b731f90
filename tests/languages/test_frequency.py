"""The compact word-frequency tables answer exactly as wordfreq does."""

from __future__ import annotations

import wordfreq

from qa.languages import frequency


def test_zipf_equals_wordfreq() -> None:
    words = ["the", "The", "pregleda", "2019", "3.5", "don't", "U.S.", "ab-cd", "xyzzyq", "", "kp", "火", "Viber", "opština"]
    for lang in ("en", "sr", "de"):
        for w in words:
            assert frequency.zipf.__wrapped__(w, lang) == wordfreq.zipf_frequency(w, lang), (w, lang)


def test_every_listed_word_has_wordfreqs_band() -> None:
    table = frequency._bands("sr")  # wordfreq's nearest list, "sh"
    expected: dict[str, int] = {}
    for band, words in enumerate(wordfreq.get_frequency_list("sr")):
        for w in words:
            expected[w] = band  # a word listed twice keeps its last band, as in wordfreq's dict
    assert len(table.keys) >= len(expected)
    assert all(table.get(w) == band for w, band in expected.items())
    assert sum(table.get(w + "\u0301q") is not None for w in list(expected)[:20000]) == 0


def test_keys_of_equal_buffers_differ() -> None:
    # str hashes the internal buffer: "kp" and "火" are both the bytes 6b 70
    assert frequency._key("kp") != frequency._key("火")
    assert frequency.zipf.__wrapped__("kp", "en") == wordfreq.zipf_frequency("kp", "en")
