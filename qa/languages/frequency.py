"""Word frequencies from wordfreq: how common a word is in English and in a source language.

wordfreq ships its frequency lists inside the package, so nothing downloads
at run time. A rare or unknown English word is the cheap signal that a word,
or a sentence, is not English; langdetect (``qa.languages.detection``) is
asked only where this signal says it is worth it.

wordfreq itself holds each language's whole list as a Python dict (50 to 110
MiB a language, and seconds to build): ten source languages made up most of
a run's memory. Here each list is read once, band by band, into two
flat arrays (word hashes and frequency bands, ten bytes a word) when a
document first needs that language; the English one is built before the
worker processes fork, so they share it. :func:`zipf` answers exactly as
``wordfreq.zipf_frequency`` does (same tokenising, number smashing and
rounding, which this module calls from wordfreq); ``tests/languages`` checks
that on every word of a corpus.
"""

from __future__ import annotations

import bisect
import gzip
import math
import zlib
from array import array
from functools import lru_cache
from itertools import repeat
from typing import Iterable

# wordfreq needs extra tokenisers (jieba, MeCab) for these; their scripts are caught by script checks anyway
_NEEDS_TOKENISER = frozenset({"zh", "ja", "ko"})


@lru_cache(maxsize=None)
def wordfreq_list(code: str) -> str | None:
    """wordfreq's list for a language code, or None when wordfreq has none (or needs a tokeniser for it)."""
    import wordfreq

    return code if code in wordfreq.available_languages() and code not in _NEEDS_TOKENISER else None


def _key(word: str) -> int:
    """A word's 64-bit key: the hash of its UTF-8 bytes (``hash(str)`` hashes the internal buffer, so
    "kp" and "火", two bytes 6b 70 each, would collide)."""
    return hash(word.encode("utf-8", "surrogatepass"))


def _check(word: str) -> int:
    """A second, independent 32-bit digest of a word, compared on a key match."""
    return zlib.crc32(word.encode("utf-8", "surrogatepass"))


class _Bands:
    """A language's wordfreq list as flat arrays: the words' keys, sorted, each one's check digest and
    band (minus its frequency in centibels). Fourteen bytes a word instead of a dict entry's hundred;
    a word is found by bisection. A wrong answer needs another word to match both its 64-bit key and
    its 32-bit digest."""

    __slots__ = ("keys", "checks", "bands")

    def __init__(self, keys: array, checks: array, bands: array) -> None:
        self.keys = keys
        self.checks = checks
        self.bands = bands

    def get(self, word: str) -> int | None:
        k = _key(word)
        keys = self.keys
        lo = bisect.bisect_left(keys, k)
        hi = bisect.bisect_right(keys, k, lo)
        if lo == hi:
            return None
        c = _check(word)
        # a word listed twice: wordfreq's dict keeps its last (rarest) band, the last of equal keys here
        for i in range(hi - 1, lo - 1, -1):
            if self.checks[i] == c:
                return self.bands[i]  # type: ignore[no-any-return]
        return None


@lru_cache(maxsize=None)
def _bands(lang: str) -> _Bands:
    """The list wordfreq would use for ``lang``, read one band at a time (no list of every word is ever
    held), sorted stably by key so that a repeated word's last band comes last.

    Why not ``wordfreq.read_cBpack``: it decodes the whole list of lists first; on DEMETR's ten
    source languages that raised peak memory from 211 to 268 MB for the same report."""
    import langcodes
    import msgpack
    import numpy as np
    import wordfreq

    available = wordfreq.available_languages("best")
    best, _distance = langcodes.closest_match(lang, list(available), max_distance=60)  # as wordfreq.get_frequency_list
    if best == "und":
        raise LookupError(f"No wordlist 'best' available for language {lang!r}")
    keys, checks, bands = array("q"), array("I"), array("H")
    with gzip.open(available[best], "rb") as infile:
        unpacker = msgpack.Unpacker(infile, raw=False)
        size = unpacker.read_array_header()
        header = unpacker.unpack()
        if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
            raise ValueError(f"{available[best]}: unexpected header {header!r}")
        for band in range(size - 1):
            words = unpacker.unpack()
            keys.extend(map(_key, words))
            checks.extend(map(_check, words))
            bands.extend(repeat(band, len(words)))
    k = np.frombuffer(keys, dtype=np.int64)
    order = np.argsort(k, kind="stable")
    return _Bands(
        array("q", k[order].tobytes()),
        array(checks.typecode, np.frombuffer(checks, dtype=np.dtype(f"u{checks.itemsize}"))[order].tobytes()),
        array("H", np.frombuffer(bands, dtype=np.uint16)[order].tobytes()),
    )


@lru_cache(maxsize=200_000)
def zipf(word: str, lang: str) -> float:
    """Zipf frequency (0 = unknown, 7 = "the") of a word in a wordfreq list: ``wordfreq.zipf_frequency(word, lang)``."""
    if lang in _NEEDS_TOKENISER:
        return 0.0
    from wordfreq import INFERRED_SPACE_FACTOR, cB_to_freq, freq_to_zipf, zipf_to_freq
    from wordfreq.language_info import get_language_info
    from wordfreq.numbers import digit_freq, smash_numbers
    from wordfreq.tokens import lossy_tokenize

    minimum = zipf_to_freq(0.0)
    return round(freq_to_zipf(_frequency(word, lang, minimum, lossy_tokenize, smash_numbers, digit_freq, cB_to_freq,
                                         get_language_info, INFERRED_SPACE_FACTOR)), 2)


def _frequency(word, lang, minimum, lossy_tokenize, smash_numbers, digit_freq, cB_to_freq, get_language_info, space_factor):  # type: ignore[no-untyped-def]
    """``wordfreq._word_frequency``, line for line, with the flat arrays in place of wordfreq's dict."""
    tokens = lossy_tokenize(word, lang)
    if not tokens:
        return minimum
    table = _bands(lang)
    one_over_result = 0.0
    for token in tokens:
        smashed = smash_numbers(token)
        band = table.get(smashed)
        if band is None:
            return minimum
        freq = cB_to_freq(-band)
        if smashed != token:
            freq *= digit_freq(token)
        one_over_result += 1.0 / freq
    freq = 1.0 / one_over_result
    if get_language_info(lang)["tokenizer"] == "jieba":
        freq *= space_factor ** -(len(tokens) - 1)
    unrounded = max(freq, minimum)
    if unrounded == 0.0:
        return 0.0
    leading_zeroes = math.floor(-math.log(unrounded, 10))
    return round(unrounded, leading_zeroes + 3)


@lru_cache(maxsize=200_000)
def english(word: str) -> float:
    """Zipf frequency of a word in English (its own cache: it is asked for every word of every text)."""
    return zipf(word, "en")


def foreign_ratio(words: Iterable[str]) -> float:
    """Share of words that are rare or unknown in English (the cheap non-English signal).

    Capitalised words are left out (names say nothing about the language of
    the sentence around them) unless nothing else is left; digits are left out.
    """
    words = [w for w in words if w.isalpha()]
    common = [w for w in words if not w[0].isupper()] or words
    if not common:
        return 0.0
    return sum(1 for w in common if english(w.lower()) < 2.5) / len(common)
