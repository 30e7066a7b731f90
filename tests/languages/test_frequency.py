"""The compact word-frequency tables answer exactly as wordfreq does."""

from __future__ import annotations

import gzip
import json
import random
import re
from pathlib import Path

import msgpack
import numpy as np
import pytest
import wordfreq

from qa.languages import frequency

CORPUS = Path(__file__).resolve().parents[2] / "corpora" / "synthetic" / "ntrex-synthetic.jsonl"


def test_zipf_equals_wordfreq() -> None:
    words = ["the", "The", "pregleda", "2019", "3.5", "don't", "U.S.", "ab-cd", "xyzzyq", "", "kp", "火", "Viber", "opština"]
    for lang in ("en", "sr", "de"):
        for w in words:
            assert frequency.zipf.__wrapped__(w, lang) == wordfreq.zipf_frequency(w, lang), (w, lang)


def _corpus_words(side: str) -> list[str]:
    docs = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return sorted({w for d in docs for w in re.findall(r"\S+", d[side])})


@pytest.mark.parametrize(("side", "lang"), [("target", "en"), ("source", "sr")])
def test_zipf_equals_wordfreq_on_a_corpus(side: str, lang: str) -> None:
    words = _corpus_words(side)
    assert len(words) > 300
    for w in words + [w.lower() for w in words] + [w.strip(".,:;\"'()") for w in words]:
        assert frequency.zipf.__wrapped__(w, lang) == wordfreq.zipf_frequency(w, lang), (w, lang)


def test_zipf_equals_wordfreq_on_listed_and_altered_words() -> None:
    # listed words from every band, as they are and altered (capitalised, with digits, with a letter
    # added or dropped: mostly unlisted); ru and de are the largest lists qa loads
    rng = random.Random(14)
    for lang in ("ru", "de", "pl"):
        listed = [w for band in wordfreq.get_frequency_list(lang) for w in band]
        sample = rng.sample(listed, 1500)
        for w in sample + [w.title() for w in sample[:300]] + [w + "7" for w in sample[:200]] + [
                "2" + w for w in sample[:200]] + [w + w[-1] for w in sample[:300]] + [w[:-1] for w in sample[:300]]:
            assert frequency.zipf.__wrapped__(w, lang) == wordfreq.zipf_frequency(w, lang), (w, lang)


def test_every_listed_word_has_wordfreqs_band() -> None:
    table = frequency._bands("sr")  # wordfreq's nearest list, "sh"
    expected: dict[str, int] = {}
    for band, words in enumerate(wordfreq.get_frequency_list("sr")):
        for w in words:
            expected[w] = band  # a word listed twice keeps its last band, as in wordfreq's dict
    assert len(table) == len(expected)
    assert all(table.get(w) == band for w, band in expected.items())
    assert sum(table.get(w + "\u0301q") is not None for w in list(expected)[:20000]) == 0


def test_vectorised_hashes_equal_the_lookup_hash() -> None:
    words = ["", "a", "kp", "火", "don't", "\U0001F600x", "\ud800", "é" * 150, "x" * 300, "ab", "ba", "the", "The"]
    words += [w for band in wordfreq.get_frequency_list("sr")[:400] for w in band][:20000]
    hashes = frequency._hashes(words)
    assert hashes.dtype == np.uint64
    assert [int(h) for h in hashes] == [frequency._hash(w) for w in words]
    assert frequency._hashes([]).shape == (0,)
    with pytest.raises(ValueError):
        frequency._hashes(["a\0b", "c"])


def test_hashes_of_equal_buffers_differ() -> None:
    # str hashes the internal buffer: "kp" and "火" are both the bytes 6b 70
    assert frequency._hash("kp") != frequency._hash("火")
    assert frequency.zipf.__wrapped__("kp", "en") == wordfreq.zipf_frequency("kp", "en")


def test_a_word_listed_twice_keeps_its_last_band() -> None:
    table = frequency._table(frequency._hashes(["a", "b", "a", "c", "b", "a"]), np.array([1, 2, 3, 4, 5, 6], dtype=np.uint16))
    assert len(table) == 3
    assert (table.get("a"), table.get("b"), table.get("c"), table.get("d")) == (6, 5, 4, None)


def _listed(path: str) -> list[str]:
    with gzip.open(path, "rb") as f:
        return [w for band in msgpack.unpackb(f.read(), raw=False)[1:] for w in band]


def test_no_two_words_of_a_list_share_a_hash() -> None:
    # a shared 64-bit hash would give one word the other's band: none in any list qa may load
    for lang, path in sorted(wordfreq.available_languages("best").items()):
        if lang in frequency._NEEDS_TOKENISER:
            continue
        words = _listed(path)
        distinct = len(set(words))
        assert len(np.unique(frequency._hashes(words))) == distinct, lang


def test_a_table_read_from_the_cache_equals_the_built_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QA_CACHE_DIR", "off")
    built = frequency._bands.__wrapped__("sr")  # in memory
    monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path))
    frequency._bands.__wrapped__("sr")  # written to the empty cache
    read = frequency._bands.__wrapped__("sr")  # mapped from it
    assert isinstance(read.keys, memoryview) and not isinstance(built.keys, memoryview)
    for name in ("starts", "keys", "checks", "bands"):
        assert list(getattr(read, name)) == list(getattr(built, name))
    assert all(read.get(w) == built.get(w) for band in wordfreq.get_frequency_list("sr")[:400] for w in band)
